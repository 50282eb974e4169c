"""Defaults shared by the aligner and the modules that read its output.

Kept apart from align.py so that reading a PO or drawing the app's start page does not import
the aligner (numpy, scipy, numba: about 1.4 s at each server start) for one number.
"""

from __future__ import annotations

#: Links below this confidence are marked to review (PO fuzzy, the reader's amber rows).
DEFAULT_REVIEW_THRESHOLD = 0.9
