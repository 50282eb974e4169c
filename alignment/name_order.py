"""Two names that changed places inside a sentence, for the names check (cognates.py).

'Pierre donna le livre à Marie' translated 'Marie gave the book to Pierre': each name has its
counterpart, spelt alike, so nothing else in the names check speaks (a session-45 tester's
item). What tells it is where the counterparts stand: each where the other name stands in the
original (relative position in the sentence, within `NEAR`), the two names apart (`APART`),
and their order crossed. A translator moves names too, so the rule leaves alone two names joined
as a list ('Pierre et Marie' / 'Marie and Pierre'), a name after a genitive ('la sœur de Pierre'
/ 'Pierre's sister') or in a compound ('Baltoro-Gletscher' / 'glacier de Baltoro').

Measured before writing it (the gold links of LIMSI, Text+Berg dev and alibi, about 3,000 links):
of 353 pairs of names with one counterpart each, 1 crossed with each counterpart where the
other name stood, a German compound ('Mustagh-Turm … Baltoro-Gletschers' / 'la Tour de Muztagh
… glacier de Baltoro'), which the compound rule leaves alone. Written, on all 3,142 clean 1-1
gold links of LIMSI, Text+Berg dev and alibi in both directions and their 1,154 gold links of
several sentences: no finding (without the genitive rule, one: 'membres du Ladies Alpine Club').
bench_checks --word-links ('name-order' slips: two names of a translation, a fifth of the
sentence apart, made to change places), seeds 0-2: 3 of 11 found over LIMSI, limsi-enfr,
Text+Berg dev, alibi and alibi-enfr, none on clean links. Missed: names that are common nouns
('Serpent' / 'Pigeon' in Alice), a name written twice in the translation ('Captain Churchill …
Miss Churchill': its counterpart is not one word), and names after a genitive on both sides
('l'oreille de Louise' / "Ulrich's ear", left alone by the genitive rule). Not kept: the
genitive rule only where one side has one; it flags 'Le livre de Pierre plaisait à Marie' /
'Marie liked Pierre's book'. The same turn without a genitive ('Marie plaisait à Pierre' /
'Pierre liked Marie': a verb that puts its roles the other way round) is a false warning the
rule cannot tell from a slip; none such in the gold links above.

The genitive rule compares turns (2026-12-06): a name is left alone where it and the
translation's name standing in its place stand in turns of another kind (a genitive one side,
none or "'s" the other), not wherever a genitive stands. Two names that changed places inside
phrases that stayed ('mon oncle Bernard … fortifications de Genève' / 'my uncle Geneva …
fortifications of Bernard', a LIMSI slip) are found. bench_checks --word-links seeds 0-2 over
the five corpora: name-order 3 -> 4 of 11; warnings and info on clean links unchanged (LIMSI
4.5/7.4/5.8 and 28.5/32.5/30.6 per 1,000, Text+Berg dev 0.0/6.3/6.1 and 24.0/31.6/42.9), no
'changed places' finding among them nor on Text+Berg test seeds 0-2, and `--gold` gives the
same warnings as before on all six corpora and directions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from .evidence import WordSpan, word_spans
from .name_words import NameContext, _initial, find_names
from .types import Bitext, Finding, Span
from .word_lists import make_finding
from .word_similarity import fold, similarity

if TYPE_CHECKING:
    from .check_config import CheckConfig

NEAR = 0.15    # a counterpart this close (share of its sentence) to where the other name stands
APART = 0.2    # the two names at least this far apart in the original
# what may stand between two names of a list: commas, 'and', 'or' in the languages of the bench
_LISTED = re.compile(r"^[\s,;&]*(?:and|or|et|ou|und|oder|y|o|e|en)?[\s,;]*$", re.I)
# a genitive before a name, or "'s" after it: the name's place follows its phrase
_OF_BEFORE = re.compile(r"(?:\b(?:de|d|des|du|of|von|vom|der|del|di|da)\s*['’]?\s*)$", re.I)
_S_AFTER = re.compile(r"^['’]s?\b")


def _turn(text: str, name: WordSpan) -> tuple[bool, bool, bool]:
    """How a name stands: after a genitive ('de Pierre'), before "'s", inside a compound."""
    _, a, b = name
    return (bool(_OF_BEFORE.search(text[max(0, a - 6):a])), bool(_S_AFTER.match(text[b:b + 3])),
            text[a - 1:a] == "-" or text[b:b + 1] == "-")


def _moved_freely(texts: tuple[str, str], name: WordSpan, there: WordSpan) -> bool:
    """A name whose place says little, against the translation's name standing where it stands
    (`there`): either in a compound, or the two in turns of another kind ('la sœur de Pierre …
    Marie' / "Marie … Pierre's sister": the genitive moved with its phrase). Two names that
    changed places inside the same turns ('mon oncle Bernard … fortifications de Genève' /
    'my uncle Geneva … fortifications of Bernard') are not moved freely: the phrases stayed."""
    turns = _turn(texts[0], name), _turn(texts[1], there)
    return turns[0][2] or turns[1][2] or turns[0][:2] != turns[1][:2]


def _counterparts(src: list[WordSpan], tgt: list[WordSpan], config: CheckConfig
                  ) -> list[tuple[WordSpan, WordSpan]]:
    """Each original name with its only translation name spelt alike (none where two are)."""
    out = []
    for n in src:
        alike = [t for t in tgt if similarity(n[0], t[0]) >= config.name_similarity]
        if len(alike) == 1:
            out.append((n, alike[0]))
    return out


def _with_initials(text: str, names: list[WordSpan], other: list[WordSpan], ctx: NameContext,
                   config: CheckConfig) -> list[WordSpan]:
    """`names` (find_names'), and the capitalised first word of a sentence spelt like a name of
    the other side ('Pierre donna…' / '…to Pierre'): find_names cannot tell it from any first word."""
    known = {a for _, a, _ in names}
    return sorted(names + [(w, a, b) for w, a, b in word_spans(text)
                           if a not in known and w[:1].isupper() and not w.isupper()
                           and len(w) >= config.min_name_length and _initial(text, a, ctx.lang)
                           and any(similarity(w, o[0]) >= config.name_similarity for o in other)],
                  key=lambda n: n[1])


def crossed_names(bitext: Bitext, i: int, ctx: dict[str, NameContext], config: CheckConfig
                  ) -> Iterator[Finding]:
    """A warning for each pair of names of link i whose counterparts changed places."""
    texts = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    if not all(texts):
        return
    found = [find_names(text, ctx[side], config) for text, side in zip(texts, ("src", "tgt"))]
    src = _with_initials(texts[0], found[0], found[1], ctx["src"], config)
    tgt = _with_initials(texts[1], found[1], found[0], ctx["tgt"], config)
    where = lambda n, side: n[1] / len(texts[side == "tgt"])   # noqa: E731
    for (a, a2), (b, b2) in combinations(_counterparts(src, tgt, config), 2):
        if fold(a[0]) == fold(b[0]) or fold(a2[0]) == fold(b2[0]):
            continue
        if (a[1] - b[1]) * (a2[1] - b2[1]) >= 0 or abs(where(a, "src") - where(b, "src")) < APART:
            continue
        if abs(where(a2, "tgt") - where(b, "src")) > NEAR or abs(where(b2, "tgt") - where(a, "src")) > NEAR:
            continue
        first, last = sorted((a, b), key=lambda n: n[1])
        first2, last2 = sorted((a2, b2), key=lambda n: n[1])
        if _LISTED.match(texts[0][first[2]:last[1]]) or _LISTED.match(texts[1][first2[2]:last2[1]]) \
                or _moved_freely(texts, a, b2) or _moved_freely(texts, b, a2):
            continue
        yield make_finding(i, "names", "warning",
                           f"names '{a[0]}' and '{b[0]}' may have changed places: the translation "
                           f"has '{b2[0]}' where the original has '{a[0]}'",
                           Span("src", a[1], a[2]), Span("tgt", b2[1], b2[2]),
                           Span("src", b[1], b[2]), Span("tgt", a2[1], a2[2]))
