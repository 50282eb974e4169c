"""Table tests of the checks on French translations (English original, en->fr) beside the
fr->en and de->fr directions they were first built on: for each rule that keeps a clean
French translation silent, a clean pair that must stay silent and a slip that must still
be found (issue 12: false alarms on text nobody tuned on, LIMSI en->fr)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from alignment.checks import at_level, run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.words import link_tokens_of


def bitext(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), *langs)


def graded_evidence(cosines: dict[tuple[str, str], float]) -> WordEvidence:
    """Word vectors where each listed pair has the given cosine and all else 0: the first
    word of a pair on its own axis, the second that far from it."""
    axis: dict[str, np.ndarray] = {}
    dim = 4096

    def unit(k: int) -> np.ndarray:
        v = np.zeros(dim, dtype=np.float32)
        v[k] = 1.0
        return v
    for n, ((a, b), c) in enumerate(cosines.items()):
        axis[a] = unit(2 * n)
        axis[b] = c * unit(2 * n) + np.sqrt(1 - c * c) * unit(2 * n + 1)

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), dim), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            if w not in axis:
                axis[w] = unit(2 * len(cosines) + len(axis))
            out[r] = axis[w]
        return out
    return WordEvidence(vectors, (), "graded")


def with_word_links(b: Bitext, pairs: set[tuple[str, str]]) -> Bitext:
    """`b` with a sure word link between the tokens of each link whose texts are one of `pairs`."""
    links = []
    for k, link in enumerate(b.alignment.links):
        s_tok, t_tok = link_tokens_of(b, k)
        words = tuple(WordLink(i, j, 0.9) for i, s in enumerate(s_tok) for j, t in enumerate(t_tok)
                      if (s.text, t.text) in pairs)
        links.append(replace(link, words=words))
    return replace(b, alignment=replace(b.alignment, links=tuple(links)))


def warnings(b: Bitext, check: str, cosines: dict[tuple[str, str], float], link: int = -1) -> list[str]:
    found = at_level(run_checks(b, only=[check], evidence=graded_evidence(cosines)))
    n = len(b.alignment.links)
    return [f.message for f in found if f.link == link % n]


# ---------------------------------------------------------------- names

CATERPILLAR = [  # the text learns that 'Chenille' is the Caterpillar's French name
    ("The Caterpillar smoked.", "La Chenille fumait."), ("The Caterpillar said nothing.", "La Chenille ne dit rien."),
    ("The Caterpillar yawned.", "La Chenille bâilla."), ("The Caterpillar left.", "La Chenille partit."),
]


@pytest.mark.parametrize("tgt, changed", [
    # an English possessive on the name: 'Caterpillar's' is still the Caterpillar
    ("Alice regarda la pipe de la Chenille.", None),
    # another name in its place is still found
    ("Alice regarda la pipe de Dinah.", "'Caterpillar' became 'Dinah'"),
])
def test_a_learned_name_with_an_english_possessive(tgt: str, changed: str | None) -> None:
    b = bitext(CATERPILLAR + [("Alice looked at the Caterpillar's pipe.", tgt)], ("en", "fr"))
    # the encoder knows neither name well (LIMSI: 0.35), but best of the words here
    got = warnings(b, "names", {("looked", "regarda"): 1.0, ("pipe", "pipe"): 1.0, ("Alice", "Alice"): 1.0,
                                ("Caterpillar's", tgt.split()[-1].rstrip(".")): 0.35})
    assert got == ([f"name {changed}?"] if changed else [])


@pytest.mark.parametrize("tgt, changed", [
    ("Alice looked at the Caterpillar's pipe.", None),   # fr->en: the possessive on the translation
    ("Alice looked at Dinah's pipe.", "'Chenille' became 'Dinah'"),
])
def test_a_learned_name_with_an_english_possessive_in_the_translation(tgt: str, changed: str | None) -> None:
    b = bitext([(t, s) for s, t in CATERPILLAR] + [("Alice regarda la pipe de la Chenille.", tgt)], ("fr", "en"))
    got = warnings(b, "names", {("regarda", "looked"): 1.0, ("pipe", "pipe"): 1.0, ("Alice", "Alice"): 1.0,
                                ("Chenille", tgt.split()[-2]): 0.35})
    assert got == ([f"name {changed}?"] if changed else [])


@pytest.mark.parametrize("tgt, changed", [
    # a two-word name the translation writes as one word
    ("Elle eut peur de rencontrer la vraie Marianne dans l'escalier.", None),
    # a misspelt name is still found ('Marlatte' is no 'Mary Ann' run together)
    ("Elle eut peur de rencontrer la vraie Marlatte dans l'escalier.", "Marlatte"),
])
def test_two_names_written_as_one(tgt: str, changed: str | None) -> None:
    b = bitext([("She feared to meet the real Mary Ann on the stairs.", tgt)], ("en", "fr"))
    b = with_word_links(b, {("Mary", "Marianne"), ("Mary", "Marlatte"), ("stairs", "escalier")})
    got = warnings(b, "names", {("Mary", "Marianne"): 0.68, ("Mary", "Marlatte"): 0.55, ("stairs", "escalier"): 1.0,
                                ("meet", "rencontrer"): 1.0, ("feared", "peur"): 1.0, ("real", "vraie"): 1.0})
    assert [f"became '{changed}'?" in m for m in got] == ([True] if changed else [])


@pytest.mark.parametrize("tgt, cosine, changed", [
    # a French name the French word list lacks, linked to the English one and close to it
    ("Il fut vu par le roi de Sardaigne, qui passait.", 0.77, None),
    # a look-alike the encoder puts no closer than unknown names stand: a misspelling
    ("Il fut vu par le roi de Sardoule, qui passait.", 0.55, "'Sardinia' became 'Sardoule'"),
])
def test_a_translated_name_linked_and_close(tgt: str, cosine: float, changed: str | None) -> None:
    b = bitext([("He was seen by the King of Sardinia, who was passing.", tgt)], ("en", "fr"))
    other = tgt.split()[7].rstrip(",")
    b = with_word_links(b, {("Sardinia", other), ("King", "roi"), ("seen", "vu"), ("passing", "passait")})
    got = warnings(b, "names", {("Sardinia", other): cosine, ("King", "roi"): 1.0, ("seen", "vu"): 1.0,
                                ("passing", "passait"): 1.0})
    assert got == ([f"name {changed}?"] if changed else [])


@pytest.mark.parametrize("src, tgt, langs, pairs, expected", [
    # 'marked' has its translation 'tracés' by a sure word link, below the cosine: the name
    # of 'raisins de Corinthe' (currants) did not replace it
    ("The words were marked in currants.", "Les mots étaient tracés avec des raisins de Corinthe.", ("en", "fr"),
     {("words", "mots"): 1.0, ("marked", "tracés"): 0.597, ("currants", "raisins"): 0.57}, None),
    # with no such link, a stray in the place of a word left without counterpart is found
    ("Oh, the snake!", "Oh, le Sraalar !", ("en", "fr"), {("Oh", "Oh"): 1.0}, ("snake", "Sraalar")),
    # a heading in capitals is rewritten, not mistyped
    ("ALICE'S RIGHT FOOT, ESQ.", "À Monsieur Lepiédroit d'Alice,", ("en", "fr"), {("ALICE", "Alice"): 0.6}, None),
    # de->fr: the French translation's stray is still found
    ("Oh, der Mann!", "Oh, le Homuli !", ("de", "fr"), {("Oh", "Oh"): 1.0}, ("Mann", "Homuli")),
])
def test_strays_beside_linked_words_and_headings(src: str, tgt: str, langs: tuple[str, str],
                                                  pairs: dict[tuple[str, str], float],
                                                  expected: tuple[str, str] | None) -> None:
    b = with_word_links(bitext([(src, tgt)], langs), set(pairs))
    got = warnings(b, "names", pairs)
    assert got == ([f"'{expected[0]}' became '{expected[1]}', a word no word list knows?"] if expected else [])


@pytest.mark.parametrize("src, tgt, langs, name", [
    # French writes peoples, orders and titles in lower case: a word derived from the name
    ("The Jesuit missionaries chose it.", "Les missionnaires jésuites la choisirent.", ("en", "fr"), None),
    ("He was watchmaker to the Seraglio.", "Il devint horloger du sérail.", ("en", "fr"), None),
    # a common word a letter or two from a name is still no counterpart of it, at any level
    ("He left Lyon at dawn.", "Il quitta le lion à l'aube.", ("en", "fr"), "Lyon"),
    ("Il quitta Lyon à l'aube.", "He left the lion at dawn.", ("fr", "en"), "Lyon"),
    # English capitalises names and their derivatives: a lower-case English look-alike is
    # a common word, the name lost (the prefix rule above held 'border' for 'Bordeaux')
    ("Nous quittâmes Bordeaux à l'aube.", "We left the border at dawn.", ("fr", "en"), "Bordeaux"),
    ("Nous quittâmes Bordeaux à l'aube.", "We left Bordeaux at dawn.", ("fr", "en"), None),
])
def test_a_lower_case_word_derived_from_a_name(src: str, tgt: str, langs: tuple[str, str],
                                                name: str | None) -> None:
    b = bitext([(src, tgt)], langs)
    cosines = {("left", "quitta"): 1.0, ("verließ", "quitta"): 1.0, ("quitta", "left"): 1.0,
               ("missionaries", "missionnaires"): 1.0, ("watchmaker", "horloger"): 1.0,
               ("quittâmes", "left"): 1.0, ("aube", "dawn"): 1.0}
    got = run_checks(b, only=["names"], evidence=graded_evidence(cosines))
    assert [name in f.message for f in got] == ([True] if name else [])


KARAKORUM = [  # Karakorum and Baltoro, each kept as spelt; twice the French leaves Karakorum out
    ("Wir sahen den Karakorum von weitem.", "Nous vîmes le Karakorum de loin."),
    ("Der Karakorum lag im Nebel.", "Le Karakorum était dans la brume."),
    ("Im Karakorum schneite es lange.", "Il neigea longtemps dans le Karakorum."),
    ("Vom Karakorum kam der Baltoro herab.", "Le glacier de Baltoro descendait."),
    ("Über dem Karakorum glänzte der Baltoro.", "Le Baltoro brillait au soleil."),
    ("Wir zogen weiter zum Baltoro hinauf.", "Nous montâmes vers le Baltoro."),
]


@pytest.mark.parametrize("tgt, finding", [
    # a name written another way beside a name the link keeps: not the other name's habit
    ("De là nous vîmes combien un sommet du Kelnistin domine le glacier de Baltoro.",
     "name 'Karakorum' became 'Kelnistin'?"),
    ("De là nous vîmes combien un sommet du Karakorum domine le glacier de Baltoro.", None),
])
def test_a_name_kept_beside_a_changed_one_is_no_translation_of_it(tgt: str, finding: str | None) -> None:
    b = bitext(KARAKORUM + [("Von dort sahen wir, wie hoch ein Gipfel des Karakorum über dem Baltoro-Gletscher aufragt.", tgt)],
               ("de", "fr"))
    got = at_level(run_checks(b, only=["names"], evidence=graded_evidence({("gipfel", "sommet"): 0.9})))
    assert [f.message for f in got if f.link == len(KARAKORUM)] == ([finding] if finding else [])


@pytest.mark.parametrize("copied, found_", [
    ("Die Grenze war schon ganz nahe.", False),   # left in German: its nouns are no French names
    ("La Grenze était déjà toute proche.", True),  # the French writes it as a name: it is one
])
def test_a_german_sentence_left_in_the_translation_names_no_nouns(copied: str, found_: bool) -> None:
    """German capitalises every noun, so a German word is taken for a name only where the
    translation writes it capitalised too; a German sentence the translation copies (an
    untranslated slip) must not make its nouns names everywhere."""
    b = bitext([("Die Grenze war schon ganz nahe.", copied), ("Es schneite.", "Il neigeait."),
                ("Wir erreichten die Grenze erst am späten Abend.", "Nous n'atteignîmes la frontière que tard le soir.")],
               ("de", "fr"))
    got = run_checks(b, only=["names"], evidence=graded_evidence({}))
    assert [f.link for f in got if "'Grenze'" in f.message and f.link == 2] == ([2] if found_ else [])


ALICE = [("Alice rit.", "Alice laughed."), ("Alice pleura.", "Alice wept."),
         ("Alice dormit.", "Alice slept."), ("Puis Alice partit.", "Then Alice left.")]


@pytest.mark.parametrize("tgt, finding", [
    # a name the text keeps, lost to a common word that goes with nothing around it
    ("'Never in my life,' said examples.", "name 'Alice' is missing: 'examples' in its place?"),
    ("'Never in my life,' said Alice.", None),
    ("'Never in my life,' said she.", None),        # a pronoun stands for a name all the time
    ("'Never in my life,' she said at once.", None),   # nothing in its place
    ("'Never in my life,' said the girl.", None),      # a word that goes with its neighbours
])
def test_a_name_lost_to_a_common_word(tgt: str, finding: str | None) -> None:
    b = bitext(ALICE + [("« Jamais de la vie », dit Alice.", tgt)], ("fr", "en"))
    got = run_checks(b, only=["names"], evidence=graded_evidence({("dit", "said"): 0.9,
                                                                  ("jamais", "never"): 0.9}))
    assert [(f.link, f.severity, f.message) for f in got] == ([(4, "info", finding)] if finding else [])



# the encoder's cosines (use-m3) of the first names: a name's own forms read close (Pierre/Peter
# 0.63, Pierre/Pietro 0.67), another first name less close, as unknown names all do
# (Pierre/Paul 0.52, Pierre/Jacques 0.56, Marie/Sophie 0.54)
WORDS = {("boulanger", "baker"): 0.9, ("habitait", "lived"): 0.9, ("appelait", "called"): 0.9}
ERNST = [("Wir sahen Ernst am Hafen.", "Nous vîmes Ernst au port."),
         ("Dann kam Ernst zurück.", "Puis Ernst revint.")]
BAKER = "Le boulanger s'appelait Pierre et il avait deux fils."
CALLED = "The baker was called {} and he had two sons."


@pytest.mark.parametrize("src, tgt, langs, pair, finding", [
    # a first name that is also a common word ('pierre', stone; 'marie'; 'ernst', serious)
    # changed into another first name: a warning
    (BAKER, CALLED.format("Paul"), ("fr", "en"), ("Pierre", "Paul", 0.52), "name 'Pierre' became 'Paul'?"),
    (BAKER, CALLED.format("Jacques"), ("fr", "en"), ("Pierre", "Jacques", 0.56), "name 'Pierre' became 'Jacques'?"),
    # ... at a sentence's start, before the surname: a first name too
    ("Marie Dubois habitait un petit village.", "Sophie Dubois lived in a small village.",
     ("fr", "en"), ("Marie", "Sophie", 0.54), "name 'Marie' became 'Sophie'?"),
    ("Der Bäcker hieß Ernst und war alt.", "Le boulanger s'appelait Paul et il était vieux.",
     ("de", "fr"), ("Ernst", "Paul", 0.5), "name 'Ernst' became 'Paul'?"),
    # the name kept, or its own form in the translation's language (or another's): silent
    (BAKER, CALLED.format("Pierre"), ("fr", "en"), ("Pierre", "Pierre", 1.0), None),
    (BAKER, CALLED.format("Peter"), ("fr", "en"), ("Pierre", "Peter", 0.63), None),
    (BAKER, CALLED.format("Pietro"), ("fr", "en"), ("Pierre", "Pietro", 0.67), None),
    ("Marie Dubois habitait un petit village.", "Marie Dubois lived in a small village.", ("fr", "en"),
     ("Marie", "Marie", 1.0), None),
    ("Der Bäcker hieß Ernst und war alt.", "Le boulanger s'appelait Ernest et il était vieux.", ("de", "fr"),
     ("Ernst", "Ernest", 0.7), None),
    # the common word, not a name
    ("Le boulanger ramassa une pierre et la jeta.", "The baker picked up a stone and threw it.", ("fr", "en"),
     ("pierre", "stone", 0.6), None),
])
def test_a_first_name_that_is_a_common_word_changed(src: str, tgt: str, langs: tuple[str, str],
                                                    pair: tuple[str, str, float], finding: str | None) -> None:
    pairs = (ERNST if langs == ("de", "fr") else []) + [(src, tgt)]
    cosines = {**WORDS, pair[:2]: pair[2]}
    assert warnings(bitext(pairs, langs), "names", cosines) == ([finding] if finding else [])


@pytest.mark.parametrize("other, cosine, finding", [
    ("Paul", 0.52, "name 'Pierre' became 'Paul'?"),   # linked by its position only
    ("Peter", 0.63, None),
])
def test_a_word_link_to_another_first_name_is_no_counterpart(other: str, cosine: float,
                                                             finding: str | None) -> None:
    """The reader's 'Find word links' links 'Pierre' to 'Paul' (its place); for a name that is
    a common word the link counts at an original word's counterpart cosine, not a name's."""
    b = with_word_links(bitext([(BAKER, CALLED.format(other))], ("fr", "en")), {("Pierre", other)})
    cosines = {**WORDS, ("Pierre", other): cosine}
    assert warnings(b, "names", cosines) == ([finding] if finding else [])


def test_a_name_of_the_original_for_a_common_word_name_is_no_change() -> None:
    """A name the original gives elsewhere, in the place of a name that is a common word, is
    the translator naming whom it stands for (Jane Eyre's 'the said Jack', John Reed, is
    'John' in the French LIMSI gold): silent."""
    b = bitext([("Puis Paul revint du port.", "Then Paul came back from the harbour."),
                (BAKER, CALLED.format("Paul"))], ("fr", "en"))
    assert warnings(b, "names", {**WORDS, ("Pierre", "Paul"): 0.52}) == []


def test_a_first_name_that_is_a_common_word_needs_evidence() -> None:
    """Without the encoder nothing tells 'Paul' from a translation of 'Pierre' (stone): silent."""
    b = bitext([("Le boulanger s'appelait Pierre et il avait deux fils.",
                 "The baker was called Paul and he had two sons.")], ("fr", "en"))
    assert at_level(run_checks(b, only=["names"])) == ()


DODO = [("Le Dodo rit de bon cœur.", "The Dodo laughed heartily."), ("Le Dodo pleura encore.", "The Dodo wept again."),
        ("Le Dodo dormit bien.", "The Dodo slept well."), ("Puis le Dodo partit.", "Then the Dodo left.")]
# the rest of a story: 'the' and 'le' stand before many words, so 'the bird' for 'the Dodo' is
# no word in the name's own slot (strays.NameSlots: 4 'the Dodo' among 46 words after 'the')
STORY = [("Le chat mangea le poisson et le pain sur le banc près du mur avec le chien et le lapin sous le soleil.",
          "The cat ate the fish and the bread on the bench by the wall with the dog and the rabbit under the sun.")] * 6


@pytest.mark.parametrize("src, tgt, langs, finding", [
    # the word aligner put a word in the name's slot by position; it means nothing like the
    # name, though it resembles an original word elsewhere ('manage' / 'manière' 0.6)
    ("« Voilà la manière », dit le Dodo.", "'That is the way,' said the manage.", ("fr", "en"),
     "name 'Dodo' is missing: 'manage' in its place?"),
    ("« Voilà la manière », dit le Dodo.", "'That is the way,' said the Dodo.", ("fr", "en"), None),
    # a word link that means the name (0.7)
    ("« Voilà la manière », dit le Dodo.", "'That is the way,' said the cock.", ("fr", "en"), None),
    # a common noun for the name: the name is not written (hidden at info)
    ("« Voilà la manière », dit le Dodo.", "'That is the way,' said the bird.", ("fr", "en"),
     "name 'Dodo' is missing: 'bird' in its place?"),
    # the word linked to the name is another original word's cognate: that word's translation
    ("« Voilà l'expédition », dit le Dodo.", "'That is the way,' said the expedition.", ("fr", "en"), None),
    # a French translation, which has no context model, the same way
    ("'That is the way,' said the Dodo.", "« Voilà la manière », dit le ménage.", ("en", "fr"),
     "name 'Dodo' is missing: 'ménage' in its place?"),
])
def test_a_name_lost_to_a_word_linked_in_its_place(src: str, tgt: str, langs: tuple[str, str],
                                                   finding: str | None) -> None:
    pairs = STORY + DODO if langs == ("fr", "en") else [(t, s_) for s_, t in STORY + DODO]
    b = with_word_links(bitext(pairs + [(src, tgt)], langs),
                        {("Dodo", w) for w in ("manage", "bird", "Dodo", "cock", "expedition", "ménage")})
    got = run_checks(b, only=["names"], evidence=graded_evidence({
        ("dit", "said"): 0.9, ("manière", "manage"): 0.6, ("Voilà", "bird"): 0.6, ("Dodo", "cock"): 0.7,
        ("way", "ménage"): 0.6}))
    assert [(f.link, f.severity, f.message) for f in got] == ([(len(pairs), "info", finding)] if finding else [])

@pytest.mark.parametrize("src, tgt, finding", [
    # a common word where the original's pair of names has the other name: a warning
    ("Il vivait avec Rome et Athènes dans la tête.", "He lived with seemed and Athens in his head.",
     "name 'Rome' is missing: 'seemed' in its place? (the original writes 'Athènes' beside it, "
     "the translation 'seemed' beside 'Athens')"),
    ("Il se voyait Aristide ou Brutus.", "He saw himself tray or Aristides.",
     "name 'Brutus' is missing: 'tray' in its place? (the original writes 'Aristide' beside it, "
     "the translation 'tray' beside 'Aristides')"),
    ("Il vivait avec Rome et Athènes dans la tête.", "He lived with Rome and Athens in his head.", None),
    # the word beside the other name is not joined to it as the names are ('by' translates no 'et')
    ("La guerre que se firent Rome et Athènes dura.", "The war fought by Athens lasted.", None),
    # two names side by side are one name (a title and a surname): no pair
    ("Puis Mlle Abbot entra.", "Then Abbot entered.", None),
    # names of a list, parted by a comma alone, rendered with 'and' (LIMSI's Jane Eyre: 'vous
    # l'avez entendue, Éliza, Georgiana' / 'Did you hear her, behave and Georgiana?')
    ("Il voyait Rome, Athènes et la mer.", "He saw seemed and Athens and the sea.",
     "name 'Rome' is missing: 'seemed' in its place? (the original writes 'Athènes' beside it, "
     "the translation 'seemed' beside 'Athens')"),
    ("Il voyait Rome, Athènes et la mer.", "He saw Rome, Athens and the sea.", None),
])
def test_a_name_lost_beside_its_pair(src: str, tgt: str, finding: str | None) -> None:
    """name_places.beside_sibling: the pair's shape kept, a common word in the lost name's place."""
    b = bitext([(src, tgt)], ("fr", "en"))
    got = at_level(run_checks(b, only=["names"], evidence=graded_evidence({
        ("et", "and"): 0.97, ("ou", "or"): 0.97, ("vivait", "lived"): 0.9, ("guerre", "war"): 0.9,
        ("voyait", "saw"): 0.9, ("entra", "entered"): 0.9})))
    assert [f.message for f in got] == ([finding] if finding else [])


TITLED = [("Puis Mlle Smith entra dans la chambre.", "Then Smith came into the room."),
          ("Mlle Taylor ferma la porte.", "Taylor shut the door."), ("Mlle Bates sourit.", "Bates smiled.")]


@pytest.mark.parametrize("before, src, tgt, langs, finding", [
    # a German full name: its first name, written once and so never seen as a name in the
    # translation, is a name beside its surname; a common word in its place is a warning
    ([], "Auch Nawa Ram hatte darüber gespottet.", "Notre sirdar dernier Ram avait raillé cela.",
     ("de", "fr"), "name 'Nawa' is missing: 'dernier' in its place? "
     "(the original writes 'Nawa Ram', the translation 'dernier Ram')"),
    ([], "Auch Nawa Ram hatte darüber gespottet.", "Notre sirdar Nawa Ram avait raillé cela.",
     ("de", "fr"), None),
    # the lost half after the other one
    ([], "Il parla à Sophie Dubois hier.", "He spoke to Sophie quickly yesterday.", ("fr", "en"),
     "name 'Dubois' is missing: 'quickly' in its place? "
     "(the original writes 'Sophie Dubois', the translation 'Sophie quickly')"),
    # a German compound the word list knows in parts is no first name ('Staat' + s + 'Präsident')
    ([], "Auch Staatspräsident Iskander Mirza hat es genehmigt.",
     "Même le chef de l'Etat Iskander Mirza l'a confirmé.", ("de", "fr"), None),
    # a title the text writes in many links ('Mlle Smith', 'Mlle Taylor'), dropped beside a verb whose word
    # vector is far from the original's (0.56 under the encoder): no stand-in
    (TITLED, "« Quel bruit ! » s'écria Mlle Abbot.", "'What a noise!' exclaimed Abbot.", ("fr", "en"), None),
])
def test_a_name_lost_beside_its_other_half(before: list[tuple[str, str]], src: str, tgt: str,
                                           langs: tuple[str, str], finding: str | None) -> None:
    """name_places.beside_full_name: a full name keeps its order, so a common word beside the
    counterpart of one half, where the other half stood, took that name's place."""
    b = bitext(before + [(src, tgt)], langs)
    got = at_level(run_checks(b, only=["names"], evidence=graded_evidence({
        ("hatte", "avait"): 0.9, ("gespottet", "raillé"): 0.9, ("parla", "spoke"): 0.9, ("hier", "yesterday"): 0.9,
        ("genehmigt", "confirmé"): 0.9, ("bruit", "noise"): 0.9, ("s'écria", "exclaimed"): 0.5})))
    assert [f.message for f in got if f.link == len(before)] == ([finding] if finding else [])


PEAK = [("Der Dhaulagiri ist sehr hoch.", "Le Dhaulagiri est très haut.")]


@pytest.mark.parametrize("tgt, finding", [
    # the figure written right after the name has a common word right before it in the translation
    ("Il reste le particulier, 8222 m, au Népal.", "name 'Dhaulagiri' is missing: 'particulier' in its "
     "place? (the original writes '8222' after it, the translation after 'particulier')"),
    ("Il reste le Dhaulagiri, 8222 m, au Népal.", None),
    ("Il reste le particulier, 8167 m, au Népal.", None),   # another figure: not that place
])
def test_a_name_lost_before_its_figure(tgt: str, finding: str | None) -> None:
    """name_places.beside_number: 'Dhaulagiri (8222 m)' / 'le particulier, 8222 m'."""
    b = bitext(PEAK + [("Es bleibt der Dhaulagiri (8222 m) in Nepal.", tgt)], ("de", "fr"))
    got = at_level(run_checks(b, only=["names"], evidence=graded_evidence({
        ("bleibt", "reste"): 0.9, ("Nepal", "Népal"): 0.9, ("hoch", "haut"): 0.9})))
    assert [f.message for f in got if f.link == len(PEAK)] == ([finding] if finding else [])


@pytest.mark.parametrize("cosine, same", [(0.0, False), (0.9, True)])
def test_a_word_link_alone_makes_no_pair(cosine: float, same: bool) -> None:
    """The pair's other name must be written in the translation: spelt alike, or linked and
    close in meaning. A word link by position alone (two sentences that do not match) is not
    that name ('Carabas' linked to 'Barbe' on a misaligned link)."""
    from alignment.evidence import link_words
    from alignment.name_places import _same_name

    b = with_word_links(bitext([("Il vivait avec Rome et Athènes.", "He lived with seemed and Paris.")],
                               ("fr", "en")), {("Athènes", "Paris")})
    lw = link_words(b, 0, graded_evidence({("Athènes", "Paris"): cosine}))
    k, j = [w for w, *_ in lw.src].index("Athènes"), [w for w, *_ in lw.tgt].index("Paris")
    assert _same_name(lw, k, j, "Athènes", "Paris") is same


# ---------------------------------------------------------------- untranslated

@pytest.mark.parametrize("src, tgt, langs, flagged", [
    ("Carnifex!", "carnifex !", ("en", "fr"), False),          # Latin, kept on purpose
    ("Adieu, my dear!", "Adieu, my dear !", ("en", "fr"), True),   # 'my', 'dear' are English
    ("Adieu !", "Adieu !", ("en", "fr"), False),               # French already in the original
    ("He went home at once.", "He went home at once.", ("en", "fr"), True),
    ("Er ging sofort nach Hause.", "Er ging sofort nach Hause.", ("de", "fr"), True),
    ("Il rentra aussitôt chez lui.", "Il rentra aussitôt chez lui.", ("fr", "en"), True),
    # French words the English list holds too ('du', 'tout', 'dit', 'la'): French all the same
    ('"Pas du tout," dit la Chenille.', '"Pas du tout," dit la Chenille.', ("fr", "en"), True),
    ("Que faire ?", "Que faire ?", ("fr", "de"), True),
    # a lone capital word copied: a common word of the original's language only is left
    # untranslated; a name the word lists hold too, or a word of both languages, is not
    ("Vorwärts!", "Vorwärts!", ("de", "fr"), True),
    ("Danke!", "Danke!", ("de", "fr"), True),
    ("Alice!", "Alice!", ("de", "fr"), False),
    ("Berlin!", "Berlin!", ("de", "fr"), False),
    ("Oh !", "Oh !", ("fr", "en"), False),
    ("Charlotte Brontë", "Charlotte Brontë", ("fr", "en"), False),
    # its capital word decides ('me' is as French as English)
    ("Forgive me!", "Forgive me!", ("en", "fr"), True),
    # a German title a French original quotes, kept in German
    ("Berge der Welt, Bd. XI.", "Berge der Welt, Bd. XI.", ("fr", "de"), False),
])
def test_a_text_both_sides_write_alike(src: str, tgt: str, langs: tuple[str, str], flagged: bool) -> None:
    found = run_checks(bitext([(src, tgt)], langs), only=["untranslated"])
    assert [f.message for f in found] == (["the translation is the original unchanged"] if flagged else [])


# ---------------------------------------------------------------- length

def _length_text(odd: str, langs: tuple[str, str]) -> Bitext:
    """30 ordinary links, then one whose translation is `odd` (French or English)."""
    fr = [f"Phrase numéro {k} qui raconte une histoire assez ordinaire au village." for k in range(30)]
    en = [f"Sentence number {k} telling a rather ordinary story in the village." for k in range(30)]
    if langs == ("en", "fr"):
        return bitext(list(zip(en, fr)) + [("The bridge was built in eleven years by masons from the next "
                                            "village.", odd)], langs)
    return bitext(list(zip(fr, en)) + [("Le pont fut construit en onze ans par les maçons du village "
                                        "voisin.", odd)], langs)


@pytest.mark.parametrize("odd, langs, without, with_", [
    # |z| 5.8: past the bar without evidence, short of the one with it (clean LIMSI links reach 5.4)
    ("The bridge was built by the masons.", ("fr", "en"), True, False),
    # |z| 9.2: far outside this text's lengths, with evidence too
    ("The bridge was built.", ("fr", "en"), True, True),
    ("Le pont fut construit.", ("en", "fr"), True, True),
])
def test_a_length_ratio_needs_more_with_evidence(odd: str, langs: tuple[str, str], without: bool,
                                                 with_: bool) -> None:
    b = _length_text(odd, langs)
    assert [f.link for f in run_checks(b, only=["length"])] == ([30] if without else [])
    got = run_checks(b, only=["length"], evidence=graded_evidence({}))
    assert [f.link for f in got] == ([30] if with_ else [])


# ---------------------------------------------------------------- untranslated, a third language

@pytest.mark.parametrize("src, tgt, langs, flagged", [
    # an English title or reference both sides keep: 'in', 'expedition', 'new' are German words too
    ("The Alpine Journal, in: New Expedition to the Himalaya.",
     "The Alpine Journal, in: New Expedition to the Himalaya.", ("de", "fr"), False),
    ("Quoted in the report of the expedition.", "Quoted in the report of the expedition.", ("de", "fr"), False),
    ("Selon le rapport, in the words of the leader of the expedition, tout allait bien.",
     "Nach dem Bericht, in the words of the leader of the expedition, ging alles gut.", ("fr", "de"), False),
    # the original left untranslated is still found, both ways
    ("Wir stiegen in der Nacht über den Gletscher zum Lager.",
     "Wir stiegen in der Nacht über den Gletscher zum Lager.", ("de", "fr"), True),
    ("Nous montâmes de nuit par le glacier jusqu'au camp.",
     "Nous montâmes de nuit par le glacier jusqu'au camp.", ("fr", "de"), True),
    ("Il montait la nuit vers le camp avec les autres.",
     "Il montait la nuit vers le camp avec les autres.", ("fr", "en"), True),
    ("She went up in the night with the others.", "She went up in the night with the others.", ("en", "fr"), True),
    # most words of the original's language, not identical: still found
    ("Wir stiegen in der Nacht über den Gletscher zum Lager.",
     "Wir stiegen in der Nacht über den Gletscher zum camp.", ("de", "fr"), True),
])
def test_a_text_in_a_third_language(src: str, tgt: str, langs: tuple[str, str], flagged: bool) -> None:
    found = run_checks(bitext([(src, tgt)], langs), only=["untranslated"])
    assert bool(found) == flagged
