"""Months named in their locative (prepositional) form, and German weekday adverbs (dates.py,
reported by the numbers check): Polish 'w marcu', Russian 'в январе', Ukrainian 'у березні',
Czech 'v červenci' and German 'sonntags' were read as no month or weekday at all, so a month
rewritten there ('w marcu' / 'in April') drew no finding. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings at info level and above of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return at_level(run_checks(bitext, only=["numbers"]), "info")


PL, RU, UK, CS = ("pl", "en"), ("ru", "en"), ("uk", "en"), ("cs", "en")


@pytest.mark.parametrize("src, tgt, langs, said", [
    ("Przyjechał w marcu.", "He arrived in April.", PL, "month 'marcu' became 'April'?"),
    ("Wrócił w styczniu.", "He came back in February.", PL, "month 'styczniu' became 'February'?"),
    ("Wrócił w lutym.", "He came back in January.", PL, "month 'lutym' became 'January'?"),
    ("Umarł w listopadzie 1918 roku.", "He died in December 1918.", PL,
     "month 'listopadzie' became 'December'?"),
    ("Он приехал в январе.", "He arrived in June.", RU, "month 'январе' became 'June'?"),
    ("Это было в марте 1917 года.", "It was in April 1917.", RU, "month 'марте' became 'April'?"),
    ("Він приїхав у березні.", "He arrived in October.", UK, "month 'березні' became 'October'?"),
    ("Це сталося у лютому.", "It happened in August.", UK, "month 'лютому' became 'August'?"),
    ("Přijel v červenci.", "He arrived in June.", CS, "month 'červenci' became 'June'?"),
    ("Přijel v lednu.", "He arrived in September.", CS, "month 'lednu' became 'September'?"),
    ("Er kam sonntags.", "Il venait le lundi.", ("de", "fr"), "weekday 'sonntags' became 'lundi'?"),
    ("Montags blieb er zu Hause.", "Le mardi, il restait chez lui.", ("de", "fr"),
     "weekday 'Montags' became 'mardi'?"),
])
def test_a_month_or_weekday_in_an_oblique_form_changed_is_a_warning(
        src: str, tgt: str, langs: tuple[str, str], said: str) -> None:
    (found,) = checked(src, tgt, langs)
    assert found.severity == "warning" and found.message == said


@pytest.mark.parametrize("src, tgt, langs", [
    ("Przyjechał w marcu.", "He arrived in March.", PL),
    ("Wrócił w lutym.", "He came back in February.", PL),
    ("Umarł w listopadzie 1918 roku.", "He died in November 1918.", PL),
    ("Wyjechał w maju, wrócił w październiku.", "He left in May, came back in October.", PL),
    ("Он приехал в январе.", "He arrived in January.", RU),
    ("Это было в сентябре.", "It was in September.", RU),
    ("Він приїхав у березні.", "He arrived in March.", UK),
    ("Přijel v červenci.", "He arrived in July.", CS),
    ("Přijel v prosinci.", "He arrived in December.", CS),
    ("Er kam sonntags.", "Il venait le dimanche.", ("de", "fr")),
    # a month on one side only stays the names check's, as before
    ("Przyjechał w marcu.", "He arrived in spring.", PL),
])
def test_the_same_month_or_weekday_in_an_oblique_form_is_no_finding(
        src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert checked(src, tgt, langs) == ()
