"""The reader's rows mark a link that carries a translator note (apply row_mark.patch first)."""

from alignment import browse
from alignment.link_notes import notes_by_link, read_notes

from test_link_notes import NOTE, bitext, po_data


def test_a_row_with_a_note_carries_its_icon_and_the_note_as_its_title():
    text = bitext()
    notes = notes_by_link(text, read_notes(po_data(text, {1: NOTE})))
    rows = browse.render_rows(text, range(4), browse.View(notes=notes))
    noted = [r for r in rows.split("<tr ")[1:] if 'class="note"' in r]
    assert len(noted) == 1 and noted[0].startswith('id="link-2"') and f'title="{NOTE}"' in noted[0]
    assert 'class="note"' not in browse.render_rows(text, range(4))
