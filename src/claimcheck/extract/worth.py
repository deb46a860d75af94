"""How worth checking a claim is: a score from 0 to 1, with the reasons in words.

An analyst checks first what can be checked and matters if wrong: a concrete figure, a named party
that acts, a statement on record, a date or a place, a denial. A hedge, a vague amount or an
attribution to nobody in particular makes a claim harder to pin down, so it scores less. The score
reads only the Statement, so it is the same whatever the corpus holds.
"""

from __future__ import annotations

from claimcheck.extract.cues import PhraseList
from claimcheck.lexicon import lexicon, worth_words
from claimcheck.models import Qualifier, Statement, Worth

__all__ = ["claim_worth"]

BASE = 0.2  # a factual sentence with a verb and something concrete: what every claim has
FIGURE = 0.25
VAGUE_FIGURE = 0.1
NAMED_AGENT = 0.2
ON_RECORD = 0.15
UNNAMED_SOURCE = -0.05
DATE = 0.1
PLACE = 0.1
DENIAL = 0.1
HEDGE = -0.15  # per hedge, at most two counted
VAGUE_WORDING = -0.1
NOT_A_FACT = -0.3


def claim_worth(statement: Statement) -> Worth:
    """The score and its reasons, strongest first among the gains, then the losses."""
    steps = [
        *_figure(statement), *_parties(statement), *_setting(statement), *_contested(statement),
        *_doubts(statement),
    ]
    score = BASE + sum(weight for weight, _ in steps)
    return Worth(score=round(min(1.0, max(0.0, score)), 2), reasons=[reason for _, reason in steps])


def _figure(statement: Statement) -> list[tuple[float, str]]:
    vague_amounts = lexicon().quantities.vague_plurals
    for quantity in statement.quantities:
        if quantity.dated:
            continue
        wide_range = quantity.qualifier == Qualifier.RANGE and quantity.high > 10 * max(quantity.low, 1)
        if quantity.text.lower() in vague_amounts or wide_range:
            return [(VAGUE_FIGURE, f"a vague figure ({quantity.text})")]
        return [(FIGURE, f"a concrete figure ({quantity.text})")]
    return []


def _parties(statement: Statement) -> list[tuple[float, str]]:
    words = worth_words()
    steps: list[tuple[float, str]] = []
    attribution = (statement.attribution or "").lower()
    agents = [e for e in statement.entities if e.label in words.agent_labels and e.text.lower() not in attribution]
    if agents:
        steps.append((NAMED_AGENT, f"a named party ({agents[0].text})"))
    if attribution:
        named = [e for e in statement.entities if e.label in {"PERSON", "ORG"} and e.text.lower() in attribution]
        if named:
            steps.append((ON_RECORD, f"on record ({named[0].text})"))
        elif PhraseList(words.unnamed_sources).first_in(attribution):
            steps.append((UNNAMED_SOURCE, f"attributed to unnamed sources ({statement.attribution})"))
    return steps


def _setting(statement: Statement) -> list[tuple[float, str]]:
    """A date, and a place other than the party that acts ('Russia' sent troops to 'Kursk')."""
    steps: list[tuple[float, str]] = []
    dates = [e for e in statement.entities if e.label in {"DATE", "TIME"}]
    if dates:
        steps.append((DATE, f"a date ({dates[0].text})"))
    labels = worth_words().place_labels
    first_party = next((e.key for e in statement.entities if e.label in worth_words().agent_labels), None)
    places = [e for e in statement.entities if e.label in labels and e.key != first_party]
    if places:
        steps.append((PLACE, f"a place ({places[0].text})"))
    return steps


def _contested(statement: Statement) -> list[tuple[float, str]]:
    if statement.denial:
        return [(DENIAL, f"a denial ('{statement.denial}')")]
    if statement.negation or statement.prevented:
        return [(DENIAL, f"a negation ('{statement.negation or statement.prevented}')")]
    return []


def _doubts(statement: Statement) -> list[tuple[float, str]]:
    steps = [(HEDGE, f"hedged ('{hedge}')") for hedge in statement.hedges[:2]]
    concrete = any(not q.dated and q.qualifier != Qualifier.RANGE for q in statement.quantities)
    vague = PhraseList(worth_words().vague_words).first_in(statement.text.lower())
    if vague and not concrete:
        steps.append((VAGUE_WORDING, f"vague ('{vague}')"))
    if statement.kind != "fact":
        steps.append((NOT_A_FACT, f"not a plain statement of fact ({statement.kind})"))
    return steps
