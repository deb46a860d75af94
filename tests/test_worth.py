"""Worth checking: a score from 0 to 1 with its reasons, on the verdict, and --min-worth / --sort worth as a user runs them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.config import load_settings
from claimcheck.errors import ConfigError
from claimcheck.extract import typed_claim
from claimcheck.extract.worth import claim_worth
from tests.conftest import SEEDS

CONCRETE = "North Korea has sent about 10,000 troops to Russia, Pentagon spokesman Pat Ryder said on Monday."
DENIAL = "Russia denied that its forces shelled the hospital in Kharkiv on Tuesday."
VAGUE = "Officials said several units may reportedly have moved toward the border."


def _worth(text: str, nlp):
    return claim_worth(typed_claim(text, nlp=nlp).statement)


def test_a_concrete_on_record_claim_is_worth_more_than_a_vague_hedged_one(nlp):
    concrete, vague = _worth(CONCRETE, nlp), _worth(VAGUE, nlp)
    assert 0 <= vague.score < 0.3 < 0.8 <= concrete.score <= 1
    assert "a concrete figure (about 10,000)" in concrete.reasons
    assert any(reason.startswith("on record") for reason in concrete.reasons)
    assert any(reason.startswith("a date") for reason in concrete.reasons)
    assert "hedged ('reportedly')" in vague.reasons and "vague ('several')" in vague.reasons


def test_a_denial_with_a_named_party_and_a_place_is_worth_checking(nlp):
    worth = _worth(DENIAL, nlp)
    assert "a denial ('denied')" in worth.reasons
    assert "a named party (Russia)" in worth.reasons and "a place (Kharkiv)" in worth.reasons
    assert worth.score >= 0.6


def _check(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(
        cli, ["check", VAGUE, CONCRETE, DENIAL, "--against", str(SEEDS), "--format", "json", *args], env=env
    )


def _names(result) -> list[str]:
    assert result.exit_code in (0, 1), result.stderr
    return [verdict["claim"] for verdict in json.loads(result.stdout)["verdicts"]]


def test_claims_keep_their_input_order_unless_sorted_by_worth():
    assert _names(_check()) == [VAGUE, CONCRETE, " ".join(DENIAL.split())]
    assert _names(_check("--sort", "worth")) == [CONCRETE, DENIAL, VAGUE]


def test_every_verdict_carries_its_worth_in_json_and_jsonl():
    report = json.loads(_check().stdout)
    assert all(0 <= v["worth"]["score"] <= 1 and isinstance(v["worth"]["reasons"], list) for v in report["verdicts"])
    lines = CliRunner().invoke(cli, ["check", CONCRETE, "--against", str(SEEDS), "--format", "jsonl"]).stdout
    assert json.loads(lines.splitlines()[0])["worth"]["reasons"][0] == "a concrete figure (about 10,000)"


def test_min_worth_leaves_out_the_claims_below_it_and_says_so():
    result = _check("--min-worth", "0.5")
    assert _names(result) == [CONCRETE, DENIAL]
    assert "1 claim worth less than 0.5 left out (--min-worth)" in result.stderr


def test_min_worth_and_sort_come_from_the_environment_and_flags_win():
    assert _names(_check(env={"CLAIMCHECK_SORT": "worth", "CLAIMCHECK_MIN_WORTH": "0.5"})) == [CONCRETE, DENIAL]
    assert _names(_check("--sort", "input", env={"CLAIMCHECK_SORT": "worth"}))[0] == VAGUE


def test_the_table_shows_a_worth_column_and_the_reasons_with_the_evidence():
    result = CliRunner().invoke(cli, ["check", CONCRETE, "--against", str(SEEDS), "--evidence"])
    assert "Worth" in result.stdout
    assert "worth 1.00: a concrete figure (about 10,000)" in result.stdout


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CLAIMCHECK_SORT": "best"}, "CLAIMCHECK_SORT=best: unknown order; choose from input, worth"),
        ({"CLAIMCHECK_MIN_WORTH": "2"}, "CLAIMCHECK_MIN_WORTH=2: Input should be less than or equal to 1"),
    ],
)
def test_a_bad_worth_setting_names_where_it_came_from(tmp_path, environ, message):
    with pytest.raises(ConfigError, match="^" + message.replace("(", r"\(")):
        load_settings(start=tmp_path, environ=environ)


def test_worth_settings_are_read_from_the_settings_file(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('min_worth = 0.4\nsort = "worth"\n')
    settings = load_settings(start=tmp_path, environ={})
    assert settings.min_worth == 0.4 and settings.sort == "worth"


def test_a_bad_flag_is_a_usage_error():
    result = _check("--min-worth", "1.5")
    assert result.exit_code == 2 and "--min-worth" in result.stderr
