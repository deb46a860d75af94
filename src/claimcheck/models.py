"""Typed data that flows through the pipeline: ingest -> extract -> match -> verdict -> report.

Every model is frozen and forbids unknown fields, so the JSON schema documents itself and
no stage can quietly grow the data another stage relies on.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

SCHEMA_VERSION = "6"  # 2: Evidence.rule; 3: Verdict.slots, Evidence.attributed_to; 4: published dates, Evidence.temporal, rule other-place; 5: Evidence.confirmed_by; 6: Evidence.same_origin


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    """One source document: a file, a URL, or standard input."""

    source: str = Field(description="Where the text came from: a path as given, a URL, or '-' for stdin.")
    text: str = Field(description="The article body, boilerplate removed.")
    title: str | None = None
    outlet: str | None = Field(None, description="Site name or registered domain, when known.")
    author: str | None = None
    published: str | None = Field(None, description="Publication date as ISO 8601 text, when known.")
    url: str | None = Field(None, description="Canonical URL, when known.")
    content_hash: str = Field(description="sha256 of the text, hex; identifies identical copies.")


class ReadFailure(_Frozen):
    """An input that could not be read; the batch goes on without it."""

    input: str = Field(description="The path or URL as the user gave it.")
    reason: str = Field(description="Why it failed, in plain words, with the fix where there is one.")


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Quantity(_Frozen):
    """A number as the text states it, normalised to a value with the bounds its wording implies."""

    text: str = Field(description="The words as written, e.g. 'about 10,000' or '$2.2 billion'.")
    value: float = Field(description="The central value, scales applied: '$2.2 billion' -> 2.2e9.")
    low: float = Field(description="Lowest value the wording allows (before any rounding tolerance).")
    high: float = Field(description="Highest value the wording allows (before any rounding tolerance).")
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = Field(None, description="Currency code, 'percent', or a measurement unit.")
    counted: str | None = Field(None, description="Lemma of the noun the number counts: 'troop', 'people'.")
    governor: str | None = Field(None, description="Lemma of the verb the quantity hangs from: 'send'.")
    dated: bool = Field(False, description="Marked as an earlier or initial figure ('initial estimate', 'last week').")

    def rounding_tolerance(self) -> float:
        """Relative tolerance the wording implies: 'about' is loose, a round number is loose, '10,437' is tight."""
        if self.qualifier == Qualifier.APPROXIMATE:
            return 0.2
        digits = re.sub(r"\D", "", re.sub(r"\.\d+", "", self.text))
        significant = len(digits.rstrip("0")) if digits else 1
        if self.value >= 100 and significant <= 2:
            return 0.1
        return 0.02

    def describe(self) -> str:
        """In short words for reasons: '$2.2 billion'; a range or a vague amount as written."""
        vague = self.low < self.high < float("inf")  # "a few million dollars", "thousands of"
        return self.text if self.qualifier == Qualifier.RANGE or vague else describe_amount(self.value, self.unit)


def short_source(source: str) -> str:
    """A source as reports and reasons name it: a file by its name, a URL whole."""
    return source.rsplit("/", 1)[-1] if "://" not in source else source


def describe_amount(value: float, unit: str | None) -> str:
    """An amount in short words for reasons: 2.2e9 USD -> '$2.2 billion'."""
    for scale_name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            number = f"{value / scale:.3g} {scale_name}"
            break
    else:
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3g}"
    if unit == "USD":
        return "$" + number
    if unit == "percent":
        return number + "%"
    return f"{number} {unit}" if unit and unit not in {"EUR", "GBP"} else (
        {"EUR": "€", "GBP": "£"}.get(unit or "", "") + number
    )


class EntityMention(_Frozen):
    text: str
    key: str = Field(description="Canonical key: 'north_korea' for North Korean / DPRK / Pyongyang.")
    label: str = Field(description="spaCy or gazetteer label: GPE, PERSON, ORG, WEAPON ...")


class NegatedAction(_Frozen):
    """An action a sentence negates in a clause its main verb introduces: 'It looks like Bale will no longer
    play Jobs' negates 'play' while its main verb is 'look'."""

    action: str = Field(description="Lemma term of the negated verb.")
    cue: str = Field(description="The negated verb with its negation, e.g. 'will no longer be playing'.")


class RelayedClause(_Frozen):
    """What a clause describing someone reports of them: 'Carol Leonnig, who found that Y', 'a tweet that said
    Y'. The sentence relays Y from that party rather than asserting it in its own voice."""

    by: str = Field(description="The party the clause reports, as written: 'Carol Leonnig of The Washington Post'.")
    terms: list[str] = Field(description="Terms of what is reported (Y) that the rest of the sentence does not hold.")


class Statement(_Frozen):
    """One sentence of a source (or one typed claim) with the features stance decisions need.

    Everything the matcher uses is computed once here, so a corpus can be stored and reused
    without keeping any spaCy object.
    """

    id: str = Field(description="Content hash of source and span: stable across runs.")
    source: str = Field(description="The Article.source this sentence comes from; '' for typed claims.")
    text: str
    start: int = Field(ge=0, description="Character offset of the sentence in the source text.")
    end: int = Field(ge=0)
    terms: list[str] = Field(description="Normalised content lemmas and entity keys, used for retrieval.")
    core_terms: list[str] = Field(
        default_factory=list,
        description="Terms of the main clause only (no attribution, relative or adverbial clauses): what the sentence claims.",
    )
    context_terms: list[str] = Field(
        default_factory=list, description="Terms of the preceding sentence in the same paragraph."
    )
    background_terms: list[str] = Field(
        default_factory=list,
        description="Terms that occur only in a secondary role, e.g. inside 'based on the RS-26 ICBM design'.",
    )
    entities: list[EntityMention] = Field(default_factory=list)
    referent_terms: list[str] = Field(
        default_factory=list,
        description="Terms of the person an opening 'he', 'she' or 'his' refers to, named in the sentence before: "
        "'He bought a BMW' speaks of that person.",
    )
    quantities: list[Quantity] = Field(default_factory=list)
    predicate: str | None = Field(None, description="Lemma of the main verb.")
    negation: str | None = Field(None, description="The negation cue on the main predicate, e.g. 'has not sent'.")
    negated_actions: list[NegatedAction] = Field(
        default_factory=list,
        description="Actions negated in a clause the main verb introduces ('seems that they did not send', 'decided "
        "not to play'), when the main verb itself is not negated.",
    )
    prevented: str | None = Field(
        None, description="Words saying that the action the sentence names did not take place ('foiled an attack', "
        "'concert was called off'): the stance rules read the action as negated, as 'did not attack' would be, but the "
        "sentence states a fact of its own rather than denying one.",
    )
    denial: str | None = Field(None, description="A denial or debunking cue: 'denied', 'no evidence that', 'false'.")
    correction: str | None = Field(
        None, description="A correction cue: 'initially described as X, but', 'later concluded'."
    )
    hedges: list[str] = Field(default_factory=list, description="Hedge cues: 'reportedly', 'could', 'if true'.")
    attribution: str | None = Field(None, description="Who the sentence attributes the statement to.")
    attribution_terms: list[str] = Field(
        default_factory=list,
        description="Terms of the attribution only ('the Pentagon said', 'according to X'): never what must be matched.",
    )
    relayed_clauses: list[RelayedClause] = Field(
        default_factory=list,
        description="Clauses describing a party that report what it said or found ('X, who found that Y'): a "
        "source matching a claim mostly on Y relays it from X.",
    )
    vouched: bool = Field(
        False, description="The attributing verb takes what it introduces as true ('X confirmed that Y', 'Y, X "
        "revealed'): the source vouches for Y itself and `attribution` names who confirmed it.",
    )
    kind: Literal["fact", "question", "opinion", "speculation"] = "fact"
    tense: Literal["present", "past", "modal"] | None = Field(
        None, description="Tense of the asserted verb: 'present' ('is', 'has killed'), 'past' ('sent', 'had "
        "demanded'), 'modal' ('will send'); null when the parse shows none.",
    )
    clauses: list[Statement] = Field(
        default_factory=list,
        description="The sentence's atomic assertions when it coordinates two or more full clauses, each with its "
        "own span and features; empty when it makes one assertion.",
    )

    @property
    def retrieval_terms(self) -> list[str]:
        """What retrieval finds the sentence by, each once: its terms, its background terms and the person it
        refers to (the in-memory index and the store's full-text index both index exactly these)."""
        return list(dict.fromkeys(t for t in (*self.terms, *self.background_terms, *self.referent_terms) if t))


class Claim(_Frozen):
    """A concrete factual claim to be checked: a sentence of an article, or text a user typed."""

    id: str
    text: str
    name: str = Field(description="A short name for tables: 'North Korean troops in Kursk'.")
    typed: bool = Field(description="True for text a user typed, False for a sentence of an article. (Not an origin: "
                        "an origin is an independence key, `Evidence.origin`.)")
    source: str | None = Field(None, description="The article the claim comes from; None for typed claims.")
    statement: Statement
    sentence: str | None = Field(None, description="The whole sentence the claim comes from (its text when it is the whole sentence).")
    context: str | None = Field(None, description="The sentence before, when the claim opens on a reference to it ('He said ...').")
    refers_to: str | None = Field(None, description="Whom the claim's opening pronoun names, when the sentence before makes it clear.")


Stance = Literal["supports", "contradicts", "mentions"]


# Entity labels of where something happened: what a place is to claim splitting and to the stance rules.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class EvidenceRule(StrEnum):
    """The rule that decided an evidence item's stance: a closed set, so that tests and analysts can count
    by rule. `Evidence.reason` gives the same decision in words. docs/formats.md describes each id. The
    sentence rules are listed in the order match/stance.py first tries them (missing-participant is tried
    again before support); the learned model's ids (match/combine.py) come last."""

    EXCLUSIVE_ALTERNATIVE = "exclusive-alternative"
    CORRECTED_ALTERNATIVE = "corrected-alternative"
    MISSING_PARTICIPANT = "missing-participant"
    OTHER_TIME = "other-time"
    CORRECTION = "correction"
    OTHER_PLACE = "other-place"
    NUMBER_CONFLICT = "number-conflict"
    IMPLIED_ACTION = "implied-action"
    RELATED = "related"
    HEDGED_OPPOSITE = "hedged-opposite"
    DENIAL = "denial"
    NEGATION = "negation"
    DENIED_ACTION_STATED = "denied-action-stated"
    OTHER_ACTION = "other-action"
    HEDGED = "hedged"
    OLDER_FIGURE = "older-figure"
    FIGURE_NOT_STATED = "figure-not-stated"
    PREDICATE_NOT_STATED = "predicate-not-stated"
    PARTIAL_COVERAGE = "partial-coverage"
    NUMBER_AGREEMENT = "number-agreement"
    RESTATEMENT = "restatement"
    PARAPHRASE = "paraphrase"
    RELAYED_DENIED_TALE = "relayed-denied-tale"
    TELLS_DENIED_TALE = "tells-denied-tale"
    ORIGIN_DENIED = "origin-denied"
    DENIED_TALE = "denied-tale"
    MODEL = "model"
    MODEL_MISSING_PARTICIPANT = "model-missing-participant"


TemporalMark = Literal["before-event", "superseded"]


class Evidence(_Frozen):
    """One source's stance on a claim, with the sentence that shows it and why."""

    source: str
    origin: str = Field(description="Independence key: sources with one origin count once.")
    sentence: str
    start: int = Field(ge=0, description="Character span of the sentence in its source.")
    end: int = Field(ge=0)
    stance: Stance
    rule: EvidenceRule = Field(
        description="Id of the rule that decided the stance (docs/formats.md lists them): 'number-conflict', 'negation', 'model' ..."
    )
    reason: str = Field(description="The rule that fired, in plain words: \"numbers disagree: 5 billion vs 2.2 billion\".")
    relevance: float = Field(ge=0, le=1, description="How much of the claim the sentence covers.")
    attributed_to: str | None = Field(
        None, description="Who the source relays the statement from ('the Pentagon', 'officials'); null in its own voice."
    )
    confirmed_by: str | None = Field(
        None, description="Who the source says confirmed the statement ('X confirmed that Y'), when it vouches for it "
        "in its own voice (attributed_to is then null); null otherwise.",
    )
    published: str | None = Field(None, description="The source's publication date (YYYY-MM-DD), when known.")
    temporal: TemporalMark | None = Field(
        None,
        description="What time says of the item, which is then not counted for the label (docs/labels.md#time): "
        "before-event (a support published before the first day of the claim's event), superseded (a figure "
        "that disagrees but was stated at another time: the older one is updated, not contradicted); null otherwise.",
    )
    temporal_note: str | None = Field(
        None, description="The same in words, with both dates: 'figure superseded: 10,000 (2024-10-20) later "
        "raised to 12,000 (2024-11-04)'; null when `temporal` is.",
    )
    same_origin: bool = Field(
        False, description="The source is of the claim's own origin (a copy of the claim's article, or an article of "
        "its outlet): shown, and not counted for the label, since a story cannot confirm or contradict itself.",
    )

    @property
    def counted(self) -> bool:
        """Whether the item counts for the label: neither marked by time nor of the claim's own origin."""
        return self.temporal is None and not self.same_origin

    @property
    def party(self) -> str | None:
        """Whom the item names as the statement's origin: the party it relays, or the one it says confirmed it."""
        return self.attributed_to or self.confirmed_by


# ---- a claim's slots (schema version 3): who says it, who does what to whom, how much, when, where ----

AttributionType = Literal["person", "organisation", "outlet", "unnamed"]
Role = Literal["agent", "patient", "place"]


class Attribution(_Frozen):
    """Who a claim is attributed to ('according to X', 'X said'): the claim is what X says, not X saying it."""

    name: str = Field(description="The attribution as written: 'the defence ministry', 'officials'.")
    type: AttributionType = Field(
        description="person, organisation (an office, a government, a company), outlet (a news medium) or unnamed "
        "('officials said', 'sources told')."
    )


class Participant(_Frozen):
    """A named entity (or the head noun of the subject or object) with its role in the asserted action."""

    key: str = Field(description="Normalised key: 'north_korea' for North Korean / DPRK / Pyongyang.")
    text: str = Field(description="As written in the sentence.")
    type: str = Field(description="Entity label (PERSON, ORG, GPE, NORP, LOC, WEAPON ...) or NOUN for a common noun.")
    role: Role = Field(description="agent (who acts), patient (what is acted on or involved) or place (where).")


class PredicateSlot(_Frozen):
    lemma: str = Field(description="Lemma of the asserted verb, synonyms merged: 'send'.")
    negated: bool = Field(description="True when the assertion is negated ('has not sent').")


class TimeSlot(_Frozen):
    """When the claim happened: a date as written, resolved to ISO dates where possible."""

    text: str = Field(description="The words as written: 'last week', 'on Monday', 'March 3, 2024'.")
    relative: bool = Field(description="True when the words need the article's date ('last week', 'in June').")
    start: str | None = Field(None, description="First day the words allow, ISO 8601 (YYYY-MM-DD); null when unresolved.")
    end: str | None = Field(None, description="Last day the words allow, ISO 8601; equal to start for one day.")


class QuantitySlot(_Frozen):
    """A figure of the claim: its value or range, the bound its wording sets, its unit and what it counts."""

    text: str = Field(description="As written: 'about 10,000', 'more than 500', 'between 40 and 60', '$2 billion'.")
    value: float = Field(description="The central value, scales applied: '$2 billion' -> 2e9.")
    low: float | None = Field(description="Lowest value the wording allows; null when unbounded.")
    high: float | None = Field(description="Highest value the wording allows; null when unbounded ('more than 500').")
    qualifier: Qualifier = Field(
        description="exact, approximate ('about', 'some'), at_least ('more than', 'over'), at_most ('up to', "
        "'fewer than') or range ('between 40 and 60')."
    )
    unit: str | None = Field(None, description="Currency code, 'percent', or a measurement unit.")
    counted: str | None = Field(None, description="Lemma of what is counted: 'troop', 'passenger'.")


class ClaimSlots(_Frozen):
    """The parts of a claim, for programs: empty lists and nulls for what the sentence does not have."""

    sentence: str = Field(description="The whole sentence the claim comes from.")
    attributed_to: Attribution | None = Field(None, description="Who the claim is attributed to; null in the article's own voice.")
    hedge: str | None = Field(None, description="The hedge cue that softens the claim ('reportedly', 'may'); null when firm.")
    participants: list[Participant] = Field(default_factory=list, description="Who and what the assertion is about.")
    predicate: PredicateSlot | None = None
    quantities: list[QuantitySlot] = Field(default_factory=list, description="Figures of the assertion with their bounds.")
    time: TimeSlot | None = None
    place: Participant | None = Field(None, description="Where: the first participant in the place role.")


Label = Literal["corroborated", "contradicted", "single-sourced", "unmatched"]


class Worth(_Frozen):
    """How worth checking a claim is, and why: a concrete figure, a named party, a statement on record,
    a date or place and a denial raise it; hedges, vague wording and unnamed sources lower it."""

    score: float = Field(ge=0, le=1, description="0 (hardly checkable) to 1 (check this first).")
    reasons: list[str] = Field(
        default_factory=list,
        description="What raised or lowered the score, in words: 'a concrete figure (about 10,000)', \"hedged ('reportedly')\".",
    )


class Verdict(_Frozen):
    """The label of one claim with the evidence behind it."""

    id: str = Field(description="The claim id (the input's id for claims read from a file).")
    claim: str = Field(description="The claim text.")
    name: str
    source: str | None = Field(None, description="The article the claim comes from; None for typed claims.")
    span: tuple[int, int] | None = Field(None, description="Character span of the claim in its source.")
    published: str | None = Field(
        None, description="The publication date (YYYY-MM-DD) of the claim's article, when known; null for typed claims."
    )
    label: Label
    supporting_origins: int = Field(ge=0, description="Independent origins that support the claim, its own excluded.")
    contradicting_origins: int = Field(ge=0, description="Independent origins that contradict the claim.")
    reason: str = Field(description="Why this label, in plain words.")
    evidence: list[Evidence] = Field(default_factory=list)
    slots: ClaimSlots | None = Field(None, description="The claim's parts: attribution, hedge, participants, predicate, "
                                     "quantities, time, place (schema version 3; null in older reports).")
    worth: Worth | None = Field(None, description="How worth checking the claim is; null for verdicts not scored.")


class CorpusInfo(_Frozen):
    location: str = Field(description="What the corpus was read from: folder, files or URLs.")
    sources: int = Field(ge=0, description="Articles read.")
    origins: int = Field(ge=0, description="Independent origins among them (outlets and copies merged).")
    statements: int = Field(ge=0, description="Sentences indexed.")


class BaselineInfo(_Frozen):
    """The baseline a run applied (--baseline): its known findings are left out of the verdicts."""

    file: str | None = Field(None, description="The baseline file as given; null when the keys came from elsewhere.")
    suppressed: int = Field(ge=0, description="Verdicts left out because the baseline knows them as findings.")


class Report(_Frozen):
    """Everything one run found: the verdicts, and every input that failed."""

    schema_version: str = SCHEMA_VERSION
    corpus: CorpusInfo
    verdicts: list[Verdict] = Field(default_factory=list)
    failures: list[ReadFailure] = Field(default_factory=list)
    baseline: BaselineInfo | None = Field(
        default=None,
        description="The baseline applied and how many findings it suppressed; absent when none was applied.",
    )

    @model_serializer(mode="wrap")
    def _leave_out_absent_baseline(self, handler: SerializerFunctionWrapHandler):
        # A run without a baseline writes exactly the report it wrote before the field existed.
        # (No return annotation: with one, pydantic would publish it instead of the model's schema.)
        data = handler(self)
        if data.get("baseline", ...) is None:
            del data["baseline"]
        return data


MAP_SCHEMA_VERSION = "3"  # the claim map of `claimcheck map`, versioned apart from Report; 3: evidence dates and time marks, rule other-place


class ClusterMember(_Frozen):
    """One claim of a cluster: a sentence (or clause) of one article, with its own verdict's label."""

    id: str = Field(description="The claim id.")
    claim: str = Field(description="The claim text.")
    name: str = Field(description="The claim's short name.")
    source: str = Field(description="The article the claim comes from.")
    span: tuple[int, int] = Field(description="Character span of the claim in its source.")
    label: Label = Field(description="The label of the claim's own verdict.")
    published: str | None = Field(None, description="The article's publication date, when known.")


class Figure(_Frozen):
    """A figure one member of a cluster states, with who stated it and when."""

    text: str = Field(description="As written: 'about 10,000'.")
    value: float = Field(description="The central value, scales applied.")
    unit: str | None = Field(None, description="Currency code, 'percent', or a measurement unit.")
    counted: str | None = Field(None, description="Lemma of what is counted: 'troop'.")
    claim_id: str = Field(description="The member claim that states it.")
    source: str = Field(description="The article that states it.")
    attributed_to: str | None = Field(None, description="Who the claim is attributed to; null in the article's own voice.")
    published: str | None = Field(None, description="The article's publication date, when known.")
    time: str | None = Field(None, description="A date in the sentence, as written ('last week'), when there is one.")


class ClaimCluster(_Frozen):
    """Claims that the stance engine found supporting each other: one assertion, made by several sources.

    Two claims are in one cluster when a supporting evidence item of one is the sentence of the other
    (docs/labels.md#claim-clusters); contradicting evidence never merges, it is listed here.
    """

    id: str = Field(description="Content hash of the member claim ids: stable across runs.")
    name: str = Field(description="The short name of the member with the most supporting origins.")
    label: Label = Field(description="contradicted if any member is, else corroborated if any member is, else single-sourced.")
    members: list[ClusterMember]
    sources: list[str] = Field(description="Sources asserting the claim: the members' articles and the supporting evidence's.")
    origins: list[str] = Field(description="Independent origins among them, as the verdicts count them.")
    contradicting_sources: list[str] = Field(default_factory=list, description="Sources whose evidence contradicts a member.")
    contradicting_origins: list[str] = Field(default_factory=list, description="Independent origins among them.")
    conflicts_with: list[str] = Field(
        default_factory=list, description="Ids of the clusters holding a contradicting sentence, when it is a claim of its own."
    )
    figures: list[Figure] = Field(default_factory=list, description="Every figure the members state, by date.")


FigureRelationKind = Literal["agrees", "superseded", "supersedes", "conflict", "related"]
FigureStatus = Literal["agrees", "superseded", "conflict"]


class FigureRelation(_Frozen):
    """How one figure of a group relates to another, decided by one evidence item of the corpus."""

    relation: FigureRelationKind = Field(
        description="agrees (ranges overlap within their qualifiers), superseded (an older-dated figure a later-dated "
        "source gives differently), supersedes (the later figure), conflict (different figures, same or unknown date), related (the "
        "evidence related the sentences without comparing the figures: a hedge, the model)."
    )
    other: int = Field(ge=0, description="Index of the other figure in the group's `figures`.")
    rule: EvidenceRule = Field(description="The evidence rule that linked them: number-agreement, number-conflict, older-figure ...")


class DatedFigure(_Frozen):
    """A figure of a quantity group, with the date it is placed at and its relations to the others."""

    figure: Figure
    cluster_id: str = Field(description="The cluster of the claim that states it.")
    date: str | None = Field(
        None, description="The date the figure is placed at (YYYY-MM-DD): a resolved date in the sentence, else the "
        "article's publication date; null when neither is known."
    )
    status: FigureStatus | None = Field(
        None, description="superseded if a later figure updates it, else conflict if any figure conflicts with it, else "
        "agrees if one agrees; null when no evidence compared it."
    )
    relations: list[FigureRelation] = Field(default_factory=list)


class FigureGroup(_Frozen):
    """Figures for one quantity (same unit and counted noun) from clusters the number rules compared."""

    id: str = Field(description="Content hash of the cluster ids: stable across runs.")
    name: str = Field(description="The name of its cluster with the most independent origins.")
    counted: str | None = Field(None, description="Lemma of what is counted: 'troop'.")
    unit: str | None = Field(None, description="Currency code, 'percent', or a measurement unit.")
    clusters: list[str] = Field(description="Ids of the clusters whose figures are here.")
    figures: list[DatedFigure] = Field(description="Every figure, dated ones first by date, then undated.")


class ClaimMap(_Frozen):
    """A corpus at a glance: its claims grouped into clusters, conflicting ones first."""

    schema_version: str = MAP_SCHEMA_VERSION
    corpus: CorpusInfo
    clusters: list[ClaimCluster] = Field(default_factory=list)
    figure_groups: list[FigureGroup] = Field(
        default_factory=list, description="Figures over time: one quantity's figures across clusters, related."
    )
    failures: list[ReadFailure] = Field(default_factory=list)
