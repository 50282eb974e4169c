"""Proofread with hundreds of findings: what one rerun draws stays bounded, and paging still
reaches every finding. Why: each finding is a row of four elements the browser lays out anew
at every click, and a page of 200 made a click in Proofread take 4.6 s with ~700 findings."""

from __future__ import annotations

from test_app import checked, env, sample_po, start  # noqa: F401 (env and the fixture it uses)

LINKS = 110   # 55 findings: a full page of 50 and a second page
BUDGET = 300   # elements one rerun of Proofread may draw in the main area


def slipped_po(path, links: int = LINKS) -> None:
    """A PO whose every second translation names another mill number (a 'numbers' error)."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = tuple(Sentence(f"Le moulin numéro {k} tourne au bord du canal.", k // 5)
                for k in range(links))
    tgt = tuple(Sentence(f"Mill number {k + 3 * (k % 2 == 0)} turns beside the canal.", k // 5)
                for k in range(links))
    links_ = tuple(Link((k,), (k,), 0.95) for k in range(links))
    write_po(Bitext(src, tgt, Alignment(links_), "fr", "en"), path)


def jump_links(at) -> list[int]:
    """The links (1-based) of the findings this page lists, by their jump buttons."""
    return [int(b.label.split()[-1]) for b in at.button
            if (b.key or "").startswith("jump_") and not b.key.startswith("jump_d")]


def test_a_page_of_many_findings_draws_a_bounded_page_and_pages_reach_every_one(env):  # noqa: F811
    from views.proofread import PAGE

    path = env / "mills.po"
    slipped_po(path)
    at = start(env)
    at.text_input(key="po_path").input(str(path)).run()
    at.button(key="open_path").click().run()
    at.radio(key="mode").set_value("Proofread").run()
    checked(at)
    at.multiselect(key="p_checks").select("numbers").run()
    wanted = sorted(f.link + 1 for f in at.session_state.findings[1] if f.check == "numbers")
    assert len(wanted) == LINKS // 2
    seen: list[int] = []
    while True:
        drawn = sum(1 for _ in at.main)
        assert drawn <= BUDGET, f"{drawn} elements in one rerun"
        page = jump_links(at)
        assert 0 < len(page) <= PAGE
        seen += page
        step = at.button(key="p_page_next")
        if step.disabled:
            break
        step.click().run()
    assert seen == wanted   # every finding listed once, in order
