"""The privacy page and the staff's waiting list, in English."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "privacy_title": "How we handle your data",
    "privacy_what_title": "What we store",
    "privacy_what": (
        "What you fill in when you sign up: name, e-mail address, phone number if you give it, "
        "languages, municipality, field, education, years of work and in Sweden, your answers "
        "to the questions on who can take part, how and when you can meet, and when you gave "
        "your consent. After that we store your matches, meetings, the doors that are opened "
        "and your answers to the follow-up questions."
    ),
    "privacy_why_title": "Why",
    "privacy_why": (
        "To match you with someone who speaks your language, lives nearby and shares your field "
        "or education, to suggest a time, and to follow how the network grows as doors open. "
        "The programme's statistics use anonymous figures only."
    ),
    "privacy_who_title": "Who sees it",
    "privacy_who": (
        "Dörrnät's staff. The person you are matched with receives your name, e-mail address, "
        "phone number and a suggested time – nothing else. We never sell data or pass it on to "
        "anyone else."
    ),
    "privacy_invited_title": "If someone suggested you",
    "privacy_invited": (
        "When a door-opener suggests you, we store only your name and e-mail address, to send "
        "the invitation. If you say no we remove them at once; if you do not answer we remove "
        "them after {days} days."
    ),
    "privacy_rights_title": "Your rights",
    "privacy_rights": (
        "At any time you can pause your profile, download everything we hold about you, or "
        "withdraw your consent – then we remove your personal data for good. You do all of "
        "this through the link at the bottom of our mails, or by asking for a new link here:"
    ),
    "privacy_links_title": "The links in our mails",
    "privacy_links": (
        "The links are personal and work for a limited time, and those that change something "
        "work only once. They contain no personal data. Do not share them."
    ),
    "waiting_title": "Waiting for an answer",
    "waiting_intro": "Everything waiting for someone to answer, oldest first. Reminders go out "
    "automatically once; here you can send a mail again.",
    "waiting_sign_up": "Unconfirmed e-mail addresses",
    "waiting_invitation": "Invitations not answered",
    "waiting_match": "Matches not answered",
    "waiting_meeting": "Meetings not confirmed",
    "waiting_doors": "Doors not opened",
    "waiting_since": "Since",
    "waiting_who": "Who",
    "waiting_for": "Waiting for",
    "waiting_reminded": "Reminded",
    "waiting_none": "Nothing is waiting.",
    "waiting_resend": "Send again",
    "waiting_resent": "The mail has been sent again.",
    "waiting_failed": "The mail could not be sent: {detail}",
    "waiting_more": "Show more",
    "who_participant": "participant",
    "who_door_opener": "door-opener",
    "who_person": "the person who signed up",
    "who_invitee": "the invited contact",
    "invited_by": "suggested by",
}
