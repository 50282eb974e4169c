# Suggested addition to tests/test_write_back.py (goes with write_back.patch). Fails on the
# current write_back.py: read with -t en2 (or fr2), the write-back replaced en1 (or the ORIGINAL)
# with en2's text even with no correction made.
import pytest

from alignment.import_pairs import read_pairs
from alignment.versions_io import parse_set_tmx
from alignment.write_back import write_back
from tests.test_import_pairs import SAME_LANG, TWO_EN


@pytest.mark.parametrize("data, tgt, k", [(TWO_EN, "en1", 1), (TWO_EN, "en2", 2), (SAME_LANG, "fr2", 1)])
def test_a_sets_version_takes_its_corrections_and_no_other_text_changes(data, tgt, k):
    from dataclasses import replace

    bitext = read_pairs(data, "set.tmx", tgt_lang=tgt)
    assert write_back(data, "set.tmx", bitext)[1].changed == 0
    fixed = replace(bitext, tgt=(replace(bitext.tgt[0], text=bitext.tgt[0].text + " Yes."), *bitext.tgt[1:]))
    before, after = parse_set_tmx(data).texts, parse_set_tmx(write_back(data, "set.tmx", fixed)[0]).texts
    changed = [j for j, (a, b) in enumerate(zip(before, after)) if a.sentences != b.sentences]
    assert changed == [k]
