"""Language codes: BCP 47 normalisation, the encoder's language, refusing 'und' (issue 10, item 11)."""

from __future__ import annotations

import pytest

from alignment.errors import UnsupportedLanguage
from alignment.lang import (contradicts, detect_language, encoder_language, normalize_language, primary,
                            sure_language)
from alignment.use_model import SUPPORTED_LANGUAGES


@pytest.mark.parametrize("code, tag", [
    ("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("fr-fr", "fr-FR"), ("pt_br", "pt-BR"),
    ("pt-BR", "pt-BR"), ("fra", "fr"), ("fre", "fr"), ("FRA", "fr"), ("zh_hant_tw", "zh-Hant-TW"),
    ("zh-Hant", "zh-Hant"), ("sr_Latn", "sr-Latn"), ("es-419", "es-419"), ("en_US.UTF-8", "en-US"),
    ("de-CH-1996", "de-CH-1996"), (" it ", "it"),
])
def test_codes_become_bcp47_tags(code, tag):
    assert normalize_language(code) == tag


@pytest.mark.parametrize("code, message", [
    ("und", "no definite language"), ("UND", "no definite language"), ("mul", "no definite language"),
    ("xx", "unknown language code"), ("tlh", "unknown language code"), ("", "unknown language code"),
    ("fr FR", "unknown language code"), ("fr\x01", "unknown language code"), ("f", "unknown language code"),
])
def test_undetermined_unknown_and_malformed_codes_are_refused(code, message):
    with pytest.raises(UnsupportedLanguage, match=message) as info:
        normalize_language(code)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("tag, expected", [
    ("fr", "fr"), ("fr-FR", "fr"), ("fr-CA", "fr"), ("pt-BR", "pt"), ("zh", "zh"),
    ("zh-CN", "zh"), ("zh-Hans", "zh"), ("zh-TW", "zh-TW"), ("zh-Hant", "zh-TW"),
    ("zh-HK", "zh-TW"), ("zh-Hant-TW", "zh-TW"), ("el", None), ("sr-Latn", None),
])
def test_regional_variants_map_to_the_encoders_language(tag, expected):
    assert encoder_language(tag, SUPPORTED_LANGUAGES) == expected


def test_detect_language():
    assert detect_language("Le vieux pont de Saint-Aubin s'est effondré pendant la crue de "
                           "l'hiver dernier, et les habitants du village l'ont pleuré.") == "fr"
    assert detect_language("12 34 56") is None


class _KnowsLanguages:
    """The hashing embedder wearing the encoder's language list, as the real one does."""

    def __init__(self, inner):
        self.inner = inner
        self.name = "fake-use"
        self.languages = SUPPORTED_LANGUAGES

    def __getattr__(self, name):
        return getattr(self.inner, name)


SRC = ["Le pont est tombé.", "Les habitants ont pleuré.", "Il sera reconstruit."]
TGT = ["The bridge fell.", "The villagers wept.", "It will be rebuilt."]


def test_a_regional_code_keeps_the_encoder_and_is_bcp47(fake_embedder):
    from alignment.pipeline import align_sentences

    bitext = align_sentences(SRC, TGT, src_lang="fr_FR", tgt_lang="en_GB",
                             embedder=_KnowsLanguages(fake_embedder))
    assert (bitext.src_lang, bitext.tgt_lang) == ("fr-FR", "en-GB")
    assert not [w for w in bitext.alignment.warnings if "does not know" in w]
    unknown = align_sentences(SRC, TGT, src_lang="el", tgt_lang="en",
                              embedder=_KnowsLanguages(fake_embedder))
    assert [w for w in unknown.alignment.warnings if "does not know el" in w]


def test_und_is_refused_not_taken_as_english(fake_embedder):
    from alignment.pipeline import align_sentences

    with pytest.raises(UnsupportedLanguage, match="'und'"):
        align_sentences(SRC, TGT, src_lang="und", tgt_lang="en", embedder=fake_embedder)


def test_tmx_writes_bcp47_language_tags(fake_embedder):
    from dataclasses import replace

    from alignment.export import render_tmx
    from alignment.pipeline import align_sentences

    bitext = align_sentences(SRC, TGT, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    tmx = render_tmx(replace(bitext, src_lang="fr_FR", tgt_lang="pt_br")).decode("utf-8")
    assert 'xml:lang="fr-FR"' in tmx and 'xml:lang="pt-BR"' in tmx
    assert "fr_FR" not in tmx and "pt_br" not in tmx


def test_cli_align_with_a_posix_code(tmp_path):
    from click.testing import CliRunner

    from alignment.cli import main

    src, tgt = tmp_path / "fr.txt", tmp_path / "en.txt"
    src.write_text("\n".join(SRC) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(TGT) + "\n", encoding="utf-8")
    out = tmp_path / "pairs.tmx"
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "-s", "fr_FR", "-t", "en",
                                       "--embedder", "hashing", "-q", "--tmx", str(out)])
    assert result.exit_code == 0, result.output
    assert 'xml:lang="fr-FR"' in out.read_text(encoding="utf-8")
    src.write_text("Le vieux pont de Saint-Aubin s'est effondré pendant la crue de l'hiver "
                   "dernier.\nLes habitants du village l'ont pleuré pendant des semaines.\n"
                   "Il sera reconstruit avec les pierres de la carrière voisine.\n",
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "-s", "und", "-t", "en",
                                       "--embedder", "hashing", "-q", "--tmx", str(out)])
    assert result.exit_code == 0, result.output
    assert "Detected language: source fr" in result.stderr
    assert 'xml:lang="fr"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("tag, expected", [
    ("pt-BR", "pt"), ("pt_BR", "pt"), ("EN", "en"), (" fr ", "fr"), ("zh-Hant-TW", "zh"), ("", ""), (None, ""),
])
def test_the_primary_subtag_keys_per_language_lists(tag: str | None, expected: str) -> None:
    assert primary(tag) == expected


@pytest.mark.parametrize("text, lang", [
    ("好。", "zh"), ("他去了北京。", "zh"), ("彼は家を売った。", "ja"), ("그는 서울에 갔다.", "ko"),
    ("Good.", None),            # one word: langdetect said Somali, with probability 1.0
    ("Good morning, sir.", "en"),
])
def test_detect_language_by_script_and_not_on_a_word(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_detections_at_once_agree_with_one_at_a_time() -> None:
    """The app detects both uploads' languages, and two people may upload at once: langdetect
    shares one factory and the global random, and concurrent calls read English as Polish."""
    from concurrent.futures import ThreadPoolExecutor
    texts = {"en": "The storm reached the island at about half past ten, and the keeper climbed the "
                   "steps to the lamp room while her nephew watched the sea from the window.",
             "fr": "La tempête atteignit l'île vers dix heures et demie, et la gardienne monta les "
                   "marches jusqu'à la chambre de la lampe pendant que son neveu regardait la mer.",
             "de": "Der Sturm erreichte die Insel gegen halb elf, und die Wärterin stieg die Stufen "
                   "zum Lampenraum hinauf, während ihr Neffe vom Fenster aus das Meer beobachtete."}
    jobs = [lang for _ in range(6) for lang in texts]
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(lambda lang: detect_language(texts[lang]), jobs))
    assert found == jobs


@pytest.mark.parametrize("text, lang", [
    ("Hello everyone.", None),          # was Norwegian (0.86): aligned fr-no, the encoder off
    ("Ze ging vroeg naar huis.", None),  # was Afrikaans
    ("Hallo allemaal.", None),           # was Estonian
    ("Jeg elsker deg.", None),           # Norwegian indeed, but a line tells too little
    ("It is raining again.", "en"),      # among the encoder's languages only: English, sure
])
def test_a_short_text_is_guessed_only_among_the_encoders_languages(text, lang) -> None:
    assert detect_language(text) == lang


def test_a_long_text_keeps_a_language_the_encoder_does_not_know_and_known_can_be_given() -> None:
    norwegian = ("Det gamle fyrtårnet sto på klippen i mer enn hundre år, og fyrvokteren gikk "
                 "opp trappene hver kveld for å tenne lampen mens nevøen hennes så på havet.")
    assert detect_language(norwegian) == "no"     # the aligner then warns: not known
    assert detect_language("Hello everyone.", known={"en", "no"}) == "no"
    assert detect_language("Hello everyone.", known={"en", "fr"}) is None


# ---------------------------------------------------------------- a language chosen against the text's

STORM = {"en": "The storm reached the island at about half past ten, and the keeper climbed the "
               "steps to the lamp room while her nephew watched the sea from the window.",
         "ru": "Буря дошла до острова около половины одиннадцатого, и смотрительница поднялась "
               "по ступеням к лампе, пока её племянник смотрел на море из окна.",
         "zh": "暴风雨在十点半左右到达小岛，看守人爬上台阶去灯室，她的侄子在窗边看着大海。",
         "ja": "嵐は十時半ごろ島に着き、灯台守は階段を上ってランプの部屋へ行った。"}


@pytest.mark.parametrize("text, lang", [
    *((text, lang) for lang, text in STORM.items()),
    ("It is raining again.", None),                 # detect_language says en; too short to contradict
    ("We were late for the train this morning.", None),  # langdetect: en at 0.99999, still a line
    ("Hello everyone.", None),
    ("好。", None),
    ("12 34 56 78 90 " * 20, None),
    (" ".join(f"Line {k}." for k in range(2000)), None),   # one word again and again: read as de
    ("Yes, yes, no. " * 40, None),
], ids=["en", "ru", "zh", "ja", "short-en", "line-en", "hello", "one-character", "digits",
        "one-word-lines", "three-words"])
def test_sure_language_only_on_a_few_sentences(text: str, lang: str | None) -> None:
    assert sure_language(text) == lang


@pytest.mark.parametrize("found, chosen, clash", [
    ("ru", "en", True), ("de", "fr", True), ("en", "ru", True), ("ja", "zh", True),
    ("ru", "ru", False), ("en", "en-GB", False), ("en", "eng", False), ("zh", "zh-TW", False),
    ("pt", "pt_BR", False),
    ("hr", "sr", False),    # no Serbian profile: langdetect names the nearest it knows
    ("no", "nb", False), ("pt", "gl", False),
    ("no", "da", False), ("sk", "cs", False),   # neighbours langdetect confuses
    (None, "en", False),    # unsure: nothing to contradict
    ("en", "xx", False),    # no language: the aligner refuses it itself
], ids=lambda v: str(v))
def test_a_sure_detection_contradicts_only_another_language_it_could_have_named(found, chosen,
                                                                               clash) -> None:
    assert contradicts(found, chosen) is clash


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_an_interruption_while_langdetect_loads_is_itself_and_loading_starts_again(monkeypatch, stop):
    """Ctrl-C (or SIGTERM's exit) while langdetect read its profiles came out as its 'Profile
    format error in .../vi', and the half-loaded factory stayed; now the interruption is raised
    as itself and the next detection loads the profiles again."""
    import langdetect.detector_factory as factory

    from alignment.lang import detect_language

    text = "Le vieux pont de pierre enjambe la rivière depuis trois siècles. " * 3
    monkeypatch.setattr(factory, "_factory", None)
    real = factory.DetectorFactory.add_profile
    calls = []

    def interrupted(self, profile, index, langsize):
        calls.append(index)
        if len(calls) == 3:
            raise stop()
        return real(self, profile, index, langsize)
    monkeypatch.setattr(factory.DetectorFactory, "add_profile", interrupted)
    with pytest.raises(stop):
        detect_language(text)
    assert factory._factory is None
    monkeypatch.setattr(factory.DetectorFactory, "add_profile", real)
    assert detect_language(text) == "fr"
