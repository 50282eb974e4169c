"""Segmentation: Document -> sentences (paragraphs first, then sentences).

Sentence boundaries come from pysbd (maintained, rule-based, per-language
abbreviation lists for en fr de es it nl and others, no model to load); we
fix its known faults around it rather than patch it:
- it can alter or drop characters in odd inputs, so its segments are only
  used as boundary *positions*, mapped back onto our own text: a split never
  loses or changes a character (joining the sentences of a paragraph with
  single spaces gives the whitespace-normalised paragraph back);
- it splits after French titles and abbreviations it does not list
  ("M. Dupont", "Mme", "p. 12"), after initials ("V. Serge"), and before
  lower-case words; it keeps "etc." glued to the next sentence even when a
  capital follows; it misses boundaries after closing quotes and guillemets
  ("« Viens ! » Puis…", 'He said "Go." Then'), ellipses and dialogue dashes.
  Each fault is one general rule below, tuned on the LIMSI books
  (benchmarks/bench_segment.py), never a list of sentences.
Portuguese (which pysbd lacks) uses the Spanish rules; languages pysbd does
not know, and zh/ja/ko, use the generic rules alone (which also know the
full-width stops 。！？).

Headings and date lines ("March 1925", "mars 1925") are their own segments:
paragraphs marked in Document.headings are never split, and a line break
before or after a heading-like line inside a paragraph is a boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .read import DATE_LINE, looks_like_heading, normalize_space
from .types import Document, Sentence

PYSBD_ALIASES = {"pt": "es", "ca": "es", "gl": "es", "no": "da", "nb": "da", "sv": "da"}
_NO_PYSBD = {"zh", "ja", "ko"}

# Words that, written with a final period, nearly always go on: titles before a name,
# and references before a number. "etc." is not here: it often ends a sentence.
_COMMON_ABBR = {"e.g", "i.e", "cf", "p", "pp", "vol", "vols", "no", "nos", "fig", "ch", "chap",
                "ca", "c", "vs", "viz", "al", "op", "cit", "ibid", "st", "dr", "prof", "mt",
                "m", "mm", "mme", "mmes", "mlle", "mlles", "mr", "mrs", "ms", "messrs"}
ABBREVIATIONS = {
    "en": {"gen", "col", "capt", "lt", "sgt", "rev", "hon", "sr", "jr", "esq", "gov", "pres",
           "approx", "ed", "eds", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"},
    "fr": {"me", "mgr", "pr", "ste", "éd", "env", "ex", "t", "art", "av", "bd", "c.-à-d", "p.ex",
           "n°", "mᵐᵉ", "mgr", "r.p", "ms"},
    "de": {"hr", "hrn", "fr", "frl", "z.b", "d.h", "u.a", "bzw", "vgl", "s", "nr", "bd", "evtl",
           "ggf", "usw", "sog", "geb", "gest", "jh", "jhd"},
    "es": {"sr", "sra", "srta", "sres", "dra", "d", "dña", "ud", "uds", "pág", "págs", "cap",
           "núm", "excmo", "ilmo", "vd"},
    "it": {"sig", "sigg", "sig.ra", "dott", "dott.ssa", "on", "pag", "cap", "avv", "ing", "geom"},
    "pt": {"sr", "sra", "srta", "dra", "pág", "cap", "exa", "v.exa", "sto", "sta"},
    "nl": {"dhr", "mevr", "mw", "bijv", "d.w.z", "blz", "nr", "vgl", "jl", "o.a", "resp"},
}

# Languages whose novels open a reply with a dash inside a paragraph ("Non ! — Si."); in
# English or German a dash after "!" is an aside that goes on the same sentence.
DIALOGUE_DASH_LANGS = {"fr", "es", "it", "pt", "ca", "ru", "uk", "pl", "bg", "cs", "sk", "hu", "ro"}

_TERMINAL = ".!?…。！？‼⁇⁈⁉"
_CLOSERS = "\"'»”’)]」』）〕】›"
_OPENERS = "\"'«“‘([¿¡—–-「『（›‹"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets (French
# guillemets may follow a no-break space), then a space. Full-width stops need no space.
_CANDIDATE = re.compile(
    rf"[{re.escape(_TERMINAL)}]+(?:\u00a0?[{re.escape(_CLOSERS)}])*(?:[ \u00a0]+|(?<=[。！？])(?=\S))")
_COLON_DASH = re.compile(r"[:][ \u00a0]+(?=[—–]|--)")
_LOWER_START = re.compile(r"^[\"'«“‘(\[\u00a0 ]*[a-zà-ÿ]")
_INITIAL = re.compile(r"(?:^|[\s(«“\"'-])(?:[A-ZÀ-Þ]\.-?)+$")
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])[.)]$")
_ORDINAL = re.compile(r"(?:^|\s)\d{1,3}\.$")


def _lang(lang: str) -> str:
    return (lang or "").lower().replace("_", "-").split("-")[0]


@lru_cache(maxsize=32)
def _pysbd(lang: str) -> object | None:
    code = PYSBD_ALIASES.get(lang, lang)
    if lang in _NO_PYSBD:
        return None
    try:
        import pysbd

        return pysbd.Segmenter(language=code, clean=False)
    except ValueError:  # pysbd raises ValueError for a language it does not provide
        return None


def _pysbd_starts(text: str, lang: str) -> set[int]:
    """Where pysbd starts sentences, as offsets into *our* text (its output is not trusted)."""
    segmenter = _pysbd(lang)
    if segmenter is None:
        return set()
    starts, pos = set(), 0
    for part in segmenter.segment(text):  # type: ignore[attr-defined]
        part = part.strip()
        found = text.find(part, pos) if part else -1
        if found < 0:
            continue
        if found > 0:
            starts.add(found)
        pos = found + len(part)
    return starts


def _regex_starts(text: str) -> set[int]:
    found = {m.end() for m in _CANDIDATE.finditer(text) if m.end() < len(text)}
    return found | {m.end() for m in _COLON_DASH.finditer(text)}


def _last_word(left: str) -> str:
    word = left.rsplit(None, 1)[-1] if left.split() else ""
    return word.lstrip(_OPENERS).rstrip(".").lower()


def _keep(text: str, start: int, lang: str) -> bool:
    """Is `start` (first character of a would-be sentence) really a sentence start?"""
    left, right = text[:start].rstrip(" \u00a0"), text[start:]
    if not left or not right:
        return False
    if _LOWER_START.match(right) or right[0] in ",;:)]»”":
        return False
    if _ENUMERATOR.match(left):
        return False
    if right[0] in "—–-" and lang not in DIALOGUE_DASH_LANGS:
        return False
    if left[-1] == "." and not left.endswith(".."):
        word = _last_word(left)
        if word in _COMMON_ABBR or word in ABBREVIATIONS.get(lang, ()):
            return False
        if _INITIAL.search(left) and right[:1].isupper() and not left.endswith(" I."):
            return False
        if _ORDINAL.search(left) and (lang == "de" or right[:1].isdigit()):
            return False
    if left[-1] == ":":  # "il répondit : — Ah !": a reply opens a new sentence
        return right[0] in "—–-" and lang in DIALOGUE_DASH_LANGS
    return left[-1] in _TERMINAL or left[-1] in _CLOSERS


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _split_line(text: str, lang: str) -> list[str]:
    starts = _pysbd_starts(text, lang) | _regex_starts(text)
    cuts = sorted(s for s in starts if _keep(text, s, lang))
    bounds = [0, *cuts, len(text)]
    # a stray quote or dash is no sentence: glue it to the one before (or after)
    wordless = {k for k in range(len(bounds) - 1) if not _has_word(text[bounds[k]:bounds[k + 1]])}
    bounds = [b for k, b in enumerate(bounds)
              if k in (0, len(bounds) - 1) or (k not in wordless and not (k == 1 and 0 in wordless))]
    parts = [text[a:b].strip(" \u00a0") for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p]


def _line_groups(text: str) -> list[str]:
    """Lines of a paragraph, heading-like lines alone, other lines joined."""
    groups: list[list[str]] = [[]]
    for line in text.splitlines():
        if looks_like_heading(line):
            groups.extend([[line], []])
        elif line.strip():
            groups[-1].append(line)
    return [normalize_space(" ".join(g)) for g in groups if g]


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of one paragraph, whitespace normalised; nothing lost or changed.

    " ".join(split_sentences(p, lang)) == normalize_space(p) for a one-line p.
    """
    lang = _lang(lang)
    out: list[str] = []
    for chunk in _line_groups(text):
        if DATE_LINE.match(chunk):
            out.append(chunk)
        else:
            out.extend(_split_line(chunk, lang))
    return out


def segment(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """Paragraphs, then sentences; headings and date lines stay whole."""
    out: list[Sentence] = []
    for i, paragraph in enumerate(doc.paragraphs):
        if i in doc.headings or DATE_LINE.match(paragraph.strip()):
            text = normalize_space(paragraph)
            out.extend([Sentence(text, i)] if text else [])
        else:
            out.extend(Sentence(s, i) for s in split_sentences(paragraph, lang))
    return tuple(out)


def segment_paragraphs(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """One segment per paragraph (for texts aligned paragraph by paragraph)."""
    return tuple(Sentence(t, i) for i, p in enumerate(doc.paragraphs) if (t := normalize_space(p)))


def segment_lines(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """One segment per line, for text already split one sentence per line.

    read_text makes each line a paragraph when a text has no blank lines; a
    paragraph that still holds line breaks (a Document built in code) is cut
    at each of them, all segments keeping that paragraph's index.
    """
    return tuple(Sentence(t, i) for i, p in enumerate(doc.paragraphs)
                 for line in p.splitlines() if (t := normalize_space(line)))
