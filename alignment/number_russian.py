"""Russian numbers in their oblique cases, for number_words.OTHER_FORMS.

Part of the check stage (the numbers check reads numbers written out through number_words).
Why: num2words writes the nominative only ('семьдесят'), and a Russian text counts in the
genitive after 'больше', 'около', 'до', 'из' ('больше семидесяти', 'около двухсот'), in the
dative after 'к', 'по', in the instrumental after 'с', 'между': 'больше семидесяти' / 'over
sixty' was no finding. OTHER_FORMS listed the cases of 1-10 only. The forms follow the
grammar's few patterns, so they are made here from the nominatives, folded as number_words
folds a text ('ё' is 'е', 'й' is 'и'); no library declines Russian numbers.
"""

from __future__ import annotations

# 11-20 and 30 end in 'ь': genitive, dative and prepositional '-и', instrumental '-ью'
_SOFT = ("одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
         "семнадцать", "восемнадцать", "девятнадцать", "двадцать", "тридцать")
# 50-80 decline both halves: 'семидесяти', 'семьюдесятью' (the first half's oblique stem)
_TENS = {"пятьдесят": ("пяти", "пятью"), "шестьдесят": ("шести", "шестью"),
         "семьдесят": ("семи", "семью"), "восемьдесят": ("восьми", "восемью")}
# 200-900: the first half's genitive, dative and instrumental stems ('двухсот', 'двумстам',
# 'двумястами', 'двухстах'; 'пятисот', 'пятистам', 'пятьюстами', 'пятистах')
_HUNDREDS = {"двести": ("двух", "двум", "двумя"), "триста": ("трех", "трем", "тремя"),
             "четыреста": ("четырех", "четырем", "четырьмя"), "пятьсот": ("пяти", "пяти", "пятью"),
             "шестьсот": ("шести", "шести", "шестью"), "семьсот": ("семи", "семи", "семью"),
             "восемьсот": ("восьми", "восьми", "восемью"), "девятьсот": ("девяти", "девяти", "девятью")}


def _forms() -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {w: (w[:-1] + "и", w + "ю") for w in _SOFT}
    forms |= {w: (oblique + "десяти", instrumental + "десятью") for w, (oblique, instrumental) in _TENS.items()}
    forms |= {"сорок": ("сорока",), "девяносто": ("девяноста",), "сто": ("ста",)}
    forms |= {w: (gen + "сот", dat + "стам", ins + "стами", gen + "стах")
              for w, (gen, dat, ins) in _HUNDREDS.items()}
    return forms


OBLIQUE: dict[str, tuple[str, ...]] = _forms()
