"""Suggested meeting times: known cases by hand, then properties over random weeks.

Dates are in 2026 (1 December 2026 is a Tuesday; summer time ends 25 October and starts
29 March; Långfredagen is 3 April, Annandag påsk 6 April).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from graphsvc.clock import STOCKHOLM
from graphsvc.models.person import AvailabilitySlot
from graphsvc.services.slots import (
    BUSY_MINUTES,
    SEARCH_WEEKS,
    easter_sunday,
    next_working_day,
    slot_problem,
    suggest_slot,
    swedish_holidays,
)


def sthlm(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def slot(weekday: int, start: str, end: str) -> AvailabilitySlot:
    return AvailabilitySlot(weekday=weekday, start=start, end=end)


THURSDAY = sthlm(2026, 11, 26, 10, 0)
TUESDAY_13_17 = [slot(2, "13:00", "17:00")]
TUESDAY_15_18 = [slot(2, "15:00", "18:00")]


def suggest(**kwargs: object) -> datetime | None:
    args: dict[str, object] = {"participant": [], "door_opener": [], "busy": [], "now": THURSDAY}
    args.update(kwargs)
    return suggest_slot(**args)  # type: ignore[arg-type]


def test_slot_is_the_start_of_both_peoples_shared_tuesday_window() -> None:
    found = suggest(participant=TUESDAY_13_17, door_opener=TUESDAY_15_18)
    assert found == sthlm(2026, 12, 1, 15, 0)
    assert found is not None and found.tzinfo is STOCKHOLM


def test_no_availability_on_either_side_means_weekday_office_hours() -> None:
    assert suggest() == sthlm(2026, 11, 27, 9, 0)


def test_a_match_made_on_tuesday_can_meet_from_wednesday_morning() -> None:
    assert suggest(now=sthlm(2026, 12, 1, 16, 59)) == sthlm(2026, 12, 2, 9, 0)


def test_friday_afternoon_gives_no_slot_before_monday() -> None:
    assert suggest(now=sthlm(2026, 11, 27, 15, 0)) == sthlm(2026, 11, 30, 9, 0)


def test_weekend_availability_is_not_used_before_the_next_working_day() -> None:
    weekends = [slot(6, "10:00", "12:00"), slot(1, "10:00", "12:00")]
    found = suggest(participant=weekends, door_opener=weekends, now=sthlm(2026, 11, 27, 15, 0))
    assert found == sthlm(2026, 11, 30, 10, 0)
    thursday = suggest(participant=weekends, door_opener=weekends, now=THURSDAY)
    assert thursday == sthlm(2026, 11, 28, 10, 0)  # Friday is the next working day


def test_easter_holidays_are_skipped_for_lead_time_and_for_the_meeting() -> None:
    assert suggest(now=sthlm(2026, 4, 2, 14, 0)) == sthlm(2026, 4, 7, 9, 0)


def test_extra_holidays_are_skipped_too() -> None:
    closed = frozenset({date(2026, 11, 27)})
    assert suggest(holidays=closed) == sthlm(2026, 11, 30, 9, 0)


def test_busy_slot_pushes_to_the_next_half_hour_that_is_free() -> None:
    at = sthlm(2026, 12, 1, 15, 0)
    assert suggest(participant=TUESDAY_13_17, door_opener=TUESDAY_15_18, busy=[at]) == sthlm(
        2026, 12, 1, 16, 0
    )
    half_past = [sthlm(2026, 12, 1, 14, 30)]
    assert suggest(participant=TUESDAY_13_17, door_opener=TUESDAY_15_18, busy=half_past) == (
        sthlm(2026, 12, 1, 15, 30)
    )


def test_a_meeting_ending_when_another_starts_does_not_clash() -> None:
    later = [sthlm(2026, 12, 1, 16, 0)]
    found = suggest(participant=TUESDAY_13_17, door_opener=TUESDAY_15_18, busy=later)
    assert found == sthlm(2026, 12, 1, 15, 0)


def test_busy_times_in_utc_are_compared_as_instants() -> None:
    utc_15 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # 15:00 in Stockholm
    found = suggest(participant=TUESDAY_13_17, door_opener=TUESDAY_15_18, busy=[utc_15])
    assert found == sthlm(2026, 12, 1, 16, 0)


def test_windows_that_do_not_overlap_give_none() -> None:
    assert suggest(participant=[slot(2, "09:00", "12:00")], door_opener=TUESDAY_13_17) is None
    assert suggest(participant=[slot(3, "13:00", "17:00")], door_opener=TUESDAY_13_17) is None


def test_overlap_shorter_than_the_meeting_gives_none() -> None:
    assert suggest(participant=[slot(2, "13:00", "14:30")], door_opener=TUESDAY_15_18) is None
    short = [slot(2, "15:00", "15:45")]
    assert suggest(participant=short, door_opener=short) is None
    assert suggest(participant=short, door_opener=short, duration_minutes=30) == sthlm(
        2026, 12, 1, 15, 0
    )


def test_starts_are_on_the_hour_or_half_hour() -> None:
    odd = [slot(2, "13:10", "15:00")]
    assert suggest(participant=odd, door_opener=odd) == sthlm(2026, 12, 1, 13, 30)


def test_only_the_next_eight_weeks_are_searched() -> None:
    only = [slot(2, "15:00", "16:00")]
    tuesdays = [sthlm(2026, 12, 1, 15, 0) + timedelta(weeks=n) for n in range(8)]
    assert suggest(participant=only, door_opener=only, busy=tuesdays[:7]) == tuesdays[7]
    assert suggest(participant=only, door_opener=only, busy=tuesdays) is None


def test_one_pm_stays_one_pm_local_on_both_sides_of_the_autumn_change() -> None:
    monday = [slot(1, "13:00", "14:00")]
    before = suggest(participant=monday, door_opener=monday, now=sthlm(2026, 10, 15, 9, 0))
    after = suggest(participant=monday, door_opener=monday, now=sthlm(2026, 10, 22, 9, 0))
    assert before == sthlm(2026, 10, 19, 13, 0) and before.utcoffset() == timedelta(hours=2)
    assert after == sthlm(2026, 10, 26, 13, 0) and after.utcoffset() == timedelta(hours=1)
    assert after.astimezone(UTC).hour == 12


def test_spring_change_week_and_a_busy_time_given_in_utc() -> None:
    monday = [slot(1, "13:00", "14:00")]
    now = sthlm(2026, 3, 26, 9, 0)
    found = suggest(participant=monday, door_opener=monday, now=now)
    assert found == sthlm(2026, 3, 30, 13, 0) and found.utcoffset() == timedelta(hours=2)
    clash = datetime(2026, 3, 30, 11, 0, tzinfo=UTC)  # 13:00 summer time
    # The Monday after is Annandag påsk, so the next Monday free of holidays is 13 April.
    later = suggest(participant=monday, door_opener=monday, now=now, busy=[clash])
    assert later == sthlm(2026, 4, 13, 13, 0)


def test_naive_now_is_read_as_stockholm_time() -> None:
    assert suggest(now=datetime(2026, 11, 27, 23, 30)) == sthlm(2026, 11, 30, 9, 0)


def test_easter_by_the_gregorian_algorithm() -> None:
    known = {2000: (4, 23), 2019: (4, 21), 2024: (3, 31), 2025: (4, 20), 2038: (4, 25)}
    for year, (month, day) in known.items():
        assert easter_sunday(year) == date(year, month, day)


def test_swedish_holidays_2026() -> None:
    days = swedish_holidays(2026)
    expected = {
        (1, 1), (1, 6), (4, 3), (4, 5), (4, 6), (5, 1), (5, 14), (6, 6), (6, 19),
        (12, 24), (12, 25), (12, 26), (12, 31),
    }  # fmt: skip
    assert {date(2026, m, d) for m, d in expected} <= days
    assert date(2026, 6, 20) in days and date(2026, 10, 31) in days  # weekend holidays
    assert date(2026, 6, 18) not in days


@given(st.integers(min_value=1900, max_value=2200))
def test_midsummer_eve_is_the_friday_between_19_and_25_june(year: int) -> None:
    eves = [d for d in swedish_holidays(year) if d.month == 6 and d.weekday() == 4 and d.day > 6]
    assert len(eves) == 1 and 19 <= eves[0].day <= 25


# -- properties ---------------------------------------------------------------------------------

# Windows stay clear of 00:00–05:00 so the DST night's repeated and missing hours (covered by
# the hand-written cases) do not make the brute-force oracle below disagree about folds.
quarter_hours = st.integers(min_value=5 * 4, max_value=24 * 4 - 2)


@st.composite
def availability_slots(draw: st.DrawFn) -> AvailabilitySlot:
    start = draw(quarter_hours)
    end = draw(st.integers(min_value=start + 1, max_value=24 * 4 - 1))
    fmt = "{:02d}:{:02d}".format
    return slot(draw(st.integers(1, 7)), fmt(*divmod(start * 15, 60)), fmt(*divmod(end * 15, 60)))


availabilities = st.lists(availability_slots(), max_size=4)
nows = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda moment: moment.replace(tzinfo=STOCKHOLM)
)


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def fits(person: list[AvailabilitySlot], start: datetime, duration: int) -> bool:
    if not person:
        person = [slot(wd, "09:00", "17:00") for wd in range(1, 6)]
    begin = start.hour * 60 + start.minute
    return any(
        s.weekday == start.isoweekday()
        and minutes(s.start) <= begin
        and begin + duration <= minutes(s.end)
        for s in person
    )


def clashes(start: datetime, duration: int, busy: list[datetime]) -> bool:
    end = start + timedelta(minutes=duration)
    return any(b < end and start < b + timedelta(minutes=BUSY_MINUTES) for b in busy)


def holidays_around(moment: datetime) -> frozenset[date]:
    return frozenset().union(*(swedish_holidays(y) for y in range(moment.year, moment.year + 2)))


def oracle(p: list[AvailabilitySlot], d: list[AvailabilitySlot], busy: list[datetime],
           now: datetime, duration: int) -> datetime | None:  # fmt: skip
    """Walks real instants in UTC half-hour steps, independently of the wall-clock search."""
    off = holidays_around(now)
    first_day = next_working_day(now.date(), off)
    moment = datetime.combine(first_day, time(0), tzinfo=STOCKHOLM).astimezone(UTC)
    last_day = now.date() + timedelta(weeks=SEARCH_WEEKS)
    while (local := moment.astimezone(STOCKHOLM)).date() <= last_day:
        if (
            local.date() not in off
            and fits(p, local, duration)
            and fits(d, local, duration)
            and not clashes(moment, duration, busy)
        ):
            return local
        moment += timedelta(minutes=30)
    return None


@settings(max_examples=150, deadline=None)
@given(
    participant=availabilities,
    door_opener=availabilities,
    now=nows,
    offsets=st.lists(st.integers(min_value=0, max_value=4 * 24 * 7), max_size=30),
    near=st.lists(st.integers(min_value=-4, max_value=8), max_size=4),
    duration=st.sampled_from([30, 60, 90]),
)
def test_suggested_slot_obeys_every_rule_and_is_the_earliest(
    participant: list[AvailabilitySlot],
    door_opener: list[AvailabilitySlot],
    now: datetime,
    offsets: list[int],
    near: list[int],
    duration: int,
) -> None:
    # Busy meetings start on quarter hours in the first week a slot may take, so they do clash.
    first_day = next_working_day(now.date(), holidays_around(now))
    anchor = datetime.combine(first_day, time(0), tzinfo=STOCKHOLM).astimezone(UTC)
    busy = [anchor + timedelta(minutes=15 * k) for k in offsets]
    # ...and some start around the slot found without them, so they push it later.
    free = suggest_slot(participant=participant, door_opener=door_opener, busy=[], now=now)
    if free is not None:
        busy += [free.astimezone(UTC) + timedelta(minutes=15 * k) for k in near]
    found = suggest_slot(
        participant=participant,
        door_opener=door_opener,
        busy=busy,
        now=now,
        duration_minutes=duration,
    )
    assert found == oracle(participant, door_opener, busy, now, duration)
    if found is None:
        return
    assert found.tzinfo is STOCKHOLM and found.minute in (0, 30) and found.second == 0
    assert fits(participant, found, duration) and fits(door_opener, found, duration)
    assert found.date() >= next_working_day(now.date(), holidays_around(now))
    assert found.date() not in holidays_around(now)
    assert found.date() <= now.date() + timedelta(weeks=SEARCH_WEEKS)
    assert not clashes(found.astimezone(UTC), duration, busy)
    if not participant and not door_opener:
        assert found.isoweekday() <= 5


# --- Whether a proposed time fits a person (the self-service "propose another time") -------


def test_a_proposed_time_inside_the_window_and_clear_of_other_meetings_fits() -> None:
    tuesday = sthlm(2026, 12, 1, 16, 0)  # 16:00-17:00 ends exactly when the window does
    assert slot_problem(tuesday, availability=TUESDAY_13_17, busy=[]) is None
    assert (
        slot_problem(tuesday, availability=TUESDAY_13_17, busy=[tuesday - timedelta(hours=1)])
        is None
    )


def test_a_proposed_time_outside_the_window_or_past_its_end_does_not_fit() -> None:
    assert (
        slot_problem(sthlm(2026, 12, 1, 16, 30), availability=TUESDAY_13_17, busy=[])
        == "unavailable"
    )
    assert (
        slot_problem(sthlm(2026, 12, 2, 14, 0), availability=TUESDAY_13_17, busy=[])
        == "unavailable"
    )


def test_without_availability_weekday_office_hours_fit_and_weekends_do_not() -> None:
    assert slot_problem(sthlm(2026, 12, 2, 9, 0), availability=[], busy=[]) is None
    assert slot_problem(sthlm(2026, 12, 5, 10, 0), availability=[], busy=[]) == "unavailable"
    assert slot_problem(sthlm(2026, 12, 2, 16, 30), availability=[], busy=[]) == "unavailable"


def test_a_holiday_never_fits_even_inside_the_window() -> None:
    christmas_eve = sthlm(2026, 12, 24, 10, 0)  # a Thursday
    assert (
        slot_problem(christmas_eve, availability=[slot(4, "09:00", "12:00")], busy=[]) == "holiday"
    )


def test_a_proposed_time_overlapping_another_open_match_is_busy_whatever_the_zone() -> None:
    tuesday = sthlm(2026, 12, 1, 14, 0)
    other = (tuesday + timedelta(minutes=30)).astimezone(UTC)
    assert slot_problem(tuesday, availability=TUESDAY_13_17, busy=[other]) == "busy"
    assert (
        slot_problem(tuesday, availability=TUESDAY_13_17, busy=[tuesday + timedelta(hours=1)])
        is None
    )
