"""Single line breaks in plain text, decided block by block: a poem, dialogue lines or a
list keep their lines, in a file written a paragraph a line as in a hard-wrapped one, and
hard-wrapped prose is joined back as before."""

from __future__ import annotations

import textwrap

import pytest

from alignment.read import read_text
from alignment.segment import segment

PROSE = ("Anna woont in Utrecht, in een klein huis aan de Oudegracht. Ze heeft een oude, rode "
         "fiets. Elke ochtend fietst ze naar haar werk bij de bibliotheek, vier kilometer verderop.")
MORE = ("Die avond ging Anna naar de buren. Mevrouw De Vries had appeltaart gebakken, en ze "
        "praatten lang over de stad, over het weer en over de boeken die ze graag lazen.")
POEM = ["De gracht is stil, de nacht is zacht,", "een fiets staat tegen de brug;",
        "wie lang genoeg op iemand wacht,", "komt altijd bij zichzelf terug."]
DIALOGUE = ["Haar buurman stond in zijn deuropening. „Heb je een probleem?” vroeg hij.",
            "„Mijn band is lek,” antwoordde Anna.",
            "„Dat maak ik wel even voor je,” zei hij."]


def _story(*blocks: list[str]) -> str:
    """A file written a paragraph a line, each given block between two long paragraphs."""
    return "De fiets van Anna\n\n" + "".join(f"{PROSE}\n\n" + "\n".join(b) + "\n\n" for b in blocks) + MORE


@pytest.mark.parametrize("block", [
    POEM,
    ["Il mare non ha fretta,", "non conta i giorni né le ore;", "torna ogni sera alla riva",
     "come torna a casa il cuore."],
    DIALOGUE,
    ["— Posso sedermi qui? — domandò il ragazzo.", "— Certo, — disse Lucia.", "— Mi chiamo Marco."],
    ["Ze neemt altijd iets mee:", "- bloemen", "- koekjes", "- een boek"],
], ids=["poem", "poem-running-on", "quoted-dialogue", "dash-dialogue", "list"])
def test_a_block_broken_by_hand_keeps_its_lines(block: list[str]) -> None:
    doc = read_text(_story(block))
    assert list(doc.paragraphs) == ["De fiets van Anna", PROSE, *block, MORE]


def test_a_poem_and_dialogue_in_one_file_both_keep_their_lines() -> None:
    doc = read_text(_story(DIALOGUE, POEM))
    assert list(doc.paragraphs) == ["De fiets van Anna", PROSE, *DIALOGUE, PROSE, *POEM, MORE]


def test_a_poem_does_not_keep_a_hand_wrapped_block_from_being_joined() -> None:
    wrapped = ["Dit is een zin die ik met de hand", "over twee regels heb verdeeld."]
    doc = read_text(_story(POEM, wrapped))
    assert list(doc.paragraphs) == ["De fiets van Anna", PROSE, *POEM, PROSE,
                                    "Dit is een zin die ik met de hand over twee regels heb verdeeld.",
                                    MORE]


def test_kept_poem_lines_are_sentences_of_their_own() -> None:
    sentences = [s.text for s in segment(read_text(_story(DIALOGUE, POEM)), "nl")]
    assert all(line in sentences for line in POEM + DIALOGUE[1:])


NOVEL = [
    "It was late in the autumn when the old ferryman first spoke to me of the island, and I "
    "remember that the fog had come down so thickly over the river that we could hardly see "
    "the lantern at the bow.",
    "“You will not find it on any map,” he said, without turning his head, “and you will not "
    "find anyone in the village who admits to having been there.”",
    "“Then how do you know it exists?” I asked him.",
    "He laughed at that, quietly, and pulled on the oars for a good while. Nobody answered him "
    "from the bank, and the fog closed in again behind us.",
    "“Because I was born there,” he said at last, rubbing his hands together, “and because my "
    "mother is buried there.”",
]
VERSE = ["    The river keeps no count of years,", "      It carries all it takes;",
         "    And who goes down into the fog", "      Comes back when morning breaks."]


@pytest.mark.parametrize("width", [60, 72, 78])
def test_hard_wrapped_novel_is_joined_back(width: int) -> None:
    text = "\n\n".join(textwrap.fill(p, width) for p in NOVEL)
    if width == 72:  # a wrapped line may end a sentence, and a block hold two
        assert "while.\nNobody" in text
    assert list(read_text(text).paragraphs) == NOVEL


@pytest.mark.parametrize("width", [60, 72, 78])
def test_verse_in_a_hard_wrapped_novel_keeps_its_lines(width: int) -> None:
    wrapped = [textwrap.fill(p, width) for p in NOVEL]
    text = "\n\n".join([*wrapped[:3], "\n".join(VERSE), *wrapped[3:]])
    assert list(read_text(text).paragraphs) == [*NOVEL[:3], *(v.strip() for v in VERSE), *NOVEL[3:]]
