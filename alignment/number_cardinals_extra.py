"""Cardinals num2words does not write: Hebrew's masculine forms (it writes the feminine 'שלוש',
and 'שלושה ילדים' / 'five children' said nothing) and Hindi's, which it does not know at all
('तीन' / 'five' said nothing, a tester of Hindi translations).

Part of the check stage (number_words._cardinals reads them beside num2words'). Only words
that are numbers and nothing else: not Hebrew 'שני' (also 'second', and Monday in 'יום שני').
"""

from __future__ import annotations

EXTRA_CARDINALS: dict[str, dict[str, int]] = {
    "he": {"שניים": 2, "שלושה": 3, "ארבעה": 4, "חמישה": 5, "שישה": 6, "שבעה": 7, "תשעה": 9,
           "עשרה": 10},
    "hi": {"दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5, "छह": 6, "छः": 6, "सात": 7, "आठ": 8,
           "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
           "पन्द्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20, "तीस": 30,
           "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90, "सौ": 100},
}
