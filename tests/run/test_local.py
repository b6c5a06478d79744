"""The local runner: four tables, one row per article, crash isolation, resume after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from corpora import article_text, make_broken_corpus, make_good_corpus

from doubles import Delegating
from newsquotes import Extractor
from newsquotes.errors import StorageError
from newsquotes.io.parquet import read_rows
from newsquotes.model import Article, RawArticle
from newsquotes.run.local import RunSettings, extract_all, run_local
from newsquotes.run.sources import Failure, list_files


def _ids(out: Path) -> Counter[str]:
    ids = Counter(row["id"] for row in read_rows(out, "articles"))
    ids.update(row["article_id"] for row in read_rows(out, "errors"))
    return ids


def test_run_local_writes_one_row_per_article(tmp_path: Path, extractor: Extractor) -> None:
    corpus = make_good_corpus(tmp_path / "in", count=5)
    expected = make_broken_corpus(corpus / "broken")
    out = tmp_path / "out"
    settings = RunSettings(out=out, workers=1, chunk_size=4, max_chars=10_000)
    summary = run_local([str(corpus)], settings, extractor=extractor)
    ids = _ids(out)
    assert set(ids.values()) == {1}
    articles = read_rows(out, "articles")
    errors = read_rows(out, "errors")
    assert summary.articles == len(articles) == 5 + 2  # fine-1 and ok-1 inside broken containers
    assert summary.errors == len(errors) and {Path(e["source"]).name for e in errors} == set(expected)
    quotes = read_rows(out, "quotes")
    assert summary.quotes == len(quotes) > 0
    by_id = {a["id"]: a for a in articles}
    for quote in quotes:  # offsets refer to the stored text
        text = by_id[quote["article_id"]]["text"]
        start, end = quote["spans"][0]
        assert quote["text"].startswith(text[start:end][:10])
    assert {"article_id", "name", "kind", "gender", "mentions"} <= set(read_rows(out, "people")[0])


def test_run_local_jsonl_format_writes_the_same_rows(tmp_path: Path, extractor: Extractor) -> None:
    corpus = make_good_corpus(tmp_path / "in", count=3)
    parquet, jsonl = tmp_path / "p", tmp_path / "j"
    run_local([str(corpus)], RunSettings(out=parquet, workers=1), extractor=extractor)
    run_local([str(corpus)], RunSettings(out=jsonl, fmt="jsonl", workers=1), extractor=extractor)
    assert (jsonl / "quotes" / "part-000000.jsonl").exists()
    for table in ("articles", "quotes", "people", "errors"):
        assert read_rows(parquet, table) == read_rows(jsonl, table)


class _Exploding(Delegating):
    """An extractor whose pipeline crashes on any text containing BOOM."""

    def attribute(self, doc: Any, **metadata: Any) -> Article:
        if "BOOM" in doc.text:
            raise RuntimeError("the parser fell over")
        return self.inner.attribute(doc, **metadata)


def test_extract_all_isolates_a_crashing_article(extractor: Extractor) -> None:
    raws = [
        RawArticle(text=article_text(n) + ("BOOM" if n == 2 else ""), id=f"a{n}", source="s")
        for n in range(5)
    ]
    results = extract_all(_Exploding(extractor), raws)  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Article"] * 2 + ["Failure"] + ["Article"] * 2
    failure = results[2]
    assert isinstance(failure, Failure) and failure.code == "E203" and failure.article_id == "a2"
    assert "the parser fell over" in failure.message


def test_run_local_resumes_and_redoes_an_unfinished_chunk(tmp_path: Path, extractor: Extractor) -> None:
    corpus = make_good_corpus(tmp_path / "in", count=6)
    out = tmp_path / "out"
    settings = RunSettings(out=out, workers=1, chunk_size=2)
    run_local([str(corpus)], settings, extractor=extractor)
    (out / "_done" / "part-000001.json").unlink()  # as if killed after writing parts, before the marker
    (out / "quotes" / ".part-000002.parquet.tmp").write_bytes(b"half a file")
    summary = run_local([str(corpus)], settings, extractor=extractor)
    assert summary.resumed_chunks == 2 and summary.chunks == 3
    assert summary.articles == 6
    assert set(_ids(out).values()) == {1} and len(_ids(out)) == 6
    assert not list(out.glob("*/.*.tmp"))


def test_run_local_refuses_a_folder_of_another_run(tmp_path: Path, extractor: Extractor) -> None:
    corpus = make_good_corpus(tmp_path / "in", count=2)
    out = tmp_path / "out"
    run_local([str(corpus)], RunSettings(out=out, workers=1), extractor=extractor)
    with pytest.raises(StorageError) as error:
        run_local([str(corpus)], RunSettings(out=out, workers=1, chunk_size=7), extractor=extractor)
    assert error.value.code == "E302" and "chunk_size" in error.value.message


def test_run_local_strict_stops_at_the_first_failure(tmp_path: Path, extractor: Extractor) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"")
    for n in range(4):
        (corpus / f"b{n}.txt").write_text(article_text(n))
    out = tmp_path / "out"
    summary = run_local(
        [str(corpus)], RunSettings(out=out, workers=1, chunk_size=2, strict=True), extractor=extractor
    )
    assert summary.stopped and summary.errors == 1 and summary.chunks == 1


def _run_command(corpus: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsquotes.cli_corpus",
        "run",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        "2",
        "--chunk-size",
        "3",
        "--quiet",
    ]


def test_run_killed_with_sigkill_resumes_without_loss_or_repeat(tmp_path: Path) -> None:
    count = 48
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(count):
        (corpus / f"{n:03d}.txt").write_text(article_text(n) * 3)
    out = tmp_path / "out"
    process = subprocess.Popen(_run_command(corpus, out), stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "_done").glob("*.json"))) < 3:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.05)
    # kill the whole process group at once: the runner and its worker processes, mid-write.
    # os.killpg, not `kill -9 -PGID`: procps-ng 4.0.2's kill reads a negative id as -1 (everything).
    assert os.getpgid(process.pid) == process.pid
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    if process.stderr:
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    done_before = len(list((out / "_done").glob("*.json")))
    assert 0 < done_before < count // 3, "the kill came too late to test resuming"

    rerun = subprocess.run(_run_command(corpus, out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{count} articles extracted, 0 failed" in rerun.stderr
    ids = _ids(out)
    assert len(ids) == count and set(ids.values()) == {1}
    assert len(list_files([str(corpus)])) == count
    assert not list(out.glob("*/.*.tmp"))
    marker = json.loads((out / "_done" / "part-000000.json").read_text())
    assert marker["articles"] == 3


class _Slow(_Exploding):
    """An extractor that never finishes an article containing SLOW."""

    def attribute(self, doc: Any, **metadata: Any) -> Article:
        while "SLOW" in doc.text:
            time.sleep(0.01)
        return self.inner.attribute(doc, **metadata)


def test_extract_all_stops_an_article_past_the_time_limit(extractor: Extractor) -> None:
    raws = [
        RawArticle(text=article_text(n) + ("SLOW" if n == 1 else ""), id=f"a{n}", source="s")
        for n in range(3)
    ]
    results = extract_all(_Slow(extractor), raws, batch_size=2, timeout=0.3)  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.code == "E205" and "0.3 s" in failure.message
