"""`alignment align ORIGINAL V1 V2...` keeps each text's file in the set and says it beside
the version's name (en1, en2: the names `-t en2` reads), and says when two versions are the
same text (QA 2026-12-05: the CLI's en1, en2, en3 were the app's en_close, en_free, en_names,
and the files were stored nowhere; the same translation given twice went unsaid)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main

FR = ["Le matin, la ville dormait encore sous la pluie.",
      "Marie ouvrit la fenêtre et regarda la rue vide.",
      "Un chat noir traversait la place en courant."]
CLOSE = ["In the morning, the town was still asleep under the rain.",
         "Marie opened the window and looked at the empty street.",
         "A black cat was running across the square."]
FREE = ["The town slept on in the morning rain.",
        "Marie opened her window onto the empty street.",
        "A black cat ran across the square."]


@pytest.fixture
def texts(tmp_path):
    def write(name, lines):
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)
    return write


def _align(paths, out, *more):
    return CliRunner().invoke(main, ["align", *paths, "--presplit", "--langs", "fr,en,en",
                                     "--embedder", "hashing", "-o", str(out), *more])


def test_each_version_s_file_is_kept_and_said_beside_its_name(texts, tmp_path):
    from alignment.versions_html import render_set_html
    from alignment.versions_io import read_set_tmx
    from alignment.versions_names import set_files

    paths = [texts("fr.txt", FR), texts("en_close.txt", CLOSE), texts("en_free.txt", FREE)]
    result = _align(paths, tmp_path / "set.tmx", "--tmx", str(tmp_path / "copy.tmx"))
    assert result.exit_code == 0, result.output
    assert "en1 · en_close.txt: covers" in result.output
    assert "en2 · en_free.txt: covers" in result.output
    for tmx in ("set.tmx", "copy.tmx"):
        assert set_files(tmp_path / tmx) == {"fr": "fr.txt", "en1": "en_close.txt",
                                             "en2": "en_free.txt"}
    vs = read_set_tmx(tmp_path / "set.tmx")   # the names stay: -t en2 reads them
    assert [t.name for t in vs.texts] == ["fr", "en1", "en2"]
    page = render_set_html(vs, files=set_files(tmp_path / "set.tmx"))
    assert "en2 · en_free.txt <span" in page


def test_the_sets_page_from_the_cli_names_each_file_too(texts, tmp_path):
    """`alignment export SET.tmx --html` showed en1, en2 without their files (the app did)."""
    paths = [texts("fr.txt", FR), texts("en_close.txt", CLOSE), texts("en_free.txt", FREE)]
    assert _align(paths, tmp_path / "set.tmx").exit_code == 0
    result = CliRunner().invoke(main, ["export", str(tmp_path / "set.tmx"), "--html",
                                       str(tmp_path / "set.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "set.html").read_text(encoding="utf-8")
    assert "en1 · en_close.txt <span" in page and "en2 · en_free.txt <span" in page


def test_a_set_written_before_opens_without_files(tmp_path):
    from alignment.versions_names import set_files

    (tmp_path / "old.tmx").write_text('<tmx version="1.4"><header><prop type="x-format">'
                                      'alignment-versions/1</prop></header><body/></tmx>')
    assert set_files(tmp_path / "old.tmx") == {}
    assert set_files(tmp_path / "gone.tmx") == {}


def test_the_same_translation_given_twice_is_said_in_one_line(texts, tmp_path):
    paths = [texts("fr.txt", FR), texts("en_close.txt", CLOSE), texts("copy.txt", CLOSE)]
    result = _align(paths, tmp_path / "set.tmx")
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "same text" in line]
    assert said == ["Warning: en1 (en_close.txt) and en2 (copy.txt) are the same text: the "
                    "same translation given twice? Remove one of them and align again (they "
                    "are compared as given)"]
