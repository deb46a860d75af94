"""Ctrl-C: workers stop, one line on stderr, exit 130 within 2 seconds, no output file, and the next run resumes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import CLAIMCHECK, group_alive, run_cli, write_articles

ARTICLES = 200


def stored_articles(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.2) as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def wait_for(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False



def test_ctrl_c_during_verify_with_two_jobs_exits_130_quietly_and_the_next_run_resumes(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, ARTICLES)
    output = tmp_path / "report.json"
    store = folder / ".claimcheck" / "corpus.sqlite3"
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CLAIMCHECK_DEBUG", None)
    # A session of its own, so that SIGINT goes to the whole process group as a terminal's Ctrl-C does.
    process = subprocess.Popen(
        [*CLAIMCHECK, "verify", str(folder), "--jobs", "2", "--format", "json", "-o", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )
    try:
        assert wait_for(lambda: stored_articles(store) >= 10 or process.poll() is not None, 90)
        assert process.poll() is None, "the run ended before it could be interrupted"
        sent = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=10)
        took_s = time.monotonic() - sent
    finally:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)

    assert process.returncode == 130
    assert took_s < 2, f"took {took_s:.1f} s to stop"
    assert stderr.strip().splitlines() == [
        "claimcheck: interrupted; no output written (the corpus store keeps what was indexed)"
    ]
    assert "Traceback" not in stdout + stderr
    assert not output.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news"]  # no temporary file either
    assert wait_for(lambda: not group_alive(process.pid), 2), "worker processes outlived the run"

    kept = stored_articles(store)
    assert kept >= 10
    resumed = run_cli("index", str(folder))
    assert resumed.returncode == 0, resumed.stderr
    assert f"indexed {ARTICLES - kept} new or changed, {kept} unchanged" in resumed.stderr
