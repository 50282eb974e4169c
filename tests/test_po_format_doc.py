"""docs/po-format.md's example is a file that reads (it was refused: its '...' made the
signature no JSON), and the refusals it promises say where: a gap between entries names the
entry's line, a PO of other messages says it has no msgctxt (not "msgctxt None")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alignment.errors import POFormatError
from alignment.po import edited_reason, read_po

DOC = Path(__file__).parent.parent / "docs" / "po-format.md"


def doc_example() -> str:
    return re.search(r"```po\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)


def test_the_documented_example_pasted_as_is_reads_back_unedited(tmp_path):
    path = tmp_path / "example.po"
    path.write_text(doc_example(), encoding="utf-8")
    bitext = read_po(path)
    assert [s.text for s in bitext.src] == ["Oui.", "Il est parti.", "Il n'est pas revenu.",
                                            "Phrase omise."]
    assert [(l.src, l.tgt, l.confidence, l.reviewed) for l in bitext.alignment.links] == [
        ((0,), (0,), 0.97, False), ((1, 2), (1,), 0.62, False), ((3,), (), 0.4, False),
        ((), (2,), 0.95, True)]
    assert edited_reason(path) is None   # its checksum is the entries'


HEADER = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: fr\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
ONE = '#. 1-1 link, confidence 0.9\n#. paragraphs: src 1 / tgt 1\nmsgctxt "src {s} / tgt {t}"\nmsgid "{x}"\nmsgstr "{y}"\n\n'


@pytest.mark.parametrize("entries, line, says", [
    (ONE.format(s=1, t=1, x="Oui.", y="Yes.") + ONE.format(s=3, t=2, x="Non.", y="No."),
     13, "source sentence 2 is in no entry, and this entry holds source sentence 3"),
    (ONE.format(s=1, t=2, x="Oui.", y="Yes.") + ONE.format(s=2, t=3, x="Non.", y="No."),
     7, "target sentence 1 is in no entry, and this entry holds target sentence 2"),
    ('msgid "Open"\nmsgstr "Ouvrir"\n', 7, "the entry has no msgctxt, which alignment writes as "
                                           "'src I,J / tgt K'"),
], ids=["gap-in-source", "gap-in-target", "plain-gettext"])
def test_a_refusal_names_the_entrys_line(tmp_path, entries, line, says):
    path = tmp_path / "p.po"
    path.write_text(HEADER + entries, encoding="utf-8")
    with pytest.raises(POFormatError) as refused:
        read_po(path)
    message = str(refused.value)
    assert f"p.po, line {line}: {says}" in message
    assert "None" not in message and "\n" not in message
