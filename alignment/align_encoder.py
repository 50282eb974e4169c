"""The aligner and its encoder: progress while it encodes, languages it does not know.

Why a module of its own: align.py is the passes and the search; what it does about the
encoder it was given is a concern of its own. While the features are built, the aligner's
progress is lent to the encoder (encoding_progress), which reports its network's batches.
The encoder's vectors mean little for a language it was not trained on (unknown_languages):
there the Alignment warns (language_warnings), length and lexical evidence carry the score
under their own tuned weights (no_encoder: AlignConfig's plain_* knobs), and the texts are
aligned twice, word pairs learnt from the first alignment's sure links becoming lexical
anchors of the second (self_trained; with the encoder it did not pay, align_config.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from alignment.align_config import AlignConfig
from alignment.anchors import shared_anchor_runs, translation_pairs
from alignment.progress import Progress
from alignment.scoring import Side


#: the size of an encoding pass not yet started, guessed from the one running (times this)
_NEXT_PASS = 1.25


@contextmanager
def encoding_progress(embedder, progress: Progress, passes: int = 2) -> Iterator[None]:
    """`progress` lent to the embedder while the features are built, where it has a
    `progress` attribute (embed.UseEmbedder reports each batch of the network), as one
    "encode" bar over all its calls (each side, its runs): `passes` calls are expected (the
    features encode each side once), each not yet started guessed at a quarter more than the
    one running (_NEXT_PASS), its own total replacing the guess when it starts; the bar closes
    when the features are done.
    Why a bar: encoding 49,000 sentences a side took 103 s with the "align" bar standing still.
    Why the guess: a call's total joined the bar's only when the call started, so the bar ran
    to 100% on the first side and fell back to 47-50% on the second. Guessed the same size,
    a translation a tenth longer still set it back from 50% to 47%; a quarter more, the bar
    moves forward there unless a side is longer by more than that. A side found in the cache
    makes no call: the bar then ends from under half way."""
    if not hasattr(embedder, "progress"):
        yield
        return
    # base: done, total and count of the calls ended
    before, base, shown = embedder.progress, [0, 0, 0], [False]

    def report(done: int, total: int, stage: str) -> None:
        shown[0] = True
        guess = max(passes - base[2] - 1, 0) * round(total * _NEXT_PASS)
        progress(base[0] + done, base[1] + total + guess + 1, stage)  # + 1: open till the end
        if done >= total:
            base[0], base[1], base[2] = base[0] + done, base[1] + total, base[2] + 1

    embedder.progress = report
    try:
        yield
    finally:
        embedder.progress = before
        if shown[0]:
            progress(base[1] + 1, base[1] + 1, "encode")


def no_encoder(cfg: AlignConfig) -> AlignConfig:
    """Without embeddings, length and lexical evidence carry the score."""
    return replace(cfg, w_sim=0.0, w_len=cfg.plain_w_len, w_lex=cfg.plain_w_lex,
                   tau=cfg.plain_tau, skip=cfg.plain_skip, merge_penalty=cfg.plain_merge_penalty,
                   temperature=cfg.plain_temperature, conf_weights=cfg.plain_conf_weights,
                   self_train=cfg.plain_self_train, self_train_conf=cfg.plain_self_train_conf,
                   decode="viterbi")  # MBR at 0.05 on these scores: LIMSI 0.889 -> 0.883


def language_warnings(embedder, src_lang: str | None, tgt_lang: str | None) -> list[str]:
    """Languages the encoder was not trained on: align without it, and say so."""
    unknown = unknown_languages(embedder, src_lang, tgt_lang)
    if not unknown:
        return []
    return [f"the sentence encoder does not know {', '.join(unknown)}: aligned on "
            "sentence length and shared names/numbers only; review the links"]


def unknown_languages(embedder: Any, *langs: str | None) -> list[str]:
    """Those of `langs` the embedder was not trained on (none when it does not say which it
    knows): its vectors for them mean little, for the aligner and for the checks alike."""
    known = getattr(embedder, "languages", None)
    if known is None:
        from alignment import embed as embed_module
        if str(getattr(embedder, "name", "")).startswith("use"):
            known = getattr(embed_module, "SUPPORTED_LANGUAGES", None)
    if not known:
        return []
    from .lang import encoder_language

    return [lang for lang in langs if lang and encoder_language(lang, known) is None]


def self_trained(src, tgt, links, conf, s_side: Side, t_side: Side, cfg: AlignConfig):
    """The two sides with word translations learnt from the sure links of a first
    alignment added to their lexical anchors (anchors.translation_pairs); None
    when there is nothing to learn from."""
    sure = [(s, t) for (s, t), c in zip(links, conf) if s and t and c >= cfg.self_train_conf]
    pairs = translation_pairs([" ".join(src[i].text for i in s) for s, _ in sure],
                              [" ".join(tgt[j].text for j in t) for _, t in sure])
    if not pairs["src"]:
        return None
    s_lex, t_lex = shared_anchor_runs(src, tgt, cfg.max_side, pairs, cfg.self_train)
    return replace(s_side, lex=s_lex), replace(t_side, lex=t_lex)
