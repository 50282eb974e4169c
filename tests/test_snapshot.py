"""PO snapshots: a file opens from its JSON snapshot only while its bytes are unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from alignment import po, snapshot
from alignment.types import Alignment, Bitext, Link, Sentence, Signature
from test_po import bitexts


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "1")  # off elsewhere (conftest)
    return tmp_path / "cache" / "po-snapshots"


def _bitext() -> Bitext:
    src = (Sentence("Oui.", 0), Sentence("Le pont a 84 mètres.", 0), Sentence("Fin.", 1))
    tgt = (Sentence("Yes.", 0), Sentence("The bridge is 84 metres long.", 0))
    links = (Link((0,), (0,), 0.97), Link((1,), (1,), 0.5, reviewed=True), Link((2,), (), 0.4))
    sig = Signature("alignment", "0.1.0", "hashing", "1", (("max_side", "4"),))
    return Bitext(src, tgt, Alignment(links, sig, ("a warning",)), "fr", "en", "demo")


def test_written_file_opens_from_its_snapshot(tmp_path: Path, cache: Path) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    assert len(list(cache.glob("*.json"))) == 1
    assert po.read_po(path) == _bitext()


def test_snapshot_equals_a_fresh_parse(tmp_path: Path, cache: Path) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    from_snapshot = po.read_po(path)
    for f in cache.glob("*.json"):
        f.unlink()
    assert po.read_po(path) == from_snapshot  # parsed by polib this time


def test_an_edited_file_is_parsed_again(tmp_path: Path, cache: Path) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    text = path.read_text(encoding="utf-8").replace('msgstr "Yes."', 'msgstr "Yes indeed."')
    path.write_text(text, encoding="utf-8")
    assert po.read_po(path).tgt[0].text == "Yes indeed."
    assert po.edited_reason(path) is not None


def test_unedited_tool_output_is_replaceable_without_parsing(tmp_path: Path, cache: Path) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    assert po.edited_reason(path) is None
    po.write_po(_bitext(), path)  # no POConflict


def test_app_saves_stay_protected(tmp_path: Path, cache: Path) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    po.save_po(_bitext(), path, expected_fingerprint=po.file_fingerprint(path))
    assert po.edited_reason(path) is not None
    assert po.read_po(path) == _bitext()


@pytest.mark.parametrize("garbage", ["", "{", '{"format": 99}', '{"format": 1}'])
def test_a_broken_snapshot_is_ignored(tmp_path: Path, cache: Path, garbage: str) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    for f in cache.glob("*.json"):
        f.write_text(garbage, encoding="utf-8")
    assert po.read_po(path) == _bitext()


def test_unwritable_cache_does_not_fail_the_write(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "1")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(blocker))
    path = po.write_po(_bitext(), tmp_path / "a.po")
    assert po.read_po(path) == _bitext()


def test_pruning_keeps_the_newest(tmp_path: Path, cache: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "KEEP", 3)
    for k in range(5):
        b = _bitext()
        b = Bitext(b.src, b.tgt, b.alignment, b.src_lang, b.tgt_lang, f"c{k}")
        po.write_po(b, tmp_path / f"{k}.po")
    assert len(list(cache.glob("*.json"))) == 3


def test_an_edited_snapshot_is_discarded_with_a_warning(tmp_path: Path, cache: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    path = po.write_po(_bitext(), tmp_path / "a.po")
    (snap,) = cache.glob("*.json")
    snap.write_text(snap.read_text(encoding="utf-8").replace("Yes.", "No."), encoding="utf-8")
    with caplog.at_level("WARNING"):
        assert po.read_po(path) == _bitext()
    assert "does not match its file" in caplog.text
    assert po.edited_reason(path) is None  # checked again by parsing: still the tool's output


def test_a_snapshot_of_other_bytes_is_not_used(tmp_path: Path, cache: Path) -> None:
    first = po.write_po(_bitext(), tmp_path / "a.po")
    (snap,) = cache.glob("*.json")
    other = Bitext(_bitext().src, _bitext().tgt, _bitext().alignment, "fr", "en", "other")
    second = po.write_po(other, tmp_path / "b.po")
    (cache / snapshot._name(po.file_fingerprint(second))).write_bytes(snap.read_bytes())
    assert po.read_po(second).corpus_id == "other" and po.read_po(first) == _bitext()


def test_a_snapshot_made_by_other_reading_rules_is_not_used(tmp_path: Path, cache: Path) -> None:
    """A snapshot is named by the rules that read its PO (snapshot.READS): one the reader that
    dropped version 2's word links made kept them dropped once that reader was mended."""
    from alignment.word_tokens import TOKENS_VERSION

    assert snapshot.READS.startswith(f"t{TOKENS_VERSION}")
    path = po.write_po(_bitext(), tmp_path / "a.po")
    (snap,) = cache.glob("*.json")
    snap.unlink()
    fingerprint = po.file_fingerprint(path)
    stale = Bitext(_bitext().src, _bitext().tgt, _bitext().alignment, "fr", "en", "stale")
    (cache / f"{fingerprint}.json").write_text(   # as the rules before READS named it
        snapshot._encode(stale, str(path), fingerprint), encoding="utf-8")
    assert po.read_po(path) == _bitext()


def test_snapshots_can_be_turned_off(tmp_path: Path, cache: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "0")
    path = po.write_po(_bitext(), tmp_path / "a.po")
    assert not cache.exists() and po.read_po(path) == _bitext()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bitext=bitexts())
def test_property_snapshot_read_equals_parsed_read(tmp_path: Path, cache: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   bitext: Bitext) -> None:
    path = po.write_po(bitext, tmp_path / "prop.po", overwrite_edited=True)
    assert snapshot.load_snapshot(po.file_fingerprint(path)) is not None
    from_snapshot = po.read_po(path)
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "0")
    try:
        assert po.read_po(path) == from_snapshot == bitext
    finally:
        monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "1")
