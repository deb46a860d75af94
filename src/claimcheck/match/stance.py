"""Stance of one sentence towards one claim: supports, contradicts, mentions, or nothing.

Similarity only says the sentence is about the claim (`coverage`, match/coverage.py); a sentence that
covers less than `min_relevance` of the claim is no evidence at all. The stance is decided on what
differs: numbers, negation and denial, mutually exclusive alternatives, corrections, hedges.

Each rule is a small function that returns a `Finding` (rule id, stance, reason in plain words,
strength) or None when it does not apply. `RULES` tries them in this order and the first finding
decides; the order is part of the behaviour (docs/labels.md):

 0. other-time: the sentence dates what it says to other years than the claim does: another event;
 1. exclusive-alternative / corrected-alternative: a firm sentence names another member of an
    exclusive group ("medium-range" for "intercontinental"), or corrects the claim's member;
 2. missing-participant: the sentence leaves out a named participant of the claim's core;
 3. correction: the sentence turns away from what the claim states ("first blamed X, but ...");
 4. other-place / number-conflict: a firm sentence gives a figure that disagrees with the claim's, unless the
    two name only different places (two events: "16 wounded in Zaporizhzhia", "seven injured in Kharkiv");
 5. implied-action: a firm sentence asserts an action implying the one a negated claim denies;
 6. related: the sentence covers too little of the claim to assert or deny it;
 7. opposite polarity about the same action, in this order: hedged-opposite (the opposite is only
    reported), denial, negation, denied-action-stated (the sentence states what the claim denies);
 8. other-action: opposite polarity, but about another action;
 9. hedged: hedged, a question, an opinion or speculation;
10. older-figure / figure-not-stated: the claim's figure is not confirmed (for a sentence of an article,
    only a figure of its main point: "until he's 18" in an aside is named in the support's reason);
11. missing-participant (again, over everything the claim states, not only its core; typed claims only);
12. predicate-not-stated: same participants, but not the claim's action (unless the sentence says the
    claim in other words: a paraphrase need not name the action in the claim's word);
13. partial-coverage: the sentence covers the claim's core but little of all it says (typed claims only:
    a sentence of an article is labelled by its main point, and the support's reason names the aside
    it leaves unconfirmed);
14. number-agreement / restatement: support, when nothing above applied (`_support`).

The learned model's ids (model, model-missing-participant) are given in match/combine.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from claimcheck.lexicon import lexicon
from claimcheck.match.actions import action_stated, same_action
from claimcheck.match.coverage import Coverage, coverage
from claimcheck.match.differences import (
    YEAR,
    Finding,
    Strength,
    alternative_terms,
    compare_alternatives,
    compare_numbers,
    figure_restated,
)
from claimcheck.match.disputes import denies_whole_tale, is_denial, negation_turned_from
from claimcheck.match.meaning import Meaning
from claimcheck.models import PLACE_LABELS, EvidenceRule, Stance, Statement

__all__ = ["RULES", "Finding", "SentenceStance", "Strength", "decide_stance", "may_say_in_other_words"]

ASSERT_RELEVANCE = 0.7
# A sentence that covers less of the claim's words may still restate it in other words: when the sentence
# encoder (match/meaning.py) puts the two this close, and it covers at least MEANING_RELEVANCE of the claim.
MEANING_SIMILARITY = 0.65
MEANING_RELEVANCE = 0.3
WHOLE_CLAIM_RELEVANCE = 0.5
CONFLICT_RELEVANCE = 0.6
SAME_COUNT_CONFLICT_RELEVANCE = 0.5


@dataclass(frozen=True, slots=True)
class SentenceStance:
    statement: Statement
    stance: Stance
    rule: EvidenceRule
    reason: str
    relevance: float
    strength: int


# ---- the decision ------------------------------------------------------------------------------


def _is_negated(statement: Statement) -> str | None:
    return statement.negation or statement.prevented or statement.denial


def _negated_in_clause(statement: Statement, action: str | None) -> str | None:
    """The cue when the statement negates the other's action in a clause its main verb introduces ('it looks
    like Bale will no longer play Jobs' against 'Bale will play Jobs'), not on its main verb."""
    if action is None or same_action(statement.predicate, action):
        return None
    return next((negated.cue for negated in statement.negated_actions if same_action(negated.action, action)), None)


def _firmness(sentence: Statement, claim: Statement | None = None) -> str | None:
    """Why a sentence only reports the claim instead of asserting it, or None when it asserts it.
    claim: read against this claim, whose own hedges and kind are part of what it says, not a difference."""
    hedges = [h for h in sentence.hedges if claim is None or h not in claim.hedges]
    if sentence.kind in {"question", "opinion", "speculation"} and (claim is None or claim.kind != sentence.kind):
        return f"{sentence.kind}, not an assertion"
    strong = [h for h in hedges if h not in lexicon().weak_hedges]
    if strong:
        return f"hedged: '{strong[0]}'"
    if hedges and not sentence.attribution:
        return f"hedged: '{hedges[0]}'"
    return None


class _Pair:
    """A claim and a sentence that covers enough of it, with what several rules read of the two: each
    computed once, when a rule first asks."""

    def __init__(
        self, claim: Statement, sentence: Statement, idf: Callable[[str], float], cover: Coverage, *, main_point: bool,
        similarity: float | None = None, meaning: Meaning | None = None,
    ) -> None:
        self.claim, self.sentence, self.idf, self.cover = claim, sentence, idf, cover
        # Judged on its main point only: an article's sentence, whose asides are the article's background.
        self.main_point = main_point
        self._similarity, self._meaning = similarity, meaning

    @cached_property
    def similarity(self) -> float | None:
        """How close the two are in meaning (cosine of their sentence vectors), or None without an encoder."""
        if self._similarity is None and self._meaning is not None:
            self._similarity = self._meaning.similarity(self.claim.text, self.sentence.text)
        return self._similarity

    @cached_property
    def in_other_words(self) -> bool:
        """The sentence says the claim in other words: too few shared words to assert it, but close in meaning."""
        if self.cover.relevance >= ASSERT_RELEVANCE or self.cover.missing_entities:
            return False
        return _close_in_meaning(self.cover.relevance, self.similarity)

    @cached_property
    def hedge(self) -> str | None:
        return _firmness(self.sentence)

    @cached_property
    def hedge_beyond_claim(self) -> str | None:
        """Why the sentence asserts less than the claim: a hedge the claim shares ('whether', 'claims'), or
        its kind (a plan's terms, 'would have paid', beside a claim that is one too), is part of what the
        claim says, not a difference."""
        return _firmness(self.sentence, self.claim) if self.hedge is not None else None

    @cached_property
    def numbers(self) -> Finding | None:
        return compare_numbers(self.claim, self.sentence)

    @cached_property
    def claim_negated(self) -> str | None:
        return _is_negated(self.claim) or self.claim_negates_in_clause

    @cached_property
    def sentence_negated(self) -> str | None:
        return _is_negated(self.sentence) or self.sentence_negates_in_clause

    @cached_property
    def claim_negates_in_clause(self) -> str | None:
        return _negated_in_clause(self.claim, self.sentence.predicate)

    @cached_property
    def sentence_negates_in_clause(self) -> str | None:
        return _negated_in_clause(self.sentence, self.claim.predicate)

    @cached_property
    def opposite(self) -> bool:
        """One of the two is negated or denied and the other is not."""
        return bool(self.claim_negated) != bool(self.sentence_negated)

    @cached_property
    def opposite_event(self) -> bool:
        """Opposite polarity about the claim's own action."""
        negated_in_clause = self.claim_negates_in_clause or self.sentence_negates_in_clause
        return self.opposite and (bool(negated_in_clause) or _same_event(self.claim, self.sentence))

    @cached_property
    def whole(self) -> Coverage:
        return coverage(self.claim, self.sentence, self.idf, wanted=_content_terms(self.claim))


def _mention(rule: EvidenceRule, reason: str) -> Finding:
    return Finding(rule, "mentions", reason, Strength.MENTION)


def _other_time(p: _Pair) -> Finding | None:
    """Two statements dated to different years speak of different events ("met in Vienna in 2019" and
    "met in Vienna in 2023"): neither supports nor contradicts the other."""
    claim_years = set(YEAR.findall(p.claim.text))
    sentence_years = set(YEAR.findall(p.sentence.text))
    if not claim_years or not sentence_years or claim_years & sentence_years:
        return None
    return _mention(EvidenceRule.OTHER_TIME,
                    f"another time: {', '.join(sorted(sentence_years))}, the claim {', '.join(sorted(claim_years))}")


def _alternative(p: _Pair) -> Finding | None:
    if p.hedge is not None:
        return None
    found = compare_alternatives(p.claim, p.sentence)
    if found is None:
        return None
    # The differing alternative is the point, so it is left out of what the sentence must cover.
    uncovered = {t for t in p.claim.terms if t not in p.cover.covered}
    rest = coverage(p.claim, p.sentence, p.idf, skip=uncovered & alternative_terms(p.claim))
    if not rest.missing_entities and rest.relevance >= CONFLICT_RELEVANCE:
        return found
    return None


def _missing_participant(p: _Pair) -> Finding | None:
    if not p.cover.missing_entities:
        return None
    return _mention(EvidenceRule.MISSING_PARTICIPANT, f"does not name {_entity_names(p.claim, p.cover.missing_entities)}")


def _correction(p: _Pair) -> Finding | None:
    if p.sentence.kind != "fact":
        # "If the story is actually true, ...": a conditional, a question or an opinion corrects nothing
        return None
    corrected = _corrected(p.claim, p.sentence)
    if corrected is None or p.cover.relevance < CONFLICT_RELEVANCE:
        return None
    return Finding(EvidenceRule.CORRECTION, "contradicts", corrected, Strength.DENIAL)


def _another_figure_denied(p: _Pair) -> Finding | None:
    """'The $72 million figure is bogus', 'did not lose $40 million' beside a claim of another figure: denying
    another figure says nothing of the claim's, neither a conflict nor, through the negation, a denial."""
    numbers = p.numbers
    if numbers is None or numbers.stance == "supports" or not p.sentence.quantities:
        return None
    if not (p.sentence_negated or is_denial(p.sentence)) or p.claim_negated or is_denial(p.claim):
        return None
    if any(figure_restated(wanted, p.sentence) for wanted in p.claim.quantities):
        # the figure it gives is the claim's own ("denied that Rosenberg, 31, had been in Kobane"): what it
        # denies is something else, for the rules after this one to read
        return None
    denied = ", ".join(q.text for q in p.sentence.quantities)
    return _mention(EvidenceRule.FIGURE_NOT_STATED, f"denies another figure ({denied}), does not state the claim's")


def _number_conflict(p: _Pair) -> Finding | None:
    numbers = p.numbers
    if numbers is None or numbers.stance != "contradicts" or p.hedge is not None:
        return None
    elsewhere = _other_places(p.claim, p.sentence)
    if elsewhere is not None:
        # "16 wounded in Zaporizhzhia" and "seven injured in Kharkiv" count two strikes, not one
        return _mention(EvidenceRule.OTHER_PLACE, elsewhere)
    # Two figures counting the same thing ("28 bodies", "20 bodies") are about one quantity already.
    counted = {q.counted for q in p.claim.quantities if q.counted} & {q.counted for q in p.sentence.quantities if q.counted}
    needed = SAME_COUNT_CONFLICT_RELEVANCE if counted else CONFLICT_RELEVANCE
    return numbers if p.cover.relevance >= needed else None


def _implied_action(p: _Pair) -> Finding | None:
    claim, sentence = p.claim, p.sentence
    if not p.claim_negated or p.sentence_negated or p.hedge is not None:
        return None
    if not _entails(sentence.predicate, claim.predicate):
        return None
    # The implied action need not be named: "troops are joining Russian forces" says they were sent.
    rest = coverage(claim, sentence, p.idf, skip={claim.predicate} if claim.predicate else set())
    if rest.missing_entities or rest.relevance < ASSERT_RELEVANCE:
        return None
    return Finding(EvidenceRule.IMPLIED_ACTION, "contradicts", f"states what the claim denies ('{p.claim_negated}'): "
                   f"'{sentence.predicate}' implies '{claim.predicate}'", Strength.CONFLICT)


def _related(p: _Pair) -> Finding | None:
    if p.cover.relevance >= ASSERT_RELEVANCE or p.in_other_words:
        return None
    close = f", meaning similarity {p.similarity:.2f}" if p.similarity is not None else ""
    return _mention(EvidenceRule.RELATED, f"related: covers {p.cover.relevance:.0%} of the claim{close}")


def _hedged_opposite(p: _Pair) -> Finding | None:
    if not p.opposite_event:
        return None
    if _relays_denied_report(p):
        return _mention(EvidenceRule.HEDGED_OPPOSITE,
                        f"opposite statement, but relayed from {p.sentence.attribution}: the report the claim denies")
    # A denial quotes what it denies with words like "claims" or "alleged": those do not soften it.
    softened = p.hedge if not p.sentence.denial or p.sentence.kind != "fact" else None
    if softened is None:
        return None
    return _mention(EvidenceRule.HEDGED_OPPOSITE, f"opposite statement, but {softened}")


def _relays_denied_report(p: _Pair) -> bool:
    """The claim denies a report as a whole ("officials deny the congressman's claim that ...") and the
    sentence only relays that report from a party ("..., the congressman said"): it shows the report was
    made, which the denial does not dispute, and does not vouch for it."""
    sentence = p.sentence
    if not p.claim_negated or p.sentence_negated or not sentence.attribution or sentence.vouched:
        return False
    return denies_whole_tale(p.claim)


def _denial(p: _Pair) -> Finding | None:
    if not p.opposite_event or not p.sentence.denial:
        return None
    return Finding(EvidenceRule.DENIAL, "contradicts", f"denied: '{p.sentence.denial}'", Strength.DENIAL)


def _negation(p: _Pair) -> Finding | None:
    if not p.opposite_event or not p.sentence_negated:
        return None
    return Finding(EvidenceRule.NEGATION, "contradicts", f"negated: '{p.sentence_negated}'", Strength.DENIAL)


def _denied_action_stated(p: _Pair) -> Finding | None:
    if not p.opposite_event:
        return None
    return Finding(EvidenceRule.DENIED_ACTION_STATED, "contradicts",
                   f"states what the claim denies ('{p.claim_negated}')", Strength.CONFLICT)


def _other_action(p: _Pair) -> Finding | None:
    if not p.opposite or _turned_from(p.claim if p.claim_negated else p.sentence):
        return None
    return _mention(EvidenceRule.OTHER_ACTION, "related, but about another action")


def _turned_from(negated: Statement) -> bool:
    """The negation is of another action, and a contrast turns from it to what the statement asserts ("won't
    disclose his net worth but says it's in the high eight figures"): no opposite polarity to the other statement."""
    return negation_turned_from(negated) and not negated.denial


def _hedged(p: _Pair) -> Finding | None:
    return _mention(EvidenceRule.HEDGED, p.hedge_beyond_claim) if p.hedge_beyond_claim is not None else None


def _figure_unconfirmed(p: _Pair) -> Finding | None:
    numbers = p.numbers
    if numbers is None or numbers.stance == "supports":
        return None
    if p.main_point and numbers.rule == EvidenceRule.FIGURE_NOT_STATED and not _figure_in_main_point(p.claim):
        return None
    return _mention(numbers.rule, numbers.reason)


def _whole_missing_participant(p: _Pair) -> Finding | None:
    if p.main_point or not p.whole.missing_entities:
        return None
    return _mention(EvidenceRule.MISSING_PARTICIPANT, f"does not name {_entity_names(p.claim, p.whole.missing_entities)}")


def _predicate_not_stated(p: _Pair) -> Finding | None:
    claim = p.claim
    if claim.predicate not in claim.terms or claim.predicate in lexicon().light_predicates \
            or action_stated(claim.predicate, p.sentence.terms):
        return None
    if p.in_other_words:
        # A sentence close in meaning that shares few of the claim's words says its action in other words too
        # ("families were taken to UNRWA shelters" for "have been sent to shelters sponsored by UNRWA").
        return None
    return _mention(EvidenceRule.PREDICATE_NOT_STATED, f"related, but does not say '{claim.predicate}'")


def _partial_coverage(p: _Pair) -> Finding | None:
    if p.main_point or p.whole.relevance >= WHOLE_CLAIM_RELEVANCE:
        return None
    return _mention(EvidenceRule.PARTIAL_COVERAGE,
                    f"related: covers the claim's core but {p.whole.relevance:.0%} of all it says")


def _support(p: _Pair) -> Finding:
    """What is left when no rule objects: the sentence asserts the claim."""
    if p.numbers is not None and p.numbers.stance == "supports":
        rule, reason = p.numbers.rule, p.numbers.reason
    elif p.in_other_words:
        rule, reason = EvidenceRule.PARAPHRASE, (f"same statement in other words: meaning similarity {p.similarity:.2f}, "
                                                 f"covers {p.cover.relevance:.0%} of the claim's words")
    else:
        rule, reason = EvidenceRule.RESTATEMENT, f"same statement: covers {p.cover.relevance:.0%} of the claim"
    if p.sentence.attribution:
        reason += f" ({'confirmed by' if p.sentence.vouched else 'according to'} {p.sentence.attribution})"
    if p.main_point:
        reason += _aside_not_stated(p)
    return Finding(rule, "supports", reason, Strength.SUPPORT)


def _close_in_meaning(relevance: float, similarity: float | None) -> bool:
    return similarity is not None and relevance >= MEANING_RELEVANCE and similarity >= MEANING_SIMILARITY


def _places(statement: Statement) -> set[str]:
    """The places a statement names (who it is attributed to aside), with the places they imply."""
    said_by = set(statement.attribution_terms)
    named = {e.key for e in statement.entities if e.label in PLACE_LABELS and e.key not in said_by}
    implied = lexicon().implies
    return named | {key for place in named for key in implied.get(place, ())}


def _other_places(claim: Statement, sentence: Statement) -> str | None:
    """Why two differing figures are of other places: both name where, and no place is the same."""
    here, there = _places(claim), _places(sentence)
    if not here or not there or here & there:
        return None
    names = {e.key: e.text for e in (*claim.entities, *sentence.entities)}
    shown = sorted({names.get(key, key) for key in there if key in names})
    claimed = sorted({names.get(key, key) for key in here if key in names})
    return f"figures of another place: {', '.join(shown)}, the claim {', '.join(claimed)}"


def _figure_in_main_point(claim: Statement) -> bool:
    """A figure of the claim belongs to its main point when it counts a thing of the core or hangs from
    the claim's action ("sent about 10,000 troops"), not when it sits in an aside ("until he's 18")."""
    core = {*claim.core_terms, claim.predicate}
    return any(q.counted in core or q.governor in core or (q.counted is None and q.governor is None)
               for q in claim.quantities)


def _aside_not_stated(p: _Pair) -> str:
    """What the support leaves unconfirmed of an article sentence's asides, said in the reason."""
    if p.numbers is not None and p.numbers.rule == EvidenceRule.FIGURE_NOT_STATED:
        return f"; its aside's figure is not stated ({p.claim.quantities[0].text})"
    if p.whole.missing_entities:
        return f"; does not confirm the aside naming {_entity_names(p.claim, p.whole.missing_entities)}"
    if p.whole.relevance < WHOLE_CLAIM_RELEVANCE:
        return f"; its main point only ({p.whole.relevance:.0%} of all the claim says)"
    return ""


# The rules in the order they are tried (the module docstring says why each sits where it does):
# the first that returns a finding decides; when none does, the sentence supports the claim.
RULES: tuple[Callable[[_Pair], Finding | None], ...] = (
    _other_time,
    _alternative,
    _missing_participant,
    _correction,
    _another_figure_denied,
    _number_conflict,
    _implied_action,
    _related,
    _hedged_opposite,
    _denial,
    _negation,
    _denied_action_stated,
    _other_action,
    _hedged,
    _figure_unconfirmed,
    _whole_missing_participant,
    _predicate_not_stated,
    _partial_coverage,
)


def may_say_in_other_words(cover: Coverage) -> bool:
    """Whether decide_stance may ask the sentence encoder about a pair with this coverage: too few of the
    claim's words to restate it, and enough to say it in other words."""
    return MEANING_RELEVANCE <= cover.relevance < ASSERT_RELEVANCE


def decide_stance(
    claim: Statement,
    sentence: Statement,
    *,
    idf: Callable[[str], float],
    min_relevance: float = 0.5,
    main_point: bool = False,
    meaning: Meaning | None = None,
    cover: Coverage | None = None,
) -> SentenceStance | None:
    """The stance of one sentence towards a claim, or None when the sentence is not about the claim.
    main_point: judge the claim on its main point (its core terms) only, as a careful reader labels a
    sentence of an article; a typed claim (the default) must be stated in full. meaning: a sentence
    encoder, to hear restatements in other words (without one, only shared words count). cover: the
    pair's coverage, when the caller has it already."""
    cover = cover if cover is not None else coverage(claim, sentence, idf)
    similarity = None
    if cover.relevance < min_relevance:
        if meaning is None or cover.relevance < MEANING_RELEVANCE:
            return None
        similarity = meaning.similarity(claim.text, sentence.text)
        if not _close_in_meaning(cover.relevance, similarity):
            return None
    sentence = _relayed(sentence, cover)
    pair = _Pair(claim, sentence, idf, cover, main_point=main_point, similarity=similarity, meaning=meaning)
    found = next((finding for rule in RULES if (finding := rule(pair)) is not None), None) or _support(pair)
    return SentenceStance(sentence, found.stance, found.rule, found.reason, cover.relevance, found.strength)


def _relayed(sentence: Statement, cover: Coverage) -> Statement:
    """The sentence as relaying the claim from a party when most of what it holds of the claim is in what a clause
    describing that party reports ("Rachel Martin speaks with Carol Leonnig, who found that Y"). Not a sentence
    that in its own voice denies or negates what it tells of ("reports claiming that Y have been denied")."""
    if sentence.attribution or not sentence.relayed_clauses or sentence.denial or sentence.negation:
        return sentence
    for clause in sentence.relayed_clauses:
        if 2 * len(cover.covered.intersection(clause.terms)) > len(cover.covered):
            return sentence.model_copy(update={"attribution": clause.by, "vouched": False})
    return sentence


def _entity_names(claim: Statement, keys) -> str:
    names = {e.key: e.text for e in claim.entities}
    return ", ".join(names.get(key, key.replace("_", " ")) for key in keys)


def _content_terms(claim: Statement) -> list[str]:
    """Everything the claim states, without who said it or what it names only in passing: a sentence
    that supports the claim must cover most of this, not only the claim's core."""
    left_out = set(claim.background_terms) | set(claim.attribution_terms)
    return [term for term in claim.terms if term not in left_out]


@cache
def _contrast() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in lexicon().contrast_words)
    return re.compile(rf",? (?:{words}) ", re.IGNORECASE)


def _corrected(claim: Statement, sentence: Statement) -> str | None:
    """'Officials first blamed drones, but investigators later concluded it was a fault': the claim is
    what was believed before the turn, and the sentence ends elsewhere. An outlet's correction notice ('An
    earlier version of this article stated that ...') takes back all it restates."""
    if not sentence.correction:
        return None
    if sentence.correction in lexicon().correction_notices:
        return f"corrected: '{sentence.correction}'"
    parts = _contrast().split(sentence.text.lower())
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
    light = lexicon().light_predicates
    if sentence.denial:
        return claim.predicate is None or claim.predicate in light or action_stated(claim.predicate, sentence.terms)
    if claim.predicate in (None, *light):
        return sentence.predicate in (None, *light)
    return same_action(claim.predicate, sentence.predicate)
