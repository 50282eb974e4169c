"""`alignment import SET.tmx -t en2` writes the set's own pair: its review flags and fuzzy
marks too (it wrote every link at confidence 1.0, "0 to review"). Needs the hook of
/tmp/s40/fd2/import_pairs_hook.patch (read_pairs -> import_set.set_bitext)."""

from __future__ import annotations

from click.testing import CliRunner

from alignment.cli import main
from alignment.import_pairs import read_pairs
from alignment.po import read_po
from tests.test_import_set_pairs import FR, roman


def test_read_pairs_rebuilds_a_sets_pair_with_its_sentences_and_confidences():
    bitext = read_pairs(roman(), "roman.tmx", tgt_lang="en2")
    assert [s.text for s in bitext.src] == list(FR)
    assert [(l.confidence, l.reviewed) for l in bitext.alignment.links] == \
        [(0.41, False), (0.52, True), (0.95, False)]


def test_import_of_a_sets_version_marks_its_doubtful_links_fuzzy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roman.tmx").write_bytes(roman())
    done = CliRunner().invoke(main, ["import", "roman.tmx", "-t", "en2", "-o", "r2.po"])
    assert done.exit_code == 0, done.output
    assert "2 to review" in done.stderr
    po = (tmp_path / "r2.po").read_text(encoding="utf-8")
    assert po.count("#, fuzzy") == 1   # 0.41; 0.52 is reviewed, 0.95 sure
    assert [l.reviewed for l in read_po(tmp_path / "r2.po").alignment.links] == [False, True, False]
