"""Enumerating a corpus: stable ids, every input kind, and bad input as failures, never crashes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from corpora import article_text, html_page, make_broken_corpus, make_good_corpus, warc_bytes

from newsquotes.errors import InputError
from newsquotes.model import RawArticle
from newsquotes.run.sources import Failure, article_id, file_kind, iter_tasks, list_files, read_articles

SMALL = 10_000  # max_chars for the tests: huge.txt (66 kB) is over it


def test_file_kind_longest_suffix_first() -> None:
    assert file_kind("a/b.jsonl.gz") == "jsonl"
    assert file_kind("a/B.WARC.GZ") == "warc"
    assert file_kind("x.htm") == "html"
    assert file_kind("x.gz") is None
    assert file_kind("x.pdf") is None


def test_list_files_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = make_good_corpus(tmp_path / "c", count=4)
    (root / "notes.md").write_text("not an input")
    (root / "_spark_metadata").mkdir()
    (root / "_spark_metadata" / "x.txt").write_text("skipped")
    files = list_files([str(root), str(root / "a" / "001.txt")])
    assert [Path(f).relative_to(root).as_posix() for f in files] == [
        "a/001.txt",
        "a/003.txt",
        "b/000.txt",
        "b/002.txt",
    ]


def test_list_files_missing_or_unsupported_input_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        list_files([str(tmp_path / "nope")])
    assert missing.value.code == "E101"
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError) as unsupported:
        list_files([str(tmp_path / "a.pdf")])
    assert unsupported.value.code == "E116"


def test_ids_are_stable_and_jsonl_ids_kept(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text(1))
    records = [{"id": "x-1", "text": article_text(2)}, {"text": article_text(3)}]
    (tmp_path / "many.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    first = list(read_articles([str(tmp_path)]))
    second = list(read_articles([str(tmp_path)]))
    assert [i for i, _ in first] == [i for i, _ in second]
    ids = [i for i, _ in first]
    assert ids == ["x-1", article_id("many.jsonl", 2), article_id("one.txt")] == ["x-1", "many:2", "one"]
    articles = [a for _, a in first]
    assert all(isinstance(a, RawArticle) and a.id == i for i, a in first)
    assert isinstance(articles[1], RawArticle) and articles[1].line == 2


def test_duplicate_jsonl_id_becomes_one_failure(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "same", "text": article_text(n)}) for n in range(3)]
    (tmp_path / "dup.jsonl").write_text("\n".join(lines))
    results = list(read_articles([str(tmp_path)]))
    assert len(results) == 3 and len({i for i, _ in results}) == 3
    kept = [a for _, a in results if isinstance(a, RawArticle)]
    failed = [a for _, a in results if isinstance(a, Failure)]
    assert [a.line for a in kept] == [1]
    assert [f.code for f in failed] == ["E115", "E115"]
    assert "Duplicate article id 'same'" in failed[0].message


def test_html_gives_main_text_and_metadata(tmp_path: Path) -> None:
    body = article_text(4)
    (tmp_path / "page.html").write_bytes(html_page("Schools plan", body))
    [(_, article)] = read_articles([str(tmp_path)])
    assert isinstance(article, RawArticle)
    assert "We will open 4 new schools" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert article.title == "Schools plan"
    assert article.date == "2021-03-04"


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_reads_html_responses_only(tmp_path: Path, gzipped: bool) -> None:
    pages = [(f"https://example.org/{n}", html_page(f"Story {n}", article_text(n))) for n in range(3)]
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    (tmp_path / name).write_bytes(warc_bytes(pages, gzipped=gzipped))
    results = list(read_articles([str(tmp_path)]))
    assert len(results) == 3
    assert all(isinstance(a, RawArticle) for _, a in results)
    assert [a.url for _, a in results if isinstance(a, RawArticle)] == [u for u, _ in pages]
    assert len({i for i, _ in results}) == 3


def test_broken_inputs_become_failures(tmp_path: Path) -> None:
    expected = make_broken_corpus(tmp_path)
    results = list(read_articles([str(tmp_path)], max_chars=SMALL))
    assert len({i for i, _ in results}) == len(results)
    codes: dict[str, Counter[str]] = {}
    articles = []
    for _, result in results:
        if isinstance(result, Failure):
            codes.setdefault(Path(result.source).name, Counter())[result.code] += 1
            assert result.message and result.article_id
        else:
            articles.append(result.id)
    # the good records inside damaged containers stand
    assert "fine-1" in articles and "ok-1" in articles
    for name, wanted in expected.items():
        assert name in codes, f"{name} gave no error row"
        assert set(codes[name]) <= set(wanted.split()), (name, codes[name])
    assert sum(codes["malformed.jsonl"].values()) == 6


def test_iter_tasks_is_lazy_for_files(tmp_path: Path) -> None:
    make_good_corpus(tmp_path, count=3)
    tasks = list(iter_tasks([str(tmp_path)]))
    assert [type(t.payload).__name__ for t in tasks] == ["Pending"] * 3
