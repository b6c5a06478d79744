"""The output folder: one run at a time, unwritable folders found up front, stray parts ignored."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from newsquotes import Extractor
from newsquotes.errors import StorageError
from newsquotes.run import lock as lock_module
from newsquotes.run.local import RunSettings, run_local
from newsquotes.run.lock import FolderLock

TEXT = '"We will win," Jane Smith said.\n'


class _MustNotRun:
    """An extractor that fails the test if anything is extracted."""

    def extract(self, text: str, **metadata: Any) -> Any:
        raise AssertionError("extraction started before the output folder was checked")

    def pipe(self, items: Any, batch_size: int = 8) -> Any:
        raise AssertionError("extraction started before the output folder was checked")


def _corpus(root: Path, count: int = 3) -> Path:
    root.mkdir(parents=True)
    for n in range(count):
        (root / f"{n}.txt").write_text(TEXT, encoding="utf-8")
    return root


def test_run_on_locked_output_folder_is_refused(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    with FolderLock(out), pytest.raises(StorageError) as error:
        run_local([str(corpus)], RunSettings(out=out, workers=1), extractor=_MustNotRun())  # type: ignore[arg-type]
    assert error.value.code == "E305" and f"pid {os.getpid()}" in error.value.message


def test_second_concurrent_run_is_refused_and_a_killed_holder_leaves_no_stale_lock(
    tmp_path: Path, rules: Extractor
) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    holder = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from newsquotes.run.lock import FolderLock
        with FolderLock(Path({str(out)!r})):
            print("locked", flush=True)
            time.sleep(600)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        settings = RunSettings(out=out, workers=1, use_model=False)
        with pytest.raises(StorageError) as error:
            run_local([str(corpus)], settings, extractor=_MustNotRun())  # type: ignore[arg-type]
        assert error.value.code == "E305" and f"pid {process.pid}" in error.value.message
        process.send_signal(signal.SIGKILL)  # as a run killed with kill -9
        process.wait(timeout=30)
        summary = run_local([str(corpus)], settings, extractor=rules)
        assert summary.articles == 3
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def test_resume_on_read_only_file_system_is_a_storage_error_up_front(
    tmp_path: Path, rules: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    settings = RunSettings(out=out, workers=1, use_model=False, chunk_size=1)
    run_local([str(corpus)], settings, extractor=rules)
    (out / "_done" / "part-000002.json").unlink()  # one chunk left to do
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(lock_module.os, "open", read_only)
    with pytest.raises(StorageError) as error:
        run_local([str(corpus)], settings, extractor=_MustNotRun())  # type: ignore[arg-type]
    assert error.value.code == "E301" and "Read-only file system" in error.value.message


def test_unwritable_table_folder_is_found_before_any_work(tmp_path: Path, rules: Extractor) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    (out / "people").write_text("a file where the people folder should be")
    with pytest.raises(StorageError) as error:
        run_local([str(corpus)], RunSettings(out=out, workers=1), extractor=_MustNotRun())  # type: ignore[arg-type]
    assert error.value.code == "E301"


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_stray_part_in_table_folder_is_skipped_by_query_and_stats(
    tmp_path: Path, rules: Extractor, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsquotes.cli import main

    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    run_local([str(corpus)], RunSettings(out=out, workers=1, use_model=False, fmt=fmt), extractor=rules)  # type: ignore[arg-type]
    pq.write_table(pa.table({"x": [1, 2]}), out / "quotes" / "part-99999.parquet")  # another tool's
    (out / "articles" / "part-00001-copy.parquet").write_bytes(b"PAR1 half a file")
    (out / "people" / "notes.txt").write_text("left here by hand")
    assert main(["query", str(out), "SELECT count(*) AS n FROM articles"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1].strip() == "3"
    assert "warning: skipped quotes/part-99999.parquet: no column article_id" in captured.err
    assert "warning: skipped articles/part-00001-copy.parquet: not a readable Parquet file" in captured.err
    assert "warning: skipped people/notes.txt" in captured.err
    assert main(["stats", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err
