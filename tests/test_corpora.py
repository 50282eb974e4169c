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

from alignment.corpora import (CORPORA_DIR, build_corpus, fetch_side, list_corpora, load_corpus,
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
    assert result.path == serge.path / "cache" / "src.txt"
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
     "page has changed: section 'INTRODUCTION' not found"),
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
    with pytest.raises(FetchError, match="section 'INTRODUCTION' not found"):
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


@pytest.mark.parametrize("name, warning", [("english", "looks like language 'en'"),
                                           ("too short", "characters and the other side")])
def test_an_unrelated_file_does_not_pass_silently(serge, tmp_path, name, warning):
    path = tmp_path / "other.txt"
    path.write_text(UNRELATED[name], encoding="utf-8")
    result = fetch_side(serge, "src", file=path)
    assert any(warning in w for w in result.warnings), result.warnings


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
