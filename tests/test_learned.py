"""Behaviour of the learned stance model on small hand-written claims and bodies."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimcheck.match.learned import (
    FEATURE_NAMES,
    STANCE_CLASSES,
    StanceModel,
    StancePrediction,
)

CLAIM = "Singer Lina Marsh has quit the band Copper Owls to start a solo career"

DENIAL = [
    "A spokesman for Lina Marsh has denied reports that the singer quit Copper Owls.",
    '"The story is completely false and there is no truth to it," he said on Tuesday.',
    "Marsh will stay with Copper Owls and the band will tour in the spring as planned.",
    "A tabloid had claimed that Marsh was leaving the band for a solo career.",
]
HEDGED = [
    "Lina Marsh may have quit the band Copper Owls, according to unnamed sources.",
    "A tabloid reported that the singer is allegedly planning a solo career.",
    "The claims could not be independently verified and a spokesman declined to comment.",
    "Copper Owls have not said whether Marsh is leaving.",
]
UNRELATED = [
    "The city council approved a new budget for road repairs on Monday.",
    "Potholes on the ring road will be filled before the winter, officials said.",
    "The mayor said the repairs would cost about 4 million dollars.",
]


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def test_model_file_is_plain_json_of_numbers_and_small() -> None:
    data = resources.files("claimcheck.data").joinpath("stance_model.json")
    raw = data.read_bytes()
    assert len(raw) < 1_000_000
    assert not raw.startswith(b"\x80")  # a pickle would start with the protocol opcode
    spec = json.loads(raw)
    assert spec["labels"] == list(STANCE_CLASSES)
    assert spec["features"] == list(FEATURE_NAMES)
    for tree in spec["trees"][:50]:
        assert all(
            isinstance(v, (int, float))
            for key in ("feature", "threshold", "left", "right", "value")
            for v in tree[key]
        )


def test_denial_body_is_predicted_disagree_with_a_reason_naming_the_denial(
    model: StanceModel,
) -> None:
    prediction = model.predict(CLAIM, DENIAL)
    assert prediction.label == "disagree"
    assert any(
        "denied" in reason or "false" in reason for reason in prediction.reasons
    ), prediction.reasons


def test_hedged_body_is_predicted_discuss_with_a_reason_quoting_the_reporting_words(
    model: StanceModel,
) -> None:
    prediction = model.predict(CLAIM, HEDGED)
    assert prediction.label == "discuss"
    reasons = " ".join(prediction.reasons)
    assert any(
        word in reasons
        for word in ("'may'", "'allegedly'", "'according", "'reported'", "'sources'")
    ), reasons


def test_body_about_something_else_is_unrelated(model: StanceModel) -> None:
    prediction = model.predict(CLAIM, UNRELATED)
    assert prediction.label == "unrelated"
    assert any("covers 0%" in reason for reason in prediction.reasons)


def test_prediction_explains_itself_and_points_at_a_sentence(
    model: StanceModel,
) -> None:
    prediction = model.predict(CLAIM, DENIAL)
    assert isinstance(prediction, StancePrediction)
    assert 1 <= len(prediction.reasons) <= 3
    assert all(isinstance(reason, str) and reason for reason in prediction.reasons)
    assert prediction.best_sentence == 0
    assert set(prediction.probabilities) == set(STANCE_CLASSES)
    assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert prediction.label == max(
        prediction.probabilities, key=prediction.probabilities.__getitem__
    )


def test_best_sentence_indexes_the_sentences_passed_in_even_with_blank_ones(
    model: StanceModel,
) -> None:
    prediction = model.predict(CLAIM, ["", "  ", *DENIAL])
    assert prediction.best_sentence == 2


def test_empty_body_is_unrelated_without_crashing(model: StanceModel) -> None:
    prediction = model.predict(CLAIM, [])
    assert prediction.label == "unrelated"
    assert prediction.best_sentence is None


def test_same_input_gives_the_same_prediction(model: StanceModel) -> None:
    assert model.predict(CLAIM, HEDGED) == model.predict(CLAIM, HEDGED)


def test_sources_read_together_get_the_predictions_each_gets_alone(model: StanceModel) -> None:
    # match_claim reads a claim's candidate sources in one pass; the batch must not change a label or a reason
    bodies = [DENIAL, HEDGED, UNRELATED, [], HEDGED]
    together = model.predict_many(CLAIM, bodies)
    assert together == [model.predict(CLAIM, body) for body in bodies]
    assert [p.label for p in together[:3]] == ["disagree", "discuss", "unrelated"]


def test_model_trained_on_other_features_is_refused_with_the_fix(tmp_path) -> None:
    spec = json.loads(
        resources.files("claimcheck.data")
        .joinpath("stance_model.json")
        .read_text("utf-8")
    )
    spec["features"] = spec["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(spec))
    with pytest.raises(ValueError, match="retrain"):
        StanceModel.load(path)
