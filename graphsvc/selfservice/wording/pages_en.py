"""The self-service pages in English (`?lang=en`)."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Frame
    "privacy_link": "How we handle your data",
    "profile_link": "My profile",
    "other_lang": "Svenska",
    "other_lang_code": "sv",
    "optional": "(optional)",
    "choose": "Choose …",
    "yes": "Yes",
    "no": "No",
    "send": "Send",
    # Sign-up
    "join_title_door_opener": "Become a door-opener",
    "join_title_participant": "Become a participant",
    "join_intro_door_opener": (
        "As a door-opener you meet someone who is new to Sweden for an hour, share how your "
        "field works, and then suggest two people in your network for them to meet next. That "
        "is all it takes – though you are welcome to meet again."
    ),
    "join_intro_participant": (
        "Seven jobs in ten are filled through contacts. As a participant you meet a door-opener "
        "in your field for an hour. The aim is not a job straight away but a new contact who "
        "leads to more: after every meeting two new doors open, and your network grows."
    ),
    "rules_title_door_opener": "Who can be a door-opener?",
    "rules_door_opener": (
        "You see yourself as established in Sweden.\n"
        "You have a network you are happy to share.\n"
        "You have at least upper-secondary education.\n"
        "You have worked for at least three years.\n"
        "You can hold a conversation in Swedish, and preferably in more languages."
    ),
    "rules_title_participant": "Who can be a participant?",
    "rules_participant": (
        "You have a foreign background.\n"
        "You have a residence permit in Sweden.\n"
        "You have at least upper-secondary education.\n"
        "You can hold meetings in Swedish or in another language the door-openers speak, such "
        "as English, French or Arabic."
    ),
    "about_you": "About you",
    "name": "First and last name",
    "email": "E-mail address",
    "email_hint": "We mail a link here that you press to confirm the address.",
    "phone": "Phone number",
    "languages": "Languages you can hold a meeting in",
    "languages_other": "More languages",
    "languages_other_hint": "Hold down Ctrl (or Cmd) to choose several.",
    "home_place": "Municipality you live in",
    "work_legend": "Work and education",
    "industry": "Field you work in or want to work in",
    "education_level": "Highest completed education",
    "level_compulsory": "Compulsory school",
    "level_upper_secondary": "Upper-secondary school",
    "level_post_secondary": "Post-secondary education (e.g. vocational college)",
    "level_bachelor": "Bachelor's degree or similar",
    "level_master": "Master's degree",
    "level_doctorate": "Doctorate",
    "education_field": "Field of education",
    "work_years": "Years you have worked",
    "years_in_sweden": "Years you have lived in Sweden",
    "you_legend": "This applies to me",
    "foreign_background": "I have a foreign background",
    "residence_permit": "I have a residence permit in Sweden",
    "established_in_sweden": "I see myself as established in Sweden",
    "retired": "I am retired",
    "max_active_matches": "How many participants can you meet in the same period?",
    "meetings_legend": "Meetings",
    "meeting_modes": "How can you meet?",
    "mode_in_person": "In person",
    "mode_digital": "Online",
    "availability": "When does it usually suit you?",
    "availability_hint": "Tick what usually works. If you leave it all empty we suggest a "
    "time on weekdays between 9 and 17.",
    "morning": "Morning 9–12",
    "afternoon": "Afternoon 13–17",
    "weekdays": "Monday Tuesday Wednesday Thursday Friday",
    "consent_legend": "Consent",
    "consent": (
        "I agree that Dörrnät stores the details above to match me with others in the "
        "programme and follow up our meetings, and that the person I am matched with receives "
        "my name, e-mail address and phone number."
    ),
    "consent_more": "Read more about what we store and why",
    "honeypot": "Leave this field empty",
    "submit_door_opener": "Sign me up as a door-opener",
    "submit_participant": "Sign me up as a participant",
    "errors_title": "Something needs correcting before we can take your sign-up",
    "err_name": "Write your name (at most 200 characters, on one line).",
    "err_email": "Write a valid e-mail address.",
    "err_phone": "Write the phone number in digits, e.g. +46 70 123 45 67.",
    "err_languages": "Choose at least one language.",
    "err_home_place": "Choose a municipality from the list.",
    "err_industries": "Choose a field from the list.",
    "err_education_level": "Choose your highest education.",
    "err_education_fields": "Choose a field of education from the list.",
    "err_work_years": "Write the years as a whole number between 0 and 80.",
    "err_years_in_sweden": "Write the years as a number between 0 and 120.",
    "err_meeting_modes": "Choose at least one way to meet.",
    "err_max_active_matches": "Choose a number from the list.",
    "err_consent": "We need your consent to take your sign-up.",
    "err_other": "Please check this.",
    "rule_door_opener_established_in_sweden": "A door-opener sees themself as established in "
    "Sweden.",
    "rule_door_opener_education.level": "A door-opener has at least upper-secondary education.",
    "rule_door_opener_work_years": "A door-opener has worked for at least three years.",
    "rule_door_opener_languages": "A door-opener can hold a conversation in Swedish.",
    "rule_participant_foreign_background": "A participant has a foreign background.",
    "rule_participant_residence_permit": "A participant has a residence permit in Sweden.",
    "rule_participant_education.level": "A participant has at least upper-secondary education.",
    "done_title": "Thank you! Please check your inbox",
    "done_text": (
        "We have sent a mail to the address you gave. Open the link in it and confirm the "
        "address – only then does your sign-up become active. Nothing there after a while? "
        "Look in your spam folder."
    ),
    # Refusals
    "refused_invalid_title": "The link does not work",
    "refused_invalid": "The link is incomplete or has been changed. Copy the whole link from the "
    "mail and try again.",
    "refused_expired_title": "The link has expired",
    "refused_expired": "For your safety the links in our mails work only for a while. Get in "
    "touch and we will send a new one.",
    "refused_used_title": "The link has been used",
    "refused_used": "This link has been used already and works only once. What you did then "
    "is saved.",
    "refused_gone_title": "There is nothing left to do here",
    "refused_gone": "What the link was about no longer exists, or has been closed already.",
    "csrf_title": "The form has expired",
    "csrf": "The page was open for too long, or did not come from us. Reload it and try again.",
    "limited_title": "Too many attempts",
    "limited": "We have had many attempts from here in a short time. Please wait a while and "
    "try again.",
    "closed_title": "The match is no longer open",
    "closed": "This match has been closed already, so it can no longer be answered.",
    "start_over": "To the start page",
}
