"""Upload folders (per side, removed, swept when stale) and the lasting place of aligned POs."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from alignment import browse, workspace
from alignment.errors import InputError, POConflict, POFormatError
from alignment.po import read_po
from alignment.types import Alignment, Bitext, Link, Sentence
from test_import_pairs import tmx as tmx_file, tu


def test_same_file_name_on_both_sides_is_kept_apart(tmp_path):
    folder = workspace.new_upload_dir(tmp_path)
    a = browse.store_upload("fr/chapter1.txt", b"Bonjour.", workspace.side_dir(folder, "src"))
    b = browse.store_upload("en/chapter1.txt", b"Hello.", workspace.side_dir(folder, "tgt"))
    assert a != b and a.read_bytes() == b"Bonjour." and b.read_bytes() == b"Hello."


def test_sweep_removes_only_stale_upload_folders(tmp_path):
    old, fresh = workspace.new_upload_dir(tmp_path), workspace.new_upload_dir(tmp_path)
    (old / "x.txt").write_text("x")
    other = tmp_path / "not-ours"
    other.mkdir()
    past = time.time() - 3 * 24 * 3600
    for path in (old / "x.txt", old, other):
        os.utime(path, (past, past))
    assert workspace.sweep_stale(tmp_path) == [old]
    assert not old.exists() and fresh.is_dir() and other.is_dir()


def test_remove_upload_dir_refuses_other_folders(tmp_path):
    mine = workspace.new_upload_dir(tmp_path)
    workspace.remove_upload_dir(mine)
    workspace.remove_upload_dir(tmp_path)  # not an upload folder: left alone
    assert not mine.exists() and tmp_path.is_dir()


def test_aligned_path_is_lasting_and_readable(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = workspace.aligned_path("../Chapitre 1.txt", "chapter1.md", "0123456789abcdef")
    assert path == tmp_path / "alignment" / "aligned" / "Chapitre_1--chapter1-01234567.po"


def test_save_copy_never_replaces_a_file(tmp_path):
    bitext = Bitext((Sentence("Un.", 0),), (Sentence("One.", 0),),
                    Alignment((Link((0,), (0,), 0.9),)), "fr", "en", "c")
    path = workspace.save_copy(bitext, tmp_path / "copy")
    assert path == tmp_path / "copy.po" and read_po(path).src == bitext.src
    with pytest.raises(POConflict, match="already exists; choose another"):
        workspace.save_copy(bitext, path)
    with pytest.raises(POConflict, match="no such folder"):
        workspace.save_copy(bitext, tmp_path / "nope" / "x.po")


COPY = Bitext((Sentence("Un.", 0),), (Sentence("One.", 0),),
              Alignment((Link((0,), (0,), 0.9),)), "fr", "en", "c")


@pytest.mark.parametrize("typed, message", [
    # a folder: the copy was written beside it, as texts.po, and the app said so
    ("texts/", "{d}/texts/ is a folder; give a file name such as {d}/texts/name.po"),
    ("texts", "{d}/texts/ is a folder; give a file name such as {d}/texts/name.po"),
    ("new/", "{d}/new/ is a folder; give a file name such as {d}/new/name.po"),
    # another suffix: copy.txt became copy.txt.po
    ("copy.txt", "copy.txt does not end in .po; give a name ending in .po, such as {d}/copy.po"),
    ("notes.md", "notes.md does not end in .po; give a name ending in .po, such as {d}/notes.po"),
])
def test_save_copy_refuses_a_folder_and_another_suffix(tmp_path, typed, message):
    (tmp_path / "texts").mkdir()
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(InputError) as info:
        workspace.save_copy(COPY, f"{tmp_path}/{typed}")
    assert str(info.value) == message.format(d=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, anywhere


@pytest.mark.parametrize("typed, written", [
    ("Copy.PO", "Copy.PO"), ("texts/Notes.Po", "texts/Notes.Po"),  # were Copy.PO.po, Notes.Po.po
])
def test_save_copy_takes_po_in_any_case(tmp_path, typed, written):
    (tmp_path / "texts").mkdir()
    assert workspace.save_copy(COPY, f"{tmp_path}/{typed}") == tmp_path / written
    assert read_po(tmp_path / written).src == COPY.src


@pytest.mark.parametrize("name, message", [
    ("texts", "{d}/texts is a folder; give the path of a .po file in it, such as {d}/texts/a.po"),
    ("empty", "{d}/empty is a folder; give the path of a .po file in it"),
    ("conte.fr.txt", "{d}/conte.fr.txt is not a PO file (it ends in .txt); to align a text "
                     "with its translation, use 'Align new texts'"),
    ("missing.po", "{d}/missing.po: no such PO file; give the path of a .po file"),
])
def test_the_path_to_open_says_what_it_is_instead_of_a_po(tmp_path, name, message):
    (tmp_path / "texts").mkdir()
    workspace.save_copy(COPY, tmp_path / "texts" / "a.po")
    (tmp_path / "empty").mkdir()
    (tmp_path / "conte.fr.txt").write_text("Il était une fois.\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        workspace.po_to_open(str(tmp_path / name))
    assert str(info.value) == message.format(d=tmp_path)
    assert workspace.po_to_open(f"  {tmp_path}/texts/a.po ") == tmp_path / "texts" / "a.po"


def test_a_broken_po_upload_names_the_users_file_and_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    good = tmp_path / "good.po"
    workspace.save_copy(COPY, good)
    lines = good.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(k for k, line in enumerate(lines) if line.startswith('msgstr "One.'))
    lines[n] = 'msgstr "One.\n'  # the closing quote lost
    upload = workspace.new_upload_dir(tmp_path)
    with pytest.raises(POFormatError) as info:
        workspace.keep_po_upload("bad.po", "".join(lines).encode("utf-8"),
                                 workspace.side_dir(upload, "po"))
    assert str(info.value).startswith(f"bad.po, line {n + 1}: unterminated or malformed string")
    assert not list((tmp_path / "xdg").rglob("*.po")) and not list(upload.rglob("*.po"))
    with pytest.raises(POFormatError, match=r"^notes\.po: not a PO file \(no msgid\)"):
        workspace.keep_po_upload("notes.po", b"Just some text.\n", workspace.side_dir(upload, "po"))
    kept = workspace.keep_po_upload("good.po", good.read_bytes(), workspace.side_dir(upload, "po"))
    assert kept.parent == tmp_path / "xdg" / "alignment" / "aligned" / "uploaded"
    assert read_po(kept).src == COPY.src and not list(upload.rglob("*.po"))


def test_corpus_po_is_the_file_the_readme_command_writes_and_takes_in_the_apps_old_copy(
        tmp_path, monkeypatch):
    from alignment import drafts

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # drafts live there
    folder, cache = tmp_path / "here", tmp_path / "cache" / "sample"
    folder.mkdir()
    cache.mkdir(parents=True)
    cached = cache / "sample.po"
    assert workspace.corpus_po("sample", folder, cached) == folder / "sample.po"  # to be written
    bitext = Bitext((Sentence("Le pont."),), (Sentence("The bridge."),),
                    Alignment((Link((0,), (0,)),)), "fr", "en")
    from alignment.po import file_fingerprint, write_po

    write_po(bitext, cached)  # an earlier version of the app kept its copy in the cache
    drafts.write_draft(browse.mark_reviewed(bitext, 0), cached,
                       base_fingerprint=file_fingerprint(cached), changes=1)
    before = cached.read_bytes()
    path = workspace.corpus_po("sample", folder, cached)
    assert path == folder / "sample.po" and path.read_bytes() == before
    assert not cached.exists()  # one copy, not two
    draft = drafts.read_draft(path)  # the unsaved corrections followed the file
    assert draft is not None and draft.bitext.alignment.links[0].reviewed
    assert draft.base_fingerprint == file_fingerprint(path) and drafts.read_draft(cached) is None
    write_po(bitext, cached)  # both present: the folder's file is the one; the cache is left
    assert workspace.corpus_po("sample", folder, cached) == path and cached.is_file()


def test_corpus_po_falls_back_to_the_cache_where_the_folder_cannot_be_written(tmp_path):
    cached = tmp_path / "cache" / "sample.po"
    assert workspace.corpus_po("sample", tmp_path / "gone", cached) == cached


@pytest.mark.parametrize("files, labels", [
    (["Le Petit Prince.txt", "woods.epub", "howard.docx"], ("Le_Petit_Prince", "woods", "howard")),
    (["fr/story.txt", "en/story.txt", "story.md"], ("story-1", "story-2", "story-3")),
    (["a.txt", "Traducción de Ana.txt", "../b.txt"], ("a", "Traducción_de_Ana", "b")),
    (["x" * 60 + ".txt", ".hidden", "ok.txt"], ("x" * 24, "hidden", "ok")),
    (["小王子.txt", "星の王子さま.txt", "Little Prince.txt"], ("小王子", "星の王子さま", "Little_Prince")),
    (["小王子.txt", "小王子.epub", "b.txt"], ("小王子-1", "小王子-2", "b")),
    (["!!.txt", "…!.txt", "b.txt"], ("zh-1", "zh-2", "b")),
])
def test_version_labels_name_the_columns_after_the_files(files, labels):
    """Unique, short, without spaces (a set's names must have none), in their own script; the
    language where a file name has no letter or digit (numbered only where two agree)."""
    got = workspace.version_labels(files, ["zh", "ja" if "星" in files[1] else "zh", "en"])
    assert got == labels
    assert len(set(got)) == len(got) and not any(" " in g for g in got)


def test_aligned_set_path_is_lasting_and_readable(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = workspace.aligned_set_path(["../Le Horla.txt", "a.txt", "b.txt"], "0123456789abcdef")
    assert path == tmp_path / "alignment" / "aligned" / "Le_Horla--2-versions-01234567.tmx"


UPLOADS = [("histoire.txt", "Le chat dort sur le mur. Il pleut depuis le matin.\n".encode()),
           ("anna.txt", b"The cat sleeps on the wall. It has rained since morning.\n"),
           ("ben.txt", b"The cat is asleep on the wall. It has been raining all morning.\n")]


def test_align_uploaded_set_writes_the_set_and_its_pairs_once(tmp_path, monkeypatch, fake_embedder):
    """The app's Compare versions: the set and a PO per pair in the lasting folder, named after
    the files; the same uploads again open what was written (with its corrections), not a new
    alignment; the uploads are not left in the session's folder."""
    from alignment.versions_io import read_set_tmx

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = workspace.new_upload_dir(tmp_path)
    seen = []
    path = workspace.align_uploaded_set(UPLOADS, ["fr", "en", "en"], embedder=fake_embedder,
                                        folder=folder, progress=lambda d, t, s: seen.append(s))
    assert path.parent == workspace.aligned_dir() and path.name.startswith("histoire--2-versions-")
    vs = read_set_tmx(path)
    assert [t.name for t in vs.texts] == ["histoire", "anna", "ben"] and len(vs.rows) == 2
    pos = sorted(path.parent.glob(f"{path.stem}.*.po"))
    assert [p.name.split(".", 1)[1] for p in pos] == ["histoire-anna.po", "histoire-ben.po"]
    assert all(p.stat().st_mtime_ns <= path.stat().st_mtime_ns for p in pos)
    assert seen and not [p for p in folder.rglob("*") if p.is_file()]
    written = path.stat().st_mtime_ns
    again = workspace.align_uploaded_set(UPLOADS, ["fr", "en", "en"], embedder=fake_embedder,
                                         folder=folder)
    assert again == path and path.stat().st_mtime_ns == written
    other = workspace.align_uploaded_set(UPLOADS, ["fr", "en", "de"], embedder=fake_embedder,
                                         folder=folder)
    assert other != path   # other languages: another alignment


@pytest.mark.parametrize("langs", [["fr", "en"], ["fr", "?", "en"]])
def test_align_uploaded_set_wants_one_language_per_text(tmp_path, fake_embedder, langs):
    from alignment.errors import InputError

    with pytest.raises(InputError, match="one language per text"):
        workspace.align_uploaded_set(UPLOADS, langs, embedder=fake_embedder, folder=tmp_path)


def test_an_uploaded_tmx_is_kept_as_a_po_and_the_same_file_reopens_its_corrections(tmp_path, monkeypatch):
    from alignment.po import file_fingerprint, save_po

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    upload = workspace.side_dir(workspace.new_upload_dir(tmp_path), "po")
    tmx = tmx_file(tu(fr="Le pont.", en="The bridge."), srclang="fr")
    with pytest.raises(InputError, match=r"^job\.tmx: not well-formed XML"):
        workspace.keep_pairs_upload("job.tmx", tmx[:-20], upload)
    assert not list((tmp_path / "xdg").rglob("*.po")) and not list(upload.rglob("*"))
    kept = workspace.keep_pairs_upload("C:\\Users\\me\\job.tmx", tmx, upload)
    assert kept.parent == tmp_path / "xdg" / "alignment" / "aligned" / "uploaded"
    assert kept.name.startswith("job-") and not list(upload.rglob("*.po"))
    corrected = browse.mark_reviewed(read_po(kept), 0)
    save_po(corrected, kept, expected_fingerprint=file_fingerprint(kept))
    before = kept.read_bytes()
    assert workspace.keep_pairs_upload("job.tmx", tmx, upload) == kept   # the same file again
    assert kept.read_bytes() == before and read_po(kept).alignment.links[0].reviewed


def test_an_uploaded_xliff_keeps_the_cat_tools_notes_as_translator_comments(tmp_path, monkeypatch):
    """The app's upload reads an XLIFF's <note> as `alignment import` does: a reviewer saw none."""
    import polib

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    upload = workspace.side_dir(workspace.new_upload_dir(tmp_path), "po")
    xliff = (b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
             b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="job.docx" '
             b'source-language="fr" target-language="en" datatype="plaintext"><body>'
             b'<trans-unit id="1"><source>Le pont.</source><target>The bridge.</target>'
             b'<note>Check the figure with the client</note></trans-unit>'
             b'</body></file></xliff>')
    kept = workspace.keep_pairs_upload("job.xlf", xliff, upload)
    assert [e.tcomment for e in polib.pofile(str(kept))] == ["Check the figure with the client"]


def test_a_multilingual_tmx_upload_asks_which_translation_and_keeps_each_apart(tmp_path, monkeypatch):
    from alignment.errors import ManyTranslations

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    upload = workspace.side_dir(workspace.new_upload_dir(tmp_path), "po")
    tmx = tmx_file(tu(en="Yes.", de="Ja.", fr="Oui."), srclang="en")
    with pytest.raises(ManyTranslations) as info:
        workspace.keep_pairs_upload("three.tmx", tmx, upload)
    assert info.value.languages == ("de", "fr")
    assert not list((tmp_path / "xdg").rglob("*.po"))
    fr = workspace.keep_pairs_upload("three.tmx", tmx, upload, tgt_lang="fr")
    de = workspace.keep_pairs_upload("three.tmx", tmx, upload, tgt_lang="de")
    assert fr != de and read_po(fr).tgt[0].text == "Oui." and read_po(de).tgt[0].text == "Ja."
    assert workspace.keep_pairs_upload("three.tmx", tmx, upload, tgt_lang="fr") == fr


def test_a_table_that_names_no_languages_asks_for_them_and_keeps_each_choice_apart(tmp_path, monkeypatch):
    from alignment.errors import LanguagesUnknown

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    upload = workspace.side_dir(workspace.new_upload_dir(tmp_path), "po")
    sheet = b"1,one\n2,two\n"   # no header row, and nothing a detector can read
    with pytest.raises(LanguagesUnknown):
        workspace.keep_pairs_upload("numbers.csv", sheet, upload)
    assert not list((tmp_path / "xdg").rglob("*.po"))
    fr_en = workspace.keep_pairs_upload("numbers.csv", sheet, upload, src_lang="fr", tgt_lang="en")
    de_en = workspace.keep_pairs_upload("numbers.csv", sheet, upload, src_lang="de", tgt_lang="en")
    assert fr_en != de_en
    assert (read_po(fr_en).src_lang, read_po(fr_en).tgt_lang) == ("fr", "en")
    assert read_po(de_en).src_lang == "de" and read_po(de_en).tgt[1].text == "two"
    assert workspace.keep_pairs_upload("numbers.csv", sheet, upload, src_lang="fr", tgt_lang="en") == fr_en


def test_an_xliff_upload_keeps_the_file_beside_its_po_to_take_the_corrections_back(tmp_path, monkeypatch):
    from alignment.corrections import edit_target
    from test_import_pairs import SDLXLIFF

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    upload = workspace.side_dir(workspace.new_upload_dir(tmp_path), "po")
    kept = workspace.keep_pairs_upload("job.sdlxliff", SDLXLIFF, upload)
    original = workspace.original_of(kept)
    assert original == kept.with_name(f"{kept.stem}.original.sdlxliff")
    assert original.read_bytes() == SDLXLIFF
    data, said = workspace.corrected_original(edit_target(read_po(kept), 0, 0, "The train departs."), original)
    assert b'<mrk mtype="seg" mid="1">The train departs.</mrk>' in data and said == "1 translation corrected"
    # a table too: its corrected line goes back into it
    sheet = workspace.keep_pairs_upload("sheet.tsv", b"fr\ten\nOui.\tYes.\n", upload)
    assert workspace.original_of(sheet) == sheet.with_name(f"{sheet.stem}.original.tsv")
    data, said = workspace.corrected_original(edit_target(read_po(sheet), 0, 0, "Yes!"), workspace.original_of(sheet))
    assert (data, said) == (b"fr\ten\nOui.\tYes!\n", "1 translation corrected")


def test_a_saved_copy_is_not_replaced_by_a_later_alignment(tmp_path):
    """"Save a copy as…" wrote the tool's checksum, so `alignment align -o copy.po` (write_po)
    replaced the corrections in the copy without a word; Save's file was refused."""
    from alignment.po import edited_reason, write_po

    corrected = replace(COPY, tgt=(Sentence("One, corrected.", 0),))
    copy = workspace.save_copy(corrected, tmp_path / "copy.po")
    assert edited_reason(copy) == "holds a person's corrections (it is marked X-Alignment-Edited)"
    with pytest.raises(POConflict, match="holds a person's corrections"):
        write_po(COPY, copy)
    assert read_po(copy).tgt[0].text == "One, corrected."
    assert not list(tmp_path.glob(".*"))   # no lock file left beside it
