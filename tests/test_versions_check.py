"""A version set checks each version as the pair's `align` checks its two texts: a version that
is the wrong file (another story) or given the wrong language is said, naming it, and the wrong
file no longer merges the other versions' rows (8 rows where the right version alone gave 16)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.embed import HashingEmbedder
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import align_versions, join, pair_alignment, pair_bitext, with_pairs

FR = ["Le matin, la ville dormait encore sous la pluie.",
      "Marie ouvrit la fenêtre et regarda la rue vide.",
      "Un chat noir traversait la place en courant.",
      "Elle pensa à son frère, parti depuis trois ans.",
      "Le café refroidissait sur la table de la cuisine.",
      "Une lettre attendait sur le buffet depuis mardi.",
      "Elle la lut deux fois sans comprendre.",
      "Puis elle mit son manteau et sortit dans la rue."]
EN = ["In the morning, the town was still asleep under the rain.",
      "Marie opened the window and looked at the empty street.",
      "A black cat was running across the square.",
      "She thought of her brother, gone for three years.",
      "The coffee was getting cold on the kitchen table.",
      "A letter had been waiting on the sideboard since Tuesday.",
      "She read it twice without understanding.",
      "Then she put on her coat and went out into the street."]
ES = ["Por la mañana, la ciudad aún dormía bajo la lluvia.",
      "Marie abrió la ventana y miró la calle vacía.",
      "Un gato negro cruzaba la plaza corriendo.",
      "Pensó en su hermano, que se había ido hacía tres años.",
      "El café se enfriaba en la mesa de la cocina.",
      "Una carta esperaba en el aparador desde el martes.",
      "La leyó dos veces sin entender.",
      "Luego se puso el abrigo y salió a la calle."]
OTHER = ["The mill stood at the end of the valley, beside a fast river.",
         "Its wheel had not turned for twenty years.",
         "The miller's grandson wanted to repair it before the winter.",
         "He spent the autumn cutting wood and mending the roof.",
         "The villagers laughed at him in the tavern.",
         "In December the first flour came out of the stones.",
         "Nobody laughed after that.",
         "His grandmother baked bread for the whole village."]
#: what align_versions warns of an unrelated version (kept in the set's TMX and its pair PO)
UNRELATED = ("es and the original fr do not read as a text and its translation: their links' "
             "sentences match at a median cosine of 0.21, where a translation gives 0.55 or "
             "more; check that these are the right two files (the same chapter, the same "
             "book). es spoils the set: leave it out (align the set again without it) or give "
             "the right file; the other versions' rows are kept as they are without it")


class CalibratedHashing(HashingEmbedder):
    """The tests' hashing embedder under the real encoder's name, so that the unrelated-texts
    check (calibrated on use-m3 alone) judges its cosines: a text lightly reworded matches
    its original, another story does not."""

    name = "use-m3"


def version(name: str, lang: str, lines: list[str]) -> Version:
    return Version(name, lang, tuple(Sentence(line) for line in lines))


def reworded(lines: list[str]) -> list[str]:
    """A 'translation' the hashing embedder reads as one: the same words, one changed."""
    return [line.replace("la", "une", 1) for line in lines]


def test_a_version_that_is_another_story_is_said_and_keeps_the_others_rows() -> None:
    fr, en, es = version("fr", "fr", FR), version("en", "en", reworded(FR)), \
        version("es", "es", OTHER)
    embedder = CalibratedHashing()
    alone = align_versions([fr, en], embedder=embedder)
    vs = align_versions([fr, en, es], embedder=embedder)
    assert vs.warnings[0] == ()
    (said,) = vs.warnings[1]
    assert said.startswith("es and the original fr do not read as a text and its translation: "
                           "their links' sentences match at a median cosine of ")
    assert "es spoils the set: leave it out (align the set again without it)" in said
    assert [row.cells[:2] for row in vs.rows] == [row.cells for row in alone.rows]


def test_translations_get_no_warning() -> None:
    texts = [version("fr", "fr", FR), version("en1", "en", reworded(FR)),
             version("en2", "en", [line.replace("a", "e", 1) for line in FR])]
    assert align_versions(texts, embedder=CalibratedHashing()).warnings == ((), ())


def links(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> Alignment:
    return Alignment(tuple(Link(s, t, 0.8) for s, t in pairs))


FR4 = version("fr", "fr", FR[:4])
EN4 = version("en", "en", EN[:4])
ES3 = version("es", "es", OTHER[:3])
ONE_TO_ONE = links(((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)))
MERGED = links(((0, 1, 2, 3), (0, 1, 2)))


@pytest.mark.parametrize("warned, cells", [
    # the unrelated version's one 4-3 link no longer makes the set one row: it is cut at the
    # other version's boundaries, its sentences shared in order
    ((UNRELATED,), [((0,), (0,), (0,)), ((1,), (1,), ()), ((2,), (2,), (1,)),
                    ((3,), (3,), (2,))]),
    ((), [((0, 1, 2, 3), (0, 1, 2, 3), (0, 1, 2))]),   # no warning: the join as it was
], ids=["unrelated", "translation"])
def test_the_join_cuts_an_unrelated_version_where_the_others_cut(warned, cells) -> None:
    es = Alignment(MERGED.links, warnings=warned)
    vs = join([FR4, EN4, ES3], [ONE_TO_ONE, es])
    assert [row.cells for row in vs.rows] == cells
    assert pair_alignment(vs, 1).links == ONE_TO_ONE.links
    assert [j for link in pair_alignment(vs, 2).links for j in link.tgt] == [0, 1, 2]


def test_every_version_unrelated_is_joined_as_it_is() -> None:
    """Nothing to cut by: the rows are the join of the pairs, as before."""
    unrelated = Alignment(MERGED.links, warnings=(UNRELATED,))
    vs = join([FR4, version("es1", "es", OTHER[:3]), version("es2", "es", OTHER[:3])],
              [unrelated, unrelated])
    assert [row.cells for row in vs.rows] == [((0, 1, 2, 3), (0, 1, 2), (0, 1, 2))]


def test_a_corrected_pair_joined_again_cuts_the_unrelated_version_too() -> None:
    """The app joins a pair's corrected PO into the set (with_pairs): a boundary the
    correction made cuts the unrelated version too, its warning read from the set."""
    en = links(((0,), (0,)), ((1,), (1,)), ((2, 3), (2, 3)))
    vs = join([FR4, EN4, ES3], [en, Alignment(MERGED.links, warnings=(UNRELATED,))])
    assert len(vs.rows) == 3
    corrected = pair_bitext(vs, 1)
    corrected = corrected.__class__(corrected.src, corrected.tgt, ONE_TO_ONE, "fr", "en")
    joined, notes = with_pairs(vs, {1: corrected})
    assert notes == ()
    assert [row.cells[0] for row in joined.rows] == [(0,), (1,), (2,), (3,)]


@pytest.mark.parametrize("given, said", [
    ("fr,en,es", None),
    ("fr,en,en", "roman.es.txt reads as es, not en as given with --langs: check the language "
                 "(aligned as given)"),
    ("fr,es,en", "roman.en.txt reads as en, not es as given with --langs; roman.es.txt reads "
                 "as es, not en as given with --langs: swapped? Check the order of the "
                 "languages (aligned as given)"),
], ids=["right", "es-given-as-en", "swapped"])
def test_a_language_given_against_the_text_is_said(tmp_path, given: str, said: str | None) -> None:
    paths = []
    for name, lines in (("roman.fr.txt", FR), ("roman.en.txt", EN), ("roman.es.txt", ES)):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(tmp_path / name))
    done = CliRunner().invoke(main, ["align", *paths, "--presplit", "--langs", given,
                                     "--embedder", "hashing", "-q", "-o",
                                     str(tmp_path / "set.tmx")])
    assert done.exit_code == 0, done.output
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == ([f"Warning: {said}"] if said else [])


def test_a_set_uploaded_in_the_app_keeps_the_warning_its_page_shows(tmp_path) -> None:
    """The app's "Align and compare" (workspace.align_uploaded_set) writes the set its page
    opens; the page lists the set's warnings per version ("mill: mill and the original ...")."""
    from alignment.versions_io import read_set_tmx
    from alignment.workspace import align_uploaded_set

    uploads = [(f"{name}.txt", (" ".join(lines) + "\n").encode()) for name, lines in
               (("roman", FR), ("story", reworded(FR)), ("mill", OTHER))]
    path = align_uploaded_set(uploads, ["fr", "en", "en"], embedder=CalibratedHashing(),
                              folder=tmp_path)
    vs = read_set_tmx(path)
    assert [t.name for t in vs.texts] == ["roman", "story", "mill"]
    assert vs.warnings[0] == ()
    assert len(vs.warnings[1]) == 1 and vs.warnings[1][0].startswith(
        "mill and the original roman do not read as a text and its translation")


FR_MORE = ["Le vent soufflait fort depuis la mer.", "Au coin de la rue, un marchand vendait "
           "des journaux.", "Elle en acheta un et chercha la page des annonces.",
           "Il pleuvait toujours quand elle arriva à la gare.", "Le train de dix heures était "
           "en retard.", "Elle s'assit sur un banc et relut la lettre."]
EN_MORE = ["The wind had been blowing hard from the sea.", "At the corner of the street, a man "
           "was selling newspapers.", "She bought one and looked for the page of "
           "advertisements.", "It was still raining when she reached the station.",
           "The ten o'clock train was late.", "She sat down on a bench and read the letter "
           "again."]
OTHER_MORE = ["In spring the river flooded the lower fields.", "The miller moved his sacks to "
              "the loft.", "Children came from the next village to watch the wheel.",
              "A painter asked to draw the old stones.", "The grandson married the baker's "
              "daughter in June.", "They still live in the house by the bridge."]


@pytest.mark.slow
def test_the_command_line_warns_of_the_wrong_file_among_the_versions(tmp_path) -> None:
    """The tester's case with the encoder: the right English, the wrong story as a second
    English: said, named, and the set has the rows of the right pair alone, not fewer."""
    paths = []
    for name, lines in (("roman.fr.txt", FR + FR_MORE), ("roman.en.txt", EN + EN_MORE),
                        ("mill.en.txt", OTHER + OTHER_MORE)):
        (tmp_path / name).write_text(" ".join(lines) + "\n", encoding="utf-8")
        paths.append(str(tmp_path / name))
    done = CliRunner().invoke(main, ["align", *paths, "--langs", "fr,en,en", "-o",
                                     str(tmp_path / "set.tmx")])
    assert done.exit_code == 0, done.output
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and warnings[0].startswith(
        "Warning: en2 and the original fr do not read as a text and its translation: their "
        "links' sentences match at a median cosine of ")
    assert "en2 spoils the set: leave it out" in warnings[0]
    assert f"{len(FR + FR_MORE)} rows; en1 · roman.en.txt: covers 100.0%, 0 rows omitted; " \
           f"en2 · mill.en.txt: does not read as a translation of fr (see the warning)" in done.stderr


@pytest.mark.parametrize("before, typed, now, expected", [
    ((), "", ("a", "b", "c"), "g0, g1, g2"),                                  # first upload: detected
    (("a", "b"), "ru, en-GB", ("a", "b", "c"), "ru, en-GB, g2"),              # a version added
    (("a", "b", "c"), "ru, en-GB, de", ("a", "c"), "ru, de"),                 # one taken away
    (("a", "b"), "ru, en-GB", ("x", "b"), "g0, en-GB"),                       # the original replaced
    (("a", "b"), "ru", ("a", "b", "c"), "g0, g1, g2"),                        # a box not one per text
    (("a", "b"), "ru, ", ("a", "b", "c"), "ru, g1, g2"),                      # a code left empty
])
def test_the_languages_box_keeps_what_it_gave_each_text(before, typed, now, expected) -> None:
    from alignment.versions_check import kept_languages

    assert kept_languages(before, typed, now, lambda k: f"g{k}") == expected
