"""What became of the whitespace typed in a correction: said after Apply, never silently.

A correction is made one line before it is kept (corrections.py: runs of whitespace, line
breaks and tabs among them, made one space, none at the ends), as the reading makes every
sentence of a text. Why: a PO entry holds a link's sentences one a line, the TSV and Moses
exports give a sentence one line (TSV cells are written unquoted, a tab between columns), and
the checks and word links then read a correction as they read the text. The reading keeps a
no-break space, which corrections.py makes a plain one: the note says so too. A tester typed
a line break with Shift+Enter, a tab and double spaces, and found them gone from the page and
the PO with nothing said: `whitespace_note` names each change for the app to say
(views/editor.py), and the text under the box says the rule before it is typed.
"""

from __future__ import annotations

import re
import unicodedata

# Why a sentence is one line: the reason the note and the box's help give
ONE_LINE_WHY = ("a sentence is one line with single spaces (the PO puts each of a link's "
                "sentences on a line of its own)")

# What str.split() breaks a line at, as a person sees it: the line and paragraph separators too
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_WORD = re.compile(r"\S+")


def _gaps(text: str) -> list[str]:
    """The whitespace before, between and after the words of `text` ('' where none)."""
    return _WORD.split(text)


def _kind(run: str) -> str:
    """What a person typed as this run of whitespace: a line break, a tab, a space of another
    kind ('no-break space', named by Unicode), or spaces."""
    if any(c in _BREAKS for c in run):
        return "line break"
    if "\t" in run:
        return "tab"
    other = next((c for c in run if c != " "), None)
    return unicodedata.name(other, "space").lower() if other else "space"


# line breaks first: the change a reader is likeliest to miss on the page
_ORDER = {"line break": 0, "tab": 1, "double space": 3}


def _clause(kind: str, n: int) -> str:
    """'its tab was made a space', 'its 2 line breaks were made spaces', 'its no-break space
    was made an ordinary space', 'its 2 double spaces were each made one'."""
    if kind == "double space":
        return "its double space was made one" if n == 1 else \
            f"its {n} double spaces were each made one"
    plain = "ordinary space" if kind.endswith(" space") else "space"
    if n == 1:
        return f"its {kind} was made {'an' if plain[0] == 'o' else 'a'} {plain}"
    return f"its {n} {kind}{'es' if kind.endswith('h') else 's'} were made {plain}s"


def whitespace_changes(typed: str, applied: str) -> tuple[str, ...]:
    """Each change `applied` made to the whitespace of `typed`, as a clause ('its line break
    was made a space', 'the space at its end was dropped'); none where they are the same, or
    differ in more than whitespace (a text not made from this typing)."""
    if typed == applied or typed.split() != applied.split():
        return ()
    inside: dict[str, int] = {}
    ends: dict[str, list[str]] = {}
    gaps = list(zip(_gaps(typed), _gaps(applied)))
    for k, (was, now) in enumerate(gaps):
        if was == now:
            continue
        kind = _kind(was)
        if now == "" and k in (0, len(gaps) - 1):
            ends.setdefault(kind, []).append("start" if k == 0 else "end")
        else:
            kind = "double space" if kind == "space" else kind
            inside[kind] = inside.get(kind, 0) + 1
    said = [_clause(kind, n) for kind, n in sorted(inside.items(),
                                                   key=lambda kn: _ORDER.get(kn[0], 2))]
    said += [f"the {kind} at its {where[0]} was dropped" if len(where) == 1 else
             f"the {kind}s at its start and end were dropped" for kind, where in ends.items()]
    return tuple(said)


def whitespace_note(typed: str, applied: str, link: int) -> str | None:
    """What the app says after Apply where the text kept differs from the text typed only in
    its whitespace (`whitespace_changes`), for link number `link` (from 1); None where it is
    the text typed."""
    said = whitespace_changes(typed, applied)
    if not said:
        return None
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    return f"Applied to link {link:,}; {listed}: {ONE_LINE_WHY}."
