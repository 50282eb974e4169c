"""The start page: drafts to recover, the corpora, opening a PO, aligning new texts."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import streamlit as st

from alignment import workspace
from alignment.kept import copy_of
from alignment.kept_details import details, earlier_corrected, note_sources
from alignment.errors import (AlignmentError, FetchError, FetchRefused, LanguagesUnknown,
                              ManyTranslations)
from alignment.import_pairs import PAIR_FORMATS, pairs_format

from .common import (EMBEDDER, FORMATS, LANGS, align_files, build_corpus, digest_of, md,
                     open_bitext, open_po, say_lost, ss, st_progress, store_aligned, try_open,
                     upload_dir)
from .start_drafts import drafts_section
from .languages import language_box, same_text_warning

# The page opens on the sample's card; a person with her own two files needs the form below it
FIRST_STEP = ("Your own text and its translation? Upload both [further down this page]"
              "(#align-new-texts), then click Align. To try the tool first, use the sample below.")
PAIRS_SUFFIXES = [suffix.lstrip(".") for suffix in PAIR_FORMATS]   # tmx, xlf, xliff, tsv, csv


def corpus_po(corpus: Any) -> Path:
    """The corpus's one PO: ./<id>.po, the file the README's command writes (workspace.corpus_po)."""
    from alignment.corpora import cached_file

    return workspace.corpus_po(corpus.id, Path.cwd(), cached_file(corpus, f"{corpus.id}.po"))


def po_caption(corpus: Any, path: Path) -> str:
    """Which file the card opens (or writes), and that the README's command writes the same."""
    where = "Opens" if path.is_file() else "Writes"
    same = (f" (the file `alignment corpus build {corpus.id} -o {path.name}` writes here)"
            if path.parent == Path.cwd() else " (this folder cannot be written)")
    return f"{where} {md(str(path))}{same}"


def fetch_message(exc: FetchError) -> str:
    """The fetch error without its command-line advice: the upload box is right below."""
    reason = exc.reason if isinstance(exc, FetchRefused) else str(exc)
    reason = reason.split("; save the page in a browser and run")[0]
    return f"{reason}. Save the page in your browser and upload it in the box below."


def fetch_missing(corpus: Any, side: Any) -> None:
    """The fetch button and upload box of a side that is not here yet."""
    from alignment.corpora import fetch_side, side_url

    url = side_url(corpus, side)
    st.info(f"The {md(side.lang)} side is not here yet: fetch it from {md(url)} "
            "or upload a copy you saved.")
    if st.button(f"Fetch the {md(side.lang)} side", key=f"fetch_{corpus.id}_{side.side}"):
        with st.spinner(f"Fetching {url} …"):
            try:
                result = fetch_side(corpus, side)
            except FetchError as exc:
                ss[f"fetch_error_{corpus.id}"] = fetch_message(exc)
            else:
                ss.pop(f"fetch_error_{corpus.id}", None)
                kept(f"Fetched {result.path.name}", result.warnings)
    if ss.get(f"fetch_error_{corpus.id}"):
        st.error(f"Fetch failed: {md(ss[f'fetch_error_{corpus.id}'])}")
    upload = st.file_uploader(f"…or upload the {md(side.lang)} text (text, HTML, Markdown, EPUB, "
                              "DOCX, ODT or PDF)",
                              type=list(FORMATS), key=f"up_{corpus.id}_{side.side}")
    if upload is not None:
        path, force_key = None, f"force_{corpus.id}_{side.side}"
        try:
            path = workspace.store_upload(upload.name, upload.getvalue(),
                                       workspace.side_dir(upload_dir(), side.side))
            result = fetch_side(corpus, side, file=path, source=upload.name,
                                force=ss.pop(force_key, False))
        except FetchRefused as exc:
            refused(exc.reason, force_key)
        except AlignmentError as exc:
            st.error(md(str(exc)))
        else:
            ss.pop(f"fetch_error_{corpus.id}", None)
            kept(f"Kept {upload.name} as the {side.lang} text of {corpus.title}", result.warnings)
        finally:
            if path is not None:
                path.unlink(missing_ok=True)  # the corpus cache keeps its own copy


def refused(reason: str, force_key: str) -> None:
    """An upload refused as plainly not the side (another language): what the app can do
    instead of the command line's --force is a button, for a person sure of the text."""
    st.error(md(reason) + ". If you are sure it is the right text, keep it anyway.")
    st.button("Keep it anyway", key=f"btn_{force_key}",
              on_click=lambda: ss.__setitem__(force_key, True))


def kept(done: str, warnings: Any) -> None:
    """Say on the start page, after the rerun, what a fetch or an upload kept and what to
    check in it (the upload used to drop the warnings: a text far shorter than the other
    side was kept without a word)."""
    ss.flash_start = [done]
    ss.flash_warn = list(warnings)
    st.rerun()


def corpus_card(corpus: Any) -> None:
    """One corpus on the start page: its state and what can be done with it."""
    from alignment.corpora import side_path, side_state

    states = {s.side: side_state(corpus, s) for s in (corpus.src, corpus.tgt)}
    po_path = corpus_po(corpus)
    with st.container(border=True):
        st.markdown(f"**{md(corpus.title)}**  \n{md(corpus.author)} {md(corpus.date)}".strip())
        st.caption(" · ".join(f"{md(s.lang)}: {states[s.side]}" for s in (corpus.src, corpus.tgt))
                   + (f" · {md(corpus.licence)}" if corpus.licence else ""))
        missing = [s for s in (corpus.src, corpus.tgt) if states[s.side] == "missing"]
        if not missing or po_path.is_file():
            st.caption(po_caption(corpus, po_path))
        if po_path.is_file():
            if st.button("Open", key=f"open_{corpus.id}", type="primary"):
                try_open(po_path, title=corpus.title, key=corpus.id)
        elif not missing:
            if st.button("Align and open", key=f"open_{corpus.id}", type="primary"):
                digest = digest_of(side_path(corpus, s).read_bytes()
                                   for s in (corpus.src, corpus.tgt))
                try:
                    bitext = build_corpus(corpus.id, digest, EMBEDDER)  # progress drawn here
                    store_aligned(bitext, po_path, corpus.title, corpus.id)
                except AlignmentError as exc:
                    st.error(md(str(exc)))
                else:
                    st.rerun()
        for side in missing:
            fetch_missing(corpus, side)


SHOWN_HERE = 12   # PO files of the current folder shown as buttons


_KIND_ICONS = {"pair": ":material/description:", "set": ":material/view_column:",
               "upload": ":material/upload_file:"}


def kept_row() -> None:
    """The pairs, sets and uploaded POs the app keeps (alignment/kept.py), newest first: after
    Close they were reachable only by a path shown once."""
    from alignment.cache_root import earlier_root
    from alignment.kept import kept_files

    earlier = earlier_root()   # kept before ALIGNMENT_CACHE_DIR was honoured: listed too
    found = kept_files() + (kept_files(earlier / "aligned") if earlier else [])
    found.sort(key=lambda k: (-k.modified, k.label))
    if not found:
        return
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.caption("Aligned or uploaded here before:")
    shown = found[:SHOWN_HERE]   # each with what tells it from another of the same name
    for n, (item, detail) in enumerate(zip(shown, details(shown, time.time()))):
        copy = copy_of(item.path) if item.kind != "set" else None
        label = f"{item.label} (saved as {copy.name})" if copy else item.label
        entry = bar.container(horizontal=True, vertical_alignment="center", gap="small",
                              width="content", key=f"kept_entry_{n}")
        clicked = entry.button(md(label), key=f"open_kept_{n}", icon=_KIND_ICONS[item.kind],
                               help=f"{copy}, a copy of {item.path}" if copy else str(item.path))
        entry.caption(md(detail))
        if clicked:
            if item.kind == "set":
                open_kept_set(item.path)
            else:
                say_lost(item.path)   # said once it is open (try_open reruns the page)
                try_open(copy or item.path, title=item.label)
    if len(found) > SHOWN_HERE:
        bar.caption(f"and {len(found) - SHOWN_HERE:,} more in {md(str(found[0].path.parent))}")


def open_kept_set(path: Path) -> None:
    """Open a version set from the list; one gone or broken since is said here."""
    from views import versions as versions_view

    try:
        versions_view.open_set(path)
    except (AlignmentError, OSError) as exc:
        st.error(f"Cannot open {md(path.name)}: {md(str(exc))}")
        return
    st.rerun()


def open_section() -> None:
    st.subheader("Open a PO file")
    kept_row()
    found = sorted(Path.cwd().glob("*.po"))
    here = found[:SHOWN_HERE]
    if here:
        bar = st.container(horizontal=True, vertical_alignment="center")
        bar.caption("In this folder:")
        for n, po in enumerate(here):
            if bar.button(md(po.name), key=f"open_here_{n}", icon=":material/description:"):
                try_open(po)
        if len(found) > len(here):   # the rest were left out without a word
            bar.caption(f"and {len(found) - len(here):,} more (type the path of one below)")
    left, right = st.columns(2)
    with left:
        path = st.text_input("Path of a PO file written by `alignment`", key="po_path")
        if st.button("Open file", key="open_path") and path:
            try:  # a folder, a text, a missing file: the package says which
                target = workspace.po_to_open(path)
            except AlignmentError as exc:
                st.error(md(str(exc)))
            else:
                try_open(target)
    with right:
        upload_box()


def pairs_choice(upload: Any) -> tuple[str | None, str | None]:
    """The languages chosen for an uploaded file of pairs that asked for them: the translation
    of a multilingual TMX, or both languages of a table that names none and whose text does
    not tell them (a sheet of numbers or single words). Their errors used to point to
    command-line options, a dead end on this page. (None, None) where nothing was asked."""
    asked = ss.get("pairs_languages")
    if upload is None or not asked or asked[0] != upload.file_id:
        return None, None
    if asked[1]:
        st.info(f"{md(upload.name)} holds translations into {', '.join(asked[1])}: choose the "
                "one to read beside the original, then Open upload.")
        return None, st.selectbox("Translation to open", asked[1], key="pairs_tgt")
    st.info(f"{md(upload.name)} does not say its languages, and its text does not tell them: "
            "choose them, then Open upload.")
    left, right = st.columns(2)
    src = left.selectbox("Original language", LANGS, key="pairs_src_lang")
    return src, right.selectbox("Translation language", LANGS, index=1, key="pairs_tgt_lang")


def upload_box() -> None:
    """Open an uploaded PO, or pairs from a CAT tool or a sheet (kept as a PO); a file of pairs
    whose languages must be chosen asks for them (`pairs_choice`), then the same button."""
    upload = st.file_uploader("…or upload one, or pairs from a CAT tool or a sheet "
                              "(TMX, XLIFF, TSV, CSV, XLSX, ODS, a DOCX review table)",
                              type=["po", *PAIRS_SUFFIXES], key="po_upload")
    src, tgt = pairs_choice(upload)
    if upload is not None and pairs_format(upload.name) == "tmx":
        from alignment.versions_io import set_texts_in

        texts = set_texts_in(upload.getvalue())   # its header alone
        if texts:   # its versions are offered by name (import_set.py); all of them: Compare versions
            st.caption(f"{md(upload.name)} is a version set: {md(texts[0][0])} and its versions "
                       f"{md(', '.join(n for n, _ in texts[1:]))}. Here one version opens beside "
                       f"{md(texts[0][0])}; to read them all in columns, type the set's path under "
                       "“Compare versions” below and click “Open set”.")
    if upload is None or not st.button("Open upload", key="open_upload"):
        return
    data = upload.getvalue()
    folder = workspace.side_dir(upload_dir(), "po")
    reading = st.empty()   # a bar while a big sheet is read (8-22 s for 100,000 rows), gone after
    try:  # checked under its own name, then kept in the lasting folder (with the
        # corrections saved there), not in /tmp; a broken one is not kept
        with reading.container():
            target = workspace.keep_pairs_upload(upload.name, data, folder, tgt_lang=tgt, src_lang=src,
                                                 progress=st_progress(f"Reading {upload.name}")) \
                if pairs_format(upload.name) else workspace.keep_po_upload(upload.name, data, folder)
    except (ManyTranslations, LanguagesUnknown) as exc:
        ss.pairs_languages = (upload.file_id, getattr(exc, "languages", ()))
        st.rerun()
    except AlignmentError as exc:
        reading.empty()
        st.error(f"Cannot open {md(upload.name)}: {md(str(exc))}")
    else:
        chosen = f" ({src} → {tgt})" if src else f" ({tgt})" if tgt else ""
        try_open(target, title=upload.name + chosen, follow_copy=True,
                 key="upload:" + workspace.pairs_digest(data, tgt, src)[:16])


def align_section() -> None:
    st.subheader("Align new texts", anchor="align-new-texts")
    st.caption("An original and its translation as plain text, HTML, Markdown, EPUB, DOCX, ODT "
               "or PDF (with a text layer).")
    cols = st.columns(2)
    files, langs = [], []
    for col, label, side in zip(cols, ("Original", "Translation"), ("src", "tgt")):
        with col:
            up = st.file_uploader(label, type=list(FORMATS), key=f"new_{side}")
            langs.append(language_box(label, side, up))
            files.append(up)
    same_text_warning(files)
    if st.button("Align", key="align_new", type="primary", disabled=None in files):
        try:
            align_uploads(files, langs)
        except AlignmentError as exc:
            st.error(md(str(exc)))
        else:
            st.rerun()


def align_uploads(files: list[Any], langs: list[str]) -> None:
    """Align two uploads here, under the button (where the person is, progress bar and all)."""
    from alignment.kept import aligned_pair

    digest = digest_of(f.getvalue() for f in files)
    title = f"{files[0].name} ↔ {files[1].name}"
    target, existing = aligned_pair(files[0].name, files[1].name, digest, langs[0], langs[1])
    if existing is not None:   # the same texts again: the file with the corrections saved to it
        open_aligned_before(target, existing, title)
        return
    folder = upload_dir()
    stored = [workspace.store_upload(f.name, f.getvalue(), workspace.side_dir(folder, side))
              for f, side in zip(files, ("src", "tgt"))]
    bitext = align_files(digest, langs[0], langs[1], EMBEDDER, str(stored[0]), str(stored[1]),
                         (files[0].name, files[1].name))
    for path in stored:
        path.unlink(missing_ok=True)  # the PO holds the texts now
    store_aligned(bitext, target, title, str(target.resolve()))
    note_sources(target, files[0].name, files[1].name)
    earlier = earlier_corrected(target, time.time())   # said, never merged
    ss.flash_info = (f"Aligned {langs[0]} ↔ {langs[1]} and written to {target}. Keep it where "
                     "it is, download it (Download ▸ PO), or save a copy next to your texts "
                     "(Save a copy as…); the start page lists it." + (f" {earlier}" if earlier
                                                                       else ""))


def open_aligned_before(target: Path, existing: Any, title: str) -> None:
    """The same texts aligned again: the file kept for them, or the copy it was saved as
    ("Save a copy as…" made the copy the open file, with the newer corrections)."""
    copy = copy_of(target)
    if copy is not None:
        open_po(copy, title=title, key=str(target.resolve()))
        ss.flash_info = (f"These texts were aligned here before and saved as a copy: opened "
                         f"{copy}, with the corrections saved to it (the first file, {target}, "
                         "stays as it was).")
        return
    bitext, fingerprint = existing
    open_bitext(bitext, path=target, title=title, fingerprint=fingerprint,
                key=str(target.resolve()))
    ss.flash_info = (f"These texts were aligned here before: opened {target}, with the "
                     "corrections saved to it.")
    say_lost(target)


def start_page() -> None:
    st.title("alignment")
    st.markdown("Read a text and its translation side by side, search and correct the "
                "pairs, proofread the translation, or learn a language from it.")
    st.caption(FIRST_STEP)
    from alignment.corpora import list_corpora

    workspace.sweep_stale()
    # The reader's banner speaks of the file that was open; with none open it is stale, and the
    # next file opened from here was greeted with "Aligned … and written to <the closed file>".
    ss.pop("flash_info", None)
    for line in ss.pop("flash_start", []):
        st.info(md(line))
    for line in ss.pop("flash_warn", []):
        st.warning(md(line))
    drafts_section()
    st.subheader("Corpora")
    corpora = list_corpora()
    for col, corpus in zip(st.columns(max(1, len(corpora))), corpora):
        with col:
            corpus_card(corpus)
    open_section()
    align_section()
    from views import versions as versions_view  # issue 13: several versions in columns
    versions_view.open_section()
