"""Italics set by a stylesheet: `.calibre5 { font-style: italic }`, `span.italic`,
`blockquote p`, `.poem > span`.

Why: many EPUBs (every book Calibre converts, many publishers') and some web pages put their
italics in a stylesheet, not in <i> or an inline style; html.py saw only those, so such a
book's italics were lost. A rule whose selector is a plain class, with or without a tag (`.it`,
`span.it`: what converters write), is matched by a look at each element's classes. Any other
selector (of context, `.a .b`, `p > span`; of a tag or an id; of an attribute) is matched by
cssselect, up to MAX_SELECTORS of them; pseudo-elements (`::first-letter`) and states
(`:hover`) never match, since no text is wholly in them. Of two rules on one element the more
specific wins, then the later, as in CSS. The styles found are written into the elements as an
inline style ahead of theirs (`mark_classes`), so html.py's one rule for inline styles
decides, and an element's own inline style still wins, as CSS has it.

Libraries: tinycss2 (the CSS parser WeasyPrint is built on: well kept, pure Python) for the
stylesheet, not regular expressions: comments, strings, @media blocks and escapes are a
parser's job; cssselect (the selector engine of lxml and Scrapy) turns a selector into the
XPath lxml runs. Bounded: a stylesheet past MAX_CSS characters is not read (its italics are
lost, nothing else), nor selectors past MAX_SELECTORS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

__all__ = ["MAX_CSS", "MAX_SELECTORS", "ItalicRules", "class_style", "italic_classes", "italic_rules",
           "mark_classes", "page_classes", "then"]

MAX_CSS = 2_000_000   # characters of stylesheets read per book or page
MAX_SELECTORS = 300   # selectors other than plain classes matched per book or page
_CLASS = re.compile(r"^(?:[A-Za-z][\w-]*)?\.(-?[_A-Za-z][\w-]*)$")


@dataclass(frozen=True)
class Rule:
    """One selector of a rule that sets the font's style: its text, CSS specificity, the
    rule's place in the stylesheet, and whether it makes italics."""

    selector: str
    specificity: tuple[int, int, int]
    order: int
    italic: bool


@dataclass(frozen=True)
class ItalicRules:
    """The rules of a stylesheet that set the font's style: plain classes by class name (the
    common case, matched in one pass), the other selectors in a list."""

    classes: Mapping[str, tuple[Rule, ...]] = field(default_factory=dict)
    selectors: tuple[Rule, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.classes or self.selectors)


def italic_classes(css: str) -> dict[str, bool]:
    """class -> True (italic) or False (font-style normal), from the rules of `css` whose
    selectors are plain classes; a later rule overrides an earlier one, as in CSS."""
    rules = sorted((r for held in italic_rules(css).classes.values() for r in held),
                   key=lambda r: r.order)
    return {_CLASS.match(r.selector).group(1): r.italic for r in rules}


def italic_rules(css: str) -> ItalicRules:
    """The selectors of the rules of `css` that set the font's style (see module doc)."""
    if len(css) > MAX_CSS or "font" not in css:
        return ItalicRules()
    classes: dict[str, tuple[Rule, ...]] = {}
    selectors: list[Rule] = []
    for order, (selector, italic) in enumerate(_styled_selectors(css)):
        m = _CLASS.match(selector)
        if m:
            rule = Rule(selector, (0, 1, int("." not in selector[:1])), order, italic)
            classes[m.group(1)] = (*classes.get(m.group(1), ()), rule)
        elif len(selectors) < MAX_SELECTORS and _compiled(selector) is not None:
            selectors.append(Rule(selector, _compiled(selector)[1], order, italic))
    return ItalicRules(classes, tuple(selectors))


def _styled_selectors(css: str) -> Iterator[tuple[str, bool]]:
    """(selector, italic) of each rule setting the font's style, in the stylesheet's order."""
    import tinycss2

    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        style = _font_style(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                           skip_whitespace=True))
        if style is None:
            continue
        for selector in tinycss2.serialize(rule.prelude).split(","):
            if selector.strip():
                yield " ".join(selector.split()), style


@lru_cache(maxsize=1024)
def _compiled(selector: str) -> tuple[Any, tuple[int, int, int]] | None:
    """lxml's XPath for a selector (cssselect) and its CSS specificity, or None for one that
    matches no whole element (a pseudo-element, a state such as :hover) or that cssselect
    cannot read."""
    from cssselect import HTMLTranslator, SelectorError, parse
    from lxml import etree

    try:
        parsed = parse(selector)
        if len(parsed) != 1 or parsed[0].pseudo_element is not None:
            return None
        return etree.XPath(HTMLTranslator().selector_to_xpath(parsed[0])), parsed[0].specificity()
    except (SelectorError, etree.XPathError):
        return None


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


def page_classes(root: Any) -> ItalicRules:
    """The font-style rules of a page's own <style> elements."""
    css = "\n".join(el.text or "" for el in root.iter("style"))
    return italic_rules(css) if css.strip() else ItalicRules()


def mark_classes(root: Any, rules: ItalicRules) -> None:
    """Each element a rule in `rules` matches given that rule's font style as an inline style,
    ahead of its own (the reader's parse of a page, changed in place before it is walked). Of
    several rules on one element, the most specific wins, then the latest."""
    if not rules:
        return
    won: dict[Any, Rule] = {}

    def offer(el: Any, rule: Rule) -> None:
        held = won.get(el)
        if held is None or (rule.specificity, rule.order) > (held.specificity, held.order):
            won[el] = rule

    if rules.classes:
        for el in root.iter():
            names = el.get("class") if isinstance(el.tag, str) else None
            for c in names.split() if names else ():
                for rule in rules.classes.get(c, ()):
                    if _tag_fits(rule.selector, el.tag):
                        offer(el, rule)
    for rule in rules.selectors:
        for el in _compiled(rule.selector)[0](root):
            offer(el, rule)
    for el, rule in won.items():
        value = "font-style: italic" if rule.italic else "font-style: normal"
        own = el.get("style")
        el.set("style", f"{value}; {own}" if own else value)


def then(first: ItalicRules, later: ItalicRules) -> ItalicRules:
    """The rules of two stylesheets, `later` read after `first` (a page's <style> after its
    book's sheets): of two equally specific rules, the later one's wins."""
    shift = 1 + max((r.order for r in (*first.selectors, *(r for rs in first.classes.values() for r in rs))),
                    default=-1)
    moved = {c: tuple(replace(r, order=r.order + shift) for r in rules) for c, rules in later.classes.items()}
    classes = {c: (*first.classes.get(c, ()), *moved.get(c, ())) for c in {*first.classes, *moved}}
    selectors = (*first.selectors, *(replace(r, order=r.order + shift) for r in later.selectors))
    return ItalicRules(classes, selectors)


def class_style(rules: ItalicRules, names: str, tag: str) -> bool | None:
    """The font style the plain-class rules give an element of this tag and these classes (its
    class attribute): True italic, False normal, None none of them; the most specific rule
    wins, then the latest. For a page read flattened (html._flatten), with no tree to match
    other selectors in."""
    won = max((rule for c in names.split() for rule in rules.classes.get(c, ())
               if _tag_fits(rule.selector, tag)),
              key=lambda rule: (rule.specificity, rule.order), default=None)
    return None if won is None else won.italic


def _tag_fits(selector: str, tag: str) -> bool:
    """`span.it` matches a <span> only; `.it` any element."""
    name = selector.split(".", 1)[0]
    return not name or name.lower() == tag.lower()
