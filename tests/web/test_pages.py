"""The HTML pages through the test client: the rendered article, uploads, corpus pages, errors."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse

import httpx
import pytest
from corpora import html_page
from fastapi.testclient import TestClient
from htmltext import read_article
from webdata import XSS_ID, XSS_TEXT, XSS_TITLE, need_sample

from newsquotes import Extractor
from newsquotes.io.html import read_html


def _error_page(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert f'data-code="{code}"' in response.text


def _download(page: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}" href="data:[^,"]*,([^"]*)"', page)
    assert match, f"no data: link #{element_id}"
    return urllib.parse.unquote(match.group(1))


def test_page_index_has_the_form(bare_client: TestClient) -> None:
    page = bare_client.get("/").text
    assert (
        '<textarea id="text" name="text"' in page and 'type="file"' in page and 'id="extract-button"' in page
    )
    assert 'href="/articles"' not in page  # no corpus, no corpus pages


def test_page_paste_renders_every_quote_from_offsets(bare_client: TestClient, extractor: Extractor) -> None:
    text = need_sample()
    # a browser sends a textarea's line breaks as CRLF
    response = bare_client.post("/", data={"text": text.replace("\n", "\r\n")})
    assert response.status_code == 200
    article = extractor.extract(text)
    reader = read_article(response.text)
    assert "".join(reader.text) == text and not reader.misnested
    for quote in article.quotes:
        assert "".join(reader.quotes[quote.id]) == "".join(text[s:e] for s, e in quote.spans)
        assert reader.attributes[quote.id]["data-speaker"] == (quote.speaker.name or "")
        assert reader.attributes[quote.id]["data-type"] == quote.type
        if quote.cue:
            assert "".join(reader.cues[quote.id]) == "".join(text[s:e] for s, e in quote.cue.spans)
    direct = {q for q, a in reader.attributes.items() if a["data-type"] == "direct"}
    assert len(direct) == 7 and {reader.attributes[q]["data-speaker"] for q in direct} == {"Chrissy Teigen"}
    assert 'data-speaker-row="Chrissy Teigen"' in response.text


def test_page_paste_downloads_are_the_extract_schema_and_csv(
    bare_client: TestClient, extractor: Extractor
) -> None:
    text = need_sample()
    page = bare_client.post("/", data={"text": text, "title": "The sample"}).text
    expected = extractor.extract(text, title="The sample").to_dict()
    assert json.loads(_download(page, "download-json")) == expected
    rows = list(csv.DictReader(io.StringIO(_download(page, "download-csv"))))
    assert [r["quote_id"] for r in rows] == [q["id"] for q in expected["quotes"]]


def test_page_upload_text_file(bare_client: TestClient, extractor: Extractor) -> None:
    text = '"We will win," Anna Smith said.\n'
    files = {"file": ("story-1.txt", text.encode(), "text/plain")}
    page = bare_client.post("/", data={"text": ""}, files=files).text
    assert json.loads(_download(page, "download-json"))["id"] == "story-1"
    assert read_article(page).attributes["q1"]["data-speaker"] == "Anna Smith"


def test_page_upload_html_file_reads_the_main_text(bare_client: TestClient) -> None:
    body = '"We will open new schools," Maria Lopez said on Monday.\nThe plan is new.'
    data = html_page("Schools plan", body)
    page = bare_client.post("/", files={"file": ("page.html", data, "text/html")}).text
    reader = read_article(page)
    assert "".join(reader.text) == read_html(data, "page.html").text  # what `newsquotes run` reads
    assert "<html>" not in "".join(reader.text)
    assert {a["data-speaker"] for a in reader.attributes.values()} == {"Maria Lopez"}
    assert "<h1>Schools plan</h1>" in page


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("notes.pdf", b"%PDF-1.4", "E119"),
        ("binary.txt", b"\x89PNG\x00\x00", "E103"),
        ("latin1.txt", "Café".encode("latin-1"), "E104"),
        ("empty.html", b"", "E110"),
    ],
)
def test_page_upload_bad_files_are_400(bare_client: TestClient, name: str, data: bytes, code: str) -> None:
    _error_page(bare_client.post("/", files={"file": (name, data, "application/octet-stream")}), 400, code)


def test_page_paste_nothing_is_400(bare_client: TestClient) -> None:
    _error_page(bare_client.post("/", data={"text": "   "}), 400, "E110")


def test_page_body_over_the_limit_is_413(client: TestClient) -> None:
    _error_page(client.post("/", data={"text": "word " * 20_000}), 413, "E112")


def test_page_pasted_script_is_shown_not_run(bare_client: TestClient) -> None:
    page = bare_client.post("/", data={"text": XSS_TEXT, "title": XSS_TITLE}).text
    reader = read_article(page)
    assert "".join(reader.text) == XSS_TEXT and reader.tags.count("mark") >= 1
    assert {"script", "img", "b"}.isdisjoint(reader.tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "<script>window.__xssTitle" not in page and "&lt;script&gt;window.__xssTitle" in page


def test_page_corpus_article_from_stored_quotes(client: TestClient, extractor: Extractor) -> None:
    page = client.get(f"/articles/{XSS_ID}")
    assert page.status_code == 200
    reader = read_article(page.text)
    article = extractor.extract(XSS_TEXT, id=XSS_ID)
    assert "".join(reader.text) == XSS_TEXT and {"script", "img"}.isdisjoint(reader.tags)
    assert sorted(reader.quotes) == sorted(q.id for q in article.quotes)
    assert "<script>window.__xssTitle" not in page.text
    assert (
        f'href="/api/articles/{XSS_ID}"' in page.text
        and f'href="/api/articles/{XSS_ID}?format=csv"' in page.text
    )


def test_page_articles_list_search_and_pager(client: TestClient) -> None:
    page = client.get("/articles").text
    assert f'href="/articles/{XSS_ID}"' in page and "&lt;script&gt;window.__xssTitle" in page
    assert "6 in all" in page or "5 in all" in page  # the sample article is there when ../shared is
    found = client.get("/articles", params={"q": "Tom Jones"}).text
    assert "1 in all" in found and XSS_ID not in found
    assert 'value="Tom Jones"' in found
    assert "No articles match" in client.get("/articles", params={"q": "zzz-nothing"}).text


def test_page_speakers_and_a_speaker(client: TestClient) -> None:
    page = client.get("/speakers").text
    assert 'href="/speakers/Anna%20Smith"' in page and 'id="gender-share"' in page
    speaker = client.get("/speakers/Anna Smith")
    assert speaker.status_code == 200 and "<h1>Anna Smith</h1>" in speaker.text
    links = re.findall(r'href="/articles/([^"#]+)#quote-(q\d+)"', speaker.text)
    assert len(links) >= 3  # each quote links back to its place in its article
    article_id, quote_id = links[0]
    assert f'id="quote-{quote_id}"' in client.get(f"/articles/{article_id}").text
    only_direct = client.get("/speakers/Anna Smith", params={"type": "direct"}).text
    assert only_direct.count('<li class="quote-row">') < speaker.text.count('<li class="quote-row">')


def test_page_unknown_speaker_and_article_are_404(client: TestClient) -> None:
    _error_page(client.get("/speakers/Nobody Here"), 404, "E128")
    _error_page(client.get("/articles/no-such-id"), 404, "E126")


def test_page_quotes_search(client: TestClient) -> None:
    page = client.get("/quotes", params={"q": "schools", "type": "direct"}).text
    rows = re.findall(r'<blockquote data-quote-id="q\d+" data-speaker="([^"]*)">([^<]*)</blockquote>', page)
    assert rows and all("schools" in text.lower() for _, text in rows)
    assert '<option value="direct" selected>' in page


def test_page_errors_lists_the_runs_error_rows(client: TestClient) -> None:
    page = client.get("/errors").text
    assert "<code>E110</code>" in page and "empty.txt" in page and 'href="/errors?code=E110"' in page


@pytest.mark.parametrize(
    "path", ["/articles", f"/articles/{XSS_ID}", "/speakers", "/speakers/x", "/quotes", "/errors"]
)
def test_page_corpus_pages_without_a_corpus_are_404(bare_client: TestClient, path: str) -> None:
    _error_page(bare_client.get(path), 404, "E127")


def test_page_bad_parameter_is_400(client: TestClient) -> None:
    _error_page(client.get("/articles", params={"offset": -5}), 400, "E125")


def test_page_docs_describes_the_api(client: TestClient) -> None:
    page = client.get("/docs").text
    for path in ("/api/extract", "/api/articles/{article_id}", "/api/quotes", "/api/speakers", "/healthz"):
        assert path in page
    assert "<code>text</code>" in page and "413" in page and 'href="/openapi.json"' in page
