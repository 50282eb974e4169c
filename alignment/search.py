"""Search in a Bitext: plain text or a user's regular expression, in linear time.

Why google-re2 (the `re2` module): a pattern typed by a user, such as `(\\w+\\s?)+;` or
`(a+)+$`, makes Python's backtracking `re` run for minutes on one ordinary sentence,
holding the interpreter lock, so one search froze the whole app for every user. RE2
guarantees time linear in the text for any pattern. What it cannot promise it does
not offer: back-references and look-around are refused, and `SearchError` says so.
Plain-text searches keep the standard `re` on an escaped pattern (no backtracking), in the
text folded as a reader types it (`fold`: full-width and half-width forms, ligatures, the
optional Arabic and Hebrew vowel marks and letter forms, Arabic-Indic and Thai digits as 0-9,
the kashida, '،' and '؟' as ',' and '?', ё as е, ’ as ', 'œ' as 'oe', case, and
the accents of the Latin letters typed without one ('iñigo' finds 'ÍÑIGO', not 'Inigo'); the dot
of 'Sr.ª'; a letter and its accent written apart are composed), the hits mapped back to the text. `plain_finds` is that search for one string (the
glossary's search box). A regular expression with Match case off reads the Turkish 'İ' and 'ı'
as 'i', as the plain search does (`DotlessPattern`).

RE2's `\\w`, `\\d` and `\\s` are ASCII-only; `unicode_classes` rewrites `\\w`, `\\W` and `\\d`
to Unicode classes so `\\w+` finds "été" as Python's `re` would.

RE2's `\\b` and `\\B` are ASCII-only too, and no option of RE2 changes that (its
`word_boundary` option only allows them in POSIX syntax): `\\bcafé\\b` found nothing, since
RE2 sees a boundary between "f" and "é" and none after "é". RE2 has no look-around to write a
Unicode boundary with, and the other ways out fail: matching the neighbouring character
instead (`(?:^|\\W)café(?:\\W|$)`) highlights it too and misses a match that starts where
the last one ended ("é é" for `\\bé\\b`); filtering RE2's matches with Python's `re` brings
its backtracking back (`\\b(\\w+\\s?)+;` runs for minutes), and RE2 can return only one
path through the pattern, so a rejected match does not tell where the right one is.
So a pattern with `\\b` or `\\B` is searched, still by RE2 in linear time, in a spread copy
of the text (`spread_text`) where each character stands between markers that RE2's
ASCII `\\b` reads right: before each character a "w" where a Unicode word starts ("-"
otherwise), after it a "w" where one ends; the pattern (`spread_pattern`) steps over the
markers around each character it matches; offsets are mapped back. See `spread_text`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, Literal, Protocol

from .errors import SearchError
from .search_fold import (dotless, fold, fold_parts, folded_text, query_pattern, screen_text,
                          typed_accents)
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


# ---------------------------------------------------------------- Unicode \b and \B

_SENTINEL = "\ufdd0"   # a Unicode noncharacter: never in a text (one that is is replaced)
_MARK = r"[\n\-w]"     # a marker: "w", "-" or a newline (for (?m)^ and $)
_REPEAT = re.compile(r"\{\d+(?:,\d*)?\}")
_ESCAPE = re.compile(r"\\(?:[pP](?:\{[^}]*\}|.)|x(?:\{[^}]*\}|[0-9A-Fa-f]{0,2})|[0-7]{1,3}|.)",
                     re.S)
_POSIX = re.compile(r"\[:\^?[a-z]+:\]")


def _class_end(pattern: str, i: int) -> int:
    """The index just after the character class that opens at `pattern[i]` ('[')."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":  # a literal ] first in a class
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif (posix := _POSIX.match(pattern, j)) is not None:
            j = posix.end()
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return j


def _tokens(pattern: str) -> list[tuple[str, bool]]:
    r"""An RE2 pattern (valid: it compiled) cut into (piece, matches one character?): a
    literal, '.', an escape such as \w or \p{L}, a class; or what matches none: a group's
    parenthesis, '|', a repeat, an anchor, \b, \B. \Q...\E gives one piece a character."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("\\Q", i):
            end = pattern.find("\\E", i + 2)
            end = len(pattern) if end < 0 else end
            out += [(f"\\x{{{ord(c):X}}}", True) for c in pattern[i + 2:end]]
            i = end + 2
            continue
        if ch == "\\":
            piece = _ESCAPE.match(pattern, i).group()  # type: ignore[union-attr]
            out.append((piece, piece[1:] not in ("b", "B", "A", "z")))
        elif ch == "[":
            piece = pattern[i:_class_end(pattern, i)]
            out.append((piece, True))
        elif pattern.startswith("(?", i):  # (?:  (?i)  (?i:  (?P<name>  (?<name>
            ends = [k for k in (pattern.find(c, i + 2) for c in ":)>") if k >= 0]
            piece = pattern[i:min(ends) + 1] if ends else pattern[i:]
            out.append((piece, False))
        elif ch == "{" and (repeat := _REPEAT.match(pattern, i)) is not None:
            piece = repeat.group()
            out.append((piece, False))
        else:
            piece = ch
            out.append((piece if ch != "{" else "\\{", ch not in "()|^$*+?"))
        i += len(piece)
    return out


def has_boundaries(pattern: str) -> bool:
    r"""Whether an RE2 pattern asserts a word boundary (\b or \B, not \\b nor [\b])."""
    return any(piece in ("\\b", "\\B") for piece, _ in _tokens(pattern))


def spread_pattern(pattern: str) -> str:
    r"""`pattern` (valid RE2) for `spread_text`: each piece that matches a character steps over
    the marker before it, the character, the sentinel and the marker after it."""
    return "".join(f"(?:{_MARK}{piece}\\x{{FDD0}}{_MARK})" if one else piece
                   for piece, one in _tokens(pattern))


def relaxed_pattern(pattern: str) -> str:
    r"""`pattern` (valid RE2) with \b and \B made empty groups: it matches wherever `pattern`
    does, and maybe elsewhere."""
    return "".join("(?:)" if piece in ("\\b", "\\B") else piece for piece, _ in _tokens(pattern))


_INSIDE_WORD = re.compile(r"(?<=w)w"), re.compile(r"w(?=w)")
_U32 = next(code for code in "IL" if array(code).itemsize == 4)


def spread_text(text: str) -> str:
    r"""`text` with each character c written as four, y c S x, so that offset i of `text` is
    offset 4*i here (the start of y; the end of the last x for i = len(text)):

    - y: "w" where a word starts at c (a word character after none), "\n" where c is a
      newline, "-" otherwise;
    - S: the sentinel U+FDD0, a noncharacter (in `text`, replaced by U+FFFD);
    - x: "w" where a word ends at c, "\n" where c is a newline, "-" otherwise.

    Between the x before offset 4*i and the y after it, RE2's ASCII \b finds a boundary
    exactly where Python's Unicode \b does at i (one of x, y is "w" only at a word's start or
    end); (?m)^ and $ find a newline before or after as in `text`. A piece of
    `spread_pattern` matches only from a y: from c its sentinel would fall on x, from S its
    first marker on S, from x its sentinel on the next c; so a match that is not empty starts
    and ends at offsets of `text`. A word character is one of Python's \w (letters, digits,
    "_"), which is the \p{L}\p{N}_ of `unicode_classes` (Python's Unicode tables may be
    older than RE2's).
    """
    if _SENTINEL in text:
        text = text.replace(_SENTINEL, "\ufffd")
    kinds = text.translate({ord(c): "w" if c.isalnum() or c == "_" else "\n" if c == "\n" else "-"
                            for c in set(text)})
    starts, ends = (inside.sub("-", kinds) for inside in _INSIDE_WORD)
    spread = array(_U32, bytes(16 * len(text)))   # interleaved as UTF-32 code units
    for k, part in enumerate((starts, text, _SENTINEL * len(text), ends)):
        spread[k::4] = array(_U32, part.encode("utf-32-le"))
    return spread.tobytes().decode("utf-32-le")


@dataclass(frozen=True)
class SpreadMatch:
    """A match found in `spread_text`, at offsets of the text itself."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish


@dataclass(frozen=True)
class SpreadPattern:
    r"""A pattern with \b or \B, searched by RE2 in `spread_text` (see the module's doc).

    `relaxed` (the pattern without \b and \B) first tells in the text itself whether there
    can be a match at all: most texts have none, and spreading one costs ten searches.
    RE2 is given the spread text's UTF-8 bytes and the offsets are mapped back here: RE2 may
    find an empty match inside a character's bytes (\B holds between two bytes that are not
    ASCII letters), and google-re2 then turns the byte offsets of the matches that follow into
    wrong character offsets (`\Bé*` in "abéé" gave a match at 4-5)."""

    compiled: Any
    relaxed: Any

    def finditer(self, text: str) -> Iterator[SpreadMatch]:
        if not self.relaxed.search(text):
            return
        spread = spread_text(text).encode()
        if text.isascii():   # y c S x: 6 bytes
            points: Any = range(0, len(spread) + 1, 6)
        else:                # 5 bytes and those of c
            points = list(accumulate((len(c.encode()) + 5 for c in text), initial=0))
        for m in self.compiled.finditer(spread):
            start, end = bisect_left(points, m.start()), bisect_left(points, m.end())
            if (end < len(points) and points[start] == m.start()
                    and points[end] == m.end()):   # not an empty match between markers
                yield SpreadMatch(start, end)


@dataclass(frozen=True)
class DotlessPattern:
    """A case-blind regular expression matched with the Turkish 'İ' and 'ı' read as 'i', in
    the pattern and the text (`dotless`, one character for one: the offsets are the text's).

    Why: RE2 folds case by Unicode's simple folding, where 'İ' is no 'i' and 'ı' no 'I', so
    'istanbul' found no 'İstanbul', 'ILIK' no 'ılık' and 'ışık' no 'IŞIK' with "Regular
    expression" ticked, while the plain search found them (search_fold.py)."""

    compiled: Pattern

    def finditer(self, text: str) -> Any:
        return self.compiled.finditer(dotless(text))


def _regex(text: str, case: bool) -> Pattern:
    import re2

    options = re2.Options()
    options.case_sensitive = case
    options.log_errors = False
    try:
        pattern = re2.compile(unicode_classes(text if case else dotless(text)), options)
        found: Pattern = pattern
        if has_boundaries(pattern.pattern):
            found = SpreadPattern(re2.compile(spread_pattern(pattern.pattern), options),
                                  re2.compile(relaxed_pattern(pattern.pattern), options))
        return found if case else DotlessPattern(found)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ("back-references (\\1) and look-around ((?=, (?<=) are not supported, "
                "as they can take forever; " if any(s in text for s in ("(?=", "(?!", "(?<", "\\1",
                                                                         "\\2")) else "")
        raise SearchError(f"invalid regular expression '{text}': {reason}; {hint}"
                          "fix it or untick 'Regular expression' to search the plain text") from None


@dataclass(frozen=True)
class FoldedPattern:
    """A plain-text query, found in the text's folded form (search_fold.py: why) and its
    matches mapped back to offsets of the text. `typed` holds the letters typed with an accent
    (`typed_accents`): a match is kept only where the text's letters there keep those accents."""

    compiled: re.Pattern[str]
    case: bool
    typed: tuple[tuple[int, int, str], ...] = ()

    def finditer(self, text: str) -> Iterator[Any]:
        folded, even = folded_text(text, self.case, False)
        if even:   # each character folds to one: the offsets are the text's
            yield from self._kept(folded, lambda a, b: "".join(
                fold(c, self.case, True) for c in text[a:b]))
            return
        screen = screen_text(text, folded, self.case, False)
        if screen is not None and not self.compiled.search(screen):
            return
        parts = fold_parts(text, self.case, False)
        cum = list(accumulate(map(len, parts), initial=0))   # folded offset of each character
        kept = [k for k, part in enumerate(parts) if part] + [len(text)]
        accented = fold_parts(text, self.case, True) if self.typed else []

        def letters(a: int, b: int) -> str | None:   # the text's at folded a..b, marks after
            i, j = bisect_right(cum, a) - 1, bisect_right(cum, b) - 1
            return "".join(accented[i:j]) if cum[i] == a and cum[j] == b else None

        for m in self._kept("".join(parts), letters):
            start = bisect_right(cum, m.start()) - 1
            while start < len(parts) and not parts[start]:
                start += 1
            end = kept[bisect_left(kept, bisect_left(cum, m.end()))]
            yield SpreadMatch(start, max(end, start))

    def _kept(self, folded: str, letters: Callable[[int, int], str | None]) -> Iterator[Any]:
        """The matches in `folded` whose letters typed with an accent are those letters in the
        text (`letters`: the text's between two folded offsets, with accents). A match refused
        may overlap a good one ('ñn' in 'nñn'), so the search goes on from the next offset."""
        if not self.typed:
            yield from self.compiled.finditer(folded)
            return
        pos = 0
        while (m := self.compiled.search(folded, pos)) is not None:
            s = m.start()
            if all(letters(s + a, s + b) == form for a, b, form in self.typed):
                yield m
                pos = max(m.end(), s + 1)
            else:
                pos = s + 1


def compile_query(query: Query) -> Pattern | None:
    """The compiled pattern, None for an empty query; SearchError for a bad regex."""
    if not query.text:
        return None
    if not query.regex:
        folded, typed = typed_accents(query.text, query.case)
        if not folded:   # only marks ('ُ'): looked for as typed
            return re.compile(re.escape(query.text), 0 if query.case else re.IGNORECASE)
        # a query typed with accents is matched letter for letter (FoldedPattern._kept)
        pattern = re.escape(folded) if typed else query_pattern(folded)
        return FoldedPattern(re.compile(pattern), query.case, typed)
    return _regex(query.text, query.case)


@lru_cache(maxsize=32)
def _plain(text: str) -> Pattern | None:
    return compile_query(Query(text))


def plain_finds(query: str, text: str) -> bool:
    """Whether a plain, case-blind search for `query` finds it in `text`, folded as the sidebar's
    search folds ('muller' finds 'Müller', 'احمد' finds 'أَحْمَدُ'): the glossary's search box
    compared lowered strings, so it missed what the sidebar found."""
    pattern = _plain(query)
    return pattern is not None and any(m.end() > m.start() for m in pattern.finditer(text))


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
