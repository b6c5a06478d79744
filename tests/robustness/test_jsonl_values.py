"""JSON Lines values Python reads but cannot use: each is one coded error row, never a lost file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsquotes import Extractor
from newsquotes.cli import main
from newsquotes.io.parquet import read_rows
from newsquotes.run.local import RunSettings, run_local
from newsquotes.run.sources import Failure, read_articles

GOOD = json.dumps({"id": "good", "text": '"We will win," Jane Smith said.'})
HUGE_INTEGER = '{"id": "huge", "count": ' + "9" * 5000 + ', "text": "Hello."}'
DEEP = '{"id": "deep", "text": "Hello.", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
SURROGATE = '{"id": "surrogate", "text": "bad \\ud800 half"}'
SURROGATE_TITLE = '{"id": "title", "title": "x\\udfff", "text": "Fine text."}'


def _write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join([GOOD, *lines, GOOD.replace('"good"', '"good2"')]) + "\n", encoding="utf-8")
    return path


def _codes(path: Path) -> list[tuple[str, str]]:
    return [
        (item.code, "") if isinstance(item, Failure) else ("ok", item.id or "")
        for _, item in read_articles([str(path)])
    ]


def test_jsonl_huge_integer_is_one_error_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", HUGE_INTEGER)
    assert _codes(path) == [("ok", "good"), ("E105", ""), ("ok", "good2")]
    [failure] = [item for _, item in read_articles([str(path)]) if isinstance(item, Failure)]
    assert "Line 2 of" in failure.message and "integer string conversion" in failure.message


def test_jsonl_deep_nesting_is_one_error_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", DEEP)
    assert _codes(path) == [("ok", "good"), ("E105", ""), ("ok", "good2")]


def test_jsonl_lone_surrogate_is_one_error_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", SURROGATE, SURROGATE_TITLE)
    assert _codes(path) == [("ok", "good"), ("E129", ""), ("E129", ""), ("ok", "good2")]
    failures = [item for _, item in read_articles([str(path)]) if isinstance(item, Failure)]
    assert "field 'text' holds a lone surrogate U+D800 at character 4" in failures[0].message
    assert "field 'title' holds a lone surrogate U+DFFF" in failures[1].message


@pytest.mark.parametrize("bad", [HUGE_INTEGER, SURROGATE], ids=["huge_integer", "surrogate"])
def test_jsonl_bad_value_run_keeps_the_others_and_rerun_finishes(
    tmp_path: Path, rules: Extractor, bad: str
) -> None:
    path = _write(tmp_path / "in.jsonl", bad)
    settings = RunSettings(out=tmp_path / "out", workers=1, use_model=False)
    for _ in range(2):  # the rerun resumes and finishes
        summary = run_local([str(path)], settings, extractor=rules)
        assert (summary.articles, summary.errors) == (2, 1)
    assert sorted(row["id"] for row in read_rows(tmp_path / "out", "articles")) == ["good", "good2"]
    assert len(read_rows(tmp_path / "out", "errors")) == 1


@pytest.mark.parametrize("bad", [HUGE_INTEGER, SURROGATE], ids=["huge_integer", "surrogate"])
def test_jsonl_bad_value_extract_keeps_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path = _write(tmp_path / "in.jsonl", bad)
    assert main(["extract", str(path), "--format", "jsonl", "--no-model"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["good", "good2"]
    assert "Line 2 of" in captured.err and "Traceback" not in captured.err
