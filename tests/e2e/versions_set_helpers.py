"""What the version-set journeys of QA 2026-12-04 (/tmp/s41/t_ver) share: a set written as
`alignment align -o` writes it, with chosen confidences, opened by its path."""

from __future__ import annotations

from pathlib import Path

from e2e_helpers import settle

from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_io import write_pair_pos, write_set_tmx

FR = ["Le phare de l'île.", "La clé était sous la pierre plate.", "Marie ouvrit la porte du phare.",
      "Le vent soufflait de la mer.", "Elle monta l'escalier en silence."]
EN = ["The island lighthouse.", "The key lay under the flat stone.", "Marie opened the lighthouse door.",
      "The wind blew from the sea.", "She climbed the stairs in silence."]
ES = ["El faro de la isla.", "La llave estaba bajo la piedra plana.", "María abrió la puerta del faro.",
      "El viento soplaba del mar.", "Subió la escalera en silencio."]
IT = ["Il faro dell'isola.", "La chiave era sotto la pietra piatta.", "Maria aprì la porta del faro.",
      "Il vento soffiava dal mare.", "Salì le scale in silenzio."]
NL = ["De vuurtoren van het eiland.", "De sleutel lag onder de platte steen.",
      "Marie opende de deur van de vuurtoren.", "De wind waaide van de zee.",
      "Ze beklom zwijgend de trap."]
DE = ["Der Leuchtturm der Insel.", "Der Schlüssel lag unter dem flachen Stein.",
      "Marie öffnete die Tür des Leuchtturms.", "Der Wind wehte vom Meer.",
      "Sie stieg schweigend die Treppe hinauf."]
TEXTS = {"fr": FR, "en": EN, "es": ES, "it": IT, "de": DE}


def build_set(texts: dict[str, list[str]], confidences: dict[str, dict[int, float]] | None = None):
    """The set of `texts` (original first), each version linked 1-1 at 0.95 but where
    `confidences[name]` says otherwise (link index -> confidence)."""
    confidences = confidences or {}
    versions = tuple(Version(name, name, tuple(Sentence(s) for s in lines))
                     for name, lines in texts.items())
    pairs = [Alignment(tuple(Link((i,), (i,), confidences.get(v.name, {}).get(i, 0.95))
                             for i in range(len(v.sentences)))) for v in versions[1:]]
    return join(versions, pairs, title=versions[0].name)


def write_set(folder: Path, vs, pairs_from=None) -> Path:
    """set.tmx holding `vs`, and beside it the pair POs of `pairs_from` (default: `vs`)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_pair_pos(pairs_from or vs, folder / "set")
    return write_set_tmx(vs, folder / "set.tmx")[0]


def open_set(page, path: Path) -> None:
    """Type the set's path on the start page, Enter, click Open set."""
    box = page.get_by_label("…or the path of a version set (.tmx)")
    box.click()
    page.keyboard.type(str(path))
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name="Open set").click()
    page.locator("div.vs-grid").first.wait_for()
    settle(page)


def sidebar(page):
    return page.locator("section[data-testid='stSidebar']")
