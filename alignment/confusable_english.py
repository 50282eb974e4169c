"""English confusable rules for slips a proofreader planted in es/it/de -> en translations that the
first rules (confusable_rules.py) let through: 'vegetables form the same stall', 'check there
consumption', 'in their?', 'Valencia looses some 12 billion litres', 'will loose its air', 'Using
you're fingertips', 'For you're letter', 'slid passed, then', 'the door off the warehouse'.

Each pattern holds only where the grammar leaves one reading ('their' ends no clause) or where
the original says the word meant ('desde', 'della' linked to 'off'); the patterns whose grammar
also fits clean English ('the stones form a circle', 'took the lid off the jar') wait for the
original (`alone=None`). None fires on the LIMSI English (41,000 words) nor on Alibi's English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .confusable_rules import END, Rule, _pos, _rule, _senses, _words

__all__ = ["ENGLISH_MORE", "SENSES_MORE"]

SENSES_MORE: dict[str, dict[str, re.Pattern[str]]] = {
    # 'from' inside a sentence: only the words that never mean 'of' ('de' does, in es, fr, pt)
    "from within": _senses({"es": "desde", "pt": "desde", "fr": "depuis|dès",
                            "it": r"da|dal|dalla|dallo|dai|dagli|dalle|dall['’]", "de": "aus|vom"}),
    "form verb": _senses({"es": r"form\w*|constitu\w*|compon\w*", "pt": r"form\w*|constitu\w*|compõe\w*",
                          "it": r"form\w*|costitu\w*|compon\w*", "fr": r"form\w*|constitu\w*|compos\w*",
                          "de": r"form\w*|bild\w*", "en": r"forms?|formed|forming"}),
    "their": _senses({"es": "sus?", "pt": "seus?|suas?|deles|delas", "it": "loro|suo|sua|suoi|sue",
                      "de": "ihr|ihre|ihren|ihrem|ihrer|ihres", "fr": "leurs?", "en": "their"}),
    "there": _senses({"es": "allí|allá|ahí|hay", "pt": "lá|ali|aí|há", "it": r"lì|là|ci|vi|c['’]",
                      "de": "dort|da|dorthin|dahin|gibt", "fr": "là|y", "en": "there"}),
    "lose": _senses({"es": r"pierd\w*|perd\w*", "pt": r"perd\w*", "it": r"perd\w*|pers[oaie]",
                     "de": r"verlier\w*|verl[oö]r\w*", "fr": r"perd\w*", "en": r"lose|loses|losing|lost"}),
    "loose": _senses({"es": r"suelt\w*|solt\w*|liber\w*", "pt": r"solt\w*|liber\w*",
                      "it": r"sciogl\w*|sciolt\w*|liber\w*|mollare", "de": r"l[öo]s\w*|losmach\w*",
                      "fr": r"lâch\w*|déli\w*|libér\w*", "en": r"loose\w*"}),
    # 'of' where a word link joins it to the word written: 'della' for 'off the'
    "of": _senses({"es": "de|del", "pt": "de|da|do|das|dos", "fr": r"de|du|des|d['’]",
                   "it": r"di|del|della|dello|dei|degli|delle|dell['’]", "de": "des|der|von|vom", "en": "of"}),
    # ... and in the original's text, where the language's 'of' is never 'off' ('della', not 'dalla')
    "of, not off": _senses({"it": r"di|del|della|dello|dei|degli|delle|dell['’]", "de": "des"}),
    "off": _senses({"es": r"fuera|apag\w*", "pt": r"fora|deslig\w*", "fr": r"hors|éteint\w*",
                    "it": r"da|dal|dalla|dallo|dai|dagli|dalle|dall['’]|via|spent\w*",
                    "de": "ab|weg|aus|herunter|hinunter", "en": "off"}),
}

_DETERMINERS = "the|a|an|his|her|its|their|my|your|our|this|that|these|those|some"
_POSSESSIVES = "its|his|her|their|my|your|our"
_MODALS = r"to|will|would|could|might|may|must|can|cannot|shall|should|not|never|won['’]t|didn['’]t|don['’]t"
_PREPOSITIONS = ("of|in|into|on|onto|upon|with|from|by|at|for|under|within|without|through|toward|towards|"
                 "against|about|using|inside|behind|beside|between|over")
# verbs that take an object but no clause: 'Using you're fingertips'; not 'check you're logged
# in', 'find you're welcome', 'make sure you're'
_OBJECT_VERBS = ("use|uses|used|using|take|takes|took|taking|hold|holds|held|holding|wash|washed|washing|"
                 "enter|entered|entering|change|changed|changing|open|opened|opening|close|closed|closing|"
                 "grab|grabbed|grabbing|raise|raised|raising|lift|lifted|lifting|bring|brought|bringing|"
                 "put|putting|move|moved|moving|clean|cleaned|cleaning|protect|protected|protecting|"
                 "cover|covered|covering|touch|touched|touching|rub|rubbed|rubbing|press|pressed|pressing|"
                 "type|typed|typing|save|saved|saving|update|updated|updating|share|shared|sharing")
_MOTION_PAST = ("slid|went|walked|ran|drove|flew|rushed|raced|hurried|swept|sped|rode|rolled|drifted|"
                "floated|sailed|marched|strolled|wandered|slipped|crept|dashed|zoomed|whizzed|flashed|"
                "streamed|glided|hurtled|cycled|trudged|scurried|galloped|trotted|darted|zipped")
_AUXILIARIES = frozenset("is are was were be been being am have has had do does did will would can could "
                         "shall should may might must not".split())
_TIMES = frozenset("year years month months week weeks day days hour hours minute minutes night nights "
                   "morning mornings evening evenings afternoon afternoons time times today tonight "
                   "yesterday tomorrow once twice ago alone forever".split())
# verbs that move one thing off another: 'took the lid off the jar', 'wiped the dust off the shelf'
_SEPARATING = frozenset(("take get pull push knock wipe brush shake cut lift fall jump kick throw blow tear rip "
                         "scrape wash peel strip slide roll drop keep move lick sweep chase drive turn clear dust "
                         "shoot bite pick pluck rub scrub shove tip flick toss fling hurl lead help ease slip "
                         "bring carry haul drag knock scare frighten warn steer fly run come go send set "
                         "wrench prise prize pry shear trim chip break snap slice chop saw").split())


def _noun(m: re.Match[str]) -> bool:
    """The word after: a noun that is no adjective ('letter', not 'welcome', 'right')."""
    return _only_noun(m.group("n"))


def _after_noun(m: re.Match[str]) -> bool:
    """'vegetables form the': a noun just before 'form' (not 'will', 'can': nouns too)."""
    before = m.string[:m.start("w")].split()[-1:]
    word = before[0].lower() if before else ""
    return word.isalpha() and word not in _AUXILIARIES and "NOUN" in _pos(word)


def _verb_there_noun(m: re.Match[str]) -> bool:
    """'check there consumption on': a verb that is no auxiliary before 'there' ('is there
    money', 'had there been'), a word only a noun after it that tells no time ('lived there
    years ago')."""
    before = m.string[:m.start()].split()[-1:]
    verb, noun = (before[0].lower() if before else ""), m.group("n").lower()
    return (verb.isalpha() and "VERB" in _pos(verb) and verb not in _AUXILIARIES and _pos(noun) == {"NOUN"}
            and noun not in _TIMES)


@lru_cache(maxsize=4096)
def _separating(word: str) -> bool:
    from .word_lists import english_lemmas
    return any(lemma in _SEPARATING for lemma in english_lemmas(word).get("VERB", (word,)))


def _noun_off_noun(m: re.Match[str]) -> bool:
    """'shuts the door off the warehouse': nouns on both sides of 'off', and no verb that moves
    one thing off another before them ('took the lid off the jar', 'fell off the roof')."""
    before = re.findall(r"[^\W\d_]+", m.string[:m.start()])
    if not before or not _only_noun(before[-1]) or not _only_noun(m.group("n")):
        return False
    return not any(_separating(w.lower()) for w in before[-4:-1])


def _only_noun(word: str) -> bool:
    pos = _pos(word.lower())
    return "NOUN" in pos and "ADJ" not in pos


# past participles no past tense spells alike: 'the bad made things worse' has a verb after a
# noun, 'She bad long been used to' none
_PARTICIPLES = ("been|gone|taken|seen|done|become|given|known|written|spoken|eaten|forgotten|begun|"
                "fallen|grown|shown|broken|chosen|driven|ridden|risen|stolen|worn|torn|gotten|drawn|"
                "thrown|flown|hidden|shaken|woken|frozen|sworn|undertaken|mistaken")
_ADVERBS_BETWEEN = "long|just|already|never|always|once|often|only|not|also|all|both|since|recently|finally|ever|still"

ENGLISH_MORE: tuple[Rule, ...] = (
    _rule(rf"\b(?P<w>bad)\s+(?:(?:{_ADVERBS_BETWEEN})\s+)?(?:{_PARTICIPLES})\b", "had"),
    # 'its' before what no noun's owner precedes: 'its her birthday', 'its a pity', 'its not'
    _rule(r"\b(?P<w>its)\s+(?:her|him|his|my|your|our|me|us|them|the|a|an|not|been|going|gonna)\b",
          "it's"),
    _rule(rf"\b(?P<w>form)\s+(?:{_DETERMINERS})\b", "from", alone=None, yes="from within", no="form verb",
          counted=True, fits=_after_noun),
    _rule(r"\b(?P<w>their)(?=\s*(?:[?!;:,]|\.(?!\.)|\Z))", "there"),
    _rule(r"\b(?P<w>there)\s+(?P<n>[a-z]+)(?=\s*[.,;:!?]|\s+(?:on|in|at|for|with|and|of|to)\b)",
          "their", alone="info", yes="their", no="there", counted=True, fits=_verb_there_noun),
    _rule(r"\b(?P<w>looses)\s+(?:some|about|around|almost|nearly|over|more|up\s+to|\d)", "loses"),
    _rule(rf"\b(?P<w>looses)\s+(?:{_DETERMINERS}){END}", "loses", alone="info", yes="lose", no="loose"),
    _rule(rf"\b(?P<w>loose)\s+(?:{_POSSESSIVES}){END}", "lose", yes="lose", no="loose", before=_words(_MODALS)),
    _rule(rf"\b(?P<w>loose)\s+(?:the|a|an|some|all){END}", "lose", alone="info", yes="lose", no="loose",
          before=_words(_MODALS)),
    _rule(r"\b(?P<w>you['’]re)\s+(?P<n>[a-z]+)\b", "your", before=_words(_PREPOSITIONS), fits=_noun),
    _rule(r"\b(?P<w>you['’]re)\s+(?P<n>[a-z]+)\b", "your", before=_words(_OBJECT_VERBS), fits=_noun),
    _rule(r"\b(?P<w>passed)(?=\s*(?:[.,;:!?)\"”’—–]|\Z)|\s+(?:and|then|again|by)\b)", "past",
          before=_words(_MOTION_PAST)),
    _rule(rf"\b(?P<w>off)\s+(?:{_DETERMINERS})\s+(?P<n>[a-z]+)\b", "of", alone=None, yes="of", no="off",
          linked_only=True, before=rf"{_words(_DETERMINERS)}\s+[a-z]+", fits=_noun_off_noun),
    _rule(rf"\b(?P<w>off)\s+(?:{_DETERMINERS})\s+(?P<n>[a-z]+)\b", "of", alone=None, yes="of, not off", no="off",
          counted=True, before=rf"{_words(_DETERMINERS)}\s+[a-z]+", fits=_noun_off_noun),
)
