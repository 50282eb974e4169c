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


def _adjective_noun(m: re.Match[str]) -> bool:
    """'it's big hand': a word only an adjective, then a noun that is no adjective or adverb."""
    a, n = _pos(m.group("a").lower()), _pos(m.group("n").lower())
    return a == {"ADJ"} and "NOUN" in n and not n & {"ADJ", "ADV"}


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
    _rule(r"\b(?P<w>too)\s+(?:the|his|her|my|their|our|its|your)\b", "to"),
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

FRENCH: tuple[Rule, ...] = (
    _rule(rf"(?<!tout )\b(?P<w>à)\s+(?:{_PARTICIPLES_FR})\b", "a"),
    _rule(r"\b(?P<w>à)\b", "a", before=_words(r"il|on|il\s+y|n['’]y")),
    _rule(r"\b(?P<w>a)\s+(?:partir\s+d|cause\s+d|travers\b|côté\s+d|l['’]égard\b|propos\s+d|peu\s+près\b|"
          r"nouveau\b)", "à", flags=0),
    _rule(r"\b(?P<w>a)\b", "à", flags=0, before=_words(r"jusqu['’]|grâce")),
    _rule(r"\b(?P<w>ou)\b", "où", before=_words(r"d['’]|jusqu['’]|au\s+moment|partout|par")),
    _rule(rf"\b(?P<w>ou)\s+{PRONOUN_FR}", "où", alone="info", yes="where", no="or", before=_words(_PLACES_FR)),
    _rule(rf"\b(?P<w>ou)\s+{PRONOUN_FR}", "où", alone=None, yes="where", no="or"),
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
