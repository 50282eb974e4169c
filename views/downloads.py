"""The reader's Download menu: each file is made when a person asks for it.

Why on the click: making every format when the menu opened took 9.9 s on a 7,205-link book
and 71 s on 43,572 links (the PO alone is 2.2 s of the first), and kept every file in
memory. Now opening the menu makes nothing (the file uploaded from a CAT tool aside: its
note says what was written); a format's button makes its file in the page's own run (a
spinner says which), keeps it for this version of the text, and the browser downloads it.

Why not Streamlit's deferred download (a function as `data`): a file made on the click now
and then left the button spinning when the click came as the page redrew. A file made in the
page's run is drawn as a plain link to its bytes, clicked once by a script (by the person
again if the script could not), and later clicks on it rerun nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from alignment import workspace
from alignment.epub import export_title
from alignment.errors import AlignmentError
from alignment.types import Bitext

from .common import callback, md, memo, ss, unsaved
from .notes import link_notes
from .saving import words_only

DOWNLOADS = (("po", "text/x-gettext-translation"), ("tmx", "application/xml"),
             ("tsv", "text/tab-separated-values"), ("html", "text/html"),
             ("epub", "application/epub+zip"), ("txt", "text/plain"))


@dataclass(frozen=True)
class Made:
    """A file made for one version of the text: its bytes, or None and why not (`note`);
    the write-back's note says what was written."""

    data: bytes | None
    note: str = ""


def made_files(bitext: Bitext) -> dict[str, Made]:
    """The files made for this very version of the text and of its file (a new dict after
    each edit, and after a save: a note written since goes into the sheet sent back)."""
    return memo("downloads", bitext, ss.get("fingerprint"), dict)


def _exported(bitext: Bitext, fmt: str, layout: str = "pairs", title: str | None = None) -> Made:
    """The file made by workspace.export_bytes, titled `title`, else as the page is."""
    if title is None:
        title = export_title(ss.title or "", bitext)
    try:
        return Made(workspace.export_bytes(bitext, fmt, title, like=ss.path,
                                           edited=bool(unsaved()) and not words_only(), layout=layout))
    except AlignmentError as exc:  # e.g. a language code TMX cannot carry
        return Made(None, str(exc))


EPUB_LAYOUTS = {"paragraphs": "Paragraphs", "pairs": "Sentence pairs",
                "small": "Pairs, translation small"}
"""The EPUB's layouts (epub.STYLES), as the Download menu names them."""


def default_layout(bitext: Bitext) -> str:
    """The EPUB layout offered first: "paragraphs" (an original paragraph, then its
    translation) for a text with paragraphs, as it reads like the book; "pairs" for one
    written as a single paragraph (pairs from a CAT tool), which would be one block.

    Why a choice: the app always wrote "pairs", a block for each sentence, and a teacher
    found the command line's paragraphs read much better."""
    return "paragraphs" if len({s.paragraph for s in bitext.src}) > 1 else "pairs"


@callback
def keep_layout() -> None:
    """The layout chosen, kept for the session: the menu's radio forgets it once closed."""
    ss.epub_layout_kept = ss.epub_layout


def epub_offer(bitext: Bitext, file_name: str, wanted: str | None) -> None:
    """The EPUB's button and, beside it, its layout; a file is made per layout."""
    layouts = list(EPUB_LAYOUTS)
    chosen = ss.get("epub_layout_kept") or default_layout(bitext)
    row = st.container(horizontal=True, vertical_alignment="center")
    button = row.container(width="content")   # drawn first, filled once the layout is known
    layout = row.radio("EPUB layout", layouts, index=layouts.index(chosen), key="epub_layout",
                       format_func=EPUB_LAYOUTS.get, horizontal=True, on_change=keep_layout,
                       label_visibility="collapsed")
    with button:
        offer(bitext, f"epub_{layout}", "EPUB", file_name, "application/epub+zip",
              lambda: _exported(bitext, "epub", layout), wanted == f"epub_{layout}")


OFFICE = (("docx", "Word (.docx)",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          ("odt", "OpenDocument (.odt)", "application/vnd.oasis.opendocument.text"))
OFFICE_LAYOUTS = {"translation": "Translation", "pairs": "Side by side"}
# the file uploaded, with the corrections written back in: its label's start and its type
CORRECTED = {".tmx": ("TMX for the CAT tool", "application/xml"),
             ".xlsx": ("The sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
             ".ods": ("The sheet", "application/vnd.oasis.opendocument.spreadsheet"),
             ".docx": ("The review document", OFFICE[0][2]),
             ".csv": ("The table", "text/csv"), ".tsv": ("The table", "text/tab-separated-values")}
"""The Word and OpenDocument files' layouts (export_office.LAYOUTS), as the menu names them."""


@callback
def keep_office_layout() -> None:
    """The layout chosen, kept for the session, as the EPUB's (keep_layout)."""
    ss.office_layout_kept = ss.office_layout


def office_offer(bitext: Bitext, stem: str, wanted: str | None) -> None:
    """Word and OpenDocument: a button each and, beside them, one layout for both: the
    translation alone (a manuscript for an editor, named by its language as the TXT is), or
    the pairs side by side; a file is made per format and layout. The manuscript is titled
    by its own opening heading alone: the page's title is the file's name ('book', 'it.txt ↔
    it_en.txt') or the original's heading, no heading for an editor's copy."""
    layouts = list(OFFICE_LAYOUTS)
    chosen = ss.get("office_layout_kept") or layouts[0]
    row = st.container(horizontal=True, vertical_alignment="center")
    buttons = [row.container(width="content") for _ in OFFICE]   # filled once the layout is known
    layout = row.radio("Word and OpenDocument layout", layouts, index=layouts.index(chosen),
                       key="office_layout", format_func=OFFICE_LAYOUTS.get, horizontal=True,
                       on_change=keep_office_layout, label_visibility="collapsed")
    manuscript = layout == "translation"
    name, title = (f"{stem}.{bitext.tgt_lang}", "") if manuscript else (stem, None)
    for box, (fmt, label, mime) in zip(buttons, OFFICE):
        with box:
            offer(bitext, f"{fmt}_{layout}", label, f"{name}.{fmt}", mime,
                  lambda fmt=fmt: _exported(bitext, fmt, layout, title), wanted == f"{fmt}_{layout}")


def _handout(bitext: Bitext) -> Made:
    """A learner's handout: the HTML page with each translation shown when pointed at, tapped
    or reached with Tab (export.render_html); a teacher found no student version."""
    from alignment.export import render_html

    return Made(render_html(bitext, title=export_title(ss.title or "", bitext) or None,
                            hide_translation=True).encode("utf-8"))


def _written_back(bitext: Bitext, original: Path) -> Made:
    try:
        data, said = workspace.corrected_original(bitext, original, notes=link_notes(bitext))
    except AlignmentError as exc:
        return Made(None, str(exc))
    return Made(data, said)


def download_file(bitext: Bitext, fmt: str) -> bytes | str:
    """The file's bytes (or why it cannot be made), made once per version of the text."""
    files = made_files(bitext)
    if fmt not in files:
        files[fmt] = _exported(bitext, fmt)
    made = files[fmt]
    return made.note if made.data is None else made.data


@callback
def ask(key: str) -> None:
    """A format's button: the page's next run makes that file (`dl_asked` numbers the
    requests, so the link is clicked once for each)."""
    ss.dl_wanted, ss.dl_asked = key, ss.get("dl_asked", 0) + 1


def download_buttons(bitext: Bitext) -> None:
    """One button per format, none made before its button is clicked; for a file uploaded
    from a CAT tool, that file with the corrections written in, made as the menu opens (as
    small as the file uploaded, and its note says what will be written)."""
    stem = Path(ss.path).stem
    wanted = ss.pop("dl_wanted", None)
    for fmt, mime in DOWNLOADS:
        if fmt == "epub":
            epub_offer(bitext, f"{stem}.epub", wanted)
            continue
        translation = fmt == "txt"   # one side: the translation, named by its language
        offer(bitext, fmt, f"TXT ({bitext.tgt_lang} text)" if translation else fmt.upper(),
              f"{stem}.{bitext.tgt_lang}.txt" if translation else f"{stem}.{fmt}", mime,
              lambda fmt=fmt: _exported(bitext, fmt), wanted == fmt)
    office_offer(bitext, stem, wanted)
    offer(bitext, "handout", "HTML handout (translations hidden)", f"{stem}-handout.html",
          "text/html", lambda: _handout(bitext), wanted == "handout")
    original = workspace.original_of(Path(ss.path))
    if original is not None:
        kind, mime = CORRECTED.get(original.suffix.lower(), ("XLIFF for the CAT tool", "application/xml"))
        offer(bitext, "write_back",
              f"{kind} (your corrections in the file uploaded)",
              original.name.replace(workspace.ORIGINAL, "-corrected"), mime,
              lambda: _written_back(bitext, original), wanted == "write_back", eager=True)


def offer(bitext: Bitext, key: str, label: str, file_name: str, mime: str,
          make: Callable[[], Made], wanted: bool, eager: bool = False) -> None:
    """One format: a button that makes the file, or, once made for this version, a link to
    it (clicked at once after the making the person `wanted`), or why it cannot be made.
    `eager`: made without asking."""
    files = made_files(bitext)
    slot = st.empty()
    if (wanted or eager) and key not in files:
        with slot.container(), st.spinner(f"Making {label}…"):
            files[key] = make()
    made = files.get(key)
    if made is None:
        slot.button(label, key=f"make_{key}", on_click=ask, args=(key,),
                    help="Makes the file from the text as it is now, then downloads it")
    elif made.data is None:
        slot.caption(f"{label}: {md(made.note)}")
    else:
        slot.download_button(label, made.data, key=f"dl_{key}", on_click="ignore", mime=mime,
                             file_name=file_name)
        if made.note:
            st.caption(md(made.note))
        if wanted:
            st.html(click_script(key, ss.get("dl_asked", 0)), unsafe_allow_javascript=True)


def click_script(key: str, asked: int) -> str:
    """Click the link just made, once: the person asked for the file, not for a second
    button. Tried for three seconds, as the page may draw the link after the script; the
    menu opened again runs the script again, and request `asked` is then already done."""
    button = json.dumps(f".st-key-dl_{key} button")
    return ("<script>(() => { const done = window.__downloads ??= new Set(); "
            f"if (done.has({asked})) return; done.add({asked}); let n = 0; "
            "const go = () => { const b = document.querySelector("
            f"{button}); if (b) b.click(); else if (++n < 30) setTimeout(go, 100); }}; "
            "setTimeout(go, 50); })()</script>")
