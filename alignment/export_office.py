"""What the Word (export_docx.py) and OpenDocument (export_odt.py) exports share: the layouts,
what each holds, and the language of each paragraph.

Why a word-processor file: a literary translator sends the corrected translation to an editor,
and editors work in Word (or LibreOffice); TXT, HTML and EPUB were all the tool gave.

Layouts (`LAYOUTS`):
* "translation": the translation alone, as a manuscript: its title, then its paragraphs as
  render_txt cuts them (the same breaks, the same text), a paragraph that the text's contents
  list as a heading (contents.headings, the rule the reader and the HTML bold them by) as a
  heading. An omission (1-0) adds nothing, an addition (0-1) is text like any other. The
  title is the one given, else the heading the translation opens with, else none: the
  original's heading (what book_title and the app offer as a title) is taken for none given,
  as a manuscript headed 'Le vieux pont' then 'The old bridge' would be wrong twice.
* "pairs": a table for a reviewer: the original and the translation side by side, a row per
  link, the column headers naming the languages, links to review (below the review threshold,
  not reviewed) shaded as the HTML marks them, a line of legend under the title.

Each paragraph carries its language (spelling and hyphenation follow it) and, for a language
written right to left (text_direction.py), the right-to-left direction. Italics (the
sentences' italics, Sentence.italics: emphasis, titles, foreign words) are carried in both
layouts and in a heading: each paragraph here is a text and its italic stretches (export.Marked),
written as italic runs (Word) or spans of an italic text style (ODT). The text stays exactly
what it was without them; cleaning it for XML (`clean_marked`) moves its italics along. The
title given, the legend and the column headers are plain. Other inline formatting (bold,
underline, links) is not carried: the readers keep italics only.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from . import __version__
from .errors import InputError
from .export import Marked, one_line, sentences_joined, txt_paragraphs
from .po import DEFAULT_REVIEW_THRESHOLD
from .text_direction import text_dir
from .types import Bitext, Sentence, Spans

LAYOUTS = ("translation", "pairs")
GENERATOR = f"alignment {__version__}"
REVIEW_FILL = "FFF2CC"
"""The shading of a link to review (a pale amber, as the HTML's margin mark)."""

_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Block:
    """One paragraph of the manuscript: "title", "heading" or "text", its text and its italic
    stretches (offsets into `text`)."""

    kind: str
    text: str
    italics: Spans = ()


@dataclass(frozen=True)
class Row:
    """One link of the side-by-side table: each side's paragraphs, each a text and its italics
    (none for an omission or an addition), whether it is to review, and whether it is a
    heading (drawn bold)."""

    src: tuple[Marked, ...]
    tgt: tuple[Marked, ...]
    review: bool
    heading: bool


def check_layout(layout: str) -> None:
    """InputError for a layout not in LAYOUTS (a caller's typo is said, not guessed at)."""
    if layout not in LAYOUTS:
        raise InputError(f"unknown Word/OpenDocument layout {layout!r}; use one of "
                         f"{', '.join(LAYOUTS)}")


def clean(text: str) -> str:
    """A text as an XML paragraph may hold it: on one line, without the control characters
    XML 1.0 forbids (a stray one in a PO made the writer fail)."""
    return one_line(_XML_BAD.sub("", text))


def clean_marked(text: str, italics: Spans) -> Marked:
    """`clean(text)` and its italics moved along (italics.reanchor: a removed control
    character or a line break made a space shifts the offsets after it; identity, and no
    cost, where cleaning changed nothing or there are no italics)."""
    cleaned = clean(text)
    if not italics:
        return cleaned, ()
    from .italics import reanchor

    return cleaned, reanchor(text, italics, cleaned)


def rtl(lang: str) -> bool:
    """Whether a side in `lang` is written right to left."""
    return text_dir(lang) == "rtl"


def language_name(tag: str) -> str:
    """A column header: the language's English name and its tag ('French (fr)'), or the tag
    alone where babel knows no such language."""
    from babel import Locale, UnknownLocaleError

    if tag.lower().startswith("und"):
        return tag   # babel reads 'und' as English (United States)
    try:
        name = Locale.parse(tag.replace("_", "-"), sep="-").get_display_name("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    return f"{name} ({tag})" if name else tag


def _whole_heading_links(bitext: Bitext) -> set[int]:
    from .contents import headings

    return {h.link for h in headings(bitext) if h.whole}


def _paragraph_groups(sents: Sequence[Sentence]) -> list[list[int]]:
    """The sentence indexes of each paragraph, cut where render_txt cuts them."""
    groups: list[list[int]] = []
    last = None
    for k, sent in enumerate(sents):
        if sent.paragraph != last or not groups:
            groups.append([])
            last = sent.paragraph
        groups[-1].append(k)
    return groups


def manuscript(bitext: Bitext, title: str | None) -> tuple[str, list[Block]]:
    """The document's title and the blocks of the "translation" layout (module docstring)."""
    from .epub import book_title

    heads = _whole_heading_links(bitext)
    heading_sents = {j for i in heads for j in bitext.alignment.links[i].tgt}
    blocks = [Block("heading" if all(k in heading_sents for k in group) else "text", *marked)
              for group, marked in zip(_paragraph_groups(bitext.tgt),
                                       (clean_marked(*p) for p in txt_paragraphs(bitext)))
              if marked[0]]
    given = clean(title or "") if title != book_title(bitext) else ""
    if blocks and blocks[0].kind == "heading" and not given:
        return blocks[0].text, [replace(blocks[0], kind="title"), *blocks[1:]]
    return given, ([Block("title", given)] if given else []) + blocks


def pairs_title(bitext: Bitext, title: str | None) -> str:
    """The "pairs" layout's title: the one given, else the HTML page's."""
    from .epub import book_title

    return clean(title or book_title(bitext) or f"{bitext.src_lang} – {bitext.tgt_lang}")


def _side_paragraphs(sents: Sequence[Sentence], idx: Sequence[int]) -> tuple[Marked, ...]:
    """A cell's text, a paragraph per run of one paragraph, joined as link_text joins them,
    with its italics."""
    runs: list[list[Sentence]] = []
    for k, j in enumerate(idx):
        if k == 0 or sents[j].paragraph != sents[idx[k - 1]].paragraph:
            runs.append([])
        runs[-1].append(sents[j])
    return tuple(m for m in (clean_marked(*sentences_joined(run)) for run in runs) if m[0])


def pair_rows(bitext: Bitext) -> Iterator[Row]:
    """The "pairs" layout's rows, one per link, made as they are written (a book's 20,000
    links are never held twice)."""
    heads = _whole_heading_links(bitext)
    for i, link in enumerate(bitext.alignment.links):
        yield Row(_side_paragraphs(bitext.src, link.src), _side_paragraphs(bitext.tgt, link.tgt),
                  not link.reviewed and link.confidence < DEFAULT_REVIEW_THRESHOLD, i in heads)


def legend(bitext: Bitext) -> str:
    """The line under the "pairs" title: what the shading and an empty cell mean."""
    links = bitext.alignment.links
    review = sum(not link.reviewed and link.confidence < DEFAULT_REVIEW_THRESHOLD for link in links)
    return (f"{len(links)} links, {review} to review (shaded: confidence below "
            f"{DEFAULT_REVIEW_THRESHOLD}, not reviewed). An empty cell: no counterpart in the "
            f"other text.")


def replace_in_zip(data: bytes, parts: Mapping[str, Callable[[bytes], bytes]]) -> bytes:
    """The zip `data` with each member named in `parts` rewritten by its function, every
    member's order and compression kept (an ODT's 'mimetype' must stay first and stored).

    Why: the libraries write their own name as the file's generator (odfpy replaces any
    meta:generator on saving; python-docx's template says 'Microsoft Macintosh Word')."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            change = parts.get(info.filename)
            new.writestr(info, change(old.read(info)) if change else old.read(info))
    return out.getvalue()
