"""Compare versions, as a new user read it (2026, /tmp/adv_user): a number one version
changes gets a marker, the summary counts what it calls counts, the same-language column
says what it measures, and titles name the texts, not the files.

Unit tests of alignment.versions_compare and of the HTML views/versions.py draws; the same
seen in the browser in tests/e2e/test_versions_compare_browser.py.
"""

from __future__ import annotations

import pytest

from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_compare import row_flags, summary
from views.versions import flagged_rows, render_summary

FR = ("Le phare.", "Il avait soixante-douze ans et connaissait la côte.",
      "La tempête arriva de l'ouest.", "Marie courut prévenir Paul.", "Il coûtait 1 000 francs.")
EN1 = ("The lighthouse.", "He was sixty-two years old and knew the coast.",
       "The storm came from the west.", "Marie ran to warn Paul.", "It cost 1,000 francs.")
EN2 = ("The Lighthouse.", "He was seventy-two and knew every tale of the coast.",
       "A dreadful storm blew in from the west.", "It cost a thousand francs.")


def story_set(title: str = "histoire.fr"):
    """histoire.fr and two English versions, named as uploads are; story2.en leaves row 4 out
    and says "seventy-two" where story.en says "sixty-two" for "soixante-douze"."""
    texts = (Version("histoire.fr", "fr", tuple(Sentence(s) for s in FR)),
             Version("story.en", "en", tuple(Sentence(s) for s in EN1)),
             Version("story2.en", "en", tuple(Sentence(s) for s in EN2)))
    one = Alignment(tuple(Link((i,), (i,)) for i in range(5)))
    two = Alignment((Link((0,), (0,)), Link((1,), (1,)), Link((2,), (2,)), Link((3,), ()),
                     Link((4,), (3,))))
    return join(texts, [one, two], title=title)


def test_a_number_one_version_changes_is_marked_with_its_reason():
    """Reported: "sixty-two" against "soixante-douze" had no marker; only omissions did."""
    from alignment.versions_compare import number_flags

    vs = story_set()
    assert row_flags(vs, 1, (0, 1, 2)) == (
        "story.en: sixty-two (62) where the original says soixante-douze (72)",)
    assert number_flags(vs, 1, 2) == ()   # "seventy-two" says what the original says


def test_numbers_are_compared_by_value_and_wording_alone_is_no_marker():
    vs = story_set()
    assert row_flags(vs, 4, (0, 1, 2)) == ()   # 1 000 francs, 1,000 francs, a thousand francs
    assert row_flags(vs, 2, (0, 1, 2)) == ()   # two translators' wording
    assert row_flags(vs, 0, (0, 1, 2)) == ()


def test_only_rows_with_a_marker_keeps_the_changed_number_and_the_omission():
    vs = story_set()
    assert flagged_rows(vs, [0, 1, 2]) == [1, 3]
    assert flagged_rows(vs, [0, 2]) == [3]   # story.en's number is not in the columns shown


def test_summary_counts_omitted_rows_and_names_them_as_rows():
    """Reported: "rows omitted 15" was the row number, beside "rows added 0", a count."""
    out = render_summary(story_set())
    assert "<td>story2.en</td><td>en</td><td>80.0%</td><td>1</td><td>0</td>" in out
    assert "<td>omitted: row 4</td>" in out
    assert "<td>story.en</td><td>en</td><td>100.0%</td><td>0</td><td>0</td><td>–</td>" in out


def test_same_language_versions_say_rows_worded_differently_and_words_shared():
    """Reported: "rows changed vs story2.en: 100.0%" said nothing of two translations."""
    from alignment.versions_compare import words_shared

    vs = story_set()
    shared = words_shared(vs, 1, 2)
    assert 0.3 < shared < 0.8 and shared == words_shared(vs, 2, 1)
    s = {x.name: x for x in summary(vs)}
    assert s["story.en"].shared == (("story2.en", shared),)
    out = render_summary(vs)
    assert f"vs story2.en: 100% of rows worded differently, {shared:.0%} of words shared" in out
    assert 'title="rows worded differently: share of the rows' in out


def test_a_revision_shares_most_words():
    from alignment.versions_compare import words_shared

    texts = (Version("fr", "fr", (Sentence("Il pleut."), Sentence("Le train part."))),
             Version("en1", "en", (Sentence("It rains hard."), Sentence("The train leaves."))),
             Version("en2", "en", (Sentence("It rains."), Sentence("The train leaves."))))
    pair = Alignment((Link((0,), (0,)), Link((1,), (1,))))
    assert words_shared(join(texts, [pair, pair]), 1, 2) == 10 / 11


def test_the_set_heading_does_not_repeat_the_original():
    """Reported: "histoire.fr · histoire.fr (21) · story.en (20) · …"."""
    from views.versions import set_heading

    heading = set_heading(story_set(), "/x/histoire.fr--2-versions-5839a383.tmx").replace("\\", "")
    assert heading == ("**histoire.fr** (original, 5 sentences) · story.en (5) · "
                       "story2.en (4) · 5 rows")
    named = set_heading(story_set(title="Le phare"), "/x/s.tmx").replace("\\", "")   # Markdown escapes
    assert named.startswith("**Le phare** · histoire.fr (original, 5 sentences) · story.en (5)")


def test_a_pair_opened_from_a_set_is_titled_by_its_texts():
    """Reported: "histoire.fr--2-versions-5839a383.histoire.fr-story.en.po"."""
    from views.versions import pair_title

    title = pair_title(story_set(), 1, "/x/histoire.fr--2-versions-5839a383.tmx")
    assert title == "histoire.fr ↔ story.en (from the set histoire.fr, 2 versions)"
    assert pair_title(story_set(title=""), 2, "/x/phare.tmx").startswith(
        "histoire.fr ↔ story2.en (from the set phare,")


def _tiny_set():
    """en2 is a version of two sentences (a title and one line): 0.1 of the original's length."""
    fr = ("Le port de Saint-Malo.", *(f"Le bateau numéro {k} quitta le port avant l'aube, chargé "
                                       f"de sel." for k in range(1, 10)))
    en1 = ("The harbour of Saint-Malo.", *(f"Boat number {k} left the harbour before dawn, "
                                          f"loaded with salt." for k in range(1, 10)))
    en2 = ("The harbour of Saint-Malo.", "Boat number 1 left the harbour before dawn, laden.")
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in fr)),
             Version("en1", "en", tuple(Sentence(s) for s in en1)),
             Version("en2", "en", tuple(Sentence(s) for s in en2)))
    one = Alignment(tuple(Link((i,), (i,)) for i in range(10)))
    two = Alignment((Link((0,), (0,)), Link((1,), (1,)), *(Link((i,), ()) for i in range(2, 10))))
    return join(texts, [one, two])


def test_a_nearly_empty_version_is_not_far_longer_where_it_has_text():
    """QA (2026-12-04): "en2: far longer than fr" on the rows of a version of 2 sentences:
    its lengths were divided by its overall length ratio (0.04)."""
    vs = _tiny_set()
    assert row_flags(vs, 0, (0, 1, 2)) == ()
    assert row_flags(vs, 1, (0, 1, 2)) == ()
    assert row_flags(vs, 5, (0, 1, 2)) == ("en2: nothing here",)


def test_a_cell_far_longer_than_its_neighbours_is_still_marked():
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in FR)),
             Version("en", "en", (*(Sentence(s) for s in EN1[:4]), Sentence(
                 "It cost 1,000 francs, which was, as everybody in the village knew very well, "
                 "a great deal of money for a fisherman's family in those hard years."))))
    vs = join(texts, [Alignment(tuple(Link((i,), (i,)) for i in range(5)))])
    assert row_flags(vs, 4, (0, 1)) == ("en: far longer than the original",)
    assert row_flags(vs, 3, (0, 1)) == ()


def test_empty_rows_are_counted_apart_from_rows_worded_differently():
    """QA (2026-12-04): "97% of rows worded differently" for a version whose rows were empty."""
    from alignment.versions_compare import changed_shares, words_shared

    vs = _tiny_set()
    assert changed_shares(vs)[(1, 2)] == 0.5   # of the 2 rows both fill, one is reworded
    assert words_shared(vs, 1, 2) > 0.8
    out = render_summary(vs)
    assert "vs en1: 50% of rows worded differently, " in out
    assert "(8 rows where one of the two has nothing)" in out
    assert "97%" not in out and "90% of rows" not in out


@pytest.mark.parametrize("en2, on", [
    (EN1[:1] + ("He was sixty-two years old and knew the coast well.",) + EN1[2:], True),  # revision
    (("The Lighthouse.", "At seventy-two he still knew the coast.", "From the west, a storm.",
      "Marie hurried to tell Paul.", "The price: a thousand francs."), False),           # translators
])
def test_the_word_diff_starts_on_for_a_revision_only(en2, on):
    """QA (2026-12-04): two translators' texts were drawn struck out word by word."""
    from alignment.versions_compare import diff_by_default, flag_context

    texts = (Version("fr", "fr", tuple(Sentence(s) for s in FR)),
             Version("en1", "en", tuple(Sentence(s) for s in EN1)),
             Version("en2", "en", tuple(Sentence(s) for s in en2)))
    one = Alignment(tuple(Link((i,), (i,)) for i in range(5)))
    assert diff_by_default(flag_context(join(texts, [one, one]))) is on
