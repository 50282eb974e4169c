"""The side-by-side reader: `streamlit run app.py`.

Widgets and session state only. Paging, search, filters, corrections, undo and the
HTML of the rows live in `alignment.browse` (tested there); reading, aligning, storing,
exporting and checking in their stage modules. The open text lives in
`st.session_state` (a `browse.History` of immutable Bitexts), so a click never
re-parses the PO; the encoder is a `st.cache_resource`, computed alignments are
`st.cache_data`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from alignment import browse
from alignment.errors import AlignmentError, POConflict
from alignment.read_book import sample_text
from alignment.types import Bitext

ss = st.session_state
md = browse.md_escape  # user text shown through Markdown (titles, file names, messages)
EMBEDDER = os.environ.get("ALIGNMENT_EMBEDDER", "use")
FORMATS = ("txt", "html", "htm", "md", "markdown", "epub", "docx", "odt", "pdf")
LANGS = ("fr", "en", "de", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja", "ko", "ar", "tr")


# ---------------------------------------------------------------- cached resources

@st.cache_resource(show_spinner="Loading the sentence encoder…")
def embedder(name: str) -> Any:
    from alignment.pipeline import resolve_embedder
    return resolve_embedder(name)


def _st_progress(label: str) -> Callable[[int, int, str], None]:
    """A progress callback drawing one bar (created inside the cached call: replay-safe)."""
    bar = st.progress(0.0, text=label)

    def report(done: int, total: int, stage: str) -> None:
        bar.progress(min(1.0, done / max(total, 1)), text=f"{label}: {stage} {done}/{total}")

    return report


@st.cache_data(show_spinner=False, max_entries=16)
def align_files(digest: str, src_lang: str, tgt_lang: str, model: str, _src: str,
                _tgt: str) -> Bitext:
    """Align two stored uploads; `digest` (of both files' bytes) keys the cache, not the paths."""
    from alignment.pipeline import align_documents
    from alignment.read import read_file

    report = _st_progress("Aligning")
    return align_documents(read_file(Path(_src)), read_file(Path(_tgt)), src_lang=src_lang,
                           tgt_lang=tgt_lang, embedder=embedder(model), progress=report)


@st.cache_data(show_spinner=False, max_entries=8)
def build_corpus(corpus_id: str, digest: str, model: str) -> Bitext:
    """Align a corpus; `digest` (of both sides' texts) keys the cache."""
    from alignment.corpora import build_corpus as build
    return build(corpus_id, embedder=embedder(model), progress=_st_progress("Aligning"))


def digest_of(texts: Iterable[bytes]) -> str:
    """One key for several files (each hashed apart, so 'ab'+'c' differs from 'a'+'bc')."""
    return hashlib.sha256(b"".join(hashlib.sha256(t).digest() for t in texts)).hexdigest()


def upload_dir() -> Path:
    """This session's private temp folder: uploads go there and nowhere else."""
    if "upload_dir" not in ss:
        ss.upload_dir = tempfile.mkdtemp(prefix="alignment-upload-")
    return Path(ss.upload_dir)


def memo(name: str, bitext: Bitext, key: Any, compute: Callable[[], Any]) -> Any:
    """Per-session memo of a value derived from the current Bitext (search hits, findings)."""
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
    """Make `bitext` (stored at `path`) the open text; the reader resumes where it stopped."""
    from alignment.po import file_fingerprint

    position = browse.load_position(key) or 0
    ss.update(history=browse.History(bitext), saved=bitext, path=str(path),
              fingerprint=fingerprint or file_fingerprint(path), title=title, notes_key=key,
              page_no=0, link=0, cursor=min(position, len(bitext.alignment.links) - 1),
              revealed=set(), conflict=None, flash=None, resumed=position)
    ss.pop("_memo", None)
    ss.pop("findings", None)


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


def corpus_card(corpus: Any) -> None:
    """One corpus on the start page: its state and what can be done with it."""
    from alignment.corpora import cache_dir, fetch_side, side_state

    states = {s.side: side_state(corpus, s) for s in (corpus.src, corpus.tgt)}
    po_path = cache_dir(corpus) / f"{corpus.id}.po"
    with st.container(border=True):
        st.markdown(f"**{md(corpus.title)}**  \n{md(corpus.author)} {md(corpus.date)}".strip())
        st.caption(" · ".join(f"{s.lang}: {states[s.side]}" for s in (corpus.src, corpus.tgt))
                   + (f" · {md(corpus.licence)}" if corpus.licence else ""))
        missing = [s for s in (corpus.src, corpus.tgt) if states[s.side] == "missing"]
        if po_path.is_file():
            if st.button("Open", key=f"open_{corpus.id}", type="primary"):
                ss.pending = ("open", corpus.id, str(po_path))
                st.rerun()
        elif not missing:
            if st.button("Align and open", key=f"open_{corpus.id}", type="primary"):
                ss.pending = ("build", corpus.id, str(po_path))
                st.rerun()
        for side in missing:
            st.info(f"The {md(side.lang)} side is not here yet: fetch it from {side.url} "
                    "or upload a copy you saved.")
            if st.button(f"Fetch the {side.lang} side", key=f"fetch_{corpus.id}_{side.side}"):
                with st.status(f"Fetching {side.url} …") as status:
                    try:
                        result = fetch_side(corpus, side)
                    except AlignmentError as exc:
                        status.update(label="Fetch failed", state="error")
                        st.error(md(str(exc)))
                    else:
                        status.update(label=f"Fetched {result.path.name}", state="complete")
                        for warning in result.warnings:
                            st.warning(md(warning))
                        st.rerun()
            upload = st.file_uploader(f"…or upload the {side.lang} text (html, txt, md)",
                                      type=list(FORMATS), key=f"up_{corpus.id}_{side.side}")
            if upload is not None:
                try:
                    path = browse.store_upload(upload.name, upload.getvalue(), upload_dir())
                    fetch_side(corpus, side, file=path)
                    st.rerun()
                except AlignmentError as exc:
                    st.error(md(str(exc)))


def run_pending() -> None:
    """Open or build what the start page asked for, at top level (progress bars live here)."""
    action, corpus_id, po = ss.pop("pending")
    from alignment.corpora import load_corpus, side_path

    corpus = load_corpus(corpus_id)
    if action == "open":
        open_po(Path(po), title=corpus.title, key=corpus.id)
    else:
        digest = digest_of(side_path(corpus, s).read_bytes() for s in (corpus.src, corpus.tgt))
        bitext = build_corpus(corpus_id, digest, EMBEDDER)
        store_aligned(bitext, Path(po), corpus.title, corpus.id)
    st.rerun()


def open_section() -> None:
    st.subheader("Open a PO file")
    here = sorted(Path.cwd().glob("*.po"))[:12]
    if here:
        bar = st.container(horizontal=True, vertical_alignment="center")
        bar.caption("In this folder:")
        for n, po in enumerate(here):
            if bar.button(md(po.name), key=f"open_here_{n}", icon=":material/description:"):
                open_po(po)
                st.rerun()
    left, right = st.columns(2)
    with left:
        path = st.text_input("Path of a PO file written by `alignment`", key="po_path")
        if st.button("Open file", key="open_path") and path:
            target = Path(path).expanduser()
            if target.suffix != ".po" or not target.is_file():
                st.error(md(f"{target}: no such PO file; give the path of a .po file"))
            else:
                open_po(target)
                st.rerun()
    with right:
        upload = st.file_uploader("…or upload one", type=["po"], key="po_upload")
        if upload is not None and st.button("Open upload", key="open_upload"):
            stored = browse.store_upload(upload.name, upload.getvalue(), upload_dir())
            open_po(stored, title=upload.name,
                    key="upload:" + hashlib.sha256(upload.getvalue()).hexdigest()[:16])
            st.rerun()


def align_section() -> None:
    st.subheader("Align new texts")
    st.caption("An original and its translation as plain text, HTML, Markdown, EPUB, DOCX, ODT "
               "or PDF (with a text layer).")
    cols = st.columns(2)
    files, langs = [], []
    for col, label, side in zip(cols, ("Original", "Translation"), ("src", "tgt")):
        with col:
            up = st.file_uploader(label, type=list(FORMATS), key=f"new_{side}")
            guess = browse.guess_language(sample_text(up.name, up.getvalue())) \
                if up is not None else None
            options = list(LANGS) + ([guess] if guess and guess not in LANGS else [])
            default = guess or ("fr" if side == "src" else "en")
            langs.append(st.selectbox(f"{label} language" + (" (detected)" if guess else ""),
                                      options, index=options.index(default), key=f"lang_{side}"))
            files.append(up)
    if st.button("Align", key="align_new", type="primary", disabled=None in files):
        stored = [browse.store_upload(f.name, f.getvalue(), upload_dir()) for f in files]
        digest = digest_of(f.getvalue() for f in files)
        ss.pending_align = ([str(p) for p in stored], digest, langs,
                            f"{files[0].name} ↔ {files[1].name}")
        st.rerun()


def run_pending_align() -> None:
    (src, tgt), digest, (src_lang, tgt_lang), title = ss.pop("pending_align")
    bitext = align_files(digest, src_lang, tgt_lang, EMBEDDER, src, tgt)
    store_aligned(bitext, upload_dir() / f"aligned-{digest[:12]}.po", title, f"new:{digest[:16]}")
    st.rerun()


def start_page() -> None:
    st.title("alignment")
    st.markdown("Read a text and its translation side by side, search and correct the "
                "pairs, proofread the translation, or learn a language from it.")
    from alignment.corpora import list_corpora

    st.subheader("Corpora")
    corpora = list_corpora()
    for col, corpus in zip(st.columns(max(1, len(corpora))), corpora):
        with col:
            corpus_card(corpus)
    open_section()
    align_section()
    from views import versions as versions_view  # issue 13: several versions in columns
    versions_view.open_section()


# ---------------------------------------------------------------- the reader

def edit(op: Callable[..., Bitext], *args: Any) -> None:
    """Apply a correction to the current Bitext (a button callback)."""
    ss.editing = True
    try:
        ss.history = ss.history.push(op(ss.history.current, *args))
        ss.flash, ss.rev = None, ss.get("rev", 0) + 1
    except AlignmentError as exc:
        ss.flash = str(exc)


def undo() -> None:
    ss.history, ss.rev = ss.history.undo(), ss.get("rev", 0) + 1


def redo() -> None:
    ss.history, ss.rev = ss.history.redo(), ss.get("rev", 0) + 1


def save() -> None:
    from alignment.po import save_po

    try:
        ss.fingerprint = save_po(ss.history.current, Path(ss.path),
                                 expected_fingerprint=ss.fingerprint)
        ss.saved, ss.conflict, ss.flash = ss.history.current, None, None
    except POConflict as exc:
        ss.conflict = str(exc)


def reload() -> None:
    """Read the PO again; the unsaved version stays one Undo away."""
    from alignment.po import file_fingerprint, read_po

    fresh = read_po(Path(ss.path))
    ss.history = ss.history.push(fresh)
    ss.saved, ss.fingerprint, ss.conflict = fresh, file_fingerprint(Path(ss.path)), None


def close() -> None:
    for key in ("history", "saved", "path", "conflict", "_memo", "findings"):
        ss.pop(key, None)


def jump(link: int) -> None:
    ss.link, ss.editing = link, True
    ss.cursor = link
    ss.jump_to = link


def select_link() -> None:
    ss.link = ss.jump_to = ss.sel - 1


def move_cursor(step: int) -> None:
    n = len(ss.history.current.alignment.links)
    ss.cursor, ss.resumed = min(max(0, ss.cursor + step), n - 1), 0
    browse.save_position(ss.notes_key, ss.cursor, n)


def reveal() -> None:
    ss.revealed = ss.revealed | {ss.cursor}


AUTO_RECHECK_LINKS = int(os.environ.get("ALIGNMENT_AUTO_RECHECK", "2000"))
"""Up to this many links the checks run again after every edit; above, on request."""


def findings(bitext: Bitext) -> tuple:
    """The proofreading findings, one check at a time under a progress bar.

    On a long text the checks take a while (seconds per thousand links), so after an
    edit the findings of the previous version are kept until the user asks again.
    """
    from alignment.checks import DEFAULT_CHECKS, run_checks

    done = ss.get("findings")
    n = len(bitext.alignment.links)
    if done is not None and (done[0] is bitext or (n > AUTO_RECHECK_LINKS and not ss.get("recheck_wanted"))):
        return done[1]
    bar = st.progress(0.0, text="Running the proofreading checks…")
    found: list = []
    for k, name in enumerate(DEFAULT_CHECKS):
        bar.progress(k / len(DEFAULT_CHECKS), text=f"Checking: {name} ({k + 1}/{len(DEFAULT_CHECKS)})")
        found += run_checks(bitext, only=[name])
    bar.empty()
    found.sort(key=lambda f: f.link)
    ss.findings, ss.recheck_wanted = (bitext, tuple(found)), False
    return ss.findings[1]


def recheck() -> None:
    ss.recheck_wanted = True


def stats(bitext: Bitext) -> tuple[list[str], int, int, int]:
    """Link types present, links, fuzzy links, reviewed links (memoised: 10,000 links cost 50 ms)."""
    def compute() -> tuple[list[str], int, int, int]:
        links = bitext.alignment.links
        return (sorted({link.kind for link in links}), len(links),
                sum(browse.is_fuzzy(link) for link in links), sum(link.reviewed for link in links))
    return memo("stats", bitext, None, compute)


def sidebar(bitext: Bitext) -> tuple[browse.Query, browse.Filters]:
    sb = st.sidebar
    sb.markdown(f"**{md(ss.title)}**")
    sb.button("Close", key="close", on_click=close)
    sb.radio("Mode", ("Read", "Learn", "Proofread"), key="mode", horizontal=True)
    sb.subheader("Search")
    text = sb.text_input("Find", key="q", placeholder="word, phrase or pattern")
    side = sb.radio("In", ("both", "src", "tgt"), key="q_side", horizontal=True,
                    format_func=lambda s: {"both": "both", "src": bitext.src_lang,
                                           "tgt": bitext.tgt_lang}[s])
    regex = sb.checkbox("Regular expression", key="q_re")
    case = sb.checkbox("Match case", key="q_case")
    sb.subheader("Filters")
    kinds = stats(bitext)[0]
    filters = browse.Filters(
        fuzzy_only=sb.checkbox("To review (fuzzy) only", key="f_fuzzy"),
        kinds=frozenset(sb.multiselect("Link types", kinds, key="f_kinds")),
        failed_checks=sb.checkbox("Failed checks only", key="f_checks"),
        below=sb.slider("Confidence below", 0.0, 1.0, 1.0, 0.05, key="f_below")
        if sb.checkbox("Confidence below…", key="f_conf") else None)
    sb.selectbox("Rows per page", (25, 50, 100, 200), index=1, key="per_page")
    return browse.Query(text, side, regex, case), filters


def selection(bitext: Bitext, query: browse.Query, filters: browse.Filters):
    """Search hits and the filtered link ids, memoised per Bitext and settings."""
    try:
        hits = memo("hits", bitext, query, lambda: browse.search(bitext, query)) \
            if query.text else None
    except AlignmentError as exc:
        st.error(md(str(exc)))
        hits = None
    found = findings(bitext) if filters.failed_checks else ()
    ids = memo("ids", bitext, (query, filters, hits is None),
               lambda: browse.select(bitext, filters, hits=hits, findings=found))
    return hits, ids


def toolbar(bitext: Bitext) -> None:
    _, n, fuzzy, reviewed = stats(bitext)
    dirty = bitext is not ss.saved
    st.markdown(f"### {md(ss.title)}")
    st.caption(f"{n:,} links · {fuzzy:,} to review · {reviewed:,} reviewed · {md(ss.path)}"
               + (" · **unsaved changes**" if dirty else ""))
    bar = st.container(horizontal=True)
    bar.button("Save", key="save", on_click=save, disabled=not dirty, type="primary",
               shortcut="ctrl+s")
    bar.button("Undo", key="undo", on_click=undo, disabled=not ss.history.past,
               shortcut="ctrl+z")
    bar.button("Redo", key="redo", on_click=redo, disabled=not ss.history.future,
               shortcut="ctrl+y")
    with bar.popover("Download"):
        stem = Path(ss.path).stem
        for fmt, mime in (("po", "text/x-gettext-translation"), ("tmx", "application/xml"),
                          ("tsv", "text/tab-separated-values"), ("html", "text/html"),
                          ("epub", "application/epub+zip")):
            st.download_button(fmt.upper(), key=f"dl_{fmt}", file_name=f"{stem}.{fmt}", mime=mime,
                               data=lambda fmt=fmt, b=bitext: browse.export_bytes(b, fmt))
    if ss.conflict:
        st.error(f"Not saved: {md(ss.conflict)}")
        c1, c2 = st.columns(2)
        c1.button("Reload from disk (your version stays one Undo away)", key="reload",
                  on_click=reload)
        c2.download_button("Download your version (PO)", key="dl_conflict",
                           file_name=f"{Path(ss.path).stem}-mine.po",
                           data=lambda b=bitext: browse.export_bytes(b, "po"))
    if ss.flash:
        st.warning(md(ss.flash))


def edit_panel(bitext: Bitext) -> None:
    n = len(bitext.alignment.links)
    ss.link = min(ss.link, n - 1)
    ss.sel = ss.link + 1  # the widget shows the selection kept in ss.link across modes
    with st.expander("Correct a link", expanded=ss.get("editing", False)):
        i = st.number_input("Link (the blue row)", 1, n, key="sel", on_change=select_link) - 1
        link = bitext.alignment.links[i]
        st.html(browse.render_rows(bitext, [i]))
        row = st.columns(4)
        row[0].button("⤒ Merge with previous", key="merge_prev", on_click=edit,
                      args=(browse.merge, i, "prev"), disabled=i == 0)
        row[1].button("⤓ Merge with next", key="merge_next", on_click=edit,
                      args=(browse.merge, i, "next"), disabled=i == n - 1)
        row[2].button("Split", key="split", on_click=edit, args=(browse.split, i),
                      disabled=len(link.src) < 2 and len(link.tgt) < 2)
        row[3].button("Unmark reviewed" if link.reviewed else "✓ Mark reviewed", key="review",
                      on_click=edit, args=(browse.mark_reviewed, i, not link.reviewed))
        row = st.columns(4)
        for col, side, direction, label in (
                (row[0], "src", "prev", "Source: first sentence ↑"),
                (row[1], "src", "next", "Source: last sentence ↓"),
                (row[2], "tgt", "prev", "Target: first sentence ↑"),
                (row[3], "tgt", "next", "Target: last sentence ↓")):
            col.button(label, key=f"move_{side}_{direction}", on_click=edit,
                       args=(browse.move, i, side, direction),
                       disabled=not (link.src if side == "src" else link.tgt))
        if link.tgt:
            k = st.selectbox("Target sentence", range(len(link.tgt)), key="edit_k",
                             format_func=lambda k: f"{k + 1}: {bitext.tgt[link.tgt[k]].text[:60]}") \
                if len(link.tgt) > 1 else 0
            k = min(k, len(link.tgt) - 1)
            text = st.text_area("Edit the target sentence", bitext.tgt[link.tgt[k]].text,
                                key=f"edit_{i}_{k}_{ss.get('rev', 0)}")
            st.button("Apply edit", key="apply_edit", on_click=edit,
                      args=(browse.edit_target, i, k, text))


def pager(pg: browse.Page, where: str = "top") -> None:
    def go(step: int) -> None:
        ss.page_no = pg.number + step

    keys = {"top": ("prev_page", "next_page"), "bottom": ("prev_page_b", "next_page_b")}[where]
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.button("◀ Previous page", key=keys[0], on_click=go, args=(-1,),
               disabled=pg.number == 0, shortcut="left" if where == "top" else None)
    bar.caption(f"Page {pg.number + 1} of {pg.count} · {pg.total:,} links shown")
    bar.button("Next page ▶", key=keys[1], on_click=go, args=(1,),
               disabled=pg.number >= pg.count - 1, shortcut="right" if where == "top" else None)


def proofread_panel(bitext: Bitext) -> None:
    from alignment.checks import at_level   # warnings and errors unless info is asked for
    found = at_level(findings(bitext), "info" if st.toggle("Show info findings", key="p_info") else "warning")
    st.subheader(f"Proofreading: {len(found):,} findings")
    if ss.findings[0] is not bitext:
        st.caption("These findings are from before your last edits (link numbers may have moved).")
        st.button("Run the checks again", key="recheck", on_click=recheck)
    names = sorted({f.check for f in found})
    chosen = st.multiselect("Checks", names, key="p_checks")
    shown = [f for f in found if not chosen or f.check in chosen]
    box = st.container(height=min(60 + 48 * len(shown[:200]), 320))
    for n, f in enumerate(shown[:200]):
        row = box.container(horizontal=True, vertical_alignment="center")
        row.button(f"→ {f.link + 1}", key=f"jump_{n}", on_click=jump, args=(f.link,),
                   help="Select this link and open it in the correction panel")
        row.markdown(f"`{f.severity}` **{f.check}** — {md(f.message)}")
    if len(shown) > 200:
        st.caption(f"{len(shown) - 200:,} more; narrow the checks to see them.")


def learn_controls(bitext: Bitext) -> None:
    n = len(bitext.alignment.links)
    sides = {"tgt": bitext.tgt_lang, "src": bitext.src_lang}
    st.radio("Hide", ("tgt", "src"), key="hide", horizontal=True, format_func=sides.get)
    cols = st.columns(3)
    cols[0].button("◀ Previous sentence (k)", key="learn_prev", on_click=move_cursor,
                   args=(-1,), shortcut="k")
    cols[1].button("Reveal (space)", key="learn_reveal", on_click=reveal, shortcut="space")
    cols[2].button("Next sentence (j) ▶", key="learn_next", on_click=move_cursor, args=(1,),
                   shortcut="j")
    st.progress((ss.cursor + 1) / n, text=f"Sentence {ss.cursor + 1} of {n}"
                + (" · resumed where you stopped last time" if ss.get("resumed") else ""))


def reader() -> None:
    from dataclasses import replace

    from views import words as word_views

    bitext: Bitext = ss.history.current
    query, filters = sidebar(bitext)
    show_words = word_views.word_sidebar(bitext, lambda: embedder(EMBEDDER))
    hits, ids = selection(bitext, query, filters)
    if ss.get("last_selection") != (query, filters):  # a new search starts on its first page
        ss.last_selection, ss.page_no = (query, filters), 0
    toolbar(bitext)
    mode = ss.get("mode", "Read")
    per_page = ss.get("per_page", 50)
    view = browse.View(hits=hits, current=ss.link)
    if mode == "Learn":
        learn_controls(bitext)
        ss.page_no = browse.page_of(ss.cursor, per_page, ids)
        view = browse.View(hits=hits, hidden=ss.get("hide", "tgt"), threshold=0.0,
                           revealed=frozenset(ss.revealed), current=ss.cursor)
    else:
        if mode == "Proofread":
            proofread_panel(bitext)
            view = browse.View(hits=hits, current=ss.link,
                               findings=browse.findings_by_link(findings(bitext)))
        edit_panel(bitext)
    if "jump_to" in ss:
        ss.page_no = browse.page_of(ss.pop("jump_to"), per_page, ids)
    pg = browse.page(bitext, ss.get("page_no", 0), per_page, ids)
    ss.page_no = pg.number
    pager(pg)
    st.html(browse.render_rows(bitext, pg.ids, replace(view, words=show_words)))
    word_views.glossary_panel(bitext, ss.title)
    if mode == "Learn":  # keep the current sentence in view; only an int goes into the script
        st.html(f"<script>setTimeout(() => document.getElementById('link-{int(ss.cursor) + 1}')"
                f"?.scrollIntoView({{block: 'center', behavior: 'smooth'}}), 80)</script>",
                unsafe_allow_javascript=True)
    if len(pg.ids) > 10:
        pager(pg, "bottom")


def main() -> None:
    st.set_page_config(page_title="alignment — side-by-side reader", page_icon="📖",
                       layout="wide")
    try:
        if "pending" in ss:
            run_pending()
        if "pending_align" in ss:
            run_pending_align()
        if "version_set" in ss:
            from views import versions as versions_view
            versions_view.page(open_pair=open_po)
        elif "history" in ss:
            reader()
        else:
            start_page()
    except AlignmentError as exc:
        st.error(f"Error: {md(str(exc))}")


main()
