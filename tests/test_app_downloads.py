"""The reader's Download menu through streamlit's AppTest: opening it makes no file; a format's
button makes that file alone, kept until the next edit (the browser tests download them:
tests/e2e/test_book_downloads_findings.py)."""

from __future__ import annotations

import pytest

from alignment import workspace
from alignment.po import read_po
from test_app import env, open_sample, sample_po  # noqa: F401 (fixtures)


@pytest.fixture
def made(monkeypatch) -> list[tuple[str, bytes]]:
    """Every file the app makes, in order: (format, bytes)."""
    calls: list[tuple[str, bytes]] = []
    real = workspace.export_bytes

    def export_bytes(bitext, fmt, title="", **kw):
        data = real(bitext, fmt, title, **kw)
        calls.append((fmt, data))
        return data

    monkeypatch.setattr(workspace, "export_bytes", export_bytes)
    return calls


def open_menu(at, open_: bool = True):
    at.session_state["dl_menu"] = open_  # what a click on "Download" does
    return at.run()


def test_a_file_is_made_when_its_button_is_clicked_and_kept_until_the_next_edit(env, made):  # noqa: F811
    at = open_sample(env)
    at.button(key="review").click().run()
    open_menu(at)
    assert not at.exception, at.exception
    assert made == []  # opening the menu makes no file
    assert [b.label for b in at.button if b.key.startswith("make_")] == \
        ["PO", "TMX", "TSV", "HTML", "EPUB", "TXT (en text)", "Word (.docx)", "OpenDocument (.odt)",
         "HTML handout (translations hidden)"]
    at.button(key="make_po").click().run()
    assert [f for f, _ in made] == ["po"]
    assert [b.proto.label for b in at.get("download_button")] == ["PO"]
    assert read_po_bytes(made[0][1], env).alignment.links[0].reviewed  # the version shown
    open_menu(at, False)
    open_menu(at)
    assert len(made) == 1  # kept: reopening makes nothing
    open_menu(at, False)
    at.button(key="review").click().run()  # unmark link 1
    open_menu(at)
    assert len(made) == 1 and not at.get("download_button")
    at.button(key="make_po").click().run()
    assert len(made) == 2 and not read_po_bytes(made[1][1], env).alignment.links[0].reviewed


def read_po_bytes(data: bytes, folder):
    path = folder / "downloaded.po"
    path.write_bytes(data)
    return read_po(path)


def test_a_format_that_cannot_be_made_says_why_and_the_others_download(env, monkeypatch):  # noqa: F811
    from alignment.errors import InputError

    real = workspace.export_bytes

    def export_bytes(bitext, fmt, title="", **kw):
        if fmt == "tmx":
            raise InputError("TMX needs a language code it can carry; fix the PO header")
        return real(bitext, fmt, **kw)

    monkeypatch.setattr(workspace, "export_bytes", export_bytes)
    at = open_menu(open_sample(env))
    at.button(key="make_tmx").click().run()
    assert not at.exception, at.exception
    assert any("TMX: TMX needs a language code" in c.value for c in at.caption)
    at.button(key="make_tsv").click().run()
    assert [b.proto.label for b in at.get("download_button")] == ["TSV"]


def test_the_apps_tmx_keeps_the_translator_comments_of_the_file_open(tmp_path):
    """A reviewer's '# …' remarks reached the CAT tool from `alignment export --tmx`, not from
    the app's Download ▸ TMX."""
    from alignment.po import read_po, write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    bitext = Bitext((Sentence("Oui."), Sentence("Non.")), (Sentence("Yes."), Sentence("No.")),
                    Alignment((Link((0,), (0,), 0.95), Link((1,), (1,), 0.95))), "fr", "en")
    path = write_po(bitext, tmp_path / "p.po")
    path.write_text(path.read_text(encoding="utf-8").replace('msgctxt "src 2 / tgt 2"',
                                                             '# Ana: check this\nmsgctxt "src 2 / tgt 2"'),
                    encoding="utf-8")
    tmx = workspace.export_bytes(read_po(path), "tmx", like=path).decode("utf-8")
    units = tmx.split("<tu ")[1:]
    assert ["<note>Ana: check this</note>" in unit for unit in units] == [False, True]
