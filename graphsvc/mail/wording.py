"""What the match mails say, in Swedish and English, written in the programme's spirit.

The texts are plain templates filled with `str.format`: substituted values are never parsed
again, so a name cannot smuggle in formatting, and nothing is HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graphsvc.clock import STOCKHOLM
from graphsvc.models.person import MeetingMode, Person, Role


@dataclass(frozen=True)
class Wording:
    """Every sentence of a match mail in one language."""

    subject: dict[Role, str]
    intro: dict[Role, str]
    contact: str
    no_phone: str
    time: str
    no_time: str
    mode: dict[MeetingMode, str]
    closing: str
    summary: str
    location: dict[MeetingMode, str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    when: str


def _words(*lines: str) -> tuple[str, ...]:
    return tuple(word for line in lines for word in line.split())


SV = Wording(
    subject={
        "participant": "Dörrnät: nu har du en dörröppnare att träffa",
        "door_opener": "Dörrnät: nu har du en deltagare att träffa",
    },
    intro={
        "participant": (
            "Hej {name}!\n\n"
            "Vi har hittat en dörröppnare åt dig: {other}. Ni ses en timme och pratar om er "
            "bransch – vilka yrkesroller som finns, hur man tar sig in och vad som är bra att "
            "veta om arbetsplatserna. Mötet ska vara enkelt och trevligt och behöver inte leda "
            "till ett jobb direkt.\n\n"
            "Under mötet letar ni tillsammans efter två personer som {other} kan öppna dörren "
            "till åt dig. Så växer ditt nätverk, ett möte i taget."
        ),
        "door_opener": (
            "Hej {name}!\n\n"
            "Tack för att du är dörröppnare! Vi har matchat dig med {other}, som vill lära "
            "känna din bransch och bredda sitt nätverk här. Ni ses en timme och delar "
            "erfarenheter – om yrket, arbetsmarknaden och de oskrivna reglerna på en "
            "arbetsplats.\n\n"
            "Målet med mötet är att du hittar två personer i ditt nätverk som du kan öppna "
            "dörren till åt {other}. Vill ni ses fler gånger går det förstås bra."
        ),
    },
    contact="Kontaktuppgifter till {other}:\n  E-post: {email}\n  Telefon: {phone}",
    no_phone="inte angivet",
    time=(
        "Förslag på tid: {when}.\n"
        "Hör av er till varandra och bekräfta tiden, eller kom överens om en annan som passar "
        "er bättre. En kalenderinbjudan ligger bifogad."
    ),
    no_time=(
        "Vi hittade ingen tid som passar er båda, så kontakta varandra och bestäm en tid "
        "tillsammans."
    ),
    mode={
        "in_person": (
            "Mötesform: på plats. Välj ett ställe där ni båda trivs, till exempel "
            "dörröppnarens arbetsplats eller ett café."
        ),
        "digital": "Mötesform: digitalt. Bestäm tillsammans vilket videoverktyg ni använder.",
    },
    closing=(
        "Blir det svårt att hitta dörrar att öppna? Hör av er till oss, så hjälper vi till "
        "med ett nytt möte.\n\nLycka till!\nDörrnät"
    ),
    summary="Dörrnät: möte med {other}",
    location={"in_person": "Plats bestämmer ni tillsammans", "digital": "Digitalt möte"},
    weekdays=_words("måndag tisdag onsdag torsdag fredag lördag söndag"),
    months=_words(
        "januari februari mars april maj juni", "juli augusti september oktober november december"
    ),
    when="{weekday} {day} {month} {year} kl. {start}–{end}",
)

EN = Wording(
    subject={
        "participant": "Dörrnät: you have a door-opener to meet",
        "door_opener": "Dörrnät: you have a participant to meet",
    },
    intro={
        "participant": (
            "Hello {name},\n\n"
            "We have found a door-opener for you: {other}. You will meet for an hour and talk "
            "about your field – the roles in it, how people find their way in and what is good "
            "to know about Swedish workplaces. Keep it simple and friendly; the first meeting "
            "is not meant to lead straight to a job.\n\n"
            "During the meeting you look together for two people {other} can open the door to "
            "for you. That is how your network grows, one meeting at a time."
        ),
        "door_opener": (
            "Hello {name},\n\n"
            "Thank you for being a door-opener! We have matched you with {other}, who wants to "
            "get to know your field and widen their network here. You will meet for an hour and "
            "share experience – of the profession, the labour market and the unwritten rules "
            "of a workplace.\n\n"
            "The aim of the meeting is that you find two people in your network you can open "
            "the door to for {other}. You are welcome to meet again if you both wish."
        ),
    },
    contact="Contact details for {other}:\n  E-mail: {email}\n  Phone: {phone}",
    no_phone="not given",
    time=(
        "Suggested time: {when}.\n"
        "Get in touch with each other to confirm it, or agree another time that suits you "
        "better. A calendar invitation is attached."
    ),
    no_time=(
        "We could not find a time that suits you both, so please contact each other and agree "
        "a time together."
    ),
    mode={
        "in_person": (
            "How you meet: in person. Choose a place where you both feel comfortable, such as "
            "the door-opener's workplace or a café."
        ),
        "digital": "How you meet: online. Agree together which video service to use.",
    },
    closing=(
        "If it turns out hard to find doors to open, let us know and we will help you set up "
        "a new meeting.\n\nGood luck!\nDörrnät"
    ),
    summary="Dörrnät: meeting with {other}",
    location={"in_person": "A place you agree together", "digital": "Online meeting"},
    weekdays=_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    months=_words(
        "January February March April May June", "July August September October November December"
    ),
    when="{weekday} {day} {month} {year}, {start}–{end} (Swedish time)",
)


def wording_for(person: Person) -> Wording:
    """Swedish for everyone who speaks it (the programme's language), English for the rest."""
    return SV if "sv" in person.languages else EN


def in_stockholm(moment: datetime) -> datetime:
    """The moment on the Stockholm clock; a naive time is taken to be Stockholm time already,
    as the programme stores and shows every time that way."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(STOCKHOLM)


def format_when(start: datetime, end: datetime, wording: Wording) -> str:
    """`tisdag 1 december 2026 kl. 13:00–14:00` on the Stockholm wall clock.

    Names come from the wording rather than `strftime`, which follows the process locale.
    """
    start, end = in_stockholm(start), in_stockholm(end)
    return wording.when.format(
        weekday=wording.weekdays[start.weekday()],
        day=start.day,
        month=wording.months[start.month - 1],
        year=start.year,
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
    )
