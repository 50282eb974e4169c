"""Errors a user can cause, each with a message that says what to do.

The library raises these; only the cli/ package and app.py turn them into a one-line
"Error: ..." (and exit 1). Messages name the file (and line) when there is one.
"""

from __future__ import annotations


class AlignmentError(Exception):
    """Base of every user-facing error of this package."""


class InputError(AlignmentError):
    """A file or text given by the user cannot be used (missing, empty, binary)."""


class SectionNotFound(InputError):
    """The section asked for (heading or markers) is not in the text."""


class UnsupportedLanguage(AlignmentError):
    """A language code the chosen component does not know."""


class FetchError(AlignmentError):
    """A corpus side could not be downloaded; the message says how to supply it by hand."""


class FetchRefused(FetchError):
    """A text plainly not the side (another language) was not kept. `reason` says why without
    the command line's advice (`--force`), for a face that offers its own way to insist."""

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"{reason}, {advice}")
        self.reason = reason


class ManyTranslations(InputError):
    """A file of pairs (a multilingual TMX) holds translations into several languages and none
    was chosen. `languages` lists them, for a face that offers the choice itself."""

    def __init__(self, message: str, languages: tuple[str, ...]) -> None:
        super().__init__(message)
        self.languages = languages


class LanguagesUnknown(InputError):
    """A file of pairs (a table) names no languages, or codes no component knows, and its
    text does not tell them: a face that offers its own choice of languages catches this."""


class CorpusError(AlignmentError):
    """A corpus manifest is missing, malformed, or names an unknown corpus."""


class POFormatError(AlignmentError):
    """A PO file does not follow docs/po-format.md (message names file and line)."""


class POConflict(AlignmentError):
    """Writing would overwrite a PO that a person edited, or that changed on disk."""


class BenchDataError(AlignmentError):
    """Benchmark or gold data is missing or malformed."""


class UnknownComponent(AlignmentError):
    """A registry name (segmenter, embedder, ...) that does not exist."""


class SearchError(AlignmentError):
    """A search pattern the reader cannot use (an invalid regular expression)."""


class EditError(AlignmentError):
    """A correction that cannot be applied to this link (e.g. splitting a 1-1 link)."""


class UploadError(InputError):
    """An uploaded file that is too large or cannot be stored safely."""


class EncoderError(AlignmentError):
    """The sentence encoder package is missing or not the tested version, or its cache is unusable."""


class BookError(InputError):
    """An EPUB, DOCX, ODT or PDF file that cannot be read (broken, encrypted, unsupported)."""


class ScannedPDF(BookError):
    """A PDF whose pages hold images of text but no text layer (needs OCR first)."""


class EncryptedBook(BookError):
    """A book protected by DRM or a password: its text cannot be read."""


class SetFormatError(AlignmentError):
    """A version-set file (TMX) that does not follow docs/versions-format.md (names file and line)."""


class MemoryBudgetError(InputError):
    """An alignment whose estimated memory is more than the limit given or the memory free."""
