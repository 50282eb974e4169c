"""Confusable words: a real word written for its look-alike ('then' for 'than', 'à' for 'a').

Part of the real-word check (slips.py adds these findings to check_realword's). The word
vectors and the slip model read a word against the original's words one by one, and a
translation's commonest words have no vector that tells 'then' from 'than' or 'ou' from
'où': proofreaders found 'fear costs more then mistakes', 'The say that...', 'Form the
window', 'lost it's big hand', 'à été touché', 'la ville, ou il peut être téléchargé' all
missed. What gives them away is the word's neighbours, as a grammar checker reads them:
a comparative before 'then', a past participle after 'à'.

Each rule (confusable_rules.py) is a pattern around the word written, the word meant, and
how sure the pattern is alone: 'warning' (near-certain: no clean LIMSI or Text+Berg dev
sentence matches it), 'info', or None (only with the original's backing). The original
decides where it can: a word linked to the word written (words.py) that means the word
written ('alors' for 'then') drops the finding, one that means the word meant ('que' after
'plus', 'wo') makes it a warning; without word links, the original holding a word that
means the word meant and none that means the word written does the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .confusable_english import ENGLISH_MORE, SENSES_MORE
from .confusable_rules import RULES as FIRST_RULES, SENSES as FIRST_SENSES, Rule
from .lang import primary
from .types import Bitext, Finding, Severity, Span

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["check_confusables", "confusable_findings"]

RULES = {**FIRST_RULES, "en": FIRST_RULES["en"] + ENGLISH_MORE}
SENSES = {**FIRST_SENSES, **SENSES_MORE}


def check_confusables(bitext: Bitext, config: CheckConfig) -> Iterator[Finding]:
    """Every link's confusable-word findings (check 'realword'), in link order."""
    if not config.confusables or primary(bitext.tgt_lang) not in RULES:
        return
    for i in range(len(bitext.alignment.links)):
        yield from confusable_findings(bitext, i)


def confusable_findings(bitext: Bitext, i: int) -> list[Finding]:
    """Link i's confusable words, one finding per word written (the first rule that holds)."""
    rules = RULES.get(primary(bitext.tgt_lang), ())
    tgt = bitext.link_text(i, "tgt")
    if not rules or not tgt:
        return []
    src = bitext.link_text(i, "src")
    src_lang = primary(bitext.src_lang)
    found: dict[int, Finding] = {}
    for rule in rules:
        for m in rule.pattern.finditer(tgt):
            a, b = m.span("w")
            if a in found or (rule.fits is not None and not rule.fits(m)) or (
                    rule.before is not None and not rule.before.search(tgt, max(0, m.start() - 40), m.start())):
                continue
            level, backing = _level(rule, src, src_lang, _linked_words(bitext, i, a, b), tgt)
            if level is None:
                continue
            written = m.group("w")
            spans = [Span("tgt", a, b)] + ([Span("src", *backing.span())] if backing else [])
            said = f" (original: '{backing.group(0)}')" if backing else ""
            found[a] = Finding(i, "realword", level, f"'{written}' where '{_cased(rule.intended, written)}' "
                               f"is meant?{said}", tuple(spans))
    return [found[a] for a in sorted(found)]


def _level(rule: Rule, src: str, src_lang: str, linked: list[re.Match[str]],
           tgt: str = "") -> tuple[Severity | None, re.Match[str] | None]:
    """(level, the original's word that backs it) of a match of `rule`. An original word
    linked to the word written decides first: one meaning the word written ('alors' for a
    'then') vetoes, one meaning the word meant backs a warning. Without such a link the
    original backs a warning where it holds a word meaning the word meant and none meaning
    the word written (for a `counted` rule, more of them than the translation has of the
    word meant: a 'where' already rendered by an 'où' backs no other 'ou'); one holding a word
    meaning the word written and none meaning the word meant vetoes; else the rule's own
    level stands; for a `linked_only` rule, only a word link speaks for the original."""
    yes = SENSES[rule.yes].get(src_lang) if rule.yes else None
    no = SENSES[rule.no].get(src_lang) if rule.no else None
    if no is not None and any(no.fullmatch(t.group(0)) for t in linked):
        return None, None
    backing = next((t for t in linked if yes is not None and yes.fullmatch(t.group(0))), None)
    if backing is not None:
        return "warning", backing
    if rule.alone == "warning" or rule.linked_only:
        return rule.alone, None
    found = yes.search(src) if yes is not None else None
    if found is not None and (no is None or no.search(src) is None) and (
            not rule.counted or yes is not None and len(yes.findall(src)) > _count(rule.intended, tgt)):
        return "warning", found
    if no is not None and no.search(src) and found is None:
        return None, None   # the original says the word written ('Formez' for 'Form a line')
    return rule.alone, None


def _linked_words(bitext: Bitext, i: int, a: int, b: int) -> list[re.Match[str]]:
    """The original's tokens that link i's word links join to the translation's characters
    [a, b), as matches on the original's text (their offsets, for the finding's span)."""
    words = [w for w in bitext.alignment.links[i].words if w.confidence >= LINK_FLOOR]
    if not words:
        return []
    from .word_tokens import tokenize

    src = bitext.link_text(i, "src")
    s_tok, t_tok = tokenize(src), tokenize(bitext.link_text(i, "tgt"))
    here = {k for k, t in enumerate(t_tok) if t.start < b and a < t.end}
    at = sorted({w.src for w in words if w.tgt in here and w.src < len(s_tok)})
    return [m for k in at if (m := re.compile(re.escape(s_tok[k].text)).match(src, s_tok[k].start))]


def _count(word: str, text: str) -> int:
    """How often `word` stands in `text` as a word, in any case."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))


LINK_FLOOR = 0.5
"""Word links at or above this confidence speak for the original. Lower than the checks'
sure links (0.8): a slip weakens the link of the word it hides ('then' linked to 'que')."""


def _cased(intended: str, written: str) -> str:
    """The word meant, capitalised as the word written ('Form' -> 'From')."""
    return intended[:1].upper() + intended[1:] if written[:1].isupper() else intended
