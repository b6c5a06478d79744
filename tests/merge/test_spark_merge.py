"""The Spark merge in local[2] mode writes what the local merge writes.

Skips, saying why, when pyspark or Java is missing (install newsquotes[spark] and a JDK 17+).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import A, Q, write_run

from newsquotes.io.parquet import MERGE_TABLES, read_rows
from newsquotes.merge.local import merge_local

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newsquotes[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java found (java on PATH or JAVA_HOME): Spark needs a JDK 17+", allow_module_level=True)

from newsquotes.merge.spark import merge_spark

WIRE = "We will build forty new schools across the county before the next election"
LONG = (
    "The budget is a betrayal of every family in this town and we will vote against it, "
    "because nobody voted for cuts of this size"
)
SHARED = "the tax on fuel is a disaster for every farmer in the region"


def _corpus() -> list[A]:
    """Every kind of match and attribution in a dozen articles."""
    return [
        A("w1", (Q(WIRE, "Anna Smith"), Q(LONG, "Maria Lopez")), date="2021-03-05", url="https://w1"),
        A("w2", (Q(WIRE, "Smith"),), date="2021-03-04T08:00:00Z", url="https://w2"),
        A("w3", (Q(WIRE.replace("build", "open"), "John Brown"),), date="Sat, 06 Mar 2021 10:00:00 GMT"),
        A("w4", (Q(WIRE.upper() + "!", "Anna Smith"),)),
        A("p1", (Q("we will vote against it, because nobody voted for cuts of this size", "Maria Lopez"),)),
        A("p2", (Q(f'she said it was "{LONG[:60]}" and more', "Lopez", type="mixed"),), date="2021-01-01"),
        A(
            "s1",
            (
                Q(
                    f"I have said it before and I will say it again, {SHARED}, and we will fight it",
                    "Tom Jones",
                ),
            ),
        ),
        A(
            "s2",
            (
                Q(
                    f"Nobody in government listens to us: {SHARED}, and the minister has not visited",
                    "Jo Bell",
                ),
            ),
        ),
        A("s3", (Q(SHARED, "Tom Jones"), Q("A disgrace", "Tom Jones"))),
        A(
            "b1",
            (
                Q(
                    "We will organise a proper programme for the centre of town this year",
                    "the council",
                    kind="organization",
                ),
            ),
        ),
        A(
            "b2",
            (
                Q(
                    "We will organize a proper program for the center of town this year",
                    "the council",
                    kind="organization",
                ),
            ),
        ),
        A("i1", (Q(WIRE, "Anna Smith", type="indirect"),)),
    ]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from newsquotes.run.spark import session

    spark = session("local[2]")
    yield spark
    spark.stop()


def _sorted(rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return sorted(tuple(str(row[key]) for key in sorted(row)) for row in rows)


def test_spark_merge_equals_local_merge(tmp_path: Path, spark: Any) -> None:
    local, remote = write_run(tmp_path / "local", _corpus()), write_run(tmp_path / "spark", _corpus())
    local_counts = merge_local(local)
    spark_counts = merge_spark(str(remote), partitions=2, spark=spark)
    assert spark_counts == local_counts
    matches = {row["match"] for row in read_rows(local, "quotation_occurrences")}
    assert matches == {"exact", "contained", "near"}  # the corpus exercises every kind
    for table in MERGE_TABLES:
        assert _sorted(read_rows(remote, table)) == _sorted(read_rows(local, table)), table
