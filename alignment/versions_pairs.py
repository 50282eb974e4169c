"""A version set and the pair POs beside it: which of them the set's rows must follow.

Why: corrections are made per pair, in the two-text reader, on the pair's PO (SET.fr-es.po);
the set's rows follow them when the set is opened. Which POs to join in used to be decided by
file times (a PO newer than SET.tmx), so a set rewritten after a correction (its title
changed by a script, `alignment align … --tmx SET.tmx`, a `cp -r` of the folder) hid the
corrections without a word. Now the decision reads the files' content: a PO whose pair differs
from the set's is joined in, and said; one that cannot be joined (its original is no longer
the set's, or it cannot be read) is said too, so nothing a person corrected is hidden
silently. `alignment check` reads a set's pair as the app shows it (`read_set_pair`); the
commands that read a set's TMX as it is are told where its corrections are (`corrections_note`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import AlignmentError
from .types import Bitext, Sentence, Version, VersionSet

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class PairPO:
    """What the pair PO of version k says against the set.

    kind: 'same' (nothing to join), 'joined' (its pair replaces the set's), 'apart' (it
    differs but cannot be joined: its original or its translation is another text than the
    set's, or it cannot be read), 'stray' (k = 0: a PO of the set's original named after
    another set or a version the set no longer has: versions_strays.py)."""

    k: int
    path: Path
    kind: Literal["same", "joined", "apart", "stray"]
    corrected: bool = False     # holds a person's corrections (po.edited_reason)
    differing: int = 0          # its links not found among the set's, for that pair
    links: int = 0              # its links in all
    why: str = ""               # 'apart': why it is not joined


def set_stem(set_path: PathLike) -> str:
    """SET for SET.tmx: the prefix of the pair POs' names (versions_io.pair_po_paths)."""
    text = os.fspath(set_path)
    return text[:-4] if text.lower().endswith(".tmx") else text


def pair_pos(texts: Sequence[Version], set_path: PathLike) -> dict[int, Path]:
    """Version k -> the PO of the pair (original, k) written beside the set, when it exists."""
    from .versions_io import pair_po_paths

    found = dict(enumerate(pair_po_paths(texts, set_stem(set_path)), 1))
    return {k: p for k, p in found.items() if p.is_file()}


def _link_texts(bitext: Bitext) -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """Each link as the texts it joins and its review mark: comparable across two files whose
    sentence numbers differ (a sentence split or edited in one of them)."""
    return [(tuple(bitext.src[i].text for i in link.src), tuple(bitext.tgt[j].text for j in link.tgt),
             link.reviewed) for link in bitext.alignment.links]


def compare_pair(vs: VersionSet, k: int, path: Path, pair: Bitext) -> PairPO:
    """How the PO `pair` (read from `path`) stands against the set's pair (original, k)."""
    from .po import edited_reason
    from .versions import pair_bitext

    if tuple(s.text for s in pair.src) != tuple(s.text for s in vs.texts[0].sentences):
        return PairPO(k, path, "apart", edited_reason(path) is not None,
                      len(pair.alignment.links), len(pair.alignment.links),
                      why=f"its original is not the set's {vs.texts[0].name}")
    differing = _links_changed(_link_texts(pair_bitext(vs, k)), _link_texts(pair))
    same_text = tuple(s.text for s in pair.tgt) == tuple(s.text for s in vs.texts[k].sentences)
    links = len(pair.alignment.links)
    if not same_text:
        shared, total = shared_sentences(pair.tgt, vs.texts[k].sentences)
        if 2 * shared < total:   # a set aligned again without one version: en2 is now en1
            return PairPO(k, path, "apart", edited_reason(path) is not None, links, links,
                          why=f"its translation is another text than the set's "
                              f"{vs.texts[k].name} (only {shared} of its {total} sentences "
                              f"{'is' if shared == 1 else 'are'} found there)")
    if not differing and same_text:
        return PairPO(k, path, "same", links=links)
    return PairPO(k, path, "joined", edited_reason(path) is not None, differing, links)


def shared_sentences(theirs: Sequence[Sentence], mine: Sequence[Sentence]) -> tuple[int, int]:
    """(sentences the two texts share in order, the longer text's count). Why: a pair PO
    matched by its original alone was joined into a column holding another translation (a
    set aligned again without en1: the old SET.ru-en1.po went into the new en1, once en2);
    a person's corrections change a few sentences, another translation nearly all."""
    from difflib import SequenceMatcher

    a, b = [s.text for s in theirs], [s.text for s in mine]
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks), max(len(a), len(b))


def _links_changed(theirs: Sequence[object], mine: Sequence[object]) -> int:
    """The PO's links that are not the set's, in text order: a link edited or made of two
    merged counts once (a count of links gone plus links new said "4 differ" of 2 edits and
    a merge); a place where the set's links are gone with none in their place (an added
    sentence deleted) counts once too, not zero."""
    from difflib import SequenceMatcher

    blocks = SequenceMatcher(None, theirs, mine, autojunk=False).get_opcodes()
    return sum(max(j2 - j1, 1) for tag, _, _, j1, j2 in blocks if tag != "equal")


def read_pairs_beside(vs: VersionSet, set_path: PathLike) -> tuple[list[PairPO], dict[int, Bitext]]:
    """Each pair PO beside the set compared with it, and the pairs to join in (version k ->
    the PO's Bitext). A PO that cannot be read is 'apart', with the reader's reason."""
    from .po import read_po

    states, joined = [], {}
    for k, path in pair_pos(vs.texts, set_path).items():
        try:
            pair = read_po(path)
        except AlignmentError as exc:
            states.append(PairPO(k, path, "apart", why=f"it cannot be read ({exc})"))
            continue
        state = compare_pair(vs, k, path, pair)
        states.append(state)
        if state.kind == "joined":
            joined[k] = pair
    return states, joined


def merged_set(vs: VersionSet, set_path: PathLike) -> tuple[VersionSet, list[PairPO]]:
    """The set as the app shows it: the pairs whose PO differs from the set joined in (their
    rows made again), and what each pair PO said (`describe` puts it in words)."""
    from .versions import with_pairs

    from .versions_strays import stray_pos

    states, joined = read_pairs_beside(vs, set_path)
    strays = stray_pos(vs, set_path)
    if joined:
        vs, _ = with_pairs(vs, joined)   # the originals were compared: every one joins
    return vs, states + strays


def describe(vs: VersionSet, states: Sequence[PairPO], set_path: PathLike) -> tuple[list[str], list[str]]:
    """(notes, warnings) in words: a pair shown as its PO has it, and a PO that could not be
    joined (its corrections are not in the columns: where to see them)."""
    from .versions_strays import strays_said

    name = Path(set_path).name
    notes, warnings = [], []
    for s in states:
        pair = f"{vs.texts[0].name}–{vs.texts[s.k].name}"
        if s.kind == "joined":
            differ = f"{s.differing} of its {s.links} links {'differs' if s.differing == 1 else 'differ'}"
            said = (f"the corrected {s.path.name}: {differ} from {name}'s" if s.corrected else
                    f"{s.path.name}, which holds no corrections but differs from {name} "
                    f"({differ})")
            notes.append(f"{pair}: rows joined again from {said}; {name}'s own rows: “Rows as "
                         f"in {name} alone” in the sidebar")
        elif s.kind == "apart":
            held = "holds corrections that are" if s.corrected else "is"
            warnings.append(f"{s.path.name} {held} not in these columns: {s.why}. Open it "
                            f"with “Correct or learn {pair}” to read it, or align the set "
                            f"again from its texts")
    return notes, warnings + strays_said([s for s in states if s.kind == "stray"])


def read_set_pair(path: PathLike, src: str | None = None,
                  tgt: str | None = None) -> tuple[Bitext, str] | None:
    """The pair of the set at `path` that -s/-t choose (import_set.chosen_texts) read as the
    app shows the set: the pair POs of those texts that differ from the set joined in
    (merged_set's rule), and one line for stderr naming them. None where `path` is no
    version set or no such PO differs: the set is then read as it is (import_pairs).

    Why: `alignment check SET.tmx -t en` reported an error corrected in the app (which saves
    into SET.ru-en.po, never into SET.tmx) and exited 1, a note on stderr its only hint, while
    the app's set showed the corrected row."""
    import hashlib

    from .errors import SetFormatError
    from .import_pairs import PAIRS_MAX_BYTES
    from .import_set import chosen_texts, pair_of_set
    from .read.files import read_input_bytes
    from .versions import with_pairs
    from .versions_io import parse_set_tmx, set_texts_in

    name = os.fspath(path)
    path = Path(path)
    if path.suffix.lower() != ".tmx" or not any(
            path.parent.glob(f"{glob_escape(path.stem)}.*-*.po")):
        return None   # no pair PO beside it: nothing to join
    data = read_input_bytes(path, limit=PAIRS_MAX_BYTES)
    texts = set_texts_in(data)
    if not texts:
        return None
    read = chosen_texts(texts, name, src, tgt)
    try:
        vs = parse_set_tmx(data, name)
    except (SetFormatError, ValueError):   # read then as import_pairs reads it
        return None
    states, joined = read_pairs_beside(vs, path)
    states = [s for s in states if s.k in read and s.kind != "same"]
    if not any(s.kind == "joined" for s in states):
        return None
    from .versions_strays import stray_pos
    states += stray_pos(vs, path)
    merged, _ = with_pairs(vs, {s.k: joined[s.k] for s in states if s.kind == "joined"})
    return pair_of_set(merged, *read, name, hashlib.sha256(data).hexdigest()), \
        read_said(states, path.name)


def read_said(states: Sequence[PairPO], name: str) -> str:
    """One line: the pair POs joined in (what read_set_pair read), and any left out."""
    def links(s: PairPO) -> str:
        return f"{s.differing} of its {s.links} links {'differs' if s.differing == 1 else 'differ'}"

    joined = [f"{'the corrections' if s.corrected else 'the changes'} saved beside it in "
              f"{s.path.name} ({links(s)} from {name}'s)" for s in states if s.kind == "joined"]
    apart = [f"; {s.path.name} is not read: {s.why}" for s in states
             if s.kind in ("apart", "stray")]
    return f"Note: read {name} as the app shows it, with {' and '.join(joined)}{''.join(apart)}"


def corrections_note(path: PathLike, tgt: str | None = None) -> str | None:
    """For a command that reads SET.tmx as it is (`alignment export SET.tmx -t es`): a line
    naming the pair POs beside it whose pairs differ from the set's (the app's corrections
    are saved there, not in the set), and how to read them; None when there are none, or
    when `path` is no version set. `tgt`: the language or name asked for, to name its PO only."""
    from .lang import primary
    from .versions_io import read_set_tmx
    from .versions_strays import stray_pos, strays_said

    path = Path(path)
    if not path.is_file() or not any(path.parent.glob("*.po")):
        return None   # no PO beside it: the set is not even read
    try:
        vs = read_set_tmx(path)
    except AlignmentError:
        return None
    states, _ = read_pairs_beside(vs, path)
    wanted = [s for s in states if s.kind != "same" and (
        tgt is None or tgt in (vs.texts[s.k].name, vs.texts[s.k].lang)
        or primary(tgt) == primary(vs.texts[s.k].lang))]
    strays = [f"Note: {said}" for said in strays_said(
        [s for s in wanted if s.kind == "apart"] + stray_pos(vs, path))]
    wanted = [s for s in wanted if s.kind == "joined"]
    if not wanted:
        return "\n".join(strays) or None
    files = ", ".join(s.path.name for s in wanted)
    one = wanted[0].path
    held = "corrections" if any(s.corrected for s in wanted) else "changes"
    return (f"Note: {files} beside {path.name} {'holds' if len(wanted) == 1 else 'hold'} {held} "
            f"that {path.name} lacks (the app saves corrections there, and shows them in the "
            f"set); read {'that file' if len(wanted) == 1 else 'those files'} for them, e.g. "
            f"alignment export {one} --tsv -") + "".join(f"\n{said}" for said in strays)


def glob_escape(text: str) -> str:
    """`text` matched literally by Path.glob ([, ] and the wildcards escaped)."""
    import re

    return re.sub(r"([\[\]*?])", r"[\1]", text)
