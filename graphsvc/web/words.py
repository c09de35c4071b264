"""The staff pages' words around the pictures, in Swedish (the default) and English.

The pictures' own labels live in `viz.i18n`; a page gets both sets merged, so a role or an edge
type is named the same in the picture, its legend and the lists under it.
"""

from __future__ import annotations

from typing import Final, Literal

from viz.i18n import labels

Lang = Literal["sv", "en"]

_SV: Final[dict[str, str]] = {
    "app": "Dörrnät",
    "login_title": "Logga in",
    "login_intro": "Klistra in din token, från en administratör eller från kommandot",
    "login_kept": "Den sparas i en signerad kaka i den här webbläsaren i åtta timmar, eller "
    "tills du loggar ut.",
    "token": "Token",
    "login_button": "Logga in",
    "login_failed": "Token saknas, är felaktig eller återkallad.",
    "login_foreign": "Inloggningen kom från en annan webbplats och avvisades.",
    "logout": "Logga ut",
    "signed_in_as": "Inloggad som",
    "other_language": "English",
    "map_link": "Nätverkskarta",
    "selection": "Urval",
    "place": "Kommun eller län",
    "period_from": "Från",
    "period_to": "Till",
    "limit": "Högst antal personer",
    "fetch": "Hämta",
    "json": "JSON",
    "truncated": "Kartan visar bara de {n} först anmälda personerna; smalna av urvalet för "
    "att se de andra.",
    "meetings": "Träffar",
    "doors": "Öppnade dörrar",
    "members": "Personer i nätverket",
    "date": "Datum",
    "participant": "Deltagare",
    "door_opener": "Dörröppnare",
    "opened_by": "Öppnad av",
    "opened_to": "Till",
    "status": "Status",
    "none_yet": "Inga ännu.",
    "person_title": "Person",
    "roles": "Roller",
    "languages": "Språk",
    "home_place": "Bor i",
    "work_place": "Arbetar i",
    "industries": "Bransch",
    "education": "Utbildning",
    "email": "E-post",
    "phone": "Telefon",
    "yes": "Ja",
    "no": "Nej",
    "signed_up": "Anmäld",
    "show_spread": "Visa nätverksspridningen",
    "contact_hidden": "Kontaktuppgifter visas bara för personal.",
    "erased": "Personuppgifterna är raderade.",
    "level_compulsory": "Grundskola",
    "level_upper_secondary": "Gymnasium",
    "level_post_secondary": "Eftergymnasial utbildning",
    "level_bachelor": "Kandidatexamen",
    "level_master": "Masterexamen",
    "level_doctorate": "Doktorsexamen",
}

_EN: Final[dict[str, str]] = {
    "app": "Dörrnät",
    "login_title": "Sign in",
    "login_intro": "Paste your token, from an administrator or from the command",
    "login_kept": "It is kept in a signed cookie in this browser for eight hours, or until you "
    "sign out.",
    "token": "Token",
    "login_button": "Sign in",
    "login_failed": "The token is missing, wrong or revoked.",
    "login_foreign": "The sign-in came from another site and was refused.",
    "logout": "Sign out",
    "signed_in_as": "Signed in as",
    "other_language": "Svenska",
    "map_link": "Network map",
    "selection": "Selection",
    "place": "Municipality or county",
    "period_from": "From",
    "period_to": "To",
    "limit": "At most this many people",
    "fetch": "Fetch",
    "json": "JSON",
    "truncated": "The map shows only the {n} people who signed up first; narrow the selection "
    "to see the others.",
    "meetings": "Meetings",
    "doors": "Opened doors",
    "members": "People in the network",
    "date": "Date",
    "participant": "Participant",
    "door_opener": "Door-opener",
    "opened_by": "Opened by",
    "opened_to": "To",
    "status": "Status",
    "none_yet": "None yet.",
    "person_title": "Person",
    "roles": "Roles",
    "languages": "Languages",
    "home_place": "Lives in",
    "work_place": "Works in",
    "industries": "Industry",
    "education": "Education",
    "email": "E-mail",
    "phone": "Phone",
    "yes": "Yes",
    "no": "No",
    "signed_up": "Signed up",
    "show_spread": "Show the network spread",
    "contact_hidden": "Contact details are shown to staff only.",
    "erased": "The personal data has been erased.",
    "level_compulsory": "Compulsory school",
    "level_upper_secondary": "Upper secondary",
    "level_post_secondary": "Post-secondary",
    "level_bachelor": "Bachelor's degree",
    "level_master": "Master's degree",
    "level_doctorate": "Doctorate",
}

_PAGE_WORDS: Final[dict[str, dict[str, str]]] = {"sv": _SV, "en": _EN}


def words(lang: Lang) -> dict[str, str]:
    """Everything a page in `lang` may say: the picture's labels and the page's own words."""
    return {**labels(lang), **_PAGE_WORDS[lang]}
