"""Names where one side is written without capitals (Korean, Chinese, Japanese, Arabic, Hebrew,
Thai, Hindi...), for the names check (cognates.py).

The check finds names by their capitals, so where the original has none a name changed in the
translation ('민수는 부산에 산다.' / 'Minsu lives in Seoul.') was never seen, and where the
translation has none most faithful names read as 'no counterpart' (17 info findings on 16
faithful Japanese links; none now).
Here the cased side's names (as find_names finds them) look for their counterpart in the
caseless side's words:
- by the spelling of the word's transliteration (anyascii: 부산 'BuSan', 上海 'ShangHai'), of
  its stem (Korean particles: '부산에' is 부산 + 에; Arabic proclitics: 'وعلي' is و + علي), of its
  reading (Japanese kanji: anyascii gives Chinese readings, 田中 'TianZhong'; Sudachi reads
  タナカ, 'tanaka'), of its consonants (Arabic writes no short vowels: محفوظ 'mhfwdh' /
  Mahfouz 'mhfz'), and loosely for Hangul (its romanisations differ: 박 'Bag' / Park); a name
  in pinyin or romaji against Chinese characters only as their reading (name_readings: 'Kato'
  is not 佐藤 'sato', 'Zhang' not 著名 'ZhuMing'), and each word of its run so ('Zhang' of
  'Zhang Wentao' has no counterpart because 'Wentao' has one in 李文涛: the word faces 李文涛);
- by word vectors, the name or its whole capitalised run ('Hong Kong', 'Yangtze River')
  against each form, at counterpart_cosine (name_cosine where the reading tells: Kato/佐藤
  0.67, Suzhou/杭州 0.64; 香港/'Hong Kong' 0.88): other names stand below it (Tanaka/佐藤 0.59,
  Osaka/東京 0.49, Seoul/부산 0.47), a name's own counterpart mostly above (東京/Tokyo 0.84,
  القاهرة/Cairo 0.95, 부산/Busan 0.83, 伊藤/Ito 0.56 is matched by its reading);
- by a sure word link the check already counted (the name is no orphan then), except a name
  in pinyin or romaji, which the check pairs by bigrams and places too ('Wenhao' / 李文涛).
A name left with none faces the caseless side's name-like words that are no counterpart of
anything in the cased side, in its place where word links say where that is (the word orders of
Korean or Japanese and English differ too much to guess a place from positions). It is a
warning where that word is surely a name: to a tagger (Chinese: jieba's proper-noun tags;
Japanese: Sudachi's 固有名詞), or, with no tagger (Korean, Arabic, Hebrew, Thai, Hindi...),
where the text itself shows it (`spelt_names`: in another link its form is spelt like a
capitalised word, 부산 kept as 'Busan', 민수 as 'Minsu'). A word that is merely no predicate
form is no proof: translators from pro-drop languages add the names the original leaves
implicit, and then face a verb form or a pronoun ('그녀' she for 'Yuna', 'وجبنا' and cheese
for 'Damascus': two false warnings in each of two faithful texts of 8 links); that is info.
A name facing no such word is info too (or nothing for a name the text writes in many links:
a pronoun stands for it), told once for its whole capitalised run ('Li Ming'). The message
gives the transliteration, so a reader who cannot read the script understands it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .cjk import HAN, KANA
from .evidence import LinkWords, WordEvidence, WordSpan, word_spans
from .name_hebrew import DEVANAGARI, HEBREW, devanagari_key, hebrew_alike, hebrew_stems
from .name_readings import by_reading, japanese_reading, read_alike, romanised, sudachi_word
from .word_similarity import fold, latin, similarity
from .name_words import NameContext
from .types import Bitext, Finding, Severity, Side, Span
from .word_lists import _calendar, function_words, make_finding

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["caseless_names", "caseless_side", "spelt_names"]

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]")   # Hebrew, Arabic, Persian
# Korean particles after a noun, the longest first ('서울에서' is 서울 + 에서)
_KO_PARTICLES = re.compile(
    r"(?:에서는|에게서|으로는|에서|에게|한테|께서|으로|까지|부터|처럼|보다|이나|이랑|이는|이가|"
    r"씨는|씨가|씨를|씨의|[은는이가을를에로와과의도만랑씨님])$")
# Korean predicate endings: a verb or an adjective, no name ('산다', '만났다', '있어요')
_KO_PREDICATE = re.compile(r"(?:다|요|고|며|서|니|지|게|면|은데|는데)$")
# Arabic proclitics (and, so, with, for, like; the article): one form without them
_AR_PROCLITIC = re.compile(r"^(?:[وفبلك]?ال|[وف]?[بلك]|[وف])(?=\w{2})")
_PROPER_ZH = {"nr", "ns", "nt", "nz", "nrt", "nrfg"}
_VOWELS = re.compile(r"[aeiouy'`]+")


def caseless_side(bitext: Bitext) -> Side | None:
    """The side written without capitals, where the other side has them: most of its letters
    are of a script without case (Hangul, ideographs, Arabic), most of the other's are cased."""
    def share(side: Side) -> float:
        letters = [c for i in range(len(bitext.alignment.links)) for c in bitext.link_text(i, side)
                   if c.isalpha()]
        return sum(c.lower() == c.upper() for c in letters) / len(letters) if letters else 0.0
    src, tgt = share("src"), share("tgt")
    if src > 0.5 and tgt < 0.5:
        return "src"
    if tgt > 0.5 and src < 0.5:
        return "tgt"
    return None


@lru_cache(maxsize=8192)
def _forms(word: str, japanese: bool) -> tuple[tuple[str, str, int], ...]:
    """(form, how it is read in Latin letters, its offset in the word) for the word and what
    stands for a name inside it: its stem without particles or proclitics, the words jieba
    finds inside a long one ('香港旅游': 香港), and Sudachi's reading of Japanese."""
    out = [(word, latin(word), 0)]
    if _HANGUL.search(word):
        stem = _KO_PARTICLES.sub("", word)
        if stem and stem != word:
            out.append((stem, latin(stem), 0))
    elif HEBREW.search(word):   # a prefix letter or two: 'לבוסטון' is ל + בוסטון
        out += [(stem, latin(stem), at) for stem, at in hebrew_stems(word)]
    elif _ABJAD.search(word):
        m = _AR_PROCLITIC.match(word)
        if m is not None:
            out.append((word[m.end():], latin(word[m.end():]), m.end()))
    elif KANA.search(word) or HAN.search(word):
        if japanese:
            reading = japanese_reading(word)
            if reading:
                out[0] = (word, reading, 0)
        elif len(word) > 2:
            import rjieba
            for part in rjieba.cut_for_search(word):
                k = word.find(part)
                if 0 < len(part) < len(word) and k >= 0:
                    out.append((part, latin(part), k))
    return tuple(out)


def _loose(word: str) -> str:
    """A Korean romanisation with what romanisations write differently made one ('Park' and
    'Bag', 'Jiyoung' and 'Jiyeong', 'Busan' and 'Pusan')."""
    w = fold(word)
    for a, b in (("ch", "j"), ("eo", "o"), ("eu", "u"), ("ae", "e"), ("ee", "i"), ("oo", "u"),
                 ("ou", "u"), ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l")):
        w = w.replace(a, b)
    return w


def _skeleton(word: str) -> str:
    """The consonants of a name as Arabic or Hebrew writes it, without short vowels ('Mahfouz'
    'mhfz', محفوظ 'mhfdh' less its long vowels 'w', 'y')."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", fold(word).replace("w", "")))


def _spelt(name: str, form: str, read: str, japanese: bool = False) -> float:
    """How alike a name and a caseless form are spelt, the best of the ways above; a name in
    pinyin or Japanese romanisation against Chinese characters is their reading or not at
    all (name_readings: 'Kato' is not 佐藤 'sato')."""
    if by_reading(name, form, japanese):
        return float(read_alike(name, form, japanese))
    if read != latin(form):   # a Japanese reading, in Latin letters already
        return similarity(name, read)
    best = similarity(name, form)
    if _HANGUL.search(form):
        best = max(best, similarity(_loose(name), _loose(read)) / 0.8)
    elif HEBREW.search(form) and hebrew_alike(name, form):   # name_hebrew: by its consonants
        best = 1.0
    elif DEVANAGARI.search(form):
        a, b = devanagari_key(name), devanagari_key(read)
        if len(a) >= 2 and len(b) >= 2:
            best = max(best, similarity(a, b) / 0.8)
    elif _ABJAD.search(form):
        a, b = _skeleton(name), _skeleton(read)
        if len(a) >= 2 and len(b) >= 2:
            best = max(best, similarity(a, b) / 0.8)
    return min(best, 1.0)


def _tagged(word: str, japanese: bool) -> bool:
    """Whether a tagger says if the word is a name (Sudachi for Japanese, jieba for Chinese)."""
    return japanese or bool(HAN.search(word))


def spelt_names(bitext: Bitext, side: Side, config: CheckConfig) -> dict[str, frozenset[int]]:
    """The forms of the caseless `side`'s untagged words that a link shows to be names, with
    the links that show it: there the word is, of the link's words, the one spelt most like a
    capitalised word of the cased side (부산 / 'Busan'; not 'أمس' yesterday beside دمشق for
    'Damascus', spelt alike only loosely). Built once per text by spelling alone: cheap."""
    from .lang import primary
    lang, other = (bitext.src_lang, bitext.tgt_lang) if side == "src" else (bitext.tgt_lang, bitext.src_lang)
    if primary(lang) in ("zh", "ja"):   # a tagger tells their names
        return {}
    common, other_common = function_words(lang), function_words(other)
    found: dict[str, set[int]] = {}
    for i in range(len(bitext.alignment.links)):
        caps = [w for w, *_ in word_spans(bitext.link_text(i, "tgt" if side == "src" else "src"), other)
                if w[:1].isupper() and w.casefold() not in other_common]
        if not caps:
            continue
        words = [_forms(w, False) for w, *_ in word_spans(bitext.link_text(i, side), lang)
                 if not _tagged(w, False) and fold(w) not in common]
        for t in caps:
            best, forms = max(((max(_spelt(t, f, r) for f, r, _ in fs), fs) for fs in words),
                              default=(0.0, ()), key=lambda b: b[0])
            if best >= config.name_similarity:
                for f, *_ in forms:
                    found.setdefault(f, set()).add(i)
    return {f: frozenset(links) for f, links in found.items()}


def _name_like(word: str, japanese: bool, lang_words: frozenset[str]) -> bool:
    """Could the caseless word be a name? Chinese: a proper noun to jieba; Japanese: to
    Sudachi; else (no tagger) any word that is no predicate form nor one of the commonest."""
    if fold(word) in lang_words or len(word) < 2:
        return False
    if japanese:
        return sudachi_word(word)[0][1:2] == ("固有名詞",)
    if HAN.search(word):
        import rjieba
        return any(tag in _PROPER_ZH for _, tag in rjieba.tag(word))
    if _HANGUL.search(word):   # a noun of two syllables at least ('그는' is 'he')
        stem = _KO_PARTICLES.sub("", word)
        return len(stem) >= 2 and (stem != word or not _KO_PREDICATE.search(word))
    return True


def _run(text: str, words: Sequence[WordSpan], name: WordSpan, common: frozenset[str]) -> list[WordSpan]:
    """The capitalised words side by side with the name, a space or a hyphen between, none of
    the language's commonest ('The'): one name ('Hong Kong', 'Yangtze River', 'Park Jimin'),
    which any of its words may stand for."""
    def joins(k: int, m: int) -> bool:
        return words[m][0][:1].isupper() and words[m][0].casefold() not in common \
            and text[words[min(k, m)][2]:words[max(k, m)][1]] in (" ", "-")
    k = next(k for k, w in enumerate(words) if w[1] == name[1])
    lo = hi = k
    while lo > 0 and joins(lo, lo - 1):
        lo -= 1
    while hi + 1 < len(words) and joins(hi, hi + 1):
        hi += 1
    return list(words[lo:hi + 1])


class _Caseless:
    """The caseless side's words of one link, the forms they are read in, and how close each
    is to a word or a text of the cased side (spelling, word vectors)."""

    def __init__(self, words: Sequence[WordSpan], japanese: bool, evidence: WordEvidence | None):
        self.words, self.japanese, self.evidence = words, japanese, evidence
        self.forms = [_forms(w, japanese) for w, *_ in words]
        # ... and two words side by side, one name of two words ('الدار البيضاء': Casablanca),
        # Japanese read as Japanese (佐藤 健二 'sato kenji', not anyascii's 'ZuoTeng JianEr')
        pairs = [((f"{w} {v}", self._read(f"{w} {v}")), (k, k + 1)) for k, ((w, _, b), (v, a, _))
                 in enumerate(zip(words, words[1:])) if a == b + 1]
        flat = [((f, r), (k,)) for k, fs in enumerate(self.forms) for f, r, _ in fs]
        self.singles = len(flat)
        flat += pairs
        self.flat = [f for f, _ in flat]
        self.owner = np.zeros((len(flat), len(words)), dtype=bool)   # forms x words
        for m, (_, owners) in enumerate(flat):
            self.owner[m, list(owners)] = True

    def _read(self, form: str) -> str:
        """A form of two words in Latin letters, as _forms reads one."""
        if self.japanese and (KANA.search(form) or HAN.search(form)):
            return " ".join(japanese_reading(w) or latin(w) for w in form.split(" "))
        return latin(form)

    def closeness(self, texts: Sequence[str], config: CheckConfig, pairs: bool = True) -> np.ndarray:
        """(texts x caseless words): is the word, in one of its forms (`pairs`: or with the
        word beside it), spelt like the text (a capitalised one: 'in' is no 'In' of 인천) or
        at counterpart_cosine from it (name_cosine where its reading tells: name_readings)?"""
        flat = self.flat if pairs else self.flat[:self.singles]
        if not texts or not self.words:
            return np.zeros((len(texts), len(self.words)), dtype=bool)
        close = np.array([[t[:1].isupper() and _spelt(t, f, r, self.japanese) >= config.name_similarity
                           for f, r in flat] for t in texts], dtype=bool)
        if self.evidence is not None:
            bar = np.array([[config.name_cosine if t[:1].isupper() and by_reading(t, f, self.japanese)
                             else config.counterpart_cosine for f, _ in flat] for t in texts])
            close |= self.evidence.cosines(list(texts), [f for f, _ in flat]) >= bar
        return (close.astype(np.int64) @ self.owner[:len(flat)].astype(np.int64)) > 0

    def cosines(self, text: str) -> np.ndarray:
        """Per caseless word, the best cosine of its forms to `text` (zeros without evidence)."""
        if self.evidence is None or not self.words:
            return np.zeros(len(self.words))
        cos = self.evidence.cosines([text], [f for f, _ in self.flat])[0]
        return np.where(self.owner, cos[:, None], -1.0).max(axis=0)

    def shown(self, k: int) -> tuple[str, int, int, str]:
        """The word as shown (a Korean word without its particles: a proclitic is not told
        from a first letter, 'بيروت'), its span and its transliteration."""
        w, a, _ = self.words[k]
        form, read, at = min(self.forms[k], key=lambda f: len(f[0])) if _HANGUL.search(w) else self.forms[k][0]
        return form, a + at, a + at + len(form), read[:1].upper() + read[1:].lower()


def caseless_names(bitext: Bitext, i: int, lw: LinkWords, src: list[WordSpan], tgt: list[WordSpan],
                   side: Side, ctx: dict[str, NameContext], config: CheckConfig, evidence: WordEvidence | None,
                   named: Mapping[str, frozenset[int]] | None = None,
                   ) -> tuple[list[WordSpan], list[WordSpan], list[Finding]]:
    """The names check's orphan names (`src`, `tgt`) of link i where `side` is written without
    capitals: the cased side's orphans that have a counterpart in the caseless side's forms
    are taken out; one facing a name-like caseless word with no counterpart is a warning where
    that word is surely a name (`named`: spelt_names of the text), else info; in a
    translation, one facing none is info (a caseless original names nothing the check could
    pair it with). Returns the orphans left to the check, and these findings."""
    from .lang import primary
    cased: Side = "tgt" if side == "src" else "src"
    lang, other_lang = (bitext.src_lang, bitext.tgt_lang) if side == "src" else (bitext.tgt_lang, bitext.src_lang)
    orphans = tgt if cased == "tgt" else src
    if primary(lang) in ("zh", "ja"):   # the check's counterparts by bigrams and word links too:
        orphans = orphans + _romanised_names(bitext, i, lw, cased, ctx, config, orphans, primary(lang) == "ja")
    # one name may be listed twice (an orphan and a stray): told once
    names = list({n[1]: n for n in orphans if n[0][:1].isupper()
                  and fold(n[0]) not in _calendar(other_lang)}.values())
    if not names or not lw.src or not lw.tgt:
        return src, tgt, []
    words = _Caseless(lw.words(side), primary(lang) == "ja", evidence)
    others = lw.words(cased)
    text = bitext.link_text(i, cased)
    near = words.closeness([w for w, *_ in others], config)   # cased words x caseless words
    at = {a: j for j, (_, a, _) in enumerate(others)}
    unmatched = []
    for n in names:
        run = _run(text, others, n, function_words(other_lang))
        # a name in pinyin or romaji is read in its own word: 'Wentao' is in 李文涛, 'Zhang' is not
        own = [n] if primary(lang) in ("zh", "ja") and romanised(n[0], words.japanese) else run
        if near[[at[r[1]] for r in own]].any() or words.closeness([text[run[0][1]:run[-1][2]]], config).any():
            continue
        unmatched.append((n, (run[0][1], run[-1][2]), [at[r[1]] for r in run] if len(own) < len(run) else []))
    handled = {n[1] for n in names}
    if not unmatched:
        return (*_left(src, tgt, cased, handled), [])
    common = function_words(lang)
    close = words.closeness([w for w, *_ in others], config, pairs=False)   # cased x caseless words
    # without word vectors nothing tells a word translated from one left over: info only
    orphan_words = [k for k in range(len(words.words)) if evidence is not None and not close[:, k].any()
                    and _name_like(words.words[k][0], words.japanese, common)]
    partly = {n[1]: _partly(words, close, run, common) if evidence is not None and run else []
              for n, _, run in unmatched}
    sure = {k: _surely_named(words, k, named or {}, i) for k in {*orphan_words, *sum(partly.values(), [])}}
    found, used, told, runs = [], set(), set(), set()
    for n, (a, b), _ in unmatched:
        free = [k for k in orphan_words + partly[n[1]] if k not in used and (
            lw.linked is None or not lw.linked.any()
            or lw.in_place(*((k, at[n[1]]) if side == "src" else (at[n[1]], k)), 0.25))]
        if free:
            cos = words.cosines(text[a:b])
            k = max(free, key=lambda k: (sure[k], k not in partly[n[1]], cos[k]))
            used.add(k)
            told.add(n[1])
            runs.add((a, b))   # one name of several words changed: told once
            form, s, e, read = words.shown(k)
            found.append(_changed(i, n, (form, s, e), read, side, "warning" if sure[k] else "info"))
        elif cased == "tgt" and ctx["tgt"].links[n[0].casefold()] < config.frequent_name and (a, b) not in runs:
            runs.add((a, b))
            found.append(make_finding(i, "names", "info", f"name '{text[a:b]}' has no counterpart in the original",
                                      Span("tgt", a, b)))
    if cased == "src":   # the original's orphans not told about stay the check's (info)
        handled = {n[1] for n in names} - {n[1] for n, *_ in unmatched} | told
    return (*_left(src, tgt, cased, handled), found)


def _romanised_names(bitext: Bitext, i: int, lw: LinkWords, cased: Side, ctx: dict[str, NameContext],
                     config: CheckConfig, orphans: list[WordSpan], japanese: bool) -> list[WordSpan]:
    """The cased side's names in pinyin or romaji that the names check found a counterpart
    for, to be looked for again here: it pairs them by bigrams ('Wenhao' / 李文涛 'LiWenTao')
    and by word links, which join a changed name by its place ('Beijing' / 上海); with the
    words of their runs too short to be names alone ('Li' of 'Li Wentao' / 张文涛)."""
    from .name_words import find_names
    text, words = bitext.link_text(i, cased), lw.words(cased)
    common = function_words(bitext.tgt_lang if cased == "tgt" else bitext.src_lang)
    found = [n for n in find_names(text, ctx[cased], config) if n in words]
    found += [m for n in found for m in _run(text, words, n, common)]
    return list({n[1]: n for n in found if n not in orphans and romanised(n[0], japanese)}.values())


def _partly(words: _Caseless, close: np.ndarray, run: list[int], common: frozenset[str]) -> list[int]:
    """The name-like caseless words that only other words of a name's run are read in (李文涛,
    which 'Wentao' of 'Zhang Wentao' is read in, not 'Zhang'): the word a name of several
    words changed in part faces, which counts as matched and so was no orphan word."""
    others = np.ones(close.shape[0], dtype=bool)
    others[run] = False
    return [k for k in range(len(words.words)) if close[run, k].any() and not close[others, k].any()
            and _name_like(words.words[k][0], words.japanese, common)]


def _surely_named(words: _Caseless, k: int, named: Mapping[str, frozenset[int]], i: int) -> bool:
    """Whether caseless word k of link i is surely a name: a tagger says so, or one of its
    forms is spelt like a capitalised word in another link (a word no link spells so may be
    a verb or a pronoun the translator made a name of: '그녀' she / 'Yuna')."""
    w = words.words[k][0]
    if _tagged(w, words.japanese):
        return True
    return any(named.get(f, frozenset()) - {i} for f, *_ in words.forms[k])


def _changed(i: int, name: WordSpan, word: WordSpan, read: str, side: Side,
             severity: Severity) -> Finding:
    """The finding for a cased-side name facing a caseless name-like word with no counterpart."""
    if side == "src":
        return make_finding(i, "names", severity,
                            f"name '{name[0]}' in the translation; the original has '{word[0]}' ({read}) there?",
                            Span("src", word[1], word[2]), Span("tgt", name[1], name[2]))
    return make_finding(i, "names", severity, f"name '{name[0]}' became '{word[0]}' ({read})?",
                        Span("src", name[1], name[2]), Span("tgt", word[1], word[2]))


def _left(src: list[WordSpan], tgt: list[WordSpan], cased: Side,
          handled: set[int]) -> tuple[list[WordSpan], list[WordSpan]]:
    """The orphan lists without the cased side's names this module has dealt with."""
    if cased == "tgt":
        return src, [t for t in tgt if t[1] not in handled]
    return [s for s in src if s[1] not in handled], tgt
