"""How the demo's staff choose door-openers and how door-openers choose contacts.

Not the service's candidate query (the demo is generated before anything is in the graph): a
cheap stand-in with the same preferences — a shared language required, then same municipality
or county, same industry and field — drawn from a small random sample of door-openers who had
signed up by then, so 100 000 people are paired in seconds. Capacity is tracked as intervals
of open matches, so a staff match respects each door-opener's `max_active_matches` at the time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import UTC, date, datetime
from random import Random

from graphsvc.seed.people import Member

SAMPLE = 8
NEVER = datetime.max.replace(tzinfo=UTC)  # an open match: busy until the end


class DoorOpeners:
    """Door-openers by county, by industry section and by language, each in sign-up order."""

    def __init__(self, members: list[Member]) -> None:
        openers = sorted((m for m in members if m.is_door_opener), key=lambda m: m.signed_up)
        self.everyone = openers
        self.by_county: dict[str, list[Member]] = defaultdict(list)
        self.by_section: dict[str, list[Member]] = defaultdict(list)
        self.by_language: dict[str, list[Member]] = defaultdict(list)
        for m in openers:
            self.by_county[m.county].append(m)
            self.by_section[m.profession.section].append(m)
            for language in m.languages:
                if language not in ("sv", "en"):
                    self.by_language[language].append(m)
        self._open: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)

    def hold(self, door_opener: Member, start: datetime, end: datetime) -> None:
        """Records an open match of this door-opener from `start` until `end`."""
        self._open[door_opener.index].append((start, end))

    def free_at(self, door_opener: Member, t: datetime) -> bool:
        """Whether the door-opener had capacity for one more match at `t`."""
        busy = sum(1 for s, e in self._open[door_opener.index] if s <= t < e)
        return busy < door_opener.capacity

    @staticmethod
    def _sample(rng: Random, pool: list[Member], day: date, k: int) -> list[Member]:
        """Up to `k` of those in `pool` who had signed up by `day`."""
        n = bisect_right(pool, day, key=lambda m: m.signed_up)
        if n == 0:
            return []
        return [pool[rng.randrange(n)] for _ in range(min(k, n))]

    def staff_match(
        self, rng: Random, participant: Member, t: datetime, taken: set[str]
    ) -> Member | None:
        """The best of a sample of door-openers with a shared language and capacity at `t`."""
        day = t.date()
        sample = (
            self._sample(rng, self.by_county[participant.county], day, SAMPLE)
            + self._sample(rng, self.by_section[participant.profession.section], day, SAMPLE)
            + self._sample(rng, self.everyone, day, SAMPLE // 2)
        )
        for language in participant.languages:
            sample += self._sample(rng, self.by_language.get(language, []), day, SAMPLE // 2)
        best: tuple[float, int] | None = None
        chosen = None
        for d in sample:
            if d.id in taken or not set(d.modes) & set(participant.modes):
                continue
            shared = set(d.languages) & set(participant.languages)
            if not shared or not self.free_at(d, t):
                continue
            score = fit(participant, d)
            if best is None or (score, -d.index) > best:
                best, chosen = (score, -d.index), d
        return chosen

    def contact(
        self, rng: Random, opener: Member, participant: Member, t: datetime, taken: set[str]
    ) -> Member | None:
        """Someone the door-opener knows: same trade or same county, new to the participant."""
        day = t.date()
        sample = self._sample(rng, self.by_section[opener.profession.section], day, SAMPLE)
        sample += self._sample(rng, self.by_county[opener.county], day, SAMPLE // 2)
        for c in sample:
            if (
                c.id not in taken
                and c.id != opener.id
                and set(c.languages) & set(participant.languages)
            ):
                return c
        return None


def fit(participant: Member, door_opener: Member) -> float:
    """A match's score in the spirit of the service's: shared neighbours and nearness."""
    score = 0.0
    shared = set(participant.languages) & set(door_opener.languages)
    score += sum(2.0 if lang not in ("sv", "en") else 0.5 for lang in shared)
    if participant.home == door_opener.home:
        score += 4.5
    elif participant.county == door_opener.county:
        score += 1.5
    if participant.profession.division == door_opener.profession.division:
        score += 3.0
    elif participant.profession.section == door_opener.profession.section:
        score += 1.5
    if participant.profession.field == door_opener.profession.field:
        score += 3.0
    return round(score, 2)
