#!/usr/bin/env python3
"""Train the learned stance model and write it as JSON tree arrays (no pickle).

    .venv/bin/pip install scikit-learn        # training only; inference is numpy
    .venv/bin/python scripts/train_stance.py [--fnc1 ../shared/eval/fnc1] [--out src/claimcheck/data/stance_model.json]

Discipline: the model is fitted ONLY on claimsplit_train_stances.csv (with the bodies it names
from train_bodies.csv). Hyper-parameters and the per-class score offsets are chosen by 5-fold
cross-validation on that training set, grouped by story (headlines and bodies linked by related pairs) so that no
claim is on both sides of a fold. The dev split (claimsplit_dev_*) is scored once at the end and never tunes anything here.
hold_out_ids.txt is not used. The model file holds only numbers over hand-defined features.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stance_dev import LABELS, f1_by_class, read_split, report, split_sentences

from claimcheck.match.learned import (
    FEATURE_NAMES,
    StanceLexicon,
    StanceModel,
    extract_features,
    prepare_body,
)


def product_sentences(bodies: dict[str, str]) -> dict[str, list[str]]:
    """Each body's sentences as claimcheck reads them: the texts of its extracted statements, which is what
    the pipeline passes the model (Corpus.texts_of)."""
    from claimcheck.extract import extract_statements
    from claimcheck.ingest import article_from_text

    return {
        bid: [s.text for s in extract_statements(article_from_text(text, source=f"{bid}.txt", html=False))]
        for bid, text in bodies.items()
    }


def featurize(
    pairs: list[dict[str, str]], bodies: dict[str, str], lex: StanceLexicon, *, as_product: bool = False
) -> np.ndarray:
    sentences = product_sentences(bodies) if as_product else {bid: split_sentences(text) for bid, text in bodies.items()}
    prepared = {bid: prepare_body(texts, lex) for bid, texts in sentences.items()}
    return np.vstack(
        [extract_features(p["Headline"], prepared[p["Body ID"]], lex)[0] for p in pairs]
    )


def make_classifier(params: dict, seed: int = 0):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        learning_rate=params["learning_rate"],
        max_iter=params["max_iter"],
        max_leaf_nodes=params["max_leaf_nodes"],
        max_depth=params["max_depth"],
        min_samples_leaf=params["min_samples_leaf"],
        l2_regularization=params["l2"],
        class_weight=params["class_weight"],
        early_stopping=False,
        random_state=seed,
    )


def class_weights(y: np.ndarray, power: float) -> dict[int, float]:
    """Inverse-frequency weights raised to `power` (0: none, 1: fully balanced)."""
    counts = np.bincount(y, minlength=len(LABELS)).astype(float)
    w = (counts.sum() / (len(LABELS) * counts)) ** power
    return {k: float(w[k]) for k in range(len(LABELS))}


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    """Macro F1 over the four labels, as stance_dev.f1_by_class, vectorised for the bias search."""
    confusion = np.bincount(y * len(LABELS) + pred, minlength=len(LABELS) ** 2).reshape(
        len(LABELS), -1
    )
    tp = np.diag(confusion).astype(float)
    denominator = confusion.sum(0) + confusion.sum(1)
    return float(
        np.mean(np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0))
    )


def tune_bias(proba: np.ndarray, y: np.ndarray, rounds: int = 3) -> np.ndarray:
    """Per-class log offsets that maximise macro F1 on out-of-fold probabilities."""
    logp = np.log(np.clip(proba, 1e-9, 1))
    bias = np.zeros(len(LABELS))
    grid = np.linspace(-2.0, 2.0, 41)
    best = macro_f1(y, np.argmax(logp, axis=1))
    for _ in range(rounds):
        for k in range(len(LABELS) - 1):  # unrelated stays the reference
            for v in grid:
                trial = bias.copy()
                trial[k] = v
                score = macro_f1(y, np.argmax(logp + trial, axis=1))
                if score > best + 1e-9:
                    best, bias = score, trial
    return bias


def story_groups(pairs: list[dict[str, str]]) -> list[int]:
    """Story id per pair: headlines and bodies joined by a related (non-"unrelated") pair form one
    story. Folds split by story, as the dev split does, so that near-duplicate headlines about the
    same event never sit on both sides of a fold (grouping by headline alone flatters the CV)."""
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for p in pairs:
        find("h:" + p["Headline"])
        if p["Stance"] != "unrelated":
            parent[find("h:" + p["Headline"])] = find("b:" + p["Body ID"])
    roots: dict[str, int] = {}
    return [roots.setdefault(find("h:" + p["Headline"]), len(roots)) for p in pairs]


def grouped_folds(groups: list[int], n_folds: int, seed: int = 0) -> list[np.ndarray]:
    unique = sorted(set(groups))
    rng = np.random.default_rng(seed)
    rng.shuffle(unique)
    fold_of = {h: i % n_folds for i, h in enumerate(unique)}
    assignment = np.array([fold_of[h] for h in groups])
    return [np.where(assignment == i)[0] for i in range(n_folds)]


def cross_validate(
    X: np.ndarray, y: np.ndarray, folds: list[np.ndarray], params: dict
) -> np.ndarray:
    proba = np.zeros((len(y), len(LABELS)))
    for test_idx in folds:
        train_mask = np.ones(len(y), dtype=bool)
        train_mask[test_idx] = False
        clf = make_classifier(params)
        clf.fit(X[train_mask], y[train_mask])
        proba[test_idx] = clf.predict_proba(X[test_idx])
    return proba


def _fill_inner_values(
    value: np.ndarray,
    count: np.ndarray,
    is_leaf: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
) -> None:
    """Set every inner node's value to the sample-weighted mean of the leaves below it."""

    def fill(i: int) -> tuple[float, float]:
        if is_leaf[i]:
            return value[i] * count[i], count[i]
        a, ca = fill(left[i])
        b, cb = fill(right[i])
        value[i] = (a + b) / (ca + cb)
        return a + b, ca + cb

    fill(0)


def export(clf, params: dict, bias: np.ndarray) -> dict:
    """Trees as flat arrays. Inner-node values are the sample-weighted mean of their leaves, so
    that the path from root to leaf splits each tree's output into per-feature contributions."""
    trees = []
    max_depth = 0
    for iteration in clf._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            n = len(nodes)
            value = np.array(nodes["value"], dtype=float)
            is_leaf = np.array(nodes["is_leaf"], dtype=bool)
            left = np.array(nodes["left"], dtype=int)
            right = np.array(nodes["right"], dtype=int)
            _fill_inner_values(
                value, np.array(nodes["count"], dtype=float), is_leaf, left, right
            )
            max_depth = max(max_depth, int(np.max(nodes["depth"])))
            trees.append(
                {
                    "class": k,
                    "feature": [
                        int(f) if not leaf else -1
                        for f, leaf in zip(nodes["feature_idx"], is_leaf, strict=True)
                    ],
                    "threshold": [
                        float(t) if not leaf else 0.0
                        for t, leaf in zip(nodes["num_threshold"], is_leaf, strict=True)
                    ],
                    "left": [
                        int(v) if not leaf else -1 for v, leaf in zip(left, is_leaf, strict=True)
                    ],
                    "right": [
                        int(v) if not leaf else -1 for v, leaf in zip(right, is_leaf, strict=True)
                    ],
                    "value": [float(f"{v:.6g}") for v in value[:n]],
                }
            )
    init = np.ravel(clf._baseline_prediction).tolist()
    return {
        "about": "claimcheck learned stance model: boosted trees over hand-defined features "
        "(see docs/stance-model.md). Numbers only; trained by scripts/train_stance.py.",
        "labels": list(LABELS),
        "features": list(FEATURE_NAMES),
        "learning_rate": 1.0,  # leaf values already include the shrinkage
        "init": [float(f"{v:.8g}") for v in init],
        "class_bias": [round(float(b), 4) for b in bias],
        "max_depth": max_depth,
        "params": {k: v for k, v in params.items() if k != "class_weight"},
        "trees": trees,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fnc1", type=Path, default=Path("../shared/eval/fnc1"))
    parser.add_argument(
        "--out", type=Path, default=Path("src/claimcheck/data/stance_model.json")
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="grid-search hyper-parameters by grouped CV",
    )
    parser.add_argument(
        "--product-split",
        action="store_true",
        help="split bodies into sentences as claimcheck's extraction does (slower), not with a regex",
    )
    parser.add_argument(
        "--cache", type=Path, help="cache feature matrices here (.npz) between runs"
    )
    args = parser.parse_args()

    lex = StanceLexicon.load()
    started = time.perf_counter()
    train_pairs, train_bodies = read_split(args.fnc1, "train")
    dev_pairs, dev_bodies = read_split(args.fnc1, "dev")
    if args.cache and args.cache.exists():
        data = np.load(args.cache)
        X, X_dev = data["X"], data["X_dev"]
    else:
        X = featurize(train_pairs, train_bodies, lex, as_product=args.product_split)
        X_dev = featurize(dev_pairs, dev_bodies, lex, as_product=args.product_split)
        if args.cache:
            np.savez(args.cache, X=X, X_dev=X_dev)
    y = np.array([LABELS.index(p["Stance"]) for p in train_pairs])
    print(
        f"features: {X.shape[0]} train, {X_dev.shape[0]} dev pairs, {X.shape[1]} features in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )

    base = {
        "learning_rate": 0.08,
        "max_iter": 150,
        "max_leaf_nodes": 15,
        "max_depth": 5,
        "min_samples_leaf": 30,
        "l2": 1.0,
        "weight_power": 0.5,
    }
    groups = story_groups(train_pairs)
    print(f"{len(set(groups))} stories in train", file=sys.stderr)
    folds = grouped_folds(groups, 5)
    grid = [base]
    if args.search:
        grid = [
            {
                **base,
                "learning_rate": lr,
                "max_iter": it,
                "weight_power": wp,
                "max_leaf_nodes": nl,
            }
            for lr, it, wp, nl in itertools.product(
                (0.05, 0.1), (100, 200), (0.0, 0.5, 1.0), (15, 31)
            )
        ]
    best_score, best_params, best_bias = -1.0, base, np.zeros(len(LABELS))
    for params in grid:
        params = {**params, "class_weight": class_weights(y, params["weight_power"])}
        proba = cross_validate(X, y, folds, params)
        bias = tune_bias(proba, y)
        pred = np.argmax(np.log(np.clip(proba, 1e-9, 1)) + bias, axis=1)
        f1 = f1_by_class([LABELS[k] for k in y], [LABELS[k] for k in pred])
        shown = {k: v for k, v in params.items() if k != "class_weight"}
        print(
            f"cv macro {f1['macro']:.3f} disagree {f1['disagree']:.3f} bias {np.round(bias, 2).tolist()} {shown}",
            file=sys.stderr,
        )
        if f1["macro"] > best_score:
            best_score, best_params, best_bias = f1["macro"], params, bias

    clf = make_classifier(best_params)
    clf.fit(X, y)
    spec = export(clf, best_params, best_bias)
    args.out.write_text(
        json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    size_kb = args.out.stat().st_size / 1024
    print(
        f"wrote {args.out} ({size_kb:.0f} KB); grouped-CV macro F1 on train {best_score:.3f}"
    )

    # the one look at dev, through the shipped JSON (checks the export too)
    model = StanceModel(json.loads(args.out.read_text("utf-8")), lex)
    pred = [LABELS[int(np.argmax(model.probabilities(x)))] for x in X_dev]
    sk = clf.predict_proba(X_dev)
    exported = np.vstack([model.probabilities(x) for x in X_dev[:500]])
    shifted = sk[:500] * np.exp(best_bias)
    shifted /= shifted.sum(axis=1, keepdims=True)
    print(
        f"export check: max |p_json - p_sklearn| = {np.abs(exported - shifted).max():.2e}"
    )
    print(report([p["Stance"] for p in dev_pairs], pred))
    return 0


if __name__ == "__main__":
    sys.exit(main())
