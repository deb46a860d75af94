"""Ctrl-C while spaCy starts its worker processes leaves no worker behind."""

from __future__ import annotations

import multiprocessing.popen_fork
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from claimcheck.extract import iter_statements
from claimcheck.models import Article
from claimcheck.workers import stop_workers_on_interrupt

CHILDREN = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def live_children() -> list[int]:
    return [int(pid) for pid in CHILDREN.read_text().split()]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not CHILDREN.exists(), reason="lists children via /proc")
def test_ctrl_c_handled_while_a_worker_is_being_started_stops_that_worker_too(monkeypatch):
    # A terminal's Ctrl-C reaches the process group; a worker forked just after it never gets it, and
    # the handler can run before multiprocessing has listed the new worker as a child. Here the
    # signal is sent at that moment, right after the first fork.
    launch = multiprocessing.popen_fork.Popen._launch
    forked: list[int] = []

    def launch_then_ctrl_c(self, process_obj):
        launch(self, process_obj)
        forked.append(self.pid)
        if len(forked) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(multiprocessing.popen_fork.Popen, "_launch", launch_then_ctrl_c)
    articles = [
        Article(source=f"{number}.txt", text="The council approved the bridge budget on Monday. " * 20,
                content_hash=f"{number:064x}")
        for number in range(20)
    ]
    try:
        with pytest.raises(KeyboardInterrupt), stop_workers_on_interrupt():
            for _ in iter_statements(articles, n_process=2):
                pass
        deadline = time.monotonic() + 2
        while any(pid in live_children() for pid in forked) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert forked
        assert not [pid for pid in forked if pid in live_children()], "a worker outlived the interruption"
    finally:
        for pid in forked:
            if pid in live_children():
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
