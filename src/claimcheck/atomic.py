"""The one atomic file write: a temporary file beside the target, then a rename over it.

Readers see the old file or the new one, never half of one; an interrupted write leaves the target
as it was. The temporary file is hidden (a leading dot), so a folder scan never takes it for an article.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write data (text as UTF-8, line endings as given) to path, creating its folder. Raises OSError."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".tmp"
        ) as handle:
            temporary = Path(handle.name)
            handle.write(payload)
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
