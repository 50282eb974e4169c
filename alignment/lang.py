"""Language codes: what a user types (fr_FR, FRA, pt-br) -> a BCP 47 tag, and the tag the encoder knows.

Why Babel (already a dependency, CLDR data): its `parse_locale` reads POSIX and BCP 47 shapes
alike, and `Locale.parse` knows every ISO 639 code with its aliases ("fra"/"fre" -> "fr"), so
no list is kept here. The tag is rebuilt in BCP 47 case and order (language-Script-REGION-
variant), as TMX's xml:lang and HTML's lang expect: "fr_FR" is not a BCP 47 tag.
"und" (undetermined) and the other special codes are refused: silently aligning as English
(what Babel's likely-subtags would make of "und") is worse than asking. Regional variants
("fr-CA", "pt-BR") map to the encoder's language ("fr", "pt") rather than switching the
encoder off; Chinese keeps its script (Traditional: "zh-TW").
langdetect (already a dependency) guesses the language of a text (the app's language boxes,
the CLI's "und"); on a short text only among the encoder's languages, and only when sure.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from .errors import UnsupportedLanguage

_SPECIAL = {"und", "mul", "zxx", "mis", "qaa"}
_TRADITIONAL = {"hant", "tw", "hk", "mo"}
_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*")


def primary(tag: str | None) -> str:
    """The primary language subtag, lower case: 'pt-BR', 'pt_BR', 'PT' -> 'pt'; '' for none.

    Why: word lists, number words and the English context model are kept per language, not
    per region; a tag the user typed ('en_GB') must find them too."""
    return (tag or "").strip().lower().replace("_", "-").split("-")[0]


def _refuse(code: str, why: str = "unknown language code") -> UnsupportedLanguage:
    return UnsupportedLanguage(f"{why} {code!r}; give the text's language as an ISO 639 code "
                               f"such as fr, en, de, pt-BR")


def normalize_language(code: str) -> str:
    """BCP 47 tag for a language code: 'fr_FR' -> 'fr-FR', 'FRA' -> 'fr', 'zh_hant' -> 'zh-Hant'.

    Raises UnsupportedLanguage for an unknown language, a malformed code and 'und'.
    """
    from babel import Locale, UnknownLocaleError
    from babel.core import parse_locale

    raw = str(code).strip().split(".")[0].split("@")[0]
    if not _SHAPE.fullmatch(raw):
        raise _refuse(code)
    try:
        language, territory, script, variant = parse_locale(raw.replace("-", "_"))[:4]
    except ValueError:
        raise _refuse(code) from None
    if language.lower() in _SPECIAL:
        raise _refuse(code, "no definite language in the code")
    try:
        language = Locale.parse(language.lower()).language
    except (UnknownLocaleError, ValueError):
        raise _refuse(code) from None
    parts = [language, script and script.title(), territory and territory.upper(),
             variant and variant.lower()]
    return "-".join(p for p in parts if p)


def encoder_language(tag: str, known: Iterable[str]) -> str | None:
    """The entry of `known` (an encoder's languages) that serves `tag`, or None.

    'fr-CA' -> 'fr'; 'zh-Hant', 'zh-TW', 'zh-HK' -> 'zh-TW' when the encoder has it.
    """
    by_key = {str(k).lower().replace("_", "-"): str(k) for k in known}
    parts = str(tag).lower().replace("_", "-").split("-")
    if parts[0] == "zh" and _TRADITIONAL & set(parts[1:]) and "zh-tw" in by_key:
        return by_key["zh-tw"]
    for n in range(len(parts), 0, -1):
        key = "-".join(parts[:n])
        if key in by_key:
            return by_key[key]
    return None


#: fewer letters than this tell langdetect too little (its guesses on a word are confident and wrong)
MIN_LETTERS = 12
#: under this many letters a text is short: a sentence or two, where langdetect's n-gram
#: profiles are often confidently wrong ('Hello everyone.' read as Norwegian, 6 trials of 7)
SHORT_LETTERS = 40
#: how sure langdetect must be (the share of its 7 random trials that agree, more or less)
CONFIDENT = 0.8


_DETECTING = threading.Lock()


def _detector_codes(known: Iterable[str]) -> set[str]:
    """langdetect's codes for the encoder's languages: 'zh' -> 'zh-cn', 'zh-TW' -> 'zh-tw'."""
    codes = set()
    for tag in known:
        tag = str(tag).lower().replace("_", "-")
        codes.add("zh-cn" if tag == "zh" else tag)
    return codes


def _probabilities(text: str, prior: dict[str, float] | None = None) -> list:
    """langdetect's languages for `text`, most likely first (seeded: the same text, the same
    answer); with `prior`, only the languages it gives a weight. Empty when nothing is found."""
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    with _DETECTING:
        _load_profiles()
        from langdetect.detector_factory import _factory
        DetectorFactory.seed = 0
        detector = _factory.create()
        if prior is not None:
            detector.set_prior_map({lang: prior.get(lang, 0.0) for lang in _factory.get_lang_list()})
        detector.append(text)
        try:
            return detector.get_probabilities()
        except LangDetectException:
            return []


def _load_profiles() -> None:
    """langdetect's profiles, loaded once. Its loader turns any exception into 'Profile format
    error in .../vi', Ctrl-C and SIGTERM's exit too: a Ctrl-C in the first second of `alignment
    align` printed 50 lines that read like a broken install, and left a half-loaded factory.
    The interruption is raised as itself, and the factory is loaded again next time."""
    import langdetect.detector_factory as factory
    from langdetect.lang_detect_exception import LangDetectException

    try:
        factory.init_factory()
    except LangDetectException as exc:
        factory._factory = None
        if isinstance(exc.__context__, (KeyboardInterrupt, SystemExit)):
            raise exc.__context__ from None
        raise


def detect_language(text: str, known: Iterable[str] | None = None) -> str | None:
    """The ISO 639-1 code of a text's language, or None when unsure.

    Why langdetect: a well-kept port of Google's detector with profiles for 55
    languages bundled (no network); seeded so the same text always gives the same guess.
    One detection at a time (_DETECTING): langdetect loads its profiles into one shared
    factory on first use and draws from the global `random`, so two at once (the app's two
    uploads, two users) gave wrong guesses: English read as Polish or Afrikaans, or none.

    A short text (under SHORT_LETTERS letters: a sentence or two) gets a guess only among
    `known`, the encoder's languages (use_model.SUPPORTED_LANGUAGES by default): there
    langdetect's guesses outside them were mostly wrong ('Hello everyone.' -> Norwegian at
    0.86, 'I love you.' -> Czech, 'We were late.' -> Afrikaans), and a wrong language the
    encoder does not know switches it off. The guess is kept when langdetect names such a
    language with CONFIDENT probability, or when, asked to choose among those languages
    only, it names the same language it named first, nearly sure (0.95). Otherwise None: the
    caller says it could not tell. A longer text keeps langdetect's answer, whatever the
    language (a Norwegian book is Norwegian, and the aligner warns that the encoder does
    not know it).
    """
    from .cjk import script_language

    by_script = script_language(text[:5000])
    if by_script:
        return by_script
    letters = sum(c.isalpha() for c in text[:5000])
    if letters < MIN_LETTERS:
        return None   # 'Good.' read as Somali with probability 1.0
    found = _probabilities(text[:5000])
    if not found:
        return None
    best = found[0]
    if letters >= SHORT_LETTERS:
        return best.lang.split("-")[0] if best.prob >= CONFIDENT else None
    if known is None:
        from .use_model import SUPPORTED_LANGUAGES as known
    codes = _detector_codes(known)
    if best.lang in codes and best.prob >= CONFIDENT:
        return best.lang.split("-")[0]
    among = _probabilities(text[:5000], prior=dict.fromkeys(codes, 1.0))
    if among and among[0].lang == best.lang and among[0].prob >= 0.95:
        return best.lang.split("-")[0]
    return None



#: letters a text needs before its detected language may contradict the one a person chose: a
#: few sentences (under SHORT_LETTERS, one or two, langdetect is often confidently wrong)
SURE_LETTERS = 100
#: ... and how sure langdetect must be (a text of a few sentences in one language gets 0.9999)
SURE = 0.99
#: Chinese, Japanese and Korean told by their script need fewer letters: each says a word or more
SURE_SCRIPT_LETTERS = 20
#: distinct words a text needs besides: a few sentences hold dozens, while a text of one word
#: again and again ('Line 0. Line 1.' ...) told langdetect nothing and was read as German
SURE_WORDS = 10
#: languages written so alike that langdetect names one for the other on a page of text
_NEIGHBOURS = ({"da", "no"}, {"cs", "sk"}, {"hr", "sl"}, {"bg", "mk"}, {"af", "nl"},
               {"hi", "mr", "ne"})


def sure_language(text: str) -> str | None:
    """The language of a text when detection is sure enough to contradict a person: a text
    of a few sentences (SURE_LETTERS, SURE_WORDS distinct words) that langdetect gives SURE
    probability, or one written in the script of Chinese, Japanese or Korean; else None.

    Why stricter than detect_language: that one fills a language box, which a person reads;
    this one warns that a language they chose is not the text's, so a wrong warning on a line
    or two ('Hello everyone.' read as Norwegian) would teach them to ignore it."""
    from .cjk import script_language

    sample = text[:5000]
    letters = sum(c.isalpha() for c in sample)
    by_script = script_language(sample)
    if by_script:
        return by_script if letters >= SURE_SCRIPT_LETTERS else None
    if letters < SURE_LETTERS or len(set(re.findall(r"[^\W\d_]+", sample.casefold()))) < SURE_WORDS:
        return None
    found = _probabilities(sample)
    return found[0].lang.split("-")[0] if found and found[0].prob >= SURE else None


def contradicts(found: str | None, chosen: str) -> bool:
    """Does a sure detection (`found`, from sure_language) contradict the language a person
    chose? Not where they agree on the language ('pt-BR' for 'pt'), nor for a language
    langdetect has no profile of (it names the nearest it knows: Serbian read as Croatian,
    Bokmål 'nb' as 'no', Galician as Portuguese), nor between close neighbours (Danish and
    Norwegian); not for a code that is no language (the aligner refuses that itself)."""
    if found is None:
        return False
    try:
        chosen = primary(normalize_language(chosen))
    except UnsupportedLanguage:
        return False
    if chosen == found or chosen not in _profiled():
        return False
    return not any({chosen, found} <= group for group in _NEIGHBOURS)


def _profiled() -> set[str]:
    """The languages langdetect has profiles for, as primary subtags ('zh-cn' -> 'zh')."""
    with _DETECTING:
        _load_profiles()
        from langdetect.detector_factory import _factory
        return {primary(lang) for lang in _factory.get_lang_list()}


def _mark_ranges() -> str:
    """A regex character-class body of every combining mark of the Basic Multilingual Plane
    (Unicode categories Mn, Mc, Me), from the unicodedata of this Python (~20 ms, once).

    Why: Python's \\w leaves marks out, so a word written with one was cut in pieces: Arabic
    'عامًا' (tanwin) read as 'عام' and 'ا', Hindi 'पहला' as 'पहल' (its vowel sign lost),
    Thai and Hebrew with points likewise."""
    import unicodedata

    out, start = [], None
    for cp in range(0x0300, 0x10000):
        mark = unicodedata.category(chr(cp))[0] == "M"
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            out.append(f"\\u{start:04x}-\\u{cp - 1:04x}" if cp - 1 > start else f"\\u{start:04x}")
            start = None
    return "".join(out)


#: Combining marks, as the body of a regex character class ("[" + MARKS + "]").
MARKS = _mark_ranges()
