"""The pipeline: read -> segment -> embed -> align, glued into one call that yields a Bitext.

`align_documents` takes two read Documents (any reader), segments them with a registered
segmenter and aligns the sentences; `align_sentences` takes text already split one sentence
per line (benchmark input, raw or tokenized). Both report progress through the shared
callback and never print. Language codes are checked against the CLDR language list of
Babel (a well-kept library already installed with trafilatura) so that a typo such as
"fre" or "english" is a clear error, while a real language the encoder does not know
(Greek, Czech...) still aligns: the aligner then warns in `Alignment.warnings`; so does
unrelated.py where the two texts do not read as a text and its translation (the wrong files).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .errors import InputError
from .italics import with_italics
from .progress import Progress, no_progress
from .registry import EMBEDDERS, SEGMENTERS
from .types import Bitext, Document, Sentence, VersionSet

PARAGRAPH_MARK = "<P>"


def check_language(code: str) -> str:
    """`code` as a BCP 47 tag ('fr_FR' -> 'fr-FR', 'fra' -> 'fr'); see lang.normalize_language."""
    from .lang import normalize_language

    return normalize_language(code)


def resolve_embedder(embedder: Any, *, cache: bool = True) -> Any:
    """An embedder object, or a registry name ('use', 'hashing') turned into one.

    With `cache`, sentence encodings go to the on-disk cache (embed.default_cache_dir,
    $ALIGNMENT_CACHE_DIR), so re-aligning an edited text re-encodes only what changed.
    """
    if isinstance(embedder, str):
        from .embed import default_cache_dir

        factory = EMBEDDERS[embedder]
        return factory(threads=2, cache_dir=default_cache_dir() if cache else None)
    return embedder


def align_documents(src_doc: Document, tgt_doc: Document, *, src_lang: str, tgt_lang: str,
                    embedder: Any, segmenter: str = "default", config: Any = None,
                    corpus_id: str = "", progress: Progress = no_progress) -> Bitext:
    """Segment both documents with `segmenter` and align their sentences."""
    from .align import check_size

    src_lang, tgt_lang = check_language(src_lang), check_language(tgt_lang)
    both_chapters = bool(src_doc.chapters and tgt_doc.chapters)   # then aligned a chapter at a time
    for doc in (src_doc, tgt_doc):   # each paragraph gives a sentence at least: refuse before segmenting
        if not both_chapters:
            check_size(len(doc.paragraphs), doc.source or "the text", at_least=True)
    split = SEGMENTERS[segmenter]
    progress(0, 2, "segment")
    src = with_italics(src_doc, split(src_doc, src_lang))
    progress(1, 2, "segment")
    tgt = with_italics(tgt_doc, split(tgt_doc, tgt_lang))
    progress(2, 2, "segment")
    for sents, doc in ((src, src_doc), (tgt, tgt_doc)):
        if not sents:
            raise InputError(f"{doc.source or 'text'}: no sentences found; is the file empty?")
        if not both_chapters:
            check_size(len(sents), doc.source or "the text")
    if src_doc.chapters or tgt_doc.chapters or src_doc.roles or tgt_doc.roles:
        bitext = _align_books(src, tgt, src_doc, tgt_doc, src_lang=src_lang, tgt_lang=tgt_lang,
                              embedder=embedder, config=config, corpus_id=corpus_id,
                              progress=progress)
    else:
        bitext = _align(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, embedder=embedder,
                        config=config, corpus_id=corpus_id, progress=progress)
    # which paragraphs the readers took for headings: the reader's "Go to a heading" lists
    # them, not whatever short line a PDF's author or table rows make (contents.py)
    bitext = replace(bitext, heading_paragraphs=(marked_headings(src_doc), marked_headings(tgt_doc)))
    read_warnings = src_doc.warnings + tgt_doc.warnings  # what the readers had to guess
    if not read_warnings:
        return bitext
    alignment = replace(bitext.alignment, warnings=read_warnings + bitext.alignment.warnings)
    return replace(bitext, alignment=alignment)


def marked_headings(doc: Document) -> frozenset[int]:
    """The paragraphs `doc`'s reader marked as headings, date lines left out (they are marked
    only to be kept whole: "mars 1925" is no heading)."""
    from .read.text import DATE_LINE

    return frozenset(i for i in doc.headings if not DATE_LINE.match(doc.paragraphs[i].strip()))


def align_version_documents(docs: Sequence[Document], langs: Sequence[str], *, embedder: Any,
                            segmenter: str = "default", title: str = "",
                            names: Sequence[str] | None = None,
                            progress: Progress = no_progress) -> VersionSet:
    """An original (`docs[0]`) and its versions, each a read Document, segmented and aligned
    as one set (versions.align_versions): what the app's "Compare versions" upload does.
    Texts are named after their languages ('en1', 'en2'), or `names` (unique, no spaces)."""
    from .align import check_size
    from .versions import align_versions, versions_from_sentences, with_read_warnings

    if len(docs) < 3 or len(docs) != len(langs):
        raise InputError(f"a version set needs an original and at least two versions, one "
                         f"language each; got {len(docs)} texts and {len(langs)} languages")
    langs = [check_language(code) for code in langs]
    split = SEGMENTERS[segmenter]
    sentences = []
    for n, (doc, lang) in enumerate(zip(docs, langs)):
        progress(n, len(docs), "segment")
        sents = with_italics(doc, split(doc, lang))
        if not sents:
            raise InputError(f"{doc.source or 'text'}: no sentences found; is the file empty?")
        check_size(len(sents), doc.source or "the text")
        sentences.append(sents)
    vs = align_versions(versions_from_sentences(sentences, langs, names),
                        embedder=resolve_embedder(embedder), title=title, progress=progress)
    return with_read_warnings(vs, [doc.warnings for doc in docs])


def sentences_from_lines(lines: Sequence[str], source: str = "") -> tuple[Sentence, ...]:
    """One Sentence per non-blank line; a blank line or a `<P>` line starts a new paragraph."""
    out: list[Sentence] = []
    paragraph, pending_break = 0, False
    for line in lines:
        text = line.strip()
        if not text or text == PARAGRAPH_MARK:
            pending_break = bool(out)
            continue
        if pending_break:
            paragraph, pending_break = paragraph + 1, False
        out.append(Sentence(text=text, paragraph=paragraph))
    if not out:
        raise InputError(f"{source or 'input'}: no sentences (expected one sentence per line)")
    return tuple(out)


def align_sentences(src_lines: Sequence[str], tgt_lines: Sequence[str], *, src_lang: str,
                    tgt_lang: str, embedder: Any, config: Any = None, corpus_id: str = "",
                    progress: Progress = no_progress) -> Bitext:
    """Align presplit input: one sentence per line (blank line = paragraph break).

    Sentence i of the result is the i-th non-blank line, so links index lines the way
    Vecalign-format gold does when the files have no blank lines.
    """
    src_lang, tgt_lang = check_language(src_lang), check_language(tgt_lang)
    return _align(sentences_from_lines(src_lines, "source"),
                  sentences_from_lines(tgt_lines, "target"), src_lang=src_lang,
                  tgt_lang=tgt_lang, embedder=embedder, config=config,
                  corpus_id=corpus_id, progress=progress)   # align() checks their size


def _align(src: tuple[Sentence, ...], tgt: tuple[Sentence, ...], *, src_lang: str,
           tgt_lang: str, embedder: Any, config: Any, corpus_id: str,
           progress: Progress) -> Bitext:
    from .align import AlignConfig, align
    from .unrelated import with_unrelated_warning

    embedder = resolve_embedder(embedder)
    alignment = align(src, tgt, embedder=embedder,
                      config=config if config is not None else AlignConfig(),
                      src_lang=src_lang, tgt_lang=tgt_lang, progress=progress)
    return with_unrelated_warning(Bitext(src=src, tgt=tgt, alignment=alignment, src_lang=src_lang,
                                         tgt_lang=tgt_lang, corpus_id=corpus_id), embedder)


def _align_books(src: tuple[Sentence, ...], tgt: tuple[Sentence, ...], src_doc: Document,
                 tgt_doc: Document, *, src_lang: str, tgt_lang: str, embedder: Any, config: Any,
                 corpus_id: str, progress: Progress) -> Bitext:
    """Books: chapters matched first when both sides have them (chapters.py); notes,
    tables of contents and front matter never linked to text, only to each other where both
    books have them side by side (left_out.py)."""
    from .chapters import align_books, sentence_chapters, unaligned_sentences
    from .unrelated import with_unrelated_warning

    both = bool(src_doc.chapters and tgt_doc.chapters)
    embedder = resolve_embedder(embedder)
    alignment = align_books(
        src, tgt, sentence_chapters(src_doc, src) if both else (),
        sentence_chapters(tgt_doc, tgt) if both else (), embedder=embedder,
        config=config, src_lang=src_lang, tgt_lang=tgt_lang,
        src_skip=unaligned_sentences(src_doc, src), tgt_skip=unaligned_sentences(tgt_doc, tgt),
        progress=progress)
    return with_unrelated_warning(Bitext(src=src, tgt=tgt, alignment=alignment, src_lang=src_lang,
                                         tgt_lang=tgt_lang, corpus_id=corpus_id), embedder)


def format_vecalign(bitext: Bitext) -> str:
    """Links one per line as Vecalign writes them: '[0, 1]:[2]', '[3]:[]'."""
    return "".join(f"{list(link.src)}:{list(link.tgt)}\n" for link in bitext.alignment.links)
