"""Word lists the rules rely on: cue verbs, titles, pronouns and role nouns.

Kept apart from the rules so they can be read, reviewed and extended in one place.
"""

from __future__ import annotations

from importlib import resources

from ..model import Gender

# Relative pronouns: "the department, which reported ..." speaks through the noun it follows.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})

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
    show find cite charge accuse criticize criticise attack blast slam praise question
    acknowledge recognize recognise realize realise understand learn hear read see
    want plan intend pledge refuse decline vow promise threaten urge
    """.split()
)

# Cues whose content can be an infinitive: "wants to triple the size of AmeriCorps",
# "pledged to reach", "urged Congress to act" (PolNeAR annotates intentions and demands).
INFINITIVE_VERBS = frozenset(
    "want plan intend pledge promise vow threaten refuse decline hope expect urge agree".split()
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
    "attorney": None, "mp": None, "representative": None, "del.": None,
    "delegate": None, "councilman": "male", "councilwoman": "female", "sheriff": None,
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
    "attorney": None, "lawyer": None, "judge": None, "justice": None, "commissioner": None,
    "spokesperson": None, "adviser": None, "advisor": None, "aide": None, "strategist": None,
    "pollster": None, "economist": None, "professor": None, "doctor": None, "physician": None,
    "ambassador": None, "representative": None, "chairperson": None, "counsel": None,
}  # fmt: skip
# "Jr." ends a name but is not its surname
GENERATIONAL_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# Letters after a person's name, no part of it: "Guy Mansfield QC", "Ann Smith MP".
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "MBE", "CBE", "KBE", "DBE"})

# Roles that are a person's trade, which a description of another role never means: "The GOP
# presidential nominee" is not the judge named last; a senator may well be the nominee.
TRADE_ROLES = frozenset(
    """
    judge attorney spokesman spokeswoman spokesperson adviser aide strategist pollster economist
    professor doctor reporter correspondent anchor host presenter analyst player coach manager
    striker chef designer producer director
    """.split()
)
# one role, two words for it: "his lawyer" is the attorney the text named
ROLE_SYNONYMS = {"lawyer": "attorney", "advisor": "adviser", "physician": "doctor", "counsel": "attorney",
                 "justice": "judge", "congressman": "representative", "congresswoman": "representative",
                 "chairwoman": "chairman", "chair": "chairman"}  # fmt: skip

# Words that describe a person in front of a name but are not part of it
# ("Rival Hillary Clinton", "Senate Minority Leader Harry Reid").
DESCRIPTORS = frozenset(
    """
    rival spokesman spokeswoman spokesperson attorney leader anchor host correspondent reporter
    analyst strategist pollster adviser advisor aide economist nominee candidate challenger
    incumbent hopeful whip counsel deputy
    """.split()
)

# Words that mark a name as an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    party committee department ministry council commission agency association union corporation
    corp corp. inc inc. ltd ltd. plc company co co. group bank university college school
    institute foundation fund court house senate congress parliament government administration
    campaign post times news journal network office service police army board bureau authority
    league club team federation organisation organization center centre cnn bbc fbi cia nato
    united rovers wanderers albion athletic hotspur fc coalition alliance caucus society trust
    """.split()
)

# Common English first names with a strong gender association: weak evidence, outweighed by
# what the text says (he/she, Mr/Mrs). Only names whose usage is overwhelmingly one gender.
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
    megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
    jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
    theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary
    chelsea melania ivanka michelle nikki kellyanne huma hope sarah nancy elaine condoleezza
    madeleine carly jill tulsi kamala kirsten amy dianne barbara susan lindsey chrissy oprah
    beyonce taylor meryl angelina jennifer kim kourtney khloe serena venus theresa angela
    nicola marine christine ursula jacinda ruth sonia elena loretta janet betsy debbie stacey
    donna roseanne katie megyn rachel mika norah savannah tamron robin gwen judy greta
    """.split()
)
MALE_NAMES = (
    frozenset(
        """
    james robert john michael david william richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
    jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
    vincent ralph eugene russell bobby mason philip louis barack bernie bill ted marco jeb mike
    mitch reince newt rudy chris ben rand lindsey harry tim jim tom bob dick al hank reid
    vladimir boris xi emmanuel justin narendra benjamin recep bashar kim hassan ali mohammed
    muhammad ahmed omar abdul rex jared eric hunter beau corey steve sean sheldon stephen
    rush glenn tucker bret wolf anderson jake lester jeff dan chuck orrin lamar kevin trey
    """.split()
    )
    - FEMALE_NAMES
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES


def _name_genders() -> dict[str, Gender]:
    """First names borne overwhelmingly by one sex (US SSA counts, built by
    ``training/build_first_names.py``); the hand lists above win where they disagree."""
    table = resources.files("newsquotes").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    genders: dict[str, Gender] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split("\t")
            genders[name] = "female" if sex == "f" else "male"
    genders.update(dict.fromkeys(MALE_NAMES, "male"))
    genders.update(dict.fromkeys(FEMALE_NAMES, "female"))
    return genders


# the gender a first name is weak evidence of: "Claire McCaskill", "Mehmet Oz"
NAME_GENDERS = _name_genders()

# Nationality and demonym words that stand before a name but are not part of it
# ("American businessman Donald Trump", "Scottish striker ...").
NATIONALITIES = frozenset(
    """
    american british english scottish welsh irish northern french german italian spanish
    portuguese dutch belgian swiss austrian swedish norwegian danish finnish polish russian
    ukrainian greek turkish israeli palestinian iranian iraqi syrian saudi egyptian indian
    pakistani afghan chinese japanese korean australian canadian mexican brazilian argentine
    argentinian chilean colombian venezuelan cuban african nigerian kenyan european asian
    """.split()
)

# Peerages and knighthoods: a name known only by one keeps it ("Lord Browne").
PEER_TITLES = frozenset({"lord", "lady", "baroness", "baron", "sir", "dame"})

# The head nouns of organisations derived from a person's name ("the Trump campaign",
# "Clinton's campaign", "her campaign", "the Obama administration").
DERIVED_ORGS = frozenset({"campaign", "administration"})

# Things that speak for whoever made them: "A Bloomberg poll shows ... The poll found" is
# Bloomberg speaking, "The article said" the paper that ran it.
ARTIFACTS = frozenset(
    """poll survey ad advert advertisement commercial spot article piece story report study
    clip video memo letter tweet post transcript complaint filing lawsuit suit release slide
    statement analysis editorial column book email e-mail message document research average
    panel ruling finding findings submission brief memoir presentation return returns
    """.split()
)
# artifacts of the news itself: with no maker named, the news organisation last named made them
NEWS_ARTIFACTS = frozenset({"article", "piece", "story", "report", "editorial", "column"})
# artifacts a later mention may name by another word ("A new RNC ad ... The clip shows")
ARTIFACT_KINDS = (
    frozenset({"ad", "advert", "advertisement", "commercial", "spot", "clip", "video"}),
    frozenset({"poll", "survey"}),
    frozenset({"study", "research", "analysis", "report", "finding", "findings", "survey"}),
    frozenset({"article", "piece", "story", "editorial", "column"}),
    frozenset({"statement", "release", "letter", "memo", "email", "e-mail", "message"}),
    frozenset({"tweet", "post"}),
    frozenset({"book", "memoir"}),
    frozenset({"submission", "brief", "filing", "complaint", "lawsuit", "suit"}),
)
# verbs whose subject made their object: "the Security Council issued a statement",
# "Mariano wrote a memoir"; the artifact later speaks for that subject
ISSUING_VERBS = frozenset(
    "issue release publish post send write produce file submit air run launch unveil conduct "
    "commission circulate distribute".split()
)

# Definite descriptions of an organisation, each with words that, in a name, make an
# organisation of that sort ("the newspaper" -> "The Washington Post").
_NEWSPAPER = ("post", "times", "journal", "herald", "tribune", "guardian", "telegraph", "globe",
              "gazette", "mail", "news", "daily", "sun", "independent", "observer", "today")  # fmt: skip
_AGENCY = ("agency", "administration", "bureau", "service", "department", "office", "authority", "fbi",
           "cia", "epa")  # fmt: skip
_BROADCASTER = ("news", "cnn", "nbc", "abc", "cbs", "fox", "msnbc", "bbc", "itv", "rt", "channel")
ORG_DESCRIPTIONS = {
    "newspaper": _NEWSPAPER,
    "paper": _NEWSPAPER,
    "network": _BROADCASTER,
    "broadcaster": _BROADCASTER,
    "agency": _AGENCY,
    "company": ("inc", "corp", "company", "co", "group", "plc", "ltd"),
    "firm": ("inc", "corp", "company", "co", "group", "plc", "ltd", "partners"),
    "bank": ("bank", "fargo", "chase", "citigroup", "barclays", "hsbc"),
    "party": ("party", "labour", "conservatives", "democrats", "republicans", "tories"),
    "court": ("court",),
    "journal": ("journal",),
    "commission": ("commission",),
    "committee": ("committee",),
    "council": ("council",),
    "union": ("union", "workers"),
    "city": ("city",),
    "club": ("club", "united", "city", "fc", "rovers", "athletic"),
    "government": ("government",),
    "department": ("department",),
    "ministry": ("ministry",),
    "board": ("board",),
    "league": ("league",),
    "group": ("group",),
    "organization": (),
    "organisation": (),
    "university": ("university", "college"),
    "police": ("police", "constabulary"),
    "fund": ("fund",),
}  # fmt: skip
# organisation descriptions used without an article ("police said")
BARE_ORG_DESCRIPTIONS = frozenset({"police"})

# Parties spoken of in the plural: organisations, not people ("the Tories said").
PARTY_PLURALS = frozenset(
    {"tories", "conservatives", "democrats", "republicans", "liberal democrats", "lib dems", "greens"}
)
# party names that are organisations though NER often reads them as people
PARTY_NAMES = frozenset({"gop", "dnc", "rnc", "snp", "ukip", "labour", "nato"})
