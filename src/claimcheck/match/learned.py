"""A small learned stance model for one (claim, source body) pair.

The model answers: does this source support the claim ("agree"), contradict it ("disagree"),
report it without taking a side ("discuss"), or speak of something else ("unrelated")?

It is gradient-boosted trees over hand-defined features (word coverage of the claim, denial,
hedge, reporting and confirmation words from a hand-written lexicon, negation, numbers). The
trees are stored as plain JSON arrays (``data/stance_model.json``, no pickle) and evaluated here
with numpy. Every prediction carries reasons in plain words: the features whose tree-path
contributions pushed hardest towards the predicted label, rendered with the words that fired
them, plus the index of the body sentence that best matches the claim.

Training lives in ``scripts/train_stance.py``; the features below are shared with it, so a
feature change needs a retrain. No spaCy here: a regex tokenizer keeps a 10k-pair run fast.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from claimcheck.lexicon import stance_word_lists

__all__ = [
    "FEATURE_NAMES",
    "LABELS",
    "BodyInfo",
    "StanceLexicon",
    "StanceModel",
    "StancePrediction",
    "extract_features",
]

Label = Literal["agree", "disagree", "discuss", "unrelated"]
LABELS: tuple[Label, ...] = ("agree", "disagree", "discuss", "unrelated")

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)*|\?")
_NUMBER_RE = re.compile(r"^\d+$")
_NEAR_WINDOW = (
    10  # tokens either side of a claim word that count as "near the claim's terms"
)
_TOP_SENTENCES = 3
# The cue lists a sentence is searched for; only the first three have phrases.
CUE_KINDS = ("refute", "hedge", "support", "report", "negation")


# ---------------------------------------------------------------------------------------------
# lexicon and text normalisation


@dataclass(frozen=True)
class StanceLexicon:
    """Hand-written word lists; phrases are stored as tuples of lowercased tokens."""

    stopwords: frozenset[str]
    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def load(cls, path: Path | None = None) -> StanceLexicon:
        lists = stance_word_lists(path)
        phrases = {kind: tuple(tuple(_surface(p)) for p in texts) for kind, texts in lists.phrases.items()}
        return cls(stopwords=lists.stopwords, words=lists.words, phrases=phrases)

    @cached_property
    def cue_index(self) -> dict[str, tuple[tuple[str, ...], tuple[tuple[str, int, tuple[str, ...]], ...]]]:
        """token -> (the cue lists holding it as a word, (cue list, place in it, phrase) of the phrases it opens).

        One look-up per token finds every cue a sentence holds, in one pass over its tokens.
        """
        words: dict[str, list[str]] = {}
        phrases: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
        for kind in CUE_KINDS:
            for word in self.words[kind]:
                words.setdefault(word, []).append(kind)
            for order, phrase in enumerate(self.phrases.get(kind, ())):
                if phrase:
                    phrases.setdefault(phrase[0], []).append((kind, order, phrase))
        return {
            token: (tuple(words.get(token, ())), tuple(phrases.get(token, ())))
            for token in {*words, *phrases}
        }


def _surface(text: str) -> list[str]:
    """Lowercased tokens, with "n't" split off so that negation is one token."""
    out: list[str] = []
    for tok in _WORD_RE.findall(text):
        tok = tok.lower().replace("’", "'")
        if tok.endswith("n't") and len(tok) > 3:
            out.extend((tok[:-3], "n't"))
        elif tok.endswith("'s"):
            out.append(tok[:-2])
        else:
            out.append(tok.replace("'", ""))
    return out


_STEM_CACHE: dict[str, str] = {}


def _stem(word: str) -> str:
    """A light stemmer: plural -s, -ies, -ing, -ed; enough for word-overlap features."""
    stem = _STEM_CACHE.get(word)
    if stem is not None:
        return stem
    stem = word
    if len(word) > 4 and word.endswith("ies"):
        stem = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        stem = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        stem = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        stem = word[:-1]
    if len(stem) > 4 and stem.endswith("e"):
        stem = stem[:-1]
    _STEM_CACHE[word] = stem
    return stem


def _find_cues(tokens: Sequence[str], lex: StanceLexicon) -> dict[str, list[tuple[int, str]]]:
    """For each cue list, (position, matched text) of its words in token order, then of its phrases in lexicon order."""
    hits: dict[str, list[tuple[int, str]]] = {kind: [] for kind in CUE_KINDS}
    phrase_hits: dict[str, list[tuple[int, int, str]]] = {}
    index = lex.cue_index
    for i, token in enumerate(tokens):
        entry = index.get(token)
        if entry is None:
            continue
        kinds, phrases = entry
        for kind in kinds:
            hits[kind].append((i, token))
        for kind, order, phrase in phrases:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                phrase_hits.setdefault(kind, []).append((order, i, " ".join(phrase)))
    for kind, found in phrase_hits.items():
        found.sort()
        hits[kind].extend((i, text) for _, i, text in found)
    return hits


# ---------------------------------------------------------------------------------------------
# features


@dataclass(frozen=True)
class _Sentence:
    tokens: list[str]  # surface tokens
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


def _prepare_sentence(text: str, lex: StanceLexicon) -> _Sentence:
    tokens = _surface(text)
    stems = ["" if (t in lex.stopwords or t == "?") else _stem(t) for t in tokens]
    return _Sentence(tokens, stems, frozenset(s for s in stems if s), _find_cues(tokens, lex))


def prepare_body(sentences: Sequence[str], lex: StanceLexicon) -> BodyInfo:
    prepared = [_prepare_sentence(s, lex) for s in sentences if s.strip()]
    content: set[str] = set()
    counts: dict[str, int] = {}
    for s in prepared:
        content |= s.content
        for stem in s.stems:
            if stem:
                counts[stem] = counts.get(stem, 0) + 1
    return BodyInfo(
        sentences=prepared,
        content=frozenset(content),
        prefixes=frozenset(c[:5] for c in content),
        n_tokens=sum(len(s.tokens) for s in prepared),
        counts=counts,
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


def extract_features(
    claim: str, body: BodyInfo, lex: StanceLexicon
) -> tuple[np.ndarray, _Evidence]:
    """One row of features for (claim, body), and the words behind them."""
    raw_claim = claim
    claim_s = _prepare_sentence(claim, lex)
    c_content = claim_s.content
    n_c = max(len(c_content), 1)
    sents = body.sentences
    n_s = max(len(sents), 1)
    x = np.zeros(len(FEATURE_NAMES), dtype=np.float64)
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
        body_bigrams: set[tuple[str, str]] = set()
        for s in sents:
            st = [t for t in s.stems if t]
            body_bigrams.update(itertools.pairwise(st))
        x[f["cover_bigram"]] = len(bigrams & body_bigrams) / len(bigrams)

    covers = [len(c_content & s.content) / n_c for s in sents] or [0.0]
    order = sorted(range(len(covers)), key=lambda i: (-covers[i], i))
    best = order[0] if sents else None
    top = order[:_TOP_SENTENCES] if sents else []
    x[f["best_sentence_cover"]] = covers[order[0]]
    x[f["top3_sentence_cover"]] = sum(covers[i] for i in top) / _TOP_SENTENCES
    lead_content = (
        frozenset().union(*(s.content for s in sents[:3])) if sents else frozenset()
    )
    x[f["lead_cover"]] = len(c_content & lead_content) / n_c
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

    x[f["claim_refute"]] = len(claim_s.cues["refute"])
    x[f["claim_hedge"]] = len(claim_s.cues["hedge"])
    x[f["claim_negation"]] = len(claim_s.cues["negation"])
    x[f["claim_question"]] = float("?" in raw_claim)
    x[f["claim_quote"]] = float(any(q in raw_claim for q in "'‘’\"“”"))

    per100 = 100.0 / max(body.n_tokens, 1)
    words: dict[str, list[str]] = {}
    lead = sents[:2]
    for cue in ("refute", "hedge", "support", "report", "negation"):
        x[f[f"body_{cue}_rate"]] = sum(len(s.cues[cue]) for s in sents) * per100
        top_hits = [w for i in top for _, w in sents[i].cues[cue]]
        words[f"top_{cue}"] = top_hits
        if f"top_{cue}" in f:
            x[f[f"top_{cue}"]] = len(top_hits)
        if f"lead_{cue}" in f:
            lead_hits = [w for s in lead for _, w in s.cues[cue]]
            words[f"lead_{cue}"] = lead_hits
            x[f[f"lead_{cue}"]] = len(lead_hits)
        words[f"body_{cue}"] = [w for s in sents for _, w in s.cues[cue]]
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
    if best is not None:
        best_neg = bool(sents[best].cues["negation"])
        x[f["best_negation_mismatch"]] = float(
            best_neg != bool(claim_s.cues["negation"])
        )
    x[f["body_question_rate"]] = sum(s.tokens.count("?") for s in sents) * per100
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


# ---------------------------------------------------------------------------------------------
# the model: gradient-boosted regression trees as flat arrays


@dataclass(frozen=True)
class StancePrediction:
    label: Label
    probabilities: dict[str, float]
    reasons: list[str]  # plain words, most important first
    best_sentence: int | None  # index into the sentences passed in


class StanceModel:
    """Boosted trees over hand features; load with :meth:`load`, call :meth:`predict`."""

    def __init__(self, spec: dict[str, Any], lexicon: StanceLexicon | None = None) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError(
                "stance model was trained on other features than this code computes; "
                "retrain with scripts/train_stance.py"
            )
        self.lexicon = lexicon or StanceLexicon.load()
        self.labels: tuple[str, ...] = tuple(spec["labels"])
        trees = spec["trees"]  # one entry per tree: class index and node arrays
        offsets = np.cumsum([0] + [len(t["feature"]) for t in trees])
        self._roots = offsets[:-1].astype(np.int64)
        self._tree_class = np.array([t["class"] for t in trees], dtype=np.int64)
        self._feature = np.concatenate(
            [np.array(t["feature"], dtype=np.int64) for t in trees]
        )
        self._threshold = np.concatenate(
            [np.array(t["threshold"], dtype=np.float64) for t in trees]
        )
        self._left = np.concatenate(
            [np.array(t["left"], dtype=np.int64) + o for t, o in zip(trees, self._roots, strict=True)]
        )
        self._right = np.concatenate(
            [np.array(t["right"], dtype=np.int64) + o for t, o in zip(trees, self._roots, strict=True)]
        )
        self._value = np.concatenate(
            [np.array(t["value"], dtype=np.float64) for t in trees]
        )
        self._scale = float(spec["learning_rate"])
        self._init = np.array(spec["init"], dtype=np.float64)
        self._bias = np.array(
            spec.get("class_bias", [0.0] * len(self.labels)), dtype=np.float64
        )
        self._depth = int(spec["max_depth"])
        self._body_cache: dict[tuple[str, ...], BodyInfo] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> StanceModel:
        """Load the packaged model (or a model JSON at ``path``); never unpickles anything."""
        if path is None:
            text = (
                resources.files("claimcheck.data")
                .joinpath("stance_model.json")
                .read_text("utf-8")
            )
        else:
            text = Path(path).read_text("utf-8")
        return cls(json.loads(text))

    # -- scoring ---------------------------------------------------------------------------------

    def _walk(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Raw class scores and per-(class, feature) path contributions for one feature row."""
        xf = np.asarray(x, dtype=np.float64)
        nodes = self._roots.copy()
        contrib = np.zeros((len(self.labels), len(FEATURE_NAMES)))
        for _ in range(self._depth):
            feat = self._feature[nodes]
            inner = feat >= 0
            if not inner.any():
                break
            go_left = xf[np.where(inner, feat, 0)] <= self._threshold[nodes]
            child = np.where(go_left, self._left[nodes], self._right[nodes])
            child = np.where(inner, child, nodes)
            delta = (self._value[child] - self._value[nodes]) * self._scale
            np.add.at(contrib, (self._tree_class[inner], feat[inner]), delta[inner])
            nodes = child
        raw = (
            self._init
            + np.bincount(
                self._tree_class, weights=self._value[nodes], minlength=len(self.labels)
            )
            * self._scale
        )
        return raw, contrib

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        raw, _ = self._walk(x)
        return _softmax(raw + self._bias)

    def body(self, sentences: Sequence[str]) -> BodyInfo:
        key = tuple(sentences)
        info = self._body_cache.get(key)
        if info is None:
            if len(self._body_cache) > 512:
                self._body_cache.clear()
            info = self._body_cache[key] = prepare_body(sentences, self.lexicon)
        return info

    def predict(self, claim: str, sentences: list[str]) -> StancePrediction:
        """Stance of a source body (given as its sentences, in order) towards a claim."""
        kept = [i for i, s in enumerate(sentences) if s.strip()]
        x, evidence = extract_features(claim, self.body(sentences), self.lexicon)
        raw, contrib = self._walk(x)
        probs = _softmax(raw + self._bias)
        k = int(np.argmax(probs))
        label: Label = self.labels[k]  # type: ignore[assignment]
        best = (
            kept[evidence.best_sentence] if evidence.best_sentence is not None else None
        )
        # push towards the chosen label relative to the average of the others
        others = np.delete(contrib, k, axis=0).mean(axis=0)
        push = contrib[k] - others
        reasons = _reasons(label, x, push, evidence, best)
        return StancePrediction(
            label=label,
            probabilities={
                lab: round(float(p), 4) for lab, p in zip(self.labels, probs, strict=True)
            },
            reasons=reasons,
            best_sentence=best,
        )


def _softmax(raw: np.ndarray) -> np.ndarray:
    e = np.exp(raw - raw.max())
    return e / e.sum()


# ---------------------------------------------------------------------------------------------
# reasons: feature groups rendered in plain words

_GROUPS: dict[str, tuple[str, ...]] = {
    "coverage": (
        "cover",
        "cover_prefix",
        "cover_long",
        "cover_bigram",
        "density",
        "sentences_with_two",
        "claim_len",
    ),
    "entities": ("cover_entity",),
    "numbers": ("cover_number", "claim_has_number"),
    "best": ("best_sentence_cover", "top3_sentence_cover", "best_position"),
    "lead": ("lead_cover", "first_cover"),
    "refute": (
        "body_refute_rate",
        "top_refute",
        "lead_refute",
        "near_refute",
        "refute_minus_support",
    ),
    "hedge": ("body_hedge_rate", "top_hedge", "lead_hedge", "near_hedge"),
    "support": ("body_support_rate", "top_support", "lead_support"),
    "report": ("body_report_rate", "top_report", "lead_report"),
    "negation": (
        "body_negation_rate",
        "top_negation",
        "best_negation_mismatch",
        "claim_negation",
    ),
    "claim_refute": ("claim_refute",),
    "claim_hedge": ("claim_hedge", "claim_question", "claim_quote"),
    "body_len": ("body_len", "body_question_rate"),
}
_GROUP_OF = {name: g for g, names in _GROUPS.items() for name in names}


def _quote(words: Sequence[str], limit: int = 4) -> str:
    seen: list[str] = []
    phrases = [w for w in words if " " in w]
    for w in words:
        # a word inside a matched phrase ("according" in "according to") is shown once, as the phrase
        if w not in seen and not any(w in p.split() for p in phrases if p != w):
            seen.append(w)
    return ", ".join(f"'{w}'" for w in seen[:limit])


def _render(group: str, x: np.ndarray, ev: _Evidence, best: int | None) -> str:
    f = _FEATURE_INDEX
    w = ev.words
    def pct(name):
        return f"{x[f[name]]:.0%}"
    if group == "coverage":
        text = f"covers {pct('cover')} of the claim's words"
        if w["missing"] and x[f["cover"]] < 1:
            text += f" (missing {_quote(w['missing'], 3)})"
        return text
    if group == "entities":
        return f"names {pct('cover_entity')} of the claim's capitalised names"
    if group == "numbers":
        if not x[f["claim_has_number"]]:
            return "the claim states no number"
        return f"repeats {pct('cover_number')} of the claim's numbers"
    if group == "best":
        where = f"sentence {best}" if best is not None else "no sentence"
        return f"best-matching {where} holds {pct('best_sentence_cover')} of the claim's words"
    if group == "lead":
        return f"the opening sentences hold {pct('lead_cover')} of the claim's words"
    if group in ("refute", "hedge", "support", "report"):
        found = (
            w[f"near_{group}"]
            if w.get(f"near_{group}")
            else w[f"top_{group}"] or w[f"body_{group}"]
        )
        kind = {
            "refute": "denial or correction words",
            "hedge": "hedged reporting",
            "support": "confirmation words",
            "report": "reporting verbs",
        }[group]
        if not found:
            return f"no {kind} near the claim's terms"
        place = (
            "near the claim's terms"
            if group in ("refute", "hedge") and w.get(f"near_{group}")
            else "in the body"
        )
        return f"{kind} {place}: {_quote(found)}"
    if group == "negation":
        if x[f["best_negation_mismatch"]]:
            return "negation differs between the claim and its best-matching sentence"
        return "claim and best-matching sentence agree on negation"
    if group == "claim_refute":
        if w["claim_refute"]:
            return (
                f"the claim itself calls something false: {_quote(w['claim_refute'])}"
            )
        return "the claim itself uses no denial words"
    if group == "claim_hedge":
        if x[f["claim_question"]]:
            return "the claim is phrased as a question"
        if w["claim_hedge"]:
            return f"the claim is hedged: {_quote(w['claim_hedge'])}"
        return "the claim is stated without hedges"
    return f"body length ({round(math.expm1(x[f['body_len']]))} words)"


def _reasons(
    label: str,
    x: np.ndarray,
    push: np.ndarray,
    ev: _Evidence,
    best: int | None,
    limit: int = 3,
) -> list[str]:
    group_push: dict[str, float] = {}
    for i, name in enumerate(FEATURE_NAMES):
        g = _GROUP_OF[name]
        group_push[g] = group_push.get(g, 0.0) + float(push[i])
    ranked = [g for g, v in sorted(group_push.items(), key=lambda kv: -kv[1]) if v > 0][
        :limit
    ]
    if not ranked:
        ranked = ["coverage"]
    return [_render(g, x, ev, best) for g in ranked]
