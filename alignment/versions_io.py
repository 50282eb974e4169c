"""A version set on disk: one TMX 1.4 file for the whole set, a TSV, Vecalign files per pair.

The TMX keeps every version and the rows without loss (docs/versions-format.md): one `<tu>`
per row, one `<tuv>` per text, the text's name in `<prop type="x-version">` (two versions in
the same language are told apart by it), sentence numbers, lengths and paragraphs in props so
the cell's text splits back into its sentences, its sentences' italics (`x-italics`, as the PO
stores them: italics.py), and the pair's finer links on each version's `<tuv>`. Each pair is also stored as a PO file by po.py, unchanged.

Why lxml rather than translate-toolkit's tmxfile (which export.py uses for pairs): tmxfile
models a unit as one source and one target, so it cannot hold N `<tuv>` with their own props;
lxml is the XML library tmxfile itself is built on, escapes text as XML 1.0 requires and
reports the line of a parse error. Writes are atomic (atomic.py).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import atomic_write_bytes, atomic_write_text
from .errors import InputError, SetFormatError
from .italics import read_side, side_text
from .types import JointRow, Link, Sentence, Signature, Version, VersionSet
from .versions import text_links

PathLike = str | os.PathLike[str]
FORMAT = "alignment-versions/1"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")


# ---------------------------------------------------------------- TMX: write

def _prop(parent, kind: str, value: str):
    from lxml import etree

    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = value
    return prop


def _numbers(values: Sequence[int]) -> str:
    return " ".join(str(v) for v in values)


def _links_text(links: Sequence[Link]) -> str:
    """'0,1/0/0.93;-/1/0.5/r': src/tgt/confidence[/r = reviewed] per link."""
    def side(idx: tuple[int, ...]) -> str:
        return ",".join(map(str, idx)) or "-"
    return ";".join(f"{side(l.src)}/{side(l.tgt)}/{l.confidence!r}" + ("/r" if l.reviewed else "")
                    for l in links)


def _check_text(vs: VersionSet) -> None:
    for text in vs.texts:
        for i, sent in enumerate(text.sentences):
            bad = _NOT_XML.search(sent.text)
            if bad:
                raise SetFormatError(f"{text.name} sentence {i + 1}: character "
                                     f"U+{ord(bad.group()):04X} cannot be stored in XML; "
                                     f"remove it from the text and align again")


def _header(root, vs: VersionSet, files: Mapping[str, str]) -> None:
    from lxml import etree

    from .versions_names import FILE_PROP

    header = etree.SubElement(root, "header", creationtool="alignment",
                              creationtoolversion=__version__, datatype="plaintext",
                              segtype="block", adminlang="en", srclang=vs.texts[0].lang,
                              **{"o-tmf": FORMAT})
    _prop(header, "x-format", FORMAT)
    _prop(header, "x-title", vs.title)
    for text in vs.texts:
        _prop(header, "x-text", f"{text.name} {text.lang}")
    for text in (t for t in vs.texts if files.get(t.name)):
        _prop(header, f"{FILE_PROP}{text.name}", files[text.name])
    for text, sig, warns in zip(vs.texts[1:], vs.signatures, vs.warnings):
        _prop(header, f"x-signature:{text.name}", json.dumps(asdict(sig), ensure_ascii=False))
        for warning in warns:
            _prop(header, f"x-warning:{text.name}", warning)


def _tuv(tu, vs: VersionSet, row: JointRow, k: int) -> None:
    from lxml import etree

    text = vs.texts[k]
    sents = [text.sentences[j] for j in row.cells[k]]
    tuv = etree.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": text.lang})
    _prop(tuv, "x-version", text.name)
    _prop(tuv, "x-sentences", _numbers(row.cells[k]))
    _prop(tuv, "x-lengths", _numbers([len(s.text) for s in sents]))
    _prop(tuv, "x-paragraphs", _numbers([s.paragraph for s in sents]))
    if k:
        _prop(tuv, "x-links", _links_text(row.links[k - 1]))
    if any(s.italics for s in sents):   # as the PO's '#. italics:' side (italics.py)
        _prop(tuv, "x-italics", side_text(sents))
    etree.SubElement(tuv, "seg").text = " ".join(s.text for s in sents)


def render_set_tmx(vs: VersionSet, files: Mapping[str, str] | None = None) -> bytes:
    """The whole set as TMX 1.4 (UTF-8): one <tu> per row, one <tuv> per text; `files` (text
    name -> the file it was read from) kept in the header (versions_names.py)."""
    from lxml import etree

    _check_text(vs)
    root = etree.Element("tmx", version="1.4")
    _header(root, vs, files or {})
    body = etree.SubElement(root, "body")
    for i, row in enumerate(vs.rows):
        tu = etree.SubElement(body, "tu", tuid=str(i + 1))
        for k in range(len(vs.texts)):
            _tuv(tu, vs, row, k)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def write_set_tmx(vs: VersionSet, path: PathLike,
                  files: Mapping[str, str] | None = None) -> list[Path]:
    """Write the set's TMX file atomically (`files`: as render_set_tmx)."""
    return [atomic_write_bytes(path, render_set_tmx(vs, files))]


# ---------------------------------------------------------------- TMX: read

def _fail(where: str, element, what: str) -> SetFormatError:
    line = f" line {element.sourceline}" if element is not None and element.sourceline else ""
    return SetFormatError(f"{where}{line}: {what}; write the set again with `alignment align` "
                          f"or restore the file (docs/versions-format.md)")


def _props(element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for prop in element.findall("prop"):
        out.setdefault(prop.get("type", ""), []).append(prop.text or "")
    return out


def _ints(text: str) -> tuple[int, ...]:
    return tuple(map(int, text.split()))


def _parse_links(text: str) -> tuple[Link, ...]:
    out = []
    for item in filter(None, text.split(";")):
        parts = item.split("/")
        side = [() if p == "-" else tuple(int(x) for x in p.split(",")) for p in parts[:2]]
        out.append(Link(side[0], side[1], float(parts[2]), len(parts) > 3 and parts[3] == "r"))
    return tuple(out)


def _signature(text: str) -> Signature:
    d = json.loads(text)
    d["params"] = tuple(tuple(p) for p in d["params"])
    return Signature(**d)


def _read_header(header, where: str) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    props = _props(header)
    if props.get("x-format") != [FORMAT]:
        raise _fail(where, header, f"not a version set of this format ({FORMAT})")
    texts = [tuple(t.split(" ", 1)) for t in props.get("x-text", [])]
    if len(texts) < 2 or any(len(t) != 2 for t in texts):
        raise _fail(where, header, "the header must list at least two texts ('x-text' props)")
    return texts, props  # type: ignore[return-value]


def _tuv_fields(tuv) -> tuple[dict[str, str], str | None]:
    """A <tuv>'s props (type -> text) and its <seg> text, in one pass over its children."""
    props: dict[str, str] = {}
    seg = None
    for child in tuv:
        if child.tag == "prop":
            props[child.get("type", "")] = child.text or ""
        elif child.tag == "seg":
            seg = child.text or ""
    return props, seg


def _read_tuv(tuv, props: dict[str, str], text: str,
              store: dict[int, Sentence], where: str) -> tuple[tuple[int, ...], tuple[Link, ...]]:
    cells, lengths, paras = (_ints(props.get(k, "")) for k in
                             ("x-sentences", "x-lengths", "x-paragraphs"))
    if not (len(cells) == len(lengths) == len(paras)) or sum(lengths) + max(len(cells) - 1, 0) != len(text):
        raise _fail(where, tuv, "the sentence numbers, lengths and text of this <tuv> disagree")
    at, texts = 0, []
    for n in lengths:
        texts.append(text[at:at + n])
        at += n + 1
    italic = read_side(props["x-italics"], texts) if "x-italics" in props else [()] * len(texts)
    for j, p, t, spans in zip(cells, paras, texts, italic):
        store[j] = Sentence(t, p, spans)
    links = props.get("x-links", "")
    return cells, _parse_links(links) if links else ()


# a TMX of pairs or a text given where a set is expected: the tester was told to "restore the file"
_PAIRS_NOT_A_SET = ("{where} is a TMX of pairs (a translation memory), not a version set: open it "
                    "with the upload box under 'Open a PO file', which reads such files")
_TEXT_NOT_A_SET = ("{where} is not a version set (not TMX): a text is compared with its "
                   "versions by uploading them under 'Compare versions'; a set is the .tmx "
                   "`alignment align ORIGINAL V1 V2 -o SET.tmx` writes")


def parse_set_tmx(data: bytes, where: str = "set") -> VersionSet:
    """A VersionSet from TMX written by render_set_tmx; SetFormatError when it is not one."""
    from lxml import etree

    from .types import Alignment
    from .versions import check_covering

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                      huge_tree=True))
    except etree.XMLSyntaxError as exc:
        if not where.lower().endswith((".tmx", ".xml")):   # a text given: no file to restore
            raise SetFormatError(_TEXT_NOT_A_SET.format(where=where)) from None
        raise SetFormatError(f"{where}: not well-formed XML ({exc}); restore the file") from None
    header = root.find("header")
    if root.tag == "tmx" and not _props(header if header is not None else root).get("x-format"):
        raise SetFormatError(_PAIRS_NOT_A_SET.format(where=where))
    names, props = _read_header(header if header is not None else root, where)
    stores: list[dict[int, Sentence]] = [{} for _ in names]
    rows = []
    try:
        order = [n for n, _ in names]
        for tu in root.iterfind("body/tu"):
            tuvs = tu.findall("tuv")
            fields = [_tuv_fields(t) for t in tuvs]
            if [f[0].get("x-version") for f in fields] != order or any(f[1] is None for f in fields):
                raise _fail(where, tu, "a <tu> must hold one <tuv> per text, in header order, "
                            "each with a <seg>")
            read = [_read_tuv(t, props_, seg or "", stores[k], where)
                    for k, (t, (props_, seg)) in enumerate(zip(tuvs, fields))]
            rows.append(JointRow(cells=tuple(c for c, _ in read), links=tuple(l for _, l in read[1:])))
    except ValueError:
        raise _fail(where, None, "a number in the props cannot be read") from None
    texts = []
    for k, ((name, lang), store) in enumerate(zip(names, stores)):
        if [j for r in rows for j in r.cells[k]] != list(range(len(store))):
            raise _fail(where, None, f"the rows do not hold every sentence of {name} once, in order")
        texts.append(Version(name, lang, tuple(store[j] for j in range(len(store)))))
    sigs = tuple(_signature(props[f"x-signature:{n}"][0]) if f"x-signature:{n}" in props
                 else Signature() for n, _ in names[1:])
    warns = tuple(tuple(props.get(f"x-warning:{n}", [])) for n, _ in names[1:])
    title = props.get("x-title", [""])[0]
    pairs = [Alignment(tuple(l for r in rows for l in r.links[k])) for k in range(len(names) - 1)]
    try:
        for text, pair in zip(texts[1:], pairs):
            check_covering(pair, len(texts[0].sentences), len(text.sentences), text.name)
    except InputError:
        raise _fail(where, None, "a pair's links no longer cover every sentence once, "
                    "in order") from None
    return VersionSet(tuple(texts), tuple(rows), sigs, warns, title)


def read_set_tmx(path: PathLike) -> VersionSet:
    """Read a version set written by write_set_tmx."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SetFormatError(f"{path}: no such file; give the .tmx written by "
                             f"`alignment align ORIGINAL VERSION VERSION -o SET.tmx`") from None
    except IsADirectoryError:
        raise SetFormatError(folder_said(Path(path))) from None
    if Path(path).suffix.lower() in (".po", ".pot"):   # not 'not well-formed XML; restore the file'
        raise SetFormatError(f"{path} is a PO file (a text and one translation), not a version "
                             f"set; open it under 'Open a PO file', or give the .tmx of a set")
    return parse_set_tmx(data, str(path))


def folder_said(path: Path) -> str:
    """A folder given as a set: said so, with the sets in it (the tester was told "no such
    file" of a folder that was there)."""
    sets = sorted(p.name for p in path.glob("*.tmx"))[:5]
    inside = f" ({', '.join(sets)} in it)" if sets else ""
    return f"{path} is a folder; give the path of the set's .tmx file in it{inside}"


def set_texts(path: PathLike) -> list[tuple[str, str]]:
    """The (name, language) of each text of the set at `path`, original first, read from its
    header alone (the start page names each kept set by its versions without reading its rows);
    SetFormatError when it is no version set."""
    from lxml import etree

    try:
        for _, header in etree.iterparse(os.fspath(path), events=("end",), tag="header",
                                         resolve_entities=False, no_network=True):
            return _read_header(header, os.fspath(path))[0]
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SetFormatError(f"{path}: cannot be read ({exc}); restore the file") from None
    raise SetFormatError(f"{path}: no TMX header; restore the file")


def header_texts(header, where: str) -> list[tuple[str, str]] | None:
    """The (name, language) of each text, original first, when a TMX <header> is a version
    set's (its x-format prop), else None. Why: read as pairs (import_pairs.py), a set's texts
    must be found by these names, as two of them may share a language (a revision, two
    translators); read by language, the second was out of reach or the original stood in."""
    if header is None or FORMAT not in _props(header).get("x-format", []):
        return None
    return _read_header(header, where)[0]


def set_texts_in(data: bytes) -> list[tuple[str, str]] | None:
    """`header_texts` of TMX bytes, read from the header alone (the start page's upload box
    says of each upload whether it is a set); None for a translation memory, a broken file
    or a set whose header is broken (its reading says why)."""
    from lxml import etree

    try:
        for _, header in etree.iterparse(io.BytesIO(data), events=("end",), tag="header",
                                         resolve_entities=False, no_network=True):
            return header_texts(header, "upload")
    except (etree.XMLSyntaxError, SetFormatError):
        return None
    return None


def set_label(path: PathLike, label: str) -> str:
    """A kept set's label on the start page, its versions named: 'orig.fr (3 versions: en1,
    en2, es)'; two sets of one original both read 'orig.fr (3 versions)'. `label` as is when
    the header cannot be read (the set opens with the reason)."""
    try:
        names = [name for name, _ in set_texts(path)[1:]]
    except SetFormatError:
        return label
    shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
    return f"{label[:-1]}: {shown})" if label.endswith(" versions)") else f"{label} ({shown})"


# ---------------------------------------------------------------- TSV and Vecalign

def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def render_set_tsv(vs: VersionSet) -> str:
    """Header of text names, then one line per row, one column per text (empty cell if none)."""
    from .export import tsv_text   # cells as the pairs' TSV writes them

    return tsv_text([[t.name for t in vs.texts],
                     *([_one_line(vs.cell_text(i, k)) for k in range(len(vs.texts))]
                       for i in range(len(vs.rows)))])


def write_set_tsv(vs: VersionSet, path: PathLike) -> list[Path]:
    """Write the set as tab-separated columns."""
    return [atomic_write_text(path, render_set_tsv(vs))]


def render_vecalign_pairs(vs: VersionSet, *, embedder: Any = None) -> dict[str, str]:
    """'fr-en.txt' -> Vecalign links '[0, 1]:[2]' for every pair of texts (first named first);
    with an embedder, doubtful links between two versions are settled directly (text_links)."""
    out = {}
    for a in range(len(vs.texts)):
        for b in range(a + 1, len(vs.texts)):
            links = text_links(vs, a, b, embedder=embedder)
            name = vecalign_name(vs.texts[a], vs.texts[b])
            out[name] = "".join(f"{list(l.src)}:{list(l.tgt)}\n" for l in links)
    return out


def vecalign_name(a: Version, b: Version) -> str:
    """The file of one pair's Vecalign links: 'fr-en.txt'. The one naming rule for the writer
    and the CLI's checks (an input text named so must not be replaced)."""
    return f"{a.name}-{b.name}.txt"


def vecalign_paths(texts: Sequence[Version], directory: PathLike) -> list[Path]:
    """Where `write_vecalign_pairs` writes, for every pair of texts (first named first)."""
    return [Path(directory) / vecalign_name(texts[a], texts[b])
            for a in range(len(texts)) for b in range(a + 1, len(texts))]


def write_vecalign_pairs(vs: VersionSet, directory: PathLike, *,
                         embedder: Any = None) -> list[Path]:
    """Write one Vecalign file per pair of texts into `directory` (created if missing)."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return [atomic_write_text(folder / name, text)
            for name, text in render_vecalign_pairs(vs, embedder=embedder).items()]


def pair_po_paths(texts: Sequence[Version], prefix: PathLike) -> list[Path]:
    """Where the PO of each (original, version k) pair goes, k = 1, 2...: PREFIX.fr-en.po,
    PREFIX.fr-es.po. The one naming rule for the writer, the CLI's checks and the app."""
    return [Path(f"{os.fspath(prefix)}.{texts[0].name}-{t.name}.po") for t in texts[1:]]


def write_pair_pos(vs: VersionSet, prefix: PathLike, *, overwrite_edited: bool = False) -> list[Path]:
    """One PO per (original, version) pair: PREFIX.fr-en.po, PREFIX.fr-es.po (po.py unchanged)."""
    from .po import write_po
    from .versions import pair_bitext

    return [write_po(pair_bitext(vs, k), path, overwrite_edited=overwrite_edited)
            for k, path in enumerate(pair_po_paths(vs.texts, prefix), 1)]
