"""Work a rerun no longer repeats: the start page reads and hashes each draft's PO once, the
reader asks for the file's translator notes only when the text or the file changed, and reading
a text loads no proofreading checks; what each shows still follows the file on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from alignment import drafts
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink


def lock() -> Bitext:
    return Bitext((Sentence("L'écluse s'ouvre.", 0), Sentence("Le bateau passe.", 0)),
                  (Sentence("The lock opens.", 0), Sentence("The boat goes through.", 0)),
                  Alignment((Link((0,), (0,), 0.9), Link((1,), (1,), 0.8))), "fr", "en")


def with_words(bitext: Bitext) -> Bitext:
    first = replace(bitext.alignment.links[0], words=(WordLink(0, 0, 0.9),))
    return replace(bitext, alignment=replace(bitext.alignment,
                                             links=(first, *bitext.alignment.links[1:])))


def test_a_draft_s_po_is_hashed_once_a_rerun_and_a_change_on_disk_still_counts(tmp_path,
                                                                               monkeypatch):
    from alignment import po as po_module
    from views import start_drafts

    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "lock.po"
    po_module.write_po(lock(), path)
    drafts.write_draft(with_words(lock()), path, session="s1", changes=1, origin=lock(),
                       base_fingerprint=po_module.file_fingerprint(path))
    hashed = []
    real = po_module.file_fingerprint
    monkeypatch.setattr(po_module, "file_fingerprint", lambda p: hashed.append(p) or real(p))
    (draft,) = drafts.list_drafts()
    assert start_drafts._what_it_holds(draft) == ("words", 1, "")
    assert len(hashed) == 1   # it was read and hashed twice at every rerun of the start page
    po_module.save_po(with_words(lock()), path, expected_fingerprint=real(path),
                      mark_edited=False)   # another tab saved the word links: nothing left
    assert start_drafts._what_it_holds(draft) == ("same", 0, "")


def test_the_notes_follow_the_file_and_are_looked_up_once_per_version(tmp_path, monkeypatch):
    from alignment.po import file_fingerprint, write_po
    from views import notes
    from views.common import ss

    path = tmp_path / "lock.po"
    write_po(lock(), path)
    looked = []
    real = notes.file_notes
    monkeypatch.setattr(notes, "file_notes", lambda p, f: looked.append(f) or real(p, f))
    text = lock()
    ss.update(path=str(path), fingerprint=file_fingerprint(path), _memo={})
    assert [notes.link_notes(text) for _ in range(3)] == [{}] * 3
    assert len(looked) == 1   # not at every rerun
    po = path.read_text(encoding="utf-8")
    at = po.index('msgctxt "src 2 / tgt 2"')   # the second link
    path.write_text(po[:at] + "# Ask the skipper.\n" + po[at:], encoding="utf-8")
    ss.fingerprint = file_fingerprint(path)   # as a save or a reload sets it
    assert notes.link_notes(text) == {1: "Ask the skipper."}
    assert len(looked) == 2


READ_ONLY = """
import sys
from alignment import browse
from alignment.types import Alignment, Bitext, Link, Sentence
from views.common import ss
from views.reader import selection

text = Bitext((Sentence("Le quai.", 0),), (Sentence("The quay.", 0),),
              Alignment((Link((0,), (0,), 0.9),)), "fr", "en")
ss.update(_memo={})
hits, ids = selection(text, browse.Query("quai", "both", False, False), browse.Filters())
print(sorted(hits), ids, "alignment.checks" in sys.modules)
"""


def test_reading_a_text_loads_no_checks():
    """The reader's first run imported the proofreading checks (131 modules, a second on a
    slow machine) to read a level no filter asked for."""
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", READ_ONLY], cwd=root, env=env, text=True,
                         capture_output=True, timeout=300)
    assert out.stdout.split("\n")[-2:] == ["[0] (0,) False", ""], out.stderr[-2000:]
