"""Reader logic: paging, search, filters, corrections, undo, HTML rows, notes, uploads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import browse
from alignment.browse import Filters, History, Query, View
from alignment.errors import EditError, SearchError, UploadError
from alignment.types import Alignment, Bitext, Finding, Link, Sentence, Span


def make_bitext(spec: list[tuple[int, int, float]], *, para_every: int = 3,
                src_texts: list[str] | None = None, tgt_texts: list[str] | None = None) -> Bitext:
    """A Bitext whose links have the given (n_src, n_tgt, confidence); sentences S0.., T0..."""
    links, s, t = [], 0, 0
    for ns, nt, conf in spec:
        links.append(Link(tuple(range(s, s + ns)), tuple(range(t, t + nt)), conf))
        s, t = s + ns, t + nt
    src_texts = src_texts or [f"S{i}" for i in range(s)]
    tgt_texts = tgt_texts or [f"T{i}" for i in range(t)]
    src = tuple(Sentence(x, i // para_every) for i, x in enumerate(src_texts))
    tgt = tuple(Sentence(x, i // para_every) for i, x in enumerate(tgt_texts))
    return Bitext(src, tgt, Alignment(tuple(links)), "fr", "en", "test")


def covered_in_order(bitext: Bitext) -> bool:
    """Every sentence of each side in exactly one link, in order, and no empty link."""
    links = bitext.alignment.links
    src = [j for link in links for j in link.src]
    tgt = [j for link in links for j in link.tgt]
    return (src == list(range(len(bitext.src))) and tgt == list(range(len(bitext.tgt)))
            and all(link.src or link.tgt for link in links))


def kinds(bitext: Bitext) -> list[str]:
    return [link.kind for link in bitext.alignment.links]


# ---------------------------------------------------------------- paging

@pytest.mark.parametrize("n, page_no, per_page, ids, number, count", [
    (10, 0, 4, (0, 1, 2, 3), 0, 3),
    (10, 2, 4, (8, 9), 2, 3),
    (10, 9, 4, (8, 9), 2, 3),          # clamped to the last page
    (10, -3, 4, (0, 1, 2, 3), 0, 3),   # clamped to the first
    (3, 0, 50, (0, 1, 2), 0, 1),
    (0, 0, 50, (), 0, 1),
])
def test_page(n, page_no, per_page, ids, number, count):
    bitext = make_bitext([(1, 1, 1.0)] * n)
    p = browse.page(bitext, page_no, per_page)
    assert (p.ids, p.number, p.count, p.total) == (ids, number, count, n)


def test_page_over_filtered_ids():
    bitext = make_bitext([(1, 1, 1.0)] * 20)
    p = browse.page(bitext, 1, 2, filtered_ids=(3, 5, 7, 11, 13))
    assert (p.ids, p.count, p.total) == ((7, 11), 3, 5)


@pytest.mark.parametrize("link, per_page, filtered, expected", [
    (0, 10, None, 0), (9, 10, None, 0), (10, 10, None, 1), (57, 10, None, 5),
    (11, 2, (3, 5, 7, 11, 13), 1), (12, 2, (3, 5, 7, 11, 13), 2),
])
def test_page_of(link, per_page, filtered, expected):
    assert browse.page_of(link, per_page, filtered) == expected


# ---------------------------------------------------------------- search and filters

SEARCH_TEXT = make_bitext([(1, 1, 1.0), (2, 1, 0.7), (1, 0, 0.3), (0, 1, 0.95)],
                          src_texts=["Le chat dort.", "Il pleut.", "Le Chat mange 12 pommes.",
                                     "Fin."],
                          tgt_texts=["The cat sleeps.", "It rains; the cat eats 12 apples.",
                                     "Added."])


@pytest.mark.parametrize("query, expected", [
    (Query("chat"), {0: 1, 1: 1}),
    (Query("chat", case=True), {0: 1}),
    (Query("cat", side="src"), {}),
    (Query("cat", side="tgt"), {0: 1, 1: 1}),
    (Query("cat"), {0: 1, 1: 1}),
    (Query(r"\d+", regex=True), {1: 2}),
    (Query(r"\d+"), {}),                     # plain text: the backslash is literal
    (Query("."), {0: 2, 1: 3, 2: 1, 3: 1}),  # plain '.' matches full stops only
    (Query(""), {}),
])
def test_search_counts(query, expected):
    hits = browse.search(SEARCH_TEXT, query)
    assert {i: len(spans) for i, spans in hits.items()} == expected


def test_search_spans_point_at_the_hit():
    hits = browse.search(SEARCH_TEXT, Query("CHAT"))
    for i, spans in hits.items():
        for span in spans:
            assert SEARCH_TEXT.link_text(i, span.side)[span.start:span.end].lower() == "chat"
    # link 1 joins two source sentences: the hit is in the second, offset by the first + a space
    assert hits[1] == (Span("src", len("Il pleut. Le "), len("Il pleut. Le Chat")),)


def test_an_invalid_regex_is_quoted_as_typed():
    """'(a)\\1' as the person typed it, not Python's repr with a doubled backslash."""
    with pytest.raises(SearchError) as err:
        browse.search(SEARCH_TEXT, Query(r"(a)\1", regex=True))
    assert r"'(a)\1'" in str(err.value) and "\\\\" not in str(err.value)


@pytest.mark.parametrize("pattern", ["(", "[a-", "*x", "a{2,1}"])
def test_invalid_regex_is_a_named_error(pattern):
    with pytest.raises(SearchError, match="invalid regular expression"):
        browse.search(SEARCH_TEXT, Query(pattern, regex=True))


FILTER_TEXT = make_bitext([(1, 1, 0.95), (2, 1, 0.7), (1, 0, 0.3), (0, 1, 0.95), (1, 1, 0.85)])
FINDINGS = (Finding(4, "numbers", "warning", "12 vs 21"), Finding(1, "names", "info", "x"))


@pytest.mark.parametrize("filters, hits, expected", [
    (Filters(), None, None),
    (Filters(fuzzy_only=True), None, (1, 2, 4)),
    (Filters(kinds=frozenset({"1-1"})), None, (0, 4)),
    (Filters(kinds=frozenset({"1-0", "0-1"})), None, (2, 3)),
    (Filters(failed_checks=True), None, (1, 4)),
    (Filters(below=0.8), None, (1, 2)),
    (Filters(fuzzy_only=True, kinds=frozenset({"1-1"})), None, (4,)),
    (Filters(), {3: (), 0: ()}, (0, 3)),
    (Filters(below=0.9), {3: (), 4: ()}, (4,)),
])
def test_select(filters, hits, expected):
    assert browse.select(FILTER_TEXT, filters, hits=hits, findings=FINDINGS) == expected


def test_reviewed_links_are_never_fuzzy():
    bitext = browse.mark_reviewed(FILTER_TEXT, 2)
    assert browse.select(bitext, Filters(fuzzy_only=True)) == (1, 4)
    assert browse.select(bitext, Filters(below=0.5)) == (2,)  # its confidence is kept


# ---------------------------------------------------------------- corrections

EDIT_TEXT = make_bitext([(1, 1, 0.9), (2, 1, 0.4), (1, 2, 0.8), (1, 0, 0.2), (0, 1, 0.6)])


@pytest.mark.parametrize("op, expected_kinds", [
    (lambda b: browse.merge(b, 0, "next"), ["3-2", "1-2", "1-0", "0-1"]),
    (lambda b: browse.merge(b, 1, "prev"), ["3-2", "1-2", "1-0", "0-1"]),
    (lambda b: browse.merge(b, 3, "next"), ["1-1", "2-1", "1-2", "1-1"]),
    (lambda b: browse.split(b, 1), ["1-1", "1-1", "1-0", "1-2", "1-0", "0-1"]),
    (lambda b: browse.split(b, 2), ["1-1", "2-1", "1-1", "0-1", "1-0", "0-1"]),
    (lambda b: browse.split(b, 0, 1, 0), ["1-0", "0-1", "2-1", "1-2", "1-0", "0-1"]),
    (lambda b: browse.split(b, 1, 2, 0), ["1-1", "2-0", "0-1", "1-2", "1-0", "0-1"]),
    (lambda b: browse.move(b, 1, "src", "next"), ["1-1", "1-1", "2-2", "1-0", "0-1"]),
    (lambda b: browse.move(b, 1, "src", "prev"), ["2-1", "1-1", "1-2", "1-0", "0-1"]),
    (lambda b: browse.move(b, 2, "tgt", "prev"), ["1-1", "2-2", "1-1", "1-0", "0-1"]),
    (lambda b: browse.move(b, 3, "src", "next"), ["1-1", "2-1", "1-2", "1-1"]),  # 1-0 vanishes
    (lambda b: browse.move(b, 4, "tgt", "prev"), ["1-1", "2-1", "1-2", "1-1"]),
])
def test_edits(op, expected_kinds):
    edited = op(EDIT_TEXT)
    assert kinds(edited) == expected_kinds
    assert covered_in_order(edited)
    assert kinds(EDIT_TEXT) == ["1-1", "2-1", "1-2", "1-0", "0-1"]  # the input is untouched


def test_the_halves_of_a_split_are_to_review():
    """A sure 2-1 link split kept its 0.99 on both halves, so a cut paired crosswise was not to
    review and nothing marked it (a full-day corrector's finding)."""
    sure = make_bitext([(2, 2, 0.99), (1, 1, 0.3)])
    halves = browse.split(sure, 0).alignment.links[:2]
    assert [link.confidence for link in halves] == [0.5, 0.5]
    assert browse.select(browse.split(sure, 0), Filters(fuzzy_only=True)) == (0, 1, 2)
    assert browse.split(sure, 1, 1, 0).alignment.links[1].confidence == 0.3   # never raised


@pytest.mark.parametrize("op, message", [
    (lambda b: browse.merge(b, 4, "next"), "no next link"),
    (lambda b: browse.merge(b, 0, "prev"), "no prev link"),
    (lambda b: browse.merge(b, 9, "next"), "no link 10"),
    (lambda b: browse.split(b, 0), "nothing to split"),
    (lambda b: browse.split(b, 1, 3, 0), "cannot be cut"),
    (lambda b: browse.move(b, 3, "tgt", "next"), "no target sentence"),
    (lambda b: browse.move(b, 0, "src", "prev"), "no prev link"),
    (lambda b: browse.edit_target(b, 0, 1, "x"), "no sentence 2"),
    (lambda b: browse.edit_target(b, 0, 0, "  \n "), "empty"),
    (lambda b: browse.mark_reviewed(b, -1), "no link 0"),
])
def test_bad_edits_are_named_errors(op, message):
    with pytest.raises(EditError, match=message):
        op(EDIT_TEXT)


@pytest.mark.parametrize("op, same", [
    (lambda b: browse.mark_reviewed(b, 0), True),
    (lambda b: browse.mark_reviewed(browse.mark_reviewed(b, 2), 2, False), True),
    (lambda b: browse.edit_target(b, 0, 0, "A new sentence."), False),
    (lambda b: browse.edit_target(b, 0, 0, EDIT_TEXT.tgt[0].text), True),   # the same words
    (lambda b: browse.merge(b, 0, "next"), False),
    (lambda b: browse.split(b, 1), False),
    (lambda b: browse.move(b, 2, "tgt", "next"), False),
    (lambda b: browse.add_target(b, 3, "The missing one."), False),
])
def test_same_text_tells_a_mark_from_a_change_of_sentences(op, same):
    """The app's correction box keeps what is typed after a change that leaves every
    sentence and link as it was (a link marked reviewed), and only then."""
    assert browse.same_text(EDIT_TEXT, op(EDIT_TEXT)) is same


def test_merge_keeps_lowest_confidence_and_marks_reviewed():
    link = browse.merge(EDIT_TEXT, 0).alignment.links[0]
    assert (link.confidence, link.reviewed) == (0.4, True)


@pytest.mark.parametrize("text, words_kept", [
    (None, True),                   # applied as it was: a mark, the word links stay
    ("A new sentence.", False),     # a new text: its old word links no longer fit
])
def test_edit_target_keeps_word_links_only_where_the_text_stays(text, words_kept):
    from dataclasses import replace

    from alignment.types import Alignment, WordLink

    links = list(EDIT_TEXT.alignment.links)
    links[0] = replace(links[0], words=(WordLink(0, 0, 0.9),))
    bitext = replace(EDIT_TEXT, alignment=Alignment(tuple(links)))
    edited = browse.edit_target(bitext, 0, 0, text or bitext.tgt[0].text)
    link = edited.alignment.links[0]
    assert link.reviewed and (link.words == links[0].words) is words_kept


def test_drop_addition_deletes_an_added_sentence_and_keeps_every_other_pair():
    before = [(EDIT_TEXT.link_text(i, "src"), EDIT_TEXT.link_text(i, "tgt")) for i in range(4)]
    added = EDIT_TEXT.link_text(4, "tgt")
    dropped = browse.drop_addition(EDIT_TEXT, 4)
    assert [link.kind for link in dropped.alignment.links] == ["1-1", "2-1", "1-2", "1-0"]
    assert len(dropped.tgt) == len(EDIT_TEXT.tgt) - 1 and added not in [t.text for t in dropped.tgt]
    assert [(dropped.link_text(i, "src"), dropped.link_text(i, "tgt")) for i in range(4)] == before


@pytest.mark.parametrize("i, message", [(0, "has an original"), (3, "has an original")])
def test_drop_addition_refuses_a_link_with_an_original(i, message):
    with pytest.raises(EditError, match=message):
        browse.drop_addition(EDIT_TEXT, i)


def test_edit_target_replaces_one_sentence():
    edited = browse.edit_target(EDIT_TEXT, 2, 1, "  New\ntext  here. ")
    assert edited.link_text(2, "tgt") == "T2 New text here."
    assert edited.tgt[3].paragraph == EDIT_TEXT.tgt[3].paragraph
    assert edited.alignment.links[2].reviewed
    assert EDIT_TEXT.tgt[3].text == "T3"


def test_the_missing_translation_of_an_omission_is_added_in_place():
    bitext = make_bitext([(1, 1, .9), (1, 0, .2), (1, 2, .9)])   # link 2 (1-0): left out
    added = browse.add_target(bitext, 1, "  The sentence\nleft out. ")
    assert kinds(added) == ["1-1", "1-1", "1-2"] and covered_in_order(added)
    assert added.link_text(1, "tgt") == "The sentence left out."
    assert added.link_text(2, "tgt") == "T1 T2"   # the later links keep their sentences
    assert added.tgt[1].paragraph == bitext.tgt[0].paragraph
    assert added.alignment.links[1].reviewed and bitext.alignment.links[1].tgt == ()
    first = browse.add_target(make_bitext([(1, 0, .2), (1, 1, .9)]), 0, "First.")
    assert first.link_text(0, "tgt") == "First." and covered_in_order(first)


@pytest.mark.parametrize("i, text, message", [
    (0, "x", "already has a translation"), (1, "  ", "is empty"), (7, "x", "no link 8")])
def test_adding_a_translation_is_refused_with_what_to_do(i, text, message):
    with pytest.raises(EditError, match=message):
        browse.add_target(make_bitext([(1, 1, .9), (1, 0, .2)]), i, text)


OPS = st.tuples(st.sampled_from(["merge", "split", "move", "review", "edit", "add", "dismiss",
                                 "restore"]),
                st.integers(0, 30), st.sampled_from(["src", "tgt"]),
                st.sampled_from(["next", "prev"]), st.integers(0, 3), st.integers(0, 3))


def _apply(bitext: Bitext, op: tuple) -> Bitext:
    name, i, side, direction, a, b = op
    i = i % len(bitext.alignment.links)
    if name == "merge":
        return browse.merge(bitext, i, direction)
    if name == "split":
        return browse.split(bitext, i, a, b)
    if name == "move":
        return browse.move(bitext, i, side, direction)
    if name == "review":
        return browse.mark_reviewed(bitext, i)
    if name in ("dismiss", "restore"):
        return browse.dismiss(bitext, i, f"names {a:012d}", name == "dismiss")
    if name == "add":
        return browse.add_target(bitext, i, f"added {a}")
    return browse.edit_target(bitext, i, a, f"edited {a}")


SPECS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.floats(0, 1))
                 .filter(lambda t: t[0] or t[1]), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(spec=SPECS, ops=st.lists(OPS, max_size=15))
def test_edits_keep_coverage_and_undo_restores(spec, ops):
    original = make_bitext(spec)
    history = History(original)
    applied = 0
    for op in ops:
        try:
            history = history.push(_apply(history.current, op))
            applied += 1
        except EditError:
            continue
        assert covered_in_order(history.current)
        assert len(history.current.src) == len(original.src)
    for _ in range(applied):
        history = history.undo()
    assert history.current == original
    assert not history.past
    for _ in range(applied):
        history = history.redo()
    assert not history.future


def test_history_limit_and_redo_cleared_by_push():
    h = History(EDIT_TEXT, limit=2)
    for i in range(3):
        h = h.push(browse.mark_reviewed(h.current, i))
    assert len(h.past) == 2
    h = h.undo()
    assert h.future
    assert not h.push(EDIT_TEXT).future
    assert History(EDIT_TEXT).undo().current is EDIT_TEXT


# ---------------------------------------------------------------- rendering

EVIL = make_bitext([(1, 1, 1.0), (1, 0, 0.95), (0, 1, 0.3), (1, 1, 0.7)], para_every=1,
                   src_texts=['<script>alert("x")</script> & co', "Omitted.", "R&D <b>4</b>"],
                   tgt_texts=["<img src=x onerror=alert(1)>", "Added.", "a<b & c>d"])


def test_user_text_is_escaped():
    out = browse.render_rows(EVIL, range(4))
    for raw in ("<script>", "<img", "D <b>", "a<b"):
        assert raw not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in out
    evil_lang = Bitext(EVIL.src, EVIL.tgt, EVIL.alignment, 'fr"><script>', "en")
    assert '<script>' not in browse.render_rows(evil_lang, range(4)).split("</style>")[1]


@pytest.mark.parametrize("text, marks, expected", [
    ("a<b", [(1, 2, "hit")], 'a<mark class="hit">&lt;</mark>b'),
    ("R&D x", [(0, 3, "hit")], '<mark class="hit">R&amp;D</mark> x'),
    ("abcdef", [(0, 4, "hit"), (2, 6, "chk")], '<mark class="hit">abcd</mark><mark class="chk">ef</mark>'),
    ("abc", [(5, 9, "hit")], "abc"),
    ("abc", [], "abc"),
])
def test_highlight_after_escaping(text, marks, expected):
    assert browse.highlight(text, marks) == expected


def test_search_hit_on_escaped_text_is_highlighted():
    hits = browse.search(EVIL, Query("<b & c>"))
    out = browse.render_rows(EVIL, [3], View(hits=hits))
    assert 'a<mark class="hit">&lt;b &amp; c&gt;</mark>d' in out


def test_rows_show_kind_confidence_empty_cells_and_states():
    out = browse.render_rows(EVIL, range(4), View(current=1))
    rows = out.split("<tr ")[1:]
    assert len(rows) == 4
    assert "1-1 &middot; 1.00" in rows[0] and "fuzzy" not in rows[0]
    assert '<td class="tgt empty" lang="en" dir="auto"></td>' in rows[1] and "current" in rows[1]
    assert '<td class="src empty" lang="fr" dir="auto"></td>' in rows[2] and 'class="row para low"' in rows[2]
    assert "fuzzy" in rows[3]


def test_paragraph_break_inside_a_link():
    bitext = make_bitext([(2, 2, 1.0)], para_every=1)
    assert "S0<br>S1" in browse.render_row(bitext, 0)
    bitext = make_bitext([(2, 2, 1.0)], para_every=5)
    assert "S0 S1" in browse.render_row(bitext, 0)


def test_findings_are_flagged_and_their_spans_marked():
    finding = Finding(0, "numbers", "warning", "1925 <> 1926", (Span("src", 0, 2),))
    out = browse.render_row(EDIT_TEXT, 0, View(findings={0: [finding]}))
    assert '<mark class="chk">S0</mark>' in out
    assert "numbers: 1925 &lt;&gt; 1926" in out


def test_learning_mode_hides_one_side_until_revealed():
    view = View(hidden="tgt", revealed=frozenset({1}))
    closed, opened = (browse.render_row(EDIT_TEXT, i, view) for i in (0, 1))
    assert "<details><summary>show</summary><div dir=\"auto\">T0</div></details>" in closed
    assert "<details open>" in opened
    assert "<details" not in browse.render_row(EDIT_TEXT, 0)


# ---------------------------------------------------------------- reading notes and uploads

def test_reading_position_round_trip(tmp_path):
    path = tmp_path / "deep" / "reading.json"
    assert browse.load_position("sample", path) is None
    browse.save_position("sample", 12, 40, path)
    browse.save_position("serge-1926", 3, 90, path)
    assert browse.load_position("sample", path) == 12
    assert browse.load_position("serge-1926", path) == 3
    assert json.loads(path.read_text())["sample"] == {"link": 12, "total": 40}


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"sample": {"link": -4}}',
                                     '{"sample": "x"}'])
def test_bad_reading_notes_are_ignored(tmp_path, content):
    path = tmp_path / "reading.json"
    path.write_text(content)
    assert browse.load_position("sample", path) is None
    browse.save_position("sample", 2, 5, path)
    assert browse.load_position("sample", path) == 2


def test_notes_path_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert browse.notes_path() == tmp_path / "alignment" / "reading.json"


@pytest.mark.parametrize("name, expected", [
    ("pairs.po", "pairs.po"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\me\\évil name.txt", "evil_name.txt"),
    (".bashrc", "bashrc"),
    ("a/b/..", "upload"),
    ("", "upload"),
    ("x" * 300 + ".txt", "x" * 100),
    ("préface «1926».md", "preface_1926.md"),
])
def test_safe_filename(name, expected):
    assert browse.safe_filename(name) == expected


def test_store_upload_writes_inside_the_directory(tmp_path):
    path = browse.store_upload("../../escape.txt", b"hello", tmp_path)
    assert path == (tmp_path / "escape.txt").resolve()
    assert path.read_bytes() == b"hello"
    assert not (tmp_path.parent / "escape.txt").exists()


def test_store_upload_refuses_large_files(tmp_path):
    with pytest.raises(UploadError, match="over the 1 MB upload limit"):
        browse.store_upload("big.txt", b"x" * (2**20 + 1), tmp_path, max_mb=1)
    assert list(Path(tmp_path).iterdir()) == []


@pytest.mark.parametrize("text, expected", [
    ("Le camarade est arrivé à la gare avant la nuit, et la police l'attendait déjà.", "fr"),
    ("The comrade reached the station before nightfall, and the police were waiting.", "en"),
    ("Der Genosse erreichte den Bahnhof vor Einbruch der Nacht, und die Polizei wartete.", "de"),
    ("1234 5678", None),
    ("", None),
])
def test_guess_language(text, expected):
    assert browse.guess_language(text) == expected


@pytest.mark.parametrize("fmt, expected", [
    ("po", b'msgid "R&D <b>4</b>"'),
    ("tmx", b"R&amp;D &lt;b&gt;4&lt;/b&gt;"),
    ("tsv", b"R&D <b>4</b>\ta<b & c>d"),
    ("html", b"R&amp;D &lt;b&gt;4&lt;/b&gt;"),
    ("txt", b"a<b & c>d"),
])
def test_export_bytes(fmt, expected):
    data = browse.export_bytes(EVIL, fmt)
    assert expected in data
    if fmt == "html":
        assert b"<script>alert" not in data


def test_export_bytes_html_and_epub_carry_the_texts_title():
    """The app's HTML was titled 'fr – en' whatever text it was."""
    page = browse.export_bytes(EVIL, "html", "Le vieux pont ↔ The old bridge").decode("utf-8")
    assert "<title>Le vieux pont ↔ The old bridge</title>" in page


def test_export_bytes_po_reads_back(tmp_path):
    from alignment.po import read_po

    path = tmp_path / "x.po"
    path.write_bytes(browse.export_bytes(EVIL, "po"))
    back = read_po(path)
    assert [link.kind for link in back.alignment.links] == kinds(EVIL)
    assert back.link_text(3, "tgt") == "a<b & c>d"


def test_export_bytes_unknown_format():
    from alignment.errors import UnknownComponent

    with pytest.raises(UnknownComponent, match="choose po, tmx, tsv, html, txt, epub, docx or odt"):
        browse.export_bytes(EVIL, "xyz")


@pytest.mark.parametrize("text, expected", [
    ("plain words", "plain words"),
    ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
    ("[x](javascript:alert(1))", r"\[x\]\(javascript:alert\(1\)\)"),
    ("<b>&amp;</b>", r"\<b\>\&amp;\</b\>"),
    ("$x$ # 3.5", r"\$x\$ \# 3\.5"),
    ("C:\\dir", "C:\\\\dir"),
])
def test_md_escape(text, expected):
    assert browse.md_escape(text) == expected


@pytest.mark.parametrize("n, page_no, per_page, expected", [
    (38, 1, 25, "Page 2 of 2 · rows 26–38 of 38"),   # not "38 links shown" over 13 rows
    (38, 0, 25, "Page 1 of 2 · rows 1–25 of 38"),
    (7, 0, 50, "Page 1 of 1 · rows 1–7 of 7"),
    (0, 0, 50, "No links to show"),
])
def test_page_caption_counts_the_rows_on_the_page(n, page_no, per_page, expected):
    pg = browse.page(make_bitext([(1, 1, 1.0)] * n), page_no, per_page)
    assert browse.page_caption(pg, per_page) == expected


def test_changes_since_saved_counts_edits_and_undos():
    base = make_bitext([(1, 1, 0.5)] * 4)
    h = History(base)
    assert h.changes_since(base) == 0
    h = h.push(browse.mark_reviewed(h.current, 0)).push(browse.mark_reviewed(h.current, 1))
    assert h.changes_since(base) == 2
    assert h.undo().undo().changes_since(base) == 0
    saved = h.current
    assert h.undo().changes_since(saved) == 1          # an undo after saving is unsaved too
    assert History(make_bitext([(1, 1, 0.5)])).changes_since(base) == 1  # unrelated version


def test_omissions_stay_hatched_on_tinted_rows_and_long_words_wrap():
    css = browse.CSS
    # tints set only the colour, so the hatch (an image) on an empty cell survives them
    for state in ("fuzzy", "low", "current"):
        assert re.search(rf"tr\.{state} td\{{background-color:", css)
    assert re.search(r"td\.empty\{background-image:repeating-linear-gradient", css)
    assert "overflow-wrap:anywhere" in css
    html = browse.render_rows(make_bitext([(1, 0, 0.1)]), [0])
    assert 'class="row low"' in html and 'class="tgt empty"' in html


def test_md_text_shows_urls_as_code_without_escapes():
    text = "http://127.0.0.1:9/a_b.htm: cannot connect (x), offline."
    assert browse.md_text(text) == r"`http://127.0.0.1:9/a_b.htm`: cannot connect \(x\), offline\."


def test_cells_carry_their_language_and_direction() -> None:
    # lang picks the glyphs (Japanese and Chinese Han differ); Arabic is right to left
    # (test_browse_direction.py), another language's cell dir=auto
    b = Bitext((Sentence("彼は家を売った。"),), (Sentence("باع البيت."),),
               Alignment((Link((0,), (0,)),)), "ja", "ar")
    row = browse.render_rows(b, [0])
    assert '<td class="src" lang="ja" dir="auto">彼は家を売った。</td>' in row
    assert '<td class="tgt" lang="ar" dir="rtl">باع البيت.</td>' in row


@pytest.mark.parametrize("cursor, step, shown, expected", [
    (0, 1, None, 1), (9, 1, None, 9), (0, -1, None, 0),   # all links: a neighbour, or stay
    (2, 1, (1, 4, 7), 4), (4, 1, (1, 4, 7), 7), (7, 1, (1, 4, 7), 7),   # the next one shown
    (4, -1, (1, 4, 7), 1), (1, -1, (1, 4, 7), 1), (5, -1, (1, 4, 7), 4),
    (3, 1, (), 3),   # nothing shown: stay
])
def test_learn_steps_through_the_links_shown(cursor, step, shown, expected):
    assert browse.step_cursor(cursor, step, 10, shown) == expected


@pytest.mark.parametrize("cursor, shown, expected", [
    (3, None, 3), (3, (), 3), (4, (1, 4, 7), 4), (2, (1, 4, 7), 4), (9, (1, 4, 7), 7)])
def test_the_learn_cursor_moves_onto_a_link_shown(cursor, shown, expected):
    assert browse.snap_cursor(cursor, shown) == expected


def test_findings_of_the_last_version_go_with_their_sentences():
    """The checks run again after an edit; meanwhile the last findings mark the links that
    now hold their sentences, highlights moved with the text."""
    old = make_bitext([(1, 1, .9), (1, 1, .9), (1, 0, .2), (1, 1, .9)],
                      src_texts=["Un.", "Deux.", "Trois.", "Quatre 4."],
                      tgt_texts=["One.", "Two.", "Four 5."])
    found = (Finding(2, "omission", "warning", "left out", (Span("src", 0, 6),)),
             Finding(3, "numbers", "warning", "4 / 5", (Span("src", 7, 8), Span("tgt", 5, 6))))
    merged = browse.merge(old, 2, "prev")   # link 3 joins link 2: 'Deux. Trois.' / 'Two.'
    carried = browse.carry_findings(old, merged, found)
    assert [f.link for f in carried] == [1, 2]
    assert carried[0].spans == (Span("src", 6, 12),)   # 'Trois.' after 'Deux. '
    assert merged.link_text(1, "src")[6:12] == "Trois."
    assert carried[1].spans == found[1].spans   # link 4 is link 3 now, its text unchanged
    edited = browse.edit_target(merged, 2, 0, "Five 5.")
    assert browse.carry_findings(old, edited, found)[1].spans == (Span("src", 7, 8),)
    added = browse.add_target(old, 2, "Three.")   # target sentences renumbered
    assert [f.link for f in browse.carry_findings(old, added, found)] == [2, 3]
    assert browse.carry_findings(old, added, found)[1].spans == (Span("src", 7, 8),)


def _doubts(*links: tuple[float, bool]) -> Bitext:
    """A text of 1-1 links with these (confidence, reviewed)."""
    n = len(links)
    sents = tuple(Sentence(f"S{k}.") for k in range(n))
    return Bitext(sents, sents, Alignment(tuple(Link((k,), (k,), c, r)
                                                for k, (c, r) in enumerate(links))), "fr", "en")


@pytest.mark.parametrize("at, step, expected", [
    (0, 1, 2),       # 1 is sure, 2 is to review
    (2, 1, 4),       # 3 is below the threshold but reviewed
    (4, 1, None),    # none after the last
    (4, -1, 2),
    (2, -1, None),
    (5, -1, 4),      # from past a sure end link
])
def test_next_to_review_skips_sure_and_reviewed_links(at: int, step: int, expected) -> None:
    b = _doubts((0.95, False), (0.99, False), (0.5, False), (0.3, True), (0.8, False), (0.97, False))
    assert browse.next_to_review(b, at, step) == expected
