"""Names of several words ('Christmas Eve', 'Santa Cruz'), for the names check (cognates.py).

A one-word name of the original that the translation writes as a name of more words is most
often translated, not changed: Polish 'Wigilię' is 'Christmas Eve' (cosine 0.48 to
'Christmas', 0.42 to the two words), Spanish 'Nochebuena' too, French 'Sylvestre' 'New Year's
Eve'. Word by word the encoder reads such a pair as two names, and 'Wigilię' 'became'
'Christmas' on a faithful text. A name changed into another keeps its shape ('Pérez' / 'Peña',
'Sra. Gómez' / 'Mrs. Romero'), so such a pair is no name changed: the name stays an orphan
(info).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .evidence import LinkWords, WordSpan
from .name_words import _initial, _title
from .types import Bitext
from .word_lists import _common


def _runs(text: str, words: Sequence[WordSpan], lang: str) -> dict[int, int]:
    """Per word start: how many words its run of capitalised words holds (1 for a word alone).
    A run's words are next to each other (a space or a hyphen between), capitalised, none a
    title ('Mr.'), a sentence's first word or a common word of the language ('Miss Taylor' is
    one name, 'Yesterday Peter' too)."""
    def member(w: str, a: int) -> bool:
        return (w[:1].isupper() and not w.isupper() and not _title(w, a, text, lang)
                and not _initial(text, a, lang) and not _common(w, lang))
    out: dict[int, int] = {}
    run: list[int] = []
    for k, (w, a, b) in enumerate(words):
        joined = bool(run) and text[words[k - 1][2]:a] in (" ", "-")
        if member(w, a):
            run = run + [a] if joined else [a]
        else:
            run = []
        for s in run:
            out[s] = len(run)
    return out


def longer_name(bitext: Bitext, i: int, lw: LinkWords) -> Callable[[WordSpan, WordSpan], bool]:
    """Whether a translation word of link i stands in a name of more words than the original
    name's ('Wigilię' / 'Christmas Eve'): no name changed (see the module's docstring)."""
    src = _runs(bitext.link_text(i, "src"), lw.src, bitext.src_lang)
    tgt = _runs(bitext.link_text(i, "tgt"), lw.tgt, bitext.tgt_lang)

    def longer(s: WordSpan, t: WordSpan) -> bool:
        return tgt.get(t[1], 1) > src.get(s[1], 1)
    return longer
