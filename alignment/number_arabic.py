"""Arabic numbers in words in the forms Arabic writes them: feminine and masculine ('ثلاث' beside
'ثلاثة'), the oblique case ('ثلاثين', 'اثني عشر'), twelve in all four forms ('اثنتا عشرة',
'اثنتي عشرة'), 'و' joined to the next word ('مئتين وخمسين' is 250), and a dual noun alone
('كيلومترين' is 2 kilometres).

Part of the check stage (number_words, number_compounds ask here). Why: num2words writes one
form of each number ('ثلاثة', 'اثنا عشر', 'مئتان و خمسون'), so 'اثنتا عشرة سنة' / '12 years' was
read as 10 ("numbers differ: 12 ... عشرة"), and 'ثلاث ساعات' / '3 hours', 'مئتين وخمسين' / '250',
'كيلومترين' / '2 kilometres' as no number. No library declines Arabic numbers; the forms are
regular, so they are built below from small tables.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from .word_similarity import fold

# 1-10: the form counting a masculine noun, then the others (feminine, oblique)
UNITS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتان", "اثنتين"), 3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"), 5: ("خمسة", "خمس"), 6: ("ستة", "ست"), 7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني", "ثمان"), 9: ("تسعة", "تسع"), 10: ("عشرة", "عشر"),
}
TEENS: dict[int, tuple[str, ...]] = {11: ("أحد عشر", "إحدى عشرة"),
                                     12: ("اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة")}
TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
}
HUNDREDS: dict[int, tuple[str, ...]] = {1: ("مائة", "مئة"), 2: ("مئتان", "مئتين", "مائتان", "مائتين")}
# nouns of measure in the dual, alone: the number two is in their ending
DUALS = ("كيلومترين", "كيلومتران", "مترين", "متران", "ساعتين", "ساعتان", "يومين", "يومان", "سنتين",
         "سنتان", "دقيقتين", "دقيقتان", "شهرين", "شهران", "أسبوعين", "أسبوعان", "كيلوغرامين", "دولارين",
         "دولاران", "ليرتين", "ليرتان", "مرتين", "رجلين", "رجلان", "كتابين", "ليلتين")
# countable nouns in the singular whose dual (nominative -ان, oblique -ين; 'ة' -> 'ت' first)
# is read as 2 too ('قطان' / '2 cats', 'كتابان', 'سيارتين'). Why a list and not any word
# ending in ان: many words end so without being duals ('الآن', 'كان', 'مكان', 'إنسان',
# 'لبنان', 'عمان'), so no noun is listed whose dual is such a word ('عم', 'لبن', 'إنس'); and
# a dual is only looked for where the other side writes 2 (number_words.spelled)
DUAL_NOUNS = ("قط", "قطة", "كلب", "كتاب", "يوم", "شهر", "أسبوع", "عام", "سنة", "ساعة", "دقيقة",
              "ثانية", "ليلة", "مرة", "رجل", "ولد", "بنت", "طفل", "طفلة", "فتاة", "شخص", "صديق",
              "طالب", "طالبة", "لاعب", "بيت", "منزل", "باب", "غرفة", "شارع", "مدينة", "دولة", "قرن",
              "سيارة", "طائرة", "سفينة", "قارب", "حصان", "قلم", "كرسي", "كوب", "فنجان", "تفاحة",
              "بيضة", "سمكة", "كيلومتر", "متر", "كيلوغرام", "غرام", "لتر", "دولار", "ليرة", "دينار",
              "درهم", "ريال", "جنيه", "فصل", "جزء", "هدف", "نقطة", "صفحة", "رسالة", "لغة")
SCALES: dict[str, int] = {"ألف": 1000, "آلاف": 1000, "مليون": 10**6, "ملايين": 10**6}


def _below_hundred(n: int) -> list[str]:
    if n in UNITS:
        return list(UNITS[n])
    if n in TEENS:
        return list(TEENS[n])
    if n < 20:   # 'ثلاثة عشر' (a masculine noun), 'ثلاث عشرة' (a feminine one)
        masculine, feminine = UNITS[n - 10][0], UNITS[n - 10][-1]
        return [f"{masculine} عشر", f"{feminine} عشرة"]
    tens = TENS[n - n % 10]
    if n % 10 == 0:
        return list(tens)
    return [f"{u} {join}{t}" for u, t in product(UNITS[n % 10], tens) for join in ("و", "و ")]


def _hundreds(h: int) -> list[str]:
    if h in HUNDREDS:
        return list(HUNDREDS[h])
    stem = UNITS[h][-1] if h != 8 else "ثمان"
    return [f"{stem}{space}{word}" for space in ("", " ") for word in HUNDREDS[1]]


@lru_cache(maxsize=1024)
def arabic_forms(n: int) -> tuple[str, ...]:
    """The forms of n (1-999) in words, folded: 'اثنتا عشرة', 'مئتين وخمسين'."""
    if not 1 <= n <= 999:
        return ()
    h, rest = divmod(n, 100)
    if not h:
        forms = _below_hundred(rest)
    elif not rest:
        forms = _hundreds(h)
    else:
        forms = [f"{a} {join}{b}" for a, b in product(_hundreds(h), _below_hundred(rest)) for join in ("و", "و ")]
    return tuple(dict.fromkeys(fold(f) for f in forms))


def _dual_forms(noun: str) -> list[str]:
    """The duals of a singular noun, bare and with the article: 'قط' -> 'قطان', 'قطين',
    'القطان', 'القطين'; 'سيارة' -> 'سيارتان', 'سيارتين', ..."""
    stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
    return [f"{article}{stem}{ending}" for article in ("", "ال") for ending in ("ان", "ين")]


@lru_cache(maxsize=1)
def duals() -> tuple[str, ...]:
    """The dual nouns, folded ('كيلومترين' is 2 kilometres, 'قطان' two cats)."""
    built = [w for noun in DUAL_NOUNS for w in _dual_forms(noun)]
    return tuple(dict.fromkeys(fold(w) for w in (*DUALS, *built)))


@lru_cache(maxsize=1)
def arabic_lexicon() -> dict[tuple[str, ...], tuple[str, int]]:
    """number_compounds' lexicon for Arabic: 1-999 in all their forms as word sequences, each
    also with 'و' joined to its first word ('وخمسين' after 'ثلاثة آلاف'), and the scale words."""
    lexicon: dict[tuple[str, ...], tuple[str, int]] = {}
    for n in range(1, 1000):
        for form in arabic_forms(n):
            words = tuple(form.split())
            lexicon.setdefault(words, ("n", n))
            lexicon.setdefault(("و" + words[0],) + words[1:], ("n", n))
    lexicon |= {(fold(w),): ("s", v) for w, v in SCALES.items()}
    return lexicon
