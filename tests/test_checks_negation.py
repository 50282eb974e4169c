"""The negation check (negation.py): a negation on one side of a link and none on the other
('il n'avait pas écrit' / 'he had written') is reported where the encoder agrees the side
without reads as the other side with its negation taken out; faithful negations, and the
phrases that look negative but are not ('ne ... que', 'sans doute'), are not."""

from __future__ import annotations

import pytest

from alignment.checks import CHECKS, DEFAULT_CHECKS, run_checks
from alignment.evidence import word_evidence
from alignment.negation import negations, without_negation
from alignment.types import Alignment, Bitext, Link, Sentence


@pytest.fixture(scope="module")
def encoder():
    from alignment.registry import EMBEDDERS
    return EMBEDDERS["use"]()


def negation_findings(src: str, tgt: str, langs: tuple[str, str], encoder) -> list[tuple[str, str]]:
    b = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    found = run_checks(b, only=["negation"], evidence=word_evidence(b, encoder))
    return [(f.severity, f.message) for f in found]


DROPPED = "only the original says no here: a negation dropped or added?"
ADDED = "only the translation says no here: a negation dropped or added?"


@pytest.mark.parametrize("src, tgt, langs, message", [
    # a negation dropped (the proofreader's texts, fr->en and de->fr) ...
    ("Il ne parlait pas de leur père.", "He mentioned their father.", ("fr", "en"), DROPPED),
    ("Sie war nicht sicher.", "Elle était sûre.", ("de", "fr"), DROPPED),
    # ... and added, the other way round
    ("He mentioned their father.", "Il ne parlait pas de leur père.", ("en", "fr"), ADDED),
    ("Elle était sûre.", "Sie war nicht sicher.", ("fr", "de"), ADDED),
    # faithful: both sides negate, or neither does
    ("Il ne parlait pas de leur père.", "He did not mention their father.", ("fr", "en"), None),
    ("Sie war nicht sicher.", "Elle n'était pas sûre.", ("de", "fr"), None),
    ("Personne ne savait pourquoi.", "Nobody knew why.", ("fr", "en"), None),
    ("Elle n'était pas sûre.", "Sie war nicht sicher.", ("fr", "de"), None),
    # 'ne ... que' is 'only', 'sans doute' 'probably', 'nicht nur' 'not only': no negation
    ("Il ne restait que deux heures.", "Only two hours were left.", ("fr", "en"), None),
    ("Sans doute viendra-t-il demain.", "He will probably come tomorrow.", ("fr", "en"), None),
    ("Er war nicht nur müde, sondern auch hungrig.", "Il était fatigué, et aussi affamé.", ("de", "fr"), None),
])
def test_a_negation_on_one_side_only_is_reported(src, tgt, langs, message, encoder) -> None:
    assert negation_findings(src, tgt, langs, encoder) == ([("warning", message)] if message else [])


def test_the_finding_marks_the_negation() -> None:
    from alignment.check_config import CheckConfig
    from alignment.negation import check_negation

    class Evidence:   # a try-out that always gains: the marks are what is tested
        encode = object()

        def add_pairs(self, pairs):
            pass

        def pair_cosine(self, src, tgt):
            return 0.9 if "pas" not in src else 0.5

    src = "Pendant six ans, il n'avait pas écrit une seule fois."
    b = Bitext((Sentence(src),), (Sentence("For six years he had written once."),),
               Alignment((Link((0,), (0,)),)), "fr", "en")
    (f,) = check_negation(b, CheckConfig(), Evidence())   # type: ignore[arg-type]
    assert [src[s.start:s.end] for s in f.spans] == ["n'", "pas"]


@pytest.mark.parametrize("text, lang, said", [
    ("Pendant six ans, il n'avait pas écrit une seule fois.", "fr", [["n'", "pas"]]),
    ("Personne ne savait pourquoi.", "fr", [["ne", "Personne"]]),
    ("Il ne restait que deux heures.", "fr", []),
    ("Il partit sans doute le lendemain.", "fr", []),
    ("Il partit sans un mot.", "fr", [["sans"]]),
    ("He didn't change, then.", "en", [["didn't"]]),
    ("She had nothing and nobody.", "en", [["nothing"], ["nobody"]]),
    ("It was not only cold.", "en", []),
    ("Sie war nicht sicher.", "de", [["nicht"]]),
    ("Er hatte keine Zeit.", "de", [["keine"]]),
    ("No lo sé.", "es", [["No"]]),
    ("Я не знаю.", "ru", [["не"]]),
    ("Il ne savait pas.", "sv", []),   # no table for the language: nothing said
])
def test_negation_markers(text, lang, said) -> None:
    assert [[text[a:b] for a, b in neg] for neg in negations(text, lang)] == said


@pytest.mark.parametrize("text, lang, plain", [
    ("Il n'avait pas écrit.", "fr", "Il avait écrit."),
    ("He didn't change.", "en", "He did change."),
    ("He can't swim.", "en", "He can swim."),
    ("Sie hatte keine Zeit.", "de", "Sie hatte eine Zeit."),
    ("She had nothing.", "en", "She had something."),
])
def test_without_negation(text, lang, plain) -> None:
    assert without_negation(text, lang) == plain


def test_nothing_without_evidence() -> None:
    b = Bitext((Sentence("Sie war nicht sicher."),), (Sentence("Elle était sûre."),),
               Alignment((Link((0,), (0,)),)), "de", "fr")
    assert run_checks(b, only=["negation"]) == ()


def test_the_negation_check_runs_on_request_only() -> None:
    """Few slips found for its false warnings on clean links (checks.ON_REQUEST): asked by name."""
    assert "negation" in CHECKS and "negation" not in DEFAULT_CHECKS and "order" in DEFAULT_CHECKS
