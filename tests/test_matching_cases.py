"""Golden matching cases (tests/cases/matching.json): typed claims against small corpora.

Cases claimcheck still gets wrong carry `known_failure` and run as strict xfails: when a change
fixes one, the run fails until the case is promoted to a plain expectation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

CASES = json.loads((Path(__file__).parent / "cases" / "matching.json").read_text(encoding="utf-8"))["cases"]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case["known_failure"])] if "known_failure" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_typed_claim_gets_the_analysts_label_with_its_evidence(case, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in case["corpus"].items():
        (corpus / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", case["claim"], "--against", str(corpus), "--store", str(tmp_path / "store"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    (verdict,) = json.loads(result.stdout)["verdicts"]
    assert verdict["label"] == case["label"], verdict
    for stance in ("supports", "contradicts"):
        named = {Path(e["source"]).name for e in verdict["evidence"] if e["stance"] == stance}
        assert set(case.get(stance, [])) <= named, (stance, verdict["evidence"])
    decided_by = {Path(e["source"]).name: e["rule"] for e in verdict["evidence"]}
    assert decided_by == case.get("rules", decided_by), verdict["evidence"]
    if "attributed_to" in case:
        assert verdict["slots"]["attributed_to"] == case["attributed_to"], verdict["slots"]
    relayed_from = {Path(e["source"]).name: e["attributed_to"] for e in verdict["evidence"]}
    assert relayed_from == {**relayed_from, **case.get("evidence_attributed_to", {})}, verdict["evidence"]
    confirmed_by = {Path(e["source"]).name: e["confirmed_by"] for e in verdict["evidence"]}
    assert confirmed_by == {**confirmed_by, **case.get("evidence_confirmed_by", {})}, verdict["evidence"]
