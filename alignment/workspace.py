"""Where the app keeps files: uploads, aligned POs, the reading position; downloads.

Uploads of one browser session go to a private temp folder (`alignment-upload-*`), one
subfolder per side, so an original and a translation with the same file name
(fr/chapter1.txt and en/chapter1.txt) never overwrite each other. Streamlit has no
"session ended" hook, so a folder is removed when its text is closed and, for
sessions that just went away, by `sweep_stale` on the next start page (folders
untouched for a day). Aligned PO files are not uploads: they go to a lasting folder
in the tool's cache (<cache root>/aligned, cache_root.py: ALIGNMENT_CACHE_DIR, by default
~/.cache/alignment), and the app says where and offers to download them or save them
elsewhere (`save_copy`). Files kept before that variable was honoured are still found there.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .cache_root import cache_root, found_earlier
from .errors import InputError, POConflict, UploadError
from .export_download import export_bytes  # noqa: F401  (re-exported: the app calls workspace.export_bytes)
from .file_names import readable_filename
from .import_pairs import PAIR_FORMATS, pairs_format, read_pairs_noted
from .progress import Progress, no_progress
from .types import Bitext
from .versions_names import earlier_set, version_labels

MAX_UPLOAD_MB = 20
"""Upload limit; .streamlit/config.toml sets server.maxUploadSize to the same."""
PREFIX = "alignment-upload-"
STALE_AFTER_S = 24 * 3600


def new_upload_dir(root: Path | None = None) -> Path:
    """A fresh private folder for one session's uploads (mode 0700, as mkdtemp makes it)."""
    return Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))


def side_dir(directory: Path, side: str) -> Path:
    """The subfolder of one side ('src', 'tgt', 'po'...), created on demand."""
    folder = directory / side
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_upload_dir(directory: Path | str) -> None:
    """Delete a session's upload folder (only a folder this module made: name checked)."""
    path = Path(directory)
    if path.name.startswith(PREFIX) and path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def sweep_stale(root: Path | None = None, *, max_age_s: float = STALE_AFTER_S,
                now: float | None = None) -> list[Path]:
    """Remove upload folders untouched for `max_age_s` (sessions that went away); returns them."""
    base = Path(root or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    for folder in base.glob(f"{PREFIX}*"):
        try:
            newest = max([folder.stat().st_mtime]
                         + [p.stat().st_mtime for p in folder.rglob("*")])
        except OSError:
            continue
        if now - newest > max_age_s:
            remove_upload_dir(folder)
            removed.append(folder)
    return removed


def aligned_dir() -> Path:
    """Where the app writes the PO of texts it aligned: <cache root>/aligned."""
    return cache_root() / "aligned"


def aligned_path(src_name: str, tgt_name: str, digest: str) -> Path:
    """A lasting, readable name for an aligned pair: <src stem>--<tgt stem>-<digest>.po, the
    stems in their own script (the start page shows them: file_names.py), or the ASCII name
    an earlier version gave these texts where only that file is there (it holds corrections)."""
    stems = [readable_filename(Path(n).stem, "text", 80) for n in (src_name, tgt_name)]
    ascii_stems = [safe_filename(Path(n).stem, "text")[:40] for n in (src_name, tgt_name)]
    return _or_earlier_name(aligned_dir() / f"{stems[0]}--{stems[1]}-{digest[:8]}.po",
                            f"{ascii_stems[0]}--{ascii_stems[1]}-{digest[:8]}.po")


def _or_earlier_name(path: Path, ascii_name: str) -> Path:
    """`path` (found_earlier), or the file named `ascii_name` beside it when only that one exists."""
    path = found_earlier(path)
    earlier = found_earlier(path.with_name(ascii_name))
    return earlier if not path.exists() and earlier.exists() else path


def digest_of(texts: Iterable[bytes]) -> str:
    """One key for several files (each hashed apart, so 'ab'+'c' differs from 'a'+'bc')."""
    return hashlib.sha256(b"".join(hashlib.sha256(t).digest() for t in texts)).hexdigest()


def aligned_set_path(names: list[str], digest: str) -> Path:
    """Where the app writes a version set it aligned: aligned/<original stem>--N-versions-<digest>.tmx,
    the stem in its own script ('Рассказ--2-versions-…': the start page names the set by it),
    its pair POs beside it, so "Correct or learn" finds them, and the same uploads again
    open the set as it was, with the corrections saved to those POs."""
    stem = readable_filename(Path(names[0]).stem, "text", 80)
    return found_earlier(aligned_dir() / f"{stem}--{len(names) - 1}-versions-{digest[:8]}.tmx")


def align_uploaded_set(uploads: Sequence[tuple[str, bytes]], langs: Sequence[str], *,
                       embedder: Any, folder: Path, progress: Progress = no_progress) -> Path:
    """Align uploaded files (name, bytes), the original first, as a version set, and write it
    (TMX, and a PO per pair beside it) in the lasting folder; returns the set's path. The same
    uploads and languages again return the set already written, with the corrections saved to
    its pair POs. The uploads pass through `folder` (the session's) and are removed from it."""
    from .pipeline import align_version_documents
    from .read import read_file
    from .versions_io import write_pair_pos, write_set_tmx

    if len(langs) != len(uploads) or "?" in langs:
        raise InputError(f"give one language per text, original first ({len(uploads)} texts, e.g. "
                         f"fr, en, en); a '?' is a language that could not be detected")
    names = [_base_name(name) for name, _ in uploads]
    labels = version_labels(names, list(langs))
    # the file names count: the same texts uploaded under other names are another set
    digest = digest_of([*(data for _, data in uploads), ",".join(langs).encode(),
                        "\0".join(names).encode()])
    target = aligned_set_path(names, digest)
    if target.is_file():
        return target
    earlier = earlier_set([data for _, data in uploads], names, langs, labels)
    if earlier is not None:
        return earlier
    stored = [store_upload(name, data, side_dir(folder, f"text{n}"))
              for n, (name, data) in enumerate(uploads)]
    try:
        docs = [read_file(path, source=name) for path, (name, _) in zip(stored, uploads)]
    finally:
        for path in stored:
            path.unlink(missing_ok=True)
    vs = align_version_documents(docs, langs, embedder=embedder, title=Path(names[0]).stem,
                                 names=labels, progress=progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_pair_pos(vs, str(target)[:-4])   # its pair POs; joined into the set by content (versions_pairs.py)
    write_set_tmx(vs, target, files=dict(zip(labels, names)))
    return target


def pairs_digest(data: bytes, tgt_lang: str | None = None, src_lang: str | None = None) -> str:
    """What names a kept upload of pairs: its bytes and the languages chosen for it."""
    chosen = (tgt_lang or "") + (f"\0{src_lang}" if src_lang else "")
    return hashlib.sha256(data + chosen.encode()).hexdigest()


def keep_pairs_upload(name: str, data: bytes, directory: Path, tgt_lang: str | None = None,
                      src_lang: str | None = None, progress: Progress = no_progress) -> Path:
    """An uploaded TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file read as pairs (import_pairs.read_pairs; `tgt_lang`:
    the translation chosen in a multilingual TMX, or with `src_lang` the languages of a table
    that names none) and kept as a PO in the lasting folder, named for the upload's own bytes
    and those choices: the same file uploaded again opens the kept PO, with the corrections
    saved to it, not a fresh copy. Errors name the upload (ManyTranslations lists the languages
    to choose from, LanguagesUnknown asks for both); nothing is kept for a file that cannot be read.
    `progress` hears the reading (import_pairs.read_pairs_noted)."""
    from .po import bitext_to_po

    base = _base_name(name) or "pairs"
    _check_size(safe_filename(base), data, MAX_UPLOAD_MB)
    bitext, notes = read_pairs_noted(data, base, src_lang=src_lang, tgt_lang=tgt_lang, progress=progress)
    po = str(bitext_to_po(bitext, notes=notes)).encode("utf-8")   # a CAT tool's notes too
    stem = Path(base).stem + (f"-{tgt_lang}" if tgt_lang and not src_lang else "")
    stored = store_upload(f"{stem}.po", po, directory, max_mb=float("inf"))
    kept = keep_upload(stored, pairs_digest(data, tgt_lang, src_lang), f"{stem}.po")
    if pairs_format(base) in WRITTEN_BACK:   # kept beside it: the corrections go back into it
        original = kept.with_name(f"{kept.stem}{ORIGINAL}{Path(base).suffix.lower()}")
        if not original.is_file():
            atomic_write_bytes(original, data)
    return kept


ORIGINAL = ".original"   # <kept PO's stem>.original.<suffix>: the file of pairs uploaded
WRITTEN_BACK = ("xliff", "tmx", "xlsx", "ods", "docx", "csv", "tsv")   # formats the corrections go back into


def original_of(po: Path) -> Path | None:
    """The file a kept PO was imported from (one of WRITTEN_BACK), kept beside it, or None."""
    return next((p for suffix, fmt in PAIR_FORMATS.items() if fmt in WRITTEN_BACK
                 if (p := po.with_name(f"{po.stem}{ORIGINAL}{suffix}")).is_file()), None)


def corrected_original(bitext: Bitext, original: Path,
                       notes: Mapping[int, str] | None = None) -> tuple[bytes, str]:
    """A copy of the file the pairs came from (WRITTEN_BACK) with their corrections
    (write_back), and with `notes` ({link: note}) in a table's note column; and what was
    done, in words."""
    from .write_back import describe, write_back

    data, done = write_back(original.read_bytes(), original.name, bitext, notes=notes)
    return data, describe(done)


def keep_upload(stored: Path, digest: str, name: str = "") -> Path:
    """Move an uploaded PO into the lasting folder (aligned/uploaded/<stem>-<digest>.po, the
    stem `name`'s in its own script where given, else `stored`'s).

    The same upload again opens the kept file, with any corrections saved to it (under the
    ASCII name an earlier version kept it as, where only that one is there).
    """
    stem = readable_filename(Path(name).stem, stored.stem) if name else stored.stem
    target = _or_earlier_name(aligned_dir() / "uploaded" / f"{stem}-{digest[:8]}.po",
                              f"{stored.stem}-{digest[:8]}.po")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file():
        stored.unlink(missing_ok=True)
    else:
        shutil.move(str(stored), target)
    return target


def po_to_open(typed: str | os.PathLike[str]) -> Path:
    """The PO file a person typed the path of, or InputError saying what the path is instead.

    Why: the start page said "no such PO file" of a folder and of a text that was there,
    which sent people looking for a file they had; each case now says what is wrong."""
    from .po_files import read_po_bytes

    path = Path(os.fspath(typed).strip()).expanduser()
    if path.is_dir():
        inside = sorted(path.glob("*.po"))
        such = f", such as {inside[0]}" if inside else ""
        raise InputError(f"{path} is a folder; give the path of a .po file in it{such}")
    if path.is_file() and path.suffix.lower() != ".po":
        ends = f"it ends in {path.suffix}" if path.suffix else "its name has no .po ending"
        raise InputError(f"{path} is not a PO file ({ends}); to align a text with its "
                         "translation, use 'Align new texts'")
    read_po_bytes(path)  # missing or unreadable: the reader's own message
    return path


def keep_po_upload(name: str, data: bytes, directory: Path) -> Path:
    """Check an uploaded PO under its own name, then keep it (store_upload, keep_upload).

    Why check first: a broken upload was kept in the lasting folder before it was read, so
    its error named the copy (bad-822149b5.po) instead of the person's bad.po, and the
    broken copy stayed there. POFormatError / InputError name `name` and the line."""
    from .po_files import read_po_data

    stored = store_upload(name, data, directory)  # refuses one over the size limit
    try:
        read_po_data(_base_name(name) or stored.name, data)
    except Exception:
        stored.unlink(missing_ok=True)
        raise
    return keep_upload(stored, hashlib.sha256(data).hexdigest(), _base_name(name))


def save_copy(bitext: Bitext, target: str | os.PathLike[str]) -> Path:
    """Write `bitext` as a new PO at `target`; an existing file is never replaced.

    A name without a suffix gets '.po' ('copy' -> copy.po). A folder ('/tmp/x/texts/', or a
    folder that exists) is refused, as is another suffix ('copy.txt'): the copy used to
    become /tmp/x/texts.po, beside the folder, and copy.txt.po, and the app said so only
    after writing. Refusing, with the name to give, is a one-line fix for the person; putting
    the copy inside the folder would need a name they never chose, and 'copy.txt' may be a
    slip for any of copy.po, copy.txt.po, or the text itself.

    The copy is always marked as holding a person's corrections (X-Alignment-Edited, as Save
    marks the file): a person chose to keep it, and with the tool's checksum a later
    `alignment align -o` onto it replaced every correction in it without a word. Marking only
    a copy with corrections would need the version it was read from, and a wrong guess loses
    work; a copy marked needlessly costs one `--overwrite-edited`.
    """
    from .po import save_po

    raw = os.fspath(target).strip()
    if not raw:
        raise InputError("give the path of the new PO file, such as "
                         f"{Path.cwd() / 'name.po'}")
    path = Path(raw).expanduser()
    if raw.endswith(("/", os.sep)) or path.is_dir():
        raise InputError(f"{raw.rstrip('/' + os.sep)}{os.sep} is a folder; give a file name "
                         f"such as {path / 'name.po'}")
    if not path.suffix:
        path = path.with_name(path.name + ".po")
    elif path.suffix.lower() != ".po":
        raise InputError(f"{path.name} does not end in .po; give a name ending in .po, "
                         f"such as {path.with_suffix('.po')}")
    if path.exists():
        raise POConflict(f"{path} already exists; choose another file name")
    if not path.parent.is_dir():
        raise POConflict(f"{path.parent}: no such folder; create it or choose another place")
    save_po(bitext, path, expected_fingerprint="")   # "" : only where no file is, under its lock
    return path


# ---------------------------------------------------------------- reading position, uploads

def corpus_po(corpus_id: str, folder: Path, cached: Path) -> Path:
    """The one PO of a bundled corpus that the app opens and writes: `folder`/<id>.po,
    the file the README's `alignment corpus build <id> -o <id>.po` writes there.

    Why one: the app used to keep its own copy in the corpus cache (`cached`) beside the
    one the command wrote, so corrections could land in either. A copy an earlier version
    left there is moved into `folder` (with its recovery draft) when `folder` has none;
    where `folder` cannot be written, the cached path is the one.
    """
    from . import drafts

    here = folder / f"{corpus_id}.po"
    if here.is_file():
        return here
    if not (folder.is_dir() and os.access(folder, os.W_OK)):
        return cached
    if cached.is_file():
        try:
            shutil.move(cached, here)
        except OSError:
            return cached
        for n, draft in enumerate(drafts.drafts_of(cached)):   # every session's, kept apart
            drafts.write_draft(draft.bitext, here, base_fingerprint=draft.base_fingerprint,
                               changes=draft.changes, title=draft.title, key=draft.key,
                               session=f"moved{n}")
            drafts.discard(draft)
    return here


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, default: str = "upload") -> str:
    """A file name from a user reduced to [A-Za-z0-9._-], no directories, no leading dot."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE.sub("_", base).strip("._-")[:100]
    return base or default


def _base_name(name: str) -> str:
    """The file name of an upload, without the folders a browser on Windows may send."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _check_size(clean: str, data: bytes, max_mb: float) -> None:
    if len(data) > max_mb * 1024 * 1024:
        raise UploadError(f"{clean} is {len(data) / 2**20:.1f} MB, over the {max_mb:g} MB upload "
                          "limit; align such a text with the CLI (alignment align) instead")


def store_upload(name: str, data: bytes, directory: Path, *, max_mb: float | None = None) -> Path:
    """Write an uploaded file under `directory` (a temp dir) with a sanitised name."""
    clean = safe_filename(name)
    _check_size(clean, data, MAX_UPLOAD_MB if max_mb is None else max_mb)
    target = (directory / clean).resolve()
    if target.parent != directory.resolve():
        raise UploadError(f"cannot store the upload {clean!r}; rename the file and try again")
    atomic_write_bytes(target, data)
    return target


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure (see lang.detect_language)."""
    from .lang import detect_language

    return detect_language(text)
