"""A claim's slots (Verdict.slots): golden cases in tests/cases/slots.json, and the JSON of the seed
articles against the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.extract import typed_claim
from claimcheck.extract.dates import resolve_time
from claimcheck.extract.slots import claim_slots
from claimcheck.models import ClaimSlots

CASES = json.loads((Path(__file__).parent / "cases" / "slots.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def _slots(sentence: str, nlp, published: str | None = None) -> tuple[ClaimSlots, list[str], list[str]]:
    claim = typed_claim(sentence, nlp=nlp)
    (slots,) = claim_slots([claim], nlp=nlp, published=published)
    said_by = claim.statement.attribution_terms
    return slots, said_by, [term for term in claim.statement.terms if term not in said_by]


@pytest.mark.parametrize("case", CASES["attribution"], ids=lambda case: case["sentence"][:40])
def test_attribution_is_kept_apart_from_what_is_matched(case, nlp) -> None:
    slots, said_by, matched = _slots(case["sentence"], nlp)
    who = slots.attributed_to.model_dump() if slots.attributed_to else None
    assert who == case["attributed_to"]
    assert slots.hedge == case["hedge"]
    assert set(case["not_matched"]) <= set(said_by), said_by
    assert not set(case["not_matched"]) & set(matched), matched
    assert set(case["matched"]) <= set(matched), matched
    assert not set(case["matched"]) & set(said_by), said_by


@pytest.mark.parametrize("case", CASES["dates"], ids=lambda case: f"{case['text']}@{case['published']}")
def test_relative_dates_resolve_against_the_article_date(case) -> None:
    time = resolve_time(case["text"], case["published"])
    assert (time.text, time.relative, time.start, time.end) == (case["text"], case["relative"], case["start"], case["end"])


@pytest.mark.parametrize("case", CASES["quantities"], ids=lambda case: case["sentence"][:40])
def test_vague_and_bounded_quantities_keep_their_bounds(case, nlp) -> None:
    slots, _, _ = _slots(case["sentence"], nlp)
    found = [q.model_dump(mode="json") for q in slots.quantities]
    assert len(found) == len(case["quantities"]), found
    for got, want in zip(found, case["quantities"], strict=True):
        assert {key: got[key] for key in want} == want


@pytest.mark.parametrize("case", CASES["participants"], ids=lambda case: case["sentence"][:40])
def test_participants_have_roles_and_the_claim_a_place(case, nlp) -> None:
    slots, _, _ = _slots(case["sentence"], nlp)
    assert slots.predicate is not None and slots.predicate.model_dump() == case["predicate"]
    roles = [[p.text, p.role] for p in slots.participants]
    for expected in case["participants"]:
        assert expected in roles, roles
    assert (slots.place.text if slots.place else None) == case["place"]


def test_the_sentence_date_is_resolved_against_the_published_date(nlp) -> None:
    slots, _, _ = _slots("Police arrested 40 protesters in Lagos on Friday, officials said.", nlp, published="2024-05-15")
    assert slots.time is not None and (slots.time.text, slots.time.start) == ("on Friday", "2024-05-10")
    assert slots.attributed_to is not None and slots.attributed_to.type == "unnamed"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_seed_verdict_carries_slots_valid_against_the_schema(fmt, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        (seeds / article.name).write_bytes(article.read_bytes())
    result = CliRunner().invoke(
        cli, ["verify", str(seeds), "--against", str(seeds), "--store", str(tmp_path / "store"), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    if fmt == "json":
        report = json.loads(result.stdout)
        jsonschema.validate(report, SCHEMA)
        verdicts = report["verdicts"]
    else:
        verdicts = [json.loads(line) for line in result.stdout.splitlines()]
        verdict_schema = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/Verdict"}
        for verdict in verdicts:
            jsonschema.validate({k: v for k, v in verdict.items() if k != "schema_version"}, verdict_schema)
    assert verdicts and all(v["slots"]["sentence"] for v in verdicts)
    assert any(v["slots"]["attributed_to"] for v in verdicts)
    assert any(v["slots"]["participants"] for v in verdicts)
