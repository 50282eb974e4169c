"""Where files go: one cache root (ALIGNMENT_CACHE_DIR, else $XDG_CACHE_HOME/alignment, else
~/.cache/alignment) for everything the tool caches or keeps, the corpora of
ALIGNMENT_CORPORA_DIR for the app as for the CLI, and what was kept in the earlier places still
found. Also: `corpus build`'s refusal says what it refuses; Learn offers no "show" on an empty side.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from alignment import browse, drafts, reader_place, workspace
from alignment.browse import View
from alignment.corpora import (cache_dir, check_outputs_not_in_corpus, corpus_files, fetch_side,
                               list_corpora, load_corpus, side_path, side_state)
from alignment.embed import default_cache_dir
from alignment.errors import CorpusError
from alignment.types import Alignment, Bitext, Link, Sentence

DATA = Path(__file__).parent / "data" / "corpora"


@pytest.fixture()
def roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(ALIGNMENT_CACHE_DIR, $XDG_CACHE_HOME/alignment): the new root and the earlier one."""
    new, xdg = tmp_path / "cache", tmp_path / "xdg"
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(new))
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.delenv("ALIGNMENT_CORPORA_CACHE", raising=False)
    monkeypatch.delenv("ALIGNMENT_CORPORA_DIR", raising=False)
    return new, xdg / "alignment"


def _corpus(root: Path, cid: str = "web") -> Path:
    """A corpus whose French side is fetched, its English bundled."""
    folder = root / cid
    folder.mkdir(parents=True)
    en = "Preface.\n\nThe police are a trade.\n".encode("utf-8")
    (folder / "en.txt").write_bytes(en)
    (folder / "corpus.toml").write_text(
        f'id = "{cid}"\ntitle = "{cid}"\nlanguages = ["fr", "en"]\n\n[src]\nlang = "fr"\n'
        'url = "http://127.0.0.1:9/none.htm"\nsection = "INTRODUCTION"\nend = "mars 1925"\n\n'
        f'[tgt]\nlang = "en"\nfile = "en.txt"\nsha256 = "{hashlib.sha256(en).hexdigest()}"\n',
        encoding="utf-8")
    return folder


# ---------------------------------------------------------------- one root

PLACES = {
    "encodings": lambda: default_cache_dir(),
    "drafts": lambda: drafts.drafts_dir(),
    "aligned POs": lambda: workspace.aligned_dir(),
    "reading positions": lambda: reader_place.notes_path().parent,
    "a pair the app aligns": lambda: workspace.aligned_path("a.fr.txt", "a.en.txt", "0" * 16).parent,
}


@pytest.mark.parametrize("place", PLACES)
def test_everything_kept_lives_under_alignment_cache_dir(roots, place):
    new, _ = roots
    assert new in [PLACES[place](), *PLACES[place]().parents]


@pytest.mark.parametrize("place", PLACES)
def test_without_the_variable_everything_lives_under_the_xdg_cache(roots, monkeypatch, place):
    monkeypatch.delenv("ALIGNMENT_CACHE_DIR")
    _, xdg = roots
    assert xdg in [PLACES[place](), *PLACES[place]().parents]


def test_fetched_sides_go_to_the_cache_root_not_the_checkout(roots, tmp_path):
    new, _ = roots
    web = load_corpus("web", _corpus(tmp_path / "corpora").parent)
    result = fetch_side(web, "src", file=DATA / "page-fixture.htm")
    assert result.path == new / "corpora" / "web" / "src.txt"
    assert (new / "corpora" / "web" / "src.json").is_file()
    assert not (web.path / "cache").exists()
    assert side_state(web, web.src) == "cached"


def test_the_cli_cache_dir_option_places_the_fetched_side(roots, tmp_path):
    from click.testing import CliRunner

    from alignment.cli import main

    corpora = _corpus(tmp_path / "corpora").parent
    result = CliRunner().invoke(main, ["--cache-dir", str(tmp_path / "given"), "corpus",
                                       "--corpora", str(corpora), "fetch", "web", "--file",
                                       str(DATA / "page-fixture.htm")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "given" / "corpora" / "web" / "src.txt").is_file()


# ---------------------------------------------------------------- the earlier places still read

def test_a_side_fetched_into_the_corpus_folder_before_is_still_found(roots, tmp_path):
    folder = _corpus(tmp_path / "corpora")
    (folder / "cache").mkdir()
    (folder / "cache" / "src.txt").write_text("Préface.\n", encoding="utf-8")
    web = load_corpus("web", folder.parent)
    assert side_state(web, web.src) == "cached"
    assert side_path(web, web.src) == folder / "cache" / "src.txt"
    assert folder / "cache" / "src.txt" in corpus_files(web)
    assert cache_dir(web) / "src.txt" in corpus_files(web)


def test_drafts_kept_in_the_earlier_folder_are_still_offered(roots, tmp_path):
    new, earlier = roots
    bitext = _bitext([(1, 1)])
    po = tmp_path / "text.po"
    drafts.write_draft(bitext, po, base_fingerprint="f", changes=2, root=earlier / "drafts",
                       session="old")
    drafts.write_draft(bitext, po, base_fingerprint="f", changes=1, session="new")
    assert (new / "drafts").is_dir()
    assert sorted(d.changes for d in drafts.list_drafts()) == [1, 2]
    assert sorted(d.changes for d in drafts.drafts_of(po)) == [1, 2]


def test_a_reading_position_kept_in_the_earlier_folder_is_still_found(roots):
    new, earlier = roots
    reader_place.save_position("serge-1926", 41, 90, path=earlier / "reading.json")
    assert reader_place.load_position("serge-1926") == 41
    reader_place.save_position("sample", 3, 9)
    assert json.loads((new / "reading.json").read_text())["sample"]["link"] == 3
    assert reader_place.load_position("sample") == 3


def test_a_pair_aligned_before_opens_its_earlier_file(roots):
    new, earlier = roots
    first = workspace.aligned_path("conte.fr.txt", "conte.en.txt", "ab" * 8)
    assert first.parent == new / "aligned"
    old = earlier / "aligned" / first.name
    old.parent.mkdir(parents=True)
    old.write_text("corrected", encoding="utf-8")
    assert workspace.aligned_path("conte.fr.txt", "conte.en.txt", "ab" * 8) == old


def test_an_uploaded_po_kept_before_is_opened_again(roots, tmp_path):
    _, earlier = roots
    digest = "cd" * 32
    old = earlier / "aligned" / "uploaded" / f"job-{digest[:8]}.po"
    old.parent.mkdir(parents=True)
    old.write_text("corrected", encoding="utf-8")
    stored = tmp_path / "job.po"
    stored.write_text("fresh", encoding="utf-8")
    assert workspace.keep_upload(stored, digest) == old
    assert old.read_text(encoding="utf-8") == "corrected"


# ---------------------------------------------------------------- ALIGNMENT_CORPORA_DIR

def test_the_corpora_listed_by_default_follow_alignment_corpora_dir(roots, tmp_path,
                                                                    monkeypatch):
    folder = _corpus(tmp_path / "mine", "only-here")
    monkeypatch.setenv("ALIGNMENT_CORPORA_DIR", str(folder.parent))
    assert [c.id for c in list_corpora()] == ["only-here"]
    assert load_corpus("only-here").path == folder


# ---------------------------------------------------------------- issue 9: the refusal's words

@pytest.mark.parametrize("name", ["corpus.toml", "en.txt", "cache/src.txt"])
def test_the_refusal_names_what_is_refused_not_the_folder(roots, tmp_path, name):
    folder = _corpus(tmp_path / "corpora")
    (folder / "cache").mkdir()
    (folder / "cache" / "src.txt").write_text("Préface.\n", encoding="utf-8")
    web = load_corpus("web", folder.parent)
    with pytest.raises(CorpusError) as err:
        check_outputs_not_in_corpus(web, [("-o", folder / name)])
    message = str(err.value)
    assert "outside" not in message
    assert "choose another file (a new name: none of the corpus's manifest, README, texts or " \
           "fetched copies)" in message
    check_outputs_not_in_corpus(web, [("-o", folder / "x.po")])   # what it says: accepted


# ---------------------------------------------------------------- issue 11: Learn's "show"

def _bitext(spec: list[tuple[int, int]]) -> Bitext:
    links, s, t = [], 0, 0
    for ns, nt in spec:
        links.append(Link(tuple(range(s, s + ns)), tuple(range(t, t + nt)), 0.9))
        s, t = s + ns, t + nt
    return Bitext(tuple(Sentence(f"Phrase {i}.", 0) for i in range(s)),
                  tuple(Sentence(f"Sentence {i}.", 0) for i in range(t)),
                  Alignment(tuple(links)), "fr", "en", "test")


@pytest.mark.parametrize("hidden, link, shows", [
    ("tgt", 0, True),      # a 1-1: its translation to reveal
    ("tgt", 1, False),     # an omission (1-0): no translation
    ("src", 2, False),     # an addition (0-1): no original
    ("src", 1, True),      # the omission's original is there to reveal
])
def test_learn_offers_show_only_where_the_hidden_side_has_a_sentence(hidden, link, shows):
    row = browse.render_row(_bitext([(1, 1), (1, 0), (0, 1)]), link, View(hidden=hidden))
    cell = row.split(f'<td class="{hidden}')[1].split("</td>")[0]
    assert ("<summary>show</summary>" in cell) is shows
    assert ("<details" in cell) is shows
