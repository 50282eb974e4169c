"""Corrections written back into the XLIFF file the pairs were imported from: the corrected
translations replaced, everything else of the file as it was, and what could not be matched
counted."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.corrections import add_target, edit_target, merge
from alignment.errors import InputError
from alignment.import_pairs import read_pairs
from alignment.xliff_back import WriteBack, describe, write_back
from test_import_pairs import SDLXLIFF, XLIFF, XLIFF2


def canonical(data: bytes) -> bytes:
    """The XML as C14N writes it: lxml puts a namespace declaration before the attributes
    ('<xliff xmlns=... version=...>'), the one change it makes to a file it did not touch."""
    from lxml import etree

    return etree.tostring(etree.fromstring(data), method="c14n")


def targets(data: bytes, name: str) -> list[str]:
    back = read_pairs(data, name)
    return [back.link_text(i, "tgt") for i in range(len(back.alignment.links))]


@pytest.mark.parametrize("name, data, link, before, codes", [
    # Trados: the second <mrk> segment of a unit; its <g> code goes with the old text
    ("job.sdlxliff", SDLXLIFF, 1, "It <g id=\"3\">rains</g>.", 1),
    # XLIFF 2: a <segment> whose target has no code
    ("job2.xlf", XLIFF2, 1, "Il pleut.", 0),
    # XLIFF 1.2: a whole trans-unit, its <g> code left out with the old text
    ("job.xlf", XLIFF, 0, "La <g id=\"1\">montagne</g> est haute.", 1),
], ids=["sdlxliff", "xliff2", "xliff"])
def test_a_corrected_translation_goes_back_into_its_segment_and_nothing_else_changes(
        name, data, link, before, codes):
    bitext = read_pairs(data, name)
    corrected = edit_target(bitext, link, 0, "Corrected here.")
    out, done = write_back(data, name, corrected)
    assert done == WriteBack(changed=1, codes_dropped=codes, unmatched=0)
    assert targets(out, name) == [corrected.link_text(i, "tgt") for i in range(len(bitext.alignment.links))]
    # the rest of the file byte for byte: only the corrected segment's target differs
    assert canonical(out.replace(b"Corrected here.", before.encode())) == canonical(data)


def test_an_unchanged_text_gives_back_the_same_file():
    for name, data in (("job.sdlxliff", SDLXLIFF), ("job2.xlf", XLIFF2), ("job.xlf", XLIFF)):
        out, done = write_back(data, name, read_pairs(data, name))
        assert canonical(out) == canonical(data) and done == WriteBack(0, 0, 0)
        if name != "job.xlf":   # its root declares its namespace after an attribute
            assert out == data


def test_a_translation_added_where_there_was_none_gets_a_target():
    bitext = read_pairs(XLIFF, "job.xlf")   # its second unit ('Nur hier.') has no target
    out, done = write_back(XLIFF, "job.xlf", add_target(bitext, 1, "Seulement ici."))
    assert done.changed == 1 and targets(out, "job.xlf") == ["La montagne est haute.", "Seulement ici."]
    sdl = read_pairs(SDLXLIFF, "job.sdlxliff")   # its 'Fin.' segment has no <target> either
    out, _ = write_back(SDLXLIFF, "job.sdlxliff", add_target(sdl, 2, "The end."))
    assert targets(out, "job.sdlxliff")[2] == "The end."
    assert out.index(b"</seg-source>") < out.index(b"The end.")   # the target after seg-source


def test_segments_whose_links_were_merged_are_left_as_they_were_and_counted():
    bitext = read_pairs(XLIFF2, "job2.xlf")   # 3 segments, the last with no target
    merged = merge(bitext, 0)                  # the first two segments' links joined
    corrected = add_target(merged, 1, "La fin.")
    out, done = write_back(XLIFF2, "job2.xlf", corrected)
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=2)
    assert targets(out, "job2.xlf") == ["Le train part.", "Il pleut.", "La fin."]
    assert "2 segments left as they were (their links were merged or split" in describe(done)


def test_only_an_xliff_file_takes_the_corrections_back():
    with pytest.raises(InputError, match="not an XLIFF file"):
        write_back(b"<tmx/>", "memory.tmx", read_pairs(XLIFF, "job.xlf"))


def test_export_writes_the_corrected_copy_and_never_the_original(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.sdlxliff").write_bytes(SDLXLIFF)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.sdlxliff", "-o", "job.po"]).exit_code == 0
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    (tmp_path / "job.po").write_text(po.replace('msgstr "It rains."', 'msgstr "It is raining."'),
                                     encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--xliff", "back.sdlxliff", "--original", "job.sdlxliff"])
    assert done.exit_code == 0, done.output
    assert "Wrote back.sdlxliff: 1 translation corrected (1 of them had formatting codes" in done.stderr
    assert targets((tmp_path / "back.sdlxliff").read_bytes(), "back.sdlxliff")[1] == "It is raining."
    assert (tmp_path / "job.sdlxliff").read_bytes() == SDLXLIFF
    alone = runner.invoke(main, ["export", "job.po", "--xliff", "x.xlf"])
    assert alone.exit_code == 1 and "give both --xliff FILE and --original" in alone.stderr
    over = runner.invoke(main, ["export", "job.po", "--xliff", "job.sdlxliff", "--original", "job.sdlxliff"])
    assert over.exit_code == 1 and (tmp_path / "job.sdlxliff").read_bytes() == SDLXLIFF
