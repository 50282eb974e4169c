"""A corrected translation written into a segment's XML word by word, its formatting codes kept.

Part of the store stage, for write_back.py. Why a module of its own: write_back.py finds each
segment of the file again and pairs it with its link; this is what happens inside one
segment's element once its new text is known. A proofreader mostly fixes a word or two, so
the change is made where it falls, each inside one stretch of text between codes ('It
<g>rains</g>.' -> 'It <g>pours</g>.'), and the codes around the words that stay stay too; a
segment rewritten, or a change across a code, is left to the caller (None). Library, and
why: difflib, token by token, for where the correction falls (no dependency for a diff of a
sentence); the element is lxml's, edited in place.
"""

from __future__ import annotations

import difflib
import re

from .inline_codes import holds_text


def _text_nodes(element, depth: int = 0) -> list[tuple[object, str, int]]:
    """The (node, 'text' or 'tail', depth) places of an element's text, in reading order: the
    text of <g>, <mrk>, <pc>, <hi> is text (one level deeper), that of codes
    (inline_codes.CODE_ELEMENTS) is not: the import read the same text."""
    places = [(element, "text", depth)]
    for child in element:
        if holds_text(child):
            places += _text_nodes(child, depth + 1)
        places.append((child, "tail", depth))
    return places


TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
IN_PLACE_RATIO = 0.6   # a correction keeps the segment's codes where this much of it stays


def _base(texts: list[str], k: int) -> int:
    """Where place k's text starts in the joined text."""
    return sum(len(t) for t in texts[:k])


def _spans(raw: str, old: str) -> list[tuple[int, int]] | None:
    """Each character of `old` (the segment as the import read it): its span in `raw` (the
    element's text), or None where `old` is not `raw` read so. The import collapses a run of
    spaces holding a line break (and every run, unless xml:space="preserve" is in force) and
    strips the ends; a run kept as it was (two spaces where a code sits, under "preserve")
    is followed character by character, a run collapsed is one character spanning it all."""
    runs = [m.span() for m in re.finditer(r"\s+|\S+", raw)]
    if runs and raw[runs[0][0]].isspace() and not old[:1].isspace():
        runs = runs[1:]
    if runs and raw[runs[-1][0]].isspace() and not old[-1:].isspace():
        runs = runs[:-1]
    pieces = re.findall(r"\s+|\S+", old)
    if len(pieces) != len(runs):
        return None
    spans: list[tuple[int, int]] = []
    for piece, (a, b) in zip(pieces, runs):
        if not piece[0].isspace():
            if raw[a:b] != piece:
                return None
            spans += [(i, i + 1) for i in range(a, b)]
        elif not raw[a].isspace():
            return None
        elif len(piece) == b - a:
            spans += [(i, i + 1) for i in range(a, b)]
        else:   # collapsed: its first character is the whole run
            spans += [(a, b)] + [(b, b)] * (len(piece) - 1)
    return spans


def _key(token: str) -> str:
    """A token as the diff compares it: a run of spaces is one space, so a run changed is
    found alone, beside the words (_changes)."""
    return " " if token.isspace() else token


def _changes(matcher, old_tokens: list[str], new_tokens: list[str]):
    """The diff's changes, and each run of spaces changed in a stretch it found equal, as a
    change of its own ("space"). Why: the two spaces around a code left out of the text
    ('at  euros.' for 'at <ph/> euros.', where xml:space="preserve" keeps them, or in a Trados
    <mrk>) are one space once the app's editor has the sentence, and compared as they are,
    that space made the correction of the next word span the code."""
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            yield op, i1, i2, j1, j2
            continue
        for k in range(i2 - i1):
            if old_tokens[i1 + k] != new_tokens[j1 + k]:
                yield "space", i1 + k, i1 + k + 1, j1 + k, j1 + k + 1


def edit_in_place(element, old: str, new: str) -> int | None:
    """Make the segment read `new` by editing its text word by word where the correction
    falls, each change inside one stretch of text between codes, so every code stays ('It
    <g>rains</g>.' -> 'It <g>pours</g>.'); words inserted where two stretches meet go to the
    one less deep in formatting. None, and nothing changed, where the text read is not `old`
    (as the import read it, spaces collapsed or kept), where less than IN_PLACE_RATIO of its
    words stay (a sentence rewritten), or where a change spans a code; else the number of
    changes made. The spaces on both sides of a code are the file's, however many the
    correction has there (_at_code): the reader hides the code, so 'Error <ph/>: unable'
    reads 'Error : unable', and a translator who tidies that space did not mean to glue the
    code to the word; a correction that is only that is 0 changes, nothing to write."""
    places = _text_nodes(element)
    texts = [getattr(node, attr) or "" for node, attr, _ in places]
    owner = [k for k, t in enumerate(texts) for _ in t]          # the place of each raw character
    raw = "".join(texts)
    spans = _spans(raw, old)
    if spans is None:
        return None
    at = [0]   # `old`'s tokens: their character offsets
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    for t in old_tokens:
        at.append(at[-1] + len(t))
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in old_tokens], [_key(t) for t in new_tokens],
                                      autojunk=False)
    if matcher.ratio() < IN_PLACE_RATIO:   # rewritten: where its formatting goes is anyone's guess
        return None
    edges = _code_edges(places, texts)
    edits = []
    for op, i1, i2, j1, j2 in _changes(matcher, old_tokens, new_tokens):
        c1, c2 = at[i1], at[i2]
        start = spans[c1][0] if c1 < len(spans) else len(raw)
        end = spans[c2 - 1][1] if c2 > c1 else start
        touched = sorted(set(owner[start:end]))
        if not touched:   # an insertion: into the stretch before or after, the shallower
            near = [k for k in (owner[start - 1] if start else None,
                                owner[start] if start < len(raw) else None) if k is not None]
            touched = [min(near, key=lambda k: places[k][2])]
        if op == "space" and len(touched) > 1 or _at_code(
                old_tokens[i1:i2], new_tokens[j1:j2], start, end, edges):   # the file's spaces stay
            continue
        if op == "delete":   # words dropped: from each stretch they lie in (a code may go empty)
            edits += [(max(start, _base(texts, k)), min(end, _base(texts, k + 1)), "", k)
                      for k in touched]
        elif len(touched) == 1:
            edits.append((start, end, "".join(new_tokens[j1:j2]), touched[0]))
        else:
            return None
    for start, end, text, k in sorted(edits, reverse=True):
        base = _base(texts, k)
        texts[k] = texts[k][:start - base] + text + texts[k][end - base:]
    for (node, attr, _), text in zip(places, texts):
        setattr(node, attr, text or None)
    return len(edits)


def _code_edges(places: list[tuple[object, str, int]], texts: list[str]) -> list[int]:
    """Where a code (a <ph>, an <x/>: not text) sits in the joined text: the start of the
    text after it."""
    return [_base(texts, k) for k, (node, attr, _) in enumerate(places)
            if attr == "tail" and not holds_text(node)]


def _at_code(old: list[str], new: list[str], start: int, end: int, edges: list[int]) -> bool:
    """Whether a change is spaces only (removed, added or changed) touching where a code sits."""
    return not "".join(old).strip() and not "".join(new).strip() and any(start <= p <= end for p in edges)
