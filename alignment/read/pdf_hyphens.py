"""Whether a hyphen at a PDF line's end belongs to the word (a compound) or only breaks it.

A typeset line that ends in 'inter-' before 'prètes' and one that ends in 'elles-' before
'mêmes' look the same in a PDF: pdf.py joined both without the hyphen, and compounds came out as
no word ('ellesmêmes', 'porteparole', 'ditelle', 'wellknown'), which the encoder, the spelling
check and a search all miss. The hyphen is kept where the joined word is in no word list of the
text's language (pyspellchecker's, langdetect telling the language) and
- the part after it is a French inverted pronoun or 'même(s)' ('dit-elle', 'demanda-t-il',
  'elles-mêmes', 'donne-leur', 'celle-là'), or
- both parts are words of the list ('porte-parole', 'well-known', 'arc-bouter'), except in a
  language that writes its compounds as one word (CLOSED_COMPOUNDS: German 'Winter-' + 'abend'
  is 'Winterabend').
'va-' + 'leur' is 'valeur' and 'déve-' + 'loppement' 'développement': words, so joined. A
language without a word list (or not told) joins as before: the hyphen goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Languages that write their compounds as one word ('Winterabend', 'Apfelkuchen', 'appeltaart'):
# two known parts say nothing there, as no list holds every compound (11 of 24 ordinary German
# compounds broken at their seam kept a wrong hyphen); a hyphen before a capital stays (pdf.py)
CLOSED_COMPOUNDS = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "hu", "et"})
_INVERTED = frozenset({"il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "ce", "moi",
                       "toi", "lui", "leur", "leurs", "là", "ci", "même", "mêmes", "y", "en"})
_LAST_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")
_T_PRONOUN = re.compile(r"^t-(?:il|elle|on)\b")


def compound_rule(sample: str) -> Callable[[str, str], bool] | None:
    """A test (left line, right line) -> keep the hyphen, for a text like `sample`; None when
    its language has no word list."""
    from ..lang import detect_language
    from ..word_lists import speller_for

    lang = detect_language(sample[:5000])
    speller = speller_for(lang) if lang else None
    if speller is None:
        return None

    def known(word: str) -> bool:
        return word.casefold() in speller

    def keep(left: str, right: str) -> bool:
        head, tail = _LAST_WORD.search(left), _FIRST_WORD.match(right)
        if not head or not tail:
            return False
        a, b = head.group(1), tail.group()
        if lang == "fr" and _T_PRONOUN.match(right):
            return True   # 'demanda-' + 't-il'
        if known(a + b):
            return False
        if lang == "fr" and b.casefold() in _INVERTED:
            return True
        if lang in CLOSED_COMPOUNDS:   # 'Winter-' + 'abend': a compound written as one word
            return False
        return len(a) > 1 and len(b) > 1 and known(a) and known(b)

    return keep
