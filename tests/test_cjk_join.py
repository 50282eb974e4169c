"""A link's sentences joined as Chinese and Japanese write them: no space between two such
sentences ('…三年。王家…'), one elsewhere (types.join_sentences). Every offset into a link's
text follows the same joiner: the spans of findings on one sentence (order, a sentence left
out), a finding carried over a merge, the texts the checks encode without one sentence, and
the exports (TMX, TSV, Moses) get no space the text never had."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from lxml import etree

from alignment.browse import carry_findings
from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.corrections import merge
from alignment.evidence import drop_texts, word_evidence
from alignment.export import render_moses, render_tmx, render_tsv
from alignment.types import (Alignment, Bitext, Finding, JointRow, Link, Sentence, Span, Version,
                             VersionSet, join_sentences, sentence_starts)
from alignment.unmatched import part_left_out

ZH = ("战争期间，茶馆被迫关闭了三年。", "王家搬到乡下。", "他们每天晚上都在院子里喝很多茶。")
EN = ("The teahouse was closed for three years during the war.", "The Wang family moved to the countryside.")


@pytest.mark.parametrize("texts, joined", [
    (ZH[:2], "战争期间，茶馆被迫关闭了三年。王家搬到乡下。"),
    (("彼は言った。", "「行こう」"), "彼は言った。「行こう」"),                  # ja, a quotation next
    (("「行こう」", "彼は言った。"), "「行こう」彼は言った。"),
    (("本当？", "ええ、本当です。"), "本当？ええ、本当です。"),                  # full-width ?
    (("他说：“走吧。”", "“好的。”她答道。"), "他说：“走吧。”“好的。”她答道。"),  # quotes shared with Latin
    (("他想……", "王家搬走了。"), "他想……王家搬走了。"),
    (("他走了。", "1949年，王家搬走了。"), "他走了。1949年，王家搬走了。"),
    (("그는 떠났다.", "그녀는 남았다."), "그는 떠났다. 그녀는 남았다."),          # ko writes spaces
    (("He left.", "She stayed."), "He left. She stayed."),
    (("“Hi.”", "“Bye.”"), "“Hi.” “Bye.”"),                                    # en quotes: a space
    (("他走了。", "He left."), "他走了。 He left."),                             # zh, then Latin
    (("He left.", "他走了。"), "He left. 他走了。"),
    (("他走了。", "1949 was a hard year."), "他走了。 1949 was a hard year."),
    (("东京", "大学很大。"), "东京 大学很大。"),      # a heading without a stop: '东京大学' misread
    (("他走了。", "", "王家"), "他走了。  王家"),        # an empty sentence keeps its spaces
    (ZH, "".join(ZH)),
    ((), ""),
])
def test_sentences_are_joined_as_the_language_writes_them(texts, joined) -> None:
    assert join_sentences(texts) == joined
    starts = sentence_starts(texts)
    assert [joined[a:a + len(t)] for a, t in zip(starts, texts)] == list(texts)


def bitext(src, tgt, link: Link, langs=("en", "zh")) -> Bitext:
    return Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment((link,)), *langs)


def test_link_and_cell_texts_have_no_space_between_chinese_sentences() -> None:
    b = bitext(EN, ZH[:2], Link((0, 1), (0, 1)))
    assert b.link_text(0, "tgt") == ZH[0] + ZH[1]
    assert b.link_text(0, "src") == " ".join(EN)
    vs = VersionSet((Version("en", "en", tuple(map(Sentence, EN))), Version("zh", "zh", tuple(map(Sentence, ZH[:2])))),
                    (JointRow(((0, 1), (0, 1)), ((Link((0, 1), (0, 1)),),)),))
    assert (vs.cell_text(0, 0), vs.cell_text(0, 1)) == (" ".join(EN), ZH[0] + ZH[1])


def test_exports_get_no_space_the_text_never_had() -> None:
    b = bitext(EN, ZH[:2], Link((0, 1), (0, 1)))
    segs = etree.fromstring(render_tmx(b)).findall(".//seg")
    assert [s.text for s in segs] == [" ".join(EN), ZH[0] + ZH[1]]
    assert render_tsv(b).splitlines()[-1].split("\t")[:2] == [" ".join(EN), ZH[0] + ZH[1]]
    assert render_moses(b)[1] == ZH[0] + ZH[1] + "\n"
    from alignment.export import render_html
    page = render_html(b)
    assert f"<p>{ZH[0]}{ZH[1]}</p>" in page and f"<p>{' '.join(EN)}</p>" in page


class Topics:
    """A stand-in encoder: a text's vector says which of the TOPICS sentences (in either
    language) it holds, so a sentence reads 1.0 against its translation and 0.0 against others."""

    name = "topics"
    TOPICS = tuple(zip(EN + ("",), ZH))

    def embed(self, texts):
        out = []
        for t in texts:
            v = np.array([float(any(s and s in t for s in pair)) for pair in self.TOPICS] + [0.0])
            v = v if v.any() else np.eye(len(v))[-1]
            out.append(v / np.linalg.norm(v))
        return np.array(out, dtype=np.float32)


def test_an_order_finding_marks_the_chinese_sentences_themselves() -> None:
    b = bitext(EN, ZH[1::-1], Link((0, 1), (0, 1), 0.99))
    (f,) = run_checks(b, only=["order"], evidence=word_evidence(b, Topics()))
    assert [(s.start, s.end) for s in f.spans] == [(0, 7), (7, 22)]
    text = b.link_text(0, "tgt")
    assert [text[s.start:s.end] for s in f.spans] == [ZH[1], ZH[0]]


@pytest.mark.parametrize("src, tgt, link, side", [
    ((EN[0],), (ZH[0], ZH[2]), Link((0,), (0, 1), 0.99), "tgt"),   # a sentence added
    ((ZH[0], ZH[2]), (EN[0],), Link((0, 1), (0,), 0.99), "src"),   # a sentence left out
])
def test_a_sentence_left_out_in_a_chinese_link_is_marked_where_it_stands(src, tgt, link, side) -> None:
    langs = ("en", "zh") if side == "tgt" else ("zh", "en")
    b = bitext(src, tgt, link, langs)
    evidence = word_evidence(b, Topics())
    # the gain alone decides; part_words as set: a Chinese sentence counts its words (it was one
    # word, split at spaces, fewer than part_words, and a sentence left out was never reported)
    f = part_left_out(b, 0, evidence, replace(CheckConfig(), part_weights=None))
    assert f is not None
    (span,) = f.spans
    assert (span.side, span.start, span.end) == (side, len(ZH[0]), len(ZH[0]) + len(ZH[2]))
    assert b.link_text(0, side)[span.start:span.end] == ZH[2]


def test_the_texts_without_one_sentence_are_those_links_would_have() -> None:
    b = bitext(EN[:1], ZH, Link((0,), (0, 1, 2)))
    rests = [t for _, t, side, _ in drop_texts(b, 0) if side == "tgt"]
    assert rests == [ZH[1] + ZH[2], ZH[0] + ZH[2], ZH[0] + ZH[1]]


def test_a_finding_carried_over_a_merge_still_marks_its_sentence() -> None:
    old = Bitext(tuple(map(Sentence, EN)), tuple(map(Sentence, ZH[:2])),
                 Alignment((Link((0,), (0,)), Link((1,), (1,)))), "en", "zh")
    new = merge(old, 0)
    found = Finding(1, "numbers", "warning", "?", (Span("tgt", 0, 2),))
    (moved,) = carry_findings(old, new, [found])
    (span,) = moved.spans
    assert (span.start, span.end) == (len(ZH[0]), len(ZH[0]) + 2)
    assert new.link_text(0, "tgt")[span.start:span.end] == "王家"


def test_the_reader_marks_a_hit_in_the_second_chinese_sentence_on_its_characters() -> None:
    from alignment.browse import View, render_row

    b = bitext(EN, ZH[:2], Link((0, 1), (0, 1)))
    hits = {0: (Span("tgt", len(ZH[0]), len(ZH[0]) + 2),)}
    assert b.link_text(0, "tgt")[len(ZH[0]):len(ZH[0]) + 2] == "王家"
    assert f'{ZH[0]}<mark class="hit">王家</mark>搬到乡下。' in render_row(b, 0, View(hits=hits))
