"""Names of the files the start page lists (alignment.kept, named by alignment.workspace): in
their own script. '茶馆.txt' + '茶馆（英文）.txt' and '図書館.txt' + '図書館（英語）.txt' were both
listed as 'text ↔ text', an uploaded '茶馆_校对.po' as 'po'."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment import workspace
from alignment.kept import kept_files
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    (tmp_path / "tmp").mkdir()   # where an upload is written first
    return tmp_path


def a_pair() -> Bitext:
    return Bitext((Sentence("一。"),), (Sentence("One."),), Alignment((Link((0,), (0,), 0.9),)), "zh", "en")


PAIRS = [
    ("茶馆.txt", "茶馆（英文）.txt", "茶馆 ↔ 茶馆_英文"),
    ("図書館.txt", "図書館（英語）.txt", "図書館 ↔ 図書館_英語"),
    ("القاهرة.txt", "Cairo.txt", "القاهرة ↔ Cairo"),
    ("Москва.md", "Moscou.md", "Москва ↔ Moscou"),
    ("Traducción de Ana.txt", "../Préface «1926».txt", "Traducción_de_Ana ↔ Préface_1926"),
    ("हिन्दी.txt", "Hindi.txt", "हिन्दी ↔ Hindi"),                # marks stay with their letters
    ("Chapitre 1.txt", "chapter1.md", "Chapitre_1 ↔ chapter1"),  # as before
    ("？.txt", "（）.txt", "text ↔ text"),                         # no letter at all
]


@pytest.mark.parametrize("src, tgt, label", PAIRS, ids=[p[2] for p in PAIRS])
def test_a_pair_is_listed_by_its_file_names(cache: Path, src: str, tgt: str, label: str) -> None:
    path = workspace.aligned_path(src, tgt, "0123456789abcdef")
    write_po(a_pair(), path)
    assert [k.label for k in kept_files()] == [label]
    assert path.name.endswith("-01234567.po")


@pytest.mark.parametrize("name, label", [
    ("茶馆_校对.po", "茶馆_校对"), ("C:\\Users\\me\\Проверка.po", "Проверка"), ("notes.po", "notes"),
])
def test_an_uploaded_po_is_listed_by_its_name(cache: Path, name: str, label: str) -> None:
    write_po(a_pair(), cache / "upload.po")
    kept = workspace.keep_po_upload(name, (cache / "upload.po").read_bytes(), cache / "tmp")
    assert [(k.label, k.kind) for k in kept_files()] == [(label, "upload")]
    assert workspace.keep_po_upload(name, (cache / "upload.po").read_bytes(), cache / "tmp") == kept


def test_an_uploaded_table_is_listed_by_its_name(cache: Path) -> None:
    workspace.keep_pairs_upload("茶馆.tsv", "zh\ten\n一。\tOne.\n".encode(), cache / "tmp")
    assert [k.label for k in kept_files()] == ["茶馆"]


def test_a_file_kept_under_its_ascii_name_before_is_found_again(cache: Path) -> None:
    """Its corrections are there: the same texts open it, not a new file."""
    old = workspace.aligned_dir() / "text--text-01234567.po"
    write_po(a_pair(), old)
    assert workspace.aligned_path("茶馆.txt", "茶馆（英文）.txt", "0123456789abcdef") == old
    write_po(a_pair(), cache / "upload.po")
    data = (cache / "upload.po").read_bytes()
    import hashlib
    kept = workspace.aligned_dir() / "uploaded" / f"po-{hashlib.sha256(data).hexdigest()[:8]}.po"
    write_po(a_pair(), kept)
    assert workspace.keep_po_upload("茶馆_校对.po", data, cache / "tmp") == kept


@pytest.mark.parametrize("name, expected", [
    ("茶馆（英文）.txt", "茶馆_英文_.txt"),
    ('a/b\\c:d*e?f"g<h>i|j.txt', "c_d_e_f_g_h_i_j.txt"),
    ("..hidden. ", "hidden"),
    ("CON.po", "_CON.po"), ("lpt1", "_lpt1"), ("console.po", "console.po"),
    ("\x00\x1f", "upload"),
    ("e\u0301te\u0301.txt", "été.txt"),                          # NFC: one letter, not two
    ("茶" * 50, "茶" * 33),                                       # 100 bytes at most, whole characters
])
def test_readable_filename(name: str, expected: str) -> None:
    from alignment.file_names import readable_filename

    got = readable_filename(name)
    assert got == expected
    assert len(got.encode("utf-8")) <= 100 and not set('/\\:*?"<>|') & set(got)
