"""The start page's "Unsaved corrections": drafts kept from a session that was reloaded,
closed or crashed, each recovered, discarded, written again where its file was, or downloaded.

Why apart from views/start.py: the rules of what a draft is offered as (a person's changes, or
word links alone) and what a gone file allows are the reader's saving rules seen from the start
page, tested as such (tests/e2e/test_saving_reload.py, test_start_page.py).
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable
from typing import Any

import streamlit as st

from alignment import draft_summary, drafts, workspace
from alignment.errors import AlignmentError
from alignment.types import Bitext

from .common import load_po, md, open_po, recover_draft, ss, try_open
from .open_tabs import known, open_elsewhere


def drafts_section() -> None:
    """Unsaved corrections kept from a session that was reloaded, closed or crashed; those of
    a text still open in another tab are said to be there, and offered nothing."""
    found = drafts.list_drafts()
    if restarted_note(found):   # a draft took the text typed before a restart
        found = drafts.list_drafts()
    shown = _offered(found)
    if not shown:   # the heading alone, over nothing, read as corrections gone missing
        return
    st.subheader("Unsaved corrections")
    for n, (draft, (kind, changes, held)) in enumerate(shown):   # held: two drafts read alike
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(draft.saved_at))
        row = st.container(horizontal=True, vertical_alignment="center")
        name = f"{md(draft.title)} ({md(draft.po_path)})" if draft.title else md(draft.po_path)
        row.markdown(f"Word links found in {name}, not saved ({when})" if kind == "words"
                     else f"{changes} unsaved change{'s' * (changes != 1)} to {name} "
                     f"({when})" + (f": {md(held)}" if held else ""))
        if open_elsewhere(draft):
            row.caption("open in another tab: save or discard them there")
            continue
        if Path(draft.po_path).is_file():
            if row.button("Open and recover", key=f"recover_{n}", type="primary"):
                open_po(Path(draft.po_path), title=draft.title or None, key=draft.key or None)
                # this one, as the button said (no second question), counted as it said
                recover_draft(replace(draft, changes=changes))
                st.rerun()
        else:
            gone_file(row, draft, n)
        discard_button(row, draft, n)


def _offered(found: list[drafts.Draft]) -> list[tuple[drafts.Draft, tuple[str, int, str]]]:
    """The drafts to list, each with what it holds (`_what_it_holds`). One whose corrections
    the file holds every one of is not: it goes, unless a tab still open writes it."""
    shown = []
    for draft in found:
        what = _what_it_holds(draft)
        if what[0] != "same":
            shown.append((draft, what))
        elif not open_elsewhere(draft):
            drafts.discard(draft)   # nothing in it the file lacks
    return shown


def restarted_note(found: list[drafts.Draft]) -> bool:
    """A tab that had a text open (the URL's `open`, views/common.open_bitext) and whose server
    was restarted since: its next click landed here, and what was typed in a box without being
    applied was gone without a word. The click brings that text (views/restart_typed.py): it is
    made a correction in the text's draft where one is kept, and shown to copy, naming its
    link; the draft is offered at once. True where the draft was written again."""
    from .restart_typed import into_draft, typed_changes, typed_in_boxes

    opening = st.query_params.get("open")
    rewritten = False
    if opening:
        del st.query_params["open"]
        if not known(opening):   # else this server's own: the page was reloaded
            mine = next((d for d in found if d.file and Path(d.file).name.split(".")[1:2]
                         == [opening]), None)   # not a version a reload set aside ("held")
            typed = typed_in_boxes()
            typed = typed_changes(mine.bitext, typed) if mine is not None else typed
            applied = into_draft(mine, typed) if mine is not None else ()
            rewritten = bool(applied)
            kept = any(d.session == opening for d in found)
            ss.restarted = (opening, kept, typed, applied)   # said until opened or discarded
    opening, kept, typed, applied = ss.get("restarted") or ("", False, (), ())
    mine = next((d for d in (drafts.list_drafts() if rewritten else found)
                 if d.session == opening), None)
    if not opening or (kept and mine is None):   # recovered or discarded since
        ss.pop("restarted", None)
        return rewritten
    with st.container(border=True, key="restarted_box"):
        st.warning(_restart_words(mine, typed, applied))
        for item in typed:
            st.caption(f"Typed for {item.where()}" + (", kept in the draft:" if item in applied
                                                      else ", not applied:"))
            st.code(item.text, language=None, wrap_lines=True)
        if mine is not None and Path(mine.po_path).is_file() \
                and st.button("Open and recover", key="recover_restarted", type="primary"):
            open_po(Path(mine.po_path), title=mine.title or None, key=mine.key or None)
            recover_draft(mine)
            st.rerun()
    return rewritten


def _restart_words(mine: drafts.Draft | None, typed: tuple[Any, ...],
                   applied: tuple[Any, ...]) -> str:
    """What the restarted box says was kept, and what was lost (only what truly was)."""
    what = f"the corrections you applied to {md(Path(mine.po_path).name)} are kept as a " \
        "draft" if mine else "no correction you applied was left unsaved"
    if applied:
        links = ", ".join(item.where() for item in applied)
        what += f", with the text you typed for {links} made a correction in it"
    left = [item for item in typed if item not in applied]
    lost = ("; the text typed but not applied is shown below: copy it to apply it again"
            if left else "" if typed else
            "; text typed in a box but not applied was lost. If another tab still shows it, "
            "copy it from there")
    return f"The server was restarted while a text was open in this tab: {what}{lost}."


def discard_button(row: Any, draft: drafts.Draft, n: int) -> None:
    """"Discard", then "Discard for good" or "Keep it": one click beside "Open and recover"
    deleted the corrections, with no question and no undo."""
    if ss.get("discard_asked") != draft.file:
        if row.button("Discard", key=f"discard_draft_{n}"):
            ss.discard_asked = draft.file
            st.rerun()
        return
    row.caption("Discard these corrections? They cannot be brought back.")
    if row.button("Discard for good", key=f"discard_for_good_{n}"):
        drafts.discard(draft)
        ss.pop("discard_asked", None)
        st.rerun()
    if row.button("Keep it" if draft.changes == 1 else "Keep them", key=f"keep_draft_{n}"):
        ss.pop("discard_asked", None)
        st.rerun()


def _what_it_holds(draft: drafts.Draft) -> tuple[str, int, str]:
    """What the draft is offered as: its kind ("words": word links alone, "same": the file
    holds all of it, else "changes"), its count of changes and what they change, in words.
    Against the file as it is now where it changed since the draft was made: drafts of word
    links found in several tabs stayed listed as "1 unsaved change" once one tab saved them,
    and a version a reload set aside counted the corrections saved since."""
    from alignment.po import file_fingerprint

    fingerprint = file_fingerprint(Path(draft.po_path))   # read and hashed once a rerun
    if not fingerprint or fingerprint == draft.base_fingerprint:
        return ("words", draft.changes, "") if _words_only(draft, fingerprint) else \
            ("changes", draft.changes, holds(draft, fingerprint))
    return _once_per_version(_NOW, draft, lambda: _against_now(draft, fingerprint),
                             missing=("changes", draft.changes, ""), also=fingerprint)


def _against_now(draft: drafts.Draft, fingerprint: str) -> tuple[str, int, str]:
    try:
        now = load_po(str(Path(draft.po_path).resolve()), fingerprint)
    except (AlignmentError, OSError):
        return "changes", draft.changes, ""
    if drafts.file_holds(draft.origin, draft.bitext, now):   # saved since, perhaps with more
        return "same", 0, ""
    if drafts.only_word_links(now, draft.bitext) or (
            draft.origin is not None and drafts.only_word_links(draft.origin, draft.bitext)):
        return "words", draft.changes, ""
    if draft.origin is None:
        return "changes", draft.changes, ""
    return ("changes", *draft_summary.left_unsaved(draft.changes, draft.origin, draft.bitext, now))


def _words_only(draft: drafts.Draft, fingerprint: str | None = None) -> bool:
    """Whether the draft differs from its file, unchanged since, in word links alone: no
    person's change (it said "1 unsaved change", as the reader did). Worked out once per
    version of the draft's file while the PO is the one it was made on: reading every
    draft's PO again at each rerun made the start page slow once a few drafts were left.
    `fingerprint`: the PO's, where the caller has it (a book's file read and hashed again
    was 10 ms of each rerun, per draft)."""
    from alignment.po import file_fingerprint

    if fingerprint is None:
        fingerprint = file_fingerprint(Path(draft.po_path))
    if fingerprint != draft.base_fingerprint:
        return False
    return _once_per_version(_WORDS, draft, lambda: _compare_words(draft, fingerprint))


def _compare_words(draft: drafts.Draft, fingerprint: str) -> bool:
    saved = _file_as_then(draft, fingerprint)
    return saved is not None and drafts.only_word_links(saved, draft.bitext)


def _file_as_then(draft: drafts.Draft, fingerprint: str | None = None) -> Bitext | None:
    """The draft's PO as read, where it is still the file the corrections were made on
    (`fingerprint`: the file's, where the caller has it)."""
    from alignment.po import file_fingerprint

    path = Path(draft.po_path)
    if fingerprint is None:
        fingerprint = file_fingerprint(path)
    if not fingerprint or fingerprint != draft.base_fingerprint:
        return None
    try:
        return load_po(str(path.resolve()), fingerprint)
    except (AlignmentError, OSError):
        return None


_HELD: dict[str, tuple[Any, Any]] = {}   # draft file -> (its mtime, what it holds)
_WORDS: dict[str, tuple[Any, Any]] = {}   # draft file -> (its mtime, whether word links alone)
_NOW: dict[str, tuple[Any, Any]] = {}   # draft file -> ((its mtime, the file's), _against_now)


def holds(draft: drafts.Draft, fingerprint: str | None = None) -> str:
    """What the draft changes, in words ('link 1,020 edited', 'links 12, 40 merged'), so two
    drafts of one file can be told apart; worked out once per version of the draft's file,
    not at every rerun of the start page (7,205 links compared: about 20 ms)."""
    return _once_per_version(_HELD, draft, lambda: draft_summary.summary(
        draft.origin or _file_as_then(draft, fingerprint), draft.bitext), missing="")


def _once_per_version(memo: dict[str, tuple[Any, Any]], draft: drafts.Draft,
                      work: Callable[[], Any], missing: Any = False, also: str = "") -> Any:
    """`work()` for this version of the draft's file (and `also`, the PO's fingerprint where
    it counts), remembered (`missing` if it is gone)."""
    try:
        stamp: Any = Path(draft.file).stat().st_mtime_ns
    except OSError:
        return missing
    stamp = (stamp, also) if also else stamp
    kept = memo.get(draft.file)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    value = work()
    if len(memo) >= 256:
        memo.clear()
    memo[draft.file] = (stamp, value)
    return value


def gone_file(row: Any, draft: Any, n: int) -> None:
    """A draft whose PO was deleted or moved: its corrections could only be discarded. Now
    they can be written there again (and opened), or downloaded as a PO."""
    from alignment.po import save_po

    row.caption("the file is gone")
    if row.button("Write it again and open", key=f"rewrite_{n}", type="primary"):
        path = Path(draft.po_path)
        try:
            save_po(draft.bitext, path, expected_fingerprint="")   # only where nothing is now
        except (AlignmentError, OSError) as exc:
            st.error(f"Cannot write {md(str(path))}: {md(str(exc))}")
        else:
            drafts.discard(draft)
            try_open(path, title=draft.title or None, key=draft.key or None)
            st.rerun()
    them = "it" if draft.changes == 1 else "them"
    row.download_button(f"Download {them} (PO)", workspace.export_bytes(draft.bitext, "po", edited=True),
                        file_name=f"{Path(draft.po_path).stem}-recovered.po", key=f"dl_draft_{n}",
                        on_click="ignore")
