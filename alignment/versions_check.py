"""What the pair's `align` checks of its two texts, checked of each version of a set.

Part of the align stage for sets (versions.py joins the pairs). Why: a set with the wrong file
for one version (another story, another chapter) or a version given the wrong language said
nothing, though the same two files aligned as a pair warn: the set aligns each pair through
the engine but skipped the pair's checks. Worse, the join keeps a row boundary only where every
pair cuts the original, and an unrelated version's links (many-to-many, as its sentences fit
nowhere) removed half the boundaries of the others: 8 rows where the right version alone gave
16. So an unrelated version is said, its warning marked (UNRELATED_MARK, kept with the set's
warnings in its TMX and its pair PO), and the join cuts its links where the other versions cut
(`split_links`) rather than merging their rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .types import Alignment, Bitext, Link, Version

#: in the warning of a version that does not read as a translation of the original: the join
#: reads its rows from the others' links (found again in a set or pair PO read back)
UNRELATED_MARK = "spoils the set"


def unrelated_version_warning(original: Version, version: Version, alignment: Alignment,
                              embedder: Any) -> str | None:
    """The pair's unrelated-texts warning (unrelated.py) for the pair (original, `version`),
    naming the version and saying to leave it out of the set; None when it reads as a
    translation (or the encoder cannot tell)."""
    from .unrelated import unrelated_warning

    pair = Bitext(original.sentences, version.sentences, alignment, original.lang, version.lang)
    found = unrelated_warning(pair, embedder)
    if found is None:
        return None
    named = found.replace("the two texts", f"{version.name} and the original {original.name}", 1)
    return (f"{named}. {version.name} {UNRELATED_MARK}: leave it out (align the set again "
            f"without it) or give the right file; the other versions' rows are kept as they "
            f"are without it")


def is_unrelated(warnings: Sequence[str]) -> bool:
    """Does a version's warnings say it does not read as a translation of the original?"""
    return any(UNRELATED_MARK in w for w in warnings)


def split_links(links: Sequence[Link], cuts: set[int]) -> tuple[Link, ...]:
    """`links` (original -> version, covering the original in order) cut at every boundary
    of the original in `cuts`, the version's sentences shared among the pieces in order, in
    proportion to the original's; each piece keeps its link's confidence.

    Why: only for a version that does not read as a translation, whose links say nothing of
    where its sentences belong; cut at the other versions' boundaries, it no longer merges
    their rows."""
    out: list[Link] = []
    start = 0
    for link in links:
        end = start + len(link.src)
        inner = sorted(c for c in cuts if start < c < end)
        if not inner:
            out.append(link)
            start = end
            continue
        bounds = [start, *inner, end]
        n_src, n_tgt = len(link.src), len(link.tgt)
        # version sentence j sits at (j + 0.5) / n_tgt of the link's original span
        at = [start + (j + 0.5) * n_src / n_tgt for j in range(n_tgt)]
        for lo, hi in zip(bounds, bounds[1:]):
            src = link.src[lo - start:hi - start]
            tgt = tuple(t for t, p in zip(link.tgt, at) if lo <= p < hi)
            out.append(Link(src, tgt, link.confidence))
        start = end
    return tuple(out)


def language_warning(names: Sequence[str], found: Sequence[str | None], given: Sequence[str],
                     where: str, after: str = "") -> str | None:
    """One line for the texts whose sure detection (lang.sure_language: `found`) contradicts
    the language given for them, as the pair's `align` says of -s and -t: 'story.en.txt reads
    as en, not es as given with --langs: check the language' (`where`: 'as given with --langs';
    `after`: what follows); 'swapped?' for two texts given each other's languages."""
    from .lang import contradicts, primary

    out = [(name, f, lang) for name, f, lang in zip(names, found, given)
           if lang and contradicts(f, lang)]
    if not out:
        return None
    swapped = len(out) == 2 and out[0][1] == primary(out[1][2]) and out[1][1] == primary(out[0][2])
    ask = "swapped? Check the order of the languages" if swapped else "check the language"
    return "; ".join(f"{name} reads as {f}, not {lang} {where}" for name, f, lang in out) + \
        f": {ask}{after}"


def language_notes(texts: Sequence[Version], files: Sequence[str],
                   found: Sequence[str | None]) -> list[tuple[str, ...]]:
    """Per text (original first), the line kept with the set where its sure detection
    (`found`) contradicts the language it was aligned in: with_read_warnings' shape, so the
    original's goes with the first version's (the set keeps warnings per version) and the
    set's page and TMX (x-warning) say it whenever it is opened.

    Why: the wrong language was said once (the CLI's stderr, the app's box before Align)
    and gone from the set: reopened, a text split by another language's rules said nothing."""
    from .lang import contradicts

    out: list[tuple[str, ...]] = []
    for k, (text, file, sure) in enumerate(zip(texts, files, found)):
        if not contradicts(sure, text.lang):
            out.append(())
            continue
        who = f"The original, {text.name} ({file})," if k == 0 else f"{text.name} ({file})"
        out.append((f"{who} reads as {sure}, not {text.lang} as given: it was split into "
                    f"sentences and compared as {text.lang}; align the set again with its "
                    f"language",))
    return out


def same_text_warnings(texts: Sequence[Version], files: Mapping[str, str] | None = None) -> list[str]:
    """One line per group of versions holding the same sentences ("en1 (en_close.txt) and en3
    (copy.txt) are the same text: ..."). Why: the same translation added twice was aligned
    as two without a word, and a scholar read their agreement as two translators'."""
    from .versions_names import named

    groups: dict[tuple[str, ...], list[str]] = {}
    for text in texts[1:]:
        groups.setdefault(tuple(s.text for s in text.sentences), []).append(text.name)
    files = files or {}
    out = []
    for names in (g for g in groups.values() if len(g) > 1):
        said = [n if named(n, files) == n else f"{n} ({files[n]})" for n in names]
        both = f"{', '.join(said[:-1])} and {said[-1]}"
        out.append(f"{both} are the same text: the same translation given twice? Remove one "
                   f"of them and align again (they are compared as given)")
    return out


def kept_languages(before: Sequence[str], typed: str, files: Sequence[str],
                   guess: Callable[[int], str]) -> str:
    """The languages box anew when the uploaded texts change: each text that was there keeps
    the language the box gave it (typed or detected: `before`, the texts' ids then, and
    `typed`, the box's value), a new text gets `guess(k)` (k: its place in `files`, the ids
    now). Why: every change detected all the languages again, so the codes a person had typed
    were replaced as soon as another version came in (a set was then refused for a '?')."""
    said = [code.strip() for code in typed.split(",")]
    had = dict(zip(before, said)) if len(said) == len(before) else {}
    return ", ".join(had.get(f) or guess(k) for k, f in enumerate(files))
