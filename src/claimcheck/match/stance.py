"""Stance of one sentence towards one claim: supports, contradicts, mentions, or nothing.

Similarity only says the sentence is about the claim. The stance is decided on what differs:
numbers, negation and denial, mutually exclusive alternatives, corrections, hedges. Every
decision carries its reason in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from claimcheck.lexicon import ExclusiveGroup, lexicon
from claimcheck.models import Quantity, Stance, Statement

ASSERT_RELEVANCE = 0.7
WHOLE_CLAIM_RELEVANCE = 0.5
CONFLICT_RELEVANCE = 0.6
ENTITY_WEIGHT = 1.5
CONTEXT_CREDIT = 0.5
BACKGROUND_CREDIT = 0.25
FUZZY_CREDIT = 0.8
FUZZY_CUTOFF = 88
LIGHT_PREDICATES = frozenset({"be", "have"})


class Strength:
    """How firmly a sentence decides the source's stance; the strongest sentence speaks for its source."""

    MENTION = 1
    CONFLICT = 2  # numbers or alternatives disagree, or the source states what a negated claim denies:
    # the source may speak of another scope or an earlier state elsewhere
    SUPPORT = 3
    DENIAL = 4  # negation, denial or correction of the claim itself


@dataclass(frozen=True, slots=True)
class SentenceStance:
    statement: Statement
    stance: Stance
    reason: str
    relevance: float
    strength: int


@dataclass(frozen=True, slots=True)
class Coverage:
    relevance: float
    missing_entities: tuple[str, ...]
    covered: frozenset[str]


def _entity_terms(statement: Statement) -> set[str]:
    words = lexicon()
    keys = set()
    for entity in statement.entities:
        keys.add(entity.key)
        keys.update(words.implies.get(entity.key, ()))
    return keys & set(statement.terms)


def coverage(
    claim: Statement,
    sentence: Statement,
    idf: Callable[[str], float],
    *,
    skip: AbstractSet[str] = frozenset(),
    wanted: list[str] | None = None,
) -> Coverage:
    """IDF-weighted share of the claim's terms (its core, unless told) that the sentence, or at less
    credit its paragraph, contains."""
    entity_terms = _entity_terms(claim)
    own = set(sentence.terms)
    context = set(sentence.context_terms)
    background = set(sentence.background_terms)
    total = gained = 0.0
    covered: set[str] = set()
    missing_entities = []
    if wanted is None:
        wanted = claim.core_terms if len(claim.core_terms) >= 3 else claim.terms
    for term in dict.fromkeys(wanted):
        if term in skip:
            continue
        weight = idf(term) * (ENTITY_WEIGHT if term in entity_terms else 1.0)
        total += weight
        if term in own:
            credit = 1.0
        elif term in context:
            credit = CONTEXT_CREDIT
        elif term in background:
            credit = BACKGROUND_CREDIT
        elif len(term) > 4 and process.extractOne(term, own, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF):
            credit = FUZZY_CREDIT
        else:
            credit = 0.0
        gained += weight * credit
        if credit < CONTEXT_CREDIT and any(key in own for key in lexicon().implies.get(term, ())):
            # a leader acting is the state acting: "Kim Jong Un sent" is covered by "North Korea sent"
            credit = 1.0
            gained += weight
        if credit >= CONTEXT_CREDIT:
            covered.add(term)
        elif term in entity_terms:
            missing_entities.append(term)
    relevance = gained / total if total else 0.0
    return Coverage(round(min(relevance, 1.0), 3), tuple(missing_entities), frozenset(covered))


def entities_missing(claim: Statement, sentences: list[Statement]) -> list[str]:
    """The claim's named entities (as the claim wrote them) that no sentence of a source names."""
    named: set[str] = set()
    for sentence in sentences:
        named.update(sentence.terms)
        named.update(sentence.context_terms)
    implied_by = lexicon().implies
    missing = []
    for entity in claim.entities:
        if entity.key in named or any(key in named for key in implied_by.get(entity.key, ())):
            continue
        if entity.key in claim.terms and entity.text not in missing:
            missing.append(entity.text)
    return missing


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
    heavy_a = a.governor if a.governor not in LIGHT_PREDICATES else None
    heavy_b = b.governor if b.governor not in LIGHT_PREDICATES else None
    if heavy_a and heavy_b and heavy_a != heavy_b:
        return False
    if not (a.counted and b.counted) and not (a.unit and b.unit):
        return bool(heavy_a and heavy_a == heavy_b)
    return True


def _agree(a: Quantity, b: Quantity) -> bool:
    low_a, high_a = _bounds(a)
    low_b, high_b = _bounds(b)
    return low_a <= high_b and low_b <= high_a


def _figure_restated(wanted: Quantity, sentence: Statement) -> bool:
    """The sentence also gives the claim's own figure in the same unit ("killed 300 out of 400 soldiers"):
    the other number counts something else, whatever the parse attached it to."""
    return any(stated.unit == wanted.unit and _agree(wanted, stated) for stated in sentence.quantities)


@dataclass(frozen=True, slots=True)
class NumberFinding:
    stance: Stance
    reason: str
    strength: int


def compare_numbers(claim: Statement, sentence: Statement) -> NumberFinding | None:
    """None when the claim states no number; otherwise what the sentence's numbers say about it."""
    if not claim.quantities:
        return None
    conflict = dated = None
    for wanted in claim.quantities:
        for stated in sentence.quantities:
            if not _comparable(wanted, stated):
                continue
            if _agree(wanted, stated):
                return NumberFinding("supports", f"numbers agree: {wanted.text} vs {stated.text}", Strength.SUPPORT)
            pair = (wanted, stated)
            if stated.dated:
                dated = dated or pair
            else:
                conflict = conflict or pair
    if conflict and not _figure_restated(conflict[0], sentence):
        wanted, stated = conflict
        return NumberFinding(
            "contradicts",
            f"numbers disagree: {wanted.describe()}"
            f" vs {stated.text}",
            Strength.CONFLICT,
        )
    if dated:
        return NumberFinding("mentions", f"older figure, not a conflict: {dated[1].text} (earlier estimate)",
                             Strength.MENTION)
    return NumberFinding("mentions", f"does not state the figure ({claim.quantities[0].text})", Strength.MENTION)


# ---- exclusive alternatives --------------------------------------------------------------------


def _members_in(text: str, group: ExclusiveGroup, background: set[str]) -> dict[str, int]:
    """Members of a group named in the text, with the position of their first mention."""
    words = lexicon()
    found: dict[str, int] = {}
    for member, forms in group.members.items():
        for form in forms:
            match = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)
            if match is None:
                continue
            if words.aliases.get(form, form) in background:
                continue
            found[member] = min(found.get(member, match.start()), match.start())
    return found


def _alternative_terms(claim: Statement) -> set[str]:
    """Terms of the claim that name a member of an exclusive group: 'icbm' for 'intercontinental ballistic missile'."""
    text = claim.text.lower()
    forms = [
        form
        for group in lexicon().exclusive_groups
        for member_forms in group.members.values()
        for form in member_forms
        if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)
    ]
    terms = {entity.key for entity in claim.entities if any(form in entity.text.lower() for form in forms)}
    terms.update(word for form in forms for word in form.split())
    return terms & set(claim.terms)


def compare_alternatives(claim: Statement, sentence: Statement) -> tuple[Stance, str, int] | None:
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
            return ("contradicts", f"exclusive alternatives ({group.name}): '{member}' vs '{others[0]}'",
                    Strength.CONFLICT)
        if sentence.correction:
            final = max(stated, key=stated.__getitem__)
            if final != member:
                return ("contradicts", f"corrected ({group.name}): '{member}' replaced by '{final}' "
                        f"('{sentence.correction}')", Strength.DENIAL)
    return None


# ---- the decision ------------------------------------------------------------------------------


def _is_negated(statement: Statement) -> str | None:
    return statement.negation or statement.denial


def _firmness(sentence: Statement) -> str | None:
    """Why a sentence only reports the claim instead of asserting it, or None when it asserts it."""
    if sentence.kind in {"question", "opinion", "speculation"}:
        return f"{sentence.kind}, not an assertion"
    strong = [h for h in sentence.hedges if h not in lexicon().weak_hedges]
    if strong:
        return f"hedged: '{strong[0]}'"
    if sentence.hedges and not sentence.attribution:
        return f"hedged: '{sentence.hedges[0]}'"
    return None


def decide_stance(
    claim: Statement,
    sentence: Statement,
    *,
    idf: Callable[[str], float],
    min_relevance: float = 0.5,
) -> SentenceStance | None:
    """The stance of one sentence towards a claim, or None when the sentence is not about the claim."""
    cover = coverage(claim, sentence, idf)
    if cover.relevance < min_relevance:
        return None

    def result(stance: Stance, reason: str, strength: int) -> SentenceStance:
        return SentenceStance(sentence, stance, reason, cover.relevance, strength)

    hedge = _firmness(sentence)
    alternatives = compare_alternatives(claim, sentence)
    if alternatives is not None and hedge is None:
        # The differing alternative is the point, so it is left out of what the sentence must cover.
        uncovered = {t for t in claim.terms if t not in cover.covered}
        rest = coverage(claim, sentence, idf, skip=uncovered & _alternative_terms(claim))
        if not rest.missing_entities and rest.relevance >= CONFLICT_RELEVANCE:
            return result(*alternatives)

    if cover.missing_entities:
        return result("mentions", f"does not name {_entity_names(claim, cover.missing_entities)}", Strength.MENTION)

    corrected = _corrected(claim, sentence)
    if corrected is not None and cover.relevance >= CONFLICT_RELEVANCE:
        return result("contradicts", corrected, Strength.DENIAL)

    numbers = compare_numbers(claim, sentence)
    if numbers is not None and numbers.stance == "contradicts" and hedge is None and cover.relevance >= CONFLICT_RELEVANCE:
        return result(numbers.stance, numbers.reason, numbers.strength)

    claim_negated, sentence_negated = _is_negated(claim), _is_negated(sentence)
    if claim_negated and not sentence_negated and hedge is None and _entails(sentence.predicate, claim.predicate):
        # The implied action need not be named: "troops are joining Russian forces" says they were sent.
        rest = coverage(claim, sentence, idf, skip={claim.predicate} if claim.predicate else set())
        if not rest.missing_entities and rest.relevance >= ASSERT_RELEVANCE:
            return result("contradicts", f"states what the claim denies ('{claim_negated}'): "
                          f"'{sentence.predicate}' implies '{claim.predicate}'", Strength.CONFLICT)

    if cover.relevance < ASSERT_RELEVANCE:
        return result("mentions", f"related: covers {cover.relevance:.0%} of the claim", Strength.MENTION)

    if bool(claim_negated) != bool(sentence_negated) and _same_event(claim, sentence):
        # A denial quotes what it denies with words like "claims" or "alleged": those do not soften it.
        softened = hedge if not sentence.denial or sentence.kind != "fact" else None
        if softened is not None:
            return result("mentions", f"opposite statement, but {softened}", Strength.MENTION)
        if sentence.denial:
            return result("contradicts", f"denied: '{sentence.denial}'", Strength.DENIAL)
        if sentence_negated:
            return result("contradicts", f"negated: '{sentence_negated}'", Strength.DENIAL)
        return result("contradicts", f"states what the claim denies ('{claim_negated}')", Strength.CONFLICT)
    if bool(claim_negated) != bool(sentence_negated):
        return result("mentions", "related, but about another action", Strength.MENTION)

    if hedge is not None:
        return result("mentions", hedge, Strength.MENTION)
    if numbers is not None and numbers.stance != "supports":
        return result("mentions", numbers.reason, Strength.MENTION)
    whole = coverage(claim, sentence, idf, wanted=_content_terms(claim))
    if whole.missing_entities:
        return result("mentions", f"does not name {_entity_names(claim, whole.missing_entities)}", Strength.MENTION)
    if claim.predicate in claim.terms and claim.predicate not in (*LIGHT_PREDICATES, *sentence.terms):
        return result("mentions", f"related, but does not say '{claim.predicate}'", Strength.MENTION)
    if whole.relevance < WHOLE_CLAIM_RELEVANCE:
        return result("mentions", f"related: covers the claim's core but {whole.relevance:.0%} of all it says",
                      Strength.MENTION)
    reason = numbers.reason if numbers is not None else f"same statement: covers {cover.relevance:.0%} of the claim"
    if sentence.attribution:
        reason += f" (according to {sentence.attribution})"
    return result("supports", reason, Strength.SUPPORT)


def _entity_names(claim: Statement, keys) -> str:
    names = {e.key: e.text for e in claim.entities}
    return ", ".join(names.get(key, key.replace("_", " ")) for key in keys)


def _content_terms(claim: Statement) -> list[str]:
    """Everything the claim states, without who said it or what it names only in passing: a sentence
    that supports the claim must cover most of this, not only the claim's core."""
    said_by = (claim.attribution or "").lower()
    background = set(claim.background_terms)
    return [
        term for term in claim.terms
        if term not in background and not (said_by and term.replace("_", " ")[:5] in said_by)
    ]


CONTRAST = re.compile(r",? (?:but|however|yet|though) ", re.IGNORECASE)


def _corrected(claim: Statement, sentence: Statement) -> str | None:
    """'Officials first blamed drones, but investigators later concluded it was a fault': the claim is
    what was believed before the turn, and the sentence ends elsewhere."""
    if not sentence.correction:
        return None
    parts = CONTRAST.split(sentence.text.lower())
    if len(parts) < 2:
        return None
    before, after = " ".join(parts[:-1]), parts[-1]
    stems = [t.replace("_", " ")[:5] for t in (claim.core_terms or claim.terms)]
    if not stems:
        return None
    share_before = sum(stem in before for stem in stems) / len(stems)
    share_after = sum(stem in after for stem in stems) / len(stems)
    if share_before >= 0.5 and share_after <= 0.34:
        return f"corrected: '{sentence.correction}'"
    return None


def _entails(asserted: str | None, action: str | None) -> bool:
    return asserted is not None and action is not None and action in lexicon().entails.get(asserted, ())


def _same_event(claim: Statement, sentence: Statement) -> bool:
    """Negation only flips a claim when the sentence speaks of the same action, not merely of the same actors.

    A negation sits on a sentence's main verb, so "it would not surprise me if they opened ..." does not
    negate "they will open": the negated (or, for a negated claim, the asserted) verb must be the claim's.
    A denial names what it denies anywhere in the sentence ("denied sending troops")."""
    if sentence.denial:
        return claim.predicate in (None, *LIGHT_PREDICATES) or claim.predicate in sentence.terms
    if claim.predicate in (None, *LIGHT_PREDICATES):
        return sentence.predicate in (None, *LIGHT_PREDICATES)
    return claim.predicate == sentence.predicate
