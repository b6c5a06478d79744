"""Quotations across articles: repeated quotes merged, first appearance, speakers compared.

``merge_local`` (DuckDB, streaming) and ``merge.spark.merge_spark`` (a Spark job) read a corpus
output folder and write its ``quotations`` and ``quotation_occurrences`` tables. Needs
``pip install 'newsquotes[corpus]'`` (and ``[spark]`` for the Spark job).
"""

from __future__ import annotations

from .settings import MergeSettings

__all__ = ["MergeSettings"]
