"""Run the extractor over every PolNeAR train (or dev) article: crashes, direct-quote recall,
and articles per second on one core.

A gold direct quote is a PolNeAR content span enclosed in quote marks. It counts as found with
an exact span when a predicted quote keeps the same characters once white space, quote marks
and punctuation are set aside (the evaluator's exact-match rule, `newsquotes eval`).

    .venv/bin/python bench/polnear_direct.py [train|dev] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import traceback
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy

from newsquotes import Extractor
from newsquotes.evaluate.match import kept_chars

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def chars(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return kept_chars(text, tuple(spans))


def gold_direct(text: str, ann: Path) -> list[frozenset[int]]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2 or not parts[1].startswith("Content"):
            continue
        spans = [tuple(map(int, frag.split())) for frag in parts[1].split(" ", 1)[1].split(";")]
        first, last = spans[0][0], spans[-1][1]
        content = text[first:last].strip().rstrip(".,")
        if content[:1] in "\"“'‘" and content[-1:] in "\"”'’" and len(content) > 2:
            out.append(chars(text, spans))  # type: ignore[arg-type]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", nargs="?", default="train")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    folder = SHARED / args.split
    if not folder.exists():
        raise SystemExit(f"PolNeAR not found at {folder}: this benchmark needs ../shared")
    texts = sorted((folder / "text").glob("*.txt"))[: args.limit or None]
    extractor = Extractor()
    # Baseline measured in the same run: the spaCy pipeline alone on the same texts.
    nlp = spacy.load(extractor.model)
    started = time.perf_counter()
    for _ in nlp.pipe((p.read_text(encoding="utf-8") for p in texts), batch_size=8):
        pass
    baseline = time.perf_counter() - started
    crashes = found = total = words = 0
    elapsed = 0.0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        gold = gold_direct(text, anns[0]) if anns else []
        started = time.perf_counter()
        try:
            article = extractor.extract(text, id=path.stem)
        except Exception:
            crashes += 1
            traceback.print_exc()
            continue
        finally:
            elapsed += time.perf_counter() - started
        predicted = {chars(text, list(q.spans)) for q in article.quotes}
        total += len(gold)
        found += sum(1 for g in gold if g in predicted)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(texts)}  crashes: {crashes}  words: {words}")
    print(
        f"gold direct quotes: {total}  found with exact spans: {found} ({100 * found / max(1, total):.1f}%)"
    )
    print(f"spaCy pipeline alone: {baseline:.1f} s, {len(texts) / baseline:.2f} articles/s")
    print(
        f"newsquotes extract:   {elapsed:.1f} s, {len(texts) / elapsed:.2f} articles/s, "
        f"{words / elapsed:.0f} words/s, {baseline / elapsed:.2f}x the pipeline's speed; "
        f"one process, peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
