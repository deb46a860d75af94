"""A small learned stance model for one (claim, source body) pair.

The model answers: does this source support the claim ("agree"), contradict it ("disagree"),
report it without taking a side ("discuss"), or speak of something else ("unrelated")?

It is gradient-boosted trees over hand-defined features (word coverage of the claim, denial,
hedge, reporting and confirmation words from a hand-written lexicon, negation, numbers). The
trees are stored as plain JSON arrays (``data/stance_model.json``, no pickle) and evaluated here
with numpy. Every prediction carries reasons in plain words: the features whose tree-path
contributions pushed hardest towards the predicted label, rendered with the words that fired
them, plus the index of the body sentence that best matches the claim.

Training lives in ``scripts/train_stance.py``; the features are shared with it, so a feature
change needs a retrain. No spaCy here: a regex tokenizer keeps a 10k-pair run fast.

The parts, in the order a prediction uses them:

- ``tokens``: tokenising, stemming, the word lists (``StanceLexicon``) and the cues a sentence holds;
- ``features``: a claim and a prepared body (``BodyInfo``) -> one row of ``FEATURE_NAMES``;
- ``trees``: ``StanceModel``, the boosted trees evaluated with numpy -> ``StancePrediction``;
- ``reasons``: the feature groups that pushed hardest, in plain words.

Names with a leading underscore are shared between these modules only.
"""

from __future__ import annotations

from claimcheck.match.learned.features import FEATURE_NAMES, BodyInfo, extract_features, prepare_body
from claimcheck.match.learned.tokens import CUE_KINDS, StanceLexicon
from claimcheck.match.learned.trees import STANCE_CLASSES, StanceClass, StanceModel, StancePrediction

__all__ = [
    "CUE_KINDS",
    "FEATURE_NAMES",
    "STANCE_CLASSES",
    "BodyInfo",
    "StanceClass",
    "StanceLexicon",
    "StanceModel",
    "StancePrediction",
    "extract_features",
    "prepare_body",
]
