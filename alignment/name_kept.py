"""A name the translation keeps in most links, replaced here by a capitalised word, for the names
check (cognates.py).

The check pairs an orphan name of the original with an orphan name of the translation, and a
word the translation also writes in lower case ('daisy-chain', 'the daisies'), or one the
language's list holds as a common word ('Rose', 'Bill', 'Mark'), is no name there; a name the
text writes in many links is kept quiet besides (a pronoun stands for it). So 'Dinah' written
'Daisy' in one link of Alice in Wonderland, 'Dinah' in the fourteen others, was not found at any
level, though the same link alone was a warning.

The translation's habit tells what a single link cannot: where the original's name is one the
translation keeps as spelt (name_words.kept_names: in most of its links, two at least), and here
it has no counterpart, a capitalised word standing in its place (word links, SWAP_SLACK), read
apart from the name (below name_link_cosine: 'Jack' for 'John' is one name) and no counterpart of
another word of the original, most likely is the name changed. A
word that opens a sentence is capitalised anyway, so there it must be a noun (English:
lemminflect's parts of speech, 'Poor' or 'Rose' are not) or, in another language, no common
word. Languages that capitalise every noun (German) are left out: there any noun is capitalised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from .evidence import LinkWords, WordSpan
from .lang import primary
from .name_words import _initial, _title, word_form
from .types import Bitext, Finding, Span
from .word_lists import NOUN_CAPITALS, _calendar, _common, english_lemmas, function_words, make_finding
from .word_similarity import fold

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["with_kept_swaps"]


def _capitalised_orphans(bitext: Bitext, i: int, lw: LinkWords, config: CheckConfig,
                         used: set[int]) -> list[WordSpan]:
    """The translation's capitalised words (none `used` by a finding, by start) that could be a
    name and that no word of the original is spelt like."""
    lang, text = bitext.tgt_lang, bitext.link_text(i, "tgt")
    if primary(lang) in NOUN_CAPITALS:
        return []
    common = function_words(lang)
    spelt = lw.best("tgt", cosine=False)

    def nameable(w: str, a: int) -> bool:
        if not _initial(text, a, lang):
            return True
        if primary(lang) == "en":
            return set(english_lemmas(w)) <= {"NOUN", "PROPN"}
        return not _common(w, lang) and not word_form(w, lang)   # 'Accoutumée aux injures'
    return [(w, a, b) for k, (w, a, b) in enumerate(lw.tgt)
            if a not in used and len(w) >= config.min_name_length and w[:1].isupper() and not w.isupper()
            and w.casefold() not in common and fold(w) not in _calendar(lang) and not _title(w, a, text, lang)
            and spelt[k] < config.name_similarity and nameable(w, a)]


def with_kept_swaps(found: list[Finding], bitext: Bitext, i: int, lw: LinkWords, src: list[WordSpan],
                    kept: Mapping[str, frozenset[str]], near: Callable[[WordSpan, WordSpan], bool],
                    unrelated: Callable[[WordSpan, WordSpan], bool], config: CheckConfig) -> list[Finding]:
    """Link i's findings with a warning for each orphan name of the original (`src`) that the
    translation keeps as spelt elsewhere (`kept`, folded) and that a capitalised word stands for
    here (`near`: in the name's place), in place of the info the check may have said of it ('no
    counterpart', or a lower-case word in its place)."""
    # a name said to be lost to a lower-case word (strays.stand_in, info) is not told yet
    told = {f.spans[0].start for f in found if len(f.spans) > 1 and f.spans[0].side == "src"
            and f.severity != "info"}
    src_at = {a: k for k, (_, a, _) in enumerate(lw.src)}
    names = [n for n in src if n[1] not in told and n[1] in src_at and fold(n[0]) in kept]
    if not names or lw.cos is None:   # without word vectors nothing tells the word's meaning
        return found
    used = {s.start for f in found if f.severity != "info" for s in f.spans if s.side == "tgt"}
    words = _capitalised_orphans(bitext, i, lw, config, used)
    tgt_at = {a: k for k, (_, a, _) in enumerate(lw.tgt)}
    swaps = []
    for n in names:
        # ... nor another word's of the original: read in it as a word link would join them
        # ('Mouse' for 'Souris' at 0.59; the name's own cosine aside: unknown names all stand
        # close), or joined to it by a word link ('Fury' to 'Canichon', with 'Alice' beside)
        others = np.delete(lw.cos, src_at[n[1]], axis=0) >= config.name_link_cosine
        if lw.linked is not None and lw.linked.size:
            others |= np.delete(lw.linked, src_at[n[1]], axis=0)
        # ... and read apart from the name, as a name's other form is not ('the said Jack' for
        # John Reed, LIMSI's Jane Eyre: John/Jack 0.59, Robert/Bob 0.60; Dinah/Daisy 0.45)
        own = lw.cos[src_at[n[1]]] < config.name_link_cosine
        t = next((t for t in words if t[1] not in used and unrelated(n, t) and near(n, t)
                  and own[tgt_at[t[1]]] and not others[:, tgt_at[t[1]]].any()), None)
        if t is not None:
            used.add(t[1])
            swaps.append(make_finding(i, "names", "warning", f"name '{n[0]}' became '{t[0]}'?",
                                      Span("src", n[1], n[2]), Span("tgt", t[1], t[2])))
    changed = {f.spans[0].start for f in swaps}
    return [f for f in found if f.severity != "info" or f.spans[0].side != "src"
            or f.spans[0].start not in changed] + swaps
