"""Gold sentence alignments: the benchmark readers, in each corpus's native format.

Gold data comes in two native formats (see ../shared/bench/README.md):
Vecalign's one-link-per-line files (Text+Berg) and the LIMSI/TransRead CES XML
(`<link xtargets="EN_IDS;FR_IDS">` over `cut_*_{en,fr}.xml`). The XML is read
with lxml (well kept, fast, and it never fetches the DTD the CES header names).
Scoring against these documents is evaluate.py's.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BenchDataError
from .types import Link, Sentence

__all__ = [
    "LIMSI_LANGS", "SPLITS", "TEXTBERG_LANGS", "GoldDoc", "concat_docs", "iter_bench",
    "read_limsi_book", "read_textberg", "read_vecalign_links",
]

TEXTBERG_LANGS = ("de", "fr")
LIMSI_LANGS = ("en", "fr")
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class GoldDoc:
    """One benchmark document: both sides, already segmented, and its gold links."""

    name: str
    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]
    links: tuple[Link, ...]
    src_lang: str = ""
    tgt_lang: str = ""
    #: The gold writes a run of sentences without counterpart as one n-0 / 0-n link
    #: (LIMSI does; Text+Berg writes n 1-0 links), so the engine must too to be scored fairly.
    groups_unaligned: bool = False


# ---------------------------------------------------------------- readers

_LINK_RE = re.compile(r"^\s*(\[[^\]]*\])\s*:\s*(\[[^\]]*\])\s*$")


def _parse_side(text: str) -> tuple[int, ...]:
    value = ast.literal_eval(text)
    if not isinstance(value, list) or not all(isinstance(i, int) and i >= 0 for i in value):
        raise ValueError(text)
    return tuple(value)


def read_vecalign_links(path: str | Path) -> tuple[Link, ...]:
    """Links from a Vecalign-format file, one `[0]:[0, 1]` per line; blank lines skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(f"cannot read gold links {path}: {exc}; give a UTF-8 Vecalign file") from exc
    links = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _LINK_RE.match(line)
        try:
            if match is None:
                raise ValueError(line)
            src, tgt = _parse_side(match.group(1)), _parse_side(match.group(2))
        except (ValueError, SyntaxError):
            raise BenchDataError(
                f"{path}, line {number}: expected a link like '[0]:[0, 1]', got {line.strip()!r}"
            ) from None
        if src or tgt:
            links.append(Link(src, tgt))
    return tuple(links)


def _read_lines(path: Path) -> tuple[Sentence, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(f"cannot read sentences {path}: {exc}; give a UTF-8 file") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(Sentence(line.strip()) for line in lines)


def _check_range(links: Iterable[Link], n_src: int, n_tgt: int, where: str) -> None:
    for link in links:
        if any(i >= n_src for i in link.src) or any(j >= n_tgt for j in link.tgt):
            raise BenchDataError(
                f"{where}: link {list(link.src)}:{list(link.tgt)} points past the text "
                f"({n_src} source, {n_tgt} target sentences); check the files belong together"
            )


def read_textberg(directory: str | Path, name: str) -> GoldDoc:
    """Text+Berg document `name`: name.de (source), name.fr (target), name.defr (gold)."""
    base = Path(directory) / name
    src = _read_lines(base.with_suffix(".de"))
    tgt = _read_lines(base.with_suffix(".fr"))
    gold_path = base.with_suffix(".defr")
    links = read_vecalign_links(gold_path)
    _check_range(links, len(src), len(tgt), str(gold_path))
    return GoldDoc(name, src, tgt, links, *TEXTBERG_LANGS)


def _xml_root(path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise BenchDataError(f"cannot parse {path}: {exc}; give a well-formed XML file") from exc


def _read_cut_xml(path: Path) -> tuple[tuple[Sentence, ...], dict[str, int]]:
    """Sentences (tokens joined by spaces, paragraph = index of <p>) and id -> index."""
    root = _xml_root(path)
    sentences: list[Sentence] = []
    index: dict[str, int] = {}
    paragraphs = {p: k for k, p in enumerate(root.iter("p"))}
    for s in root.iter("s"):
        parent = next((a for a in s.iterancestors("p")), None)
        words = (w.text.strip() for w in s.iter("w") if w.text and w.text.strip())
        index[s.get("id", "")] = len(sentences)
        sentences.append(Sentence(" ".join(words), paragraphs.get(parent, 0)))
    if not sentences:
        raise BenchDataError(f"{path} has no <s> sentences; give a TransRead cut_*.xml file")
    return tuple(sentences), index


def _xtarget_side(ids: str, index: dict[str, int], where: str) -> tuple[int, ...]:
    try:
        return tuple(index[i] for i in ids.split())
    except KeyError as exc:
        raise BenchDataError(f"{where}: sentence id {exc.args[0]!r} is not in the cut_ file") from None


def _one(book: Path, pattern: str) -> Path:
    found = sorted(book.glob(pattern))
    if len(found) != 1:
        raise BenchDataError(f"{book}: expected one file matching {pattern}, found {len(found)}")
    return found[0]


def read_limsi_book(book_dir: str | Path) -> GoldDoc:
    """A LIMSI book folder: English source, French target, CES gold links."""
    book = Path(book_dir)
    src, src_ids = _read_cut_xml(_one(book, "cut_*_en.xml"))
    tgt, tgt_ids = _read_cut_xml(_one(book, "cut_*_fr.xml"))
    gold_path = _one(book, "*_sent_align_*.xml")
    links = []
    for link in _xml_root(gold_path).iter("link"):
        where = f"{gold_path}, line {link.sourceline}"
        sides = link.get("xtargets", "").split(";")
        if len(sides) != 2:
            raise BenchDataError(f"{where}: xtargets must be 'EN_IDS;FR_IDS'")
        pair = (_xtarget_side(sides[0], src_ids, where), _xtarget_side(sides[1], tgt_ids, where))
        if pair[0] or pair[1]:
            links.append(Link(*pair))
    if not links:
        raise BenchDataError(f"{gold_path} has no <link> elements; give a CES alignment file")
    return GoldDoc(book.name, src, tgt, tuple(links), *LIMSI_LANGS, groups_unaligned=True)


def _textberg_names(directory: Path, split: str) -> list[str]:
    names = sorted(p.stem for p in directory.glob("*.defr"))
    tests = sorted((n for n in names if n.startswith("test")), key=lambda n: (len(n), n))
    chosen = {"dev": [n for n in names if n.startswith("dev")], "test": tests, "all": names}
    return chosen[split]


def iter_bench(directory: str | Path, split: str = "dev") -> list[GoldDoc]:
    """Every document of a benchmark folder in its native layout.

    `directory` is a Text+Berg folder (`*.defr`; `split` picks dev, test or
    all; dev is the default so nobody tunes on test by accident), a LIMSI folder
    of books, one LIMSI book, or the bench root holding `textberg/` and `limsi/`.
    """
    root = Path(directory)
    if split not in SPLITS:
        raise BenchDataError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    if not root.is_dir():
        raise BenchDataError(f"benchmark folder {root} does not exist; give a textberg or limsi folder")
    if any(root.glob("*.defr")):
        return [read_textberg(root, n) for n in _textberg_names(root, split)]
    if any(root.glob("*_sent_align_*.xml")):
        return [read_limsi_book(root)]
    books = sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*_sent_align_*.xml")))
    if books:
        return [read_limsi_book(b) for b in books]
    if (root / "textberg").is_dir() or (root / "limsi").is_dir():
        parts = [root / "textberg", root / "limsi"]
        return [doc for part in parts if part.is_dir() for doc in iter_bench(part, split)]
    raise BenchDataError(
        f"{root} holds no benchmark: expected *.defr files (Text+Berg) or book folders "
        "with *_sent_align_*.xml (LIMSI)"
    )


def concat_docs(docs: Sequence[GoldDoc], name: str = "concatenated") -> GoldDoc:
    """One long document: sentences, paragraphs and gold links offset and joined."""
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links: list[Link] = []
    for doc in docs:
        ns, nt = len(src), len(tgt)
        ps = max((s.paragraph for s in src), default=-1) + 1
        pt = max((s.paragraph for s in tgt), default=-1) + 1
        src.extend(Sentence(s.text, s.paragraph + ps) for s in doc.src)
        tgt.extend(Sentence(s.text, s.paragraph + pt) for s in doc.tgt)
        links.extend(Link(tuple(i + ns for i in k.src), tuple(j + nt for j in k.tgt)) for k in doc.links)
    langs = {(d.src_lang, d.tgt_lang) for d in docs}
    src_lang, tgt_lang = langs.pop() if len(langs) == 1 else ("", "")
    return GoldDoc(name, tuple(src), tuple(tgt), tuple(links), src_lang, tgt_lang,
                   groups_unaligned=bool(docs) and all(d.groups_unaligned for d in docs))
