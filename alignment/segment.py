"""Segmentation: Document -> sentences (paragraphs first, then sentences).

How a paragraph is split: every place where terminal punctuation (. ! ? …
and the full-width 。！？), optionally followed by closing quotes or
brackets, meets a space is a candidate; a few general rules then reject the
candidates that are no sentence end: a lower-case word follows; a title or
reference abbreviation precedes ("M. Dupont", "Mme", "Dr.", "p. 12",
"cf.", "e.g."; "No." only before a number: "He said no." ends one); an
initial precedes a capital or a number ("V. Serge", "A.D. 1066"); a list
number starts the paragraph ("1. This..."); a German ordinal ("am 21.
März"; but "Abb. 3. Er lebte" ends one: no pronoun or article follows an
ordinal); the inside of an era marker ("50 v. Chr.", "a. C.", "av. J.-C.",
after which a sentence may end); a month abbreviation between a day and a
number ("le 3 janv. 1850"; Babel's CLDR names); doubled initials ("EE.
UU."); a one-letter abbreviation before a Roman numeral ("el s. XIX"); a
dash after "!" in languages that do not write dialogue with dashes (in
English it is an aside). Numbers (1.5, 21.3.2004, 1 000) hold no candidate.
Ellipses ("..." and "…") end a sentence only before a capital; "etc." (and
German "usw.") ends one before a capital. A stray quote or dash is glued to
its neighbour. The split only cuts at plain spaces, so nothing is lost or
changed: joining a paragraph's sentences with single spaces gives back the
whitespace-normalised paragraph. Direction marks (RLM...) after a stop are
skipped; Chinese half-width stops between Han characters cut without a space; Thai, written
without stops, is cut at the spaces where thai.py's model ends a sentence;
in Korean and Arabic, without case, a speech verb tells a quoted question's
speech tag ('«أين؟» سألت السائق.'). Such rules of one language live in
segment_langs.py; the abbreviation lists, and the abbreviations that go on only in their
context ('Gen. bryg.', '30 sn.'), in segment_abbreviations.py.

Why not pysbd alone, and where it still helps: segment_pysbd.py.

Sentence length is capped at MAX_SENTENCE_CHARS (issue 10, item 13): a text
without sentence punctuation (a transcript, a poem, a page pasted without
stops) would otherwise be one sentence, and the encoder's memory grows with a
sentence's length (1 MB on one line took 4 GB). A longer sentence is cut at
clause punctuation (; : , and dashes) where one falls in the second half of
the allowed length, else at the last space, else (a script written without
spaces) after MAX_SENTENCE_CHARS characters.

Headings and date lines ("March 1925", "mars 1925") are their own segments:
paragraphs marked in Document.headings are never split, and a line break
before or after a heading-like line inside a paragraph is a boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lang import primary
from .read import DATE_LINE, looks_like_heading, normalize_space
from .segment_abbreviations import (ABBREVIATIONS, COMMON_ABBREVIATIONS, NUMBER_ABBREVIATIONS,
                                    goes_on_after)
from .segment_langs import (REVERSED_GUILLEMETS, after_elision, clock_goes_on, house_number,
                            pysbd_missed, quote_ends, quoted_cuts, speech_tag, vetted_goes_on,
                            without_article)
from .segment_pysbd import BIDI_MARKS, pysbd_starts
from .thai import sentence_starts as thai_sentence_starts
from .types import Document, Sentence

MAX_SENTENCE_CHARS = 1500
_CLAUSE_END = re.compile(r"[;:,\u061b\u060c\u3001\uff0c\uff1b\uff1a]+[\"'»”’)\]]*(?= )|(?<= )(?=[—–] )")

# Languages whose novels open a reply with a dash inside a paragraph ("Non ! — Si."); in
# English or German a dash after "!" is an aside that goes on the same sentence.
DIALOGUE_DASH_LANGS = {"fr", "es", "it", "pt", "ca", "ru", "uk", "pl", "bg", "cs", "sk", "hu", "ro"}

_TERMINAL = ".!?…。！？‼⁇⁈⁉‽؟۔।॥։።፧။"  # and the stops of Arabic, Urdu, Hindi, Armenian, ...
_CLOSERS = "\"'»”’“‘)]」』）〕】›"  # “ ‘ close German quotes („Komm!“)
_OPENERS = "\"'«“‘„‚([¿¡—–-「『（›‹"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets (French
# guillemets may follow a no-break space, or a plain one as typed on the web), then a
# space (never a no-break space); direction marks may follow each. Full-width stops need
# no space (but 「本当？」と goes on: after a closing bracket we cannot tell, so we do not cut).
_MARK = f"[{BIDI_MARKS}]*"
_CANDIDATE = re.compile(
    rf"[{re.escape(_TERMINAL)}]+{_MARK}(?:\u00a0?[{re.escape(_CLOSERS)}]{_MARK}| [»”)\]]{_MARK})* +"
    rf"|[。！？]+(?![\s{re.escape(_CLOSERS)}])")
# Chinese and Japanese: a stop inside closing quotes (segment_langs.quote_ends); an opening
# quote after a stop starts one ('保罗说。“还有三艘船。”', '“去哪？”“回家。”'):
# “ and ‘ are closers elsewhere (German '„Komm!“'), so the general rule does not cut there
_CJK_QUOTE_OPEN = re.compile(r"[。！？]+[”’]*(?=[“‘])")
_COLON_DASH = re.compile(r"[:] +(?=[—–]|--)")  # a plain space: a cut never drops a no-break one
_INITIAL = re.compile(r"(?:^|[\s(«“\"'-])((?:[^\W\d_]\.-?)+)$")
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])[.)]$")
_RUN_IN_HEADING = re.compile(
    r"(?<![^ ])(?P<kw>(?i:chapter|chapitre|book|livre|volume|tome|part|partie|kapitel|buch|teil"
    r"|cap[íi]tulo|capitolo|libro|parte|hoofdstuk|deel))"
    r" (?:[IVXLC]+|\d+|(?i:premier|première|first|one))\.?(?: ?: ?[\d-]+)?"
    r"(?= [A-ZÀ-Þ\"'«“(])")
_SPLIT_ABBR = re.compile(r"\w\.(?:\s|$)")
_DOUBLED = re.compile(r"(?:^|\s)([^\W\d_])\1\.$")  # "EE." of "EE. UU." (a plural: Estados Unidos)
_ROMAN = re.compile(r"[IVXLC]+\b")
# Month abbreviations older books and letters write that CLDR's abbreviated names lack.
_MONTH_EXTRA = {"it": {"genn", "febbr", "magg", "sett"}, "de": {"febr"}, "fr": {"sept"},
                "es": {"sep", "set"}}
_ORDINAL = re.compile(r"(?:^|\s)\d{1,3}\.$")
# Era markers after a year: 'a. C.', 'd. C.' (es, it, pt), 'v. Chr.', 'n. Chr.' (de), 'av. J.-C.',
# 'apr. J.-C.' (fr), 'B.C.' (en; 'A.D.' comes before the year)
_ERA_START = re.compile(r"(?:^|\s)(?:a|d|v|n|av|apr)\.$")
_ERA_REST = re.compile(r"(?:C|Chr|J\.-C)\.")
_ERA_END = re.compile(r"(?:^|\s)(?:(?:a|d|v|n|av|apr)\. ?(?:C|Chr|J\.-C)|B\. ?C)\.$")
# Words that open German sentences and never follow an ordinal (articles, pronouns, adverbs)
_GERMAN_OPENERS = frozenset("der die das den dem des ein eine einer eines er sie es wir ihr ich du "
                            "man dann da so nun auch aber und doch denn im in am an auf aus bei mit "
                            "nach von zu vor für als wenn wie was wo hier dort dies diese dieser "
                            "dieses jetzt noch nur schon sein seine ihre unser zum zur beim vom ins ans".split())


def _regex_starts(text: str, lang: str = "") -> list[int]:
    found = {m.end() for m in _CANDIDATE.finditer(text) if m.end() < len(text)}
    found |= quote_ends(text, lang)
    if lang in ("zh", "ja"):
        found |= {m.end() for m in _CJK_QUOTE_OPEN.finditer(text)}
    return sorted(found | {m.end() for m in _COLON_DASH.finditer(text)})


def _last_word(left: str) -> str:
    word = left.rsplit(None, 1)[-1] if left.split() else ""
    return word.lstrip(_OPENERS).rstrip(".").lower()


def _starts_lower(right: str) -> bool:
    for char in right:
        if char.isalpha():
            return char.islower()
        if char.isdigit() or char.isspace() and char not in " \u00a0":
            return False
        if not (char in _OPENERS or char in " \u00a0"):
            return False
    return False


def _opens(right: str) -> bool:
    """Does a » or ” open a quotation here: German and Danish quote »so«, Swedish and Finnish
    ”so” and »so», the mark against the first word; where it closes (« so », “so”) a space
    or a stop follows it. 'Er ging hinaus. »Komm her!«' was one sentence."""
    return len(right) > 1 and right[1].isalnum()


def _keep(text: str, start: int, lang: str, dash: bool) -> bool:
    """Is `start` (first character of a would-be sentence) really a sentence start?
    `dash`: may a dialogue dash open one (see split_sentences)?"""
    left = text[max(0, start - 80):start].rstrip(" \u00a0" + BIDI_MARKS)
    right = text[start:start + 40].lstrip(BIDI_MARKS)
    if not left or not right:
        return False
    if _starts_lower(after_elision(right, lang)) or right[0] in ",;:)]" \
            or right[0] in "»”" and not _opens(right) or speech_tag(left, right, lang, _CLOSERS):
        return False
    if start < 12 and _ENUMERATOR.match(text[:start].strip()):
        return False
    if right[0] in "—–-" and not dash:
        return False
    if left[-1] == "." and not left.endswith("..") and _goes_on(left, right, lang):
        return False
    if left[-1] == ":":  # "il répondit : — Ah !": a reply opens a new sentence
        return right[0] in "—–-" and dash
    return left[-1] in _TERMINAL or left[-1] in _CLOSERS \
        or left[-1] in "«›" and lang in REVERSED_GUILLEMETS and left[-2:-1] in _TERMINAL


@lru_cache(maxsize=32)
def _month_abbreviations(lang: str) -> frozenset[str]:
    """Lower-case month abbreviations of a language (Babel's CLDR data, and _MONTH_EXTRA),
    without their stops: after a day and before a year they end no sentence ("3 janv. 1850",
    "am 3. Jan. 1850"; the day is asked for: "junto al mar. 1850 fue" ends one). Empty for a
    language Babel does not know."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names
    try:
        Locale.parse(lang)
        names = get_month_names("abbreviated", locale=lang).values()
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset({n.rstrip(".").lower() for n in names} | _MONTH_EXTRA.get(lang, set()))


def _goes_on(left: str, right: str, lang: str) -> bool:
    """After a full stop (`left` ends with it), does the sentence go on into `right`?
    Abbreviations, initials, ordinals and dates (see the module docstring)."""
    if _ERA_END.search(left) and right[:1].isupper():
        return False  # "murió en el 10 d. C. Luego", "50 v. Chr. Dann": an era ends sentences
    if _ERA_START.search(left) and _ERA_REST.match(right):
        return True   # "50 v. Chr.", "a. C.", "av. J.-C."
    clock = clock_goes_on(left)
    if clock is not None:
        return clock   # "At 11 p.m. Minsu comes back", but "We met at 9 a.m. Then"
    word = without_article(_last_word(left), lang)
    if word in COMMON_ABBREVIATIONS or word in ABBREVIATIONS.get(lang, ()) \
            or vetted_goes_on(word, right, lang, left) or goes_on_after(word, left, right, lang):
        return True
    initials = _INITIAL.search(left)
    if initials and initials.group(1).isupper() and (right[:1].isupper() or right[:1].isdigit()) \
            and not left.endswith(" I."):   # "V. Serge", "A.D. 1066"
        return True
    if _SPLIT_ABBR.match(right) and re.search(r"(?:^|\s)\w\.$", left):  # "z. B.", "i. e."
        return True
    if _ORDINAL.search(left) and not house_number(left, lang) and (right[:1].isdigit() or lang == "de"
                                  and (not _german_opener(right) or _enumerator(left, lang))):
        return True
    if word in NUMBER_ABBREVIATIONS and (right[:1].isdigit() or _ROMAN.match(right)):
        return True
    if right[:1].isdigit() and word in _month_abbreviations(lang) \
            and any(c.isdigit() for c in " ".join(left.split()[-3:-1])):  # "le 3 janv. 1850"
        return True
    if _DOUBLED.search(left) and left[-3].isupper() and _DOUBLED.search(" " + right.split(" ", 1)[0]):
        return True
    # 'د. أحمد' (Dr.): one letter alone, in a script without case, is an abbreviation
    if len(word) == 1 and word.isalpha() and not (word.isupper() or word.islower()) \
            and left[-3:-2] in ("", " "):
        return True
    # "el s. XIX", "t. II": a one-letter abbreviation before a Roman numeral
    return len(word) == 1 and word.islower() and left[-3:-2] in ("", " ") and bool(_ROMAN.match(right))


def _enumerator(left: str, lang: str) -> bool:
    """Is the number `left` ends with ("... erteilt. 9.") a list item's, after a sentence end
    or a colon? Then what follows is the item's text ("9. Die Expedition soll...")."""
    before = left[:-1].rstrip("0123456789").rstrip(" \u00a0")
    if not before or before[-1] == ":":
        return True
    if before[-1] not in _TERMINAL and before[-1] not in _CLOSERS:
        return False
    word = _last_word(before)
    return not (word in COMMON_ABBREVIATIONS or word in ABBREVIATIONS.get(lang, ()))


def _german_opener(right: str) -> bool:
    """Does `right` begin with a word that opens German sentences and never follows an
    ordinal ('Abb. 3. Er lebte', 'Seite 45. Dann' end one; 'am 3. Mai' goes on)?"""
    first = re.match(r"[^\W\d_]+", right)
    return first is not None and first.group().lower() in _GERMAN_OPENERS


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _heading_cuts(text: str, lang: str, dash: bool) -> set[int]:
    """Both ends of a chapter heading run into the text ("…himself. CHAPTER II Mr. Weston").

    Texts pasted without their line breaks lose the line around a heading; a
    structural word with its number, in capitals (not inside a run of
    capitals) or after a sentence end, is still one. The text after it is
    cut off only when it is a sentence, not the chapter's title
    ("CHAPTER I Down the Rabbit-Hole", "CHAPITRE V. CONSEILS").
    """
    cuts: set[int] = set()
    for m in _RUN_IN_HEADING.finditer(text):
        before = text[:m.start()].rstrip(" \u00a0")
        ended = not before or m.start() in cuts or _keep(text, m.start(), lang, dash)
        if not m.group("kw")[0].isupper() or not (
                ended or m.group("kw").isupper() and not before.split()[-1].isupper()):
            continue
        cuts.add(m.start())
        after = text[m.end():].split(None, 1)[0]
        sentence = _CANDIDATE.search(text, m.end()) or text.rstrip()[-1:] in _TERMINAL
        if not after.isupper() and sentence or _RUN_IN_HEADING.match(text, m.end() + 1):
            cuts.add(m.end() + 1)
    return {c for c in cuts if 0 < c < len(text)}


def _split_line(text: str, lang: str, dash: bool) -> list[str]:
    candidates = _regex_starts(text, lang)
    confirmed = None if lang in ABBREVIATIONS else pysbd_starts(text, lang, candidates)
    if confirmed is not None:
        confirmed |= {c for c in candidates if pysbd_missed(text, c, lang)}
    cuts = [c for c in candidates if (confirmed is None or c in confirmed) and _keep(text, c, lang, dash)]
    cuts = sorted((set(cuts) - quoted_cuts(text, set(cuts), lang)) | _heading_cuts(text, lang, dash)
                  | (thai_sentence_starts(text) if lang == "th" else set()))
    bounds = [0, *cuts, len(text)]
    # a stray quote or dash is no sentence: glue it to the one before (or after)
    wordless = {k for k in range(len(bounds) - 1) if not _has_word(text[bounds[k]:bounds[k + 1]])}
    bounds = [b for k, b in enumerate(bounds)
              if k in (0, len(bounds) - 1) or (k not in wordless and not (k == 1 and 0 in wordless))]
    parts = [text[a:b].strip(" \u00a0") for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p]


def cap_length(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """`sentence` in pieces of at most `limit` characters, cut at clause
    punctuation in the second half of a piece, else at its last space, else
    after `limit` characters; pieces stripped, nothing else changed."""
    pieces: list[str] = []
    start, end = 0, len(sentence)
    while end - start > limit:
        stop = start + limit + 1  # a cut may fall on the space just past the limit
        clauses = [m.end() for m in _CLAUSE_END.finditer(sentence, start, stop)
                   if start + limit // 2 <= m.end() <= start + limit]
        space = sentence.rfind(" ", start + limit // 4, stop)
        cut = clauses[-1] if clauses else space if space > start else start + limit
        pieces.append(sentence[start:cut].strip(" \u00a0"))
        start = cut
        while start < end and sentence[start] in " \u00a0":
            start += 1
    pieces.append(sentence[start:].strip(" \u00a0"))
    return [p for p in pieces if p]


def _line_groups(text: str) -> list[str]:
    """Lines of a paragraph: heading-like lines alone, the others joined.

    A short line is a heading only where a sentence cannot go on across the
    break: the line before ended one (or was a heading), the next starts no
    lower-case word. So wrapped prose ("It was a dark\nnight.") stays whole.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    groups: list[list[str]] = [[]]
    alone_before = True
    for k, line in enumerate(lines):
        after = lines[k + 1] if k + 1 < len(lines) else ""
        ended = alone_before or lines[k - 1][-1] in _TERMINAL + _CLOSERS
        alone = bool(DATE_LINE.match(line)) or (
            looks_like_heading(line) and ended and not _starts_lower(after))
        if alone:
            groups.extend([[line], []])
        else:
            groups[-1].append(line)
        alone_before = alone
    return [normalize_space(" ".join(g)) for g in groups if g]


def split_sentences(text: str, lang: str, *, dialogue_dash: bool | None = None) -> list[str]:
    """Sentences of one paragraph, whitespace normalised; nothing lost or changed.

    " ".join(split_sentences(p, lang)) == normalize_space(p) for a one-line p.
    `dialogue_dash`: does a dash after a sentence end (or after a colon) open a
    new sentence, as a reply in a French novel ("Non ! — Si.")? None: as the
    language usually writes dialogue (DIALOGUE_DASH_LANGS). Editions disagree:
    the LIMSI gold French of Alice keeps a run of replies in one sentence, the
    other four books cut before each dash (benchmarks/bench_segment.py prints
    both settings per book).
    """
    lang = primary(lang)
    dash = lang in DIALOGUE_DASH_LANGS if dialogue_dash is None else dialogue_dash
    out: list[str] = []
    for chunk in _line_groups(text):
        if DATE_LINE.match(chunk):
            out.append(chunk)
        else:
            out.extend(piece for sentence in _split_line(chunk, lang, dash) for piece in cap_length(sentence))
    return out


def segment(doc: Document, lang: str, *, dialogue_dash: bool | None = None) -> tuple[Sentence, ...]:
    """Paragraphs, then sentences; headings and date lines stay whole
    (`dialogue_dash`: see split_sentences)."""
    out: list[Sentence] = []
    for i, paragraph in enumerate(doc.paragraphs):
        if i in doc.headings or DATE_LINE.match(paragraph.strip()):
            out.extend(Sentence(piece, i) for piece in cap_length(normalize_space(paragraph)))
        else:
            out.extend(Sentence(s, i) for s in split_sentences(paragraph, lang, dialogue_dash=dialogue_dash))
    return tuple(out)


def segment_dialogue_dash(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """`segment`, a dialogue dash opening a sentence in any language (CLI: --segmenter dialogue-dash)."""
    return segment(doc, lang, dialogue_dash=True)


def segment_no_dialogue_dash(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """`segment`, a run of dashed replies kept in one sentence (CLI: --segmenter no-dialogue-dash)."""
    return segment(doc, lang, dialogue_dash=False)


def segment_paragraphs(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """One segment per paragraph (for texts aligned paragraph by paragraph); a
    paragraph over MAX_SENTENCE_CHARS characters is cut as sentences are."""
    return tuple(Sentence(t, i) for i, p in enumerate(doc.paragraphs) for t in cap_length(normalize_space(p)))


def segment_lines(doc: Document, lang: str) -> tuple[Sentence, ...]:
    """One segment per line, for text already split one sentence per line.

    read_text makes each line a paragraph when a text has no blank lines; a
    paragraph that still holds line breaks (a Document built in code) is cut
    at each of them, all segments keeping that paragraph's index.
    """
    return tuple(Sentence(t, i) for i, p in enumerate(doc.paragraphs)
                 for line in p.splitlines() if (t := normalize_space(line)))
