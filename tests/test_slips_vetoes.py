"""Real-word readings the link rules out (alignment/slip_vetoes.py, slip_rare.py): a reading that
adds a negation the original lacks is none; a two-edit reading the encoder alone makes is a
warning in English only where the context speaks for it."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.slips import check_realword
from test_checks import bitext
from test_slips_word_links import graded_evidence


def _found(src: str, tgt: str, src_lang: str, groups: list[tuple[str, ...]],
           near: dict[str, tuple[str, float]], word: str) -> list[tuple[str, str]]:
    """(severity, message) of the real-word findings of one link on translation word `word`."""
    b = bitext([(src, tgt)], src_lang, "en")
    return [(f.severity, f.message) for f in check_realword(b, CheckConfig(), graded_evidence(groups, near))
            if f.message.startswith(f"'{word}'")]


# ---------------------------------------------------------------- a reading that negates

RU_GROUPS = [("волосы", "hair"), ("его", "His"), ("седыми", "white"), ("были", "was")]
RU_NEAR = {"not": ("совсем", 0.74), "now": ("совсем", 0.3), "quite": ("совсем", 0.3)}


@pytest.mark.parametrize("src, expected", [
    # the original negates nothing: 'was not quite' would say the opposite (the tester's text)
    ("Волосы его были совсем седыми.", []),
    # the original negates: 'now' for 'not' is the slip the context gives away
    ("Волосы его были не совсем седыми.",
     [("warning", "'now' may be a slip for 'not' ('was not quite'; original: 'совсем')")]),
])
def test_a_reading_that_adds_a_negation_the_original_lacks_is_no_slip(
        src: str, expected: list[tuple[str, str]]) -> None:
    near = dict(RU_NEAR, **({"не": ("совсем", 0.3)} if "не " in src else {}))
    assert _found(src, "His hair was now quite white.", "ru", RU_GROUPS, near, word="now") == expected


# ---------------------------------------------------------------- two edits, the encoder alone

@pytest.mark.parametrize("src, tgt, groups, near, word, expected", [
    # a split sentence drops the 'и' that joined its clauses; 'aged' is two edits from 'and',
    # 0.98 from 'и', and the bigrams know neither 'had aged' nor 'had and': info
    ("Он сильно постарел, и волосы его стали совсем седыми.",
     "He had aged terribly. His hair was now quite white.",
     [("Он", "He"), ("волосы", "hair"), ("его", "His"), ("седыми", "white"), ("совсем", "quite"),
      ("сильно", "terribly"), ("стали", "was")],
     {"and": ("и", 0.98), "aged": ("постарел", 0.42), "had": ("постарел", 0.6)}, "aged",
     [("info", "'aged' may be a slip for 'and' (original: 'и')")]),
    # where the context speaks for the reading ('bread and butter'), a warning as before
    ("Il mangeait du pain et du beurre chaque matin.",
     "He ate bread sad butter every morning.",
     [("Il", "He"), ("mangeait", "ate"), ("pain", "bread"), ("beurre", "butter"), ("chaque", "every"),
      ("matin", "morning")],
     {"and": ("et", 0.98), "sad": ("et", 0.1)}, "sad",
     [("warning", "'sad' may be a slip for 'and' (original: 'et')")]),
])
def test_a_two_edit_reading_of_the_encoder_alone_needs_the_context(
        src: str, tgt: str, groups: list[tuple[str, ...]], near: dict[str, tuple[str, float]],
        word: str, expected: list[tuple[str, str]]) -> None:
    lang = "ru" if "Он" in src else "fr"
    assert _found(src, tgt, lang, groups, near, word=word) == expected


# ---------------------------------------------------------------- Japanese grammar suggests no word

JA_GROUPS = [("佐藤", "Sato"), ("笑っ", "laughed"), ("古い", "old"), ("傘", "umbrella"), ("さん", "Ms")]
JA_NEAR = {"let": ("くれ", 0.8), "lent": ("貸し", 0.35), "を": ("let", 0.7)}


@pytest.mark.parametrize("src", [
    "佐藤さんは笑って、古い傘を貸してくれた。",   # 'くれ' after the te-form: done for me
    "佐藤さんは笑って、古い傘を貸した。",          # no auxiliary: the particle 'を' is no 'let' either
])
def test_a_japanese_auxiliary_or_particle_suggests_no_word(src: str) -> None:
    """'lent her' was read as a slip for 'let her' ('let' 0.80 from 'くれ'), a learner's false
    warning on a right translation."""
    tgt = "Ms Sato laughed and lent her an old umbrella."
    assert _found(src, tgt, "ja", JA_GROUPS, JA_NEAR, word="lent") == []


def test_japanese_grammar_words_are_told() -> None:
    from alignment.context_slips import bound_auxiliaries
    from alignment.word_tokens import tokenize

    text = "傘を貸してくれた。"
    words = [(t.text, t.start, t.end) for t in tokenize(text)]
    told = dict(zip([w for w, *_ in words], bound_auxiliaries(words, text, "ja")))
    assert told["くれ"] and told["を"] and not told["傘"] and not told["貸し"]
