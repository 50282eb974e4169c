"""Table tests of the names check on the testers' cases of session 45: a first name changed before
a surname the translation keeps is found (name_full.first_name_changes); a title written without
its stop ('Mme'), a preposition naming a source opening the sentence ('Según Soler'), a country
named in each language's own way ('Chipre' / 'Cyprus', Babel's CLDR names) and Hebrew names
written with a prefix letter or by their consonants ('לבוסטון' / 'Boston', 'מקס' / 'Max'), Hindi
'दिल्ली' / 'Delhi', are no names without a counterpart; real changes stay findings."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from tests.test_checks_fr import bitext
from tests.test_names_changed import names


@pytest.mark.parametrize("src, tgt, langs, cosines, finding", [
    # the first name changed, the surname kept: a warning, a common word of French ('Pierre') too
    ("L'adjoint aux finances, M. Pierre Martin, a présenté les comptes.",
     "The deputy for finance, Mr Paul Martin, presented the accounts.", ("fr", "en"),
     {("Pierre", "Paul"): 0.52, ("M", "Mr"): 0.7}, "name 'Pierre' became 'Paul'?"),
    ("Ayer la ministra Lucía Herrero visitó la fábrica.", "Yesterday minister Carmen Herrero visited the factory.",
     ("es", "en"), {("Lucía", "Carmen"): 0.45}, "name 'Lucía' became 'Carmen'?"),
    ("Il sindaco, Giorgio Bianchi, ha parlato a lungo.", "The mayor, Stefano Bianchi, spoke at length.",
     ("it", "en"), {("Giorgio", "Stefano"): 0.5}, "name 'Giorgio' became 'Stefano'?"),
    # the first name translated (the encoder reads them as one), kept, or a title changed: silent
    ("L'adjoint aux finances, M. Pierre Martin, a présenté les comptes.",
     "The deputy for finance, Mr Peter Martin, presented the accounts.", ("fr", "en"),
     {("Pierre", "Peter"): 0.63}, None),
    ("L'adjoint aux finances, M. Pierre Martin, a présenté les comptes.",
     "The deputy for finance, Mr Pierre Martin, presented the accounts.", ("fr", "en"), {}, None),
    ("Ce soir-là, Mme Martin a fermé la boutique.", "That evening Mrs Martin closed the shop.", ("fr", "en"),
     {("Mme", "Mrs"): 0.4}, None),
    ("Gestern hat Herr Brandt angerufen.", "Yesterday Mister Brandt called.", ("de", "en"),
     {("Herr", "Mister"): 0.7}, None),
])
def test_a_first_name_changed_before_a_kept_surname(src: str, tgt: str, langs: tuple[str, str],
                                                    cosines: dict[tuple[str, str], float],
                                                    finding: str | None) -> None:
    assert names([(src, tgt)], langs, cosines) == ([finding] if finding else [])


@pytest.mark.parametrize("src, tgt, langs, cosines", [
    # a title written without its stop is no name ('Mme' translated 'Ms' had no counterpart)
    ("La directrice, Mme Sophie Laurent, remercie tous les bénévoles.",
     "The director, Ms Sophie Laurent, thanks all the volunteers.", ("fr", "en"), {}),
    ("Ce matin, Mlle Dubois est arrivée en retard.", "This morning Ms Dubois arrived late.", ("fr", "en"), {}),
    ("Ayer la Sra Gómez llegó tarde.", "Yesterday Ms Gómez arrived late.", ("es", "en"), {}),
    # a preposition naming a source, opening the sentence before a name, is no first name
    ("Según Soler, el plan llega tarde.", "According to Soler, the plan comes too late.", ("es", "en"), {}),
    ("Selon Dubois, le projet coûtera cher.", "According to Dubois, the project will be expensive.", ("fr", "en"), {}),
    ("Secondo Bianchi, il piano è in ritardo.", "According to Bianchi, the plan is late.", ("it", "en"), {}),
    # a country by its name in each language (CLDR), the encoder reading them apart
    ("En Chipre, el Gobierno ha prohibido llenar piscinas.", "In Cyprus, the government has banned filling pools.",
     ("es", "en"), {("Chipre", "Cyprus"): 0.3}),
    ("Il a longtemps vécu en Allemagne avec Marie.", "He lived in Germany with Marie for a long time.",
     ("fr", "en"), {("Allemagne", "Germany"): 0.3}),
    ("Ayer llegaron de Noruega.", "Yesterday they came back from Norway.", ("es", "en"), {("Noruega", "Norway"): 0.2}),
])
def test_no_name_without_a_counterpart_on_faithful_links(src: str, tgt: str, langs: tuple[str, str],
                                                         cosines: dict[tuple[str, str], float]) -> None:
    assert names([(src, tgt)], langs, cosines, level="info") == []


@pytest.mark.parametrize("src, tgt, langs, cosines, finding", [
    # the country changed, or a name after 'Según' changed: still found
    ("En Chipre, el Gobierno ha prohibido llenar piscinas.", "In Malta, the government has banned filling pools.",
     ("es", "en"), {("Chipre", "Malta"): 0.3}, "name 'Chipre' became 'Malta'?"),
    ("El alcalde habló después de Soler.", "The mayor spoke after Ortega.", ("es", "en"),
     {("Soler", "Ortega"): 0.3}, "name 'Soler' became 'Ortega'?"),
])
def test_real_changes_stay_found(src: str, tgt: str, langs: tuple[str, str], cosines: dict[tuple[str, str], float],
                                 finding: str) -> None:
    assert finding in names([(src, tgt)], langs, cosines, level="info")


def _spelling_only(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> dict[int, list[str]]:
    """The names check's messages per link at info, without word vectors (the encoder knows
    neither Hebrew nor Hindi)."""
    out: dict[int, list[str]] = {}
    for f in at_level(run_checks(bitext(pairs, langs), only=["names"], evidence=None), "info"):
        out.setdefault(f.link, []).append(f.message)
    return out


HE = [
    ("בשנת 2015 עברה לבוסטון עם בעלה, דוד.", "In 2015 she moved to Boston with her husband, David."),
    ("סבתא שלהם, מרים, נולדה בבגדד.", "Their grandmother, Miriam, was born in Baghdad."),
    ("עכשיו חזרה לישראל לתמיד.", "Now she had come back to Israel for good."),
    ("הוא יגיע בקרוב עם הכלב שלהם, מקס.", "He will arrive soon with their dog, Max."),
    ("“זה נראה כמו טירה,” אמרה נועה.", "“It looks like a castle,” said Noa."),
    ("הבת השנייה, מאיה, צחקה.", "The second daughter, Maya, laughed."),
    ("פרופ׳ לוי הציע לה משרה בבאר שבע.", "Prof. Levi offered her a position in Beersheba."),
    ("בתחנה חיכה לה אחיה, יוסי.", "At the station her brother, Yossi, was waiting for her."),
]


def test_hebrew_names_with_a_prefix_or_by_their_consonants_have_their_counterpart() -> None:
    assert _spelling_only(HE, ("he", "en")) == {}


@pytest.mark.parametrize("k, tgt, name", [
    (7, "At the station her brother, Yoni, was waiting for her.", "Yoni"),
    (1, "Their grandmother, Sarah, was born in Baghdad.", "Sarah"),
    (0, "In 2015 she moved to Chicago with her husband, David.", "Chicago"),
])
def test_hebrew_names_changed_stay_found(k: int, tgt: str, name: str) -> None:
    pairs = HE[:k] + [(HE[k][0], tgt)] + HE[k + 1:]
    assert [m for m in _spelling_only(pairs, ("he", "en")).get(k, []) if f"'{name}'" in m]


HI = [("वह दिल्ली में रहती है।", "She lives in Delhi."),
      ("उसकी बहन प्रिया मुंबई में काम करती है।", "Her sister Priya works in Mumbai.")]


def test_hindi_delhi_is_delhi_and_a_changed_name_stays_found() -> None:
    assert _spelling_only(HI, ("hi", "en")) == {}
    changed = _spelling_only([HI[0], (HI[1][0], "Her sister Pooja works in Mumbai.")], ("hi", "en"))
    assert any("'Pooja'" in m for m in changed.get(1, []))


@pytest.mark.parametrize("src, tgt, said", [
    ("הם הגיעו ביוני 1990.", "They came in June 1990.", []),   # 'ביוני': in June
    ("הם הגיעו במאי 1990.", "They came in June 1990.", ["month 'במאי' became 'June'?"]),
])
def test_a_month_the_original_names_after_a_prefix_is_its_counterpart(src: str, tgt: str,
                                                                       said: list[str]) -> None:
    from alignment.types import Alignment, Bitext, Link, Sentence

    pair = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,), 0.95),)), "he", "en")
    assert [f.message for f in run_checks(pair)] == said


def test_a_weekday_in_a_plural_or_short_form_is_the_names_counterpart() -> None:
    """'todas as terças e sextas-feiras' / 'every Tuesday and Friday': 'Tuesday' had no
    counterpart (info), CLDR writes only 'terça-feira'."""
    from alignment.types import Alignment, Bitext, Link, Sentence

    pair = Bitext((Sentence("O mercado abre todas as terças e sextas-feiras."),),
                  (Sentence("The market opens every Tuesday and Friday."),),
                  Alignment((Link((0,), (0,), 0.95),)), "pt", "en")
    assert run_checks(pair, only=["names"]) == ()
