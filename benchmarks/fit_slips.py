"""Fit the real-word slip model (alignment/slip_model.py) on injected slips, and say what it adds.

For each seed, the window and slips of bench_checks.py (--lang en: LIMSI fr->en; --lang fr:
limsi-enfr and Text+Berg dev, French translations), word links and evidence as the app
builds them, then every candidate of slip_model.candidates labelled 1 where it names the
injected slip and the word it replaced.
Fits the logistic weights on the --fit seeds and prints, per corpus and floor, what the
model adds to the rules on the --report seeds: slips found (rules, rules + model), model
findings on clean links per 1,000 clean links. Paste the weights into CheckConfig. With --trees
(needs scikit-learn) it also fits the tree ensemble used for English translations, writes it as
JSON (alignment/slip_trees_en.json) and reports it the same way.

Example:
    python benchmarks/fit_slips.py --bench ../shared/bench --lang fr --fit 5-12 --report 0-4 --cache /tmp/slips
    python benchmarks/fit_slips.py --fit 5-12 --report 0-4 --cache /tmp/slips --trees /tmp/t.json --by-book
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checks as bc  # noqa: E402

from alignment.check_config import CheckConfig  # noqa: E402
from alignment.checks import at_level, run_checks  # noqa: E402
from alignment.confidence import fit_logistic  # noqa: E402
from alignment.context_lm import english_lists  # noqa: E402
from alignment.evidence import link_words, word_evidence  # noqa: E402
from alignment.slip_model import FEATURES, candidates, trees_from_dict  # noqa: E402
from alignment.text_lexicon import text_lexicon  # noqa: E402

TOKEN = re.compile(r"[^\W\d_]+|\W|\d+")


def _replaced(before: str, after: str) -> tuple[str, str] | None:
    """(word written, word it replaced) where an injection changed one word."""
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    k = next((n for n in range(min(len(a), len(b))) if a[n] != b[n]), None)
    return (b[k], a[k]) if k is not None else None


CORPORA = {"en": ("limsi",), "fr": ("limsi-enfr", "textberg")}   # by translation language


def _slipped(corpus: str, seed: int, bench: Path, embedder, cache: Path | None) -> tuple[list, object]:
    """(rows, word-linked bitext) of one seeded window of bench_checks.py, kept in `cache`
    (a pickle per window) so a refit or a rule change does not link 1,000 links again."""
    from alignment.words import link_bitext

    kept = cache / f"{corpus}_{seed}.pkl" if cache is not None else None
    if kept is not None and kept.is_file():
        return pickle.loads(kept.read_bytes())
    langs, pairs = bc.corpus_pairs(corpus, bench)
    pairs = bc.seeded_window(pairs, seed, 1000)
    rows = bc.inject(pairs, bc._slipper(langs, seed, True), 0.02)
    bt = link_bitext(bc.to_bitext(rows, langs), embedder=embedder)
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(pickle.dumps((rows, bt)))
    return rows, bt


def window(corpus: str, seed: int, bench: Path, embedder, cache: Path | None = None) -> dict:
    """Candidates (features, labels, link, word) and the rules' findings of one seeded window."""
    rows, bt = _slipped(corpus, seed, bench, embedder, cache)
    langs = (bt.src_lang, bt.tgt_lang)
    trans = dict(bc.seeded_window(bc.corpus_pairs(corpus, bench)[1], seed, 1000))
    ev = word_evidence(bt, embedder)
    cfg = CheckConfig(slip_model_weights=(), slip_model_weights_plain=())
    rules = {f.link for f in at_level(run_checks(bt, only=["realword"], config=cfg, evidence=ev))}
    lexicon = text_lexicon(bt)
    models = [english_lists()] if langs[1] == "en" else []
    xs, ys, where = [], [], []
    for i, row in enumerate(rows):
        lw = link_words(bt, i, ev)
        slip = _replaced(trans[row.orig[0]], row.trans[0]) if row.slip.startswith("realword") else None
        for c in candidates(i, bt, lw, ev, lexicon, models, cfg):
            xs.append(c.x)
            ys.append(float(slip is not None and c.written == slip[0] and c.intended.casefold() == slip[1].casefold()))
            where.append((i, c.j))
    slips = [i for i, r in enumerate(rows) if r.slip.startswith("realword")]
    clean = [i for i, r in enumerate(rows) if not r.slip]
    return dict(x=np.array(xs).reshape(-1, len(FEATURES)), y=np.array(ys), where=where, rules=rules,
                slips=slips, clean=clean, books=bc.row_books(rows, corpus, bench))


def fit_trees(x: np.ndarray, y: np.ndarray, trees: int = 200, max_features: float = 1.0,
              bags: int = 1) -> dict:
    """A boosted tree ensemble (scikit-learn's HistGradientBoostingClassifier: `trees` trees of 8
    leaves, each split choosing among a random `max_features` share of the features, no early
    stopping, so the fit is the same each run) in the JSON form slip_model.trees_from_dict reads;
    `bags` ensembles of other random states are averaged (their leaves scaled by 1 / bags).
    scikit-learn is needed here only, not to run the checks. The defaults are the shipped
    ensemble's; slip_model.py's docstring says what other sizes gave.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    out: list = []
    base = 0.0
    for bag in range(bags):
        model = HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.05, max_leaf_nodes=8,
                                               min_samples_leaf=20, l2_regularization=1.0,
                                               max_features=max_features, early_stopping=False,
                                               random_state=bag).fit(x, y)
        out += [[[int(n["feature_idx"]) if not n["is_leaf"] else -1, float(n["num_threshold"]),
                  int(n["left"]) if not n["is_leaf"] else -1, int(n["right"]) if not n["is_leaf"] else -1,
                  float(n["value"]) / bags] for n in pred[0].nodes] for pred in model._predictors]
        base += float(np.ravel(model._baseline_prediction)[0]) / bags
    return {"features": list(FEATURES), "base": base, "trees": out}


def report(wins: list[dict], w, floors: list[float], label: str) -> None:
    """`w`: logistic weights, or a function from features to log-odds (the trees)."""
    probs = []
    for win in wins:
        z = (w(win["x"]) if callable(w) else win["x"] @ w) if len(win["x"]) else np.zeros(0)
        probs.append(1 / (1 + np.exp(-np.clip(z, -50, 50))))
    report_probs(wins, probs, floors, label)


def report_probs(wins: list[dict], probs: list[np.ndarray], floors: list[float], label: str,
                 book: str | None = None) -> None:
    """Per floor: slips found by the rules, and by rules or model (`probs`: the model's
    probability of each candidate), and model findings on clean links; `book`: its links only."""
    print(f"\n{label}: floor, slips found by rules -> rules + model, model findings on clean links per 1,000")
    for floor in floors:
        found = total = rules = fa = clean = 0
        for win, p in zip(wins, probs):
            mine = set(range(len(win["books"]))) if book is None else \
                {i for i, b in enumerate(win["books"]) if b == book}
            flagged = {win["where"][n][0] for n in np.flatnonzero(p >= floor)}
            slips, kept = [i for i in win["slips"] if i in mine], {i for i in win["clean"] if i in mine}
            total += len(slips)
            rules += sum(i in win["rules"] for i in slips)
            found += sum(i in win["rules"] or i in flagged for i in slips)
            fa += len({i for i in flagged if i in kept and i not in win["rules"]})
            clean += len(kept)
        print(f"  {floor:.2f}  {rules}/{total} -> {found}/{total} ({found / max(total, 1):.0%})"
              f"   clean {1000 * fa / max(clean, 1):.1f}")


def by_book(fit: list[dict], rep: list[dict], args: argparse.Namespace, floors: list[float]) -> list[np.ndarray]:
    """Each book's candidates in the report windows scored by a model fitted on the fit windows'
    candidates of the other books. Every seed's LIMSI window is the same 1,000 links (the seeds
    differ in the slips they inject), so a model fitted on seeds 5-12 has seen the clean links
    of seeds 0-4: their false alarms are in-sample. These are not. Returns each report
    window's probabilities."""
    def cand_books(win: dict) -> np.ndarray:   # the book of each candidate's link
        return np.array([win["books"][i] for i, _ in win["where"]], dtype=object)

    fit_books, rep_books = [cand_books(win) for win in fit], [cand_books(win) for win in rep]
    probs = [np.zeros(len(win["x"])) for win in rep]
    books = sorted({b for win in rep for b in win["books"]})
    for book in books:
        x = np.vstack([win["x"][bs != book] for win, bs in zip(fit, fit_books)])
        y = np.concatenate([win["y"][bs != book] for win, bs in zip(fit, fit_books)])
        if args.trees:
            model = trees_from_dict(fit_trees(x, y, args.tree_count, args.max_features, args.bags)).log_odds
        else:
            weights = fit_logistic(x, y, args.ridge)
            model = lambda v, weights=weights: v @ weights   # noqa: E731
        for win, bs, p in zip(rep, rep_books, probs):
            mine = bs == book
            if mine.any():
                p[mine] = 1 / (1 + np.exp(-np.clip(model(win["x"][mine]), -50, 50)))
    kind = "trees" if args.trees else "logistic"
    report_probs(rep, probs, floors, f"by book ({kind} fitted on the other books), report seeds {args.report}")
    for book in books:
        report_probs(rep, probs, [args.floor], f"  {book}", book)
    return probs


def _seeds(text: str) -> list[int]:
    lo, _, hi = text.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "bench")
    ap.add_argument("--fit", default="5-14", help="seeds to fit on (a range)")
    ap.add_argument("--report", default="0-4", help="seeds to report on (a range)")
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--lang", choices=sorted(CORPORA), default="en",
                    help="translation language: en fits slip_model_weights on LIMSI fr->en, fr fits "
                         "slip_model_weights_plain on limsi-enfr and Text+Berg dev")
    ap.add_argument("--cache", type=Path, help="folder keeping each window's word-linked bitext")
    ap.add_argument("--save", type=Path, help="keep the candidates (pickle) for refitting elsewhere")
    ap.add_argument("--trees", type=Path, help="also fit the tree ensemble and write it here (JSON; "
                    "needs scikit-learn)")
    ap.add_argument("--tree-count", type=int, default=200, help="trees per ensemble (--trees)")
    ap.add_argument("--max-features", type=float, default=1.0, help="share of features each split may use")
    ap.add_argument("--bags", type=int, default=1, help="ensembles of other random states averaged")
    ap.add_argument("--by-book", action="store_true",
                    help="also score each LIMSI book (and Text+Berg dev, one group) with a model fitted "
                         "on the others: false alarms on text the model never saw")
    ap.add_argument("--floor", type=float, default=0.3, help="the floor of the per-book lines (--by-book)")
    args = ap.parse_args(argv)
    from alignment.embed import default_cache_dir
    from alignment.registry import EMBEDDERS

    embedder = EMBEDDERS["use"](threads=1, cache_dir=default_cache_dir())
    corpora = CORPORA[args.lang]
    data = {(c, s): window(c, s, args.bench, embedder, args.cache) for c in corpora
            for s in sorted(set(_seeds(args.fit)) | set(_seeds(args.report)))}
    if args.save:
        args.save.write_bytes(pickle.dumps(data))
    fit = [data[c, s] for c in corpora for s in _seeds(args.fit)]
    w = fit_logistic(np.vstack([d["x"] for d in fit]), np.concatenate([d["y"] for d in fit]), args.ridge)
    print("weights:", "(" + ", ".join(f"{v:.3f}" for v in w) + ")")
    print("  " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w)))
    floors = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    if args.trees:
        forest = fit_trees(np.vstack([d["x"] for d in fit]), np.concatenate([d["y"] for d in fit]),
                           args.tree_count, args.max_features, args.bags)
        args.trees.write_text(json.dumps(forest, separators=(",", ":")), encoding="utf-8")
        w = trees_from_dict(forest).log_odds
        print(f"trees: {len(forest['trees'])} written to {args.trees}")
    for c in corpora:
        report([data[c, s] for s in _seeds(args.fit)], w, floors, f"{c} fit seeds {args.fit}")
        report([data[c, s] for s in _seeds(args.report)], w, floors, f"{c} report seeds {args.report}")
    if args.by_book:
        by_book(fit, [data[c, s] for c in corpora for s in _seeds(args.report)], args, floors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
