"""The Spark runner in local[2] mode writes what the local runner writes.

Skips, saying why, when pyspark or Java is missing (install newsquotes[spark] and a JDK 17+).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpora import make_broken_corpus

from newsquotes import Extractor
from newsquotes.io.parquet import TABLES, read_rows
from newsquotes.run.local import RunSettings, run_local

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newsquotes[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java found (java on PATH or JAVA_HOME): Spark needs a JDK 17+", allow_module_level=True)

from newsquotes.run.spark import SparkSettings, run_spark

PER_SECTION = 40  # 200 BBC articles over the five sections


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from newsquotes.run.spark import session

    spark = session("local[2]")
    yield spark
    spark.stop()


def _sorted(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(tuple(str(row[key]) for key in sorted(row)) for row in rows)


def test_spark_output_equals_local_output(
    tmp_path: Path, bbc: Path, spark: Any, extractor: Extractor
) -> None:
    inputs = [
        str(p)
        for section in sorted(bbc.iterdir())
        if section.is_dir()
        for p in sorted(section.glob("*.txt"))[:PER_SECTION]
    ]
    broken = tmp_path / "broken"
    make_broken_corpus(broken)
    inputs.append(str(broken))
    local_out, spark_out = tmp_path / "local", tmp_path / "spark"
    settings = RunSettings(out=local_out, workers=1, max_chars=10_000, timeout=10)
    summary = run_local(inputs, settings, extractor=extractor)
    counts = run_spark(
        inputs, SparkSettings(out=str(spark_out), partitions=4, max_chars=10_000, timeout=10), spark=spark
    )
    assert counts["articles"] == summary.articles == 5 * PER_SECTION + 2
    assert counts["errors"] == summary.errors > 0
    for table in TABLES:
        assert _sorted(read_rows(spark_out, table)) == _sorted(read_rows(local_out, table)), table
