"""A set's texts named in their own script, each with its file; markers worded against the
original; the same translation given twice said (QA 2026-12-05, /tmp/s45/t_sets).

Seen in the browser in tests/e2e/test_versions_set_views.py.
"""

from __future__ import annotations

import pytest

from alignment import workspace
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_compare import FlagContext, row_flags

RU = "Анна получила письмо. Письмо было короткое. Писал её брат.\n"
GARNETT = b"Anna received a letter. The letter was short. Her brother wrote it.\n"
NABOKOV = b"A letter came for Anna. It was brief. It was from her brother.\n"


@pytest.mark.parametrize("files, labels", [
    (["Рассказ.txt", "Гарнетт.txt", "Набоков.txt"], ("Рассказ", "Гарнетт", "Набоков")),
    (["Рассказ.txt", "Гарнетт (1923).txt", "Гарнетт.txt"], ("Рассказ", "Гарнетт_1923", "Гарнетт")),
    (["Рассказ.txt", "Pevear & Volokhonsky.txt", "Набоков.txt"],
     ("Рассказ", "Pevear_Volokhonsky", "Набоков")),
])
def test_versions_are_named_after_their_files_in_their_own_script(files, labels):
    """Reported: 'Гарнетт.txt' and 'Набоков.txt' became 'en-1' and 'en-2', and
    'Гарнетт (1923).txt' became '1923'."""
    assert workspace.version_labels(files, ["ru", "en", "en"]) == labels


def test_a_set_of_cyrillic_files_is_kept_under_its_original_s_name(tmp_path, monkeypatch):
    """Reported: the start page listed it as "text (2 versions: …)"."""
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path))
    path = workspace.aligned_set_path(["Рассказ.txt", "a.txt", "b.txt"], "0123456789abcdef")
    assert path.name == "Рассказ--2-versions-01234567.tmx"


def _uploads(*names):
    return list(zip(names, [RU.encode(), GARNETT, NABOKOV]))


def test_the_same_texts_under_other_names_are_another_set(tmp_path, monkeypatch, fake_embedder):
    """Reported: re-uploading the same contents under new names reopened the old set with
    the old names. Chosen: another set, named after the new files; the same names again
    reopen the first, and each set keeps its files in its header."""
    from alignment.versions_io import set_texts
    from alignment.versions_names import set_files

    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    first = workspace.align_uploaded_set(_uploads("Рассказ.txt", "Гарнетт.txt", "Набоков.txt"),
                                         ["ru", "en", "en"], embedder=fake_embedder,
                                         folder=tmp_path)
    again = workspace.align_uploaded_set(_uploads("Рассказ.txt", "Гарнетт.txt", "Набоков.txt"),
                                         ["ru", "en", "en"], embedder=fake_embedder,
                                         folder=tmp_path)
    other = workspace.align_uploaded_set(_uploads("Рассказ.txt", "close.txt", "free.txt"),
                                         ["ru", "en", "en"], embedder=fake_embedder,
                                         folder=tmp_path)
    assert again == first != other
    assert [n for n, _ in set_texts(first)] == ["Рассказ", "Гарнетт", "Набоков"]
    assert [n for n, _ in set_texts(other)] == ["Рассказ", "close", "free"]
    assert set_files(first) == {"Рассказ": "Рассказ.txt", "Гарнетт": "Гарнетт.txt",
                                "Набоков": "Набоков.txt"}


def test_a_set_written_before_reopens_where_its_names_are_the_files(tmp_path, monkeypatch,
                                                                   fake_embedder):
    """A set the app kept before (digest of the contents alone, ASCII stem) still opens, with
    its corrections, when its names are those the files give now; not where they were cut to
    ASCII ('en-1')."""
    from alignment.versions_io import write_set_tmx
    from alignment.versions_names import version_labels

    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    latin = _uploads("story.txt", "close.txt", "free.txt")
    old = workspace.aligned_set_path(["story.txt", "a", "b"], workspace.digest_of(
        [*(d for _, d in latin), b"ru,en,en"]))
    vs = join(tuple(Version(n, lang, (Sentence("x"),)) for n, lang in
                    zip(version_labels([n for n, _ in latin]), ["ru", "en", "en"])),
              [Alignment((Link((0,), (0,)),))] * 2)
    old.parent.mkdir(parents=True)
    write_set_tmx(vs, old)
    assert workspace.align_uploaded_set(latin, ["ru", "en", "en"], embedder=fake_embedder,
                                        folder=tmp_path) == old


@pytest.mark.parametrize("files, name, shown", [
    ({"en2": "en_free.txt"}, "en2", "en2 · en_free.txt"),
    ({"Набоков": "Набоков.txt"}, "Набоков", "Набоков"),
    ({"Гарнетт_1923": "Гарнетт (1923).txt"}, "Гарнетт_1923", "Гарнетт_1923 · Гарнетт (1923).txt"),
    ({}, "en2", "en2"),
])
def test_a_name_is_shown_with_its_file(files, name, shown):
    from alignment.versions_names import named

    assert named(name, files) == shown


def _set(en1, en2, fr, conf=1.0):
    """ru and three versions (one row each per sentence); en2's second link at `conf`."""
    ru = ("Анна.", "Письмо было очень короткое.", "Брат.")
    texts = (Version("ru", "ru", tuple(Sentence(s) for s in ru)),
             Version("en1", "en", tuple(Sentence(s) for s in en1)),
             Version("en2", "en", tuple(Sentence(s) for s in en2)),
             Version("fr", "fr", tuple(Sentence(s) for s in fr)))
    one = Alignment(tuple(Link((i,), (i,)) for i in range(3)))
    en2_links = (Alignment((Link((0,), (0,)), Link((1,), (), conf), Link((2,), (1,))))
                 if len(en2) == 2 else one)
    return join(texts, [one, en2_links, one])


LONG = "The letter, as everybody who saw it later remembered, was very short indeed."


def test_far_longer_is_said_against_the_original():
    """Reported: "⚑ en2: far longer than fr" compared a translation with another."""
    vs = _set(("Anna.", "Short.", "Brother."), ("Anna.", LONG, "Brother."),
              ("Anna.", "Courte.", "Frère."))
    ctx = FlagContext(ratios=(1.0,) * 4, revisions=frozenset())
    assert row_flags(vs, 1, (0, 1, 2, 3), ctx) == ("en2: far longer than the original",)
    assert row_flags(vs, 1, (1, 2, 3), ctx) == ("en2: far longer than the other versions",)
    assert row_flags(vs, 1, (2, 3), ctx) == ("en2: far longer than the other version",)


def test_an_omission_in_doubt_is_said_as_one():
    """Reported: "en2: nothing here; en2: very unsure link (confidence 0.35)" read as if the
    text left out were doubtful."""
    vs = _set(("Anna.", "Short.", "Brother."), ("Anna.", "Brother."), ("Anna.", "Courte.", "Frère."),
              conf=0.35)
    assert row_flags(vs, 1, (0, 1, 2)) == (
        "en2: leaves this out, the aligner unsure (confidence 0.35): its translation may be "
        "in a row nearby",)
    sure = _set(("Anna.", "Short.", "Brother."), ("Anna.", "Brother."), ("Anna.", "Courte.", "Frère."))
    assert row_flags(sure, 1, (0, 1, 2)) == ("en2: nothing here",)


@pytest.mark.parametrize("versions, files, said", [
    (["a", "b", "a"], {}, ["en1 and en3 are the same text"]),
    (["a", "a", "a"], {}, ["en1, en2 and en3 are the same text"]),
    (["a", "b", "a"], {"en1": "en_close.txt", "en3": "copy.txt"},
     ["en1 (en_close.txt) and en3 (copy.txt) are the same text"]),
    (["a", "b", "c"], {}, []),
])
def test_the_same_translation_given_twice_is_said_naming_both(versions, files, said):
    from alignment.versions_check import same_text_warnings

    texts = (Version("ru", "ru", (Sentence("и"),)),
             *(Version(f"en{k}", "en", (Sentence(t),)) for k, t in enumerate(versions, 1)))
    got = same_text_warnings(texts, files)
    assert [g.split(":")[0] for g in got] == said
    assert all(len(g.splitlines()) == 1 for g in got)


def test_the_app_s_column_heads_and_summary_name_each_file():
    from views.versions import render_rows
    from views.versions_summary import render_summary

    vs = _set(("Anna.", "Short.", "Brother."), ("Anna.", "Brief.", "Brother."),
              ("Anna.", "Courte.", "Frère."))
    files = {"en2": "en_free.txt"}
    assert '<div class="vs-head">en2 · en_free.txt · en</div>' in render_rows(vs, [0], [0, 1, 2],
                                                                             files=files)
    assert "<td>en2 · en_free.txt</td>" in render_summary(vs, files=files)
