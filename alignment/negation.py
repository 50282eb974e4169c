"""A negation on one side of a link and none on the other: the classic slip of a dropped
'not' ('il n'avait pas écrit' / 'he had written'), or of one added.

Part of the check stage (checks.py registers `check_negation`). Each side's negation markers
are found with a small table per language (`NEGATORS`, the French 'ne' with its partner).
Translators turn negatives into positives on purpose ('il n'était pas rare' / 'it was
common', 'sans doute' / 'probably'), so a side with a negation where the other has none is
not enough: the encoder must agree. The negation is taken out of the side that has it
(`without_negation`) and the link's two sides compared again; a slip leaves the other side
saying just that, so the cosine rises (`CheckConfig.negation_gain`), while a paraphrase
says the opposite in other words and gains little. Without word evidence nothing is reported:
the markers alone flag one clean link in ten.

The encoder hardly sees a negation, though: a dropped 'не' in 'Ночью он не спал.' / 'That night
he slept.' gains only 0.04, 'Eine Entscheidung wird nicht erwartet' / 'Une décision est attendue'
0.06, below `negation_gain`. So a short 1-1 link (one sentence a side, at most `SHORT_WORDS`
words), where a sentence has little room to move its negation elsewhere, is reported on the
markers with weaker evidence: an info where the encoder does not read it as a paraphrase (the
cosine does not fall with the negation taken out: 'Oh no!' / 'On non !' falls 0.26); a warning,
as any link, where it gains `negation_gain`. Measured (python benchmarks/bench_negation.py, the
gold 1-1 links of bench_checks): infos on clean links LIMSI 9 per 1,000 (fr-en and en-fr alike),
Text+Berg dev 4 per 1,000 (1 of 246), warnings unchanged (2 per 1,000, 0); a translation's one
negation taken out where the original negates too is found at info or above in LIMSI 31 of 183
(fr-en; 16 at warning), 32 of 187 (en-fr; 15), Text+Berg dev 6 of 22 (de-fr; 1), 6 of 22 (fr-de; 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .evidence import WordEvidence
from .lang import primary
from .types import Bitext, Finding, Severity, Span
from .word_lists import link_pairs, make_finding

if TYPE_CHECKING:
    from .check_config import CheckConfig

# words that negate by themselves, per language (lower case); phrases in NOT_NEGATION are no
# negation ('not only', 'sans doute'); the French 'ne' negates only with a partner (FR_PARTNERS)
NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset("not never no nothing nobody none nowhere neither nor without cannot".split()),
    "fr": frozenset("sans".split()),
    "de": frozenset("nicht kein keine keinen keinem keiner keines nie niemals niemand niemanden "
                    "niemandem nichts ohne weder nirgends nirgendwo".split()),
    "es": frozenset("no nunca nada nadie ningún ninguno ninguna sin ni jamás tampoco".split()),
    "it": frozenset("non mai niente nulla nessuno nessuna nessun senza né".split()),
    "pt": frozenset("não nunca nada ninguém nenhum nenhuma sem nem jamais".split()),
    "nl": frozenset("niet geen nooit niets niemand zonder noch nergens".split()),
    "pl": frozenset("nie nigdy nic nikt niczego nikogo żaden żadna żadne bez ani".split()),
    "ru": frozenset("не нет никогда ничего ничто никто никого ни без нельзя".split()),
}
FR_PARTNERS = frozenset("pas point jamais rien personne plus aucun aucune guère nul nulle "
                        "nullement ni".split())
FR_SUBJECTS = frozenset("personne rien aucun aucune nul nulle jamais".split())
NOT_NEGATION: dict[str, tuple[str, ...]] = {
    "en": ("not only", "no doubt", "nothing but", "no sooner", "no more than", "no less",
           "not least", "none other", "never mind"),
    "fr": ("sans doute", "sans cesse", "non seulement", "ne plus que", "n'importe", "ne pas que",
           "n'est-ce pas", "ne manque pas de", "ne manquait pas de", "va sans dire"),
    "de": ("nicht nur", "ohne zweifel", "nichts als", "nicht mehr als", "nicht zuletzt"),
    "es": ("no sólo", "no solo", "sin duda", "nada más que"),
    "it": ("non solo", "senza dubbio", "non che"),
    "pt": ("não só", "sem dúvida", "não apenas"),
    "nl": ("niet alleen", "zonder twijfel"),
    "pl": ("nie tylko", "bez wątpienia"),
    "ru": ("не только", "без сомнения"),
}
WORD = re.compile(r"[^\W\d_]+(?:['’]t\b)?")
FR_NE = re.compile(r"\b(?:ne\b|n['’])", re.IGNORECASE)
FR_CLAUSE_WORDS = 6   # the partner of 'ne' within this many words ('n'avait jamais vu')
SHORT_WORDS = 12      # a short link's longer side: a clause or two (module docstring)
# a replacement that keeps the sentence readable where taking the word out would not
POSITIVE: dict[str, dict[str, str]] = {
    "en": {"nothing": "something", "nobody": "somebody", "none": "some", "nowhere": "somewhere",
           "without": "with", "cannot": "can"},
    "fr": {"sans": "avec", "rien": "quelque chose", "personne": "quelqu'un"},
    "de": {"nichts": "etwas", "niemand": "jemand", "ohne": "mit",
           "kein": "ein", "keine": "eine", "keinen": "einen", "keinem": "einem", "keiner": "einer",
           "keines": "eines"},
    "es": {"nada": "algo", "nadie": "alguien", "sin": "con"},
    "it": {"niente": "qualcosa", "nulla": "qualcosa", "nessuno": "qualcuno", "senza": "con"},
    "pt": {"nada": "algo", "ninguém": "alguém", "sem": "com"},
    "nl": {"niets": "iets", "niemand": "iemand", "zonder": "met", "geen": "een"},
    "pl": {"nic": "coś", "nikt": "ktoś", "bez": "z"},
    "ru": {"ничего": "что-то", "никто": "кто-то", "без": "с"},
}

Marker = tuple[int, int]   # characters [start, end) of one negation word


def _masked(text: str, lang: str) -> str:
    """`text` lower-cased with its NOT_NEGATION phrases blanked (same length: offsets hold)."""
    low = text.lower().replace("’", "'")
    for phrase in NOT_NEGATION.get(lang, ()):
        low = re.sub(rf"\b{re.escape(phrase)}\b", lambda m: " " * len(m.group()), low)
    return low


def negations(text: str, lang: str) -> list[list[Marker]]:
    """The negations of `text`: each a list of the spans of its words ('n'' and 'pas' are one
    negation; 'didn't' one word). A language without a table has none."""
    lang = primary(lang)
    if lang not in NEGATORS:
        return []
    low = _masked(text, lang)
    words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(low)]
    found: list[list[Marker]] = []
    taken: set[int] = set()
    for k, (w, a, b) in enumerate(words):
        if lang == "fr" and (w == "ne" or (w == "n" and low[b:b + 1] == "'")):
            after = range(k + 1, min(k + 1 + FR_CLAUSE_WORDS, len(words)))
            before = range(k - 1, max(k - 4, -1), -1)   # 'Personne ne savait', 'Rien ne bougeait'
            partner = next((n for n in after if words[n][0] in FR_PARTNERS and n not in taken), None)
            if partner is None:
                partner = next((n for n in before if words[n][0] in FR_SUBJECTS and n not in taken), None)
            if partner is not None:   # 'ne' alone: restrictive ('ne ... que') or expletive
                taken.add(partner)
                found.append([(a, b + (1 if w == "n" else 0)), words[partner][1:]])
        elif w in NEGATORS[lang] or (lang == "en" and w.endswith("n't")):
            found.append([(a, b)])
    return found


def without_negation(text: str, lang: str) -> str:
    """`text` with its negations taken out (or turned positive: 'nothing' -> 'something'):
    what the other side says where a 'not' was dropped."""
    lang = primary(lang)
    swaps = POSITIVE.get(lang, {})
    cuts = sorted(span for neg in negations(text, lang) for span in neg)
    out, at = [], 0
    for a, b in cuts:
        word = text[a:b]
        out.append(text[at:a])
        if word.lower().endswith("n't"):
            stem = word[:-3]
            out.append({"ca": "can", "wo": "will", "sha": "shall"}.get(stem.lower(), stem))
        else:
            out.append(swaps.get(word.lower(), ""))
        at = b
    out.append(text[at:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


def check_negation(bitext: Bitext, config: CheckConfig,
                   evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """A negation on one side of a link and none on the other, where the encoder says the
    side without reads like the negated side with its negation taken out: a warning; in a
    short 1-1 link, where it does not read as a paraphrase, an info (module docstring)."""
    if evidence is None or evidence.encode is None:
        return
    if primary(bitext.src_lang) not in NEGATORS or primary(bitext.tgt_lang) not in NEGATORS:
        return
    suspects = []
    for i, src, tgt in link_pairs(bitext):
        if not src or not tgt:
            continue
        ns, nt = negations(src, bitext.src_lang), negations(tgt, bitext.tgt_lang)
        if bool(ns) == bool(nt):
            continue
        plain = (without_negation(src, bitext.src_lang), tgt) if ns else \
            (src, without_negation(tgt, bitext.tgt_lang))
        suspects.append((i, src, tgt, ns, nt, plain))
    evidence.add_pairs([(s, t) for _, s, t, *_ in suspects] + [p for *_, p in suspects])
    for i, src, tgt, ns, nt, plain in suspects:
        gain = evidence.pair_cosine(*plain) - evidence.pair_cosine(src, tgt)
        level: Severity | None = "warning" if gain >= config.negation_gain else \
            "info" if gain >= 0 and _short_one_to_one(bitext, i, src, tgt) else None   # NaN: None
        if level is None:
            continue
        side, where, marks = ("src", "original", ns) if ns else ("tgt", "translation", nt)
        yield make_finding(i, "negation", level, f"only the {where} says no here: a negation "
                           f"dropped or added?", *(Span(side, a, b) for neg in marks for a, b in neg))


def _short_one_to_one(bitext: Bitext, i: int, src: str, tgt: str) -> bool:
    """Is link i one sentence a side, neither longer than SHORT_WORDS words?"""
    link = bitext.alignment.links[i]
    return len(link.src) == 1 and len(link.tgt) == 1 \
        and max(len(WORD.findall(src)), len(WORD.findall(tgt))) <= SHORT_WORDS
