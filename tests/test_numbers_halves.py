"""Halves, half hours, clock quarters and round approximations in words (number_words,
number_pairs, number_halves): Polish 'dwa i pół' (2.5) was read as 2, a false warning against
'2.5'; 'półtora', 'полтора', 'año y medio' (1.5) were no number, so '1.5' against them was a
finding; 'une demi-heure' / 'forty minutes' drew none; Turkish 'dokuzu çeyrek geçe' (9:15)
was a warning against '9:15' and none against 'half past nine'; 'une dizaine' (about ten) was
a finding against '10'. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings at info level and above of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return at_level(run_checks(bitext, only=["numbers"]), "info")


PL, RU, ES, FR, TR = ("pl", "en"), ("ru", "en"), ("es", "en"), ("fr", "en"), ("tr", "en")


@pytest.mark.parametrize("src, tgt, langs, said", [
    ("Il attendit une demi-heure.", "He waited forty minutes.", FR, "'une demi-heure' (30) became 'forty' (40)?"),
    ("Il attendit quarante minutes.", "He waited half an hour.", FR, "'quarante' (40) became 'half an hour' (30)?"),
    ("Saat dokuzu çeyrek geçe geldi.", "He came at half past nine.", TR,
     "time 'dokuzu çeyrek geçe' (9:15) became 'half past nine' (9:30)?"),
    ("Dokuza çeyrek var.", "It is a quarter past nine.", TR,
     "time 'Dokuza çeyrek var' (8:45) became 'a quarter past nine' (9:15)?"),
    ("Il y avait une dizaine de personnes.", "There were fifty people.", FR,
     "'une dizaine' (10) became 'fifty' (50)?"),
    # still found, as before
    ("Czekał dwa i pół godziny.", "He waited three and a half hours.", PL, "dwa (2)"),
    ("Une demi-heure après, deux hommes vinrent.", "Half an hour later, three men came.", FR,
     "deux (2) in the original, three (3)"),
])
def test_a_half_a_clock_quarter_or_an_approximation_changed_is_a_warning(
        src: str, tgt: str, langs: tuple[str, str], said: str) -> None:
    (found,) = checked(src, tgt, langs)
    assert found.severity == "warning" and said in found.message


@pytest.mark.parametrize("src, tgt, langs", [
    ("Czekał półtora roku.", "He waited 1.5 years.", PL),
    ("Czekał półtora roku.", "He waited a year and a half.", PL),
    ("Czekała półtorej godziny.", "She waited 1.5 hours.", PL),
    ("Он ждал полтора часа.", "He waited 1.5 hours.", RU),
    ("Esperó año y medio.", "He waited 1.5 years.", ES),
    ("Er wartete anderthalb Stunden.", "He waited 1.5 hours.", ("de", "en")),
    ("Il attendit une heure et demie.", "He waited 1.5 hours.", FR),
    ("Czekał dwa i pół godziny.", "He waited 2.5 hours.", PL),
    ("Czekał dwa i pół godziny.", "He waited two and a half hours.", PL),
    ("Czekała dwie i pół godziny.", "She waited 2.5 hours.", PL),
    ("Он ждал два с половиной часа.", "He waited 2.5 hours.", RU),
    ("İki buçuk saat bekledi.", "He waited 2.5 hours.", TR),
    ("Il attendit une demi-heure.", "He waited half an hour.", FR),
    ("Il attendit une demi-heure.", "He waited thirty minutes.", FR),
    ("Il attendit une demi-heure.", "He waited 30 minutes.", FR),
    ("Il attendit trente minutes.", "He waited half an hour.", FR),
    ("Saat dokuzu çeyrek geçe geldi.", "He came at a quarter past nine.", TR),
    ("Saat dokuzu çeyrek geçe geldi.", "He came at 9:15.", TR),
    ("Saat dokuz buçukta geldi.", "He came at 9:30.", TR),
    ("Il y avait une dizaine de personnes.", "There were ten people.", FR),
    ("Il y avait une dizaine de personnes.", "There were about ten people.", FR),
    ("Il y avait une dizaine de personnes.", "There were a dozen people.", FR),
    ("Il y avait une dizaine de personnes.", "There were 10 people.", FR),
    ("Il y avait une dizaine de personnes.", "There were twelve people.", FR),
])
def test_the_same_half_clock_quarter_or_approximation_is_no_finding(
        src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert checked(src, tgt, langs) == ()
