"""claimcheck map as a user runs it: claims of several sources grouped into clusters, conflicts first, filters."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.clusters import build_clusters
from claimcheck.models import Evidence, Verdict

ARTICLES = {
    "a.txt": "Valdia approves bridge money\n\n"
    "The Valdia city council approved a budget of $40 million for the new harbour bridge on Monday.\n\n"
    "The Marlow football club signed the striker Tomas Berg from Lindqvist United.\n",
    "b.txt": "Council backs the harbour plan\n\n"
    "Construction crews expect to start work in the spring, officials said.\n\n"
    "The Valdia city council approved a budget of $40 million for the new harbour bridge.\n",
    "c.txt": "A smaller bridge budget\n\n"
    "The Valdia city council approved a budget of $25 million for the new harbour bridge.\n\n"
    "Residents of the old town had asked for a wider pedestrian lane.\n",
    "d.txt": "Transfer news\n\n"
    "The Marlow football club signed the striker Tomas Berg from Lindqvist United.\n\n"
    "Heavy rain flooded the Marlow railway station on Sunday, closing three platforms.\n",
}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("map") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _map(corpus_dir, *flags: str) -> tuple[dict, str]:
    result = CliRunner().invoke(cli, ["map", str(corpus_dir), "--format", "json", *flags])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def _names(sources: list[str]) -> list[str]:
    return [source.rsplit("/", 1)[-1] for source in sources]


def _cluster_with(document: dict, words: str) -> dict:
    found = [c for c in document["clusters"] if any(words in m["claim"] for m in c["members"])]
    assert len(found) == 1, [c["name"] for c in document["clusters"]]
    return found[0]


def test_map_groups_one_claim_made_by_two_sources_and_lists_who_contradicts_it(corpus_dir):
    document, stderr = _map(corpus_dir)
    assert document["schema_version"] == "3"
    assert "4 articles" in stderr
    forty = _cluster_with(document, "$40 million")
    assert _names(forty["sources"]) == ["a.txt", "b.txt"]
    assert len(forty["members"]) == 2 and len(forty["origins"]) == 2
    assert forty["label"] == "contradicted"
    assert _names(forty["contradicting_sources"]) == ["c.txt"]
    assert "$40 million" in forty["name"]
    assert [f["text"] for f in forty["figures"]] == ["$40 million", "$40 million"]
    twenty_five = _cluster_with(document, "$25 million")
    assert forty["conflicts_with"] == [twenty_five["id"]] and twenty_five["conflicts_with"] == [forty["id"]]
    football = _cluster_with(document, "Tomas Berg")
    assert football["label"] == "corroborated" and _names(football["sources"]) == ["a.txt", "d.txt"]



def test_a_reprint_joins_the_cluster_of_what_it_copies_as_one_origin(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "d.txt").write_text(ARTICLES["d.txt"], encoding="utf-8")
    (folder / "d-reprint.txt").write_text(ARTICLES["d.txt"], encoding="utf-8")
    document, _ = _map(folder)
    flood = _cluster_with(document, "Heavy rain flooded")
    assert _names(flood["sources"]) == ["d-reprint.txt", "d.txt"]
    assert len(flood["members"]) == 2 and len(flood["origins"]) == 1
    assert flood["label"] == "single-sourced"

def test_map_puts_conflicts_first_then_the_most_sources_then_single_sourced(corpus_dir):
    document, _ = _map(corpus_dir)
    labels = [c["label"] for c in document["clusters"]]
    assert labels[:2] == ["contradicted", "contradicted"]
    assert "$40 million" in document["clusters"][0]["name"], "the conflict two sources assert comes first"
    assert labels[2] == "corroborated"
    assert set(labels[3:]) == {"single-sourced"} and len(labels) > 3


def test_map_filters_by_label_sources_and_topic(corpus_dir):
    contradicted, stderr = _map(corpus_dir, "--label", "contradicted")
    assert {c["label"] for c in contradicted["clusters"]} == {"contradicted"}
    assert len(contradicted["clusters"]) == 2 and "left out by the filters" in stderr
    several, _ = _map(corpus_dir, "--min-sources", "2")
    assert all(len(c["origins"]) >= 2 for c in several["clusters"])
    assert {c["label"] for c in several["clusters"]} == {"contradicted", "corroborated"}
    bridge, _ = _map(corpus_dir, "--about", "harbour bridge")
    assert len(bridge["clusters"]) == 2
    assert all("harbour bridge" in c["members"][0]["claim"] for c in bridge["clusters"])


def test_map_table_names_the_clusters_and_their_figures(corpus_dir):
    result = CliRunner().invoke(cli, ["map", str(corpus_dir)])
    assert result.exit_code == 0, result.stderr
    assert "The Valdia city council approved a budget of" in result.stdout
    assert "Tomas Berg" in result.stdout
    assert "$25 million  (c.txt) contradicts" in result.stdout
    assert "clusters: 1 corroborated, 2 contradicted, 2 single-sourced" in result.stdout


def test_map_html_escapes_article_text(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "e.txt").write_text(
        "Evil page\n\nThe Valdia mayor <script>window.__pwned=1</script> opened the Marlow ferry terminal on Friday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["map", str(folder), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "&lt;script&gt;" in page
    assert "Tomas Berg" in page


def _verdict(claim_id: str, source: str, span: tuple[int, int], evidence: list[Evidence]) -> Verdict:
    return Verdict(
        id=claim_id, claim=claim_id, name=claim_id, source=source, span=span, label="single-sourced",
        supporting_origins=0, contradicting_origins=0, reason="", evidence=evidence,
    )


def _support(source: str, span: tuple[int, int]) -> Evidence:
    return Evidence(
        source=source, origin=source, sentence="s", start=span[0], end=span[1], stance="supports",
        rule="restatement", reason="same statement", relevance=1.0,
    )


def test_clusters_merge_through_chains_of_support_and_cite_the_clause_a_sentence_covers_most():
    # x supports y's sentence, y supports z's: one cluster of three, though x never cites z.
    # w's sentence is split into two clauses; a support citing the sentence points at the longer one.
    verdicts = [
        _verdict("x", "1", (0, 10), [_support("2", (0, 12))]),
        _verdict("y", "2", (0, 12), [_support("3", (5, 20))]),
        _verdict("z", "3", (5, 20), []),
        _verdict("w1", "4", (0, 5), []),
        _verdict("w2", "4", (6, 30), []),
        _verdict("v", "5", (0, 9), [_support("4", (0, 30))]),
    ]
    clusters = build_clusters(verdicts, origin_of=lambda source: source)
    groups = sorted(sorted(m.id for m in c.members) for c in clusters)
    assert groups == [["v", "w2"], ["w1"], ["x", "y", "z"]]


def test_map_json_validates_against_the_published_schema(corpus_dir):
    root = Path(__file__).resolve().parent.parent
    published = (root / "docs" / "schema" / "map.schema.json").read_text(encoding="utf-8")
    script = runpy.run_path(str(root / "scripts" / "gen_schema.py"))
    assert published == script["render_schema"](script["ClaimMap"]), "run: python scripts/gen_schema.py"
    document, _ = _map(corpus_dir)
    jsonschema.Draft202012Validator(json.loads(published)).validate(document)


def _fresh_corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_map_run_again_reuses_the_verdicts_it_kept_and_says_so(tmp_path):
    folder = _fresh_corpus(tmp_path)
    first = CliRunner().invoke(cli, ["map", str(folder), "--format", "json"])
    assert first.exit_code == 0, first.stderr
    assert "reused" not in first.stderr
    again = CliRunner().invoke(cli, ["map", str(folder), "--format", "json", "--label", "contradicted"])
    assert again.exit_code == 0, again.stderr
    assert "the verdicts of 4 of 4 articles were reused from the store" in again.stderr
    document = json.loads(again.stdout)
    assert [c["label"] for c in document["clusters"]] == ["contradicted", "contradicted"]
    rechecked = CliRunner().invoke(cli, ["map", str(folder), "--format", "json", "--recheck"])
    assert "reused" not in rechecked.stderr
    assert rechecked.stdout == first.stdout


def test_a_map_checks_every_article_again_once_one_article_changed(tmp_path):
    folder = _fresh_corpus(tmp_path)
    before, _ = _map(folder)
    assert _cluster_with(before, "$40 million")["label"] == "contradicted"
    (folder / "c.txt").write_text(ARTICLES["c.txt"].replace("$25 million", "$40 million"), encoding="utf-8")
    after, stderr = _map(folder)
    assert "reused" not in stderr
    forty = _cluster_with(after, "$40 million")
    assert forty["label"] == "corroborated"
    assert _names(forty["sources"]) == ["a.txt", "b.txt", "c.txt"]


def test_an_interrupted_map_resumes_with_the_articles_it_had_checked(tmp_path, monkeypatch):
    import claimcheck.pipeline as pipeline

    folder = _fresh_corpus(tmp_path)
    whole, _ = _map(folder, "--store", str(tmp_path / "whole-store"))
    real = pipeline.report_on_article
    calls: list[str] = []

    def interrupted_on_the_third(outcome, *args, **kwargs):
        calls.append(outcome.source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(outcome, *args, **kwargs)

    monkeypatch.setattr(pipeline, "report_on_article", interrupted_on_the_third)
    stopped = CliRunner().invoke(cli, ["map", str(folder), "--format", "json"])
    assert stopped.exit_code == 130
    monkeypatch.setattr(pipeline, "report_on_article", real)
    resumed, stderr = _map(folder)
    assert "the verdicts of 2 of 4 articles were reused from the store" in stderr
    assert resumed == whole
