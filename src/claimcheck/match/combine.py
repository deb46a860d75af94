"""One stance per source from the rules' strongest sentence and the learned model's reading of the
whole source.

Rules come first: a sentence that supports or contradicts the claim carries a reason an analyst can
check, and a source relaying an on-record statement ("according to the ministry, ...") supports it.
The model (match/learned/) speaks only where the rules see no more than a related sentence: it may
turn the source into support or contradiction when it is confident and the source names every
entity the claim is about, and it drops sources it reads as unrelated. Its contradiction of a
sentence taken from an article stands only where the source's denial reaches that sentence
(match/disputes.py) and the source does not itself state the claim firmly in its own voice (a
debunker that tells the storm and the flooding denies the dams, not the flood), and the evidence then
quotes the denial. Its reasons are given in
words, with its confidence.

Before the model, three source-level dispute rules (match/disputes.py) may decide: a source relaying a
story it denies as a whole is on the denying side (`relayed-denied-tale`); a claim attributed to a named
party is contradicted by a source denying that party's report (`origin-denied`); a claim denying a
report as a whole is contradicted by a source telling the story (`tells-denied-tale`). After the model:
a source it reads as discussing the story that denies the story as a whole contradicts the claims of
the tale its denial reaches, the claims its article relays or hedges (`denied-tale`); so does a source it
reads as supporting a claim that negates something inside that tale (the model learned that two denials agree).

Rule ids (Evidence.rule): a source the rules decided keeps the id of the rule that fired
(match/stance.py); a stance the model decides is `model`; a source the model alone would call
support or contradiction but that never names one of the claim's participants is
`model-missing-participant` (when the rules saw no sentence of it at all; otherwise the rules' decision stands).

Why the model does not overrule the rules' support: it learned FNC-1's notion of "discuss", in which
a body relaying an official's statement only reports it; an analyst counts such a source as support
(docs/evaluation.md has the figures for both readings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.match.coverage import entities_missing
from claimcheck.match.deferred import Deferred
from claimcheck.match.disputes import (
    QUOTE_OPENERS,
    Denial,
    denial_reaching,
    denials_in,
    denies_or_negates,
    denies_whole_tale,
    is_denial,
    origin_denied,
    relayed_tale_denial,
    same_story,
    tale_denial_reaching,
)
from claimcheck.match.stance import SentenceStance
from claimcheck.models import EvidenceRule, Stance, Statement

# Confidence the model needs to call a source support or contradiction on its own.
MIN_AGREE_PROBABILITY = 0.5
MIN_DISAGREE_PROBABILITY = 0.35
# A sentence covering this much of the claim restates it; the model may not read its source as contradicting.
RESTATED_RELEVANCE = 0.95
# A firm sentence of the source in its own voice covering this much of the claim is background the source
# tells itself: its denial of the story does not reach the claim.
OWN_VOICE_RELEVANCE = 0.6

# Rules that find the source's closest sentence speaks of another event.
ANOTHER_EVENT = frozenset({EvidenceRule.OTHER_TIME, EvidenceRule.OTHER_PLACE})

MODEL_CLASS = {"supports": "agree", "contradicts": "disagree", "mentions": "discuss"}


@dataclass(frozen=True, slots=True)
class SourceDecision:
    statement: Statement
    stance: Stance
    rule: EvidenceRule
    reason: str
    relevance: float


def _model_reason(prediction, stance: Stance) -> str:
    probability = prediction.probabilities[MODEL_CLASS[stance]]
    because = "; ".join(prediction.reasons[:2])
    return f"model reads the source as {stance} ({probability:.0%}): {because}"


def from_rule(rule: SentenceStance) -> SourceDecision:
    """The source's stance as the rules decided it on its strongest sentence, with that rule's id."""
    return SourceDecision(rule.statement, rule.stance, rule.rule, rule.reason, rule.relevance)


def combine(
    claim: Statement, rule: SentenceStance | None, prediction, sentences: Sequence[Statement], *, typed: bool = True,
    may_deny: bool = True,
) -> SourceDecision | None:
    """The source's stance, or None when neither the rules nor the model find it speaks to the claim.
    typed: the claim is text a user typed, read as the model learned to read a headline; a sentence of
    an article is contradicted by the model only where the source's denial reaches it (match/disputes.py).
    may_deny: False when none of the source's sentences is a denial (disputes.may_deny over its texts)."""
    denials: Sequence[Denial] = Deferred(lambda: denials_in(sentences)) if may_deny else []
    relevance = rule.relevance if rule is not None else 0.0
    restates = relevance >= RESTATED_RELEVANCE
    if rule is not None and rule.stance == "supports":
        relayed = relayed_tale_denial(claim, rule.statement, sentences, denials, typed=typed)
        if relayed is not None:
            return SourceDecision(relayed, "contradicts", EvidenceRule.RELAYED_DENIED_TALE,
                                  f"relays the story only to deny it: {_quote(relayed.text)}", rule.relevance)
    if rule is None or (rule.stance != "contradicts" and rule.rule not in ANOTHER_EVENT):
        denied = origin_denied(claim, sentences, denials)
        if denied is not None:
            return SourceDecision(denied, "contradicts", EvidenceRule.ORIGIN_DENIED,
                                  f"denies the report the claim relays ({claim.attribution}): {_quote(denied.text)}",
                                  relevance)
    if rule is not None and (rule.stance in ("supports", "contradicts") or rule.rule in ANOTHER_EVENT):
        # A source whose closest sentence is about another time or place speaks of another event: the model may
        # not take a side.
        return from_rule(rule)
    if prediction is None:
        return None if rule is None else from_rule(rule)
    if not typed and prediction.label != "unrelated" and denies_whole_tale(claim) and not denials \
            and (rule is not None or same_story(claim, sentences)):
        told = rule.statement if rule is not None else _best_statement(prediction, rule, sentences)
        return SourceDecision(told, "contradicts", EvidenceRule.TELLS_DENIED_TALE,
                              f"tells the story the claim denies: {_quote(told.text)}", relevance)
    probabilities = prediction.probabilities
    stance: Stance | None = None
    denial: Statement | None = None
    held_back = ""  # why the model's reading of support or contradiction does not decide the source's stance
    if probabilities["agree"] >= MIN_AGREE_PROBABILITY and prediction.label == "agree":
        stance = "supports"
        if not typed and claim.negation and not is_denial(claim):
            # The model learned that a denying body agrees with a denying headline; a negation inside the tale
            # ("his money was not enough to get Plant to sign up") is no denial of it, and a source that denies the
            # tale as a whole takes it back with the rest.
            denied = tale_denial_reaching(claim, sentences, denials) if denials else None
            if denied is not None:
                if _told_as_report(claim) and not _tells_in_own_voice(rule):
                    return SourceDecision(denied, "contradicts", EvidenceRule.DENIED_TALE,
                                          f"denies the story as a whole: {_quote(denied.text)}", relevance)
                stance = None
                held_back = f"the source denies the story as a whole ({_quote(denied.text)}), not what the claim negates"
    elif prediction.label == "agree":
        held_back = f"under the {MIN_AGREE_PROBABILITY:.0%} it needs to call it support"
    elif prediction.label == "disagree" and probabilities["disagree"] < MIN_DISAGREE_PROBABILITY:
        held_back = f"under the {MIN_DISAGREE_PROBABILITY:.0%} it needs to call it contradiction"
    elif prediction.label == "disagree" and not restates:
        # Only when contradiction is the model's best reading, and never for a source that restates the
        # claim (a hedged relay of it, say): a false contradiction costs an analyst most.
        may_contradict, denial = denial_reaching(claim, sentences, denials, typed=typed)
        if typed and denial is not None and denies_or_negates(claim):
            # The model reads the source as debunking the story; a claim that itself denies the story
            # ("No, a bird didn't poop on Putin") says the same.
            return SourceDecision(denial, "supports", EvidenceRule.MODEL,
                                  f"denies the story as the claim does: {_quote(denial.text)} (the model reads the "
                                  f"source as disputing the story, {probabilities['disagree']:.0%})", relevance)
        if may_contradict and (typed or not _tells_in_own_voice(rule)):
            stance = "contradicts"
        elif not may_contradict:
            held_back = "no denial in the source reaches this claim"
    elif prediction.label == "unrelated":
        return None
    elif not typed and prediction.label == "discuss" and not restates:
        # A source the model reads as discussing the story, and that denies the story as a whole, is on the
        # denying side for every claim of the tale its denial reaches (not for background it tells itself).
        whole_tale = [d for d in denials if d.whole_tale] if _told_as_report(claim) else []
        reaches, denied = denial_reaching(claim, sentences, whole_tale, typed=False) if whole_tale else (False, None)
        if reaches and denied is not None and not _tells_in_own_voice(rule):
            return SourceDecision(denied, "contradicts", EvidenceRule.DENIED_TALE,
                                  f"denies the story as a whole: {_quote(denied.text)}", relevance)
    missing = entities_missing(claim, sentences) if stance is not None else []
    if missing:
        # A source that never names who or where the claim is about cannot take a side on it.
        if rule is not None:
            return from_rule(rule)
        return SourceDecision(
            _best_statement(prediction, rule, sentences), "mentions", EvidenceRule.MODEL_MISSING_PARTICIPANT,
            f"does not name {', '.join(missing)} (the model alone would read it as {stance})", 0.0,
        )
    if stance is None:
        if rule is not None:
            return from_rule(rule)
        if held_back:
            return SourceDecision(_best_statement(prediction, rule, sentences), "mentions", EvidenceRule.MODEL,
                                  _held_back_reason(prediction, held_back), relevance)
        stance = "mentions"
    if denial is not None:
        # The denial that reaches the claim is the sentence an analyst checks.
        return SourceDecision(denial, stance, EvidenceRule.MODEL,
                              f"{_model_reason(prediction, stance)}; the source denies: {_quote(denial.text)}", relevance)
    return SourceDecision(_best_statement(prediction, rule, sentences), stance, EvidenceRule.MODEL,
                          _model_reason(prediction, stance), relevance)


def _held_back_reason(prediction, why: str) -> str:
    """The model's reading of support or contradiction, said as it is, and why the source only mentions the claim."""
    reading = "supporting the claim" if prediction.label == "agree" else "disputing the story"
    because = "; ".join(prediction.reasons[:2])
    return f"model reads the source as {reading} ({prediction.probabilities[prediction.label]:.0%}: {because}), but {why}"


def _told_as_report(claim: Statement) -> bool:
    """The claim relays what a party said or is hedged: a detail of a reported tale, not the article's own telling."""
    return bool(claim.attribution or claim.hedges)


def _tells_in_own_voice(rule: SentenceStance | None) -> bool:
    """The source's closest sentence states much of the claim firmly, in its own voice: background the
    source itself tells, which its denial of the story does not take back."""
    if rule is None or rule.statement.attribution or rule.statement.hedges or rule.statement.kind != "fact":
        return False
    if rule.statement.text.lstrip()[:1] in QUOTE_OPENERS or is_denial(rule.statement) or rule.statement.negation:
        return False
    return rule.relevance >= OWN_VOICE_RELEVANCE


def _quote(text: str, limit: int = 120) -> str:
    return f"'{text}'" if len(text) <= limit else f"'{text[:limit].rsplit(' ', 1)[0]} ...'"


def _best_statement(prediction, rule: SentenceStance | None, sentences: Sequence[Statement]) -> Statement:
    index = prediction.best_sentence
    if index is not None and index < len(sentences):
        return sentences[index]
    return rule.statement if rule is not None else sentences[0]
