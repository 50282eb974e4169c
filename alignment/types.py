"""Shared, immutable data types that flow between the stages.

read -> Document -> segment -> Sentence list -> embed -> align -> Alignment
-> Bitext (stored as PO) -> checks -> Finding list -> browse.

Every type is a frozen dataclass so a stage can never mutate its input; lists
cross stage boundaries as tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Side = Literal["src", "tgt"]
Severity = Literal["error", "warning", "info"]
# What a paragraph of a book is: body text, or apparatus the aligner leaves unaligned.
Role = Literal["text", "front", "toc", "note"]


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
    and "note" paragraphs are left unaligned by the chapter aligner; empty
    means every paragraph is "text".
    """

    paragraphs: tuple[str, ...]
    source: str = ""
    title: str = ""
    headings: frozenset[int] = frozenset()
    warnings: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    roles: tuple[Role, ...] = ()

    def role(self, paragraph: int) -> Role:
        """The role of one paragraph ("text" when the Document marks none)."""
        return self.roles[paragraph] if paragraph < len(self.roles) else "text"


@dataclass(frozen=True)
class Sentence:
    """One segment of a text. `paragraph` is the index of its paragraph."""

    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Link:
    """One alignment link: source sentence indexes <-> target sentence indexes.

    Either side may be empty (an omission `1-0` or an addition `0-1`), never both.
    `confidence` is in [0, 1]; see align.py for what it means. `reviewed` is
    set when a person has checked the link (it then is never marked fuzzy).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    reviewed: bool = False

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

    def link_text(self, i: int, side: Side) -> str:
        """The text of one side of link i, sentences joined by a space."""
        link = self.alignment.links[i]
        sents = self.src if side == "src" else self.tgt
        idx = link.src if side == "src" else link.tgt
        return " ".join(sents[j].text for j in idx)


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
