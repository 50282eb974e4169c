"""What the journeys share: the fixture PO's omission, a long text, opening a PO by path,
the reader's table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from test_e2e_browser import settle, upload_pair  # noqa: F401  (the journeys import them from here)

OMISSION = 3  # 0-based link of the fixture PO split into a 1-0 and a 0-1 (drawn hatched)


def open_by_path(page, path: Path) -> None:
    """What a person does: type the path of a PO on the start page, click Open file."""
    box = page.locator(".st-key-po_path input")
    box.fill(str(path))
    box.press("Enter")
    # the Enter's run draws the button anew: until it ends, the page may hold the old one too
    # (CI, once: two 'Open file' buttons, and the click refused as ambiguous)
    once_drawn(page, page.get_by_role("button", name="Open file").click)
    reader_table(page).locator("tr.row").first.wait_for()
    settle(page)  # as a person waits for the page to finish loading


@contextmanager
def drafts_unwritable(home: Path) -> Iterator[None]:
    """Recovery drafts off for the module's server: a file stands where their folder goes (a
    full or read-only disk does the same). The folder is put back after."""
    drafts = home / "xdg" / "alignment" / "drafts"
    kept = drafts.with_name("drafts-kept")
    drafts.parent.mkdir(parents=True, exist_ok=True)
    if drafts.exists():
        drafts.rename(kept)
    drafts.write_text("not a folder")
    try:
        yield
    finally:
        drafts.unlink()
        if kept.exists():
            kept.rename(drafts)


def reader_table(page):
    """The reader's table (the edit panel draws one row in a table of its own above it)."""
    return page.locator("table.al-rows").last


def long_bitext(n: int):
    """A text of n 1-1 links, each sentence numbered (so a lost or shifted link shows)."""
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = tuple(Sentence(f"Le pont numéro {k} enjambe la rivière près du moulin.", k // 6)
                for k in range(n))
    tgt = tuple(Sentence(f"Bridge number {k} spans the river near the mill.", k // 6)
                for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.95) for k in range(n))), "fr", "en")


def save_copy_as(page, copy: Path) -> None:
    """"Save a copy as…", the path typed, Enter, "Save the copy", as a person does."""
    page.get_by_role("button", name="Save a copy as…").click()
    page.locator(".st-key-copy_path input").click()
    page.keyboard.type(str(copy))
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name="Save the copy").click()


def click_download(page, fmt: str):
    """Open the Download menu and click a format, as a person does, once: the files are
    made when the menu opens and each button is a plain link to its file."""
    settle(page)
    page.get_by_role("button", name="Download").click()
    button = page.get_by_role("button", name=fmt, exact=True)
    button.wait_for(state="visible", timeout=60_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    return info.value


def once_drawn(page, act, timeout_s: float = 30.0):
    """`act()`, tried again while it meets a box the page shows twice for a moment (a rerun
    draws it anew while the old one stands): Playwright refuses a strict locator's action or
    check at once, before acting, so trying again clicks or types nothing twice (CI: a click
    on the link's number box met two, after a check had seen one; a wait for a count below two
    was passed between two such moments)."""
    import time

    from playwright.sync_api import Error

    end = time.monotonic() + timeout_s
    while True:
        try:
            return act()
        except Error as exc:
            if "strict mode violation" not in str(exc) or time.monotonic() > end:
                raise
            page.wait_for_timeout(100)


def choose_link(page, n: int) -> None:
    """"Correct a link" (opened unless it is), link n typed in its number box, Enter."""
    from playwright.sync_api import expect

    number = page.get_by_label("Link (the blue row)")
    if not once_drawn(page, number.is_visible):
        page.get_by_text("Correct a link").click()
    once_drawn(page, number.click)
    page.keyboard.press("Control+A")
    page.keyboard.type(str(n))
    page.keyboard.press("Enter")
    once_drawn(page, lambda: expect(number).to_have_value(str(n)))
    settle(page)


# The page's messages to the server (the WebSocket's, Streamlit's only channel) held for `ms`
# from the next one on, then sent in their order: every message of those `ms` (`every`), or only
# the next one, the ones after it going at once. The page's sending is put back as it was.
_HOLD = """([ms, every]) => {
  const send = WebSocket.prototype.send, held = [];
  WebSocket.prototype.send = function (data) {
    if (!held.length) setTimeout(() => {
      if (every) WebSocket.prototype.send = send;
      held.forEach(([socket, message]) => send.call(socket, message));
    }, ms);
    held.push([this, data]);
    if (!every) WebSocket.prototype.send = send;
  };
}"""


def server_hears_late(page, ms: int) -> None:
    """The next click's rerun reaches the server `ms` late, as on a busy machine, where the run
    began a second after the click: until then nothing on the page says that a run is coming."""
    page.evaluate(_HOLD, [ms, False])


def server_hears_together(page, ms: int = 400) -> None:
    """The clicks and keys of the next `ms` reach the server at the same moment, as on a busy
    machine where the server had not begun the first one's run: Streamlit merges the later
    ones into one run."""
    page.evaluate(_HOLD, [ms, True])


def choose_option(page, box, name: str, tries: int = 3) -> None:
    """Choose option `name` of the selectbox `box` (a combobox locator) as a person does: a
    click opens its list, then a click on the option. A click that lands while a rerun redraws
    the sidebar leaves the list shut (a journey waited 45 s for an option never shown, in one
    CI run of several), so the list is opened again, as a person clicks again, before failing.
    So is a list shut again between the option showing and the click on it (in CI the click
    then waited 45 s for an option gone: the rerun that drew the reader was still drawing)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    option = page.get_by_role("option", name=name, exact=True)
    for attempt in range(tries):
        settle(page)
        box.click()
        try:
            expect(option).to_be_visible(timeout=5_000)
            option.click(timeout=5_000)
            return
        except (AssertionError, PlaywrightTimeout):
            if attempt == tries - 1:
                raise
            page.keyboard.press("Escape")
