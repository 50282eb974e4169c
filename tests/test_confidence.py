"""Link confidence (alignment/confidence.py): what it sees of a link's own evidence."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.align import DEFAULT_REVIEW_THRESHOLD, AlignConfig, align
from alignment.confidence import length_z, shorter_gain
from test_align import TEXTS, sents, tr

MORE = ["Pilots landed on the frozen lake near Oslo in 1924.",
        "Grandmother baked bread every Sunday morning."]
SRC = TEXTS + MORE
TGT = [tr(t) for t in SRC]


def _link_of(result, i):
    return next(l for l in result.links if i in l.src)


def test_confidence_never_rises_as_a_links_sides_share_less(fake_embedder):
    """Target sentence 3 loses its words to unrelated ones, one at a time: its link's
    cosine falls, and its confidence never rises; once the sides share no meaning
    (cosine < 0.1) it is below the review threshold."""
    filler = "zorbak quindle fremp yastor plinth gorvee musk tralb vindo okra".split()
    words = TGT[3].split()
    confs, cosines = [], []
    for k in range(len(words) + 1):
        t3 = " ".join(filler[:k] + words[k:])
        result = align(sents(SRC), sents(TGT[:3] + [t3] + TGT[4:]), embedder=fake_embedder)
        link = _link_of(result, 3)
        assert (link.src, link.tgt) == ((3,), (3,))
        confs.append(link.confidence)
        cosines.append(float(fake_embedder.embed([SRC[3]])[0] @ fake_embedder.embed([t3])[0]))
    assert all(b <= a + 1e-9 for a, b in zip(confs, confs[1:]))
    assert confs[0] >= DEFAULT_REVIEW_THRESHOLD
    assert cosines[-1] < AlignConfig().conf_min_cos and confs[-1] < DEFAULT_REVIEW_THRESHOLD


def test_min_cosines_ask_more_of_a_link_with_a_short_side():
    """Unrelated short sentences come closer under mUSE than long ones (0.1-0.3): a link with a
    side of `conf_short_chars` characters or fewer must reach `conf_short_cos`."""
    from alignment.confidence import min_cosines

    cfg = AlignConfig()
    s_clen = np.cumsum([0.0, 9.0, 120.0, 40.0, 41.0])   # 'Elle rit.', a long one, 40 and 41 characters
    t_clen = np.cumsum([0.0, 12.0, 110.0, 60.0, 41.0])
    links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((0, 1), (0,)), ((), (1,))]
    assert min_cosines(links, s_clen, t_clen, cfg).tolist() == [
        cfg.conf_short_cos, cfg.conf_min_cos, cfg.conf_short_cos, cfg.conf_min_cos, cfg.conf_short_cos,
        cfg.conf_short_cos]


FR_TRIP = ["Le train partit à l'aube sous une pluie fine.", "Marie regardait les champs défiler par la fenêtre.",
           "Elle pensait à sa sœur, restée à Lyon.", "Un contrôleur passa et demanda les billets.", "Elle rit.",
           "Le voyage dura presque six heures.", "À Paris, personne ne l'attendait sur le quai."]
EN_TRIP = ["The train left at dawn under a fine rain.", "Marie watched the fields go by through the window.",
           "She thought of her sister, who had stayed in Lyon.", "A conductor came by and asked for the tickets.",
           "{}", "The journey lasted almost six hours.", "In Paris, nobody was waiting for her on the platform."]


@pytest.mark.parametrize("written, sure", [("She laughed.", True), ("Nobody came.", False),
                                           ("The door was locked.", False)])
def test_a_short_sentence_replaced_by_an_unrelated_one_is_not_sure(written: str, sure: bool) -> None:
    """'Elle rit.' translated 'Nobody came.' inside a clean text was a 1-1 link at 0.999 (its
    cosine 0.10, just above the 0.1 of long unrelated sentences): a tester's find."""
    from alignment.registry import EMBEDDERS

    result = align(sents(FR_TRIP), sents([e.format(written) for e in EN_TRIP]), embedder=EMBEDDERS["use"](),
                   src_lang="fr", tgt_lang="en")
    link = _link_of(result, 4)
    assert (link.src, link.tgt) == ((4,), (4,))
    assert (link.confidence >= DEFAULT_REVIEW_THRESHOLD) == sure


def test_swapped_sentences_get_low_confidence_and_the_rest_stays_sure(fake_embedder):
    """Target sentences 3 and 6 trade places: a monotone alignment must link at least
    one of them wrongly; those links are not sure, every link around them is."""
    order = [0, 1, 2, 6, 4, 5, 3, 7, 8, 9]
    result = align(sents(SRC), sents([TGT[k] for k in order]), embedder=fake_embedder)
    for link in result.links:
        right = all(order[j] in link.src for j in link.tgt) and len(link.src) == len(link.tgt)
        assert (link.confidence >= DEFAULT_REVIEW_THRESHOLD) == right, link


def test_length_z_grows_with_the_mismatch_of_a_links_lengths():
    s_clen = np.cumsum([0.0] + [50.0] * 4)
    t_clen = np.cumsum([0.0, 60.0, 60.0, 180.0, 60.0])
    links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((), (3,))]
    z = length_z(links, s_clen, t_clen, variance=6.8)
    assert z[0] == z[1] < z[2]  # the third target is three times its neighbours' length
    assert z[3] == z[4] == 0.0  # an empty side has no length to compare


def test_shorter_gain_finds_a_merge_that_swallowed_an_unrelated_sentence(fake_embedder):
    """A 2-1 link whose second source sentence is unrelated: the link without it
    matches better (gain > 0); a true 2-1 merge loses by dropping a sentence."""
    from alignment.confidence import link_cosines

    class Side:
        def __init__(self, texts):
            self.runs = fake_embedder.embed_runs(texts, 2)

    src = Side([SRC[0], SRC[1], SRC[2], SRC[3]])
    tgt = Side([TGT[0], tr(SRC[2] + " " + SRC[3])])
    links = [((0, 1), (0,)), ((2, 3), (1,))]
    cosines = link_cosines(links, src, tgt)
    gain = shorter_gain(links, src.runs, tgt.runs, cosines)
    assert gain[0] > 0.0 > gain[1]
    one_one = shorter_gain([((0,), (0,))], src.runs, tgt.runs, cosines[:1])
    assert one_one[0] == 0.0


def test_length_gain_finds_two_links_whose_length_mismatches_cancel():
    """Source 1 is long for its target and source 2 short for its own (a 2-2 group
    cut into two 1-1 links): together their lengths agree, so both get a gain; links
    of matching lengths, or two links both too long, get little or none."""
    from alignment.confidence import length_gain
    s_clen = np.cumsum([0.0, 50.0, 90.0, 10.0, 50.0, 90.0, 90.0])
    t_clen = np.cumsum([0.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0])
    links = [((k,), (k,)) for k in range(6)]
    gain = length_gain(links, s_clen, t_clen, variance=6.8)
    assert gain[1] == gain[2] == gain.max() > 2.0
    assert gain[0] < 0.5 * gain[1]  # matches; only its long neighbour's mismatch shrinks
    assert gain[5] < 0.5 * gain[1]  # too long beside one too long: nothing cancels
    assert length_gain([((0,), ()), ((1,), (0,))], s_clen, t_clen, 6.8)[0] == 0.0


def test_anchor_evidence_sees_a_neighbour_that_brings_the_names_along():
    """Target 1 holds the number and name of source 1 and 2; the 1-1 link of source 1
    shares part of them, the merge with its neighbour all of them (gain > 0)."""
    from alignment.anchors import shared_anchor_runs
    from alignment.confidence import anchor_evidence
    src = sents(["Grandmother baked bread.", "Pilots landed near Oslo in 1924.", "Fog covered it."])
    tgt = sents(["Grand-mere cuisait le pain.", "Les pilotes, Oslo, 1924.", "Le brouillard."])
    s_lex, t_lex = shared_anchor_runs(src, tgt, 2)
    links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    has, gain = anchor_evidence(links, s_lex, t_lex)
    assert has.tolist() == [0.0, 1.0, 0.0]  # only the Oslo link holds anchors
    assert gain.tolist() == [0.0, 0.0, 0.0]  # no neighbour adds a shared anchor
    tgt_cut = sents(["elle cuisait le pain, et les pilotes à Oslo.", "1924.", "Le brouillard."])
    s_lex, t_lex = shared_anchor_runs(src, tgt_cut, 2)
    has, gain = anchor_evidence([((0,), (0,)), ((1,), (1,)), ((2,), (2,))], s_lex, t_lex)
    assert has[1] == 1.0 and gain[1] > 0.0  # with target 0 (Oslo) the link's anchors all match


def test_a_link_the_encoder_free_aligner_does_not_make_is_less_sure(fake_embedder):
    """Same text, same links; only the encoder-free aligner in the band differs: with
    a threshold no link can pay, it links nothing, so it agrees with no link, and every
    linked pair's confidence falls."""
    from dataclasses import replace
    cfg = AlignConfig()
    agree = align(sents(SRC), sents(TGT), embedder=fake_embedder, config=cfg)
    lone = align(sents(SRC), sents(TGT), embedder=fake_embedder, config=replace(cfg, plain_tau=50.0))
    assert [(l.src, l.tgt) for l in agree.links] == [(l.src, l.tgt) for l in lone.links]
    assert all(b.confidence < a.confidence for a, b in zip(agree.links, lone.links))
