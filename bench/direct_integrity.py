"""Does the learned model leave the rules' quote-marked quotes alone?

Runs the rule engine alone (``Extractor(use_model=False)``) and the default pipeline (rules +
model) over the same BBC articles (``../shared/data/bbc``, every section in turn) and follows
each direct quote of the rules with 6+ words into the default output:

- ``identical``: a quote with the same spans and type ``direct``;
- ``in a mixed quote``: a quote-marked fragment the model read as part of a reported clause
  (``Willis has endured "extreme mental, physical and emotional pain"``), its spans whole inside
  that ``mixed`` quote, as the schema says such a fragment is;
- ``changed``: anything else (cut short, extended, merged with narration, typed otherwise, or
  lost). Each is printed with its article.

    .venv/bin/python bench/direct_integrity.py --n 300
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from throughput import pick_articles

from newsquotes import Extractor
from newsquotes.model import Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MIN_WORDS = 6


def _inside(quote: Quote, outer: Quote) -> bool:
    return all(any(c <= a and b <= d for c, d in outer.spans) for a, b in quote.spans)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    args = parser.parse_args()
    data = SHARED / "bbc"
    if not data.is_dir():
        print(f"no BBC texts at {data}: nothing to measure", file=sys.stderr)
        return 2
    files = pick_articles(data, args.n)
    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    rules = Extractor(use_model=False).pipe((t, {"id": f}) for t, f in zip(texts, files, strict=True))
    full = Extractor().pipe((t, {"id": f}) for t, f in zip(texts, files, strict=True))
    counts = {"identical": 0, "in a mixed quote": 0, "changed": 0}
    changed = []
    for by_rules, by_default in zip(rules, full, strict=True):
        for quote in by_rules.quotes:
            if quote.type != "direct" or len(quote.text.split()) < MIN_WORDS:
                continue
            if any(q.spans == quote.spans and q.type == "direct" for q in by_default.quotes):
                counts["identical"] += 1
            elif any(q.type == "mixed" and _inside(quote, q) for q in by_default.quotes):
                counts["in a mixed quote"] += 1
            else:
                counts["changed"] += 1
                changed.append((by_rules.id, quote.text))
    total = sum(counts.values())
    print(f"{len(files)} BBC articles, {total} direct quotes of {MIN_WORDS}+ words found by the rules")
    for what, count in counts.items():
        print(f"  {what:<18} {count:>5}  {100 * count / max(1, total):6.2f}%")
    kept = counts["identical"] + counts["in a mixed quote"]
    print(f"  {'kept whole':<18} {kept:>5}  {100 * kept / max(1, total):6.2f}%")
    for article, text in changed:
        print(f"changed: {article}: {text[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
