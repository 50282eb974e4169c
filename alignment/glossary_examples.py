"""A word card's example sentences: the word shown in bold where the sentence has it, and the
text's italics kept.

Part of the glossary's Anki deck (glossary.to_anki). Why: the card showed the example as plain
text, so a learner looked for the word in a long sentence ('Kutusow … in Moskau …'), and a
title or a foreign word the text sets in italics lost them. The word is found in any case and
in any of the forms its glossary row lists ('Москва (Москве, Москву)': the example may hold
'Москве'), as a whole word; in Chinese, Japanese, Korean and Thai, which write words without
spaces between them or with particles attached ('어머니는'), wherever it stands. A form the
sentence does not have ('食べる' for '食べた') leaves the sentence plain.
"""

from __future__ import annotations

import html
import re

from .cjk import CJK, HANGUL
from .italics import italic_html, sentences_joined
from .thai import THAI
from .types import Bitext, Side

_ROW = re.compile(r"^(.*?) \((.*)\)$")


def word_forms(word: str) -> list[str]:
    """The forms a glossary row shows for a word, longest first (then a-z), so a longer form is
    marked whole where a shorter one begins it: 'Москва (Москве, Москву)' -> ['Москва',
    'Москве', 'Москву']."""
    m = _ROW.match(word)
    found = [m.group(1), *m.group(2).split(", ")] if m else [word]
    return sorted({f.strip() for f in found if f.strip()}, key=lambda f: (-len(f), f))


def _pattern(word: str) -> re.Pattern[str] | None:
    forms = word_forms(word)
    if not forms:
        return None
    alt = "|".join(re.escape(f) for f in forms)
    if any(script.search(word) for script in (CJK, HANGUL, THAI)):   # words run together,
        # or particles joined to them ('어머니는')
        return re.compile(alt, re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def example_html(text: str, word: str, italics: tuple[tuple[int, int], ...] = ()) -> str:
    """`text` escaped, its `italics` as <i>, every occurrence of `word` (a glossary row's
    word, with its forms) as <b>. The markup goes around pieces already escaped."""
    pattern = _pattern(word)

    def marked(piece: str) -> str:
        if pattern is None:
            return html.escape(piece)
        out, at = [], 0
        for m in pattern.finditer(piece):
            out += [html.escape(piece[at:m.start()]), f"<b>{html.escape(m.group())}</b>"]
            at = m.end()
        return "".join(out) + html.escape(piece[at:])

    return italic_html(text, italics, escape=marked)


def link_example(text: str, word: str, link: int, side: Side, bitext: Bitext | None) -> str:
    """An example field: `text` (link `link`'s side, as the glossary kept it) with its word in
    bold and, where `bitext` is the text it came from, its italics."""
    italics: tuple[tuple[int, int], ...] = ()
    if bitext is not None and 0 <= link < len(bitext.alignment.links):
        sents = bitext.src if side == "src" else bitext.tgt
        shown, spans = sentences_joined([sents[k] for k in getattr(bitext.alignment.links[link], side)])
        if shown == text:   # else the text changed since the glossary was made
            italics = tuple(spans)
    return example_html(text, word, italics)
