"""The article as HTML, from offsets: exact markup, nesting, several spans, escaping."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse

from htmltext import read_article

from newsquotes.model import Article, Mention, Person, Quote, Speaker
from newsquotes.web.render import PALETTE_SIZE, data_uri, quotes_csv, render_text, speaker_rows


def _quote(
    quote_id: str,
    spans: tuple[tuple[int, int], ...],
    name: str | None,
    *,
    cue: tuple[int, int] | None = None,
    mention: tuple[int, int] | None = None,
    text: str = "",
    quote_type: str = "direct",
) -> Quote:
    source = text or "x" * 200
    return Quote(
        id=quote_id,
        type=quote_type,  # type: ignore[arg-type]
        text=" ".join(source[s:e] for s, e in spans),
        spans=spans,
        cue=Mention(source[cue[0] : cue[1]], (cue,)) if cue else None,
        speaker=Speaker(
            name=name,
            kind="person" if name else None,
            mention=Mention(source[mention[0] : mention[1]], (mention,)) if mention else None,
        ),
        confidence=0.9,
    )


def test_render_text_exact_markup() -> None:
    text = '"Hi," Ann said.'
    quote = _quote("q1", ((1, 4),), "Ann", cue=(10, 14), mention=(6, 9), text=text)
    html = render_text(Article(id="a", text=text, quotes=(quote,)))
    assert html == (
        '&#34;<mark class="q s0 t-direct" id="quote-q1" data-quote-id="q1" data-speaker="Ann" '
        'data-kind="person" data-type="direct" data-cue="said" data-mention="Ann" data-confidence="0.90" '
        'title="Ann (person) · direct · cue: said · confidence 0.90" tabindex="0">Hi,</mark>&#34; '
        '<span class="mention s0" data-mention-of="q1">Ann</span> '
        '<span class="cue" data-cue-of="q1">said</span>.'
    )


def test_render_text_overlapping_quotes_nest_and_keep_the_text() -> None:
    text = "Officials said the mayor told them that taxes would rise, and left."
    outer = _quote("q1", ((15, 56),), None, cue=(10, 14), mention=(0, 9), text=text, quote_type="indirect")
    inner = _quote(
        "q2", ((39, 56),), "Mayor", cue=(25, 29), mention=(15, 24), text=text, quote_type="indirect"
    )
    html = str(render_text(Article(id="a", text=text, quotes=(outer, inner))))
    reader = read_article(f'<article id="article-text">{html}</article>')
    assert "".join(reader.text) == text and not reader.misnested
    assert "".join(reader.quotes["q1"]) == text[15:56]
    assert "".join(reader.quotes["q2"]) == text[39:56]
    assert "".join(reader.cues["q2"]) == "told" and "".join(reader.mentions["q2"]) == "the mayor"
    assert reader.attributes["q1"]["data-speaker"] == "" and "s-none" in reader.attributes["q1"]["class"]


def test_render_text_multi_paragraph_quote_shares_one_id() -> None:
    text = '"First part.\n\n"Second part," she said.'
    quote = _quote("q1", ((1, 12), (15, 27)), "Ann", cue=(34, 38), mention=(30, 33), text=text)
    html = str(render_text(Article(id="a", text=text, quotes=(quote,))))
    assert html.count('data-quote-id="q1"') == 2 and html.count('id="quote-q1"') == 1
    reader = read_article(f'<article id="article-text">{html}</article>')
    assert reader.quotes["q1"] == ["First part.", "Second part,"]


def test_render_text_escapes_text_and_attributes() -> None:
    text = '<script>alert(1)</script> "<img src=x onerror=alert(2)>," said Ann "&" <b>Co</b>.'
    start = text.index("<img")
    quote = _quote("q1", ((start, start + 26),), 'Ann "&" <b>Co</b>', text=text)
    html = str(render_text(Article(id="a", text=text, quotes=(quote,))))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-speaker="Ann &#34;&amp;&#34; &lt;b&gt;Co&lt;/b&gt;"' in html
    assert "".join(read_article(f'<article id="article-text">{html}</article>').text) == text


def test_render_text_spans_outside_the_text_are_clipped() -> None:
    text = "Short text."
    quote = _quote("q1", ((6, 400), (500, 600)), "Ann", text=text + " " * 600)
    html = str(render_text(Article(id="a", text=text, quotes=(quote,))))
    reader = read_article(f'<article id="article-text">{html}</article>')
    assert "".join(reader.text) == text and "".join(reader.quotes["q1"]) == "text."


def test_speaker_rows_counts_kinds_genders_and_unnamed() -> None:
    people = (Person("Ann", "person", "female", ((0, 3),)), Person("Bob", "person", None, ((5, 8),)))
    quotes = (
        _quote("q1", ((10, 20),), "Bob"),
        _quote("q2", ((30, 40),), "Ann"),
        _quote("q3", ((50, 60),), "Ann"),
        _quote("q4", ((70, 80),), None),
    )
    rows = speaker_rows(Article(id="a", text="x" * 100, quotes=quotes, people=people))
    assert [(r.name, r.gender, r.quotes, r.colour) for r in rows] == [
        ("Ann", "female", 2, 1),
        ("Bob", None, 1, 0),  # colours in order of first quote
        (None, None, 1, None),
    ]


def test_speaker_colours_cycle_after_the_palette() -> None:
    quotes = tuple(_quote(f"q{n}", ((n, n + 1),), f"P{n}") for n in range(PALETTE_SIZE + 2))
    rows = speaker_rows(Article(id="a", text="x" * 100, quotes=quotes))
    assert {r.name: r.colour for r in rows}[f"P{PALETTE_SIZE}"] == 0


def test_quotes_csv_and_data_uri_round_trip() -> None:
    text = '"Hi, there," Ann said, "and bye."'
    quote = _quote("q1", ((1, 11), (24, 32)), "Ann", cue=(17, 21), mention=(13, 16), text=text)
    article = Article(id="a,1", text=text, quotes=(quote,))
    rows = list(csv.DictReader(io.StringIO(quotes_csv(article))))
    assert rows == [
        {
            "article_id": "a,1",
            "quote_id": "q1",
            "type": "direct",
            "text": "Hi, there, and bye.",
            "spans": "[[1, 11], [24, 32]]",
            "cue_text": "said",
            "cue_spans": "[[17, 21]]",
            "speaker_name": "Ann",
            "speaker_kind": "person",
            "mention_text": "Ann",
            "mention_spans": "[[13, 16]]",
            "confidence": "0.9",
        }
    ]
    uri = data_uri(json.dumps({"x": "é <&>"}), "application/json")
    assert uri.startswith("data:application/json;charset=utf-8,") and '"' not in uri and "<" not in uri
    assert json.loads(urllib.parse.unquote(uri.split(",", 1)[1])) == {"x": "é <&>"}
