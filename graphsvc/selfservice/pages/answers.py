"""The pages of a match's links: accept the time, decline, propose another, "we met"."""

from __future__ import annotations

from datetime import date, datetime, time

from fastapi import Request, Response

from graphsvc import clock
from graphsvc.graph.db import Graph
from graphsvc.mail.wording import EN, SV
from graphsvc.models.person import MeetingMode, Person
from graphsvc.selfservice import matchflow
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import FormData
from graphsvc.selfservice.links import Link
from graphsvc.selfservice.mails import when
from graphsvc.selfservice.matchstate import MatchClosed, MatchState, load
from graphsvc.selfservice.usage import ensure_unused
from graphsvc.selfservice.web import Page, action, message, page_lang
from graphsvc.selfservice.wording import PAGES, Lang


def _open_state(graph: Graph, link: Link) -> MatchState:
    ensure_unused(graph, link)
    state = load(graph, link)
    if state.match.status not in ("proposed", "accepted"):
        raise MatchClosed
    return state


def show_accept(request: Request, ctx: SelfService, graph: Graph, link: Link) -> Page:
    """The time on the table and a "yes, it suits me" button."""
    lang = page_lang(request)
    t = PAGES[lang]
    state = _open_state(graph, link)
    text = t["accept_text"].format(other=state.other.name or "", when=when(state.time, lang))
    return action(t["accept_title"], text, button=t["accept_button"])


def accept(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Records the yes; says whether the time is now agreed or the other's answer awaited."""
    lang = page_lang(request)
    t = PAGES[lang]
    state, agreed = matchflow.accept(ctx, graph, link)
    if agreed:
        return message(t["accepted_title"], t["agreed_text"].format(when=when(state.time, lang)))
    return message(t["accepted_title"], t["accepted_wait"].format(other=state.other.name or ""))


def show_decline(request: Request, ctx: SelfService, graph: Graph, link: Link) -> Page:
    """What declining means, and the button."""
    t = PAGES[page_lang(request)]
    state = _open_state(graph, link)
    text = t["decline_text"].format(other=state.other.name or "")
    return action(t["decline_title"], text, button=t["decline_button"], danger=True)


def decline(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Closes the match and tells the other person."""
    t = PAGES[page_lang(request)]
    state = matchflow.decline(ctx, graph, link)
    return message(t["declined_title"], t["declined_text"].format(other=state.other.name or ""))


def availability_hint(other: Person, lang: Lang) -> str:
    """The other person's weekly times in words, so a refused time is easy to correct."""
    t = PAGES[lang]
    name = other.name or ""
    if not other.availability:
        return t["propose_hint_office"].format(other=name)
    days = (SV if lang == "sv" else EN).weekdays
    times = ", ".join(
        f"{days[s.weekday - 1]} {s.start}–{s.end}"
        for s in sorted(other.availability, key=lambda s: (s.weekday, s.start))
    )
    return t["propose_hint"].format(other=name, times=times)


def show_propose(
    request: Request,
    ctx: SelfService,
    graph: Graph,
    link: Link,
    *,
    error: str | None = None,
    form: FormData | None = None,
) -> Page:
    """A day and a time of day, as plain date and time inputs."""
    lang = page_lang(request)
    t = PAGES[lang]
    state = _open_state(graph, link)
    return Page(
        "propose.html.j2",
        {
            "title": t["propose_title"],
            "text": t["propose_text"].format(other=state.other.name or ""),
            "hint": availability_hint(state.other, lang),
            "errors": {"when": error} if error else {},
            "day": form.get("day") if form else "",
            "hour": form.get("time") if form else "",
            "min_day": ctx.now().date().isoformat(),
        },
        status=422 if error else 200,
    )


def propose(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Sends the new time to the other person, or asks again for a usable one."""
    lang = page_lang(request)
    t = PAGES[lang]
    try:
        moment = datetime.combine(
            date.fromisoformat(form.get("day")),
            time.fromisoformat(form.get("time")),
            tzinfo=clock.STOCKHOLM,
        )
        state = matchflow.propose(ctx, graph, link, moment)
    except matchflow.TimeRefused as exc:
        error = f"err_when_{exc.reason}"
        return show_propose(request, ctx, graph, link, error=error, form=form)
    except ValueError:
        return show_propose(request, ctx, graph, link, error="err_when", form=form)
    text = t["proposed_text"].format(other=state.other.name or "", when=when(moment, lang))
    return message(t["proposed_title"], text)


def show_met(
    request: Request, ctx: SelfService, graph: Graph, link: Link, *, error: str | None = None
) -> Page:
    """How and on which day the two met (the agreed day, or today, filled in)."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    state = load(graph, link)
    if state.meeting_id is not None:
        return message(t["met_done_title"], t["met_done_text"])
    if state.match.status not in ("proposed", "accepted"):
        raise MatchClosed
    today = ctx.now().date()
    planned = state.time.astimezone(clock.STOCKHOLM).date() if state.time else today
    return Page(
        "met.html.j2",
        {
            "title": t["met_title"],
            "text": t["met_text"].format(other=state.other.name or ""),
            "mode": state.match.mode,
            "day": min(planned, today).isoformat(),
            "max_day": today.isoformat(),
            "errors": {"day": error} if error else {},
        },
        status=422 if error else 200,
    )


def met(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Records the meeting and passes the baton."""
    t = PAGES[page_lang(request)]
    modes: dict[str, MeetingMode] = {"in_person": "in_person", "digital": "digital"}
    mode = modes.get(form.get("mode"))
    try:
        day = date.fromisoformat(form.get("day"))
        if mode is None:
            raise ValueError("no meeting mode chosen")
        matchflow.met(ctx, graph, link, mode, day)
    except ValueError:
        return show_met(request, ctx, graph, link, error="err_met_date")
    return message(t["met_done_title"], t["met_done_text"])
