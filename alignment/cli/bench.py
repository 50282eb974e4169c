"""`alignment bench`: align a gold benchmark folder and score it (sentence or word links).

Built on click (see cli/__init__.py). Reading the gold is gold.py's, scoring evaluate.py's and
evaluate_words.py's; this module only formats their results as a table or JSON.
"""

from __future__ import annotations

from typing import Any

import click

from ..registry import EMBEDDERS
from .common import eflomal_option, quiet_option, word_config

_BENCH_COLUMNS = ("document", "src", "tgt", "links", "P", "R", "F1", "F1 lax",
                  "P sure", "review", "seconds", "sent/s", "peak MB")


def _bench_row(r: Any) -> tuple[str, ...]:
    s = r.scores
    return (r.name, str(r.n_src), str(r.n_tgt), str(r.links), f"{s.precision_strict:.3f}",
            f"{s.recall_strict:.3f}", f"{s.f1_strict:.3f}", f"{s.f1_lax:.3f}",
            f"{r.confident_precision:.3f}", f"{r.review_share:.1%}", f"{r.seconds:.2f}", f"{r.sentences_per_second:.0f}", f"{r.peak_rss_mb:.0f}")


def format_bench_table(result: Any) -> str:
    """A plain-text table: one row per document, the micro-averaged total, the signature."""
    rows = [_BENCH_COLUMNS] + [_bench_row(r) for r in result.docs] + [_bench_row(result.total)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_BENCH_COLUMNS))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "  ".join(cells)

    rule = "-" * len(line(rows[0]))
    body = [line(r) for r in rows[1:-1]]
    return "\n".join([line(rows[0]), rule, *body, rule, line(rows[-1]),
                      "P, R, F1: strict; F1 lax; total micro-averaged over documents; "
                      "sent/s: (src + tgt) / seconds; peak MB: process high-water mark so far;",
                      "P sure: strict precision of links with confidence >= the review threshold; "
                      "review: share of links below it. Where the gold writes a run of unaligned "
                      "sentences as one link (LIMSI), the engine does too.",
                      f"signature: {result.signature}"])


def bench_json(result: Any) -> str:
    """The bench result as JSON for machines (signature as its string)."""
    import dataclasses
    import json

    def doc(r: Any) -> dict[str, Any]:
        d = dataclasses.asdict(r)
        d["sentences_per_second"] = r.sentences_per_second
        d["confident_precision"] = r.confident_precision
        d["review_share"] = r.review_share
        d["scores"]["signature"] = str(r.scores.signature)
        return d

    return json.dumps({"documents": [doc(r) for r in result.docs], "total": doc(result.total),
                       "signature": str(result.signature)}, indent=2)


@click.command("bench")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev",
              show_default=True, help="Text+Berg documents to run (LIMSI books ignore it).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
              show_default=True, help="Sentence encoder.")
@click.option("--max-docs", type=click.IntRange(min=1), default=None,
              help="Run only the first N documents.")
@quiet_option
@eflomal_option
def bench_cmd(directory: str, split: str, as_json: bool, embedder: str, max_docs: int | None,
          quiet: bool, eflomal: bool) -> None:
    """Align a benchmark folder with the engine and score it against its gold alignment.

    DIRECTORY is a Text+Berg folder (*.de, *.fr, *.defr), a LIMSI folder of books, one
    LIMSI book, or a bench root holding textberg/ and limsi/; an Alibi folder (word
    links) prints word-link precision, recall, F1 and AER instead. Prints links, strict
    P/R/F1, lax F1, seconds, sentences/second and peak memory per document and in total.

    Example: alignment bench ../shared/bench/textberg --split dev
    """
    from ..evaluate import iter_bench, run_bench
    from ..evaluate_words import is_alibi
    from ..progress import tqdm_progress

    if is_alibi(directory):  # word-alignment gold: word_bench below
        click.echo(word_bench(directory, embedder, max_docs, as_json, eflomal))
        return
    docs = iter_bench(directory, split=split)[:max_docs]
    result = run_bench(docs, embedder=EMBEDDERS[embedder](),
                       progress=tqdm_progress(disable=True if quiet else None))
    click.echo(bench_json(result) if as_json else format_bench_table(result))


def word_bench(directory: str, embedder: str, max_docs: int | None, as_json: bool,
               eflomal: bool = False) -> str:
    """Run the word linker on Alibi gold; a table (or JSON) per story and micro total."""
    import dataclasses
    import json

    from ..evaluate_words import iter_alibi, run_word_bench
    from ..pipeline import resolve_embedder

    result = run_word_bench(iter_alibi(directory)[:max_docs], embedder=resolve_embedder(embedder),
                            config=word_config(eflomal))
    if as_json:
        return json.dumps(dataclasses.asdict(result), indent=2)
    head = ("story", "pairs", "links", "P", "R", "F1", "AER", "P hl", "R hl", "seconds", "peak MB")
    rows = [head] + [(r.name, str(r.pairs), str(r.scores.hypothesis), f"{r.scores.precision:.3f}",
                      f"{r.scores.recall:.3f}", f"{r.scores.f1:.3f}", f"{r.scores.aer:.3f}",
                      f"{r.confident.precision:.3f}", f"{r.confident.recall:.3f}",
                      f"{r.seconds:.2f}", f"{r.peak_rss_mb:.0f}")
                     for r in (*result.docs, result.total)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join([row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])])
             for row in rows]
    rule = "-" * len(lines[0])
    return "\n".join([lines[0], rule, *lines[1:-1], rule, lines[-1],
                      "P: |A∩possible|/|A|, R: |A∩sure|/|sure|, AER (Och & Ney), micro over all "
                      f"pairs; P hl, R hl: only links with confidence >= {result.highlight} "
                      "(what the reader highlights); each story's model is trained on its own pairs",
                      f"signature: {result.signature}"])
