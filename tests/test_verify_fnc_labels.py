"""The stored verify-fnc sets (benchmarks/verify-fnc/, benchmarks/verify-fnc2/) are well-formed against the
FNC-1 training bodies.

Each set keeps only body ids, offsets, labels and reasons; the text is read from
../shared/eval/fnc1/ when it is there, and the tests needing it are skipped otherwise.
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "benchmarks" / "verify-fnc", ROOT / "benchmarks" / "verify-fnc2", ROOT / "benchmarks" / "verify-fnc3", ROOT / "benchmarks" / "verify-fnc4",
        ROOT / "benchmarks" / "verify-fnc5", ROOT / "benchmarks" / "verify-fnc6"]
FNC1 = ROOT.parent / "shared" / "eval" / "fnc1"
VERIFY_DEV_IDS = {104, 1042, 1184, 1492, 1563, 1781, 1858, 1978, 2407, 2489, 258, 295, 607, 734}

needs_fnc1 = pytest.mark.skipif(
    not (FNC1 / "train_bodies.csv").is_file(), reason="../shared/eval/fnc1 is absent (FNC-1 data is not shipped)"
)
each_set = pytest.mark.parametrize("labels", SETS, ids=[folder.name for folder in SETS])


def _rows(labels: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (labels / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _set_ids(labels: Path) -> set[int]:
    return {row["body_id"] for row in _rows(labels, "gold.jsonl") + _rows(labels, "not_claims.jsonl")}


def _ids(path: Path) -> set[int]:
    csv.field_size_limit(1 << 27)
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["Body ID"]) for row in csv.DictReader(handle)}


def _script():
    spec = importlib.util.spec_from_file_location("verify_fnc", ROOT / "benchmarks" / "verify_fnc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@each_set
def test_rows_carry_no_text(labels):
    for row in _rows(labels, "gold.jsonl"):
        assert set(row) == {"body_id", "start", "end", "gold", "supports", "contradicts", "why"}
    for row in _rows(labels, "not_claims.jsonl"):
        assert set(row) == {"body_id", "start", "end", "kind"}


def test_sets_share_no_body():
    ids = [_set_ids(labels) for labels in SETS]
    for i, j in itertools.combinations(range(len(SETS)), 2):
        assert not ids[i] & ids[j], f"{SETS[i].name} and {SETS[j].name} share bodies"


@needs_fnc1
@each_set
def test_bodies_are_training_bodies_outside_dev_and_verify_dev(labels):
    ids = _set_ids(labels)
    assert ids <= _ids(FNC1 / "train_bodies.csv")
    assert not ids & _ids(FNC1 / "claimsplit_dev_bodies.csv")
    assert not ids & VERIFY_DEV_IDS
    with (FNC1 / "claimsplit_train_stances.csv").open(encoding="utf-8", newline="") as handle:
        train = {int(row["Body ID"]) for row in csv.DictReader(handle)}
    assert ids <= train


@needs_fnc1
@each_set
def test_offsets_in_range_without_overlaps_and_covering_every_sentence(labels, tmp_path):
    verify_fnc = _script()
    gold, not_claims = verify_fnc.load_labels(labels)
    ids = {row["body_id"] for row in gold + not_claims}
    bodies = verify_fnc.read_bodies(FNC1 / "train_bodies.csv", ids)
    texts = {}
    for body_id, body in bodies.items():  # read back as the scorer does
        path = tmp_path / f"{body_id}.txt"
        path.write_bytes(body.encode("utf-8"))
        texts[body_id] = path.read_text(encoding="utf-8")
    assert verify_fnc.check_spans(gold, not_claims, texts) == []
