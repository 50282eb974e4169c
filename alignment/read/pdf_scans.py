"""Pages of a PDF that are pictures without text (scanned pages inside a typeset PDF).

Why: such a page was skipped without a word, so the translation's sentences of that page were
aligned with nothing and read as additions ('0-1' links the check calls "addition?"); a PDF
with text on its first page only and scans after gave 45 of 59 links without an original and
exit status 0. A page holding an image and no text is named in a warning (Document.warnings,
which the command line prints and the app shows above the reader), and a PDF where such pages
outnumber those with text is refused as a scan (ScannedPDF), as one with no text at all is.
A page with neither text nor image is a blank page, as books have, and says nothing.
"""

from __future__ import annotations

from typing import Any

from ..errors import ScannedPDF


def _has_image(resources: Any, depth: int = 0) -> bool:
    """Whether these page (or form) resources draw an image, looking one form deep."""
    try:
        xobjects = resources.get_object().get("/XObject")
        for item in (xobjects.get_object().values() if xobjects else ()):
            obj = item.get_object()
            if obj.get("/Subtype") == "/Image":
                return True
            if obj.get("/Subtype") == "/Form" and depth < 1 and "/Resources" in obj:
                if _has_image(obj["/Resources"], depth + 1):
                    return True
    except Exception:  # damaged resources: no warning rather than no text
        return False
    return False


def page_ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 5, 7] -> '2-5, 7'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def pictures_warning(reader: Any, pages: list[list[Any]], source: str) -> tuple[str, ...]:
    """A warning naming the pages that are images without text; ScannedPDF when they are most."""
    pictures = [k + 1 for k, lines in enumerate(pages)
                if not lines and _has_image(reader.pages[k].get("/Resources") or {})]
    if not pictures:
        return ()
    name = source or "the PDF"
    with_text = sum(1 for lines in pages if lines)
    where = f"{'page' if len(pictures) == 1 else 'pages'} {page_ranges(pictures)} of {name}"
    if len(pictures) > with_text:
        raise ScannedPDF(f"{name}: only {with_text} of its {len(pages)} pages have text, pages "
                         f"{page_ranges(pictures)} are images (a scan); run OCR on it first "
                         f"(e.g. ocrmypdf) and read the result")
    verb = "has" if len(pictures) == 1 else "have"
    return (f"{where} {verb} no text (scanned images?): run OCR on "
            f"{'it' if len(pictures) == 1 else 'them'} (e.g. ocrmypdf) or the translation's "
            f"text there will read as additions",)
