"""Italics: carried from the reader, through the sentences and the PO, into the exports.

Why: a novel's italics are its emphasis, the titles of books and papers, foreign words, a
character's thoughts. Testers reading a bilingual book made here found them all gone: the
pipeline kept plain sentences only. The readers give each paragraph's italic stretches
(Document.italics); this module

* carries them to the sentences the segmenter cut (`carry`): a segmenter only ever changes
  white space and invisible characters, so the paragraph's other characters are matched to
  the sentence's in order;
* keeps them through a correction (`reanchor`), word by word: a kept word keeps its italic,
  words typed over or inside an italic stretch are italic;
* writes them into a PO entry's comments and a version set's TMX and reads them back
  (`po_line`, `read_po_line`; `side_text`, `read_side`), with a CRC-32 of each side's text
  (in decimal): a text edited in another tool (Poedit) no longer fits its offsets, so that
  side's italics are dropped rather than put on the wrong words;
* joins a paragraph's sentences for an export (`join`, `joined` as the reader joins them) and
  cuts a text into runs (`runs`), or into escaped HTML with <i> (`italic_html`: the exports and
  the app's reader).

Spans are (start, end) character offsets, sorted and not overlapping (types.Spans).
"""

from __future__ import annotations

import html
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from .types import Document, Sentence, Spans, join_sentences, sentence_starts

__all__ = ["Marked", "carry", "italic_html", "join", "joined", "normalize", "po_line", "read_po_line",
           "read_side", "reanchor", "runs", "sentences_joined", "side_text", "with_italics"]

# what normalize_space removes besides white space (read/text.py INVISIBLE): skipped when matching
_SKIPPED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def normalize(spans: Sequence[tuple[int, int]], text: str) -> Spans:
    """Spans clipped to `text`, sorted, touching ones merged, white space trimmed from their
    ends, empty ones dropped: one form for every producer, so two equal formattings compare equal."""
    out: list[list[int]] = []
    for a, b in sorted((max(0, int(a)), min(len(text), int(b))) for a, b in spans):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        if out and (a <= out[-1][1] or not text[out[-1][1]:a].strip()):   # touching, or a space between
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def italic_flags(text: str, spans: Spans) -> list[bool]:
    flags = [False] * len(text)
    for a, b in spans:
        flags[a:b] = [True] * (b - a)
    return flags


def spans_of_flags(text: str, flags: Sequence[bool]) -> Spans:
    """Runs of italic characters; white space between two italic characters is italic too."""
    spans: list[tuple[int, int]] = []
    start, last = None, -1
    for k, c in enumerate(text):
        if c.isspace():
            continue
        if flags[k]:
            start, last = (k if start is None else start), k
        elif start is not None:
            spans.append((start, last + 1))
            start = None
    if start is not None:
        spans.append((start, last + 1))
    return normalize(spans, text)


def _visible(text: str, flags: Sequence[bool]) -> Iterator[tuple[str, bool]]:
    """The characters a segmenter keeps, NFC-composed run by run, with their flags."""
    k = 0
    while k < len(text):
        end = k
        while end < len(text) and flags[end] == flags[k]:
            end += 1
        for c in unicodedata.normalize("NFC", text[k:end]):
            if not c.isspace() and c not in _SKIPPED:
                yield c, flags[k]
        k = end


SKIP = 1000   # characters a segmenter may leave out between two sentences, at most


def carry(paragraph: str, spans: Spans, sentences: Sequence[str]) -> list[Spans]:
    """The italic stretches of each of `sentences`, cut in order from `paragraph`, whose
    italic stretches are `spans`. A sentence whose characters cannot be found in order in
    what is left of the paragraph (within SKIP characters: a search to the paragraph's end for
    each of 10,000 sentences of a 1 MB paragraph would be quadratic) gets none, and the search
    goes on after the last found."""
    chars = list(_visible(paragraph, italic_flags(paragraph, spans)))
    seen = "".join(c for c, _ in chars)
    at, out = 0, []
    for text in sentences:
        keys = [k for k, c in enumerate(text) if not c.isspace() and c not in _SKIPPED]
        want = "".join(text[k] for k in keys)
        found = seen.find(want, at, at + len(want) + SKIP) if want else -1
        if found < 0:
            out.append(())
            continue
        flags = [False] * len(text)
        for n, k in enumerate(keys):
            flags[k] = chars[found + n][1]
        out.append(spans_of_flags(text, flags))
        at = found + len(want)
    return out


def with_italics(doc: Document, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """`sentences` (segmented from `doc`) with the italics of their paragraphs carried to them."""
    if not any(doc.italics):
        return tuple(sentences)
    out = list(sentences)
    by_par: dict[int, list[int]] = {}
    for k, s in enumerate(out):
        by_par.setdefault(s.paragraph, []).append(k)
    for p, ks in by_par.items():
        if p < len(doc.italics) and doc.italics[p] and p < len(doc.paragraphs):
            for k, spans in zip(ks, carry(doc.paragraphs[p], doc.italics[p], [out[k].text for k in ks])):
                if spans:
                    out[k] = replace(out[k], italics=spans)
    return tuple(out)


def reanchor(old: str, spans: Spans, new: str) -> Spans:
    """The italics of `new`, a correction of `old`, compared word by word: a kept word keeps
    its italic; words typed over italic ones are italic, as a word processor types over a
    selection in its formatting ('Le Monde' -> 'Le Figaro'); words typed between two italic
    ones are italic ('The Old Bridge' -> 'The Old Stone Bridge'). Words, not characters: a
    character diff matched the 'o' and 'n' of an italic 'Monde' inside a new plain 'nothing'."""
    if not spans or not new:
        return ()
    if old == new:
        return spans
    flags = italic_flags(old, spans)
    a_tok, b_tok = _TOKEN.findall(old), _TOKEN.findall(new)
    a_at, b_at = _starts(a_tok), _starts(b_tok)
    out = [False] * len(new)
    matcher = SequenceMatcher(None, a_tok, b_tok, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        lo, hi = a_at[i1], a_at[i2]
        if op == "equal":
            out[b_at[j1]:b_at[j2]] = flags[lo:hi]
        elif op == "replace":
            seen = [flags[k] for k in range(lo, hi) if not old[k].isspace()]
            out[b_at[j1]:b_at[j2]] = [2 * sum(seen) > len(seen)] * (b_at[j2] - b_at[j1])
        elif op == "insert":
            inside = _flag_near(old, flags, lo - 1, -1) and _flag_near(old, flags, lo, 1)
            out[b_at[j1]:b_at[j2]] = [inside] * (b_at[j2] - b_at[j1])
    return spans_of_flags(new, out)


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _starts(tokens: Sequence[str]) -> list[int]:
    """Each token's offset, and the text's length after the last."""
    out, at = [], 0
    for t in tokens:
        out.append(at)
        at += len(t)
    return out + [at]


def _flag_near(text: str, flags: Sequence[bool], k: int, step: int) -> bool:
    """The italic flag of the first non-space character from k on, going `step`."""
    while 0 <= k < len(text):
        if not text[k].isspace():
            return flags[k]
        k += step
    return False


def join(sentences: Sequence[Sentence], sep: str = " ") -> tuple[str, Spans]:
    """The sentences joined by `sep`, with their italics offset into the joined text."""
    text, spans, at = [], [], 0
    for k, s in enumerate(sentences):
        if k:
            text.append(sep)
            at += len(sep)
        spans.extend((a + at, b + at) for a, b in s.italics)
        text.append(s.text)
        at += len(s.text)
    joined = "".join(text)
    return joined, normalize(spans, joined)


def runs(text: str, spans: Spans) -> list[tuple[str, bool]]:
    """`text` cut into (piece, italic) runs, in order, none empty: what an export writes."""
    out: list[tuple[str, bool]] = []
    at = 0
    for a, b in normalize(spans, text):
        if a > at:
            out.append((text[at:a], False))
        out.append((text[a:b], True))
        at = b
    if at < len(text) or not out:
        out.append((text[at:], False))
    return [r for r in out if r[0]] or [("", False)]


# ------------------------------------------------------------------ for the formatted exports

Marked = tuple[str, Spans]
"""A text and its italic stretches (offsets into it), as the formatted exports write it."""


def joined(parts: Sequence[Marked]) -> Marked:
    """Texts joined as join_sentences joins them (no space between Chinese or Japanese
    sentences), with their italics offset into the joined text. Why not `join`: its one
    separator would put a space the reader and the EPUB never wrote between CJK sentences."""
    texts = [text for text, _ in parts]
    text = join_sentences(texts)
    if not any(spans for _, spans in parts):
        return text, ()
    moved = [(a + at, b + at) for (_, spans), at in zip(parts, sentence_starts(texts)) for a, b in spans]
    return text, normalize(moved, text)


def sentences_joined(sents: Sequence[Sentence]) -> Marked:
    """Sentences' text as link_text joins them, with their italics."""
    return joined([(s.text, s.italics) for s in sents])


def italic_html(text: str, spans: Spans, escape: Callable[[str], str] = html.escape) -> str:
    """`text` escaped (by `escape`), each italic run as <i>escaped</i>: the markup is put
    around pieces already escaped, so no text can become markup. Without italics, exactly
    `escape(text)`: a plain text's page is the same byte for byte."""
    if not spans:
        return escape(text)
    return "".join(f"<i>{escape(piece)}</i>" if italic else escape(piece)
                   for piece, italic in runs(text, spans))


# ------------------------------------------------------------------ stored: PO comment line, set TMX prop

_LINE = re.compile(r"^italics: src (.*) / tgt (.*)$")
_SIDE = re.compile(r"^(-|(?:\d+:\d+-\d+(?:,\d+-\d+)*)(?: \d+:\d+-\d+(?:,\d+-\d+)*)*) (\d+)$")


def _crc(texts: Sequence[str]) -> str:
    return str(zlib.crc32("\n".join(texts).encode("utf-8")))


def side_text(sents: Sequence[Sentence]) -> str:
    """One side's italics as stored ('1:4-12,20-26 3473628211': each sentence's stretches,
    N its 1-based place among `sents`, then the CRC-32 of their texts), in digits and the marks
    po_guard.CONTINUED_NOTE knows, so a PO line polib wraps is read whole again."""
    parts = [f"{n + 1}:" + ",".join(f"{a}-{b}" for a, b in s.italics)
             for n, s in enumerate(sents) if s.italics]
    return f"{' '.join(parts) or '-'} {_crc([s.text for s in sents])}"


def read_side(stored: str, texts: Sequence[str]) -> list[Spans]:
    """Each of `texts`' italics from `side_text`'s form; none at all where the texts no longer
    give the CRC (edited in another tool) or the form does not parse: never italics on the
    wrong words."""
    out: list[Spans] = [() for _ in texts]
    side = _SIDE.match(stored.strip())
    if side is None or side.group(2) != _crc(texts):
        return out
    for part in side.group(1).split() if side.group(1) != "-" else ():
        n, _, stretch = part.partition(":")
        j = int(n) - 1
        if 0 <= j < len(texts):
            out[j] = normalize([tuple(map(int, p.split("-"))) for p in stretch.split(",")], texts[j])
    return out


def po_line(src: Sequence[Sentence], tgt: Sequence[Sentence]) -> str | None:
    """The PO comment line for one link's sentences ('italics: src 1:4-12,20-26 3473628211 /
    tgt - 40213'), None where neither side has italics."""
    if not any(s.italics for s in (*src, *tgt)):
        return None
    return f"italics: src {side_text(src)} / tgt {side_text(tgt)}"


def read_po_line(lines: Sequence[str],
                 texts: tuple[Sequence[str], Sequence[str]]) -> tuple[list[Spans], list[Spans]]:
    """Each sentence's italics on each side, from an entry's comment lines and its texts
    (sentence texts per side), as `read_side` reads each side."""
    for line in lines:
        m = _LINE.match(line)
        if m:
            return read_side(m.group(1), texts[0]), read_side(m.group(2), texts[1])
    return [() for _ in texts[0]], [() for _ in texts[1]]
