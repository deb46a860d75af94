"""CI rules: --fail-on labels and the baseline of known findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sample_reports import sample_report

from claimcheck.ci import (
    apply_baseline,
    failing_verdicts,
    finding_key,
    load_baseline,
    parse_labels,
    write_baseline,
)
from claimcheck.errors import ConfigError
from claimcheck.models import Report


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return sample_report(tmp_path / "articles")


def test_fail_on_contradicted_selects_only_contradicted_claims(report: Report) -> None:
    assert [v.id for v in failing_verdicts(report, ["contradicted"])] == ["c-troops"]


def test_fail_on_takes_a_comma_list_or_several_values(report: Report) -> None:
    assert [v.id for v in failing_verdicts(report, ["contradicted,unmatched"])] == ["c-troops", "c-missile"]
    assert [v.id for v in failing_verdicts(report, ["single-sourced", "unmatched"])] == ["c-bridge", "c-missile"]
    assert failing_verdicts(report, []) == []


def test_fail_on_rejects_an_unknown_label_and_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown label 'contradictd'.*contradicted, single-sourced, unmatched"):
        parse_labels(["contradictd"])
    assert parse_labels([" Contradicted , single_sourced"]) == ("contradicted", "single-sourced")


def test_finding_key_ignores_position_case_and_spacing_but_not_label_or_article(report: Report) -> None:
    troops = report.verdicts[0]
    moved = troops.model_copy(update={"span": (500, 570), "claim": "  " + troops.claim.upper().replace(" ", "  ")})
    assert finding_key(moved) == finding_key(troops)
    assert finding_key(troops.model_copy(update={"label": "single-sourced"})) != finding_key(troops)
    assert finding_key(troops.model_copy(update={"source": "other.txt"})) != finding_key(troops)
    assert finding_key(troops.model_copy(update={"claim": troops.claim.replace("10,000", "12,000")})) != finding_key(troops)


def test_baseline_suppresses_a_known_finding_and_says_how_many(report: Report, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    written = write_baseline(report, baseline)
    assert written == 3  # the three findings; the corroborated claim is not a finding

    result = apply_baseline(report, load_baseline(baseline))
    assert [v.id for v in result.suppressed] == ["c-troops", "c-bridge", "c-missile"]
    assert [v.label for v in result.report.verdicts] == ["corroborated"]
    assert failing_verdicts(result.report, ["contradicted"]) == []


def test_a_new_finding_is_not_hidden_by_the_baseline(report: Report, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    old = report.model_copy(update={"verdicts": report.verdicts[1:]})
    write_baseline(old, baseline)
    result = apply_baseline(report, load_baseline(baseline))
    assert [v.id for v in failing_verdicts(result.report, ["contradicted"])] == ["c-troops"]
    assert len(result.suppressed) == 2


def test_a_finding_that_changes_label_comes_back(report: Report, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    single = report.model_copy(
        update={"verdicts": [report.verdicts[0].model_copy(update={"label": "single-sourced"})]}
    )
    write_baseline(single, baseline)
    result = apply_baseline(report, load_baseline(baseline))
    assert [v.id for v in failing_verdicts(result.report, ["contradicted"])] == ["c-troops"]


def test_baseline_file_is_readable_sorted_and_stable(report: Report, tmp_path: Path) -> None:
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    write_baseline(report, first)
    reversed_report = report.model_copy(update={"verdicts": list(reversed(report.verdicts))})
    write_baseline(reversed_report, second)
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["claimcheck_baseline"] == 1
    keys = [entry["key"] for entry in data["findings"]]
    assert keys == sorted(keys)
    troops = next(entry for entry in data["findings"] if entry["label"] == "contradicted")
    assert troops["claim"].startswith("North Korea has sent about 10,000 troops")
    assert list(tmp_path.glob("*.tmp")) == []


def test_missing_baseline_names_the_file_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"known\.json: no such baseline file; create it with --write-baseline"):
        load_baseline(tmp_path / "known.json")


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"findings": []}', '{"claimcheck_baseline": 7, "findings": []}'])
def test_a_file_that_is_not_a_baseline_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"baseline\.json: .*--write-baseline"):
        load_baseline(path)
