"""The aligner's compiled kernels made ready before the first alignment needs them.

Why: the inner loops of the encoder, the aligner and the word links are numba kernels, compiled
on their first call and kept on disk (`cache=True`: the package's __pycache__, or
$NUMBA_CACHE_DIR). So the first alignment on a machine, and the first after an upgrade (a changed
source is compiled again), paid for all of them: in the app, the sample's "Align and open" took
10.5-10.7 s to the reader on a first run against 1.9 s on later ones. `warm_up` calls every kernel
the sample's alignment and word links call, on a short text of its own (the hashing embedder
for the aligner, zero rows for the encoder's network: no model loaded, nothing cached but the
kernels); where numba has them on disk already, it only reads them. The app runs it in a thread
as it starts, while the person reads the start page (views/common.warm_kernels). Not the
command line: started with `alignment corpus build sample`, it took a first run 10.4-10.8 s ->
10.2-10.7 s, as the encoder's own work is short, but a later one 1.9 s -> 2.4-2.6 s (its short
alignment and its imports beside the real ones, 2026-12-07).
The app's head start and the command line's alignments, words and corpus builds also start a
second process that compiles the same kernels from the last one back (compile_ahead.py), so that
a first run uses both cores.
Where the kernels are not on disk yet, the stages that compile them say so in their progress
(`noting_first_run`): the command line's bar and the app's read "align (compiling for this
machine, once)", not a bar standing still for ten seconds with no reason given; and only then
(checked: a hashing run, which compiles none of the encoder's kernels, reads "align" once its
own are compiled).
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Sequence

from .progress import Progress
from .types import Bitext, Sentence

#: the stages whose first run on a machine compiles kernels, and the modules holding those
#: (every kernel of each module runs in every run of its stage: an embedder other than the
#: encoder reports no "encode" and compiles none of the encoder's)
STAGE_KERNELS = {"encode": ("cnn",), "align": ("coverage", "lattice", "mbr", "scoring", "word_score"),
                 "training the word model": ("word_model",)}
#: what such a stage's label gets while its kernels are compiled
COMPILING = " (compiling for this machine, once)"

# Eight short sentences a side, one of them translated as two and one left out: enough for
# every kernel of aligning, merging, skipping and linking words to run once.
_FR = ("Le village est au bord de la rivière.", "Le pont de pierre a trois arches.",
       "Il fut construit au siècle dernier.", "Chaque printemps, la crue monte.",
       "Les maisons basses sont alors inondées.", "Le maire a demandé une digue.",
       "Le conseil a refusé.", "Les habitants attendent toujours.")
_EN = ("The village lies by the river.", "The stone bridge has three arches.",
       "It was built in the last century.", "Every spring the flood rises.",
       "The low houses are flooded.", "Then the water goes down again.",
       "The mayor asked for a dike.", "The inhabitants are still waiting.")


def warm_up() -> float:
    """Compile (or read from numba's disk cache) the kernels an alignment and its word links
    call; the seconds it took."""
    from .align import align
    from .cnn import compile_kernels
    from .embed import HashingEmbedder
    from .words import link_bitext

    start = time.perf_counter()
    compile_kernels()
    embedder = HashingEmbedder()
    src = tuple(Sentence(t, paragraph=0) for t in _FR)
    tgt = tuple(Sentence(t, paragraph=0) for t in _EN)
    alignment = align(src, tgt, embedder=embedder, src_lang="fr", tgt_lang="en")
    link_bitext(Bitext(src, tgt, alignment, "fr", "en"), embedder=embedder)
    return time.perf_counter() - start


def in_background() -> threading.Thread:
    """`warm_up` in a daemon thread, started, with a helper process compiling from the other end
    (compile_ahead.start). A failure there costs nothing but the head start (the kernels compile
    on first use, as without it), so it is not reported."""
    def run() -> None:
        helper = None
        try:
            from .compile_ahead import start
            helper = start(tuple(STAGE_KERNELS))   # the other core, from the last kernel back
            warm_up()
        except Exception:   # noqa: BLE001 (a head start only; the alignment itself will say)
            pass
        finally:
            if helper is not None:
                helper.wait()

    thread = threading.Thread(target=run, name="warm-kernels", daemon=True)
    thread.start()
    return thread


def compiled(modules: Sequence[str]) -> bool:
    """Whether numba's disk cache holds every kernel of these modules of the package (the
    index of compiled signatures numba keeps beside each one; a changed source has none). A
    numba whose cache is laid out otherwise says True: the note is a courtesy, never a doubt."""
    try:
        from numba.core.registry import CPUDispatcher

        for name in modules:
            module = importlib.import_module(f"{__package__}.{name}")
            for f in vars(module).values():
                files = getattr(getattr(f, "_cache", None), "_cache_file", None)
                if isinstance(f, CPUDispatcher) and files is not None and not files._load_index():
                    return False
    except Exception:   # noqa: BLE001 (numba's internals moved: say nothing rather than fail)
        return True
    return True


def noting_first_run(progress: Progress) -> Progress:
    """`progress` with COMPILING added to a stage of STAGE_KERNELS whose kernels are not
    compiled when it starts, until it ends (a second text's run of it, compiled, reads as
    usual)."""
    labels: dict[str, str] = {}

    def report(done: int, total: int, stage: str) -> None:
        if stage in STAGE_KERNELS and stage not in labels:
            labels[stage] = stage if compiled(STAGE_KERNELS[stage]) else stage + COMPILING
        progress(done, total, labels.get(stage, stage))
        if done >= total:
            labels.pop(stage, None)

    return report
