"""The glossary teaches vocabulary: a word linked to punctuation, or a function word linked to a
content word, is no entry; a word with several translations is one Anki card listing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.glossary import glossary, to_anki
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.words import link_tokens_of
from test_words import deck_notes


def _linked(src: str, tgt: str, langs: str, pairs: list[tuple[str, str]]) -> Bitext:
    """One link of `src` and `tgt` whose word links are `pairs` (words as the text writes them)."""
    bare = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs.split("-"))
    s, t = ([tok.text for tok in side] for side in link_tokens_of(bare, 0))
    words = tuple(WordLink(s.index(a), t.index(b), 0.95) for a, b in pairs)
    return Bitext(bare.src, bare.tgt, Alignment((Link((0,), (0,), words=words),)), *langs.split("-"))


@pytest.mark.parametrize("src, tgt, langs, pair, kept", [
    ("Er war nie zu Hause.", "Il n'était jamais là.", "de-fr", ("Hause", "n'"), False),  # elided
    ("Er ging nach Hause.", "Il se rendit chez lui.", "de-fr", ("Hause", "se"), False),
    ("Ich sehe die alten ones.", "I see the old ones.", "de-en", ("die", "ones"), False),
    ("Он пришёл в девять часов:", "He came at nine:", "ru-en", ("часов", ":"), False),  # punctuation
    ("Я купила новые на рынке.", "I bought the new ones.", "ru-en", ("на", "ones"), False),
    ("Er war nicht da.", "Il n'était pas là.", "de-fr", ("war", "était"), True),    # both common
    ("Он сказал, что уехал.", "He said that he left.", "ru-en", ("сказал", "said"), True),
    ("Der Vater schläft.", "Le père dort.", "de-fr", ("Vater", "père"), True),
    ("Die Frau schläft.", "La femme dort.", "de-fr", ("Frau", "femme"), True),
    ("Я живу в Москве.", "I live in Moscow.", "ru-en", ("в", "in"), True),         # both function words: asked for
    ("Я живу в Москве.", "I live in Moscow.", "ru-en", ("Москве", "Moscow"), True),
])
def test_a_pair_is_an_entry_only_where_both_sides_are_words_of_one_kind(
        src: str, tgt: str, langs: str, pair: tuple[str, str], kept: bool) -> None:
    entries = glossary(_linked(src, tgt, langs, [pair]), function_words=True)  # asked for
    assert [(e.src, e.tgt) for e in entries] == ([pair] if kept else [])


def test_a_word_with_several_translations_is_one_card_listing_them_by_count(tmp_path: Path) -> None:
    src = "Le chat noir et le chat blanc et le chat gris."
    tgt = "The black cat and the white puss and the grey puss."
    bitext = _linked(src, tgt, "fr-en", [("noir", "black"), ("blanc", "white"), ("gris", "grey")])
    s, t = ([tok.text for tok in side] for side in link_tokens_of(bitext, 0))
    cats = [i for i, w in enumerate(s) if w == "chat"]
    backs = [t.index("cat"), *[i for i, w in enumerate(t) if w == "puss"]]
    words = bitext.alignment.links[0].words + tuple(WordLink(a, b, 0.95) for a, b in zip(cats, backs))
    bitext = Bitext(bitext.src, bitext.tgt, Alignment((Link((0,), (0,), words=words),)), "fr", "en")
    notes = deck_notes(to_anki(glossary(bitext), "Chats"), tmp_path)
    fronts = [n[0] for n in notes]
    assert fronts.count("chat") == 1
    assert next(n for n in notes if n[0] == "chat")[1] == "puss, cat"
    assert len(notes) == 4
