"""One stance per source from the rules' strongest sentence and the learned model's reading of the
whole source. Rules that fire on what differs (negation, denial, correction, numbers, exclusive
alternatives) always stand: they carry the reason an analyst can check. The model decides where the
rules only see a related sentence, and its reasons are given in words."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.match.stance import SentenceStance, Strength
from claimcheck.models import Stance, Statement

MODEL_STANCE = {"agree": "supports", "disagree": "contradicts", "discuss": "mentions"}


@dataclass(frozen=True, slots=True)
class SourceDecision:
    statement: Statement
    stance: Stance
    reason: str
    relevance: float


def _model_reason(prediction) -> str:
    probability = prediction.probabilities[prediction.label]
    because = "; ".join(prediction.reasons[:2])
    return f"model reads the source as {MODEL_STANCE.get(prediction.label, prediction.label)} ({probability:.0%}): {because}"


def combine(rule: SentenceStance | None, prediction, sentences: list[Statement]) -> SourceDecision | None:
    """The source's stance, or None when neither the rules nor the model find it speaks to the claim."""
    if rule is not None and rule.strength in (Strength.DENIAL, Strength.CONFLICT):
        return SourceDecision(rule.statement, rule.stance, rule.reason, rule.relevance)
    if prediction is None:
        return None if rule is None else SourceDecision(rule.statement, rule.stance, rule.reason, rule.relevance)
    if prediction.label == "unrelated":
        if rule is not None and rule.stance == "supports":
            return SourceDecision(rule.statement, rule.stance, rule.reason, rule.relevance)
        return None
    stance: Stance = MODEL_STANCE[prediction.label]  # type: ignore[assignment]
    if rule is not None and rule.stance == stance:
        return SourceDecision(rule.statement, rule.stance, rule.reason, rule.relevance)
    if rule is not None and rule.stance == "supports" and stance == "mentions":
        return SourceDecision(rule.statement, rule.stance, rule.reason, rule.relevance)
    index = prediction.best_sentence
    statement = sentences[index] if index is not None and index < len(sentences) else (
        rule.statement if rule is not None else sentences[0]
    )
    relevance = rule.relevance if rule is not None else 0.0
    return SourceDecision(statement, stance, _model_reason(prediction), relevance)
