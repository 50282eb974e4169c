"""Fetching a corpus side from the web (or from a page the user saved), cut and checked.

The download itself is `alignment.fetch.download` (a GET bounded in time and size, http(s)
only); HTML is decoded as browsers do (`alignment.read.charset`), cleaned with lxml (footnote
markers) and turned into paragraphs by `alignment.read`. A fetch says what it kept (paragraphs,
sentences, first and last line) and warns when the kept text does not look like the side the
manifest describes: another language (langdetect), or a length far from the other side's. Such a
text does not replace a cached copy unless the caller forces it (`force=True`, the CLI's
--force), and a text in another language is not even taken as a first copy. A text that only differs from the recorded checksum (a new edition of the page) is
taken, with a warning.
The manifests, the cache folder and the URL to fetch are corpora.py's, which re-exports the
names here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from .corpora import (Corpus, CorpusSide, _recorded_sha, fetch_by_hand, fetch_target,
                      sha256_text, side_path, side_url)
from .errors import AlignmentError, FetchError, FetchRefused, InputError, SectionNotFound
from .fetch import download
from .types import Document

__all__ = ["LENGTH_BAND", "MAX_BYTES", "FetchResult", "fetch_side", "plausibility_warnings"]

MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class FetchResult:
    """Where a fetched side was stored, its checksum, what was kept, and anything to check."""

    path: Path
    sha256: str
    source: str
    warnings: tuple[str, ...] = ()
    paragraphs: int = 0
    sentences: int = 0
    first: str = ""
    last: str = ""

    def summary(self) -> str:
        """One line for the user: how much was kept, and where it starts and ends."""
        def short(line: str) -> str:
            return line if len(line) <= 60 else line[:57] + "..."
        def count(n: int, what: str) -> str:
            return f"{n} {what}" + ("s" if n != 1 else "")
        return (f"kept {count(self.paragraphs, 'paragraph')}, {count(self.sentences, 'sentence')}"
                f", from {short(self.first)!r} to {short(self.last)!r}")


def fetch_side(corpus: Corpus, side: str | CorpusSide, *, file: Path | str | None = None,
               url: str | None = None, timeout: float = 20,
               max_bytes: int = MAX_BYTES, source: str | None = None,
               force: bool = False) -> FetchResult:
    """Download a side (or take `file`), keep its section, cache it, record its checksum.

    Why cache: the page is large and the network may be gone next time; why a checksum:
    alignments and proofreading notes refer to this exact text, so a change must be seen.
    `source` names `file` in messages and in the record where its path means nothing to the
    person (an upload stored in a temp folder: its own file name).

    A kept text that plainly is not the side (another language than the manifest's, a
    length far from the other side's: `plausibility_warnings`) would replace a cached copy:
    FetchError, and the cache stays as it was, unless `force`. A first fetch destroys
    nothing, so a length far off is taken, with a warning (an edition with notes, or
    without them); a text in another language is refused there too, unless `force`:
    taken, it became "the French original" of every later alignment (the English text
    uploaded as the French side by mistake was kept, and the app's upload showed no
    warning). A text that merely differs from the recorded checksum (another edition)
    is a warning.
    """
    s = corpus.side(side) if isinstance(side, str) else side
    if s.file:  # never overwrite a bundled text (the Serge English must stay as given)
        raise FetchError(f"{corpus.id} {s.side} ({s.lang}) is bundled as {s.file}; "
                         f"there is nothing to fetch")
    if file is not None:
        name = source or str(file)
        return _store(corpus, s, _document_from_file(Path(file), s, name), name, force=force)
    target = side_url(corpus, s, url)
    try:
        raw, charset = download(target, timeout=timeout, max_bytes=max_bytes)
        fmt = fetched_format(s, target, raw)
        doc = (_document_from_html(raw, charset, s, target) if fmt == "html"
               else _document_from_bytes(raw, charset, fmt, s, target))
    except AlignmentError as exc:
        raise FetchError(f"{exc}; save the page in a browser and run "
                         f"{fetch_by_hand(corpus, s)}") from None
    return _store(corpus, s, doc, target, force=force)


_FOOTNOTE_MARK = re.compile(r"[\[(]?\*?\d{1,3}[\])]?|\*")
_EDITOR_CLASSES = {"information", "info", "note", "notes", "editor", "footer", "toc"}


def _clean_html(raw: bytes, charset: str, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode a page as a browser would and drop what is not the author's text: scripts,
    editor's notes, note markers. Returns (HTML, warnings from decoding)."""
    import lxml.html

    from .read.charset import decode_text
    from .read import parse_html

    text, warnings = decode_text(raw, source=source, fmt="html", declared=charset)
    root = parse_html(text)
    if root is None:
        raise InputError(f"{source}: the page is empty; check it is the page itself")
    for el in root.xpath("//script | //style | //sup | //a[starts-with(@href, '#')] | //*[@class]"):
        if el.getparent() is None:
            continue
        classes = set((el.get("class") or "").lower().split())
        mark = _FOOTNOTE_MARK.fullmatch(el.text_content().strip())
        if el.tag in ("script", "style") or classes & _EDITOR_CLASSES or (
                el.tag in ("sup", "a") and mark):
            el.drop_tree()
    html = lxml.html.tostring(root, encoding="unicode")
    return re.sub(r"\s?\[\d{1,3}\]", "", html), warnings


def _through(doc: Document, end: str) -> Document:
    """Keep paragraphs up to and including the first short one holding `end` (a date line).

    `read.cut_section` ends a section before its end marker; here the marker is the date
    line that closes the text, part of it (the translation ends with "March 1925" too).
    """
    key = end.replace("\xa0", " ").casefold()
    folded = [p.replace("\xa0", " ").casefold().rstrip(" .") for p in doc.paragraphs]
    # A line of its own holding the date; failing that, a paragraph that ends with it.
    found = [i for i, p in enumerate(folded) if len(p) <= 80 and key in p] or \
            [i for i, p in enumerate(folded) if p.endswith(key)]
    if found:
        i = found[0]
        return replace(doc, paragraphs=doc.paragraphs[:i + 1], italics=doc.italics[:i + 1],
                       levels=doc.levels[:i + 1], headings=frozenset(h for h in doc.headings if h <= i))
    raise SectionNotFound(f"{doc.source or 'text'}: the end line {end!r} was not found")


def _cut(doc: Document, side: CorpusSide, *, lenient: bool = False) -> Document:
    """The side's section: from its heading through its end line.

    `lenient` (a text file the user gave): a text without the heading is taken as the
    section itself, and then needs no end line either.
    """
    from .read import cut_section

    if side.section:
        try:
            doc = cut_section(doc, heading=side.section)
        except SectionNotFound:
            if not lenient:
                raise
            return doc
    return _through(doc, side.end) if side.end else doc


def _document_from_html(raw: bytes, charset: str, side: CorpusSide, source: str, *,
                        saved: bool = False) -> Document:
    """The side's section of a page: downloaded, or `saved` by the user (--file, an upload),
    where a missing section means the wrong page (or a part of it), not a changed one."""
    from .read import read_text

    try:
        html, warnings = _clean_html(raw, charset, source)
        doc = _cut(read_text(html, fmt="html", source=source), side)
        return replace(doc, warnings=doc.warnings + warnings)
    except SectionNotFound as exc:
        heading = "heading" in str(exc)
        if saved:
            raise _not_in_file(source, side, heading=heading) from None
        raise FetchError(f"{source} {_lacks(side, heading)}: a different page (--url), or the "
                         f"page has changed") from None


def fetched_format(side: CorpusSide, url: str, raw: bytes) -> str:
    """How to read a download: the manifest's `format`, else the URL's suffix, else what the
    bytes show (a PDF, an EPUB, a DOCX), else HTML (a web page). Why: every download was read
    as HTML, so a plain-text file lost its paragraphs (one paragraph of 37 sentences, the
    heading glued to the first) and a PDF was 'binary data'."""
    from urllib.parse import urlparse

    from .read.files import SUFFIXES, sniff_format

    if side.format:
        return "text" if side.format in ("txt", "plain") else side.format
    return SUFFIXES.get(Path(urlparse(url).path).suffix.lower()) or sniff_format(raw) or "html"


def _document_from_bytes(raw: bytes, charset: str, fmt: str, side: CorpusSide,
                         source: str) -> Document:
    """A downloaded text, Markdown file or book, cut to the side's section."""
    from .read import read_bytes

    try:
        return _cut(read_bytes(raw, fmt=fmt, source=source, declared=charset), side)
    except SectionNotFound as exc:
        raise FetchError(f"{source} {_lacks(side, 'heading' in str(exc))}: a different file "
                         f"(--url), or the file has changed") from None


def _lacks(side: CorpusSide, heading: bool) -> str:
    """What a page or file lacks: the section's heading, or its end line."""
    return (f"does not hold the section headed {side.section!r}" if heading
            else f"holds the section {side.section!r} but not its end line {side.end!r}")


def _not_in_file(name: str, side: CorpusSide, *, heading: bool) -> FetchError:
    """A file the user gave lacks the section (or its end line): the wrong page, or a part."""
    return FetchError(f"{name} {_lacks(side, heading)}: give the whole page saved from "
                      f"{side.url or 'the manifest URL'}, or a text file holding just that "
                      f"section")


def _document_from_file(path: Path, side: CorpusSide, name: str) -> Document:
    """A side the user saved: the whole page (cut to the section) or the section alone."""
    from .read import read_file, read_input_bytes

    try:
        if path.suffix.lower() in (".htm", ".html", ".xhtml"):
            return _document_from_html(read_input_bytes(path), "", side, name, saved=True)
        return _cut(read_file(path, source=name), side, lenient=True)
    except SectionNotFound:  # a text without the heading is the section: its end is missing
        raise _not_in_file(name, side, heading=False) from None
    except AlignmentError as exc:
        raise FetchError(str(exc)) from None


#: A kept text shorter than a quarter or longer than four times the other side is suspect
#: (the English side may hold front matter and notes, so the band is wide).
LENGTH_BAND = (0.25, 4.0)


def _other_length(corpus: Corpus, side: CorpusSide) -> int:
    """Characters of the other side's text, 0 when it is not at hand."""
    other = corpus.tgt if side.side == "src" else corpus.src
    try:
        return len(side_path(corpus, other).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return 0


#: How a misfit reads; `_store` refuses a text in another language even on a first fetch.
OTHER_LANGUAGE = "looks like language"


def _misfits(corpus: Corpus, side: CorpusSide, text: str) -> list[tuple[str, str]]:
    """(what is wrong, the question to ask) for each way `text` does not look like the side
    the manifest describes: another language than its `lang`, a length far from the other
    side's."""
    from .lang import detect_language, primary

    found_misfits = []
    found = detect_language(text)
    if found and found != primary(side.lang):
        found_misfits.append((f"{OTHER_LANGUAGE} {found!r}, but the manifest says "
                              f"{side.lang!r}", "is it the right text?"))
    other = _other_length(corpus, side)
    if other and not LENGTH_BAND[0] <= len(text) / other <= LENGTH_BAND[1]:
        found_misfits.append((f"has {len(text):,} characters and the other side {other:,}",
                              "is it the right text and section?"))
    return found_misfits


def plausibility_warnings(corpus: Corpus, side: CorpusSide, text: str) -> list[str]:
    """Warnings when `text` does not look like the side the manifest describes: another
    language than its `lang`, or a length far from the other side's."""
    return _as_warnings(corpus, side, _misfits(corpus, side, text))


def _as_warnings(corpus: Corpus, side: CorpusSide, misfits: list[tuple[str, str]]) -> list[str]:
    return [f"the kept text of {corpus.id} {side.side} {what}: {question}"
            for what, question in misfits]


def _store(corpus: Corpus, side: CorpusSide, doc: Document, source: str, *,
           force: bool = False) -> FetchResult:
    from .atomic import atomic_write_text
    from .segment import segment

    text = "\n\n".join(doc.paragraphs) + "\n"
    digest = sha256_text(text)
    path = fetch_target(corpus, side)   # never the earlier cache inside the checkout
    misfits = _misfits(corpus, side, text)
    cached = side_path(corpus, side).is_file()
    if misfits and not force and (cached or any(w.startswith(OTHER_LANGUAGE) for w, _ in misfits)):
        kept = "the cached copy is kept" if cached else "nothing was kept"
        raise FetchRefused(f"{source}: refused: the kept text of {corpus.id} {side.side} "
                           f"({side.lang}) " + ", and it ".join(what for what, _ in misfits) +
                           f"; {kept}: check it is the right text and section",
                           f"or run again with --force to {'replace it' if cached else 'take it'} anyway")
    warnings = [*doc.warnings, *_as_warnings(corpus, side, misfits)]
    recorded = side.sha256 or _recorded_sha(corpus, side)
    if recorded and recorded != digest:
        warnings.append(f"the text of {corpus.id} {side.side} differs from the one recorded "
                        f"(sha256 {recorded[:12]}…, now {digest[:12]}…): the source changed; "
                        f"check it before trusting old alignments")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        record = {"source": source, "sha256": digest, "paragraphs": len(doc.paragraphs),
                  "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        atomic_write_text(path.with_suffix(".json"), json.dumps(record, indent=2) + "\n")
    except OSError as exc:
        raise FetchError(f"cannot write the cache {path.parent} ({exc.strerror}); set "
                         f"ALIGNMENT_CACHE_DIR (or, for fetched sides alone, "
                         f"ALIGNMENT_CORPORA_CACHE) to a writable folder") from None
    return FetchResult(path=path, sha256=digest, source=source, warnings=tuple(warnings),
                       paragraphs=len(doc.paragraphs), sentences=len(segment(doc, side.lang)),
                       first=doc.paragraphs[0], last=doc.paragraphs[-1])
