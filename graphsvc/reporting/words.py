"""The impact report's words, Swedish first; English for staff and partners who need it.

Both languages have every key (a test checks it), so a page never shows a missing label.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["sv", "en"]

_SV: Final[dict[str, str]] = {
    "title": "Effektrapport",
    "map_link": "Nätverkskarta",
    "logout": "Logga ut",
    "subtitle": "Dörrnät: möten, öppnade dörrar och nätverkens räckvidd",
    "period": "Period",
    "from": "Från",
    "to": "Till",
    "place": "Kommun eller län",
    "industry": "Bransch",
    "all": "Alla",
    "show": "Visa",
    "download_csv": "Ladda ner CSV",
    "download_json": "JSON",
    "filters_none": "Hela programmet",
    "people": "Personer",
    "participants": "Deltagare",
    "door_openers": "Dörröppnare",
    "retired_door_openers": "varav pensionärer",
    "activity": "Aktivitet under perioden",
    "matches": "Matchningar",
    "meetings": "Möten",
    "doors_opened": "Öppnade dörrar",
    "doors_per_meeting": "Dörrar per möte (dörröppnarnas)",
    "branching_factor": "Förgreningstal (dörrar som blev möten, per möte)",
    "retired_share_of_meetings": "Andel möten med pensionerad dörröppnare",
    "digital_share_of_meetings": "Andel digitala möten",
    "rematch_rate": "Andel som köades för ny matchning",
    "median_days_to_first_meeting": "Dagar från anmälan till första möte (median)",
    "reach": "Räckvidd",
    "reach_note": "Personer i deltagarens stafettträd (matchade, träffade, introducerade), "
    "bland deltagare med möte under perioden.",
    "mean": "Medel",
    "median": "Median",
    "p90": "90:e percentil",
    "max": "Max",
    "virality": "Strukturell viralitet",
    "virality_note": "Medelavståndet mellan alla par i stafettträdet (Goel m.fl. 2015): "
    "nära 2 när en dörröppnare öppnat alla dörrar, högre när stafetten gått i flera led.",
    "follow_up": "Uppföljning",
    "follow_ups": "Besvarade uppföljningar",
    "understood_market_better": "Förstår arbetsmarknaden bättre",
    "integration_helped": "Dörröppnaren betydde något för integrationen",
    "kept_in_contact": "Håller kontakten",
    "published_2020": "Publicerat 2020",
    "outcomes": "Utfall",
    "outcome_job": "Jobb",
    "outcome_internship": "Praktik",
    "outcome_education": "Utbildning",
    "outcome_other": "Annat",
    "outcome_none": "Inget ännu",
    "relay": "Stafetten",
    "generation": "Generation",
    "relay_depth": "Möten per generation",
    "completion": "Dörrar som blev möten, per generation",
    "doors": "Dörrar",
    "met": "Blev möte",
    "share": "Andel",
    "monthly": "Månad för månad",
    "month": "Månad",
    "new_participants": "Nya deltagare",
    "mean_reach": "Medelräckvidd",
    "chart_growth": "Tillväxt per månad",
    "chart_reach": "Räckviddens fördelning",
    "chart_reach_x": "Personer i trädet",
    "chart_reach_y": "Deltagare",
    "chart_depth": "Stafettens djup",
    "chart_shares": "Uppföljningens andelar",
    "no_data": "Inga uppgifter för perioden.",
    "not_measured": "–",
    "generated": "Uppgifterna räknas från grafen vid varje visning och innehåller inga "
    "personuppgifter.",
}

_EN: Final[dict[str, str]] = {
    "title": "Impact report",
    "map_link": "Network map",
    "logout": "Sign out",
    "subtitle": "Dörrnät: meetings, opened doors and the reach of networks",
    "period": "Period",
    "from": "From",
    "to": "To",
    "place": "Municipality or county",
    "industry": "Industry",
    "all": "All",
    "show": "Show",
    "download_csv": "Download CSV",
    "download_json": "JSON",
    "filters_none": "The whole programme",
    "people": "People",
    "participants": "Participants",
    "door_openers": "Door-openers",
    "retired_door_openers": "of whom retired",
    "activity": "Activity in the period",
    "matches": "Matches",
    "meetings": "Meetings",
    "doors_opened": "Doors opened",
    "doors_per_meeting": "Doors per meeting (by door-openers)",
    "branching_factor": "Branching factor (doors that became meetings, per meeting)",
    "retired_share_of_meetings": "Share of meetings with a retired door-opener",
    "digital_share_of_meetings": "Share of digital meetings",
    "rematch_rate": "Share queued for a rematch",
    "median_days_to_first_meeting": "Days from sign-up to first meeting (median)",
    "reach": "Reach",
    "reach_note": "People in the participant's relay tree (matched, met, introduced), "
    "over participants with a meeting in the period.",
    "mean": "Mean",
    "median": "Median",
    "p90": "90th percentile",
    "max": "Max",
    "virality": "Structural virality",
    "virality_note": "Mean distance between all pairs of the relay tree (Goel et al. 2015): "
    "near 2 when one door-opener opened every door, higher when the relay went several steps.",
    "follow_up": "Follow-up",
    "follow_ups": "Follow-ups answered",
    "understood_market_better": "Understand the labour market better",
    "integration_helped": "The door-opener mattered for their integration",
    "kept_in_contact": "Keep in touch",
    "published_2020": "Published 2020",
    "outcomes": "Outcomes",
    "outcome_job": "Job",
    "outcome_internship": "Internship",
    "outcome_education": "Education",
    "outcome_other": "Other",
    "outcome_none": "None yet",
    "relay": "The relay",
    "generation": "Generation",
    "relay_depth": "Meetings per generation",
    "completion": "Doors that became meetings, per generation",
    "doors": "Doors",
    "met": "Became a meeting",
    "share": "Share",
    "monthly": "Month by month",
    "month": "Month",
    "new_participants": "New participants",
    "mean_reach": "Mean reach",
    "chart_growth": "Growth per month",
    "chart_reach": "Distribution of reach",
    "chart_reach_x": "People in the tree",
    "chart_reach_y": "Participants",
    "chart_depth": "Depth of the relay",
    "chart_shares": "Follow-up shares",
    "no_data": "No data for the period.",
    "not_measured": "–",
    "generated": "The figures are computed from the graph on every view and hold no personal "
    "data.",
}

WORDS: Final[dict[str, dict[str, str]]] = {"sv": _SV, "en": _EN}

PUBLISHED_2020: Final[dict[str, float]] = {
    "understood_market_better": 0.82,
    "integration_helped": 0.65,
    "kept_in_contact": 0.67,
}
"""The programme's published follow-up shares (2020), drawn as reference marks on the chart."""


def words(lang: Lang) -> dict[str, str]:
    """The label set for `lang`."""
    return WORDS[lang]


def number(value: float | int | None, lang: Lang, *, digits: int = 1) -> str:
    """A figure as staff read it: decimal comma in Swedish, a dash for "not measured"."""
    if value is None:
        return "–"
    text = str(value) if isinstance(value, int) else f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "sv" else text


def percent(value: float | None, lang: Lang) -> str:
    """A share as a whole percentage (`82 %` in Swedish, `82%` in English)."""
    if value is None:
        return "–"
    whole = f"{value * 100:.0f}"
    return f"{whole}\u00a0%" if lang == "sv" else f"{whole}%"
