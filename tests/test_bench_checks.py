"""benchmarks/bench_checks.py's corpora: the swapped Text+Berg (French original, German
translation) holds the same clean 1-1 pairs as Text+Berg dev, sides and languages swapped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_checks as bc  # noqa: E402


def test_textberg_frde_swaps_the_sides(bench_dir: Path) -> None:
    langs, pairs = bc.corpus_pairs("textberg", bench_dir)
    langs_r, pairs_r = bc.corpus_pairs("textberg-frde", bench_dir)
    assert (langs, langs_r) == (("de", "fr"), ("fr", "de"))
    assert len(pairs) == 246 and pairs_r == [(b, a) for a, b in pairs]


def test_textberg_frde_gold_is_french_first(bench_dir: Path) -> None:
    (de_fr,), (fr_de,) = bc.gold_documents(bench_dir, "textberg"), bc.gold_documents(bench_dir, "textberg-frde")
    assert (fr_de.src_lang, fr_de.tgt_lang) == ("fr", "de")
    assert (fr_de.src, fr_de.tgt) == (de_fr.tgt, de_fr.src)
    assert [(l.src, l.tgt) for l in fr_de.alignment.links] == [(l.tgt, l.src) for l in de_fr.alignment.links]


BOOKS = {"Alice": [("Le chat dort.", "The cat sleeps.")], "Emma": [("Il pleut.", "It rains."), ("Oui.", "Yes.")]}


@pytest.mark.parametrize("corpus, rows, expected", [
    ("limsi", [bc.Row(["Le chat dort."], ["x"]), bc.Row(["Il pleut.", "Oui."], ["y"])], ["Alice", "Emma"]),
    ("limsi-enfr", [bc.Row(["It rains."], ["x"]), bc.Row([], ["added"]), bc.Row(["The cat sleeps."], ["z"])],
     ["Emma", "Emma", "Alice"]),
    ("textberg", [bc.Row(["Der Berg."], ["La montagne."])], ["textberg"]),
])
def test_row_books_names_the_book_of_each_row(monkeypatch: pytest.MonkeyPatch, corpus: str,
                                              rows: list, expected: list[str]) -> None:
    """fit_slips.py --by-book scores each book with a model fitted on the others: a row is
    placed by its original (either side's language), an added sentence by its predecessor."""
    monkeypatch.setattr(bc, "limsi_books", lambda bench: BOOKS)
    assert bc.row_books(rows, corpus, Path("unused")) == expected


def test_every_limsi_window_is_the_same_text(bench_dir: Path) -> None:
    """Why --by-book: the LIMSI books have 1,001 clean 1-1 links, so the seeds' windows of
    1,000 differ by at most one link and a model fitted on seeds 5-12 has seen seeds 0-4's text."""
    pairs = bc.limsi_pairs(bench_dir)
    assert len(pairs) == 1001
    assert all(bc.seeded_window(pairs, seed, 1000) in (pairs[:1000], pairs[1:]) for seed in range(13))


def test_multi_pairs_are_the_gold_links_of_several_sentences(bench_dir: Path) -> None:
    """--multi: the windows hold the gold's 2-1, 1-3... links (both sides present), each side
    joined, where a real book has a third of its links and the 1-1 windows never look."""
    langs, pairs = bc.corpus_pairs("limsi", bench_dir, multi=True)
    docs = bc.gold_documents(bench_dir, "limsi")
    kinds = [(len(l.src), len(l.tgt)) for bt in docs for l in bt.alignment.links]
    assert langs == ("fr", "en")
    assert len(pairs) == sum(1 for s, t in kinds if s and t and (s, t) != (1, 1)) == 442
    first = next((bt, i) for bt in docs for i, l in enumerate(bt.alignment.links)
                 if l.src and l.tgt and (len(l.src), len(l.tgt)) != (1, 1))
    assert pairs[0] == (first[0].link_text(first[1], "src"), first[0].link_text(first[1], "tgt"))
    assert bc.corpus_pairs("limsi-enfr", bench_dir, multi=True)[1] == [(b, a) for a, b in pairs]


def test_textberg_test_gold_documents_are_the_test_files(bench_dir: Path) -> None:
    docs = bc.gold_documents(bench_dir, "textberg", "test")
    assert len(docs) == len(list((bench_dir / "textberg").glob("test*.defr"))) > 1
    assert all((bt.src_lang, bt.tgt_lang) == ("de", "fr") for bt in docs)


def changed_word(before: str, after: str) -> tuple[str, str]:
    """The one word (space-separated) an injection changed: (as it was, as it is)."""
    changed = [(a, b) for a, b in zip(before.split(), after.split()) if a != b]
    assert len(changed) == 1
    return changed[0]


def test_a_typo_makes_no_word_one_edit_from_a_word_with_a_counterpart() -> None:
    import numpy as np

    from alignment.word_lists import speller_for

    sl = bc.Slipper(("fr", "en"), np.random.default_rng(0), None, seed=3)
    orig, trans = "Le jardin était plein de roses blanches.", "The garden was full of white roses."
    sp = speller_for("en")
    for k in range(20):
        new = bc._typo(orig, trans, sl, k)
        assert len(new.split()) == len(trans.split())
        was, now = changed_word(trans, new)
        was, now = was.strip("."), now.strip(".")
        assert sl.counterpart(was, bc.WORD.findall(orig)) >= 0.7   # 'garden' / 'jardin'
        assert now not in sp and now in sp.edit_distance_1(was)
    assert bc._typo(orig, trans, sl, 5) == bc._typo(orig, trans, sl, 5)   # its own generator
    assert bc._typo("Oui.", "Yes.", sl, 0) is None   # no word of five letters or more


def test_a_near_real_word_slip_still_resembles_an_original_word() -> None:
    """realword-near: one edit from a word with a counterpart, to a common word that keeps
    some counterpart (0.5 or more, 0.1 below): the slips the word vectors half hide."""
    import numpy as np

    from alignment.word_lists import speller_for

    groups = {"avait": ("had", 0.93), "difficile": ("difficult", 0.96), "pris": ("taken", 0.8)}
    near = {"bad": 0.58, "has": 0.62}   # 'bad' resembles 'difficile', 'has' 'avait'

    axes, own = list(groups), {}

    def vectors(words):   # a word's vector: its cosine to its original word on that word's axis
        out = np.zeros((len(words), 64), dtype=np.float32)
        for r, w in enumerate(words):
            if w in axes:
                out[r, axes.index(w)] = 1.0
                continue
            cos = next((c for o, (t, c) in groups.items() if t == w), near.get(w, 0.0))
            k = next((axes.index(o) for o, (t, _) in groups.items() if t == w),
                     axes.index("difficile") if w == "bad" else axes.index("avait"))
            out[r, k] = cos
            out[r, own.setdefault(w, len(axes) + len(own))] = np.sqrt(max(1 - cos * cos, 0.0))
        return out

    sl = bc.Slipper(("fr", "en"), np.random.default_rng(0), vectors, seed=3)
    orig, trans = "Elle avait pris une décision difficile.", "She had taken a difficult decision."
    sp = speller_for("en")
    seen = set()
    for k in range(20):
        new = bc._realword_near(orig, trans, sl, k)
        assert new is not None
        was, now = changed_word(trans, new)
        assert was == "had" and now in sp.edit_distance_1(was) and now in near
        seen.add(now)
    assert seen == {"bad", "has"}
    assert bc._realword_near(orig, trans, sl, 7) == bc._realword_near(orig, trans, sl, 7)   # own generator
    assert bc._realword_near("Oui.", "Yes.", sl, 0) is None   # no word with a counterpart


def test_a_name_alike_slip_is_a_capitalised_common_word_spelt_like_the_name() -> None:
    import numpy as np

    from alignment.word_similarity import similarity
    from alignment.word_lists import speller_for

    sl = bc.Slipper(("fr", "en"), np.random.default_rng(0), None, seed=3)
    orig, trans = "Il partit pour Granada avec Alice.", "He left for Granada with Alice."
    sp = speller_for("en")
    seen = set()
    for k in range(20):
        new = bc._name_alike(orig, trans, sl, k)
        assert len(new.split()) == len(trans.split())
        was, now = changed_word(trans, new)
        assert was == "Granada" and now[0].isupper() and now.lower() in sp
        assert similarity(now, was) >= 0.5   # spelt alike: what name-common leaves out
        seen.add(now)
    assert len(seen) > 1   # the row's own generator picks among the words
    assert bc._name_alike(orig, trans, sl, 5) == bc._name_alike(orig, trans, sl, 5)
    assert bc._name_alike("Il partit hier.", "He left yesterday.", sl, 0) is None   # no name
