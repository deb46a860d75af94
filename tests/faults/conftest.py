"""Fault injection: real files, folders, permissions, signals and a real HTTP server on 127.0.0.1; no mocks."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIMCHECK = [sys.executable, "-m", "claimcheck"]

GOOD_ARTICLE = (
    "Council approves the bridge budget\n\n"
    "The city council approved a budget of 12 million euros for the Elbe bridge on Tuesday. "
    "Mayor Anna Weber said the bridge would reopen in May after two years of repairs.\n"
)

_PLACES = ("Hamburg", "Lisbon", "Oslo", "Vienna", "Porto", "Bergen", "Graz", "Lyon", "Turin", "Ghent")


def small_article(number: int) -> str:
    """A short news item with checkable claims; numbers and places vary so the articles differ."""
    place = _PLACES[number % len(_PLACES)]
    return (
        f"{place} opens new tram line {number}\n\n"
        f"The city of {place} opened a tram line of {number + 3} kilometres on Monday, officials said. "
        f"The project cost {number * 7 + 40} million euros and took four years to build. "
        f"Transport minister Karl Berg said {number + 20},000 passengers would use it every day.\n"
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:03d}.txt"
        path.write_text(small_article(number), encoding="utf-8")
        paths.append(path)
    return paths


def group_alive(pgid: int) -> bool:
    """Whether a process of this process group (a run started with start_new_session) is still alive."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout_s: float = 120,
            as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    """claimcheck in a real subprocess (signals, umask, permissions and exit codes as a user sees them).

    as_nobody: run as the unprivileged user 'nobody' when the tests run as root (file modes do not
    apply to root); the test must first call `require_unprivileged_runs()`.
    """
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("CLAIMCHECK_DEBUG", None)
    prefix = _drop_privileges() if as_nobody and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *CLAIMCHECK, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout_s,
        check=False,
    )


NOBODY = 65534


def _drop_privileges() -> list[str]:
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@functools.cache
def _unprivileged_problem() -> str | None:
    """Why claimcheck cannot be run as an unprivileged user here, or None when it can."""
    if os.geteuid() != 0:
        return None
    if shutil.which("setpriv") is None:
        return "running as root and setpriv (util-linux) is missing: cannot drop to 'nobody', and root ignores file modes"
    probe = subprocess.run([*_drop_privileges(), *CLAIMCHECK, "--version"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return f"running as root and 'nobody' cannot run this Python or claimcheck: {probe.stderr.strip()[-200:]}"
    return None


def require_unprivileged_runs() -> None:
    problem = _unprivileged_problem()
    if problem is not None:
        pytest.skip(problem)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder every user can enter and read (pytest's tmp_path is private to us), for runs as 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-faults-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def invoke():
    """claimcheck in this process (click's runner): stdout and stderr apart, the language pipeline loaded once."""
    from click.testing import CliRunner

    from claimcheck.cli import cli

    def run(*args: str):
        return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1", "CLAIMCHECK_DEBUG": None})

    return run


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]
