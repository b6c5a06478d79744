"""The learned antecedent ranker: which earlier entity a pronoun or a description refers to.

Hard constraints (kind, gender, number) choose the candidates; this scores them. Each
candidate is described by discourse-salience features of its latest mention before the
anaphor (distance, paragraph, grammatical role, how often and how recently the entity was a
speaker, whether it is the article's main subject); a logistic model over those features,
fitted on PolNeAR train (``training/train_ranker.py``), ranks them. The weights ship as JSON
in ``models/ranking/`` and are read once per process with the standard library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import PipelineError

FEATURES = (
    "bias",
    "same_sentence",
    "previous_sentence",
    "two_sentences",
    "far",
    "log_sentence_distance",
    "same_paragraph",
    "last_is_subject",
    "subject_recently",
    "log_mentions",
    "main_subject",
    "first_in_paragraph",
    "last_is_speaker",
    "speaker_recently",
    "last_is_possessive",
    "gender_agrees",
    "most_recent",
    "log_char_distance",
    "introduced_recently",
    "introduced_before_quote",
    "last_is_main_subject",
    "main_subject_recently",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the ranker knows of one candidate antecedent at one anaphor."""

    sentence_distance: int  # sentences between its latest mention and the anaphor
    char_distance: int
    same_paragraph: bool
    last_is_subject: bool
    subject_recently: bool  # a subject mention in this or the previous sentence
    mentions: int  # mentions before the anaphor
    main_subject: bool  # the most mentioned entity of the article so far
    first_in_paragraph: bool  # the first entity named in the anaphor's paragraph
    last_is_speaker: bool  # its latest mention is the subject of a speech verb
    speaker_recently: bool  # a speaker in this or the previous two sentences
    last_is_possessive: bool
    gender_agrees: bool  # both genders known and equal
    most_recent: bool  # no other candidate was mentioned later
    introduced_recently: bool = False  # first named in this or the two sentences before
    in_quote_frame: bool = False  # the anaphor speaks a quote of its sentence ("...," he said)
    # the subject of its sentence's main verb, not of a clause inside it: "Earnest said that
    # Obama has long called for ... He said" is Earnest
    last_is_main_subject: bool = False
    main_subject_recently: bool = False  # a main-clause subject in this or the previous sentence

    def vector(self) -> tuple[float, ...]:
        d = self.sentence_distance
        return (
            1.0,
            float(d == 0),
            float(d == 1),
            float(d == 2),
            float(d >= 3),
            math.log1p(d),
            float(self.same_paragraph),
            float(self.last_is_subject),
            float(self.subject_recently),
            math.log1p(self.mentions),
            float(self.main_subject),
            float(self.first_in_paragraph),
            float(self.last_is_speaker),
            float(self.speaker_recently),
            float(self.last_is_possessive),
            float(self.gender_agrees),
            float(self.most_recent),
            math.log1p(self.char_distance / 100),
            float(self.introduced_recently),
            # news introduces a person, then gives the quote: "..., president of X. '...,' he said"
            float(self.introduced_recently and self.in_quote_frame),
            float(self.last_is_main_subject),
            float(self.main_subject_recently),
        )


@dataclass(frozen=True, slots=True)
class Ranker:
    """A linear scorer over :data:`FEATURES`; the highest score wins."""

    weights: tuple[float, ...]
    version: str = ""

    def score(self, candidate: Candidate) -> float:
        return sum(w * x for w, x in zip(self.weights, candidate.vector(), strict=True))


@cache
def load_ranker() -> Ranker:
    """The shipped ranker (read once per process: it is immutable)."""
    path = resources.files("newsquotes") / "models" / "ranking" / "ranker.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = data["weights"]
        names = tuple(data["features"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PipelineError("E210", path=str(path), reason=str(exc)) from exc
    if names != FEATURES:
        raise PipelineError("E210", path=str(path), reason=f"features {names} differ from {FEATURES}")
    return Ranker(tuple(float(weights[name]) for name in FEATURES), str(data.get("version", "")))
