"""State shared by the app's views: cached resources, opening a text, drafts of changes.

Widgets and session state only; the logic lives in the package (browse, drafts,
workspace, po), tested there.
"""

from __future__ import annotations

import functools
import os
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from alignment import browse, drafts, workspace
from alignment.errors import AlignmentError, POConflict
from alignment.kept import copy_of, lost_copy
from alignment.types import Bitext, VersionSet

ss = st.session_state
md = browse.md_text  # user text shown through Markdown (titles, file names, messages)
EMBEDDER = os.environ.get("ALIGNMENT_EMBEDDER", "use")
FORMATS = ("txt", "html", "htm", "md", "markdown", "epub", "docx", "odt", "pdf")
LANGS = ("fr", "en", "de", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja", "ko", "ar", "tr")


F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Session state read and written without Streamlit's check for a newer click.

    Why: Streamlit looks for a newer click at every session-state access, also inside a
    button's callback, and ends the callback there. "Apply and save" then Close on a
    5,000-link text: the callback wrote the PO and was ended before keeping the file's new
    fingerprint, so the next save said another program had changed the file. The check is
    Streamlit's own (SafeSessionState's yield callback, read in 1.67); on a release without
    it this does nothing, and tests/test_app.py fails to say so. The newer click is not
    lost: the run takes it as soon as the callbacks are done (runner.fastReruns is off,
    .streamlit/config.toml)."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    state = get_session_state()
    check = getattr(state, "_yield_callback", None)
    if check is None:
        yield
        return
    object.__setattr__(state, "_yield_callback", lambda: None)
    try:
        yield
    finally:
        object.__setattr__(state, "_yield_callback", check)


def callback(fn: F) -> F:
    """A widget callback, or another change of the session that must not stop half way
    (opening a text, taking a background job's result), run whole (`uninterrupted`): a
    correction, a save, a close is done entirely or not begun.

    An error a person can cause (AlignmentError: a file another program broke or removed)
    is kept for app.py to show as one line at the top of the page: raised from a callback,
    it was a traceback, since Streamlit runs callbacks before the page, outside its
    `except AlignmentError`."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        with uninterrupted():
            try:
                return fn(*args, **kwargs)
            except AlignmentError as exc:
                ss.callback_error = str(exc)
                return None
    return run  # type: ignore[return-value]


@st.cache_resource(show_spinner=False)
def warm_kernels() -> threading.Thread:
    """alignment.warm_up in a thread of its own, once per server: the compiled kernels of the
    first alignment on a machine made ready while the start page is read (10.5 s from "Align and
    open" to the reader on a first run, 1.9 s once compiled). A failure there costs nothing but
    that head start: the kernels compile on first use, as before."""
    from alignment.warm_up import in_background

    return in_background()


@st.cache_resource(show_spinner="Loading the sentence encoder…")
def embedder(name: str) -> Any:
    from alignment.pipeline import resolve_embedder
    return resolve_embedder(name)


def st_progress(label: str) -> Callable[[int, int, str], None]:
    """A progress callback drawing one bar where it is called (replay-safe in a cached call),
    once the work reports: a file refused before any work (no text in it) leaves no empty bar
    above its error."""
    from alignment.warm_up import noting_first_run

    bar: list[Any] = []

    def report(done: int, total: int, stage: str) -> None:
        if not bar:
            bar.append(st.progress(0.0, text=label))
        bar[0].progress(min(1.0, done / max(total, 1)), text=f"{label}: {stage} {done}/{total}")

    return noting_first_run(report)


@st.cache_data(show_spinner=False, max_entries=16)
def align_files(digest: str, src_lang: str, tgt_lang: str, model: str, _src: str,
                _tgt: str, _names: tuple[str, str] = ("", "")) -> Bitext:
    """Align two stored uploads; `digest` (of both files' bytes) keys the cache, not the paths.
    `_names`: the uploads' own names, for messages (not the temp folder's paths)."""
    from alignment.pipeline import align_documents
    from alignment.read import read_file

    report = st_progress("Aligning")
    src, tgt = (read_file(Path(p), source=n or None) for p, n in ((_src, _names[0]), (_tgt, _names[1])))
    return align_documents(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang,
                           embedder=embedder(model), progress=report)


@st.cache_data(show_spinner=False, max_entries=8)
def build_corpus(corpus_id: str, digest: str, model: str) -> Bitext:
    """Align a corpus; `digest` (of both sides' texts) keys the cache."""
    from alignment.corpora import build_corpus as build
    return build(corpus_id, embedder=embedder(model), progress=st_progress("Aligning"))


digest_of = workspace.digest_of  # one key for several uploads (the set upload uses it too)


def upload_dir() -> Path:
    """This session's private temp folder: uploads go there and nowhere else."""
    if "upload_dir" not in ss or not Path(ss.upload_dir).is_dir():
        ss.upload_dir = str(workspace.new_upload_dir())
    return Path(ss.upload_dir)


def memo(name: str, bitext: Bitext | VersionSet, key: Any, compute: Callable[[], Any]) -> Any:
    """Per-session memo of a value derived from the open Bitext or version set (search hits,
    findings, headings), kept while that very object is open."""
    slot = ss.setdefault("_memo", {})
    hit = slot.get(name)
    if hit is not None and hit[0] is bitext and hit[1] == key:
        return hit[2]
    value = compute()
    slot[name] = (bitext, key, value)
    return value


# ---------------------------------------------------------------- opening a text

def open_bitext(bitext: Bitext, *, path: Path, title: str, key: str,
                fingerprint: str | None = None) -> None:
    """Make `bitext` (stored at `path`) the open text; the reader resumes where it stopped.

    A recovery draft of this PO (unsaved changes from a reload or a crash) is offered: the
    newest one that differs from the file. This opening writes drafts of its own
    (`draft_session`), so the one offered stays on disk until the person answers. The draft of
    a tab that has this file open still is not offered (views/open_tabs.py): it is said. The
    opening is named in the URL (`open`), so a tab whose server restarted is told what it lost.
    """
    from alignment.po import file_fingerprint

    from .open_tabs import note_open, open_elsewhere

    from alignment.reader_place import load_place, load_position

    position = load_position(key) or 0   # Learn mode's, per text (a corpus's id)
    place = load_place(str(Path(path).resolve()))   # the reader's, per file: link, rows a page
    at = max(0, min(place.link, len(bitext.alignment.links) - 1)) if place else 0
    offered, elsewhere = [], []   # newest first
    for found in drafts.drafts_of(path):
        if open_elsewhere(found):
            elsewhere.append(found)
        elif found.bitext == bitext:
            drafts.discard(found)   # nothing to recover in it
        else:
            offered.append(found)
    draft = offered[0] if offered else None
    opening = secrets.token_hex(6)
    note_open(opening)
    with uninterrupted():   # a click meanwhile finds the old text or the new one, not half of each
        ss.update(history=browse.History(bitext), saved=bitext, path=str(path),
                  fingerprint=fingerprint or file_fingerprint(path), title=title, notes_key=key,
                  page_no=0, link=at, cursor=min(position, len(bitext.alignment.links) - 1),
                  place_link=None,
                  revealed=set(), conflict=None, flash=None, resumed=position, guard=None,
                  opened=True, recovery=draft, draft_session=opening,
                  reloads=[], reload_saves=[], unknown_base=None,   # views/saving.py's,
                  reload_info=None, recovered_origin=None)   # per opening
        if at > 0:   # its page, its row in view and selected (views/reader_place.reopen_script)
            ss.update(jump_to=at, place_scroll=(at, opening), opened=False)
        if place is not None and place.per_page is not None:
            ss.per_page = place.per_page
        if elsewhere:
            ss.flash_info = open_elsewhere_note(elsewhere)
        for key in ("_memo", "findings", "evidence", "word_job", "check_job", "restarted",
                    "place_note", "reveal_for"):   # views/reader_place.py's, of the text before
            ss.pop(key, None)
        st.query_params["open"] = opening   # views/start_drafts.restarted_note: what the tab had


def open_elsewhere_note(found: list[drafts.Draft]) -> str:
    """What to say when the file is open in another tab with unsaved corrections there."""
    n = sum(d.changes for d in found)
    return (f"This file is open in another tab too, with {counted(n, 'unsaved change')} there: "
            "save or discard them in that tab. Saved there, the next save here asks first "
            "(the file changed on disk).")


@st.cache_resource(max_entries=4, show_spinner="Reading the PO file…")
def load_po(path: str, fingerprint: str) -> Bitext:
    """A parsed PO, shared while the file is unchanged (a Bitext is immutable, so no copy)."""
    from alignment.po import read_po
    return read_po(Path(path))


def open_po(path: Path, title: str | None = None, key: str | None = None) -> None:
    from alignment.po import file_fingerprint

    fingerprint = file_fingerprint(path)
    bitext = load_po(str(path.resolve()), fingerprint)
    open_bitext(bitext, path=path, title=title or path.name, fingerprint=fingerprint,
                key=key or bitext.corpus_id or str(path.resolve()))


def store_aligned(bitext: Bitext, path: Path, title: str, key: str) -> None:
    from alignment.po import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    write_po(bitext, path, overwrite_edited=False)
    open_bitext(bitext, path=path, title=title, key=key)


# ---------------------------------------------------------------- changes and drafts

def changed(*, new_editor: bool = True) -> None:
    """After every change: keep a recovery draft of the unsaved version (or drop it).

    `new_editor`: the correction box starts again from the new text (a change that
    leaves every sentence as it was, like found word links, keeps what is being typed)."""
    if new_editor:
        ss.rev = ss.get("rev", 0) + 1
    from .saving import base_of_current   # the version the corrections were made on

    n = ss.history.changes_since(ss.saved)
    with draft_kept():
        if n:
            drafts.write_draft(ss.history.current, ss.path, base_fingerprint=ss.fingerprint,
                               changes=n, title=ss.get("title", ""), key=ss.get("notes_key", ""),
                               session=ss.get("draft_session", ""), origin=base_of_current())
        else:
            drafts.discard_draft(ss.path, session=ss.get("draft_session", ""))


@contextmanager
def draft_kept() -> Iterator[None]:
    """A recovery draft written or dropped; one that cannot be (its folder full or read-only)
    is said on the page (ss.draft_failed), and the edit stands: the OSError made the whole
    page a traceback, with no Save left, and the edit was lost on reloading the page."""
    try:
        yield
    except OSError as exc:
        ss.draft_failed = (f"Recovery drafts cannot be written ({exc.strerror or exc}): if this "
                           "tab closes, unsaved corrections are lost. Save often, or download "
                           "your version.")
    else:
        ss.pop("draft_failed", None)


@callback
def save(mark_edited: bool = True) -> bool:
    """Write the open text to its PO (atomically; refused if the file changed on disk since).
    Not written (changed or gone on disk, made read-only, a folder gone or full): the
    conflict box says why and offers a download (a read-only file was a traceback).
    `mark_edited=False`: found word links alone, the file keeps its checksum (po.save_po)."""
    from alignment.po import save_po

    before = ss.fingerprint
    try:
        ss.fingerprint = save_po(ss.history.current, Path(ss.path),
                                 expected_fingerprint=before, mark_edited=mark_edited)
    except AlignmentError as exc:   # POConflict, a read-only file (InputError)
        ss.conflict = str(exc)
        if isinstance(exc, POConflict) and before == ss.get("unknown_base") \
                and Path(ss.path).is_file():   # "since it was opened": seconds ago
            ss.conflict = (f"{ss.path} changed on disk since these corrections were made (they "
                           "were recovered from a draft; another window or program saved the "
                           "file since); reload it to make them again on top of those changes, "
                           "or save under another name")
        ss.reload_info = ss.flash_info = None   # "Saved…", "Reloaded…" beside it read as a contradiction
        return False
    except OSError as exc:
        ss.conflict = (f"cannot write {ss.path} ({exc.strerror or exc}); save a copy elsewhere "
                       f"or download your version")
        ss.reload_info = ss.flash_info = None
        return False
    ss.saved, ss.conflict, ss.flash = ss.history.current, None, None
    if ss.get("reloads"):   # views/saving.py: a version made before a reload still asks
        ss.reload_saves = [*(ss.get("reload_saves") or []), (before, ss.fingerprint)]
    drafts.discard_draft(ss.path, session=ss.get("draft_session", ""))
    from .saving import drop_held

    drop_held(ss.saved)
    return True


def recover_draft(draft: drafts.Draft | None = None) -> None:
    """Apply the open text's recovery draft (or `draft`, one the start page offered), if one
    is offered: one Undo takes it back. Its corrections are then this session's, in its own
    draft, and its file goes. A save then expects the file the draft started from."""
    draft = draft or ss.get("recovery")
    ss.pop("recovery", None)
    if draft is not None:
        newer = draft.base_fingerprint != ss.fingerprint
        ss.history = ss.history.push(draft.bitext, steps=draft.changes)
        # The draft is a whole version made on top of the file as it was then: if the file has
        # changed on disk since, saving it would undo those changes without a word. So a save
        # is checked against that file, and meets the conflict box (reload, copy, download);
        # the reload makes the corrections again on top of the file as it is now, on the
        # version they were made on, kept with the draft (views/saving.base_of_current).
        ss.fingerprint = draft.base_fingerprint
        if newer:
            ss.unknown_base, ss.recovered_origin = draft.base_fingerprint, draft.origin
            ss.reload_info = newer_on_disk(draft.changes)
        changed()
        drafts.discard(draft)


def newer_on_disk(n: int) -> str:
    """Said on recovering corrections made on an earlier version of the file."""
    them = "this correction was" if n == 1 else "these corrections were"
    return (f"{ss.path} has changed on disk since {them} made (another window or program "
            "saved it): its newer changes are not shown here. Save will offer to reload it, "
            "which makes your corrections again on top of those changes.")


def counted(n: int, word: str, plural: str = "") -> str:
    """'1 link', '2 links', '1,200 findings': a count with its noun as a person writes it."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def unsaved() -> int:
    return ss.history.changes_since(ss.saved) if "history" in ss else 0


@callback
def close_text() -> None:
    """Close the open text (the guard has run: nothing unsaved is lost silently)."""
    for key in ("history", "saved", "path", "conflict", "_memo", "findings", "evidence",
                "word_job", "check_job", "guard", "recovery", "reloads", "unknown_base",
                "reload_info", "reload_saves", "recovered_origin", "flash_info", "note_said", "note_undo",
                "note_steps"):
        ss.pop(key, None)   # flash_info: the reader's banner, of this file only; note_said,
        # note_undo and note_steps: a note's save said, the notes its saves replaced, where made
    from .open_tabs import note_closed

    note_closed(ss.get("draft_session", ""))
    st.query_params.pop("open", None)
    if "upload_dir" in ss:
        workspace.remove_upload_dir(ss.pop("upload_dir"))
    back = ss.pop("back_to_set", None)
    if back and Path(back).is_file():  # a pair opened from a version set: back to the set,
        from views.versions import open_set   # which joins the pair's corrections in

        open_set(Path(back))


def heading_select(heads: Sequence[Any], key: str, on_change: Callable[..., None]) -> None:
    """The sidebar's "Go to a heading" list (alignment.contents), when there are two or more;
    the reader's and the version set's. `on_change` runs whole (made a `callback` here)."""
    if len(heads) < 2:
        return
    st.sidebar.selectbox(f"Go to a heading ({len(heads):,})", range(len(heads)), index=None,
                         key=key, placeholder="Choose a heading",
                         format_func=lambda k: f"{heads[k].link + 1} · {heads[k].text}",
                         on_change=callback(on_change), args=(tuple(heads),))


# ---------------------------------------------------------------- opening from the start page

def try_open(path: Path, follow_copy: bool = False, **kwargs: Any) -> None:
    """Open a PO; an error is shown here and the rest of the start page stays.

    `follow_copy`: a file kept here (an upload) that was saved as a copy opens the copy, with
    the corrections saved to it, as the start page's list does; the same upload again opened
    the kept file, and those corrections seemed lost."""
    copy = copy_of(path) if follow_copy else None
    try:
        open_po(copy or path, **kwargs)
    except AlignmentError as exc:
        st.error(f"Cannot open {md((copy or path).name)}: {md(str(exc))}")
        return
    if copy is not None:
        ss.flash_info = (f"This file was opened here before and saved as a copy: opened {copy}, "
                         f"with the corrections saved to it (the file kept, {path}, stays as "
                         "it was).")
    elif follow_copy:
        say_lost(path)
    st.rerun()


def say_lost(kept: Path) -> None:
    """Opened a kept file whose saved copy is gone: say so (it opened without a word, and
    the corrections saved to the copy seemed lost)."""
    lost = lost_copy(kept)
    if lost is not None:
        ss.flash_info = (f"The copy it was saved as, {lost}, is no longer there (moved or "
                         f"deleted): opened {kept}, without the corrections saved to that copy.")
