"""benchmarks/seed_tally.py: bench_checks.py's --seeds, its seeds read and its table counted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_checks as bc  # noqa: E402
from seed_tally import parse_seeds, table, tally  # noqa: E402

from alignment.types import Finding  # noqa: E402


@pytest.mark.parametrize("text, seeds", [
    ("0", [0]),
    ("3-8", [3, 4, 5, 6, 7, 8]),
    ("0-2,5", [0, 1, 2, 5]),
    ("1, 4-5", [1, 4, 5]),
])
def test_seeds_are_read_as_numbers_and_ranges(text: str, seeds: list[int]) -> None:
    assert parse_seeds(text) == seeds


@pytest.mark.parametrize("text, says", [
    ("5-3", "low to high"),
    ("a-b", "numbers and ranges"),
    ("", "numbers and ranges"),
])
def test_seeds_that_cannot_be_read_say_how_to_write_them(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_seeds(text)


def test_the_command_line_refuses_a_bad_range_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        bc.main(["--seeds", "5-3", "--skip-sample"])
    assert exit_.value.code == 2
    assert "a range runs from low to high" in capsys.readouterr().err


EXPECTED = {"number": "numbers", "name-common": "names"}


def test_a_slip_counts_where_its_own_check_reports_on_its_link() -> None:
    slips = ["", "number", "name-common", "name-common", "", "number"]
    findings = [
        Finding(1, "numbers", "error", "found"),           # number, at warning+
        Finding(2, "names", "info", "found at info"),      # name-common, any level only
        Finding(3, "numbers", "warning", "wrong check"),   # name-common, not by its check
        Finding(0, "names", "warning", "false alarm"),
        Finding(4, "length", "info", "false alarm, info"),
        Finding(4, "names", "info", "another info"),
    ]
    got = tally(7, slips, findings, EXPECTED)
    assert got.seed == 7
    assert got.kinds == (("number", 2, 1, 1), ("name-common", 2, 0, 1))
    assert (got.clean, got.warnings, got.infos) == (2, 1, 2)


def test_the_table_gives_each_seed_and_the_total() -> None:
    a = tally(3, ["number", "", "name-common"], [Finding(0, "numbers", "warning", "x")], EXPECTED)
    b = tally(4, ["number", "number", "", ""], [Finding(1, "numbers", "warning", "x"),
                                                  Finding(2, "names", "warning", "false")], EXPECTED)
    lines = table([a, b])
    assert lines[0].split()[:4] == ["slip", "type", "3", "4"]
    assert lines[1].split() == ["number", "1/1", "1/2", "2/3", "66.7%", "66.7%"]
    assert lines[2].split() == ["name-common", "0/1", "-", "0/1", "0.0%", "0.0%"]
    assert lines[3].split()[:4] == ["warning+", "/1,000", "0.0", "500.0"]
    assert "333.3 per 1,000 clean links (3 in all)" in lines[3]
    assert lines[4].split()[:5] == ["info", "/1,000", "0.0", "0.0", "0.0"]
