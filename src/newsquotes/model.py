"""Records returned by the extractor: plain frozen dataclasses with offsets into the text.

Every span is a ``(start, end)`` pair of 0-based Python ``str`` offsets into the article's
text exactly as it was read, so a user can check any quote against the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "mixed", "indirect"]
EntityKind = Literal["person", "organization"]
Gender = Literal["female", "male"]
Spans = tuple[tuple[int, int], ...]

QUOTE_TYPES: tuple[QuoteType, ...] = ("direct", "mixed", "indirect")


def _spans(value: Any) -> Spans:
    return tuple((int(start), int(end)) for start, end in value)


def _list_spans(spans: Spans) -> list[list[int]]:
    return [[start, end] for start, end in spans]


@dataclass(frozen=True, slots=True)
class Mention:
    """A piece of text, possibly discontinuous: a cue or a speaker mention."""

    text: str
    spans: Spans

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": _list_spans(self.spans)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(text=data["text"], spans=_spans(data["spans"]))


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to.

    ``name`` is the canonical name from the article's registry, or None where the source is
    unnamed ("a spokesman") or cannot be resolved; ``mention`` is what the text ties to the quote.
    """

    name: str | None
    kind: EntityKind | None
    mention: Mention | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "mention": self.mention.to_dict() if self.mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            name=data.get("name"),
            kind=data.get("kind"),
            mention=Mention.from_dict(mention) if mention else None,
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation. ``spans`` exclude quote marks for direct quotes, one span per paragraph."""

    id: str
    type: QuoteType
    text: str
    spans: Spans
    cue: Mention | None
    speaker: Speaker
    confidence: float

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "text": self.text,
            "spans": _list_spans(self.spans),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict(),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue = data.get("cue")
        return cls(
            id=data["id"],
            type=data["type"],
            text=data["text"],
            spans=_spans(data["spans"]),
            cue=Mention.from_dict(cue) if cue else None,
            speaker=Speaker.from_dict(data["speaker"]),
            confidence=float(data["confidence"]),
        )


@dataclass(frozen=True, slots=True)
class Person:
    """A person or organisation of the article's registry, with every mention joined to it.

    ``gender_evidence`` holds the spans the gender rests on (``Mrs``, ``she``, ``husband``, a
    first name), so an auditor can check it; empty where ``gender`` is None.
    """

    name: str
    kind: EntityKind
    gender: Gender | None
    mentions: Spans
    gender_evidence: Spans = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "gender": self.gender,
            "mentions": _list_spans(self.mentions),
            "gender_evidence": _list_spans(self.gender_evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(
            name=data["name"],
            kind=data["kind"],
            gender=data.get("gender"),
            mentions=_spans(data["mentions"]),
            gender_evidence=_spans(data.get("gender_evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One article and everything extracted from it.

    ``to_dict()`` holds every field but ``dropped_marks`` (a diagnostic count, not compared),
    text and url included, so ``Article.from_dict(article.to_dict()) == article``; the corpus
    tables are flattened from the same dict.
    """

    id: str
    text: str
    source: str | None = None
    date: str | None = None
    title: str | None = None
    caption: str | None = None
    credit: str | None = None
    url: str | None = None
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    dropped_marks: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "date": self.date,
            "title": self.title,
            "caption": self.caption,
            "credit": self.credit,
            "quotes": [quote.to_dict() for quote in self.quotes],
            "people": [person.to_dict() for person in self.people],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str | None = None) -> Article:
        """The article of ``to_dict()``; ``text`` supplies the text where ``data`` lacks it
        (predictions saved without it)."""
        return cls(
            id=data["id"],
            text=data.get("text", "") if text is None else text,
            source=data.get("source"),
            date=data.get("date"),
            title=data.get("title"),
            caption=data.get("caption"),
            credit=data.get("credit"),
            url=data.get("url"),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            people=tuple(Person.from_dict(p) for p in data.get("people", ())),
        )


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before extraction: its text and what came with it."""

    text: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    line: int | None = None  # the line of a JSON Lines file it came from

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "date": self.date,
            "url": self.url,
        }
