"""The CLI, run in-process: exit codes, output formats and errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsquotes.cli import main

from .conftest import SEED, need_shared

SAMPLE = SEED / "000_89dbaade01faf952.txt"


def test_cli_extract_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    need_shared(SAMPLE)
    assert main(["extract", str(SAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "id",
        "source",
        "url",
        "date",
        "title",
        "caption",
        "credit",
        "quotes",
        "people",
        "text",
    ]
    assert data["id"] == "000_89dbaade01faf952" and data["date"] == "2020-10-27"
    quote = data["quotes"][0]
    assert list(quote) == ["id", "type", "text", "spans", "cue", "speaker", "confidence"]
    assert list(quote["speaker"]) == ["name", "kind", "mention"]
    assert list(data["people"][0]) == ["name", "kind", "gender", "mentions", "gender_evidence"]
    text = SAMPLE.read_text(encoding="utf-8")
    for q in data["quotes"]:
        assert q["text"] == " ".join(text[a:b] for a, b in q["spans"])


def test_cli_extract_table(capsys: pytest.CaptureFixture[str]) -> None:
    need_shared(SAMPLE)
    assert main(["extract", str(SAMPLE), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "speaker" in out and "Chrissy Teigen" in out and "wrote" in out


def test_cli_extract_stdin_jsonl_with_bad_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = '{"id": "a1", "text": "\\"We won,\\" Jane Smith said."}\n[1]\n{"id": "a2", "text": "No quotes."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["extract", "-", "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [a["id"] for a in lines] == ["a1", "a2"]
    assert lines[0]["quotes"][0]["speaker"]["name"] == "Jane Smith"
    assert lines[0]["source"] == "-"
    assert "[E106] Line 2 of -" in captured.err


def test_cli_extract_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "[E101]" in capsys.readouterr().err


def test_cli_extract_unknown_model(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('"Hi," she said.', encoding="utf-8")
    assert main(["extract", str(path), "--model", "no_such_pipeline"]) == 2
    assert "[E201]" in capsys.readouterr().err
