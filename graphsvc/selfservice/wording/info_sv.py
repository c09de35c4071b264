"""The privacy page and the staff's waiting list, in Swedish."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "privacy_title": "Så hanterar vi dina uppgifter",
    "privacy_what_title": "Vad vi sparar",
    "privacy_what": (
        "Det du fyller i när du anmäler dig: namn, e-postadress, telefonnummer om du anger det, "
        "språk, kommun, bransch, utbildning, antal år i arbetslivet och i Sverige, svaren på "
        "frågorna om vem som kan vara med, hur och när du kan ses, och när du gav ditt samtycke. "
        "Därefter sparar vi dina matchningar, möten, de dörrar som öppnas och dina svar på "
        "uppföljningsfrågorna."
    ),
    "privacy_why_title": "Varför",
    "privacy_why": (
        "För att kunna matcha dig med någon som talar samma språk, bor i närheten och har samma "
        "bransch eller utbildning, föreslå en tid, och följa hur nätverket växer när dörrar "
        "öppnas. Programmets statistik bygger bara på anonyma siffror."
    ),
    "privacy_who_title": "Vem som ser dem",
    "privacy_who": (
        "Dörrnäts personal. Den du matchas med får ditt namn, din e-postadress, ditt "
        "telefonnummer och ett förslag på tid – inget annat. Vi säljer aldrig uppgifter och "
        "lämnar inte ut dem till någon annan."
    ),
    "privacy_invited_title": "Om någon har tipsat om dig",
    "privacy_invited": (
        "När en dörröppnare tipsar om dig sparar vi bara ditt namn och din e-postadress, för "
        "att kunna skicka inbjudan. Tackar du nej tar vi bort dem direkt; svarar du inte tar vi "
        "bort dem efter {days} dagar."
    ),
    "privacy_rights_title": "Dina rättigheter",
    "privacy_rights": (
        "Du kan när som helst pausa din profil, ladda ner allt vi har sparat om dig, eller ta "
        "tillbaka ditt samtycke – då tar vi bort dina personuppgifter för gott. Allt det gör du "
        "via länken längst ned i våra mejl, eller genom att be om en ny länk här:"
    ),
    "privacy_links_title": "Länkarna i våra mejl",
    "privacy_links": (
        "Länkarna är personliga, gäller en begränsad tid och de som ändrar något fungerar bara "
        "en gång. De innehåller inga personuppgifter. Dela dem inte med andra."
    ),
    "waiting_title": "Väntar på svar",
    "waiting_intro": "Allt som väntar på att någon ska svara, äldst först. Påminnelser skickas "
    "automatiskt en gång; här kan du skicka ett mejl igen.",
    "waiting_sign_up": "Obekräftade e-postadresser",
    "waiting_invitation": "Inbjudningar utan svar",
    "waiting_match": "Matchningar utan svar",
    "waiting_meeting": "Möten som inte är bekräftade",
    "waiting_doors": "Dörrar som inte är öppnade",
    "waiting_since": "Sedan",
    "waiting_who": "Vem",
    "waiting_for": "Väntar på",
    "waiting_reminded": "Påmind",
    "waiting_none": "Inget väntar.",
    "waiting_resend": "Skicka igen",
    "waiting_resent": "Mejlet är skickat igen.",
    "waiting_failed": "Mejlet kunde inte skickas: {detail}",
    "waiting_more": "Visa fler",
    "who_participant": "deltagare",
    "who_door_opener": "dörröppnare",
    "who_person": "den som anmält sig",
    "who_invitee": "den inbjudna",
    "invited_by": "tipsad av",
}
