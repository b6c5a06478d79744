"""Reading the rendered article back out of a page: its plain text and the text of each quote."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser


class ArticleReader(HTMLParser):
    """Collects, inside ``<article id="article-text">``, the plain text, the text inside each
    quote id's elements, the attributes of those elements and the elements found there."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 inside the article element
        self.stack: list[dict[str, str]] = []
        self.open_tags: list[str] = []
        self.misnested: list[str] = []  # end tags that do not close the innermost open element
        self.text: list[str] = []
        self.quotes: dict[str, list[str]] = defaultdict(list)
        self.attributes: dict[str, dict[str, str]] = {}
        self.tags: list[str] = []
        self.cues: dict[str, list[str]] = defaultdict(list)
        self.mentions: dict[str, list[str]] = defaultdict(list)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self.depth == 0:
            if tag == "article" and values.get("id") == "article-text":
                self.depth = 1
            return
        self.depth += 1
        self.tags.append(tag)
        self.open_tags.append(tag)
        self.stack.append(values)
        if "data-quote-id" in values:
            self.attributes.setdefault(values["data-quote-id"], values)

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0:
            return
        self.depth -= 1
        if self.depth > 0:
            if self.open_tags.pop() != tag:
                self.misnested.append(tag)
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            return
        self.text.append(data)
        for element in self.stack:
            if "data-quote-id" in element:
                self.quotes[element["data-quote-id"]].append(data)
            for quote_id in element.get("data-cue-of", "").split():
                self.cues[quote_id].append(data)
            for quote_id in element.get("data-mention-of", "").split():
                self.mentions[quote_id].append(data)


def read_article(page: str) -> ArticleReader:
    reader = ArticleReader()
    reader.feed(page)
    reader.close()
    return reader
