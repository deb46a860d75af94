"""A stand-in for the learned model's prediction, for tests of how its reading is combined with the rules'."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reading:
    """Stands in for the learned model's prediction: combine reads only these fields."""

    label: str
    probabilities: dict[str, float]
    reasons: list[str] = field(default_factory=lambda: ["the claim is stated without hedges"])
    best_sentence: int | None = 0
