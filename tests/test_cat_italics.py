"""A CAT tool's italics (TMX, XLIFF 1.2 and 2) come in with the pairs: alignment/cat_italics.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from alignment.cat_italics import marked_text
from alignment.import_pairs import read_pairs
from alignment.inline_codes import text_without_codes

X12 = "urn:oasis:names:tc:xliff:document:1.2"
X2 = "urn:oasis:names:tc:xliff:document:2.0"


def seg(inner: str, ns: str = "") -> etree._Element:
    xmlns = f' xmlns="{ns}"' if ns else ""
    return etree.fromstring(f"<seg{xmlns}>{inner}</seg>")


@pytest.mark.parametrize("inner, ns, italic", [
    # XLIFF 1.2: <g ctype>, paired codes by ctype, an HTML tag as the code's content
    ('Il lit <g id="1" ctype="italic">Le Monde</g>.', X12, ["Le Monde"]),
    ('Il lit <g id="1" ctype="x-italic">Le Monde</g>.', X12, ["Le Monde"]),
    ('Un <bpt id="1" ctype="italic">{1}</bpt>mot<ept id="1">{/1}</ept> latin.', X12, ["mot"]),
    ('Un <bx id="1" rid="7" ctype="italic"/>mot<ex id="2" rid="7"/> latin.', X12, ["mot"]),
    ('Un <bpt id="1">&lt;i&gt;</bpt>mot<ept id="1">&lt;/i&gt;</ept> et un <bpt id="2">&lt;em class="x"&gt;</bpt>'
     'autre<ept id="2">&lt;/em&gt;</ept>.', X12, ["mot", "autre"]),
    # XLIFF 2: <pc> and <sc>/<ec> of subType xlf:i
    ('He reads <pc id="1" type="fmt" subType="xlf:i">Le Monde</pc>.', X2, ["Le Monde"]),
    ('He reads <sc id="1" type="fmt" subType="xlf:i"/>Le Monde<ec startRef="1"/> daily.', X2, ["Le Monde"]),
    # TMX: <hi type>, paired codes by type or HTML content
    ('He reads <hi type="italic">Le Monde</hi>.', "", ["Le Monde"]),
    ('Il lit <bpt i="1" type="italic">{i}</bpt>Le Monde<ept i="1">{/i}</ept>.', "", ["Le Monde"]),
    ('Il lit <bpt i="1">&lt;cite&gt;</bpt>Le Monde<ept i="1">&lt;/cite&gt;</ept>.', "", ["Le Monde"]),
    # nested: italic inside bold, an italic code left open to the segment's end
    ('<g id="1" ctype="bold">Gras <g id="2" ctype="italic">et penché</g></g> puis rien.', X12, ["et penché"]),
    ('Un <bpt i="1">&lt;i&gt;</bpt>mot jamais fermé.', "", ["mot jamais fermé."]),
    # not italic: bold, a tool's numbered tag, a placeholder, an ept with no opening
    ('Un <g id="1" ctype="bold">mot</g> gras.', X12, []),
    ('Un <bpt i="1">&lt;i0&gt;</bpt>mot<ept i="1">&lt;/i0&gt;</ept>.', "", []),
    ('Un <ph id="1">&lt;i&gt;</ph>mot.', X12, []),
    ('Un mot<ept i="1">&lt;/i&gt;</ept>.', "", []),
])
def test_italics_of_a_segment(inner: str, ns: str, italic: list[str]) -> None:
    element = seg(inner, ns)
    text, spans = marked_text(element)
    assert text == text_without_codes(element)   # the import's text, offsets into it
    assert [text[a:b] for a, b in spans] == italic


def test_no_element_is_no_text() -> None:
    assert marked_text(None) == ("", ())


WORDS = st.text(alphabet="abcdé ", min_size=0, max_size=8)


@given(st.lists(st.tuples(WORDS, st.booleans()), max_size=6))
def test_property_the_italic_characters_are_those_inside_italic_markup(runs) -> None:
    inner = "".join(f'<g id="{k}" ctype="italic">{t}</g>' if it else t for k, (t, it) in enumerate(runs))
    text, spans = marked_text(seg(inner, X12))
    assert text == "".join(t for t, _ in runs)
    inside = "".join(text[a:b] for a, b in spans).replace(" ", "")
    assert inside == "".join(t for t, it in runs if it).replace(" ", "")


XLIFF12 = f"""<?xml version="1.0"?><xliff version="1.2" xmlns="{X12}"><file original="a"
 source-language="fr" target-language="en" datatype="html"><body>
<trans-unit id="1"><source>Il lit
   <g id="1" ctype="italic">Le   Monde</g> chaque matin.</source><target>He reads <g id="1"
   ctype="italic">Le Monde</g> every morning.</target></trans-unit>
<trans-unit id="2"><source>Rien.</source><target>Nothing.</target></trans-unit>
<trans-unit id="3"><source>Deux phrases. Une <g id="1" ctype="italic">autre</g>.</source>
<seg-source><mrk mtype="seg" mid="1">Deux phrases.</mrk> <mrk mtype="seg" mid="2">Une <g id="1"
 ctype="italic">autre</g>.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Two sentences.</mrk> <mrk mtype="seg" mid="2">Another
 <g id="1" ctype="italic">one</g>.</mrk></target></trans-unit>
</body></file></xliff>""".encode()

TMX = b"""<?xml version="1.0"?><tmx version="1.4"><header srclang="fr" datatype="html"
 segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="fr"><seg>Il lit <bpt i="1">&lt;em&gt;</bpt>Le Monde<ept i="1">&lt;/em&gt;</ept>.</seg></tuv>
<tuv xml:lang="en"><seg>He reads <hi type="italic">Le Monde</hi>.</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Un mot.</seg></tuv><tuv xml:lang="en"><seg>A word.</seg></tuv></tu>
</body></tmx>"""

XLIFF2 = f"""<?xml version="1.0"?><xliff xmlns="{X2}" version="2.0" srcLang="fr" trgLang="en">
<file id="f1"><unit id="u1"><segment><source>Il lit <pc id="1" type="fmt" subType="xlf:i">Le
 Monde</pc>.</source><target>He reads <pc id="1" type="fmt" subType="xlf:i">Le Monde</pc>.</target>
</segment></unit></file></xliff>""".encode()


def italic_words(bitext) -> tuple[list[list[str]], list[list[str]]]:
    return tuple([[s.text[a:b] for a, b in s.italics] for s in side]   # type: ignore[return-value]
                 for side in (bitext.src, bitext.tgt))


@pytest.mark.parametrize("data, name, src, tgt", [
    (XLIFF12, "job.xlf", [["Le Monde"], [], [], ["autre"]], [["Le Monde"], [], [], ["one"]]),
    (TMX, "memory.tmx", [["Le Monde"], []], [["Le Monde"], []]),
    (XLIFF2, "job2.xlf", [["Le Monde"]], [["Le Monde"]]),
])
def test_imported_pairs_keep_their_italics(data: bytes, name: str, src, tgt) -> None:
    """Offsets into the sentences as the import reads them (spaces and line breaks collapsed)."""
    bitext = read_pairs(data, name)
    assert italic_words(bitext) == (src, tgt)


def test_a_file_without_italics_reads_as_before() -> None:
    plain = XLIFF12.replace(b' ctype="italic"', b' ctype="bold"')
    bitext = read_pairs(plain, "job.xlf")
    assert all(not s.italics for s in bitext.src + bitext.tgt)
    assert [s.text for s in bitext.src] == [s.text for s in read_pairs(XLIFF12, "job.xlf").src]


def test_import_writes_them_into_the_po_and_the_html_shows_them(tmp_path) -> None:
    from click.testing import CliRunner

    from alignment.cli import main

    src = tmp_path / "memory.tmx"
    src.write_bytes(TMX)
    po, page = tmp_path / "memory.po", tmp_path / "memory.html"
    runner = CliRunner()
    done = runner.invoke(main, ["import", str(src), "-o", str(po)])
    assert done.exit_code == 0, done.output
    assert "#. italics: src 1:7-15 " in po.read_text(encoding="utf-8")
    done = runner.invoke(main, ["export", str(po), "--html", str(page)])
    assert done.exit_code == 0, done.output
    assert page.read_text(encoding="utf-8").count("<i>Le Monde</i>") == 2


SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"


def sdlxliff(tag_defs: str, source: str, target: str) -> bytes:
    """A Trados Studio file (.sdlxliff) of one unit, its tags defined in its header."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="{SDL}" xmlns="{X12}" version="1.2" sdl:version="1.0"><file original="a.docx"
 datatype="x-sdlfilterframework2" source-language="fr-FR" target-language="en-GB"><header>
<fmt-defs xmlns="{SDL}"><fmt-def id="f1"><value key="Italic">True</value></fmt-def>
<fmt-def id="f2"><value key="Bold">True</value></fmt-def></fmt-defs>
<tag-defs xmlns="{SDL}">{tag_defs}</tag-defs></header><body>
<trans-unit id="u1"><source>{source}</source><seg-source><mrk mtype="seg" mid="1">{source}</mrk></seg-source>
<target><mrk mtype="seg" mid="1">{target}</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit></body></file></xliff>""".encode()


def tag(ident: str, inner: str) -> str:
    return f'<tag id="{ident}">{inner}</tag>'


CF_ITALIC = '<bpt name="cf" word-end="false">&lt;cf italic="True"&gt;</bpt><ept name="cf">&lt;/cf&gt;</ept>'
CF_BOLD = '<bpt name="cf">&lt;cf bold="True"&gt;</bpt><ept name="cf">&lt;/cf&gt;</ept>'


@pytest.mark.parametrize("defs, italic", [
    (tag("pt1", CF_ITALIC), {"pt1"}),                                       # its native code
    (tag("pt1", CF_BOLD + '<bpt-props><value key="Italic">True</value></bpt-props>'), {"pt1"}),
    (tag("pt1", CF_BOLD + '<fmt id="f1"/>') + tag("pt2", CF_BOLD + '<fmt id="f2"/>'), {"pt1"}),  # by its fmt-def
    (tag("pt1", '<bpt name="i">&lt;i&gt;</bpt><ept name="i">&lt;/i&gt;</ept>'), {"pt1"}),   # HTML
    (tag("pt1", CF_BOLD) + tag("pt2", '<bpt name="cf">&lt;cf italic="False"&gt;</bpt>'), set()),
    (tag("pt1", '<ph name="br">&lt;br/&gt;</ph>'), set()),
])
def test_which_trados_tags_are_italic(defs: str, italic: set[str]) -> None:
    from alignment.cat_italics import tag_ids_italic

    root = etree.fromstring(sdlxliff(defs, "Un mot.", "A word."))
    assert tag_ids_italic(root) == italic


def test_a_trados_files_numbered_tags_defined_italic_in_its_header_are_italics() -> None:
    """Trados writes formatting as <g id="pt3"> and says in the header what pt3 is: every title
    of a Trados job was roman in the reader, the tags being read as plain."""
    defs = tag("pt1", CF_ITALIC) + tag("pt2", CF_BOLD) + tag("pt3", CF_BOLD + '<fmt id="f1"/>')
    data = sdlxliff(defs, 'Il lit <g id="pt1">Le Monde</g> et <g id="pt2">gras</g>, <g id="pt3">puis</g>.',
                    'He reads <g id="pt1">Le Monde</g> and <g id="pt2">bold</g>, <g id="pt3">then</g>.')
    bitext = read_pairs(data, "job.sdlxliff")
    assert italic_words(bitext) == ([["Le Monde", "puis"]], [["Le Monde", "then"]])
    # the same ids without the header's definitions: plain, as another tool's numbered tags
    assert italic_words(read_pairs(sdlxliff("", *(
        s.replace('"pt', '"x') for s in ('Il <g id="pt1">lit</g>.', 'He <g id="pt1">reads</g>.'))),
        "job.sdlxliff")) == ([[]], [[]])
