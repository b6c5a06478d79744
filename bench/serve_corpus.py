"""Page and API timings of ``newsquotes serve`` over a large synthetic corpus folder.

Writes a corpus of ``--articles`` articles with ``--quotes`` quotes each (default 50,000 x 20 =
1,000,000 quotes) straight as Parquet part files in the schema of ``newsquotes run`` (Zipf-
distributed speakers, so a few are quoted very often), opens it as ``newsquotes serve`` does,
and prints the median time of each page and API request over a few runs, through the app's test
client (no network). The extraction pipeline is not used: the rule engine is loaded only
because the app needs one.

    .venv/bin/python bench/serve_corpus.py [--articles N] [--quotes N] [--out DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from newsquotes import Extractor
from newsquotes.io.parquet import SCHEMAS
from newsquotes.web import ServeSettings, create_app

_WORDS = "the minister said that new schools would open next year in every region council plan budget".split()
_FIRST = ["Anna", "Tom", "Maria", "John", "Li", "Amara", "Olga", "Raj", "Sven", "Chloe"]
_LAST = ["Smith", "Jones", "Lopez", "Brown", "Wei", "Okafor", "Ivanova", "Patel", "Berg", "Martin"]


def _write_corpus(out: Path, articles: int, per_article: int, chunk: int = 5000) -> None:
    rng = np.random.default_rng(13)
    names = [f"{f} {last} {n}" for n in range(50) for f in _FIRST for last in _LAST]  # 5,000
    genders = rng.choice(
        np.array(["female", "male", None], dtype=object), size=len(names), p=[0.35, 0.5, 0.15]
    )
    for table in SCHEMAS:
        (out / table).mkdir(parents=True, exist_ok=True)
    for part, first in enumerate(range(0, articles, chunk)):
        ids = [f"a{n:08d}" for n in range(first, min(first + chunk, articles))]
        article_rows, quote_rows, people_rows = [], [], []
        for article_id in ids:
            picks = np.minimum(rng.zipf(1.6, size=per_article) - 1, len(names) - 1)
            sentences = [f'"{" ".join(rng.choice(_WORDS, size=12))}," {names[p]} said.' for p in picks]
            text = "\n\n".join(sentences)
            offset = 0
            for number, (sentence, pick) in enumerate(zip(sentences, picks, strict=True), start=1):
                start = offset + 1
                end = offset + sentence.index('," ') + 1
                mention = offset + sentence.index('," ') + 3
                quote_rows.append(
                    {
                        "article_id": article_id,
                        "quote_id": f"q{number}",
                        "type": "direct",
                        "text": text[start:end],
                        "spans": [[start, end]],
                        "cue_text": "said",
                        "cue_spans": [[offset + len(sentence) - 5, offset + len(sentence) - 1]],
                        "speaker_name": names[pick],
                        "speaker_kind": "person",
                        "mention_text": names[pick],
                        "mention_spans": [[mention, mention + len(names[pick])]],
                        "confidence": 0.9,
                    }
                )
                offset += len(sentence) + 2
            for pick in sorted(set(picks.tolist())):
                people_rows.append(
                    {
                        "article_id": article_id,
                        "name": names[pick],
                        "kind": "person",
                        "gender": genders[pick],
                        "mentions": [],
                        "gender_evidence": [],
                    }
                )
            day = 1 + int(article_id[1:]) % 28
            article_rows.append(
                {
                    "id": article_id,
                    "source": f"/news/{article_id}.txt",
                    "url": None,
                    "date": f"2024-02-{day:02d}",
                    "title": f"Article {article_id}",
                    "caption": None,
                    "credit": None,
                    "text": text,
                }
            )
        for table, rows in (("articles", article_rows), ("quotes", quote_rows), ("people", people_rows)):
            pq.write_table(
                pa.Table.from_pylist(rows, schema=SCHEMAS[table]), out / table / f"part-{part:06d}.parquet"
            )
    error_rows = [
        {"article_id": f"e{n}", "source": "/news/bad.txt", "code": "E110", "message": "Empty"}
        for n in range(100)
    ]
    pq.write_table(
        pa.Table.from_pylist(error_rows, schema=SCHEMAS["errors"]), out / "errors" / "part-000000.parquet"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--quotes", type=int, default=20, help="quotes per article")
    parser.add_argument("--out", type=Path, help="corpus folder to write (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch) / "corpus"
        started = time.perf_counter()
        if not (out / "quotes").is_dir():
            _write_corpus(out, args.articles, args.quotes)
        size = sum(p.stat().st_size for p in out.rglob("*.parquet")) / 1e6
        print(
            f"corpus: {args.articles:,} articles, {args.articles * args.quotes:,} quotes, {size:.0f} MB "
            f"of Parquet ({time.perf_counter() - started:.1f} s to write)"
        )
        started = time.perf_counter()
        app = create_app(ServeSettings(corpus=out), extractor=Extractor(use_model=False))
        print(f"open (index tables built): {time.perf_counter() - started:.2f} s")
        middle = f"a{args.articles // 2:08d}"
        requests = [
            "/articles",
            f"/articles?offset={args.articles - 50}",
            "/articles?q=Article%20a000012",
            f"/articles/{middle}",
            "/speakers",
            "/speakers?q=Olga",
            "/speakers/Anna%20Smith%200",
            "/speakers/Anna%20Smith%200?offset=5000",
            "/quotes?q=budget%20council",
            "/quotes?q=no%20such%20words",
            "/errors",
            "/api/articles?limit=100",
            f"/api/articles/{middle}",
            "/api/quotes?speaker=Chloe%20Martin%2049&limit=100",
            "/api/quotes?q=minister&limit=100&offset=10000",
            "/api/speakers?limit=100",
        ]
        with TestClient(app) as client:
            for path in requests:
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - started)
                    assert response.status_code == 200, (path, response.text[:200])
                print(f"{statistics.median(times) * 1000:8.1f} ms  {len(response.content):>9,} B  {path}")


if __name__ == "__main__":
    main()
