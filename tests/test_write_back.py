"""Corrections written back into the XLIFF or TMX file the pairs were imported from: the corrected
translations replaced, everything else of the file as it was, and what could not be matched
counted."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.cli import main
from alignment.corrections import add_target, edit_target, merge, split
from alignment.errors import AlignmentError, InputError
from alignment.import_pairs import read_pairs
from alignment.types import Signature
from alignment.write_back import WriteBack, check_corrected_name, describe, write_back
from test_import_pairs import CODES_XLIFF, SDLXLIFF, XLIFF, XLIFF2, tmx, tu


NOW = datetime(2025, 3, 1, 15, 15, tzinfo=timezone(timedelta(hours=1)))   # a TMX's changedate: 20250301T141500Z


def canonical(data: bytes) -> bytes:
    """The XML as C14N writes it: lxml puts a namespace declaration before the attributes
    ('<xliff xmlns=... version=...>'), the one change it makes to a file it did not touch."""
    from lxml import etree

    return etree.tostring(etree.fromstring(data), method="c14n")


def targets(data: bytes, name: str, **asked: str) -> list[str]:
    back = read_pairs(data, name, **asked)
    return [back.link_text(i, "tgt") for i in range(len(back.alignment.links))]


@pytest.mark.parametrize("name, data, link, before, codes", [
    # Trados: the second <mrk> segment of a unit; its <g> code goes with the old text
    ("job.sdlxliff", SDLXLIFF, 1, "It <g id=\"3\">rains</g>.", 1),
    # XLIFF 2: a <segment> whose target has no code
    ("job2.xlf", XLIFF2, 1, "Il pleut.", 0),
    # XLIFF 1.2: a whole trans-unit, its <g> code left out with the old text
    ("job.xlf", XLIFF, 0, "La <g id=\"1\">montagne</g> est haute.", 1),
], ids=["sdlxliff", "xliff2", "xliff"])
def test_a_corrected_translation_goes_back_into_its_segment_and_nothing_else_changes(
        name, data, link, before, codes):
    bitext = read_pairs(data, name)
    corrected = edit_target(bitext, link, 0, "Corrected here.")
    out, done = write_back(data, name, corrected)
    assert done == WriteBack(changed=1, codes_dropped=codes, unmatched=0)
    assert targets(out, name) == [corrected.link_text(i, "tgt") for i in range(len(bitext.alignment.links))]
    # the rest of the file byte for byte: only the corrected segment's target differs (and an
    # XLIFF 2 segment without a state, "initial" by the spec, reads "translated")
    out = out.replace(b'<segment state="translated"><source>It rains', b"<segment><source>It rains")
    assert canonical(out.replace(b"Corrected here.", before.encode())) == canonical(data)


@pytest.mark.parametrize("corrected, segment, dropped", [
    ("It pours.", 'It <g id="3">pours</g>.', 0),              # a word inside the code
    ("It rained.", 'It <g id="3">rained</g>.', 0),
    ("It often rains.", 'It often <g id="3">rains</g>.', 0),  # a word inserted before it: outside
    ("It rains hard.", 'It <g id="3">rains</g> hard.', 0),    # ... and after it
    ("Heavy rains fall.", 'Heavy <g id="3">rains</g> fall.', 0),
    ("Corrected here.", "Corrected here.", 1),                 # rewritten: the code is left out
], ids=["inside", "ending", "before", "after", "around", "rewritten"])
def test_a_correction_keeps_the_segments_codes_where_its_words_stay(corrected, segment, dropped):
    """A proofreader fixes a word or two: the formatting codes around the rest stay where
    they were; only a segment rewritten loses them (and says so)."""
    bitext = edit_target(read_pairs(SDLXLIFF, "job.sdlxliff"), 1, 0, corrected)
    out, done = write_back(SDLXLIFF, "job.sdlxliff", bitext)
    assert f'<mrk mtype="seg" mid="2">{segment}</mrk>'.encode() in out
    assert done == WriteBack(changed=1, codes_dropped=dropped, unmatched=0)
    assert targets(out, "job.sdlxliff")[1] == corrected


def test_an_unchanged_text_gives_back_the_same_file():
    for name, data in (("job.sdlxliff", SDLXLIFF), ("job2.xlf", XLIFF2), ("job.xlf", XLIFF)):
        out, done = write_back(data, name, read_pairs(data, name))
        assert canonical(out) == canonical(data) and done == WriteBack(0, 0, 0)
        if name != "job.xlf":   # its root declares its namespace after an attribute
            assert out == data


def test_a_translation_added_where_there_was_none_gets_a_target():
    bitext = read_pairs(XLIFF, "job.xlf")   # its second unit ('Nur hier.') has no target
    out, done = write_back(XLIFF, "job.xlf", add_target(bitext, 1, "Seulement ici."))
    assert done.changed == 1 and targets(out, "job.xlf") == ["La montagne est haute.", "Seulement ici."]
    sdl = read_pairs(SDLXLIFF, "job.sdlxliff")   # its 'Fin.' segment has no <target> either
    out, _ = write_back(SDLXLIFF, "job.sdlxliff", add_target(sdl, 2, "The end."))
    assert targets(out, "job.sdlxliff")[2] == "The end."
    assert out.index(b"</seg-source>") < out.index(b"The end.")   # the target after seg-source


def test_segments_whose_links_were_merged_are_left_as_they_were_and_counted():
    bitext = read_pairs(XLIFF2, "job2.xlf")   # 3 segments, the last with no target
    merged = merge(bitext, 0)                  # the first two segments' links joined
    corrected = add_target(merged, 1, "La fin.")
    out, done = write_back(XLIFF2, "job2.xlf", corrected)
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=2)
    assert targets(out, "job2.xlf") == ["Le train part.", "Il pleut.", "La fin."]
    assert "2 segments left as they were (their links were merged or split" in describe(done)


@pytest.mark.parametrize("namespace", ["urn:oasis:names:tc:xliff:document:1.1", None])
def test_a_target_goes_in_the_namespace_the_file_uses(namespace):
    """An XLIFF 1.1 file, or one with no namespace (older tools write them; the import reads
    them): a translation added goes into the unit's own namespace, where the tool looks. It
    was made in 1.2's, beside the unit's elements, and the tool would not have seen it."""
    ns = b"urn:oasis:names:tc:xliff:document:1.2"
    data = XLIFF.replace(b' xmlns="' + ns + b'"', b' xmlns="' + namespace.encode() + b'"' if namespace else b"")
    out, done = write_back(data, "old.xlf", add_target(read_pairs(data, "old.xlf"), 1, "Seulement ici."))
    assert done.changed == 1 and targets(out, "old.xlf")[1] == "Seulement ici."
    assert b"<trans-unit id=\"2\"><source>Nur hier.</source><target state=\"translated\">Seulement ici.</target>" in out
    assert ns not in out


def test_a_memory_keeps_its_other_languages_and_its_codes_where_nothing_was_corrected():
    """A TMX of three languages read as en -> fr: the French corrected and added, the German
    and the untouched segment's codes kept, which a TMX written afresh would lose."""
    data = tmx(tu(en="Yes.", de="Ja.", fr="Oui.") + tu(en="No.", de="Nein.")
               + tu(en='Go <ph x="1">{1}</ph>.', fr='Va <ph x="1">{1}</ph>.')
               + tu(en="Stop.", fr='Arr<bpt i="1">&lt;b&gt;</bpt>ête<ept i="1">&lt;/b&gt;</ept>.'),
               srclang="en")
    bitext = read_pairs(data, "memory.tmx", tgt_lang="fr")
    corrected = add_target(edit_target(bitext, 3, 0, "Arrêtez."), 1, "Non.")
    out, done = write_back(data, "memory.tmx", corrected, NOW)
    assert done == WriteBack(changed=2, codes_dropped=1, unmatched=0)
    assert targets(out, "memory.tmx", tgt_lang="fr") == ["Oui.", "Non.", "Va .", "Arrêtez."]
    assert b'<tuv xml:lang="de"><seg>Nein.</seg></tuv><tuv xml:lang="fr" changedate="20250301T141500Z">' \
        b'<seg>Non.</seg></tuv>' in out
    assert b'<seg>Va <ph x="1">{1}</ph>.</seg>' in out and b"Ja." in out


def test_only_a_file_pairs_came_from_takes_the_corrections_back():
    with pytest.raises(InputError, match="^pairs.txt: corrections are written back into the .xlf, "):
        write_back(b"a\tb\n", "pairs.txt", read_pairs(XLIFF, "job.xlf"))


def test_export_writes_the_corrected_copy_and_never_the_original(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.sdlxliff").write_bytes(SDLXLIFF)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.sdlxliff", "-o", "job.po"]).exit_code == 0
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    (tmp_path / "job.po").write_text(po.replace('msgstr "It rains."', 'msgstr "It is raining."'),
                                     encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.sdlxliff", "--original", "job.sdlxliff"])
    assert done.exit_code == 0, done.output
    assert "Wrote back.sdlxliff: 1 translation corrected" in done.stderr and "codes" not in done.stderr
    assert targets((tmp_path / "back.sdlxliff").read_bytes(), "back.sdlxliff")[1] == "It is raining."
    assert b'It <g id="3">is raining</g>.' in (tmp_path / "back.sdlxliff").read_bytes()
    assert (tmp_path / "job.sdlxliff").read_bytes() == SDLXLIFF
    alone = runner.invoke(main, ["export", "job.po", "--corrected", "x.xlf"])
    assert alone.exit_code == 1 and "give both --corrected FILE and --original" in alone.stderr
    over = runner.invoke(main, ["export", "job.po", "--corrected", "job.sdlxliff", "--original", "job.sdlxliff"])
    assert over.exit_code == 1 and (tmp_path / "job.sdlxliff").read_bytes() == SDLXLIFF


SEGMENTS = ["One.", "Two.", "Three.", "Four.", "Five."]


def many_units(with_codes: bool) -> bytes:
    code = '<g id="1">x</g>' if with_codes else "x"
    units = "".join(f'<trans-unit id="{k}"><source>{s}</source><target>T{k} {code}.</target></trans-unit>'
                    for k, s in enumerate(SEGMENTS))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
            'version="1.2"><file original="a" source-language="en" target-language="fr" '
            f'datatype="plaintext"><body>{units}</body></file></xliff>\n').encode()


@settings(max_examples=60, deadline=None)
@given(st.booleans(), st.lists(st.tuples(st.sampled_from(["edit", "merge", "split"]),
                                         st.integers(0, 4)), max_size=5))
def test_whatever_was_corrected_the_file_takes_what_it_can_and_counts_the_rest(with_codes, steps):
    """Corrections, merges and splits in any order: writing back never fails; a segment whose
    link still holds just its original gets that link's translation, every other segment keeps
    its own, and the counts say so."""
    data = many_units(with_codes)
    bitext = original = read_pairs(data, "job.xlf")
    for k, (what, i) in enumerate(steps):
        i = min(i, len(bitext.alignment.links) - 1)
        try:
            bitext = (edit_target(bitext, i, 0, f"Edit {k}.") if what == "edit" else
                      merge(bitext, i) if what == "merge" else split(bitext, i))
        except AlignmentError:   # nothing to merge with, nothing to cut
            continue
    out, done = write_back(data, "job.xlf", bitext)
    answers = {bitext.link_text(i, "src"): bitext.link_text(i, "tgt")
               for i, link in enumerate(bitext.alignment.links) if len(link.src) == 1}
    before = [original.link_text(k, "tgt") for k in range(len(SEGMENTS))]
    expected = [answers.get(source, old) for source, old in zip(SEGMENTS, before)]
    assert targets(out, "job.xlf") == expected
    assert done.unmatched == sum(source not in answers for source in SEGMENTS)
    assert done.changed == sum(new != old for new, old in zip(expected, before))
    assert done.codes_dropped == (done.changed if with_codes else 0)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([("a.xlf", XLIFF), ("b.xlf", XLIFF2), ("c.sdlxliff", SDLXLIFF)]),
       st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 6),
                          st.text(alphabet='<>"/=&#x1a :-', max_size=4)), min_size=1, max_size=5))
def test_an_original_changed_since_the_import_is_written_into_or_refused_in_one_line(seed, edits):
    """The original kept may not be the file the pairs came from (edited, truncated, another
    tool's dialect): writing back either works or says why in one line, never a traceback."""
    name, data = seed
    bitext = edit_target(read_pairs(data, name), 0, 0, "Changed <&> text.")
    mangled = bytearray(data)
    for at, cut, text in edits:
        at %= len(mangled) + 1
        mangled[at:at + cut] = text.encode()
    try:
        out, done = write_back(bytes(mangled), name, bitext)
    except AlignmentError as exc:
        assert "\n" not in str(exc).strip()
    else:
        assert done.changed + done.unmatched <= 3 and out.lstrip().startswith(b"<")


CODED = XLIFF.replace(b'La <g id="1">montagne</g> est haute.',
                      b'Le <g id="1">grand</g> pont de <g id="2">pierre</g> tombe.')


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 5), st.sampled_from(["vieux", "mur", "", "très haut", "l'ancien", "—"]))
def test_a_word_changed_anywhere_keeps_both_codes(k, word):
    """One word of a segment with two codes replaced, dropped or made two: the segment reads
    the correction, and both codes stay."""
    words = "Le grand pont de pierre tombe.".split()
    words[k] = word
    corrected = " ".join(w for w in words if w)
    bitext = edit_target(read_pairs(CODED, "job.xlf"), 0, 0, corrected)
    out, done = write_back(CODED, "job.xlf", bitext)
    assert targets(out, "job.xlf")[0] == corrected
    assert done == WriteBack(changed=int(corrected != "Le grand pont de pierre tombe."),
                             codes_dropped=0, unmatched=0)
    assert out.split(b"<target>")[1].split(b"</target>")[0].count(b"<g id=") == 2


def target_of(data: bytes, unit: str) -> str:
    """The target element of trans-unit (or XLIFF 2 unit) `unit`, as the file writes it."""
    after = data.decode().split(f'id="{unit}"', 1)[1]
    return "<target" + after.split("<target", 1)[1].split("</target>", 1)[0] + "</target>"


@pytest.mark.parametrize("unit, link, corrected, target", [
    ("a", 0, "A red notebook.",
     '<target state="translated">A <ph id="1">&lt;b&gt;</ph>red<ph id="2">&lt;/b&gt;</ph> notebook.</target>'),
    ("b", 1, "To Marcel Dupuis, the sacristan.", '<target state="translated">To <bpt id="1">&lt;i&gt;'
     '</bpt>Marcel Dupuis<ept id="1">&lt;/i&gt;</ept>, the sacristan.</target>'),
    ("c", 2, "See the page three.", '<target state="needs-review-translation">See<x id="1"/> the '
     '<bx id="2"/>page<ex id="3"/> <it id="4" pos="open">&lt;u&gt;</it>three.</target>'),
    ("d", 3, "It pours, he says.",
     '<target state="translated">It <g id="5">pours</g>, <mrk mtype="x-term">he</mrk> says.</target>'),
    ("e", 4, "It snows hard.", '<target><mrk mtype="seg" mid="1">It <ph id="6">{1}</ph>snows hard.</mrk></target>'),
], ids=["ph", "bpt-ept", "x-bx-ex-it", "g-mrk", "segment-ph"])
def test_a_word_corrected_beside_xliff_codes_keeps_them_as_codes(unit, link, corrected, target):
    """XLIFF 1.2's <ph>, <bpt>, <ept>, <it> hold native code ('&lt;b&gt;'): read as text, a
    one-word correction wrote '&lt;b&gt;red&lt;/b&gt;' into the target as visible text and
    said the codes were left out. Now they stay where they were, as <g>'s always did."""
    bitext = edit_target(read_pairs(CODES_XLIFF, "job.xlf"), link, 0, corrected)
    out, done = write_back(CODES_XLIFF, "job.xlf", bitext)
    assert target_of(out, unit) == target
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0, reopened=int(unit == "d"),   # "final"
                             to_review=int(unit == "c"))   # needs-review-translation, kept
    assert targets(out, "job.xlf")[link] == corrected


def test_the_proofreaders_po_corrected_beside_xliff_codes_goes_back_with_them(tmp_path, monkeypatch):
    """The tester's way: import, change a word in the PO's msgstr, export --corrected."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.xlf").write_bytes(CODES_XLIFF)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.xlf", "-o", "job.po"]).exit_code == 0
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    (tmp_path / "job.po").write_text(po.replace("Marcel Dupont", "Marcel Dupuis"), encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.xlf", "--original", "job.xlf"])
    assert done.exit_code == 0, done.output
    assert "Wrote back.xlf: 1 translation corrected" in done.stderr and "left out" not in done.stderr
    out = (tmp_path / "back.xlf").read_bytes()
    assert b'<bpt id="1">&lt;i&gt;</bpt>Marcel Dupuis<ept id="1">&lt;/i&gt;</ept>' in out
    assert canonical(out.replace(b"Dupuis", b"Dupont").replace(b'"translated"', b'"needs-translation"')) \
        == canonical(CODES_XLIFF)


def imported_before_codes_were_left_out(data: bytes, name: str, src: list[str], tgt: list[str]):
    """Pairs as a PO imported before the codes' content was left out holds them: that content
    in its texts, no digest of the file in its signature."""
    from dataclasses import replace

    from alignment.types import Sentence

    bitext = read_pairs(data, name)
    sig = bitext.alignment.signature
    return replace(bitext, src=tuple(Sentence(t, s.paragraph) for t, s in zip(src, bitext.src)),
                   tgt=tuple(Sentence(t, s.paragraph) for t, s in zip(tgt, bitext.tgt)),
                   alignment=replace(bitext.alignment, signature=replace(
                       sig, params=tuple(p for p in sig.params if p[0] != "sha256"))))


OLD_SOURCES = ["Un carnet <b>noir</b>.", "Chez <i>Marcel</i>, le sacristain.", "Voir la page <u>deux.",
               "Il pleut, dit-il.", "Il {1}neige."]
OLD_TARGETS = ["A <b>black</b> notebook.", "To <i>Marcel Dupont</i>, the sacristan.", "See the page <u>two.",
               "It rains, he says.", "It {1}snows."]


@pytest.mark.parametrize("link, corrected, target", [
    (None, None, None),
    (0, "A <b>red</b> notebook.", 'A <ph id="1">&lt;b&gt;</ph>red<ph id="2">&lt;/b&gt;</ph> notebook.'),
    (1, "To Marcel Dupuis, the sacristan.",      # the proofreader took the codes' content out
     'To <bpt id="1">&lt;i&gt;</bpt>Marcel Dupuis<ept id="1">&lt;/i&gt;</ept>, the sacristan.'),
    (4, "It {1}snows hard.", '<mrk mtype="seg" mid="1">It <ph id="6">{1}</ph>snows hard.</mrk>'),
], ids=["untouched", "codes-kept-in-po", "codes-deleted-in-po", "segment"])
def test_a_po_imported_when_codes_were_text_still_goes_back_with_its_codes(link, corrected, target):
    """A PO imported before: its segments are found by their old reading, an untouched one
    stays as it is (it would have got '&lt;b&gt;' beside its codes), a corrected one keeps them."""
    targets_now = list(OLD_TARGETS)
    if link is not None:
        targets_now[link] = corrected
    bitext = imported_before_codes_were_left_out(CODES_XLIFF, "job.xlf", OLD_SOURCES, targets_now)
    out, done = write_back(CODES_XLIFF, "job.xlf", bitext)
    if link is None:
        assert canonical(out) == canonical(CODES_XLIFF) and done == WriteBack(0, 0, 0)
        return
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0)
    assert target.encode() in out and b"&lt;b&gt;red" not in out


CODES_XLIFF2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
<file id="f1"><unit id="1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>
<segment state="initial"><source>Il vit <pc id="1">Marcel</pc>.</source>
<target>He saw <ph id="2" dataRef="d1"/><pc id="1">Marcel Dupont</pc> and <sc id="3"/>Paul<ec startRef="3"/>.</target></segment>
<segment state="reviewed"><source>Fin.</source><target>The end.</target></segment></unit>
<unit id="2"><segment><source>Oui.</source><target>Yes.</target></segment></unit></file></xliff>"""


@pytest.mark.parametrize("link, corrected, segment", [
    (0, "He saw Marcel Dupuis and Paul.", '<segment state="translated"><source>Il vit <pc id="1">Marcel'
     '</pc>.</source>\n<target>He saw <ph id="2" dataRef="d1"/><pc id="1">Marcel Dupuis</pc> and <sc id="3"/>'
     'Paul<ec startRef="3"/>.</target></segment>'),
    (0, "He saw Marcel Dupont and Pierre.", '<target>He saw <ph id="2" dataRef="d1"/><pc id="1">Marcel '
     'Dupont</pc> and <sc id="3"/>Pierre<ec startRef="3"/>.</target>'),
    (1, "The End.", '<segment state="translated"><source>Fin.</source><target>The End.</target></segment>'),
    (2, "Yes!", '<segment state="translated"><source>Oui.</source><target>Yes!</target></segment>'),
], ids=["pc-initial", "sc-ec", "reviewed-reopened", "no-state-initial"])
def test_xliff2_codes_stay_and_an_initial_segment_becomes_translated(link, corrected, segment):
    """XLIFF 2's <ph/>, <sc/>, <ec/> hold no text and <pc> does: a word corrected keeps them
    all. A segment state="initial" the correction wrote is "translated" now, or the CAT tool
    would take it for untranslated; one "reviewed" is "translated" too (and counted), for
    the correction is not reviewed; one without a state ("initial" by the spec) as well."""
    bitext = edit_target(read_pairs(CODES_XLIFF2, "job.xlf"), link, 0, corrected)
    out, done = write_back(CODES_XLIFF2, "job.xlf", bitext)
    assert segment.encode() in out
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0, reopened=int(link == 1))
    assert targets(out, "job.xlf")[link] == corrected


@pytest.mark.parametrize("state, after", [
    ("new", "translated"), ("needs-translation", "translated"),
    ("needs-review-translation", "needs-review-translation"), ("needs-adaptation", "needs-adaptation"),
    ("translated", "translated"), ("final", "translated"), ("signed-off", "translated"),
])
def test_a_corrected_xliff_target_marked_untranslated_becomes_translated(state, after):
    """A target state="new" written back still said "new", and the CAT tool took the
    correction for no translation; one "final" or "signed-off" had it take the correction for
    approved: both read "translated" now. The states asking for work stay. A unit not
    corrected keeps its state, whatever it is."""
    data = NBSP_XLIFF.replace(b"<target>", f'<target state="{state}">'.encode())
    bitext = read_pairs(data, "job.xlf")
    out, done = write_back(data, "job.xlf", edit_target(bitext, 1, 0, "Ça coûte 13 euros ?"))
    assert done.changed == 1
    assert target_of(out, "2").startswith(f'<target state="{after}">')
    assert target_of(out, "1").startswith(f'<target state="{state}">')


def test_a_translation_emptied_keeps_its_state_and_one_added_is_translated():
    """A target emptied is still untranslated; one made where the unit had none says
    "translated" (write_back_cat's tests for the rest)."""
    data = CODES_XLIFF.replace(b"<target>", b'<target state="new">')
    bitext = read_pairs(data, "job.xlf")
    out, _ = write_back(data, "job.xlf", without_translation(bitext, 4))
    assert target_of(out, "e") == '<target state="new"><mrk mtype="seg" mid="1"></mrk></target>'
    out, _ = write_back(XLIFF, "job.xlf", add_target(read_pairs(XLIFF, "job.xlf"), 1, "Ici."))
    assert b'<target state="translated">Ici.</target>' in out


# ---------------------------------------------------------------- the original the pairs came from


def imported(name: str, data: bytes, *, digest: bool = True):
    """The signature of pairs imported from `name` (as a PO written before the digest was
    recorded, `digest=False`)."""
    from dataclasses import replace

    sig = read_pairs(data, name).alignment.signature
    return sig if digest else replace(sig, params=tuple(p for p in sig.params if p[0] != "sha256"))


MEMORY = tmx(tu(de="Der Berg ist hoch.", fr="La montagne est haute."), srclang="de")


@pytest.mark.parametrize("signature, original, data, refused", [
    (imported("mem.tmx", MEMORY), "job.xlf", XLIFF, "job.xlf is not the file job.po was imported from "
     "(mem.tmx: another name and other contents); give that file as --original"),
    (imported("job.xlf", XLIFF), "dir/other.xlf", SDLXLIFF, "(job.xlf: another name and other contents)"),
    (imported("job.xlf", XLIFF), "dir/job-copy.xlf", XLIFF, None),        # a renamed copy: the same bytes
    (imported("job.xlf", XLIFF), "dir/job.xlf", CODED,                    # saved again since, or
     "dir/job.xlf is not job.xlf as job.po was imported from it (its contents differ"),  # another job's
    (imported("job.xlf", XLIFF, digest=False), "job.xlf", CODED, None),   # an older PO: its name alone
    (imported("job.xlf", XLIFF, digest=False), "job-copy.xlf", XLIFF,
     "job-copy.xlf is not the file job.po was imported from (job.xlf); give that file as --original, "
     "under that name"),
    (Signature(aligner="alignment", params=(("file", "x"),)), "job.xlf", XLIFF, None),
], ids=["memory-into-xliff", "other-xliff", "renamed-copy", "changed-since", "old-po-same-name",
        "old-po-renamed", "aligned-not-imported"])
def test_the_original_must_be_the_file_the_pairs_were_imported_from(signature, original, data, refused):
    from alignment.original_check import check_original

    if refused is None:
        check_original(signature, "job.po", original, data)
        return
    with pytest.raises(InputError) as error:
        check_original(signature, "job.po", original, data)
    assert refused in str(error.value) and "\n" not in str(error.value)


def test_export_refuses_a_po_imported_from_another_file_before_writing_anything(tmp_path, monkeypatch):
    """A PO imported from a memory was written into a job's XLIFF ('1 translation corrected',
    a unit changed) wherever an original matched."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mem.tmx").write_bytes(MEMORY)
    (tmp_path / "job.xlf").write_bytes(XLIFF)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "mem.tmx", "-o", "mem.po"]).exit_code == 0
    po = (tmp_path / "mem.po").read_text(encoding="utf-8")
    (tmp_path / "mem.po").write_text(po.replace("est haute", "est basse"), encoding="utf-8")
    done = runner.invoke(main, ["export", "mem.po", "--corrected", "back.xlf", "--original", "job.xlf",
                                "--tsv", "pairs.tsv"])
    assert done.exit_code == 1
    assert done.stderr == ("Error: job.xlf is not the file mem.po was imported from (mem.tmx: another "
                           "name and other contents); give that file as --original\n")
    assert not (tmp_path / "back.xlf").exists() and not (tmp_path / "pairs.tsv").exists()
    (tmp_path / "copy.tmx").write_bytes(MEMORY)
    done = runner.invoke(main, ["export", "mem.po", "--corrected", "back.tmx", "--original", "copy.tmx"])
    assert done.exit_code == 0 and "1 translation corrected" in done.stderr
    # the memory saved again since under its own name, a translation of its own changed there:
    # it was replaced by the PO's older text without a word
    (tmp_path / "mem.tmx").write_bytes(MEMORY.replace(b"</tmx>", b"<!-- saved again --></tmx>"))
    done = runner.invoke(main, ["export", "mem.po", "--corrected", "back2.tmx", "--original", "mem.tmx"])
    assert done.exit_code == 1 and "its contents differ" in done.stderr
    assert not (tmp_path / "back2.tmx").exists()


# ---------------------------------------------------------------- languages of a TMX


def as_aligned(bitext, src: str, tgt: str):
    """The pairs as a PO aligned elsewhere names them: bare language codes ('fr', 'en')."""
    import dataclasses

    return dataclasses.replace(bitext, src_lang=src, tgt_lang=tgt)


@pytest.mark.parametrize("src", ["fr", "fr-FR"])
def test_a_bare_language_code_finds_the_memorys_regional_tag(src):
    """Pairs aligned as fr -> en written back into a TMX tagging them fr (or fr-FR) and en-US:
    the en-US segment is corrected; no <tuv xml:lang="en"> is added beside it (it was, in
    every unit, and the correction was lost where the original was fr-FR)."""
    data = tmx(tu(**{src: "Le chat dort."}, en_US="The cat sleep.")
               + tu(**{src: "Il pleut."}, en_US="It rains."), srclang=src)
    bitext = edit_target(as_aligned(read_pairs(data, "m.tmx"), "fr", "en"), 0, 0, "The cat sleeps.")
    out, done = write_back(data, "m.tmx", bitext, NOW)
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0)
    assert out == data.replace(b'"en-US"><seg>The cat sleep.', b'"en-US" changedate="20250301T141500Z">'
                               b"<seg>The cat sleeps.")


@pytest.mark.parametrize("tags, code, says", [
    (("en_GB", "en_US"), "en", "holds en as en-gb, en-us"),
    (("de",), "en", "holds no text in en, only in fr, de"),
], ids=["two-regions", "absent"])
def test_a_language_the_memory_holds_twice_or_not_at_all_is_refused_in_one_line(tags, code, says):
    data = tmx(tu(fr="Oui.", **{t: f"Yes {t}." for t in tags}), srclang="fr")
    bitext = as_aligned(read_pairs(data, "m.tmx", tgt_lang=tags[0]), "fr", code)
    with pytest.raises(InputError, match=says) as refused:
        write_back(data, "m.tmx", edit_target(bitext, 0, 0, "Yes."))
    assert "\n" not in str(refused.value) and "alignment import m.tmx" in str(refused.value)


def test_a_unit_holding_the_translation_under_a_regional_tag_gets_no_second_one():
    """A memory tagging most units en and one en-US, read as en: a translation added to the
    en-US unit (read as empty) is refused, not written as a second English variant."""
    data = tmx(tu(fr="Oui.", en="Yes.") + tu(fr="Non.", en_US="No."), srclang="fr")
    bitext = read_pairs(data, "m.tmx", tgt_lang="en")
    assert targets(data, "m.tmx", tgt_lang="en") == ["Yes.", ""]
    with pytest.raises(InputError, match="en-US, not en"):
        write_back(data, "m.tmx", add_target(bitext, 1, "No!"))
    out, done = write_back(data, "m.tmx", edit_target(bitext, 0, 0, "Yes!"))
    assert done.changed == 1 and out.count(b"<tuv") == 4


def test_a_translation_added_in_the_originals_language_gets_its_own_regional_tag():
    """en-GB localised into en-US: a unit holding only the en-GB original gets an en-US variant
    (the original's tag is no second variant of the translation)."""
    data = tmx(tu(en_GB="Colour.", en_US="Color.") + tu(en_GB="Centre."), srclang="en-GB")
    out, done = write_back(data, "m.tmx", add_target(read_pairs(data, "m.tmx"), 1, "Center."), NOW)
    assert done.changed == 1 and targets(out, "m.tmx") == ["Color.", "Center."]
    assert b'<tuv xml:lang="en-US" changedate="20250301T141500Z"><seg>Center.</seg></tuv></tu>' in out


# ---------------------------------------------------------------- a version set's TMX


def version_set() -> bytes:
    """A set fr, en, es: row 1 two sentences in fr and es, row 2 an omission in es."""
    from alignment.types import Alignment, Link, Sentence, Version
    from alignment.versions import join
    from alignment.versions_io import render_set_tmx

    texts = (Version("fr", "fr", (Sentence("Le chat dort."), Sentence("Il pleut."), Sentence("Fin.", 1))),
             Version("en", "en", (Sentence("The cat sleeps, it rains."), Sentence("End.", 1))),
             Version("es", "es", (Sentence("El gato duerme."), Sentence("Llueve."))))
    pairs = [Alignment((Link((0, 1), (0,), 0.8), Link((2,), (1,), 0.9))),
             Alignment((Link((0, 1), (0, 1), 0.9), Link((2,), (), 0.4)))]
    return render_set_tmx(join(texts, pairs, title="a"))


def test_a_corrected_version_set_is_still_a_version_set(tmp_path):
    """The set's own TMX keeps each sentence's length in x-lengths: a correction updates it,
    so the set reads back (it was refused: 'lengths and text disagree')."""
    from alignment.versions_io import read_set_tmx

    data = version_set()
    bitext = edit_target(read_pairs(data, "set.tmx", tgt_lang="es"), 0, 0, "El gato negro duerme.")
    bitext = edit_target(bitext, 0, 1, "Llueve mucho.")   # the set's sentences, read as two
    out, done = write_back(data, "set.tmx", bitext)
    assert done.changed == 1
    (tmp_path / "set.tmx").write_bytes(out)
    spanish = read_set_tmx(tmp_path / "set.tmx").texts[2].sentences
    assert [s.text for s in spanish] == ["El gato negro duerme.", "Llueve mucho."]


def without_translation(bitext, i: int):
    """Link i with its translation gone (a PO's emptied msgstr; edit_target refuses one)."""
    from dataclasses import replace

    links = list(bitext.alignment.links)
    links[i] = replace(links[i], tgt=())
    return replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))


@pytest.mark.parametrize("link, text, says", [
    (0, ("El gato duerme,", "llueve."), "where its sentences meet"),
    (1, "Fin.", "had no sentence"),
    (0, "", "cannot be emptied"),
], ids=["sentences-joined", "omission-filled", "emptied"])
def test_a_correction_a_version_set_cannot_hold_is_refused_in_one_line(link, text, says):
    data = version_set()
    bitext = read_pairs(data, "set.tmx", tgt_lang="es")
    if isinstance(text, tuple):   # each of the cell's two sentences edited
        bitext = edit_target(edit_target(bitext, link, 0, text[0]), link, 1, text[1])
    else:
        bitext = without_translation(bitext, link) if not text else add_target(bitext, link, text)
    with pytest.raises(InputError, match=says) as refused:
        write_back(data, "set.tmx", bitext)
    assert "\n" not in str(refused.value)


# ---------------------------------------------------------------- the file's own bytes


def test_the_bom_declaration_line_endings_and_prolog_stay_as_they_were():
    """A CAT tool's XLIFF with a UTF-8 BOM, CRLF lines, a single-quoted declaration and a
    comment before the root: only the corrected words differ (the BOM and declaration were
    dropped, the line breaks made LF, the comment's line break lost)."""
    data = (b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>\r\n<!-- made by a CAT tool -->\r\n"
            + XLIFF.split(b"?>\n", 1)[1].replace(b"\n", b"\r\n") + b"\r\n<!-- end -->\r\n")
    data = data.replace(b'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"',
                        b'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"')
    bitext = edit_target(read_pairs(data, "job.xlf"), 0, 0, "La montagne est basse.")
    out, done = write_back(data, "job.xlf", bitext)
    assert done.changed == 1
    assert out == data.replace(b"est haute.", b"est basse.")


def test_a_latin_1_file_keeps_its_declaration_and_encoding():
    """A character Latin-1 lacks (the euro) goes in as a character reference."""
    data = XLIFF.replace(b'encoding="UTF-8"', b"encoding='ISO-8859-1'").replace(b"Nur hier.", "Für.".encode("latin-1"))
    out, _ = write_back(data, "job.xlf", add_target(read_pairs(data, "job.xlf"), 1, "Été: 5 €."))
    assert out.startswith(b"<?xml version=\"1.0\" encoding='ISO-8859-1'?>\n<xliff")
    assert 'Für.</source><target state="translated">Été: 5 &#8364;.</target>'.encode("latin-1") in out
    assert targets(out, "job.xlf")[1] == "Été: 5 €."


def test_a_utf_16_file_keeps_its_bom_declaration_and_last_line_break():
    text = XLIFF.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(
        'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"',
        'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"') + "\n"
    out, _ = write_back(text.encode("utf-16"), "job.xlf",
                        add_target(read_pairs(text.encode("utf-16"), "job.xlf"), 1, "Ici."))
    assert out == text.replace("Nur hier.</source>", 'Nur hier.</source><target state="translated">Ici.</target>'
                               ).encode("utf-16")


# ---------------------------------------------------------------- the corrected file's name


@pytest.mark.parametrize("corrected, original", [
    ("back.xlf", "job.xlf"), ("back.XLIFF", "job.xlf"), ("dir/back.tmx", "mem.tmx"),
    ("back.xlf", "job.sdlxliff"),
])
def test_a_corrected_copy_named_as_its_format_is_accepted(corrected, original):
    check_corrected_name(corrected, original)


@pytest.mark.parametrize("corrected, original", [
    ("out.xlf", "mem.tmx"), ("out.tmx", "job.sdlxliff"), ("out.txt", "job.xlf"), ("out", "mem.tmx"),
])
def test_a_corrected_copy_named_as_another_format_is_refused_in_one_line(corrected, original):
    """TMX written into a .xlf (silently, before): the CAT tool would misread it."""
    suffix = original[original.rfind("."):]
    with pytest.raises(InputError, match=f"give it the suffix {suffix}") as refused:
        check_corrected_name(corrected, original)
    assert "\n" not in str(refused.value)


NBSP_XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
              'version="1.2"><file original="a" source-language="en" target-language="fr" '
              'datatype="plaintext"><body><trans-unit id="1"><source>Hello!</source><target>'
              'Bonjour\u00a0!</target></trans-unit><trans-unit id="2"><source>Is it 12 euros?'
              '</source><target>Ça coûte 12\u202f€\u00a0?</target></trans-unit></body></file>'
              '</xliff>\n').encode("utf-8")


def test_a_po_imported_with_plain_spaces_leaves_the_files_no_break_spaces_alone():
    """Imports before 597d46a made no-break spaces plain in the PO: written back, every unit
    holding one was 'corrected' into plain spaces. A real correction still goes in."""
    from dataclasses import replace

    from alignment.types import Sentence

    bitext = read_pairs(NBSP_XLIFF, "job.xlf")
    old_style = replace(bitext, tgt=(Sentence("Bonjour !"), Sentence("Ça coûte 13 € ?")))
    data, done = write_back(NBSP_XLIFF, "job.xlf", old_style)
    assert done.changed == 1 and targets(data, "job.xlf") == ["Bonjour\u00a0!", "Ça coûte 13 € ?"]
    same, nothing = write_back(NBSP_XLIFF, "job.xlf", bitext)
    assert nothing.changed == 0 and same == NBSP_XLIFF


def test_export_refuses_a_corrected_copy_named_as_another_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.xlf").write_bytes(NBSP_XLIFF)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.xlf", "-o", "job.po"]).exit_code == 0
    result = runner.invoke(main, ["export", "job.po", "--corrected", "back.tmx", "--original",
                                  "job.xlf", "--tsv", "pairs.tsv"])
    assert result.exit_code == 1 and "give it the suffix .xlf" in result.output
    assert not (tmp_path / "back.tmx").exists() and not (tmp_path / "pairs.tsv").exists()


# A reviewer's notes (the PO's translator comments, by link) written into the units' <note>s.
NOTED = XLIFF.replace(b"</target></trans-unit>\n<trans-unit id=\"2\">",
                      b"</target><note from=\"client\">Check the height.</note></trans-unit>\n<trans-unit id=\"2\">")


def notes_read(data: bytes, name: str) -> list[str]:
    from alignment.import_pairs import read_pairs_noted

    return list(read_pairs_noted(data, name)[1])


@pytest.mark.parametrize("name, data, notes, said, holds, lacks", [
    # lines added after the tool's note: one note more, the client's kept with its attribute
    ("job.xlf", NOTED, {0: "Check the height.\nFine as it is."}, "Check the height.\nFine as it is.",
     [b'<note from="client">Check the height.</note>', b'<note from="reviewer">Fine as it is.</note>'], []),
    # the tool's note edited: the unit's notes are the PO's now
    ("job.xlf", NOTED, {0: "Height checked."}, "Height checked.", [b"<note>Height checked.</note>"],
     [b"client"]),
    ("job.xlf", NOTED, {}, "", [], [b"<note"]),   # taken out
    ("job.xlf", XLIFF, {0: "New remark."}, "New remark.",
     [b'</target><note from="reviewer">New remark.</note></trans-unit>'], []),
    # XLIFF 2: in the unit's <notes>, made before its segments
    ("job2.xlf", XLIFF2, {0: "Train: fine."}, "Train: fine.",
     [b'<unit id="1"><notes><note category="reviewer">Train: fine.</note></notes><segment>'], []),
    # TMX: before the unit's <tuv>s
    ("mem.tmx", MEMORY, {0: "Vérifié."}, "Vérifié.", [b"<tu><note>V\xc3\xa9rifi\xc3\xa9.</note><tuv"], []),
], ids=["added", "edited", "taken-out", "new", "xliff2", "tmx"])
def test_a_reviewers_note_goes_into_the_units_notes(name, data, notes, said, holds, lacks):
    bitext = read_pairs(data, name)
    out, done = write_back(data, name, bitext, notes=notes)
    assert done.notes == 1 and done.changed == 0 and "1 note written back" in describe(done)
    assert notes_read(out, name)[0] == said
    assert all(part in out for part in holds) and not any(part in out for part in lacks)
    assert targets(out, name) == targets(data, name)


@pytest.mark.parametrize("name, data", [("job.xlf", NOTED), ("job2.xlf", XLIFF2), ("mem.tmx", MEMORY)])
def test_notes_as_the_file_has_them_leave_it_as_it_came(name, data):
    bitext = read_pairs(data, name)
    out, done = write_back(data, name, bitext, notes=dict(enumerate(notes_read(data, name))))
    assert canonical(out) == canonical(data) and done.notes == 0


def test_a_note_on_a_units_later_segment_is_counted_not_written():
    """Trados cuts a unit into segments; the unit's notes belong to its first (the import's
    rule), so a note on the second has no place of its own and is said so."""
    bitext = read_pairs(SDLXLIFF, "job.sdlxliff")
    out, done = write_back(SDLXLIFF, "job.sdlxliff", bitext, notes={1: "Rains: fine."})
    assert canonical(out) == canonical(SDLXLIFF) and (done.notes, done.notes_unwritten) == (0, 1)
    assert "1 note not written, the file having no place for it" in describe(done)
