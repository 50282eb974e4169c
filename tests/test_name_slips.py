"""Table tests of the names check on the proofreaders' report (round 43): a surname changed into
another after a first name the translation keeps ('Claudia Brenner' / 'Claudia Brunner') is a
name changed, with or without word vectors; a name's transliterations in other languages'
spellings ('Волги' / 'Wołgi', 'Chekhov' / 'Tschechow') are one name; a German compound of
listed words and a verb's stem ('Ausweichräumen') is no name."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.name_variants import variant_key
from tests.test_checks_fr import bitext, graded_evidence

FLOOD = ("Das Wasser stieg am Morgen.", "L'eau est montée le matin.")
LISBON = ("A água subiu de manhã.", "The water rose in the morning.")


def names(src: str, tgt: str, langs: tuple[str, str], cosines: dict[tuple[str, str], float] | None,
          level: str = "info", before: tuple[str, str] | None = None) -> list[tuple[str, str]]:
    """(severity, message) of the names check on a text's last link, at `level` or above;
    `cosines` None: no word vectors (`alignment check --no-words`)."""
    pairs = ([before] if before else []) + [(src, tgt)]
    evidence = graded_evidence(cosines) if cosines is not None else None
    found = at_level(run_checks(bitext(pairs, langs), only=["names"], evidence=evidence), level)
    return [(f.severity, f.message) for f in found if f.link == len(pairs) - 1]


DE_FR, PT_EN = ("de", "fr"), ("pt", "en")
CHANGED = [
    ("Oberbürgermeisterin Claudia Brenner sprach am Montagmorgen vor der Presse.",
     "La maire Claudia Brunner s'est exprimée lundi matin devant la presse.", DE_FR,
     {("Brenner", "Brunner"): 0.44}, "name 'Brenner' became 'Brunner'?"),
    ("Landwirt Josef Huber aus Freising verlor seine Ernte.", "L'agriculteur Josef Hofer, de Freising, a perdu sa récolte.",
     DE_FR, {("Huber", "Hofer"): 0.5}, "name 'Huber' became 'Hofer'?"),
    ("Landwirt Josef Huber aus Freising verlor seine Ernte.", "L'agriculteur Josef Schmidt, de Freising, a perdu sa récolte.",
     DE_FR, {("Huber", "Schmidt"): 0.46}, "name 'Huber' became 'Schmidt'?"),
    ("O homem chamava-se Tomás Ferreira e tinha setenta anos.", "The man's name was Tomás Pereira and he was seventy.",
     PT_EN, {("Ferreira", "Pereira"): 0.59}, "name 'Ferreira' became 'Pereira'?"),
    ("A diretora, uma senhora chamada Beatriz Lobo, recebeu-a.", "The director, a lady called Beatriz Lopes, welcomed her.",
     PT_EN, {("Lobo", "Lopes"): 0.33}, "name 'Lobo' became 'Lopes'?"),
    ("A diretora, uma senhora chamada Beatriz Lobo, recebeu-a.", "The director, a lady called Beatriz Silva, welcomed her.",
     PT_EN, {("Lobo", "Silva"): 0.33}, "name 'Lobo' became 'Silva'?"),
]


@pytest.mark.parametrize("words", [True, False], ids=["word vectors", "no word vectors"])
@pytest.mark.parametrize("src, tgt, langs, cosines, message", CHANGED)
def test_a_surname_changed_after_a_first_name_kept_is_a_warning(
        src: str, tgt: str, langs: tuple[str, str], cosines: dict[tuple[str, str], float], message: str,
        words: bool) -> None:
    before = FLOOD if langs == DE_FR else LISBON
    assert names(src, tgt, langs, cosines if words else None, before=before) == [("warning", message)]


@pytest.mark.parametrize("src, tgt, langs, cosines", [
    # the name kept, in another case, with its accents folded or written as German writes it out
    ("Oberbürgermeisterin Claudia Brenner sprach vor der Presse.", "La maire Claudia Brenner a parlé devant la presse.",
     DE_FR, {}),
    ("Claudia Brenners Rede war kurz.", "Le discours de Claudia Brenner était court.", DE_FR, {}),
    ("Der Bäcker Peter Müller lacht.", "The baker Peter Mueller laughs.", ("de", "en"), {}),
    ("O homem chamava-se Tomás Ferreira.", "The man's name was Tomas Ferreira.", PT_EN, {}),
    # a place's own name in the other language: no full name, at any level
    ("Die Stadt München zieht Bilanz.", "La ville de Munich dresse le bilan.", DE_FR, {("München", "Munich"): 0.9}),
    ("Ele mudou-se para Lisboa em maio.", "He moved to Lisbon in May.", PT_EN, {("Lisboa", "Lisbon"): 0.9}),
    ("Der Zug fuhr über Nürnberg nach Berlin.", "Le train est passé par Nuremberg pour aller à Berlin.", DE_FR,
     {("Nürnberg", "Nuremberg"): 0.9}),
    # the name transliterated as each language does; a name of two given names, one left out
    ("Anton Tschechow schrieb Erzählungen.", "Anton Chekhov wrote stories.", ("de", "en"), {}),
    ("Der Gipfel heißt Pik Pobeda.", "Le sommet s'appelle Pik Pobjeda.", DE_FR, {}),
    ("Johann Sebastian Bach spielte Orgel.", "Johann Bach jouait de l'orgue.", DE_FR, {}),
    # the second word translated, as the encoder reads it ('Hotel Krone' / 'Hôtel Couronne')
    ("Wir schliefen im Hotel Krone am See.", "Nous avons dormi à l'Hôtel Couronne au bord du lac.", DE_FR,
     {("Krone", "Couronne"): 0.8}),
])
def test_a_full_name_kept_or_a_place_translated_is_silent(src: str, tgt: str, langs: tuple[str, str],
                                                          cosines: dict[tuple[str, str], float]) -> None:
    assert names(src, tgt, langs, cosines) == []


def test_a_title_kept_before_a_name_changed_is_info() -> None:
    """A first word that is a common word of the original's language is a title ('Saint'), and
    the name after it may be translated ('Saint Jean' / 'Saint John', cosine 0.59)."""
    assert names("Il pria Saint Jean chaque soir.", "He prayed to Saint John every evening.", ("fr", "en"),
                 {("Jean", "John"): 0.59}) == [("info", "name 'Jean' became 'John'?")]


@pytest.mark.parametrize("src, tgt, langs, cosines", [
    ("Они с Анной гуляли по набережной Волги.", "Spacerowali z Anną nad brzegiem Wołgi.", ("ru", "pl"),
     {("Анной", "Anną"): 0.75, ("Волги", "Wołgi"): 0.43}),
    ("Они читали Чехова и Жукова.", "Czytali Czechowa i Żukowa.", ("ru", "pl"), {}),
    ("Они читали Шишкина.", "Sie lasen Schischkin.", ("ru", "de"), {}),
    ("Мы жили у Волги.", "Wir wohnten an der Wolga.", ("ru", "de"), {}),
])
def test_a_name_spelt_as_the_other_language_transliterates_is_the_name(
        src: str, tgt: str, langs: tuple[str, str], cosines: dict[tuple[str, str], float]) -> None:
    assert names(src, tgt, langs, cosines) == []


@pytest.mark.parametrize("a, b", [("Волги", "Wołgi"), ("Chekhov", "Tschechow"), ("Czechow", "Chekhov"),
                                  ("Жуков", "Żukow"), ("Юрий", "Jurij"), ("Шишкин", "Szyszkin"),
                                  ("Шишкин", "Schischkin"), ("Dostoevsky", "Dostojewski")])
def test_transliterations_share_a_variant_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize("a, b", [("Brenner", "Brunner"), ("Ferreira", "Pereira"), ("Волги", "Odry"),
                                  ("Weston", "Wilson"), ("Łucja", "Lucyna")])
def test_other_names_keep_their_own_variant_keys(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize("src, tgt, findings", [
    # a compound of a verb's stem and a listed noun, after 'in': a noun, not a place left out
    ("Der Unterricht soll danach in Ausweichräumen stattfinden.", "Les cours auront ensuite lieu dans des locaux.", []),
    ("Die Kinder lernen jetzt in Wohnheimen.", "Les enfants apprennent maintenant dans des foyers.", []),
    # a place no list knows, after 'in', left out: still a name with no counterpart
    ("Der Unterricht soll danach in Schwenningen stattfinden.", "Les cours auront ensuite lieu ailleurs.",
     [("info", "name 'Schwenningen' has no counterpart in the translation")]),
])
def test_a_german_compound_of_listed_words_is_no_name(src: str, tgt: str, findings: list[tuple[str, str]]) -> None:
    assert names(src, tgt, DE_FR, {}) == findings


@pytest.mark.parametrize("text, word, initial", [
    ("Ayer fui al mercado. ¿Sabíais que allí venden pan?", "Sabíais", True),
    ("Llegamos tarde. ¡Menuda sorpresa!", "Menuda", True),
    ("¿Dónde está Ana?", "Ana", False),
    ("Vimos a Ana. Luego fuimos a casa.", "Ana", False),
])
def test_a_word_opening_a_spanish_question_or_exclamation_opens_a_sentence(text, word, initial):
    """'¿Sabíais…?' after a full stop: a verb capitalised as a sentence's first word, read as
    a name with no counterpart (a modern Spanish blog)."""
    from alignment.name_words import _initial

    assert _initial(text, text.index(word), "es") is initial


@pytest.mark.parametrize("text, word, initial", [
    ("'s Avonds gaan we uit.", "Avonds", True),
    ("Hij zei: 's Avonds niet.", "Avonds", True),
    ("'t Is koud buiten.", "Is", True),
    ("Wij gaan 's Avonds uit.", "Avonds", False),
    ("Hij woont in 's-Hertogenbosch.", "Hertogenbosch", False),
])
def test_a_word_after_a_dutch_elided_opener_opens_the_sentence(text, word, initial):
    """"'s Avonds" ('in the evening') at a sentence's start: 'Avonds' was taken for a name with
    no counterpart once "'s" became a token of its own."""
    from alignment.name_words import _initial

    assert _initial(text, text.index(word), "nl") is initial
