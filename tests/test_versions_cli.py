"""`alignment align ORIGINAL VERSION VERSION...`: set TMX, PO per pair, TSV, Vecalign per pair."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.po import read_po
from alignment.versions_io import read_set_tmx

FR = ["Le matin, la ville dormait encore sous la pluie.",
      "Marie ouvrit la fenêtre et regarda la rue vide.",
      "Un chat noir traversait la place en courant.",
      "Elle pensa à son frère, parti depuis trois ans.",
      "Le café refroidissait sur la table de la cuisine."]
EN = ["In the morning, the town was still asleep under the rain.",
      "Marie opened the window and looked at the empty street.",
      "A black cat was running across the square.",
      "She thought of her brother, gone for three years.",
      "The coffee was getting cold on the kitchen table."]
ES = ["Por la mañana, la ciudad aún dormía bajo la lluvia.",
      "Marie abrió la ventana y miró la calle vacía.",
      "Un gato negro cruzaba la plaza corriendo.",
      "Pensó en su hermano, que se había ido hacía tres años.",
      "El café se enfriaba en la mesa de la cocina."]


@pytest.fixture
def texts(tmp_path):
    paths = []
    for name, lines in (("roman.fr.txt", FR), ("roman.en.txt", EN), ("roman.es.txt", ES)):
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_three_texts_write_a_set_a_po_per_pair_and_a_tsv(texts, tmp_path):
    out = tmp_path / "set.tmx"
    result = CliRunner().invoke(main, ["align", *texts, "--presplit", "--langs", "fr,en,es",
                                       "--embedder", "hashing", "-q", "-o", str(out),
                                       "--tsv", str(tmp_path / "set.tsv")])
    assert result.exit_code == 0, result.output
    vs = read_set_tmx(out)
    assert [t.name for t in vs.texts] == ["fr", "en", "es"]
    assert [r.cells for r in vs.rows] == [((i,), (i,), (i,)) for i in range(5)]
    assert read_po(tmp_path / "set.fr-es.po").tgt_lang == "es"
    assert (tmp_path / "set.fr-en.po").exists()
    assert (tmp_path / "set.tsv").read_text().splitlines()[0] == "fr\ten\tes"
    assert "5 rows" in result.output


def test_vecalign_file_per_pair_and_languages_detected(texts, tmp_path):
    result = CliRunner().invoke(main, ["align", *texts, "--presplit", "--embedder", "hashing",
                                       "-q", "--format", "vecalign", "-O", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["en-es.txt", "fr-en.txt", "fr-es.txt"]
    assert (tmp_path / "out" / "en-es.txt").read_text().splitlines()[:2] == ["[0]:[0]", "[1]:[1]"]


@pytest.mark.parametrize("extra, message", [
    (["--langs", "fr,en", "-o", "x.tmx"], "names 2 languages for 3 texts"),
    (["--langs", "fr,en,es", "-o", "x.po"], "name the -o file SET.tmx"),
    (["--langs", "fr,en,es", "--format", "vecalign"], "give -O DIR"),
    (["--langs", "fr,en,es"], "nothing to write"),
])
def test_set_errors_are_one_line(texts, extra, message):
    result = CliRunner().invoke(main, ["align", *texts, "--presplit", "--embedder", "hashing",
                                       *extra])
    assert result.exit_code == 1
    assert message in result.output and result.output.startswith("Error: ")


def test_two_texts_without_set_options_stay_a_pair(texts, tmp_path):
    result = CliRunner().invoke(main, ["align", texts[0], texts[1], "--presplit", "-s", "fr",
                                       "-t", "en", "--embedder", "hashing", "-q",
                                       "-o", str(tmp_path / "p.po")])
    assert result.exit_code == 0, result.output
    assert len(read_po(tmp_path / "p.po").alignment.links) == 5
