"""Span normalisation and one-to-one matching of gold and predicted spans.

Two spans are compared by the *kept characters* of each: the offsets of its characters that
are not white space, quote marks or punctuation (which is trimming every fragment of those at
both ends, and ignoring them where fragments meet). A discontinuous span is the union of its
fragments. So ``“We won,” he said`` annotated with its marks and a prediction
without them, or a two-paragraph quote given as one span or as two, compare equal.

Proportional overlap counts *tokens*: maximal runs of letters and digits (inner apostrophes
kept, "doesn't" is one token). A span's tokens are those that share a kept character with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsquotes.model import Spans
from newsquotes.pipeline.marks import QUOTE_MARKS, classify_content, has_quote_mark, is_trimmed

__all__ = ["QUOTE_MARKS", "classify_content", "has_quote_mark", "is_trimmed"]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def kept_chars(text: str, spans: Spans) -> frozenset[int]:
    """Offsets of a span's characters other than white space, quote marks and punctuation.

    The same as trimming each fragment of those characters at both ends and then ignoring
    them inside as well: a span split at a paragraph break ("... part.” / “Next ...") and the
    same text given as one span compare equal, while any letter, digit or symbol taken in or
    left out makes a difference.

    >>> sorted(kept_chars(' "Hi, you." ', ((0, 12),)))
    [2, 3, 6, 7, 8]
    """
    return frozenset(i for start, end in spans for i in range(start, end) if not is_trimmed(text[i]))


_LEADING_THAT = re.compile(r"that\s", re.IGNORECASE)


def content_chars(text: str, spans: Spans) -> frozenset[int]:
    """``kept_chars`` of a content span, with a leading complementizer *that* also set aside.

    PolNeAR's content spans take in the *that* of ``said that the plan ...``; newsquotes leaves
    it out, as most quotation tools do. Like quote marks, it is a convention, not content.
    """
    chars = kept_chars(text, spans)
    if not chars:
        return chars
    first = min(chars)
    rest = chars - frozenset(range(first, first + 4))
    # a content that is only "that" ("he said that.") is a pronoun, not a complementizer
    return rest if rest and _LEADING_THAT.match(text, first) else chars


@dataclass(frozen=True, slots=True)
class TokenIndex:
    """The word tokens of one text, with a map from character offset to token number."""

    spans: tuple[tuple[int, int], ...]
    token_of: tuple[int, ...]

    @classmethod
    def build(cls, text: str) -> TokenIndex:
        token_of = [-1] * len(text)
        spans = []
        for number, found in enumerate(_TOKEN.finditer(text)):
            spans.append((found.start(), found.end()))
            token_of[found.start() : found.end()] = [number] * (found.end() - found.start())
        return cls(spans=tuple(spans), token_of=tuple(token_of))

    def tokens(self, chars: frozenset[int]) -> frozenset[int]:
        """Numbers of the tokens that share a character with ``chars``."""
        return frozenset(self.token_of[i] for i in chars if self.token_of[i] >= 0)


@dataclass(frozen=True, slots=True)
class Item:
    """One span to score (a content, source or cue), normalised for comparison.

    ``ref`` points back at what the span belongs to (an attribution index) for reports.
    """

    spans: Spans
    chars: frozenset[int]
    tokens: frozenset[int]
    ref: int = -1

    def exact(self, other: Item) -> bool:
        """Exact match: the same kept characters."""
        return self.chars == other.chars

    def token_overlap(self, other: Item) -> int:
        return len(self.tokens & other.tokens)

    def coverage(self, other: Item) -> float:
        """Share of this item's tokens that ``other`` covers (1 or 0 for token-less items)."""
        if not self.tokens:
            return 1.0 if self.exact(other) else 0.0
        return len(self.tokens & other.tokens) / len(self.tokens)


def make_item(text: str, index: TokenIndex, spans: Spans, ref: int = -1, *, content: bool = False) -> Item:
    """Normalise ``spans`` of ``text`` into an :class:`Item`."""
    chars = content_chars(text, spans) if content else kept_chars(text, spans)
    return Item(spans=tuple(sorted(spans)), chars=chars, tokens=index.tokens(chars), ref=ref)


def match_items(gold: Sequence[Item], predicted: Sequence[Item]) -> dict[int, int]:
    """Pair gold and predicted items one to one, greedily; returns {gold index: predicted index}.

    Candidate pairs share at least one kept character. They are taken best first: exact
    matches, then by Jaccard similarity of kept characters, then by the size of the overlap,
    then by position, so the result is deterministic and an exact match is never lost to a
    partial one. Duplicated predictions therefore count once.
    """
    candidates: list[tuple[bool, float, int, int, int]] = []
    for g, gold_item in enumerate(gold):
        if not gold_item.chars:
            continue
        for p, pred_item in enumerate(predicted):
            shared = len(gold_item.chars & pred_item.chars)
            if shared:
                union = len(gold_item.chars | pred_item.chars)
                candidates.append((gold_item.exact(pred_item), shared / union, shared, g, p))
    candidates.sort(key=lambda c: (not c[0], -c[1], -c[2], c[3], c[4]))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _exact, _jaccard, _shared, g, p in candidates:
        if g not in pairs and p not in taken:
            pairs[g] = p
            taken.add(p)
    return pairs


def distinct_items(items: Sequence[Item]) -> list[Item]:
    """Items with distinct kept characters, first one kept (a source shared by two quotes
    counts once); items with nothing left after trimming are dropped."""
    seen: set[frozenset[int]] = set()
    result = []
    for item in items:
        if item.chars and item.chars not in seen:
            seen.add(item.chars)
            result.append(item)
    return result


def normalise_name(name: str | None) -> str:
    """Canonical names compare case-insensitively, without dots and a leading "The", and
    initials the same with or without spaces between them ("G.K." and "G. K.").

    >>> normalise_name("The F.B.I.") == normalise_name("fbi")
    True
    >>> normalise_name("G. K. Butterfield") == normalise_name("G.K. Butterfield")
    True
    """
    if not name:
        return ""
    words = name.replace(".", "").casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    joined: list[str] = []
    for i, word in enumerate(words):
        if i and len(word) == 1 and len(words[i - 1]) == 1:
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def context(text: str, spans: Spans, width: int = 40, limit: int = 300) -> str:
    """A short window of ``text`` around ``spans``, on one line, long middles elided."""
    if not spans:
        return ""
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    left = text[max(0, start - width) : start]
    middle = text[start:end]
    if len(middle) > limit:
        middle = middle[: limit // 2] + " … " + middle[-limit // 2 :]
    window = left + "[" + middle + "]" + text[end : end + width]
    return " ".join(window.split())
