"""Peak memory and time of one long article: 10k, 100k and 1M characters.

Each article is generated (news prose with direct and reported quotes, several speakers, a
paragraph every few sentences; ``--kind curly`` mixes in unbalanced curly quotes and runs of
them, the input that took the most memory in issue #12) and extracted alone, in a fresh process
per size so the peak resident memory is that article's, model loading included (reported
apart as ``load s``). ``extract s`` is the extraction of the one article; ``s per 100k``
shows whether time grows linearly with length.

    .venv/bin/python bench/long_inputs.py                     # rules + model
    .venv/bin/python bench/long_inputs.py --no-model --kind curly
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

SIZES = (10_000, 100_000, 1_000_000)
SPEAKERS = ("Anna Smith", "Tom Jones", "Maria Lopez", "the council", "John Brown", "a spokesman")

_RUN = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from long_inputs import article
size, kind, use_model = int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
text = article(size, kind)
start = time.perf_counter()
from newsquotes import Extractor
extractor = Extractor(use_model=use_model)
loaded = time.perf_counter()
result = extractor.extract(text, id="long")
done = time.perf_counter()
print(json.dumps({"chars": len(text), "load": loaded - start, "seconds": done - loaded,
                  "quotes": len(result.quotes), "people": len(result.people),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _sentence(n: int, kind: str) -> str:
    speaker = SPEAKERS[n % len(SPEAKERS)]
    name = speaker.split()[-1] if n % 3 else speaker
    choices = (
        f'"We will open {n} new schools this year," {speaker} said on Monday.',
        f"{name} told reporters that the plan would cost {n} million pounds.",
        f"The council met on Tuesday to discuss road number {n} and the budget.",
        f"According to {speaker}, the project could be finished by June {2000 + n % 30}.",
        f'{speaker} said the figures were "not good enough" and promised a review.',
    )
    sentence = choices[n % len(choices)]
    if kind == "curly" and n % 4 == 0:
        sentence = f"“{sentence} " + ("“" * (n % 50))  # an opening mark never closed, and a run
    return sentence


def article(size: int, kind: str = "prose") -> str:
    """A generated article of exactly ``size`` characters."""
    parts: list[str] = []
    length = 0
    n = 0
    while length < size:
        piece = _sentence(n, kind) + ("\n\n" if n % 4 == 3 else " ")
        parts.append(piece)
        length += len(piece)
        n += 1
    return "".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-model", action="store_true", help="the rule engine alone")
    parser.add_argument("--kind", choices=("prose", "curly"), default="prose")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="characters")
    args = parser.parse_args()
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    here = os.path.dirname(os.path.abspath(__file__))
    engine = "rules" if args.no_model else "rules + model"
    print(f"one {args.kind} article per size, {engine}, one process each")
    print(f"{'chars':>10} {'load s':>7} {'extract s':>10} {'s per 100k':>11} {'peak MB':>8} {'quotes':>7}")
    for size in args.sizes:
        command = [sys.executable, "-c", _RUN, here, str(size), args.kind, "0" if args.no_model else "1"]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{size:,} characters failed:\n{done.stderr[-2000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        per = result["seconds"] / result["chars"] * 100_000
        print(
            f"{result['chars']:>10,} {result['load']:7.1f} {result['seconds']:10.1f} {per:11.2f}"
            f" {result['peak_mb']:8.0f} {result['quotes']:7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
