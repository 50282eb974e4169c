"""A version set's doubtful links are marked, its search reads every text (hidden columns
said), and its rows alone download under their own name (QA 2026-12-04, /tmp/s41/t_ver).

Unit tests of alignment.versions_compare and of views/versions.py's pure parts; the same
seen in the browser in tests/e2e/test_versions_search_hidden.py, test_versions_doubts.py and
test_versions_alone_download.py.
"""

from __future__ import annotations

import pytest

from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_compare import doubt_flags, hidden_matches, row_flags, search_rows
from views.versions import flagged_rows, hidden_count, render_rows
from views.versions_downloads import download_name, download_said

FR = ("Le phare.", "La clé était sous la pierre.", "Marie ouvrit la porte.")
EN1 = ("The lighthouse.", "The key lay under the stone.", "Marie opened the door.")
EN2 = ("The Lighthouse.", "Under the stone was the key.", "Marie opened the door.")
DE = ("Der Leuchtturm.", "Der Schlüssel lag unter dem Stein.", "Marie öffnete die Tür.")


def phare(en2_confidences=(1.0, 1.0, 1.0), reviewed=frozenset()):
    texts = tuple(Version(n, lang, tuple(Sentence(s) for s in t)) for n, lang, t in
                  (("fr", "fr", FR), ("en1", "en", EN1), ("en2", "en", EN2), ("de", "de", DE)))
    sure = Alignment(tuple(Link((i,), (i,), 0.95) for i in range(3)))
    en2 = Alignment(tuple(Link((i,), (i,), c, reviewed=i in reviewed)
                          for i, c in enumerate(en2_confidences)))
    return join(texts, [sure, en2, sure])


@pytest.mark.parametrize("confidence, reviewed, said", [
    (0.24, False, ("en2: very unsure link (confidence 0.24)",)),
    (0.80, False, ("en2: link to review (confidence 0.80)",)),
    (0.49, False, ("en2: very unsure link (confidence 0.49)",)),
    (0.50, False, ("en2: link to review (confidence 0.50)",)),
    (0.90, False, ()),             # browse.REVIEW_THRESHOLD: not below it
    (0.24, True, ()),              # a person checked it: the reader no longer tints it
])
def test_a_doubtful_link_is_marked_as_the_reader_tints_it(confidence, reviewed, said):
    vs = phare((1.0, confidence, 1.0), frozenset({1} if reviewed else ()))
    assert doubt_flags(vs, 1, 2) == said
    assert row_flags(vs, 1, (0, 1, 2)) == said
    assert doubt_flags(vs, 1, 1) == ()    # en1's link is sure


def test_only_rows_with_a_marker_keeps_the_doubtful_links_of_the_shown_versions():
    vs = phare((1.0, 0.24, 0.20))
    assert flagged_rows(vs, [0, 1, 2]) == [1, 2]
    assert flagged_rows(vs, [0, 1, 3]) == []     # en2 not in the columns, as other markers
    assert row_flags(vs, 2, (1, 2)) == ("en2: very unsure link (confidence 0.20)",)


def test_the_marker_title_names_the_version_and_its_doubt():
    html = render_rows(phare((1.0, 0.24, 1.0)), range(3), [0, 1, 2])
    assert 'id="row-2" title="en2: very unsure link (confidence 0.24)"' in html
    assert 'class="vs-mark" id="row-1"' in html and 'class="vs-mark" id="row-3"' in html


def test_the_search_finds_a_word_only_a_hidden_text_has():
    vs = phare()
    hits = search_rows(vs, "Schlüssel")
    assert sorted(hits) == [1]
    assert hidden_matches(hits, [0, 1, 2]) == {1: (3,)}
    assert hidden_matches(hits, [0, 3]) == {}
    assert hidden_count(vs, hits, sorted(hits), [0, 1, 2]) == " (1 only in hidden column: de)"
    assert hidden_count(vs, hits, sorted(hits), [0, 3]) == ""


@pytest.mark.parametrize("query, shown, note", [
    ("Schlüssel", [0, 1, 2], "Search: found only in de (hidden column)"),
    ("Marie", [0, 1], "Search: also found in en2, de (hidden columns)"),
    ("Marie", [0, 1, 2, 3], None),
])
def test_a_row_found_in_hidden_texts_says_which(query, shown, note):
    vs = phare()
    hits = search_rows(vs, query)
    html = render_rows(vs, sorted(hits), shown, hits=hits)
    if note is None:
        assert "vs-note" not in html.replace(".vs-note{", "")
    else:
        assert f'<div class="vs-note">{note}</div>' in html


def test_rows_found_in_shown_and_hidden_texts_are_not_counted_as_hidden_only():
    vs = phare()
    hits = search_rows(vs, "Marie")
    assert hidden_count(vs, hits, sorted(hits), [0, 1]) == ""
    hits = search_rows(vs, "stone|Stein", regex=True)
    assert hidden_count(vs, hits, sorted(hits), [0, 2]) == ""       # en2 says stone
    assert hidden_count(vs, search_rows(vs, "Stein"), [1], [0, 1, 2]) == \
        " (1 only in hidden column: de)"


@pytest.mark.parametrize("alone, joined, name, said", [
    (True, True, "phare.alone.tmx", r"Rows as in phare\.tmx alone, as the columns show now: "
                                    r"without the pair POs beside it (their corrections left out)"),
    (False, True, "phare.tmx", r"Rows as the columns show: phare\.tmx with the pair POs beside "
                               r"it joined in (their corrections)"),
    (False, False, "phare.tmx", None),
])
def test_the_set_alone_downloads_under_its_own_name_and_says_so(alone, joined, name, said):
    assert download_name("/x/phare.tmx", "tmx", alone) == name
    assert download_name("/x/phare.tmx", "tsv", alone) == name.replace(".tmx", ".tsv")
    assert download_said("/x/phare.tmx", alone, joined) == said
