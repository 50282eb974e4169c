"""The reader's Download menu through streamlit's AppTest: files are made when the menu opens,
once per version of the text, never after an edit (the browser tests download them)."""

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


def test_files_are_made_when_the_menu_opens_and_kept_until_the_next_edit(env, made):  # noqa: F811
    at = open_sample(env)
    at.button(key="review").click().run()
    at.text_input(key="q").input("pont").run()
    at.text_input(key="q").input("").run()
    assert made == []  # opening, editing and searching make no file
    open_menu(at)
    assert not at.exception, at.exception
    assert [f for f, _ in made] == ["po", "tmx", "tsv", "html", "epub", "txt"]
    assert [b.proto.label for b in at.get("download_button")] == ["PO", "TMX", "TSV", "HTML", "EPUB",
                                                                 "TXT (en text)"]
    po = dict(made)["po"]
    assert read_po_bytes(po, env).alignment.links[0].reviewed  # the version shown, edit included
    open_menu(at, False)
    open_menu(at)
    assert len(made) == 6  # kept: reopening makes nothing
    open_menu(at, False)
    at.button(key="review").click().run()  # unmark link 1
    assert len(made) == 6
    open_menu(at)
    assert len(made) == 12
    assert not read_po_bytes(dict(made[6:])["po"], env).alignment.links[0].reviewed


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
    assert not at.exception, at.exception
    assert [b.proto.label for b in at.get("download_button")] == ["PO", "TSV", "HTML", "EPUB", "TXT (en text)"]
    assert any("TMX: TMX needs a language code" in c.value for c in at.caption)
