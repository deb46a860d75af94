"""A file of claims (`check --claims FILE`) -> typed claims: JSON Lines {"id", "text"}, or plain text with one claim a
line. A bad line is a failure of its own, not of the file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from claimcheck.errors import ConfigError
from claimcheck.models import ReadFailure

__all__ = ["ClaimText", "ClaimsFile", "read_claims_file"]

_FORMAT_HINT = 'write one claim a line, or JSON Lines with a "text" (and optional "id")'


class ClaimText(NamedTuple):
    """A claim as a user typed it: its id (None: numbered in order) and its words."""

    id: str | None
    text: str


@dataclass(frozen=True)
class ClaimsFile:
    """The claims of a file in order, and a failure (input 'FILE:LINE') for each line that is not one."""

    claims: list[ClaimText] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)


def read_claims_file(path: Path) -> ClaimsFile:
    """JSON Lines with 'text' (and optional 'id'), or one plain claim a line; blank lines and # comments skipped.

    Raises ConfigError naming the file when it cannot be read or holds no claim at all.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such claims file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a claims file") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: claims file is not UTF-8 (undecodable byte at offset {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read claims file: {exc.strerror or exc}") from None
    read = ClaimsFile()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not stripped.startswith("{"):
            read.claims.append(ClaimText(None, stripped))
            continue
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError as exc:
            read.failures.append(ReadFailure(input=f"{path}:{number}", reason=f"not valid JSON ({exc.msg}); {_FORMAT_HINT}"))
            continue
        text = row.get("text") or row.get("claim") if isinstance(row, dict) else None
        if not isinstance(text, str) or not text.strip():
            read.failures.append(ReadFailure(input=f"{path}:{number}", reason=f'a claim needs a non-empty "text"; {_FORMAT_HINT}'))
            continue
        read.claims.append(ClaimText(str(row["id"]) if "id" in row else None, text))
    if not read.claims:
        problem = f"; line {read.failures[0].input.rsplit(':', 1)[1]}: {read.failures[0].reason}" if read.failures else ""
        raise ConfigError(f"{path}: holds no claims (only blank lines and # comments){problem}" if not read.failures
                          else f"{path}: holds no valid claim{problem}")
    return read
