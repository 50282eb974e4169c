"""Names of several words compared whole, for the names check (cognates.py).

The check compares a link's words one by one. A name written in parts ('Pays-Bas', "Côte
d'Ivoire", 'Saint-Pétersbourg') is not its parts: 'Bas' (low) is no word of 'Netherlands'
(cosine 0.39) and the check said "name 'Bas' became 'Netherlands'?" on a faithful text, quoting
half a name; "Côte d'Ivoire" / 'Ivory Coast' was "'Ivoire' became 'Ivory'?" (Dice 0.44, cosine
0.66, below a name's 0.8). Read whole, the encoder knows such names: a name's translation
stood at 0.70-0.90 (Pays-Bas / Netherlands 0.82, Côte d'Ivoire / Ivory Coast 0.79,
Saint-Pétersbourg / St Petersburg 0.70, Royaume-Uni / United Kingdom 0.90), another name at
0.61 or below (États-Unis / Canada 0.61, Pays-Bas / Belgium 0.57, Royaume-Uni / Ireland 0.55):
a name in parts at PHRASE_COSINE or above from a name of the other side has its counterpart;
one that has none is reported whole.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

from .evidence import LinkWords, WordEvidence, WordSpan
from .types import Bitext

PHRASE_COSINE = 0.65   # a name in parts and a name of the other side: one name at this or above
# (midway between the two groups of the module's docstring)
# what joins the parts of one name: a hyphen, small words between hyphens ('Aix-en-Provence',
# 'Stratford-upon-Avon'), an elided 'de' or 'le' ("Côte d'Ivoire")
_JOINED = re.compile(r"-(?:[^\W\d_]{1,4}-){0,2}|\s[dl]['’]")


def _capital(w: str) -> bool:
    return w[:1].isupper() and not w.isupper()


def _groups(text: str, words: tuple[WordSpan, ...], joined: re.Pattern[str]) -> list[list[int]]:
    """Runs of two or more capitalised words of `words` (indices) joined each to the next by
    what `joined` matches whole."""
    caps = [k for k, (w, *_) in enumerate(words) if _capital(w)]
    runs: list[list[int]] = []
    for k in caps:
        if runs and joined.fullmatch(text[words[runs[-1][-1]][2]:words[k][1]]):
            runs[-1].append(k)
        else:
            runs.append([k])
    return [r for r in runs if len(r) > 1]


def _phrase(text: str, words: tuple[WordSpan, ...], run: list[int]) -> WordSpan:
    a, b = words[run[0]][1], words[run[-1]][2]
    return text[a:b], a, b


def whole_names(bitext: Bitext, i: int, lw: LinkWords, src: list[WordSpan], tgt: list[WordSpan],
                quiet: Collection[str], evidence: WordEvidence | None
                ) -> tuple[list[WordSpan], list[WordSpan], set[str]]:
    """Link i's orphan names (src, tgt) with each name in parts read whole: gone where the
    other side has a name close to it (and that name's own orphan parts with it), else one
    orphan quoting the whole name ('Pays-Bas'), quiet where a part was. Returns (src, tgt,
    quiet)."""
    orphans = {"src": list(src), "tgt": list(tgt)}
    quiet = set(quiet)
    texts = {side: bitext.link_text(i, side) for side in ("src", "tgt")}
    for side, other in (("src", "tgt"), ("tgt", "src")):
        words = lw.words(side)
        for run in _groups(texts[side], words, _JOINED):
            parts = [words[k] for k in run]
            at = next((k for k, n in enumerate(orphans[side]) if n in parts), None)
            if at is None:
                continue
            whole = _phrase(texts[side], words, run)
            near = _near_name(whole[0], texts[other], lw.words(other), evidence)
            if near is not None:
                orphans[side] = [n for n in orphans[side] if n not in parts]
                orphans[other] = [n for n in orphans[other] if not near[0] <= n[1] < near[1]]
            elif all(p in orphans[side] for p in parts if _capital(p[0])):
                # reported whole, in the place of its first part ('Pays-Bas', not 'Bas'); where a
                # part has its counterpart ('Saint-Denis' / 'Saint-Pétersbourg') the other is
                # reported as before
                orphans[side] = [n for n in orphans[side][:at] if n not in parts] + [whole] + \
                    [n for n in orphans[side][at:] if n not in parts]
                if any(p[0] in quiet for p in parts):
                    quiet.add(whole[0])
    return orphans["src"], orphans["tgt"], quiet


def _near_name(phrase: str, text: str, words: tuple[WordSpan, ...],
               evidence: WordEvidence | None) -> tuple[int, int] | None:
    """(start, end) of the other side's name closest to `phrase` at PHRASE_COSINE or above: a
    capitalised word, or a run of them ('Ivory Coast', 'St Petersburg'); None without evidence."""
    if evidence is None:
        return None
    spans = [(w, a, b) for w, a, b in words if _capital(w)]
    spans += [_phrase(text, words, run) for run in _groups(text, words, re.compile(rf"\s|{_JOINED.pattern}"))]
    if not spans:
        return None
    cos = evidence.cosines([phrase], [w for w, *_ in spans])[0]
    best = int(np.argmax(cos))
    return (spans[best][1], spans[best][2]) if float(cos[best]) >= PHRASE_COSINE else None
