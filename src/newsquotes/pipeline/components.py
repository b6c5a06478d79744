"""spaCy component wrappers; the only place newsquotes registers anything with spaCy."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..io.metadata import parse_metadata
from .attribution import analyze

for _name, _default in (("quotes", ()), ("people", ()), ("dropped_marks", 0), ("metadata", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class QuoteFinder:
    """Sets ``doc._.quotes``, ``doc._.people``, ``doc._.dropped_marks`` and ``doc._.metadata``.

    A leading ``date YYYY-MM-DD ...`` line is metadata: no quotes are sought in it.
    """

    def __init__(self, name: str = "newsquotes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        metadata = parse_metadata(doc.text)
        analysis = analyze(doc, metadata.body_start)
        doc._.metadata = metadata
        doc._.quotes = analysis.quotes
        doc._.people = analysis.people
        doc._.dropped_marks = analysis.dropped_marks
        return doc


@Language.factory("newsquotes", requires=["token.dep", "token.lemma", "doc.ents"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(name)
