"""Plain text, and the rules every format shares: normalising spaces, telling headings.

- Plain text: paragraphs are separated by blank lines; when the blocks
  between blank lines hold several long lines that end sentences (or there
  are no blank lines at all), each line is a paragraph. Hard-wrapped text
  (short lines, many not ending a sentence) is joined back, and an indented
  line starts a new paragraph there. A block broken by hand (verse, dialogue
  lines, a list: most lines stop well short of the file's wrap width and end
  in punctuation or before a dash or quote) keeps its lines in any file, and
  has no say in whether the rest is wrapped: a poem's commas once made a whole
  file count as wrapped, and every single line break in it was dropped.
- Normalisation: Unicode NFC; every run of whitespace becomes one space, or
  one NO-BREAK SPACE (U+00A0) when the run held any no-break space (U+00A0,
  U+202F narrow, U+2007 figure). We normalise to U+00A0 rather than keep
  U+202F so that "« oui »" compares equal whatever typesetting produced it,
  and every font has it. Zero-width spaces, soft hyphens and stray BOMs are
  removed, and so are control characters (which PO and XML cannot hold), up
  front rather than after an alignment. Typographic quotes, apostrophes and
  dashes are kept as they are.

Headings (HTML h1-h6, Markdown #, and in plain text short lines that do
not end a sentence, all-capital lines, date lines such as "March 1925") go
into Document.headings so the segmenter keeps them as their own segments.
Standard library only (math, re, unicodedata): these are our rules, not a parser's.
"""

from __future__ import annotations

import math
import re
import unicodedata

NBSP = "\u00a0"
_NO_BREAK = "\u00a0\u202f\u2007"
# Invisible characters and controls that are not whitespace (whitespace controls such as
# \x1c-\x1f and NEL become spaces below); XML and PO cannot hold them.
INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u00ad\ufeff\u2060\ufffe\uffff\x7f"),
                            *range(0x00, 0x09), *range(0x0e, 0x1c), *range(0x80, 0x85),
                            *range(0x86, 0xa0), *range(0xd800, 0xe000)])
_SPACE_RUN = re.compile(r"[^\S\u00a0]+")
_NO_BREAK_RUN = re.compile(r"\s*[\u00a0\u202f\u2007]\s*")


def _no_break_or_space(run: re.Match[str]) -> str:
    """A run holding a no-break space stays unbreakable, unless it holds a line
    break too: a line break is where a line (a heading, a sentence) may end."""
    return " " if "\n" in run.group() or "\r" in run.group() else NBSP


def normalize_space(text: str) -> str:
    """NFC, invisible characters removed, whitespace runs -> one space or one U+00A0
    (where the run holds a no-break space and no line break)."""
    return collapse_space(unicodedata.normalize("NFC", text).translate(INVISIBLE))


def collapse_space(text: str) -> str:
    """Whitespace runs -> one space, or one U+00A0 where the run holds a no-break space and no
    line break; none at the ends. Also what a correction typed in the app is made (so the
    French '«\u00a0Oui\u00a0»' read from a text keeps its no-break spaces when corrected)."""
    if not any(c in text for c in _NO_BREAK):
        return " ".join(text.split())
    text = _SPACE_RUN.sub(" ", _NO_BREAK_RUN.sub(_no_break_or_space, text))
    return text.strip(" " + NBSP)



# ---------------------------------------------------------------- headings

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
           "décembre|decembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|"
           "abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|"
           "aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|"
           "junho|julho|setembro|outubro|novembro|dezembro|maart|mei|augustus")
DATE_LINE = re.compile(
    rf"^(?:[^\W\d]+(?:[ -][^\W\d]+)*,\s)?(?:(?:le\s)?\d{{1,2}}(?:er|\.)?\s)?(?:{_MONTHS})\s\d{{3,4}}\.?$"
    r"|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\.?$", re.I)
# a line ending so is a sentence, not a heading: Latin stops and closers, the full-width
# ones of Chinese and Japanese (a paragraph there is one "word" between spaces, so without
# them every short one was a heading and stayed unsplit), Arabic, Urdu and Devanagari stops
_ENDS_SENTENCE = re.compile(r"[.!?…;:,»”\"')\]。！？」』）〕】、，；：؟۔।॥]$")


def looks_like_heading(paragraph: str) -> bool:
    """A short line that is not a sentence: a title, a numbered heading, a date line.

    Used for plain text (which has no markup) and by the segmenter, so that
    "March 1925" or "CHAPTER II." is never glued to the sentence after it. A line opening
    in a small letter is not one: an Italian poem's "torna ogni sera alla riva" was listed
    among the text's headings and printed bold.
    """
    text = paragraph.strip()
    if not text or len(text) > 100 or "\n" in text:
        return False
    if DATE_LINE.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(text) > 1 and not text.endswith(("?", "!")):
        return True
    # a line opening in a small letter goes on from the line before (a poem's line)
    return (len(text.split()) <= 12 and not _ENDS_SENTENCE.search(text) and text[0].isalnum()
            and not text[0].islower())


# ---------------------------------------------------------------- plain text

# a line that opens a reply, a quotation or a list item: the break before it was meant
_OPENS_ITEM = re.compile(r"^\s*(?:[-–—•·*„“”«»‹›\"'‘‚「『]|\d{1,3}[.)]\s)")


def _wrap_width(blocks: list[list[str]]) -> int:
    """The width the file's lines reach: its 95th-percentile line length, so that a long
    URL in a wrapped file, or a short line in one written a paragraph a line, does not set it."""
    lengths = sorted(len(line.rstrip()) for block in blocks for line in block)
    return lengths[math.ceil(0.95 * len(lengths)) - 1] if lengths else 0


def _fills(line: str, following: str, width: int) -> bool:
    """A wrap at `width` breaks here: the next line's first word would not have fitted
    (with slack, as not every tool fills lines greedily)."""
    return len(line.rstrip()) + 1 + len(following.split()[0]) > 0.7 * width


def _runs_on(line: str, following: str) -> bool:
    """The line stops mid-clause, and the next goes on with no reply, quote or item."""
    return not _ENDS_SENTENCE.search(line.rstrip()) and not _OPENS_ITEM.match(following)


def _is_verse(block: list[str], width: int) -> bool:
    """Lines broken by hand (verse, dialogue, a list): most stop well short of the file's
    wrap width and most end a clause, where wrapped prose fills its lines and runs on."""
    breaks = list(zip(block, block[1:]))
    full = sum(_fills(line, following, width) for line, following in breaks)
    running = sum(_runs_on(line, following) for line, following in breaks)
    return bool(breaks) and 2 * full < len(breaks) and 2 * running < len(breaks)


def _is_wrapped(blocks: list[list[str]]) -> bool:
    """Hard-wrapped prose: short lines, and many of them stop mid-sentence."""
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner:
        return False
    short = sum(len(line) <= 100 for line in inner)
    open_ = sum(not re.search(r"[.!?…:»”\"]$", line.rstrip()) for line in inner)
    return short >= 0.8 * len(inner) and open_ >= 0.4 * len(inner)


def _indented(block: list[str]) -> list[list[str]]:
    """A wrapped block cut where an indented line starts a paragraph (when not all are)."""
    starts = [k for k, line in enumerate(block) if k and line[:1] in " \t\u3000"]
    if not starts or len(starts) == len(block) - 1:
        return [block]
    bounds = [0, *starts, len(block)]
    return [block[a:b] for a, b in zip(bounds, bounds[1:])]


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line blocks, or one per line (see module doc)."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    width = _wrap_width(blocks)
    verse = [_is_verse(block, width) for block in blocks]
    if _is_wrapped([block for block, kept in zip(blocks, verse) if not kept]):
        paragraphs = [line for block, kept in zip(blocks, verse)
                      for line in (block if kept else map(" ".join, _indented(block)))]
    else:
        paragraphs = [line for block in blocks for line in block]
    return [p for p in map(normalize_space, paragraphs) if p]

