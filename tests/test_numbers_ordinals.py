"""Ordinals written in words on both sides, changed (number_ordinals, through number_pairs and
the numbers check): Turkish 'birinci' / 'second', Polish 'pierwszy' / 'second', Portuguese and
Spanish 'primeira' / 'second' drew no finding, the ordinals being read nowhere but as the
spelling of a figure. Spanish and Portuguese 'segundo' is also a second of time and
Portuguese 'according to': read as an ordinal only after an article or 'en'/'em'.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings at info level and above of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return at_level(run_checks(bitext, only=["numbers"]), "info")


TR, PL, PT, ES = ("tr", "en"), ("pl", "en"), ("pt", "en"), ("es", "en")


@pytest.mark.parametrize("src, tgt, langs, word_src, word_tgt", [
    ("Bu onun birinci günüydü.", "It was his second day.", TR, "birinci", "second"),
    ("Üçüncü kez geldi.", "He came for the fourth time.", TR, "Üçüncü", "fourth"),
    ("İlk kez geldi.", "He came for the second time.", TR, "İlk", "second"),
    ("To był jego pierwszy dzień.", "It was his second day.", PL, "pierwszy", "second"),
    ("Była pierwsza w klasie.", "She was third in her class.", PL, "pierwsza", "third"),
    ("Po raz drugi przegrał.", "He lost for the third time.", PL, "drugi", "third"),
    ("Foi a primeira vez.", "It was the second time.", PT, "primeira", "second"),
    ("Chegou em terceiro lugar.", "He came in second place.", PT, "terceiro", "second"),
    ("Era el primer día.", "It was the third day.", ES, "primer", "third"),
    ("Llegó en segundo lugar.", "He came in first place.", ES, "segundo", "first"),
])
def test_an_ordinal_in_words_changed_is_a_warning_on_both_words(
        src: str, tgt: str, langs: tuple[str, str], word_src: str, word_tgt: str) -> None:
    (found,) = checked(src, tgt, langs)
    assert found.severity == "warning"
    assert found.message.startswith(f"number '{word_src}'") and f"became '{word_tgt}'" in found.message
    (s, t) = found.spans
    assert src[s.start:s.end] == word_src and tgt[t.start:t.end] == word_tgt


@pytest.mark.parametrize("src, tgt, langs", [
    ("Bu onun birinci günüydü.", "It was his first day.", TR),
    ("Bu onun birinci günüydü.", "It was his 1st day.", TR),
    ("İkincisini aldı.", "He took the second one.", TR),
    ("To był jego pierwszy dzień.", "It was his first day.", PL),
    ("Była pierwsza w klasie.", "She was first in her class.", PL),
    ("Była pierwsza w klasie.", "She was 1st in her class.", PL),
    ("Drugiego dnia wyjechał.", "On the second day he left.", PL),
    ("Foi a primeira vez.", "It was the first time.", PT),
    ("Era el primer día.", "It was the first day.", ES),
    ("Llegó en segundo lugar.", "He came in second place.", ES),
    # 'segundo' as a second of time or 'according to', and ordinals not in the table
    ("Esperó un segundo y llegó la tercera.", "He waited a moment and the third one came.", ES),
    ("Al principio esperó un segundo.", "At first he waited a moment.", ES),
    ("Segundo ele, foi a primeira vez.", "According to him, it was the first time.", PT),
    ("Segundo ele, chegou cedo.", "According to him, he came first.", PT),
    # the twenty-first is no first
    ("Był dwudziesty pierwszy.", "He was twenty-first.", PL),
])
def test_the_same_ordinal_or_a_word_that_is_none_is_no_finding(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert checked(src, tgt, langs) == ()


def test_cardinals_changed_are_still_paired_beside_an_unmatched_ordinal() -> None:
    """An ordinal is paired with an ordinal only: 'trzech' / 'four' stays a pair of its own."""
    (found,) = checked("Przyszło trzech ludzi.", "The first four men came.", PL)
    assert "trzech (3) in the original, four (4) in the translation" in found.message
