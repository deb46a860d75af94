"""Keeping Python's cyclic garbage collector out of the hot loops.

A process that has loaded spaCy and read a big store holds a few hundred thousand objects, and checking
one article allocates millions more: the collector's full passes over that heap took about 0.45 s of a
1.4 s check against the 10,000-article store (docs/performance.md). Almost all of what a check
allocates is freed by reference counting the moment it is dropped; what the collector alone could free
(reference cycles) is small and bounded by one article's work, so it waits until the article is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block, then back as it was: nested pauses and a caller's own
    gc.disable() are respected (only the pause that turned it off turns it on again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
