"""`extract` reads its inputs as `run` does: one id function, the same limits and errors."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsquotes import Extractor, InputError
from newsquotes.cli import main
from newsquotes.io.parquet import read_rows
from newsquotes.run.local import RunSettings, run_local
from newsquotes.run.sources import MAX_CHARS

TEXT = '"We will win," Jane Smith said.\n'
PAGE = (
    "<html><head><title>Schools plan</title></head><body><nav>Home | World</nav><article>"
    "<h1>Schools plan</h1><p>&quot;We will open new schools this year,&quot; Anna Smith said on "
    "Monday.</p><p>She told reporters that the plan would cost four million pounds.</p>"
    "</article><footer>Copyright</footer></body></html>"
)


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["extract", *args, "--format", "jsonl", "--no-model"])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def _corpus(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text(TEXT, encoding="utf-8")
    records = [{"text": TEXT}, {"id": 7, "text": TEXT}, {"id": "x", "text": TEXT}]
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return root


def test_extract_article_over_spacy_max_length_is_e112_and_others_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "a", "text": TEXT},
        {"id": "long", "text": "word " * (MAX_CHARS // 5 + 1)},
        {"id": "b", "text": TEXT},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    code, out, err = _extract(capsys, str(path))
    assert code == 1
    assert [a["id"] for a in out] == ["a", "b"]
    assert "[E112] Too large:" in err and "line 2" in err and "Traceback" not in err


def test_extract_text_file_over_max_chars_is_e112(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    code, out, err = _extract(capsys, str(path), "--max-chars", "1000")
    assert (code, out) == (2, []) and "[E112]" in err


def test_extractor_text_over_max_length_raises_e112(rules: Extractor) -> None:
    with pytest.raises(InputError) as error:
        rules.extract("a" * (rules.nlp.max_length + 1), id="big", source="big.txt")
    assert error.value.code == "E112" and error.value.article_id == "big"
    with pytest.raises(InputError):
        list(rules.pipe([(TEXT, {}), ("a" * (rules.nlp.max_length + 1), {})]))


def test_extract_and_run_give_a_file_the_same_ids_after_the_corpus_moves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rules: Extractor
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    _, out, _ = _extract(capsys, str(corpus / "feed.jsonl"), str(corpus / "sub" / "story.txt"))
    extract_ids = sorted(str(a["id"]) for a in out)
    assert extract_ids == ["7", "feed:1", "sub/story", "x"]  # integer ids become strings
    moved = tmp_path / "elsewhere" / "corpus"
    shutil.copytree(corpus, moved)
    run_ids = []
    for folder in (corpus, moved):
        out_dir = tmp_path / f"out-{len(run_ids)}"
        run_local([str(folder)], RunSettings(out=out_dir, workers=1, use_model=False), extractor=rules)
        run_ids.append(sorted(row["id"] for row in read_rows(out_dir, "articles")))
    assert run_ids[0] == run_ids[1] == extract_ids
    _, single, _ = _extract(capsys, str(corpus / "sub" / "story.txt"))
    assert single[0]["id"] == "story"  # a file named alone: its stem, as `run story.txt` gives


def test_extract_duplicate_id_is_e115(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in ("a", "b", "a")))
    code, out, err = _extract(capsys, str(path))
    assert code == 1 and [a["id"] for a in out] == ["a", "b"]
    assert "[E115] Duplicate article id 'a'" in err


def test_extract_same_stem_files_keep_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.html").write_text(PAGE, encoding="utf-8")
    code, out, _ = _extract(capsys, str(tmp_path / "x.html"), str(tmp_path / "x.txt"))
    assert code == 0 and [a["id"] for a in out] == ["x", "x.txt"]


def test_extract_several_files_and_a_pattern(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    code, out, _ = _extract(capsys, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 0 and [a["id"] for a in out] == ["a", "b"]
    # a pattern the shell did not expand (Windows, or quoted) is expanded by extract itself
    code, out, _ = _extract(capsys, str(tmp_path / "*.txt"))
    assert code == 0 and [a["id"] for a in out] == ["a", "b", "c"]
    assert (
        main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json", "--no-model"])
        == 0
    )
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == ["a", "b"]


def test_extract_html_page_is_read_like_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    code, [article], _ = _extract(capsys, str(tmp_path / "page.html"))
    assert code == 0 and article["title"] == "Schools plan"
    assert "Copyright" not in str(article["text"]) and "Anna Smith" in str(article["text"])
    texts = [q["text"] for q in article["quotes"]]  # type: ignore[attr-defined]
    assert "We will open new schools this year," in texts


def test_extract_jsonl_gz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": TEXT}) + "\n").encode()))
    code, out, _ = _extract(capsys, str(path))
    assert code == 0 and [a["id"] for a in out] == ["g1"]


def test_extract_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{n}", "text": TEXT * 20}) + "\n" for n in range(300)))
    command = [
        sys.executable,
        "-m",
        "newsquotes.cli",
        "extract",
        str(path),
        "--format",
        "jsonl",
        "--no-model",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert json.loads(first)["id"] == "a0"
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_extract_html_without_the_corpus_extra_is_a_coded_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if the corpus extra were missing
    monkeypatch.delitem(sys.modules, "newsquotes.io.html", raising=False)
    code, out, err = _extract(capsys, str(tmp_path / "page.html"), str(tmp_path / "a.txt"))
    assert code == 1 and [a["id"] for a in out] == ["a"]
    assert "[E130]" in err and "newsquotes[corpus]" in err and "Traceback" not in err
