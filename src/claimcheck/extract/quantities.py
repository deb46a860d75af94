"""Numbers as news writes them -> Quantity: words and digits, scales, currencies, ranges and bounds.

"about 10,000" -> 10,000 (approximate); "$2.2 billion" -> 2.2e9 USD; "11,000 to 12,000" -> a range;
"more than 10,000" -> at least; "up to 8,000" -> at most; "seven" -> 7; "a dozen" -> 12.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimcheck.lexicon import lexicon
from claimcheck.models import Qualifier

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _longest_first(words: Iterable[str]) -> str:
    """Regex alternatives for the words, longer ones tried first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a quantity expression, the parts of one amount), built from the lexicon's number words once."""
    words = lexicon().quantities
    number_words = _longest_first(words.number_words)
    scale = _longest_first(words.scales)
    currency = _longest_first(words.currencies)
    amount = (
        rf"(?:(?:{currency})\s?)?(?:{_NUMBER}|\b(?:{number_words})\b)(?:\s?(?:{scale})\b(?:\s(?:{scale})\b)?)?"
    )
    quantity = re.compile(
        rf"(?<![\w\-/.])"
        rf"(?:(?P<qualifier>\b(?:{_longest_first(words.qualifiers)}))\s+)?"
        rf"(?:(?P<between>between)\s+)?"
        rf"(?P<first>{amount})"
        rf"(?:\s*(?P<joiner>to|and|-|–|—)\s*(?P<second>{amount}))?"
        rf"(?:\s?(?P<unit>{_longest_first(words.units)})(?![\w]))?"
        rf"|(?P<vague>\b(?:{_longest_first(words.vague_plurals)})\b)\s+of\b"
        rf"|(?P<few>\b(?:{_longest_first(words.vague_multipliers)}))\s+(?P<few_scale>{scale})\b"
        rf"(?:\s?(?P<few_unit>{_longest_first(words.units)})(?![\w]))?",
        re.IGNORECASE,
    )
    parts = re.compile(
        rf"(?P<currency>{currency})?\s?(?:(?P<digits>{_NUMBER})|(?P<words>{number_words}))"
        rf"(?:\s?(?P<scale>(?:{scale})\b(?:\s(?:{scale})\b)?))?",
        re.IGNORECASE,
    )
    return quantity, parts


# "one of the founders", "no one", "one another": the word "one" as a pronoun, not a count
_PRONOUN_ONE_AFTER = re.compile(r"\s+(?:of|another)\b", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that|which)\s+$", re.IGNORECASE)


_COMPOUND_AFTER = re.compile(r"-([a-z]+)", re.IGNORECASE)


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    return (
        text[start:end].lower() == "one"
        and bool(_PRONOUN_ONE_AFTER.match(text, end) or _PRONOUN_ONE_BEFORE.search(text[max(0, start - 12) : start])
                 or _in_compound_adjective(text, end))
    )


def _in_compound_adjective(text: str, end: int) -> bool:
    """'a one-off concert', 'a one-time champion': 'one' before a hyphen, unless it measures a time or a unit
    ('a one-year deal', 'a one-mile stretch')."""
    compound = _COMPOUND_AFTER.match(text, end)
    if compound is None:
        return False
    word = compound.group(1).lower()
    measures = _measures()
    return word not in measures and f"{word}s" not in measures


@cache
def _measures() -> frozenset[str]:
    """The words that make 'one-' measure something: time words and units ('one-year', 'one-mile')."""
    words = lexicon().quantities
    return frozenset({*words.time_words, *words.units})


@dataclass(frozen=True, slots=True)
class RawQuantity:
    """A quantity found in text, before the parse tells what it counts."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    unit: str | None


def _amount(text: str) -> tuple[float, str | None, bool] | None:
    """(value, currency, has_scale) of one amount, or None when it is not a number."""
    match = _patterns()[1].search(text)
    if match is None:
        return None
    words = lexicon().quantities
    value = float(match.group("digits").replace(",", "")) if match.group("digits") else float(words.number_words[match.group("words").lower()])
    scale = match.group("scale")
    if scale:
        # a bare 'm' or 'b' after a number is only a scale next to a currency ("$5m"), not "5 m" metres
        if scale.lower() in {"m", "b", "k"} and not match.group("currency") and " " in match.group(0).strip():
            scale = None
        else:
            for word in scale.lower().split():  # "five hundred thousand"
                value *= words.scales[word]
    currency = words.currencies.get((match.group("currency") or "").lower())
    return value, currency, bool(scale)


def find_quantities(text: str) -> list[RawQuantity]:
    """Every number expression in a sentence, with the bounds its wording implies."""
    found: list[RawQuantity] = []
    words = lexicon().quantities
    for match in _patterns()[0].finditer(text):
        if match.group("vague"):
            low, high = words.vague_plurals[match.group("vague").lower()]
            found.append(RawQuantity(match.group(0), match.start(), match.end(), (low + high) / 2, low, high,
                                     Qualifier.APPROXIMATE, None))
            continue
        if match.group("few"):
            # "a few million dollars": a range of multiples of the scale, never the scale itself
            low, high = words.vague_multipliers[match.group("few").lower()]
            scaled = words.scales[match.group("few_scale").lower()]
            found.append(RawQuantity(match.group(0), match.start(), match.end(), scaled * (low + high) / 2,
                                     scaled * low, scaled * high, Qualifier.APPROXIMATE,
                                     words.units.get((match.group("few_unit") or "").lower())))
            continue
        first = _amount(match.group("first"))
        if first is None or _is_pronoun_one(text, match.start(), match.end()):
            continue
        value, currency, _ = first
        unit = currency or words.units.get((match.group("unit") or "").lower())
        qualifier = words.qualifiers.get((match.group("qualifier") or "").lower(), Qualifier.EXACT)
        low = high = value
        second_text = match.group("second")
        joiner = (match.group("joiner") or "").lower()
        end = match.end()
        if second_text and (joiner != "and" or match.group("between")):
            second = _amount(second_text)
            if second is not None:
                upper, second_currency, second_scaled = second
                # "11 to 12 billion": the scale written once applies to both ends
                first_amount = _amount(match.group("first"))
                if not (first_amount and first_amount[2]) and second_scaled and upper > value:
                    scale = upper / float(re.sub(r"[^\d.]", "", second_text.split()[0]) or 1)
                    value *= scale if scale > 1 else 1
                low, high = min(value, upper), max(value, upper)
                value = (low + high) / 2
                qualifier = Qualifier.RANGE
                unit = unit or second_currency
        elif second_text:
            # "killed 4 and injured 6": two numbers, not a range; keep the first only
            end = match.start("joiner")
        if qualifier == Qualifier.AT_LEAST:
            high = float("inf")
        elif qualifier == Qualifier.AT_MOST:
            low = 0.0
        raw_text = text[match.start():end].strip()
        if _is_year(raw_text, value, unit):
            continue
        found.append(RawQuantity(raw_text, match.start(), match.start() + len(raw_text), value, low, high,
                                 qualifier, unit))
    return found


def _is_year(text: str, value: float, unit: str | None) -> bool:
    return unit is None and re.fullmatch(r"(1[89]|20)\d\d", text) is not None and 1800 <= value <= 2100
