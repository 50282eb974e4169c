"""A version set (versions_io.py, docs/versions-format.md) read as pairs: the original, or the
text -s names, beside the version -t names, each found by the name the set gives it.

Why: import_pairs.py reads a TMX's texts by language, and a set may hold two texts in one
language (a French original and its French revision, two English translations). Read so,
`alignment import SET.tmx -t fr` paired the original with itself (every translation equal to
its original, so the checks found nothing), `-t en` took en1 and nothing reached en2, and
without -t a set whose other version shared the original's language opened its one foreign
version without a word. So each text is found by its name in the set (x-version: fr1, fr2,
en1 ...); a language stands for a text only where one text has it (-t never for the text read
as the original); a choice left open lists the versions by name (ManyTranslations, which the
app offers as a choice); a text is never paired with itself.

Read one link per row, a set lost what its props keep: two sentences of a row came back as
one, and every link's confidence and review mark as 1.0, unreviewed ("0 to review" of a pair
whose own PO marks an omission fuzzy). So `set_bitext` rebuilds the pair from the props
(versions_io.parse_set_tmx): the sentences, links, confidences and review marks of the set's
own pair PO. Pure: bytes or a parsed TMX in, a Bitext or units out.
"""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import replace

from .errors import InputError, ManyTranslations, SetFormatError
from .inline_codes import text_without_codes
from .types import Alignment, Bitext, Link, Signature, VersionSet

Text = tuple[str, str]        # (its name in the set, its language)
Para = tuple[str, str, int]   # (original, translation, paragraph): import_pairs' unit


def set_units(store, texts: Sequence[Text], name: str, src: str | None,
              tgt: str | None) -> tuple[list[Para], tuple[int, int]]:
    """The set's rows as units of the two texts chosen (`chosen_texts`), a row a paragraph as
    for any TMX, and the two texts' places in `texts`."""
    a, b = chosen_texts(texts, name, src, tgt)
    names = [n for n, _ in texts]
    units = []
    for k, unit in enumerate(store.units):
        cells = _cells(unit.xmlelement, names)
        units.append((cells.get(names[a], ""), cells.get(names[b], ""), k))
    return units, (a, b)


def set_bitext(data: bytes, name: str, src: str | None, tgt: str | None,
               digest: str) -> Bitext | None:
    """The pair of a version set's two texts chosen (`chosen_texts`) as the set holds it: its
    sentences, and its links with their confidences and review marks; signed as any import
    (the file, `digest` of its bytes, the two texts' names, which write_back.py reads). None
    for a TMX that is no set, or a set whose props no longer agree with its text (a CAT tool
    rewrote a cell): read then a row a link, as any TMX, rather than refused."""
    from .versions_io import parse_set_tmx, set_texts_in

    texts = set_texts_in(data)
    if not texts:
        return None
    a, b = chosen_texts(texts, name, src, tgt)
    try:
        vs = parse_set_tmx(data, name)
    except (SetFormatError, ValueError):   # ValueError: a signature that is not JSON
        return None
    return pair_of_set(vs, a, b, name, digest)


def pair_of_set(vs: VersionSet, a: int, b: int, name: str, digest: str) -> Bitext:
    """Texts a and b of the set `vs` (read from the file `name`, `digest` of its bytes) as a
    Bitext signed as any import: set_bitext's, and the CLI's reading of a set with its pair
    POs joined in (versions_pairs.read_set_pair)."""
    from .import_pairs import _languages

    texts = [(t.name, t.lang) for t in vs.texts]
    links, warnings = _pair_links(vs, a, b)
    sig = Signature(aligner="import", params=(("format", "tmx"), ("file", name.rsplit("/", 1)[-1]),
                                              ("sha256", digest),
                                              ("versions", f"{texts[a][0]} {texts[b][0]}")))
    src_lang, tgt_lang = _languages(name, texts[a][1], texts[b][1])
    return Bitext(vs.texts[a].sentences, vs.texts[b].sentences,
                  Alignment(links=links, signature=sig, warnings=warnings), src_lang, tgt_lang)


def _pair_links(vs: VersionSet, a: int, b: int) -> tuple[tuple[Link, ...], tuple[str, ...]]:
    """The links of texts a and b, and the pair's warnings: the set's own pair where one of
    them is the original (turned round where it is read as the translation); between two
    versions, their links through the original (versions.text_links: the set stores none)."""
    from .versions import pair_alignment, text_links

    if a == 0 or b == 0:
        pair = pair_alignment(vs, b or a)
        links = pair.links if a == 0 else tuple(replace(l, src=l.tgt, tgt=l.src) for l in pair.links)
        return links, pair.warnings
    if a < b:
        return text_links(vs, a, b), ()
    return tuple(replace(l, src=l.tgt, tgt=l.src) for l in text_links(vs, b, a)), ()


def _cells(tu, names: Sequence[str]) -> dict[str, str]:
    """A <tu>'s text per version name: its <tuv>'s x-version prop, else its place (the format
    writes one <tuv> per text, in the header's order)."""
    cells: dict[str, str] = {}
    for place, tuv in enumerate(tu.findall("tuv")):
        version = next((p.text or "" for p in tuv.findall("prop") if p.get("type") == "x-version"),
                       names[place] if place < len(names) else "")
        seg = tuv.find("seg")
        if version and seg is not None:
            cells.setdefault(version, text_without_codes(seg))
    return cells


def chosen_texts(texts: Sequence[Text], name: str, src: str | None,
                 tgt: str | None) -> tuple[int, int]:
    """The places in `texts` of the text read as the original (the set's original unless -s
    names another) and of the one read beside it. Refused in one line: a -t that could be two
    versions or none, no -t where several versions could be read, a text paired with itself."""
    names = [n for n, _ in texts]
    a = _named(texts, src, name, "-s (--src-lang)", range(len(texts))) if src else 0
    others = [k for k in range(len(texts)) if k != a]
    if tgt:
        b = _named(texts, tgt, name, "-t (--tgt-lang)", others, translation=True)
    elif len(others) > 1:
        listed = ", ".join(names[k] for k in others)
        raise ManyTranslations(f"{name} is a version set of {names[a]} with the versions {listed}; "
                               f"choose the one to read beside {names[a]} by its name with -t "
                               f"(--tgt-lang), such as -t {names[others[-1]]}",
                               tuple(names[k] for k in others))
    else:
        b = others[0]
    if a == b:
        raise InputError(f"{name}: -t {tgt} names {names[a]}, the text read as the original; a "
                         f"text is not compared with itself: give one of "
                         f"{', '.join(names[k] for k in others)} with -t (--tgt-lang)")
    return a, b


def _named(texts: Sequence[Text], code: str, name: str, option: str, among: Sequence[int],
           translation: bool = False) -> int:
    """The text a code given names: by its name in the set (any case), else by its language
    among `among` where one text has it ('fr' is fr2 when fr1 is the original; for -s, the
    set's original first). Two candidates are refused, listed (ManyTranslations for -t, which
    the app offers as a choice); a code naming none, with the set's texts."""
    from .lang import primary

    key = code.strip().lower().replace("_", "-")
    # a name first as written ('Гарнетт_1923', 'en_close': '_' read as a region's 'fr_CA'
    # made such names unreachable with -t), then as a language code is written
    named = [k for k, (n, _) in enumerate(texts) if n.lower() == code.strip().lower()] or \
        [k for k, (n, _) in enumerate(texts) if n.lower() == key]
    if named:
        return named[0]
    same = [k for k in among if texts[k][1].lower() == key] or \
        [k for k in among if primary(texts[k][1]) == primary(key)
         and ("-" not in key or "-" not in texts[k][1])]
    if len(same) == 1 or (same and same[0] == 0 and not translation):
        return same[0]
    if same:
        listed = ", ".join(texts[k][0] for k in same)
        message = (f"{name} is a version set holding {len(same)} texts in {code} ({listed}); "
                   f"give one of them by its name with {option}")
        raise ManyTranslations(message, tuple(texts[k][0] for k in same)) if translation \
            else InputError(message)
    listed = ", ".join(f"{n} ({lang})" for n, lang in texts)
    raise InputError(f"{name} is a version set holding no text named {code} or in that "
                     f"language; its texts: {listed}, the first the original; give one of "
                     f"their names with {option}")
