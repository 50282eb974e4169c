"""The `align` and `corpus` commands, through click's CliRunner (hashing embedder: no model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.corpora import CORPORA_DIR
from alignment.embed import HashingEmbedder
from alignment.registry import EMBEDDERS
from test_corpora import DATA, closed_port_url, serve

FR_LINES = ["Le pont enjambe la Vire depuis 1702.", "Il compte sept arches.",
            "En 1910, une crue emporta une arche.", "La réparation coûta 38 000 francs."]
EN_LINES = ["The bridge has spanned the Vire since 1702.", "It has seven arches.",
            "In 1910, a flood swept away an arch.", "The repair cost 38,000 francs."]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def texts(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "bridge.fr.txt", tmp_path / "bridge.en.txt"
    src.write_text("\n".join(FR_LINES) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    return src, tgt


@pytest.fixture()
def corpora_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of corpora/ named by ALIGNMENT_CORPORA_DIR, so fetches stay in tmp."""
    root = tmp_path / "corpora"
    shutil.copytree(CORPORA_DIR, root, ignore=shutil.ignore_patterns("cache"))
    monkeypatch.setenv("ALIGNMENT_CORPORA_DIR", str(root))
    monkeypatch.delenv("ALIGNMENT_CORPORA_CACHE", raising=False)
    return root


def one_error_line(result) -> str:
    """The command failed the way users are promised: exit 1 and one line 'Error: ...'."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    assert not any("Traceback" in line for line in lines)
    return errors[0]


@pytest.mark.parametrize("args", [
    ["align", "-h"], ["corpus", "-h"], ["corpus", "list", "-h"], ["corpus", "fetch", "-h"],
    ["corpus", "build", "-h"], ["--help"],
])
def test_help_shows_an_example(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and "Example:" in result.output


# ---------------------------------------------------------------- align

def test_align_presplit_vecalign_to_stdout(runner, texts):
    result = runner.invoke(main, ["align", *map(str, texts), "--presplit", "-s", "fr", "-t", "en",
                                  "--format", "vecalign", "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    links = [line for line in result.stdout.splitlines() if line]
    assert all(":" in line and line.startswith("[") for line in links)
    src = [int(i) for line in links for i in line.split(":")[0].strip("[]").split(", ") if i]
    assert src == [0, 1, 2, 3]


def test_align_presplit_vecalign_to_file(runner, texts, tmp_path):
    out = tmp_path / "links.txt"
    result = runner.invoke(main, ["align", *map(str, texts), "--presplit", "--format",
                                  "vecalign", "--embedder", "hashing", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text().count("\n") >= 3 and out.read_text().startswith("[0")


def test_align_writes_po_and_exports(runner, texts, tmp_path):
    from alignment.po import read_po

    po, tsv = tmp_path / "pairs.po", tmp_path / "pairs.tsv"
    result = runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en", "-o", str(po),
                                  "--tsv", str(tsv), "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert "links" in result.stderr and "to review" in result.stderr
    bitext = read_po(po)
    assert [s.text for s in bitext.src] == FR_LINES and bitext.tgt_lang == "en"
    assert tsv.is_file() and "1702" in tsv.read_text(encoding="utf-8")


def test_align_one_section_of_each_text(runner, tmp_path):
    src, tgt = tmp_path / "fr.md", tmp_path / "en.md"
    src.write_text("# Avant\n\nÀ ne pas garder.\n\n# Pont\n\n" + " ".join(FR_LINES) + "\n",
                   encoding="utf-8")
    tgt.write_text("# Bridge\n\n" + " ".join(EN_LINES) + "\n\n# After\n\nNot kept.\n",
                   encoding="utf-8")
    out = tmp_path / "pairs.po"
    result = runner.invoke(main, ["align", str(src), str(tgt), "--src-section", "Pont",
                                  "--tgt-section", "Bridge", "-o", str(out),
                                  "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "1702" in text and "ne pas garder" not in text and "Not kept" not in text
    result = runner.invoke(main, ["align", str(src), str(tgt), "--src-section", "Nulle part",
                                  "-o", str(out), "--embedder", "hashing", "-q"])
    assert "Nulle part" in one_error_line(result)


def test_align_warns_about_a_language_the_encoder_does_not_know(runner, texts, monkeypatch):
    class KnowsFew(HashingEmbedder):
        languages = ("en", "fr")

    monkeypatch.setitem(EMBEDDERS._loaded, "hashing", KnowsFew)  # noqa: SLF001
    result = runner.invoke(main, ["align", *map(str, texts), "--presplit", "-s", "el", "-t", "en",
                                  "--format", "vecalign", "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.stderr and "el" in result.stderr
    assert result.stdout.startswith("[")


@pytest.mark.parametrize("extra, message", [
    (["--src-lang", "xx"], "unknown language code 'xx'"),
    (["--tgt-lang", "english"], "unknown language code 'english'"),
    ([], "nothing to write"),
])
def test_align_bad_options(runner, texts, extra, message):
    result = runner.invoke(main, ["align", *map(str, texts), "--embedder", "hashing", *extra])
    assert message in one_error_line(result)


@pytest.mark.parametrize("presplit", [[], ["--presplit", "--format", "vecalign"]])
def test_align_missing_file(runner, texts, tmp_path, presplit):
    result = runner.invoke(main, ["align", str(tmp_path / "nope.txt"), str(texts[1]),
                                  "--embedder", "hashing", "-o", str(tmp_path / "x.po"), *presplit])
    assert "nope.txt" in one_error_line(result)


@pytest.mark.parametrize("presplit", [[], ["--presplit", "--format", "vecalign"]])
def test_align_empty_file(runner, texts, tmp_path, presplit):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = runner.invoke(main, ["align", str(empty), str(texts[1]), "--embedder", "hashing",
                                  "-o", str(tmp_path / "x.po"), *presplit])
    assert "empty" in one_error_line(result)


def test_align_unwritable_output(runner, texts, tmp_path):
    result = runner.invoke(main, ["align", *map(str, texts), "--embedder", "hashing", "-q",
                                  "-o", str(tmp_path / "no" / "such" / "dir" / "pairs.po")])
    one_error_line(result)


# ---------------------------------------------------------------- corpus

def test_corpus_list_shows_each_side_state(runner, corpora_root):
    result = runner.invoke(main, ["corpus", "list"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()}
    assert "fr: bundled" in rows["sample"] and "en: bundled" in rows["sample"]
    assert "fr: missing" in rows["serge-1926"] and "en: bundled" in rows["serge-1926"]


def test_corpus_fetch_from_a_local_server_then_list_and_build(runner, corpora_root, monkeypatch,
                                                             tmp_path):
    with serve() as server:
        monkeypatch.setenv("ALIGNMENT_SERGE_1926_SRC_URL", server.url("/repression.htm"))
        result = runner.invoke(main, ["corpus", "fetch", "serge-1926"])
    assert result.exit_code == 0, result.output
    assert "Fetched serge-1926 src (fr)" in result.output and "sha256" in result.output
    assert "fr: cached" in runner.invoke(main, ["corpus", "list"]).output
    out = tmp_path / "serge.po"
    result = runner.invoke(main, ["corpus", "build", "serge-1926", "-o", str(out),
                                  "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "Wrote" in result.stderr


def test_corpus_fetch_with_a_file(runner, corpora_root):
    result = runner.invoke(main, ["corpus", "fetch", "serge-1926", "--file",
                                  str(DATA / "page-fixture.htm")])
    assert result.exit_code == 0, result.output
    assert (corpora_root / "serge-1926" / "cache" / "src.txt").is_file()


def test_corpus_fetch_offline_is_one_error_line(runner, corpora_root, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_SERGE_1926_SRC_URL", closed_port_url())
    line = one_error_line(runner.invoke(main, ["corpus", "fetch", "serge-1926", "--timeout", "2"]))
    assert "cannot connect" in line and "--file" in line


def test_corpus_fetch_nothing_to_fetch(runner, corpora_root):
    result = runner.invoke(main, ["corpus", "fetch", "sample"])
    assert result.exit_code == 0 and "nothing to fetch" in result.output


@pytest.mark.parametrize("args, message", [
    (["corpus", "build", "nope"], "unknown corpus 'nope'"),
    (["corpus", "fetch", "nope"], "unknown corpus 'nope'"),
    (["corpus", "build", "serge-1926"], "not fetched yet"),
    (["corpus", "fetch", "serge-1926", "--side", "de"], "no side 'de'"),
    (["corpus", "fetch", "serge-1926", "--file", "/no/such/page.htm"], "no such file"),
    (["corpus", "fetch", "serge-1926", "--side", "en", "--file", str(DATA / "page-fixture.htm")],
     "is bundled"),
])
def test_corpus_bad_input(runner, corpora_root, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*args, *(["--embedder", "hashing"] if "build" in args else [])])
    assert message in one_error_line(result)


def test_corpus_build_sample_default_output_name(runner, corpora_root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["corpus", "build", "sample", "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sample.po").is_file()
