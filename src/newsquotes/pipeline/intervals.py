"""Character ranges asked whether another range overlaps any of them, in logarithmic time: a
long article has thousands of quotes and tokens, and a scan per question is quadratic."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    """Half-open ``[start, end)`` ranges, sorted by start, with the running maximum of their
    ends, so the ranges that start before a point are a prefix and their reach one number."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []
        for _, b in ordered:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def first_reaching(self, point: int) -> int:
        """The index (in start order) of the first range whose end, or an earlier range's, is
        past ``point``: every range before it ends at or before ``point``."""
        return bisect.bisect_right(self._reach, point)

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with one of the ranges?

        >>> Intervals([(0, 5), (10, 20)]).overlaps(5, 10)
        False
        >>> Intervals([(0, 5), (10, 20)]).overlaps(4, 6)
        True
        """
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start and start < end
