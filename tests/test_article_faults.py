"""A fault of claimcheck's own on one article fails that article alone: a batch or a map goes on, the
failed article is named with the error, and the exit code says an input failed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import claimcheck.pipeline
from claimcheck.cli import cli


@pytest.fixture()
def fault_on_c(monkeypatch):
    """A bug that strikes while labelling the claims of c.txt, as KeyError('') once did on a non-Latin name."""
    label = claimcheck.pipeline.label_claim

    def failing(claim, evidence, **kwargs):
        if claim.source is not None and claim.source.endswith("c.txt"):
            raise KeyError("")
        return label(claim, evidence, **kwargs)

    monkeypatch.setattr(claimcheck.pipeline, "label_claim", failing)
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)


def _failure_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "claimcheck failed while checking" in line]


def test_a_map_goes_on_past_an_article_claimcheck_fails_on(articles_dir, fault_on_c):
    result = CliRunner().invoke(cli, ["map", str(articles_dir), "--format", "json"])

    assert result.exit_code == 3, result.stderr
    [line] = _failure_lines(result.stderr)
    assert line.startswith(f"claimcheck: {articles_dir / 'c.txt'}: claimcheck failed while checking this article's claims")
    assert "(KeyError: '' in test_article_faults.py:" in line and "CLAIMCHECK_DEBUG=1" in line
    document = json.loads(result.stdout)
    members = {member["source"].rsplit("/", 1)[-1] for cluster in document["clusters"] for member in cluster["members"]}
    assert members == {"a.txt", "b.txt", "d.txt"}
    football = [c for c in document["clusters"] if any("Tomas Berg" in m["claim"] for m in c["members"])]
    assert [c["label"] for c in football] == ["corroborated"]
    assert any("c.txt" in failure["input"] for failure in document["failures"])


def test_a_batch_verify_reports_the_other_articles(articles_dir, fault_on_c):
    result = CliRunner().invoke(cli, ["verify", str(articles_dir), "--against", str(articles_dir), "--format", "json"])

    assert result.exit_code == 3, result.stderr
    assert len(_failure_lines(result.stderr)) == 1
    sources = {verdict["source"].rsplit("/", 1)[-1] for verdict in json.loads(result.stdout)["verdicts"]}
    assert sources == {"a.txt", "b.txt", "d.txt"}


def test_claimcheck_debug_lets_the_fault_through_with_its_traceback(articles_dir, fault_on_c, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_DEBUG", "1")

    result = CliRunner().invoke(cli, ["map", str(articles_dir), "--format", "json"])

    assert isinstance(result.exception, KeyError)
