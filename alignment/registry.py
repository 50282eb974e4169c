"""Lazy registries for pluggable parts (segmenters, embedders, export formats).

A registry maps a name to "module:attribute" and imports only on use, so the CLI
can list choices without loading a 30 MB encoder (as sacrebleu does with its
metrics and tokenizers).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from .errors import UnknownComponent


class Registry(Mapping[str, Any]):
    """Name -> lazily imported object."""

    def __init__(self, kind: str, entries: Mapping[str, str]) -> None:
        self.kind = kind
        self._paths = dict(entries)
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._paths:
            choices = ", ".join(sorted(self._paths))
            raise UnknownComponent(f"unknown {self.kind} {name!r}; choose one of: {choices}")
        if name not in self._loaded:
            module, _, attr = self._paths[name].partition(":")
            self._loaded[name] = getattr(importlib.import_module(module), attr)
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def names(self) -> list[str]:
        """Registered names, for CLI choices."""
        return list(self._paths)


SEGMENTERS = Registry("segmenter", {
    "default": "alignment.segment:segment",
    "dialogue-dash": "alignment.segment:segment_dialogue_dash",
    "no-dialogue-dash": "alignment.segment:segment_no_dialogue_dash",
    "paragraph": "alignment.segment:segment_paragraphs",
    "lines": "alignment.segment:segment_lines",
})

EMBEDDERS = Registry("embedder", {
    "use": "alignment.embed:UseEmbedder",
    "hashing": "alignment.embed:HashingEmbedder",
})

EXPORTERS = Registry("export format", {
    "tmx": "alignment.export:write_tmx",
    "tsv": "alignment.export:write_tsv",
    "moses": "alignment.export:write_moses",
    "html": "alignment.export:write_html",
    "txt": "alignment.export:write_txt",
    "epub": "alignment.epub:write_epub",
    "anki": "alignment.glossary:write_sentence_deck",
})
