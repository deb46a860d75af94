"""Dates of claims and sources, and what their order says: shared by the verdicts and the figure groups.

One place for the time rules (docs/labels.md#time and #figures-over-time):
- a day is the first ten characters of an ISO 8601 date; anything else is unknown;
- a claim or a figure is placed at the days its sentence's resolved time allows, else at its article's
  publication date;
- two figures a number rule compared are `superseded` / `supersedes` when both are placed and one lies
  wholly before the other, else `conflict` (an unknown date never makes `superseded`);
- a source published before the first day a claim's time allows cannot confirm it (`before-event`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimcheck.models import EvidenceRule, FigureRelationKind, TimeSlot

__all__ = [
    "NUMBER_RULES",
    "Days",
    "before_event",
    "figure_relation",
    "iso_day",
    "placed_at",
    "published_before",
]

NUMBER_RULES = frozenset({EvidenceRule.NUMBER_AGREEMENT, EvidenceRule.NUMBER_CONFLICT, EvidenceRule.OLDER_FIGURE})
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


class Days(NamedTuple):
    """The days a statement is placed at, first and last (YYYY-MM-DD); equal for one day."""

    first: str
    last: str

    def shown(self) -> str:
        return self.first if self.first == self.last else f"{self.first} to {self.last}"


def iso_day(text: str | None) -> str | None:
    """YYYY-MM-DD from ISO 8601 text ('2024-11-04T09:00:00+00:00' -> '2024-11-04'); None when not a date."""
    return text[:10] if text and _ISO_DAY.match(text) else None


def placed_at(time: TimeSlot | None, published: str | None) -> Days | None:
    """Where a sentence sits in time: the days its resolved time allows ('on Monday' of a dated article),
    else its article's publication day; None when neither is known."""
    if time is not None and (first := iso_day(time.start)) is not None:
        return Days(first, iso_day(time.end) or first)
    day = iso_day(published)
    return Days(day, day) if day is not None else None


def figure_relation(rule: EvidenceRule, mine: Days | None, other: Days | None) -> FigureRelationKind:
    """How my figure relates to another that an evidence item of `rule` compared with it: agrees for a
    number-agreement; superseded (mine is older) or supersedes (mine is later) for a number rule that found
    them different when both are placed and one lies wholly before the other; conflict otherwise, and
    related when no number rule compared them."""
    if rule not in NUMBER_RULES:
        return "related"
    if rule == EvidenceRule.NUMBER_AGREEMENT:
        return "agrees"
    if mine is not None and other is not None:
        if mine.last < other.first:
            return "superseded"
        if other.last < mine.first:
            return "supersedes"
    return "conflict"


def published_before(published: str | None, day: str) -> bool:
    """Published on a day before `day`; False when the date is unknown."""
    found = iso_day(published)
    return found is not None and found < day


def before_event(evidence_published: str | None, time: TimeSlot | None, told_on: str | None) -> str | None:
    """The first day of a claim's event when a source published earlier cannot confirm it, else None.

    Only for a claim whose time is resolved and lies in the past of its telling (told_on, its article's
    publication date): a time after it is a plan or a schedule ('will reopen in May'), which an earlier
    source can confirm, and a claim with no date of telling (typed by a user) cannot be told from one.
    """
    if time is None or (first := iso_day(time.start)) is None:
        return None
    told = iso_day(told_on)
    if told is None or first > told:
        return None
    return first if published_before(evidence_published, first) else None
