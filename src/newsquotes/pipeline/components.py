"""spaCy component wrappers; the only place newsquotes registers anything with spaCy."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..io.metadata import parse_metadata
from .attribution import analyze
from .tagger import TAGS_KEY, Tagger

for _name, _default in (("quotes", ()), ("people", ()), ("dropped_marks", 0), ("metadata", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class QuoteFinder:
    """Sets ``doc._.quotes``, ``doc._.people``, ``doc._.dropped_marks`` and ``doc._.metadata``.

    A leading ``date YYYY-MM-DD ...`` line is metadata: no quotes are sought in it. With
    ``use_model`` (the default) the shipped attribution model runs beside the rules.
    """

    def __init__(self, name: str = "newsquotes", use_model: bool = True) -> None:
        self.name = name
        self.tagger = Tagger() if use_model else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        # Extractor.pipe parses the metadata ahead, with the tags
        metadata = doc._.metadata if doc._.metadata is not None else parse_metadata(text)
        tags = None
        if self.tagger is not None:
            # Extractor.pipe tags ahead in a thread while spaCy parses; else tag here
            ahead = doc.user_data.pop(TAGS_KEY, None)
            tags = ahead.result() if ahead is not None else self.tagger.tag(text, metadata.body_start)
        analysis = analyze(doc, metadata.body_start, tags, metadata.headline, text)
        doc._.metadata = metadata
        doc._.quotes = analysis.quotes
        doc._.people = analysis.people
        doc._.dropped_marks = analysis.dropped_marks
        return doc


@Language.factory(
    "newsquotes", default_config={"use_model": True}, requires=["token.dep", "token.lemma", "doc.ents"]
)
def make_quote_finder(nlp: Language, name: str, use_model: bool) -> QuoteFinder:
    return QuoteFinder(name, use_model)
