"""Months that Chinese, Japanese and Korean write as a figure ('４月', '3月', '四月', '4월')
compared with a month named in the other language (calendar_forms.figure_months, dates.py,
number_match.py): a month changed was two info findings ("numbers differ: ４ in the original,
nothing in the translation" and "name 'May' has no counterpart") while a changed day or year
was an error. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Link, Sentence


def found(src: str, tgt: str, langs: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(check, severity, message) of the numbers and names checks at info level, one link."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return [(f.check, f.severity, f.message)
            for f in at_level(run_checks(bitext, only=["numbers", "names"]), "info")]


@pytest.mark.parametrize("src, tgt, langs, said", [
    ("茶馆于１９２８年４月１２日开业。", "The tea house opened on 12 May 1928.", ("zh", "en"),
     "numbers differ: ４月 (April) in the original, 'May' in the translation"),
    ("茶馆于1928年4月12日开业。", "The tea house opened on 12 May 1928.", ("zh", "en"),
     "numbers differ: 4月 (April) in the original, 'May' in the translation"),
    ("茶馆于一九二八年四月十二日开业。", "The tea house opened on 12 May 1928.", ("zh", "en"),
     "numbers differ: 四月 (April) in the original, 'May' in the translation"),
    ("図書館は1925年3月に建てられた。", "The library was built in June 1925.", ("ja", "en"),
     "numbers differ: 3月 (March) in the original, 'June' in the translation"),
    ("찻집은 1928년 4월 12일에 문을 열었다.", "The tea house opened on 12 May 1928.", ("ko", "en"),
     "numbers differ: 4월 (April) in the original, 'May' in the translation"),
    # the figure in the translation
    ("The tea house opened on 12 April 1928.", "茶馆于１９２８年５月１２日开业。", ("en", "zh"),
     "numbers differ: 'April' in the original, ５月 (May) in the translation"),
    ("Le café ouvrit le 12 avril 1928.", "カフェは1928年10月12日に開店した。", ("fr", "ja"),
     "numbers differ: 'avril' in the original, 10月 (October) in the translation"),
])
def test_a_month_written_as_a_figure_and_changed_is_an_error(src: str, tgt: str, langs: tuple[str, str],
                                                             said: str) -> None:
    assert found(src, tgt, langs) == [("numbers", "error", said)]


@pytest.mark.parametrize("src, tgt, langs", [
    ("茶馆于１９２８年４月１２日开业。", "The tea house opened on 12 April 1928.", ("zh", "en")),
    ("茶馆于一九二八年四月开业。", "The tea house opened in April 1928.", ("zh", "en")),
    ("図書館は1925年3月に建てられた。", "The library was built in March 1925.", ("ja", "en")),
    ("찻집은 1928년 4월 12일에 문을 열었다.", "The tea house opened on 12 April 1928.", ("ko", "en")),
    ("The tea house opened on 12 April 1928.", "茶馆于１９２８年４月１２日开业。", ("en", "zh")),
    # so many months, not a month: '三个月', '3か月', '4개월' against 'May' is no month changed
    ("他在五月住了三个月。", "He stayed three months in May.", ("zh", "en")),
    ("彼は5月に3か月滞在した。", "He stayed three months in May.", ("ja", "en")),
])
def test_the_same_month_or_a_count_of_months_is_no_finding(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert found(src, tgt, langs) == []


def test_a_month_left_out_is_still_a_figure_left_out() -> None:
    """No month named on the other side: the figure is left out (info), as before."""
    assert found("茶馆于1928年4月开业。", "The tea house opened in 1928.", ("zh", "en")) == [
        ("numbers", "info", "numbers differ: 4 in the original, nothing in the translation")]


def test_a_changed_day_beside_a_changed_month_is_told_by_the_figures() -> None:
    """The day changed too: the figures' error marks the link (a warning, '4, 12' / '21',
    before: the month was counted a figure left out); 'May' stays the names check's info."""
    assert found("茶馆于1928年4月12日开业。", "The tea house opened on 21 May 1928.", ("zh", "en")) == [
        ("numbers", "error", "numbers differ: 12 in the original, 21 in the translation"),
        ("names", "info", "name 'May' has no counterpart in the original")]
