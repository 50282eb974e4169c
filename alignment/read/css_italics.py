"""Italics set by a stylesheet class: `.calibre5 { font-style: italic }`, `span.italic`.

Why: many EPUBs (every book Calibre converts, many publishers') and some web pages put their
italics in a class, not in <i> or an inline style; html.py saw only those, so such a book's
italics were lost. The rules read here are those whose selector is a plain class, with or
without a tag (`.it`, `span.it`, a list of them): what converters write. Selectors of context
(`.a .b`, `p > span`), pseudo-classes and the like are left out: matching them would need a
CSS engine, and they rarely carry italics. The classes found are written into the elements
as an inline style ahead of theirs (`mark_classes`), so html.py's one rule for inline styles
decides, and an element's own inline style still wins, as CSS has it.

Library: tinycss2 (the CSS parser WeasyPrint is built on: well kept, pure Python), not
regular expressions: comments, strings, @media blocks and escapes are a parser's job.
Bounded: a stylesheet past MAX_CSS characters is not read (its italics are lost, nothing else).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["MAX_CSS", "italic_classes", "mark_classes", "page_classes"]

MAX_CSS = 2_000_000   # characters of stylesheets read per book or page
_CLASS = re.compile(r"^(?:[A-Za-z][\w-]*)?\.(-?[_A-Za-z][\w-]*)$")


def italic_classes(css: str) -> dict[str, bool]:
    """class -> True (italic) or False (font-style normal), from the rules of `css` whose
    selectors are plain classes; a later rule overrides an earlier one, as in CSS."""
    import tinycss2

    if len(css) > MAX_CSS or "font" not in css:
        return {}
    out: dict[str, bool] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        style = _font_style(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                           skip_whitespace=True))
        if style is None:
            continue
        for selector in tinycss2.serialize(rule.prelude).split(","):
            m = _CLASS.match(selector.strip())
            if m:   # moved to the end: the order of the dict is the order of the rules
                out.pop(m.group(1), None)
                out[m.group(1)] = style
    return out


def _font_style(declarations: Iterable[Any]) -> bool | None:
    """True for font-style italic or oblique (or a font shorthand naming either), False for
    font-style normal, None when the rule does not set the font's style."""
    import tinycss2

    style = None
    for d in declarations:
        if d.type != "declaration" or d.lower_name not in ("font-style", "font"):
            continue
        words = tinycss2.serialize(d.value).lower().split()
        if "italic" in words or "oblique" in words:
            style = True
        elif d.lower_name == "font-style" and words[:1] == ["normal"]:
            style = False
    return style


def page_classes(root: Any) -> dict[str, bool]:
    """The italic classes of a page's own <style> elements."""
    css = "\n".join(el.text or "" for el in root.iter("style"))
    return italic_classes(css) if css.strip() else {}


def mark_classes(root: Any, classes: Mapping[str, bool]) -> None:
    """Each element of a class in `classes` given that font style as an inline style, ahead of
    its own (the reader's parse of a page, changed in place before it is walked)."""
    if not classes:
        return
    rank = {name: k for k, name in enumerate(classes)}   # of two classes, the later rule wins
    for el in root.iter():
        names = el.get("class") if isinstance(el.tag, str) else None
        if not names:
            continue
        found = sorted((rank[c], classes[c]) for c in names.split() if c in classes)
        if found:
            value = "font-style: italic" if found[-1][1] else "font-style: normal"
            own = el.get("style")
            el.set("style", f"{value}; {own}" if own else value)
