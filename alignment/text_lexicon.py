"""The text's own translation table, read off its word links: what each original word usually becomes.

Part of the check stage, beside evidence.py. A translation of a whole book says, through
its sure word links (words.py, confidence >= 0.8), that 'et' became 'and' 379 times in
about 550 and 'dit' 'said' in 115 of 148: evidence for a real-word slip ("sand" where 'et'
calls for 'and') that no cosine of two words out of context gives, and free once the word
links exist. What a link calls for is judged by the rest of the text: its own word links
(which may join a slip to the original word by position) are left out there. Also counts the translation's
words, so a check can tell a word the translation uses again and again from one it
uses once.

No library: a pass over the links counting pairs (collections.Counter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .evidence import WORD_LINK_FLOOR, word_spans
from .types import Bitext

Pairs = Counter[tuple[str, str]]


@dataclass(frozen=True, eq=False)
class TextLexicon:
    """`pairs[(o, w)]`: sure word links joining original word o to translation word w (lower
    case); `seen[o]`: occurrences of o; `own[i]`: link i's share of both; `by_word[w]`: the original words linked to w; `counts[w]`: how often
    w occurs in the whole translation. Empty tables where the text has no word links."""

    pairs: Pairs = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)
    own: dict[int, tuple[Pairs, Counter[str]]] = field(default_factory=dict)
    by_word: dict[str, set[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def share(self, original: str, word: str, leave_out: int | None = None) -> float:
        """Share of original's occurrences (outside link `leave_out`) a word link gives to word."""
        o, w = original.lower(), word.lower()
        pairs, seen = self.own.get(leave_out, (Counter(), Counter())) if leave_out is not None \
            else (Counter(), Counter())
        n = self.seen[o] - seen[o]
        return (self.pairs[o, w] - pairs[o, w]) / n if n > 0 else 0.0

    def expected(self, word: str, originals: Sequence[str], leave_out: int | None = None) -> float:
        """How many times word is expected from these original words (sum of their shares:
        two 'et' call for about 1.4 'and'), by the text or by the text outside link `leave_out`."""
        sources = self.by_word.get(word.lower(), ())
        return sum(self.share(o, word, leave_out) for o in originals if o.lower() in sources)


def text_lexicon(bitext: Bitext) -> TextLexicon:
    """Count, over every link, the original tokens and the sure word links between tokens."""
    from .words import link_tokens_of

    lex = TextLexicon()
    linked = any(getattr(link, "words", ()) for link in bitext.alignment.links)
    for i, link in enumerate(bitext.alignment.links):
        lex.counts.update(w.lower() for w, *_ in word_spans(bitext.link_text(i, "tgt"), bitext.tgt_lang))
        if not linked:
            continue
        s_tok, t_tok = link_tokens_of(bitext, i)
        seen = Counter(t.text.lower() for t in s_tok)
        pairs = Counter((s_tok[w.src].text.lower(), t_tok[w.tgt].text.lower()) for w in link.words
                        if w.confidence >= WORD_LINK_FLOOR and w.src < len(s_tok) and w.tgt < len(t_tok))
        lex.seen.update(seen)
        lex.pairs.update(pairs)
        lex.own[i] = (pairs, seen)
    for o, w in lex.pairs:
        lex.by_word.setdefault(w, set()).add(o)
    return lex
