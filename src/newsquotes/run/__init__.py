"""Corpus runs: read folders of articles and write the results as tables.

``run_local`` runs worker processes on one machine and resumes after a kill; ``run_spark``
(``newsquotes.run.spark``, needs ``newsquotes[spark]``) does the same on a Spark cluster.
Both write the same tables: see ``newsquotes.io.parquet`` and docs/corpus.md.
"""

from __future__ import annotations

from .local import RunSettings, RunSummary, run_local
from .sources import Failure, Task, iter_tasks, read_articles

__all__ = ["Failure", "RunSettings", "RunSummary", "Task", "iter_tasks", "read_articles", "run_local"]
