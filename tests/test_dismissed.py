"""Findings a person dismissed: the key a dismissal holds on to, the corrections that make
and keep it, the PO, snapshot and draft that carry it, and `alignment check` leaving it out."""

from __future__ import annotations

import json
from dataclasses import replace

import polib
import pytest
from click.testing import CliRunner

from alignment import browse, drafts, snapshot
from alignment.checks import finding_key, only_dismissals_differ, run_checks, split_dismissed
from alignment.cli import main
from alignment.errors import POFormatError
from alignment.po import read_po, write_po
from alignment.types import Alignment, Bitext, Finding, Link, Sentence, Span

SRC = ("Il avait pris forme.", "Publié en 1921.", "Il est parti.", "Paris est loin.")
TGT = ("It bad taken shape.", "Published in 1912.", "He left.", "Paris is far.")


def bitext(*dismissed: tuple[str, ...]) -> Bitext:
    links = tuple(Link((k,), (k,), 0.95, dismissed=dismissed[k] if k < len(dismissed) else ())
                  for k in range(len(SRC)))
    return Bitext(tuple(map(Sentence, SRC)), tuple(map(Sentence, TGT)), Alignment(links), "fr", "en")


def slip(link: int, word: str, check: str = "realword") -> Finding:
    text = TGT[link]
    start = text.index(word)
    return Finding(link, check, "warning", f"'{word}' may be a slip",
                   (Span("tgt", start, start + len(word)),))


@pytest.mark.parametrize("a, b, same", [
    (slip(0, "bad"), slip(0, "bad"), True),
    (slip(0, "bad"), replace(slip(0, "bad"), message="other figures, same words"), True),
    (slip(0, "bad"), slip(0, "taken"), False),                     # other words
    (slip(0, "bad"), slip(0, "bad", "names"), False),               # another check
    (Finding(2, "match", "warning", "cosine 0.09"), Finding(2, "match", "warning", "cosine 0.11"), True),
    (Finding(2, "match", "warning", "x"), Finding(2, "omission", "warning", "x"), False),
])
def test_a_key_is_the_check_and_the_words_pointed_at(a, b, same):
    assert (finding_key(bitext(), a) == finding_key(bitext(), b)) is same


def test_a_key_follows_its_words_into_a_merged_link_and_is_one_short_line():
    b = bitext()
    key = finding_key(b, slip(0, "bad"))
    merged = browse.merge(b, 0)   # 'bad' now sits in a longer link, at the same offset
    moved = Finding(0, "realword", "warning", "", (Span("tgt", 0 + TGT[0].index("bad"),
                                                        TGT[0].index("bad") + 3),))
    assert finding_key(merged, moved) == key
    assert len(key) < 30 and "\n" not in key and key.startswith("realword ")


def test_dismissed_findings_are_split_off_on_their_own_link_only():
    b = bitext()
    found = (slip(0, "bad"), slip(1, "Published"), Finding(2, "match", "warning", "x"))
    b = browse.dismiss(b, 0, finding_key(b, found[0]))
    b = browse.dismiss(b, 3, finding_key(b, found[2]))   # the same check, on another link
    shown, hidden = split_dismissed(b, found)
    assert hidden == (found[0],) and shown == found[1:]


def test_dismiss_restore_undo_and_the_corrections_that_keep_it():
    b = bitext()
    key = finding_key(b, slip(0, "bad"))
    one = browse.dismiss(b, 0, key)
    assert one.alignment.links[0].dismissed == (key,) and not one.alignment.links[0].reviewed
    assert browse.dismiss(one, 0, key).alignment.links[0].dismissed == (key,)   # once only
    assert browse.dismiss(one, 0, key, False) == b
    assert browse.History(b).push(one).undo().current == b
    assert browse.merge(one, 0).alignment.links[0].dismissed == (key,)
    two = browse.dismiss(one, 1, "numbers 0123456789ab")
    assert browse.merge(two, 0).alignment.links[0].dismissed == tuple(sorted((key, "numbers 0123456789ab")))
    parts = browse.split(browse.merge(one, 0), 0)
    assert [x.dismissed for x in parts.alignment.links[:2]] == [(key,), (key,)]


@pytest.mark.parametrize("change, same", [
    (lambda b: browse.dismiss(b, 1, "numbers 0123456789ab"), True),
    (lambda b: browse.mark_reviewed(b, 1), False),        # the confidence check reads it
    (lambda b: browse.edit_target(b, 1, 0, "Published in 1921."), False),
    (lambda b: browse.merge(b, 1), False),
])
def test_only_a_dismissal_keeps_the_findings_of_the_version_before(change, same):
    b = bitext()
    assert only_dismissals_differ(b, change(b)) is same


def test_the_po_keeps_dismissals_one_short_line_each(tmp_path):
    b = browse.dismiss(browse.dismiss(bitext(), 0, "realword 0123456789ab"), 0, "names ba9876543210")
    path = write_po(b, tmp_path / "d.po")
    entry = polib.pofile(str(path))[0]
    assert "dismissed: names ba9876543210\ndismissed: realword 0123456789ab" in entry.comment
    assert read_po(path) == b


def test_a_broken_dismissed_line_names_the_file_and_line(tmp_path):
    path = write_po(browse.dismiss(bitext(), 1, "numbers 0123456789ab"), tmp_path / "d.po")
    text = path.read_text(encoding="utf-8").replace("numbers 0123456789ab", "numbers zz")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(POFormatError, match=r"d\.po.*line \d+.*'#\. dismissed: numbers zz'.*fix or delete"):
        read_po(path)


def test_a_snapshot_keeps_dismissals_and_one_of_format_3_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "1")
    b = browse.dismiss(bitext(), 2, "match 0123456789ab")
    snapshot.store_snapshot("f" * 64, b, origin="written")
    assert snapshot.load_snapshot("f" * 64)[0] == b
    old = _format_3(snapshot._encode(b, "written", "f" * 64), "f" * 64)
    (snapshot.snapshot_dir() / snapshot._name("f" * 64)).write_text(old, encoding="utf-8")
    assert snapshot.load_snapshot("f" * 64) is None   # it lacks the dismissals: the PO is read


def test_a_draft_written_before_dismissals_is_still_recovered(tmp_path):
    b = browse.mark_reviewed(bitext(), 1)
    po = tmp_path / "t.po"
    path = drafts.draft_path(po, tmp_path / "drafts")   # a draft of format 1, as written then
    path.parent.mkdir()
    path.write_text(json.dumps({"format": 1, "po_path": str(po.resolve()),
                                "base_fingerprint": "a" * 64, "changes": 1, "saved_at": 1.0,
                                "bitext": _format_3(snapshot._encode(b, "draft", "a" * 64),
                                                    "a" * 64)}), encoding="utf-8")
    assert drafts.read_draft(po, root=tmp_path / "drafts").bitext == b


def _format_3(text: str, fingerprint: str) -> str:
    """An _encode'd text as the code before dismissals wrote it: five fields a link."""
    payload = json.loads(text.partition("\n")[2])
    payload["links"] = [link[:5] for link in payload["links"]]
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return f"3 {snapshot._check(fingerprint, body)}\n{body}"


def test_check_leaves_dismissed_findings_out_and_says_how_many(tmp_path):
    b = bitext()
    error = next(f for f in run_checks(b, only=["numbers"]) if f.link == 1)
    path = write_po(browse.dismiss(b, 1, finding_key(b, error)), tmp_path / "pairs.po")
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(path), "--only", "numbers", "--no-words"])
    assert result.exit_code == 0, result.output        # a dismissed error fails nothing
    assert "link 2" not in result.stdout
    assert "and 1 dismissed in the app; --dismissed lists them" in result.stderr
    shown = runner.invoke(main, ["check", str(path), "--only", "numbers", "--no-words", "--dismissed"])
    assert shown.exit_code == 0 and shown.stdout.startswith("link 2 [numbers] error (dismissed):")
    data = json.loads(runner.invoke(main, ["check", str(path), "--only", "numbers", "--no-words",
                                           "--dismissed", "--format", "json"]).stdout)
    assert [(d["link"], d["dismissed"]) for d in data] == [(2, True)]
    undismissed = write_po(b, tmp_path / "plain.po")
    assert runner.invoke(main, ["check", str(undismissed), "--only", "numbers", "--no-words"]).exit_code == 1



def test_dismissed_below_the_level_asked_are_counted_with_how_to_list_them(tmp_path):
    """`--dismissed` at the default level listed nothing and said nothing of a dismissed info
    finding, though `--level info` had said '1 dismissed; --dismissed lists them'."""
    b = Bitext((Sentence("Il vient demain."), Sentence("Elle part.")),
               (Sentence("Is he coming tomorrow?"), Sentence("She leaves.")),
               Alignment((Link((0,), (0,), 0.95), Link((1,), (1,), 0.95))), "fr", "en")
    question = next(f for f in run_checks(b, only=["question"]) if f.severity == "info")
    path = write_po(browse.dismiss(b, 0, finding_key(b, question)), tmp_path / "pairs.po")
    args = ["check", str(path), "--only", "question", "--no-words", "--dismissed"]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0 and shown.stdout == ""
    assert "1 more dismissed below --level warning (add --level info to list them)" in shown.stderr
    listed = CliRunner().invoke(main, [*args, "--level", "info"])
    assert listed.stdout.startswith("link 1 [question] info (dismissed):")
    assert "below" not in listed.stderr
