"""The word lists: one loader, data files users can extend, and the extractor fingerprint over them."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimcheck
from claimcheck.extract.cues import cues
from claimcheck.extract.quantities import _patterns, find_quantities
from claimcheck.indexing import extractor_fingerprint
from claimcheck.lexicon import EXTRACTOR_FILES, STANCE_MODEL_FILES, lexicon, stance_word_lists
from claimcheck.match.learned import StanceLexicon

PACKAGE = Path(claimcheck.__file__).resolve().parent
DATA = PACKAGE / "data"
# sha256 of the learned model's word lists (stance_lexicon.json without its notes), as the shipped
# stance_model.json was trained with. Change it only together with a retrain.
TRAINED_WORD_LISTS_SHA256 = "3b594f58c3045814ea767fbc095aa21938e52c5b61dcd499cb8f2de8533cfb52"


def _fingerprint(package: Path) -> str:
    extractor_fingerprint.cache_clear()  # cached per directory; these tests edit the files under it
    return extractor_fingerprint(package)


def _package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "claimcheck"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _edit_json(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def test_editing_a_word_list_changes_the_extractor_fingerprint(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = _fingerprint(package)
    _edit_json(package / "data" / "cues.json", lambda cues: cues["hedge_words"].append("rumoured to be"))
    assert _fingerprint(package) != before


def test_every_extractor_data_file_is_in_the_fingerprint(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = _fingerprint(package)
    for name in EXTRACTOR_FILES:
        path = package / "data" / name
        original = path.read_bytes()
        path.write_bytes(original.replace(b"\n}", b',\n "_note": "edited"\n}'))
        assert _fingerprint(package) != before, name
        path.write_bytes(original)
    assert _fingerprint(package) == before


def test_retraining_the_stance_model_keeps_the_extractor_fingerprint(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = _fingerprint(package)
    _edit_json(package / "data" / "stance_model.json", lambda model: model.update(learning_rate=0.5))
    _edit_json(package / "data" / "stance_lexicon.json", lambda lists: lists["hedge"].append("rumoured"))
    assert _fingerprint(package) == before


def test_every_data_file_is_named_as_extractor_or_stance_model_data() -> None:
    shipped = {path.name for path in DATA.glob("*.json")}
    assert shipped == set(EXTRACTOR_FILES) | set(STANCE_MODEL_FILES)
    assert not set(EXTRACTOR_FILES) & set(STANCE_MODEL_FILES)


@pytest.mark.parametrize("name", sorted(set(EXTRACTOR_FILES) | {"stance_lexicon.json"}))
def test_every_list_in_a_data_file_says_what_it_is_for(name: str) -> None:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    about = data.pop("_about")
    assert about["file"].strip()
    assert set(about) - {"file"} == set(data), f"{name}: each list needs a note in _about, and each note a list"
    assert all(note.strip() for note in about.values())


def test_the_learned_models_word_lists_are_those_it_was_trained_with() -> None:
    lists = json.loads((DATA / "stance_lexicon.json").read_text(encoding="utf-8"))
    del lists["_about"]
    digest = hashlib.sha256(json.dumps(lists, sort_keys=True).encode()).hexdigest()
    assert digest == TRAINED_WORD_LISTS_SHA256, "stance_lexicon.json changed: retrain (scripts/train_stance.py), then update the digest"


def test_the_rules_and_the_learned_model_keep_their_own_negation_lists() -> None:
    # the model's tokens drop apostrophes ("didnt"); the rules read spaCy's ("n't"): two lists on purpose
    assert "didnt" in stance_word_lists().words["negation"]
    assert "didnt" not in lexicon().negation_words
    assert StanceLexicon.load().words["negation"] == stance_word_lists().words["negation"]


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the data files standing in for the installed ones, as a user would edit them."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    caches = (lexicon, cues, _patterns)
    monkeypatch.setattr("claimcheck.lexicon.data_file", lambda name: data / name)
    for cached in caches:
        cached.cache_clear()
    yield data
    monkeypatch.undo()
    for cached in caches:
        cached.cache_clear()


def test_a_user_adds_a_vague_amount(user_data: Path) -> None:
    assert find_quantities("Scores of troops crossed the border.") == []
    _edit_json(user_data / "quantities.json", lambda words: words["vague_plurals"].update({"scores": [20, 99]}))
    lexicon.cache_clear()
    _patterns.cache_clear()
    [found] = find_quantities("Scores of troops crossed the border.")
    assert (found.text, found.low, found.high) == ("Scores of", 20, 99)


def test_a_user_adds_a_lead_in_trimmed_from_claim_names(user_data: Path) -> None:
    assert cues().lead_ins.sub("", "Crucially, the bridge reopened") == "Crucially, the bridge reopened"
    _edit_json(user_data / "claims.json", lambda words: words["lead_ins"].append("crucially"))
    lexicon.cache_clear()
    cues.cache_clear()
    assert cues().lead_ins.sub("", "Crucially, the bridge reopened") == "the bridge reopened"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organise", "organize"), ("organised", "organized"), ("organisation", "organization"),
        ("analyse", "analyze"), ("colour", "color"), ("rumour", "rumor"), ("favourite", "favorite"),
        ("centre", "center"), ("metre", "meter"), ("fibre", "fiber"), ("catalogue", "catalog"),
        ("defence", "defense"), ("grey", "gray"), ("kilometre", "kilometer"),
        # spelt alike on both sides: left as they are
        ("promise", "promise"), ("advised", "advised"), ("otherwise", "otherwise"), ("praise", "praise"),
        ("rise", "rise"), ("devour", "devour"), ("tour", "tour"), ("hour", "hour"), ("macabre", "macabre"),
        ("vogue", "vogue"), ("size", "size"), ("organize", "organize"),
    ],
)
def test_a_british_lemma_is_read_in_american_spelling(british: str, american: str) -> None:
    assert lexicon().american(british) == american
