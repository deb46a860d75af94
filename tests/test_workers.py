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


_CTRL_C_AT_FORK = {"armed": False, "forks": 0}


def _ctrl_c_inside_the_second_fork_hook() -> None:
    if _CTRL_C_AT_FORK["armed"]:
        _CTRL_C_AT_FORK["forks"] += 1
        if _CTRL_C_AT_FORK["forks"] == 2:
            os.kill(os.getpid(), signal.SIGINT)
            sum(range(1000))  # the handler runs here, inside the hook, where Python drops what it raises


os.register_at_fork(after_in_parent=_ctrl_c_inside_the_second_fork_hook)  # inert unless armed


def test_ctrl_c_handled_inside_an_at_fork_hook_still_interrupts_the_run(capsys):
    # logging releases its lock in an at-fork hook after each fork; a Ctrl-C handled there raised
    # into nothing ("Exception ignored"), the workers were stopped and the run went on waiting for them.
    articles = [
        Article(source=f"{number}.txt", text="The council approved the bridge budget on Monday. " * 20,
                content_hash=f"{number:064x}")
        for number in range(20)
    ]
    _CTRL_C_AT_FORK.update(armed=True, forks=0)
    try:
        with pytest.raises(KeyboardInterrupt), stop_workers_on_interrupt():
            for _ in iter_statements(articles, n_process=2):
                pass
    finally:
        _CTRL_C_AT_FORK["armed"] = False
    assert _CTRL_C_AT_FORK["forks"] == 2
    assert "Exception ignored" not in capsys.readouterr().err
