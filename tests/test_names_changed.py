"""Table tests of the names check on names changed into other names, in languages the check
was not tuned on (issue 12, the tester's es/it/pt/tr/fr/pl-en texts): a name changed at a
sentence's start, after a title, or into a name the encoder puts close is found; a name's own
translation, a title and a declined name's other cases are not."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.checks import at_level, run_checks
from alignment.name_words import find_names, name_contexts
from tests.test_checks_fr import bitext, graded_evidence, with_word_links


def names(pairs: list[tuple[str, str]], langs: tuple[str, str], cosines: dict[tuple[str, str], float],
          linked: set[tuple[str, str]] = frozenset(), level: str = "warning") -> list[str]:
    """The names check's messages on the last link, at `level` or above."""
    b = with_word_links(bitext(pairs, langs), set(linked)) if linked else bitext(pairs, langs)
    found = at_level(run_checks(b, only=["names"], evidence=graded_evidence(cosines)), level)
    return [f.message for f in found if f.link == len(pairs) - 1]


INIGO = [("El niño se llama Íñigo.", "The boy is called Íñigo."),
         ("¡Vamos, Íñigo, que llegamos tarde!", "Come on, Íñigo, we are late!")]
GIACOMO = [("Ieri Giacomo è tornato a Firenze.", "Ayer Giacomo volvió a Florencia."),
           ("Il fratello di Giacomo ride.", "El hermano de Giacomo se ríe.")]


@pytest.mark.parametrize("before, src, tgt, langs, cosines, finding", [
    # the other name opens the translation's sentence: a first word the word list lacks
    (INIGO, "Íñigo tiene ocho años.", "Diego is eight years old.", ("es", "en"),
     {("Íñigo", "Diego"): 0.47}, "name 'Íñigo' became 'Diego'?"),
    (GIACOMO, "Giacomo lavora all'università.", "Giovanni trabaja en la universidad.", ("it", "es"),
     {("Giacomo", "Giovanni"): 0.69}, "name 'Giacomo' became 'Giovanni'?"),
    # the name kept, or a common word opening the sentence: silent
    (INIGO, "Íñigo tiene ocho años.", "Íñigo is eight years old.", ("es", "en"), {}, None),
    (INIGO, "Íñigo tiene ocho años.", "Yesterday he was eight years old.", ("es", "en"), {}, None),
])
def test_a_name_changed_at_the_start_of_the_sentence(before: list[tuple[str, str]], src: str, tgt: str,
                                                     langs: tuple[str, str], cosines: dict[tuple[str, str], float],
                                                     finding: str | None) -> None:
    assert names(before + [(src, tgt)], langs, cosines) == ([finding] if finding else [])


@pytest.mark.parametrize("src, tgt, langs, cosines, finding", [
    # after a title whose stop ends no sentence, the surname is a name ('Mrs. Martin')
    ("Madame Dupont habite à Paris.", "Mrs. Martin lives in Paris.", ("fr", "en"),
     {("Madame", "Mrs"): 0.79, ("Dupont", "Martin"): 0.33}, "name 'Dupont' became 'Martin'?"),
    ("La Sra. García vive en Madrid con su hijo.", "Mrs. Gomez lives in Madrid with her son.", ("es", "en"),
     {("Sra", "Mrs"): 0.8, ("García", "Gomez"): 0.43}, "name 'García' became 'Gomez'?"),
    ("Madame Dupont habite à Paris.", "Mrs. Dupont lives in Paris.", ("fr", "en"),
     {("Madame", "Mrs"): 0.79}, None),
])
def test_a_name_changed_after_a_title(src: str, tgt: str, langs: tuple[str, str],
                                      cosines: dict[tuple[str, str], float], finding: str | None) -> None:
    assert names([(src, tgt)], langs, cosines) == ([finding] if finding else [])


@pytest.mark.parametrize("src, tgt, langs", [
    # a title with its stop is no name, at any level ('Sra' had 'no counterpart')
    ("La Sra. García vive en Madrid.", "Mrs. García lives in Madrid.", ("es", "en")),
    ("Il Sig. Rossi ha pagato 47 euro.", "Mr. Rossi paid 47 euros.", ("it", "en")),
    ("El Sr. Peña trabaja mucho.", "Mr. Peña works a lot.", ("es", "en")),
])
def test_a_title_is_no_name(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert names([(src, tgt)], langs, {}, level="info") == []


@pytest.mark.parametrize("text, lang, title", [
    # a form of address alone, spelt out, in a text that never writes it in lower case: in
    # LIMSI's Alice 'Madame' became 'Zealand' ('Pardon, Madame, est-ce ici la Nouvelle-Zemble')
    ("Pardon, Madame, est-ce ici l'Australie ?", "fr", "Madame"),
    ("Bonjour, Monsieur, dit Alice.", "fr", "Monsieur"),
    ("Perdone, Señora, ¿es esto Sevilla?", "es", "Señora"),
    ("Grazie, Signorina, disse Paolo.", "it", "Signorina"),
])
def test_a_form_of_address_alone_is_no_name(text: str, lang: str, title: str) -> None:
    b = bitext([(text, "-")], (lang, "en"))
    found = [n[0] for n in find_names(text, name_contexts(b)["src"], CheckConfig())]
    assert title not in found


SON = ("O filho dela, o Tiago, vai ajudá-la.", "Her son, {}, is going to help her.")
BORN = ("Işıl, Ankara'da doğmuş.", "Işıl was born in {}.")


@pytest.mark.parametrize("src, tgt, langs, pair, finding", [
    # a word link joins the name to another name the encoder puts close (unknown names all
    # stand near one another): no counterpart (info; a warning where they look alike)
    (SON[0], SON[1].format("Diogo"), ("pt", "en"), ("Tiago", "Diogo", 0.57),
     "name 'Tiago' has no counterpart in the translation"),
    (BORN[0], BORN[1].format("Antalya"), ("tr", "en"), ("Ankara", "Antalya", 0.56), "name 'Ankara' became 'Antalya'?"),
    ("Vive en Madrid desde hace años.", "She has lived in Barcelona for years.", ("es", "en"),
     ("Madrid", "Barcelona", 0.58), "name 'Madrid' has no counterpart in the translation"),
    # the name's own translation, spelt otherwise, stands closer: silent
    (SON[0], SON[1].format("Tiago"), ("pt", "en"), ("Tiago", "Tiago", 1.0), None),
    ("Le roi Guillaume partit.", "King William left.", ("fr", "en"), ("Guillaume", "William", 0.66), None),
    ("Il vit en Allemagne depuis des années.", "He has lived in Germany for years.", ("fr", "en"),
     ("Allemagne", "Germany", 0.96), None),
    ("Le boulanger s'appelait Pierre et il avait deux fils.", "The baker was called Peter and he had two sons.",
     ("fr", "en"), ("Pierre", "Peter", 0.63), None),
    ("Nous partons à Noël.", "We leave at Christmas.", ("fr", "en"), ("Noël", "Christmas", 0.91), None),
])
def test_a_name_linked_to_another_name(src: str, tgt: str, langs: tuple[str, str],
                                       pair: tuple[str, str, float], finding: str | None) -> None:
    cosines = {pair[:2]: pair[2]}
    linked = {pair[:2], (pair[0] + "'", pair[1])}   # a Turkish token keeps the apostrophe: "Ankara'"
    assert names([(src, tgt)], langs, cosines, linked=linked, level="info") == ([finding] if finding else [])


PAWEL = [("Łucja i Paweł mieszkają w Krakowie.", "Łucja and Paweł live in Kraków.")]   # 'Paweł' is a name


@pytest.mark.parametrize("src, tgt, pair, finding", [
    # a Polish name in another case than the translation's ('Pawłowi' dative, 'Pawła' genitive)
    ("Łucja kupiła Pawłowi książkę.", "Łucja bought Paweł a book.", ("Pawłowi", "Paweł", 0.61), None),
    ("Matka Pawła, pani Zofia, gotuje.", "Paweł's mother, Mrs. Zofia, cooks.", ("Pawła", "Paweł's", 0.8), None),
    ("Ojciec Pawła przynosi wino.", "Paweł's father brings wine.", ("Pawła", "Paweł's", 0.8), None),
    # another name still is one
    ("Jego siostra, Łucja, mieszka w Gdańsku.", "His sister, Lucyna, lives in Gdańsk.", ("Łucja", "Lucyna", 0.41),
     "name 'Łucja' became 'Lucyna'?"),
    ("Łucja kupiła Pawłowi książkę.", "Łucja bought Piotr a book.", ("Pawłowi", "Piotr", 0.45),
     "name 'Pawłowi' became 'Piotr'?"),
])
def test_a_declined_name_is_the_name(src: str, tgt: str, pair: tuple[str, str, float], finding: str | None) -> None:
    cosines = {pair[:2]: pair[2], ("Gdańsku", "Gdańsk"): 0.9}
    assert names(PAWEL + [(src, tgt)], ("pl", "en"), cosines, linked={pair[:2]}) == ([finding] if finding else [])
