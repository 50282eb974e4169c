"""The message of a sentence left out of a link or added (unmatched.part_left_out): it quotes the
sentence, shortened, for the proofreader to find it; the sentence cosines it gave ('cosine 0.63
-> 0.71') meant nothing to one."""

from __future__ import annotations


import pytest

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.evidence import word_evidence
from alignment.types import Alignment, Bitext, Link, Sentence
from tests.test_checks import _ConceptEmbedder as Concepts   # words of a group share an axis

LONG = "Le train partit malgré la neige épaisse qui couvrait depuis trois jours les voies de la vallée."


@pytest.mark.parametrize("src, tgt, message", [
    (["Le jardin était plein de roses.", LONG], ["The garden was full of roses."],
     "sentence 2 of 2 of the original seems not translated (left out?): "
     "'Le train partit malgré la neige épaisse qui couvrait depuis …'"),
    (["Le jardin était plein de roses."], ["The garden was full of roses.", "Nobody answered the letters."],
     "sentence 2 of 2 of the translation seems to have no original (added?): 'Nobody answered the letters.'"),
])
def test_the_message_quotes_the_sentence(src: list[str], tgt: list[str], message: str) -> None:
    groups = [("jardin", "garden"), ("plein", "full"), ("roses", "roses"), ("était", "was"),
              ("le", "the"), ("de", "of")]
    b = Bitext(tuple(Sentence(s) for s in src), tuple(Sentence(t) for t in tgt),
               Alignment((Link(tuple(range(len(src))), tuple(range(len(tgt)))),)), "fr", "en")
    found = run_checks(b, only=["length"], evidence=word_evidence(b, Concepts(groups)),
                       config=CheckConfig(part_weights=None))
    assert [f.message for f in found] == [message]


@pytest.mark.parametrize("text, quoted", [
    ("Nobody answered.", "Nobody answered."),
    ("Nobody  answered\nthe letters.", "Nobody answered the letters."),
    (LONG, "Le train partit malgré la neige épaisse qui couvrait depuis …"),
    ("Er ging nach Hause, wo seine Mutter schon seit Stunden wartete und nichts sagte.",
     "Er ging nach Hause, wo seine Mutter schon seit Stunden …"),
    ("他" * 70, "他" * 60 + " …"),   # no space to cut at
])
def test_excerpt(text: str, quoted: str) -> None:
    from alignment.unmatched import excerpt

    assert excerpt(text) == quoted
