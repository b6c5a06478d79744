"""Time and peak memory of `newsquotes merge` (the DuckDB engine) on synthetic quotes.

Writes a corpus folder of N direct quotes (5 per article) in part files of 100,000 rows, without
holding them in memory: a third are repeats of earlier quotes (exact, with case and punctuation
changed), a tenth are a clause of an earlier quote (contained), a tenth have one word changed
(near); the rest are new. Then merges it in a child process and prints the wall time, the
child's peak resident memory, and the counts by match kind against what was planted.

    .venv/bin/python bench/merge_scale.py [--quotes 1000000] [--keep DIR] [--memory-limit 1GB]
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsquotes.io.parquet import TABLES, write_part
from newsquotes.query import query

_PART = 100_000
_PER_ARTICLE = 5


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)]


def write_corpus(folder: Path, n_quotes: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    words = _vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))  # Zipf-like
    recent: list[str] = []  # a bounded pool of earlier quotes to repeat from
    planted = {"new": 0, "exact": 0, "contained": 0, "near": 0}
    for table in TABLES:
        (folder / table).mkdir(parents=True)
    for part, start in enumerate(range(0, n_quotes, _PART)):
        quotes, articles = [], []
        for number in range(start, min(start + _PART, n_quotes)):
            roll = rng.random()
            if recent and roll < 0.33:
                text, kind = rng.choice(recent).upper() + "!", "exact"
            elif recent and roll < 0.43 and len(base := rng.choice(recent).split()) >= 16:
                cut = rng.randint(0, len(base) - 12)
                text, kind = " ".join(base[cut : cut + 12]), "contained"
            elif recent and roll < 0.53:
                base = rng.choice(recent).split()
                base[rng.randrange(len(base))] = rng.choice(words)
                text, kind = " ".join(base), "near"
            else:
                text = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 40))) + "."
                kind = "new"
                recent.append(text)
                if len(recent) > 50_000:
                    recent.pop(rng.randrange(len(recent)))
            planted[kind] += 1
            article = f"a{number // _PER_ARTICLE:08d}"
            if number % _PER_ARTICLE == 0:
                articles.append(
                    {
                        "id": article,
                        "source": "synthetic",
                        "url": f"https://example.org/{article}",
                        "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                        "title": None,
                        "caption": None,
                        "credit": None,
                        "text": "",
                    }
                )
            quotes.append(
                {
                    "article_id": article,
                    "quote_id": f"q{number % _PER_ARTICLE + 1}",
                    "type": "direct",
                    "text": text,
                    "spans": None,
                    "cue_text": None,
                    "cue_spans": None,
                    "speaker_name": f"Speaker {rng.randrange(5000)}",
                    "speaker_kind": "person",
                    "mention_text": None,
                    "mention_spans": None,
                    "confidence": 0.9,
                }
            )
        write_part(folder / "quotes" / f"part-{part:06d}.parquet", "quotes", quotes, "parquet")
        write_part(folder / "articles" / f"part-{part:06d}.parquet", "articles", articles, "parquet")
    for table in ("people", "errors"):
        write_part(folder / table / "part-000000.parquet", table, [], "parquet")
    return planted


_CHILD = (
    "import sys; from pathlib import Path; from newsquotes.merge import MergeSettings; "
    "from newsquotes.merge.local import merge_local; "
    "print(merge_local(Path(sys.argv[1]), MergeSettings(memory_limit=sys.argv[2])))"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB's memory limit (default 1GB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch) / "corpus"
        started = time.perf_counter()
        planted = write_corpus(folder, args.quotes)
        print(f"wrote {args.quotes:,} quotes in {time.perf_counter() - started:.1f} s; planted {planted}")
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), args.memory_limit], capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        if result.returncode:
            raise SystemExit(result.stderr)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"merge: {seconds:.1f} s ({args.quotes / seconds:,.0f} quotes/s), peak memory {peak_mb:,.0f} MB"
        )
        print(f"tables: {result.stdout.strip()}")
        table = query(folder, "SELECT match, count(*) FROM quotation_occurrences GROUP BY 1 ORDER BY 1")
        print("occurrences by match: " + ", ".join(f"{m} {n:,}" for m, n in table.rows))
        multi = query(folder, "SELECT count(*) FROM quotations WHERE n_articles > 1").rows[0][0]
        print(f"quotations in more than one article: {multi:,}")


if __name__ == "__main__":
    main()
