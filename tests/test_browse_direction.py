"""Each text is laid out in its language's direction, wherever it is drawn: the reader's
cells, Learn's revealed sentence, the HTML export and the learner's handout, the EPUB, the
version set's columns. Under dir="auto" an Arabic sentence that starts with a Latin word
('Google Maps أظهر…', '"merhaba" تعني…', 'UNESCO تدرج…') was laid out left to right."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest

from alignment import browse
from alignment.epub import render_epub
from alignment.export import render_html
from alignment.types import Alignment, Bitext, Link, Sentence, Version
from alignment.versions import join

AR = ("Google Maps أظهر الطريق إلى البازار.", '"merhaba" تعني مرحبًا بالتركية.',
      "UNESCO تدرج المدينة القديمة.")
EN = ("Google Maps showed the way to the bazaar.", '"Merhaba" means hello in Turkish.',
      "UNESCO lists the old city.")


@pytest.mark.parametrize("lang, expected", [
    ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("yi", "rtl"), ("ps", "rtl"),
    ("sd", "rtl"), ("ug", "rtl"), ("dv", "rtl"),
    ("ar-EG", "rtl"), ("fa_IR", "rtl"), ("AR", "rtl"), ("iw", "rtl"),   # region, case, old code
    ("ku-Arab", "rtl"), ("sd-Deva", "auto"), ("az-Arab-IR", "rtl"),     # a script decides
    ("en", "auto"), ("tr", "auto"), ("fr-CA", "auto"), ("und", "auto"), ("", "auto"),
    ("arn", "auto"), ("hea", "auto"),   # not a prefix match: Mapudungun is no Arabic
])
def test_direction_from_the_language(lang, expected):
    from alignment.text_direction import text_dir

    assert text_dir(lang) == expected


def pair(src_lang: str = "en", tgt_lang: str = "ar") -> Bitext:
    src, tgt = (EN, AR) if src_lang == "en" else (AR, EN)
    links = tuple(Link((i,), (i,), 0.95) for i in range(len(EN)))
    return Bitext(tuple(Sentence(t, i) for i, t in enumerate(src)),
                  tuple(Sentence(t, i) for i, t in enumerate(tgt)), Alignment(links),
                  src_lang, tgt_lang)


def directions(markup: str, sentences: tuple[str, ...]) -> set[str]:
    """The dir of the element that holds each of `sentences` (its quotes escaped or not)."""
    out = set()
    for text in sentences:
        found = re.findall(r'<(?:td|div|p|h2|span)\b[^>]*\bdir="(\w+)"[^>]*>(?:<p>)?'
                           + re.escape(text).replace('"', '(?:"|&quot;)'), markup)
        assert found, text
        out.update(found)
    return out


def reader(b: Bitext) -> str:
    return browse.render_rows(b, range(len(b.alignment.links)))


def learn_revealed(b: Bitext) -> str:
    ids = range(len(b.alignment.links))
    return browse.render_rows(b, ids, browse.View(hidden="tgt", revealed=frozenset(ids)))


def epub_text(b: Bitext) -> str:
    book = zipfile.ZipFile(BytesIO(render_epub(b, title="t")))
    return "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))


def handout(b: Bitext) -> str:
    return render_html(b, hide_translation=True)


@pytest.mark.parametrize("render", [reader, learn_revealed, render_html, handout, epub_text])
def test_arabic_opening_with_a_latin_word_is_right_to_left_everywhere(render):
    markup = render(pair())
    assert directions(markup, AR) == {"rtl"}
    assert directions(markup, EN) == {"auto"}   # no language known to be rtl: as before


def test_an_arabic_original_is_right_to_left_too():
    assert directions(reader(pair("ar", "en")), AR) == {"rtl"}
    assert directions(epub_text(pair("ar", "en")), AR) == {"rtl"}


def test_the_version_sets_columns_follow_each_versions_language():
    from views.versions import render_rows

    texts = (Version("en", "en", tuple(map(Sentence, EN))),
             Version("ar", "ar", tuple(map(Sentence, AR))))
    vs = join(texts, [Alignment(tuple(Link((i,), (i,)) for i in range(len(EN))))])
    out = render_rows(vs, range(len(EN)), [0, 1])
    assert directions(out, AR) == {"rtl"} and directions(out, EN) == {"auto"}
