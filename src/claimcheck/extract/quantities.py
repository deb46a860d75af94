"""Numbers as news writes them -> Quantity: words and digits, scales, currencies, ranges and bounds.

"about 10,000" -> 10,000 (approximate); "$2.2 billion" -> 2.2e9 USD; "11,000 to 12,000" -> a range;
"more than 10,000" -> at least; "up to 8,000" -> at most; "seven" -> 7; "a dozen" -> 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Qualifier

WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "dozen": 12, "a dozen": 12, "half a dozen": 6, "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
UNIT_WORDS = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage points": "percentage points",
    "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
    "km": "km", "kilometers": "km", "kilometres": "km", "miles": "mile", "mi": "mile",
    "kg": "kg", "kilograms": "kg", "tons": "tonne", "tonnes": "tonne", "meters": "m", "metres": "m",
}
VAGUE_PLURALS = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 99_999),
                 "tens of thousands": (20_000, 99_999), "millions": (2e6, 999e6)}
QUALIFIERS = {
    "about": Qualifier.APPROXIMATE, "around": Qualifier.APPROXIMATE, "approximately": Qualifier.APPROXIMATE,
    "roughly": Qualifier.APPROXIMATE, "nearly": Qualifier.APPROXIMATE, "almost": Qualifier.APPROXIMATE,
    "some": Qualifier.APPROXIMATE, "an estimated": Qualifier.APPROXIMATE, "estimated": Qualifier.APPROXIMATE,
    "close to": Qualifier.APPROXIMATE, "an approximate": Qualifier.APPROXIMATE,
    "more than": Qualifier.AT_LEAST, "over": Qualifier.AT_LEAST, "at least": Qualifier.AT_LEAST,
    "upwards of": Qualifier.AT_LEAST, "in excess of": Qualifier.AT_LEAST, "no fewer than": Qualifier.AT_LEAST,
    "fewer than": Qualifier.AT_MOST, "less than": Qualifier.AT_MOST, "under": Qualifier.AT_MOST,
    "up to": Qualifier.AT_MOST, "at most": Qualifier.AT_MOST, "as many as": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST,
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in WORD_VALUES), key=len, reverse=True))
_SCALE = "|".join(sorted((re.escape(s) for s in SCALES), key=len, reverse=True))
_CURRENCY = r"US\$|\$|€|£|¥"
_UNIT = "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True))
_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE_PLURALS), key=len, reverse=True))
_AMOUNT = rf"(?:(?:{_CURRENCY})\s?)?(?:{_NUMBER}|\b(?:{_WORDS})\b)(?:\s?(?:{_SCALE})\b(?:\s(?:{_SCALE})\b)?)?"

QUANTITY_PATTERN = re.compile(
    rf"(?<![\w\-/.])"
    rf"(?:(?P<qualifier>\b(?:{_QUALIFIER}))\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?P<first>{_AMOUNT})"
    rf"(?:\s*(?P<joiner>to|and|-|–|—)\s*(?P<second>{_AMOUNT}))?"
    rf"(?:\s?(?P<unit>{_UNIT})(?![\w]))?"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)\s+of\b",
    re.IGNORECASE,
)
_AMOUNT_PARTS = re.compile(
    rf"(?P<currency>{_CURRENCY})?\s?(?:(?P<digits>{_NUMBER})|(?P<words>{_WORDS}))(?:\s?(?P<scale>(?:{_SCALE})\b(?:\s(?:{_SCALE})\b)?))?",
    re.IGNORECASE,
)


# "one of the founders", "no one", "one another": the word "one" as a pronoun, not a count
_PRONOUN_ONE_AFTER = re.compile(r"\s+(?:of|another)\b", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that|which)\s+$", re.IGNORECASE)


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    return (
        text[start:end].lower() == "one"
        and bool(_PRONOUN_ONE_AFTER.match(text, end) or _PRONOUN_ONE_BEFORE.search(text[max(0, start - 12) : start]))
    )


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
    match = _AMOUNT_PARTS.search(text)
    if match is None:
        return None
    value = float(match.group("digits").replace(",", "")) if match.group("digits") else float(WORD_VALUES[match.group("words").lower()])
    scale = match.group("scale")
    if scale:
        # a bare 'm' or 'b' after a number is only a scale next to a currency ("$5m"), not "5 m" metres
        if scale.lower() in {"m", "b", "k"} and not match.group("currency") and " " in match.group(0).strip():
            scale = None
        else:
            for word in scale.lower().split():  # "five hundred thousand"
                value *= SCALES[word]
    currency = CURRENCIES.get((match.group("currency") or "").lower())
    return value, currency, bool(scale)


def find_quantities(text: str) -> list[RawQuantity]:
    """Every number expression in a sentence, with the bounds its wording implies."""
    found: list[RawQuantity] = []
    for match in QUANTITY_PATTERN.finditer(text):
        if match.group("vague"):
            low, high = VAGUE_PLURALS[match.group("vague").lower()]
            found.append(RawQuantity(match.group(0), match.start(), match.end(), (low + high) / 2, low, high,
                                     Qualifier.APPROXIMATE, None))
            continue
        first = _amount(match.group("first"))
        if first is None or _is_pronoun_one(text, match.start(), match.end()):
            continue
        value, currency, _ = first
        unit = currency or UNIT_WORDS.get((match.group("unit") or "").lower())
        qualifier = QUALIFIERS.get((match.group("qualifier") or "").lower(), Qualifier.EXACT)
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
