"""How statements and their terms are written into the store's rows.

Terms are written as FTS tokens by `fts_token`, an encoding under which any term (``north_korea``,
``RS-26``, ``são_paulo``) is exactly one token that matches only itself.
"""

from __future__ import annotations

import json
import re

from claimcheck.models import Statement

__all__ = ["fts_text", "fts_token", "statement_json"]

_PLAIN_TOKEN = re.compile(r"[a-z0-9][a-z0-9_]*")


def fts_token(term: str) -> str:
    """One term -> one FTS token. Plain lower-case terms stay readable; others are hex-encoded."""
    if _PLAIN_TOKEN.fullmatch(term):
        return term
    return "_x" + term.encode("utf-8").hex()


def fts_text(statement: Statement) -> str:
    """The retrieval terms of a statement (Statement.retrieval_terms) as FTS tokens."""
    return " ".join(fts_token(term) for term in statement.retrieval_terms)


def statement_json(statement: Statement) -> str:
    """JSON of a statement that keeps infinite bounds ('at least 5' has high = inf) as Infinity.

    Pydantic's JSON writes infinity as null, which does not read back; Python's json module
    writes and reads Infinity (and pydantic reads it back).
    """
    return json.dumps(statement.model_dump(mode="python"), ensure_ascii=False, separators=(",", ":"))
