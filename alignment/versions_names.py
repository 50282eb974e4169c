"""What a set's texts are called: the app names uploaded versions after their files, in their
own script; every set keeps each text's file name in its TMX header, shown beside the name.

Why: the names were cut to ASCII, so 'Гарнетт.txt' and 'Набоков.txt' came out as 'en-1' and
'en-2' (the language, numbered), and 'Гарнетт (1923).txt' as '1923'. The command line names
versions by language (en1, en2, en3: `-t en2` reads them), where the app named the same
upload by file stem (en_close, en_free), and the files were stored nowhere: a scholar could
not tell which translation en2 was. Each text's file is now an `x-file:NAME` prop of the
header, and "en2 · en_free.txt" heads its column; a set written before has none and opens as
it did. Names still hold no space (the header's 'x-text' prop is "NAME LANG", `-t NAME`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .file_names import readable_filename

FILE_PROP = "x-file:"   # header prop type "x-file:NAME": the file that text was read from


def version_labels(file_names: Sequence[str], langs: Sequence[str] | None = None,
                   width: int = 24) -> tuple[str, ...]:
    """Column names for uploaded versions: each file's stem in its own script, without spaces
    (a set's names have none), short, numbered where two agree ('woods', 'story-1', 'story-2';
    'Гарнетт (1923)' -> 'Гарнетт_1923'); the text's language where no letter or digit is left.
    A person comparing translations knows them by their files, not as 'en1' and 'en2'."""
    langs = list(langs or [])
    stems = []
    for k, name in enumerate(file_names):
        default = (langs[k:k + 1] or ["text"])[0]
        stems.append(readable_filename(Path(name.replace("\\", "/")).stem, default)[:width]
                     .rstrip("._-") or default)
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if stems.count(stem) == 1 else f"{stem}-{seen[stem]}")
    return tuple(out)


def file_names(paths: Sequence[str]) -> tuple[str, ...]:
    """The file name of each text as a person gave it, without its folders."""
    return tuple(p.replace("\\", "/").rsplit("/", 1)[-1] for p in paths)


def files_of(props: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Text name -> its file, from a set header's props (none in a set written before)."""
    return {kind[len(FILE_PROP):]: values[0] for kind, values in props.items()
            if kind.startswith(FILE_PROP) and values and values[0]}


def named(name: str, files: Mapping[str, str]) -> str:
    """'en2 · en_free.txt': a text's name with its file; the name alone where the set keeps no
    file for it or the name is the file's stem ('Набоков' for 'Набоков.txt'; 'Гарнетт_1923' is
    shown with 'Гарнетт (1923).txt')."""
    file = files.get(name, "")
    if not file or Path(file).stem == name:
        return name
    return f"{name} · {file}"


def earlier_set(contents: Sequence[bytes], names: Sequence[str], langs: Sequence[str],
                labels: Sequence[str]) -> Path | None:
    """The set an earlier version of the app wrote for these uploads (named by a digest of
    their contents alone, its stem cut to ASCII), where its texts have the names these files
    give them now: such a set, corrections and all, reopens; one whose names came from other
    files or were cut to ASCII ('en-1') does not (the same texts under other names are
    another set)."""
    from .cache_root import found_earlier
    from .errors import AlignmentError
    from .versions_io import set_texts
    from .workspace import aligned_dir, digest_of, safe_filename

    digest = digest_of([*contents, ",".join(langs).encode()])
    stem = safe_filename(Path(names[0]).stem, "text")[:40]
    path = found_earlier(aligned_dir() / f"{stem}--{len(names) - 1}-versions-{digest[:8]}.tmx")
    try:
        return path if [n for n, _ in set_texts(path)] == list(labels) else None
    except AlignmentError:
        return None


def set_files(path: str | Path) -> dict[str, str]:
    """Text name -> its file, read from the header of the set at `path` alone; {} where it
    keeps none (written before) or cannot be read (its reading says why)."""
    from lxml import etree

    try:
        for _, header in etree.iterparse(str(path), events=("end",), tag="header",
                                         resolve_entities=False, no_network=True):
            props: dict[str, list[str]] = {}
            for prop in header.findall("prop"):
                props.setdefault(prop.get("type", ""), []).append(prop.text or "")
            return files_of(props)
    except (OSError, etree.XMLSyntaxError):
        return {}
    return {}
