"""Word links as a PO stores them, and when to stop trusting them (docs/po-format.md).

Word links are token indexes into a link's two texts, so they hold only for the texts they were
made on. The app drops a link's word links when a person edits it, but a PO is also edited
elsewhere (a proofreader's text editor, a CAT tool round trip, a script): 'opened the doors'
made 'opened the floors' kept the links of 'doors', and the checks trusted them and missed the
slip. So the writer records a short hash of the texts the word links were made on, first in
the '#. word confidence:' line (`word confidence: text=1f3a9c2e 97 85 40`): the `words:` line
keeps the plain Pharaoh list docs/po-format.md gives, and a line of its own would be taken for
another tool's note (po_guard.OWN_NOTE) and carried over. The reader drops the word links of a
link whose texts no longer hash so. A PO written before the hash existed is read as before,
except that word links pointing past a side's tokens are dropped (surely made on other texts).
Either way only the word links go: the link, its review state and its dismissed findings stay.
The key also names the tokenizer's version (word_tokens.TOKENS_VERSION): a tokenizer that cuts
a text otherwise ('e.g.' one token, not four) moves every index after it, and the links of
'uur' read 'm' of 'a.m.'. A key of an earlier version still holds for a text every version cuts
alike (word_tokens.tokens_changed), so the word links of most texts are kept.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence

from .errors import POFormatError
from .types import WordLink

_WORDS = re.compile(r"^(words|word confidence):\s*(.*)$")
_WORD = re.compile(r"^(\d+)([-p])(\d+)$")
_TEXT = re.compile(r"^text=([0-9a-f]{8})$")


def text_key(src: Sequence[str], tgt: Sequence[str]) -> str:
    """8 hex digits naming a link's two sides (its sentences) as its tokens see them.

    Whitespace runs count as one space, as they never change the tokens (a line break between
    sentences, a space a PO editor trims), so only an edit that can move a token drops the
    word links. 32 bits: an edit goes unnoticed once in four billion."""
    from .word_tokens import TOKENS_VERSION   # lazily: the CJK and Thai word cutters behind it

    return _key(src, tgt, TOKENS_VERSION)


def _key(src: Sequence[str], tgt: Sequence[str], version: int) -> str:
    """The key as tokenizer `version` wrote it (version 1 hashed the texts alone)."""
    sides = [" ".join(" ".join(side).split()) for side in (src, tgt)]
    blob = json.dumps(sides if version == 1 else [version, *sides], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


def _same_tokens(texts: tuple[Sequence[str], Sequence[str]], since: int = 1) -> bool:
    """Do `texts` cut into the tokens tokenizer version `since` made of them (word links made
    then still name the right words)?"""
    from .word_tokens import tokens_changed

    return not any(tokens_changed(" ".join(side), since) for side in texts)


def _made_before(made_on: str, texts: tuple[Sequence[str], Sequence[str]]) -> bool:
    """Is `made_on` the key an earlier tokenizer wrote for `texts`, which every version cuts
    alike? (Only version 1's was accepted: the keys of version 2 were dropped with their word
    links, in every language, when version 3 came.)"""
    from .word_tokens import TOKENS_VERSION

    return any(made_on == _key(*texts, v) and _same_tokens(texts, v) for v in range(1, TOKENS_VERSION))


def word_lines(words: Sequence[WordLink], src: Sequence[str], tgt: Sequence[str]) -> list[str]:
    """`words: 0-0 2-1 3p1` (Pharaoh, p = possible) and `word confidence: text=KEY 97 85 40`,
    the confidences in hundredths after the `text_key` of the sentences they were made on."""
    if not words:
        return []
    return ["words: " + " ".join(f"{w.src}{'-' if w.sure else 'p'}{w.tgt}" for w in words),
            f"word confidence: text={text_key(src, tgt)} "
            + " ".join(str(round(w.confidence * 100)) for w in words)]


def read_words(lines: Sequence[str], texts: tuple[Sequence[str], Sequence[str]],
               where: str) -> tuple[WordLink, ...]:
    """The word links in an entry's '#.' comment `lines` (whole, as po_read.comment_lines
    gives them), or none where they were made on other texts than `texts` (the entry's
    sentences per side). POFormatError, said of `where` (file and line), when malformed."""
    found = dict(m.groups() for line in lines if (m := _WORDS.match(line)))
    if not found:
        return ()
    pairs = [_WORD.match(item) for item in found.get("words", "").split()]
    confidences = found.get("word confidence", "").split()
    key = _TEXT.match(confidences[0]) if confidences else None
    if key:
        confidences = confidences[1:]
    if not all(pairs) or len(confidences) != len(pairs) or not all(c.isdigit() for c in confidences):
        raise POFormatError(f"{where}: '#. words:' must list 'i-j' or 'ipj' links and "
                            f"'#. word confidence:' one number 0-100 for each; fix or delete both lines")
    words = tuple(WordLink(int(m.group(1)), int(m.group(3)), int(c) / 100, m.group(2) == "-")
                  for m, c in zip(pairs, confidences))
    if key:
        made_on = key.group(1)
        same = made_on == text_key(*texts) or _made_before(made_on, texts)
        return words if same else ()
    return words if _fit(words, texts) and _same_tokens(texts) else ()


def _fit(words: Sequence[WordLink], texts: tuple[Sequence[str], Sequence[str]]) -> bool:
    """Whether every index names a token of its side: all a PO without a text key can tell.
    Tokenizing is the cost (Sudachi for Japanese), so it is done only where `_fewest_tokens`
    and the count of characters (each at most one token) cannot tell."""
    if not words:
        return True
    for top, side in ((max(w.src for w in words), texts[0]), (max(w.tgt for w in words), texts[1])):
        text = " ".join(side)
        chunks = text.split()
        if top < _fewest_tokens(chunks):
            continue
        if top >= sum(map(len, chunks)):
            return False
        from .word_tokens import tokenize   # lazily: the CJK word cutters behind it

        if top >= len(tokenize(text)):
            return False
    return True


def _fewest_tokens(chunks: Sequence[str]) -> int:
    """A floor on the tokens of whitespace-separated `chunks`: one each, two where a letter or
    digit comes before a final punctuation mark or symbol ('doors.'), which no word or number
    token ends with (word_tokens._TOKEN), but for a stop or an apostrophe, which ends a token
    kept whole ('bijv.', 'e.g.', "po'")."""
    return len(chunks) + sum(len(c) > 1 and unicodedata.category(c[-1])[0] in "PS"
                             and c[-1] not in ".'’" and any(ch.isalnum() for ch in c)
                             for c in chunks)
