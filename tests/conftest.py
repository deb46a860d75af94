"""Shared fixtures: the installed English pipeline (loaded once) and the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "articles"


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_corpus(nlp):
    from claimcheck.pipeline import load_corpus

    return load_corpus([str(SEEDS)], nlp=nlp)
