"""Months and weekdays rewritten by name (dates.py, reported by the numbers check): 'le 2 février
1958' / 'on 2 March 1958' kept every figure and drew no finding; 'samedi' / 'Sunday' only the
names check's info. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src: str, tgt: str, src_lang: str = "fr", tgt_lang: str = "en",
            only: tuple[str, ...] = ("numbers",)) -> tuple[Finding, ...]:
    """Findings at info level and above of the checks `only` on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return at_level(run_checks(bitext, only=list(only)), "info")


@pytest.mark.parametrize("src, tgt, langs, said, words", [
    ("La lettre est datée du 2 février 1958.", "The letter is dated 2 March 1958.", ("fr", "en"),
     "month 'février' became 'March'?", ("février", "March")),
    ("Il est venu le 9 octobre 1957.", "He came on 9 November 1957.", ("fr", "en"),
     "month 'octobre' became 'November'?", ("octobre", "November")),
    ("Ils arrivèrent le samedi 18 mars.", "They arrived on Sunday 18 March.", ("fr", "en"),
     "weekday 'samedi' became 'Sunday'?", ("samedi", "Sunday")),
    ("Il partit le 3 mai.", "He left on 3 March.", ("fr", "en"), "month 'mai' became 'March'?", ("mai", "March")),
    ("He left in October.", "Il partit en novembre.", ("en", "fr"),
     "month 'October' became 'novembre'?", ("October", "novembre")),
    ("Er kam im Juni.", "Il vint en juillet.", ("de", "fr"), "month 'Juni' became 'juillet'?", ("Juni", "juillet")),
    # an ambiguous word capitalised mid-sentence, or next to a figure
    ("Il partit en mai, seul.", "He left in March, alone.", ("fr", "en"),
     "month 'mai' became 'March'?", ("mai", "March")),
    ("Ils vinrent en mars 1958.", "They came in April 1958.", ("fr", "en"),
     "month 'mars' became 'April'?", ("mars", "April")),
    # 'March' in a name is no month: 'mai' became 'June', not 'March'
    ("Alice vit le Lièvre en mai.", "Alice saw the March Hare in June.", ("fr", "en"),
     "month 'mai' became 'June'?", ("mai", "June")),
    # the 5 is May written as a figure: July is the month changed, not May
    ("Parti le 3/5, revenu en juin.", "Left on 3 May, back in July.", ("fr", "en"),
     "month 'juin' became 'July'?", ("juin", "July")),
    # a weekday joined to the part of the day, German and Dutch
    ("Er kam am Dienstagabend.", "Il vint mercredi soir.", ("de", "fr"),
     "weekday 'Dienstagabend' became 'mercredi'?", ("Dienstagabend", "mercredi")),
    ("Hij kwam zondagavond terug.", "He came back on Monday evening.", ("nl", "en"),
     "weekday 'zondagavond' became 'Monday'?", ("zondagavond", "Monday")),
    # regional and grammatical forms: Austrian 'Jänner', northern 'Sonnabend', Russian and
    # Polish months standing alone (nominative), not only in a date (genitive)
    ("Im Jänner 1950 kam er.", "Il vint en février 1950.", ("de", "fr"),
     "month 'Jänner' became 'février'?", ("Jänner", "février")),
    ("Am Sonnabend kam er.", "Il vint dimanche.", ("de", "fr"),
     "weekday 'Sonnabend' became 'dimanche'?", ("Sonnabend", "dimanche")),
    ("Январь 1950 года был холодным.", "February 1950 was cold.", ("ru", "en"),
     "month 'Январь' became 'February'?", ("Январь", "February")),
    ("Styczeń 1950 był zimny.", "February 1950 was cold.", ("pl", "en"),
     "month 'Styczeń' became 'February'?", ("Styczeń", "February")),
    # Hindi months with their vowel signs, Hebrew ones after a prefix letter ('באפריל': in April)
    ("वह 12 जुलाई 1980 को पैदा हुई।", "She was born on 12 June 1980.", ("hi", "en"),
     "month 'जुलाई' became 'June'?", ("जुलाई", "June")),
    ("הוא נולד ב-12 באפריל 1980.", "He was born on 12 May 1980.", ("he", "en"),
     "month 'באפריל' became 'May'?", ("באפריל", "May")),
])
def test_a_month_or_weekday_changed_by_name_is_a_warning(src: str, tgt: str, langs: tuple[str, str],
                                                         said: str, words: tuple[str, str]) -> None:
    (found,) = checked(src, tgt, *langs)
    assert (found.check, found.severity, found.message) == ("numbers", "warning", said)
    assert [(s.side, (src if s.side == "src" else tgt)[s.start:s.end]) for s in found.spans] == \
        [("src", words[0]), ("tgt", words[1])]


@pytest.mark.parametrize("src, tgt, langs", [
    ("Il partit le 3 mai.", "He left on 3 May.", ("fr", "en")),
    ("Ils arrivèrent le samedi 18 mars.", "They arrived on Saturday 18 March.", ("fr", "en")),
    ("Er kam am Sonntag, dem 2. März.", "Il vint le dimanche 2 mars.", ("de", "fr")),
    # English 'may' and 'march' in lower case are no months
    ("Il viendra en août.", "He may come in the summer.", ("fr", "en")),
    ("Ils partiront en septembre.", "They march in the autumn.", ("fr", "en")),
    # 'May' at the start of a sentence, 'Mars' the planet: no month without a figure
    ("Puis-je demander, en août ?", "May I ask, in the summer?", ("fr", "en")),
    ("Mars brillait dans le ciel.", "Jupiter shone in April skies.", ("fr", "en")),
    # a month on one side only stays as before
    ("Il partit le 3 mai.", "He left on the 3rd.", ("fr", "en")),
    # the same day in other forms
    ("Er kam am Dienstagabend.", "Il vint mardi soir.", ("de", "fr")),
    ("Am Sonnabend kam er.", "Il vint samedi.", ("de", "fr")),
    ("Im Jänner 1950 kam er.", "Il vint en janvier 1950.", ("de", "fr")),
    ("Январь 1950 года был холодным.", "January 1950 was cold.", ("ru", "en")),
    ("Hij kwam zondagavond terug.", "He came back on Sunday evening.", ("nl", "en")),
    ("वह 3 जून को आई।", "She came on 3 June.", ("hi", "en")),
    ("הוא נולד ב-12 באפריל 1980.", "He was born on 12 April 1980.", ("he", "en")),
    ("הם הגיעו במאי.", "They came in May.", ("he", "en")),
    # a word that only ends like a part of the day is no weekday
    ("Der Abend kam.", "Le soir vint.", ("de", "fr")),
])
def test_a_month_kept_or_not_a_month_is_no_date_changed(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert [f.message for f in checked(src, tgt, *langs) if "became" in f.message] == []


@pytest.mark.parametrize("src, tgt, said", [
    ("Il est venu le 9 octobre 1957.", "He came on 9 November 1957.", "month 'octobre' became 'November'?"),
    ("Ils arrivèrent le samedi 18 mars.", "They arrived on Sunday 18 March.", "weekday 'samedi' became 'Sunday'?"),
])
def test_the_names_check_does_not_double_a_date_changed(src: str, tgt: str, said: str) -> None:
    """The names check's info "name 'November' has no counterpart in the original" was the
    only finding; beside the warning it says the same of the same word."""
    assert [f.message for f in checked(src, tgt, only=("numbers", "names"))] == [said]
