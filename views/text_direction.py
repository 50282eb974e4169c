"""The writing direction of the app's text boxes, from the language typed in them.

Why: a text box is left to right whatever it holds, so the correction box of an Arabic
translation showed its sentence left-aligned, its words and full stop in the wrong order; the
cells around it follow the side's language (alignment/text_direction.py), and so do the boxes.
Streamlit sets no `dir` on its widgets: a rule on the widget's key container does it.
"""

from __future__ import annotations

from collections.abc import Iterable

from alignment.text_direction import text_dir


def box_css(selector: str, langs: Iterable[str]) -> str:
    """A <style> setting the boxes under `selector` right to left when every language in
    `langs` is written so, else reading each line in the direction its first letter gives
    (as dir="auto": a query may be typed in either language)."""
    langs = list(langs)
    rule = ("direction:rtl" if langs and all(text_dir(lang) == "rtl" for lang in langs)
            else "unicode-bidi:plaintext")
    return f"<style>{selector}{{{rule}}}</style>"
