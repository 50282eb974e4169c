"""The start page's "Align new texts" boxes: each upload's language, and what to check
before Align (a language chosen against the text's, the same text given twice).

Why warnings and not refusals: detection can be wrong, and aligning a text with itself may
be a test; but both went silently, and the person found out from odd links (a Russian text
chosen as English was split by English rules and written into the PO as English).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from alignment import workspace
from alignment.lang import contradicts, sure_language

from .common import LANGS, md, ss


def language_box(label: str, side: str, up: Any) -> str:
    """The language of one upload: the detected one, set when a new file arrives; a warning
    under it when the chosen language is not the one the text surely is (lang.sure_language,
    quiet on a line or two, where detection is unsure).

    A new file the detector cannot tell (a line or two) sets the box back to the side's
    default and says so: it used to keep the previous file's language ('de' for an English
    line that replaced a German text)."""
    key, default = f"lang_{side}", "fr" if side == "src" else "en"
    if up is not None and ss.get(f"detected_{side}") != up.file_id:
        from alignment.read import sample_text

        sample = sample_text(up.name, up.getvalue())
        guess = workspace.guess_language(sample)
        ss[f"detected_{side}"], ss[f"guess_{side}"] = up.file_id, guess
        ss[f"sure_{side}"] = sure_language(sample)
        ss[key] = guess or default
    guess = ss.get(f"guess_{side}") if up is not None else None
    ss.setdefault(key, default)
    options = list(dict.fromkeys([*LANGS, ss[key]]))
    note = ("" if up is None else f" (detected: {guess})" if guess
            else " (could not tell; check the language)")
    chosen = st.selectbox(f"{label} language{note}", options, key=key)
    sure = ss.get(f"sure_{side}") if up is not None else None
    if contradicts(sure, chosen):
        st.warning(f"{md(up.name)} reads as {sure}, not {chosen}: it will be split into "
                   f"sentences and compared as {chosen}. Check the language before Align.")
    return chosen


def same_text_warning(files: list[Any]) -> None:
    """A warning when the original and the translation uploaded hold the same bytes (the same
    file chosen twice): it aligned quietly as a text with itself."""
    if None not in files and files[0].getvalue() == files[1].getvalue():
        st.warning(f"{md(files[0].name)} and {md(files[1].name)} hold the same text: give an "
                   "original and its translation.")
