"""Search in a Bitext: plain text or a user's regular expression, in linear time.

Why google-re2 (the `re2` module): a pattern typed by a user, such as `(\\w+\\s?)+;` or
`(a+)+$`, makes Python's backtracking `re` run for minutes on one ordinary sentence,
holding the interpreter lock, so one search froze the whole app for every user. RE2
guarantees time linear in the text for any pattern. What it cannot promise it does
not offer: back-references and look-around are refused, and `SearchError` says so.
Plain-text searches keep the standard `re` on an escaped pattern (no backtracking).

RE2's `\\w`, `\\d` and `\\s` are ASCII-only; `unicode_classes` rewrites `\\w`, `\\W` and `\\d`
to Unicode classes so `\\w+` finds "été" as Python's `re` would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .errors import SearchError
from .types import Bitext, Side, Span


@dataclass(frozen=True)
class Query:
    """What to look for: plain text or a regular expression, in one side or both."""

    text: str = ""
    side: Literal["src", "tgt", "both"] = "both"
    regex: bool = False
    case: bool = False


class Pattern(Protocol):
    def finditer(self, text: str) -> Any: ...


_CLASSES = {"w": (r"[\p{L}\p{N}_]", r"\p{L}\p{N}_"), "W": (r"[^\p{L}\p{N}_]", None),
            "d": (r"\p{Nd}", r"\p{Nd}")}


def unicode_classes(pattern: str) -> str:
    """`pattern` with \\w, \\W, \\d made Unicode-aware for RE2 (inside [...] too, except \\W)."""
    out: list[str] = []
    in_class, i = False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            swap = _CLASSES.get(nxt)
            repl = swap and (swap[1] if in_class else swap[0])
            out.append(repl or ch + nxt)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a literal ] first in a class
                out.append("]")
                i += 1
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _regex(text: str, case: bool) -> Pattern:
    import re2

    options = re2.Options()
    options.case_sensitive = case
    options.log_errors = False
    try:
        return re2.compile(unicode_classes(text), options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ("back-references (\\1) and look-around ((?=, (?<=) are not supported, "
                "as they can take forever; " if any(s in text for s in ("(?=", "(?!", "(?<", "\\1",
                                                                         "\\2")) else "")
        raise SearchError(f"invalid regular expression '{text}': {reason}; {hint}"
                          "fix it or untick 'Regular expression' to search the plain text") from None


def compile_query(query: Query) -> Pattern | None:
    """The compiled pattern, None for an empty query; SearchError for a bad regex."""
    if not query.text:
        return None
    if not query.regex:
        return re.compile(re.escape(query.text), 0 if query.case else re.IGNORECASE)
    return _regex(query.text, query.case)


def search(bitext: Bitext, query: Query) -> dict[int, tuple[Span, ...]]:
    """Links that match, each with the spans to highlight (offsets in `Bitext.link_text`)."""
    pattern = compile_query(query)
    if pattern is None:
        return {}
    sides: tuple[Side, ...] = ("src", "tgt") if query.side == "both" else (query.side,)
    hits: dict[int, tuple[Span, ...]] = {}
    for i in range(len(bitext.alignment.links)):
        spans = tuple(Span(side, m.start(), m.end())
                      for side in sides
                      for m in pattern.finditer(bitext.link_text(i, side))
                      if m.end() > m.start())
        if spans:
            hits[i] = spans
    return hits
