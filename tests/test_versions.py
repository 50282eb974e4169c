"""Joint rows of several versions: coverage, N = 2 identity, minimal rows, diff, flags, summary."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import InputError
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import (align_versions, join, joint_rows, pair_alignment, pair_bitext,
                                text_links, version_names)
from alignment.versions_compare import (FlagContext, row_flags, search_rows, summary,
                                        word_diff)


@st.composite
def alignments(draw, n: int, m: int) -> Alignment:
    """A random monotone alignment covering n source and m target sentences once, in order."""
    links, i, j = [], 0, 0
    while i < n or j < m:
        a = draw(st.integers(0, min(3, n - i)))
        b = draw(st.integers(0 if a else 1, min(3, m - j))) if j < m else 0
        if a == 0 and b == 0:
            a = 1
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)),
                          draw(st.floats(0, 1))))
        i, j = i + a, j + b
    return Alignment(tuple(links))


@st.composite
def version_pairs(draw):
    n0 = draw(st.integers(0, 12))
    sizes = draw(st.lists(st.integers(0, 12), min_size=1, max_size=4))
    return n0, sizes, [draw(alignments(n0, m)) for m in sizes]


@settings(max_examples=100, deadline=None)
@given(version_pairs())
def test_every_sentence_of_every_text_once_in_order(case):
    n0, sizes, aligns = case
    rows = joint_rows(n0, aligns)
    assert [i for r in rows for i in r.cells[0]] == list(range(n0))
    for k, m in enumerate(sizes, start=1):
        assert [j for r in rows for j in r.cells[k]] == list(range(m))
    assert all(any(cell for cell in r.cells) for r in rows)


@settings(max_examples=100, deadline=None)
@given(version_pairs())
def test_pairwise_links_kept_and_rows_minimal(case):
    n0, sizes, aligns = case
    rows = joint_rows(n0, aligns)
    for k, a in enumerate(aligns):
        assert tuple(link for r in rows for link in r.links[k]) == a.links
        for r in rows:
            assert tuple(j for link in r.links[k] for j in link.tgt) == r.cells[k + 1]
    cuts = [{sum(len(link.src) for link in a.links[:x]) for x in range(len(a.links) + 1)}
            for a in aligns]
    for r in rows:  # no position inside a row is a cut of every pair
        for p in r.cells[0][1:]:
            assert not all(p in c for c in cuts)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 15).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, 15)))
       .flatmap(lambda nm: st.tuples(st.just(nm[0]), alignments(*nm))))
def test_two_texts_give_the_pairwise_alignment_unchanged(case):
    n0, a = case
    rows = joint_rows(n0, [a])
    assert [(r.cells, r.links) for r in rows] == [((l.src, l.tgt), ((l,),)) for l in a.links]


def _texts(*sizes_langs):
    return tuple(Version(name, lang, tuple(Sentence(f"{name} sentence {i}.") for i in range(n)))
                 for name, lang, n in sizes_langs)


def L(src, tgt, c=1.0):
    return Link(tuple(src), tuple(tgt), c)


def test_row_is_the_smallest_span_on_which_all_agree():
    # en merges 0+1 of the original; es keeps them apart but merges 2+3
    en = Alignment((L([0, 1], [0]), L([2], [1]), L([3], [2])))
    es = Alignment((L([0], [0]), L([1], [1]), L([2, 3], [2])))
    vs = join(_texts(("fr", "fr", 4), ("en", "en", 3), ("es", "es", 3)), [en, es])
    assert [r.cells for r in vs.rows] == [((0, 1), (0,), (0, 1)), ((2, 3), (1, 2), (2,))]
    assert vs.rows[0].links == ((en.links[0],), es.links[:2])
    assert pair_alignment(vs, 2).links == es.links
    assert pair_bitext(vs, 1).tgt_lang == "en"


def test_additions_on_a_boundary_get_their_own_row_and_omissions_an_empty_cell():
    en = Alignment((L([0], [0]), L([], [1]), L([1], [2])))
    es = Alignment((L([0], [0]), L([1], [])))
    vs = join(_texts(("fr", "fr", 2), ("en", "en", 3), ("es", "es", 1)), [en, es])
    assert [r.cells for r in vs.rows] == [((0,), (0,), (0,)), ((), (1,), ()), ((1,), (2,), ())]
    s = {x.name: x for x in summary(vs)}
    assert s["es"].omitted_rows == (2,) and s["es"].coverage == 0.5
    assert s["en"].added_rows == (1,) and s["en"].coverage == 1.0
    assert row_flags(vs, 2, (0, 2)) == ("es: nothing here",)
    # ('en sentence 2.' where the original says 'fr sentence 1.': a number changed, marked too)
    assert row_flags(vs, 2, (0, 1, 2)) == ("es: nothing here", "en: 2 where the original says 1")


class _Embedder:
    """Two additions are similar when their first words match."""

    def embed(self, texts):
        import numpy as np
        return np.array([[1.0, 0.0] if t.split()[0] == "same" else [0.0, 1.0] for t in texts])


def test_version_similarity_splits_unrelated_additions():
    texts = (Version("fr", "fr", (Sentence("a"),)),
             Version("en", "en", (Sentence("a"), Sentence("same note"))),
             Version("es", "es", (Sentence("a"), Sentence("other note"))),
             Version("de", "de", (Sentence("a"), Sentence("same here"))))
    pairs = [Alignment((L([0], [0]), L([], [1])))] * 3
    vs = join(texts, pairs, embedder=_Embedder())
    assert [r.cells for r in vs.rows] == [((0,), (0,), (0,), (0,)),
                                          ((), (1,), (), (1,)), ((), (), (1,), ())]
    blind = join(texts, pairs)
    assert [r.cells for r in blind.rows][1] == ((), (1,), (1,), (1,))


def test_links_between_two_versions_go_through_the_original():
    en = Alignment((L([0, 1], [0], 0.7), L([2], [1]), L([3], [2])))
    es = Alignment((L([0], [0]), L([1], [1]), L([2, 3], [2], 0.8)))
    de = Alignment((L([0, 1, 2, 3], [0]),))
    vs = join(_texts(("fr", "fr", 4), ("en", "en", 3), ("es", "es", 3), ("de", "de", 1)),
              [en, es, de])
    assert len(vs.rows) == 1  # de merges everything
    assert text_links(vs, 1, 2) == (L([0], [0, 1], 0.7), L([1, 2], [2], 0.8))
    assert text_links(vs, 0, 2) == es.links


def test_join_refuses_an_alignment_that_misses_a_sentence():
    with pytest.raises(InputError, match="does not cover every sentence"):
        join(_texts(("fr", "fr", 2), ("en", "en", 2)), [Alignment((L([0], [0]),))])


@pytest.mark.parametrize("langs, names", [
    (["fr", "en", "es"], ("fr", "en", "es")),
    (["fr", "en", "en"], ("fr", "en1", "en2")),
    (["en", "en"], ("en1", "en2")),
])
def test_version_names(langs, names):
    assert version_names(langs) == names


@pytest.mark.parametrize("old, new, kinds", [
    ("The cat sat.", "The cat sat.", ["equal"]),
    ("The cat sat.", "The black cat sat.", ["equal", "insert", "equal"]),
    ("The black cat sat.", "The cat sat.", ["equal", "delete", "equal"]),
    ("The cat sat.", "The dog sat.", ["equal", "replace", "equal"]),
    ("", "New.", ["insert"]),
])
def test_word_diff(old, new, kinds):
    ops = word_diff(old, new)
    assert [op.kind for op in ops] == kinds
    assert "".join(op.old for op in ops) == old and "".join(op.new for op in ops) == new


def test_same_language_versions_align_and_their_changes_are_counted(fake_embedder):
    base = ["The night was cold and the street empty.", "He walked to the station alone.",
            "Nobody waited for him there.", "The train came late, as always.",
            "He sat by the window and slept.", "At dawn the fields were white.",
            "The conductor woke him at the border."]
    revised = list(base)
    revised[1] = "He walked alone to the old station."
    revised[3:5] = ["The train came late.", "As always, he sat by the window and slept."]
    texts = (Version("en1", "en", tuple(Sentence(s) for s in base)),
             Version("en2", "en", tuple(Sentence(s) for s in revised)))
    vs = align_versions(texts, embedder=fake_embedder)
    assert [r.cells for r in vs.rows][:3] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    (s,) = summary(vs)
    assert s.coverage == 1.0 and s.changed[0][0] == "en1" and 0 < s.changed[0][1] < 1
    assert "en1 / en2: words differ" in row_flags(vs, 1, (0, 1))
    assert row_flags(vs, 0, (0, 1)) == ()


def test_far_longer_flag_and_search():
    texts = (Version("fr", "fr", (Sentence("Court."), Sentence("Deux."))),
             Version("en", "en", (Sentence("Short."), Sentence("Two."))),
             Version("es", "es", (Sentence("Corto, pero con una larga glosa del traductor que "
                                           "explica todo."), Sentence("Dos."))))
    pairs = [Alignment((L([0], [0]), L([1], [1])))] * 2
    vs = join(texts, pairs)
    context = FlagContext(ratios=(1.0, 1.0, 1.0), revisions=frozenset())
    assert row_flags(vs, 0, (0, 1, 2), context) == ("es: far longer than the original",)
    assert search_rows(vs, "dos") == {1: ((2, 0, 3),)}
    assert search_rows(vs, "o", texts=(1,)) == {0: ((1, 2, 3),), 1: ((1, 2, 3),)}


def test_doubtful_version_links_are_settled_directly(fake_embedder):
    same = ("The door was open.", "Nobody came in all night.")
    texts = (Version("fr", "fr", (Sentence("La porte était ouverte."),
                                  Sentence("Personne n'entra de toute la nuit."))),
             Version("en1", "en", tuple(Sentence(s) for s in same)),
             Version("en2", "en", tuple(Sentence(s) for s in same)))
    vs = join(texts, [Alignment((L([0, 1], [0, 1]),)), Alignment((L([0], [0]), L([1], [1])))])
    assert text_links(vs, 1, 2) == (L([0, 1], [0, 1]),)   # the original cannot split it
    settled = text_links(vs, 1, 2, embedder=fake_embedder)
    assert [(l.src, l.tgt) for l in settled] == [((0,), (0,)), ((1,), (1,))]
    sure = join(texts, [Alignment((L([0], [0]), L([1], [1])))] * 2)
    assert text_links(sure, 1, 2, embedder=fake_embedder) == text_links(sure, 1, 2)


def test_changed_words_are_marked_for_a_revision_not_for_two_translations():
    def vs_of(en2):
        texts = (Version("fr", "fr", tuple(Sentence(f"Phrase {i}.") for i in range(4))),
                 Version("en1", "en", tuple(Sentence(f"Sentence {i}.") for i in range(4))),
                 Version("en2", "en", tuple(Sentence(t) for t in en2)))
        pair = Alignment(tuple(L([i], [i]) for i in range(4)))
        return join(texts, [pair, pair])

    revision = vs_of(["Sentence 0.", "Sentence one.", "Sentence 2.", "Sentence 3."])
    assert row_flags(revision, 1, (1, 2)) == ("en1 / en2: words differ",)
    other = vs_of(["Line 0.", "Line 1.", "Line 2.", "Line 3."])
    assert row_flags(other, 1, (1, 2)) == ()


def test_two_texts_through_the_engine_give_todays_alignment(fake_embedder):
    from alignment.align import align

    fr = tuple(Sentence(s) for s in ("Il pleut.", "Le train part à 8 h.", "Marie attend.",
                                     "Paris est loin.", "Fin."))
    en = tuple(Sentence(s) for s in ("It rains.", "The train leaves at 8.", "Marie waits. Long.",
                                     "Paris is far.", "End."))
    vs = align_versions((Version("fr", "fr", fr), Version("en", "en", en)), embedder=fake_embedder)
    alone = align(fr, en, embedder=fake_embedder, src_lang="fr", tgt_lang="en")
    assert pair_alignment(vs, 1) == alone
    assert [(r.cells[0], r.cells[1]) for r in vs.rows] == [(l.src, l.tgt) for l in alone.links]
