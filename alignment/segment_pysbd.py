"""Sentence starts from pysbd, for the languages segment.py has no curated rules for.

Why not pysbd alone (the maintained rule-based splitter): measured on the
LIMSI novels (benchmarks/bench_segment.py) it reaches boundary F1 0.75 (en)
and 0.84 (fr) against 0.99 / 0.96 for segment.py's rules; it misses boundaries
after closing quotes and guillemets ("« Viens ! » Puis", 'He said "Go."
Then') and dialogue dashes, splits after French titles it does not list,
can alter characters, and its run time grows faster than linearly (6 s for
one 48 KB paragraph). Feeding its boundaries in as extra candidates changed
nothing measurable. pysbd still does the job where we have no curated
rules: for the other languages it knows (ru, pl, el, ar, hi, ...) a
candidate must also be a pysbd boundary, which brings in its abbreviation
lists ("г.", "np."); it runs on pieces of about 2000 characters so its
cost stays linear.
"""

from __future__ import annotations

_NO_PYSBD = {"zh", "ja", "ko"}
_PYSBD_PIECE = 2000


def _pysbd(lang: str) -> object | None:
    """A new pysbd Segmenter for each text (1 µs): one keeps the text it segments in an
    attribute, so a shared one given two texts at once (two people aligning Russian in the
    app) mixed them up: 109 of 180 concurrent splits came out wrong."""
    if lang in _NO_PYSBD:
        return None
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    return pysbd.Segmenter(language=lang, clean=False) if lang in LANGUAGE_CODES else None


# Double quotes and guillemets, blanked for pysbd: it never cuts between quotes, so 'said: «Rest.
# Stay in.» Then he left.' was one sentence in Arabic and Russian, where our own rules (English,
# French, German...) cut it in three; the translations then aligned 1-2 and 1-3
_QUOTES = "«»“”„\"‹›"
# Direction marks (LRM, RLM, ALM, embeddings, isolates): invisible, typed after the stops of
# right-to-left text ('؟\u200f نعم'); blanked too, pysbd did not cut before or after them
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_QUOTES_OUT = str.maketrans(_QUOTES + BIDI_MARKS, " " * len(_QUOTES + BIDI_MARKS))


def pysbd_starts(text: str, lang: str, candidates: list[int]) -> set[int] | None:
    """Where pysbd starts sentences, as offsets into our text; None if it has no rules
    for `lang` (segment.py asks only for languages it has no curated rules for).

    Run on pieces of about _PYSBD_PIECE characters cut at candidates (its cost grows
    faster than the length), with the quotes blanked (_QUOTES); the cuts themselves are
    left to our rules.
    """
    segmenter = _pysbd(lang)
    if segmenter is None:
        return None
    cuts = [0]
    for c in candidates:
        if c - cuts[-1] >= _PYSBD_PIECE:
            cuts.append(c)
    starts = set(cuts[1:])
    probe = text.translate(_QUOTES_OUT)   # same offsets
    for a, b in zip(cuts, [*cuts[1:], len(text)]):
        for x, y in _at_spaces(probe, a, b):
            _add_starts(starts, segmenter, text, probe, x, y, own=x == a)
    return starts


def _at_spaces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """text[a:b] in pieces of at most 2 * _PYSBD_PIECE characters, cut at spaces.

    Why: with no candidate sentence end in a long stretch (a 1 MB line without punctuation),
    pysbd got it whole, and its abbreviation rules for Russian, Polish, Arabic, Danish, Greek...
    take time growing with the square of the length: 12,000 characters 1.2 s, 100,000 127 s.
    A cut at a space starts no sentence (`_add_starts`)."""
    out, x = [], a
    while b - x > 2 * _PYSBD_PIECE:
        y = text.rfind(" ", x + _PYSBD_PIECE, x + 2 * _PYSBD_PIECE)
        y = x + 2 * _PYSBD_PIECE if y < 0 else y
        out.append((x, y))
        x = y
    return [*out, (x, b)]


def _add_starts(starts: set[int], segmenter: object, text: str, probe: str, a: int, b: int,
                own: bool) -> None:
    """Add where pysbd starts sentences in probe[a:b]; the piece's own start only if `own`
    (a candidate cut, not a cut at a space)."""
    pos = a
    for part in segmenter.segment(probe[a:b]):  # type: ignore[attr-defined]
        part = part.strip()
        found = probe.find(part, pos, b) if part else -1
        if found >= 0:
            pos = found + len(part)
            while found > a and text[found - 1] in _QUOTES + BIDI_MARKS:   # opens a quote (or mark)
                found -= 1
            if own or found > a:
                starts.add(found)
