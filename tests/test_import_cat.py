"""A CAT tool's file imported as the translator left it: each segment's state (unfinished or
doubtful -> a link to review; approved -> reviewed), its notes as translator comments, a
table's header of language names and its note column; and write-back leaves what the import
read as it was. Small files written here, each read into the PO fields it must give."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.import_pairs import read_pairs, read_pairs_noted
from alignment.po_read import DEFAULT_REVIEW_THRESHOLD
from alignment.write_back import write_back

X12 = "urn:oasis:names:tc:xliff:document:1.2"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
SURE, TO_SEE, DONE = "sure", "to review", "reviewed"


def xliff(*units: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{X12}" '
            f'xmlns:sdl="{SDL}">\n<file original="a.docx" source-language="fr" target-language="en" '
            'datatype="plaintext"><header><note>Client: Lyon</note></header><body>\n'
            + "\n".join(units) + "\n</body></file>\n</xliff>\n").encode()


def xliff2(*units: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'version="2.0" srcLang="fr" trgLang="en"><file id="f">\n' + "\n".join(units)
            + "\n</file></xliff>\n").encode()


def tu(target: str = '<target state="translated">It rains.</target>', attrs: str = "", note: str = "") -> str:
    return f'<trans-unit id="1"{attrs}><source>Il pleut.</source>{target}{note}</trans-unit>'


def sdl_unit(*confs: str) -> str:
    mids = range(1, len(confs) + 1)
    src = " ".join(f'<mrk mtype="seg" mid="{m}">Phrase {m}.</mrk>' for m in mids)
    tgt = " ".join(f'<mrk mtype="seg" mid="{m}">Sentence {m}.</mrk>' for m in mids)
    defs = "".join(f'<sdl:seg id="{m}" conf="{c}"/>' for m, c in zip(mids, confs))
    return (f'<trans-unit id="u"><source>x</source><seg-source>{src}</seg-source><target>{tgt}</target>'
            f'<sdl:seg-defs>{defs}</sdl:seg-defs></trans-unit>')


def states(data: bytes, name: str) -> list[str]:
    """Each link's state as the app counts it: to review (below the threshold, not reviewed),
    reviewed, or a sure link no one reviewed; a link to review never at 0 (drawn doubtful)."""
    links = read_pairs(data, name).alignment.links
    assert all(link.confidence >= 0.5 for link in links)
    return [DONE if link.reviewed else TO_SEE if link.confidence < DEFAULT_REVIEW_THRESHOLD else SURE
            for link in links]


@pytest.mark.parametrize("data, name, expected", [
    (xliff(tu()), "a.xlf", [SURE]),
    (xliff(tu('<target state="needs-review-translation">It rains.</target>')), "a.xlf", [TO_SEE]),
    (xliff(tu('<target state="needs-translation">Il pleut.</target>')), "a.xlf", [TO_SEE]),
    (xliff(tu('<target state="new"/>')), "a.xlf", [TO_SEE]),   # an omission to translate
    (xliff(tu('<target state="translated" state-qualifier="fuzzy-match">It rains.</target>')), "a.xlf", [TO_SEE]),
    (xliff(tu('<target state="translated" state-qualifier="exact-match">It rains.</target>')), "a.xlf", [SURE]),
    (xliff(tu('<target state="final">It rains.</target>')), "a.xlf", [DONE]),
    (xliff(tu('<target state="signed-off">It rains.</target>')), "a.xlf", [DONE]),
    (xliff(tu('<target>It rains.</target>', attrs=' approved="yes"')), "a.xlf", [DONE]),
    # Trados: each segment by its own sdl:seg conf
    (xliff(sdl_unit("Draft", "Translated", "ApprovedSignOff", "RejectedTranslation")), "a.sdlxliff",
     [TO_SEE, SURE, DONE, TO_SEE]),
    (xliff(sdl_unit("ApprovedTranslation")), "a.sdlxliff", [DONE]),
    # XLIFF 2: the segment's state
    (xliff2('<unit id="1"><segment state="initial"><source>Il pleut.</source><target>It rains.</target>'
            '</segment><segment state="translated"><source>Fin.</source><target>End.</target></segment>'
            '<segment state="reviewed"><source>Oui.</source><target>Yes.</target></segment></unit>',
            '<unit id="2"><segment state="final"><source>Non.</source><target>No.</target></segment></unit>'),
     "a.xlf", [TO_SEE, SURE, DONE, DONE]),
    # XLIFF 2 without a state ("initial" by the spec): to review where it has no translation, as
    # an explicit "initial"; one translated keeps the link sure (a tool that writes no states)
    (xliff2('<unit id="1"><segment><source>Il pleut.</source><target/></segment>'
            '<segment><source>Fin.</source></segment><segment><source>Oui.</source><target>Yes.</target>'
            '</segment><segment state="initial"><source>Non.</source></segment></unit>'),
     "a.xlf", [TO_SEE, TO_SEE, SURE, TO_SEE]),
], ids=["translated", "needs-review", "needs-translation", "new-empty", "fuzzy-match", "exact-match",
        "final", "signed-off", "approved", "sdl-confs", "sdl-approved", "xliff2", "xliff2-no-state"])
def test_a_segments_state_comes_in_as_its_links_review_state(data, name, expected):
    assert states(data, name) == expected


@pytest.mark.parametrize("data, name, notes", [
    (xliff(tu(note='<note from="reviewer">Check the figure with the client.</note>'),
           tu(), tu(note="<note>One.</note><note> </note><note>Two.</note>")),
     "a.xlf", ["Check the figure with the client.", "", "One.\nTwo."]),
    # a unit cut into segments: its notes once, on its first segment
    (xliff(sdl_unit("Translated", "Translated").replace("</target>", "</target><note>Name?</note>")),
     "a.sdlxliff", ["Name?", ""]),
    (xliff2('<unit id="1"><notes><note category="comment">Check the figure.</note></notes>'
            '<segment><source>Un.</source><target>One.</target></segment>'
            '<segment><source>Deux.</source><target>Two.</target></segment></unit>',
            '<unit id="2"><segment><source>Trois.</source><target>Three.</target></segment></unit>'),
     "a.xlf", ["Check the figure.", "", ""]),
    ('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" datatype="plaintext" segtype="sentence" '
     'adminlang="en" creationtool="OmegaT" creationtoolversion="6" o-tmf="OmegaT"/><body>'
     '<tu tuid="4"><note>Check the figure with the client.</note><tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv>'
     '<tuv xml:lang="en-GB"><note>UK spelling</note><seg>It rains.</seg></tuv></tu>'
     '<tu tuid="5"><tuv xml:lang="fr-FR"><seg>Fin.</seg></tuv><tuv xml:lang="en-GB"><seg>End.</seg></tuv></tu>'
     '</body></tmx>'.encode(), "a.tmx", ["Check the figure with the client.\nUK spelling", ""]),
], ids=["xliff12", "sdl-segments", "xliff2", "tmx"])
def test_a_units_notes_come_in_as_its_links_translator_comment(data, name, notes):
    assert read_pairs_noted(data, name)[1] == notes


def test_import_writes_links_to_review_and_notes_and_write_back_keeps_the_file(tmp_path, monkeypatch):
    """`alignment import` then `export --corrected` with one translation corrected: the PO
    shows the unit to review (fuzzy) and the reviewer's note; the file comes back with that
    one translation changed, every state and note as it was, no note written twice."""
    units = [tu('<target state="needs-review-translation">It rains.</target>',
                note="<note>Check the figure with the client.</note>"),
             tu('<target state="final">It snows.</target>').replace("Il pleut", "Il neige"),
             tu('<target state="translated">It blows.</target>').replace("Il pleut", "Il vente")]
    data = xliff(*units)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.xlf").write_bytes(data)
    runner = CliRunner()
    done = runner.invoke(main, ["import", "job.xlf", "-o", "job.po"])
    assert done.exit_code == 0, done.output
    assert "1 to review" in done.stderr
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    assert "# Check the figure with the client.\n#. 1-1 link, confidence 0.5\n" in po
    assert po.count("#, fuzzy") == 1 and "#. 1-1 link, confidence 1.0, reviewed" in po
    (tmp_path / "job.po").write_text(po.replace('msgstr "It blows."', 'msgstr "It is windy."'), encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.xlf", "--original", "job.xlf"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "back.xlf").read_bytes() == data.replace(b"It blows.", b"It is windy.")


def test_write_back_of_the_pairs_as_imported_changes_nothing():
    data = xliff(tu('<target state="new"/>', note="<note>Later.</note>"),
                 tu('<target state="translated" state-qualifier="fuzzy-match">It rains.</target>'),
                 sdl_unit("Draft", "ApprovedSignOff"))
    out, done = write_back(data, "a.sdlxliff", read_pairs(data, "a.sdlxliff"))
    assert (out, done.changed) == (data, 0)
    assert states(data, "a.sdlxliff") == [TO_SEE, TO_SEE, TO_SEE, DONE]


# ---------------------------------------------------------------- tables

@pytest.mark.parametrize("text, name, kwargs, langs, first, notes", [
    ("\ufeffFrançais;English;Note\nLe budget est de 12,5 millions.;The budget is 15.5 million.;"
     "Check the figure with the client.\nLa séance est levée.;The meeting is closed.;\n", "g.csv", {},
     ("fr", "en"), "Le budget est de 12,5 millions.", ["Check the figure with the client.", ""]),
    ("Deutsch\tEnglish\nDer Hund schläft im Garten.\tThe dog sleeps in the garden.\n", "g.tsv", {},
     ("de", "en"), "Der Hund schläft im Garten.", [""]),
    ("Französisch\tEnglisch\nLe chat dort.\tThe cat sleeps.\n", "g.tsv", {"src_lang": "fr-FR", "tgt_lang": "en"},
     ("fr-FR", "en"), "Le chat dort.", [""]),
    # two names of one language: a glossary's pair, not a header
    ("anglais\tEnglish\nallemand\tGerman\n", "g.tsv", {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), "anglais", ["", ""]),
    # OmegaT's glossary: no header, its comments in a third column
    ('conseil municipal\tcity council\tnot "town council"\nmaire\tmayor\t\n', "glossary.tsv",
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"), "conseil municipal", ['not "town council"', ""]),
    # a third language is not a note; nor our export's columns
    ("fr\ten\tde\nOui.\tYes.\tJa.\n", "t.tsv", {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"), "Oui.", [""]),
    ("Français;English;Deutsch\nOui.;Yes.;Ja.\n", "t.csv", {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), "Oui.", [""]),
    ("fr\ten\tlink\tconfidence\treviewed\nOui.\tYes.\t1-1\t0.950\tyes\n", "ours.tsv", {}, ("fr", "en"), "Oui.", [""]),
], ids=["fr-en-note", "de-en", "german-names-given", "glossary-of-names", "omegat-glossary",
        "third-language", "third-language-named", "ours"])
def test_a_tables_header_of_language_names_and_its_note_column(text, name, kwargs, langs, first, notes):
    bitext, read = read_pairs_noted(text.encode(), name, **kwargs)
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    assert (bitext.link_text(0, "src"), read) == (first, notes)
