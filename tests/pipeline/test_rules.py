"""Attribution rules on hand-written news sentences, with exact spans, cues and speakers."""

from __future__ import annotations

from newsquotes import Article, Extractor, Quote


def only(article: Article, text: str) -> Quote:
    matches = [q for q in article.quotes if q.text == text]
    assert len(matches) == 1, [q.text for q in article.quotes]
    return matches[0]


def test_rules_said_after_quote(rules: Extractor) -> None:
    article = rules.extract('Jane Smith visited the plant.\n\n"We are proud of it," Smith said.')
    quote = only(article, "We are proud of it,")
    assert quote.type == "direct"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.name == "Jane Smith"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Smith"


def test_rules_inverted_said_smith(rules: Extractor) -> None:
    article = rules.extract('"The figures are clear," said John Brown, the finance minister.')
    quote = only(article, "The figures are clear,")
    assert quote.speaker.name == "John Brown"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "John Brown"


def test_rules_colon_lead_in_in_previous_paragraph(rules: Extractor) -> None:
    text = 'Maria Lopez, the mayor, wrote on Facebook:\n\n"Our city will rebuild. We owe it to our children."'
    article = rules.extract(text)
    quote = only(article, "Our city will rebuild. We owe it to our children.")
    assert quote.cue is not None and quote.cue.text == "wrote"
    assert quote.speaker.name == "Maria Lopez"


def test_rules_dash_signature(rules: Extractor) -> None:
    text = 'The letter ended with one line.\n\n"Never give up on your neighbours." — Martin Luther'
    quote = only(rules.extract(text), "Never give up on your neighbours.")
    assert quote.speaker.name == "Martin Luther"
    assert quote.cue is not None and quote.cue.text == "—"


def test_rules_pronoun_two_sentences_after_full_name(rules: Extractor) -> None:
    text = (
        "Angela Merkel arrived in Paris on Monday. The talks lasted four hours. "
        'She said: "We have found common ground."'
    )
    quote = only(rules.extract(text), "We have found common ground.")
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "She"
    assert quote.speaker.name == "Angela Merkel"


def test_rules_pronoun_picks_gender_compatible_person(rules: Extractor) -> None:
    text = (
        "Chrissy Teigen and her husband John Legend attended the gala. "
        'He said: "It was a wonderful night for us."'
    )
    quote = only(rules.extract(text), "It was a wonderful night for us.")
    assert quote.speaker.name == "John Legend"


def test_rules_apposition_and_relative_clause_stripped(rules: Extractor) -> None:
    text = (
        "Chrissy Teigen posted online. Teigen, who is also mother to two children, added: "
        '"I needed to share this story."'
    )
    quote = only(rules.extract(text), "I needed to share this story.")
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Teigen"
    assert quote.speaker.name == "Chrissy Teigen"


def test_rules_coordinated_verbs_pick_the_governing_cue(rules: Extractor) -> None:
    text = 'Finishing the post, Teigen explained why she shared it and said: "We are so lucky."'
    quote = only(rules.extract(text), "We are so lucky.")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Teigen"


def test_rules_title_and_surname_join_full_name(rules: Extractor) -> None:
    text = 'Boris Johnson spoke in the Commons. "We will deliver," Mr Johnson told MPs.'
    quote = only(rules.extract(text), "We will deliver,")
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker.name == "Boris Johnson"


def test_rules_continuation_paragraph_inherits_speaker(rules: Extractor) -> None:
    text = 'Ann Lee said: "The plan is ready."\n\n"We start on Monday and we will finish by June."'
    quote = only(rules.extract(text), "We start on Monday and we will finish by June.")
    assert quote.speaker.name == "Ann Lee"


def test_rules_interrupted_quote_is_one_quote(rules: Extractor) -> None:
    text = '"We have done our best," Paul Green said, "and we will keep going."'
    article = rules.extract(text)
    direct = [q for q in article.quotes if q.type == "direct"]
    assert len(direct) == 1
    assert [text[a:b] for a, b in direct[0].spans] == ["We have done our best,", "and we will keep going."]
    assert direct[0].speaker.name == "Paul Green"


def test_rules_indirect_without_that(rules: Extractor) -> None:
    text = "In a blog post, Chrissy Teigen said Jack was delivered at 20 weeks and thanked her fans."
    quote = only(rules.extract(text), "Jack was delivered at 20 weeks")
    assert quote.type == "indirect"
    assert quote.speaker.name == "Chrissy Teigen"


def test_rules_indirect_drops_leading_that(rules: Extractor) -> None:
    text = "The minister, Sarah Jones, said that the bridge would reopen in May."
    quote = only(rules.extract(text), "the bridge would reopen in May")
    assert quote.type == "indirect"
    assert quote.speaker.name == "Sarah Jones"


def test_rules_according_to(rules: Extractor) -> None:
    text = "The company lost $2 million last year, according to Reuters."
    quote = only(rules.extract(text), "The company lost $2 million last year")
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Reuters"


def test_rules_mixed_quote_covers_reported_clause(rules: Extractor) -> None:
    text = 'Chrissy Teigen said she spent a "couple nights" at the hospital.'
    quote = only(rules.extract(text), 'she spent a "couple nights" at the hospital')
    assert quote.type == "mixed"
    assert quote.speaker.name == "Chrissy Teigen"


def test_rules_unnamed_speaker_keeps_mention(rules: Extractor) -> None:
    text = '"The talks have stalled," a spokesman for the union said.'
    quote = only(rules.extract(text), "The talks have stalled,")
    assert quote.speaker.name is None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "a spokesman for the union"


def test_rules_scare_quotes_are_not_quotes(rules: Extractor) -> None:
    article = rules.extract('The so-called "smart" fridge went on sale in March.')
    assert article.quotes == ()


def test_rules_quote_with_no_closing_mark(rules: Extractor) -> None:
    text = 'The coach, Tom Hart, said: "We will fight until the very end.\n\nThe match is on Sunday.'
    quote = only(rules.extract(text), "We will fight until the very end.")
    assert quote.speaker.name == "Tom Hart"


def test_rules_british_single_quotes(rules: Extractor) -> None:
    text = "Mary Hill attended. 'It's the Hills' best year since the '90s,' Ms Hill said."
    quote = only(rules.extract(text), "It's the Hills' best year since the '90s,")
    assert quote.speaker.name == "Mary Hill"


def test_rules_no_name_is_invented(rules: Extractor) -> None:
    article = rules.extract('"It is over," he said.')
    quote = only(article, "It is over,")
    assert quote.speaker.name is None
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "he"


def test_rules_quote_continued_after_its_frame_is_one_quote(rules: Extractor) -> None:
    text = (
        '"Paul is into the basics of this business," Reed said. "Blocking and tackling. Message discipline."'
    )
    article = rules.extract(text)
    assert len(article.quotes) == 1
    assert [text[a:b] for a, b in article.quotes[0].spans] == [
        "Paul is into the basics of this business,",
        "Blocking and tackling. Message discipline.",
    ]


def test_rules_second_quote_with_its_own_frame_stays_apart(rules: Extractor) -> None:
    text = '"We are ready," Reed said. "We are not," Jane Smith replied.'
    article = rules.extract(text)
    assert [(q.text, q.speaker.mention.text if q.speaker.mention else None) for q in article.quotes] == [
        ("We are ready,", "Reed"),
        ("We are not,", "Jane Smith"),
    ]


def test_rules_titles_and_names_in_quote_marks_are_not_quotes(rules: Extractor) -> None:
    text = (
        'Sanders told MSNBC\'s "Morning Joe" on Monday that he would stay. '
        'State Del. Marcia "Cia" Price shouted to the crowd. "We Will Rise Again" was the headline.'
    )
    quotes = rules.extract(text).quotes
    assert [q.text for q in quotes] == ["he would stay"]


def test_rules_mention_keeps_hyphenated_words(rules: Extractor) -> None:
    text = "One of the so-called Birmingham Six said the families were delighted with the apology."
    quote = only(rules.extract(text), "the families were delighted with the apology")
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "One of the so-called Birmingham Six"


def test_rules_single_letter_in_quote_marks_is_not_a_quote(rules: Extractor) -> None:
    text = "In a statement, detainee 'A' in Woodhill Prison said: \"I hope the government will act.\""
    assert [q.text for q in rules.extract(text).quotes] == ["I hope the government will act."]


def test_rules_fragment_in_object_of_cue_is_mixed(rules: Extractor) -> None:
    text = 'Senator Ann Kerr praised the "great enthusiasm" of the volunteers on Monday.'
    quote = only(rules.extract(text), 'the "great enthusiasm" of the volunteers')
    assert quote.type == "mixed"
    assert quote.speaker.name == "Ann Kerr"


def test_rules_inverted_cue_never_takes_a_word_of_the_quote_as_speaker(rules: Extractor) -> None:
    # PolNeAR dev (Western Journal): the parser made "mode" a subject of "said"
    article = rules.extract(
        "“Hillary Clinton’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, "
        "a South Florida-based president of the Democratic African-American Women Caucus."
    )
    quote = only(article, "Hillary Clinton’s campaign is in panic mode. Full panic mode,")
    assert quote.speaker.name == "Leslie Wimes"


def test_rules_second_speech_verb_parsed_inside_the_first_clause_is_the_same_speakers(
    rules: Extractor,
) -> None:
    # PolNeAR dev (Washington Post): "suggested" is parsed as a conjunct of "declare"
    article = rules.extract(
        "British Prime Minister Theresa May said this week that the country would formally declare "
        "its intention to break with the E.U. by the end of March and suggested that it would "
        "withdraw from the single market."
    )
    quote = only(article, "it would withdraw from the single market")
    assert quote.cue is not None and quote.cue.text == "suggested"
    assert quote.speaker.name == "Theresa May"


def test_rules_cue_after_the_quote_outranks_a_colon_without_a_verb(rules: Extractor) -> None:
    # PolNeAR dev (Breitbart): "in detail:" names no speaker, "she said" does
    article = rules.extract(
        "Melanie Austin waited at the front. The scene is recorded in detail:\n\n"
        "“Here comes Big Daddy,” she said, clapping."
    )
    quote = only(article, "Here comes Big Daddy,")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "she"
    assert quote.speaker.name == "Melanie Austin"


def test_rules_clause_cut_inside_quote_marks_runs_to_the_closing_mark(rules: Extractor) -> None:
    # BBC entertainment/037: the clause stopped at the comma inside the marks and the rest
    # came out as a second, direct quote
    text = (
        "Chief Charles Williams has campaigned against the film. He said some did not "
        '"understand our history, they are weak and are not committed to the cause of the Carib '
        'people". The film took $305m.'
    )
    quotes = rules.extract(text).quotes
    assert [(q.type, q.text) for q in quotes] == [
        (
            "mixed",
            'some did not "understand our history, they are weak and are not committed to the '
            'cause of the Carib people"',
        )
    ]
    assert quotes[0].speaker.name == "Charles Williams"


def test_rules_quoted_words_closing_a_reported_clause_are_one_mixed_quote(rules: Extractor) -> None:
    # BBC entertainment/050: the period inside the marks left the fragment outside the clause
    text = (
        'The lawsuit said Willis has endured "extreme mental, physical and emotional pain and '
        'suffering." There were no specific details on the injuries.'
    )
    quotes = rules.extract(text).quotes
    assert [(q.type, q.text) for q in quotes] == [
        ("mixed", 'Willis has endured "extreme mental, physical and emotional pain and suffering."')
    ]


def test_rules_quoted_words_in_a_cue_clause_are_mixed_not_direct(rules: Extractor) -> None:
    # BBC tech/010: the fragment sits in the clause "the tool was a ..." of "said"
    text = (
        'Dan Gillmor, founder of Grassroots Media, said the tool was a "bad idea, and an '
        'unfortunate move by a company that is looking to continue its hypergrowth". Google '
        "said the feature was still in beta."
    )
    quotes = rules.extract(text).quotes
    gillmor = [q for q in quotes if "hypergrowth" in q.text]
    assert [(q.type, q.speaker.name) for q in gillmor] == [("mixed", "Dan Gillmor")]
    assert gillmor[0].text.startswith('the tool was a "bad idea')


def test_rules_quoted_words_after_but_close_the_reported_clause(rules: Extractor) -> None:
    # BBC business/008: the clause stopped at "but" and the quoted rest came out as direct
    text = (
        "Palaniappan Chidambaram spoke in London. He said the issue is not globalisation but "
        '"the terms of engagement in globalisation." Mr Chidambaram is attending the G7 meeting.'
    )
    quotes = rules.extract(text).quotes
    assert [(q.type, q.text) for q in quotes] == [
        ("mixed", 'the issue is not globalisation but "the terms of engagement in globalisation."')
    ]


def test_rules_unclosed_quote_after_cue_stays_direct(rules: Extractor) -> None:
    # BBC entertainment/048: no closing mark, nothing of the clause outside the marks
    text = (
        "In referring to Marlon Brando's death, the AFI jury concluded \"the art of screen "
        "acting has two chapters - 'Before Brando' and 'After Brando'.\n\nThe AFI also cited news."
    )
    brando = [q for q in rules.extract(text).quotes if "Before Brando" in q.text]
    assert [q.type for q in brando] == ["direct"]


def test_rules_dash_signature_after_a_no_break_space(rules: Extractor) -> None:
    # PolNeAR dev (HuffPost): each reader's quote signed '”\xa0― Name'; the quote took the
    # signature of the one before it
    text = (
        "Latinos on the debate\n"
        "“He is ignorant of our culture and lives.”― Pamela Padilla\xa0\n"
        "“I’m so ashamed to be an American. How did we get this low?”\xa0― Jacklyn Ashley\xa0\n"
    )
    article = rules.extract(text)
    assert only(article, "I’m so ashamed to be an American. How did we get this low?").speaker.name == (
        "Jacklyn Ashley"
    )
