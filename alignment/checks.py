"""Proofreading checks: find likely slips in a translation from its aligned pairs.

check stage: Bitext (+ optional WordEvidence) -> Finding list. Each check is a
function `(bitext, config, evidence) -> Iterable[Finding]` registered in
`CHECKS`; `run_checks` runs a selection and returns the findings sorted by link.
A Finding carries character spans into `Bitext.link_text(i, side)` so a UI can
highlight them, and a level: error (almost surely wrong), warning (worth a
look), info (shown only when asked; `at_level`).

The checks never call the encoder: word evidence (evidence.py: the encoder's
word vectors and sentence cosines) is computed by the caller and passed in;
without it the word-level checks compare spellings only and say less.

Libraries, and why:
- translate-toolkit (`translate.filters.checks`, what `pofilter` runs) for the
  double-space and end-punctuation comparisons; we feed it text with French
  typography (spaces or NBSP before ; : ! ? », after «) normalised away so the
  French side does not raise false alarms. Its `numbers` (digit strings only:
  "1 000" != "1000") and `doublewords` ("nous nous", "had had" flagged, no
  positions) do not fit, so those two are written here (numbers.py reads
  times, dates and ordinals by value).
- Untranslated text (untranslated.py: pyspellchecker's word lists for the "in the
  source language" test), names (cognates.py), real-word slips (slips.py), brackets
  and quotes (brackets.py), runs of additions or omissions and links that do not
  match (unmatched.py) live in their own modules;
  writing findings into a PO file (`annotate_po`) in check_po.py; the thresholds
  (`CheckConfig`, tuned on the LIMSI en-fr books) in check_config.py.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .check_codes import check_placeholders, without_codes
from .check_config import CheckConfig
from .check_dismissed import finding_key, only_dismissals_differ, split_dismissed
from .cognates import check_names, link_pairs, make_finding, similarity
from .slips import check_realword, one_blas_thread
from .errors import UnknownComponent
from .brackets import check_brackets, marks
from .dates import date_findings
from .check_po import annotate_po
from .evidence import WordEvidence
from .lang import primary
from .negation import check_negation
from .opposites import check_opposites
from .sentence_order import check_order
from .unmatched import check_match, check_omissions, length_z, part_left_out
from .progress import Progress, no_progress
from .number_currency import currency_findings
from .number_pairs import number_pair_findings
from .number_measures import units_said
from .number_words_changed import _words_changed, _written_apart
from .number_match import unequal
from .numbers import SPACE, asides, listed, number_values, quantities
from .spelling import check_spelling
from .untranslated import check_untranslated
from .thai_questions import question_spans
from .types import Bitext, Finding, Severity, Side, Span

CheckFn = Callable[[Bitext, "CheckConfig", "WordEvidence | None"], Iterable[Finding]]
LEVELS: tuple[Severity, ...] = ("error", "warning", "info")


# ---------------------------------------------------------------- text helpers

FR_TYPO = re.compile(rf"{SPACE}+(?=[;:!?»])|(?<=«){SPACE}+")


def detypo(text: str) -> str:
    """Remove French typographic spaces so toolkit checks compare like with like."""
    return FR_TYPO.sub("", text)


@lru_cache(maxsize=8)
def _toolkit(lang: str) -> Any:
    from translate.filters import checks
    return checks.StandardChecker(checks.CheckerConfig(targetlanguage=lang))


def _toolkit_fails(lang: str, name: str, src: str, tgt: str) -> bool:
    from translate.filters.checks import FilterFailure
    try:
        getattr(_toolkit(lang), name)(src, tgt)
    except FilterFailure:
        return True
    return False


# ---------------------------------------------------------------- numbers

MARKED_NUMBERS = 100   # numbers a finding marks per side (a table's line may hold thousands)


def check_numbers(bitext: Bitext, config: CheckConfig, evidence: WordEvidence | None = None,
                  progress: Progress = no_progress) -> Iterator[Finding]:
    """Numbers, times and dates that differ in value between the sides (1921 vs 1912).
    `progress` hears (links done, links, "numbers") link by link (word_lists.each_link)."""
    for i, src, tgt in link_pairs(bitext, progress, "numbers"):
        if not src or not tgt:
            continue
        sq, tq = quantities(without_codes(src)), quantities(without_codes(tgt))
        words = _words_changed(i, src, bitext.src_lang, tgt, bitext.tgt_lang, sq + tq)
        if words is not None:
            yield words
        yield from currency_findings(i, src, sq, tgt, tq)   # '20 euros' / '20 dollars'
        extra_s = unequal(sq, tq, tgt, bitext.tgt_lang, src, bitext.src_lang)
        extra_t = unequal(tq, sq, src, bitext.src_lang, tgt, bitext.tgt_lang)
        if not extra_s or not extra_t:   # on one side only: asides left out or added
            extra_s = [q for q, side in zip(extra_s, asides(extra_s, src)) if not side]
            extra_t = [q for q, side in zip(extra_t, asides(extra_t, tgt)) if not side]
        # a month or weekday changed by name, beside a figure changed or not ('Saturday ... 250' /
        # 'Sunday ... 205': both; 'Mai 1956' / 'octobre 1955' one finding, the figures')
        changed = [Span("src", q.start, q.end) for q in extra_s] + [Span("tgt", q.start, q.end) for q in extra_t]
        yield from date_findings(i, src, bitext.src_lang, tgt, bitext.tgt_lang, changed)
        if not extra_s and not extra_t:   # the figures agree: a number in words changed?
            if words is None:   # 'soixante-douze francs' / 'sixty-two francs', 'trois cents' / 'four hundred'
                yield from number_pair_findings(i, src, bitext.src_lang, tgt, bitext.tgt_lang)
            continue
        # a line of thousands of numbers (a table) marks the first hundred of each side
        spans = [Span("src", q.start, q.end) for q in extra_s[:MARKED_NUMBERS]]
        spans += [Span("tgt", q.start, q.end) for q in extra_t[:MARKED_NUMBERS]]
        units = units_said(extra_s, extra_t)   # '150 metros' / '150 kilometres'
        s_txt, t_txt = listed(extra_s, src, units), listed(extra_t, tgt, units)
        # changed on both sides, as many on each: almost surely wrong; unevenly: worth a
        # look, unless page references are among them (a reference rewritten for the
        # translation's edition: the German and the French journal paginate differently),
        # then info; page references alone are not reported (editions paginate differently);
        # on one side only, translators often drop or add a number on purpose: info, and
        # nothing for asides (aside)
        pages = [q.page for q in extra_s + extra_t]
        if all(pages):
            continue
        even = len(extra_s) == len(extra_t)
        sev: Severity = "info" if not (extra_s and extra_t) or all(pages) or \
            (any(pages) and not even) else "error" if even else "warning"
        if sev == "info" and not any(pages):   # 'Seven sailors' / '8人の船乗り'
            words = _written_apart(src, bitext.src_lang, tgt, bitext.tgt_lang, sq + tq) if extra_t else \
                _written_apart(tgt, bitext.tgt_lang, src, bitext.src_lang, sq + tq)
            s_txt, t_txt = (words or s_txt, t_txt) if extra_t else (s_txt, words or t_txt)
            sev = "warning" if words else sev
        yield make_finding(i, "numbers", sev, f"numbers differ: {s_txt} in the original, "
                           f"{t_txt} in the translation", *spans)


# ---------------------------------------------------------------- omissions, length, confidence

def length_model(pairs: Sequence[tuple[int, int]]) -> tuple[float, float]:
    """Gale-Church style model estimated robustly from the text itself.

    Returns (c, s): translation length ~ c * original length, and the spread s of
    (l_tgt - c * l_src) / sqrt(l_src + l_tgt) as 1.4826 * MAD (median absolute deviation).
    """
    usable = [(a, b) for a, b in pairs if a >= 10 and b >= 10]
    if len(usable) < 10:
        return 1.0, 1.5   # too little text to estimate: a generous prior
    c = statistics.median(b / a for a, b in usable)
    d = [(b - c * a) / (a + b) ** 0.5 for a, b in usable]
    med = statistics.median(d)
    mad = statistics.median(abs(x - med) for x in d)
    return c, max(1.4826 * mad, 0.5)


def check_length(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Parts left out or added: a sentence of a link the other side does not translate
    (with evidence: unmatched.part_left_out), else a length ratio far outside what this
    text shows (further with evidence, which finds the sentences left out: length_z_evidence)."""
    pairs = [(i, len(s), len(t)) for i, s, t in link_pairs(bitext) if s and t]
    c, s = length_model([(a, b) for _, a, b in pairs])
    bar = config.length_z if evidence is None else config.length_z_evidence
    word_links = any(link.words for link in bitext.alignment.links)
    for i, a, b in pairs:
        part = part_left_out(bitext, i, evidence, config, (c, s), word_links) \
            if evidence is not None else None
        if part is not None:
            yield part
            continue
        z = length_z(a, b, (c, s))
        if abs(z) >= bar and max(a, b) >= config.min_length_chars:
            which = "shorter" if z < 0 else "longer"
            side: Side = "src" if z < 0 else "tgt"
            yield make_finding(i, "length", "warning",
                           f"translation is {b / a:.2f}x the original's length, far {which} than "
                           f"this text's usual {c:.2f}x: something left out or added?",
                           Span(side, 0, a if side == "src" else b))


def check_confidence(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Links the aligner is unsure of and no person has reviewed."""
    for i, link in enumerate(bitext.alignment.links):
        if link.confidence < config.review_threshold and not link.reviewed:
            yield make_finding(i, "confidence", "info", f"alignment confidence {link.confidence:.2f} "
                           f"< {config.review_threshold:.2f}: check that these sentences match")


# ---------------------------------------------------------------- punctuation

def check_question(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """A question on one side and not on the other (info: translators turn questions
    into statements and back on purpose). Thai asks with words, seldom with '?'
    (thai_questions.py)."""
    for i, src, tgt in link_pairs(bitext):
        qs, qt = _asks(src, bitext.src_lang, "src"), _asks(tgt, bitext.tgt_lang, "tgt")
        if src and tgt and bool(qs) != bool(qt):
            where = "original" if qs else "translation"
            yield make_finding(i, "question", "info", f"only the {where} asks a question", *(qs or qt))


def _asks(text: str, lang: str, side: Side) -> list[Span]:
    """What makes `text` a question: its question marks, else its Thai question words. Not a
    mark right after a colon, semicolon or comma (OCR's 'Literatur:?' asks nothing: Text+Berg
    dev), nor one inside a word or an address ('page.php?id=3')."""
    spans = [m for m in marks(text, "?¿？؟", side) if not _stray_mark(text, m.start)]
    if spans or primary(lang) != "th":
        return spans
    return [Span(side, a, b) for a, b in question_spans(text)]


def _stray_mark(text: str, at: int) -> bool:
    """Whether the question mark at `at` asks nothing (_asks); an opening '¿' always asks, and
    a capital right after a mark begins the next sentence ('Why?Because': a space left out)."""
    if text[at] == "¿":
        return False
    before, after = text[:at].rstrip()[-1:], text[at + 1:at + 2]
    return before in (":", ";", ",") or (before.isalnum() and text[at - 1:at].isalnum() and (
        after.islower() or after.isdigit() or after in ("=", "&", "/")))


# what closes a sentence around its final mark: quotes, brackets, and a dialogue dash after the
# mark ('Il part. —'); not a dash ending the words ('where--': speech broken off is a mark)
END_WRAP = re.compile(r"(?:[\s\"'”’»«“„‚‘›‹)\]}）」』]|(?<=[.!?…;:,。！？])\s*[—–])+$")


def bare_end(text: str) -> str:
    """`text` less what wraps its final mark (END_WRAP): a translation that puts a reply in
    quotes where the original opens it with a dash ('— Desde que … estação.' / '"Since … ."')
    ends with the same mark."""
    return END_WRAP.sub("", text)


def check_endpunc(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Different punctuation at the end (translate-toolkit `endpunc`), French spacing and the
    quotes, brackets and dialogue dashes around the final mark ignored (bare_end)."""
    for i, src, tgt in link_pairs(bitext):
        bs, bt = bare_end(src), bare_end(tgt)
        if bs and bt and _toolkit_fails(bitext.tgt_lang, "endpunc", detypo(bs), detypo(bt)) \
                and _toolkit_fails(bitext.tgt_lang, "endpunc", bs, bt):   # French spacing kept
            yield make_finding(i, "endpunc", "info", "different punctuation at the end",
                           Span("src", len(bs) - 1, len(bs)), Span("tgt", len(bt) - 1, len(bt)))


# ---------------------------------------------------------------- translation-side slips

def check_doublewords(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """A word repeated ("the the"), except doubles the language allows ("nous nous")."""
    valid = dict(config.valid_doubles).get(primary(bitext.tgt_lang), ())   # 'fr-FR' is French
    for i, _src, tgt in link_pairs(bitext):
        for m in re.finditer(r"\b(\w+)\s+(\1)\b", tgt, flags=re.IGNORECASE):
            if m.group(1).casefold() not in valid and not m.group(1).isdigit():
                yield make_finding(i, "doublewords", "warning", f"repeated word '{m.group(1)}'",
                               Span("tgt", m.start(), m.end()))


def check_doublespace(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Double spaces in the translation (translate-toolkit `doublespacing` decides)."""
    for i, src, tgt in link_pairs(bitext):
        runs = list(re.finditer(rf"{SPACE}{{2,}}", tgt))
        if runs and _toolkit_fails(bitext.tgt_lang, "doublespacing", src,
                                   re.sub(rf"{SPACE}{{2,}}", "  ", tgt)):
            yield make_finding(i, "doublespace", "info", "double space in the translation",
                           *(Span("tgt", m.start(), m.end()) for m in runs))


# ---------------------------------------------------------------- registry and runner

__all__ = ["CHECKS", "DEFAULT_CHECKS", "LEVELS", "CheckConfig", "annotate_po", "at_level",
           "finding_key", "number_values", "one_per_word", "only_dismissals_differ", "run_checks",
           "similarity", "split_dismissed"]

CHECKS: dict[str, CheckFn] = {
    "numbers": check_numbers,
    "names": check_names,
    "omission": check_omissions,
    "match": check_match,
    "length": check_length,
    "confidence": check_confidence,
    "brackets": check_brackets,
    "question": check_question,
    "untranslated": check_untranslated,
    "doublewords": check_doublewords,
    "doublespace": check_doublespace,
    "realword": check_realword,
    "spelling": check_spelling,
    "endpunc": check_endpunc,
    "negation": check_negation,
    "opposites": check_opposites,
    "order": check_order,
    "placeholders": check_placeholders,
}
# checks that also take run_checks' `progress` and report their own stage (link by link): the
# real-word check of 20,000 short links takes minutes, the names and numbers checks of a book of
# 7,000 links half a minute, the bar of the checks frozen meanwhile
OWN_PROGRESS = frozenset({check_realword, check_names, check_numbers})
# On request only: endpunc is noisy on literary text (translators move ; and . freely);
# negation finds 1 of 10 negations dropped for 1.5 false warnings per 1,000 clean LIMSI links
# (the encoder hardly sees negation: negation.py), and in short links with weaker evidence 1 of 10
# more as infos (9 per 1,000 clean LIMSI links); opposites (opposites.py) finds most words
# turned into their opposite but flags free translations too (its docstring has the figures).
ON_REQUEST = frozenset({"endpunc", "negation", "opposites"})
DEFAULT_CHECKS: tuple[str, ...] = tuple(n for n in CHECKS if n not in ON_REQUEST)


def run_checks(bitext: Bitext, *, only: Sequence[str] | None = None,
               config: CheckConfig = CheckConfig(),
               evidence: WordEvidence | None = None,
               progress: Progress = no_progress) -> tuple[Finding, ...]:
    """Run the named checks (default: all but those ON_REQUEST); findings sorted by link, then check.

    `evidence` (evidence.word_evidence) gives the word-level checks the encoder's
    word vectors; without it they compare spellings only and say less. `progress` hears
    (checks run, checks, "checks"): a book's checks take a minute or more.
    """
    names = list(only) if only else list(DEFAULT_CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UnknownComponent(f"unknown check {unknown[0]!r}; choose from: {', '.join(CHECKS)}")
    order = {n: k for k, n in enumerate(CHECKS)}
    found: list[Finding] = []
    # a link's products are tiny (words x words): OpenBLAS's threads only wait on one another
    # (slips.one_blas_thread); the names check of a 7,000-link book spent 7 s in them
    with one_blas_thread():
        for k, name in enumerate(names):
            progress(k, len(names), "checks")
            check = CHECKS[name]
            found += check(bitext, config, evidence, progress=progress) if check in OWN_PROGRESS \
                else check(bitext, config, evidence)
    progress(len(names), len(names), "checks")
    return tuple(sorted(one_per_word(found), key=lambda f: (f.link, order[f.check])))


def one_per_word(found: Iterable[Finding]) -> list[Finding]:
    """Less a real-word finding on a word the spelling check reads as misspelt, and the names
    check's info on a word the numbers check marks (a month changed by name: "name 'March' has
    no counterpart" beside "month 'février' became 'March'?"): one word, one finding ('mornign'
    is no word, not a real-word slip for 'morning'). For callers that run the checks one at a
    time (the app's Proofread)."""
    found = list(found)
    misspelt = {(f.link, f.spans[0].start) for f in found if f.check == "spelling"}
    marked = {(f.link, s.side, s.start) for f in found if f.check == "numbers" for s in f.spans}
    return [f for f in found if not f.spans or not (
        f.check == "realword" and (f.link, f.spans[0].start) in misspelt
        or f.check == "names" and f.severity == "info" and len(f.spans) == 1
        and (f.link, f.spans[0].side, f.spans[0].start) in marked)]


def at_level(findings: Iterable[Finding], level: str = "warning") -> tuple[Finding, ...]:
    """The findings at `level` or above ('error', 'warning' or 'info': everything).

    error: almost surely wrong; warning: worth a look; info: shown only when asked.
    """
    if level not in LEVELS:
        raise UnknownComponent(f"unknown level {level!r}; choose from: {', '.join(LEVELS)}")
    return tuple(f for f in findings if LEVELS.index(f.severity) <= LEVELS.index(level))
