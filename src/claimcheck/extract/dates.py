"""A date as news writes it -> the days it names, resolved against the article's date when it is relative.

"March 3, 2024", "3 March 2024", "2024-03-03", "June 2024", "in 2023" are explicit. "yesterday",
"on Monday", "last week", "this month", "in June", "three days ago", "earlier this year" need the
article's published date: "on Monday" is the latest Monday up to that date, "in June" the latest June,
"last week" the Monday-to-Sunday week before the article's. Without a published date a relative time
keeps its words and no days. Plain Python; the words are in data/slots.json.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from claimcheck.lexicon import lexicon, slot_words
from claimcheck.models import TimeSlot

__all__ = ["resolve_time"]

LEADING = re.compile(r"^(?:on|in|since|during|by|at|from|of|for|until|the|early|late|mid|mid-)\s+")
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
Span = tuple[date, date]


def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _explicit(text: str) -> Span | None:
    """A date that needs no article date: ISO, 'March 3, 2024', '3 March 2024', 'June 2024', '2023'."""
    months = slot_words().months
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    month = rf"(?P<month>{month_names})\.?"
    for pattern in (
        r"^(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)$",
        rf"^{month} {DAY},? {YEAR}$",
        rf"^{DAY} {month},? {YEAR}$",
        rf"^{month},? {YEAR}$",
        rf"^{YEAR}$",
    ):
        found = re.match(pattern, text)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["year"])
        number = int(parts["m"]) if parts.get("m") else months.get(parts.get("month") or "", 0)
        try:
            if parts.get("day"):
                day = date(year, number, int(parts["day"]))
                return day, day
            return _month_span(year, number) if number else (date(year, 1, 1), date(year, 12, 31))
        except ValueError:
            return None
    return None


def _period(unit: str, shift: int, today: date) -> Span | None:
    """The week, weekend, month or year `shift` periods from the one holding `today`."""
    if unit == "day":
        day = today + timedelta(days=shift)
        return day, day
    if unit in {"week", "weekend"}:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            saturday = monday + timedelta(days=5) if shift >= 0 else monday - timedelta(days=2) + timedelta(weeks=1)
            return saturday, saturday + timedelta(days=1)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_span(*_shift_month(today.year, today.month, shift))
    if unit == "year":
        return date(today.year + shift, 1, 1), date(today.year + shift, 12, 31)
    return None


def _relative(text: str, today: date) -> Span | None:
    # A chain of small rules, each a form news uses; the first that reads the words decides.
    words = slot_words()
    if text in words.relative_days:
        day = today + timedelta(days=words.relative_days[text])
        return day, day
    weekday = re.sub(r"^(?:last|this|past)\s+", "", text)
    if weekday in words.weekdays:
        back = (today.weekday() - words.weekdays.index(weekday)) % 7
        if text.startswith("last") and back == 0:
            back = 7
        day = today - timedelta(days=back)
        return day, day
    if text in words.months:
        month = words.months[text]
        return _month_span(today.year if month <= today.month else today.year - 1, month)
    found = re.match(r"^(?P<month>[a-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?$|^(?P<day2>\d{1,2}) (?P<month2>[a-z]+)$", text)
    if found is not None:
        named = words.months.get(found.group("month") or found.group("month2") or "", 0)
        number = int(found.group("day") or found.group("day2"))
        if named:
            year = today.year if (named, number) <= (today.month, today.day) else today.year - 1
            try:
                return date(year, named, number), date(year, named, number)
            except ValueError:
                return None
    found = re.match(r"^(?P<shift>[a-z ]+?) (?P<unit>[a-z]+)$", text)
    if found is not None and found.group("shift") in words.relative_shifts and found.group("unit") in words.relative_units:
        unit = words.relative_units[found.group("unit")]
        span = _period(unit, words.relative_shifts[found.group("shift")], today)
        if span is not None and found.group("shift").startswith("earlier"):
            return span[0], today
        return span
    return _ago(text, today)


def _ago(text: str, today: date) -> Span | None:
    """'three days ago', 'two weeks ago', 'a year ago': the day, or the week / month / year it falls in."""
    words = slot_words()
    found = re.match(r"^(?P<count>\d+|[a-z]+) (?P<unit>[a-z]+) ago$", text)
    if found is None or found.group("unit") not in words.relative_units:
        return None
    raw = found.group("count")
    count = int(raw) if raw.isdigit() else lexicon().quantities.number_words.get(raw, 1 if raw in {"a", "an"} else 0)
    if not count:
        return None
    unit = words.relative_units[found.group("unit")]
    return _period(unit, -int(count), today)


def resolve_time(text: str, published: str | None) -> TimeSlot:
    """The TimeSlot of a date's words (as written, e.g. 'on Monday'), resolved where it can be."""
    clean = " ".join(text.lower().replace(",", ", ").split()).strip(" .,")
    bare = clean
    while (shorter := LEADING.sub("", bare)) != bare:
        bare = shorter
    explicit = _explicit(bare.replace(" ,", ","))
    if explicit is not None:
        return TimeSlot(text=text, relative=False, start=explicit[0].isoformat(), end=explicit[1].isoformat())
    today = _published(published)
    span = _relative(bare.replace(",", ""), today) if today is not None else None
    if span is None:
        return TimeSlot(text=text, relative=True)
    return TimeSlot(text=text, relative=True, start=span[0].isoformat(), end=span[1].isoformat())
