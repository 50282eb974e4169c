"""The confusable-word rules of confusables.py, per translation language, and the original's words
that back or veto them (SENSES, per original language).

A rule's pattern names the word written `w`; `alone` is its level without the original's
backing: 'warning' only for patterns no clean sentence of the LIMSI English and French
translations or of Text+Berg dev matches (the counts are in tests/test_confusables.py's
docstring), 'info' for likelier ones, None for a rule that speaks only when the original backs
it (', ou il peut...' is French for 'or he can...' as often as for 'where he can...').
Pairs left out, as no pattern was near-certain: German das/dass and wen/wenn (a relative
'das' and 'wen' stand where the conjunctions would), French ces/ses, Portuguese por que/porque.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .types import Severity

__all__ = ["RULES", "SENSES", "Rule"]


@dataclass(frozen=True)
class Rule:
    """A word written where its look-alike `intended` is meant, where `pattern` matches."""

    pattern: re.Pattern[str]            # group 'w': the word written
    intended: str
    alone: Severity | None = "warning"  # the level without the original's backing
    yes: str = ""                       # SENSES key: original words meaning the word meant
    no: str = ""                        # SENSES key: original words meaning the word written
    fits: Callable[[re.Match[str]], bool] | None = None   # a test the pattern cannot write
    before: re.Pattern[str] | None = None   # what must stand just before the match (`_rule`)
    counted: bool = False               # the original backs only words the translation lacks
    linked_only: bool = False           # the original speaks only through a word link to the word


def _senses(table: dict[str, str], flags: int = re.IGNORECASE) -> dict[str, re.Pattern[str]]:
    """Per original language, its words (alternatives) as one pattern that finds them in a text
    and fullmatches them as tokens ("qu'" before 'erreur', 'où' after 'là')."""
    return {lang: re.compile(rf"(?<!\w)(?:{words})(?!(?<=\w)\w)", flags) for lang, words in table.items()}


SENSES: dict[str, dict[str, re.Pattern[str]]] = {
    "than": _senses({"fr": "que|qu['’]", "de": "als", "pt": "que", "es": "que", "it": "che|di",
                     "en": "than", "nl": "dan"}),
    "then": _senses({"fr": "alors|puis|ensuite|lors", "de": "dann|damals|danach", "pt": "então|depois",
                     "es": "entonces|luego|después", "it": "allora|poi", "en": "then"}),
    "its": _senses({"fr": "son|sa|ses|leur|leurs", "pt": "seu|sua|seus|suas", "es": "su|sus",
                    "de": "sein|seine|seinem|seinen|seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres|dessen|deren",
                    "it": "suo|sua|suoi|sue", "en": "its"}),
    "it is": _senses({"fr": "est|c['’]|était|sera|fait", "de": "ist|war|sei|wäre", "it": "è|era|sarà",
                      "pt": "é|era|está|estava|foi|será", "es": "es|era|está|estaba|fue|será",
                      "en": "is|it['’]s"}),
    "from": _senses({"fr": r"^\W*(?:de|du|des|d['’]|depuis|dès)", "de": r"^\W*(?:von|vom|aus|ab)",
                     "pt": r"^\W*(?:de|da|do|das|dos|desde)", "es": r"^\W*(?:de|del|desde)",
                     "it": r"^\W*(?:da|dal|dalla|dai|dalle|dallo)", "en": r"^\W*from"}),
    "form": _senses({"fr": "formes?|former|formez|forment|formulaire", "de": "form|formen|bilden|bildet",
                     "pt": "formas?|formar|formulário", "es": "formas?|formar|formulario", "en": "forms?"}),
    "where": _senses({"fr": "où", "de": "wo|wohin|woher|worin|worauf|wobei|wodurch", "pt": "onde|aonde",
                      "es": "donde|dónde|adonde", "it": "dove|ove", "en": "where|whence|wherever", "nl": "waar"}),
    "or": _senses({"fr": "ou", "de": "oder|bzw", "pt": "ou", "es": "o|u", "it": "o|oppure", "en": "or|either",
                   "nl": "of"}),
}

_I = re.IGNORECASE
END = r"(?![\w'’-])"   # the word ends here (not 'have-nots', not 'it's')
PRONOUN_FR = r"(?:(?:il|elle|on|je|nous|vous|ils|elles|tu|se)\b|j['’]|l['’]on\b|s['’])"


def _rule(pattern: str, intended: str, flags: int = _I, before: str = "", **kw: object) -> Rule:
    """A Rule; `before`, what the text must hold just before the match (spaces between), is
    apart from the pattern: a pattern that begins with the word written, often rare, is tried
    at far fewer places than one that begins with a list of words (10 times faster on LIMSI)."""
    return Rule(re.compile(pattern, flags), intended,  # type: ignore[arg-type]
                before=re.compile(rf"(?:{before})\s*\Z", flags) if before else None, **kw)


def _words(alternatives: str) -> str:
    """One of these words (alternatives of a pattern), a whole word: not 'fil' for 'il'."""
    return rf"(?<![\w'’-])(?:{alternatives})"


@lru_cache(maxsize=4096)
def _pos(word: str) -> frozenset[str]:
    from .word_lists import english_lemmas
    return frozenset(english_lemmas(word))


NOT_COMPARED = frozenset("later earlier further farther sooner longer".split())
COMPARATIVES = frozenset("more less better worse rather other fewer lesser".split())


def _comparative(m: re.Match[str]) -> bool:
    """'more then mistakes', 'bigger then', not 'once more then', 'more then than now', nor the
    comparatives that also tell time ('later then')."""
    word = m.group("c").lower()
    before = m.string[:m.start()].split()[-1:]
    if before and before[0].lower() in ("once", "any", "no", "nothing", "never"):
        return False
    if word in COMPARATIVES:
        return True
    from .word_lists import english_lemmas
    lemmas = english_lemmas(word)
    return word.endswith("er") and word not in NOT_COMPARED and any(
        word not in lemmas.get(p, (word,)) for p in ("ADJ", "ADV"))


# words before a 'than' that may be its comparison, beside COMPARATIVES and the -er comparatives:
# 'no sooner seated, than', 'nothing else than', 'hardly had he..., than' (old usage)
_COMPARED_TOO = NOT_COMPARED | frozenset("else different differently otherwise prefer prefers preferred "
                                         "preferring hardly scarcely barely".split())
_SUBJECTS = frozenset("i you he she it we they there".split())


def _then_clause(m: re.Match[str]) -> bool:
    """'and than hurried on', 'and than I'll tell you': a verb or a subject opens a clause after
    'than', and nothing before it in the sentence is compared ('more likely to harm, than good',
    'No sooner seated, than they sprang up', 'taller and than')."""
    after = m.group("n").lower()
    if re.split(r"['’]", after)[0] not in _SUBJECTS and not (
            "VERB" in (pos := _pos(after)) and "NOUN" not in pos):
        return False
    sentence = re.split(r"[.!?…]\s", m.string[:m.start()])[-1]
    return not any(_compared(w.lower()) for w in re.findall(r"[^\W\d_]+", sentence))


@lru_cache(maxsize=4096)
def _compared(word: str) -> bool:
    """A word a 'than' may complete: 'more', 'sooner', 'else', 'taller' (an -er form that is not
    its own lemma)."""
    if word in COMPARATIVES or word in _COMPARED_TOO:
        return True
    from .word_lists import english_lemmas
    lemmas = english_lemmas(word)
    return word.endswith("er") and any(word not in lemmas.get(p, (word,)) for p in ("ADJ", "ADV"))


def _adjective_noun(m: re.Match[str]) -> bool:
    """'it's big hand': a word only an adjective, then a noun that is no adjective or adverb."""
    a, n = _pos(m.group("a").lower()), _pos(m.group("n").lower())
    return a == {"ADJ"} and "NOUN" in n and not n & {"ADJ", "ADV"}


def _adjective(m: re.Match[str]) -> bool:
    """'far to timid', 'is to large': a word that is an adjective, neither noun nor verb
    ('is to blame', 'to date', 'to long for'), nor one of the words that tell where or when."""
    a = m.group("a").lower()
    pos = _pos(a)
    return "ADJ" in pos and not pos & {"NOUN", "VERB"} and a not in _NOT_TOO


def _loose_adjective(m: re.Match[str]) -> bool:
    """'Their lovely and...': an adjective, perhaps a noun too, never a verb ('their best')."""
    pos = _pos(m.group("a").lower())
    return "ADJ" in pos and "VERB" not in pos


def _noun(m: re.Match[str]) -> bool:
    """"You're password has': a word only a noun ('you're welcome', 'you're home' are not)."""
    return _pos(m.group("n").lower()) == {"NOUN"}


def _not_amounting(m: re.Match[str]) -> bool:
    """'drink to much', not 'it didn't amount to much', 'not up to much'."""
    before = m.string[:m.start()].split()[-1:]
    return not before or before[0].lower().strip(",") not in _AMOUNT_TO


_NOT_TOO = frozenset("now then here there today tomorrow yesterday tonight abroad again together apart "
                     "home ever date".split())
_AMOUNT_TO = frozenset("amount amounts amounted amounting come comes came coming add adds added adding "
                       "up down due owe owes owed nothing".split())
_SENTENCE_START = r"^|[.!?…]\s|[\"“«„‘(—–]"
_BEFORE_TOO = ("far|way|much|all|just|simply|slightly|rather|getting|got|become|became|becomes|seem|seems|"
               "seemed|look|looks|looked|feel|feels|felt|sound|sounds|sounded")
_PUNCT_AFTER = r"(?=\s*(?:[.,;:!?()\"”’»—–]|\Z))"
_FRAGMENT_THAN = (r"ever|any\w*|before|usual|expected|necessary|needed|planned|one|the|a|an|that|this|those|"
                  "these|in|at|on|to|his|her|my|our|their|its|most|many|all|what|nothing|everything|someone")

_PREPOSITIONS_EN = "of|in|into|on|onto|upon|with|from|by|at|under|within|without|through|toward|towards|against"
_COPULAS_EN = r"is|was|were|are|been|it['’]s|that['’]s|he['’]s|she['’]s|i['’]m|you['’]re|we['’]re|they['’]re"
_TOO_WHAT = ("late|early|soon|young|old|small|big|large|hot|cold|busy|tired|difficult|hard|heavy|weak|"
             "strong|short|high|low|expensive|dangerous|afraid|far|much|many|good|bad|close|near")
_OFF_WHAT = "lights?|lamps?|radio|engine|gas|tap|television|tv|alarm|stove|oven|computer|phone|heating"
_OFF_WEAR = "hats?|coat|cap|clothes|shoes|boots|gloves|jacket|glasses|spectacles|mask|shirt|dress"
_LOSE_WHAT = ("weight|time|sight|control|track|hope|interest|touch|heart|face|money|everything|patience|"
              "consciousness|courage|faith|temper")

ENGLISH: tuple[Rule, ...] = (
    _rule(r"\b(?P<c>[a-z]+)\s+(?P<w>then)\b(?!\s*[,.;:!?)\"”’]|\s+to\b)(?![^.!?]*\bthan\b)", "than",
          yes="than", no="then", fits=_comparative),
    _rule(r"\b(?P<w>it['’]s)\s+own\b", "its"),
    _rule(r"\b(?P<w>it['’]s)\b", "its", before=_words(_PREPOSITIONS_EN)),
    _rule(r"\b(?P<w>it['’]s)\s+(?P<a>[a-z]+)\s+(?P<n>[a-z]+)\b", "its", alone="info", yes="its", no="it is",
          fits=_adjective_noun),
    _rule(rf"\b(?P<w>[Ii]ts)\s+(?:a|an|the|not|been|going|getting|no|so|too){END}", "it's"),
    _rule(r"\b(?P<w>Form)\s+(?:the|a|an|his|her|my|their|our|your|its|this|that|these|those)\b", "from",
          flags=0, alone="info", yes="from", no="form", before=r"^|[.!?…]\s|[\"“«„‘(—–]"),
    _rule(r"\b(?P<w>form)\b", "from", before=_words("away|apart|aside|came|comes|fled|escaped")),
    _rule(r"(?<![\w'’-])(?P<w>[Tt]he)\s+(?:are|were|would|could|should|did|might|shall|cannot|can['’]t|"
          r"don['’]t|didn['’]t|won['’]t|wouldn['’]t|couldn['’]t|weren['’]t|aren['’]t|haven['’]t|hadn['’]t|"
          rf"have been|had been|will be){END}", "they", flags=0),
    _rule(r"(?<![\w'’-])(?P<w>[Tt]he)\s+(?:say|said|says|told|know|knew|think)\s+that\b", "they", flags=0),
    _rule(r"\b(?P<w>off)\b", "of", before=_words(r"instead|because|in\s+spite|in\s+front")),
    _rule(rf"\b(?P<w>of)\s+(?:the|his|her|my|a|an|their|our|your)\s+(?:{_OFF_WHAT})\b", "off",
          before=_words("switch|switche[sd]|switching|turn|turns|turned|turning")),
    _rule(rf"\b(?P<w>of)\s+(?:his|her|my|their|our|your|the)\s+(?:{_OFF_WEAR})\b", "off",
          before=_words("took|take|takes|taking|taken")),
    _rule(rf"\b(?P<w>loose)\s+(?:{_LOSE_WHAT})\b", "lose", before=_words(
          r"to|will|would|could|might|may|must|can|cannot|shall|should|not|never|didn['’]t|don['’]t|doesn['’]t|won['’]t")),
    _rule(rf"\b(?P<w>lose){END}", "loose",
          before=_words("a|very|broke|break|breaks|broken|breaking|cut|hang|hung|hanging|came|come|comes|coming")),
    _rule(rf"\b(?P<w>[Yy]our)\s+(?:a|an|the|not){END}", "you're", flags=0),
    _rule(r"\b(?P<w>you['’]re)\s+own\b", "your"),
    _rule(rf"\b(?P<w>[Tt]heir)\s+(?:is|are|was|were|isn['’]t|aren['’]t|wasn['’]t|weren['’]t){END}", "there",
          flags=0),
    _rule(r"\b(?P<w>there|they['’]re)\s+own\b", "their"),
    _rule(rf"\b(?P<w>[Ww]hose)\s+(?:the|a|an|not|been){END}", "who's", flags=0),
    _rule(rf"\b(?P<w>to)\s+(?:{_TOO_WHAT})(?=\s*[.,;:!?]|\s+(?:to|for|now|already)\b)", "too",
          before=_words(_COPULAS_EN)),
    _rule(rf"\b(?P<w>to)\s+(?P<a>[a-z]+)(?:{_PUNCT_AFTER}|\s+(?:to|for|now|already|anyway)\b)", "too",
          before=_words(f"{_COPULAS_EN}|{_BEFORE_TOO}"), fits=_adjective),
    _rule(r"\b(?P<w>to)\s+(?:much|many)\b", "too", before=_words("far|way")),
    _rule(rf"\b(?P<w>to)\s+much(?:{_PUNCT_AFTER}|\s+(?:anyway|either|though|anymore)\b)", "too",
          fits=_not_amounting),
    _rule(r"\b(?P<w>too)\s+(?:the|his|her|my|their|our|its|your)\b", "to"),
    _rule(r"\b(?P<w>[Yy]ou['’]re)\s+(?P<n>[a-z]+)\s+(?:has|have|had|is|was|will|would|can|could|must|"
          r"should|may|might|does|did|needs|expired|expires)\b", "your", flags=0, fits=_noun),
    _rule(r"(?P<w>Their)\s+(?P<a>[a-z]+)(?:\s*[.,;:!?]|\s+and\s+(?:the|a|an|I|we|you|he|she|they|it|my|"
          r"our|his|her|this|that)\b)", "they're", flags=0, before=_SENTENCE_START, fits=_loose_adjective),
    _rule(rf"(?P<w>Than)\s+(?!(?:{_FRAGMENT_THAN})\b)[a-z]", "then", flags=0, before=_SENTENCE_START),
    _rule(r"\b(?P<w>than)\s+(?P<n>[A-Za-z]+(?:['’][a-z]+)?)\b", "then", flags=0,
          before=rf"{_words('[Aa]nd|[Bb]ut')}|,", yes="then", no="than", fits=_then_clause),
    _rule(r"\b(?P<w>it['’]s)\b", "its", before=_words("has|have|had|having")),
    _rule(rf"\b(?P<w>[Ww]ere)\s+(?:is|are|was|did|does){END}", "where", flags=0),
    _rule(r"\b(?P<w>where)\b", "were", before=_words("they|we")),
    _rule(r"\b(?P<w>quiet)\s+(?:sure|certain|different|possible|true|likely|clear|impossible|evident|unable)\b",
          "quite"),
    _rule(r"\b(?P<w>quite)(?=\s*[.,;:!?])", "quiet",
          before=_words("be|keep|kept|keeping|stay|stayed|remain|remained|very|so|perfectly|grew|fell|lay")),
    _rule(r"\b(?P<w>affect)\s+(?:of|on|upon)\b", "effect",
          before=_words(r"an|no|any|little|great|side|positive|negative|adverse|desired|much|the\s+same")),
)

_PARTICIPLES_FR = "été|eu|pu|dû|su|reçu|vécu|voulu|obtenu|fait"
_PLACES_FR = "jour|moment|instant|époque|année|temps|endroit|lieu|pays|ville|maison|heure|soir|matin|nuit"
_PREPOSITIONS_FR = "de|à|dans|pour|avec|par|sur|sous|chez|sans|vers|contre|entre"

@lru_cache(maxsize=4096)
def _participle_fr(word: str) -> bool:
    """A French past participle ('atteint', 'baissé', 'fini'): simplemma reads it as a form of
    a verb, or its stem makes a verb ('baissé': 'baisser'). Not 'à côté', 'à midi', 'à pied',
    'à découvert' (no verb behind them), nor an infinitive ('à vendre', 'à faire')."""
    import simplemma
    if not re.search(r"(?:é|i|u|û|is|it|int|ert|ort)\Z", word) or word in _NOT_PARTICIPLES_FR:
        return False
    lemma = simplemma.lemmatize(word, lang="fr")
    if lemma != word:
        return bool(re.search(r"(?:er|ir|re|oir)\Z", lemma))
    stem = word[:-1] + "er" if word.endswith("é") else word + "r" if word.endswith("i") else ""
    return bool(stem) and simplemma.is_known(stem, lang="fr")


def _participle_after(m: re.Match[str]) -> bool:
    return _participle_fr(m.group("p"))


def _parallel(m: re.Match[str]) -> bool:
    """'à Lyon où à Grenoble': the word after the word written also opens the words just
    before it, in one clause (no punctuation between): two like things joined by 'ou'."""
    clause = re.split(r"[,;:.!?()«»\"—–]", m.string[:m.start()])[-1].split()[-4:]
    after = m.string[m.end("w"):].split()[:1]
    return bool(after) and after[0].lower() in (w.lower() for w in clause)


def _not_parallel(m: re.Match[str]) -> bool:
    return not _parallel(m)


_NOT_PARTICIPLES_FR = frozenset("parti nu cru".split())
_DAYS_FR = ("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|aujourd['’]hui|lendemain|veille|"
            "soir|matin|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre")
_DWELL_FR = ("habite|habitent|habitait|habitaient|habiter|vit|vivent|vivait|vivaient|réside|résident|résidait|"
             "travaille|travaillent|travaillait|né|née|nés|nées|installé|installée|installés|installées|"
             "situé|située|situés|situées|basé|basée|basés|basées|arrivé|arrivée|arrivés|arrivées|séjourne|"
             "séjournent|rendre|rendu|rendue|aller|allé|allée|allés|allées|va|vont|déménagé|rentré|rentrée")
_OPENERS_FR = "à|au|aux|en|de|du|des|pour|avec|sur|dans|chez|par|vers"

FRENCH: tuple[Rule, ...] = (
    _rule(r"(?<!tout )\b(?P<w>à)\s+(?P<p>[a-zàâçéèêëîïôûùü]+)\b(?![-'’])", "a", flags=0, fits=_participle_after),
    _rule(r"\b(?P<w>a)\s+(?:\d{1,2}\s*h(?:\s*\d{2})?|midi|minuit)(?!\w)", "à", flags=0, before=_words(_DAYS_FR)),
    _rule(r"\b(?P<w>a)\s+(?=[A-ZÉ][a-zé])", "à", flags=0, before=_words(_DWELL_FR)),
    _rule(rf"\b(?P<w>où)\s+(?:{_OPENERS_FR})\b", "ou", alone=None, yes="or", no="where", counted=True,
          fits=_parallel),
    _rule(rf"(?<!tout )\b(?P<w>à)\s+(?:{_PARTICIPLES_FR})\b", "a"),
    _rule(r"\b(?P<w>à)\b", "a", before=_words(r"il|on|il\s+y|n['’]y")),
    _rule(r"\b(?P<w>a)\s+(?:partir\s+d|cause\s+d|travers\b|côté\s+d|l['’]égard\b|propos\s+d|peu\s+près\b|"
          r"nouveau\b)", "à", flags=0),
    _rule(r"\b(?P<w>a)\b", "à", flags=0, before=_words(r"jusqu['’]|grâce")),
    _rule(r"\b(?P<w>ou)\b", "où", before=_words(r"d['’]|jusqu['’]|au\s+moment|partout|par")),
    _rule(rf"\b(?P<w>ou)\s+{PRONOUN_FR}", "où", alone="info", yes="where", no="or", before=_words(_PLACES_FR)),
    _rule(rf"\b(?P<w>ou)\s+{PRONOUN_FR}", "où", alone=None, yes="where", no="or"),
    _rule(r"\b(?P<w>ou)\b", "où", alone=None, yes="where", no="or", counted=True, fits=_not_parallel),
    _rule(r"\b(?P<w>[Ss]e)\s+(?:qui\b|que\b|qu['’]|n['’]est\b)", "ce", flags=0),
    _rule(r"\best-(?P<w>se)\b", "ce"),
    _rule(r"\b(?P<w>ce)\b(?!-)", "se", before=_words("il|ils|on")),
    _rule(r"\b(?P<w>son)\b", "sont", before=_words("ils")),
    _rule(r"\b(?P<w>sont)\b", "son", before=_words(_PREPOSITIONS_FR)),
    _rule(r"\b(?P<w>et)\b", "est", before=_words("il|on")),
    _rule(r"\b(?P<w>et)\b", "est", before=_words(r"c['’]")),
    _rule(r"\b(?P<w>on)\b", "ont", before=_words("ils")),
    _rule(r"-(?P<w>la)\b", "là",
          before=_words("celui|celle|ceux|celles|jour|moment|fois|temps|soir|matin|époque|heure|année|nuit")),
    _rule(r"\b(?P<w>la)-(?:bas|haut|dessus|dessous|dedans)\b", "là"),
    _rule(r"\b(?P<w>[Ss]a)\s+(?:va\b|vaut\b|ne\b|n['’]|me\b|m['’]|te\b|t['’]|s['’]|y\b)", "ça", flags=0),
    _rule(r"\b(?P<w>sa)(?=\s*[.,;:!?])", "ça", before=_words("comme")),
)

GERMAN: tuple[Rule, ...] = (
    _rule(r"\b(?P<w>seid)\s+(?:dem|der|Jahren|langem|gestern|heute|einigen|vielen|kurzem|wann|Monaten|Wochen|"
          r"Tagen|Stunden|\d)", "seit"),
    _rule(r"\bes\s+sei\s+(?P<w>den)\b", "denn"),
)

SPANISH: tuple[Rule, ...] = (
    _rule(r"\b(?P<w>el)(?=\s*[.,;:!?])", "él",
          before=_words("para|con|de|a|sin|por|contra|entre|hacia|según|sobre")),
    _rule(r"\b(?P<w>[Tt]u)\s+(?:eres|estás|tienes|sabes|puedes|quieres|vas|has|serás|estabas|dices|crees|"
          r"fuiste|eras)\b", "tú", flags=0),
    _rule(r"\b(?P<w>si)(?=\s*[.!])", "sí", before=_words("que|pues")),
    _rule(r"\b(?P<w>mas)\b", "más", before=_words("lo|muy|mucho|cada|aún|nada|algo|poco|los|las|la|el")),
    _rule(r"\b(?P<w>mas)\s+(?:tarde|grande|pequeño|allá|adelante)\b", "más"),
)

PORTUGUESE: tuple[Rule, ...] = (
    _rule(r"\b(?P<w>à)\s+(?:ser|estar|fazer|ter|dizer|ir|ver|dar|falar|partir|chegar|sair|saber|poder)\b", "a"),
    _rule(r"\b(?P<w>mas)\s+(?:do\s+que|tarde|cedo|vezes)\b", "mais"),
    _rule(r"\b(?P<w>mas)\b", "mais", before=_words("o|os|muito|cada|nunca|ainda")),
    _rule(r"\b(?P<w>[Pp]orque)\s*\?", "por quê", flags=0),
)

RULES: dict[str, tuple[Rule, ...]] = {"en": ENGLISH, "fr": FRENCH, "de": GERMAN, "es": SPANISH,
                                      "pt": PORTUGUESE}
