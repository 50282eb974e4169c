"""The spelling check on a misspelling the translation repeats, and on a text of a few lines
(spelling.py): a translator who does not know a spelling repeats it, so a word written more
than once is found where the original backs its correction, once, naming the other links; and
the slips of a two-line text no longer count against the word list's knowing the text."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from test_checks import bitext, fake_evidence, spans_text
from test_spelling import AROUND_EN

RECEIVED = [("reçu", "reçut", "received")]


@pytest.mark.parametrize("pairs, groups, expected", [
    # three times, backed by the original: one finding, on the first, naming the others
    ([("Il a reçu la lettre.", "He recieved the letter."),
      ("Elle a reçu le colis.", "She recieved the parcel."),
      ("Il reçut un prix.", "He recieved a prize.")], RECEIVED,
     [(4, "'recieved' is no word: 'received'? (original: 'reçu'; also in links 5, 6)")]),
    # the first place backs no correction ('obtint'), the second does: found there
    ([("Il obtint la lettre.", "He recived the letter."),
      ("Elle a reçu le colis.", "She recived the parcel.")], RECEIVED,
     [(5, "'recived' is no word: 'received'? (original: 'reçu'; also in link 4)")]),
    # two inner letters swapped: a slip by its spelling alone, backed or not
    ([("Il obtint la lettre.", "He recieved the letter."),
      ("Il obtint le colis.", "He recieved the parcel.")], [],
     [(4, "'recieved' is no word: 'received'? (also in link 5)")]),
    # an original writes the word: it is the original's, kept
    ([("Il a reçu la lettre.", "He recieved the letter."),
      ("Le mot recieved est anglais.", "The word recieved is English.")], RECEIVED, []),
    # written twice, backed, but its correction rare: an old spelling ('bason' for 'basin')
    ([("Il lava le bassin.", "He washed the bason."), ("Le bassin était vide.", "The bason was empty.")],
     [("bassin", "basin")], []),
    # ... a correction common enough: a misspelling learnt
    ([("Il aime le gouvernement.", "He likes the goverment."), ("Le gouvernement tomba.", "The goverment fell.")],
     [("gouvernement", "government")],
     [(4, "'goverment' is no word: 'government'? (original: 'gouvernement'; also in link 5)")]),
    # written twice, its correction common but backed by a function word only ('la' / 'the'):
    # a word the lists lack, not a slip of the keys ('cluse' / 'cause')
    ([("Il vit la route.", "He saw teh road."), ("Il vit la mer.", "He saw teh sea.")],
     [("la", "the")], []),
])
def test_a_repeated_misspelling(pairs, groups, expected) -> None:
    b = bitext(AROUND_EN + pairs)
    found = run_checks(b, only=["spelling"], evidence=fake_evidence(groups))
    assert [(f.link + 1, f.message) for f in found] == expected


def test_a_repeated_misspelling_is_marked_where_it_is_found() -> None:
    b = bitext(AROUND_EN + [("Il a reçu la lettre.", "He recieved the letter."),
                            ("Elle a reçu le colis.", "She recieved the parcel.")])
    (f,) = run_checks(b, only=["spelling"], evidence=fake_evidence(RECEIVED))
    assert (f.link, spans_text(b, f)) == (3, ["recieved", "reçu"])


@pytest.mark.parametrize("pairs, expected", [
    # two lines, two slips: 2 of 9 words no list knows, yet both slips
    ([("Elle a reçu une lettre de sa mère.", "She recieved a letter from her mother."),
      ("Le train arriva à la gare.", "The trian arrived at the station.")], ["recieved", "trian"]),
    # two lines in words no list knows and no slips of a frequent word: the list does not know the text
    ([("Elle a reçu une lettre de sa mère.", "Shae gat a screive frae her mither."),
      ("Le train arriva à la gare.", "The trien cam tae the stance.")], []),
])
def test_a_short_text(pairs, expected) -> None:
    b = bitext(pairs)
    ev = fake_evidence([("reçu", "received"), ("train", "train"), ("arriva", "came")])
    assert [spans_text(b, f)[0] for f in run_checks(b, only=["spelling"], evidence=ev)] == expected


def test_findings_of_one_link_come_in_the_order_of_its_words() -> None:
    """'goverment' is first written where nothing backs it, and found in the next link,
    after 'recived', which that link writes first."""
    b = bitext(AROUND_EN + [("Il partit.", "He left the goverment."),
                            ("Il a reçu la lettre du gouvernement.", "He recived the goverment letter."),
                            ("Elle a reçu le colis.", "She recived the parcel.")])
    ev = fake_evidence([("reçu", "received"), ("gouvernement", "government")])
    assert [(f.link, spans_text(b, f)[0]) for f in run_checks(b, only=["spelling"], evidence=ev)] == [
        (4, "recived"), (4, "goverment")]
