"""Suggesting a meeting time for a new match: pure functions, no database.

When a match is made both people get each other's contact details and *a suggested time*; they
may change it, so the suggestion only has to be plausible: inside both people's weekly
availability, on a day that gives them time to get in touch first, and clear of their other open
matches. All reasoning is in Stockholm wall-clock time, because that is what availability means
("Tuesdays 13–17") and what people see on their walls; only the busy check compares instants.

The lead-time rule, precisely: let *today* be `now`'s date in Stockholm; the *next working day*
is the first date after today that is Monday–Friday and not a holiday. A slot qualifies only if
its date is on or after that next working day. So a match made on Tuesday (any hour) can meet
from Wednesday 00:00; one made on Friday afternoon, Saturday or Sunday not before Monday (Tuesday
when Monday is Annandag påsk). Slots themselves are never on holidays, and fall on weekends only
when a person explicitly offers weekend availability.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from graphsvc.clock import STOCKHOLM
from graphsvc.models.person import AvailabilitySlot

SEARCH_WEEKS = 8
STEP_MINUTES = 30
BUSY_MINUTES = 60
"""Each busy entry is the start of another open match's meeting, and those last an hour."""
DEFAULT_WEEKDAYS = range(1, 6)
DEFAULT_START, DEFAULT_END = time(9, 0), time(17, 0)

Window = tuple[time, time]


def easter_sunday(year: int) -> date:
    """Påskdagen, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def swedish_holidays(year: int) -> frozenset[date]:
    """The days nobody expects a work meeting in Sweden: the public holidays and the three
    eves (Midsommar-, Jul- and Nyårsafton) that are de facto days off.

    Besides the weekday holidays this includes the ones that always fall on a weekend
    (Pingstdagen, Midsommardagen, Alla helgons dag) so that someone who offers Saturdays is not
    proposed Midsommardagen either.
    """
    easter = easter_sunday(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    all_saints = next(
        day
        for day in (date(year, 10, 31) + timedelta(days=n) for n in range(7))
        if day.weekday() == 5
    )
    return frozenset(
        {
            date(year, 1, 1),  # Nyårsdagen
            date(year, 1, 6),  # Trettondedag jul
            easter - timedelta(days=2),  # Långfredagen
            easter,  # Påskdagen
            easter + timedelta(days=1),  # Annandag påsk
            date(year, 5, 1),  # Första maj
            easter + timedelta(days=39),  # Kristi himmelsfärds dag
            easter + timedelta(days=49),  # Pingstdagen
            date(year, 6, 6),  # Sveriges nationaldag
            midsummer_eve,  # Midsommarafton
            midsummer_eve + timedelta(days=1),  # Midsommardagen
            all_saints,  # Alla helgons dag
            date(year, 12, 24),  # Julafton
            date(year, 12, 25),  # Juldagen
            date(year, 12, 26),  # Annandag jul
            date(year, 12, 31),  # Nyårsafton
        }
    )


def is_working_day(day: date, holidays: frozenset[date]) -> bool:
    """Monday–Friday and not a holiday."""
    return day.isoweekday() <= 5 and day not in holidays


def next_working_day(today: date, holidays: frozenset[date]) -> date:
    """The first working day strictly after `today`."""
    day = today + timedelta(days=1)
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def _windows(slots: list[AvailabilitySlot]) -> dict[int, list[Window]]:
    """Weekday → windows; no availability at all means office hours on weekdays."""
    if not slots:
        return {wd: [(DEFAULT_START, DEFAULT_END)] for wd in DEFAULT_WEEKDAYS}
    found: dict[int, list[Window]] = {}
    for slot in slots:
        window = (time.fromisoformat(slot.start), time.fromisoformat(slot.end))
        found.setdefault(slot.weekday, []).append(window)
    return found


def _shared_windows(one: list[Window], other: list[Window]) -> Iterator[Window]:
    """The non-empty intersections of two people's windows on the same weekday."""
    for a_start, a_end in one:
        for b_start, b_end in other:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start < end:
                yield start, end


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _local(day: date, minutes: int) -> datetime | None:
    """The Stockholm instant for a wall-clock time, or None in the hour skipped in spring."""
    moment = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=STOCKHOLM)
    wall = moment.astimezone(UTC).astimezone(STOCKHOLM)
    return moment if wall.replace(tzinfo=None) == moment.replace(tzinfo=None) else None


def _starts(day: date, windows: Iterable[Window], duration: int) -> Iterator[datetime]:
    """Half-hour starts on `day` whose whole meeting fits inside one of the windows."""
    for start, end in windows:
        first = -(-_minutes(start) // STEP_MINUTES) * STEP_MINUTES
        for minute in range(first, _minutes(end) - duration + 1, STEP_MINUTES):
            moment = _local(day, minute)
            if moment is not None:
                yield moment


def _aware(moment: datetime) -> datetime:
    """Naive datetimes are taken as Stockholm wall-clock time, as everywhere in the programme."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=STOCKHOLM)


def suggest_slot(
    *,
    participant: list[AvailabilitySlot],
    door_opener: list[AvailabilitySlot],
    busy: list[datetime],
    now: datetime,
    duration_minutes: int = 60,
    holidays: frozenset[date] = frozenset(),
) -> datetime | None:
    """The earliest free meeting start both people can make, on a date up to eight weeks
    (56 days) after today.

    `busy` holds the starts of both people's other open matches (each an hour long); `holidays`
    adds days off (e.g. a local closure) to the Swedish holidays, which are always skipped. The
    lead-time rule is in the module docstring. Returns an aware Stockholm datetime, or None
    when no slot fits, in which case the people agree a time themselves.
    """
    if duration_minutes <= 0:
        raise ValueError(f"duration_minutes must be positive, not {duration_minutes}")
    today = _aware(now).astimezone(STOCKHOLM).date()
    last = today + timedelta(weeks=SEARCH_WEEKS)
    days_off = holidays.union(
        *(swedish_holidays(year) for year in range(today.year, last.year + 1))
    )
    length = timedelta(minutes=duration_minutes)
    # Instants are compared in UTC: Python compares two Stockholm datetimes by wall clock.
    taken = [
        (start, start + timedelta(minutes=BUSY_MINUTES))
        for start in (_aware(moment).astimezone(UTC) for moment in busy)
    ]
    mine, yours = _windows(participant), _windows(door_opener)
    day = next_working_day(today, days_off)
    while day <= last:
        weekday = day.isoweekday()
        if day not in days_off:
            windows = _shared_windows(mine.get(weekday, []), yours.get(weekday, []))
            for start in sorted(_starts(day, windows, duration_minutes)):
                begin = start.astimezone(UTC)
                end = begin + length
                if not any(b_start < end and begin < b_end for b_start, b_end in taken):
                    return start
        day += timedelta(days=1)
    return None


SlotProblem = Literal["holiday", "unavailable", "busy"]


def slot_problem(
    start: datetime,
    *,
    availability: list[AvailabilitySlot],
    busy: list[datetime],
    duration_minutes: int = 60,
    holidays: frozenset[date] = frozenset(),
) -> SlotProblem | None:
    """Why a meeting at `start` does not fit a person's week, by the rules `suggest_slot`
    follows, or None when it fits: never on a holiday (`holiday`); inside one of their weekly
    windows, office hours on weekdays when they gave none (`unavailable`); clear of their other
    open matches, an hour each (`busy`). The lead-time rule is left out: whoever proposes a time
    is already in touch with the other."""
    local = _aware(start).astimezone(STOCKHOLM)
    day = local.date()
    if day in holidays or day in swedish_holidays(day.year):
        return "holiday"
    begin, end = _minutes(local.time()), _minutes(local.time()) + duration_minutes
    windows = _windows(availability).get(day.isoweekday(), [])
    if not any(_minutes(w_start) <= begin and end <= _minutes(w_end) for w_start, w_end in windows):
        return "unavailable"
    first, last = local.astimezone(UTC), local.astimezone(UTC) + timedelta(minutes=duration_minutes)
    for other in busy:
        taken = _aware(other).astimezone(UTC)
        if taken < last and first < taken + timedelta(minutes=BUSY_MINUTES):
            return "busy"
    return None
