"""Corpus runs: read folders of articles and write the results as tables.

``run_local`` runs worker processes on one machine and resumes after a kill; ``run_spark``
(``newsquotes.run.spark``, needs ``newsquotes[spark]``) does the same on a Spark cluster.
Both write the same tables: see ``newsquotes.io.parquet`` and docs/corpus.md.

The names below are imported on first use, so that ``newsquotes extract`` can read its inputs
with ``newsquotes.run.sources`` without the corpus extras (pyarrow) installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .local import RunSettings, RunSummary, run_local
    from .sources import Failure, Task, iter_tasks, read_articles

__all__ = ["Failure", "RunSettings", "RunSummary", "Task", "iter_tasks", "read_articles", "run_local"]

_HOME = {
    "RunSettings": "local",
    "RunSummary": "local",
    "run_local": "local",
    "Failure": "sources",
    "Task": "sources",
    "iter_tasks": "sources",
    "read_articles": "sources",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_HOME[name]}", __name__), name)
