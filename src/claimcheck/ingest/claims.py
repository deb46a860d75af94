"""A file of claims -> typed claims: JSON Lines {"id", "text"}, or plain text with one claim a line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from claimcheck.errors import ClaimcheckError

__all__ = ["ClaimText", "read_claims_file"]


class ClaimText(NamedTuple):
    """A claim as a user typed it: its id (None: numbered in order) and its words."""

    id: str | None
    text: str


def read_claims_file(path: Path) -> list[ClaimText]:
    """The claims of a file, in order; blank lines and # comments skipped.

    A line starting with '{' is JSON with "text" (or "claim") and an optional "id"; any other
    line is the claim itself. Raises ClaimcheckError naming the file, and the line when one is wrong.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ClaimcheckError(f"{path}: no such claims file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"{path}: cannot read claims file: {exc}") from None
    claims: list[ClaimText] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not stripped.startswith("{"):
            claims.append(ClaimText(None, stripped))
            continue
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ClaimcheckError(f"{path}:{number}: not valid JSON: {exc.msg}") from None
        text = row.get("text") or row.get("claim")
        if not isinstance(text, str) or not text.strip():
            raise ClaimcheckError(f"{path}:{number}: a claim needs a non-empty \"text\"")
        claims.append(ClaimText(str(row["id"]) if "id" in row else None, text))
    return claims
