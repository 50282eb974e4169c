"""Opening a version set: the start page's "Compare versions" section, the set read with the
corrections of its pair POs joined in, and what is said when a set cannot be shown.

Split out of views/versions.py (the page that draws an open set), which re-exports
`open_set` and `open_section`. Which pair POs are joined is decided from the files' content
(alignment.versions_pairs), never from their times: a set rewritten after a correction
hid it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from alignment.errors import AlignmentError
from alignment.types import VersionSet

from .common import md, uninterrupted

PAIR_OPEN = "vs_pair_open"   # (set path, pair PO path) while a pair opened from a set is read


@st.cache_resource(max_entries=4, show_spinner="Reading the version set…")
def _load(path: str, mtime: float) -> VersionSet:
    """A parsed set, shared while the file is unchanged (a VersionSet is immutable)."""
    from alignment.versions_io import read_set_tmx
    return read_set_tmx(path)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@st.cache_resource(max_entries=4, show_spinner="Reading the corrections of its pairs…")
def _merged(path: str, stamps: tuple, _vs: VersionSet) -> tuple[VersionSet, list, list]:
    """The set with its pair POs joined in, and the notes and warnings saying so; the files'
    times and sizes only key this cache: what is joined is decided from their content."""
    from alignment.versions_pairs import describe, merged_set

    vs, states = merged_set(_vs, path)
    notes, warnings = describe(_vs, states, path)
    return vs, notes, warnings


def open_set(path: Path) -> None:
    """Make the set at `path` the open one, with the pairs whose PO beside it differs from
    the set's (a person's corrections, saved there) joined in and said; the set as it is on
    disk is kept too (`vs_as_saved`), for the page's "as in SET.tmx alone"."""
    from alignment.versions_names import set_files
    from alignment.versions_pairs import pair_pos

    raw = _load(str(path.resolve()), path.stat().st_mtime)
    pos = pair_pos(raw.texts, path)
    stamps = (_stamp(path), *((str(p), _stamp(p)) for p in pos.values()))
    vs, notes, warnings = _merged(str(path.resolve()), stamps, raw)
    with uninterrupted():   # a click meanwhile finds the old set or the new one, not half of each
        st.session_state.pop(PAIR_OPEN, None)
        st.session_state.pop("vs_as_set", None)
        st.session_state.update(version_set=vs, vs_path=str(path), vs_page=0,
                                vs_notes=tuple(notes), vs_warnings=tuple(warnings),
                                vs_as_saved=raw if vs is not raw else None,
                                vs_files=set_files(path))


def gone_said(set_path: str, po_path: str) -> str:
    """Why the reader's "Close (back to the set)" came to the start page: the set was deleted
    or moved while its pair was open (it dropped here without a word)."""
    po = Path(po_path)
    where = (f"your corrections to the pair are saved in {po}: open it under 'Open a PO file'"
             if po.is_file() else f"the pair's file {po} is no longer there either")
    return (f"The version set {Path(set_path).name} is no longer at {set_path} (deleted or "
            f"moved while one of its pairs was open), so Close came back here; {where}.")


def _say_set_gone() -> None:
    """A pair opened from a set was closed and the set could not be opened again because its
    file is gone: said at the top of the start page (its flash_warn), once."""
    ss = st.session_state
    opened = ss.pop(PAIR_OPEN, None)
    if opened and "history" not in ss and not Path(opened[0]).is_file():
        ss.flash_warn = [*ss.get("flash_warn", []), gone_said(*opened)]
        st.rerun()


def open_section() -> None:
    """Start page: open a version set written by `alignment align ORIGINAL V1 V2 -o SET.tmx`."""
    _say_set_gone()
    st.subheader("Compare versions")
    st.caption("An original and several translations (or a translation and its revision) in "
               "columns: upload them here, or open a set written by "
               "`alignment align ORIGINAL V1 V2 -o set.tmx`.")
    upload_section()
    path = st.text_input("…or the path of a version set (.tmx)", key="vs_path_input")
    if st.button("Open set", key="vs_open") and path:
        from alignment.versions_io import folder_said

        target = Path(path).expanduser()
        if target.is_dir():
            st.error(md(folder_said(target)))
        elif not target.is_file():
            st.error(f"{md(str(target))}: no such file; give the path of a .tmx written by "
                     f"alignment")
        else:
            open_set(target)
            st.rerun()


def upload_section() -> None:
    """An original and two or more versions uploaded here, aligned under the button (progress
    bar and all) and opened as a set: no command line needed to compare translations."""
    from .common import FORMATS

    left, right = st.columns(2)
    original = left.file_uploader("Original", type=list(FORMATS), key="vs_up_src")
    versions = right.file_uploader("Versions (two or more; text, HTML, Markdown, EPUB, DOCX, "
                                   "ODT or PDF)", type=list(FORMATS), accept_multiple_files=True,
                                   key="vs_up_versions")
    files = [f for f in (original, *(versions or [])) if f is not None]
    langs = _languages_box(files)
    ready = original is not None and len(versions or []) >= 2
    if st.button("Align and compare", key="vs_align", type="primary", disabled=not ready,
                 help=None if ready else "Upload an original and at least two versions"):
        try:
            target = align_uploaded_set(files, langs)
        except AlignmentError as exc:
            st.error(md(str(exc)))
        else:
            open_set(target)
            st.rerun()


def _languages_box(files: Sequence[Any]) -> list[str]:
    """The texts' languages, original first: detected for each text uploaded, editable (a
    text added later leaves the others' languages as they were, typed or not); a
    warning under the box when a language typed is not the one its text surely is, as the
    pair's language box says (an English file typed as es was aligned as Spanish unsaid)."""
    from alignment import workspace
    from alignment.lang import sure_language
    from alignment.read import sample_text
    from alignment.versions_check import kept_languages, language_warning

    ids = tuple(f.file_id for f in files)
    if files and st.session_state.get("vs_langs_for") != ids:
        samples = [sample_text(f.name, f.getvalue()) for f in files]
        langs = kept_languages(st.session_state.get("vs_langs_for") or (),
                               st.session_state.get("vs_langs", ""), ids,
                               lambda k: workspace.guess_language(samples[k]) or "?")
        st.session_state.update(vs_langs_for=ids, vs_langs=langs,
                                vs_langs_sure=[sure_language(sample) for sample in samples])
    text = st.text_input("Languages, original first (detected; correct them if need be)",
                         key="vs_langs", disabled=not files)
    langs = [code.strip() for code in text.split(",") if code.strip()]
    sure = st.session_state.get("vs_langs_sure", []) if files else []
    said = language_warning([f.name for f in files], sure, langs, "as typed above",
                            " before Align: each text is split into sentences and compared in "
                            "the language given") if len(langs) == len(files) == len(sure) else None
    if said:
        st.warning(md(said))
    return langs


def align_uploaded_set(files: Sequence[Any], langs: Sequence[str]) -> Path:
    """workspace.align_uploaded_set on the uploads, with this session's folder and a bar."""
    from alignment import workspace

    from .common import EMBEDDER, embedder, st_progress, upload_dir

    target = workspace.align_uploaded_set([(f.name, f.getvalue()) for f in files], langs,
                                          embedder=embedder(EMBEDDER), folder=upload_dir(),
                                          progress=st_progress("Aligning the versions"))
    sure = st.session_state.get("vs_langs_sure") or []
    if len(sure) == len(files):
        keep_language_notes(target, [f.name for f in files], sure)
    return target


def keep_language_notes(path: Path, files: Sequence[str], found: Sequence[str | None]) -> None:
    """The languages typed that the texts contradict, kept in the set's TMX (x-warning) so
    its page says them each time it opens, as the CLI's set does: the box's warning before
    Align was the only word, gone once the set was open."""
    from alignment.versions import with_read_warnings
    from alignment.versions_check import language_notes
    from alignment.versions_io import read_set_tmx, write_set_tmx
    from alignment.versions_names import set_files

    vs = read_set_tmx(path)
    notes = language_notes(vs.texts, files, found)
    kept = {w for ws in vs.warnings for w in ws}
    if all(line in kept for said in notes for line in said):
        return   # none, or kept already (the same uploads open the set written before)
    write_set_tmx(with_read_warnings(vs, notes), path, set_files(path))
