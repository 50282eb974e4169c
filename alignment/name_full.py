"""A full name whose other half the translation changed ('Claudia Brenner' / 'Claudia Brunner'),
for the names check (cognates.py).

The check's other rules ask whether a name has a word spelt alike or close in meaning on the
other side; a surname changed into a similar one passes both ('Ferreira' / 'Pereira': Dice
0.77, cosine 0.59), and in German, which capitalises every noun, a surname the translation never
writes ('Huber', 'Brenner': words of the German list too) is no name at all. A person's name is
written the same in two languages of one script, except for the accents and a transliteration's
habits (name_variants.py); a first name kept as it is, followed by another name than the
original's, is a name changed, whatever the words' cosine or their likeness. The other way round,
a surname kept after another first name ('M. Pierre Martin' / 'Mr Paul Martin': 'Pierre', a common
word of French, was never asked for a counterpart) is a name changed where the encoder reads the
two first names apart (first_name_changes).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .evidence import LinkWords, WordSpan
from .lang import primary
from .name_spelling import name_key
from .name_words import TITLES, _initial, _title, _unlisted
from .segment_abbreviations import ABBREVIATIONS, COMMON_ABBREVIATIONS
from .name_variants import variant_key
from .types import Bitext, Finding, Span
from .word_lists import NOUN_CAPITALS, _common, function_words, make_finding
from .word_similarity import _is_latin, fold, similarity

if TYPE_CHECKING:
    from .check_config import CheckConfig

FORM_ENDING = 3   # letters a form of a name may add to it ('Brenners', Czech 'Nováková' / 'Novák')
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})   # 'Müller' is 'Mueller' too


def _forms(word: str, lang: str) -> set[str]:
    """The spellings of `word` two sides may share: folded, its name_key, its variant keys (as
    written and as name_key), its umlauts written out, an English possessive taken off."""
    word = word.removesuffix("'s").removesuffix("’s")
    return {fold(word), fold(name_key(word, lang)), variant_key(word), variant_key(name_key(word, lang)),
            fold(word.casefold().translate(_UMLAUTS))}


def _one_name(a: str, b: str, lang_a: str, lang_b: str) -> bool:
    """Are `a` and `b` one name: a spelling in common, or one the other with an ending?"""
    fa, fb = _forms(a, lang_a), _forms(b, lang_b)
    return bool(fa & fb) or any((x.startswith(y) or y.startswith(x)) and abs(len(x) - len(y)) <= FORM_ENDING
                                for x in fa for y in fb if min(len(x), len(y)) >= 3)


def _pairs(text: str, words: Sequence[WordSpan], config: CheckConfig) -> list[tuple[int, str]]:
    """(index of the second word, the first word) for each two capitalised words of a side
    standing side by side, a space between: a first name and a surname, say."""
    def cap(w: str, least: int) -> bool:
        return len(w) >= least and w[:1].isupper() and not w.isupper() and w.replace("'", "").isalpha()
    return [(k, words[k - 1][0]) for k in range(1, len(words))
            if text[words[k - 1][2]:words[k][1]] == " " and cap(words[k - 1][0], 2)
            and cap(words[k][0], config.min_name_length)]


def full_name_changes(bitext: Bitext, i: int, lw: LinkWords, config: CheckConfig,
                      taken: Collection[int] = (), used: Collection[int] = ()) -> list[Finding]:
    """Link i's names written after a first word the translation keeps as it is ('Claudia'), where
    the translation writes another name there ('Claudia Brenner' / 'Claudia Brunner', 'Beatriz
    Lobo' / 'Beatriz Silva'), and neither name is anywhere on the other side (no name moved, no
    half left out: 'Johann Sebastian Bach' / 'Johann Bach'). A warning; info where the first
    word is a common word of the original's language, as a title is ('Saint Jean' / 'Saint
    John'). Silent where the encoder reads the two as one word (at counterpart_cosine: 'Hotel
    Krone' / 'Hôtel Couronne'). `taken`, `used`: starts of original and translation words the
    check has already reported."""
    langs = bitext.src_lang, bitext.tgt_lang
    src, tgt = (_pairs(bitext.link_text(i, side), lw.words(side), config) for side in ("src", "tgt"))
    out: list[Finding] = []
    for k, first in src:
        w, a, b = lw.src[k]
        if a in taken or any(_one_name(w, t, *langs) for t, *_ in lw.tgt):
            continue
        for j, first_t in tgt:
            t, c, d = lw.tgt[j]
            if c in used or fold(first) != fold(first_t) or _is_latin(w) != _is_latin(t) \
                    or any(_one_name(s, t, *langs) for s, *_ in lw.src):
                continue
            if lw.cos is not None and float(lw.cos[k, j]) >= config.counterpart_cosine:
                continue
            severity = "info" if _common(first, langs[0]) else "warning"
            out.append(make_finding(i, "names", severity, f"name '{w}' became '{t}'?", Span("src", a, b),
                                    Span("tgt", c, d)))
            used = {*used, c}
            break
    return out


def _no_first_name(w: str, a: int, text: str, lang: str) -> bool:
    """A title ('Mr', 'Mme', 'Sra.'), the language's commonest words, a common word opening the
    sentence ('Yesterday Martin') or after an article ("l'Etat Iskander"), a German noun: no first
    name that could have been changed."""
    key = w.casefold()
    if primary(lang) in NOUN_CAPITALS and not _unlisted(w, lang):   # a German noun ('Staatspräsident')
        return True
    return text[a - 1:a] in ("'", "’") or key in TITLES or key in COMMON_ABBREVIATIONS or key in ABBREVIATIONS.get(primary(lang), ()) \
        or key in function_words(lang) or _title(w, a, text, lang) or (_initial(text, a, lang) and _common(w, lang))


def first_name_changes(bitext: Bitext, i: int, lw: LinkWords, config: CheckConfig,
                       taken: Collection[int] = (), used: Collection[int] = ()) -> list[Finding]:
    """Link i's first names changed before a surname the translation keeps ('M. Pierre Martin' /
    'Mr Paul Martin'), the other half of full_name_changes: neither first name anywhere on the
    other side, the encoder reading them apart (below counterpart_cosine: Pierre/Peter 0.63 is
    one name, Pierre/Paul 0.52 two) and their spellings unlike (a respelt name is
    name_swaps.py's). The translation's word a name, not a common word of its language. With
    word vectors only: without them 'Mont Blanc' / 'Mount Blanc' would be a name changed."""
    if lw.cos is None:
        return []
    langs = bitext.src_lang, bitext.tgt_lang
    texts = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    src, tgt = (_pairs(t, lw.words(side), config) for t, side in zip(texts, ("src", "tgt")))
    out: list[Finding] = []
    for k, first in src:
        x, a, b = lw.src[k - 1]
        if a in taken or _no_first_name(x, a, texts[0], langs[0]) \
                or any(_one_name(x, t, *langs) for t, *_ in lw.tgt):
            continue
        for j, _ in tgt:
            y, c, d = lw.tgt[j - 1]
            if c in used or not _one_name(lw.src[k][0], lw.tgt[j][0], *langs) or fold(x) == fold(y) \
                    or _is_latin(x) != _is_latin(y) or _no_first_name(y, c, texts[1], langs[1]) \
                    or _common(y, langs[1]) or similarity(x, y) >= config.name_similarity \
                    or float(lw.cos[k - 1, j - 1]) >= config.counterpart_cosine \
                    or any(_one_name(s, y, *langs) for s, *_ in lw.src):
                continue
            out.append(make_finding(i, "names", "warning", f"name '{x}' became '{y}'?", Span("src", a, b),
                                    Span("tgt", c, d)))
            used = {*used, c}
            break
    return out


def with_full_names(found: list[Finding], bitext: Bitext, i: int, lw: LinkWords,
                    config: CheckConfig) -> list[Finding]:
    """Link i's findings with its full names changed (full_name_changes) added, each in place of
    the 'no counterpart' info the check may have said of the same name: the name it became is
    known."""
    paired = [f for f in found if len(f.spans) > 1]
    full = full_name_changes(bitext, i, lw, config, {f.spans[0].start for f in paired if f.spans[0].side == "src"},
                             {s.start for f in paired for s in f.spans if s.side == "tgt"})
    full += first_name_changes(bitext, i, lw, config,
                               {f.spans[0].start for f in paired + full if f.spans[0].side == "src"},
                               {s.start for f in paired + full for s in f.spans if s.side == "tgt"})
    changed = {f.spans[0].start for f in full}
    return [f for f in found if len(f.spans) > 1 or f.spans[0].side != "src" or f.spans[0].start not in changed] + full
