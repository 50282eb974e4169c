"""A learner's glossary of a text: the word pairs its word links make, counted, with an example.

Built from the word links stored with the pairs (words.py, PO `#. words:`), so it costs no
encoder. Exported as CSV (the csv module: any spreadsheet opens it) and as an Anki deck with
genanki (the library Anki's own add-on authors use to write .apkg files; a deck is a zip of
an sqlite database whose schema we should not hand-write). Learn mode's sentence cards
(`sentence_deck`) are the same kind of deck, one note per sentence link.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .glossary_forms import count_japanese, has_reading, headwords
from .glossary_rows import grouped
from .glossary_vocab import has_function_word, is_same_name, is_vocabulary
from .lang import primary
from .types import Bitext, Side, Token
from .word_lists import NOUN_CAPITALS, speller_for
from .word_tokens import is_word, lower
from .words import link_tokens_of


@dataclass(frozen=True)
class GlossaryEntry:
    """One word pair, each word as the text writes it most often inside sentences ('Brücke',
    'Paul', but 'le' for a 'Le' opening one: `_shown_forms`, `_sentence_case`) or, in Japanese
    and Korean, as a dictionary lists it (glossary_forms.py), how often the text links them (in
    any case), one link showing it, and how a Japanese or Chinese word is read ('' elsewhere)."""

    src: str
    tgt: str
    count: int
    example: int  # index of the first sentence link where the pair occurs
    src_example: str
    tgt_example: str
    src_reading: str = ""
    tgt_reading: str = ""


def glossary(bitext: Bitext, *, min_confidence: float = 0.8, function_words: bool = False,
             names: bool = False) -> tuple[GlossaryEntry, ...]:
    """Word pairs linked with at least `min_confidence`, most frequent first (then a-z), the
    forms of one word on one row ('Москва (Москве, Москву)': glossary_rows.py).

    Punctuation and number pairs are left out, and pairs that are no vocabulary (a function
    word linked to a content word: glossary_vocab.py): a learner looks up words. So are, unless
    asked for, pairs with a function word on either side ('il' -> 'the' led a teacher's list)
    and names both texts spell alike ('Vries' -> 'Vries').
    """
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    linked: set[tuple[str, str]] = set()
    hidden: set[tuple[str, str]] = set()   # pairs with a function word, unless asked for
    forms: tuple[Counter[tuple[str, bool]], Counter[tuple[str, bool]]] = (Counter(), Counter())
    found: tuple[dict[str, Counter[tuple[str, str]]], ...] = ({}, {})   # Japanese dictionary forms
    langs = (bitext.src_lang, bitext.tgt_lang)
    for k, link in enumerate(bitext.alignment.links):
        if not link.words:
            continue
        src, tgt = link_tokens_of(bitext, k)
        for s, side, tokens in ((0, "src", src), (1, "tgt", tgt)):
            _count_forms(forms[s], tokens, langs[s])
            if primary(langs[s]) == "ja":
                count_japanese(found[s], bitext.link_text(k, side), tokens)
        for w in link.words:
            if w.confidence < min_confidence or w.src >= len(src) or w.tgt >= len(tgt):
                continue
            a, b = _key(src[w.src].text, bitext.src_lang), _key(tgt[w.tgt].text, bitext.tgt_lang)
            linked.add((a, b))
            if not (_lexical(a) and _lexical(b)) \
                    or not is_vocabulary(a, b, bitext.src_lang, bitext.tgt_lang):
                continue
            if not function_words and has_function_word(a, b, bitext.src_lang, bitext.tgt_lang):
                hidden.add((a, b))
            counts[a, b] += 1
            first.setdefault((a, b), k)
    shown = _sentence_case((_shown_forms(forms[0], langs[0]), _shown_forms(forms[1], langs[1])),
                           forms, linked, langs)
    heads = tuple(headwords({_key(f, langs[s]) for f, _ in forms[s]}, found[s], langs[s])
                  for s in (0, 1))
    rows = [r for r in grouped(counts, first, langs, shown, hidden, heads)
            if names or not is_same_name(r[0], r[1])]
    rows.sort(key=lambda r: (-r[2], r[0].lower(), r[1].lower()))
    return tuple(GlossaryEntry(src, tgt, n, k, bitext.link_text(k, "src"),
                               bitext.link_text(k, "tgt"), src_read, tgt_read)
                 for src, tgt, n, k, src_read, tgt_read in rows)


_SENTENCE_END = frozenset(".!?…。！？؟")
# English titles written with a stop, which the tokenizer cuts off (word_tokens._STOP_KEPT
# keeps others' stops on them)
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr"})
# words a language capitalises wherever they stand: a list knows them in lower case all the same
_ALWAYS_CAPITAL = {"en": frozenset({"i"})}
# Turkish and Azerbaijani write a name's ending after an apostrophe ("İstanbul'a", "Amman'dan"),
# which the tokenizer cuts off as it cuts French "l'homme": the word is what stands before it
_NAME_APOSTROPHE = frozenset({"tr", "az"})


def _form(text: str, lang: str) -> str:
    """A token as the glossary shows it: "İstanbul'" is 'İstanbul' in Turkish (it was a
    function word, as French "l'", and the name's row lost every form with an ending)."""
    bare = text.rstrip("'’")
    return bare if bare and primary(lang) in _NAME_APOSTROPHE else text


def _key(text: str, lang: str) -> str:
    """What the glossary counts a token as: its form in lower case, as its language writes it."""
    return lower(_form(text, lang), lang)


def _count_forms(forms: Counter[tuple[str, bool]], tokens: Sequence[Token], lang: str) -> None:
    """Count each word of `tokens` as (form, opens a sentence?): the first word of a link or
    after a full stop takes a capital that is no part of it ('Le chat' is 'le chat'). Dutch
    gives it to the word after an elided "'s" or "'t" ("'s Avonds", "'t Was"). The stop of an
    English title ends no sentence: 'Ms. Kim' is a name ('kim' was shown, the word list knowing
    it in lower case)."""
    opens, after = True, ""
    for token in tokens:
        if is_word(token.text):
            forms[_form(token.text, lang), opens] += 1
            opens = opens and _elided(token.text, after)
        elif any(c in _SENTENCE_END for c in token.text) \
                and not (token.text == "." and after in _TITLES):
            opens = True
        after = token.text


def _elided(word: str, before: str) -> bool:
    """Is `word` an elided "'s", "'t", "'k", "'n" (or its letter, the apostrophe cut off)?"""
    bare = word.lstrip("'’")
    return len(bare) == 1 and bare.islower() and (bare != word or before in ("'", "’"))


def _shown_forms(forms: Counter[tuple[str, bool]], lang: str) -> dict[str, str]:
    """For each lower-cased word (as its language lowers it: Turkish 'PAZAR', 'İL', 'KIZ' are
    'pazar', 'il', 'kız'), the form to show: one not all in capitals where the text has one,
    then the most frequent inside sentences (then anywhere, then the first seen), so that a
    noun or a name keeps its capital ('Brücke', 'Paul': the glossary wrote 'brücke', 'paul'), a
    word capitalised only where it opens a sentence loses it, and a word of headings in capitals
    is shown as the text writes it elsewhere ('pazar', not 'PAZAR' of 'BÜYÜK PAZAR')."""
    inner: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (form, opens), n in forms.items():
        total[form] += n
        inner[form] += 0 if opens else n
    shown: dict[str, str] = {}
    for form in total:
        key = lower(form, lang)
        best = shown.get(key)
        if best is None or _rank(form, inner, total) > _rank(best, inner, total):
            shown[key] = form
    return shown


def _rank(form: str, inner: Counter[str], total: Counter[str]) -> tuple[bool, int, int]:
    """How well a form shows its word: first, not in capitals throughout (a heading's or a
    shout's: headings in capitals inside a line outnumbered the word's own form, and the row
    read 'PAZAR'), then how often inside sentences, then anywhere."""
    return not (form.isupper() and len(form) > 1), inner[form], total[form]


def _sentence_case(shown: tuple[dict[str, str], dict[str, str]],
                   forms: tuple[Counter[tuple[str, bool]], Counter[tuple[str, bool]]],
                   linked: set[tuple[str, str]], langs: tuple[str, str]
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """`shown` with the capital of a word the text capitalises only where it opens a sentence
    taken off ('Poi', 'Pagò', 'Eindelijk' were headwords, 'Then' a translation), unless it is a
    name: a word linked to one the other text capitalises inside a sentence ('Marco'), or one
    the language's word list lacks in lower case (and no counterpart written in lower case
    says it is a word: Spanish 'Pagó', which the Spanish list lacks, beside Italian 'pagò'; a
    word of a script without capitals, '佐藤', says nothing).
    German capitalises every noun: its capitals stay, and say nothing of a counterpart."""
    inner = tuple(_inner_capitals(forms[s], langs[s]) for s in (0, 1))
    partners: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
    for a, b in linked:
        partners[0].setdefault(a, set()).add(b)
        partners[1].setdefault(b, set()).add(a)
    out = (dict(shown[0]), dict(shown[1]))
    unknown: tuple[list[str], list[str]] = ([], [])
    for s in (0, 1):
        if primary(langs[s]) in NOUN_CAPITALS:
            continue
        speller = speller_for(langs[s])
        for key, form in shown[s].items():
            if not _title(form) or key in inner[s] or _named(key, s, shown, inner, partners) \
                    or key in _ALWAYS_CAPITAL.get(primary(langs[s]), ()):
                continue
            if speller is not None and key in speller:
                out[s][key] = key
            else:
                unknown[s].append(key)
    for s in (0, 1):
        for key in unknown[s]:
            if any(_lower_case(out[1 - s].get(p, p)) for p in partners[s].get(key, ())):
                out[s][key] = key
    return out


def _lower_case(word: str) -> bool:
    """Is `word` written in lower case? Not one of a script without capitals: '佐藤' says
    nothing of 'Sato' (it was shown 'sato', '健太' 'Kenta')."""
    return word[:1].lower() != word[:1].upper() and not word[:1].isupper()


def _named(key: str, side: int, shown: tuple[dict[str, str], dict[str, str]],
           inner: tuple[set[str], ...], partners: tuple[dict[str, set[str]], ...]) -> bool:
    """Is the word of `side` linked to a name: one the other text capitalises inside a
    sentence, or spells alike with a capital ('Rossi' -> 'Rossi' after 'Sig.' and 'Mr.', whose
    stops read as sentence ends)?"""
    linked = partners[side].get(key, set())
    return bool(linked & inner[1 - side]) \
        or (key in linked and shown[1 - side].get(key, "")[:1].isupper())


def _inner_capitals(forms: Counter[tuple[str, bool]], lang: str) -> set[str]:
    """The words (lower-cased) the text capitalises inside a sentence: names, save in German."""
    if primary(lang) in NOUN_CAPITALS:
        return set()
    return {lower(form, lang) for form, opens in forms if not opens and form[:1].isupper()}


def _title(form: str) -> bool:
    """'Poi', 'A': a capital first letter only ('NATO', 'McEwan' are written so)."""
    return form[:1].isupper() and not any(c.isupper() for c in form[1:])


def _lexical(token: str) -> bool:
    return is_word(token) and not token.replace(",", "").replace(".", "").isdigit()


def to_csv(entries: Sequence[GlossaryEntry], src_lang: str, tgt_lang: str) -> str:
    """CSV with a header row: source word, target word, count, example link number, examples;
    a Japanese or Chinese word's reading in a column after it ('reading (ja)'): a learner
    cannot look up a word with kanji they cannot read."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    reads = (has_reading(src_lang), has_reading(tgt_lang))
    writer.writerow([*_cells(src_lang, f"reading ({src_lang})", reads[0]),
                     *_cells(tgt_lang, f"reading ({tgt_lang})", reads[1]), "count", "link",
                     f"example ({src_lang})", f"example ({tgt_lang})"])
    for e in entries:
        writer.writerow([*_cells(e.src, e.src_reading, reads[0]),
                         *_cells(e.tgt, e.tgt_reading, reads[1]),
                         e.count, e.example + 1, e.src_example, e.tgt_example])
    return out.getvalue()


def _cells(word: str, read: str, with_reading: bool) -> list[str]:
    return [word, read] if with_reading else [word]


def _stable_id(name: str) -> int:
    """Anki wants fixed 31-bit-ish ids for a model and a deck: derived from the name, so
    exporting the same text again updates the same deck instead of adding a copy."""
    return 1 << 30 | zlib.crc32(name.encode("utf-8"))


def to_anki(entries: Sequence[GlossaryEntry], deck_name: str, bitext: Bitext | None = None) -> bytes:
    """An Anki .apkg deck, one card per source word: front = the word and its example, back = its
    translations, commonest first, and the commonest one's example. A card per pair gave one
    front several cards with different backs ('на': 'the', 'a', 'at', 'on'), each marked wrong
    when the learner answered another. A Japanese or Chinese word's reading is on the back
    (the word's, above its translations; a translation's, after it: '食べる【たべる】'), in a
    note type of its own: the cards of other languages keep theirs. The examples show the word
    and its translation in bold, and, given the `bitext` the entries came from, its italics
    (glossary_examples.py)."""
    read = any(e.src_reading or e.tgt_reading for e in entries)
    fields = ["Word", "Translation", "Example", "Example translation"]
    back = ("<div dir='auto' style='font-size:1.6em'>{{Translation}}</div>"
            "<p dir='auto'>{{Example translation}}</p>")
    if read:
        fields.insert(1, "Reading")
        back = "<div dir='auto'>{{Reading}}</div>" + back
    front = "<div dir='auto' style='font-size:1.6em'>{{Word}}</div><p dir='auto'>{{Example}}</p>"
    model = _model("alignment word pair with reading" if read else "alignment word pair", fields,
                   front, back)
    cards: dict[str, list[GlossaryEntry]] = {}
    for e in entries:
        cards.setdefault(e.src.lower(), []).append(e)
    # a note's id from the words lower-cased, as they were shown before: a deck exported again
    # updates its cards, whatever form the words now show (a card of several backs is new)
    notes = ((_card(es, read, bitext), (key,) if len(es) > 1 else (key, es[0].tgt.lower()))
             for key, es in cards.items())
    return _deck(deck_name, model, notes)


def _card(entries: list[GlossaryEntry], read: bool, bitext: Bitext | None) -> list[str]:
    """A word card's fields: the word, its reading (`read`), its translations with theirs
    ('食べる【たべる】'), commonest first, and the commonest one's examples."""
    from .glossary_examples import link_example

    by_count = _by_count(entries)
    said = ", ".join(f"{e.tgt}【{e.tgt_reading}】" if e.tgt_reading else e.tgt for e in by_count)
    top = by_count[0]
    fields = [_html(entries[0].src), _html(said),
              link_example(top.src_example, top.src, top.example, "src", bitext),
              link_example(top.tgt_example, top.tgt, top.example, "tgt", bitext)]
    if read:
        fields.insert(1, _html(entries[0].src_reading))
    return fields


def _by_count(entries: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    return sorted(entries, key=lambda e: -e.count)


def sentence_deck(bitext: Bitext, ids: Iterable[int], deck_name: str,
                  front: Side = "src") -> bytes:
    """Sentence cards for a learner: one note per link of `ids` with both sides, the `front`
    side's text on the card's front (the side Learn mode shows), its translation on the back.
    Each note's id is its link's own (`_sentence_keys`), so exporting the same PO again
    updates its cards instead of adding copies, and a pair the text repeats is a card each."""
    back: Side = "tgt" if front == "src" else "src"
    model = _model("alignment sentence pair", ("Sentence", "Translation", "Link"),
                   "<div dir='auto' style='font-size:1.4em'>{{Sentence}}</div>",
                   "<div dir='auto' style='font-size:1.4em'>{{Translation}}</div>"
                   "<p style='color:#888'>{{Link}}</p>")
    keys = _sentence_keys(bitext)
    notes = (([_link_html(bitext, i, front), _link_html(bitext, i, back), f"link {i + 1}"],
              keys[i]) for i in ids if i in keys)
    return _deck(deck_name, model, notes)


def _link_html(bitext: Bitext, i: int, side: Side) -> str:
    """A link's side as a card's field: its text escaped, its italics (a title, a foreign
    word) as <i> (italics.py); the note's id stays the plain text's, so a deck exported before
    italics were kept is updated, not doubled."""
    from .italics import italic_html, sentences_joined

    sents = bitext.src if side == "src" else bitext.tgt
    return italic_html(*sentences_joined([sents[k] for k in getattr(bitext.alignment.links[i], side)]))


def _sentence_keys(bitext: Bitext) -> dict[int, tuple[str, ...]]:
    """What each card's note id is made of, for every link with both sides: the pair's texts,
    and for the n-th time the text repeats that pair (n > 1) n too.

    Why: Anki takes notes of one id for one note, so a pair the text repeats ('Oui.' /
    'Yes.') lost all its cards but one on import. Why not the link's number: a link merged
    or split near the start would renumber every card after it, and on re-import Anki would
    write each one's sentences over another's review history. A pair's first occurrence keeps
    the id it had before (the texts alone), so decks exported earlier are updated, not doubled;
    a corrected pair is a new card, as it was. Counted over the whole text, whatever `ids` a
    deck takes, so a link has the same id in every deck of the text."""
    links = bitext.alignment.links
    seen: Counter[tuple[str, str]] = Counter()
    keys: dict[int, tuple[str, ...]] = {}
    for i, link in enumerate(links):
        if link.src and link.tgt:
            pair = (bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
            seen[pair] += 1
            keys[i] = pair if seen[pair] == 1 else (*pair, str(seen[pair]))
    return keys


def sentence_card_count(bitext: Bitext, ids: Iterable[int]) -> int:
    """How many cards `sentence_deck` makes of `ids`: one per link with both sides."""
    links = bitext.alignment.links
    return sum(1 for i in ids if links[i].src and links[i].tgt)


def write_sentence_deck(bitext: Bitext, path: str | os.PathLike[str]) -> list[Path]:
    """Write the sentence cards of every link (the original on the front) atomically, as an
    .apkg named after the file; returns the path written (as EXPORTERS expects)."""
    from .atomic import atomic_write_bytes

    name = Path(path).stem
    deck = sentence_deck(bitext, range(len(bitext.alignment.links)), name)
    return [atomic_write_bytes(path, deck)]


def _model(name: str, fields: Sequence[str], question: str, answer: str):
    """A genanki note type of one card: `question` on the front, `answer` below it on the back.
    Each field's element has dir='auto': an Arabic or Hebrew card reads right to left, its full
    stop at its end (the cards showed them left to right)."""
    import genanki

    return genanki.Model(_stable_id(name), name, fields=[{"name": f} for f in fields],
                         templates=[{"name": "Card 1", "qfmt": question,
                                     "afmt": "{{FrontSide}}<hr id=answer>" + answer}])


def _deck(name: str, model, notes: Iterable[tuple[list[str], tuple[str, ...]]]) -> bytes:
    """The .apkg bytes of a deck of (fields, what the note's id is made of) notes."""
    import genanki

    deck = genanki.Deck(_stable_id(name), name)
    for fields, key in notes:
        deck.add_note(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(name, *key)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()


def _html(text: str) -> str:
    import html

    return html.escape(text)
