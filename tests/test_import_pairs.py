"""Pairs aligned elsewhere (TMX, XLIFF, TSV, CSV) read into a Bitext: tables of files and the
pairs and languages expected, the errors a person can cause, and round trips through our own
TMX and TSV exports."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.cli import main
from alignment.errors import InputError, ManyTranslations
from alignment.export import render_tmx, render_tsv
from alignment.import_pairs import read_pairs
from alignment.types import Alignment, Bitext, Link, Sentence


def tmx(body: str, srclang: str = "fr-FR") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="{srclang}" '
            'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
            f'creationtoolversion="1" o-tmf="t"/><body>{body}</body></tmx>').encode()


def tu(**sides: str) -> str:
    return "<tu>" + "".join(f'<tuv xml:lang="{lang.replace("_", "-")}"><seg>{text}</seg></tuv>'
                            for lang, text in sides.items()) + "</tu>"


XLIFF = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.txt" source-language="de" target-language="fr" datatype="plaintext"><body>
<trans-unit id="1"><source>Der <g id="1">Berg</g> ist hoch.</source><target>La <g id="1">montagne</g> est haute.</target></trans-unit>
<trans-unit id="2"><source>Nur hier.</source></trans-unit>
</body></file></xliff>"""

XLIFF2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f1"><unit id="1"><segment><source>The <pc id="1">train</pc> leaves.</source>
<target>Le <pc id="1">train</pc> part.</target></segment>
<segment><source>It rains<ph id="2"/>.</source><target>Il pleut.</target></segment>
<ignorable><source> </source></ignorable></unit>
<unit id="2" translate="no"><segment><source>{code}</source></segment></unit>
<unit id="3"><segment><source>The end.</source></segment></unit></file></xliff>"""

SDLXLIFF = b"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="a.docx" datatype="x-sdlfilterframework2" source-language="fr-FR" target-language="en-GB"><header/><body>
<trans-unit id="a1"><source>Le train part. Il pleut.</source><seg-source><mrk mtype="seg" mid="1">Le train part.</mrk>
<mrk mtype="seg" mid="2">Il <g id="3">pleut</g>.</mrk></seg-source><target><mrk mtype="seg" mid="1">The train leaves.</mrk>
<mrk mtype="seg" mid="2">It <g id="3">rains</g>.</mrk></target></trans-unit>
<trans-unit id="a2" translate="no"><source>{code}</source></trans-unit>
<trans-unit id="a3"><source>Fin.</source><seg-source><mrk mtype="seg" mid="4">Fin.</mrk></seg-source></trans-unit>
</body></file></xliff>"""

# XLIFF 1.2's inline codes: <ph>, <bpt>, <ept>, <it> hold the document's own code, <x/>, <bx/>,
# <ex/> stand for it; <g> and <mrk> hold text. Each unit's target has a state (write_back's tests).
CODES_XLIFF = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="c.docx" source-language="fr" target-language="en" datatype="plaintext"><body>
<trans-unit id="a"><source>Un carnet <ph id="1">&lt;b&gt;</ph>noir<ph id="2">&lt;/b&gt;</ph>.</source>
<target state="new">A <ph id="1">&lt;b&gt;</ph>black<ph id="2">&lt;/b&gt;</ph> notebook.</target></trans-unit>
<trans-unit id="b"><source>Chez <bpt id="1">&lt;i&gt;</bpt>Marcel<ept id="1">&lt;/i&gt;</ept>, le sacristain.</source>
<target state="needs-translation">To <bpt id="1">&lt;i&gt;</bpt>Marcel Dupont<ept id="1">&lt;/i&gt;</ept>, the sacristan.</target></trans-unit>
<trans-unit id="c"><source>Voir<x id="1"/> la <bx id="2"/>page<ex id="3"/> <it id="4" pos="open">&lt;u&gt;</it>deux.</source>
<target state="needs-review-translation">See<x id="1"/> the <bx id="2"/>page<ex id="3"/> <it id="4" pos="open">&lt;u&gt;</it>two.</target></trans-unit>
<trans-unit id="d"><source>Il <g id="5">pleut</g>, <mrk mtype="x-term">dit</mrk>-il.</source>
<target state="final">It <g id="5">rains</g>, <mrk mtype="x-term">he</mrk> says.</target></trans-unit>
<trans-unit id="e"><source>Il neige.</source><seg-source><mrk mtype="seg" mid="1">Il <ph id="6">{1}</ph>neige.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">It <ph id="6">{1}</ph>snows.</mrk></target></trans-unit>
</body></file></xliff>"""

CASES = [
    # (file name, bytes, languages asked, languages read, units as (original, translation))
    ("codes.tmx", tmx(tu(fr_FR='Le <bpt i="1">&lt;b&gt;</bpt>pont<ept i="1">&lt;/b&gt;</ept> '
                            '<ph x="2">{2}</ph>tombe.', en_US="The <hi>bridge</hi> falls.")
                      + tu(fr_FR="Seul.")),
     {}, ("fr-FR", "en-US"), [("Le pont tombe.", "The bridge falls."), ("Seul.", "")]),
    ("all.tmx", tmx(tu(de="Ja.", fr="Oui."), srclang="*all*"), {}, ("de", "fr"), [("Ja.", "Oui.")]),
    ("three.tmx", tmx(tu(en="Yes.", de="Ja.", fr="Oui.") + tu(en="No.", fr="Non."), srclang="en"),
     {"tgt_lang": "fr"}, ("en", "fr"), [("Yes.", "Oui."), ("No.", "Non.")]),
    ("flipped.tmx", tmx(tu(en="Yes.", fr="Oui.") + tu(en="", fr="Ajout."), srclang="en"),
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"), [("Oui.", "Yes."), ("Ajout.", "")]),
    ("job.xlf", XLIFF, {}, ("de", "fr"), [("Der Berg ist hoch.", "La montagne est haute."),
                                         ("Nur hier.", "")]),
    # XLIFF 1.2's codes left out of the text as a TMX's are (their content was read as text:
    # 'A <b>black</b> notebook.'), in a whole unit and in a Trados segment
    ("codes.xlf", CODES_XLIFF, {}, ("fr", "en"),
     [("Un carnet noir.", "A black notebook."), ("Chez Marcel, le sacristain.", "To Marcel Dupont, the sacristan."),
      ("Voir la page deux.", "See the page two."), ("Il pleut, dit-il.", "It rains, he says."),
      ("Il neige.", "It snows.")]),
    # XLIFF 2 (its own parser): a pair per segment, inline codes left out, translate="no" skipped
    ("job2.xlf", XLIFF2, {}, ("en", "fr"),
     [("The train leaves.", "Le train part."), ("It rains.", "Il pleut."), ("The end.", "")]),
    ("job.sdlxliff", SDLXLIFF, {}, ("fr-FR", "en-GB"),
     [("Le train part.", "The train leaves."), ("Il pleut.", "It rains."), ("Fin.", "")]),
    ("ours.tsv", "fr\ten\tlink\tconfidence\nUn  chat.\tA cat.\t1-1\t0.950\n\tAdded.\t0-1\t1.000\n".encode(),
     {}, ("fr", "en"), [("Un  chat.", "A cat."), ("", "Added.")]),   # its double space kept
    ("quoted.csv", '"Il dit : « oui ; non ».";"He said ""yes; no""."\r\nFin.;End.\r\n'.encode("utf-8-sig"),
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"),
     [("Il dit : « oui ; non ».", 'He said "yes; no".'), ("Fin.", "End.")]),
    # written without quoting (paste a.txt b.txt): a dialogue quote is the text's own; csv
    # dropped the quotes of the first row and ran the second on into the third
    ("pasted.tsv", '"Oui," dit-il.\t"Yes," he said.\n"Je ne sais pas.\tI do not know.\n'
                   'Vraiment ?"\tReally?"\n'.encode(), {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"),
     [('"Oui," dit-il.', '"Yes," he said.'), ('"Je ne sais pas.', "I do not know."),
      ('Vraiment ?"', 'Really?"')]),
    # ... and where whole lines of dialogue are in quotes no writer needed
    ("dialogue.tsv", '"Oui !"\t"Yes!"\nIl part.\tHe leaves.\n'.encode(), {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [('"Oui !"', '"Yes!"'), ("Il part.", "He leaves.")]),
    # every cell quoted (a writer set to quote all), a line break in one: the quotes are the writer's
    ("all.csv", '"Oui !","Yes!"\n"Deux\nlignes.","Two lines."\n'.encode(), {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [("Oui !", "Yes!"), ("Deux lignes.", "Two lines.")]),
    # quoted as CSV writers (and our TSV export before it wrote cells as they are) quote: the quotes around a cell are the writer's
    ("quoted.tsv", '"""Oui,"" dit-il."\t"""Yes,"" he said."\n"Deux\tcolonnes"\tTwo\n'.encode(),
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"),
     [('"Oui," dit-il.', '"Yes," he said.'), ("Deux colonnes", "Two")]),
    # Excel for Mac's "CSV (Macintosh)" ends lines with a bare carriage return
    ("mac.csv", b'Oui.,Yes.\r"Deux\rlignes.",Two lines.\r', {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [("Oui.", "Yes."), ("Deux lignes.", "Two lines.")]),
    # a cell over csv's default cap of 128 KB (a chapter pasted into one cell)
    ("long.tsv", ("mot " * 50_000 + "\tword\n").encode(), {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [(("mot " * 50_000).strip(), "word")]),
    ("detected.csv", ("Le chat dort sur le canapé depuis ce matin, près de la fenêtre.,"
                      "The cat has been sleeping on the sofa since this morning, by the window.\n"
                      "Nous irons au marché demain si le temps le permet.,"
                      "We will go to the market tomorrow if the weather allows.\n").encode(),
     {}, ("fr", "en"), None),
]


@pytest.mark.parametrize("name,data,asked,langs,units", CASES, ids=[c[0] for c in CASES])
def test_files_of_pairs_read_as_links(name, data, asked, langs, units):
    bitext = read_pairs(data, name, **asked)
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    read = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
            for i in range(len(bitext.alignment.links))]
    if units is not None:
        assert read == units
    kinds = ["-".join(str(len(side)) for side in (link.src, link.tgt)) for link in bitext.alignment.links]
    assert all(k in ("1-1", "1-0", "0-1") for k in kinds)
    assert bitext.alignment.signature.aligner == "import"


@pytest.mark.parametrize("name, data", [("dir/job.xlf", XLIFF), ("mem.tmx", tmx(tu(fr="Oui.", en="Yes."))),
                                        ("pairs.tsv", b"fr\ten\nOui.\tYes.\n")], ids=["xliff", "tmx", "tsv"])
def test_the_pairs_record_the_file_they_came_from_by_name_and_bytes(name, data):
    """What `export --corrected` checks its --original against (original_check.py): the name
    alone could not tell a renamed copy from another file."""
    import hashlib

    params = dict(read_pairs(data, name).alignment.signature.params)
    assert params["file"] == name.rsplit("/", 1)[-1]
    assert params["sha256"] == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name, data", [("job.sdlxliff", SDLXLIFF), ("job2.xlf", XLIFF2)], ids=["sdlxliff", "xliff2"])
def test_a_cat_tools_segments_of_one_unit_stay_one_paragraph(name, data):
    bitext = read_pairs(data, name)
    assert [s.paragraph for s in bitext.src] == [0, 0, 1]
    assert [s.paragraph for s in bitext.tgt] == [0, 0]


ERRORS = [
    ("broken.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4">\n<body><tu>', {}, "broken.tmx: not well-formed XML (line 3)"),
    ("notes.txt", b"a\tb\n", {}, "notes.txt: not a file of pairs; give a .tmx, .xlf, .xliff, .sdlxliff, "
     ".mqxliff, .mxliff, .tsv, .csv, .xlsx, .ods or .docx file"),
    ("three.tmx", tmx(tu(en="Yes.", de="Ja.", fr="Oui."), srclang="en"), {},
     "three.tmx holds translations into de, fr; choose one"),
    ("one.csv", b"just one column\nand another line\n", {}, "one.csv: line 1 has one column"),
    ("short.tsv", b"ja\toui\n", {}, "short.tsv does not say its languages"),
    ("empty.tmx", tmx(tu(fr="", en="")), {}, "empty.tmx holds no text in its translation units"),
    ("code.tsv", b"a\tb\n", {"src_lang": "xx-nowhere-at-all", "tgt_lang": "en"}, "code.tsv: "),
    ("sheet.csv", b"PK\x03\x04" + bytes(range(256)) * 40, {}, "sheet.csv: looks like binary data"),
    # a language given that the XLIFF's own declaration contradicts labelled French text Spanish
    ("job.xlf", XLIFF, {"tgt_lang": "es"}, "job.xlf says its translation is in fr, not es; leave -t"),
    ("job.xlf", XLIFF, {"src_lang": "en"}, "job.xlf says its original is in de, not en; leave -s"),
]


@pytest.mark.parametrize("name,data,asked,message", ERRORS, ids=[f"{e[0]}-{k}" for k, e in enumerate(ERRORS)])
def test_bad_files_of_pairs_say_what_to_do(name, data, asked, message):
    with pytest.raises(InputError) as info:
        read_pairs(data, name, **asked)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_a_file_over_the_limit_is_refused_before_it_is_parsed(monkeypatch):
    import alignment.import_pairs as ip
    monkeypatch.setattr(ip, "PAIRS_MAX_BYTES", 100)
    with pytest.raises(InputError, match="over the 0 MB limit for pairs; split it"):
        read_pairs(tmx(tu(fr="Oui.", en="Yes.")), "big.tmx")


DE_EN = "Es regnet heute.\tIt is raining today.\nDie Katze schläft.\tThe cat sleeps.\n"
ES_EN = ("Hoy llueve mucho en la ciudad.\tIt is raining a lot in the city today.\n"
         "El gato duerme.\tThe cat sleeps.\n")
FR_EN = ("Le chat dort sur le canapé depuis ce matin.\tThe cat has been sleeping on the sofa since "
         "this morning.\nNous irons au marché demain.\tWe will go to the market tomorrow.\n")
FIRST_ROWS = [
    # (first row, rows under it, languages asked, languages read): the first row is data
    ("Oui\tYes", "Merci beaucoup\tThank you very much\nBonne nuit\tGood night\n",
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en")),
    ("Oui\tYes", FR_EN, {}, ("fr", "en")),   # two words, not codes: the text's languages
    # words that are codes too (Spanish, Italian; Zulu, Tongan; Norwegian) above other languages
    ("Es\tIt", DE_EN, {}, ("de", "en")),
    ("Es\tIt", DE_EN, {"src_lang": "de", "tgt_lang": "en"}, ("de", "en")),
    ("zu\tto", DE_EN, {"src_lang": "de", "tgt_lang": "en"}, ("de", "en")),
    ("zu\tto", DE_EN, {}, ("de", "en")),
    ("no\tno", ES_EN, {"src_lang": "es", "tgt_lang": "en"}, ("es", "en")),
    ("no\tno", ES_EN, {}, ("es", "en")),
    # codes that are not the ones given: the languages given win, the row is kept
    ("de\ten", FR_EN, {"src_lang": "fr"}, ("fr", "en")),
    ("fr\tde", FR_EN, {"tgt_lang": "en"}, ("fr", "en")),
]


@pytest.mark.parametrize("first, rest, asked, langs", FIRST_ROWS,
                         ids=[f"{r[0]}-{'-'.join(r[2].values()) or 'detected'}" for r in FIRST_ROWS])
def test_a_first_row_of_words_is_a_pair_not_a_header(first, rest, asked, langs):
    """Many short words are language codes too: a first row is a header only when both cells
    are codes, the ones given (-s, -t), or, none given, ones its text does not contradict."""
    bitext = read_pairs(f"{first}\n{rest}".encode(), "vocab.tsv", **asked)
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    rows = [tuple(line.split("\t")) for line in f"{first}\n{rest}".splitlines()]
    assert pairs_of(bitext) == rows


MEMORY = tmx(tu(en_US="Hello.", fr_FR="Bonjour.") + tu(en_US="Thanks.", fr_FR="Merci."), srclang="en-US")
BARE = tmx(tu(en="Hello.", fr="Bonjour.") + tu(en="Thanks.", fr="Merci."), srclang="en")
CODES = [
    # (file, languages asked, languages read): a code matches the file's tag of that language
    (MEMORY, {"tgt_lang": "fr"}, ("en-US", "fr-FR")),
    (MEMORY, {"tgt_lang": "fr_FR"}, ("en-US", "fr-FR")),
    (MEMORY, {"tgt_lang": "fra"}, ("en-US", "fr-FR")),
    (MEMORY, {"src_lang": "en", "tgt_lang": "fr"}, ("en-US", "fr-FR")),
    (MEMORY, {"src_lang": "EN_us", "tgt_lang": "FR"}, ("en-US", "fr-FR")),
    (BARE, {"src_lang": "en-GB", "tgt_lang": "fr-FR"}, ("en", "fr")),
]


@pytest.mark.parametrize("data, asked, langs", CODES, ids=[str(c[1]) for c in CODES])
def test_a_tmx_language_given_finds_the_files_tag_for_it(data, asked, langs):
    bitext = read_pairs(data, "mem.tmx", **asked)
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    assert pairs_of(bitext) == [("Hello.", "Bonjour."), ("Thanks.", "Merci.")]


TWO_FRENCH = tmx(tu(en="Hello.", fr_FR="Bonjour.", fr_CA="Allô.") + tu(fr_FR="Bonjour.", fr_CA="Bonjour."),
                 srclang="en")
CODE_ERRORS = [
    # (file, languages asked, error, message): a code the file does not hold says what it holds
    (MEMORY, {"tgt_lang": "es"}, InputError,
     "mem.tmx holds no text in es, only in en-us, fr-fr; give one of them with -t (--tgt-lang)"),
    (MEMORY, {"src_lang": "de"}, InputError,
     "mem.tmx holds no text in de, only in en-us, fr-fr; give one of them with -s (--src-lang)"),
    (MEMORY, {"src_lang": "en", "tgt_lang": "fr-CA"}, InputError,
     "mem.tmx holds no text in fr-CA, only in en-us, fr-fr; give one of them with -t (--tgt-lang)"),
    (TWO_FRENCH, {"tgt_lang": "fr"}, ManyTranslations,
     "mem.tmx holds fr as fr-fr, fr-ca; give one of them with -t (--tgt-lang)"),
    (TWO_FRENCH, {"src_lang": "fr", "tgt_lang": "en"}, InputError,
     "mem.tmx holds fr as fr-fr, fr-ca; give one of them with -s (--src-lang)"),
]


@pytest.mark.parametrize("data, asked, error, message", CODE_ERRORS, ids=[str(c[1]) for c in CODE_ERRORS])
def test_a_tmx_language_the_file_does_not_hold_is_refused(data, asked, error, message):
    with pytest.raises(InputError) as info:
        read_pairs(data, "mem.tmx", **asked)
    assert type(info.value) is error and str(info.value) == message


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
               min_size=1, max_size=12)
SENTENCE = st.lists(TEXT, min_size=1, max_size=4).map(" ".join)


@st.composite
def bitexts(draw) -> Bitext:
    kinds = draw(st.lists(st.sampled_from(["1-1", "1-0", "0-1"]), min_size=1, max_size=8))
    src, tgt, links = [], [], []
    for kind in kinds:
        a = (len(src),) if kind[0] == "1" else ()
        b = (len(tgt),) if kind[2] == "1" else ()
        src += [Sentence(draw(SENTENCE))] * len(a)
        tgt += [Sentence(draw(SENTENCE))] * len(b)
        links.append(Link(a, b))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en")


def pairs_of(bitext: Bitext) -> list[tuple[str, str]]:
    return [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
            for i in range(len(bitext.alignment.links))]


@settings(max_examples=60, deadline=None)
@given(bitexts())
def test_our_tsv_and_tmx_read_back_as_the_same_pairs(bitext):
    assert pairs_of(read_pairs(render_tsv(bitext).encode(), "p.tsv")) == pairs_of(bitext)
    both = [p for p in pairs_of(bitext) if p[0] and p[1]]
    if both:
        back = read_pairs(render_tmx(bitext), "p.tmx")
        assert pairs_of(back) == both and (back.src_lang, back.tgt_lang) == ("fr", "en")


def test_import_writes_a_po_the_checks_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.tmx").write_bytes(tmx(tu(fr_FR="Il part à 16 h 40.", en_GB="He leaves at 5:40 pm.")))
    runner = CliRunner()
    done = runner.invoke(main, ["import", "job.tmx", "-o", "job.po"])
    assert done.exit_code == 0, done.output
    assert "1 links (1-1: 1)" in done.stderr and "fr-FR -> en-GB" in done.stderr
    checked = runner.invoke(main, ["check", "job.po", "--only", "numbers"])
    assert "numbers differ: 16 h 40 in the original, 5:40 pm in the translation" in checked.stdout


def test_import_never_replaces_a_po_a_person_edited(tmp_path, monkeypatch):
    from alignment.po import read_po, save_po, file_fingerprint

    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.tmx").write_bytes(tmx(tu(fr="Oui.", en="Yes.")))
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.tmx", "-o", "job.po"]).exit_code == 0
    bitext = read_po(tmp_path / "job.po")
    save_po(bitext, tmp_path / "job.po", expected_fingerprint=file_fingerprint(tmp_path / "job.po"))
    before = (tmp_path / "job.po").read_bytes()
    refused = runner.invoke(main, ["import", "job.tmx", "-o", "job.po"])
    assert refused.exit_code == 1 and "--overwrite-edited" in refused.stderr
    assert (tmp_path / "job.po").read_bytes() == before
    bad = runner.invoke(main, ["import", "missing.tmx", "-o", "x.po"])
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: missing.tmx")


def test_check_reads_a_tmx_directly_but_writes_findings_only_into_a_po(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.tmx").write_bytes(tmx(tu(fr_FR="Il part à 16 h 40.", en_GB="He leaves at 5:40 pm.")))
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "job.tmx", "--only", "numbers", "--format", "csv"])
    assert checked.exit_code == 1   # an error-level finding, as for a PO
    assert "numbers differ: 16 h 40 in the original, 5:40 pm in the translation" in checked.stdout
    refused = runner.invoke(main, ["check", "job.tmx", "--format", "po"])
    assert refused.exit_code == 1 and refused.stderr.strip() == (
        "Error: --format po writes the findings into a PO file, and job.tmx is not one; "
        "import it first (alignment import job.tmx -o PAIRS.po)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.tmx"]


@pytest.mark.parametrize("name, data, asked, expected", [
    # a TMX holding several translations: its error names --tgt-lang
    ("three.tmx", tmx(tu(en="He leaves at 4:40 pm.", de="Er geht um 17:40 Uhr.",
                         fr="Il part à 16 h 40."), srclang="en"),
     ["-t", "de"], "numbers differ: 4:40 pm in the original, 17:40 in the translation"),
    # a sheet with no header row whose cells tell no language: its error names both options
    ("times.csv", b"16:40,17:40\n", ["-s", "fr", "-t", "en"],
     "numbers differ: 16:40 in the original, 17:40 in the translation"),
], ids=["three.tmx", "times.csv"])
def test_check_takes_the_languages_its_errors_ask_for(tmp_path, monkeypatch, name, data, asked, expected):
    """The errors of a file of pairs name --src-lang and --tgt-lang; `check` reads such files,
    so it has them too (it had not: the advice was a dead end)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    runner = CliRunner()
    asks = runner.invoke(main, ["check", name, "--only", "numbers", "--no-words"])
    assert asks.exit_code == 1 and "--tgt-lang" in asks.stderr and asks.stderr.startswith("Error:")
    checked = runner.invoke(main, ["check", name, "--only", "numbers", "--no-words", *asked])
    assert expected in checked.stdout, checked.output
    (tmp_path / "job.po").write_bytes(b"")
    wrong = runner.invoke(main, ["check", "job.po", "-s", "fr"])
    assert wrong.exit_code != 0 and "job.po is a PO, which names its languages" in wrong.stderr


def test_export_and_words_read_a_file_of_pairs_and_write_only_new_files(tmp_path, monkeypatch):
    """A learner's sheet becomes Anki cards or a book without an import step; word links go
    into a new PO (-o), never into the TMX itself. Both commands said 'not a PO file' before."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sheet.csv").write_bytes(b"fr,en\nLe chat dort.,The cat sleeps.\n")
    (tmp_path / "job.tmx").write_bytes(tmx(tu(fr="Le chat dort.", en="The cat sleeps.")))
    runner = CliRunner()
    done = runner.invoke(main, ["export", "sheet.csv", "--anki", "sheet.apkg", "--tsv", "-"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "sheet.apkg").stat().st_size > 0
    assert done.stdout.splitlines()[1].startswith("Le chat dort.\tThe cat sleeps.\t1-1")
    refused = runner.invoke(main, ["words", "job.tmx", "--embedder", "hashing"])
    assert refused.exit_code == 1 and "alignment words job.tmx -o PAIRS.po" in refused.stderr
    linked = runner.invoke(main, ["words", "job.tmx", "--embedder", "hashing", "-o", "job.po"])
    assert linked.exit_code == 0, linked.output
    assert "#. words: 0-0" in (tmp_path / "job.po").read_text(encoding="utf-8")
    shown = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))   # not the lock
    assert shown == ["job.po", "job.tmx", "sheet.apkg", "sheet.csv"]


@pytest.mark.parametrize("name, root", [("x.tmx", "tmx"), ("x.xlf", "xliff"), ("x2.xlf", "xliff2")])
def test_an_entity_naming_a_file_is_never_read_into_the_text(tmp_path, name, root):
    """An upload is someone else's file: an external entity (XXE) must not pull a file of the
    machine the app runs on into the text shown."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    entity = f'<!DOCTYPE {root} [<!ENTITY x SYSTEM "file://{secret}">]>'
    if root == "tmx":
        data = tmx(tu(fr="Oui &x;", en="Yes.")).replace(b"<tmx ", entity.encode() + b"<tmx ", 1)
    else:
        body, text = (XLIFF, b"Nur hier.") if root == "xliff" else (XLIFF2, b"The end.")
        entity = entity.replace("xliff2", "xliff")
        data = body.replace(b"<xliff ", entity.encode() + b"<xliff ", 1).replace(text, b"Nur &x;")
    bitext = read_pairs(data, name)
    assert "TOP-SECRET" not in " ".join(s.text for s in (*bitext.src, *bitext.tgt))


@pytest.mark.parametrize("cell, kept", [
    ("Bonjour\xa0! dit-il.", "Bonjour\xa0! dit-il."),
    ("Il coûte 12\u202f€.", "Il coûte 12\u202f€."),
    ("Un  double espace.", "Un  double espace."),
    ("Une ligne\n      puis une autre.", "Une ligne puis une autre."),
    ("  Des bords. \t", "Des bords."),
])
def test_imported_text_keeps_its_own_spaces(tmp_path, cell, kept):
    """str.split() took French no-break spaces for breaks and joined double spaces: the PO lost
    'Bonjour\xa0!' and the doublespace check could never fire on imported pairs."""
    quoted = f'"{cell}"' if "\n" in cell else cell   # a TSV quotes only what needs it
    data = f"fr\ten\n{quoted}\tHello.\n".encode("utf-8")
    assert read_pairs(data, "pairs.tsv").link_text(0, "src") == kept


# ---------------------------------------------------------------- a version set read as pairs
# QA 2026-12-04: a set's texts were read by language, so `-t fr` on a French original and its
# revision paired the original with itself, and the second English version was out of reach.

ORIG = ("Il avait soixante-douze francs.", "Le port dormait.")
REVISED = ("Il avait quatre-vingts francs.", "Le port dormait encore.")
EN1, EN2 = ("He had seventy-two francs.", "The harbour slept."), ("He had eighty francs.", "The port slept.")
ES = ("Tenía setenta y dos francos.", "El puerto dormía.")


def version_set(*texts: tuple[str, tuple[str, ...]]) -> bytes:
    """A set's TMX as `alignment align` writes it, one row per sentence."""
    from alignment.types import Version
    from alignment.versions import join, version_names
    from alignment.versions_io import render_set_tmx

    langs = [lang for lang, _ in texts]
    versions = tuple(Version(n, lang, tuple(Sentence(s) for s in sents))
                     for n, (lang, sents) in zip(version_names(langs), texts))
    pair = Alignment(tuple(Link((i,), (i,), 0.9) for i in range(len(texts[0][1]))))
    return render_set_tmx(join(versions, [pair] * (len(texts) - 1), title="orig"))


SAME_LANG = version_set(("fr", ORIG), ("fr", REVISED), ("en", EN1))      # fr1, fr2, en
TWO_EN = version_set(("fr", ORIG), ("en", EN1), ("en", EN2), ("es", ES))  # fr, en1, en2, es
ONE = version_set(("fr", ORIG), ("en", EN1))                              # fr, en

SET_READS = [
    (SAME_LANG, None, "fr", ORIG, REVISED, "fr1 fr2"),   # the one other French text: the revision
    (SAME_LANG, None, "fr2", ORIG, REVISED, "fr1 fr2"),
    (SAME_LANG, None, "FR2", ORIG, REVISED, "fr1 fr2"),
    (SAME_LANG, None, "en", ORIG, EN1, "fr1 en"),
    (SAME_LANG, "fr", "fr2", ORIG, REVISED, "fr1 fr2"),  # -s by language: the original first
    (TWO_EN, None, "en1", ORIG, EN1, "fr en1"),
    (TWO_EN, None, "en2", ORIG, EN2, "fr en2"),
    (TWO_EN, None, "es", ORIG, ES, "fr es"),
    (TWO_EN, "en1", "en2", EN1, EN2, "en1 en2"),         # a version and another one
    (ONE, None, None, ORIG, EN1, "fr en"),
]


SET_NAMES = {SAME_LANG: "samelang", TWO_EN: "two-en", ONE: "one"}


def set_ids(cases) -> list[str]:
    return [f"{SET_NAMES[c[0]]}-s{c[1]}-t{c[2]}" for c in cases]


@pytest.mark.parametrize("data, src, tgt, original, translation, versions", SET_READS, ids=set_ids(SET_READS))
def test_a_version_set_is_read_by_the_names_of_its_versions(data, src, tgt, original, translation,
                                                            versions):
    bitext = read_pairs(data, "set.tmx", src_lang=src, tgt_lang=tgt)
    assert pairs_of(bitext) == list(zip(original, translation))
    assert dict(bitext.alignment.signature.params)["versions"] == versions


SET_REFUSALS = [
    (SAME_LANG, None, None, ManyTranslations, ("fr2", "en"), "version set of fr1 with the versions fr2, en"),
    (TWO_EN, None, None, ManyTranslations, ("en1", "en2", "es"), "-t (--tgt-lang), such as -t es"),
    (TWO_EN, None, "en", ManyTranslations, ("en1", "en2"), "2 texts in en (en1, en2)"),
    (TWO_EN, "en", "es", InputError, None, "give one of them by its name with -s"),
    (TWO_EN, None, "fr", InputError, None, "not compared with itself: give one of en1, en2, es"),
    (SAME_LANG, None, "fr1", InputError, None, "not compared with itself: give one of fr2, en"),
    (TWO_EN, "en2", "EN2", InputError, None, "not compared with itself"),
    (TWO_EN, None, "de", InputError, None, "no text named de or in that language; its texts: "
                                           "fr (fr), en1 (en), en2 (en), es (es)"),
]


@pytest.mark.parametrize("data, src, tgt, error, offered, message", SET_REFUSALS, ids=set_ids(SET_REFUSALS))
def test_a_version_set_refuses_a_choice_it_cannot_read_in_one_line(data, src, tgt, error, offered,
                                                                   message):
    with pytest.raises(error, match=re.escape(message)) as refused:
        read_pairs(data, "set.tmx", src_lang=src, tgt_lang=tgt)
    assert "\n" not in str(refused.value) and type(refused.value) is error
    if offered:   # what the app's upload box offers to choose from
        assert refused.value.languages == offered


@pytest.mark.parametrize("data", [SAME_LANG, TWO_EN], ids=["same-language", "two-english"])
def test_no_choice_pairs_a_text_of_a_set_with_itself(data):
    from alignment.versions_io import parse_set_tmx

    texts = parse_set_tmx(data).texts
    for tgt in {t.name for t in texts} | {t.lang for t in texts}:
        try:
            bitext = read_pairs(data, "set.tmx", tgt_lang=tgt)
        except InputError:
            continue
        assert [s.text for s in bitext.src] != [s.text for s in bitext.tgt], tgt


def test_import_export_and_check_read_a_sets_revision(tmp_path, monkeypatch):
    """The tester's commands on a set of a French original, its revision and English."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "samelang.tmx").write_bytes(SAME_LANG)
    runner = CliRunner()
    done = runner.invoke(main, ["import", "samelang.tmx", "-t", "fr", "-o", "sl.po"])
    assert done.exit_code == 0, done.output
    assert "languages fr -> fr (versions fr1 -> fr2 of the set)" in done.stderr
    po = (tmp_path / "sl.po").read_text(encoding="utf-8")
    assert f'msgid "{ORIG[0]}"\nmsgstr "{REVISED[0]}"' in po
    text = runner.invoke(main, ["export", "samelang.tmx", "-t", "fr", "--txt", "-"])
    assert text.exit_code == 0 and REVISED[1] in text.stdout and ORIG[1] not in text.stdout
    checked = runner.invoke(main, ["check", "samelang.tmx", "-t", "fr", "--only", "numbers", "--no-words"])
    assert "'soixante-douze' (72) became 'quatre-vingts' (80)" in checked.stdout, checked.output
    asks = runner.invoke(main, ["import", "samelang.tmx", "-o", "x.po"])
    assert asks.exit_code == 1 and asks.stderr.startswith("Error: samelang.tmx is a version set of "
                                                          "fr1 with the versions fr2, en; choose")


def test_words_reads_a_sets_version_by_its_name(tmp_path, monkeypatch, fake_embedder):
    """`words set.tmx -t en2` said "unknown language code 'en2'" while -t en asked for a name:
    a circle. The set's reader checks the name, as for export and check."""
    import alignment.pipeline as pipeline
    from alignment.po import read_po

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline, "resolve_embedder", lambda name: fake_embedder)
    (tmp_path / "set.tmx").write_bytes(TWO_EN)
    done = CliRunner().invoke(main, ["words", "set.tmx", "-t", "en2", "-o", "w.po"])
    assert done.exit_code == 0, done.output
    read = read_po(tmp_path / "w.po")
    assert [read.link_text(i, "tgt") for i in range(len(read.alignment.links))] == list(EN2)
    bad = CliRunner().invoke(main, ["words", "set.tmx", "-t", "en3", "-o", "w3.po"])
    assert bad.exit_code == 1 and "en1" in bad.stderr and "en2" in bad.stderr
