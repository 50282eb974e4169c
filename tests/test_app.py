"""The Streamlit app driven by streamlit.testing.v1.AppTest (no browser).

The sample corpus is aligned once with the hashing embedder into a PO that each test
copies into its own private corpora cache (ALIGNMENT_CORPORA_CACHE), so the tests are
fast, offline, independent, and leave the checkout untouched. Each AppTest costs about
a second to start, so tests share one where they can.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from alignment import browse, workspace
from alignment.corpora import build_corpus
from alignment.embed import HashingEmbedder
from alignment.po import file_fingerprint, read_po, save_po, write_po

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_po(tmp_path_factory) -> bytes:
    """The sample corpus aligned with the hashing embedder, as PO bytes."""
    path = tmp_path_factory.mktemp("sample") / "sample.po"
    write_po(build_corpus("sample", embedder=HashingEmbedder()), path)
    return path.read_bytes()


@pytest.fixture
def env(tmp_path, monkeypatch, sample_po):
    """A private world: the app runs in tmp_path, where ./sample.po is (as the README's
    command writes it), with its own caches."""
    monkeypatch.setenv("ALIGNMENT_EMBEDDER", "hashing")
    monkeypatch.setenv("ALIGNMENT_CORPORA_CACHE", str(tmp_path / "corpora-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sample.po").write_bytes(sample_po)
    return tmp_path


def start(env) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    return at.run()


def open_sample(env) -> AppTest:
    at = start(env)
    assert not at.exception, at.exception
    at.button(key="open_sample").click().run()
    assert not at.exception, at.exception
    assert "history" in at.session_state, errors(at)
    return at


def rows_html(at: AppTest) -> str:
    """The reader's table (the last st.html holding rows)."""
    return [h.value for h in at.html if "al-rows" in h.value][-1]


def checked(at: AppTest, timeout: float = 120) -> AppTest:
    """Rerun, as the page's polling does, until the checks of the open version are shown."""
    import time

    deadline = time.monotonic() + timeout
    state = at.session_state
    while ("check_job" in state and state["check_job"] is not None) or "findings" not in state \
            or state["findings"][0] is not state["history"].current:
        assert time.monotonic() < deadline, "the checks never ended"
        time.sleep(0.1)
        at.run()
        assert not at.exception, at.exception
    return at


def errors(at: AppTest) -> str:
    """The error messages shown, Markdown escapes removed."""
    return " | ".join(re.sub(r"\\(.)", r"\1", e.value) for e in at.error)


def test_start_page_aligns_the_sample_when_it_has_no_po_yet(env):
    (env / "sample.po").unlink()
    at = start(env)
    labels = {b.key: b.label for b in at.button}
    assert labels["open_sample"] == "Align and open"
    assert labels["fetch_serge-1926_src"] == "Fetch the fr side"  # serge-1926 lacks French
    assert f"Writes {env / 'sample.po'} (the file `alignment corpus build sample" in captions(at)
    at.button(key="open_sample").click().run()
    assert not at.exception, at.exception
    assert (env / "sample.po").is_file()  # where the README's command writes it: one file
    assert not (env / "corpora-cache" / "sample" / "sample.po").exists()
    assert "Le vieux pont de Saint-Aubin" in rows_html(at)


def test_open_search_merge_save_reload(env):
    at = open_sample(env)
    path = Path(at.session_state["path"])
    assert path.is_file() and env in path.parents
    first = at.session_state["history"].current
    assert "Saint-Aubin" in rows_html(at)

    at.text_input(key="q").input("pont").run()
    html = rows_html(at)
    assert '<mark class="hit">pont</mark>' in html
    assert any(re.fullmatch(r"Page 1 of 1 · rows 1–\d+ of \d+", c.value) for c in at.caption)

    at.checkbox(key="q_re").check()
    at.text_input(key="q").input("(pont").run()
    assert "invalid regular expression '(pont'" in errors(at)
    at.text_input(key="q").input("").run()

    at.number_input(key="sel").set_value(2).run()
    at.button(key="merge_next").click().run()
    merged = at.session_state["history"].current
    assert len(merged.alignment.links) == len(first.alignment.links) - 1
    assert merged.alignment.links[1].src == first.alignment.links[1].src + first.alignment.links[2].src

    at.button(key="save").click().run()
    assert not at.session_state["conflict"]
    on_disk = read_po(path)
    assert on_disk.alignment.links[1].src == merged.alignment.links[1].src
    assert on_disk.alignment.links[1].reviewed

    # Someone else changes the file: the app refuses to save and offers a reload.
    other = browse.mark_reviewed(on_disk, 5)
    save_po(other, path, expected_fingerprint=file_fingerprint(path))
    at.number_input(key="sel").set_value(1).run()
    at.button(key="review").click().run()
    at.button(key="save").click().run()
    assert at.session_state["conflict"]
    assert "Not saved" in errors(at)
    assert read_po(path).alignment.links[5].reviewed and not read_po(path).alignment.links[0].reviewed
    mine = at.session_state["history"].current

    at.button(key="reload").click().run()
    assert at.session_state["history"].current.alignment.links[5].reviewed
    at.button(key="undo").click().run()
    assert at.session_state["history"].current == mine  # nothing lost


def test_split_undo_redo_buttons(env):
    at = open_sample(env)
    before = at.session_state["history"].current
    assert at.button(key="split").disabled == (before.alignment.links[0].kind == "1-1")
    at.number_input(key="sel").set_value(1).run()
    at.button(key="merge_next").click().run()
    merged = at.session_state["history"].current
    assert merged != before and not at.button(key="split").disabled
    at.button(key="split").click().run()
    assert len(at.session_state["history"].current.alignment.links) == len(before.alignment.links)
    at.button(key="undo").click().run()
    assert at.session_state["history"].current == merged
    at.button(key="undo").click().run()
    assert at.session_state["history"].current == before
    assert at.button(key="undo").disabled
    at.button(key="redo").click().run()
    assert at.session_state["history"].current == merged


def test_learning_mode_hides_reveals_and_remembers(env):
    at = open_sample(env)
    at.radio(key="mode").set_value("Learn").run()
    assert "<details><summary>show</summary>" in rows_html(at)
    at.button(key="learn_next").click().run()
    at.button(key="learn_next").click().run()
    at.button(key="learn_reveal").click().run()
    assert at.session_state["cursor"] == 2
    assert '<tr id="link-3" class="row current' in rows_html(at) or 'id="link-3"' in rows_html(at)
    assert "<details open>" in rows_html(at)
    assert browse.load_position("sample") == 2
    assert "cursor = 3;" in rows_html(at) and "if (here) toView(here)" in rows_html(at)  # in view

    again = open_sample(env)  # a new session resumes there
    assert again.session_state["cursor"] == 2


def test_filters_and_paging(env):
    at = open_sample(env)
    n = len(at.session_state["history"].current.alignment.links)
    at.selectbox(key="per_page").set_value(25).run()
    if n > 25:
        at.button(key="next_page").click().run()
        assert 'id="link-26"' in rows_html(at)
    at.checkbox(key="f_conf").check().run()
    at.slider(key="f_below").set_value(0.0).run()
    assert "tr id=" not in rows_html(at)  # nothing is below 0


def test_proofread_panel_jumps_to_a_finding(env):
    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    assert not at.exception, at.exception
    checked(at)
    jumps = [b for b in at.button if b.key and b.key.startswith("jump_")]
    if not jumps:
        pytest.skip("the checks found nothing in the sample aligned with the hashing embedder")
    target = int(jumps[-1].label.split()[-1])
    jumps[-1].click().run()
    assert at.session_state["link"] == target - 1
    assert f'id="link-{target}" class="row' in rows_html(at)


def test_open_a_po_by_path(env, sample_po):
    at = start(env)
    at.text_input(key="po_path").input(str(env / "nope.po")).run()
    at.button(key="open_path").click().run()
    assert "nope.po: no such PO file" in errors(at)
    path = env / "copy.po"
    path.write_bytes(sample_po)
    at.text_input(key="po_path").input(str(path)).run()
    at.button(key="open_path").click().run()
    assert at.session_state["path"] == str(path)


def test_po_files_in_the_current_folder_are_listed(env, monkeypatch, sample_po):
    folder = env / "here"
    folder.mkdir()
    (folder / "mine.po").write_bytes(sample_po)
    monkeypatch.chdir(folder)
    fresh = start(env)
    fresh.button(key="open_here_0").click().run()
    assert fresh.session_state["path"] == str(folder / "mine.po")


def test_po_files_past_those_listed_are_counted(env, monkeypatch, sample_po):
    folder = env / "many"
    folder.mkdir()
    for k in range(15):
        (folder / f"text{k:02d}.po").write_bytes(sample_po)
    monkeypatch.chdir(folder)
    at = start(env)
    assert len([b for b in at.button if (b.key or "").startswith("open_here_")]) == 12
    assert any("and 3 more (type the path of one below)" in c.value for c in at.caption)


def test_uploaded_po_is_stored_under_a_safe_name(env, sample_po):
    data = sample_po
    at = start(env)
    at.file_uploader(key="po_upload").set_value(("../../évil name.po", data, "text/x-po")).run()
    at.button(key="open_upload").click().run()
    stored = Path(at.session_state["path"])
    # no folder part, the space made '_', the letters of the person's own script kept
    assert re.fullmatch(r"évil_name-[0-9a-f]{8}\.po", stored.name)
    assert stored.parent == env / "xdg" / "alignment" / "aligned" / "uploaded"  # kept, not in /tmp
    assert stored.read_bytes() == data


def test_upload_over_the_limit_is_refused_with_a_message(env, monkeypatch):
    monkeypatch.setattr(workspace, "MAX_UPLOAD_MB", 0.001)
    at = start(env)
    at.file_uploader(key="po_upload").set_value(("big.po", b"#" * 5000, "text/x-po")).run()
    at.button(key="open_upload").click().run()
    assert "big.po is 0.0 MB, over the 0.001 MB upload limit" in errors(at)
    assert "history" not in at.session_state


FR = ("Le vieux moulin\n\nLe moulin tourne depuis 1820. Il moud le blé du village. "
      "Le meunier s'appelle Jean Morel.\n\nEn hiver, la rivière gèle souvent.")
EN = ("The old mill\n\nThe mill has been turning since 1820. It grinds the village's wheat. "
      "The miller is called Jean Morel.\n\nIn winter, the river often freezes.")


def test_align_two_uploaded_texts(env):
    at = start(env)
    at.file_uploader(key="new_src").set_value(("moulin.txt", FR.encode(), "text/plain")).run()
    at.file_uploader(key="new_tgt").set_value(("mill.md", EN.encode(), "text/markdown")).run()
    assert at.selectbox(key="lang_src").value == "fr"
    assert at.selectbox(key="lang_tgt").value == "en"
    at.button(key="align_new").click().run()
    assert not at.exception, at.exception
    bitext = at.session_state["history"].current
    assert (bitext.src_lang, bitext.tgt_lang) == ("fr", "en")
    assert len(bitext.src) == 5 and len(bitext.tgt) == 5
    assert "Jean Morel" in rows_html(at)
    assert Path(at.session_state["path"]).parent == env / "xdg" / "alignment" / "aligned"


def test_serge_fetch_offline_says_so_then_takes_an_upload(env, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_SERGE_1926_SRC_URL", "http://127.0.0.1:9/repression.htm")
    at = start(env)
    at.button(key="fetch_serge-1926_src").click().run()
    message = errors(at)
    assert "cannot connect" in message and "offline" in message
    assert "upload it in the box below" in message and "--file" not in message
    assert "`http://127.0.0.1:9/repression.htm`" in at.error[0].value  # a code span: no escapes
    assert any("http://127.0.0.1:9/repression.htm" in i.value for i in at.info)  # the URL in use
    french = ("INTRODUCTION\n\nLa répression est une science. Le militant doit la connaître.\n\n"
              "mars 1925")
    at.file_uploader(key="up_serge-1926_src").set_value(
        ("../préface.txt", french.encode(), "text/plain")).run()
    assert not at.exception, at.exception
    assert "Align and open" in [b.label for b in at.button if b.key == "open_serge-1926"]
    assert not (Path(at.session_state["upload_dir"]) / "src" / "preface.txt").exists()  # cleaned


def test_choosing_a_link_turns_to_its_page_and_a_new_search_to_page_one(env):
    at = open_sample(env)
    at.selectbox(key="per_page").set_value(25).run()
    n = len(at.session_state["history"].current.alignment.links)
    if n <= 25:
        pytest.skip("the sample has one page of 25")
    at.number_input(key="sel").set_value(n).run()
    assert at.session_state["page_no"] == (n - 1) // 25
    assert f'id="link-{n}" class="row' in rows_html(at) and "current" in rows_html(at)
    at.text_input(key="q").input("e").run()
    assert at.session_state["page_no"] == 0


def test_long_texts_keep_findings_until_asked_to_check_again(env, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_AUTO_RECHECK", "0")  # as if the sample were a long text
    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    first = checked(at).session_state["findings"][0]
    assert not [b for b in at.button if b.key == "recheck"]
    at.button(key="review").click().run()
    assert at.session_state["findings"][0] is first and at.session_state["check_job"] is None
    assert any("before your last edits" in c.value for c in at.caption)  # not re-run
    at.button(key="recheck").click().run()
    assert checked(at).session_state["findings"][0] is at.session_state["history"].current
    assert not [b for b in at.button if b.key == "recheck"]


# ---------------------------------------------------------------- issue 9 journeys (AppTest)

def test_apply_edit_uses_the_text_typed_just_before_the_click(env):
    at = open_sample(env)
    at.number_input(key="sel").set_value(3).run()
    box = [t for t in at.text_area if t.key and t.key.startswith("edit_2_0_")][0]
    box.input("A sentence typed by hand.")
    at.button(key="apply_edit").click().run()  # one round trip: the typing and the click
    current = at.session_state["history"].current
    assert current.tgt[current.alignment.links[2].tgt[0]].text == "A sentence typed by hand."
    assert "A sentence typed by hand." in rows_html(at)


def test_close_with_unsaved_changes_asks_first(env):
    at = open_sample(env)
    at.button(key="review").click().run()
    at.button(key="merge_next").click().run()
    at.button(key="close").click().run()
    assert "history" in at.session_state  # not closed yet
    assert any("2 unsaved changes" in w.value for w in at.warning)
    at.button(key="guard_cancel").click().run()
    assert not any("unsaved changes in" in w.value for w in at.warning)
    at.button(key="close").click().run()
    at.button(key="guard_save").click().run()
    assert "history" not in at.session_state  # saved, then closed
    path = env / "sample.po"
    assert read_po(path).alignment.links[0].reviewed


def test_discarding_at_the_guard_keeps_the_file_and_drops_the_draft(env):
    from alignment import drafts

    at = open_sample(env)
    path = Path(at.session_state["path"])
    before = path.read_bytes()
    at.button(key="review").click().run()
    assert drafts.read_draft(path) is not None  # written on the change
    at.button(key="close").click().run()
    at.button(key="guard_discard").click().run()
    assert "history" not in at.session_state and path.read_bytes() == before
    assert drafts.read_draft(path) is None


def test_a_new_session_recovers_the_draft(env):
    at = open_sample(env)
    at.button(key="review").click().run()
    at.button(key="undo").click().run()
    at.button(key="redo").click().run()
    edited = at.session_state["history"].current
    # The browser is reloaded: a new session, the old one is gone without a word.
    fresh = start(env)
    assert any("1 unsaved change to" in m.value for m in fresh.markdown)
    fresh.button(key="recover_0").click().run()  # "Open and recover": no second question
    assert not any("unsaved change to this file" in i.value for i in fresh.info)
    assert fresh.session_state["history"].current == edited
    assert fresh.session_state["title"] == at.session_state["title"]  # the corpus's, not the file's
    assert "1 unsaved change" in fresh.caption[0].value
    fresh.button(key="save").click().run()
    assert read_po(Path(fresh.session_state["path"])).alignment.links[0].reviewed
    assert not [b for b in start(env).button if b.key == "recover_0"]  # saved: no draft left


DE = ("Die alte Mühle\n\nDie Mühle dreht sich seit 1820. Sie mahlt den Weizen des Dorfes. "
      "Der Müller heißt Jean Morel und wohnt neben der Brücke.\n\n"
      "Im Winter friert der Fluss oft zu, und dann steht das große Rad still.")
FR_SAME = ("Le vieux moulin\n\nLe moulin tourne depuis 1820. Il moud le blé du village. "
           "Le meunier s'appelle Jean Morel et habite à côté du pont.\n\n"
           "En hiver, la rivière gèle souvent, et alors la grande roue s'arrête.")


def test_detected_languages_are_used_and_same_names_kept_apart(env):
    at = start(env)
    at.file_uploader(key="new_src").set_value(("chapter1.txt", DE.encode(), "text/plain")).run()
    at.file_uploader(key="new_tgt").set_value(("chapter1.txt", FR_SAME.encode(),
                                               "text/plain")).run()
    assert (at.selectbox(key="lang_src").value, at.selectbox(key="lang_tgt").value) == ("de", "fr")
    at.button(key="align_new").click().run()
    assert not at.exception, at.exception
    bitext = at.session_state["history"].current
    assert (bitext.src_lang, bitext.tgt_lang) == ("de", "fr")
    assert bitext.src[0].text == "Die alte Mühle" and bitext.tgt[0].text == "Le vieux moulin"
    path = Path(at.session_state["path"])
    assert path.is_file() and "alignment-upload-" not in str(path)
    assert any(str(path) in s.value.replace("\\", "") for s in at.success)  # says where
    upload = Path(at.session_state["upload_dir"])
    assert not list(upload.rglob("*.txt"))  # the texts are in the PO now
    at.button(key="close").click().run()
    assert not upload.exists()  # the session's upload folder goes with the text


def test_save_a_copy_elsewhere(env):
    at = open_sample(env)
    at.button(key="review").click().run()
    at.text_input(key="copy_path").input(str(env / "mine")).run()
    at.button(key="save_copy").click().run()
    assert at.session_state["path"] == str(env / "mine.po")
    assert read_po(env / "mine.po").alignment.links[0].reviewed
    assert not any("unsaved" in c.value for c in at.caption)
    at.button(key="save_copy").click().run()  # again: the file exists now
    assert any("already exists" in w.value for w in at.warning)


def test_no_docstring_or_stray_text_on_the_pages(env):
    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    shown = " ".join(m.value for m in at.markdown)
    assert "Up to this many links" not in shown and "the checks run again" not in shown


def test_a_search_without_matches_says_so(env):
    at = open_sample(env)
    at.text_input(key="q").input("zzzqqq").run()
    assert any("No link matches zzzqqq" in i.value for i in at.info)


def test_a_bad_po_shows_an_error_and_the_rest_of_the_start_page(env):
    bad = env / "bad.po"
    bad.write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    at = start(env)
    at.text_input(key="po_path").input(str(bad)).run()
    at.button(key="open_path").click().run()
    assert "Cannot open bad.po" in errors(at)
    assert "Align new texts" in [h.value for h in at.subheader]


def test_a_damaged_corpus_po_leaves_the_start_page_usable(env):
    (env / "sample.po").write_text('msgid "x\n', encoding="utf-8")
    at = start(env)
    at.button(key="open_sample").click().run()
    assert "Cannot open sample.po" in errors(at) and "history" not in at.session_state
    assert "Align new texts" in [h.value for h in at.subheader]
    at.text_input(key="po_path").input(str(env / "nope.po")).run()  # and still works
    at.button(key="open_path").click().run()
    assert "nope.po: no such PO file" in errors(at)


def captions(at: AppTest) -> str:
    return " | ".join(re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)


def test_the_sample_card_has_one_po_the_file_the_readme_command_writes(env, sample_po):
    (env / "sample.po").unlink()
    old = env / "corpora-cache" / "sample" / "sample.po"  # where earlier versions kept theirs
    old.parent.mkdir(parents=True)
    old.write_bytes(sample_po)
    at = start(env)
    assert (f"Opens {env / 'sample.po'} (the file `alignment corpus build sample -o sample.po` "
            "writes here)") in captions(at)
    assert not old.exists() and (env / "sample.po").read_bytes() == sample_po  # moved: one copy
    at.button(key="open_sample").click().run()
    assert at.session_state["path"] == str(env / "sample.po")


def test_markdown_in_language_codes_stays_text(env):
    from dataclasses import replace

    path = env / "sample.po"
    bitext = replace(read_po(path), src_lang="**fr**", tgt_lang="[en](http://evil)")
    write_po(bitext, path, overwrite_edited=True)
    at = start(env)
    at.button(key="open_sample").click().run()
    # po.read_po refuses the header; the message shows the code as typed, never bold or a link
    assert r"'\*\*fr\*\*' is not a language code" in at.error[0].value
    assert "Align new texts" in [h.value for h in at.subheader]


def shown_as_plain_text(label: str, raw: str) -> bool:
    """`label`, rendered as Streamlit renders labels (CommonMark), reads exactly `raw`: no bold,
    no link, no image; a URL only inside a code span (GFM would autolink a bare one)."""
    import html as html_lib

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("strikethrough").renderInline(label)
    outside_code = re.sub(r"<code>.*?</code>", "", rendered)
    return (not re.search(r"<(?!/?code>)[a-z/]", rendered) and "://" not in outside_code
            and html_lib.unescape(re.sub(r"</?code>", "", rendered)) == raw)


def test_markdown_looking_language_codes_show_as_plain_text(env):
    """read_po refuses such codes, but a recovery draft (or any other source) is not a PO
    header: whatever the languages are, the reader's labels and headers show them verbatim."""
    import dataclasses

    from alignment import drafts

    src, tgt = "**fr**", "[en](https://example.invalid/x)"
    at = open_sample(env)
    path = Path(at.session_state["path"])
    odd = dataclasses.replace(at.session_state["history"].current, src_lang=src, tgt_lang=tgt)
    drafts.write_draft(odd, path, base_fingerprint=file_fingerprint(path), changes=1)
    at = start(env)  # a reload: the draft is offered, then recovered
    at.button(key="recover_0").click().run()
    assert not at.exception, at.exception
    assert (at.session_state["history"].current.src_lang,
            at.session_state["history"].current.tgt_lang) == (src, tgt)
    labels = at.radio(key="q_side").options
    assert shown_as_plain_text(labels[1], src) and shown_as_plain_text(labels[2], tgt), labels
    head = rows_html(at)
    assert f">{src}</th>" in head and f">{tgt}</th>" in head and "<a " not in head
    at.radio(key="mode").set_value("Learn").run()
    hide = at.radio(key="hide").options
    assert [shown_as_plain_text(label, raw) for label, raw in zip(hide, (tgt, src))] == [True] * 2
    assert not shown_as_plain_text(src, src) and not shown_as_plain_text(tgt, tgt)  # unescaped


@pytest.mark.slow
def test_proofread_uses_the_encoders_word_vectors_as_the_cli_does(env, monkeypatch):
    """'bad taken shape' for 'avait pris forme' is found only with word vectors (real encoder)."""
    from alignment.types import Alignment, Bitext, Link, Sentence

    import views.proofread

    monkeypatch.setattr(views.proofread, "EMBEDDER", "use", raising=False)  # read at import
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(env / "enc-cache"))
    src = ("Avec la victoire de la Révolution en Russie, tout le mécanisme de la police politique "
           "la plus moderne tomba aux mains des révolutionnaires, police qui avait pris forme en "
           "plus de cinquante ans de luttes.", "Nous devons connaître les moyens dont l'ennemi dispose.")
    tgt = ("With the victory of the Revolution in Russia, there fell into the hands of the "
           "revolutionaries the whole mechanism of the most modern political police, which bad "
           "taken shape in over fifty years of struggles.",
           "We must get to know the means the enemy has at his disposal.")
    path = env / "slip.po"
    write_po(Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)),
                    Alignment((Link((0,), (0,)), Link((1,), (1,)))), "fr", "en"), path)
    at = start(env)
    at.text_input(key="po_path").input(str(path)).run()
    at.button(key="open_path").click().run()
    at.radio(key="mode").set_value("Proofread").run()
    assert not at.exception, at.exception
    shown = " ".join(m.value for m in checked(at).markdown)
    assert "realword" in shown and "'had'" in shown, shown


def test_streamlit_does_not_collect_garbage_after_every_run():
    """The progress fragments rerun twice a second; a full gc.collect after each held the
    GIL for half the time on a book and the worker threads crawled (CI: a 2,000-link
    Proofread past 420 s, 29 s without)."""
    import tomllib

    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_a_click_during_a_run_waits_for_its_next_streamlit_call():
    """runner.fastReruns off: a second run started beside the first saw a save half done
    (tests/e2e/test_typing_keeps_work.py has the journey)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["fastReruns"] is False


def test_a_callback_runs_whole_though_a_newer_click_is_waiting(monkeypatch):
    """Streamlit ends a callback at its next session-state access when a newer click waits
    (SafeSessionState's yield callback); `callback` holds that check off while the callback
    runs, and only then. On a Streamlit without that check this fails, rather than the app
    quietly losing the guarantee."""
    from views.common import callback

    state = _click_waiting(monkeypatch)
    steps: list[str] = []

    @callback
    def apply_and_save() -> None:
        state["history"] = "corrected"
        steps.append("applied")
        state["fingerprint"] = "new"
        steps.append("saved")

    apply_and_save()
    assert steps == ["applied", "saved"]
    with pytest.raises(NewerClick):   # outside a callback the check is back
        state["history"]


class NewerClick(Exception):
    """What Streamlit raises in a run when a newer click waits (a rerun or a stop)."""


def _click_waiting(monkeypatch, **values):
    """The session state (holding `values`) of a run that a newer click waits on: each
    access through Streamlit's check raises; `state._state` reads past it."""
    from streamlit.runtime.state import session_state_proxy
    from streamlit.runtime.state.safe_session_state import SafeSessionState
    from streamlit.runtime.state.session_state import SessionState

    def newer_click() -> None:
        raise NewerClick

    inner = SessionState()
    for key, value in values.items():
        inner[key] = value
    state = SafeSessionState(inner, yield_callback=newer_click)
    monkeypatch.setattr(session_state_proxy, "get_session_state", lambda: state)
    return state


def test_opening_a_text_while_a_newer_click_waits_opens_it_whole(monkeypatch, tmp_path):
    """Opening is one change of the session: cut off half way, the reader found a text
    with no path or no saved version."""
    from views.common import open_bitext

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    bitext = build_corpus("sample", embedder=HashingEmbedder())
    path = tmp_path / "sample.po"
    write_po(bitext, path)
    state = _click_waiting(monkeypatch)
    open_bitext(bitext, path=path, title="Sample", key="sample")
    kept = state._state
    assert kept["saved"] is bitext and kept["path"] == str(path) and kept["opened"]
    assert kept["fingerprint"] == file_fingerprint(path) and kept["recovery"] is None


def test_the_checks_result_is_taken_whole_while_a_newer_click_waits(monkeypatch):
    """Taking a finished check job's findings drops the job: cut off between the two, the
    findings were lost and the checks ran again."""
    from views.proofread import CheckJob, collect_checks

    bitext = build_corpus("sample", embedder=HashingEmbedder())
    job = CheckJob(bitext)
    job.future.set_result((("a finding",), "evidence"))
    state = _click_waiting(monkeypatch, check_job=job)
    collect_checks()
    kept = state._state
    assert kept["check_job"] is None
    assert kept["findings"] == (bitext, ("a finding",)) and kept["evidence"] == "evidence"


def test_every_callback_of_the_views_runs_whole():
    """Each function the views hand Streamlit as on_click / on_change is a `callback` (runs
    whole): one left out is cut off by a click that comes while it runs."""
    import ast

    trees = {p.name: ast.parse(p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "views").glob("*.py"))}
    wrapped = {f.name for tree in trees.values() for f in ast.walk(tree)   # also imported ones
               if isinstance(f, ast.FunctionDef)
               and any(isinstance(d, ast.Name) and d.id == "callback" for d in f.decorator_list)}
    for name, tree in trees.items():
        handed = {kw.value.id for call in ast.walk(tree) if isinstance(call, ast.Call)
                  for kw in call.keywords if kw.arg in ("on_click", "on_change")
                  and isinstance(kw.value, ast.Name)}
        assert handed <= wrapped, (name, sorted(handed - wrapped))


def test_an_error_in_a_callback_is_one_line_on_the_page_not_a_traceback(env):
    """Close from a pair goes back to its version set; a set file another program broke made
    the callback raise, and Streamlit showed a traceback (callbacks run outside app.py's
    `except AlignmentError`)."""
    broken = env / "set.tmx"
    broken.write_text("not xml at all", encoding="utf-8")
    at = open_sample(env)
    at.session_state["back_to_set"] = str(broken)
    at.button(key="close").click().run()
    assert not at.exception, at.exception
    assert "set.tmx: not well-formed XML" in errors(at)


def test_a_headless_start_asks_no_server_on_the_internet_for_the_address(monkeypatch):
    """Headless, Streamlit's start banner fetched checkip.amazonaws.com to print an "External
    URL" (a tester saw the lookups under strace); the config's browser.serverAddress stops it."""
    from streamlit import config, net_util
    from streamlit.web import bootstrap

    monkeypatch.chdir(ROOT)
    asked: list[str] = []
    monkeypatch.setattr(net_util, "get_external_ip", lambda: asked.append("external"))
    monkeypatch.setattr(net_util, "get_internal_ip", lambda: asked.append("internal"))
    config.get_config_options(force_reparse=True)
    try:
        config.set_option("server.headless", True)
        bootstrap._print_url(is_running_hello=False)
    finally:
        config.get_config_options(force_reparse=True)
    assert asked == []
