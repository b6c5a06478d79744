"""Tokenizer time on runs of punctuation: linear in the run's length, against spaCy's own.

spaCy's tokenizer splits a run of quote marks one prefix at a time, re-scanning the rest of the
run each time: quadratic, minutes for 50,000 curly quotes. ``Extractor.make_doc`` splits such
runs itself. For each run length this prints newsquotes's time, the time per 10,000 marks (flat
if linear) and spaCy's own tokenizer on the same text where it takes under a minute (the
baseline, measured in the same run; ``--spacy-max`` sets the longest run it is given).

    .venv/bin/python bench/tokenizer_runs.py
    .venv/bin/python bench/tokenizer_runs.py --lengths 10000 50000 200000 --spacy-max 20000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from newsquotes import Extractor


def _text(length: int, mark: str) -> str:
    return "She said " + mark * length + "  and left.\n\nNext."


def _seconds(tokenize: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    tokenize(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lengths", type=int, nargs="+", default=[5_000, 20_000, 50_000, 100_000])
    parser.add_argument("--spacy-max", type=int, default=20_000, help="longest run given to spaCy")
    args = parser.parse_args()
    extractor = Extractor(use_model=False)
    print(f"{'mark':>4} {'length':>8} {'newsquotes s':>13} {'s per 10k':>10} {'spaCy s':>9} {'ratio':>7}")
    for mark in ("“", '"', "—"):
        for length in args.lengths:
            text = _text(length, mark)
            ours = _seconds(extractor.make_doc, text)
            theirs = _seconds(extractor.nlp.make_doc, text) if length <= args.spacy_max else None
            spacy_s = f"{theirs:9.2f}" if theirs is not None else f"{'-':>9}"
            ratio = f"{theirs / ours:7.1f}" if theirs is not None and ours > 0 else f"{'-':>7}"
            print(f"{mark:>4} {length:>8} {ours:13.3f} {ours / length * 10_000:10.4f} {spacy_s} {ratio}")


if __name__ == "__main__":
    main()
