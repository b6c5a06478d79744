"""The learned attribution tagger: wordpiece windows in, source/cue/content spans out.

A fine-tuned MiniLM token classifier (``training/train_tagger.py``) tags every wordpiece with
one of :data:`LABELS`. It ships as an int8 ONNX graph with its ``tokenizer.json`` in
``newsquotes/models/attribution/`` and runs on ONNX Runtime: no torch, no network.

Encoding and decoding live here, not in the training script, so the model sees at run time
exactly what it saw in training.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import PipelineError

Role = Literal["source", "cue", "content"]
ROLES: tuple[Role, ...] = ("source", "cue", "content")
LABELS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
WINDOW = 254  # wordpieces per window, leaving room for [CLS] and [SEP] in 256
STRIDE = 192  # windows overlap; each piece is read from the window where it is most central
MODEL_DIR = "models/attribution"
TAGS_KEY = "newsquotes_tags"  # doc.user_data key of a Future of tags computed ahead


@dataclass(frozen=True, slots=True)
class Encoding:
    """The wordpieces of one text: vocabulary ids and character offsets into the text."""

    ids: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A span the tagger marked as a source, cue or content, with its mean tag probability."""

    role: Role
    start: int
    end: int
    score: float


def encode(tokenizer: Any, text: str, body_start: int = 0) -> Encoding:
    """Wordpieces of ``text`` from ``body_start`` on, offsets into the whole text.

    Line breaks become ``|`` (one character for one, so offsets stay exact): the uncased
    tokenizer would otherwise drop paragraph breaks, which end most quotes.
    """
    body = text[body_start:].replace("\n", "|")
    encoded = tokenizer.encode(body, add_special_tokens=False)
    offsets = tuple((body_start + a, body_start + b) for a, b in encoded.offsets)
    return Encoding(ids=tuple(encoded.ids), offsets=offsets)


def windows(length: int, size: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """``[start, end)`` piece ranges covering ``length`` pieces, each at most ``size`` long.

    >>> windows(500, 254, 192)
    [(0, 254), (192, 446), (246, 500)]
    """
    if length <= size:
        return [(0, length)]
    # the last window is pinned to the end of the text, so no window is short
    starts = sorted({*range(0, length - size, stride), length - size})
    return [(s, min(s + size, length)) for s in starts]


def owner_windows(length: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    """For each piece, the window in which it lies farthest from an edge."""
    owner = [0] * length
    best = [-1] * length
    for n, (lo, hi) in enumerate(spans):
        for i in range(lo, hi):
            margin = min(i - lo, hi - 1 - i)
            if margin > best[i]:
                best[i], owner[i] = margin, n
    return owner


def decode(tags: Sequence[int], probs: Sequence[float], offsets: Sequence[tuple[int, int]]) -> list[RoleSpan]:
    """Turn one tag per piece into character spans. An ``I-`` after another role starts a span."""
    found: list[RoleSpan] = []
    role: Role | None = None
    start = end = 0
    scores: list[float] = []

    def close() -> None:
        if role is not None:
            found.append(RoleSpan(role, start, end, round(sum(scores) / len(scores), 3)))

    for tag, prob, (a, b) in zip(tags, probs, offsets, strict=True):
        label = LABELS[tag]
        if label == "O":
            close()
            role = None
            continue
        prefix, name = label.split("-", 1)
        if prefix == "B" or name != role:
            close()
            role, start, scores = name, a, []  # type: ignore[assignment]
        end = b
        scores.append(prob)
    close()
    return found


def snap_to_words(text: str, spans: Sequence[RoleSpan]) -> list[RoleSpan]:
    """``spans`` widened to whole words: a tag that stops inside a word (``John Dick`` of
    ``John Dickey``, one wordpiece short) covers the word."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        out.append(
            span if (start, end) == (span.start, span.end) else RoleSpan(span.role, start, end, span.score)
        )
    return out


def window_batch(
    ids: Sequence[int], spans: Sequence[tuple[int, int]], cls_id: int, sep_id: int
) -> tuple[np.ndarray, np.ndarray]:
    """Input ids and attention mask of the windows ``spans`` of ``ids``, each row framed by
    ``[CLS]`` and ``[SEP]`` and padded to the longest: what the model reads, in training too."""
    width = max(hi - lo for lo, hi in spans) + 2
    batch = np.zeros((len(spans), width), dtype=np.int64)
    mask = np.zeros_like(batch)
    for n, (lo, hi) in enumerate(spans):
        row = [cls_id, *ids[lo:hi], sep_id]
        batch[n, : len(row)] = row
        mask[n, : len(row)] = 1
    return batch, mask


def read_tags(probs: np.ndarray, spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[float]]:
    """The tag of each piece and its probability, read from the window that owns the piece
    (``probs``: windows x pieces x labels, [CLS] first), decoded as one well-formed sequence
    (see :func:`viterbi`)."""
    length = spans[-1][1]
    owner = owner_windows(length, spans)
    rows = np.stack([probs[owner[i], 1 + i - spans[owner[i]][0]] for i in range(length)])
    tags = viterbi(rows)
    return tags, [float(rows[i, tag]) for i, tag in enumerate(tags)]


def _allowed() -> np.ndarray:
    """``allowed[a, b]``: may label ``b`` follow label ``a``? An ``I-`` continues its own role."""
    allowed = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for b, label in enumerate(LABELS):
        if label.startswith("I-"):
            role = label[2:]
            allowed[:, b] = [prev in (f"B-{role}", f"I-{role}") for prev in LABELS]
    return allowed


_START = np.array([not label.startswith("I-") for label in LABELS])
_ALLOWED = _allowed()


def viterbi(rows: np.ndarray) -> list[int]:
    """The most probable tag sequence in which every ``I-`` follows a ``B-`` or ``I-`` of its
    role: constrained decoding, so spans are well formed (``rows``: pieces x labels)."""
    logp = np.log(np.clip(rows, 1e-9, 1.0))
    blocked = np.where(_ALLOWED, 0.0, -np.inf)
    score = np.where(_START, logp[0], -np.inf)
    back = np.zeros(rows.shape, dtype=np.int64)
    for i in range(1, len(rows)):
        total = score[:, None] + blocked
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0) + logp[i]
    tags = [int(score.argmax())]
    for i in range(len(rows) - 1, 0, -1):
        tags.append(int(back[i, tags[-1]]))
    return tags[::-1]


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=-1, keepdims=True))


_WINDOWS_PER_RUN = 16


class Tagger:
    """The shipped ONNX model with its tokenizer; one per process, reused for every article."""

    def __init__(self, path: Path | None = None, *, threads: int = 1) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - both are core dependencies
            raise PipelineError("E206", reason=str(exc)) from exc
        folder = path if path is not None else Path(str(resources.files("newsquotes") / MODEL_DIR))
        model_file = folder / "model.onnx"
        if not model_file.is_file():
            raise PipelineError("E207", path=str(model_file))
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if tuple(meta["labels"]) != LABELS:
            raise PipelineError("E208", path=str(folder), labels=meta["labels"])
        self.meta = meta
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls_id, self.sep_id = (self._special(folder, token) for token in ("[CLS]", "[SEP]"))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # no arena: it keeps the largest allocation an article ever needed (1.1 GB peak on 1M
        # characters of curly quotes, 0.85 GB without it) and gains nothing at batch 16
        options.enable_cpu_mem_arena = False
        self.session = onnxruntime.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}

    def _special(self, folder: Path, token: str) -> int:
        found = self.tokenizer.token_to_id(token)
        if found is None:
            raise PipelineError("E209", path=str(folder / "tokenizer.json"), token=token)
        return int(found)

    def tag(self, text: str, body_start: int = 0) -> list[RoleSpan]:
        """Source, cue and content spans of ``text`` (from ``body_start`` on)."""
        encoding = encode(self.tokenizer, text, body_start)
        length = len(encoding.ids)
        if length == 0:
            return []
        spans = windows(length)
        # at most _WINDOWS_PER_RUN windows a run: memory stays flat however long the article
        # (all windows at once took 14 GB on a 990k-character article)
        parts: list[np.ndarray] = []
        for first in range(0, len(spans), _WINDOWS_PER_RUN):
            input_ids, mask = window_batch(
                encoding.ids, spans[first : first + _WINDOWS_PER_RUN], self.cls_id, self.sep_id
            )
            feeds = {"input_ids": input_ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(input_ids)
            (logits,) = self.session.run(["logits"], feeds)
            parts.append(_softmax(logits))
        width = max(part.shape[1] for part in parts)
        probs = np.zeros((len(spans), width, parts[0].shape[-1]), dtype=parts[0].dtype)
        row = 0
        for part in parts:
            probs[row : row + len(part), : part.shape[1]] = part
            row += len(part)
        tags, scores = read_tags(probs, spans)
        return snap_to_words(text, decode(tags, scores, encoding.offsets))
