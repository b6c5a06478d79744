"""Readers: metadata line, text files, JSON Lines, and clear coded errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsquotes import InputError, RawArticle
from newsquotes.io.jsonl import read_jsonl
from newsquotes.io.metadata import parse_metadata
from newsquotes.io.text import read_text_file


def test_readers_metadata_line_parsed_and_offsets_kept() -> None:
    text = " date 2020-10-27 Chrissy Teigen has opened up (Ian West/PA)\n\nBody text."
    meta = parse_metadata(text)
    assert (meta.date, meta.caption, meta.credit) == (
        "2020-10-27",
        "Chrissy Teigen has opened up",
        "Ian West/PA",
    )
    assert text[meta.body_start :].strip() == "Body text."


def test_readers_no_metadata_line() -> None:
    assert parse_metadata("The date was set.\nMore.").body_start == 0


def test_readers_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text('"Hi," she said.', encoding="utf-8")
    assert read_text_file(path) == RawArticle(text='"Hi," she said.', id="story", source=str(path))


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p / "missing.txt", "E101"),
        (lambda p: p, "E102"),
        (lambda p: (p / "bin.txt", (p / "bin.txt").write_bytes(b"abc\x00def"))[0], "E103"),
        (lambda p: (p / "latin.txt", (p / "latin.txt").write_bytes(b"ok\ncaf\xe9"))[0], "E104"),
        (lambda p: (p / "empty.txt", (p / "empty.txt").write_text("  \n"))[0], "E110"),
    ],
)
def test_readers_bad_files_raise_coded_errors(tmp_path: Path, make: object, code: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError) as info:
        read_text_file(path)
    assert info.value.code == code
    assert str(path) in str(info.value)


def test_readers_bad_utf8_names_line() -> None:
    with pytest.raises(InputError, match=r"line 2"):
        from newsquotes.io.text import decode

        decode(b"ok\ncaf\xe9", "x.txt")


def test_readers_jsonl_one_bad_record_never_stops_the_others() -> None:
    text = (
        '{"id": "a", "text": "One."}\nnot json\n[1]\n{"id": "b"}\n{"text": 3}\n\n{"text": "Two.", "id": 7}\n'
    )
    items = list(read_jsonl(text, "in.jsonl"))
    good = [i for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [(g.id, g.text, g.line) for g in good] == [("a", "One.", 1), ("7", "Two.", 7)]
    assert [(b.code, b.line) for b in bad] == [("E105", 2), ("E106", 3), ("E107", 4), ("E107", 5)]
    assert all("in.jsonl" in str(b) for b in bad)


def test_readers_jsonl_bad_field_type() -> None:
    (item,) = read_jsonl('{"text": "x", "title": ["a"]}', "t.jsonl")
    assert isinstance(item, InputError) and item.code == "E108"
