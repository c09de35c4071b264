"""The pages behind the links in mails, in English."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "confirm_title": "Confirm your e-mail address",
    "confirm_text": "Hello {name}! Press the button to confirm the address and activate your "
    "sign-up.",
    "confirm_button": "Confirm",
    "confirmed_title": "Thank you, you are in!",
    "confirmed_text": "Your address is confirmed and your profile is active. We will be in "
    "touch when we have found someone for you to meet.",
    "accept_title": "Does the time suit you?",
    "accept_text": "The suggestion is that you and {other} meet on {when}. Press the button if "
    "the time suits you.",
    "accept_button": "Yes, the time suits me",
    "accepted_title": "Thank you for answering!",
    "accepted_wait": "We are waiting for {other} to answer and will mail you both when the time "
    "is agreed.",
    "agreed_text": "Then it is agreed: you meet on {when}. We have mailed you both.",
    "decline_title": "Can you not take part?",
    "decline_text": "Press the button if you cannot meet {other}. We will tell {other} and look "
    "for a new match.",
    "decline_button": "I cannot take part",
    "declined_title": "Thank you for letting us know",
    "declined_text": "We have told {other}. There is nothing more you need to do.",
    "propose_title": "Suggest another time",
    "propose_text": "Choose a day and a time that suit you for the meeting with {other} (one "
    "hour). We send your suggestion to {other}.",
    "propose_date": "Day",
    "propose_time": "Time",
    "propose_button": "Send the suggestion",
    "proposed_title": "Your suggestion has been sent",
    "proposed_text": "We have asked {other} whether {when} suits them. You will get a mail when "
    "the time is agreed.",
    "err_when": "Choose a day and a time ahead, within a year.",
    "err_when_holiday": "That day is a public holiday in Sweden. Please choose another day.",
    "err_when_unavailable": "That time is outside the times the person you are meeting can "
    "make. Please choose another time.",
    "err_when_busy": "One of you already has another meeting in the programme then. Please "
    "choose another time.",
    "propose_hint": "{other} can usually meet: {times}. The meeting takes an hour.",
    "propose_hint_office": "{other} can meet on weekdays, 09:00–17:00. The meeting takes an hour.",
    "met_title": "Have you met?",
    "met_text": "Tell us about your meeting with {other}, and the baton is passed on.",
    "met_mode": "How did you meet?",
    "met_date": "Day of the meeting",
    "met_button": "Yes, we have met",
    "met_done_title": "Thank you! The baton is passed on",
    "met_done_text": "The meeting is saved. The door-opener gets a mail asking for new contacts, "
    "and the participant a few short questions about the meeting.",
    "err_met_date": "Choose the day you met (not in the future).",
    "contacts_title": "Open doors for {other}",
    "contacts_text": "Name up to {max} people whom {other} should meet. They get an invitation "
    "saying that you suggested them. We store only name and e-mail address until they have "
    "said yes themselves.",
    "contact_n": "Contact {n}",
    "contact_name": "Name",
    "contact_email": "E-mail address",
    "contact_note": "Why this person? The text goes into the invitation but is not stored.",
    "contacts_button": "Send the invitations",
    "no_doors_legend": "Could you not find a door to open?",
    "no_doors_reason": "Tell us briefly why, and we will help {other} on with a new door-opener.",
    "no_doors_button": "Ask for a new door-opener",
    "contacts_done_title": "Thank you for opening doors!",
    "contacts_done_text": "We have sent invitations to {n} people. When they sign up we suggest "
    "a meeting with {other}.",
    "no_doors_done_title": "Thank you for letting us know",
    "no_doors_done_text": "We will look for a new door-opener for {other}.",
    "err_contacts_none": "Fill in at least one contact.",
    "err_contact_name": "Write the contact's name.",
    "err_contact_email": "Write a valid e-mail address for the contact.",
    "err_contact_self": "A door leads onward: name someone other than the two of you.",
    "err_contact_twice": "The same person is named twice.",
    "err_contact_note": "Write at most 500 characters.",
    "err_contacts_limit": "You can name at most {max} more contacts for this meeting.",
    "err_no_doors_reason": "Write a few words on why (at most 1,000 characters).",
    "follow_up_title": "How did the meeting with {other} go?",
    "q_understood_market_better": "Do you understand the labour market in Sweden better after "
    "the meeting?",
    "q_integration_helped": "Has the meeting mattered for your way into Swedish society?",
    "q_kept_in_contact": "Have you kept in touch since the meeting?",
    "q_outcome": "Has the meeting led to any of these?",
    "outcome_none": "None of these (yet)",
    "outcome_job": "A job",
    "outcome_internship": "An internship",
    "outcome_education": "Education or training",
    "outcome_other": "Something else",
    "follow_up_comment": "Would you like to tell us more?",
    "follow_up_button": "Send the answers",
    "follow_up_done_title": "Thank you for your answers!",
    "follow_up_done_text": "Your answers help us open more doors.",
    "err_answer": "Answer yes or no.",
    "invitation_title": "Welcome as a door-opener",
    "invitation_intro": "{introducer} has suggested you as the next door-opener for "
    "{participant}. Fill in the form and we will suggest a meeting between you.",
    "invitation_done_title": "Thank you! You are now a door-opener",
    "invitation_done_text": "We have suggested a meeting with {participant} and mailed you both "
    "contact details and a suggested time.",
    "invitation_member_text": "You are already with us, so we have suggested a meeting with "
    "{participant} straight away and mailed you both.",
    "invitation_closed_text": "You are already with us but not as a door-opener, or your "
    "profile is paused. Get in touch and we will sort it out.",
    "invitation_decline_title": "No thank you",
    "invitation_decline_text": "Press the button and we remove your name and e-mail address at "
    "once. Nobody else needs to do anything.",
    "invitation_decline_button": "Remove my details",
    "invitation_declined_title": "Your details have been removed",
    "invitation_declined_text": "Thank you for answering. We will not contact you again.",
    "profile_title": "Your profile",
    "profile_active": "Your profile is active: you can be matched.",
    "profile_paused": "Your profile is paused: you get no new matches.",
    "profile_pause": "Pause my profile",
    "profile_reactivate": "Make my profile active again",
    "profile_export": "Download my data",
    "profile_export_text": "You get everything we hold about you as a file (JSON).",
    "profile_withdraw_legend": "Withdraw my consent",
    "profile_withdraw_text": "Then we remove your name, e-mail address, phone number and "
    "free-text answers for good. Only anonymous figures remain, so that the programme's "
    "statistics stay true. This cannot be undone.",
    "profile_withdraw_confirm": "Yes, I want you to remove my data",
    "profile_withdraw": "Remove my data",
    "profile_paused_title": "Your profile is paused",
    "profile_paused_text": "We have mailed you a link to use when you want to take part again.",
    "profile_reactivated_title": "Welcome back!",
    "profile_reactivated_text": "Your profile is active again.",
    "profile_erased_title": "Your data has been removed",
    "profile_erased_text": "Thank you for opening doors with us.",
    "err_withdraw_confirm": "Tick the box if you really want your data removed.",
    "request_title": "Get a link to your profile",
    "request_text": "Write your e-mail address. If we know it, we send a link there, where you "
    "can pause, reactivate, download or remove your profile.",
    "request_button": "Send the link",
    "request_done_title": "Please check your inbox",
    "request_done_text": "If we know the address, we have sent a link to it.",
}
