"""The self-service pages in Swedish, the programme's language and every page's default."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Frame
    "privacy_link": "Så hanterar vi dina uppgifter",
    "profile_link": "Min profil",
    "other_lang": "English",
    "other_lang_code": "en",
    "optional": "(frivilligt)",
    "choose": "Välj …",
    "yes": "Ja",
    "no": "Nej",
    "send": "Skicka",
    # Sign-up
    "join_title_door_opener": "Bli dörröppnare",
    "join_title_participant": "Bli deltagare",
    "join_intro_door_opener": (
        "Som dörröppnare träffar du en person som är ny i Sverige under en timme, delar med dig "
        "av hur din bransch fungerar och tipsar sedan om två personer i ditt nätverk som hen kan "
        "träffa härnäst. Mer än så behöver det inte vara – men ni får gärna ses igen."
    ),
    "join_intro_participant": (
        "Sju av tio jobb tillsätts via kontakter. Som deltagare träffar du en dörröppnare i din "
        "bransch under en timme. Målet är inte ett jobb direkt, utan en ny kontakt som leder "
        "till fler: efter varje möte öppnas två nya dörrar, och ditt nätverk växer."
    ),
    "rules_title_door_opener": "Vem kan bli dörröppnare?",
    "rules_door_opener": (
        "Du ser dig själv som etablerad i Sverige.\n"
        "Du har ett nätverk som du gärna delar med dig av.\n"
        "Du har minst gymnasieutbildning.\n"
        "Du har arbetat i minst tre år.\n"
        "Du kan ha ett samtal på svenska, och gärna på fler språk."
    ),
    "rules_title_participant": "Vem kan bli deltagare?",
    "rules_participant": (
        "Du har utländsk bakgrund.\n"
        "Du har uppehållstillstånd i Sverige.\n"
        "Du har minst gymnasieutbildning.\n"
        "Du kan ha möten på svenska eller på ett annat språk som dörröppnarna talar, till "
        "exempel engelska, franska eller arabiska."
    ),
    "about_you": "Om dig",
    "name": "För- och efternamn",
    "email": "E-postadress",
    "email_hint": "Vi mejlar en länk hit som du trycker på för att bekräfta adressen.",
    "phone": "Telefonnummer",
    "languages": "Språk du kan ha ett möte på",
    "languages_other": "Fler språk",
    "languages_other_hint": "Håll ned Ctrl (eller Cmd) för att välja flera.",
    "home_place": "Kommun där du bor",
    "work_legend": "Arbete och utbildning",
    "industry": "Bransch du arbetar i eller vill arbeta i",
    "education_level": "Högsta avslutade utbildning",
    "level_compulsory": "Grundskola",
    "level_upper_secondary": "Gymnasium",
    "level_post_secondary": "Eftergymnasial utbildning (till exempel yrkeshögskola)",
    "level_bachelor": "Kandidatexamen eller motsvarande",
    "level_master": "Master- eller magisterexamen",
    "level_doctorate": "Doktorsexamen",
    "education_field": "Utbildningsområde",
    "work_years": "Antal år du har arbetat",
    "years_in_sweden": "Antal år du har bott i Sverige",
    "you_legend": "Det här gäller för mig",
    "foreign_background": "Jag har utländsk bakgrund",
    "residence_permit": "Jag har uppehållstillstånd i Sverige",
    "established_in_sweden": "Jag ser mig själv som etablerad i Sverige",
    "retired": "Jag är pensionär",
    "max_active_matches": "Hur många deltagare kan du träffa under samma period?",
    "meetings_legend": "Möten",
    "meeting_modes": "Hur kan du ses?",
    "mode_in_person": "På plats",
    "mode_digital": "Digitalt",
    "availability": "När passar det dig oftast?",
    "availability_hint": "Kryssa i det som brukar passa. Lämnar du allt tomt föreslår vi "
    "en tid på vardagar mellan 9 och 17.",
    "morning": "Förmiddag 9–12",
    "afternoon": "Eftermiddag 13–17",
    "weekdays": "Måndag Tisdag Onsdag Torsdag Fredag",
    "consent_legend": "Samtycke",
    "consent": (
        "Jag samtycker till att Dörrnät sparar uppgifterna ovan för att matcha mig med andra i "
        "programmet och följa upp våra möten, och att den jag matchas med får mitt namn, min "
        "e-postadress och mitt telefonnummer."
    ),
    "consent_more": "Läs mer om vad vi sparar och varför",
    "honeypot": "Lämna det här fältet tomt",
    "submit_door_opener": "Anmäl mig som dörröppnare",
    "submit_participant": "Anmäl mig som deltagare",
    "errors_title": "Något behöver rättas innan vi kan ta emot anmälan",
    "err_name": "Skriv ditt namn (högst 200 tecken, på en rad).",
    "err_email": "Skriv en giltig e-postadress.",
    "err_phone": "Skriv telefonnumret med siffror, till exempel +46 70 123 45 67.",
    "err_languages": "Välj minst ett språk.",
    "err_home_place": "Välj en kommun i listan.",
    "err_industries": "Välj en bransch i listan.",
    "err_education_level": "Välj din högsta utbildning.",
    "err_education_fields": "Välj ett utbildningsområde i listan.",
    "err_work_years": "Skriv antal år som ett heltal mellan 0 och 80.",
    "err_years_in_sweden": "Skriv antal år som ett tal mellan 0 och 120.",
    "err_meeting_modes": "Välj minst ett sätt att ses.",
    "err_max_active_matches": "Välj ett antal i listan.",
    "err_consent": "Vi behöver ditt samtycke för att kunna ta emot anmälan.",
    "err_other": "Kontrollera uppgiften.",
    "rule_door_opener_established_in_sweden": "En dörröppnare ser sig som etablerad i Sverige.",
    "rule_door_opener_education.level": "En dörröppnare har minst gymnasieutbildning.",
    "rule_door_opener_work_years": "En dörröppnare har arbetat i minst tre år.",
    "rule_door_opener_languages": "En dörröppnare kan ha ett samtal på svenska.",
    "rule_participant_foreign_background": "En deltagare har utländsk bakgrund.",
    "rule_participant_residence_permit": "En deltagare har uppehållstillstånd i Sverige.",
    "rule_participant_education.level": "En deltagare har minst gymnasieutbildning.",
    "done_title": "Tack! Titta i din inkorg",
    "done_text": (
        "Vi har skickat ett mejl till adressen du angav. Öppna länken i mejlet och bekräfta "
        "adressen – först då blir anmälan aktiv. Har inget kommit inom en stund? Titta i "
        "skräpposten."
    ),
    # Refusals
    "refused_invalid_title": "Länken fungerar inte",
    "refused_invalid": "Länken är ofullständig eller har ändrats. Kopiera hela länken från "
    "mejlet och försök igen.",
    "refused_expired_title": "Länken har gått ut",
    "refused_expired": "Av säkerhetsskäl gäller länkarna i våra mejl bara en tid. Hör av dig "
    "till oss, så skickar vi en ny.",
    "refused_used_title": "Länken är redan använd",
    "refused_used": "Den här länken har redan använts och fungerar bara en gång. Det du gjorde "
    "då är sparat.",
    "refused_gone_title": "Det finns inget att göra här längre",
    "refused_gone": "Det länken gällde finns inte kvar, eller är redan avslutat.",
    "csrf_title": "Formuläret har gått ut",
    "csrf": "Sidan var öppen för länge, eller kom inte från oss. Ladda om sidan och försök igen.",
    "limited_title": "För många försök",
    "limited": "Vi har fått många försök härifrån på kort tid. Vänta en stund och försök igen.",
    "closed_title": "Matchningen är inte längre öppen",
    "closed": "Den här matchningen är redan avslutad, så det går inte att svara på den längre.",
    "start_over": "Till startsidan",
}
