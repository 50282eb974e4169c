"""Placeholders and codes a software string carries, lost, added or changed in its translation:
'Bonjour {name} !' / 'Hello!', '{0}' / '{1}', '%d' / '%s', '<b>…</b>' / '…'.

Part of the check stage (checks.py registers `check_placeholders` as 'placeholders'). Why: a
CAT user's strings ('{0}', '{name}', '%d', '%s', '%1$s', '%(count)d', '${user}', '{{count}}',
tags written as text, '&nbsp;') are filled in or read by a program; one missing, added or
renamed breaks the program or what it shows, whatever the words around it say, and no other
check reads them. Each side's codes are counted as a multiset: languages order them
differently, so the order is free. Printf's positions ('%2$s %1$s') are how a translator
reorders '%s %s', so they are compared only where both sides write them; a tag's name is
compared, not its attributes (a title or alt text is translated). Codes that a CAT tool keeps
in its own markup (XLIFF's <ph>) are left out of the text on import (inline_codes.py) and so
are not seen here; the CAT tool checks those. Regular expressions: translate-toolkit's
`printf` and `variables` filters raise on the first difference with no position, and do not
read the other forms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .check_config import CheckConfig
from .cognates import link_pairs, make_finding
from .evidence import WordEvidence
from .types import Bitext, Finding, Span

CODE = re.compile(
    r"(?P<literal>%%)"                                     # a percent sign, no code
    r"|(?P<mustache>\{\{\s*[\w.\-]+\s*\}\})"               # {{count}}
    r"|(?P<dollar>\$\{\s*[\w.\-]+\s*\})"                   # ${user}
    r"|(?P<brace>\{\s*(?:\d+|[A-Za-z_][\w.\-]*)\s*(?:[,:][^{}\n]*)?\})"   # {0}, {name}, {0,number}
    r"|(?P<named>%\([\w.\-]+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa])"   # %(count)d
    r"|(?P<printf>(?<![\w%])%(?:(?P<pos>\d+)\$)?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcsp@]"
    r"(?![A-Za-z]))"                                        # %d, %s, %1$s, %.2f, %@
    r"|(?P<qt>(?<![\w%])%[1-9](?![\d$]))"                   # Qt's %1
    r"|(?P<tag>(?<!<)</?[A-Za-z][\w\-]*(?:\s+[\w\-:]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))*\s*/?>(?!>))"
    # <b>, </b>, <br/>, <a href="...">; not '<<Oui>>' (quotes written with '<')
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,7}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});)"   # &nbsp; &#160;
)
TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w\-]*)")


def without_codes(text: str) -> str:
    """text with its codes blanked, its length kept: the digits of '{0}', '%1$s', '<h2>' or
    '&#160;' are no numbers for the numbers check ('{0}' / '{1}' was also 'numbers differ')."""
    if not any(c in text for c in "{%<&$"):
        return text
    return CODE.sub(lambda m: m.group() if m.lastgroup == "literal" else " " * len(m.group()), text)


def codes(text: str, positions: bool = True) -> list[tuple[str, int, int]]:
    """The codes of text as compared (key, start, end): spaces inside braces dropped, a tag
    by its name, printf's position dropped unless `positions`."""
    out = []
    for m in CODE.finditer(text):
        kind = m.lastgroup or ""
        if kind == "literal":
            continue
        key = re.sub(r"\s+", "", m.group())
        if kind == "tag" and not _is_tag(m.group()):
            continue
        if kind == "tag":
            name = TAG_NAME.match(m.group())
            key = ("</" if m.group().startswith("</") else "<") + (name.group(1).lower() if name else "") + \
                ("/>" if m.group().endswith("/>") else ">")
        elif kind == "printf" and not positions and m.group("pos"):
            key = "%" + m.group()[len(m.group("pos")) + 2:]
        out.append((key, m.start(), m.end()))
    return out


# HTML's element names, and those of the markup software strings carry ('<bold>', '<link>')
HTML_TAGS = frozenset("""a abbr b bdi bdo big blockquote bold br caption center cite code dd del dfn div dl
dt em font h1 h2 h3 h4 h5 h6 hr i img ins italic kbd label li link mark ol p pre q s samp small
span strike strong sub sup table tbody td th thead tr tt u ul var wbr""".split())


def _is_tag(text: str) -> bool:
    """A tag of markup, not words between angle brackets: an element HTML knows ('<b>',
    '</span>', '<br/>') or one with attributes. German and Swiss texts quote with '<' and '>'
    where '‹ ›' was typed or scanned ('ein solches <Basislager>', '<Altar-stein>'): as tags
    they were 7 false warnings on 472 clean links of a held-out bench text."""
    name = TAG_NAME.match(text)
    return bool(name) and (name.group(1).lower() in HTML_TAGS or "=" in text)


def _positional(text: str) -> bool:
    return any(m.group("pos") for m in CODE.finditer(text) if m.lastgroup == "printf")


def check_placeholders(bitext: Bitext, config: CheckConfig,
                       evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """A placeholder or code of one side missing on the other, or changed: a warning."""
    for i, src, tgt in link_pairs(bitext):
        if not src or not tgt or not (CODE.search(src) or CODE.search(tgt)):
            continue
        both = _positional(src) and _positional(tgt)
        mine, theirs = codes(src, both), codes(tgt, both)
        lost = Counter(k for k, *_ in mine) - Counter(k for k, *_ in theirs)
        added = Counter(k for k, *_ in theirs) - Counter(k for k, *_ in mine)
        if not lost and not added:
            continue
        gone, new = _last(mine, lost), _last(theirs, added)
        spans = [Span("src", a, b) for _, a, b in gone] + [Span("tgt", a, b) for _, a, b in new]
        yield make_finding(i, "placeholders", "warning",
                           _message([src[a:b] for _, a, b in gone], [tgt[a:b] for _, a, b in new]), *spans)


def _last(found: list[tuple[str, int, int]], extra: Counter[str]) -> list[tuple[str, int, int]]:
    """The codes of `found` beyond the other side's count of each (the last ones)."""
    left = Counter(extra)
    out = []
    for code in reversed(found):
        if left[code[0]] > 0:
            left[code[0]] -= 1
            out.append(code)
    return out[::-1]


def _message(lost: list[str], added: list[str]) -> str:
    """'placeholder '{0}' became '{1}' ...', '... '{name}' is missing in the translation', or both lists."""
    def said(written: list[str], where: str) -> str:
        many = len(written) > 1
        quoted = ", ".join(f"'{w}'" for w in written)
        return f"placeholder{'s' * many} {quoted} {'are' if many else 'is'} {where}"

    if len(lost) == 1 and len(added) == 1:
        return f"placeholder '{lost[0]}' became '{added[0]}' in the translation"
    parts = [said(lost, "missing in the translation")] if lost else []
    return "; ".join(parts + ([said(added, "not in the original")] if added else []))
