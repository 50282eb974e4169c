"""The spelling check: words no word list knows, with their likely correction. Tables of
fr->en and de->fr pairs written here, each with the finding expected or none, with a
deterministic fake encoder (words of one group have cosine 1, all others 0)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alignment.checks import run_checks
from alignment.types import Sentence
from test_checks import bitext, fake_evidence, spans_text

# a few sound links around the one judged, so that the word list knows the text (list_covers)
AROUND_EN = [("Le chat dort sur le lit.", "The cat sleeps on the bed."),
             ("Il pleut depuis le matin.", "It has been raining since the morning."),
             ("Nous irons au marché demain.", "We will go to the market tomorrow.")]
AROUND_FR = [("Die Katze schläft auf dem Bett.", "Le chat dort sur le lit."),
             ("Es regnet seit dem Morgen.", "Il pleut depuis le matin."),
             ("Wir gehen morgen auf den Markt.", "Nous irons au marché demain.")]

EN = [
    # (original, translation, groups of words meaning alike, expected: (word, correction) or None)
    ("Il a reçu la lettre hier.", "He recieved the letter yesterday.", [("reçu", "received")],
     ("recieved", "'recieved' is no word: 'received'? (original: 'reçu')")),
    ("Il montra son indignation.", "He showed his indigination.", [],   # spelt like the original
     ("indigination", "'indigination' is no word: 'indignation'? (original: 'indignation')")),
    ("Elle était un peu fatiguée.", "She was a littlle tired.", [("peu", "little")],
     ("littlle", "'littlle' is no word: 'little'?")),   # common, and the original has its counterpart
    ("Il a reçu la lettre hier.", "He received the letter yesterday.", [("reçu", "received")], None),
    ("La couleur du ciel changea.", "The colour of the sky changed.", [("couleur", "color")], None),
    ("Il avait pris sa défense.", "He had taken up his defence.", [("défense", "defense")], None),
    ("Il faut choisir sa femme.", "He must chuse his own wife.", [("choisir", "choose")], None),
    ("Elle fila au rouet.", "She span at the rouet.", [], None),   # a word of the original kept
    ("Il le disait en ronronnant.", "He said it purring, the cat's rouet.", [], None),  # 'route': nothing of it
    ("Cela lui fit plaisir.", "That gave him a pleasurre.", [("plaisir", "pleasure")],
     ("pleasurre", "'pleasurre' is no word: 'pleasure'? (original: 'plaisir')")),
    ("Ils dirent au Lapin.", "They said to the Rabbbit.", [], None),   # capitalised: a name's business
    # a last consonant struck thrice: a key held, no form of the word (the list's 'shall' starts it)
    ("Nous nous verrons toujours.", "We shalll always meet.", [("verrons", "shall")],
     ("shalll", "'shalll' is no word: 'shall'? (original: 'verrons')")),
    ("Il dit : hmmm.", "He said: hmmm.", [("hmmm", "hmm")], None),   # an interjection's letters
    # a contraction is a word too ('couldn't'); a possessive of a listed word is no slip
    ("Je ne le vois pas.", "I con't see it.", [("pas", "don't")], ("con't", "'con't' is no word: 'don't'?")),
    ("Il ne pouvait pas répondre.", "He cuoldn’t answer.", [("pouvait", "couldn't")],
     ("cuoldn’t", "'cuoldn’t' is no word: 'couldn't'? (original: 'pouvait')")),
    ("Ils aimaient la compagnie l'un de l'autre.", "They liked each other's company.",
     [("autre", "others"), ("compagnie", "company")], None),
    # a form the list lacks and lemminflect's lexicon has
    # ('least' is one edit away, with a counterpart in the original)
    ("Elle s'appuya au moins sur le mur.", "At the least, she leant against the wall.",
     [("appuya", "leaned"), ("moins", "least")], None),
]

FR = [
    ("Er hat den Brief erhalten.", "Il a reçu la lettre.", [], None),
    ("Er hat den Brief erhalten.", "Il a reçu la letrte.", [("Brief", "lettre")],
     ("letrte", "'letrte' is no word: 'lettre'? (original: 'Brief')")),
    ("Ich kehrte zurück.", "Je retournai chez moi.", [("kehrte", "retournait")], None),   # a form the list lacks
    ("Er wartete lange.", "Il attendit longtemps à la crême.", [], None),   # an old spelling (accents)
    # two letters swapped, one of them accented: a slip of the keys, not an accent changed
    ("Er fiel danach.", "Il tomba aprsè cela.", [("danach", "après")],
     ("aprsè", "'aprsè' is no word: 'après'? (original: 'danach')")),
    # a verb form the list lacks and simplemma's lexicon has (passé simple, imperfect subjunctive)
    ("Ich entdeckte die Karte.", "Je découvris la carte.", [("entdeckte", "découvres")], None),
    ("Damit sie gingen.", "Pour qu'ils fissent ainsi.", [("gingen", "fassent")], None),
    # a phrase of another language quoted: its words beside one no edit makes a word ('gatto')
    ("Sie sagte: « Wo ist meine Katze? »", "Elle dit : « Dove è il mio gatto ? »", [("meine", "moi")], None),
]   # a slip beside another slip is told still: test_spelling_repeats ('recived the goverment')

AROUND_DE = [(fr, de) for de, fr in AROUND_FR]
DE = [   # German translations: Swiss 'ss' for 'ß', 'ß' itself (which casefolds to 'ss'), 'un-'
    ("Ils le laissèrent partir.", "Sie lsasen ihn gehen.", [("laissèrent", "lassen")],
     ("lsasen", "'lsasen' is no word: 'lassen'? (original: 'laissèrent')")),
    ("Ils s'assirent et le laissèrent partir.", "Sie sassen und lassen ihn gehen.",
     [("laissèrent", "lassen"), ("assirent", "lassen")], None),
    ("Ils s'assirent et le laissèrent partir.", "Sie saßen und lassen ihn gehen.",
     [("laissèrent", "lassen"), ("assirent", "lassen")], None),
    ("Le sommet est encore vierge.", "Der Gipfel ist noch unbezwungen.", [("vierge", "ungezwungen")], None),
]

@pytest.mark.parametrize("src, tgt, groups, expected", EN)
def test_misspelt_english_words(src, tgt, groups, expected):
    _judge(AROUND_EN + [(src, tgt)], groups, expected, ("fr", "en"))


@pytest.mark.parametrize("src, tgt, groups, expected", DE)
def test_misspelt_german_words(src, tgt, groups, expected):
    _judge(AROUND_DE + [(src, tgt)], groups, expected, ("fr", "de"))


@pytest.mark.parametrize("src, tgt, groups, expected", FR)
def test_misspelt_french_words(src, tgt, groups, expected):
    _judge(AROUND_FR + [(src, tgt)], groups, expected, ("de", "fr"))


def _judge(pairs, groups, expected, langs):
    b = bitext(pairs, src_lang=langs[0], tgt_lang=langs[1])
    found = run_checks(b, only=["spelling"], evidence=fake_evidence(groups))
    if expected is None:
        assert found == ()
        return
    (f,) = found
    assert f.link == len(pairs) - 1 and f.severity == "warning" and f.message == expected[1]
    assert spans_text(b, f)[0] == expected[0]


def test_without_the_encoder_only_a_correction_spelt_like_the_original_counts():
    b = bitext(AROUND_EN + [("Il montra son indignation et de la surprise.",
                             "He showed his indigination and some surpise.")])
    found = run_checks(b, only=["spelling"], evidence=None)
    assert [(spans_text(b, f)[0], f.message) for f in found] == [
        ("indigination", "'indigination' is no word: 'indignation'? (original: 'indignation')"),
        ("surpise", "'surpise' is no word: 'surprise'? (original: 'surprise')")]


def test_a_misspelling_the_translation_repeats_is_one_finding():
    """A translator who does not know a spelling repeats it: one finding, naming the other links
    (test_spelling_repeats.py)."""
    b = bitext(AROUND_EN + [("Il a reçu la lettre.", "He recieved the letter."),
                            ("Elle a reçu le colis.", "She recieved the parcel.")])
    found = run_checks(b, only=["spelling"], evidence=fake_evidence([("reçu", "received")]))
    assert [(f.link, f.message) for f in found] == [
        (3, "'recieved' is no word: 'received'? (original: 'reçu'; also in link 5)")]


def test_a_word_the_translation_writes_in_two_forms_is_its_own():
    """'une cluse' (a geographer's word the list lacks) was read as 'cause', which the encoder
    puts near the article 'die' (Text+Berg dev); the text writes 'cluses' too, and a slip of the
    keys is seldom made twice, in two forms. (simplemma knows 'cluse' now: an old spelling that
    no list knows, 'cauze', stands for it.)"""
    one = ("Die Aare hat dort eine tiefe Ursache.", "L'Aar y a une cauze profonde.")
    two = ("Solche Ursachen sind selten.", "De telles cauzes sont rares.")
    ev = fake_evidence([("Die", "cause")])
    alone = bitext(AROUND_FR + [one], src_lang="de", tgt_lang="fr")
    assert [spans_text(alone, f)[0] for f in run_checks(alone, only=["spelling"], evidence=ev)] == ["cauze"]
    more = [("Der Weg war lang.", "Le chemin était long."), ("Wir sahen den Berg.", "Nous avons vu la montagne.")]
    both = bitext(AROUND_FR + more + [one, two], src_lang="de", tgt_lang="fr")
    assert run_checks(replace(both, tgt=both.tgt[:-1] + (Sentence("De telles gorges sont rares."),)),
                      only=["spelling"], evidence=ev)   # the word list knows the text
    assert run_checks(both, only=["spelling"], evidence=ev) == ()


def test_a_misspelt_word_is_one_finding_not_also_a_real_word_slip():
    b = bitext(AROUND_EN + [("Il a reçu la lettre hier matin.", "He received the letter yesterday mornign.")])
    found = run_checks(b, only=["spelling", "realword"], evidence=fake_evidence([("matin", "morning")]))
    assert [(f.check, spans_text(b, f)[0]) for f in found] == [("spelling", "mornign")]


def test_no_word_list_or_one_that_misses_the_text_says_nothing():
    words = "Kaj vi bone fartas hodiaŭ? Mi tre ĝojas vidi vin."   # Esperanto: no list
    assert run_checks(bitext([("Comment allez-vous ?", words)], tgt_lang="eo"), only=["spelling"]) == ()
    dialect = [("Le chat dort.", "Th' cat's a-sleepin' oan th' bed, ye ken, an' dinnae wake 'im.")] * 3
    assert run_checks(bitext(dialect), only=["spelling"], evidence=fake_evidence([])) == ()


@pytest.mark.parametrize("pairs, langs, regional, groups", [
    (AROUND_EN + [("Il a reçu la lettre hier.", "He recieved the letter yesterday.")], ("fr", "en"),
     ("fr-FR", "en-GB"), [("reçu", "received")]),
    (AROUND_FR + [("Wir sehen uns morgen, den Brief in der Hand.", "Nous nous verrons demain, la letrte en main.")], ("de", "fr"),
     ("de-CH", "fr_CA"), [("Brief", "lettre")]),
    (AROUND_EN + [("Il partit le 8 octobre 1925, à midi.", "He left on 8/10/1925, at 12:00."),
                  ("Il revint le 9 octobre 1925.", "He came back on October 9, 1926.")],
     ("fr", "en"), ("fr-CA", "en-US"), []),   # month names and 'midi' by language
])
def test_a_regional_tag_checks_as_its_language(pairs, langs, regional, groups):
    """A TMX says 'en-GB', a person types '-t fr_CA': the word lists are per language, and
    with a regional tag the word-list checks used to fall silent ('nous nous' became a
    doubled word, and 'octobre' no month: '8, 1925' differed)."""
    def findings(src_lang, tgt_lang):
        b = bitext(pairs, src_lang=src_lang, tgt_lang=tgt_lang)
        return [(f.check, f.message) for f in run_checks(b, evidence=fake_evidence(groups))]
    plain = findings(*langs)
    assert plain and findings(*regional) == plain


def test_the_german_list_knows_words_with_eszett_casefolded() -> None:
    """The checks look words up casefolded and 'ß' casefolds to 'ss': 'saßen' and 'Straße' were
    unknown to them (and so is the Swiss spelling, 'sassen', 'Strasse', until listed too); a
    casefolded form that is a word of its own keeps its own count ('masse', not 'maße')."""
    from spellchecker import SpellChecker

    from alignment.word_lists import speller_for
    listed = SpellChecker(language="de").word_frequency.dictionary
    speller = speller_for("de")
    assert "sassen" not in listed and "strasse" not in listed
    assert all(w.casefold() in speller for w in ("saßen", "Straße", "sassen", "Strasse", "muß"))
    assert speller.word_frequency.dictionary["masse"] == listed["masse"]
    assert speller.word_frequency.dictionary["strasse"] == listed["straße"]
