"""Word-level comparison across the sides: names and cognates, real-word slips.

Part of the check stage (see checks.py, which registers these checks). A name
on one side should have a similar word on the other: similarity is the Dice
coefficient of character bigrams of accent-stripped, case-folded words (no hand
list of names), helped by name translations learned from the text itself
(words that keep co-occurring with a name) and by Babel's CLDR month and
weekday names ("June" against "juin"). Real-word slips ("white tenor" for
"terreur blanche") use pyspellchecker's word lists with frequencies, the
well-kept pure-Python spell checker with en, fr, de, es, it, pt, nl, ru lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .types import Bitext, Finding, Severity, Span

if TYPE_CHECKING:
    from .checks import CheckConfig

WORD = re.compile(r"[^\W\d_]+")


def fold(word: str) -> str:
    """Case-folded, accent-stripped form for similarity."""
    nfkd = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _grams(word: str) -> frozenset[str]:
    w = f"#{fold(word)}#"
    return frozenset(w[i:i + 2] for i in range(len(w) - 1))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of padded character bigrams (Ruhr/Ruin 0.4, Russie/Russia 0.71)."""
    ga, gb = _grams(a), _grams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb))



def make_finding(i: int, check: str, sev: Severity, msg: str, *spans: Span) -> Finding:
    return Finding(link=i, check=check, severity=sev, message=msg, spans=tuple(spans))


def link_pairs(bitext: Bitext) -> Iterator[tuple[int, str, str]]:
    for i in range(len(bitext.alignment.links)):
        yield i, bitext.link_text(i, "src"), bitext.link_text(i, "tgt")



@lru_cache(maxsize=16)
def speller_for(lang: str) -> Any:
    """pyspellchecker for a language, or None when it has no word list for it."""
    from spellchecker import SpellChecker
    try:
        return SpellChecker(language=lang)
    except ValueError:
        return None



# ---------------------------------------------------------------- names

def word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def _initial(text: str, start: int) -> bool:
    """True if the word at start begins a sentence (or the text)."""
    before = text[:start].rstrip()
    if before[-1:] in ("", "«", "“", '"', "'", "‘", "—", "–", "("):   # quoted speech begins
        return True
    before = re.sub(r"[\s\"'«»“”‘’()\[\]—–-]+$", "", before)
    return not before or before[-1] in ".!?…:"


def _name_stats(texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """Words capitalised mid-sentence somewhere, and words seen in lower case, on one side."""
    named, lower = set(), set()
    for text in texts:
        for w, a, _ in word_spans(text):
            if w[0].islower():
                lower.add(w.casefold())
            elif not _initial(text, a):
                named.add(w.casefold())
    return named, lower


def _names(text: str, stats: tuple[set[str], set[str]], config: CheckConfig) -> list[tuple[str, int, int]]:
    """Capitalised words that are names: not sentence-initial, or known as names elsewhere."""
    words = word_spans(text)
    caps = [t for t in words if t[0][0].isupper() and not t[0].isupper()]
    if not words or len(caps) > 0.6 * len(words):   # a title-case heading
        return []
    named, lower = stats
    return [(w, a, b) for w, a, b in caps if len(w) >= config.min_name_length
            and (not _initial(text, a) or (w.casefold() in named and w.casefold() not in lower))]


@lru_cache(maxsize=16)
def _calendar(lang: str) -> dict[str, str]:
    """Folded month and weekday names of a language (Babel's CLDR data) -> 'm1'..'d6'."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    names = {fold(n): f"m{k}" for k, n in get_month_names("wide", locale=lang).items()}
    names.update({fold(n): f"d{k}" for k, n in get_day_names("wide", locale=lang).items()})
    return names


def _same_date_word(word: str, lang: str, other_words: set[str], other_lang: str) -> bool:
    """True for 'June' against 'juin': English capitalises months and days, French does not."""
    key = _calendar(lang).get(fold(word))
    return key is not None and any(_calendar(other_lang).get(fold(w)) == key for w in other_words)


def _best(word: str, others: Sequence[tuple[str, int, int]]) -> tuple[float, tuple[str, int, int] | None]:
    scored = [(similarity(word, o[0]), o) for o in others if len(o[0]) >= 2]
    return max(scored, default=(0.0, None), key=lambda s: s[0])


def _learned_counterparts(pairs: Sequence[tuple[int, str, str]], stats: dict[str, Any],
                          config: CheckConfig) -> dict[str, dict[str, set[str]]]:
    """Translations of names learned from the text: words that keep co-occurring with them.

    'Chapelier' and 'Hatter' share no letters but are in the same links again and
    again; a one-off slip (Ruhr -> Ruin) never builds such a record.
    """
    out: dict[str, dict[str, set[str]]] = {"src": {}, "tgt": {}}
    for side, other, k, j in (("src", "tgt", 1, 2), ("tgt", "src", 2, 1)):
        seen: Counter[str] = Counter()
        cooc: Counter[tuple[str, str]] = Counter()
        for p in pairs:
            names = {w.casefold() for w, *_ in _names(p[k], stats[side], config)}
            words = {w.casefold() for w, *_ in word_spans(p[j])}
            seen.update(names)
            cooc.update((n, w) for n in names for w in words)
        for (n, w), c in cooc.items():
            if c >= 2 and c >= 0.6 * seen[n]:
                out[side].setdefault(n, set()).add(w)
    return out


def check_names(bitext: Bitext, config: CheckConfig) -> Iterator[Finding]:
    """Names and cognates without a similar word on the other side (Ruhr -> Ruin)."""
    pairs = list(link_pairs(bitext))
    stats = {side: _name_stats([p[k] for p in pairs]) for k, side in ((1, "src"), (2, "tgt"))}
    learned = _learned_counterparts(pairs, stats, config)
    for i, src, tgt in pairs:
        if not src or not tgt:
            continue
        text = {"src": src, "tgt": tgt}
        orphans: dict[str, list[tuple[str, int, int]]] = {}
        for side, other in (("src", "tgt"), ("tgt", "src")):
            others = word_spans(text[other])
            folded = {w.casefold() for w, *_ in others}
            lang, other_lang = (bitext.src_lang, bitext.tgt_lang)[::1 if side == "src" else -1]
            orphans[side] = [n for n in _names(text[side], stats[side], config)
                             if _best(n[0], others)[0] < config.name_similarity
                             and not learned[side].get(n[0].casefold(), set()) & folded
                             and not _same_date_word(n[0], lang, folded, other_lang)]
        yield from _name_findings(i, orphans["src"], orphans["tgt"])


def _name_findings(i: int, src: list[tuple[str, int, int]],
                   tgt: list[tuple[str, int, int]]) -> Iterator[Finding]:
    """Pair an orphan name with a look-alike orphan on the other side (warning); else info."""
    used: set[int] = set()
    for w, a, b in src:
        score, match = _best(w, [t for t in tgt if t[1] not in used])
        if match is not None and score >= 0.25:
            used.add(match[1])
            yield make_finding(i, "names", "warning", f"name '{w}' became '{match[0]}'?",
                           Span("src", a, b), Span("tgt", match[1], match[2]))
        else:
            yield make_finding(i, "names", "info", f"name '{w}' has no counterpart in the translation",
                           Span("src", a, b))
    for w, a, b in tgt:
        if a not in used:
            yield make_finding(i, "names", "info", f"name '{w}' has no counterpart in the original",
                           Span("tgt", a, b))



# ---------------------------------------------------------------- real-word slips

def _edits(word: str, letters: str) -> set[str]:
    """Strings one edit (delete, swap, replace, insert) away, using only the given letters."""
    cuts = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out |= {a + c + b[1:] for a, b in cuts if b for c in letters}
    out |= {a + c + b for a, b in cuts for c in letters}
    return out


def _dice(padded: str, grams: frozenset[str]) -> float:
    """similarity() for an already folded, padded string, without filling the gram cache."""
    mine = {padded[i:i + 2] for i in range(len(padded) - 1)}
    return 2 * len(mine & grams) / (len(mine) + len(grams))


def _slip_for(word: str, orphans: Sequence[tuple[str, int, int]], speller: Any,
              config: CheckConfig) -> tuple[str, tuple[str, int, int]] | None:
    """A far more frequent word within two edits that is a cognate of an orphan original word.

    Edits use only the letters of that original word (the intended cognate shares
    them), which keeps the two-edit search to a few thousand dictionary look-ups.
    """
    lw = word.casefold()
    floor = config.realword_freq_ratio * speller.word_usage_frequency(lw)
    known = speller.word_frequency.dictionary
    for o in orphans:
        base = similarity(lw, o[0])
        if base < 0.35 or len(o[0]) < 6:
            continue
        letters = "".join(sorted(set(fold(o[0])) - set(" -'")))
        one = _edits(lw, letters)
        og = _grams(o[0])
        closer = [x for x in one if _dice(f"#{x}#", og) > base]   # second edit only towards o
        cands = {c for c in one.union(*(_edits(x, letters) for x in closer)) if c in known}
        best = max(((similarity(c, o[0]), c) for c in cands - {lw} if abs(len(c) - len(o[0])) <= 2
                    and speller.word_usage_frequency(c) >= floor), default=(0.0, ""))
        if best[0] >= config.cognate_similarity and best[0] >= base + 0.15:
            return best[1], o
    return None


def check_realword(bitext: Bitext, config: CheckConfig) -> Iterator[Finding]:
    """Real-word slips the original contradicts: 'white tenor' for 'terreur blanche'.

    A correctly spelled translation word with no cognate in the original, one
    edit away from a much more frequent word that is a cognate of an original
    word left without counterpart. Needs a pyspellchecker word list for the
    translation's language; catches cognate slips only ("bad" for "had" is not).
    """
    speller = speller_for(bitext.tgt_lang)
    if speller is None:
        return
    for i, src, tgt in link_pairs(bitext):
        tgt_words = word_spans(tgt)
        suspects = [t for t in tgt_words if len(t[0]) >= 5 and t[0].islower() and t[0] in speller]
        src_words = [w for w in word_spans(src) if len(w[0]) >= 5] if suspects else []
        orphans = [w for w in src_words if len(w[0]) >= 6
                   and _best(w[0], tgt_words)[0] < config.name_similarity]
        for w, a, b in suspects if orphans else ():
            if _best(w, src_words)[0] >= config.name_similarity:
                continue
            slip = _slip_for(w, orphans, speller, config)
            if slip is not None:
                cand, (o, oa, ob) = slip
                yield make_finding(i, "realword", "warning", f"'{w}' may be a slip for '{cand}' "
                               f"(original: '{o}')", Span("tgt", a, b), Span("src", oa, ob))
