"""Features of one (claim, source body) pair for the learned stance model: coverage of the claim's
words, names and numbers by the body and its best sentences, and the cue words near them.

The features are shared with ``scripts/train_stance.py``: a feature change needs a retrain.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from claimcheck.match.learned.tokens import _WORD_RE, StanceLexicon, _find_cues, _stem, _surface

_NUMBER_RE = re.compile(r"^\d+$")
_NEAR_WINDOW = (
    10  # tokens either side of a claim word that count as "near the claim's terms"
)
_TOP_SENTENCES = 3


@dataclass(frozen=True)
class _Sentence:
    tokens: Sequence[str]  # surface tokens (a claim's; a prepared body keeps none: its counts are worked out)
    stems: list[str]  # stem per token ("" for stopwords)
    content: frozenset[str]
    cues: dict[str, list[tuple[int, str]]]  # lexicon name -> hits


@dataclass(frozen=True)
class BodyInfo:
    """A body prepared once and reused for every claim checked against it."""

    sentences: list[_Sentence]
    content: frozenset[str]
    prefixes: frozenset[str]
    n_tokens: int
    counts: dict[str, int] = field(default_factory=dict)
    # What does not depend on the claim, worked out once per body (a map reads each body for many claims).
    bigrams: frozenset[tuple[str, str]] = frozenset()  # consecutive content stems within a sentence
    lead_content: frozenset[str] = frozenset()  # content stems of the first three sentences
    cue_hits: dict[str, int] = field(default_factory=dict)  # cue list -> hits in the whole body
    lead_words: dict[str, list[str]] = field(default_factory=dict)  # cue list -> words in the first two sentences
    body_words: dict[str, list[str]] = field(default_factory=dict)  # cue list -> words in the whole body
    questions: int = 0  # "?" tokens in the body


def _prepare_sentence(text: str, lex: StanceLexicon) -> _Sentence:
    tokens = _surface(text)
    stems = list(map(lex.content_stems.__getitem__, tokens))
    content = set(stems)
    content.discard("")
    return _Sentence(tokens, stems, frozenset(content), _find_cues(tokens, lex))


def prepare_body(sentences: Sequence[str], lex: StanceLexicon) -> BodyInfo:
    prepared = [_prepare_sentence(s, lex) for s in sentences if s.strip()]
    counts = Counter(itertools.chain.from_iterable(s.stems for s in prepared))
    counts.pop("", None)
    content = counts.keys()
    bigrams: set[tuple[str, str]] = set()
    for s in prepared:
        bigrams.update(itertools.pairwise([t for t in s.stems if t]))
    kinds = ("refute", "hedge", "support", "report", "negation")
    return BodyInfo(
        # A body is kept for many claims (trees.CACHED_BODIES of them): without its surface tokens, which the
        # features of a body read only here, it takes about a quarter less memory.
        sentences=[_Sentence((), s.stems, s.content, s.cues) for s in prepared],
        content=frozenset(content),
        prefixes=frozenset(c[:5] for c in content),
        n_tokens=sum(len(s.tokens) for s in prepared),
        counts=counts,
        bigrams=frozenset(bigrams),
        lead_content=frozenset().union(*(s.content for s in prepared[:3])) if prepared else frozenset(),
        cue_hits={cue: sum(len(s.cues[cue]) for s in prepared) for cue in kinds},
        lead_words={cue: [w for s in prepared[:2] for _, w in s.cues[cue]] for cue in kinds},
        body_words={cue: [w for s in prepared for _, w in s.cues[cue]] for cue in kinds},
        questions=sum(s.tokens.count("?") for s in prepared),
    )


@dataclass(frozen=True)
class _Evidence:
    """What fired each feature, for the reasons."""

    best_sentence: int | None
    words: dict[str, list[str]]


FEATURE_NAMES: tuple[str, ...] = (
    "cover",
    "cover_prefix",
    "cover_entity",
    "cover_number",
    "claim_has_number",
    "cover_long",
    "cover_bigram",
    "best_sentence_cover",
    "top3_sentence_cover",
    "lead_cover",
    "first_cover",
    "density",
    "sentences_with_two",
    "best_position",
    "claim_len",
    "body_len",
    "claim_refute",
    "claim_hedge",
    "claim_negation",
    "claim_question",
    "claim_quote",
    "body_refute_rate",
    "top_refute",
    "lead_refute",
    "near_refute",
    "body_hedge_rate",
    "top_hedge",
    "lead_hedge",
    "near_hedge",
    "body_support_rate",
    "top_support",
    "lead_support",
    "body_report_rate",
    "top_report",
    "lead_report",
    "body_negation_rate",
    "top_negation",
    "best_negation_mismatch",
    "body_question_rate",
    "refute_minus_support",
)
_FEATURE_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}


def prepare_claim(claim: str, lex: StanceLexicon) -> _Sentence:
    """A claim prepared once, for checking it against many bodies (extract_features' `prepared`)."""
    return _prepare_sentence(claim, lex)


def extract_features(
    claim: str, body: BodyInfo, lex: StanceLexicon, *, prepared: _Sentence | None = None
) -> tuple[np.ndarray, _Evidence]:
    """One row of features for (claim, body), and the words behind them. prepared: prepare_claim(claim)."""
    claim_s = prepared if prepared is not None else _prepare_sentence(claim, lex)
    sents = body.sentences
    x = np.zeros(len(FEATURE_NAMES), dtype=np.float64)
    f = _FEATURE_INDEX

    _word_coverage(x, claim, claim_s, body, lex)
    best, top = _sentence_coverage(x, claim_s, body)
    _claim_cues(x, claim, claim_s)
    words = _body_cues(x, claim_s.content, body, top)
    if best is not None:
        best_neg = bool(sents[best].cues["negation"])
        x[f["best_negation_mismatch"]] = float(
            best_neg != bool(claim_s.cues["negation"])
        )
    per100 = 100.0 / max(body.n_tokens, 1)
    x[f["body_question_rate"]] = body.questions * per100
    x[f["refute_minus_support"]] = x[f["top_refute"]] - x[f["top_support"]]
    words["claim_refute"] = [w for _, w in claim_s.cues["refute"]]
    words["claim_hedge"] = [w for _, w in claim_s.cues["hedge"]]
    words["claim_negation"] = [w for _, w in claim_s.cues["negation"]]
    surface_of: dict[str, str] = {}
    for token, stem in zip(claim_s.tokens, claim_s.stems, strict=True):
        if stem:
            surface_of.setdefault(stem, token)
    words["missing"] = [
        surface_of[s]
        for s in dict.fromkeys(claim_s.stems)
        if s and s not in body.content
    ]
    return x, _Evidence(best_sentence=best, words=words)


def _word_coverage(x: np.ndarray, raw_claim: str, claim_s: _Sentence, body: BodyInfo, lex: StanceLexicon) -> None:
    """How much of the claim's words, names, numbers, long words and word pairs the whole body holds."""
    c_content = claim_s.content
    n_c = max(len(c_content), 1)
    f = _FEATURE_INDEX
    x[f["cover"]] = len(c_content & body.content) / n_c
    x[f["cover_prefix"]] = len({c[:5] for c in c_content} & body.prefixes) / n_c
    raw_tokens = _WORD_RE.findall(raw_claim)
    entities = {
        _stem(t.lower().replace("’", "'").split("'")[0])
        for t in raw_tokens[1:]
        if t[:1].isupper()
    }
    entities = {e for e in entities if e and e not in lex.stopwords}
    x[f["cover_entity"]] = (
        len(entities & body.content) / len(entities) if entities else 0.5
    )
    numbers = {t for t in c_content if _NUMBER_RE.match(t)}
    x[f["claim_has_number"]] = float(bool(numbers))
    x[f["cover_number"]] = (
        len(numbers & body.content) / len(numbers) if numbers else 0.5
    )
    long_words = {t for t in c_content if len(t) >= 7}
    x[f["cover_long"]] = (
        len(long_words & body.content) / len(long_words) if long_words else 0.5
    )
    c_stems = [s for s in claim_s.stems if s]
    bigrams = set(itertools.pairwise(c_stems))
    if bigrams:
        x[f["cover_bigram"]] = len(bigrams & body.bigrams) / len(bigrams)


def _sentence_coverage(x: np.ndarray, claim_s: _Sentence, body: BodyInfo) -> tuple[int | None, list[int]]:
    """How well single sentences (the best ones, the opening ones) cover the claim, and the sizes of claim and body.

    Returns the best sentence's index (None for an empty body) and the indexes of the top sentences."""
    c_content = claim_s.content
    n_c = max(len(c_content), 1)
    sents = body.sentences
    n_s = max(len(sents), 1)
    f = _FEATURE_INDEX
    covers = [len(c_content & s.content) / n_c for s in sents] or [0.0]
    order = sorted(range(len(covers)), key=lambda i: (-covers[i], i))
    best = order[0] if sents else None
    top = order[:_TOP_SENTENCES] if sents else []
    x[f["best_sentence_cover"]] = covers[order[0]]
    x[f["top3_sentence_cover"]] = sum(covers[i] for i in top) / _TOP_SENTENCES
    x[f["lead_cover"]] = len(c_content & body.lead_content) / n_c
    x[f["first_cover"]] = covers[0]
    x[f["density"]] = (
        sum(body.counts.get(c, 0) for c in c_content) / max(body.n_tokens, 1) * 10
    )
    x[f["sentences_with_two"]] = (
        sum(len(c_content & s.content) >= 2 for s in sents) / n_s
    )
    x[f["best_position"]] = (best or 0) / n_s
    x[f["claim_len"]] = len(c_content)
    x[f["body_len"]] = math.log1p(body.n_tokens)
    return best, top


def _claim_cues(x: np.ndarray, raw_claim: str, claim_s: _Sentence) -> None:
    f = _FEATURE_INDEX
    x[f["claim_refute"]] = len(claim_s.cues["refute"])
    x[f["claim_hedge"]] = len(claim_s.cues["hedge"])
    x[f["claim_negation"]] = len(claim_s.cues["negation"])
    x[f["claim_question"]] = float("?" in raw_claim)
    x[f["claim_quote"]] = float(any(q in raw_claim for q in "'‘’\"“”"))


def _body_cues(x: np.ndarray, c_content: frozenset[str], body: BodyInfo, top: list[int]) -> dict[str, list[str]]:
    """Cue words in the body, its top and opening sentences, and near the claim's words; returns the words."""
    f = _FEATURE_INDEX
    sents = body.sentences
    per100 = 100.0 / max(body.n_tokens, 1)
    words: dict[str, list[str]] = {}
    for cue in ("refute", "hedge", "support", "report", "negation"):
        x[f[f"body_{cue}_rate"]] = body.cue_hits[cue] * per100
        top_hits = [w for i in top for _, w in sents[i].cues[cue]]
        words[f"top_{cue}"] = top_hits
        if f"top_{cue}" in f:
            x[f[f"top_{cue}"]] = len(top_hits)
        if f"lead_{cue}" in f:
            lead_hits = list(body.lead_words[cue])
            words[f"lead_{cue}"] = lead_hits
            x[f[f"lead_{cue}"]] = len(lead_hits)
        words[f"body_{cue}"] = list(body.body_words[cue])
    for cue in ("refute", "hedge"):
        near: list[str] = []
        for s in sents:
            if not s.cues[cue] or not (c_content & s.content):
                continue
            anchor = [i for i, st in enumerate(s.stems) if st and st in c_content]
            for pos, w in s.cues[cue]:
                if (
                    any(abs(pos - a) <= _NEAR_WINDOW for a in anchor)
                    and w not in c_content
                ):
                    near.append(w)
        words[f"near_{cue}"] = near
        x[f[f"near_{cue}"]] = len(near)
    return words
