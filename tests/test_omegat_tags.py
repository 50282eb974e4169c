"""OmegaT's tags written as text in its own TMX: left out of what the reader shows, its <i0>
and <e0> pairs read as italics, and written back into the memory as OmegaT wrote them."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.corrections import edit_target
from alignment.import_pairs import read_pairs
from alignment.omegat_tags import codes_as_tags, made_by_omegat, tags_as_codes
from alignment.types import Signature
from alignment.write_back import write_back


def omegat_tmx(*pairs: tuple[str, str], tool: str = "OmegaT") -> bytes:
    """A TMX as OmegaT writes its project memory: tags typed into the segments' text."""
    units = "".join(f'<tu><tuv xml:lang="FR-FR"><seg>{escape(fr, quote=False)}</seg></tuv>'
                    f'<tuv xml:lang="EN-GB"><seg>{escape(en, quote=False)}</seg></tuv></tu>\n'
                    for fr, en in pairs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="{tool}" '
            'o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.0" '
            f'segtype="sentence" srclang="FR-FR"/>\n<body>\n{units}</body>\n</tmx>\n').encode()


def read_en(seg: str, tool: str = "OmegaT") -> tuple[str, list[str]]:
    bitext = read_pairs(omegat_tmx(("Une phrase.", seg), tool=tool), "project_save.tmx")
    s = bitext.tgt[0]
    return s.text, [s.text[a:b] for a, b in s.italics]


@pytest.mark.parametrize("seg, text, italic", [
    ("He reads <i0>Le Monde</i0> daily.", "He reads Le Monde daily.", ["Le Monde"]),
    ("<b0>Bold</b0> and <e1>stressed</e1>.", "Bold and stressed.", ["stressed"]),      # HTML's <em>
    ("See <a0>the <i1>Times</i1> page</a0>.", "See the Times page.", ["Times"]),      # nested
    ("<f0>Formatted</f0> words.", "Formatted words.", []),                             # not italic
    ("Line one<br0/> and two.", "Line one and two.", []),                              # standalone
    ("<i0>Opened only.", "Opened only.", []),                                          # never closed
    ("Closed</i0> only.", "Closed only.", []),
    ("<i0>A</i0> and <i1>B</i1>.", "A and B.", ["A", "B"]),
    ("<i0>x</i0><i0>y</i0>", "xy", ["xy"]),                          # one name twice, pairs in order
    ("Not tags: <i> or <b> or a<2 and b>3.", "Not tags: <i> or <b> or a<2 and b>3.", []),
])
def test_omegat_tags_are_left_out_of_the_text_and_i0_pairs_read_italic(seg, text, italic):
    assert read_en(seg) == (text, italic)


def test_a_tmx_another_tool_made_keeps_such_text_as_it_is():
    assert read_en("He reads <i0>Le Monde</i0>.", tool="SomeTool") == ("He reads <i0>Le Monde</i0>.", [])
    assert made_by_omegat(omegat_tmx(("a", "b")))
    assert not made_by_omegat(omegat_tmx(("a", "b"), tool="Okapi"))


def test_a_level_2_tmx_s_paired_omegat_code_is_italic():
    data = omegat_tmx(("x", "y")).replace(
        b"<seg>y</seg>", b'<seg>He reads <bpt i="1" x="0">&lt;i0&gt;</bpt>Le Monde<ept i="1">&lt;/i0&gt;</ept>.</seg>')
    assert read_en_data(data) == ("He reads Le Monde.", ["Le Monde"])


def read_en_data(data: bytes) -> tuple[str, list[str]]:
    s = read_pairs(data, "level2.tmx").tgt[0]
    return s.text, [s.text[a:b] for a, b in s.italics]


DATA = omegat_tmx(("Il lit <i0>Le Monde</i0> chaque matin.", "He reads <i0>Le Monde</i0> every morning."),
                  ("Voir <a0>la page</a0>.", "See <a0>the page</a0>."))


def test_written_back_untouched_the_memory_is_the_same_bytes():
    out, done = write_back(DATA, "project_save.tmx", read_pairs(DATA, "project_save.tmx"))
    assert (out, done.changed) == (DATA, 0)


def test_a_correction_goes_in_around_the_tags_which_stay_text():
    bitext = read_pairs(DATA, "project_save.tmx")
    out, done = write_back(DATA, "project_save.tmx", edit_target(bitext, 0, 0, "He reads Le Journal every day."))
    assert (done.changed, done.codes_dropped) == (1, 0)
    assert b"<seg>He reads &lt;i0&gt;Le Journal&lt;/i0&gt; every day.</seg>" in out
    assert b"<seg>See &lt;a0&gt;the page&lt;/a0&gt;.</seg>" in out and b"<bpt" not in out
    again = read_pairs(out, "project_save.tmx").tgt[0]
    assert again.text[again.italics[0][0]:again.italics[0][1]] == "Le Journal"


def test_a_po_imported_when_the_tags_were_text_is_written_back_as_before():
    """Its texts hold the tags: the file is read so for it, and a correction typed around the
    tags goes in as it was typed."""
    new = read_pairs(DATA, "project_save.tmx")
    params = tuple(p for p in new.alignment.signature.params if p != ("tags", "omegat"))
    old = replace(read_pairs(DATA.replace(b'"OmegaT"', b'"Other"'), "project_save.tmx"),
                  alignment=replace(new.alignment, signature=Signature(aligner="import", params=params)))
    assert old.tgt[1].text == "See <a0>the page</a0>."
    out, done = write_back(DATA, "project_save.tmx", edit_target(old, 1, 0, "See <a0>this page</a0>."))
    assert (done.changed, done.unmatched) == (1, 0)
    assert b"<seg>See &lt;a0&gt;this page&lt;/a0&gt;.</seg>" in out


_TAG = st.sampled_from(["<i0>", "</i0>", "<b1>", "</b1>", "<x2/>", "</e3>"])
_WORDS = st.text(st.sampled_from("ab <>/1"), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TAG, _WORDS), max_size=8))
def test_tags_made_codes_and_back_give_the_segment_as_it_was(pieces):
    from lxml import etree

    seg = etree.fromstring(f"<tuv><seg>{escape(''.join(pieces), quote=False)}<ph x='9'>{{9}}</ph>"
                           "end</seg></tuv>")
    before = etree.tostring(seg)
    tags_as_codes(seg)
    codes_as_tags(seg)
    assert etree.tostring(seg) == before
