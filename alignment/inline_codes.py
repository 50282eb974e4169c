"""The text of a TMX or XLIFF segment without the CAT tool's formatting codes.

Part of the store stage, shared by import_pairs.py (what a segment reads as) and write_back.py
(where its words lie), so the two always read a segment alike. Why: <ph>, <bpt>, <ept>, <it>
and <ut> hold the document's own code ('&lt;b&gt;', '{1}'), and <x/>, <bx/>, <ex/>, XLIFF 2's
<ph/>, <sc/>, <ec/> stand for it. XLIFF 1.2's codes were read as text (translate-toolkit reads
their content): the reader showed '<b>Marcel Dupont</b>', and a correction written back put
'&lt;b&gt;' into the target as visible text, the codes gone. Only the text of <g>, <mrk>,
<pc>, <hi> and <sub> (outside a code) is the segment's. Standard library and lxml only.
"""

from __future__ import annotations

import re

# inline elements whose content is a CAT tool's native code, not text (TMX, XLIFF 1.2 and 2)
CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "cp"})


def holds_text(child) -> bool:
    """Whether an inline element's content is the segment's text: not a code, nor a comment
    or processing instruction (whose tails are text all the same)."""
    from lxml import etree

    return isinstance(child.tag, str) and etree.QName(child).localname not in CODE_ELEMENTS


def text_without_codes(element) -> str:
    """An element's text, the content of its codes left out (their tails stay)."""
    parts = [element.text or ""]
    for child in element:
        if holds_text(child):
            parts.append(text_without_codes(child))
        parts.append(child.tail or "")
    return "".join(parts)


_XML_SPACES = re.compile(r"[ \t\r\n]+")


def xliff_text(node, unit) -> str:
    """The text of an XLIFF 1.2 <source> or <target> (`unit`: its translate-toolkit unit), its
    spaces as translate-toolkit reads them: collapsed as XPath's normalize-space does unless
    xml:space="preserve" is in force. '' for no node."""
    from translate.misc.xml_helpers import getXMLspace, getXMLspaceInherited

    if node is None:
        return ""
    text = text_without_codes(node)
    space = getXMLspaceInherited(node, getXMLspace(unit.xmlelement, unit._default_xml_space))
    return _XML_SPACES.sub(" ", text).strip(" ") if space == "default" else text


def protected_texts(element) -> list[str]:
    """The texts of a segment the CAT tool marks not to be changed (XLIFF 1.2's <mrk
    mtype="protected">, XLIFF 2's <mrk translate="no">), in order. Why: write_back edits them
    like any word, and says so, as the tool would not have let the translator do."""
    from lxml import etree

    return [text_without_codes(m) for m in element.iter() if isinstance(m.tag, str)
            and etree.QName(m).localname == "mrk"
            and (m.get("mtype") == "protected" or m.get("translate") == "no")]
