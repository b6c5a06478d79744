"""Small corpora built in tmp_path: good articles, broken files of every kind, WARC and HTML."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BBC = SHARED / "data" / "bbc"

SPEAKERS = ("Anna Smith", "Tom Jones", "Maria Lopez", "the council", "John Brown")


def article_text(number: int) -> str:
    """A short news text with two quotes, different for every number."""
    speaker = SPEAKERS[number % len(SPEAKERS)]
    return (
        f"Headline number {number}\n\n"
        f'"We will open {number} new schools this year," {speaker} said on Monday.\n'
        f"{speaker} told reporters that the plan would cost {number} million pounds.\n"
    )


def html_page(title: str, body: str, date: str = "2021-03-04") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{date}"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright 2021</footer></body></html>"
    ).encode()


def _warc_record(url: str, record_type: str, block: bytes, number: int) -> bytes:
    content_type = "application/http; msgtype=" + record_type
    head = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2021-03-0{number % 9 + 1}T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _http_response(content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def warc_bytes(pages: list[tuple[str, bytes]], *, gzipped: bool = False) -> bytes:
    """A WARC file with one HTML response per page, plus a request and an image to be skipped.
    Written by hand (the format is plain text) to test the reader against the standard itself."""
    records: list[bytes] = []
    for number, (url, payload) in enumerate(pages):
        records.append(
            _warc_record(url, "request", b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n", 2 * number)
        )
        records.append(
            _warc_record(url, "response", _http_response("text/html; charset=utf-8", payload), 2 * number + 1)
        )
    image = _http_response("image/png", b"\x89PNG....")
    records.append(_warc_record("https://example.org/logo.png", "response", image, 999))
    if gzipped:  # one gzip member per record, as crawlers write them
        return b"".join(gzip.compress(record) for record in records)
    return b"".join(records)


def make_good_corpus(root: Path, count: int = 6) -> Path:
    """``count`` text files in two sub-folders, plus a hidden file that must be skipped."""
    for number in range(count):
        folder = root / ("a" if number % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:03d}.txt").write_text(article_text(number), encoding="utf-8")
    (root / ".hidden.txt").write_text(article_text(99), encoding="utf-8")
    return root


def make_broken_corpus(root: Path) -> dict[str, str]:
    """One file per kind of bad input; returns file name -> the error code expected for it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\n ")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (root / "latin1.txt").write_bytes('"Ça va," dit-il. Café crème à 3 €'.encode("latin-1", "replace"))
    (root / "huge.txt").write_bytes(b"All work and no play. " * 3000)  # over the tests' max_chars
    (root / "empty.html").write_bytes(b"")
    (root / "nobody.html").write_bytes(b"<html><head><title>x</title></head><body></body></html>")
    good_jsonl = json.dumps({"id": "fine-1", "text": article_text(1)}) + "\n"
    truncated = gzip.compress((good_jsonl * 1 + json.dumps({"text": article_text(2)}) + "\n").encode())
    (root / "truncated.jsonl.gz").write_bytes(truncated[: len(truncated) - 20])
    (root / "notgzip.jsonl.gz").write_bytes(b"this is not gzip data at all")
    lines = [
        json.dumps({"id": "ok-1", "text": article_text(3)}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-title", "text": "x", "title": 5}),
        json.dumps({"id": "empty-text", "text": "   "}),
    ]
    (root / "malformed.jsonl").write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"id": "bad-utf8", "text": "caf\xe9"}\n'
    )
    (root / "malformed.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nthis is not a warc header\r\n\r\n"
    )
    (root / "garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    return {
        "empty.txt": "E110",
        "blank.txt": "E110",
        "binary.txt": "E103",
        "latin1.txt": "E104",
        "huge.txt": "E112",
        "empty.html": "E110",
        "nobody.html": "E111",
        "truncated.jsonl.gz": "E114",
        "notgzip.jsonl.gz": "E114",
        "malformed.jsonl": "E105 E106 E107 E108 E110 E104",
        "malformed.warc": "E113",
        "garbage.warc.gz": "E113 E114",
    }
