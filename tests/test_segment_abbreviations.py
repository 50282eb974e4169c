"""Sentence cuts after abbreviations in Spanish, Italian, Portuguese, Polish, Turkish, Dutch and
English that a tester found wrong (titles after an elided article, centuries, articles and pages
before their number, street names, clock times), and the sentence ends beside them that must stay."""

from __future__ import annotations

import pytest

from alignment.segment import split_sentences

CASES = [
    # Italian: a title after an elided article goes on, as after a full one
    ("it", "Arriva l'avv. Neri. Bene.", ["Arriva l'avv. Neri.", "Bene."]),
    ("it", "Parla con l'ing. Neri. Poi esce.", ["Parla con l'ing. Neri.", "Poi esce."]),
    ("it", "L'on. Neri parla. Poi tace.", ["L'on. Neri parla.", "Poi tace."]),
    ("it", "Parla con l’avv. Neri. Bene.", ["Parla con l’avv. Neri.", "Bene."]),
    ("it", "Parla con il dott. Neri. Bene.", ["Parla con il dott. Neri.", "Bene."]),
    # ... centuries and pages before their numbers
    ("it", "Nel sec. XIX c'era la guerra. Poi la pace.", ["Nel sec. XIX c'era la guerra.", "Poi la pace."]),
    ("it", "Vedi pagg. 12-14. Chiaro.", ["Vedi pagg. 12-14.", "Chiaro."]),
    ("it", "Dura 30 sec. Poi finisce.", ["Dura 30 sec.", "Poi finisce."]),
    ("pt", "Nasceu no séc. XIX. Morreu cedo.", ["Nasceu no séc. XIX.", "Morreu cedo."]),
    # Spanish: streets, titles, articles of a law
    ("es", "Vive en la Avda. Diagonal. Es cara.", ["Vive en la Avda. Diagonal.", "Es cara."]),
    ("es", "Lo dice el art. 5 de la ley. Es claro.", ["Lo dice el art. 5 de la ley.", "Es claro."]),
    ("es", "Le gusta el pop art. Luego se fue.", ["Le gusta el pop art.", "Luego se fue."]),
    ("es", "Lo dijo el Lic. Martínez. Sí.", ["Lo dijo el Lic. Martínez.", "Sí."]),
    # Polish
    ("pl", "Dr hab. Nowak przyszedł. Dobrze.", ["Dr hab. Nowak przyszedł.", "Dobrze."]),
    ("pl", "Rozdz. 3 jest długi. Tak.", ["Rozdz. 3 jest długi.", "Tak."]),
    ("pl", "Zob. s. 12. Tak.", ["Zob. s. 12.", "Tak."]),
    # Turkish
    ("tr", "Atatürk Cad. No. 5'te oturuyor. Güzel.", ["Atatürk Cad. No. 5'te oturuyor.", "Güzel."]),
    ("tr", "Yrd. Doç. Dr. Ayşe geldi. İyi.", ["Yrd. Doç. Dr. Ayşe geldi.", "İyi."]),
    ("tr", "Av. Mehmet geldi. İyi.", ["Av. Mehmet geldi.", "İyi."]),
    ("tr", "Sok. 3'te. İyi.", ["Sok. 3'te.", "İyi."]),
    ("tr", "Prof. Dr. Işık geldi. İyi.", ["Prof. Dr. Işık geldi.", "İyi."]),
    # Dutch
    ("nl", "Ir. Bakker komt. Ja.", ["Ir. Bakker komt.", "Ja."]),
    ("nl", "Hij woont in de Kerkstr. 5. Dat is ver.", ["Hij woont in de Kerkstr. 5.", "Dat is ver."]),
    ("nl", "Hij woont in de Kerkstr. Dat is ver.", ["Hij woont in de Kerkstr.", "Dat is ver."]),
    # a clock time opening a sentence goes on into it; after a clause, it ends one
    ("en", "At 11 p.m. Minsu comes back home. He sleeps.", ["At 11 p.m. Minsu comes back home.", "He sleeps."]),
    ("en", "He slept. At 11:30 p.m. Minsu came.", ["He slept.", "At 11:30 p.m. Minsu came."]),
    ("en", "We met at 9 a.m. Then we left.", ["We met at 9 a.m.", "Then we left."]),
    ("en", "We met at 9 p.m. Minsu was late.", ["We met at 9 p.m.", "Minsu was late."]),
    # ... an earlier clock's stops end no clause: a range after a clause ends it too
    ("en", "Offices open from 8:30 a.m. to 4:30 p.m. Registration closes.",
     ["Offices open from 8:30 a.m. to 4:30 p.m.", "Registration closes."]),
    ("en", "The curfew runs from 3 a.m. to 9 a.m. The Governor said so.",
     ["The curfew runs from 3 a.m. to 9 a.m.", "The Governor said so."]),
    ("en", "Between 9 a.m. and 5 p.m. Anna works here. Ok.", ["Between 9 a.m. and 5 p.m. Anna works here.", "Ok."]),
    ("es", "Llegó a las 10 a. m. Después comió.", ["Llegó a las 10 a. m.", "Después comió."]),
    ("es", "A las 10 a. m. Juan llegó. Comió.", ["A las 10 a. m. Juan llegó.", "Comió."]),
    ("es", "Llegó a las 10 a. m. y comió.", ["Llegó a las 10 a. m. y comió."]),
    # French keeps its words: 'l'art.' ends a sentence
    ("fr", "C'est de l'art. Il aime ça.", ["C'est de l'art.", "Il aime ça."]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_abbreviations_and_clock_times(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected
