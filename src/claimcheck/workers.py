"""Ctrl-C with worker processes: the workers stop at once and silently, the main process raises KeyboardInterrupt.

spaCy's `nlp.pipe(n_process=N)` forks workers that inherit the main process's SIGINT handler. A
terminal sends Ctrl-C to every process of the group, so without this each worker prints its own
traceback, and the main process then waits for workers that are still busy (or hangs on their
queues). `stop_workers_on_interrupt` installs, for the time the workers live, a handler that in a
worker quits at once without a word and in the main process stops every worker before raising
KeyboardInterrupt, so the caller can report one line and exit 130. `stop_workers_if_abandoned` does
the same for a parse left early by an error (a store that fails mid-run): the error is reported, not a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.queues
import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

__all__ = [
    "EXIT_INTERRUPTED",
    "INTERRUPTED_MESSAGE",
    "leave_now",
    "stop_workers",
    "stop_workers_if_abandoned",
    "stop_workers_on_interrupt",
]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process stopped by Ctrl-C
_REMIND_EVERY_S = 0.2
INTERRUPTED_MESSAGE = "claimcheck: interrupted; no output written (the corpus store keeps what was indexed)"


def _unregistered_children(known: set[int]) -> list[int]:
    """Ids of this process's children that multiprocessing does not list (Linux; elsewhere none).

    Ctrl-C can be handled between the fork of a worker and its entry in multiprocessing's list of
    children (inside Process.start). Such a worker was born after the signal went to the process
    group, so it never got it; unless stopped here it waits on its queue for ever, holding the
    terminal's output open after this process has gone.
    """
    pid = os.getpid()
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in listed if int(child) not in known]


def stop_workers(timeout_s: float = 1.0) -> None:
    """Terminate every child process this process started, and wait (a bounded time) for them to go."""
    children = multiprocessing.active_children()
    strays = _unregistered_children({child.pid for child in children if child.pid is not None})
    for stray in strays:
        with suppress(OSError):
            os.kill(stray, signal.SIGKILL)
            os.waitpid(stray, 0)  # SIGKILL cannot be ignored: reaped at once, no zombie left
    _terminate(children, timeout_s)


def _terminate(children: list[multiprocessing.process.BaseProcess], timeout_s: float) -> None:
    """Ask the children to stop, then wait (a bounded time) for each, killing one that does not."""
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout_s)
        if child.is_alive():
            child.kill()


def leave_now(code: int) -> NoReturn:
    """End the process after an interruption, skipping the exit handlers.

    After Ctrl-C the queues that fed the stopped workers still hold data nobody will read, and
    multiprocessing's exit handler waits for them for ever (a hung terminal). Nothing is left to
    save: outputs are written atomically at the end only, and the store commits article by article.
    """
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):
            stream.flush()
    os._exit(code)


@contextmanager
def stop_workers_on_interrupt() -> Iterator[None]:
    """For the body: Ctrl-C stops the worker processes quietly and raises KeyboardInterrupt in this one.

    Signal handlers can only be set from the main thread; elsewhere the body runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()
    main_thread = threading.get_ident()
    left = threading.Event()
    leaving = threading.Lock()
    reminding: list[threading.Thread] = []

    def remind() -> None:
        # Python drops an exception raised by a signal handler that runs inside an at-fork hook
        # (logging's lock release, after each fork of a worker) or a finaliser: it prints "Exception
        # ignored" and carries on, with the workers already stopped, waiting for them for ever. Until
        # the body is left, interrupt the main thread again, so the handler runs where it can raise.
        while not left.wait(_REMIND_EVERY_S):
            with leaving:
                if not left.is_set():
                    signal.pthread_kill(main_thread, signal.SIGINT)

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            os._exit(EXIT_INTERRUPTED)  # a forked worker: the main process reports the interruption
        stop_workers()
        if not reminding:
            reminding.append(threading.Thread(target=remind, name="claimcheck-interrupt", daemon=True))
            reminding[0].start()
        raise KeyboardInterrupt

    def unraisable(report: Any) -> None:
        if not (reminding and isinstance(report.exc_value, KeyboardInterrupt)):
            shown(report)  # the dropped interruption is raised again: no "Exception ignored" for it

    shown = sys.unraisablehook
    sys.unraisablehook = unraisable
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        with warnings.catch_warnings():
            # spaCy warns (W127) that its workers did not finish when they were stopped on purpose.
            warnings.filterwarnings("ignore", message=r".*\[W127\]")
            yield
    except Exception:
        if reminding:
            # Interrupted, the handler's exception dropped: the stopped workers' pipes end (EOFError).
            raise KeyboardInterrupt from None
        raise
    finally:
        with leaving:
            left.set()
        sys.unraisablehook = shown
        try:
            signal.signal(signal.SIGINT, previous)  # runs a reminder still pending first, which raises
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, previous)
            raise


@contextmanager
def stop_workers_if_abandoned(workers: int) -> Iterator[None]:
    """For a body that reads spaCy's `nlp.pipe(n_process=workers)`: when the body is left before the pipe
    is read to its end (an error while the documents are used, or a consumer that stops reading), stop the
    workers the pipe started and let go of the queues that fed them. Close the pipe only after this has run
    (keep a reference to it, so that leaving the loop over it does not close it first).

    Without this, closing the pipe waits for ever: each worker is blocked sending documents nobody
    reads, down a pipe the other workers hold open; and at exit multiprocessing waits for ever to
    flush the texts still queued for the stopped workers.
    """
    if workers <= 1:
        yield
        return
    children = {child.pid for child in multiprocessing.active_children()}
    threads = {thread.ident for thread in threading.enumerate()}
    try:
        yield
    except BaseException:
        _terminate([child for child in multiprocessing.active_children() if child.pid not in children], 1.0)
        _release_feeders({thread for thread in threading.enumerate() if thread.ident not in threads})
        raise


def _release_feeders(started: set[threading.Thread]) -> None:
    """Let this process exit without flushing the queues these threads feed (their readers were stopped)."""
    feeders = {thread for thread in started if thread.name == "QueueFeederThread"}
    if not feeders:
        return
    for found in gc.get_objects():
        if isinstance(found, multiprocessing.queues.Queue) and getattr(found, "_thread", None) in feeders:
            found.cancel_join_thread()
