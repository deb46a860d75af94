"""Files claimcheck writes (-o, --write-baseline, fetched articles, the page cache): checked before the work, written atomically.

The one place for an atomic file write. A run checks its output paths before it reads anything
(`check_writable`), so a long analysis never ends in "cannot write" with its results lost; the
write itself goes to a temporary file beside the target that is renamed over it, and that
temporary file is removed whatever happens (an error, Ctrl-C). New files get the mode the umask
allows (0644 under umask 022), as any other program's files do; a file replaced keeps its mode.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from claimcheck.errors import OutputPathError

__all__ = ["check_writable", "write_atomic"]


def check_writable(path: str | Path | None, *, what: str = "output") -> None:
    """Raise OutputPathError naming the path when a file cannot be written there; None and '-' (stdout) pass.

    Missing folders on the way are fine (they are created when written), but the nearest one that
    exists must be a folder this user can write into.
    """
    if path is None or str(path) == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise OutputPathError(f"{target}: cannot write the {what}: it is a folder; give a file name")
    if target.exists() and not target.is_file():
        raise OutputPathError(f"{target}: cannot write the {what}: not a regular file")
    parent = target.parent
    while not parent.exists():
        if parent.is_symlink():
            raise OutputPathError(f"{target}: cannot write the {what}: {parent} is a broken link")
        if parent == parent.parent:
            break
        parent = parent.parent
    if not parent.is_dir():
        raise OutputPathError(f"{target}: cannot write the {what}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids):
        raise OutputPathError(f"{target}: cannot write the {what}: no permission to write into {parent}")


def write_atomic(path: str | Path, data: str | bytes, *, what: str = "output", newline: str | None = "") -> Path:
    """Write data (text as UTF-8, line ends as given unless `newline` says otherwise) to path through a temporary file
    renamed over it; OutputPathError names the path on failure."""
    target = Path(path)
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary, fd = _create_temporary(target)
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
                handle.write(data)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise OutputPathError(f"{target}: cannot write the {what}: {exc.strerror or exc}") from None
    finally:
        # Also on KeyboardInterrupt: an interrupted run leaves no half-written file behind.
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return target


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new hidden file beside target, opened for writing; mode 0666 less the umask, or target's mode."""
    try:
        mode = target.stat().st_mode & 0o7777
        keep_mode = True
    except OSError:
        mode, keep_mode = 0o666, False
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        if keep_mode:
            os.fchmod(fd, mode)  # the umask applies at creation; a replaced file keeps what it had
        return candidate, fd
    raise OSError(errno.EEXIST, f"no free temporary name beside {target}")
