"""claimcheck's word knowledge: every word list it uses, read from claimcheck/data/*.json here and nowhere else.

The files are for users to read and extend; each one's `_about` notes say what each list is for and
how to extend it (docs/lexicon.md lists them all). No code holds a word list of its own.

Two families of lists, kept apart on purpose even where they overlap (both have negation words):
- the extractor's and the stance rules' lists, `lexicon()`: extend them freely. The extractor's files
  (`EXTRACTOR_FILES`) are part of the extractor fingerprint, so a store re-extracts after an edit.
- the learned stance model's lists, `stance_word_lists()` (`STANCE_MODEL_FILES`): the model was
  trained on exactly these, so they change only with a retrain (scripts/train_stance.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from claimcheck.models import Qualifier

__all__ = [
    "EXTRACTOR_FILES",
    "STANCE_MODEL_FILES",
    "ClaimWords",
    "ExclusiveGroup",
    "Lexicon",
    "NamingWords",
    "QuantityWords",
    "SlotWords",
    "StanceWordLists",
    "WorthWords",
    "data_file",
    "dispute_words",
    "lexicon",
    "naming_words",
    "slot_words",
    "stance_word_lists",
    "worth_words",
]

# The data files whose words can change the statements extracted from an article (and the stance
# rules' files, and those naming and scoring claims, beside them). The extractor fingerprint hashes exactly these.
EXTRACTOR_FILES = (
    "aliases.json",
    "claims.json",
    "cues.json",
    "disputes.json",
    "entailments.json",
    "exclusive.json",
    "gazetteer.json",
    "naming.json",
    "quantities.json",
    "slots.json",
    "synonyms.json",
    "terms.json",
    "worth.json",
)
# The learned stance model and the word lists it was trained with: used when matching only.
STANCE_MODEL_FILES = ("stance_lexicon.json", "stance_model.json")

# The kinds of the learned model's cue lists; only some of them have phrases.
_STANCE_WORD_KINDS = ("negation", "refute", "hedge", "report", "support")
_STANCE_PHRASE_KINDS = ("refute", "hedge", "support")


def data_file(name: str) -> Traversable:
    """One of claimcheck's data files, as installed."""
    return resources.files("claimcheck.data").joinpath(name)


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(data_file(name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class ExclusiveGroup:
    name: str
    members: dict[str, tuple[str, ...]]  # member name -> surface forms, lowercase


@dataclass(frozen=True)
class QuantityWords:
    """The words of numbers as news writes them (quantities.json)."""

    number_words: dict[str, float]  # 'seven' -> 7
    scales: dict[str, float]  # 'billion' -> 1e9
    currencies: dict[str, str]  # '$' -> 'USD'
    units: dict[str, str]  # 'kilometres' -> 'km'
    vague_plurals: dict[str, tuple[float, float]]  # 'thousands' -> (2000, 99999)
    vague_multipliers: dict[str, tuple[float, float]]  # 'a few' (million) -> (2, 9)
    qualifiers: dict[str, Qualifier]  # 'more than' -> at least
    time_words: tuple[str, ...]


@dataclass(frozen=True)
class ClaimWords:
    """The words that tell a checkable claim from the other sentences of an article (claims.json)."""

    person_pronouns: tuple[str, ...]
    writer_openers: tuple[str, ...]
    reader_words: tuple[str, ...]
    commentary_markers: tuple[str, ...]
    prediction_markers: tuple[str, ...]
    editorial_phrases: tuple[str, ...]
    feeling_words: tuple[str, ...]
    label_prefixes: tuple[str, ...]
    counterfactual_perfect: tuple[str, ...]
    question_verbs: frozenset[str]
    writer_phrases: tuple[str, ...]
    reader_possessives: tuple[str, ...]
    imperative_openers: tuple[str, ...]
    appeal_phrases: tuple[str, ...]
    evaluative_words: tuple[str, ...]
    definite_openers: tuple[str, ...]
    organisation_openers: tuple[str, ...]
    name_titles: tuple[str, ...]
    reader_interjections: tuple[str, ...]
    announcing_phrases: tuple[str, ...]
    unknown_openers: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """The word lists of the extractor and the stance rules, from the files in EXTRACTOR_FILES."""

    aliases: dict[str, str]
    alias_labels: dict[str, str]
    implies: dict[str, tuple[str, ...]]
    entails: dict[str, frozenset[str]]  # action -> actions its assertion implies were done
    weak_hedges: frozenset[str]
    synonyms: dict[str, str]
    spellings: dict[str, str]  # British -> American
    spelling_endings: tuple[tuple[str, str, str, int], ...]  # (British, American, base ending, shortest lemma)
    spelling_keep: frozenset[str]
    generic_terms: frozenset[str]
    kept_stop_words: frozenset[str]
    exclusive_groups: tuple[ExclusiveGroup, ...]
    negation_words: frozenset[str]
    additive_after_not: frozenset[str]
    denial_phrases: tuple[str, ...]
    falsifiable_nouns: frozenset[str]
    correction_phrases: tuple[str, ...]
    correction_notices: frozenset[str]
    hedge_words: tuple[str, ...]
    reporting_verbs: frozenset[str]
    vouching_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    saying_verbs: frozenset[str]  # reporting and belief verbs: their clause is what someone says or holds
    finding_verbs: frozenset[str]
    accusing_verbs: frozenset[str]
    disputing_verbs: frozenset[str]  # 'dispute', 'push back against': with a report as object, a denial
    modal_verbs: frozenset[str]
    non_hedging_modals: frozenset[str]
    conditional_openers: tuple[str, ...]
    opinion_markers: tuple[str, ...]
    dated_markers: tuple[str, ...]
    secondary_role_heads: tuple[str, ...]
    secondary_role_nouns: frozenset[str]
    light_predicates: frozenset[str]
    support_verbs: frozenset[str]  # 'carry out', 'conduct': a verb (and particle) that only carries out a noun's action
    prevention_verbs: frozenset[str]  # 'foil', 'call off': a verb (and particle) saying a noun's action did not happen
    contrast_words: tuple[str, ...]
    anaphoric_openers: tuple[str, ...]
    lead_ins: tuple[str, ...]
    opening_adverbials: tuple[str, ...]
    claim_words: ClaimWords
    quantities: QuantityWords
    gazetteer: dict[str, tuple[str, ...]]

    def canonical_lemma(self, lemma: str) -> str:
        return self.synonyms.get(lemma, lemma)

    def american(self, lemma: str) -> str:
        """A lower-case lemma in American spelling: 'organise' -> 'organize', 'colour' -> 'color', 'centre' ->
        'center'; a word spelt alike on both sides ('promise', 'devour') as it is."""
        explicit = self.spellings.get(lemma)
        if explicit is not None:
            return explicit
        for british, american, base_ending, shortest in self.spelling_endings:
            if len(lemma) >= shortest and lemma.endswith(british):
                stem = lemma[: -len(british)]
                base = stem + base_ending
                if base in self.spelling_keep or base.endswith("wise"):
                    return lemma
                return stem + american
        return lemma


def _quantity_words() -> QuantityWords:
    raw = _load("quantities.json")
    return QuantityWords(
        number_words=raw["number_words"],
        scales=raw["scales"],
        currencies=raw["currencies"],
        units=raw["units"],
        vague_plurals={words: (low, high) for words, (low, high) in raw["vague_plurals"].items()},
        vague_multipliers={words: (low, high) for words, (low, high) in raw["vague_multipliers"].items()},
        qualifiers={word: Qualifier(kind) for kind, words in raw["qualifiers"].items() for word in words},
        time_words=tuple(raw["time_words"]),
    )


def _claim_words(raw: dict[str, Any]) -> ClaimWords:
    return ClaimWords(
        person_pronouns=tuple(raw["person_pronouns"]),
        writer_openers=tuple(raw["writer_openers"]),
        reader_words=tuple(raw["reader_words"]),
        commentary_markers=tuple(raw["commentary_markers"]),
        prediction_markers=tuple(raw["prediction_markers"]),
        editorial_phrases=tuple(raw["editorial_phrases"]),
        feeling_words=tuple(raw["feeling_words"]),
        label_prefixes=tuple(raw["label_prefixes"]),
        counterfactual_perfect=tuple(raw["counterfactual_perfect"]),
        question_verbs=frozenset(raw["question_verbs"]),
        writer_phrases=tuple(raw["writer_phrases"]),
        reader_possessives=tuple(raw["reader_possessives"]),
        imperative_openers=tuple(raw["imperative_openers"]),
        appeal_phrases=tuple(raw["appeal_phrases"]),
        evaluative_words=tuple(raw["evaluative_words"]),
        definite_openers=tuple(raw["definite_openers"]),
        organisation_openers=tuple(raw["organisation_openers"]),
        name_titles=tuple(raw["name_titles"]),
        reader_interjections=tuple(raw["reader_interjections"]),
        announcing_phrases=tuple(raw["announcing_phrases"]),
        unknown_openers=tuple(raw["unknown_openers"]),
    )


@cache
def lexicon() -> Lexicon:
    """The extractor's and the stance rules' word lists, loaded once per process."""
    synonyms: dict[str, str] = {}
    for canonical, words in _load("synonyms.json")["classes"].items():
        for word in words:
            synonyms.setdefault(word, canonical)
    groups = tuple(
        ExclusiveGroup(group["name"], {member: tuple(forms) for member, forms in group["members"].items()})
        for group in _load("exclusive.json")["groups"]
    )
    cues = _load("cues.json")
    terms = _load("terms.json")
    claims = _load("claims.json")
    aliases = _load("aliases.json")
    gazetteer = {label: tuple(names) for label, names in _load("gazetteer.json").items() if not label.startswith("_")}
    return Lexicon(
        aliases=aliases["aliases"],
        alias_labels=aliases["labels"],
        implies={key: tuple(keys) for key, keys in aliases.get("implies", {}).items()},
        entails={action: frozenset(implied) for action, implied in _load("entailments.json")["entails"].items()},
        weak_hedges=frozenset(cues["weak_hedges"]),
        synonyms=synonyms,
        spellings=terms["spellings"],
        spelling_endings=tuple((british, american, base, int(shortest)) for british, american, base, shortest
                               in terms["spelling_endings"]),
        spelling_keep=frozenset(terms["spelling_keep"]),
        generic_terms=frozenset(terms["generic_terms"]),
        kept_stop_words=frozenset(terms["kept_stop_words"]),
        exclusive_groups=groups,
        negation_words=frozenset(cues["negation_words"]),
        additive_after_not=frozenset(cues["additive_after_not"]),
        denial_phrases=tuple(cues["denial_phrases"]),
        falsifiable_nouns=frozenset(cues["falsifiable_nouns"]),
        correction_phrases=tuple(cues["correction_notices"] + cues["correction_phrases"]),
        correction_notices=frozenset(cues["correction_notices"]),
        hedge_words=tuple(cues["hedge_words"]),
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        vouching_verbs=frozenset(cues["vouching_verbs"]),
        belief_verbs=frozenset(cues["belief_verbs"]),
        saying_verbs=frozenset(cues["reporting_verbs"] + cues["belief_verbs"]),
        finding_verbs=frozenset(cues["finding_verbs"]),
        accusing_verbs=frozenset(cues["accusing_verbs"]),
        disputing_verbs=frozenset(cues["disputing_verbs"]),
        modal_verbs=frozenset(cues["modal_verbs"]),
        non_hedging_modals=frozenset(cues["non_hedging_modals"]),
        conditional_openers=tuple(cues["conditional_openers"]),
        opinion_markers=tuple(cues["opinion_markers"]),
        dated_markers=tuple(cues["dated_markers"]),
        secondary_role_heads=tuple(cues["secondary_role_heads"]),
        secondary_role_nouns=frozenset(cues["secondary_role_nouns"]),
        light_predicates=frozenset(cues["light_predicates"]),
        support_verbs=frozenset(cues["support_verbs"]),
        prevention_verbs=frozenset(cues["prevention_verbs"]),
        contrast_words=tuple(cues["contrast_words"]),
        anaphoric_openers=tuple(claims["anaphoric_openers"]),
        lead_ins=tuple(claims["lead_ins"]),
        opening_adverbials=tuple(claims["opening_adverbials"]),
        claim_words=_claim_words(claims),
        quantities=_quantity_words(),
        gazetteer=gazetteer,
    )


@dataclass(frozen=True)
class SlotWords:
    """The words that fill a claim's slots (slots.json): attribution types and relative dates."""

    outlets: frozenset[str]
    outlet_nouns: frozenset[str]
    unnamed_sources: frozenset[str]
    person_titles: frozenset[str]
    attribution_clause_verbs: frozenset[str]
    weekdays: tuple[str, ...]
    months: dict[str, int]
    relative_days: dict[str, int]
    relative_shifts: dict[str, int]
    relative_units: dict[str, str]
    place_prepositions: frozenset[str]
    place_labels: frozenset[str]


@cache
def slot_words() -> SlotWords:
    """The slot word lists, loaded once per process."""
    raw = _load("slots.json")
    return SlotWords(
        outlets=frozenset(raw["outlets"]),
        outlet_nouns=frozenset(raw["outlet_nouns"]),
        unnamed_sources=frozenset(raw["unnamed_sources"]),
        person_titles=frozenset(raw["person_titles"]),
        attribution_clause_verbs=frozenset(raw["attribution_clause_verbs"]),
        weekdays=tuple(raw["weekdays"]),
        months=raw["months"],
        relative_days=raw["relative_days"],
        relative_shifts=raw["relative_shifts"],
        relative_units=raw["relative_units"],
        place_prepositions=frozenset(raw["place_prepositions"]),
        place_labels=frozenset(raw["place_labels"]),
    )


@dataclass(frozen=True)
class DisputeWords:
    """The words that tell what a source's denial reaches (disputes.json), with the month names of slots.json."""

    debunk_words: tuple[str, ...]
    overstating_words: tuple[str, ...]
    report_nouns: frozenset[str]
    pointing_words: frozenset[str]
    dated_phrases: tuple[str, ...]
    month_names: tuple[str, ...]
    first_person_words: tuple[str, ...]
    generic_name_words: frozenset[str]


@cache
def dispute_words() -> DisputeWords:
    """The dispute word lists, loaded once per process."""
    raw = _load("disputes.json")
    return DisputeWords(
        debunk_words=tuple(raw["debunk_words"]),
        overstating_words=tuple(raw["overstating_words"]),
        report_nouns=frozenset(raw["report_nouns"]),
        pointing_words=frozenset(raw["pointing_words"]),
        dated_phrases=tuple(raw["dated_phrases"]),
        # Abbreviations ('Mar', 'Dec') and 'May' read as words too often to date a sentence.
        month_names=tuple(name for name in slot_words().months if len(name) > 3),
        first_person_words=tuple(raw["first_person_words"]),
        generic_name_words=frozenset(raw["generic_name_words"]),
    )


@dataclass(frozen=True)
class StanceWordLists:
    """The learned stance model's word lists as written (stance_lexicon.json); the model tokenises the phrases."""

    stopwords: frozenset[str]
    words: dict[str, frozenset[str]]  # cue kind -> single words
    phrases: dict[str, tuple[str, ...]]  # cue kind -> phrases, in the file's order


def stance_word_lists(path: Path | None = None) -> StanceWordLists:
    """The learned model's word lists, from stance_lexicon.json or from `path` (a retraining experiment)."""
    raw = _load("stance_lexicon.json") if path is None else json.loads(Path(path).read_text("utf-8"))
    return StanceWordLists(
        stopwords=frozenset(raw["stopwords"]),
        words={kind: frozenset(raw[kind]) for kind in _STANCE_WORD_KINDS},
        phrases={kind: tuple(raw.get(f"{kind}_phrases", [])) for kind in _STANCE_PHRASE_KINDS},
    )


@dataclass(frozen=True)
class NamingWords:
    """The words that shape a claim's short name (naming.json); each list's note is in the file."""

    reporting_forms: tuple[str, ...]
    bare_reporting_forms: tuple[str, ...]
    leading_words: tuple[str, ...]
    aside_openers: tuple[str, ...]
    clause_openers: tuple[str, ...]
    collective_nouns: tuple[str, ...]
    opening_words: frozenset[str]
    phrase_starts: frozenset[str]
    dangling_ends: frozenset[str]
    verb_forms: dict[str, tuple[str, ...]]  # lemma -> irregular forms


@cache
def naming_words() -> NamingWords:
    """The naming word lists, loaded once per process."""
    raw = _load("naming.json")
    return NamingWords(
        reporting_forms=tuple(raw["reporting_forms"]),
        bare_reporting_forms=tuple(raw["bare_reporting_forms"]),
        leading_words=tuple(raw["leading_words"]),
        aside_openers=tuple(raw["aside_openers"]),
        clause_openers=tuple(raw["clause_openers"]),
        collective_nouns=tuple(raw["collective_nouns"]),
        opening_words=frozenset(raw["opening_words"]),
        phrase_starts=frozenset(raw["phrase_starts"]),
        dangling_ends=frozenset(raw["dangling_ends"]),
        verb_forms={lemma: tuple(forms) for lemma, forms in raw["irregular_verbs"].items()},
    )


@dataclass(frozen=True)
class WorthWords:
    """The words that weigh how worth checking a claim is (worth.json); each list's note is in the file."""

    vague_words: tuple[str, ...]
    unnamed_sources: tuple[str, ...]
    agent_labels: frozenset[str]
    place_labels: frozenset[str]


@cache
def worth_words() -> WorthWords:
    """The worth-checking word lists, loaded once per process."""
    raw = _load("worth.json")
    return WorthWords(
        vague_words=tuple(raw["vague_words"]),
        unnamed_sources=tuple(raw["unnamed_sources"]),
        agent_labels=frozenset(raw["agent_labels"]),
        place_labels=frozenset(raw["place_labels"]),
    )
