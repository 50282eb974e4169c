"""The encoder's weights kept unpacked (use_weights.py): read back exact, rebuilt when damaged."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest

from alignment.embed import UseEmbedder
from alignment.embed_cache import CacheWarning
from alignment.use_tokenizer import resource_path
from alignment.use_weights import _inflate, copies_written, load_weights, unpacked_path

PACKED = resource_path("weights.npz")
VERSION = "0.2.1"


@pytest.fixture(scope="module")
def shipped() -> dict[str, np.ndarray]:
    return _inflate(PACKED)


def _same(got: dict[str, np.ndarray], want: dict[str, np.ndarray]) -> None:
    assert got.keys() == want.keys()
    for k in want:
        assert got[k].dtype == want[k].dtype and np.array_equal(got[k], want[k]), k


def test_the_table_interleaves_the_shipped_chunks(shipped) -> None:
    with np.load(PACKED) as z:
        q1, q17 = z["q1"], z["q17"]
    np.testing.assert_array_equal(shipped["table"][0::17], q1)
    np.testing.assert_array_equal(shipped["table"][16::17], q17)
    assert not any(k[:1] == "q" and k[1:].isdigit() for k in shipped)


@pytest.mark.parametrize("threads", [1, 3])
def test_the_chunks_inflate_alike_in_any_number_of_threads(shipped, threads) -> None:
    _same(_inflate(PACKED, threads=threads), shipped)


def test_a_run_that_ends_at_once_leaves_the_copy_whole(tmp_path, shipped) -> None:
    """The copy is written in the background; a process that exits right after loading the
    weights waits for it, and leaves the copy whole, with no temporary file beside it."""
    import subprocess
    import sys

    code = ("import sys; from alignment.use_weights import load_weights; "
            "load_weights(sys.argv[1], __import__('pathlib').Path(sys.argv[2]), sys.argv[3])")
    subprocess.run([sys.executable, "-c", code, str(PACKED), str(tmp_path), VERSION], check=True)
    copy = unpacked_path(PACKED, tmp_path, VERSION)
    assert [p.name for p in tmp_path.iterdir()] == [copy.name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # read as sound: no warning, no unpacking again
        _same(load_weights(PACKED, tmp_path, VERSION), shipped)


def test_first_load_writes_the_copy_and_the_next_reads_it(tmp_path, shipped) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = load_weights(PACKED, tmp_path, VERSION)
        copies_written()
        copy = unpacked_path(PACKED, tmp_path, VERSION)
        assert copy.is_file()
        with zipfile.ZipFile(copy) as z:   # stored, so reading it inflates nothing
            assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
        again = load_weights(PACKED, tmp_path, VERSION)
    _same(first, shipped)
    _same(again, shipped)
    assert [p.name for p in tmp_path.iterdir()] == [copy.name]   # no temporary file left


def _flip_byte_in_table(path) -> None:
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("table.npy")
    data = bytearray(path.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + 4096] ^= 0x40
    path.write_bytes(bytes(data))


def _truncate(path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _other_arrays(path) -> None:
    np.savez(path, table=np.zeros((3, 512), np.uint8))


def _table_of_another_shape(path) -> None:
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["table"] = arrays["table"][:-1]
    np.savez(path, **arrays)


@pytest.fixture(scope="module")
def sound_copy(tmp_path_factory) -> Path:
    """An unpacked copy written once for the module (each test damages its own duplicate)."""
    folder = tmp_path_factory.mktemp("weights")
    load_weights(PACKED, folder, VERSION)
    copies_written()
    return unpacked_path(PACKED, folder, VERSION)


@pytest.mark.parametrize("damage", [_flip_byte_in_table, _truncate, _other_arrays,
                                    _table_of_another_shape])
def test_a_damaged_copy_is_never_read_as_weights(tmp_path, shipped, sound_copy, damage) -> None:
    copy = unpacked_path(PACKED, tmp_path, VERSION)
    shutil.copyfile(sound_copy, copy)
    damage(copy)
    with pytest.warns(CacheWarning, match="damaged.*unpacking them again"):
        got = load_weights(PACKED, tmp_path, VERSION)
    _same(got, shipped)
    copies_written()
    with warnings.catch_warnings():   # rewritten: the next start reads it quietly
        warnings.simplefilter("error")
        _same(load_weights(PACKED, tmp_path, VERSION), shipped)


def test_a_folder_that_cannot_take_the_copy_only_costs_speed(tmp_path, shipped) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _same(load_weights(PACKED, blocked, VERSION), shipped)
        _same(load_weights(PACKED, None, VERSION), shipped)
        copies_written()
    assert blocked.read_text() == "not a folder"


def test_the_encoder_gives_the_same_vectors_from_the_copy(tmp_path, monkeypatch) -> None:
    texts = ["Le chat dort sur le tapis.", "The cat sleeps on the mat.", "猫が寝ている。"]
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "inflated"))
    (tmp_path / "inflated").write_text("blocks the copy")
    inflated = UseEmbedder().embed(texts)
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "home"))
    UseEmbedder().embed(["Writes the copy."])
    copies_written()
    assert unpacked_path(PACKED, tmp_path / "home", VERSION).is_file()
    np.testing.assert_array_equal(UseEmbedder().embed(texts), inflated)
