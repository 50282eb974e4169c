"""Exports of a Bitext: TMX 1.4, TSV, Moses line-parallel files, the translation as plain
text, and a bilingual HTML reader.

Each format has a pure `render_*` function (Bitext -> text or bytes) and a `write_*` wrapper that
writes atomically (atomic.py) and returns the paths written, as EXPORTERS expects.

* TMX (export_tmx.py, re-exported here) uses translate-toolkit's `tmxfile` (well kept, the writer
  Pootle and Weblate rely on, so the XML escaping, xml:lang and header attributes follow TMX
  1.4); we add our props and notes (carried.py: confidence, review, sentences, paragraphs,
  translator comment), which `alignment import` reads back.
  A translation memory pairs two languages, so omissions (1-0) and additions (0-1) are left out;
  a header note says how many. Two sides in one language are refused: translate-toolkit keeps
  one <tuv> per language, and the original side was lost without a word.
* Moses: two files, line i of one the translation of line i of the other; links with an empty
  side are left out for the same reason (MT training tools want pairs).
* TSV and HTML are for reading and reviewing: every link is a row, an omission or addition is an
  empty cell. TSV has a header row (languages, link, confidence, reviewed); tabs and line
  breaks inside a text become spaces and cells are not quoted (`tsv_text`), so `cut -f2` gives
  the translation as it is; `alignment import` reads it back exactly, with each link's
  confidence and review (its sentences and paragraphs are the TMX's to carry).
* HTML is one standalone page (inline CSS, no script, no external asset) that reads offline on a
  phone: two columns side by side, stacked on narrow screens; every text is HTML-escaped. A
  sentence's italics (Sentence.italics: emphasis, titles, foreign words) are <i> around the
  escaped piece (`italic_html`); a text without italics is written exactly as before.
* Italics go where a reader reads the text (HTML, EPUB, DOCX, ODT), and into the TMX as
  the paired codes CAT tools keep formatting in (export_tmx.py); TSV, Moses, the plain text
  and the findings CSV stay plain, as the tools they are read with expect.
* The findings report (`render_findings_csv`) is what a proofreader sends the translator: one
  row per finding with the link's two texts, as CSV for a spreadsheet (a column left for the
  answer). UTF-8 with a byte-order mark, or Excel reads the accents as Latin-1; a cell that
  starts with = + - @ gets a leading apostrophe (OWASP's advice against CSV injection), or a
  spreadsheet would take a dialogue line "- Oui" or a crafted "=HYPERLINK(...)" for a formula.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from . import __version__
from .atomic import atomic_write_many, atomic_write_text
from .errors import InputError
from .po import DEFAULT_REVIEW_THRESHOLD
from .export_tmx import render_tmx, write_tmx
from .text_direction import text_dir
from .italics import Marked, italic_html, joined, sentences_joined
from .types import Bitext, Finding, Link, Sentence

__all__ = ["FINDINGS_HEADER", "Marked", "check_outputs", "html_head", "italic_html", "joined",
           "moses_paths", "paragraphs_html", "render_findings_csv", "render_html",
           "render_moses", "render_tmx", "render_tsv", "render_txt", "same_file",
           "sentences_joined", "tsv_text", "txt_paragraphs", "write_html", "write_moses",
           "write_tmx", "write_tsv", "write_txt"]

PathLike = str | os.PathLike[str]
_SPACE = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")

def one_line(text: str) -> str:
    """A side's text on one line: tabs and line breaks become single spaces."""
    return _SPACE.sub(" ", text).strip()


def _pairs(bitext: Bitext, *, both_sides: bool) -> list[tuple[int, Link, str, str]]:
    """Every link with its two texts; with `both_sides`, only those where each side holds text:
    a translation emptied by hand in a PO editor is a link with one empty sentence, and
    became a TMX unit with an empty <seg> (and an empty Moses line)."""
    rows = []
    for i, link in enumerate(bitext.alignment.links):
        src, tgt = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
        if both_sides and not (src.strip() and tgt.strip()):
            continue
        rows.append((i, link, src, tgt))
    return rows


# ---------------------------------------------------------------- TMX (export_tmx.py)

# ---------------------------------------------------------------- TSV and Moses

def tsv_text(rows: Iterable[Sequence[str]]) -> str:
    """Rows as tab-separated lines, each cell written as it is (a tab or line break in it
    becomes a space: one_line), as `cut`, `paste` and Moses-style tools read them.

    Why no CSV quoting: '"Have you eaten?" she asked.' was written in quotes, its own quotes
    doubled, so `cut -f2` mangled every line of dialogue (14 of a chapter's 117 lines). The cost:
    a CSV reader (pandas, LibreOffice) reads a cell opening with a quote on to the next quote,
    so read the file with quoting off (pandas `quoting=csv.QUOTE_NONE`, LibreOffice's string
    delimiter emptied), or import it (import_tables.py reads it back exactly). A cell is
    quoted CSV-style only where import would take it for a spreadsheet's quoting: wholly in
    quotes, every quote inside doubled (import_tables.looks_quoted), as no sentence is."""
    return "".join("\t".join(_tsv_cell(c) for c in row) + "\n" for row in rows)


def _tsv_cell(text: str) -> str:
    from .import_tables import looks_quoted

    text = one_line(text)
    return '"' + text.replace('"', '""') + '"' if looks_quoted(text) else text


def render_tsv(bitext: Bitext) -> str:
    """Header `SRC_LANG TGT_LANG link confidence reviewed`, then one row per link (empty cell if
    no side; 'yes' where a person checked the link). The confidence as carried.confidence_text
    writes it, so a link to review is not read back as one reviewed."""
    from .carried import confidence_text

    return tsv_text([(bitext.src_lang, bitext.tgt_lang, "link", "confidence", "reviewed"),
                     *((one_line(src), one_line(tgt), link.kind, confidence_text(link.confidence),
                        "yes" if link.reviewed else "no")
                       for _, link, src, tgt in _pairs(bitext, both_sides=False))])


def write_tsv(bitext: Bitext, path: PathLike) -> list[Path]:
    """Write tab-separated pairs (UTF-8, header row, one link per line)."""
    return [atomic_write_text(path, render_tsv(bitext))]


# ---------------------------------------------------------------- findings report

FINDINGS_HEADER = ("link", "severity", "check", "finding", "original", "translation", "answer")


def _inert(text: str) -> str:
    """A cell's text on one line, never read as a formula."""
    text = one_line(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_findings_csv(bitext: Bitext, findings: Iterable[Finding],
                        dismissed: Collection[Finding] = ()) -> str:
    """The findings as CSV rows (FINDINGS_HEADER, and a 'unit' column where the links came
    from a CAT tool's units; links numbered from 1, as on screen), with
    a byte-order mark; the 'answer' column is left empty for the translator. A finding in
    `dismissed` (a person said it is no problem) has "(dismissed)" after its severity."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    units = any(link.unit for link in bitext.alignment.links)
    writer.writerow(FINDINGS_HEADER[:1] + ("unit",) * units + FINDINGS_HEADER[1:])
    for f in findings:
        severity = f"{f.severity} (dismissed)" if f in dismissed else f.severity
        writer.writerow([f.link + 1, *[_inert(finding_unit(bitext, f))] * units, severity, f.check,
                         _inert(f.message), _inert(bitext.link_text(f.link, "src")),
                         _inert(bitext.link_text(f.link, "tgt")), ""])
    return out.getvalue()


def finding_unit(bitext: Bitext, finding: Finding) -> str:
    """The id of the CAT tool's unit the finding's link came from ('' for none, types.Link.unit):
    the report has a 'unit' column after 'link' where the file was a CAT tool's."""
    links = bitext.alignment.links
    return links[finding.link].unit if 0 <= finding.link < len(links) else ""


def moses_paths(bitext: Bitext, prefix: PathLike) -> tuple[Path, Path]:
    """PREFIX.<src_lang> and PREFIX.<tgt_lang>; PREFIX.src-<lang>/.tgt-<lang> if the languages match."""
    src, tgt = bitext.src_lang, bitext.tgt_lang
    if src == tgt:
        src, tgt = f"src-{src}", f"tgt-{tgt}"
    prefix = os.fspath(prefix)
    if not prefix or prefix.endswith(("/", os.sep)) or Path(prefix).name in ("", ".", ".."):
        raise InputError(f"--moses {prefix}: give a prefix of file names, not a folder "
                         f"(e.g. --moses {Path(prefix) / 'train'})")
    return Path(f"{prefix}.{src}"), Path(f"{prefix}.{tgt}")


def render_moses(bitext: Bitext) -> tuple[str, str]:
    """The two line-parallel texts: one link with both sides per line."""
    pairs = _pairs(bitext, both_sides=True)
    return ("".join(one_line(src) + "\n" for _, _, src, _ in pairs),
            "".join(one_line(tgt) + "\n" for _, _, _, tgt in pairs))


def write_moses(bitext: Bitext, path: PathLike) -> list[Path]:
    """Write PREFIX.<src_lang> and PREFIX.<tgt_lang>, line i of one translating line i of the other.

    Both are written before either is renamed (atomic_write_many): a full disk or Ctrl-C between
    the two left one side new and the other old, their lines no longer translations."""
    paths = moses_paths(bitext, path)
    texts = render_moses(bitext)
    for target, text, side in zip(paths, texts, ("src", "tgt")):
        _keep_the_text_aligned(target, text, bitext, side)
    return atomic_write_many([(target, text.encode("utf-8")) for target, text in zip(paths, texts)])


def _words(text: str) -> str:
    return " ".join(text.split())


def _keep_the_text_aligned(target: Path, text: str, bitext: Bitext, side: str) -> None:
    """Refuse to replace a file holding this side's whole text laid out otherwise: the text
    the alignment was made from ('align test0.fr test0.en', then '--moses test0' wrote over
    both, lines merged where links join sentences). Our own earlier export is replaced."""
    try:
        if target.stat().st_size > 4 * len(text.encode("utf-8")) + 4096:
            return   # far larger than this side: not its text
        old = target.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return   # no such file (or none to read): nothing to keep
    sentences = bitext.src if side == "src" else bitext.tgt
    if old != text and _words(old) == _words(" ".join(s.text for s in sentences)):
        raise InputError(f"{target} holds the text this alignment was made from (its source "
                         f"file?); not replaced: give --moses another prefix")


# ---------------------------------------------------------------- plain text

def render_txt(bitext: Bitext, side: str = "tgt") -> str:
    """One side as plain text, as corrected: a paragraph per line, a blank line between
    paragraphs. Why: a proofreader sent story.en.txt hands back a story.en.txt, and Moses or
    TSV give a link per line, the paragraphs lost. Sentences of a paragraph are joined by a
    space, without one in Chinese and Japanese, which write none between sentences. Plain:
    its italics are dropped (txt_paragraphs keeps them, for the Word and ODT manuscripts)."""
    paragraphs = txt_paragraphs(bitext, side)
    return "".join(text + "\n\n" for text, _ in paragraphs).rstrip("\n") + "\n" * bool(paragraphs)


def txt_paragraphs(bitext: Bitext, side: str = "tgt") -> list[Marked]:
    """Each paragraph of one side as render_txt writes it (one per line; a paragraph whose
    sentences were all emptied is ""), with its italics: the office manuscripts write the
    very text of render_txt, now with its italics."""
    from .lang import primary

    sentences = bitext.src if side == "src" else bitext.tgt
    lang = bitext.src_lang if side == "src" else bitext.tgt_lang
    gap = "" if primary(lang) in ("zh", "ja") else " "
    paragraphs: list[list[Sentence]] = []
    last = None
    for sentence in sentences:
        if sentence.paragraph != last or not paragraphs:
            paragraphs.append([])
            last = sentence.paragraph
        if sentence.text.strip():   # a sentence emptied by hand leaves no double space
            paragraphs[-1].append(sentence)
    return [_txt_paragraph(p, gap) for p in paragraphs]


def _txt_paragraph(sents: Sequence[Sentence], gap: str) -> Marked:
    """One paragraph's sentences, each on one line (one_line), joined by `gap`; the italics
    follow each sentence through one_line (italics.reanchor: identity where nothing changed)."""
    lines = [one_line(s.text) for s in sents]
    text = gap.join(lines)
    if not any(s.italics for s in sents):
        return text, ()
    from .italics import join, reanchor

    moved = [Sentence(line, s.paragraph, reanchor(s.text, s.italics, line)) for s, line in zip(sents, lines)]
    return text, join(moved, gap)[1]


def write_txt(bitext: Bitext, path: PathLike) -> list[Path]:
    """Write the translation as plain text (render_txt), UTF-8."""
    return [atomic_write_text(path, render_txt(bitext))]


# ---------------------------------------------------------------- HTML

_CSS = """
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fdfcf8;--muted:#6b6b70;--rule:#e3e0d8;
--empty:repeating-linear-gradient(135deg,transparent 0 6px,rgba(127,127,127,.12) 6px 12px)}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e1;--bg:#1b1b1d;--muted:#a0a0a6;--rule:#3a3a3e}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem;font:1.05rem/1.55 Georgia,"Times New Roman",serif;
color:var(--fg);background:var(--bg);-webkit-text-size-adjust:100%}
header h1{font-size:1.3rem;margin:.2rem 0}header p{color:var(--muted);font-size:.85rem;margin:0 0 1rem}
.pairs{display:grid;grid-template-columns:1fr 1fr;column-gap:1.5rem}
.colhead{font:600 .8rem/1.4 system-ui,sans-serif;color:var(--muted);text-transform:uppercase;
border-bottom:1px solid var(--rule);padding-bottom:.3rem}
.cell{padding:.25rem 0;overflow-wrap:anywhere;hyphens:auto}
.cell p{margin:0}.cell p+p{margin-top:.8rem}
.cell.par{margin-top:1rem}
.cell.empty{background:var(--empty);min-height:1.4rem;border-radius:3px}
.cell.heading{font-weight:600}
.cell.review{border-left:3px solid #d9a400;padding-left:.4rem}
footer{color:var(--muted);font-size:.75rem;margin-top:2rem;border-top:1px solid var(--rule)}
#showall{position:absolute;opacity:0}label[for=showall]{font:.85rem system-ui,sans-serif;cursor:pointer}
.learner .cell.tgt:not(.empty){cursor:pointer;border-bottom:1px dashed var(--rule)}
.learner .cell.tgt>p{visibility:hidden}
.learner .cell.tgt:hover>p,.learner .cell.tgt:focus>p,#showall:checked~main .cell.tgt>p{visibility:visible}
#showall:focus-visible+header label{outline:2px solid #3b82f6}
@media print{.controls{display:none}}
@media (max-width:40rem){
 .pairs{grid-template-columns:1fr}.colhead.tgt{display:none}
 .cell.tgt{color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.6rem;
 margin-bottom:.4rem}.cell.src.par{margin-top:1.2rem}.cell.tgt.par{margin-top:0}}
"""


def _cell(sents: list[Sentence], side: str, lang: str, new_paragraph: bool, review: bool,
          title: str, heading: bool = False, reveal: bool = False) -> str:
    classes = ["cell", side] + (["par"] if new_paragraph else []) + (["review"] if review else [])
    classes += ["heading"] if heading else []
    if not sents:
        classes.append("empty")
    body = paragraphs_html(sents)
    focus = ' tabindex="0"' if reveal and sents else ""   # a tap or Tab shows it
    return (f'<div class="{" ".join(classes)}" lang="{html.escape(lang)}" dir="{text_dir(lang)}" '
            f'title="{html.escape(title)}"{focus}>{body}</div>')


def _rows(bitext: Bitext, hide_translation: bool = False) -> list[str]:
    """Two cells per link; a link that is a heading and nothing else (contents.py) is bold."""
    from .contents import headings

    heads = {h.link for h in headings(bitext) if h.whole}
    rows: list[str] = []
    last = {"src": None, "tgt": None}
    for i, link in enumerate(bitext.alignment.links):
        review = not (hide_translation or link.reviewed) and link.confidence < DEFAULT_REVIEW_THRESHOLD
        title = "" if hide_translation else f"link {i + 1}: {link.kind}, confidence {link.confidence:.2f}"
        for side, idx, sents, lang in (("src", link.src, bitext.src, bitext.src_lang),
                                       ("tgt", link.tgt, bitext.tgt, bitext.tgt_lang)):
            chosen = [sents[j] for j in idx]
            new_par = bool(chosen) and last[side] is not None and chosen[0].paragraph != last[side]
            if chosen:
                last[side] = chosen[-1].paragraph
            rows.append(_cell(chosen, side, lang, new_par, review, title, i in heads,
                              reveal=hide_translation and side == "tgt"))
    return rows


def paragraphs_html(sents: Sequence[Sentence]) -> str:
    """A cell's sentences as <p> elements, one per run of one paragraph, each joined as
    link_text joins them (no space between Chinese or Japanese sentences); escaped, their
    italics as <i> (italic_html)."""
    paragraphs: list[list[Sentence]] = []
    for k, sent in enumerate(sents):
        if k == 0 or sent.paragraph != sents[k - 1].paragraph:
            paragraphs.append([])
        paragraphs[-1].append(sent)
    return "".join(f"<p>{italic_html(*sentences_joined(p))}</p>" for p in paragraphs)


def html_head(title: str, css: str) -> list[str]:
    """The lines every page written here opens with: doctype, charset, viewport, generator,
    title and its style (the pair page, the handout, the version set's page)."""
    return ["<!DOCTYPE html>", '<html lang="en">', '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="alignment {__version__}">',
            f"<title>{html.escape(title)}</title>", f"<style>{css}</style></head>"]


def render_html(bitext: Bitext, *, title: str | None = None, hide_translation: bool = False) -> str:
    """A standalone bilingual page: source left, translation right, paragraph breaks kept.

    `hide_translation`: a learner's handout, as the app's Learn mode: each translation shows
    when pointed at, tapped or reached with Tab, and a box shows them all (CSS alone, so
    the page works offline, printed blank, and in any browser). Its title and text alone: a
    teacher found the reviewer's counts, legend, marks and confidences on it, and its box
    printed on paper (not printed now)."""
    from .epub import book_title   # the EPUB's rule: a corpus's title, else the text's heading

    heading = title or book_title(bitext) or f"{bitext.src_lang} – {bitext.tgt_lang}"
    n = len(bitext.alignment.links)
    head = (f'<div class="colhead src">{html.escape(bitext.src_lang)}</div>'
            f'<div class="colhead tgt">{html.escape(bitext.tgt_lang)}</div>')
    return "\n".join([
        *html_head(heading, _CSS),
        '<body class="learner">' if hide_translation else "<body>",
        '<input type="checkbox" id="showall">' if hide_translation else "",
        "<header>",
        f"<h1>{html.escape(heading)}</h1>",
        '<p class="controls"><label for="showall">Show every translation</label> (or point at '
        'one, tap it, or reach it with Tab)</p>' if hide_translation else
        f"<p>{len(bitext.src)} + {len(bitext.tgt)} sentences, {n} links. Marked in the margin: "
        f"links to review (confidence &lt; {DEFAULT_REVIEW_THRESHOLD}). Hatched: no counterpart "
        f"in the other text.</p>",
        "</header>",
        f'<main class="pairs">{head}',
        *_rows(bitext, hide_translation),
        "</main>",
        "" if hide_translation else
        f"<footer><p>{html.escape(str(bitext.alignment.signature))}</p></footer>",
        "</body></html>",
        "",
    ])


def write_html(bitext: Bitext, path: PathLike) -> list[Path]:
    """Write the bilingual HTML reader."""
    return [atomic_write_text(path, render_html(bitext))]


# ---------------------------------------------------------------- outputs, checked before any work

def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once resolved, or a hard link to it."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_outputs(outputs: list[tuple[str, PathLike | None]], inputs: list[PathLike]) -> None:
    """InputError, before a long alignment, for an output that would overwrite an input, two
    outputs on one file, or a folder that does not exist. '-' (standard output) is skipped.

    `outputs` pairs the option that named each file (for the message) with the path.
    """
    from .errors import InputError

    seen: list[tuple[str, Path]] = []
    for option, value in outputs:
        if value is None or os.fspath(value) == "-":
            continue
        path = Path(value)
        for source in inputs:
            if same_file(path, Path(source)):
                raise InputError(f"{option} {path} is the input file {source}; it would be "
                                 f"overwritten: write to another file")
        for other, earlier in seen:
            if same_file(path, earlier):
                raise InputError(f"{option} and {other} both name {path}; give each output "
                                 f"its own file")
        folder = path.parent
        if not folder.is_dir():
            raise InputError(f"{option} {path}: the folder {folder} does not exist; create it "
                             f"or write elsewhere")
        if path.is_dir():
            raise InputError(f"{option} {path} is a folder; give a file name")
        seen.append((option, path))
