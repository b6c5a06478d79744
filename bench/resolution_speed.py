"""What entity resolution costs: the people registry and speaker resolution against the whole
per-article pipeline, on the same articles in the same run.

For each article (BBC texts from ``../shared/data/bbc``, else PolNeAR dev) the full pipeline
runs once (spaCy, the rules, the model, resolution: ``Extractor.extract``); then, on the parsed
document it returned, the resolution stage alone (``pipeline.attribution.resolve``: building
the registry, ranking pronoun antecedents, naming every quote's speaker) runs again and is
timed. Prints both in ms per article and the share; the target is at most 10%.

    .venv/bin/python bench/resolution_speed.py --n 200
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from model_speed import bench_articles

from newsquotes import Extractor
from newsquotes.io.metadata import parse_metadata
from newsquotes.pipeline.attribution import find_by_rules, resolve


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--no-model", action="store_true", help="the rules alone as the pipeline")
    args = parser.parse_args()
    name, files = bench_articles(args.n)
    extractor = Extractor(use_model=not args.no_model)
    nlp = extractor.nlp
    pipeline = resolution = 0.0
    quotes = 0
    for file in files:
        text = Path(file).read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        doc = nlp(text)
        pipeline += time.perf_counter() - started
        body_start = parse_metadata(text).body_start
        found, dropped = find_by_rules(doc, body_start)
        started = time.perf_counter()
        analysis = resolve(doc, found, dropped, body_start)
        resolution += time.perf_counter() - started
        quotes += len(analysis.quotes)
    n = len(files)
    kind = "rules" if args.no_model else "rules + model"
    print(f"{n} {name} articles, {quotes} quotes resolved; pipeline {kind}")
    print(f"whole pipeline   {1000 * pipeline / n:7.1f} ms/article")
    share = 100 * resolution / pipeline
    print(f"resolution stage {1000 * resolution / n:7.1f} ms/article  ({share:.1f}% of the pipeline)")


if __name__ == "__main__":
    main()
