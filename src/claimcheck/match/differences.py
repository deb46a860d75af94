"""What differs between a claim and a sentence about it: their figures, and the members of an exclusive
group they name ("intercontinental" vs "medium-range"). Each comparison returns a `Finding` (rule id,
stance, reason in plain words, strength) that the rules of match/stance.py weigh.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from claimcheck.lexicon import ExclusiveGroup, lexicon
from claimcheck.models import EvidenceRule, Quantity, Stance, Statement

YEAR = re.compile(r"(?<![\d$£€.,])(?:1[89]\d\d|20\d\d)(?![\d%])")


class Strength:
    """How firmly a sentence decides the source's stance; the strongest sentence speaks for its source."""

    MENTION = 1
    CONFLICT = 2  # numbers or alternatives disagree, or the source states what a negated claim denies:
    # the source may speak of another scope or an earlier state elsewhere
    SUPPORT = 3
    DENIAL = 4  # negation, denial or correction of the claim itself


class Finding(NamedTuple):
    """What one rule decided: its id, the stance, the reason in plain words, and how firmly."""

    rule: EvidenceRule
    stance: Stance
    reason: str
    strength: int


# ---- numbers ---------------------------------------------------------------------------------


def _bounds(quantity: Quantity) -> tuple[float, float]:
    tolerance = quantity.rounding_tolerance()
    return quantity.low * (1 - tolerance), quantity.high * (1 + tolerance)


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Two quantities measure the same thing: same unit, same counted noun, same verb where both have one."""
    if a.unit != b.unit:
        return False
    if a.counted and b.counted and a.counted != b.counted:
        return False
    light = lexicon().light_predicates
    heavy_a = a.governor if a.governor not in light else None
    heavy_b = b.governor if b.governor not in light else None
    if heavy_a and heavy_b and heavy_a != heavy_b:
        return False
    if not (a.counted and b.counted) and not (a.unit and b.unit):
        return bool(heavy_a and heavy_a == heavy_b)
    return True


def _agree(a: Quantity, b: Quantity) -> bool:
    low_a, high_a = _bounds(a)
    low_b, high_b = _bounds(b)
    return low_a <= high_b and low_b <= high_a


def figure_restated(wanted: Quantity, sentence: Statement) -> bool:
    """The sentence also gives the claim's own figure in the same unit ("killed 300 out of 400 soldiers"):
    the other number counts something else, whatever the parse attached it to."""
    return any(stated.unit == wanted.unit and _agree(wanted, stated) for stated in sentence.quantities)


def compare_numbers(claim: Statement, sentence: Statement) -> Finding | None:
    """None when the claim states no number; otherwise what the sentence's numbers say about it."""
    if not claim.quantities:
        return None
    conflict = dated = None
    for wanted in claim.quantities:
        for stated in sentence.quantities:
            if not _comparable(wanted, stated):
                continue
            if _agree(wanted, stated):
                return Finding(EvidenceRule.NUMBER_AGREEMENT, "supports",
                               f"numbers agree: {wanted.text} vs {stated.text}", Strength.SUPPORT)
            pair = (wanted, stated)
            if stated.dated:
                dated = dated or pair
            else:
                conflict = conflict or pair
    if conflict and not figure_restated(conflict[0], sentence):
        wanted, stated = conflict
        return Finding(
            EvidenceRule.NUMBER_CONFLICT,
            "contradicts",
            f"numbers disagree: {wanted.describe()}"
            f" vs {stated.text}",
            Strength.CONFLICT,
        )
    if dated:
        return Finding(EvidenceRule.OLDER_FIGURE, "mentions",
                       f"older figure, not a conflict: {dated[1].text} (earlier estimate)", Strength.MENTION)
    return Finding(EvidenceRule.FIGURE_NOT_STATED, "mentions",
                   f"does not state the figure ({claim.quantities[0].text})", Strength.MENTION)


# ---- exclusive alternatives --------------------------------------------------------------------


def _members_in(text: str, group: ExclusiveGroup, background: set[str]) -> dict[str, int]:
    """Members of a group named in the text, with the position of their first mention."""
    words = lexicon()
    found: dict[str, int] = {}
    for member, forms in group.members.items():
        for form in forms:
            if form not in text:  # most sentences name no member: a substring test spares the pattern
                continue
            match = _form_pattern(form).search(text)
            if match is None:
                continue
            if words.aliases.get(form, form) in background:
                continue
            found[member] = min(found.get(member, match.start()), match.start())
    return found


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    """A member's form as a whole word (not inside a longer word or hyphenated name)."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def alternative_terms(claim: Statement) -> set[str]:
    """Terms of the claim that name a member of an exclusive group: 'icbm' for 'intercontinental ballistic missile'."""
    text = claim.text.lower()
    forms = [
        form
        for group in lexicon().exclusive_groups
        for member_forms in group.members.values()
        for form in member_forms
        if form in text and _form_pattern(form).search(text)
    ]
    terms = {entity.key for entity in claim.entities if any(form in entity.text.lower() for form in forms)}
    terms.update(word for form in forms for word in form.split())
    return terms & set(claim.terms)


def compare_alternatives(claim: Statement, sentence: Statement) -> Finding | None:
    claim_text, sentence_text = claim.text.lower(), sentence.text.lower()
    background = set(sentence.background_terms)
    for group in lexicon().exclusive_groups:
        wanted = _members_in(claim_text, group, set())
        if len(wanted) != 1:
            continue
        (member,) = wanted
        stated = _members_in(sentence_text, group, background)
        others = [m for m in stated if m != member]
        if not others:
            continue
        if member not in stated:
            return Finding(EvidenceRule.EXCLUSIVE_ALTERNATIVE, "contradicts",
                           f"exclusive alternatives ({group.name}): '{member}' vs '{others[0]}'", Strength.CONFLICT)
        if sentence.correction:
            final = max(stated, key=stated.__getitem__)
            if final != member:
                return Finding(EvidenceRule.CORRECTED_ALTERNATIVE, "contradicts",
                               f"corrected ({group.name}): '{member}' replaced by '{final}' "
                               f"('{sentence.correction}')", Strength.DENIAL)
    return None
