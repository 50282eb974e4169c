"""Phrase's tags written as text in its MXLIFF: left out of what the reader shows, its '{i>' pairs
read as italics, and written back into the file as Phrase wrote them."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.corrections import edit_target
from alignment.import_pairs import read_pairs
from alignment.phrase_tags import codes_as_tags, made_by_phrase, tags_as_codes
from alignment.types import Signature
from alignment.write_back import write_back

MXLF = 'xmlns:m="http://www.memsource.com/mxlf/2.0" m:version="2.0" m:level="1"'


def mxliff(*pairs: tuple[str, str], phrase: bool = True) -> bytes:
    """An XLIFF 1.2 job as Phrase exports it (MXLIFF): its tags typed into the segments' text;
    without `phrase`, the same job with no word of Phrase's namespace."""
    own = ' m:confirmed="0"' if phrase else ""
    units = "".join(f'<group id="{k}"><trans-unit id="j:{k}"{own}><source>{escape(fr, quote=False)}'
                    f'</source><target>{escape(en, quote=False)}</target></trans-unit></group>\n'
                    for k, (fr, en) in enumerate(pairs))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:'
            f'1.2" {MXLF if phrase else ""} version="1.2">\n<file original="article.docx" '
            'source-language="fr" target-language="en" datatype="x-undefined"><body>\n'
            f'{units}</body></file></xliff>\n').encode()


def read_en(seg: str, name: str = "job.mxliff", phrase: bool = True) -> tuple[str, list[str]]:
    s = read_pairs(mxliff(("Une phrase.", seg), phrase=phrase), name).tgt[0]
    return s.text, [s.text[a:b] for a, b in s.italics]


@pytest.mark.parametrize("seg, text, italic", [
    ("He reads {i>Le Monde<i} daily.", "He reads Le Monde daily.", ["Le Monde"]),
    ("{b>Bold<b} and {u>lined<u}.", "Bold and lined.", []),                   # not italic
    ("See {1>the {i>Times<i} page<1}.", "See the Times page.", ["Times"]),   # nested
    ("A note{2} and a mark{3}.", "A note and a mark.", []),                   # standalone
    ("{1>Opened only.", "Opened only.", []),                                   # never closed
    ("Closed<1} only.", "Closed only.", []),
    ("{i>A<i} and {i>B<i}.", "A and B.", ["A", "B"]),                         # one name twice
    ("H{sub>2<sub}O and E = mc{sup>2<sup}.", "H2O and E = mc2.", []),
    ("Not tags: {word} or {x> or a<2 and b>3.", "Not tags: {word} or {x> or a<2 and b>3.", []),
])
def test_phrase_tags_are_left_out_of_the_text_and_i_pairs_read_italic(seg, text, italic):
    assert read_en(seg) == (text, italic)


@pytest.mark.parametrize("data, name, expected", [
    (mxliff(("a", "b")), "job.xlf", True),                   # its namespace
    (mxliff(("a", "b"), phrase=False), "job.mxliff", True),  # its name
    (mxliff(("a", "b"), phrase=False), "job.xlf", False),
])
def test_an_mxliff_is_known_by_its_namespace_or_its_name(data, name, expected):
    assert made_by_phrase(data, name) is expected


def test_another_tools_xliff_keeps_such_text_as_it_is():
    assert read_en("He reads {i>Le Monde<i}.", "job.xlf", phrase=False) == \
        ("He reads {i>Le Monde<i}.", [])


def test_a_tmx_s_paired_code_holding_phrase_s_italic_tag_is_italic():
    """A memory Phrase exported with its tags as TMX codes: '{i>' in a <bpt> says italic."""
    seg = 'He reads <bpt i="1">{i&gt;</bpt>Le Monde<ept i="1">&lt;i}</ept>.'
    data = (f'<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" '
            f'adminlang="en" creationtool="Phrase" o-tmf="x"/><body><tu><tuv xml:lang="fr"><seg>Il lit '
            f'Le Monde.</seg></tuv><tuv xml:lang="en"><seg>{seg}</seg></tuv></tu></body></tmx>').encode()
    s = read_pairs(data, "memory.tmx").tgt[0]
    assert (s.text, [s.text[a:b] for a, b in s.italics]) == ("He reads Le Monde.", ["Le Monde"])


DATA = mxliff(("Il lit {i>Le Monde<i} chaque matin.", "He reads {i>Le Monde<i} every morning."),
              ("Voir {1>la page<1} suivante{2}.", "See {1>the next page<1}{2}."))


def test_written_back_untouched_the_file_is_the_same_bytes():
    out, done = write_back(DATA, "job.mxliff", read_pairs(DATA, "job.mxliff"))
    assert (out, done.changed) == (DATA, 0)


def test_a_correction_goes_in_around_the_tags_which_stay_text():
    bitext = read_pairs(DATA, "job.mxliff")
    assert [s.text for s in bitext.tgt] == ["He reads Le Monde every morning.", "See the next page."]
    bitext = edit_target(edit_target(bitext, 0, 0, "He reads Le Journal every day."),
                         1, 0, "See the following page.")
    out, done = write_back(DATA, "job.mxliff", bitext)
    assert (done.changed, done.codes_dropped) == (2, 0)
    assert b"<target>He reads {i&gt;Le Journal&lt;i} every day.</target>" in out
    assert b"<target>See {1&gt;the following page&lt;1}{2}.</target>" in out
    assert b"<bpt" not in out and b"<ph" not in out
    again = read_pairs(out, "job.mxliff").tgt[0]
    assert again.text[again.italics[0][0]:again.italics[0][1]] == "Le Journal"


def test_a_po_imported_when_the_tags_were_text_is_written_back_as_before():
    """An MXLIFF named .xlf imported before this change: its texts hold the tags, so the file is
    read so for it, and a correction typed around the tags goes in as it was typed."""
    new = read_pairs(DATA, "job.xlf")
    params = tuple(p for p in new.alignment.signature.params if p != ("tags", "phrase"))
    assert len(params) == len(new.alignment.signature.params) - 1
    old = replace(read_pairs(DATA.replace(b"memsource.com", b"example.com"), "job.xlf"),
                  alignment=replace(new.alignment, signature=Signature(aligner="import", params=params)))
    assert old.tgt[1].text == "See {1>the next page<1}{2}."
    out, done = write_back(DATA, "job.xlf", edit_target(old, 1, 0, "See {1>this page<1}{2}."))
    assert (done.changed, done.unmatched) == (1, 0)
    assert b"<target>See {1&gt;this page&lt;1}{2}.</target>" in out


_TAG = st.sampled_from(["{1>", "<1}", "{i>", "<i}", "{2}", "{b>", "<sup}", "{x}"])
_WORDS = st.text(st.sampled_from("ab {}<>1"), max_size=6)
_NS = "urn:oasis:names:tc:xliff:document:1.2"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TAG, _WORDS), max_size=8))
def test_tags_made_codes_and_back_give_the_segment_as_it_was(pieces):
    from lxml import etree

    root = etree.fromstring(f"<xliff xmlns='{_NS}'><trans-unit id='1'><source>"
                            f"{escape(''.join(pieces), quote=False)}<ph id='9'>{{9}}</ph>end"
                            "</source></trans-unit></xliff>")
    before = etree.tostring(root)
    tags_as_codes(root)
    codes_as_tags(root)
    assert etree.tostring(root) == before
