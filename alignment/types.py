"""Shared, immutable data types that flow between the stages.

read -> Document -> segment -> Sentence list -> embed -> align -> Alignment
-> Bitext (stored as PO) -> checks -> Finding list -> browse.

Every type is a frozen dataclass so a stage can never mutate its input; lists
cross stage boundaries as tuples.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["src", "tgt"]
Severity = Literal["error", "warning", "info"]
# What a paragraph of a book is: body text, or apparatus the aligner never links to text.
Role = Literal["text", "front", "toc", "note"]
# Italic stretches of a text: sorted, non-overlapping (start, end) character offsets into it.
Spans = tuple[tuple[int, int], ...]



# Word pairs one link may be compared over (words.py's word links, the checks' word matrices):
# the longest gold link of LIMSI and Text+Berg has about 30,000 (180 x 168 words); a link of
# thousands of words on each side (an unsplit chapter, a list) would take gigabytes and minutes,
# so such a link is not compared word by word (bounded input).
MAX_WORD_PAIRS = 250_000

# Ideographs (CJK Unified with its extensions, Compatibility) and kana: not Hangul, as Korean
# puts spaces between sentences. CJK punctuation: the CJK block, vertical and full-width forms.
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                         r"\uff66-\uff9f\U00020000-\U0003134f]")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uff65]")


def _punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


def _ends_cjk(text: str) -> bool:
    """Ends in punctuation that closes Chinese or Japanese: a CJK mark ('。', '」', '！'), or
    marks shared with Latin text ('”', '…') right after an ideograph or kana. A bare ideograph
    at the end is not enough: a heading '东京' before '大学很大。' would read '东京大学' (Tokyo
    University), and the words cut there would change, moving the word links of a PO."""
    k = len(text)
    while k and _punct(text[k - 1]):
        k -= 1
    run = text[k:]
    return bool(run) and bool(_CJK_PUNCT.search(run) or (k and _CJK_LETTER.match(text[k - 1])))


def _starts_cjk(text: str) -> bool:
    """Starts with an ideograph or kana, after any opening marks and digits ('1949年'), or
    with a CJK mark ('「')."""
    k = 0
    while k < len(text) and _punct(text[k]):
        k += 1
    if _CJK_PUNCT.search(text[:k]):
        return True
    while k < len(text) and unicodedata.category(text[k]) == "Nd":
        k += 1
    return bool(_CJK_LETTER.match(text, k))


def _joiner(left: str, right: str) -> str:
    return "" if _ends_cjk(left) and _starts_cjk(right) else " "


def join_sentences(texts: Sequence[str]) -> str:
    """Sentences of one side of a link as one text: a space between two, none where Chinese or
    Japanese write none ('…三年。王家…', '…」「…'). Why: a space there went into every export
    (TMX, TSV, Moses) and the reader, a character the text never had."""
    return "".join(t if not k else _joiner(texts[k - 1], t) + t for k, t in enumerate(texts))


UNIT_MAX = 60
"""The longest Link.unit kept, in characters: the PO's '#. unit: ID' line stays within the 78
columns polib writes, which it would wrap (at a space, or before a long id), and a wrapped
line would read back as the id cut short plus a note of another tool's."""


def unit_id(parts: Sequence[str | None], sep: str) -> str:
    """A Link.unit made of `parts` (a CAT tool's unit and segment ids, or merged links' units),
    the empty ones left out, each on one line with single spaces, joined by `sep`; past
    UNIT_MAX characters cut, with '…' at the end (an id that long is rare; its start still
    finds it in the tool)."""
    text = sep.join(" ".join(p.split()) for p in parts if p and p.strip())
    return text if len(text) <= UNIT_MAX else text[:UNIT_MAX - 1] + "…"


def sentence_starts(texts: Sequence[str]) -> list[int]:
    """The offset of each sentence in `join_sentences(texts)`: where a finding on one sentence
    lies in its link's text."""
    starts, at = [], 0
    for k, t in enumerate(texts):
        at += len(_joiner(texts[k - 1], t)) if k else 0
        starts.append(at)
        at += len(t)
    return starts


@dataclass(frozen=True)
class Chapter:
    """One chapter of a book: its title and paragraphs [start, end) of the Document."""

    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A text as read from a file or page: its paragraphs, in order.

    `headings` holds the indexes of paragraphs that are headings (or date lines)
    so the segmenter keeps them as their own segments. `warnings` says what the
    reader had to guess (a file mixing two encodings), for the user to check.
    Books (EPUB, DOCX, ODT, PDF) also carry `chapters` (in order, not
    overlapping) and `roles`, one per paragraph when set: "front" matter, "toc"
    and "note" paragraphs are never linked to text by the chapter aligner (where both
    books have them side by side, they are aligned with each other: left_out.py); empty
    means every paragraph is "text". `levels`, one per paragraph when the reader knows
    heading levels (Markdown #, HTML h1-h6, EPUB), is a heading's level (1 the highest) and
    0 elsewhere; a section cut at a heading runs to the next heading of that level or higher.
    `italics`, one entry per paragraph when the reader knows the formatting (HTML, EPUB, DOCX,
    ODT, Markdown), is the paragraph's italic stretches (Spans into `paragraphs[i]`); missing
    entries mean none. The segmenter carries them to the sentences (italics.py).
    """

    paragraphs: tuple[str, ...]
    source: str = ""
    title: str = ""
    headings: frozenset[int] = frozenset()
    warnings: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    roles: tuple[Role, ...] = ()
    levels: tuple[int, ...] = ()
    italics: tuple[Spans, ...] = ()

    def role(self, paragraph: int) -> Role:
        """The role of one paragraph ("text" when the Document marks none)."""
        return self.roles[paragraph] if paragraph < len(self.roles) else "text"

    def level(self, paragraph: int) -> int:
        """The heading level of one paragraph: 1-6, or 0 when not a heading or not known."""
        return self.levels[paragraph] if paragraph < len(self.levels) else 0


@dataclass(frozen=True)
class Sentence:
    """One segment of a text. `paragraph` is the index of its paragraph. `italics`: its
    italic stretches (Spans into `text`), carried from the reader to the exports; left out of
    equality, as formatting, so a sentence read from a plain file compares equal to the same
    sentence read with its italics."""

    text: str
    paragraph: int = 0
    italics: Spans = field(default=(), compare=False)


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of a text: characters [start, end) of it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class WordLink:
    """Token `src` of a link's source text <-> token `tgt` of its target text (words.py).

    Indexes count the tokens of `word_tokens.tokenize` over the link's sentences joined as
    `join_sentences` joins them (`Bitext.link_text`). `confidence` in [0, 1] (two decimals); `sure` False marks a possible link, as
    "ipj" in the Pharaoh format.
    """

    src: int
    tgt: int
    confidence: float = 1.0
    sure: bool = True


@dataclass(frozen=True)
class Link:
    """One alignment link: source sentence indexes <-> target sentence indexes.

    Either side may be empty (an omission `1-0` or an addition `0-1`), never both.
    `confidence` is in [0, 1]; see align.py for what it means. `reviewed` is
    set when a person has checked the link (it then is never marked fuzzy). `words` holds
    the link's word links, when computed (words.py). `dismissed` holds the keys
    (checks.finding_key) of the findings a person called no problem on this link. `unit`
    is the id of the CAT tool's unit the link was imported from ('17', or '17/2' for its
    segment 2; import_pairs.py): a finding names it, so a translator finds the segment in
    the tool that holds the job; '' for links aligned here. Links merged in the reader join
    their units' ids ('17+18'); the parts of a split link keep theirs.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    reviewed: bool = False
    words: tuple[WordLink, ...] = ()
    dismissed: tuple[str, ...] = ()
    unit: str = ""

    @property
    def kind(self) -> str:
        """Link type as people write it: '1-1', '2-1', '1-0', ..."""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Signature:
    """The settings that produced a result, printable like sacrebleu's.

    Two results are comparable only when their signatures are equal.
    """

    aligner: str = "alignment"
    version: str = ""
    embedder: str = ""
    embedder_version: str = ""
    params: tuple[tuple[str, str], ...] = ()
    seed: int | None = None

    def __str__(self) -> str:
        parts = [f"aligner:{self.aligner}@{self.version}"]
        if self.embedder:
            parts.append(f"embedder:{self.embedder}@{self.embedder_version}")
        parts.extend(f"{k}:{v}" for k, v in self.params)
        if self.seed is not None:
            parts.append(f"seed:{self.seed}")
        return "|".join(parts)


@dataclass(frozen=True)
class Alignment:
    """Monotone links covering every sentence of both sides exactly once."""

    links: tuple[Link, ...]
    signature: Signature = field(default_factory=Signature)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bitext:
    """Both texts and their alignment: what a PO file stores."""

    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]
    alignment: Alignment
    src_lang: str
    tgt_lang: str
    corpus_id: str = ""
    heading_paragraphs: tuple[frozenset[int], frozenset[int]] | None = None
    """The paragraphs (Sentence.paragraph) each side's reader marked as headings, original's
    then translation's: a PDF's larger type, HTML's h1-h6, Markdown's '#'. None where no
    reader said (pairs imported, a PO written before): contents.py then reads the text."""

    def link_text(self, i: int, side: Side) -> str:
        """The text of one side of link i, its sentences joined by `join_sentences`."""
        link = self.alignment.links[i]
        sents = self.src if side == "src" else self.tgt
        idx = link.src if side == "src" else link.tgt
        return join_sentences([sents[j].text for j in idx])


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one side's text of a link, for highlighting."""

    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One proofreading finding on one link."""

    link: int
    check: str
    severity: Severity
    message: str
    spans: tuple[Span, ...] = ()


# ---------------------------------------------------------------- several versions (versions.py)

@dataclass(frozen=True)
class Version:
    """One text of a version set: its sentences, language and a name unique in the set.

    Two versions in the same language are told apart by `name` (e.g. 'en1', 'en2').
    """

    name: str
    lang: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class JointRow:
    """One row of a joint alignment: a span of the original and its counterpart in each version.

    `cells[0]` holds the original's sentence indexes, `cells[k]` those of version k (either may
    be empty, never all). `links[k - 1]` keeps the finer links of the pair (original, version k)
    that fall inside the row, as the pairwise aligner made them.
    """

    cells: tuple[tuple[int, ...], ...]
    links: tuple[tuple[Link, ...], ...]


@dataclass(frozen=True)
class VersionSet:
    """An original (`texts[0]`) and its versions, aligned together in rows.

    Every sentence of every text is in exactly one row, in order. `signatures[k - 1]` and
    `warnings[k - 1]` are those of the pairwise alignment (original, version k).
    """

    texts: tuple[Version, ...]
    rows: tuple[JointRow, ...]
    signatures: tuple[Signature, ...] = ()
    warnings: tuple[tuple[str, ...], ...] = ()
    title: str = ""

    def cell_text(self, row: int, text: int) -> str:
        """The text of one cell: its sentences joined by `join_sentences`."""
        sents = self.texts[text].sentences
        return join_sentences([sents[j].text for j in self.rows[row].cells[text]])


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff between two versions in the same language.

    `kind` is 'equal', 'insert', 'delete' or 'replace'; `old` and `new` are the text of each
    side (joining every `old` gives the first text back, every `new` the second).
    """

    kind: Literal["equal", "insert", "delete", "replace"]
    old: str
    new: str
