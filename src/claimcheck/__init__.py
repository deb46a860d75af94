"""claimcheck: label the factual claims of news articles corroborated, contradicted or single-sourced.

The library API (the command line is a thin layer over it):

    import claimcheck
    corpus = claimcheck.load_corpus(["corpus/"])
    report = claimcheck.check_texts([(None, "North Korea has sent about 10,000 troops to Russia")], corpus)
    report.verdicts[0].label, report.verdicts[0].evidence
    for part in claimcheck.iter_verified(["drafts/"], corpus):   # one report per article, as each is done
        ...
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ClaimcheckError",
    "Corpus",
    "Evidence",
    "EvidenceRule",
    "Report",
    "Verdict",
    "__version__",
    "check_texts",
    "iter_verified",
    "load_corpus",
    "verify_articles",
]

# Imported on first use, so that `claimcheck --version` and `claimcheck extract` start without spaCy.
_LAZY = {
    "Article": "claimcheck.models",
    "Evidence": "claimcheck.models",
    "EvidenceRule": "claimcheck.models",
    "Report": "claimcheck.models",
    "Verdict": "claimcheck.models",
    "ClaimcheckError": "claimcheck.errors",
    "Corpus": "claimcheck.pipeline",
    "check_texts": "claimcheck.pipeline",
    "iter_verified": "claimcheck.pipeline",
    "load_corpus": "claimcheck.pipeline",
    "verify_articles": "claimcheck.pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
