"""The demo's history: matches, meetings, doors and follow-ups, relay by relay.

Each participant, in sign-up order, is matched by staff a few days to weeks after signing up.
A match may be declined or cancelled (then staff match again), lead to a meeting, or still be
open when the demo ends. At a meeting the door-opener opens two doors most of the time, one
sometimes, none now and then (the participant joins the rematch queue); each door is a relay
match one generation on. Relay matches lead to meetings less often the further they are from
the first (attrition per generation), so relay trees are mostly two to four generations deep.
About seven meetings in ten get a follow-up, answering true near the programme's published
shares: 82 % understood the labour market better, 65 % found it helped their integration,
67 % kept in touch.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from graphsvc.clock import STOCKHOLM
from graphsvc.importing.formats import cell
from graphsvc.seed.matching import NEVER, DoorOpeners, fit
from graphsvc.seed.people import Member, demo_id

MEETS = {1: 0.92, 2: 0.62, 3: 0.5, 4: 0.4, 5: 0.3, 6: 0.2}
"""Chance that a match not declined or cancelled leads to a meeting, by generation."""
MAX_GENERATION = 8
DOORS = ((0, 1, 2), (0.12, 0.08, 0.8))
SHARES = {"understood_market_better": 0.82, "integration_helped": 0.65, "kept_in_contact": 0.67}
OUTCOMES = (("none", "job", "internship", "education", "other"), (70, 10, 8, 6, 6))
NO_DOORS = (
    "Hittade ingen passande kontakt i branschen just nu",
    "Dörröppnaren har bytt bransch och saknar aktuella kontakter",
    "Deltagaren vill byta inriktning",
)
MAX_REMATCHES = 2


@dataclass
class History:
    """The rows of the four event files, as cells."""

    matches: list[dict[str, str]] = field(default_factory=list)
    meetings: list[dict[str, str]] = field(default_factory=list)
    doors: list[dict[str, str]] = field(default_factory=list)
    follow_ups: list[dict[str, str]] = field(default_factory=list)


@dataclass
class _Match:
    id: str
    door_opener: Member
    generation: int
    created: datetime


class Simulation:
    """Runs every participant's relays; all draws come from one `Random`, in a fixed order."""

    def __init__(self, rng: Random, members: list[Member], *, seed: int, until: date) -> None:
        self.rng = rng
        self.seed = seed
        self.end = datetime.combine(until, time(0), STOCKHOLM)
        self.openers = DoorOpeners(members)
        self.participants = sorted(
            (m for m in members if m.is_participant), key=lambda m: (m.signed_up, m.index)
        )
        self.history = History()
        self.introduced: dict[str, set[str]] = {}  # for whom -> contacts introduced to them
        self._counts = {"match": 0, "meeting": 0, "door": 0}

    def _id(self, prefix: str, kind: str) -> str:
        self._counts[kind] += 1
        return demo_id(prefix, self.seed, kind, self._counts[kind])

    def work_time(self, after: datetime, lo: int, hi: int) -> datetime:
        """A weekday working hour `lo`..`hi` days after `after` (Stockholm time)."""
        day = after.date() + timedelta(days=self.rng.randint(lo, hi))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        hour, minute = self.rng.randint(9, 16), self.rng.choice((0, 15, 30, 45))
        at = datetime.combine(day, time(hour, minute), STOCKHOLM)
        return at if at > after else after + timedelta(hours=1)  # later the same day

    def run(self) -> History:
        """The whole programme's history."""
        for participant in self.participants:
            start = datetime.combine(participant.signed_up, time(9), STOCKHOLM)
            self.relay(participant, self.work_time(start, 2, 21))
        return self.history

    def relay(self, p: Member, first: datetime) -> None:
        """One participant's relay tree, generation by generation."""
        taken = {p.id} | self.introduced.get(p.id, set())  # a both-roles person may have
        # been introduced to someone already, by a participant who opened a door for them
        queue: deque[_Match] = deque()
        rematches = 0
        pending: datetime | None = first
        while pending is not None or queue:
            if pending is not None:
                match = self.staff_match(p, pending, taken)
                pending = None
                if match is not None:
                    queue.append(match)
                continue
            match = queue.popleft()
            again = self.follow(p, match, taken, queue)
            if again is not None and rematches < MAX_REMATCHES and self.rng.random() < 0.7:
                rematches += 1
                pending = self.work_time(again, 5, 30)

    def staff_match(self, p: Member, t: datetime, taken: set[str]) -> _Match | None:
        """A generation-1 match made by staff at `t`, if a door-opener is free."""
        if t >= self.end:
            return None
        door_opener = self.openers.staff_match(self.rng, p, t, taken)
        if door_opener is None:
            return None
        taken.add(door_opener.id)
        return _Match(self._id("m", "match"), door_opener, 1, t)

    def follow(
        self, p: Member, m: _Match, taken: set[str], queue: deque[_Match]
    ) -> datetime | None:
        """What came of one match; returns when staff should match again, or None."""
        rng, d = self.rng, m.door_opener
        row: dict[str, object] = {
            "id": m.id,
            "participant": p.id,
            "door_opener": d.id,
            "generation": m.generation,
            "created_at": m.created,
            "score": fit(p, d),
        }
        mode = (
            "digital"
            if "in_person" not in set(d.modes) & set(p.modes)
            else ("digital" if rng.random() < 0.3 else "in_person")
        )
        row["mode"] = mode
        row["suggested_time"] = self.work_time(m.created, 2, 8)
        u, ended = rng.random(), self.work_time(m.created, 1, 6)
        declined = 0.05 if m.generation == 1 else 0.08
        if u < declined + 0.04 and ended < self.end:
            row["status"] = "declined" if u < declined else "cancelled"
            self._add_match(row, m, ended)
            return ended if m.generation == 1 else None
        held = self.work_time(m.created, 4, 30)
        if rng.random() >= MEETS.get(m.generation, 0.1) or held >= self.end:
            stale = self.work_time(m.created, 60, 120)  # staff close relays that stalled
            if stale < self.end:
                row["status"] = "cancelled"
                self._add_match(row, m, stale)
            else:
                row["status"] = "accepted" if rng.random() < 0.6 else "proposed"
                self._add_match(row, m, NEVER)
            return None
        row["status"] = "met"
        self._add_match(row, m, held)
        meeting_id = self._id("mt", "meeting")
        meeting = {"id": meeting_id, "match_id": m.id, "held_at": held, "mode": mode}
        self.history.meetings.append({k: cell(v) for k, v in meeting.items()})
        self.follow_up(meeting_id, held)
        if rng.random() < 0.06:
            self.participant_door(p, d, meeting_id, held)
        if m.generation >= MAX_GENERATION:
            return None
        doors = rng.choices(*DOORS)[0]
        opened = self.work_time(held, 0, 4)
        if doors == 0:
            at = self.work_time(held, 1, 5)
            if at < self.end:
                self.history.meetings[-1]["no_doors_reason"] = rng.choice(NO_DOORS)
                self.history.meetings[-1]["no_doors_at"] = cell(at)
                return at
            return None
        for _ in range(doors):
            contact = self.openers.contact(rng, d, p, opened, taken)
            if contact is None or opened >= self.end:
                break
            taken.add(contact.id)
            relay = _Match(self._id("m", "match"), contact, m.generation + 1, opened)
            self._door(meeting_id, "door_opener", contact, opened, relay.id, for_id=p.id)
            queue.append(relay)
        return None

    def _add_match(self, row: dict[str, object], m: _Match, until: datetime) -> None:
        self.openers.hold(m.door_opener, m.created, until)
        self.history.matches.append({k: cell(v) for k, v in row.items()})

    def _door(
        self,
        meeting_id: str,
        by: str,
        contact: Member,
        at: datetime,
        match_id: str | None,
        *,
        for_id: str,
    ) -> None:
        self.introduced.setdefault(for_id, set()).add(contact.id)
        door = {
            "id": self._id("od", "door"),
            "meeting_id": meeting_id,
            "opened_by": by,
            "contact": contact.id,
            "at": at,
            "match_id": match_id,
        }
        self.history.doors.append({k: cell(v) for k, v in door.items()})

    def participant_door(self, p: Member, d: Member, meeting_id: str, held: datetime) -> None:
        """Now and then the participant opens a door for the door-opener, too."""
        at = self.work_time(held, 0, 7)
        contact = self.openers.contact(self.rng, p, d, at, {p.id, d.id})
        if contact is None or at >= self.end or contact.id in self.introduced.get(d.id, ()):
            return
        self._door(meeting_id, "participant", contact, at, None, for_id=d.id)

    def follow_up(self, meeting_id: str, held: datetime) -> None:
        """Seven in ten meetings get the four answers a few days to weeks later."""
        rng = self.rng
        if rng.random() >= 0.72:
            return
        at = self.work_time(held, 3, 21)
        if at >= self.end:
            return
        answers: dict[str, object] = {k: rng.random() < share for k, share in SHARES.items()}
        answers["outcome"] = rng.choices(*OUTCOMES)[0]
        self.history.follow_ups.append(
            {"meeting_id": meeting_id, **{k: cell(v) for k, v in answers.items()}, "at": cell(at)}
        )
