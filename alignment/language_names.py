"""A language's name, as a table's header row writes it ('Français', 'English', 'Deutsch',
'Englisch'), read as its code.

Part of the store stage, for import_tables.py. Why: a spreadsheet of pairs names its columns
by language in words more often than by code ('Français;English;Note', 'Deutsch<TAB>English'),
and such a row was imported as the first pair. Library, and why: Babel (already a dependency,
CLDR data) knows every language's name in many languages; the names are read in the
encoder's languages and a few more, each of which also gives its own name for itself
('Deutsch', 'Español', '日本語'), once per process (about 0.2 s).
"""

from __future__ import annotations

import functools

# the languages whose names for languages are known: the encoder's and a few more of Europe's
NAMING = ("ar de en es fr it ja ko nl pl pt ru th tr zh zh_Hant "
          "bg ca cs da el fi he hr hu nb ro sk sv uk").split()


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for locale in NAMING:
        for code, name in Locale.parse(locale).languages.items():
            names.setdefault(name.casefold(), code)
    return names


def language_named(cell: str) -> str | None:
    """The language code ('fr', 'en_GB' as Babel writes it) of a cell that is a language's
    name in one of the NAMING languages, any case ('FRANÇAIS'), else None."""
    text = cell.strip().lstrip("\ufeff").strip()
    if not text or len(text) > 40 or any(c.isdigit() for c in text):
        return None
    return _names().get(text.casefold())
