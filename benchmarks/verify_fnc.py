"""Score `claimcheck verify` on verify-fnc, a sentence-labelled set (issue 12), or another set like it.

The labels live in benchmarks/verify-fnc/ (or the folder given with --set, such as
benchmarks/verify-fnc2/) as body ids, character offsets, labels and reasons only: FNC-1 text must
not enter the repository. This script rebuilds the set from the FNC-1 training bodies
(../shared/eval/fnc1/train_bodies.csv by default) into a temporary folder (or --out DIR):

    DIR/corpus/ID.txt        the articleBody of body ID, byte for byte (UTF-8, no newline added)
    DIR/gold.jsonl           {"source", "start", "end", "sentence", "gold", "supports", "contradicts", "why"}
    DIR/not_claims.jsonl     {"source", "start", "end", "sentence", "kind"}

checks that the offsets are well-formed (in range, non-empty, no surrounding whitespace, no
overlaps, every non-blank character of every body covered by exactly one line), then runs
../shared/eval/check_verify.py on it and prints its output:

    python benchmarks/verify_fnc.py --cmd .venv/bin/claimcheck [--set DIR] [--show-errors] [--out DIR]

Offsets are into `open(path, encoding="utf-8").read()` of the written file. `--check-only` stops
after the well-formedness check. Exit code: check_verify's, or 2 when the set cannot be built.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "verify-fnc"
EVAL = REPO.parent / "shared" / "eval"
DEFAULT_BODIES = EVAL / "fnc1" / "train_bodies.csv"
CHECK_VERIFY = EVAL / "check_verify.py"
GOLD_LABELS = ("corroborated", "contradicted", "single-sourced")


class BuildError(Exception):
    pass


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_labels(folder: Path = LABELS) -> tuple[list[dict], list[dict]]:
    """The stored gold and not-claim rows (body ids, offsets, labels; no text)."""
    return read_rows(folder / "gold.jsonl"), read_rows(folder / "not_claims.jsonl")


def read_bodies(path: Path, ids: set[int]) -> dict[int, str]:
    """articleBody of each wanted body id, as the CSV holds it."""
    csv.field_size_limit(1 << 27)
    found: dict[int, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            body_id = int(row["Body ID"])
            if body_id in ids:
                found[body_id] = row["articleBody"]
    missing = sorted(ids - found.keys())
    if missing:
        raise BuildError(f"body ids not in {path}: {missing}")
    return found


def check_spans(gold: list[dict], not_claims: list[dict], texts: dict[int, str]) -> list[str]:
    """Problems with the offsets: empty, out of range, padded, overlapping, or leaving text uncovered."""
    problems: list[str] = []
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for row in gold + not_claims:
        body, start, end = row["body_id"], row["start"], row["end"]
        if body not in texts:
            problems.append(f"{body}: not a chosen body")
            continue
        text = texts[body]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{body}:{start}-{end}: empty or out of range (length {len(text)})")
            continue
        piece = text[start:end]
        if piece != piece.strip():
            problems.append(f"{body}:{start}-{end}: starts or ends with whitespace")
        spans[body].append((start, end))
    for row in gold:
        if row.get("gold") not in GOLD_LABELS:
            problems.append(f"{row['body_id']}:{row['start']}: gold label {row.get('gold')!r}")
        own = f"{row['body_id']}.txt"
        named = list(row.get("supports", [])) + list(row.get("contradicts", []))
        if own in named or set(row.get("supports", [])) & set(row.get("contradicts", [])):
            problems.append(f"{row['body_id']}:{row['start']}: a file is listed twice or cites itself")
        for name in named:
            if int(name.removesuffix(".txt")) not in texts:
                problems.append(f"{row['body_id']}:{row['start']}: {name} is not in the set")
        if row.get("gold") == "single-sourced" and named:
            problems.append(f"{row['body_id']}:{row['start']}: single-sourced but names files")
        if row.get("gold") == "corroborated" and (row.get("contradicts") or not row.get("supports")):
            problems.append(f"{row['body_id']}:{row['start']}: corroborated needs supports and no contradicts")
        if row.get("gold") == "contradicted" and not row.get("contradicts"):
            problems.append(f"{row['body_id']}:{row['start']}: contradicted without contradicting files")
    for row in not_claims:
        if not str(row.get("kind", "")).strip():
            problems.append(f"{row['body_id']}:{row['start']}: not-claim without kind")
    for body, text in texts.items():
        covered = [0] * len(text)
        for start, end in sorted(spans.get(body, [])):
            for i in range(start, end):
                covered[i] += 1
        overlaps = [i for i, n in enumerate(covered) if n > 1]
        if overlaps:
            problems.append(f"{body}: overlapping lines at offset {overlaps[0]}")
        gaps = [i for i, n in enumerate(covered) if n == 0 and not text[i].isspace()]
        if gaps:
            problems.append(f"{body}: text at offset {gaps[0]} is in no line")
    return problems


def build(out: Path, bodies_csv: Path, labels: Path = LABELS) -> tuple[Path, Path, Path]:
    """Write the corpus and the full gold / not-claims files of the set in labels into out; return their paths."""
    gold, not_claims = load_labels(labels)
    ids = {row["body_id"] for row in gold + not_claims}
    bodies = read_bodies(bodies_csv, ids)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    texts: dict[int, str] = {}
    for body_id, body in sorted(bodies.items()):
        path = corpus / f"{body_id}.txt"
        path.write_bytes(body.encode("utf-8"))
        texts[body_id] = path.read_text(encoding="utf-8")  # offsets are into this, as the scorer reads it
    problems = check_spans(gold, not_claims, texts)
    if problems:
        raise BuildError("labels are not well-formed:\n  " + "\n  ".join(problems))

    def full(row: dict) -> dict:
        body = row["body_id"]
        filled = {"source": f"{body}.txt", "start": row["start"], "end": row["end"],
                  "sentence": texts[body][row["start"]:row["end"]]}
        filled.update({k: v for k, v in row.items() if k not in ("body_id", "start", "end")})
        return filled

    gold_path, not_path = out / "gold.jsonl", out / "not_claims.jsonl"
    for path, rows in ((gold_path, gold), (not_path, not_claims)):
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(full(row), ensure_ascii=False) + "\n")
    return corpus, gold_path, not_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=Path, default=DEFAULT_BODIES, help="FNC-1 train_bodies.csv")
    parser.add_argument("--set", dest="labels", type=Path, default=LABELS,
                        help="folder holding the set's gold.jsonl and not_claims.jsonl (default benchmarks/verify-fnc)")
    parser.add_argument("--out", type=Path, help="folder for the built set (default: a temporary one)")
    parser.add_argument("--cmd", default="claimcheck", help="how to call claimcheck (passed to check_verify.py)")
    parser.add_argument("--show-errors", action="store_true", help="passed to check_verify.py")
    parser.add_argument("--check-only", action="store_true", help="build and check the set, do not score")
    parser.add_argument("--min-accuracy", type=float, help="passed to check_verify.py: exit 1 below this label accuracy")
    args = parser.parse_args(argv)
    if not args.labels.is_dir() and (REPO / args.labels).is_dir():  # a path given from the repository root
        args.labels = REPO / args.labels

    with tempfile.TemporaryDirectory(prefix="verify-fnc-") as tmp:
        out = args.out or Path(tmp)
        try:
            corpus, gold_path, not_path = build(out, args.bodies, args.labels)
        except (BuildError, OSError, ValueError, KeyError) as exc:
            print(f"verify_fnc: {exc}", file=sys.stderr)
            return 2
        gold, not_claims = load_labels(args.labels)
        print(f"{args.labels.name}: {len({r['body_id'] for r in gold + not_claims})} articles, {len(gold)} gold "
              f"sentences, {len(not_claims)} not-claims, written to {out}", flush=True)
        if args.check_only:
            return 0
        command = [sys.executable, str(CHECK_VERIFY), "--gold", str(gold_path), "--corpus", str(corpus),
                   "--not-claims", str(not_path), "--cmd", args.cmd]
        if args.show_errors:
            command.append("--show-errors")
        if args.min_accuracy is not None:
            command += ["--min-accuracy", str(args.min_accuracy)]
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
