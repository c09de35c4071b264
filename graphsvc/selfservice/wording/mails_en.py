"""The self-service mails in English, for people who do not speak Swedish."""

from __future__ import annotations

SIGNATURE = "\n\nBest wishes\nDörrnät"
FOOTER = (
    "\n\n--\nWant to pause your profile, download your data or have it removed? "
    "Use this link: {profile}"
)

TEXT: dict[str, str] = {
    "role_door_opener": "door-opener",
    "role_participant": "participant",
    "reminder_subject": "Reminder: {subject}",
    "reminder_intro": "A friendly reminder – we have not heard from you yet.\n\n",
    "link_days": "The link works for {days} days.",
    "footer": FOOTER,
    "confirm_subject": "Dörrnät: please confirm your e-mail address",
    "confirm_body": (
        "Hello {name},\n\n"
        "Thank you for joining Dörrnät as a {role}. Please confirm your e-mail address: open "
        "the link below and press the button. Your profile becomes active, and we can match "
        "you, only then.\n\n{link}\n\n{link_days}\n\n"
        "Did you not sign up? Then just ignore this mail; without a confirmation nothing more "
        "happens." + SIGNATURE
    ),
    "already_subject": "Dörrnät: you are already with us",
    "already_body": (
        "Hello {name},\n\n"
        "Someone – most likely you – just tried to sign up for Dörrnät with this e-mail "
        "address. You already have a profile with us, so no new one was made.\n\n"
        "Here you can look at your profile, pause it or make it active again:\n{link}\n\n"
        "Was it not you? Then there is nothing you need to do." + SIGNATURE
    ),
    "match_subject": "Dörrnät: does the meeting time suit you?",
    "match_body": (
        "Hello {name},\n\n"
        "You have had a mail with the contact details of {other} and a suggested time: "
        "{when}. Feel free to get in touch with each other, then tell us whether the time "
        "suits you – one click is enough:\n\n"
        "The time suits me:\n{accept}\n\n"
        "I would like to suggest another time:\n{propose}\n\n"
        "I cannot take part in the meeting:\n{decline}" + SIGNATURE
    ),
    "match_links": (
        "Does the time suit you? Once you have been in touch, tell us with one click:\n\n"
        "The time suits me:\n{accept}\n\n"
        "I would like to suggest another time:\n{propose}\n\n"
        "I cannot take part in the meeting:\n{decline}"
    ),
    "proposed_subject": "Dörrnät: {other} suggests a new time",
    "proposed_body": (
        "Hello {name},\n\n"
        "{other} suggests meeting on {when} instead. Does that suit you?\n\n"
        "Yes, the time suits me:\n{accept}\n\n"
        "I would like to suggest another time:\n{propose}\n\n"
        "I cannot take part in the meeting:\n{decline}" + SIGNATURE
    ),
    "agreed_subject": "Dörrnät: your meeting time is agreed",
    "agreed_body": (
        "Hello {name},\n\n"
        "You and {other} have both said yes to {when}. Choose a place where you both feel "
        "comfortable, such as a workplace or a café, or meet online.\n\n"
        "After the meeting, tell us that you have met, and the baton is passed on:\n{met}"
        + SIGNATURE
    ),
    "declined_subject": "Dörrnät: the meeting with {other} will not take place",
    "declined_body": (
        "Hello {name},\n\n"
        "Unfortunately {other} cannot take part in your meeting. It says nothing about you – "
        "sometimes it simply does not fit. We at Dörrnät will look for a new match and be in "
        "touch." + SIGNATURE
    ),
    "met_subject": "Dörrnät: have you and {other} met?",
    "met_body": (
        "Hello {name},\n\n"
        "The time of your meeting with {other} has passed. Have you met? Tell us with one "
        "click, and the baton is passed on:\n\n{link}\n\n"
        "Not met yet? Please agree a new time together." + SIGNATURE
    ),
    "contacts_subject": "Dörrnät: pass the baton on",
    "contacts_body": (
        "Hello {name},\n\n"
        "Thank you for meeting {other}! Now it is time to open doors: give us the names and "
        "e-mail addresses of up to {max} people in your network whom {other} should meet – "
        "someone who knows the field well, someone who could use what {other} can do, or "
        "someone with a wide network. We send them an invitation saying that you suggested "
        "them.\n\n{link}\n\n"
        "Could you not find a door to open? Tell us through the same link, and we will help "
        "{other} on with a new door-opener." + SIGNATURE
    ),
    "follow_up_subject": "Dörrnät: how did the meeting with {other} go?",
    "follow_up_body": (
        "Hello {name},\n\n"
        "How nice that you have met {other}. Please answer four short questions about the "
        "meeting – it takes a minute and helps us make the programme better:\n\n{link}" + SIGNATURE
    ),
    "invitation_subject": "{introducer} would like you to meet {participant}",
    "invitation_body": (
        "Hello {name},\n\n"
        "{introducer} is a door-opener in Dörrnät and has just met {participant}, who is new "
        "to Sweden and wants to widen their professional network. {introducer} thinks you are "
        "the right person for {participant} to meet next.{note}\n\n"
        "Dörrnät matches people established in Sweden (door-openers) with newcomers "
        "(participants). All we ask is a one-hour meeting in which you share experience and "
        "then suggest two new contacts – so the baton is passed on.\n\n"
        "Would you like to take part? Sign up as a door-opener here:\n{link}\n\n"
        "Not for you? Press here and we remove your details at once:\n{decline}\n\n"
        "We have stored only your name and e-mail address. If you do not answer, we remove "
        "them after {days} days." + SIGNATURE
    ),
    "invitation_note": "\n\n{introducer} writes: “{note}”",
    "profile_subject": "Dörrnät: your profile",
    "profile_body": (
        "Hello {name},\n\n"
        "Here is the link to your profile. There you can pause it, make it active again, "
        "download everything we hold about you, or have your data removed:\n\n{link}\n\n"
        "{link_days}" + SIGNATURE
    ),
    "paused_subject": "Dörrnät: your profile is paused",
    "paused_body": (
        "Hello {name},\n\n"
        "Your profile is now paused, and you will get no new matches. Whenever you want to "
        "take part again, make it active here:\n\n{link}" + SIGNATURE
    ),
    "erased_subject": "Dörrnät: your data has been removed",
    "erased_body": (
        "Hello {name},\n\n"
        "As you asked, we have removed your name, e-mail address, phone number and free-text "
        "answers. This is the last mail you will get from us. Thank you for opening doors "
        "with us!" + SIGNATURE
    ),
}
