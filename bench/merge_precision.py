"""Samples of merged quotations to judge by hand, per match kind, from a merged corpus folder.

Prints, for a seeded random sample of occurrences matched ``exact`` (in another article than
the quotation's first), ``contained`` and ``near``: the quotation's text, the occurrence's quote
text, both speakers and both article ids. Judge each line as a true merge (same words said by the
same person on the same occasion) or a false one. With ``--threshold-sweep``, it merges copies
of the folder at lower near thresholds and prints the near occurrences each lower threshold adds.

    .venv/bin/python bench/merge_precision.py OUT [--n 40] [--seed 14] [--threshold-sweep 0.6,0.7]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from pathlib import Path

from newsquotes.merge import MergeSettings
from newsquotes.merge.local import merge_local
from newsquotes.query import query

_OCCURRENCES = """SELECT o.quotation_id, o.match, t.text AS quotation, q.text AS quote, o.article_id,
        t.first_article_id, o.speaker_name, t.speaker_name AS quotation_speaker
    FROM quotation_occurrences o JOIN quotations t ON t.quotation_id = o.quotation_id
    JOIN quotes q ON q.article_id = o.article_id AND q.quote_id = o.quote_id
    WHERE t.n_occurrences > 1 AND o.article_id <> t.first_article_id
    ORDER BY o.quotation_id, o.article_id, o.quote_id"""


def _show(rows: list[tuple[object, ...]], n: int, seed: int, kind: str) -> None:
    chosen = [r for r in rows if r[1] == kind]
    sample = random.Random(seed).sample(chosen, min(n, len(chosen)))
    print(f"== {kind}: {len(sample)} of {len(chosen)} occurrences")
    for number, (qid, _, quotation, quote, article, first, speaker, quotation_speaker) in enumerate(
        sample, 1
    ):
        print(f"[{number}] {qid} {article} (first {first}) speaker {speaker!r} / {quotation_speaker!r}")
        print(f"    Q: {quotation}\n    O: {quote}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a merged corpus folder")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--threshold-sweep", help="comma-separated lower near thresholds")
    args = parser.parse_args()
    rows = query(args.folder, _OCCURRENCES).rows
    for kind in ("exact", "contained", "near"):
        _show(rows, args.n, args.seed, kind)
    if not args.threshold_sweep:
        return
    base = {(r[4], r[3]) for r in rows if r[1] == "near"}
    for threshold in sorted(float(t) for t in args.threshold_sweep.split(","))[::-1]:
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "copy"
            shutil.copytree(args.folder, copy)
            merge_local(copy, MergeSettings(near_threshold=threshold))
            added = [r for r in query(copy, _OCCURRENCES).rows if r[1] == "near" and (r[4], r[3]) not in base]
        print(f"\n== near at threshold {threshold}: {len(added)} occurrences not near at the default")
        _show([(*r[:1], "near", *r[2:]) for r in added], args.n, args.seed, "near")


if __name__ == "__main__":
    main()
