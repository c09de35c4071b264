"""The Stockholm month of each instant of a report's period, as a table read by index.

The report sorts every meeting and door of the period into its calendar month in Stockholm
time. Converting each instant to Stockholm time in Cypher (`datetime({datetime: t, timezone:
'Europe/Stockholm'})`, then a string) ran about half a million times at 100k people and cost
seconds. Stockholm's offset is always a whole number of hours (+1 or +2), so every month of the
period starts a whole number of hours after the period itself (its first day's Stockholm
midnight): the month of an instant `t` in the period is `months[month_of_hour[h]]`, where `h` is
the number of whole hours from the period's start to `t`, computed once here from the zone rules
and read in Cypher by two list look-ups. The queries only ask it of instants inside the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from graphsvc.clock import STOCKHOLM

HOUR = 3600


@dataclass(frozen=True)
class MonthTable:
    """`first_hour`: the period's start in epoch seconds; `months`: its months as `YYYY-MM`;
    `month_of_hour`: for each hour from the start to the period's end, its month's index."""

    first_hour: int
    months: list[str]
    month_of_hour: list[int]

    def params(self) -> dict[str, Any]:
        """The table as the parameters the report's queries read it by."""
        return {
            "first_hour": self.first_hour,
            "months": self.months,
            "month_of_hour": self.month_of_hour,
        }

    def month_of(self, instant: datetime) -> str:
        """The month of an instant in the period, read as the queries read it."""
        return self.months[self.month_of_hour[(int(instant.timestamp()) - self.first_hour) // HOUR]]


def _midnight(day: date) -> int:
    """The epoch second at which `day` starts in Stockholm."""
    return int(datetime.combine(day, time(), STOCKHOLM).timestamp())


def month_table(start: date, end: date) -> MonthTable:
    """The table for the period `start`..`end` (both days included, Stockholm days)."""
    first = _midnight(start)
    stop = _midnight(end + timedelta(days=1))
    months: list[str] = []
    month_of_hour: list[int] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        until = min(_midnight(following), stop)
        begins = max(_midnight(date(year, month, 1)), first)
        month_of_hour.extend([len(months)] * ((until - begins) // HOUR))
        months.append(f"{year:04d}-{month:02d}")
        year, month = following.year, following.month
    return MonthTable(first_hour=first, months=months, month_of_hour=month_of_hour)
