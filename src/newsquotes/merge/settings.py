"""The one settings object of a merge: what changes the tables is here, so it is fingerprinted in
one place (it is written to ``_merge.json`` beside the tables)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class MergeSettings:
    """How quotations are merged.

    ``min_words``: shorter quotes and fragments ("staggering", "self reliance") are scare quotes
    or chance repeats, not quotations to follow across articles; they are left out.
    ``contained_min_words``: a quotation this long or longer that occurs inside a longer one is an
    occurrence of it (``contained``). ``near_threshold``: the least word-level similarity
    (difflib's ratio over spelling-folded words, 2·matches / total words) for ``near``;
    ``near_min_words``: shorter forms are never near-merged (one word of four is a new quote);
    ``near_max_edit``: no run of changed words may be longer (a different clause is not an edit).
    ``bands`` x ``rows`` MinHash values per form find the candidates (a pair of Jaccard
    similarity s over word 1- and 2-grams becomes a candidate with probability
    1 - (1 - s^rows)^bands); buckets holding more than ``max_bucket`` forms are boilerplate and
    skipped. ``memory_limit`` and ``threads`` bound DuckDB (it spills to disk beyond the limit).
    """

    min_words: int = 4
    contained_min_words: int = 8
    near_threshold: float = 0.8
    near_min_words: int = 5
    near_max_edit: int = 4
    bands: int = 20
    rows: int = 6
    max_bucket: int = 100
    seed: int = 1
    memory_limit: str = "1GB"
    threads: int = 2

    def fingerprint(self) -> dict[str, Any]:
        """What defines the output (not the resources it runs with)."""
        values = asdict(self)
        values.pop("memory_limit")
        values.pop("threads")
        return values
