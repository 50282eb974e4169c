"""The checksum of a PO's entries reads them in link order (po_read.entries_checksum): a PO
reordered by `msgcat --sort-output`, untouched otherwise, reads the same links and must not
count as "edited since alignment wrote it", while every checksum stored before still matches
(alignment writes its entries in link order)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from alignment.po import edited_reason, write_po
from alignment.po_read import checksum_matches
from alignment.types import Alignment, Bitext, Link, Sentence

HERE = Path(__file__).parent
STORED = [HERE / "golden" / "small.po", HERE / "golden" / "small-edited.po",
          HERE / "fixtures" / "po_checksum_v1.po"]   # the last written before 6c018e9: 'sha256:'


def bitext() -> Bitext:
    """Entries whose msgids sort in another order than their links: a 2-1 link, an omission
    and an addition at one place, a sure link."""
    src = tuple(Sentence(s) for s in ("Zola écrivait.", "Il pleuvait.", "Marie lisait.", "Bonsoir."))
    tgt = tuple(Sentence(s) for s in ("Zola wrote while it rained.", "Added here.", "Good night."))
    links = (Link((0, 1), (0,), 0.95), Link((2,), (), 0.4), Link((), (1,), 0.5),
             Link((3,), (2,), 0.99, True))
    return Bitext(src, tgt, Alignment(links), "fr", "en")


def sorted_by_polib(path: Path) -> None:
    po = polib.pofile(str(path), wrapwidth=0)
    po[:] = sorted(po, key=lambda e: (e.msgid, e.msgctxt or ""))
    po.save(str(path))


def sorted_by_msgcat(path: Path) -> None:
    if shutil.which("msgcat") is None:
        pytest.skip("msgcat (gettext) is not installed")
    subprocess.run(["msgcat", "--sort-output", str(path), "-o", str(path)], check=True)


@pytest.mark.parametrize("reorder", [sorted_by_polib, sorted_by_msgcat], ids=["polib", "msgcat"])
def test_a_po_sorted_by_a_po_tool_is_not_counted_as_edited(tmp_path, reorder):
    path = write_po(bitext(), tmp_path / "s.po")
    before = path.read_text(encoding="utf-8")
    reorder(path)
    assert path.read_text(encoding="utf-8") != before   # the entries did move
    assert edited_reason(path) is None
    write_po(bitext(), path)   # the tester's `alignment align ... -o s.po` after msgcat


def test_a_sorted_po_with_a_translation_changed_is_still_edited(tmp_path):
    path = write_po(bitext(), tmp_path / "s.po")
    sorted_by_polib(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Good night.", "Goodnight."),
                    encoding="utf-8")
    assert edited_reason(path) is not None


@pytest.mark.parametrize("path", STORED, ids=[p.name for p in STORED])
def test_the_checksum_a_po_written_before_stores_still_matches(path):
    po = polib.pofile(str(path))
    assert checksum_matches(po, po.metadata["X-Alignment-Checksum"])
