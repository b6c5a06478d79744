"""The merge commands: `newsquotes merge`, `stats --quotations`, and the merge tables in query and db."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from builders import A, Q, write_run

from newsquotes.cli import main
from newsquotes.query import query, to_database

WIRE = "We will build forty new schools across the county before the next election"


def _corpus(folder: Path) -> Path:
    return write_run(
        folder,
        [
            A("a1", (Q(WIRE, "Anna Smith"),), date="2021-03-02"),
            A("a2", (Q(WIRE, "Anna Smith"),), date="2021-03-01"),
            A("a3", (Q(WIRE.replace("forty", "fifty"), "John Brown"),), date="2021-03-03"),
            A("a4", (Q("A short one that nobody repeats anywhere at all", "Tom Jones"),)),
        ],
    )


def test_cli_merge_then_stats_quotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path / "out")
    assert main(["stats", str(folder), "--quotations"]) == 2
    assert "[E309]" in capsys.readouterr().err
    assert main(["merge", str(folder)]) == 0
    assert "merged" in capsys.readouterr().err and (folder / "_merge.json").is_file()
    assert main(["stats", str(folder), "--quotations", "--top", "5"]) == 0
    out = capsys.readouterr().out
    repeated, conflicts, variants = out.split("\n\n")
    assert "== most repeated quotations" in repeated and "2021-03-01" in repeated and "a2" in repeated
    assert "Anna Smith x2; John Brown x1" in conflicts
    assert "-forty +fifty" in variants and "a3" in variants


def test_cli_merge_refuses_what_is_not_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", str(tmp_path / "missing")]) == 2
    assert "[E308]" in capsys.readouterr().err
    (tmp_path / "quotes").mkdir()
    assert main(["merge", str(tmp_path)]) == 2
    assert "no articles table" in capsys.readouterr().err


def test_cli_merge_rejects_a_threshold_outside_zero_one(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["merge", str(tmp_path), "--near-threshold", "1.5"])
    assert exit_.value.code == 2


def test_query_and_db_see_the_merge_tables(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "out")
    before = query(folder, "SELECT count(*) FROM quotations")  # an empty view before the merge
    assert before.rows == [(0,)]
    assert main(["merge", str(folder)]) == 0
    joined = query(
        folder,
        "SELECT t.n_articles, count(*) FROM quotations t JOIN quotation_occurrences o USING (quotation_id) "
        "JOIN quotes q ON q.article_id = o.article_id AND q.quote_id = o.quote_id GROUP BY 1 ORDER BY 1",
    )
    assert joined.rows == [(1, 1), (3, 3)]
    counts = to_database(folder, tmp_path / "all.duckdb")
    assert (counts["quotations"], counts["quotation_occurrences"]) == (2, 4)
    connection = duckdb.connect(str(tmp_path / "all.duckdb"), read_only=True)
    try:
        row = connection.execute("SELECT speakers FROM quotations WHERE n_articles = 3").fetchall()
    finally:
        connection.close()
    assert row == [([{"name": "Anna Smith", "count": 2}, {"name": "John Brown", "count": 1}],)]


def test_docs_name_every_merge_option_and_column() -> None:
    from newsquotes.cli import build_parser
    from newsquotes.io.parquet import SCHEMAS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "corpus.md").read_text(encoding="utf-8")
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices  # type: ignore[union-attr]
    options = [o for a in subcommands["merge"]._actions for o in a.option_strings if o.startswith("--")]
    missing = [o for o in options if o != "--help" and o not in docs]
    assert not missing, missing
    for table in ("quotations", "quotation_occurrences"):
        assert [c for c in SCHEMAS[table].names if c not in docs] == [], table
    assert "--quotations" in docs
