"""Pairs aligned elsewhere, read into a Bitext: a translation memory (TMX), an XLIFF 1.2
file (Trados' .sdlxliff and memoQ's .mqxliff too, segment by segment; Phrase's .mxliff) or XLIFF 2 file, or a
two-column table (TSV, CSV, an .xlsx or .ods sheet, a .docx's table: import_sheets.py).

Part of the store stage, the mirror of export.py. Why: a proofreader is often sent a
translation as the TMX or XLIFF a CAT tool (OmegaT, Trados, memoQ) wrote, a learner a
two-column sheet, and neither had a way in: the reader, the checks and the exports took only
the PO files `alignment` writes. Each translation unit (table row) becomes one link, its two
texts kept as the translator cut them (one sentence per side, not split again); a unit with
one side empty is an omission or an addition. The file's own languages are used (TMX
xml:lang, XLIFF source-/target-language, the header row of our TSV export); a table without
them has its columns' languages detected, or given. A TMX or TSV our own export wrote gives
each link back as it was (carried.py: confidence, review, a TMX's sentences, paragraphs and
notes); the units of any other file are links of one sentence a side, sure unless the CAT tool
marks them unfinished or doubtful (then to review) or approved (then reviewed), their notes
the links' translator comments (import_cat.py), as a table's third column (import_tables.py).
A language given
for a TMX finds the file's own tag for it ('fr' finds 'fr-FR'), or is refused: none reads a
side as empty.

Library, and why: translate-toolkit's tmxfile, xlifffile and Xliff2File (our TMX writer already;
their parser resolves no entity, so an upload naming a file of this machine in a DOCTYPE never
brings it into the text; the text of TMX and XLIFF 1.2 segments is read without the content of
their formatting codes by inline_codes.py, which translate-toolkit keeps, and their italics
by cat_italics.py), Python's csv for tables
(import_tables.py: quotes and delimiters as spreadsheets write them). Pure: bytes in, Bitext out; the caller
reads the file.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .carried import Carried
from .cat_italics import local_name, marked_text, tag_ids_italic, with_unit_italics
from .errors import InputError, LanguagesUnknown, ManyTranslations
from .inline_codes import text_without_codes, xliff_text
from .italics import Marked
from .omegat_tags import made_by_omegat
from .progress import Progress, no_progress
from .types import Alignment, Bitext, Sentence, Signature

PAIR_FORMATS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
                ".mqxliff": "xliff", ".mxliff": "xliff", ".tsv": "tsv", ".csv": "csv", ".xlsx": "xlsx",
                ".ods": "ods", ".docx": "docx"}   # a .docx's table of pairs; given to align, a .docx is a text
PAIRS_MAX_BYTES = 50_000_000   # a TMX of a long book is a few MB; lxml holds ~10x in memory

Unit = tuple[str, str]   # (original, translation), either may be empty
Para = tuple[str, str, int]   # ... and the paragraph it belongs to (a CAT tool's unit)


def pairs_format(name: str) -> str | None:
    """The format a file name's ending says ('tmx', 'xliff', 'tsv', 'csv'), or None."""
    dot = name.rfind(".")
    return PAIR_FORMATS.get(name[dot:].lower()) if dot >= 0 else None


def read_pairs(data: bytes, name: str, *, src_lang: str | None = None,
               tgt_lang: str | None = None) -> Bitext:
    """The units of a TMX, XLIFF, TSV or CSV file (by `name`'s ending) as a Bitext, one link
    each. `src_lang`/`tgt_lang` choose the languages where the file holds several or none.
    InputError names the file and says what to do."""
    return read_pairs_noted(data, name, src_lang=src_lang, tgt_lang=tgt_lang)[0]


def read_pairs_noted(data: bytes, name: str, *, src_lang: str | None = None,
                     tgt_lang: str | None = None,
                     progress: Progress = no_progress) -> tuple[Bitext, list[str]]:
    """read_pairs, and each link's translator comment ('' for none): the <note>s of a TMX or
    XLIFF unit (carried.py, import_cat.py), a table's note column (import_tables.py), for the
    PO's `# ...` lines. `progress` hears three steps of the stage 'read FORMAT': the file parsed
    (the long one: a sheet of 100,000 rows took 8-22 s, without a sign of life), its units
    read, the links made."""
    fmt = pairs_format(name)
    if fmt is None:
        raise InputError(unread_office(name) or f"{name}: not a file of pairs; give a .tmx, .xlf, "
                         ".xliff, .sdlxliff, .mqxliff, .mxliff, .tsv, .csv, .xlsx, .ods or .docx file")
    if len(data) > PAIRS_MAX_BYTES:
        raise InputError(f"{name} is {len(data) / 2**20:.0f} MB, over the {PAIRS_MAX_BYTES // 10**6} MB "
                         "limit for pairs; split it in the tool that made it")
    stage = f"read {fmt}"
    progress(0, 3, stage)
    versions: tuple[str, ...] = ()   # a version set's two texts, by their names in it
    if fmt == "tmx":   # a version set: its pair as the set holds it (import_set.set_bitext)
        from .import_set import set_bitext

        pair = set_bitext(data, name, src_lang, tgt_lang, hashlib.sha256(data).hexdigest())
        if pair is not None:
            progress(3, 3, stage)
            return pair, [""] * len(pair.alignment.links)
    ids: list[str] = []   # each unit's id in the CAT tool's file
    said: tuple[str, ...] = ()   # what the reader says of the file (which sheet it read)
    marks: list[tuple[Marked, Marked]] = []   # each unit's texts with their italics (cat_italics.py)
    tags = text_tags_of(data, name, fmt)   # a tool's tags typed as text, read as codes
    if fmt in ("tmx", "xliff"):
        units, langs, versions, carried, ids, marks = _xml_units(data, name, fmt, src_lang, tgt_lang,
                                                                 tags)
    else:
        from .import_tables import table_units

        table = table_units(data, name, fmt, src_lang, tgt_lang)
        units, langs, carried, ids = table.units, table.langs, table.carried, table.ids
        said = (table.note,) if table.note else ()
    progress(1, 3, stage)
    paras = [(_clean(s), _clean(t), g) for s, t, g in units]
    kept = [k for k, (s, t, _) in enumerate(paras) if s or t]
    if not kept:
        raise InputError(f"{name} holds no text in its translation units; "
                         "check it is the file with the translation")
    carried = [carried[k] for k in kept] if carried else [None] * len(kept)
    progress(2, 3, stage)
    bitext = _bitext([paras[k] for k in kept], langs, name, fmt, hashlib.sha256(data).hexdigest(),
                     versions, carried, [ids[k] for k in kept] if ids else (), tags)
    if any(spans for unit in marks for _, spans in unit):
        bitext = with_unit_italics(bitext, [marks[k] for k in kept])
    if said:   # shown as the alignment's notes: the reader's box, `alignment import`'s lines
        bitext = replace(bitext, alignment=replace(bitext.alignment, warnings=said))
    progress(3, 3, stage)
    return bitext, [c.note if c else "" for c in carried]


# office files not read as pairs, and what to do with them (they were told only the formats read)
_RESAVE = {"xls": "an old Excel workbook (.xls) is not read here; open it and save it as .xlsx",
           "xlsm": "an Excel workbook with macros (.xlsm) is not read here; save a copy as .xlsx (its "
                   "macros left out) or the table as CSV",
           "xlsb": "a binary Excel workbook (.xlsb) is not read here; open it and save it as .xlsx",
           "numbers": "a Numbers sheet is not read here; export it as Excel (.xlsx) or CSV",
           "doc": "an old Word document (.doc) is not read here; open it and save it as .docx",
           "odt": "an OpenDocument text is read by alignment align as a text to align, not as pairs; "
                  "for a table of pairs in it, save it as .docx or the table as .ods or CSV"}

def unread_office(name: str) -> str | None:
    """For an office file not read as pairs (.xls, .doc...), what to do with it, else None."""
    said = _RESAVE.get(name.rsplit(".", 1)[-1].lower() if "." in name else "")
    return f"{name}: {said}" if said else None


_BREAK = "\t\n\r\v\f\x85\u2028\u2029"
_BREAKS = re.compile(f"[ {_BREAK}]*[{_BREAK}][ {_BREAK}]*")


def _clean(text: str) -> str:
    """One line: a unit is shown and checked as one sentence, so a line break or tab (and the
    spaces around it: an XML file's indentation) becomes one space. Other spaces are the
    text's: str.split() also took no-break spaces ('Bonjour\xa0!', '12\u202f€') for breaks and
    joined double spaces, which the doublespace check is there to find."""
    return _BREAKS.sub(" ", text).strip()


def _bitext(units: Sequence[Para], langs: tuple[str, str], name: str, fmt: str, digest: str,
            versions: tuple[str, ...] = (), carried: Sequence[Carried | None] = (),
            ids: Sequence[str] = (), tags: str = "") -> Bitext:
    """The links, and a signature naming the file and its bytes' digest: what `alignment export
    --corrected` checks its --original against (write_back.check_original); for a version set,
    the two texts read, by their names in it (two may share a language). What our export
    carried (carried.py) gives a unit its link's state, sentences and paragraphs; `ids`, each
    unit's id in the file (Link.unit); `tags`: the tool whose tags typed as text were read as
    codes ('omegat', 'phrase'), said in the signature so that write-back reads the file alike (a
    PO from before read them as text)."""
    from .carried import carried_link, side_sentences

    carried = list(carried) or [None] * len(units)
    ids = list(ids) or [""] * len(units)
    texts = [[side_sentences(text, pieces, _clean) for text, pieces in
              zip(u[:2], (c.src, c.tgt) if c else ((), ()))] for u, c in zip(units, carried)]
    paragraphs = _paragraphs(units, carried, texts)
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links = []
    for (s, t), (ps, pt), c, unit in zip(texts, paragraphs, carried, ids):
        link = carried_link(range(len(src), len(src) + len(s)), range(len(tgt), len(tgt) + len(t)), c)
        links.append(replace(link, unit=unit) if unit else link)
        src += [Sentence(text, paragraph=p) for text, p in zip(s, ps)]
        tgt += [Sentence(text, paragraph=p) for text, p in zip(t, pt)]
    sig = Signature(aligner="import", params=(("format", fmt), ("file", name.rsplit("/", 1)[-1]),
                                              ("sha256", digest),
                                              *((("versions", " ".join(versions)),) if versions else ()),
                                              *((("tags", tags),) if tags else ())))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links), sig), langs[0], langs[1])


def _paragraphs(units: Sequence[Para], carried: Sequence[Carried | None],
                texts: Sequence[Sequence[Sequence[str]]]) -> list[tuple[list[int], list[int]]]:
    """Each unit's sentences' paragraphs, per side: as our export carried them where every
    unit has them (counted again from 0), else the unit's own (a CAT tool's unit is one
    paragraph), as before: units of ours beside others cannot be numbered together."""
    from .carried import renumbered

    if not all(c and c.paragraphs for c in carried):
        return [([k] * len(s), [k] * len(t)) for (_, _, k), (s, t) in zip(units, texts)]
    sides = []
    for side in (0, 1):
        runs = []
        for c, ts in zip(carried, texts):
            numbers, count = c.paragraphs[side], len(ts[side])   # type: ignore[union-attr]
            runs.append(list(numbers) if len(numbers) == count else [numbers[0]] * count)
        sides.append(renumbered(runs))
    return list(zip(*sides))


# ---------------------------------------------------------------- TMX and XLIFF

def text_tags_of(data: bytes, name: str, fmt: str) -> str:
    """The tool whose tags a file of pairs holds typed as text, to be read as codes: 'omegat'
    for OmegaT's own TMX (omegat_tags.py), 'phrase' for Phrase's MXLIFF (phrase_tags.py), else ''."""
    from .phrase_tags import made_by_phrase

    if fmt == "tmx" and made_by_omegat(data):
        return "omegat"
    if fmt == "xliff" and not _xliff2(data) and made_by_phrase(data, name):
        return "phrase"
    return ""


def _parse(data: bytes, name: str, fmt: str, tags: str = ""):
    """The file parsed by translate-toolkit; `tags`: the tool whose tags typed as text are made
    codes (text_tags_of)."""
    from lxml import etree

    if fmt == "tmx":
        from translate.storage.tmx import tmxfile as store_class
    elif _xliff2(data):
        from translate.storage.xliff2 import Xliff2File as store_class
    else:
        from translate.storage.xliff import xlifffile as store_class
    try:
        store = store_class(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise InputError(f"{name}: not well-formed XML{line}: {exc.msg}; export it again from "
                         "the tool that made it") from None
    except Exception as exc:   # translate-toolkit's own complaints (wrong root element...)
        raise InputError(f"{name}: not a readable {fmt.upper()} file ({exc}); export it again "
                         "from the tool that made it") from None
    if tags in ("omegat", "phrase"):
        from . import omegat_tags, phrase_tags

        (omegat_tags if tags == "omegat" else phrase_tags).tags_as_codes(store.document.getroot())
    return store


def translatable_units(store) -> list:
    """An XLIFF store's units that hold text to translate (no header, none marked
    translate="no"): the import's units, and those write_back finds again."""
    return [u for u in store.units if not u.isheader() and u.istranslatable()]


def _declared(name: str, given: str | None, declared: str | None, side: str, option: str) -> str:
    """The language of an XLIFF side: the one given, unless the file declares another language
    for that side (a given '-t es' on a file translated into fr-FR labelled French text
    Spanish without a word); the file's own where none is given."""
    from .lang import primary

    declared = (declared or "").strip()
    language = [primary(_language_code(code) or code) for code in (given or "", declared)]
    if given and declared and language[0] != language[1]:
        raise InputError(f"{name} says its {side} is in {declared}, not {given}; leave {option} "
                         f"out, or correct it")
    return given or declared


def _xliff2(data: bytes) -> bool:
    """Whether XLIFF bytes are XLIFF 2 (its namespace near the top), which has a parser of its own."""
    return b"urn:oasis:names:tc:xliff:document:2." in data[:4096]


XmlUnits = tuple[list[Para], tuple[str, str], tuple[str, ...], list[Carried | None], list[str],
                 list[tuple[Marked, Marked]]]


def _xml_units(data: bytes, name: str, fmt: str, src_lang: str | None, tgt_lang: str | None,
               tags: str = "") -> XmlUnits:
    """The units' texts, languages, a version set's names, what each unit carried, each
    unit's id (import_cat.xliff12_ids, xliff2_ids, tmx_id), and its two texts with their
    italics (cat_italics.marked_text; [] where none can be)."""
    from .import_cat import xliff12_carried, xliff12_ids, xliff2_carried, xliff2_ids

    store = _parse(data, name, fmt, tags)
    if fmt == "xliff":
        src = _declared(name, src_lang, store.getsourcelanguage(), "original", "-s (--src-lang)")
        tgt = _declared(name, tgt_lang, store.gettargetlanguage(), "translation", "-t (--tgt-lang)")
        translatable = translatable_units(store)
        if _xliff2(data):   # a unit per <segment>: the segments of one <unit> are a paragraph
            groups: dict[str, int] = {}
            path = store.document.getpath
            units = [(u.source or "", u.target or "",
                      groups.setdefault(path(u.xmlelement.getparent()), len(groups))) for u in translatable]
            carried = xliff2_carried([u.xmlelement for u in translatable])
            ids = xliff2_ids([u.xmlelement for u in translatable])
            marks = [(marked_text(_child(u.xmlelement, "source")),
                      marked_text(_child(u.xmlelement, "target"))) for u in translatable]
        else:
            units = [(*pair, k) for k, u in enumerate(translatable) for pair in _xliff_pairs(u)]
            carried = [c for u in translatable for c in xliff12_carried(u.xmlelement)]
            ids = [i for u in translatable for i in xliff12_ids(u.xmlelement)]
            italic = tag_ids_italic(store.document.getroot())   # Trados' <g id>s (header)
            marks = [(marked_text(s, italic), marked_text(t, italic)) for u in translatable
                     for s, t, _ in _xliff_segments(u)]
        return units, _languages(name, src, tgt), (), carried, ids, marks
    return _tmx_units(store, name, src_lang, tgt_lang, tags == "omegat")


def element_ns(element) -> str:
    """An element's own namespace as '{uri}' ('' for none): XLIFF 1.2's, 1.1's, or none, as
    the file uses it (older tools write 1.1, or no namespace; translate-toolkit reads them)."""
    tag = element.tag
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


def _child(element, name: str):
    """An element's first child of this local name (XLIFF 2's <source>, <target>), or None."""
    return next((c for c in element if local_name(c) == name), None)


def _xliff_segments(unit) -> list[tuple[object, object, bool]]:
    """A trans-unit's segments as elements (original, translation or None, whether it is
    the whole unit): one per segment where the CAT tool cut it into segments (Trados' and
    memoQ's <seg-source> with <mrk mtype="seg">, matched by mid), else the whole unit."""
    element = unit.xmlelement
    ns = element_ns(element)

    def segments(tag: str) -> dict[str, object]:
        part = element.find(ns + tag)
        if part is None:
            return {}
        return {m.get("mid", ""): m for m in part.iter(ns + "mrk") if m.get("mtype") == "seg"}
    source = segments("seg-source")
    if not source:
        return [(unit.source_dom, unit.get_target_dom(), True)]
    target = segments("target")
    return [(m, target.get(mid), False) for mid, m in source.items()]


def _xliff_pairs(unit) -> list[Unit]:
    """A trans-unit's pairs (`_xliff_segments`), the formatting codes' content left out
    (inline_codes.py), as a TMX's is."""
    return [(xliff_text(s, unit), xliff_text(t, unit)) if whole else
            (text_without_codes(s), text_without_codes(t) if t is not None else "")
            for s, t, whole in _xliff_segments(unit)]


def _tmx_units(store, name: str, src_lang: str | None, tgt_lang: str | None,
               omegat: bool = False) -> XmlUnits:
    """A TMX may hold any number of languages per unit: the header's srclang is the original
    (unless given, or '*all*'), the translation the one other language, or the one given
    (matched to the file's own tags by `_file_language`). A version set's texts are found by
    their names in it instead (import_set.py), with those names. What a unit of our export
    carried is read too (carried.read_unit; its sides are the header's srclang and the other)."""
    from .carried import read_unit
    from .import_cat import tmx_carried, tmx_id

    from .versions_io import header_texts

    header = store.document.getroot().find("header")
    texts = header_texts(header, name)
    if texts:
        from .import_set import set_units

        set_units_, (a, b) = set_units(store, texts, name, src_lang, tgt_lang)
        return set_units_, _languages(name, texts[a][1], texts[b][1]), (texts[a][0], texts[b][0]), [], [], []
    xml = "{http://www.w3.org/XML/1998/namespace}lang"
    tus, tuvs = [], []   # each unit's texts, and their <tuv>s, by language
    for unit in store.units:
        texts: dict[str, str] = {}
        elements: dict[str, object] = {}
        for tuv in unit.xmlelement.iter("tuv"):
            lang = (tuv.get(xml) or tuv.get("lang") or "").strip()
            seg = tuv.find("seg")
            if lang and seg is not None:
                texts.setdefault(lang.lower(), text_without_codes(seg))
                elements.setdefault(lang.lower(), tuv)
        tus.append(texts)
        tuvs.append(elements)
    seen = list(Counter(lang for texts in tus for lang in texts))
    declared = (header.get("srclang") or "").lower() if header is not None else ""
    src = _file_language(src_lang, seen, name, "-s (--src-lang)") if src_lang else \
        (declared if declared in seen else "") or next(iter(seen), "")
    others = [lang for lang in seen if lang != src]
    if tgt_lang:
        tgt = _file_language(tgt_lang, seen, name, "-t (--tgt-lang)", translation=True)
    elif len(others) > 1:
        raise ManyTranslations(f"{name} holds translations into {', '.join(others)}; choose one: "
                               "--tgt-lang on the command line, or export one language pair from "
                               "the tool that made it", tuple(others))
    else:
        tgt = others[0] if others else ""
    flipped = bool(declared) and tgt == declared
    carried, ids = [], []   # a unit of our export's tuid is its link's number: no id of a tool's
    for unit, texts, elements in zip(store.units, tus, tuvs):
        ours = read_unit(unit.xmlelement, texts.get(src, ""), texts.get(tgt, ""), flipped) \
            if flipped or src == declared else None
        carried.append(ours or tmx_carried(unit.xmlelement, (elements.get(src), elements.get(tgt))))
        ids.append("" if ours else tmx_id(unit.xmlelement))
    marks = [(marked_text(_seg(elements.get(src)), omegat=omegat),
              marked_text(_seg(elements.get(tgt)), omegat=omegat)) for elements in tuvs]
    return [(texts.get(src, ""), texts.get(tgt, ""), k) for k, texts in enumerate(tus)], \
        _languages(name, src, tgt), (), carried, ids, marks


def _seg(tuv):
    """A <tuv>'s <seg>, or None."""
    return tuv.find("seg") if tuv is not None else None


def _file_language(code: str, tags: Sequence[str], name: str, option: str,
                   translation: bool = False) -> str:
    """The tag of the file (lower case, as `tags` holds them) that a language given names.

    Why: a TMX keeps each text under its own xml:lang, and a code that matched none of them
    ('fr' for 'fr-FR') read every text of that side as empty without a word (a PO of
    omissions), or ended in a misleading error. So a code matches a tag in any case, '_' as
    '-', a bare language ('fr') the one tag of that language with a region ('fr-FR') and the
    reverse; two candidates (fr-FR, fr-CA) are listed to choose from (ManyTranslations for
    the translation, which the app offers as a choice), a language the file does not hold is
    refused with the file's languages and the option to change. A file holding no language
    at all keeps the code: its emptiness is said later."""
    from .lang import primary

    key = code.strip().lower().replace("_", "-")
    if not tags or key in tags:
        return key
    language = primary(_language_code(code) or key)
    near = [t for t in tags if primary(_language_code(t) or t) == language
            and ("-" not in key or "-" not in t)]
    if len(near) == 1:
        return near[0]
    if near:
        message = (f"{name} holds {code} as {', '.join(near)}; give one of them with {option}")
        raise ManyTranslations(message, tuple(near)) if translation else InputError(message)
    raise InputError(f"{name} holds no text in {code}, only in {', '.join(tags)}; give one of "
                     f"them with {option}")


def _languages(name: str, src: str, tgt: str) -> tuple[str, str]:
    from .errors import UnsupportedLanguage
    from .lang import normalize_language

    if not src or not tgt:
        raise LanguagesUnknown(f"{name} does not say its languages and they could not be told "
                         "from its text; name them: a first row of two language codes (such as "
                         "fr and en), or --src-lang and --tgt-lang on the command line")
    try:
        return normalize_language(src), normalize_language(tgt)
    except UnsupportedLanguage as exc:
        raise LanguagesUnknown(f"{name}: {exc}; give the languages as codes such as fr and en "
                         "(--src-lang, --tgt-lang on the command line)") from None


def _language_code(cell: str) -> str | None:
    """The BCP 47 tag of a cell that is a language code ('fr_FR' -> 'fr-FR'), else None."""
    from .errors import UnsupportedLanguage
    from .lang import normalize_language

    try:
        return normalize_language(cell.strip())
    except UnsupportedLanguage:
        return None
