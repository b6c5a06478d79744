"""Find quotation-mark regions in raw text.

Works on the string alone, before any parsing, so that a quote's span is exactly what lies
between its marks in the original text. Handles straight and curly double quotes, guillemets,
British single quotes (told apart from apostrophes), nesting, and the news convention for a
quote over several paragraphs (each paragraph opens with a mark, only the last one closes),
including texts where those paragraph breaks were lost. An unbalanced mark is resolved within
its paragraph or dropped and counted: it never costs the article its other quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ..model import Spans


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    WEAK_CLOSE = "weak_close"  # an apostrophe-like close: "the Teigens' home"
    EITHER = "either"


@dataclass(frozen=True, slots=True)
class Mark:
    pos: int
    family: str
    role: Role
    width: int = 1  # 2 for the typewriter pairs '' and ``


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """Text between quote marks: one span per paragraph it runs over, marks excluded."""

    spans: Spans
    open_pos: int
    close_pos: int | None  # None: no closing mark, the quote runs to the paragraph's end
    family: str
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def outer_end(self) -> int:
        """End including the closing mark, if there is one."""
        return self.close_pos + self.close_width if self.close_pos is not None else self.end


@dataclass(frozen=True, slots=True)
class MarkScan:
    quotes: tuple[MarkedQuote, ...]
    dropped: int  # marks that could not be paired and were left out


DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"

_FAMILY = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "＂": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE,
    "«": GUILLEMET, "»": GUILLEMET, "‹": GUILLEMET, "›": GUILLEMET,
}  # fmt: skip
_OPENING_GLYPHS = set("“„‟‘‚‛«‹")
_CLOSING_GLYPHS = set("”’»›")
QUOTE_CHARS = frozenset(_FAMILY)
# the mark classes content spans are read by (also by the evaluator, which imports them)
QUOTE_MARKS = QUOTE_CHARS
OPENING_MARKS = frozenset(_OPENING_GLYPHS | {'"', "'", "＂"})
CLOSING_MARKS = frozenset(_CLOSING_GLYPHS | {'"', "'", "＂"})
DOUBLE_MARKS = frozenset({g for g, family in _FAMILY.items() if family == DOUBLE} | {"«", "»"})
_MARK_RUN = re.compile("''|``|[" + re.escape("".join(_FAMILY)) + "]")
_OPENERS_BEFORE = set("([{—–-/") | _OPENING_GLYPHS | {'"', "'"}
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)]*\s*$|[.?!…]\s*[—–-]?\s*$")
# Elisions and decades that start with an apostrophe: 'em, 'til, '90s, '08.
_ELISION = re.compile(r"(?:em|til|cause|tis|twas|bout|round|n|nother|cos|ere)\b|\d\d(?:s|\b)", re.I)
_MIN_UNCLOSED_WORDS = 3


def paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line from ``start`` on, surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            begin = start + match.start() + lead
            spans.append((begin, begin + len(stripped)))
    return spans


def _role(text: str, pos: int, lo: int, hi: int, width: int = 1) -> Role | None:
    char = '"' if width == 2 else text[pos]
    if text.startswith("``", pos):
        return Role.OPEN
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + width] if pos + width < hi else " "
    left_flanking = (before.isspace() or before in _OPENERS_BEFORE) and not after.isspace()
    right_flanking = not before.isspace() and (
        after.isspace() or not after.isalnum() or after in _CLOSING_GLYPHS
    )
    family = _FAMILY[char]
    if family == SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # don't, O'Brien, Teigen's
        if left_flanking and not right_flanking:
            if _ELISION.match(text, pos + 1, hi):
                return None
            return Role.OPEN
        if right_flanking and not left_flanking:
            # plural possessive ("the Teigens' home") looks like a close
            if before in "sSzZ" and pos + 2 < hi and after == " " and text[pos + 2].islower():
                return Role.WEAK_CLOSE
            return Role.CLOSE
        return None
    if char in _OPENING_GLYPHS:
        if right_flanking and not left_flanking and before.isalpha():
            return Role.CLOSE  # a misused glyph: "said“ ..." is a close in practice
        return Role.OPEN
    if char in _CLOSING_GLYPHS:
        if left_flanking and not right_flanking and before.isspace():
            return Role.OPEN
        return Role.CLOSE
    if left_flanking and not right_flanking:
        return Role.OPEN
    if right_flanking and not left_flanking:
        return Role.CLOSE
    return Role.EITHER


def _marks(text: str, lo: int, hi: int, families: set[str], skip: list[tuple[int, int]]) -> list[Mark]:
    marks = []
    for match in _MARK_RUN.finditer(text, lo, hi):
        pos = match.start()
        width = len(match.group())
        family = DOUBLE if width == 2 else _FAMILY.get(text[pos])
        if family in families and not any(a <= pos < b for a, b in skip):
            role = _role(text, pos, lo, hi, width)
            if role is not None:
                marks.append(Mark(pos, family, role, width))
    return marks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Chain:
    """A quote being built, possibly over several paragraphs."""

    def __init__(self, open_pos: int, family: str, width: int = 1) -> None:
        self.open_pos = open_pos
        self.family = family
        self.segments: list[tuple[int, int]] = []
        self.current = open_pos + width

    def cut(self, text: str, end: int) -> None:
        start, end = _trim(text, self.current, end)
        if end > start:
            self.segments.append((start, end))

    def result(self, close_pos: int | None, close_width: int = 1) -> MarkedQuote | None:
        if not self.segments:
            return None
        return MarkedQuote(tuple(self.segments), self.open_pos, close_pos, self.family, close_width)


def _pair_family(
    text: str, paragraphs: list[tuple[int, int]], family_set: set[str], skip: list[tuple[int, int]]
) -> tuple[list[MarkedQuote], int]:
    quotes: list[MarkedQuote] = []
    dropped = 0
    chain: _Chain | None = None  # carried over a paragraph break when the next one reopens
    para_marks = [_marks(text, lo, hi, family_set, skip) for lo, hi in paragraphs]

    def opens(index: int) -> bool:
        marks = para_marks[index] if index < len(para_marks) else []
        return (
            bool(marks)
            and marks[0].pos == paragraphs[index][0]
            and marks[0].role
            in (
                Role.OPEN,
                Role.EITHER,
            )
        )

    for index, (lo, hi) in enumerate(paragraphs):
        marks = para_marks[index]
        if chain is not None:
            if opens(index):
                chain.current = lo + marks[0].width
                marks = marks[1:]
            else:
                quote = chain.result(None)
                chain = None
                if quote is not None:
                    quotes.append(quote)
        for i, mark in enumerate(marks):
            role = mark.role
            if role is Role.EITHER:
                role = Role.CLOSE if chain is not None else Role.OPEN
            if role is Role.WEAK_CLOSE:
                later = marks[i + 1 :]
                stronger = next((m for m in later if m.role is not Role.WEAK_CLOSE), None)
                if chain is None or (stronger is not None and stronger.role is not Role.OPEN):
                    continue
                role = Role.CLOSE
            if role is Role.OPEN:
                if chain is not None:
                    if _SENTENCE_END.search(text, chain.current, mark.pos):
                        # a paragraph break lost in scraping: '... season. "He said ...'
                        chain.cut(text, mark.pos)
                        chain.current = mark.pos + mark.width
                        continue
                    dropped += 1
                chain = _Chain(mark.pos, mark.family, mark.width)
            elif chain is None:
                dropped += 1
            else:
                chain.cut(text, mark.pos)
                quote = chain.result(mark.pos, mark.width)
                if quote is not None:
                    quotes.append(quote)
                chain = None
        if chain is not None:
            if opens(index + 1):
                chain.cut(text, hi)
                continue
            segment = text[chain.current : hi]
            if chain.family != SINGLE and len(segment.split()) >= _MIN_UNCLOSED_WORDS:
                chain.cut(text, hi)
            quote = chain.result(None)
            if quote is None:
                dropped += 1
            else:
                quotes.append(quote)
            chain = None
    return quotes, dropped


def _crosses(a: MarkedQuote, b: MarkedQuote) -> bool:
    return a.open_pos < b.open_pos < a.outer_end < b.outer_end


def find_marked_quotes(text: str, start: int = 0) -> MarkScan:
    """Find every top-level quotation-mark region in ``text[start:]``.

    >>> scan = find_marked_quotes('He said: "It\\'s fine." Then he left.')
    >>> [scan.quotes[0].spans]
    [((10, 20),)]
    """
    paras = paragraphs(text, start)
    doubles, dropped_doubles = _pair_family(text, paras, {DOUBLE}, [])
    guillemets, dropped_guillemets = _pair_family(text, paras, {GUILLEMET}, [])
    strong = doubles + guillemets
    # Single quotes inside a double-quoted region are nested quotes or apostrophes: skip them.
    singles, dropped_singles = _pair_family(
        text, paras, {SINGLE}, [(q.open_pos, q.outer_end) for q in strong if q.family == DOUBLE]
    )
    singles = [s for s in singles if not any(_crosses(s, q) or _crosses(q, s) for q in strong)]
    candidates = sorted(strong + singles, key=lambda q: (q.open_pos, -q.outer_end))
    return MarkScan(tuple(_top_level(candidates)), dropped_doubles + dropped_guillemets + dropped_singles)


def _top_level(candidates: list[MarkedQuote]) -> list[MarkedQuote]:
    """The regions not inside another, in one pass over ``candidates`` sorted by opening
    position: a region is inside one that opens strictly before it and reaches at least as
    far (a pairwise test per region was quadratic on long articles)."""
    top = []
    reach = -1  # farthest end of the regions opening strictly before the current position
    position, position_reach = -1, -1
    for quote in candidates:
        if quote.open_pos != position:
            reach, position, position_reach = max(reach, position_reach), quote.open_pos, -1
        if reach < quote.outer_end:
            top.append(quote)
        position_reach = max(position_reach, quote.outer_end)
    return top


def is_trimmed(char: str) -> bool:
    """True for characters trimmed from the ends of a span: white space, quotes, punctuation."""
    return char.isspace() or char in QUOTE_MARKS or unicodedata.category(char).startswith("P")


def has_quote_mark(text: str) -> bool:
    """True if ``text`` holds a double quote mark or an opening single one.

    A closing single mark is not counted: it cannot be told from an apostrophe ("voters’").
    """
    for i, char in enumerate(text):
        if char in DOUBLE_MARKS:
            return True
        opens_word = i + 1 < len(text) and text[i + 1].isalnum()
        if char in "‘'’" and (i == 0 or not text[i - 1].isalnum()) and opens_word:
            return True
    return False


def _strip_outer(fragment: str) -> str:
    """Strip white space and punctuation other than quote marks from both ends."""
    start, end = 0, len(fragment)
    while start < end and is_trimmed(fragment[start]) and fragment[start] not in QUOTE_MARKS:
        start += 1
    while end > start and is_trimmed(fragment[end - 1]) and fragment[end - 1] not in QUOTE_MARKS:
        end -= 1
    return fragment[start:end]


def classify_content(fragments: Sequence[str]) -> str:
    """Type of a gold content span from its text: "direct", "mixed" or "indirect".

    Direct: every fragment, trimmed, opens and closes with a quote mark and holds no other
    double quote mark. Mixed: the content holds a quote mark (see :func:`has_quote_mark`).
    """
    stripped = [_strip_outer(fragment) for fragment in fragments if _strip_outer(fragment)]
    if stripped and all(_enclosed(fragment) for fragment in stripped):
        return "direct"
    if any(has_quote_mark(fragment) for fragment in fragments):
        return "mixed"
    return "indirect"


def _enclosed(fragment: str) -> bool:
    if len(fragment) < 2 or fragment[0] not in OPENING_MARKS or fragment[-1] not in CLOSING_MARKS:
        return False
    if fragment[0] in DOUBLE_MARKS:
        return not any(char in DOUBLE_MARKS for char in fragment[1:-1])
    return True
