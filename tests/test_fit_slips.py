"""benchmarks/fit_slips.py --by-book: each book's candidates are scored by a model fitted on the
other books only, so its false alarms are counted on text the model never saw."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import fit_slips  # noqa: E402
from alignment.slip_model import FEATURES  # noqa: E402


def _window(books: list[str], flip: dict[str, bool]) -> dict:
    """One link per book, eight candidates each; feature 1 says slip in one book, the
    opposite in the other (`flip`), every other feature is noise-free zero."""
    xs, ys, where = [], [], []
    for i, book in enumerate(books):
        for n in range(8):
            x = np.zeros(len(FEATURES))
            x[0], x[1] = 1.0, float(n % 2)
            xs.append(x)
            ys.append(float(bool(n % 2) != flip[book]))
            where.append((i, n))
    return dict(x=np.array(xs), y=np.array(ys), where=where, rules=set(), slips=[], clean=[],
                books=books)


def test_a_book_is_scored_by_the_model_of_the_other_books(capsys) -> None:
    flip = {"A": False, "B": True}
    win = _window(["A", "B"], flip)
    args = argparse.Namespace(trees=None, ridge=1.0, report="0", floor=0.5)
    probs = fit_slips.by_book([win, win], [win], args, [0.5])
    book_of = np.array([win["books"][i] for i, _ in win["where"]])
    says_slip = win["x"][:, 1] == 1.0
    # in book A feature 1 marks the slips, but A is scored by B's model, where it marks the clean
    assert (probs[0][(book_of == "A") & says_slip] < 0.5).all()
    assert (probs[0][(book_of == "A") & ~says_slip] > 0.5).all()
    assert (probs[0][(book_of == "B") & says_slip] > 0.5).all()
    assert "by book (logistic fitted on the other books)" in capsys.readouterr().out
