"""Coded errors keep their code across processes: a worker's storage error is reported as such."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from newsquotes.errors import InputError, NewsQuotesError, PipelineError, StorageError


def _fail_to_write(path: str) -> None:
    raise StorageError("E301", source=path, reason="No space left on device")


@pytest.mark.parametrize(
    "error",
    [
        StorageError("E301", source="out/quotes/part-000001.parquet", reason="No space left on device"),
        InputError("E107", source="in.jsonl", line=3),
        PipelineError("E205", source="a.txt", article_id="a", seconds=1.5),
    ],
)
def test_coded_error_survives_pickling(error: NewsQuotesError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (copy.code, copy.message, copy.source, copy.article_id, copy.line, str(copy)) == (
        error.code,
        error.message,
        error.source,
        error.article_id,
        error.line,
        str(error),
    )


def test_storage_error_in_worker_process_keeps_its_code() -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(_fail_to_write, "out/quotes/part-000001.parquet")
        with pytest.raises(StorageError) as error:
            future.result(timeout=120)
    assert error.value.code == "E301" and "No space left on device" in error.value.message
