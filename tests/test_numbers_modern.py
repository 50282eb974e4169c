"""The numbers and untranslated checks on contemporary writing (a proofreader's false alarms
on correct translations): thousands written '100k' / '1.2k', 'round the clock' written
'24 h/24 et 7 j/7' / '24/7', version numbers ('2.4.1'), and identifiers ('max_retries')
a translation keeps as the original writes them. Sentences written for these tests; each
clean pair must be silent, and the same pair with the value changed still found.
"""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def _findings(src: str, tgt: str, src_lang: str, tgt_lang: str, check: str) -> tuple[Finding, ...]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return run_checks(bitext, only=[check])


def _numbers(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in _findings(src, tgt, src_lang, tgt_lang, "numbers")]


THOUSANDS_CLEAN = [  # (src, tgt, src_lang, tgt_lang)
    ("Son compte compte 100 000 abonnés.", "Her account has 100k followers.", "fr", "en"),
    ("Sie hat 100 000 Follower.", "She has 100k followers.", "de", "en"),
    ("Das kostet 1.200 Euro.", "That costs 1.2k euros.", "de", "en"),
    ("La vidéo a fait 15 000 vues.", "The video got 15K views.", "fr", "en"),
    ("Le prix est de 50 000 €.", "The price is €50k.", "fr", "en"),
    ("Sie hat 100 Tausend Follower.", "She has 100k followers.", "de", "en"),
    ("Il a couru 5 km.", "He ran 5 km.", "fr", "en"),   # a unit, not thousands
    ("Le sac pèse 10kg.", "The bag weighs 10kg.", "fr", "en"),
    ("Une vidéo en 4K.", "A 4K video.", "fr", "en"),
]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", THOUSANDS_CLEAN)
def test_thousands_written_k_are_read_as_thousands(src: str, tgt: str, src_lang: str, tgt_lang: str) -> None:
    assert _numbers(src, tgt, src_lang, tgt_lang) == []


THOUSANDS_CHANGED = [  # (src, tgt, src_lang, tgt_lang, said in the message)
    ("Son compte compte 100 000 abonnés.", "Her account has 10k followers.", "fr", "en", "100 000 in the original, 10k"),
    ("Das kostet 1.200 Euro.", "That costs 1.5k euros.", "de", "en", "1.200 in the original, 1.5k"),
    ("Il a couru 5 km.", "He ran 5,000 km.", "fr", "en", "5 in the original, 5,000"),
]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, said", THOUSANDS_CHANGED)
def test_thousands_written_k_changed_are_found(src: str, tgt: str, src_lang: str, tgt_lang: str,
                                               said: str) -> None:
    found = _numbers(src, tgt, src_lang, tgt_lang)
    assert len(found) == 1 and found[0].startswith("error") and said in found[0], found


ROUND_AND_VERSIONS = [  # (src, tgt, src_lang, tgt_lang, expected finding or None)
    ("Le service client est joignable 24 h/24 et 7 j/7.", "Customer service is available 24/7.", "fr", "en", None),
    ("Le service est ouvert 24h/24, 7j/7.", "The service is open 24/7.", "fr", "en", None),
    ("Ouvert 24 heures sur 24.", "Open around the clock, 24 hours a day.", "fr", "en", None),
    ("Der Dienst ist 24/7 erreichbar.", "The service is available 24/7.", "de", "en", None),
    ("Le service est joignable 24 h/24 et 6 j/7.", "Customer service is available 24/7.", "fr", "en",
     "info: numbers differ: 6 in the original, nothing in the translation"),
    ("Die Version 2.4.1 behebt den Fehler.", "Version 2.4.2 fixes the bug.", "de", "en",
     "error: numbers differ: 2.4.1 in the original, 2.4.2 in the translation"),
    ("Installez la v1.10.3.", "Install v1.10.4.", "fr", "en",
     "error: numbers differ: v1.10.3 in the original, v1.10.4 in the translation"),
    ("Die Version 2.4.1 behebt den Fehler.", "Version 2.4.1 fixes the bug.", "de", "en", None),
    ("Le serveur 192.168.0.1 répond.", "The server 192.168.0.1 answers.", "fr", "en", None),
    # dates and thousands keep being read part by part, or as one number
    ("Am 21.3.2004 kam er.", "He came on 21/03/2004.", "de", "en", None),
    ("Es kostet 1.000.000 Euro.", "It costs 1,000,000 euros.", "de", "en", None),
]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", ROUND_AND_VERSIONS)
def test_round_the_clock_and_versions_read_whole(src: str, tgt: str, src_lang: str, tgt_lang: str,
                                                 expected: str | None) -> None:
    assert _numbers(src, tgt, src_lang, tgt_lang) == ([expected] if expected else [])


UNTRANSLATED = [  # (src, tgt, src_lang, tgt_lang, a finding expected)
    ("Der Parameter max_retries ist standardmäßig auf 3 gesetzt.", "The max_retries parameter defaults to 3.",
     "de", "en", False),
    ("Der Parameter maxRetries ist standardmäßig auf 3 gesetzt.", "The maxRetries parameter defaults to 3.",
     "de", "en", False),
    ("Die Datei config.yaml liegt im Ordner src/app des Servers.",
     "The file config.yaml is in the server's src/app folder.", "de", "en", False),
    # terms both languages borrow, written alike on both sides
    ("Das Dashboard zeigt Traffic, Clicks und Downloads.", "The dashboard shows traffic, clicks and downloads.",
     "de", "en", False),
    ("Le paramètre max_retries vaut 3 par défaut.", "The max_retries parameter defaults to 3.", "fr", "en", False),
    # still found: the original left in, identifiers or not
    ("Der Parameter max_retries ist standardmäßig auf 3 gesetzt.",
     "Der Parameter max_retries ist standardmäßig auf drei gesetzt.", "de", "en", True),
    ("Der Hund hat die Katze im Garten gesehen und ist weggelaufen.",
     "The dog hat die Katze im Garten gesehen und ist weggelaufen.", "de", "en", True),
]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, found", UNTRANSLATED)
def test_identifiers_and_shared_terms_do_not_vote(src: str, tgt: str, src_lang: str, tgt_lang: str,
                                                  found: bool) -> None:
    messages = [f.message for f in _findings(src, tgt, src_lang, tgt_lang, "untranslated")]
    assert bool(messages) == found, messages
