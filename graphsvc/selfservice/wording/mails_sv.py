"""The self-service mails in Swedish. `{link}` and friends are filled in by `mails.py`."""

from __future__ import annotations

SIGNATURE = "\n\nVänliga hälsningar\nDörrnät"
FOOTER = (
    "\n\n--\nVill du pausa din profil, ladda ner dina uppgifter eller ta bort dem? "
    "Använd den här länken: {profile}"
)

TEXT: dict[str, str] = {
    "role_door_opener": "dörröppnare",
    "role_participant": "deltagare",
    "reminder_subject": "Påminnelse: {subject}",
    "reminder_intro": "En vänlig påminnelse – vi har inte hört av dig än.\n\n",
    "link_days": "Länken gäller i {days} dagar.",
    "footer": FOOTER,
    "confirm_subject": "Dörrnät: bekräfta din e-postadress",
    "confirm_body": (
        "Hej {name}!\n\n"
        "Tack för att du vill vara med i Dörrnät som {role}. Bekräfta din e-postadress genom "
        "att öppna länken nedan och trycka på knappen. Först då blir din profil aktiv och vi "
        "kan matcha dig.\n\n{link}\n\n{link_days}\n\n"
        "Har du inte anmält dig? Då kan du bortse från det här mejlet; utan bekräftelse "
        "händer ingenting mer." + SIGNATURE
    ),
    "already_subject": "Dörrnät: du finns redan hos oss",
    "already_body": (
        "Hej {name}!\n\n"
        "Någon – förmodligen du – försökte just anmäla sig till Dörrnät med den här "
        "e-postadressen. Du har redan en profil hos oss, så ingen ny skapades.\n\n"
        "Här kan du se över din profil, pausa den eller aktivera den igen:\n{link}\n\n"
        "Var det inte du? Då behöver du inte göra något." + SIGNATURE
    ),
    "match_subject": "Dörrnät: passar tiden för ert möte?",
    "match_body": (
        "Hej {name}!\n\n"
        "Du har fått ett mejl med kontaktuppgifter till {other} och ett förslag på tid: "
        "{when}. Hör gärna av er till varandra och berätta sedan för oss om tiden passar – "
        "ett klick räcker:\n\n"
        "Tiden passar mig:\n{accept}\n\n"
        "Jag vill föreslå en annan tid:\n{propose}\n\n"
        "Jag kan inte delta i mötet:\n{decline}" + SIGNATURE
    ),
    "match_links": (
        "Passar tiden? När ni har hörts av, svara oss med ett klick:\n\n"
        "Tiden passar mig:\n{accept}\n\n"
        "Jag vill föreslå en annan tid:\n{propose}\n\n"
        "Jag kan inte delta i mötet:\n{decline}"
    ),
    "proposed_subject": "Dörrnät: {other} föreslår en ny tid",
    "proposed_body": (
        "Hej {name}!\n\n"
        "{other} föreslår att ni ses {when} i stället. Passar det dig?\n\n"
        "Ja, tiden passar:\n{accept}\n\n"
        "Jag vill föreslå en annan tid:\n{propose}\n\n"
        "Jag kan inte delta i mötet:\n{decline}" + SIGNATURE
    ),
    "agreed_subject": "Dörrnät: ni har bestämt en tid",
    "agreed_body": (
        "Hej {name}!\n\n"
        "Nu har både du och {other} sagt ja till {when}. Välj ett ställe där ni båda trivs, "
        "till exempel en arbetsplats eller ett café, eller ses digitalt.\n\n"
        "Efter mötet: berätta för oss att ni har träffats, så skickas stafettpinnen vidare:\n"
        "{met}" + SIGNATURE
    ),
    "declined_subject": "Dörrnät: mötet med {other} blir inte av",
    "declined_body": (
        "Hej {name}!\n\n"
        "{other} kan tyvärr inte delta i ert möte. Det är inget fel på dig – ibland passar det "
        "helt enkelt inte. Vi på Dörrnät letar efter en ny matchning och hör av oss." + SIGNATURE
    ),
    "met_subject": "Dörrnät: har du och {other} träffats?",
    "met_body": (
        "Hej {name}!\n\n"
        "Tiden för ditt möte med {other} har passerat. Har ni hunnit ses? Berätta det med ett "
        "klick – då skickas stafettpinnen vidare:\n\n{link}\n\n"
        "Har ni inte träffats än? Bestäm gärna en ny tid tillsammans." + SIGNATURE
    ),
    "contacts_subject": "Dörrnät: skicka stafettpinnen vidare",
    "contacts_body": (
        "Hej {name}!\n\n"
        "Tack för ditt möte med {other}! Nu är det dags att öppna dörrar: ge oss namn och "
        "e-postadress till upp till {max} personer i ditt nätverk som {other} borde träffa – "
        "någon med god kunskap om branschen, någon som kan ha nytta av det {other} kan, eller "
        "någon med ett brett kontaktnät. Vi skickar en inbjudan till dem och berättar att det "
        "är du som tipsat.\n\n{link}\n\n"
        "Kunde ni inte hitta någon dörr att öppna? Säg till via samma länk, så hjälper vi "
        "{other} vidare med en ny dörröppnare." + SIGNATURE
    ),
    "follow_up_subject": "Dörrnät: hur gick mötet med {other}?",
    "follow_up_body": (
        "Hej {name}!\n\n"
        "Vad roligt att du har träffat {other}. Svara gärna på fyra korta frågor om mötet – "
        "det tar en minut och hjälper oss att göra programmet bättre:\n\n{link}" + SIGNATURE
    ),
    "invitation_subject": "{introducer} vill att du träffar {participant}",
    "invitation_body": (
        "Hej {name}!\n\n"
        "{introducer} är dörröppnare i Dörrnät och har just träffat {participant}, som är ny "
        "i Sverige och vill bredda sitt professionella nätverk. {introducer} tror att du är "
        "rätt person att träffa {participant} härnäst.{note}\n\n"
        "Dörrnät matchar etablerade personer i Sverige (dörröppnare) med nya svenskar "
        "(deltagare). Det enda vi ber om är ett möte på en timme, där ni delar erfarenheter och "
        "du sedan tipsar om två nya kontakter – så skickas stafettpinnen vidare.\n\n"
        "Vill du vara med? Anmäl dig som dörröppnare här:\n{link}\n\n"
        "Vill du inte? Tryck här, så tar vi bort dina uppgifter direkt:\n{decline}\n\n"
        "Vi har bara sparat ditt namn och din e-postadress. Svarar du inte tar vi bort dem "
        "efter {days} dagar." + SIGNATURE
    ),
    "invitation_note": "\n\n{introducer} skriver: ”{note}”",
    "profile_subject": "Dörrnät: din profil",
    "profile_body": (
        "Hej {name}!\n\n"
        "Här är länken till din profil. Där kan du pausa den, aktivera den igen, ladda ner "
        "allt vi har sparat om dig eller ta bort dina uppgifter:\n\n{link}\n\n{link_days}"
        + SIGNATURE
    ),
    "paused_subject": "Dörrnät: din profil är pausad",
    "paused_body": (
        "Hej {name}!\n\n"
        "Din profil är nu pausad, och du får inga nya matchningar. När du vill vara med igen "
        "aktiverar du profilen här:\n\n{link}" + SIGNATURE
    ),
    "erased_subject": "Dörrnät: dina uppgifter är borttagna",
    "erased_body": (
        "Hej {name}!\n\n"
        "Som du bad om har vi tagit bort ditt namn, din e-postadress, ditt telefonnummer och "
        "dina fritextsvar. Det här är det sista mejlet du får från oss. Tack för att du var med "
        "och öppnade dörrar!" + SIGNATURE
    ),
}
