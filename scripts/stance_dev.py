#!/usr/bin/env python3
"""Score the learned stance model on FNC-1's claim-disjoint dev split, without the CLI.

    .venv/bin/python scripts/stance_dev.py [--fnc1 ../shared/eval/fnc1] [--model PATH] [--min-macro-f1 0.63]

Prints the confusion table, per-class F1 and macro F1 exactly as ../shared/eval/check_stance.py
computes them, and the time spent on feature extraction + inference. Exits 1 when macro F1 falls
below --min-macro-f1 (a pinned floor), 0 otherwise.

Bodies are split into sentences with a simple regex here (the pipeline passes spaCy sentences);
the features are built to be robust to either.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

LABELS = ("agree", "disagree", "discuss", "unrelated")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*\n+\s*")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_split(fnc1: Path, split: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(pairs, bodies by id) for "train" (claimsplit_train + train_bodies) or "dev"."""
    if split == "train":
        pairs = read_csv(fnc1 / "claimsplit_train_stances.csv")
        wanted = {p["Body ID"] for p in pairs}
        bodies = {
            r["Body ID"]: r["articleBody"]
            for r in read_csv(fnc1 / "train_bodies.csv")
            if r["Body ID"] in wanted
        }
    elif split == "dev":
        pairs = read_csv(fnc1 / "claimsplit_dev_stances.csv")
        bodies = {
            r["Body ID"]: r["articleBody"]
            for r in read_csv(fnc1 / "claimsplit_dev_bodies.csv")
        }
    else:
        raise ValueError(split)
    return pairs, bodies


def f1_by_class(gold: list[str], pred: list[str]) -> dict[str, float]:
    out = {}
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        out[label] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    out["macro"] = sum(out[label] for label in LABELS) / len(LABELS)
    return out


def report(gold: list[str], pred: list[str]) -> str:
    f1 = f1_by_class(gold, pred)
    confusion = Counter(zip(gold, pred, strict=True))
    lines = [
        "confusion (gold -> predicted):",
        "  " + " " * 10 + "".join(f"{p[:8]:>10}" for p in LABELS),
    ]
    for g in LABELS:
        lines.append(f"  {g:<10}" + "".join(f"{confusion[(g, p)]:>10}" for p in LABELS))
    lines.append(
        "per-class F1: " + " ".join(f"{label}={f1[label]:.3f}" for label in LABELS)
    )
    lines.append(f"macro F1 {f1['macro']:.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fnc1", type=Path, default=Path("../shared/eval/fnc1"))
    parser.add_argument(
        "--model", type=Path, help="model JSON (default: the packaged one)"
    )
    parser.add_argument("--min-macro-f1", type=float, default=0.0)
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        help="print this many predictions with their reasons",
    )
    parser.add_argument(
        "--spacy",
        action="store_true",
        help="split bodies with the spaCy pipeline, as the product does (slower)",
    )
    args = parser.parse_args()

    from claimcheck.match.learned import StanceModel

    model = StanceModel.load(args.model)
    pairs, bodies = read_split(args.fnc1, "dev")
    if args.spacy:
        from claimcheck.extract.nlp import load_pipeline

        nlp = load_pipeline()
        spacy_started = time.perf_counter()
        sentences = {
            bid: [s.text for s in doc.sents]
            for bid, doc in zip(bodies, nlp.pipe(bodies.values()), strict=True)
        }
        print(
            f"spaCy sentence split: {time.perf_counter() - spacy_started:.1f}s (not counted below)"
        )
    started = time.perf_counter()
    if not args.spacy:
        sentences = {bid: split_sentences(text) for bid, text in bodies.items()}
    predictions = [model.predict(p["Headline"], sentences[p["Body ID"]]) for p in pairs]
    elapsed = time.perf_counter() - started
    gold = [p["Stance"] for p in pairs]
    pred = [pr.label for pr in predictions]
    for p, pr in list(zip(pairs, predictions, strict=True))[: args.show]:
        print(
            f"{p['Stance']:>9} -> {pr.label:<9} {p['Headline'][:70]!r}: {'; '.join(pr.reasons)}"
        )
    print(report(gold, pred))
    macro = f1_by_class(gold, pred)["macro"]
    print(
        f"dev: {len(pairs)} pairs, {len(bodies)} bodies; split + features + inference {elapsed:.1f}s; macro F1 {macro:.3f}"
    )
    return 0 if macro >= args.min_macro_f1 else 1


if __name__ == "__main__":
    sys.exit(main())
