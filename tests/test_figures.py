"""Figures over time in claimcheck map: one quantity's figures across clusters, dated and related."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.clusters import build_clusters
from claimcheck.figures import build_figure_groups
from claimcheck.models import ClaimSlots, Evidence, Qualifier, QuantitySlot, TimeSlot, Verdict
from tests.conftest import SEEDS


def _article(title: str, sentence: str, published: str | None = None) -> str:
    header = f'---\ntitle: "{title}"\npublished: "{published}"\n---\n' if published else ""
    return f"{header}{title}\n\n{sentence}\n\nThe Marlow football club signed the striker Tomas Berg from Lindqvist United.\n"


# 3,000 first; a fortnight later 10,000 and 15,000 on one day; 12,000 undated. (The number rules read
# 10,000 and 12,000 as agreeing: two round numbers, each loose by 10%.)
ARTICLES = {
    "a.txt": _article("Troops head east", "North Korea has sent 3,000 troops to Russia, the Pentagon said.", "2024-10-20"),
    "b.txt": _article("More troops", "North Korea has sent 10,000 troops to Russia, the Pentagon said.", "2024-11-04"),
    "c.txt": _article("Spy agency figure", "North Korea has sent 15,000 troops to Russia, the spy agency said.", "2024-11-04"),
    "d.txt": _article("Undated wire", "North Korea has sent 12,000 troops to Russia, officials said."),
}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["map", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _relations(figure: dict) -> set[tuple[str, int]]:
    return {(r["relation"], r["other"]) for r in figure["relations"]}


def test_map_dates_the_figures_of_one_quantity_and_tells_an_update_from_a_conflict(corpus_dir, tmp_path):
    document = json.loads(_run(str(corpus_dir), "--store", str(tmp_path / "store"), "--format", "json"))
    assert document["schema_version"] == "3"
    (group,) = document["figure_groups"]
    assert group["counted"] == "troop" and len(group["clusters"]) == 3
    figures = group["figures"]
    assert [f["figure"]["text"] for f in figures] == ["3,000", "10,000", "15,000", "12,000"]
    assert [f["date"] for f in figures] == ["2024-10-20", "2024-11-04", "2024-11-04", None]
    assert [Path(f["figure"]["source"]).name for f in figures] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert figures[0]["figure"]["attributed_to"] == "the Pentagon"
    three, ten, fifteen, twelve = figures
    # an older figure a later source gives differently is updated, not contradicted
    assert three["status"] == "superseded"
    assert {("superseded", 1), ("superseded", 2)} <= _relations(three)
    assert ("supersedes", 0) in _relations(ten) and ("supersedes", 0) in _relations(fifteen)
    # two figures of the same day conflict
    assert ten["status"] == fifteen["status"] == "conflict"
    assert ("conflict", 2) in _relations(ten) and ("conflict", 1) in _relations(fifteen)
    # an unknown date never makes an update: the undated 12,000 conflicts with the older 3,000
    assert ("conflict", 0) in _relations(twelve) and ("conflict", 3) in _relations(three)
    assert ("agrees", 1) in _relations(twelve), "number-agreement: 10,000 and 12,000 overlap within their rounding"


def test_map_table_and_html_show_figures_over_time(corpus_dir, tmp_path):
    store = str(tmp_path / "store")
    table = _run(str(corpus_dir), "--store", store)
    assert "Figures over time: North Korea has sent" in table
    section = table[table.index("Relations"):]
    assert section.index("3,000") < section.index("10,000") < section.index("15,000") < section.index("12,000")
    assert "superseded by 2, 3" in section and "undated" in section
    page_path = tmp_path / "map.html"
    _run(str(corpus_dir), "--store", store, "--format", "html", "-o", str(page_path))
    page = page_path.read_text(encoding="utf-8")
    assert "Figures over time: North Korea has sent" in page and "superseded by 2, 3" in page


def test_map_filters_keep_the_figure_groups_of_the_clusters_they_keep(corpus_dir, tmp_path):
    document = json.loads(_run(
        str(corpus_dir), "--store", str(tmp_path / "store"), "--format", "json", "--about", "Tomas Berg",
    ))
    assert document["clusters"] and document["figure_groups"] == []


# ---- the rule on hand-made verdicts -----------------------------------------------------------------


def _verdict(claim_id: str, source: str, figure: str, value: float, counted: str | None,
             evidence: list[Evidence], *, time: str | None = None) -> Verdict:
    quantity = QuantitySlot(text=figure, value=value, low=value, high=value, qualifier=Qualifier.EXACT, counted=counted)
    slots = ClaimSlots(
        sentence=claim_id, quantities=[quantity],
        time=TimeSlot(text="on Monday", relative=True, start=time, end=time) if time else None,
    )
    return Verdict(
        id=claim_id, claim=claim_id, name=claim_id, source=source, span=(0, 10), label="single-sourced",
        supporting_origins=0, contradicting_origins=0, reason="", evidence=evidence, slots=slots,
    )


def _cites(source: str, rule: str, reason: str = "") -> Evidence:
    stance = {"number-agreement": "supports", "number-conflict": "contradicts"}.get(rule, "mentions")
    return Evidence(
        source=source, origin=source, sentence="s", start=0, end=10, stance=stance, rule=rule, reason=reason,
        relevance=1.0,
    )


def _groups(verdicts: list[Verdict], published: dict[str, str]):
    clusters = build_clusters(verdicts, origin_of=lambda source: source, published_of=published.get)
    return build_figure_groups(verdicts, clusters)


def test_an_earlier_figure_without_dates_is_a_conflict_not_superseded():
    verdicts = [
        _verdict("now", "1", "10,000", 10_000, "troop", [_cites("2", "older-figure", "older figure: 3,000")]),
        _verdict("before", "2", "3,000", 3_000, "troop", []),
    ]
    (group,) = _groups(verdicts, {})
    assert [(f.figure.text, f.status) for f in group.figures] == [("10,000", "conflict"), ("3,000", "conflict")]
    (group,) = _groups(verdicts, {"1": "2024-11-04", "2": "2024-10-20"})
    assert [(f.figure.text, f.status) for f in group.figures] == [("3,000", "superseded"), ("10,000", None)]


def test_a_date_stated_in_the_sentence_places_a_figure_before_its_article_date():
    verdicts = [
        _verdict("now", "1", "10,000", 10_000, "troop", [_cites("2", "number-conflict")]),
        _verdict("then", "2", "3,000", 3_000, "troop", [], time="2024-09-30"),
    ]
    (group,) = _groups(verdicts, {"1": "2024-11-04", "2": "2024-11-04"})
    assert [(f.figure.text, f.date, f.status) for f in group.figures] == [
        ("3,000", "2024-09-30", "superseded"), ("10,000", "2024-11-04", None),
    ]


def test_figures_join_only_when_they_count_the_same_thing():
    verdicts = [
        # a number rule compared them: a figure naming no counted noun joins
        _verdict("a", "1", "10,000", 10_000, "troop", [_cites("2", "number-conflict")]),
        _verdict("b", "2", "3,000", 3_000, None, []),
        # another rule related the sentences: they join only when both name the same counted noun
        _verdict("c", "3", "40", 40, "tank", [_cites("4", "hedged"), _cites("5", "model")]),
        _verdict("d", "4", "60", 60, None, []),
        _verdict("e", "5", "70", 70, "tank", []),
        # different counted nouns never join, whatever the rule
        _verdict("f", "6", "5", 5, "ship", [_cites("7", "number-conflict")]),
        _verdict("g", "7", "9", 9, "plane", []),
    ]
    groups = _groups(verdicts, {})
    assert sorted([f.figure.text for f in g.figures] for g in groups) == [["10,000", "3,000"], ["40", "70"]]
    related = next(g for g in groups if g.counted == "tank")
    assert [r.relation for f in related.figures for r in f.relations] == ["related", "related"]
    assert all(f.status is None for f in related.figures)


def test_map_of_the_seed_articles_puts_every_troop_count_in_one_group(tmp_path):
    document = json.loads(_run(str(SEEDS), "--store", str(tmp_path / "store"), "--format", "json"))
    troops = [g for g in document["figure_groups"] if g["counted"] == "troop"]
    assert len(troops) == 1, [g["name"] for g in troops]
    (group,) = troops
    stated = {f["figure"]["text"] for f in group["figures"]}
    assert {"about 10,000", "more than 10,000", "approximately 11,000", "11,000 to 12,000", "3,000", "up to 8,000"} <= stated
    about = next(f for f in group["figures"] if f["figure"]["text"] == "about 10,000")
    assert about["status"] == "agrees" and {r["relation"] for r in about["relations"]} >= {"agrees"}
    assert group["name"] == "Kim Jong Un has sent about 10,000 soldiers"
