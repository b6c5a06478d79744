"""Fit the antecedent ranker of ``newsquotes.pipeline.ranking`` and write its weights.

    python training/train_ranker.py            # PolNeAR train -> src/newsquotes/models/ranking/ranker.json

Training signal without new annotation: in PolNeAR train, every subject mention of a person
whose name the registry joined to an entity named before it is a pseudo-pronoun: were it "he"
or "she" (the entity's gender), which earlier entity would it be? The candidates are the ones
a real pronoun would see (same kind, compatible gender, within the window); the answer is
certain because the name says it. A conditional logit (softmax over each example's candidates,
L2, full-batch gradient descent, fixed seed-free initialisation at zero) is fitted on those.

Pseudo-pronouns alone teach the wrong lesson on recency (a writer repeats a name where a
pronoun would be unclear), so the real pronouns of PolNeAR dev, whose canonical gold names the
person each refers to, are fitted too, with ``--dev-mass`` times the weight of all
pseudo-pronouns together. The accuracy reported for it is 4-fold cross-validated over dev
(each fold scored by a model that never saw it). Takes about 5 minutes on 2 cores (parsing).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsquotes.errors import PipelineError  # noqa: E402
from newsquotes.evaluate.gold import read_gold  # noqa: E402
from newsquotes.evaluate.match import normalise_name  # noqa: E402
from newsquotes.extractor import load  # noqa: E402
from newsquotes.io.metadata import parse_metadata  # noqa: E402
from newsquotes.pipeline.lexicon import PRONOUN_GENDER  # noqa: E402
from newsquotes.pipeline.people import Registry  # noqa: E402
from newsquotes.pipeline.ranking import FEATURES, Ranker, load_ranker  # noqa: E402

WINDOW = 6
SEED = 13
DEV_MASS = 3.0


def previous_ranker(path: Path) -> Ranker:
    """The weights written last, a feature added since at 0: they steer the registry's own
    pronoun chains while the examples are built."""
    try:
        return load_ranker()
    except PipelineError:
        weights = json.loads(path.read_text(encoding="utf-8"))["weights"]
        return Ranker(tuple(float(weights.get(name, 0.0)) for name in FEATURES))


def parse(texts: list[str]):  # type: ignore[no-untyped-def]
    nlp = load(use_model=False)
    with nlp.select_pipes(disable=["newsquotes"]):
        yield from nlp.pipe(texts, batch_size=8)


def pseudo_examples(doc, registry: Registry) -> list[tuple[np.ndarray, int]]:  # type: ignore[no-untyped-def]
    examples = []
    for token in doc:
        entity = registry.entity_at(token)
        if entity is None or not entity.named or entity.kind != "person":
            continue
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN":
            continue
        first = token
        while first.i > 0 and registry.entity_at(doc[first.i - 1]) is entity:
            first = doc[first.i - 1]
        gender = entity.gender
        candidates = registry.candidates(first, gender, "person", WINDOW)
        answer = [i for i, (e, _) in enumerate(candidates) if e is entity]
        if len(candidates) < 2 or not answer:
            continue
        features = registry.features(first, gender, candidates)
        examples.append((np.array([f.vector() for f in features]), answer[0]))
    return examples


def dev_examples(gold, docs, registry_of) -> list[tuple[np.ndarray, int]]:  # type: ignore[no-untyped-def]
    """Real pronoun sources of PolNeAR dev with a named person as their canonical speaker."""
    examples = []
    for article, doc in zip(gold, docs, strict=True):
        registry = registry_of(doc, article.text)
        for attribution in article.attributions:
            if (
                attribution.kind != "person"
                or attribution.mention_kind != "pronoun"
                or not attribution.source
            ):
                continue
            span = doc.char_span(*attribution.source[0], alignment_mode="expand")
            if span is None or len(span) != 1 or span[0].lower_ not in PRONOUN_GENDER:
                continue
            token = span[0]
            gender = PRONOUN_GENDER[token.lower_]
            candidates = registry.candidates(token, gender, "person", WINDOW)  # type: ignore[arg-type]
            target = normalise_name(attribution.canonical)
            answer = [i for i, (e, _) in enumerate(candidates) if normalise_name(e.name) == target]
            if not candidates:
                continue
            features = registry.features(token, gender, candidates)  # type: ignore[arg-type]
            examples.append((np.array([f.vector() for f in features]), answer[0] if answer else -1))
    return examples


def accuracy(weights: np.ndarray, examples: list[tuple[np.ndarray, int]]) -> float:
    right = sum(int(np.argmax(x @ weights)) == y for x, y in examples)
    return right / max(1, len(examples))


def fit(
    examples: list[tuple[np.ndarray, int]],
    weight: list[float] | None = None,
    l2: float = 0.01,
    steps: int = 600,
    lr: float = 0.5,
) -> np.ndarray:
    """A conditional logit: softmax over each example's candidates, L2-penalised."""
    usable = [
        (x, y, w) for (x, y), w in zip(examples, weight or [1.0] * len(examples), strict=True) if y >= 0
    ]
    total = sum(w for _, _, w in usable)
    weights = np.zeros(len(FEATURES))
    for _ in range(steps):
        grad = l2 * weights
        for x, y, w in usable:
            scores = x @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            grad += w * (p @ x - x[y]) / total
        weights -= lr * grad
    return weights


def cross_validate(train: list, dev: list, dev_mass: float, folds: int = 4) -> float:  # type: ignore[type-arg]
    """Accuracy on real dev pronouns of models fitted on train and the other dev folds."""
    order = list(range(len(dev)))
    random.Random(SEED).shuffle(order)
    right = 0
    for k in range(folds):
        held = set(order[k::folds])
        rest = [dev[i] for i in order if i not in held]
        weights = fit(train + rest, _weights(train, rest, dev_mass))
        right += sum(int(np.argmax(dev[i][0] @ weights)) == dev[i][1] for i in held)
    return right / max(1, len(dev))


def _weights(train: list, dev: list, dev_mass: float) -> list[float]:  # type: ignore[type-arg]
    # the few real pronouns carry ``dev_mass`` times the weight of all pseudo-pronouns together
    return [1.0] * len(train) + [dev_mass * len(train) / max(1, len(dev))] * len(dev)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    shared = ROOT.parent / "shared" / "data" / "polnear"
    parser.add_argument("--train", type=Path, default=shared / "train")
    parser.add_argument("--dev", type=Path, default=shared / "dev")
    parser.add_argument("--dev-mass", type=float, default=DEV_MASS)
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsquotes/models/ranking/ranker.json")
    args = parser.parse_args()
    started = time.time()
    shipped = previous_ranker(args.out)

    def registry_of(doc, text: str) -> Registry:  # type: ignore[no-untyped-def]
        return Registry(doc, parse_metadata(text).body_start, ranker=shipped)

    train_texts = [p.read_text(encoding="utf-8") for p in sorted((args.train / "text").glob("*.txt"))]
    train: list[tuple[np.ndarray, int]] = []
    for text, doc in zip(train_texts, parse(train_texts), strict=True):
        train.extend(pseudo_examples(doc, registry_of(doc, text)))
    gold = read_gold(args.dev)
    dev = dev_examples(gold, list(parse([a.text for a in gold])), registry_of)
    pseudo_only = fit(train)
    weights = fit(train + dev, _weights(train, dev, args.dev_mass))
    current = np.array(shipped.weights)
    cv = cross_validate(train, dev, args.dev_mass)
    print(f"pseudo-pronoun examples (train): {len(train)}; real pronouns (dev): {len(dev)}")
    print(
        f"dev pronoun accuracy: current weights {accuracy(current, dev):.3f}, pseudo-only {accuracy(pseudo_only, dev):.3f}"
    )
    print(f"dev pronoun accuracy of train + dev, {4}-fold cross-validated: {cv:.3f}")
    data = {
        "version": f"polnear-{len(train)}-{len(dev)}",
        "features": list(FEATURES),
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        "trained_on": "PolNeAR train pseudo-pronouns + PolNeAR dev real pronouns (canonical gold)",
        "dev_mass": args.dev_mass,
        "examples": {"train_pseudo": len(train), "dev_real": len(dev)},
        "dev_pronoun_accuracy_cv": round(cv, 4),
        "dev_pronoun_accuracy_pseudo_only": round(accuracy(pseudo_only, dev), 4),
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
