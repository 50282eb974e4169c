"""The glossary's rows: one per pair of headwords, each word's forms met beside it.

Part of the glossary (glossary.py counts the linked word pairs; this makes its rows of them).
"""

from __future__ import annotations

from collections import Counter

from .glossary_forms import has_reading, reading
from .glossary_vocab import label, lemma
from .lang import primary
from .word_tokens import lower


def grouped(counts: Counter[tuple[str, str]], first: dict[tuple[str, str], int],
            langs: tuple[str, str], shown: tuple[dict[str, str], ...],
            hidden: set[tuple[str, str]], heads: tuple[dict[str, tuple[str, str]], ...]
            ) -> list[tuple[str, str, int, int, str, str]]:
    """(source, target, count, first link, readings) rows, one per pair of lemmas: the forms of
    a declined or conjugated word were a row each ('Москва', 'Москве', 'Москву', all 'Moscow').
    Each side shows its lemma where the text writes it, else its commonest form, then the
    others met; a Japanese or Korean side its headword (`heads`: '言う (言っ)', '어머니
    (어머니는, 어머니가)'), which the text may never write alone.
    A row holding a pair of `hidden` is left out whole: leaving out the pair alone showed the
    row's other forms as a row of their own ('alle' -> 'at', where all its forms read
    'alla (alle)' -> 'at')."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in counts:   # lemmas of the forms shown: lower-cased, 'Haus' read as 'haus(en)'
        key = tuple(heads[s][w][0] if w in heads[s] else lemma(shown[s].get(w, w), langs[s])
                    for s, w in ((0, a), (1, b)))
        groups.setdefault((key[0], key[1]), []).append((a, b))
    rows = []
    for lemmas, pairs in groups.items():
        if hidden.intersection(pairs):
            continue
        sides = [_side(pairs, s, lemmas[s], counts, shown[s], heads[s], langs[s]) for s in (0, 1)]
        rows.append((sides[0][0], sides[1][0], sum(counts[p] for p in pairs),
                     min(first[p] for p in pairs), sides[0][1], sides[1][1]))
    return rows


def _side(pairs: list[tuple[str, str]], s: int, lem: str, counts: Counter[tuple[str, str]],
          shown: dict[str, str], heads: dict[str, tuple[str, str]], lang: str) -> tuple[str, str]:
    """One side of a row of `pairs`: its word as shown (`label`) and its reading."""
    met: Counter[str] = Counter()
    for pair in pairs:
        met[shown.get(pair[s], pair[s])] += counts[pair]
    said = next((heads[p[s]] for p in pairs if p[s] in heads), None)
    if said is not None:
        head = said[0]
    else:
        head = next((f for f in met if lower(f, lang) == lem), None) or met.most_common(1)[0][0]
    if said is not None or not has_reading(lang):
        return label(met, head), said[1] if said is not None else ""
    # a Japanese token that is no word where it stands ('午' of '午後十二時') is read wrong alone
    return label(met, head), "" if primary(lang) == "ja" else reading(head, lang)
