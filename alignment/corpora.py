"""Corpora: folders under `corpora/` holding a manifest and the texts of a bilingual pair.

A corpus is a folder with a `corpus.toml` manifest (read with the standard library's
`tomllib`): id, title, author, date, languages, licence, provenance, and one table per side
(`[src]`, `[tgt]`) giving either a bundled `file` or a `url` plus the `section` (heading) and
`end` (last paragraph, inclusive) to keep. A side that comes from the web is downloaded once
(`fetch_side`) into the corpus's `cache/` folder (ignored by git; `ALIGNMENT_CORPORA_CACHE`
moves it elsewhere, e.g. when the corpora folder is read-only), with its sha256 recorded
beside it so that a changed page or an altered cache is noticed.

Why standard `urllib` for the download: a single GET with a timeout and a size cap needs no
extra dependency; HTML is cleaned with lxml (footnote markers) and turned into paragraphs by
`alignment.read`. The URL can be overridden per call (`url=`) or by the environment variable
`ALIGNMENT_<ID>_<SIDE>_URL` (e.g. `ALIGNMENT_SERGE_1926_SRC_URL`), which the tests use to
point at a local server: nothing here ever invents the text of a side.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from .errors import AlignmentError, CorpusError, FetchError, InputError, SectionNotFound
from .progress import Progress, no_progress
from .types import Bitext, Document, Side

CORPORA_DIR = Path(__file__).resolve().parent.parent / "corpora"
MAX_BYTES = 20_000_000
SideState = Literal["bundled", "cached", "missing"]


@dataclass(frozen=True)
class CorpusSide:
    """One text of a corpus: bundled (`file`) or downloaded (`url`, cut to `section`..`end`)."""

    side: Side
    lang: str
    file: str = ""
    url: str = ""
    format: str = ""
    section: str = ""
    end: str = ""
    sha256: str = ""
    title: str = ""


@dataclass(frozen=True)
class Corpus:
    """A corpus manifest and the folder it lives in."""

    id: str
    title: str
    path: Path
    src: CorpusSide
    tgt: CorpusSide
    author: str = ""
    date: str = ""
    licence: str = ""
    provenance: str = ""

    @property
    def languages(self) -> tuple[str, str]:
        return (self.src.lang, self.tgt.lang)

    def side(self, name: str) -> CorpusSide:
        """A side by 'src'/'tgt' or by its language code."""
        for s in (self.src, self.tgt):
            if name in (s.side, s.lang):
                return s
        raise CorpusError(f"corpus {self.id!r} has no side {name!r}; "
                          f"use src, tgt, {self.src.lang} or {self.tgt.lang}")


@dataclass(frozen=True)
class FetchResult:
    """Where a fetched side was stored, its checksum, and anything the user should know."""

    path: Path
    sha256: str
    source: str
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- manifests

def _parse_side(data: dict, side: Side, where: Path) -> CorpusSide:
    table = data.get(side)
    if not isinstance(table, dict) or not table.get("lang"):
        raise CorpusError(f"{where}: missing [{side}] table with a 'lang' code")
    if bool(table.get("file")) == bool(table.get("url")):
        raise CorpusError(f"{where}: [{side}] needs exactly one of 'file' or 'url'")
    fields = {k: str(table.get(k, "")) for k in
              ("file", "url", "format", "section", "end", "sha256", "title")}
    return CorpusSide(side=side, lang=str(table["lang"]), **fields)


def read_manifest(folder: Path) -> Corpus:
    """Parse `folder/corpus.toml`; a malformed manifest raises CorpusError naming the file."""
    where = folder / "corpus.toml"
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{where}: no manifest; a corpus folder needs a corpus.toml") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{where}: not valid TOML ({exc}); fix the manifest") from None
    src, tgt = _parse_side(data, "src", where), _parse_side(data, "tgt", where)
    langs = data.get("languages", [src.lang, tgt.lang])
    if list(langs) != [src.lang, tgt.lang]:
        raise CorpusError(f"{where}: languages {langs} do not match the sides' "
                          f"[{src.lang!r}, {tgt.lang!r}]")
    meta = {k: str(data.get(k, "")) for k in ("author", "date", "licence", "provenance")}
    return Corpus(id=str(data.get("id", folder.name)), title=str(data.get("title", folder.name)),
                  path=folder, src=src, tgt=tgt, **meta)


def list_corpora(root: Path = CORPORA_DIR) -> list[Corpus]:
    """Every corpus folder under `root`, sorted by id."""
    if not root.is_dir():
        raise CorpusError(f"no corpora folder at {root}; run from the project checkout")
    return sorted((read_manifest(d) for d in root.iterdir() if (d / "corpus.toml").is_file()),
                  key=lambda c: c.id)


def load_corpus(corpus_id: str, root: Path = CORPORA_DIR) -> Corpus:
    """The corpus called `corpus_id`; an unknown id raises CorpusError listing the known ones."""
    corpora = list_corpora(root)
    for corpus in corpora:
        if corpus.id == corpus_id:
            return corpus
    known = ", ".join(c.id for c in corpora) or "none"
    raise CorpusError(f"unknown corpus {corpus_id!r}; known corpora: {known} "
                      f"(see `alignment corpus list`)")


# ---------------------------------------------------------------- cache and state

def cache_dir(corpus: Corpus) -> Path:
    """Where fetched sides live: `<corpus>/cache/`, or `$ALIGNMENT_CORPORA_CACHE/<id>/`."""
    override = os.environ.get("ALIGNMENT_CORPORA_CACHE")
    return Path(override) / corpus.id if override else corpus.path / "cache"


def side_path(corpus: Corpus, side: CorpusSide) -> Path:
    """The text file of a side: the bundled file, or the cached download."""
    if side.file:
        return corpus.path / side.file
    return cache_dir(corpus) / f"{side.side}.txt"


def side_state(corpus: Corpus, side: CorpusSide) -> SideState:
    """'bundled' (shipped file), 'cached' (fetched already) or 'missing' (fetch it first)."""
    if side.file:
        return "bundled" if side_path(corpus, side).is_file() else "missing"
    return "cached" if side_path(corpus, side).is_file() else "missing"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_path(corpus: Corpus, side: CorpusSide) -> Path:
    return cache_dir(corpus) / f"{side.side}.json"


def _recorded_sha(corpus: Corpus, side: CorpusSide) -> str:
    path = _record_path(corpus, side)
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("sha256", ""))
    except (OSError, ValueError):
        return ""


# ---------------------------------------------------------------- fetching

def side_url(corpus: Corpus, side: CorpusSide, url: str | None = None) -> str:
    """The URL to fetch: the argument, else $ALIGNMENT_<ID>_<SIDE>_URL, else the manifest's."""
    env = "ALIGNMENT_" + re.sub(r"[^A-Z0-9]+", "_", f"{corpus.id}_{side.side}".upper()) + "_URL"
    return url or os.environ.get(env) or side.url


def fetch_by_hand(corpus: Corpus, side: CorpusSide) -> str:
    """The command that supplies a side from a saved file (--side only when it is needed)."""
    fetched = [s for s in (corpus.src, corpus.tgt) if s.url]
    which = f" --side {side.side}" if len(fetched) > 1 else ""
    return f"`alignment corpus fetch {corpus.id}{which} --file PATH`"


def fetch_side(corpus: Corpus, side: str | CorpusSide, *, file: Path | str | None = None,
               url: str | None = None, timeout: float = 20,
               max_bytes: int = MAX_BYTES) -> FetchResult:
    """Download a side (or take `file`), keep its section, cache it, record its checksum.

    Why cache: the page is large and the network may be gone next time; why a checksum:
    alignments and proofreading notes refer to this exact text, so a change must be seen.
    """
    s = corpus.side(side) if isinstance(side, str) else side
    if s.file:  # never overwrite a bundled text (the Serge English must stay as given)
        raise FetchError(f"{corpus.id} {s.side} ({s.lang}) is bundled as {s.file}; "
                         f"there is nothing to fetch")
    if file is not None:
        return _store(corpus, s, _document_from_file(Path(file), s), str(file))
    target = side_url(corpus, s, url)
    try:
        raw, charset = download(target, timeout=timeout, max_bytes=max_bytes)
        doc = _document_from_html(raw, charset, s, target)
    except AlignmentError as exc:
        raise FetchError(f"{exc}; save the page in a browser and run "
                         f"{fetch_by_hand(corpus, s)}") from None
    return _store(corpus, s, doc, target)


def download(url: str, *, timeout: float = 20, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """GET `url` within `timeout` seconds in all and `max_bytes`; returns (body, charset or '')."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http(s) URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "alignment-corpus-fetch/1"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            if int(resp.headers.get("Content-Length") or 0) > max_bytes:
                raise FetchError(f"{url}: response larger than {max_bytes:,} bytes")
            chunks, size = [], 0
            while chunk := resp.read(65536):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: response larger than {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise TimeoutError
            return b"".join(chunks), resp.headers.get_content_charset() or ""
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP error {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({exc.reason}), perhaps offline") from None
    except TimeoutError:
        raise FetchError(f"{url}: no complete answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: network error ({exc})") from None


_FOOTNOTE_MARK = re.compile(r"[\[(]?\*?\d{1,3}[\])]?|\*")
_EDITOR_CLASSES = {"information", "info", "note", "notes", "editor", "footer", "toc"}


def _clean_html(raw: bytes, charset: str) -> str:
    """Decode a page and drop what is not the author's text: scripts, editor's notes, note markers."""
    import lxml.html
    from charset_normalizer import from_bytes

    if not charset and not re.search(rb"<meta[^>]+charset", raw[:4096], re.I):
        best = from_bytes(raw).best()
        charset = best.encoding if best else "utf-8"
    parser = lxml.html.HTMLParser(encoding=charset or None)
    root = lxml.html.document_fromstring(raw, parser=parser)
    for el in root.xpath("//script | //style | //sup | //a[starts-with(@href, '#')] | //*[@class]"):
        if el.getparent() is None:
            continue
        classes = set((el.get("class") or "").lower().split())
        mark = _FOOTNOTE_MARK.fullmatch(el.text_content().strip())
        if el.tag in ("script", "style") or classes & _EDITOR_CLASSES or (
                el.tag in ("sup", "a") and mark):
            el.drop_tree()
    html = lxml.html.tostring(root, encoding="unicode")
    return re.sub(r"\s?\[\d{1,3}\]", "", html)


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
        return Document(doc.paragraphs[:i + 1], source=doc.source, title=doc.title,
                        headings=frozenset(h for h in doc.headings if h <= i))
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


def _document_from_html(raw: bytes, charset: str, side: CorpusSide, source: str) -> Document:
    from .read import read_text

    try:
        return _cut(read_text(_clean_html(raw, charset), fmt="html", source=source), side)
    except SectionNotFound as exc:
        what = (f"section {side.section!r} not found" if "heading" in str(exc)
                else f"section {side.section!r} has no end line {side.end!r}")
        raise FetchError(f"{source}: the page has changed: {what}") from None


def _document_from_file(path: Path, side: CorpusSide) -> Document:
    """A side the user saved: the whole page (cut to the section) or the section alone."""
    from .read import read_file

    if not path.is_file():
        raise FetchError(f"{path}: no such file; give the saved page or the section as text")
    if path.suffix.lower() in (".htm", ".html", ".xhtml"):
        return _document_from_html(path.read_bytes(), "", side, str(path))
    try:
        return _cut(read_file(path), side, lenient=True)
    except AlignmentError as exc:
        raise FetchError(str(exc)) from None


def _store(corpus: Corpus, side: CorpusSide, doc: Document, source: str) -> FetchResult:
    from .po import atomic_write_text

    text = "\n\n".join(doc.paragraphs) + "\n"
    digest = sha256_text(text)
    warnings = []
    recorded = side.sha256 or _recorded_sha(corpus, side)
    if recorded and recorded != digest:
        warnings.append(f"the text of {corpus.id} {side.side} differs from the one recorded "
                        f"(sha256 {recorded[:12]}…, now {digest[:12]}…): the source changed; "
                        f"check it before trusting old alignments")
    path = side_path(corpus, side)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        record = {"source": source, "sha256": digest, "paragraphs": len(doc.paragraphs),
                  "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        atomic_write_text(_record_path(corpus, side), json.dumps(record, indent=2) + "\n")
    except OSError as exc:
        raise FetchError(f"cannot write the cache {path.parent} ({exc.strerror}); set "
                         f"ALIGNMENT_CORPORA_CACHE to a writable folder") from None
    return FetchResult(path=path, sha256=digest, source=source, warnings=tuple(warnings))


# ---------------------------------------------------------------- building

def read_side(corpus: Corpus, side: CorpusSide) -> Document:
    """The Document of one side, from its bundled file or its cached download."""
    from .read import read_file

    path = side_path(corpus, side)
    if not path.is_file():
        if side.file:
            raise CorpusError(f"{path}: bundled file of {corpus.id} is missing; restore it "
                              f"from git")
        raise CorpusError(f"{corpus.id} {side.side} ({side.lang}) is not fetched yet; run "
                          f"`alignment corpus fetch {corpus.id}` or, with a saved copy, "
                          f"{fetch_by_hand(corpus, side)}")
    if side.url:
        recorded = _recorded_sha(corpus, side)
        actual = sha256_text(path.read_text(encoding="utf-8"))
        if recorded and recorded != actual:
            raise CorpusError(f"{path}: changed since it was fetched (sha256 differs from "
                              f"{_record_path(corpus, side).name}); fetch it again")
    try:
        return read_file(path)
    except InputError as exc:
        raise CorpusError(f"{corpus.id} {side.side}: {exc}") from None


def build_corpus(corpus_id: str, *, embedder, progress: Progress = no_progress,
                 config=None, root: Path = CORPORA_DIR) -> Bitext:
    """Read both sides of a corpus, segment, embed and align them."""
    from .pipeline import align_documents

    corpus = load_corpus(corpus_id, root)
    src_doc, tgt_doc = read_side(corpus, corpus.src), read_side(corpus, corpus.tgt)
    return align_documents(src_doc, tgt_doc, src_lang=corpus.src.lang,
                           tgt_lang=corpus.tgt.lang, embedder=embedder, config=config,
                           corpus_id=corpus.id, progress=progress)
