"""Word lists the rules rely on: cue verbs, titles, pronouns and role nouns.

Kept apart from the rules so they can be read, reviewed and extended in one place.
"""

from __future__ import annotations

# Verbs of saying, writing and (as PolNeAR annotates them) stating a belief.
SPEECH_VERBS = frozenset(
    """
    say tell add write explain warn announce state claim insist argue note report reply respond
    answer declare acknowledge admit suggest confirm deny reveal tweet post comment continue
    conclude recall urge promise vow threaten complain estimate contend assert maintain indicate
    concede stress emphasize emphasise observe remark joke quip testify allege agree predict
    disclose advise caution counter retort mention recount describe proclaim boast brag lament
    acknowledge affirm allege announce pledge reiterate repeat explain shout scream yell whisper
    exclaim cry mutter plead beg demand ask inform notify assure reassure point signal hint imply
    believe think feel fear hope expect know worry doubt guess reckon speculate wonder
    """.split()
)

# A cue only when followed by this particle: "pointed out", "called for".
PHRASAL_CUES = {"point": "out", "call": "for"}

# Cues that take a wh-complement as their content ("asked whether ...").
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})

# Verbs whose wh-complement reports no proposition ("explained why she ...").
WH_WORDS = frozenset({"why", "how", "what", "whether", "when", "where", "who", "which", "if"})

TITLES = {
    "mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female",
    "miss": "female", "sir": "male", "dame": "female", "lord": "male", "lady": "female",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None, "sen": None,
    "sen.": None, "senator": None, "rep": None, "rep.": None, "gov": None, "gov.": None,
    "governor": None, "president": None, "pres.": None, "mayor": None, "judge": None,
    "justice": None, "gen": None, "gen.": None, "general": None, "col": None, "col.": None,
    "lt": None, "lt.": None, "capt": None, "capt.": None, "captain": None, "sgt": None,
    "sgt.": None, "rev": None, "rev.": None, "father": "male", "sister": "female",
    "minister": None, "secretary": None, "chancellor": None, "speaker": None, "chairman": "male",
    "chairwoman": "female", "chair": None, "prince": "male", "princess": "female", "king": "male",
    "queen": "female", "pope": "male", "ambassador": None, "commissioner": None, "chief": None,
    "coach": None, "detective": None, "officer": None, "inspector": None, "superintendent": None,
    "congressman": "male", "congresswoman": "female", "vice": None, "premier": None,
    "attorney": None, "mp": None,
}  # fmt: skip

PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})

# Nouns that denote a person in a role, so "the 34-year-old" or "the cookbook author" can stand
# for a person already named; a gender where the noun carries one.
ROLE_NOUNS = {
    "actress": "female", "actor": "male", "woman": "female", "man": "male", "mother": "female",
    "father": "male", "wife": "female", "husband": "male", "daughter": "female", "son": "male",
    "sister": "female", "brother": "male", "girl": "female", "boy": "male", "widow": "female",
    "singer": None, "star": None, "author": None, "writer": None, "personality": None,
    "president": None, "senator": None, "candidate": None, "nominee": None, "governor": None,
    "mayor": None, "minister": None, "leader": None, "chief": None, "executive": None,
    "founder": None, "chairman": "male", "chairwoman": "female", "businessman": "male",
    "businesswoman": "female", "billionaire": None, "player": None, "coach": None,
    "manager": None, "striker": None, "champion": None, "director": None, "producer": None,
    "presenter": None, "host": None, "model": None, "musician": None, "rapper": None,
    "comedian": None, "politician": None, "lawmaker": None, "congressman": "male",
    "congresswoman": "female", "republican": None, "democrat": None, "secretary": None,
    "spokesman": "male", "spokeswoman": "female", "mogul": None, "tycoon": None,
    "year-old": None, "veteran": None, "chef": None, "designer": None,
    "campaigner": None, "activist": None, "entrepreneur": None, "prime": None, "premier": None,
    "chancellor": None, "frontrunner": None, "front-runner": None, "incumbent": None,
}  # fmt: skip

# Words that mark a name as an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    party committee department ministry council commission agency association union corporation
    corp corp. inc inc. ltd ltd. plc company co co. group bank university college school
    institute foundation fund court house senate congress parliament government administration
    campaign post times news journal network office service police army board bureau authority
    league club team federation organisation organization center centre cnn bbc fbi cia nato
    """.split()
)
