"""DuckDB over a corpus folder: stats, SQL, search and a database file; and the corpus CLI."""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb
import pytest
from corpora import make_broken_corpus, make_good_corpus

from newsquotes import Extractor
from newsquotes.cli_corpus import add_commands, main
from newsquotes.errors import StorageError
from newsquotes.query import query, stats, to_database
from newsquotes.run.local import RunSettings, run_local


@pytest.fixture(scope="module", params=["parquet", "jsonl"])
def corpus_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    corpus = make_good_corpus(root / "in", count=10)
    make_broken_corpus(corpus / "broken")
    out = root / "out"
    run_local(
        [str(corpus)],
        RunSettings(out=out, fmt=request.param, workers=1, max_chars=10_000),
        extractor=Extractor(),
    )
    return out


def test_stats_counts_speakers_gender_and_search(corpus_out: Path) -> None:
    tables = {t.title: t for t in stats(corpus_out, top=5, search="NEW schools")}
    [(articles, quotes, _, errors, _)] = tables["counts"].rows
    assert articles == 12 and errors > 0 and quotes > 0
    speakers = {row[0]: row[2] for row in tables["top speakers"].rows}
    assert speakers.get("Anna Smith", 0) >= 2
    genders = tables["quotes by speaker gender (named people)"]
    assert genders.columns[:2] == ("gender", "quotes")
    found = tables["quotes containing 'NEW schools'"].rows
    assert found and all("new schools" in row[4].lower() for row in found)
    assert {row[0] for row in tables["errors by code"].rows} >= {"E103", "E110"}


def test_query_runs_sql_over_views(corpus_out: Path) -> None:
    table = query(corpus_out, "SELECT count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id")
    assert table.columns == ("n",) and table.rows[0][0] > 0
    with pytest.raises(StorageError) as error:
        query(corpus_out, "SELECT nope FROM quotes")
    assert error.value.code == "E304"


def test_query_refuses_a_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as error:
        query(tmp_path, "SELECT 1")
    assert error.value.code == "E303"


def test_to_database_copies_every_table(corpus_out: Path, tmp_path: Path) -> None:
    target = tmp_path / "corpus.duckdb"
    counts = to_database(corpus_out, target)
    connection = duckdb.connect(str(target), read_only=True)
    try:
        for table, count in counts.items():
            row = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert row is not None and row[0] == count
    finally:
        connection.close()
    assert counts["articles"] == 12


def test_add_commands_adds_the_corpus_commands() -> None:
    parser = argparse.ArgumentParser(prog="newsquotes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["run", "in", "--out", "o", "--workers", "2", "--strict", "--format", "jsonl"])
    assert (args.command, args.workers, args.strict, args.format) == ("run", 2, True, "jsonl")
    for argv in (
        ["spark", "in", "--out", "o"],
        ["stats", "d"],
        ["query", "d", "SELECT 1"],
        ["db", "d", "--out", "f"],
    ):
        assert callable(parser.parse_args(argv).handler)


def test_cli_run_exit_codes_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_good_corpus(tmp_path / "in", count=3)
    assert main(["run", str(corpus), "--out", str(tmp_path / "ok"), "--workers", "1"]) == 0
    assert "3 articles extracted, 0 failed" in capsys.readouterr().err
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["run", str(corpus), "--out", str(tmp_path / "bad"), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "3 articles extracted, 1 failed (E110 x1)" in err and "[E110]" in err
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "x"), "--workers", "1"]) == 2
    assert "[E101]" in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "bad"), "--search", "schools"]) == 0
    out = capsys.readouterr().out
    assert "== top speakers" in out and "== quotes containing 'schools'" in out
    assert main(["query", str(tmp_path / "bad"), "SELECT code FROM errors", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.strip() == '{"code": "E110"}'
    assert main(["db", str(tmp_path / "bad"), "--out", str(tmp_path / "c.duckdb")]) == 0
    assert (tmp_path / "c.duckdb").exists()
    assert main(["query", str(tmp_path / "bad"), "SELEC"]) == 2
