"""A version given the wrong language (QA 2026-12-05: 'ru, en, fr' typed as 'ru, en, de'):
the warning is kept in the set (x-warning), so the set's page says it each time it opens;
the CLI said it once on stderr, the app only in the box before Align."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.versions_io import read_set_tmx

from test_versions_cli import EN, ES, FR  # the same three short texts


@pytest.fixture
def texts(tmp_path):
    paths = []
    for name, lines in (("roman.txt", FR), ("close.txt", EN), ("libre.txt", ES)):
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("langs, kept", [
    ("fr,en,de", [[], ["de (libre.txt) reads as es, not de as given"]]),
    ("de,en,es", [["The original, de (roman.txt), reads as fr, not de as given"], []]),
    ("fr,en,es", [[], []]),
])
def test_a_language_the_text_contradicts_is_kept_in_the_set(texts, tmp_path, langs, kept):
    out = tmp_path / "set.tmx"
    result = CliRunner().invoke(main, ["align", *texts, "--presplit", "--langs", langs,
                                       "--embedder", "hashing", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    vs = read_set_tmx(out)   # read back: what a reopened set shows
    said = [[w for w in ws if " reads as " in w] for ws in vs.warnings]
    assert [[w.split(":")[0] for w in ws] for ws in said] == kept
