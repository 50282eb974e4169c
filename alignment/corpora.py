"""Corpora: folders under `corpora/` holding a manifest and the texts of a bilingual pair.

A corpus is a folder with a `corpus.toml` manifest (read with the standard library's
`tomllib`): id, title, author, date, languages, licence, provenance, and one table per side
(`[src]`, `[tgt]`) giving either a bundled `file` or a `url` plus the `section` (heading) and
`end` (last paragraph, inclusive) to keep. A side that comes from the web is downloaded once
(`fetch_side`) into the tool's cache, <cache root>/corpora/<id>/ (cache_root.py:
ALIGNMENT_CACHE_DIR, by default ~/.cache/alignment; `ALIGNMENT_CORPORA_CACHE` names another
folder for fetched sides alone), with its sha256 recorded beside it so that a changed page or
an altered cache is noticed. A side fetched before into the corpus's own `cache/` folder is
still read there. The corpora are those of `corpora_root()`: $ALIGNMENT_CORPORA_DIR, else the
bundled corpora/ (the CLI and the app alike). A bundled `file` is checked
against the manifest's `sha256` before it is read (`check_bundled`): an edited or overwritten
text is refused, not aligned. The corpus's own files (`corpus_files`) are never an output
(`check_outputs_not_in_corpus`, used by `alignment corpus build`).

Fetching (download, cleaning, the section cut, the checks on what was kept) is
`alignment.corpus_fetch`'s; its names stay importable from here. The URL can be overridden
per call (`url=`) or by the environment variable `ALIGNMENT_<ID>_<SIDE>_URL` (e.g.
`ALIGNMENT_SERGE_1926_SRC_URL`), which the tests use to point at a local server: nothing
here ever invents the text of a side.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import CorpusError, InputError
from .progress import Progress, no_progress
from .types import Bitext, Document, Side

CORPORA_DIR = Path(__file__).resolve().parent.parent / "corpora"
SideState = Literal["bundled", "cached", "missing"]

#: Names of corpus_fetch served from here; looked up on use, since corpus_fetch imports this module.
_FETCH_NAMES = frozenset({"LENGTH_BAND", "MAX_BYTES", "FetchResult", "fetch_side",
                          "plausibility_warnings"})


def __getattr__(name: str) -> Any:
    if name in _FETCH_NAMES:
        from . import corpus_fetch

        return getattr(corpus_fetch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def corpora_root() -> Path:
    """$ALIGNMENT_CORPORA_DIR, else the bundled corpora/: the CLI's --corpora default, and the
    app's (which used to list the bundled folder whatever the variable said)."""
    env = os.environ.get("ALIGNMENT_CORPORA_DIR")
    return Path(env).expanduser() if env else CORPORA_DIR


def list_corpora(root: Path | None = None) -> list[Corpus]:
    """Every corpus folder under `root` (default `corpora_root()`), sorted by id."""
    root = root or corpora_root()
    if not root.is_dir():
        raise CorpusError(f"no corpora folder at {root}; run from the project checkout")
    return sorted((read_manifest(d) for d in root.iterdir() if (d / "corpus.toml").is_file()),
                  key=lambda c: c.id)


def load_corpus(corpus_id: str, root: Path | None = None) -> Corpus:
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
    """Where sides are fetched to: `$ALIGNMENT_CORPORA_CACHE/<id>/`, else
    `<cache root>/corpora/<id>/` (never inside the checkout, whose folder may be read-only)."""
    from .cache_root import cache_root

    override = os.environ.get("ALIGNMENT_CORPORA_CACHE")
    return Path(override) / corpus.id if override else cache_root() / "corpora" / corpus.id


def earlier_cache_dir(corpus: Corpus) -> Path:
    """`<corpus>/cache/`, where sides were fetched to before: still read (`cached_file`)."""
    return corpus.path / "cache"


def cached_file(corpus: Corpus, name: str) -> Path:
    """The file `name` of the corpus's cache: in `cache_dir`, else in `earlier_cache_dir` when
    only that one holds it (a side fetched before is not fetched again), else in `cache_dir`."""
    path = cache_dir(corpus) / name
    earlier = earlier_cache_dir(corpus) / name
    return earlier if not path.exists() and earlier.is_file() else path


def fetch_target(corpus: Corpus, side: CorpusSide) -> Path:
    """Where a fetch writes the side's text (its record beside it): always `cache_dir`."""
    return cache_dir(corpus) / f"{side.side}.txt"


def side_path(corpus: Corpus, side: CorpusSide) -> Path:
    """The text file of a side: the bundled file, or the cached download."""
    if side.file:
        return corpus.path / side.file
    return cached_file(corpus, f"{side.side}.txt")


def side_state(corpus: Corpus, side: CorpusSide) -> SideState:
    """'bundled' (shipped file), 'cached' (fetched already) or 'missing' (fetch it first)."""
    if side.file:
        return "bundled" if side_path(corpus, side).is_file() else "missing"
    return "cached" if side_path(corpus, side).is_file() else "missing"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corpus_files(corpus: Corpus) -> list[Path]:
    """The corpus's own files, which no output may overwrite: every file of its folder (the
    manifest, the README, the bundled texts), and each fetched side's cached text and record
    (in either cache, present or not). Other files in the cache folders (a PO the app
    wrote there) are not the corpus's."""
    caches = (cache_dir(corpus), earlier_cache_dir(corpus))
    files = [p for p in sorted(corpus.path.rglob("*"))
             if p.is_file() and not any(_inside(p, c) for c in caches)]
    for side in (corpus.src, corpus.tgt):
        files.append(side_path(corpus, side))
        if side.url:
            text = side.side + ".txt"
            files += [c / name for c in caches for name in (text, side.side + ".json")]
    return files


def _inside(path: Path, folder: Path) -> bool:
    return folder.resolve() in path.resolve().parents


def check_outputs_not_in_corpus(corpus: Corpus,
                                outputs: list[tuple[str, str | os.PathLike | None]]) -> None:
    """CorpusError when an output (option, path) would overwrite one of `corpus_files`: a
    bundled text replaced by a TSV is silently lost (and the Serge English must stay as given).
    '-' (standard output) and None are skipped."""
    from .export import same_file

    files = corpus_files(corpus)
    for option, value in outputs:
        if value is None or os.fspath(value) == "-":
            continue
        for own in files:
            if same_file(Path(value), own):
                same = "" if os.fspath(value) == str(own) else f" ({own})"
                raise CorpusError(f"{option} {value} is a file of corpus {corpus.id}{same}; "
                                  f"writing there would destroy it: choose another file "
                                  f"(a new name: none of the corpus's manifest, README, "
                                  f"texts or fetched copies)")


def _record_path(corpus: Corpus, side: CorpusSide) -> Path:
    """The record (source, sha256) beside the side's text, in whichever cache holds it."""
    return side_path(corpus, side).with_suffix(".json")


def _recorded_sha(corpus: Corpus, side: CorpusSide) -> str:
    path = _record_path(corpus, side)
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("sha256", ""))
    except (OSError, ValueError):
        return ""


# ---------------------------------------------------------------- where to fetch from

def side_url(corpus: Corpus, side: CorpusSide, url: str | None = None) -> str:
    """The URL to fetch: the argument, else $ALIGNMENT_<ID>_<SIDE>_URL, else the manifest's."""
    env = "ALIGNMENT_" + re.sub(r"[^A-Z0-9]+", "_", f"{corpus.id}_{side.side}".upper()) + "_URL"
    return url or os.environ.get(env) or side.url


def fetch_by_hand(corpus: Corpus, side: CorpusSide) -> str:
    """The command that supplies a side from a saved file (--side only when it is needed)."""
    fetched = [s for s in (corpus.src, corpus.tgt) if s.url]
    which = f" --side {side.side}" if len(fetched) > 1 else ""
    return f"`alignment corpus fetch {corpus.id}{which} --file PATH`"


# ---------------------------------------------------------------- building

def _restore_hint(path: Path) -> str:
    """How to get a bundled file back: git, when it lies in this checkout."""
    checkout = CORPORA_DIR.parent
    try:
        rel = path.resolve().relative_to(checkout)
    except ValueError:
        return "restore it from the project's corpora/ folder"
    return f"restore it (git -C {checkout} checkout -- {rel.as_posix()})"


def check_bundled(corpus: Corpus, side: CorpusSide) -> None:
    """CorpusError when a bundled text's bytes differ from the sha256 its manifest records.

    Why: alignments and proofreading refer to this exact text (the Serge English keeps its
    typing slips for the checks to find); an overwritten or edited copy must not build
    silently. Someone changing a text on purpose records its new sha256 in the manifest.
    """
    if not side.file or not side.sha256:
        return
    path = side_path(corpus, side)
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != side.sha256.strip().lower():
        raise CorpusError(
            f"{path} differs from its manifest (sha256 {actual[:12]}…, manifest "
            f"{side.sha256[:12]}…); {_restore_hint(path)} or, if you changed it on purpose, "
            f'set sha256 = "{actual}" in the [{side.side}] table of {corpus.path / "corpus.toml"}')


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
    if side.file:
        check_bundled(corpus, side)
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
                 config=None, root: Path | None = None) -> Bitext:
    """Read both sides of a corpus, segment, embed and align them."""
    from .pipeline import align_documents

    corpus = load_corpus(corpus_id, root)
    src_doc, tgt_doc = read_side(corpus, corpus.src), read_side(corpus, corpus.tgt)
    return align_documents(src_doc, tgt_doc, src_lang=corpus.src.lang,
                           tgt_lang=corpus.tgt.lang, embedder=embedder, config=config,
                           corpus_id=corpus.id, progress=progress)
