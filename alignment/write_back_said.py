"""What writing corrections back into a CAT tool's file did, counted and said in words.

Part of the store stage, for write_back.py, the CLI's `export --corrected` and the app's
download of the corrected file, which say the same line. Why: a corrected copy goes back to a
CAT tool, and what the proofreader must check there (codes left out, locked or approved
segments reopened, protected text changed, review states kept) is only known while writing.
Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WriteBack:
    """What writing back did: segments whose translation was replaced, of those the ones
    whose formatting codes were left out, segments no link answered (left as they were), and
    of the replaced ones those the CAT tool had locked or approved (xliff_state.py)."""

    changed: int
    codes_dropped: int
    unmatched: int
    reopened: int = 0
    protected: int = 0    # of the replaced ones, those whose protected text (or its mark) changed
    to_review: int = 0    # of the replaced ones, those whose state still asks for review (kept)
    notes: int = 0        # units or rows whose notes were written (a table's note column, a unit's <note>s)
    notes_unwritten: int = 0   # notes with no place: a table with no note column, a unit's later segment


def describe(done: WriteBack) -> str:
    """What writing back did, in words, for the CLI and the app."""
    def n(k: int, what: str) -> str:
        return f"{k} {what}{'s' * (k != 1)}"
    notes = []
    if done.codes_dropped:
        notes.append(f"{done.codes_dropped} of them had formatting codes, left out now: check "
                     f"{'it' if done.codes_dropped == 1 else 'them'} in the CAT tool")
    if done.reopened:
        notes.append(f"{done.reopened} of them {'was' if done.reopened == 1 else 'were'} locked or "
                     "approved in the CAT tool, marked translated now: review "
                     f"{'it' if done.reopened == 1 else 'them'} there again")
    if done.protected:
        notes.append(f"{done.protected} of them changed text the CAT tool marks protected: "
                     f"check {'it' if done.protected == 1 else 'them'} there")
    if done.to_review:
        notes.append(f"{done.to_review} of them {'is' if done.to_review == 1 else 'are'} still marked "
                     "for review in the CAT tool, as before the correction")
    text = f"{n(done.changed, 'translation')} corrected" + (f" ({'; '.join(notes)})" if notes else "")
    if done.notes:
        text += f"; {n(done.notes, 'note')} written back"
    if done.notes_unwritten:
        text += (f"; {n(done.notes_unwritten, 'note')} not written, the file having no place for "
                 f"{'it' if done.notes_unwritten == 1 else 'them'} (a table with no comment column: a "
                 "third one, or one headed Comment; a segment after the first of its unit, whose "
                 "notes the first holds)")
    if done.unmatched:
        was = "it was" if done.unmatched == 1 else "they were"
        text += (f"; {n(done.unmatched, 'segment')} left as {was}"
                 " (their links were merged or split, or their original edited)")
    return text
