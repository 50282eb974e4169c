"""Speed and memory of reading pairs made elsewhere (alignment import, the start page's upload).

Writes a text of N sentence pairs as our own TMX and TSV exports do, or as a review sheet
(.xlsx, .ods: 'ID | Source | Target') or review document (.docx, one table) holds them, then
reads it back with import_pairs.read_pairs, each case in its own process so that its peak memory (getrusage, the
process's high-water mark, Python and the package included) is its own. The sentences are
numbered, so every unit is distinct; a CAT tool's TMX with formatting codes is read the same way.

Usage: python benchmarks/bench_import.py [--units 20000 100000] [--formats tsv tmx xlsx ods docx]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time


def one(fmt: str, n: int) -> None:
    """Print 'bytes seconds links peak_before peak_after' for one case (run in a subprocess)."""
    from alignment.evaluate import peak_rss_mb
    from alignment.export import render_tmx, render_tsv
    from alignment.import_pairs import read_pairs
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = tuple(Sentence(f"Le pont numéro {k} enjambe la rivière près du vieux moulin.") for k in range(n))
    tgt = tuple(Sentence(f"Bridge number {k} spans the river near the old mill.") for k in range(n))
    bitext = Bitext(src, tgt, Alignment(tuple(Link((k,), (k,)) for k in range(n))), "fr", "en")
    data = render_tmx(bitext) if fmt == "tmx" else render_tsv(bitext).encode("utf-8") if fmt == "tsv" \
        else _office(fmt, [("ID", "Source", "Target")] + [(str(k), s.text, t.text) for k, (s, t) in
                                                         enumerate(zip(src, tgt))])
    del bitext, src, tgt
    before = peak_rss_mb()
    start = time.perf_counter()
    back = read_pairs(data, f"pairs.{fmt}")
    seconds = time.perf_counter() - start
    print(len(data), seconds, len(back.alignment.links), before, peak_rss_mb())


def _office(fmt: str, rows: list[tuple[str, str, str]]) -> bytes:
    """A review sheet (.xlsx, .ods) or review document (.docx) of `rows`, as tools write them."""
    import io

    out = io.BytesIO()
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Review")
        for row in rows:
            sheet.append(row)
        book.save(out)
    elif fmt == "ods":
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow
        from odf.text import P

        document, table = OpenDocumentSpreadsheet(), Table(name="Review")
        for row in rows:
            element = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                element.addElement(cell)
            table.addElement(element)
        document.spreadsheet.addElement(table)
        document.write(out)
    else:
        import docx

        document = docx.Document()
        table = document.add_table(rows=len(rows), cols=3)
        for cells, row in zip(table.rows, rows):
            for cell, value in zip(cells.cells, row):
                cell.text = value
        document.save(out)
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, nargs="+", default=[20000, 100000])
    ap.add_argument("--formats", nargs="+", default=["tsv", "tmx", "xlsx", "ods", "docx"])
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return one(args.one[0], int(args.one[1]))
    print(f"{'format':<6} {'units':>8} {'MB':>6} {'seconds':>8} {'units/s':>9} {'peak MB':>8} {'(before)':>9}")
    for n in args.units:
        for fmt in args.formats:
            out = subprocess.run([sys.executable, __file__, "--one", fmt, str(n)], capture_output=True,
                                 text=True, check=True).stdout.split()
            size, secs, links, before, after = int(out[0]), float(out[1]), int(out[2]), float(out[3]), float(out[4])
            if links != n:
                raise SystemExit(f"{fmt}: {links:,} links read back of {n:,}")
            print(f"{fmt:<6} {n:>8,} {size / 1e6:>6.2f} {secs:>8.2f} {n / secs:>9,.0f} {after:>8.0f} {before:>9.0f}")


if __name__ == "__main__":
    main()
