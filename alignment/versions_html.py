"""A version set as one standalone HTML page: every text side by side, to print, share or read
offline.

Why: a set downloaded only as TMX and TSV, so a scholar comparing three translations had no
page of all of them to print or read away from the app (the HTML reader, the EPUB and the
handout hold one pair). The page is the set's columns as the app draws them: the original
first, then each version headed by its name and language, a row per set row numbered from 1,
an omission an empty (hatched) cell, and the app's markers (versions_compare.row_flags, over
every text) with their reasons written under the row, since a tooltip is not printed.

A table, not the app's CSS grid: a printed table repeats its column heads on every page and
keeps a row whole; on a narrow screen the cells stack, each named. Inline CSS, no script, no
external asset (as export.render_html); every text is HTML-escaped, every cell carries its
language and direction (text_direction.text_dir), so an Arabic version reads right to left.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import __version__
from .atomic import atomic_write_text
from .export import html_head, paragraphs_html
from .text_direction import text_dir
from .types import VersionSet

PathLike = str | os.PathLike[str]

_CSS = """
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fdfcf8;--muted:#6b6b70;--rule:#e3e0d8;
--flag:#c62828;--empty:repeating-linear-gradient(135deg,transparent 0 6px,rgba(127,127,127,.14) 6px 12px)}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e1;--bg:#1b1b1d;--muted:#a0a0a6;--rule:#3a3a3e;--flag:#ef9a9a}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:96rem;padding:1rem;font:1rem/1.5 Georgia,"Times New Roman",serif;
color:var(--fg);background:var(--bg);-webkit-text-size-adjust:100%}
header h1{font-size:1.3rem;margin:.2rem 0}header p{color:var(--muted);font-size:.85rem;margin:0 0 .6rem}
table{width:100%;border-collapse:collapse;table-layout:fixed}
thead th{font:600 .8rem/1.4 system-ui,sans-serif;color:var(--muted);text-align:left;
border-bottom:1px solid var(--fg);padding:.3rem .5rem}
thead .lang{font-weight:400}
col.n{width:3.2rem}
th.n{font:.75rem system-ui,sans-serif;color:var(--muted);text-align:right;vertical-align:top;
padding:.4rem .5rem 0 0;white-space:nowrap;border-bottom:1px solid var(--rule)}
th.n.flag{color:var(--flag)}
td{vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--rule);
overflow-wrap:anywhere;hyphens:auto}
td p{margin:0}td p+p{margin-top:.6rem}
td.empty{background:var(--empty);-webkit-print-color-adjust:exact;print-color-adjust:exact}
tr.why td{font:.75rem/1.4 system-ui,sans-serif;color:var(--flag);border-bottom:1px solid var(--rule);
padding-top:0}
tr.flagged td,tr.flagged th{border-bottom:0}
footer{color:var(--muted);font-size:.75rem;margin-top:2rem;border-top:1px solid var(--rule)}
@media (max-width:40rem){
 col,thead{display:none}table,tbody,tr,td,th{display:block;width:auto}
 th.n{text-align:left;padding:.8rem 0 0;border-top:1px solid var(--fg);border-bottom:0}
 td::before{content:attr(data-name);display:block;font:600 .7rem system-ui,sans-serif;
 color:var(--muted)}}
@media print{
 :root{--fg:#000;--bg:#fff;--muted:#444;--rule:#bbb;--flag:#a00}
 body{max-width:none;padding:0;font-size:10pt}
 thead{display:table-header-group}tr{break-inside:avoid}tr.why{break-before:avoid}
 footer{display:none}}
"""


def _cell(vs: VersionSet, i: int, k: int) -> str:
    """One text's cell of row i: its sentences, a paragraph each run of one paragraph (the
    sentences joined as the app joins them); empty where the text has nothing here."""
    text = vs.texts[k]
    sents = [text.sentences[j] for j in vs.rows[i].cells[k]]
    body = paragraphs_html(sents)
    empty = ' class="empty"' if not sents else ""
    return (f'<td{empty} data-name="{html.escape(text.name)}" lang="{html.escape(text.lang)}" '
            f'dir="{text_dir(text.lang)}">{body}</td>')


def _row(vs: VersionSet, i: int, flags: Sequence[str]) -> str:
    """Row i (numbered i + 1, as the app numbers it) and, where the app marks it, a line
    under it with the marker's reasons."""
    cells = "".join(_cell(vs, i, k) for k in range(len(vs.texts)))
    if not flags:
        return f'<tr id="row-{i + 1}"><th class="n" scope="row">{i + 1}</th>{cells}</tr>'
    said = html.escape("; ".join(flags))
    return (f'<tr id="row-{i + 1}" class="flagged"><th class="n flag" scope="row" '
            f'title="{said}">{i + 1} ⚑</th>{cells}</tr>'
            f'<tr class="why"><td></td><td colspan="{len(vs.texts)}">⚑ {said}</td></tr>')


def set_flags(vs: VersionSet) -> list[tuple[str, ...]]:
    """The app's markers of every row, read over every text (the page shows them all)."""
    from .versions_compare import flag_context, row_flags

    context, every = flag_context(vs), range(len(vs.texts))
    return [row_flags(vs, i, every, context) for i in range(len(vs.rows))]


def render_set_html(vs: VersionSet, *, title: str | None = None,
                    flags: Sequence[Sequence[str]] | None = None,
                    files: Mapping[str, str] | None = None) -> str:
    """The whole set as a standalone page: a column per text, a row per set row.

    `flags`: each row's markers, as set_flags gives them (computed when not given; the
    numbers check they run costs milliseconds a row, so a caller that has them passes them).
    `files`: text name -> its file, said in the column heads ("en2 · en_free.txt")."""
    from .versions_names import named

    heading = title or vs.title or vs.texts[0].name
    flags = set_flags(vs) if flags is None else flags
    original, *versions = vs.texts
    texts = ", ".join([f"{original.name} (original, {len(original.sentences)} sentences)",
                       *(f"{t.name} ({len(t.sentences)})" for t in versions)])
    heads = "".join(
        f'<th scope="col">{html.escape(named(t.name, files or {}))} <span class="lang">· '
        f'{html.escape(t.lang)}'
        f'{" · original" if k == 0 else ""}</span></th>' for k, t in enumerate(vs.texts))
    marked = sum(1 for f in flags if f)
    return "\n".join([
        *html_head(heading, _CSS),
        "<body>",
        "<header>",
        f"<h1>{html.escape(heading)}</h1>",
        f"<p>{html.escape(texts)}; {len(vs.rows)} rows, {marked} marked ⚑ where the texts "
        f"disagree (the reasons under the row). Hatched: nothing in that text here.</p>",
        "</header>",
        "<main><table>",
        f'<colgroup><col class="n">{"<col>" * len(vs.texts)}</colgroup>',
        f'<thead><tr><th class="n"></th>{heads}</tr></thead>',
        "<tbody>",
        *(_row(vs, i, flags[i]) for i in range(len(vs.rows))),
        "</tbody></table></main>",
        f"<footer><p>Made by alignment {html.escape(__version__)}</p></footer>",
        "</body></html>",
        "",
    ])


def write_set_html(vs: VersionSet, path: PathLike, *, title: str | None = None,
                   files: Mapping[str, str] | None = None) -> list[Path]:
    """Write the set's page atomically."""
    return [atomic_write_text(path, render_set_html(vs, title=title, files=files))]
