"""The working record the rule stages share before speakers are resolved to names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import QuoteType, Spans


@dataclass(slots=True)
class Found:
    """One attribution as a rule found it: content spans, cue and the speaker's head token.

    Mutable on purpose: later stages merge interrupted quotes and upgrade indirect quotes that
    contain quote marks to ``mixed``. Converted to frozen ``Quote`` records at the end.
    """

    type: QuoteType
    spans: Spans
    cue_spans: Spans = ()
    subject: Token | None = None
    mention: tuple[int, int] | None = None
    confidence: float = 0.5
    inherited: bool = False
    # a quote-marked fragment inside a sentence (``a "couple nights" at``), not a full quote
    fragment: bool = False

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]
