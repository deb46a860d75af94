"""Time in verdicts: sources dated, supports published before the event and figures updated later not counted."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.models import Claim, ClaimSlots, Evidence, EvidenceRule, Statement, TimeSlot
from claimcheck.verdict import label_claim

FILLER = "The Marlow football club signed the striker Tomas Berg from Lindqvist United."


def _article(title: str, sentence: str, published: str | None) -> str:
    header = f'---\ntitle: "{title}"\npublished: "{published}"\n---\n' if published else ""
    return f"{header}{title}\n\n{sentence}\n\n{FILLER}\n"


def _corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _verify(article: Path, corpus: Path, store: Path) -> list[dict]:
    result = CliRunner().invoke(
        cli, ["verify", str(article), "--against", str(corpus), "--store", str(store), "--format", "json"],
    )
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    assert document["schema_version"] == "6"
    return document["verdicts"]


def _about(verdicts: list[dict], words: str) -> dict:
    return next(v for v in verdicts if words in v["claim"])


def test_verify_marks_a_figure_raised_later_as_superseded_not_contradicted(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "early.txt": _article("Troops head east", "North Korea has sent 3,000 troops to Russia, the Pentagon said.",
                              "2024-10-20"),
        "later.txt": _article("More troops", "North Korea has sent 8,000 troops to Russia, the Pentagon said.",
                              "2024-11-04"),
    })
    for checked, older_side in (("early.txt", "claim"), ("later.txt", "source")):
        verdict = _about(_verify(corpus / checked, corpus, tmp_path / "store"), "North Korea")
        assert verdict["label"] != "contradicted", older_side
        assert verdict["contradicting_origins"] == 0
        (item,) = verdict["evidence"]
        assert item["stance"] == "contradicts" and item["rule"] == "number-conflict"  # the stance stays visible
        assert item["temporal"] == "superseded"
        assert item["temporal_note"] == "figure superseded: 3,000 (2024-10-20) later raised to 8,000 (2024-11-04)"
        assert "2024-10-20" in verdict["reason"] and "2024-11-04" in verdict["reason"]
        assert "not a contradiction" in verdict["reason"]
    assert verdict["published"] == "2024-11-04" and item["published"] == "2024-10-20"


def test_the_later_report_updates_the_figure_whatever_day_its_sentence_names(tmp_path):
    # Wednesday's article tells Monday's toll: it is newer news than Tuesday's, which it updates
    corpus = _corpus(tmp_path / "corpus", {
        "tuesday.txt": _article("Troops", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", "2024-11-05"),
        "wednesday.txt": _article("Troops", "On Monday, North Korea sent 8,000 troops to Russia, the Pentagon said.",
                                  "2024-11-06"),
    })
    verdict = _about(_verify(corpus / "wednesday.txt", corpus, tmp_path / "store"), "North Korea")

    (item,) = verdict["evidence"]
    assert item["temporal"] == "superseded"
    assert item["temporal_note"] == "figure superseded: 3,000 (2024-11-05) later raised to 8,000 (2024-11-06)"


def test_same_day_figures_still_contradict(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "one.txt": _article("Troops", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", "2024-11-04"),
        "two.txt": _article("Troops", "North Korea has sent 8,000 troops to Russia, the Pentagon said.", "2024-11-04"),
    })
    verdict = _about(_verify(corpus / "one.txt", corpus, tmp_path / "store"), "North Korea")
    assert verdict["label"] == "contradicted"
    assert verdict["evidence"][0]["temporal"] is None


def test_verify_does_not_count_a_support_published_before_the_event(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "early.txt": _article(
            "Bridge", "The Harlow bridge over the Tamsin river reopened to traffic after repairs, the council said.",
            "2024-03-01",
        ),
        "report.txt": _article(
            "Bridge reopens",
            "On March 5, 2024, the Harlow bridge over the Tamsin river reopened to traffic after repairs, the council said.",
            "2024-03-08",
        ),
    })
    verdict = _about(_verify(corpus / "report.txt", corpus, tmp_path / "store"), "Harlow bridge")
    assert verdict["label"] == "single-sourced"
    assert verdict["supporting_origins"] == 0
    (item,) = verdict["evidence"]
    assert item["stance"] == "supports" and item["published"] == "2024-03-01"
    assert item["temporal"] == "before-event"
    assert item["temporal_note"] == "published 2024-03-01, before the event it confirms (2024-03-05)"
    assert "before the event" in verdict["reason"]
    # a claim with no time of its own is confirmed by the same source: the filler sentence
    assert _about(_verify(corpus / "report.txt", corpus, tmp_path / "store"), "Marlow")["label"] == "corroborated"


def test_unknown_dates_change_no_label(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "early.txt": _article("Troops", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", None),
        "later.txt": _article("Troops", "North Korea has sent 8,000 troops to Russia, the Pentagon said.", "2024-11-04"),
        "bridge.txt": _article(
            "Bridge", "The Harlow bridge over the Tamsin river reopened to traffic after repairs, the council said.", None,
        ),
        "report.txt": _article(
            "Bridge reopens",
            "On March 5, 2024, the Harlow bridge over the Tamsin river reopened to traffic after repairs, the council said.",
            "2024-03-08",
        ),
    })
    troops = _about(_verify(corpus / "early.txt", corpus, tmp_path / "store"), "North Korea")
    assert troops["label"] == "contradicted" and troops["published"] is None
    assert troops["evidence"][0]["temporal"] is None and troops["evidence"][0]["published"] == "2024-11-04"
    bridge = _about(_verify(corpus / "report.txt", corpus, tmp_path / "store"), "Harlow bridge")
    assert bridge["label"] == "corroborated"
    assert all(item["temporal"] is None and item["published"] is None for item in bridge["evidence"])


def test_text_formats_show_the_source_dates_and_the_time_note(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "early.txt": _article("Troops", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", "2024-10-20"),
        "later.txt": _article("Troops", "North Korea has sent 8,000 troops to Russia, the Pentagon said.", "2024-11-04"),
    })
    note = "figure superseded: 3,000 (2024-10-20) later raised to 8,000 (2024-11-04)"
    for output_format, shown in (("table", note), ("csv", note), ("markdown", "later raised to 8,000"),
                                 ("html", note)):
        result = CliRunner().invoke(cli, [
            "verify", str(corpus / "early.txt"), "--against", str(corpus), "--store", str(tmp_path / "store"),
            "--format", output_format, *(["--evidence"] if output_format == "table" else []),
        ])
        assert result.exit_code in (0, 1), result.stderr
        text = " ".join(re.sub(r"<[^>]+>", "", result.stdout).split())  # HTML read as its text
        assert "published 2024-11-04" in text, output_format
        assert shown in text, output_format


def _claim(text: str, *, typed: bool = False) -> Claim:
    statement = Statement(id="s1", source="" if typed else "report.txt", text=text, start=0, end=len(text),
                          terms=["bridge", "reopen"], core_terms=["bridge", "reopen"])
    return Claim(id="c1", text=text, name=text, source=None if typed else "report.txt", statement=statement,
                 typed=typed)


def _support(source: str) -> Evidence:
    return Evidence(source=source, origin=source, sentence="The bridge will reopen on May 5.", start=0, end=30,
                    stance="supports", rule=EvidenceRule.RESTATEMENT, reason="same statement", relevance=0.9)


def test_an_earlier_source_confirms_a_plan_and_a_typed_claim_keeps_its_supports():
    may = ClaimSlots(sentence="The bridge will reopen on May 5.",
                     time=TimeSlot(text="on May 5", relative=True, start="2024-05-05", end="2024-05-05"))
    evidence = [_support("a.txt"), _support("b.txt")]
    published = {"a.txt": "2024-04-01", "b.txt": "2024-04-02"}.get
    plan = label_claim(_claim("The bridge will reopen on May 5."), evidence, own_origin="report.txt", slots=may,
                       published="2024-04-20", published_of=published)
    assert plan.label == "corroborated" and all(item.temporal is None for item in plan.evidence)
    typed = label_claim(_claim("The bridge will reopen on May 5.", typed=True), evidence, slots=may,
                        published_of=published)
    assert typed.label == "corroborated" and typed.published is None
    assert [item.published for item in typed.evidence] == ["2024-04-01", "2024-04-02"]


def test_map_counts_a_superseded_figure_as_an_update_not_a_conflict(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {
        "early.txt": _article("Troops", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", "2024-10-20"),
        "later.txt": _article("Troops", "North Korea has sent 8,000 troops to Russia, the Pentagon said.", "2024-11-04"),
    })
    result = CliRunner().invoke(cli, ["map", str(corpus), "--store", str(tmp_path / "store"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    troops = [c for c in document["clusters"] if "North Korea" in c["name"]]
    assert len(troops) == 2
    assert all(c["label"] != "contradicted" and not c["contradicting_sources"] and not c["conflicts_with"] for c in troops)
    (group,) = document["figure_groups"]
    assert [f["status"] for f in group["figures"]] == ["superseded", None]
