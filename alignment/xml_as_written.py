"""What lxml would write otherwise, written back as the file wrote it: its empty elements
('<prop ...></prop>' stays so, not '<prop/>'), its root's start tag (xmlns after version) and
the character and entity references of the lines nobody corrected ('L&apos;homme', not
"L'homme").

Part of the store stage, for write_back.py and xml_layout.py. Why: a corrected copy turned
each of memoQ's empty '<prop type="x-Domain"></prop>' and Trados' '<mrk mtype="seg"
mid="6"></mrk>' in the units nobody corrected into '<x/>', and wrote '<xliff version="1.2"
xmlns="...">' as '<xliff xmlns="..." version="1.2">' (lxml writes namespace declarations
first): the same XML, but a diff of the file (the CAT tool's, the project manager's) showed
changes where nothing was corrected. lxml writes '<x></x>' for an element whose text is ''
(not None), so the elements the original wrote open and closed are found (the start tags in
its text, in document order, are the tree's elements in order) and given '' once the
corrections are in; a file read otherwise (an entity of the DOCTYPE making elements) is left
to lxml: the names must agree one by one. The root's start tag is the original's where it
says what lxml's does (write_back never changes the root). A line of the file whose
references read as characters is lxml's line is the original's (references_as_written).
Standard library and lxml only.
"""

from __future__ import annotations

import re

# what the text holds that is not a start tag but may hold '<' (skipped), and start tags, with
# the end tag that follows at once where there is one
MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
                    r"|<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>(</\1\s*>)?", re.S)


def as_written_empty(root, original: bytes) -> list:
    """The elements of `root` (parsed from `original`) that the file writes '<x></x>', as
    long as they are empty; none where the text cannot be followed so."""
    text = _decoded(original, root.getroottree().docinfo.encoding)
    if text is None:
        return []
    tags = [(m.group(1), m.group(3) is not None) for m in MARKUP.finditer(text) if m.group(1)]
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    if len(tags) != len(elements) or any(name.rpartition(":")[2] != e.tag.rpartition("}")[2]
                                         for (name, _), e in zip(tags, elements)):
        return []
    return [e for (_, closed), e in zip(tags, elements) if closed and e.text is None and not len(e)]


def root_tag_as_written(root_text: str, body: str) -> str:
    """`body` (lxml's text of the root element) starting with the root's start tag as
    `root_text` (the original's text of it) writes it, where the two say the same (the same
    attributes and namespace declarations); `body` as it is otherwise."""
    from lxml import etree

    tags = [MARKUP.match(text) for text in (root_text, body)]
    if not all(t and t.group(1) for t in tags):
        return body
    said = []
    for tag in tags:
        try:
            element = etree.fromstring(tag.group(0) if tag.group(2) or tag.group(3)
                                       else f"{tag.group(0)}</{tag.group(1)}>")
        except etree.XMLSyntaxError:
            return body
        said.append((dict(element.attrib), element.nsmap))
    if said[0] != said[1] or tags[0].group(2) != tags[1].group(2):
        return body
    return root_text[:tags[0].end(2) + 1] + body[tags[1].end(2) + 1:]


REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
KEPT_ESCAPED = {"<": "&lt;", "&": "&amp;"}   # every writer escapes these: the markup's own


def references_as_written(root_text: str, body: str) -> str:
    """`body` (lxml's text of the root element) with each line that says what the original's
    line says (`root_text`, line for line) written as the original wrote it: its character
    and entity references ('L&apos;homme', '&#x2019;'), which lxml writes as characters, kept
    in the units nobody corrected. Compared with each reference read as its character (but
    '<' and '&', which tell markup from text); `body` as it is where the lines do not
    correspond one to one (a correction holding a line break)."""
    old, new = root_text.split("\n"), body.split("\n")
    if len(old) != len(new) or "&" not in root_text:
        return body
    return "\n".join(o if o != n and _referenced(o) == _referenced(n) else n for o, n in zip(old, new))


def _referenced(line: str) -> str:
    """A line with its references read as characters, '<' and '&' kept as '&lt;' and '&amp;'."""
    def read(ref: re.Match) -> str:
        name = ref.group(1)
        try:
            char = chr(int(name[2:], 16) if name[1:2] in "xX" else int(name[1:])) if name[0] == "#" \
                else PREDEFINED.get(name)
        except (ValueError, OverflowError):
            char = None
        return ref.group(0) if char is None else KEPT_ESCAPED.get(char, char)
    return REFERENCE.sub(read, line)


def keep_empty(elements: list) -> None:
    """Those of `elements` still empty written '<x></x>' again (a correction may fill one)."""
    for element in elements:
        if element.text is None and not len(element):
            element.text = ""


def _decoded(original: bytes, encoding: str | None) -> str | None:
    from .xml_layout import BOMS   # (xml_layout imports this module)

    bom = next((b for b in BOMS if original.startswith(b)), b"")
    try:
        return original[len(bom):].decode(BOMS.get(bom, encoding or "utf-8"))
    except (LookupError, UnicodeDecodeError):
        return None
