"""Chunks keep every worker busy on a small run; `spark` refuses an existing output up front."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from newsquotes import Extractor
from newsquotes.errors import StorageError
from newsquotes.run.local import RunSettings, auto_chunk_size, run_local
from newsquotes.run.sources import Task

TEXT = '"We will win," Jane Smith said.\n'


def _tasks(count: int) -> list[Task]:
    return [Task(f"a{n}", None) for n in range(count)]  # type: ignore[arg-type]


def test_chunk_size_on_a_small_run_keeps_all_workers_busy() -> None:
    assert auto_chunk_size(_tasks(300)) == 10  # 30 chunks, not 5 of 64
    assert auto_chunk_size(_tasks(5)) == 1
    assert auto_chunk_size(_tasks(100_000)) == 64


def test_run_default_chunks_depend_on_the_input_not_the_workers(tmp_path: Path, rules: Extractor) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(40):
        (corpus / f"{n:02d}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run_local([str(corpus)], RunSettings(out=out, workers=1, use_model=False), extractor=rules)
    assert json.loads((out / "_run.json").read_text())["chunk_size"] == 2
    assert len(list((out / "_done").glob("*.json"))) == 20
    # a resume with another worker count finds the same chunks
    summary = run_local([str(corpus)], RunSettings(out=out, workers=3, use_model=False), extractor=rules)
    assert summary.resumed_chunks == 20


@pytest.fixture(scope="module")
def spark() -> object:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newsquotes[spark]'")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java found (java on PATH or JAVA_HOME): Spark needs a JDK 17+")
    from newsquotes.run.spark import session

    started = session("local[1]")
    yield started
    started.stop()


def test_spark_existing_output_is_refused_before_any_work(tmp_path: Path, spark: object) -> None:
    from newsquotes.run.spark import SparkSettings, run_spark

    out = tmp_path / "out"
    (out / "quotes").mkdir(parents=True)
    started = time.monotonic()
    with pytest.raises(StorageError) as error:
        # the input does not exist: reading it first would fail differently
        run_spark([str(tmp_path / "no-such-input")], SparkSettings(out=str(out)), spark=spark)  # type: ignore[arg-type]
    assert error.value.code == "E306" and "quotes" in error.value.message
    assert time.monotonic() - started < 30
