"""The placeholders check (check_codes.py): a software string's placeholders and codes ('{0}',
'{name}', '%d', '%1$s', '%(count)d', '${user}', '{{count}}', tags written as text, '&nbsp;')
missing, added or changed in the translation are a warning; in another order, or a printf
string reordered with positions, they are not. Strings written for these tests.
"""

from __future__ import annotations

import pytest

from alignment.checks import DEFAULT_CHECKS, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def _found(src: str, tgt: str, src_lang: str = "fr", tgt_lang: str = "en") -> tuple[Finding, ...]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return run_checks(bitext, only=["placeholders"])


SLIPS = [  # (src, tgt, message)
    ("Bonjour {name}, bienvenue !", "Hello, welcome!", "placeholder '{name}' is missing in the translation"),
    ("Le chiffre {0} dépasse la limite.", "The figure {1} exceeds the limit.",
     "placeholder '{0}' became '{1}' in the translation"),
    ("Vous avez %d nouveaux messages.", "You have %s new messages.", "placeholder '%d' became '%s' in the translation"),
    ("Fichier %1$s introuvable.", "File not found.", "placeholder '%1$s' is missing in the translation"),
    ("%(count)d fichiers supprimés.", "Files deleted.", "placeholder '%(count)d' is missing in the translation"),
    ("Bonjour ${user} !", "Hello ${usr}!", "placeholder '${user}' became '${usr}' in the translation"),
    ("{{count}} éléments", "items", "placeholder '{{count}}' is missing in the translation"),
    ("Le fichier <b>rapport.pdf</b> a été supprimé.", "The file rapport.pdf has been removed.",
     "placeholders '<b>', '</b>' are missing in the translation"),
    ("Prix&nbsp;: 5 €", "Price: €5", "placeholder '&nbsp;' is missing in the translation"),
    ("Enregistrer", "Save {0}", "placeholder '{0}' is not in the original"),
    ("De {0} à {1}", "From {0} to {0}", "placeholder '{1}' became '{0}' in the translation"),
    ("Erreur %s : %s", "Error %s", "placeholder '%s' is missing in the translation"),
    ("Von %1$s bis %2$s", "From %1$s to %1$s", "placeholder '%2$s' became '%1$s' in the translation"),
]


@pytest.mark.parametrize("src, tgt, message", SLIPS)
def test_a_placeholder_lost_added_or_changed_is_a_warning(src: str, tgt: str, message: str) -> None:
    found = _found(src, tgt)
    assert [(f.severity, f.message) for f in found] == [("warning", message)]
    assert all(f.spans for f in found)


CLEAN = [  # (src, tgt)
    ("Bonjour {name}, bienvenue !", "Welcome, {name}!"),
    ("De {0} à {1}", "To {1} from {0}"),                          # another order
    ("%s a envoyé %d messages.", "%d messages sent by %s."),
    ("Fichier %s dans %s", "In %2$s, file %1$s"),                 # printf reordered with positions
    ("Bonjour {{ count }}", "Hello {{count}}"),                    # spaces inside the braces
    ("Cliquez sur <a href=\"/fr/aide\">l'aide</a>.", "See <a href=\"/en/help\">help</a>."),
    ("Augmentation de 50 % sur un an", "Up 50% in one year"),     # a percent sign, no code
    ("Remise de 10 %% appliquée", "10%% discount applied"),
    ("Il dit : <<Oui>>.", "He said: “Yes.”"),                     # quotes written with '<'
    ("Marie a 3 ans et sa sœur 5.", "Marie is 3 and her sister 5."),
    # German and Swiss texts quote with '<' and '>' ('‹ ›' typed or scanned): no tags
    ("Die Enge eines solchen <Basislagers> fördert den Wechsel.",
     "L'étroitesse d'un tel camp de base favorise les changements."),
    ("Es war der <Altar-stein>, ein Block.", "C'était la « pierre de l'autel », un bloc."),
]


@pytest.mark.parametrize("src, tgt", CLEAN)
def test_no_finding_where_the_codes_agree_or_there_are_none(src: str, tgt: str) -> None:
    assert _found(src, tgt) == ()


def test_the_check_is_registered_and_on_by_default() -> None:
    assert "placeholders" in DEFAULT_CHECKS


@pytest.mark.parametrize("src, tgt, checks", [
    ("Bonjour {0}, vous avez 3 messages.", "Hello {1}, you have 3 messages.", ["placeholders"]),
    ("Titre<h2>&#160;5", "Title<h2>&#160;5", []),
    ("Vous avez 3 messages, %1$s.", "You have 4 messages, %1$s.", ["numbers"]),
])
def test_the_digits_of_a_code_are_no_numbers(src: str, tgt: str, checks: list[str]) -> None:
    """'{0}' / '{1}' is one placeholder changed, not also 'numbers differ: 0 … 1'."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), "fr", "en")
    assert [f.check for f in run_checks(bitext, only=["numbers", "placeholders"])] == checks
