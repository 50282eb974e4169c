"""The writing direction of a side's text, from its language: the `dir` of every cell drawn.

Why not dir="auto" alone: it takes the direction from the first strong letter, so an Arabic
sentence that starts with a Latin word ('Google Maps أظهر الطريق…', '"merhaba" تعني…',
'UNESCO تدرج…') was laid out left to right, left-aligned, its words in the wrong order. The
side's language is known, so a right-to-left language sets rtl; a language not known to be
written right to left keeps auto (it may be written in either direction, or be 'und').
"""

from __future__ import annotations

import re
from typing import Literal

# Languages written right to left (ISO 639-1, and the older iw and ji)
_RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv"})
# Scripts written right to left (ISO 15924): a script subtag decides ('ku-Arab', 'sd-Deva')
_RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"})
_SUBTAGS = re.compile(r"[-_]")


def text_dir(lang: str) -> Literal["rtl", "auto"]:
    """"rtl" for a language (BCP 47 tag, 'ar', 'fa-IR', 'ar_EG', 'ku-Arab') written right to
    left, else "auto": the browser's own guess from the text, as before."""
    tags = _SUBTAGS.split(lang.strip().lower())
    script = next((t for t in tags[1:] if len(t) == 4 and t.isalpha()), None)
    if script is not None:
        return "rtl" if script in _RTL_SCRIPTS else "auto"
    return "rtl" if tags[0] in _RTL_LANGUAGES else "auto"
