"""The evaluator: readers for both gold formats, and Vecalign's scoring by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import BenchDataError
from alignment.evaluate import (
    GoldDoc,
    concat_docs,
    confidence_counts,
    iter_bench,
    read_limsi_book,
    read_textberg,
    read_vecalign_links,
    run_bench,
    score,
)
from alignment.types import Alignment, Link, Sentence, Signature


def links(text: str) -> list[Link]:
    """'0:0 1:1,2 2:' -> [Link((0,), (0,)), Link((1,), (1, 2)), Link((2,), ())]."""
    out = []
    for item in text.split():
        src, tgt = item.split(":")
        out.append(Link(tuple(int(i) for i in src.split(",") if i),
                        tuple(int(j) for j in tgt.split(",") if j)))
    return out


# ---------------------------------------------------------------- scoring, by hand

SCORE_CASES = [
    # id, gold, test, (P strict, R strict, F1 strict, P lax, R lax, F1 lax)
    # identical, with a 1-0 link: P 3/3 (the 1-0 is in gold), R 2/2 (1-0 ignored).
    ("perfect", "0:0 1:1,2 2:", "0:0 1:1,2 2:", (1, 1, 1, 1, 1, 1)),
    # test splits gold 2-1 [2,3]:[2] into [2]:[2] + [3]:[].
    # P strict 2/4 (0:0, 1:1 hit); lax 3/4 ([2]:[2] overlaps the gold link, [3]:[] never laxly hits).
    # R: gold-as-test {0:0, 1:1, 2,3:2} vs test {0:0, 1:1, 2:2}: strict 2/3, lax 3/3.
    # F1 strict 2*.5*(2/3)/(.5+2/3) = 4/7; lax 2*.75*1/1.75 = 6/7.
    ("split", "0:0 1:1 2,3:2", "0:0 1:1 2:2 3:", (0.5, 2 / 3, 4 / 7, 0.75, 1, 6 / 7)),
    # gold has a 0-1 link []:[1] that test merged into [0]:[0,1].
    # P strict 1/2 ([1]:[2]); lax 2/2. R over gold {0:0, 1:2}: strict 1/2, lax 2/2.
    ("merged addition", "0:0 :1 1:2", "0:0,1 1:2", (0.5, 0.5, 0.5, 1, 1, 1)),
    # a 0-1 link is a hit only if exactly in gold: P 2/2, R 1/1.
    ("exact addition", "0:0 :1", "0:0 :1", (1, 1, 1, 1, 1, 1)),
    # the 0-1 hypothesis [ ]:[1] is not in gold ([0]:[0,1] is): P strict 0/2, lax 1/2;
    # R over {0:0,1}: strict 0/1, lax 1/1 (test [0]:[0] shares 0 and 0).
    ("spurious addition", "0:0,1", "0:0 :1", (0, 0, 0, 0.5, 1, 2 / 3)),
    # crossed links share nothing: all zero.
    ("crossed", "0:0 1:1", "0:1 1:0", (0, 0, 0, 0, 0, 0)),
    # a duplicated hypothesis link counts once (score.py uses sets): P 1/1, R 1/2.
    ("duplicate", "0:0 1:1", "0:0 0:0", (1, 0.5, 2 / 3, 1, 0.5, 2 / 3)),
    # an empty hypothesis: nothing to divide by, so 0 (score.py's value_for_div_by_0).
    ("empty test", "0:0", "", (0, 0, 0, 0, 0, 0)),
]


@pytest.mark.parametrize("gold,test,expected", [c[1:] for c in SCORE_CASES],
                         ids=[c[0] for c in SCORE_CASES])
def test_score_matches_hand_computation(gold: str, test: str, expected: tuple) -> None:
    s = score([links(gold)], [links(test)])
    got = (s.precision_strict, s.recall_strict, s.f1_strict,
           s.precision_lax, s.recall_lax, s.f1_lax)
    assert got == pytest.approx(expected)


def monotone_links(sizes: list[tuple[int, int]]) -> list[Link]:
    """Links with the given (source, target) sizes laid end to end."""
    out, i, j = [], 0, 0
    for a, b in sizes:
        out.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return out


SIZES = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda t: t != (0, 0)),
                 min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(gold=SIZES, test=SIZES, seed=st.randoms(use_true_random=False))
def test_score_properties(gold, test, seed) -> None:
    g, t = monotone_links(gold), monotone_links(test)
    s = score([g], [t])
    figures = [s.precision_strict, s.recall_strict, s.f1_strict,
               s.precision_lax, s.recall_lax, s.f1_lax]
    assert all(0.0 <= x <= 1.0 for x in figures)
    assert s.f1_strict <= s.f1_lax and s.precision_strict <= s.precision_lax
    # order and repetition of hypothesis links do not matter (score.py uses sets)
    shuffled = t + t[:3]
    seed.shuffle(shuffled)
    assert score([g], [shuffled]) == s
    # a perfect hypothesis scores 1 wherever gold has a link with both sides
    if any(a and b for a, b in gold):
        assert score([g], [g]).f1_strict == 1.0


def test_score_micro_averages_over_documents() -> None:
    # doc A: P 1/1, R 1/1.  doc B: gold 0:0 1:1 2:2, test 0,1:0,1 2:2 -> P strict 1/2,
    # R strict 1/3 (lax: all hit).  Summed: P 2/3, R 2/4, F1 2*(2/3)(1/2)/(7/6) = 4/7.
    # (A macro average would give (1 + 0.4) / 2 = 0.7.)
    s = score([links("0:0"), links("0:0 1:1 2:2")], [links("0:0"), links("0,1:0,1 2:2")])
    assert (s.p_tp_strict, s.p_fp_strict, s.r_tp_strict, s.r_fn_strict) == (2, 1, 2, 2)
    assert s.f1_strict == pytest.approx(4 / 7)
    assert s.f1_lax == pytest.approx(1.0)
    assert s.docs == 2


def test_score_carries_the_signature_and_accepts_pairs() -> None:
    sig = Signature(embedder="hashing", embedder_version="1", params=(("k", "4"),))
    s = score([[((0,), (0,))]], [links("0:0")], signature=sig)
    assert s.signature == sig and s.f1_strict == 1.0


def test_score_rejects_mismatched_document_counts() -> None:
    with pytest.raises(BenchDataError, match="one each"):
        score([links("0:0")], [])


# ---------------------------------------------------------------- Vecalign format

def test_read_vecalign_links_with_empty_sides(tmp_path: Path) -> None:
    path = tmp_path / "x.defr"
    path.write_text("[0]:[0, 1]\n[]:[2]\n\n[1, 2]:[]\n[3]:[3]\n", encoding="utf-8")
    assert read_vecalign_links(path) == (
        Link((0,), (0, 1)), Link((), (2,)), Link((1, 2), ()), Link((3,), (3,)))


@pytest.mark.parametrize("bad", ["[0]-[1]", "[a]:[1]", "[0]:[1", "[-1]:[0]", "0:1", "[0]:[1.5]"])
def test_malformed_vecalign_line_names_file_and_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.defr"
    path.write_text(f"[0]:[0]\n{bad}\n", encoding="utf-8")
    with pytest.raises(BenchDataError, match=r"bad\.defr, line 2"):
        read_vecalign_links(path)


def write_textberg(folder: Path, name: str, de: list[str], fr: list[str], gold: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.de").write_text("".join(f"{s} \n" for s in de), encoding="utf-8")
    (folder / f"{name}.fr").write_text("".join(f"{s}\n" for s in fr), encoding="utf-8")
    (folder / f"{name}.defr").write_text(gold, encoding="utf-8")


def test_read_textberg(tmp_path: Path) -> None:
    write_textberg(tmp_path, "dev", ["Guten Tag .", "Wie geht es ?"], ["Bonjour .", "Ça va ?"],
                   "[0]:[0]\n[1]:[1]\n")
    doc = read_textberg(tmp_path, "dev")
    assert doc.src == (Sentence("Guten Tag ."), Sentence("Wie geht es ?"))
    assert doc.tgt[1].text == "Ça va ?"
    assert doc.links == (Link((0,), (0,)), Link((1,), (1,)))
    assert (doc.src_lang, doc.tgt_lang) == ("de", "fr")


def test_read_textberg_rejects_links_past_the_text(tmp_path: Path) -> None:
    write_textberg(tmp_path, "dev", ["a"], ["b"], "[0]:[0]\n[1]:[1]\n")
    with pytest.raises(BenchDataError, match="points past the text"):
        read_textberg(tmp_path, "dev")


@pytest.mark.parametrize("split,names", [
    ("dev", ["dev"]),
    ("test", ["test0", "test1", "test2", "test10"]),
    ("all", ["dev", "test0", "test1", "test10", "test2"]),
])
def test_iter_bench_textberg_splits(tmp_path: Path, split: str, names: list[str]) -> None:
    for name in ["dev", "test0", "test1", "test2", "test10"]:
        write_textberg(tmp_path, name, ["a"], ["b"], "[0]:[0]\n")
    assert [d.name for d in iter_bench(tmp_path, split=split)] == names


# ---------------------------------------------------------------- LIMSI CES XML

def cut_xml(paragraphs: list[list[str]], pid: callable) -> str:
    """A TransRead cut_ file: one <p> per list, one <s> per sentence, <w> per token."""
    body = []
    n = 0
    for p, sentences in enumerate(paragraphs, start=1):
        body.append(f'<p id="{p}">')
        for s in sentences:
            n += 1
            sid = pid(p, n)
            words = "".join(f'<w id="{sid}.{k}">{w}</w>\n' for k, w in enumerate(s.split(), 1))
            body.append(f'<s id="{sid}">\n{words}</s>')
        body.append("</p>")
    return '<?xml version="1.0" encoding="UTF-8" ?>\n<text>\n' + "\n".join(body) + "\n</text>\n"


def write_book(folder: Path, xtargets: list[str]) -> Path:
    book = folder / "Tiny_EN-FR"
    book.mkdir(parents=True)
    ids = lambda p, n: f"1.{n}"  # noqa: E731 - the Emma-style id scheme
    (book / "cut_Tiny_en.xml").write_text(
        cut_xml([["It was cold ."], ["She ran .", "He ran ."], ["The end ."]], ids), encoding="utf-8")
    (book / "cut_Tiny_fr.xml").write_text(
        cut_xml([["Il faisait froid ."], ["Elle et lui couraient ."], ["Note ."]], ids),
        encoding="utf-8")
    links_xml = "\n".join(f'<link id="SL{k}" xtargets="{x}" />' for k, x in enumerate(xtargets, 1))
    (book / "Tiny_sent_align_en-fr.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE cesAlign PUBLIC "-//CES//DTD XML cesAlign//EN" "">\n'
        '<cesAlign version="1.0" fromDoc="Tiny_en.xml" toDoc="Tiny_fr.xml">\n<linkList>\n'
        '<linkGrp targType="s" fromDoc="Tiny_en.xml" toDoc="Tiny_fr.xml">\n'
        f"{links_xml}\n</linkGrp>\n</linkList>\n</cesAlign>\n", encoding="utf-8")
    return book


def test_read_limsi_book(tmp_path: Path) -> None:
    book = write_book(tmp_path, ["1.1;1.1", "1.2 1.3;1.2", ";1.3", "1.4;"])
    doc = read_limsi_book(book)
    assert doc.name == "Tiny_EN-FR" and (doc.src_lang, doc.tgt_lang) == ("en", "fr")
    assert doc.src == (Sentence("It was cold .", 0), Sentence("She ran .", 1),
                       Sentence("He ran .", 1), Sentence("The end .", 2))
    assert doc.tgt[1] == Sentence("Elle et lui couraient .", 1)
    assert doc.links == (Link((0,), (0,)), Link((1, 2), (1,)), Link((), (2,)), Link((3,), ()))
    assert doc.groups_unaligned  # LIMSI gold writes a run of unaligned sentences as one link
    assert [d.name for d in iter_bench(tmp_path)] == ["Tiny_EN-FR"]
    assert iter_bench(book) == [doc]


def test_limsi_unknown_sentence_id_names_file_and_line(tmp_path: Path) -> None:
    book = write_book(tmp_path, ["1.1;1.1", "1.9;1.2"])
    with pytest.raises(BenchDataError, match=r"Tiny_sent_align_en-fr\.xml, line 7.*'1\.9'"):
        read_limsi_book(book)


def test_limsi_malformed_xml(tmp_path: Path) -> None:
    book = write_book(tmp_path, ["1.1;1.1"])
    (book / "cut_Tiny_fr.xml").write_text("<text><p><s>", encoding="utf-8")
    with pytest.raises(BenchDataError, match="cut_Tiny_fr.xml"):
        read_limsi_book(book)


def test_iter_bench_rejects_a_folder_without_benchmark(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="holds no benchmark"):
        iter_bench(tmp_path)
    with pytest.raises(BenchDataError, match="unknown split"):
        iter_bench(tmp_path, split="train")


# ---------------------------------------------------------------- concatenation and runs

def doc(name: str, n: int, gold: str) -> GoldDoc:
    sents = tuple(Sentence(f"{name} {i}", i // 2) for i in range(n))
    return GoldDoc(name, sents, sents, tuple(links(gold)), "de", "fr")


def test_concat_docs_offsets_links_and_paragraphs() -> None:
    both = concat_docs([doc("a", 3, "0:0 1,2:1,2"), doc("b", 2, "0:0 1:")])
    assert len(both.src) == 5 and both.src[3] == Sentence("b 0", 2)
    assert both.links[2:] == (Link((3,), (3,)), Link((4,), ()))
    assert (both.src_lang, both.tgt_lang) == ("de", "fr")


def diagonal(src, tgt, *, embedder, src_lang=None, tgt_lang=None, **_):
    """A stand-in aligner: pair sentence i with sentence i."""
    n = min(len(src), len(tgt))
    extra = [Link((i,), ()) for i in range(n, len(src))]
    return Alignment(tuple(Link((i,), (i,)) for i in range(n)) + tuple(extra),
                     Signature(embedder=embedder.name, params=(("src", src_lang),)))


def test_run_bench_scores_each_document_and_the_total(fake_embedder) -> None:
    docs = [doc("a", 3, "0:0 1:1 2:2"), doc("b", 2, "0,1:0,1")]
    seen = []
    result = run_bench(docs, embedder=fake_embedder, align_fn=diagonal,
                       progress=lambda done, total, stage: seen.append((done, total)))
    assert [r.scores.f1_strict for r in result.docs] == [1.0, 0.0]
    # total: P strict 3/5, R strict 3/4 -> F1 2/3
    assert result.total.scores.f1_strict == pytest.approx(2 / 3)
    assert result.total.links == 5 and result.total.n_src == 5
    assert result.signature.params == (("src", "de"),)
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert result.total.peak_rss_mb > 10 and result.docs[0].sentences_per_second > 0


@pytest.mark.parametrize("confidences,expected", [
    # gold 0:0 1:1 2,3:2; test 0:0 1:1 2:2 3: -> only the first two are exact hits
    ((0.95, 0.95, 0.95, 0.95), (4, 2)),   # all sure, half right
    ((0.95, 0.95, 0.5, 0.2), (2, 2)),     # the wrong ones sent to review
    ((0.9, 0.89, 0.1, 0.1), (1, 1)),      # threshold is inclusive
    ((0.1, 0.1, 0.1, 0.1), (0, 0)),
])
def test_confidence_counts(confidences: tuple, expected: tuple) -> None:
    test = [Link(k.src, k.tgt, c) for k, c in zip(links("0:0 1:1 2:2 3:"), confidences)]
    assert confidence_counts(links("0:0 1:1 2,3:2"), test, 0.9) == expected


def test_run_bench_reports_review_share(fake_embedder) -> None:
    def unsure_tail(src, tgt, **kwargs):
        alignment = diagonal(src, tgt, **kwargs)
        return Alignment(tuple(Link(k.src, k.tgt, 0.5 if k.src[0] == 2 else 1.0)
                               for k in alignment.links), alignment.signature)

    result = run_bench([doc("a", 3, "0:0 1:1 2:2")], embedder=fake_embedder,
                       align_fn=unsure_tail, review_threshold=0.9)
    assert result.total.confident == 2 and result.total.confident_precision == 1.0
    assert result.total.review_share == pytest.approx(1 / 3)


@pytest.mark.parametrize("groups,given,expected", [
    (False, None, None),    # the engine's own default, untouched
    (True, None, True),     # LIMSI-style gold: the default config, grouping on
    (True, {"window": 3}, True),
    (False, {"window": 3}, False),
])
def test_run_bench_follows_the_gold_grouping_convention(fake_embedder, groups, given, expected) -> None:
    from dataclasses import replace

    from alignment.align import AlignConfig

    seen = []

    def spy(src, tgt, **kwargs):
        seen.append(kwargs.get("config"))
        return diagonal(src, tgt, **kwargs)

    gold = replace(doc("a", 3, "0:0 1:1 2:2"), groups_unaligned=groups)
    config = None if given is None else AlignConfig(**given)
    run_bench([gold], embedder=fake_embedder, align_fn=spy, config=config)
    if expected is None:
        assert seen == [None]
    else:
        assert seen[0].group_unaligned is expected
        assert seen[0].window == (given or {}).get("window", AlignConfig().window)


def test_run_bench_needs_documents(fake_embedder) -> None:
    with pytest.raises(BenchDataError, match="no benchmark documents"):
        run_bench([], embedder=fake_embedder, align_fn=diagonal)


# ---------------------------------------------------------------- the bench command

@pytest.fixture
def stand_in_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route `alignment bench` to the diagonal stand-in: this tests formatting, not the engine."""
    monkeypatch.setattr("alignment.evaluate._default_align", lambda: diagonal)


def test_bench_command_prints_a_table_and_the_signature(tmp_path: Path, stand_in_engine) -> None:
    from click.testing import CliRunner

    from alignment.cli import main

    write_textberg(tmp_path, "dev", ["a", "b"], ["a", "b"], "[0]:[0]\n[1]:[1]\n")
    write_textberg(tmp_path, "test0", ["a", "b"], ["a", "b"], "[0, 1]:[0, 1]\n")
    result = CliRunner().invoke(main, ["bench", str(tmp_path), "--split", "all",
                                       "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["document", "src", "tgt", "links"]
    dev = next(line for line in lines if line.startswith("dev"))
    total = next(line for line in lines if line.startswith("total"))
    assert dev.split()[4:8] == ["1.000", "1.000", "1.000", "1.000"]
    # total: P strict 2/4, R strict 2/3 -> F1 4/7 = 0.571
    assert total.split()[1:7] == ["4", "4", "4", "0.500", "0.667", "0.571"]
    assert lines[-1].startswith("signature: aligner:") and "embedder:hashing" in lines[-1]


def test_bench_command_json_and_max_docs(tmp_path: Path, stand_in_engine) -> None:
    import json

    from click.testing import CliRunner

    from alignment.cli import main

    for name in ["test0", "test1"]:
        write_textberg(tmp_path, name, ["a"], ["a"], "[0]:[0]\n")
    result = CliRunner().invoke(main, ["bench", str(tmp_path), "--split", "test", "--json",
                                       "--max-docs", "1", "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["name"] for d in data["documents"]] == ["test0"]
    assert data["total"]["scores"]["f1_strict"] == 1.0
    assert data["total"]["sentences_per_second"] > 0
    assert data["total"]["review_share"] == 0.0 and data["total"]["confident_precision"] == 1.0


def test_bench_command_reports_bad_data_in_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from alignment.cli import main

    write_textberg(tmp_path, "dev", ["a"], ["a"], "[0]:[0]\n[oops]\n")
    result = CliRunner().invoke(main, ["bench", str(tmp_path), "--embedder", "hashing"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: ") and "dev.defr, line 2" in result.output
