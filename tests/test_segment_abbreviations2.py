"""Sentence cuts after abbreviations that a re-tester still found wrong after the first round
(tests/test_segment_abbreviations.py): German streets, telephone numbers and firms; titles in
Portuguese, Spanish, Italian and Turkish; references before a number in Polish, Portuguese,
Turkish and Dutch. Beside each, a sentence that ends after the same word (a ship, a unit, a
verb, a name) and must still be cut."""

from __future__ import annotations

import pytest

from alignment.segment import split_sentences

GOES_ON = [
    # German: the street rule, a house number that is no ordinal, 'Tel.', '& Co. KG'
    ("de", "Er wohnt in der Hauptstr. 5 in Berlin. Das ist schön.",
     ["Er wohnt in der Hauptstr. 5 in Berlin.", "Das ist schön."]),
    ("de", "Er wohnt in der Bahnhofstr. 12a. Gut.", ["Er wohnt in der Bahnhofstr. 12a.", "Gut."]),
    ("de", "Er wohnt in der Berliner Str. 5 hier. Gut.", ["Er wohnt in der Berliner Str. 5 hier.", "Gut."]),
    ("de", "Er wohnt in der Goethe-Str. 7 hier. Gut.", ["Er wohnt in der Goethe-Str. 7 hier.", "Gut."]),
    ("de", "Er wohnt in der Goethestr. 7. Schön.", ["Er wohnt in der Goethestr. 7.", "Schön."]),
    ("de", "Ruf an unter Tel. 030 12345. Wir sind da.", ["Ruf an unter Tel. 030 12345.", "Wir sind da."]),
    ("de", "Die Firma heißt Müller GmbH & Co. KG. Sie ist alt.",
     ["Die Firma heißt Müller GmbH & Co. KG.", "Sie ist alt."]),
    # Portuguese
    ("pt", "Mora na Av. Paulista, 1000. Bem.", ["Mora na Av. Paulista, 1000.", "Bem."]),
    ("pt", "O Eng. Silva chegou. Bem.", ["O Eng. Silva chegou.", "Bem."]),
    ("pt", "O Exmo. Sr. Silva chegou. Bem.", ["O Exmo. Sr. Silva chegou.", "Bem."]),
    ("pt", "A Profa. Lima chegou. Bem.", ["A Profa. Lima chegou.", "Bem."]),
    ("pt", "O Pe. António chegou. Bem.", ["O Pe. António chegou.", "Bem."]),
    ("pt", "O Gen. Silva chegou. Bem.", ["O Gen. Silva chegou.", "Bem."]),
    ("pt", "Custa aprox. 5 reais. Bem.", ["Custa aprox. 5 reais.", "Bem."]),
    # Spanish
    ("es", "Vive en la Pza. Mayor 3. Bien.", ["Vive en la Pza. Mayor 3.", "Bien."]),
    ("es", "El Gral. Prim murió. Bien.", ["El Gral. Prim murió.", "Bien."]),
    ("es", "Lo publicó la Ed. Planeta. Bien.", ["Lo publicó la Ed. Planeta.", "Bien."]),
    ("es", "Madrid: Ed. Cátedra, 1990. Bien.", ["Madrid: Ed. Cátedra, 1990.", "Bien."]),
    # Italian
    ("it", "Abita in v. Roma 5. Bene.", ["Abita in v. Roma 5.", "Bene."]),
    ("it", "Lo disse il gen. Cadorna. Poi.", ["Lo disse il gen. Cadorna.", "Poi."]),
    ("it", "L'arch. Piano è qui. Bene.", ["L'arch. Piano è qui.", "Bene."]),
    ("it", "Il cav. Rossi è qui. Bene.", ["Il cav. Rossi è qui.", "Bene."]),
    # Polish
    ("pl", "Mieszka przy os. Tysiąclecia 5. Dobrze.", ["Mieszka przy os. Tysiąclecia 5.", "Dobrze."]),
    ("pl", "Str. 12 jest ważna. Dobrze.", ["Str. 12 jest ważna.", "Dobrze."]),
    ("pl", "Zob. rys. 3 wyżej. Dobrze.", ["Zob. rys. 3 wyżej.", "Dobrze."]),
    ("pl", "Gen. bryg. Nowak przyszedł. Dobrze.", ["Gen. bryg. Nowak przyszedł.", "Dobrze."]),
    # Turkish
    ("tr", "Sn. Ahmet Yılmaz geldi. İyi.", ["Sn. Ahmet Yılmaz geldi.", "İyi."]),
    ("tr", "Hz. Ömer geldi. İyi.", ["Hz. Ömer geldi.", "İyi."]),
    ("tr", "Öğr. Gör. Ayşe geldi. İyi.", ["Öğr. Gör. Ayşe geldi.", "İyi."]),
    ("tr", "Arş. Gör. Ali geldi. İyi.", ["Arş. Gör. Ali geldi.", "İyi."]),
    ("tr", "Ankara Cd. No: 5 burada. İyi.", ["Ankara Cd. No: 5 burada.", "İyi."]),
    ("tr", "Bkz. s. 12 burada. İyi.", ["Bkz. s. 12 burada.", "İyi."]),
    # Dutch
    ("nl", "Het kost ong. 5 euro. Ja.", ["Het kost ong. 5 euro.", "Ja."]),
    ("nl", "Zie pag. 12 hierboven. Ja.", ["Zie pag. 12 hierboven.", "Ja."]),
    ("nl", "Zie art. 5 van de wet. Ja.", ["Zie art. 5 van de wet.", "Ja."]),
    ("nl", "Hij woont op nr. 12 in Delft. Ja.", ["Hij woont op nr. 12 in Delft.", "Ja."]),
    ("de", "Er wohnt in Nr. 12 am Markt. Ja.", ["Er wohnt in Nr. 12 am Markt.", "Ja."]),
    # Italian 'n.' and 'nr.' (numero) before a number
    ("it", "Abitava in via Roma n. 12 a Milano. Bene.", ["Abitava in via Roma n. 12 a Milano.", "Bene."]),
    ("it", "Abitava al nr. 5 di via Po. Bene.", ["Abitava al nr. 5 di via Po.", "Bene."]),
]

# The same words where they end a sentence
ENDS = [
    ("de", "Er wohnt in der Hauptstr. Das ist schön.", ["Er wohnt in der Hauptstr.", "Das ist schön."]),
    ("de", "Er arbeitet bei Müller & Co. Dann ging er.", ["Er arbeitet bei Müller & Co.", "Dann ging er."]),
    ("pt", "Custou 5 reais aprox. Depois saiu.", ["Custou 5 reais aprox.", "Depois saiu."]),
    ("es", "Se lo di a Ed. Luego se fue.", ["Se lo di a Ed.", "Luego se fue."]),
    ("pl", "Stolik dla 4 os. Potem kawa.", ["Stolik dla 4 os.", "Potem kawa."]),
    ("pl", "Widzieliśmy bryg. Potem statek.", ["Widzieliśmy bryg.", "Potem statek."]),
    ("pl", "To był jego rys. Potem wyszedł.", ["To był jego rys.", "Potem wyszedł."]),
    ("pl", "Czytaj str. Potem wyjdź.", ["Czytaj str.", "Potem wyjdź."]),
    ("tr", "Bekledi 30 sn. Sonra gitti.", ["Bekledi 30 sn.", "Sonra gitti."]),
    ("tr", "Frekans 50 Hz. Sonra düştü.", ["Frekans 50 Hz.", "Sonra düştü."]),
    ("tr", "Gel ve gör. Sonra git.", ["Gel ve gör.", "Sonra git."]),
    ("tr", "Aldığı şey bir CD. Sonra gitti.", ["Aldığı şey bir CD.", "Sonra gitti."]),
    ("nl", "Hij houdt van pop art. Daarna ging hij.", ["Hij houdt van pop art.", "Daarna ging hij."]),
    ("it", "Scrisse la lettera n. Poi andò via.", ["Scrisse la lettera n.", "Poi andò via."]),
]


@pytest.mark.parametrize("lang, text, expected", GOES_ON, ids=[f"{c[0]}-{i}" for i, c in enumerate(GOES_ON)])
def test_abbreviation_goes_on(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", ENDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(ENDS)])
def test_sentence_ends_after_the_same_word(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected
