"""A version set read as one pair keeps what its props hold: the sentences of each cell, the
links, their confidences and review marks (import_set.set_bitext), as the set's own pair PO
holds them. Read a row a link, two French sentences came back as one and 0.41 as 1.0."""

from __future__ import annotations

import pytest

from alignment.import_set import set_bitext
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join, pair_bitext
from alignment.versions_io import parse_set_tmx, render_set_tmx

FR = ("Le chat dort.", "Il pleut très fort.", "Fin.")
EN1 = ("The cat sleeps; it pours down.", "The end.")
EN2 = ("End.",)


def roman() -> bytes:
    """docs/versions-format.md's example, and a last row: en1 links both French sentences to
    one, en2 leaves them out (0.41, and 0.52 reviewed)."""
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in FR)),
             Version("en1", "en", tuple(Sentence(s) for s in EN1)),
             Version("en2", "en", tuple(Sentence(s) for s in EN2)))
    pairs = [Alignment((Link((0, 1), (0,), 0.93), Link((2,), (1,), 0.97))),
             Alignment((Link((0,), (), 0.41), Link((1,), (), 0.52, True), Link((2,), (0,), 0.95))),]
    return render_set_tmx(join(texts, pairs, title="roman"))


def links_of(bitext) -> list[tuple]:
    return [(l.src, l.tgt, l.confidence, l.reviewed) for l in bitext.alignment.links]


READS = [   # -s, -t: the original's sentences, the translation's, the links
    (None, "en2", FR, EN2, [((0,), (), 0.41, False), ((1,), (), 0.52, True), ((2,), (0,), 0.95, False)]),
    (None, "en1", FR, EN1, [((0, 1), (0,), 0.93, False), ((2,), (1,), 0.97, False)]),
    ("en1", "fr", EN1, FR, [((0,), (0, 1), 0.93, False), ((1,), (2,), 0.97, False)]),   # turned round
    ("en1", "en2", EN1, EN2, [((0,), (), 0.41, False), ((1,), (0,), 0.95, False)]),     # through fr
    ("en2", "en1", EN2, EN1, [((), (0,), 0.41, False), ((0,), (1,), 0.95, False)]),
]


@pytest.mark.parametrize("src, tgt, original, translation, links", READS,
                         ids=[f"{s}-{t}" for s, t, *_ in READS])
def test_a_set_read_as_a_pair_keeps_its_sentences_confidences_and_review_marks(
        src, tgt, original, translation, links):
    bitext = set_bitext(roman(), "roman.tmx", src, tgt, "d1")
    assert [s.text for s in bitext.src] == list(original)
    assert [s.text for s in bitext.tgt] == list(translation)
    assert links_of(bitext) == links
    params = dict(bitext.alignment.signature.params)
    assert params["versions"] == f"{src or 'fr'} {tgt}" and params["sha256"] == "d1"
    assert params["file"] == "roman.tmx" and bitext.alignment.signature.aligner == "import"


@pytest.mark.parametrize("k, name", [(1, "en1"), (2, "en2")])
def test_a_version_read_beside_the_original_is_the_sets_own_pair(k, name):
    data = roman()
    own = pair_bitext(parse_set_tmx(data), k)
    read = set_bitext(data, "roman.tmx", None, name, "d")
    assert (read.src, read.tgt, read.src_lang, read.tgt_lang) == (own.src, own.tgt, "fr", "en")
    assert read.alignment.links == own.alignment.links


def test_a_tmx_of_pairs_or_a_set_whose_props_disagree_is_read_a_row_a_link():
    """None: import_pairs reads it as any TMX (a CAT tool that rewrote a cell left its lengths
    behind; refusing it would refuse what imported before)."""
    data = roman()
    broken = data.replace(b"Le chat dort.", b"Le chat noir dort.", 1)
    assert set_bitext(broken, "roman.tmx", None, "en2", "d") is None
    pairs = (b'<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu>'
             b'<tuv xml:lang="fr"><seg>Oui.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv>'
             b'</tu></body></tmx>')
    assert set_bitext(pairs, "memory.tmx", None, "en", "d") is None


@pytest.mark.parametrize("names, chosen", [
    (("en_close", "en_free"), "en_close"),           # '_' is no region here: 'en-close' named none
    (("Гарнетт_1923", "Набоков"), "Гарнетт_1923"),
    (("鈴木訳_改訂版", "田中訳"), "鈴木訳_改訂版"),
])
def test_a_version_named_with_an_underscore_is_chosen_by_its_name(names, chosen):
    """The app names 'Гарнетт (1923).txt' 'Гарнетт_1923'; -t Гарнетт_1923 named no text ('its
    texts: … Гарнетт_1923 (en)'), and with two versions in one language the version could not
    be read from the command line at all."""
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in FR)),
             Version(names[0], "en", tuple(Sentence(s) for s in EN1)),
             Version(names[1], "en", tuple(Sentence(s) for s in EN2)))
    pairs = [Alignment((Link((0, 1), (0,), 0.93), Link((2,), (1,), 0.97))),
             Alignment((Link((0,), (), 0.41), Link((1,), (), 0.52, True), Link((2,), (0,), 0.95))),]
    data = render_set_tmx(join(texts, pairs, title="roman"))
    read = set_bitext(data, "roman.tmx", None, chosen, "d")
    assert [s.text for s in read.tgt] == list(EN1)
