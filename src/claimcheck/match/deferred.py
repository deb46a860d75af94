"""A list worked out on first use.

The learned model reads up to 60 sources a claim by their sentence texts alone; most of them turn out
not to speak to the claim, and their statements (the costliest thing to read from a store) are then
never looked at. A source's statements and denials are handed to the decision as Deferred lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Deferred(Sequence[T]):
    """The list make() returns, made the first time anything looks at it and kept."""

    def __init__(self, make: Callable[[], list[T]]) -> None:
        self._make: Callable[[], list[T]] | None = make
        self._items: list[T] | None = None

    def _list(self) -> list[T]:
        if self._items is None:
            assert self._make is not None
            self._items, self._make = self._make(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[T]:
        return iter(self._list())

    def __repr__(self) -> str:
        return f"Deferred({self._items!r})" if self._items is not None else "Deferred(<not made yet>)"
