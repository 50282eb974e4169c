"""The app's start page and the PO reader stay light: they import the aligner's threshold from
alignment/defaults.py, not alignment/align.py (numpy, scipy and numba, about 1.4 s at each
server start, for one number), and the word model (numba) only when word links are made."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
import {module}
heavy = ('alignment.align', 'alignment.word_model', 'numba', 'scipy')
loaded = sorted(m for m in sys.modules if m in heavy)
assert not loaded, loaded
"""


@pytest.mark.parametrize("module", ["alignment.browse", "alignment.po_read", "alignment.po"])
def test_reading_a_po_or_browsing_does_not_import_the_aligner(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", CHECK.format(module=module)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_aligner_still_offers_its_threshold() -> None:
    from alignment import align, defaults

    assert align.DEFAULT_REVIEW_THRESHOLD == defaults.DEFAULT_REVIEW_THRESHOLD == 0.9
