"""Whether the XLIFF or TMX file given as --original is the one the pairs were imported from.

Part of the store stage, before write_back.py. Why: `alignment export job.po --corrected
back.xlf --original other.xlf` wrote a PO imported from a translation memory into another
job's XLIFF, "1 translation corrected", wherever two segments shared an original: corrections
landed in a file they were never made for, without a word. import_pairs.py records in the
PO's signature the file's name and, since this check, the SHA-256 of its bytes. A file with
those bytes is the one, whatever its name (a renamed copy, the app's kept copy); any other is
refused, one of the recorded name too: saved again since (the client's newer translations) or
another job's file of the same name ('chapter.docx.xlf'), its targets that differ from the PO
were replaced by the PO's, the proofreader's corrections or not. Pairs
not imported (aligned here) record no file, and are written into any file, as before.
Standard library only.
"""

from __future__ import annotations

import hashlib

from .errors import InputError
from .types import Signature


def check_original(signature: Signature, pairs: str, original: str, data: bytes) -> None:
    """Refuse (InputError, one line) `original` (its bytes `data`) as the file to write the
    pairs read from `pairs` back into, where their signature names another file."""
    if signature.aligner != "import":
        return
    recorded = dict(signature.params)
    name, digest = recorded.get("file"), recorded.get("sha256")
    if not name or (digest and hashlib.sha256(data).hexdigest() == digest):
        return
    same_name = original.replace("\\", "/").rsplit("/", 1)[-1] == name
    if digest and same_name:
        raise InputError(f"{original} is not {name} as {pairs} was imported from it (its contents "
                         f"differ: saved again since, or another job's file of that name); the "
                         f"corrections would replace what changed there: give the file as it "
                         f"was imported, or import this one again and make them there")
    if same_name:
        return
    if digest:
        raise InputError(f"{original} is not the file {pairs} was imported from ({name}: another "
                         f"name and other contents); give that file as --original")
    raise InputError(f"{original} is not the file {pairs} was imported from ({name}); give that "
                     f"file as --original, under that name")
