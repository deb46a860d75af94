"""Shared fixtures: the installed English pipeline (loaded once), the seed corpus, and a small corpus of four
short articles."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_SEEDS = ROOT / "fixtures" / "articles"


def _private_seed_copy() -> Path:
    """The seed articles copied out of the checkout, so that no test writes a store into fixtures/."""
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-seeds-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for article in sorted(SHIPPED_SEEDS.glob("*.txt")):
        shutil.copy2(article, folder / article.name)
    return folder


SEEDS = _private_seed_copy()


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_corpus(nlp):
    from claimcheck.pipeline import load_corpus

    return load_corpus([str(SEEDS)], nlp=nlp)



@pytest.fixture()
def articles_dir(tmp_path):
    """A folder of the four short articles of tests/test_map.py (two of them tell the Tomas Berg transfer)."""
    from tests.test_map import ARTICLES

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_STORE_IN_FIXTURES = SHIPPED_SEEDS / ".claimcheck"
_STORE_WAS_THERE = _STORE_IN_FIXTURES.exists()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a test wrote a corpus store into the shipped fixtures."""
    if not _STORE_WAS_THERE and _STORE_IN_FIXTURES.exists():
        shutil.rmtree(_STORE_IN_FIXTURES, ignore_errors=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nconftest: a test wrote {_STORE_IN_FIXTURES}; tests must use SEEDS (a private copy) or tmp_path")
