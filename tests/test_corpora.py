"""Corpora: manifests, the bundled texts, the fetcher (against a local HTTP server), building.

The fetcher is only ever pointed at a server started here on 127.0.0.1, serving a synthetic page
written for these tests (tests/data/corpora/page-fixture.htm): no test touches the internet.
"""

from __future__ import annotations

import hashlib
import http.server
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from alignment.corpora import (CORPORA_DIR, build_corpus, cache_dir, fetch_side, list_corpora, load_corpus,
                               read_manifest, read_side, side_path, side_state)
from alignment.errors import CorpusError, FetchError

DATA = Path(__file__).parent / "data" / "corpora"
PAGE = (DATA / "page-fixture.htm").read_bytes()
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed"
SAMPLE_SENTENCES = (30, 60)


# ---------------------------------------------------------------- a local web server

@dataclass
class Route:
    status: int = 200
    body: bytes = PAGE
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0
    trickle: str = ""  # "body" or "headers": one byte every 0.1 s, for about 6 s


class _Handler(http.server.BaseHTTPRequestHandler):
    def _trickle(self, data: bytes) -> None:
        for byte in data[:60]:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.1)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        route = self.server.routes.get(self.path, Route(404, b"not found"))  # type: ignore[attr-defined]
        time.sleep(route.delay)
        try:
            if route.trickle == "headers":
                return self._trickle(b"HTTP/1.0 200 OK\r\nX-Slow: " + b"a" * 100)
            if route.trickle == "body":
                self.send_response(200)
                self.end_headers()
                return self._trickle(route.body)
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout / size tests)

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve() -> Iterator[LocalServer]:
    """An HTTP server on a free port of 127.0.0.1, serving `routes`, for one test."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.routes = {"/repression.htm": Route()}  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_port}", httpd.routes)  # type: ignore[attr-defined]
    finally:
        httpd.shutdown()
        httpd.server_close()


def closed_port_url() -> str:
    """A URL on a port where nothing listens: connection refused, like being offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/repression.htm"


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


@pytest.fixture()
def corpora_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of corpora/ (so caches land in tmp), without any fetched cache."""
    root = tmp_path / "corpora"
    shutil.copytree(CORPORA_DIR, root, ignore=shutil.ignore_patterns("cache"))
    monkeypatch.delenv("ALIGNMENT_CORPORA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))   # fetched sides go there
    monkeypatch.delenv("ALIGNMENT_SERGE_1926_SRC_URL", raising=False)
    return root


@pytest.fixture()
def serge(corpora_root: Path):
    return load_corpus("serge-1926", corpora_root)


# ---------------------------------------------------------------- manifests and bundled texts

def test_both_corpora_are_listed():
    corpora = {c.id: c for c in list_corpora()}
    assert {"sample", "serge-1926"} <= set(corpora)
    assert corpora["serge-1926"].languages == ("fr", "en")
    assert corpora["serge-1926"].author == "Victor Serge"
    assert corpora["serge-1926"].src.url.startswith("https://www.marxists.org/francais/serge/")
    assert corpora["serge-1926"].src.section == "INTRODUCTION"
    assert corpora["sample"].languages == ("fr", "en")
    assert all(c.licence and c.provenance and c.title for c in corpora.values())


@pytest.mark.parametrize("corpus", list_corpora(), ids=lambda c: c.id)
def test_bundled_files_match_their_recorded_checksum(corpus):
    for side in (corpus.src, corpus.tgt):
        if side.file:
            data = side_path(corpus, side).read_bytes()
            assert hashlib.sha256(data).hexdigest() == side.sha256


def test_serge_english_is_the_seed_byte_for_byte():
    seed = SEED / "000_cb5555661a7d5ede.txt"
    if not seed.is_file():
        pytest.skip("../shared/seed is not present")
    assert (CORPORA_DIR / "serge-1926" / "en.txt").read_bytes() == seed.read_bytes()


def test_serge_english_keeps_its_typing_slips():
    text = (CORPORA_DIR / "serge-1926" / "en.txt").read_text(encoding="utf-8")
    for slip in ("bad taken shape", "white tenor", "the Ruin"):
        assert slip in text
    assert "March 1925" in text and text.endswith("Last updated on 21.3.2004")


def test_no_french_serge_text_is_bundled():
    folder = CORPORA_DIR / "serge-1926"
    tracked = subprocess.run(["git", "ls-files", str(folder)], capture_output=True, text=True,
                             cwd=CORPORA_DIR.parent).stdout.split()
    names = {Path(p).name for p in tracked}
    if names:  # inside a git checkout
        assert names <= {"corpus.toml", "README.md", "en.txt"}


@pytest.mark.parametrize("manifest, message", [
    ('id = "x"\n', r"missing \[src\]"),
    ('id = "x"\n[src]\nlang = "fr"\nfile = "a.txt"\n', r"missing \[tgt\]"),
    ('[src]\nlang = "fr"\n[tgt]\nlang = "en"\nfile = "b"\n', "exactly one of 'file' or 'url'"),
    ('[src]\nlang = "fr"\nfile = "a"\nurl = "http://x"\n[tgt]\nlang = "en"\nfile = "b"\n',
     "exactly one of"),
    ('languages = ["de", "en"]\n[src]\nlang = "fr"\nfile = "a"\n[tgt]\nlang = "en"\nfile = "b"\n',
     "do not match"),
    ('id = "x\n', "not valid TOML"),
])
def test_malformed_manifests_are_named_errors(tmp_path, manifest, message):
    (tmp_path / "corpus.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as info:
        read_manifest(tmp_path)
    assert "corpus.toml" in str(info.value) and "\n" not in str(info.value)


def test_unknown_corpus_lists_the_known_ones():
    with pytest.raises(CorpusError, match="unknown corpus 'nope'.*sample"):
        load_corpus("nope")


def test_side_by_name_or_language(serge):
    assert serge.side("fr") is serge.src and serge.side("tgt") is serge.tgt
    with pytest.raises(CorpusError, match="no side 'de'"):
        serge.side("de")


def test_side_states(serge):
    assert side_state(serge, serge.tgt) == "bundled"
    assert side_state(serge, serge.src) == "missing"


def test_unfetched_side_says_how_to_fetch(serge):
    with pytest.raises(CorpusError, match="not fetched yet.*corpus fetch serge-1926"):
        read_side(serge, serge.src)


# ---------------------------------------------------------------- fetching

def fetched_text(serge) -> str:
    return side_path(serge, serge.src).read_text(encoding="utf-8")


def test_fetch_keeps_only_the_introduction(serge, server):
    result = fetch_side(serge, "src", url=server.url("/repression.htm"))
    text = fetched_text(serge)
    assert result.path == cache_dir(serge) / "src.txt"
    assert cache_dir(serge).parent.parent.name == "alignment"   # the cache root, not the checkout
    assert text.startswith("INTRODUCTION") or text.startswith("Ceci est le premier")
    assert "premier paragraphe d'essai" in text and "troisième paragraphe" in text
    assert text.rstrip().endswith("mars 1925")
    for dropped in ("éditeur web", "chapitre suivant", "note de bas de page", "Sommaire",
                    "tracker", "[2]", "téléchargement1"):
        assert dropped not in text
    assert "« français »" in text and "1 200 mètres" in text  # decoded from ISO-8859-1
    assert result.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert result.warnings == ()
    assert side_state(serge, serge.src) == "cached"


def test_fetch_records_checksum_and_notices_a_changed_page(serge, server):
    first = fetch_side(serge, "src", url=server.url("/repression.htm"))
    assert fetch_side(serge, "src", url=server.url("/repression.htm")).warnings == ()
    server.routes["/repression.htm"] = Route(body=PAGE.replace(b"deux phrases", b"trois phrases"))
    again = fetch_side(serge, "src", url=server.url("/repression.htm"))
    assert again.sha256 != first.sha256
    assert len(again.warnings) == 1 and "differs from the one recorded" in again.warnings[0]


def test_fetch_url_from_the_environment(serge, server, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_SERGE_1926_SRC_URL", server.url("/repression.htm"))
    assert fetch_side(serge, "fr").source == server.url("/repression.htm")


def test_fetch_into_the_cache_dir_from_the_environment(serge, server, tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_CORPORA_CACHE", str(tmp_path / "elsewhere"))
    result = fetch_side(serge, "src", url=server.url("/repression.htm"))
    assert result.path == tmp_path / "elsewhere" / "serge-1926" / "src.txt"


def test_fetch_utf8_page_with_charset_header(serge, server):
    body = PAGE.decode("iso-8859-1").replace("iso-8859-1", "utf-8").encode("utf-8")
    server.routes["/u.htm"] = Route(body=body,
                                    headers={"Content-Type": "text/html; charset=utf-8"})
    fetch_side(serge, "src", url=server.url("/u.htm"))
    assert "« français »" in fetched_text(serge)


@pytest.mark.parametrize("route, kwargs, message", [
    (Route(404, b"gone"), {}, "HTTP error 404"),
    (Route(500, b"oops"), {}, "HTTP error 500"),
    (Route(body=PAGE.replace(b"INTRODUCTION", b"AVANT-PROPOS")), {},
     "bad.htm does not hold the section headed 'INTRODUCTION': a different page "
     r"\(--url\), or the page has changed"),
    (Route(delay=1.5), {"timeout": 0.3}, "within 0.3 s"),
    (Route(), {"max_bytes": 500}, "larger than 500 bytes"),
    (Route(headers={}), {"max_bytes": 500}, "larger than 500 bytes"),  # no Content-Length
])
def test_fetch_failures_say_how_to_supply_the_file(serge, server, route, kwargs, message):
    server.routes["/bad.htm"] = route
    with pytest.raises(FetchError, match=message) as info:
        fetch_side(serge, "src", url=server.url("/bad.htm"), **kwargs)
    text = str(info.value)
    assert "\n" not in text and "alignment corpus fetch serge-1926" in text and "--file" in text
    assert side_state(serge, serge.src) == "missing"


def test_fetch_offline(serge):
    with pytest.raises(FetchError, match="cannot connect.*offline.*--file"):
        fetch_side(serge, "src", url=closed_port_url(), timeout=2)


def test_fetch_rejects_other_schemes(serge):
    with pytest.raises(FetchError, match="only http"):
        fetch_side(serge, "src", url="file:///etc/passwd")


@pytest.mark.parametrize("kwargs", [{}, {"file": DATA / "page-fixture.htm"},
                                    {"url": "http://127.0.0.1:9/x"}])
def test_a_bundled_side_is_never_fetched_over(serge, kwargs):
    before = side_path(serge, serge.tgt).read_bytes()
    with pytest.raises(FetchError, match="is bundled as en.txt"):
        fetch_side(serge, "en", **kwargs)
    assert side_path(serge, serge.tgt).read_bytes() == before


def test_fetch_from_a_saved_page(serge):
    result = fetch_side(serge, "src", file=DATA / "page-fixture.htm")
    assert result.source.endswith("page-fixture.htm")
    text = fetched_text(serge)
    assert "premier paragraphe" in text and "chapitre suivant" not in text


def test_fetch_from_a_text_file_holding_the_section(serge, tmp_path):
    section = tmp_path / "intro.txt"
    section.write_text("Premier paragraphe d'essai.\n\nSecond paragraphe d'essai.\n\nmars 1925\n",
                       encoding="utf-8")
    fetch_side(serge, "src", file=section)
    assert fetched_text(serge).split("\n\n")[0] == "Premier paragraphe d'essai."


@pytest.mark.parametrize("name, data", [
    ("repression.htm", b"<html><body><p>  </p><script>x</script></body></html>"),
    ("repression.txt", b"   \n\n  "),
])
def test_an_upload_is_named_by_its_own_name(serge, tmp_path, name, data):
    """The app stores an upload in a temp folder before taking it: its errors and its record
    name the file the person uploaded, not that folder."""
    import json

    stored = tmp_path / "alignment-upload-x1y2" / "src" / name
    stored.parent.mkdir(parents=True)
    stored.write_bytes(data)
    with pytest.raises(FetchError) as err:
        fetch_side(serge, "src", file=stored, source=name)
    assert str(err.value).startswith(name) and "alignment-upload" not in str(err.value)
    good = stored.with_name("intro.txt")
    good.write_text("Premier paragraphe d'essai.\n\nSecond paragraphe d'essai.\n", encoding="utf-8")
    fetch_side(serge, "src", file=good, source="intro.txt")
    record = json.loads((side_path(serge, serge.src).parent / "src.json").read_text(encoding="utf-8"))
    assert record["source"] == "intro.txt"


def test_fetch_from_a_missing_file(serge, tmp_path):
    with pytest.raises(FetchError, match="no such file"):
        fetch_side(serge, "src", file=tmp_path / "nope.htm")


def test_altered_cache_is_detected(serge, server):
    fetch_side(serge, "src", url=server.url("/repression.htm"))
    path = side_path(serge, serge.src)
    path.write_text(path.read_text(encoding="utf-8") + "\n\nUne phrase ajoutée.\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match="changed since it was fetched"):
        read_side(serge, serge.src)


# ---------------------------------------------------------------- building

def test_serge_builds_end_to_end_when_the_page_is_served(corpora_root, serge, server,
                                                         fake_embedder):
    fetch_side(serge, "src", url=server.url("/repression.htm"))
    bitext = build_corpus("serge-1926", embedder=fake_embedder, root=corpora_root)
    assert (bitext.src_lang, bitext.tgt_lang, bitext.corpus_id) == ("fr", "en", "serge-1926")
    src_text = " ".join(s.text for s in bitext.src)
    tgt_text = " ".join(s.text for s in bitext.tgt)
    assert "premier paragraphe" in src_text and "March 1925" in tgt_text
    assert "Last updated on 21.3.2004" in tgt_text
    covered = sorted(i for link in bitext.alignment.links for i in link.tgt)
    assert covered == list(range(len(bitext.tgt)))


def test_build_unknown_corpus(fake_embedder):
    with pytest.raises(CorpusError, match="unknown corpus"):
        build_corpus("nope", embedder=fake_embedder)


def test_sample_has_the_advertised_size():
    from alignment.read import read_file
    from alignment.segment import segment

    corpus = load_corpus("sample")
    for side in (corpus.src, corpus.tgt):
        doc = read_file(side_path(corpus, side))
        sentences = segment(doc, side.lang)
        assert SAMPLE_SENTENCES[0] <= len(sentences) <= SAMPLE_SENTENCES[1]
        assert len({s.paragraph for s in sentences}) >= 7


# The sample was written with these links (README.md of corpora/sample); a good aligner
# must find each of them. Sentences are named by how they start.
SAMPLE_LINKS = [
    ("1-2", ["Les pierres venaient"], ["The stones came", "They were carried"]),
    ("2-1", ["Le village resta", "Les enfants allaient"], ["For six weeks"]),
    ("1-0", ["La plaque fut inaugurée"], []),
    ("0-1", [], ["Readers who wish to visit"]),
]


@pytest.fixture(scope="module")
def sample_bitext():
    from alignment.registry import EMBEDDERS

    return build_corpus("sample", embedder=EMBEDDERS["use"]())


def _link_starts(bitext, link) -> tuple[list[str], list[str]]:
    def starts(sents, idx):
        return [sents[i].text for i in idx]
    return starts(bitext.src, link.src), starts(bitext.tgt, link.tgt)


@pytest.mark.slow
@pytest.mark.parametrize("kind, src_starts, tgt_starts", SAMPLE_LINKS, ids=[k for k, *_ in SAMPLE_LINKS])
def test_sample_alignment_finds_the_links_written_into_it(sample_bitext, kind, src_starts,
                                                          tgt_starts):
    """Loads the real multilingual encoder (USE, bundled weights; a few seconds)."""
    found = [_link_starts(sample_bitext, link) for link in sample_bitext.alignment.links
             if link.kind == kind]
    wanted = [(src, tgt) for src, tgt in found
              if len(src) == len(src_starts) and len(tgt) == len(tgt_starts)
              and all(s.startswith(p) for s, p in zip(src, src_starts))
              and all(t.startswith(p) for t, p in zip(tgt, tgt_starts))]
    assert wanted, f"no {kind} link {src_starts} -> {tgt_starts}; {kind} links found: {found}"


@pytest.mark.slow
def test_sample_alignment_is_mostly_one_to_one_and_confident(sample_bitext):
    links = sample_bitext.alignment.links
    one_to_one = [link for link in links if link.kind == "1-1"]
    assert len(one_to_one) >= 32
    assert sum(link.confidence >= 0.9 for link in one_to_one) >= 0.8 * len(one_to_one)


@pytest.mark.slow
def test_sample_po_passes_msgfmt_and_round_trips(sample_bitext, tmp_path):
    from alignment.po import read_po, write_po

    path = write_po(sample_bitext, tmp_path / "sample.po")
    if shutil.which("msgfmt"):
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    back = read_po(path)
    assert back.src == sample_bitext.src and back.tgt == sample_bitext.tgt
    assert [(l.src, l.tgt) for l in back.alignment.links] == \
        [(l.src, l.tgt) for l in sample_bitext.alignment.links]
    assert (back.src_lang, back.tgt_lang, back.corpus_id) == ("fr", "en", "sample")


# ---------------------------------------------------------------- issue 10: pages as people save them

UTF8_PAGE = PAGE.decode("iso-8859-1").replace('<meta charset="iso-8859-1">', "").encode("utf-8")


@pytest.mark.parametrize("headers", [{"Content-Type": "text/html"}, {}])
def test_utf8_page_without_any_charset(serge, server, headers):
    server.routes["/u.htm"] = Route(body=UTF8_PAGE, headers=headers)
    result = fetch_side(serge, "src", url=server.url("/u.htm"))
    assert "« français »" in fetched_text(serge) and "1 200 mètres" in fetched_text(serge)
    assert result.warnings == ()


def test_utf8_saved_page_without_charset(serge, tmp_path):
    page = tmp_path / "saved.htm"
    page.write_bytes(UTF8_PAGE)
    fetch_side(serge, "src", file=page)
    assert "« français »" in fetched_text(serge)


@pytest.mark.parametrize("body", [b"", b"   \n ", b"<!-- rien -->"])
def test_empty_page_is_one_fetch_error(serge, server, tmp_path, body):
    server.routes["/e.htm"] = Route(body=body)
    with pytest.raises(FetchError, match="empty|no text") as info:
        fetch_side(serge, "src", url=server.url("/e.htm"))
    assert "\n" not in str(info.value)
    page = tmp_path / "e.htm"
    page.write_bytes(body)
    with pytest.raises(FetchError):
        fetch_side(serge, "src", file=page)


def test_windows_1252_bytes_in_a_latin1_page_are_kept(serge, server):
    body = PAGE.replace(b"Il contient deux phrases",
                        "Il contient \u2013 en v\u00e9rit\u00e9 \u2013 deux phrases\u2026 l\u2019\u0152uvre"
                        .encode("cp1252"))
    assert b"\x96" in body and b'charset="iso-8859-1"' in body
    server.routes["/w.htm"] = Route(body=body)
    fetch_side(serge, "src", url=server.url("/w.htm"))
    assert "Il contient – en vérité – deux phrases… l’Œuvre" in fetched_text(serge)


def test_a_table_of_contents_entry_does_not_start_the_section(serge, server):
    toc = (b'<ul><li><a href="#intro">INTRODUCTION</a></li>'
           b'<li><a href="#c1">I. Le chapitre suivant</a></li></ul>')
    body = PAGE.replace(b"<h3>INTRODUCTION</h3>", b"").replace(b"<hr>", toc, 1)
    server.routes["/toc.htm"] = Route(body=body)
    with pytest.raises(FetchError, match="does not hold the section headed 'INTRODUCTION'"):
        fetch_side(serge, "src", url=server.url("/toc.htm"))


def test_a_deeply_nested_page_is_kept_whole(serge, server):
    intro = PAGE.split(b"<h3>INTRODUCTION</h3>")[1].split(b"<p>mars 1925</p>")[0]
    deep = b"".join(b"<font size=2>" + intro.replace(b"premier", b"num\xe9ro %d" % i)
                    for i in range(150))
    body = PAGE.replace(intro, deep)
    server.routes["/deep.htm"] = Route(body=body)
    result = fetch_side(serge, "src", url=server.url("/deep.htm"))
    assert "numéro 149" in fetched_text(serge) and fetched_text(serge).rstrip().endswith("mars 1925")
    assert result.paragraphs == 150 * 6 + 2


def test_fetch_says_what_it_kept(serge, server):
    result = fetch_side(serge, "src", url=server.url("/repression.htm"))
    assert (result.paragraphs, result.first, result.last) == (8, "INTRODUCTION", "mars 1925")
    assert result.sentences >= 15
    assert result.summary().startswith("kept 8 paragraphs, ")
    assert "'INTRODUCTION'" in result.summary() and "'mars 1925'" in result.summary()


def test_cli_fetch_prints_what_it_kept(corpora_root, server, monkeypatch):
    from click.testing import CliRunner

    from alignment.cli import main

    monkeypatch.setenv("ALIGNMENT_SERGE_1926_SRC_URL", server.url("/repression.htm"))
    result = CliRunner().invoke(main, ["corpus", "--corpora", str(corpora_root), "fetch",
                                       "serge-1926"])
    assert result.exit_code == 0, result.output
    assert "kept 8 paragraphs" in result.output and "'mars 1925'" in result.output


UNRELATED = {
    "english": ("It was a bright cold day in the village, and the bridge was being rebuilt by "
                "the men who had come from the quarry. " * 20),
    "too short": "Une seule phrase, bien française, qui ne peut pas être toute une préface.",
}


def test_a_first_file_far_too_short_is_kept_with_a_warning(serge, tmp_path):
    path = tmp_path / "other.txt"
    path.write_text(UNRELATED["too short"], encoding="utf-8")
    result = fetch_side(serge, "src", file=path)
    assert any("characters and the other side" in w for w in result.warnings), result.warnings
    assert side_path(serge, serge.src).is_file()


@pytest.mark.parametrize("how", ["file", "cli"])
def test_a_first_file_in_another_language_is_refused_unless_forced(serge, corpora_root, tmp_path,
                                                                    how):
    """The English translation given as the French original by mistake: nothing is kept
    (it would have been every later alignment's "French original"), unless forced."""
    path = tmp_path / "other.txt"
    path.write_text(UNRELATED["english"], encoding="utf-8")
    if how == "cli":
        message = _error_line(_cli("corpus", "--corpora", corpora_root, "fetch", "serge-1926",
                                   "--file", path))
    else:
        with pytest.raises(FetchError) as info:
            fetch_side(serge, "src", file=path)
        message = str(info.value)
    assert "\n" not in message and "refused" in message and "looks like language 'en'" in message
    assert "nothing was kept" in message and "--force to take it anyway" in message
    assert not side_path(serge, serge.src).exists()
    result = fetch_side(serge, "src", file=path, force=True)
    assert any("looks like language 'en'" in w for w in result.warnings), result.warnings
    assert side_path(serge, serge.src).read_text(encoding="utf-8").startswith("It was a bright")


def test_a_plausible_file_gives_no_warning(serge, tmp_path):
    fetch_side(serge, "src", file=DATA / "page-fixture.htm")
    path = tmp_path / "intro.txt"
    path.write_text(fetched_text(serge), encoding="utf-8")
    assert fetch_side(serge, "src", file=path).warnings == ()


# ---------------------------------------------------------------- issue 10: hostile servers

@pytest.mark.parametrize("trickle", ["body", "headers"])
def test_a_trickling_server_is_cut_off(serge, server, trickle):
    server.routes["/slow.htm"] = Route(trickle=trickle)
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1 s"):
        fetch_side(serge, "src", url=server.url("/slow.htm"), timeout=1)
    assert time.monotonic() - started < 3


def test_a_redirect_to_another_scheme_is_refused(serge, server):
    server.routes["/moved.htm"] = Route(302, b"", {"Location": "ftp://127.0.0.1/repression.htm"})
    with pytest.raises(FetchError, match="only http.*redirects") as info:
        fetch_side(serge, "src", url=server.url("/moved.htm"))
    assert "\n" not in str(info.value)


def test_an_http_redirect_is_followed(serge, server):
    server.routes["/moved.htm"] = Route(301, b"", {"Location": "/repression.htm"})
    fetch_side(serge, "src", url=server.url("/moved.htm"))
    assert "premier paragraphe" in fetched_text(serge)


@pytest.mark.parametrize("url", ["http://[::1", "http://", "http://127.0.0.1:99999/x",
                                 "https://exa mple.org/", "http://127.0.0.1:1/\x00"])
def test_malformed_urls_are_one_line_errors(serge, url):
    with pytest.raises(FetchError) as info:
        fetch_side(serge, "src", url=url, timeout=2)
    assert "\n" not in str(info.value) and "--file" in str(info.value)


def test_cli_malformed_url_is_one_error_line(corpora_root):
    from click.testing import CliRunner

    from alignment.cli import main

    result = CliRunner().invoke(main, ["corpus", "--corpora", str(corpora_root), "fetch",
                                       "serge-1926", "--url", "http://[::1"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: http://[::1: not a valid URL")

# ---------------------------------------------------------------- QA: the corpus's own files

FR_PAIR = "Le pont enjambe la Vire depuis 1702.\nIl compte sept arches.\n"
EN_PAIR = "The bridge has spanned the Vire since 1702.\nIt has seven arches.\n"
#: The English side of the "web" corpus: about as long as the fixture page's kept section.
EN_WEB = ("The first paragraph of the test tells of a bridge, a river and a long road. "
          "The lamps of the quay light up one after the other in the evening.\n\n") * 9


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_corpus(root: Path, cid: str, src: dict[str, str], tgt: dict[str, str]) -> Path:
    """A corpus folder under `root`: a side given with 'text' is bundled (its file written,
    its sha256 in the manifest), one given with 'url' is fetched."""
    folder = root / cid
    folder.mkdir(parents=True)
    lines = [f'id = "{cid}"', f'title = "{cid}"', 'languages = ["fr", "en"]']
    for name, spec, lang in (("src", src, "fr"), ("tgt", tgt, "en")):
        lines += ["", f"[{name}]", f'lang = "{lang}"']
        if "text" in spec:
            data = spec["text"].encode("utf-8")
            (folder / f"{lang}.txt").write_bytes(data)
            lines += [f'file = "{lang}.txt"', f'sha256 = "{_sha(data)}"']
        else:
            lines += [f'url = "{spec["url"]}"', 'section = "INTRODUCTION"', 'end = "mars 1925"']
    (folder / "corpus.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(f"# {cid}\n", encoding="utf-8")
    return folder


@pytest.fixture()
def small_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two small corpora in tmp: 'pair' (both sides bundled) and 'web' (French fetched,
    English bundled), with the cache in its default place."""
    root = tmp_path / "small"
    _write_corpus(root, "pair", {"text": FR_PAIR}, {"text": EN_PAIR})
    _write_corpus(root, "web", {"url": "http://127.0.0.1:9/none.htm"}, {"text": EN_WEB})
    monkeypatch.delenv("ALIGNMENT_CORPORA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))   # fetched sides go there
    monkeypatch.delenv("ALIGNMENT_WEB_SRC_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    return root


def _cli(*args: str):
    from click.testing import CliRunner

    from alignment.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def _error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_the_real_manifests_match_the_real_files():
    """Read-only: every bundled side of corpora/ passes the check that builds make."""
    from alignment.corpora import check_bundled

    for corpus in list_corpora():
        for side in (corpus.src, corpus.tgt):
            if side.file:
                assert side.sha256, f"{corpus.id} {side.side}: no sha256 in the manifest"
                check_bundled(corpus, side)


@pytest.mark.parametrize("target", ["pair/en.txt", "pair/fr.txt", "pair/corpus.toml",
                                    "pair/README.md", "link-to-en.txt"])
@pytest.mark.parametrize("option", ["-o", "--tsv", "--tmx", "--html", "-o+overwrite"])
def test_build_refuses_to_write_over_a_file_of_the_corpus(small_root, tmp_path, option, target):
    (tmp_path / "link-to-en.txt").symlink_to(small_root / "pair" / "en.txt")
    path = small_root / target if target.startswith("pair/") else tmp_path / target
    before = _snapshot(small_root)
    args = ["corpus", "--corpora", small_root, "build", "pair", "--embedder", "hashing", "-q"]
    if option == "-o+overwrite":
        args += ["-o", path, "--overwrite-edited"]
    elif option == "-o":
        args += ["-o", path]
    else:
        args += ["-o", tmp_path / "out.po", option, path]
    line = _error_line(_cli(*args))
    assert "is a file of corpus pair" in line and "choose another file" in line
    assert _snapshot(small_root) == before
    assert not (tmp_path / "out.po").exists()


@pytest.mark.parametrize("cache_env", [False, True])
@pytest.mark.parametrize("name", ["src.txt", "src.json"])
def test_build_refuses_to_write_over_the_cached_side(small_root, tmp_path, monkeypatch,
                                                     cache_env, name):
    if cache_env:
        monkeypatch.setenv("ALIGNMENT_CORPORA_CACHE", str(tmp_path / "elsewhere"))
    web = load_corpus("web", small_root)
    fetch_side(web, "src", file=DATA / "page-fixture.htm")
    cached = side_path(web, web.src).with_name(name)
    before = cached.read_bytes()
    line = _error_line(_cli("corpus", "--corpora", small_root, "build", "web", "-q",
                            "--embedder", "hashing", "-o", tmp_path / "w.po", "--tsv", cached))
    assert "is a file of corpus web" in line
    assert cached.read_bytes() == before
    # Control: another file in the cache folder (the app keeps a PO there) is not the corpus's.
    other = cached.with_name("web.po")
    result = _cli("corpus", "--corpora", small_root, "build", "web", "-q", "--embedder",
                  "hashing", "-o", other)
    assert result.exit_code == 0, result.output
    assert other.is_file() and cached.read_bytes() == before


BUNDLED_DAMAGE = {
    "a line appended": lambda data: data + b"One more line.\n",
    "overwritten by a TSV": lambda data: b"fr\ten\nLe pont\tThe bridge\n",
    "one letter changed": lambda data: data.replace(b"seven", b"Seven"),
    "CRLF line ends": lambda data: data.replace(b"\n", b"\r\n"),
    "emptied": lambda data: b"",
}


@pytest.mark.parametrize("side", ["src", "tgt"])
@pytest.mark.parametrize("damage", list(BUNDLED_DAMAGE))
def test_a_bundled_side_that_differs_from_its_manifest_is_refused(small_root, fake_embedder,
                                                                  side, damage):
    corpus = load_corpus("pair", small_root)
    path = side_path(corpus, corpus.side(side))
    if side == "src" and damage == "one letter changed":
        path.write_bytes(path.read_bytes().replace(b"sept", b"Sept"))
    else:
        path.write_bytes(BUNDLED_DAMAGE[damage](path.read_bytes()))
    actual = _sha(path.read_bytes())
    with pytest.raises(CorpusError, match="differs from its manifest") as info:
        build_corpus("pair", embedder=fake_embedder, root=small_root)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert "restore it" in message and f'sha256 = "{actual}"' in message
    # Someone who changed the text on purpose records its new checksum, as the error says.
    manifest = path.parent / "corpus.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        corpus.side(side).sha256, actual), encoding="utf-8")
    if damage != "emptied":
        build_corpus("pair", embedder=fake_embedder, root=small_root)
    else:
        with pytest.raises(CorpusError, match="empty|no text"):
            build_corpus("pair", embedder=fake_embedder, root=small_root)


def test_cli_build_of_a_damaged_corpus_is_one_error_line(small_root, tmp_path):
    """The QA sequence: a bundled text overwritten, then a build that must not go through."""
    en = small_root / "pair" / "en.txt"
    en.write_text("fr\ten\n", encoding="utf-8")
    line = _error_line(_cli("corpus", "--corpora", small_root, "build", "pair", "-q",
                            "--embedder", "hashing", "-o", tmp_path / "s2.po"))
    assert f"{en} differs from its manifest" in line and "restore it" in line
    assert not (tmp_path / "s2.po").exists()


def test_a_real_corpus_in_the_checkout_says_git_checkout(tmp_path, monkeypatch):
    """The hint names the git command for a file of the checkout (read-only here: the check
    is made against a manifest whose checksum is altered, the file is untouched)."""
    from dataclasses import replace as dc_replace

    from alignment.corpora import check_bundled

    sample = load_corpus("sample")
    side = dc_replace(sample.tgt, sha256="0" * 64)
    with pytest.raises(CorpusError, match=r"git -C .* checkout -- corpora/sample/en.txt"):
        check_bundled(sample, side)


# ---------------------------------------------------------------- QA: a fetched side that does not fit

NOT_THE_SIDE = {
    "english": ("<html><body><h2>INTRODUCTION</h2><p>This is a stand-in test page written in "
                "English, not the real text. The postman comes every morning at nine, and the "
                "bridge over the river was rebuilt by the men who came from the quarry.</p>"
                "<p>Paris, mars 1925</p></body></html>", "looks like language 'en'"),
    "too short": ("<html><body><h2>INTRODUCTION</h2><p>Une seule phrase, bien française, qui "
                  "ne peut pas être toute une préface.</p><p>Paris, mars 1925</p></body></html>",
                  "characters and the other side"),
    "too long": ("<html><body><h2>INTRODUCTION</h2>" + "<p>Le pont de pierre enjambe la rivière "
                 "depuis trois siècles, et les habitants du village le traversent chaque jour "
                 "pour aller au marché de la ville voisine.</p>" * 60 +
                 "<p>Paris, mars 1925</p></body></html>", "characters and the other side"),
}


def _cached(corpus) -> tuple[bytes, bytes]:
    path = side_path(corpus, corpus.src)
    return path.read_bytes(), path.with_suffix(".json").read_bytes()


@pytest.mark.parametrize("how", ["file", "url", "cli"])
@pytest.mark.parametrize("name", list(NOT_THE_SIDE))
def test_a_text_that_is_not_the_side_is_refused_and_the_cache_kept(small_root, tmp_path, server,
                                                                   how, name):
    web = load_corpus("web", small_root)
    fetch_side(web, "src", file=DATA / "page-fixture.htm")
    good = _cached(web)
    page, reason = NOT_THE_SIDE[name]
    path = tmp_path / "other.htm"
    path.write_text(page, encoding="utf-8")
    server.routes["/other.htm"] = Route(body=page.encode("utf-8"),
                                        headers={"Content-Type": "text/html; charset=utf-8"})
    if how == "cli":
        message = _error_line(_cli("corpus", "--corpora", small_root, "fetch", "web",
                                   "--file", path))
    else:
        kwargs = {"file": path} if how == "file" else {"url": server.url("/other.htm")}
        with pytest.raises(FetchError) as info:
            fetch_side(web, "src", **kwargs)
        message = str(info.value)
    assert "\n" not in message and "refused" in message and reason in message
    assert "the cached copy is kept" in message and "--force" in message
    assert _cached(web) == good
    # Forced, it is taken, and the reasons stay as warnings.
    if how == "cli":
        result = _cli("corpus", "--corpora", small_root, "fetch", "web", "--file", path,
                      "--force")
        assert result.exit_code == 0, result.output
        assert reason in result.output and "differs from the one recorded" in result.output
    else:
        result = fetch_side(web, "src", force=True, **kwargs)
        assert any(reason in w for w in result.warnings), result.warnings
    assert _cached(web)[0] != good[0]


@pytest.mark.parametrize("name", list(NOT_THE_SIDE))
def test_a_forced_text_that_is_not_the_side_is_refused_as_a_replacement(small_root, tmp_path,
                                                                        name):
    """A first fetch destroys nothing: it is taken, with warnings (forced where the language
    is another); the next one that does not fit is refused, and the forced copy stays."""
    web = load_corpus("web", small_root)
    path = tmp_path / "other.htm"
    path.write_text(NOT_THE_SIDE[name][0], encoding="utf-8")
    first = fetch_side(web, "src", file=path, force=name == "english")
    assert any(NOT_THE_SIDE[name][1] in w for w in first.warnings), first.warnings
    kept = _cached(web)
    with pytest.raises(FetchError, match="refused.*the cached copy is kept.*--force"):
        fetch_side(web, "src", file=path)
    assert _cached(web) == kept


def test_another_edition_is_still_only_a_warning(small_root, tmp_path):
    web = load_corpus("web", small_root)
    fetch_side(web, "src", file=DATA / "page-fixture.htm")
    page = tmp_path / "edition2.htm"
    page.write_bytes(PAGE.replace(b"deux phrases", b"trois phrases"))
    result = fetch_side(web, "src", file=page)
    assert len(result.warnings) == 1 and "differs from the one recorded" in result.warnings[0]
    assert "trois phrases" in side_path(web, web.src).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, body, message", [
    ("roman.fr.html", "<html><body><h1>Roman</h1><p>Il était une fois un roman.</p></body></html>",
     "roman.fr.html does not hold the section headed 'INTRODUCTION'"),
    ("noend.htm", "<html><body><h2>INTRODUCTION</h2><p>Un paragraphe.</p><p>Paris, printemps"
     "</p></body></html>", "noend.htm holds the section 'INTRODUCTION' but not its end line "
     "'mars 1925'"),
    ("noend.txt", "INTRODUCTION\n\nUn paragraphe.\n\nParis, printemps\n",
     "noend.txt holds the section 'INTRODUCTION' but not its end line 'mars 1925'"),
])
def test_a_saved_file_without_the_section_says_so(small_root, tmp_path, name, body, message):
    web = load_corpus("web", small_root)
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(FetchError) as info:
        fetch_side(web, "src", file=path, source=name)
    text = str(info.value)
    assert text.startswith(message) and "page has changed" not in text and "\n" not in text
    assert "give the whole page saved from http://127.0.0.1:9/none.htm" in text
    assert side_state(web, web.src) == "missing"


# ---------------------------------------------------------------- QA: what a download is

INTRO_TEXT = ("INTRODUCTION\n\nLe premier paragraphe parle d'un pont, d'une rivière et d'une longue "
              "route.\n\nLe second dit que les lampes du quai s'allument une à une le soir.\n\n"
              "mars 1925\n")


def _intro_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in INTRO_TEXT.replace("'", " ").split("\n\n"):
        pdf.multi_cell(0, 6, paragraph.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(4)
    return bytes(pdf.output())


@pytest.mark.parametrize("path, make, content_type, paragraphs", [
    ("/intro.txt", lambda: INTRO_TEXT.encode("utf-8"), "text/plain; charset=utf-8", 4),
    ("/intro.pdf", _intro_pdf, "application/pdf", None),
    ("/intro", _intro_pdf, "application/octet-stream", None),   # no suffix: the bytes say PDF
])
def test_a_download_is_read_as_what_it_is_not_always_as_html(small_root, server, path, make,
                                                             content_type, paragraphs):
    """Every download was read as HTML: a plain-text file became one paragraph (its heading
    glued to the first sentence), a PDF was refused as 'binary data' while the message listed
    PDF among the formats to give."""
    server.routes[path] = Route(body=make(), headers={"Content-Type": content_type})
    web = load_corpus("web", small_root)
    result = fetch_side(web, "src", url=server.url(path), force=True)
    assert result.first == "INTRODUCTION" and "lampes du quai" in result.path.read_text("utf-8")
    assert result.paragraphs == (paragraphs or result.paragraphs) > 1, result.summary()
