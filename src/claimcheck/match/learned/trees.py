"""The learned stance model itself: gradient-boosted regression trees stored as plain JSON arrays
(``data/stance_model.json``, no pickle), evaluated here with numpy, with the path contributions
that explain each prediction.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from claimcheck.match.learned.features import FEATURE_NAMES, BodyInfo, extract_features, prepare_body, prepare_claim
from claimcheck.match.learned.reasons import _reasons
from claimcheck.match.learned.tokens import StanceLexicon

# Bodies kept prepared: a map reads each body again for the claims of many articles (up to 60 sources a
# claim), and 150 articles of the 10k benchmark corpus already read 9,952 distinct bodies. At 4,096 half
# the readings prepared their body again; this many hold a 16k-article corpus (about 70 KB a body: at
# most 1.1 GB, reached only by a map of a corpus that big; one verify reads a few hundred).
CACHED_BODIES = 16_384

StanceClass = Literal["agree", "disagree", "discuss", "unrelated"]
STANCE_CLASSES: tuple[StanceClass, ...] = ("agree", "disagree", "discuss", "unrelated")


@dataclass(frozen=True)
class StancePrediction:
    label: StanceClass
    probabilities: dict[str, float]
    best_sentence: int | None  # index into the sentences passed in
    # The reasons in words, worked out when first read: a claim's 60 sources are read, few are quoted.
    _explain: Callable[[], list[str]] = field(repr=False, compare=False)

    @cached_property
    def reasons(self) -> list[str]:
        """Why the model reads the source so, in plain words, most important first."""
        return self._explain()


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
        self._body_cache: OrderedDict[tuple[str, ...], BodyInfo] = OrderedDict()
        self._claim_cache: tuple[str, Any] | None = None  # (text, prepared): the claim read against many bodies

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
        raw, contrib = self._walk_rows(np.asarray(x, dtype=np.float64)[None, :])
        return raw[0], contrib[0]

    def _walk_rows(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """_walk for several feature rows at once (shape rows x features): every tree, every row, level by level.

        Each row gets exactly the additions, in the same order, that a walk of that row alone makes, so
        its figures do not depend on the rows walked with it.
        """
        xf = np.asarray(rows, dtype=np.float64)
        count = xf.shape[0]
        row_of = np.arange(count)[:, None]
        nodes = np.broadcast_to(self._roots, (count, len(self._roots))).copy()
        contrib = np.zeros((count, len(self.labels), len(FEATURE_NAMES)))
        tree_class = np.broadcast_to(self._tree_class, nodes.shape)
        row_index = np.broadcast_to(row_of, nodes.shape)
        # The path contributions of every level, added to contrib in one np.add.at at the end: it adds
        # them one by one in the order given, so each (row, class, feature) cell receives its additions
        # level by level and, within a level, tree by tree: the order of a walk of that row alone.
        picked: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        for _ in range(self._depth):
            feat = self._feature[nodes]
            inner = feat >= 0
            if not inner.any():
                break
            go_left = xf[row_of, np.where(inner, feat, 0)] <= self._threshold[nodes]
            child = np.where(go_left, self._left[nodes], self._right[nodes])
            child = np.where(inner, child, nodes)
            delta = (self._value[child] - self._value[nodes]) * self._scale
            picked.append((row_index[inner], tree_class[inner], feat[inner], delta[inner]))
            nodes = child
        if picked:
            row, klass, feature, delta = (np.concatenate(part) for part in zip(*picked, strict=True))
            np.add.at(contrib, (row, klass, feature), delta)
        raw = np.stack([
            self._init + np.bincount(self._tree_class, weights=self._value[nodes[r]], minlength=len(self.labels))
            * self._scale
            for r in range(count)
        ])
        return raw, contrib

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        raw, _ = self._walk(x)
        return _softmax(raw + self._bias)

    def body(self, sentences: Sequence[str]) -> BodyInfo:
        key = tuple(sentences)
        info = self._body_cache.get(key)
        if info is None:
            info = self._body_cache[key] = prepare_body(sentences, self.lexicon)
            if len(self._body_cache) > CACHED_BODIES:
                self._body_cache.popitem(last=False)
        else:
            self._body_cache.move_to_end(key)
        return info

    def _claim(self, claim: str) -> Any:
        if self._claim_cache is None or self._claim_cache[0] != claim:
            self._claim_cache = (claim, prepare_claim(claim, self.lexicon))
        return self._claim_cache[1]

    def predict(self, claim: str, sentences: list[str]) -> StancePrediction:
        """Stance of a source body (given as its sentences, in order) towards a claim."""
        return self.predict_many(claim, [sentences])[0]

    def predict_many(self, claim: str, bodies: Sequence[list[str]]) -> list[StancePrediction]:
        """predict(claim, sentences) for each body, the same predictions, the trees walked for all at once."""
        prepared = self._claim(claim)
        found = [extract_features(claim, self.body(sentences), self.lexicon, prepared=prepared) for sentences in bodies]
        if not found:
            return []
        raws, contribs = self._walk_rows(np.stack([x for x, _ in found]))
        return [
            self._prediction(sentences, x, evidence, raw, contrib)
            for sentences, (x, evidence), raw, contrib in zip(bodies, found, raws, contribs, strict=True)
        ]

    def _prediction(self, sentences: list[str], x: np.ndarray, evidence: Any, raw: np.ndarray,
                    contrib: np.ndarray) -> StancePrediction:
        kept = [i for i, s in enumerate(sentences) if s.strip()]
        probs = _softmax(raw + self._bias)
        k = int(np.argmax(probs))
        label: StanceClass = self.labels[k]  # type: ignore[assignment]
        best = (
            kept[evidence.best_sentence] if evidence.best_sentence is not None else None
        )

        def explain() -> list[str]:
            # push towards the chosen label relative to the average of the others
            push = contrib[k] - np.delete(contrib, k, axis=0).mean(axis=0)
            return _reasons(label, x, push, evidence, best)

        return StancePrediction(
            label=label,
            probabilities={
                lab: round(float(p), 4) for lab, p in zip(self.labels, probs, strict=True)
            },
            best_sentence=best,
            _explain=explain,
        )


def _softmax(raw: np.ndarray) -> np.ndarray:
    e = np.exp(raw - raw.max())
    return e / e.sum()
