"""Abbreviations whose full stop ends no sentence, per language (part of the segment stage).

segment.py asks these tables and goes_on_after whether a candidate sentence end after a
full stop is one. Kept apart from it so that segment.py reads as the general rule, and so
that the word lists a tester extends grow here. A word goes in ABBREVIATIONS only when no
word of the language is spelt like it (then a stop after it never ends a sentence); a word
that is also a word, or a unit after a number, goes on only in its context (goes_on_after;
segment_langs.BEFORE_NUMBER for those that go on only into a number). Each addition has a
row in tests/test_segment_abbreviations*.py, and beside it a sentence end after the same
word that must stay.
"""

from __future__ import annotations

import re

# Words that, written with a final period, nearly always go on: titles before a name,
# and references before a number. "etc." is not here: it often ends a sentence (so does
# German "usw.", "und so weiter"); nor "no" ("No. 5"), a word that ends sentences in English,
# Spanish and Italian ("He said no. Then", "—No. Me quedo"): it is one before a number only
# (NUMBER_ABBREVIATIONS).
COMMON_ABBREVIATIONS = {"e.g", "i.e", "cf", "p", "pp", "vol", "vols", "fig", "ch", "chap",
                        "ca", "c", "vs", "viz", "al", "op", "cit", "ibid", "st", "dr", "prof", "mt",
                        "m", "mm", "mme", "mmes", "mlle", "mlles", "mr", "mrs", "ms", "messrs"}
# A key here also switches pysbd off for the language (segment._split_line)
ABBREVIATIONS = {
    "en": {"gen", "col", "capt", "lt", "sgt", "rev", "hon", "sr", "jr", "esq", "gov", "pres",
           "approx", "ed", "eds", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"},
    "fr": {"me", "mgr", "pr", "ste", "éd", "env", "ex", "t", "art", "av", "bd", "c.-à-d", "p.ex",
           "n°", "mᵐᵉ", "mgr", "r.p", "ms"},
    "de": {"hr", "hrn", "fr", "frl", "z.b", "d.h", "u.a", "bzw", "vgl", "s", "nr", "bd", "evtl",
           "ggf", "sog", "geb", "gest", "jh", "jhd", "med", "phil", "jur", "theol", "abb", "anm",
           "hrsg"},
    # 'Pza. Mayor' (plaza), 'el Gral. Prim' (general)
    "es": {"sr", "sra", "srta", "sres", "dra", "d", "dña", "ud", "uds", "pág", "págs", "cap",
           "núm", "excmo", "ilmo", "vd", "sta", "sto", "avda", "av", "lic", "ing", "pza", "gral"},
    # 'v. Roma' (via), 'il gen. Cadorna', "l'arch. Piano", 'il cav. Rossi'
    "it": {"sig", "sigg", "sig.ra", "dott", "dott.ssa", "on", "pag", "pagg", "cap", "avv", "ing",
           "geom", "v", "gen", "arch", "cav"},
    # 'na Av. Paulista', 'o Eng. Silva', 'o Exmo. Sr.', 'a Profa. Lima', 'o Pe. António' (padre)
    "pt": {"sr", "sra", "srta", "dra", "pág", "cap", "exa", "v.exa", "sto", "sta", "av", "eng",
           "exmo", "exma", "profa", "pe", "gen"},
    "nl": {"dhr", "mevr", "mw", "bijv", "d.w.z", "blz", "nr", "vgl", "jl", "o.a", "resp", "ir"},
    # 'Yrd. Doç. Dr. Ayşe', 'Atatürk Cad. No. 5', 'Bkz. s. 12' (see p. 12), 'Öğr. Gör.' and 'Arş.
    # Gör.' (lecturer, research assistant; 'gör' alone is 'see!': _PAIRED)
    "tr": {"yrd", "doç", "av", "cad", "sok", "mah", "bkz", "öğr", "arş"},
}
NUMBER_ABBREVIATIONS = {"no", "nos"}  # "No. 5", "Nos. 3 and 4"

# Titles that are units after a number: Turkish 'Sn. Ahmet' (Sayın) but '30 sn.' (seconds),
# 'Hz. Ömer' (Hazreti) but '50 Hz.'; Polish 'os. Tysiąclecia' (osiedle) but 'dla 4 os.' (people)
_TITLE_UNLESS_NUMBER = {"tr": {"sn", "hz"}, "pl": {"os"}}
# The second word of a two-word title, itself a word: Polish 'Gen. bryg.' (a brig), 'gen.
# dyw.'; Turkish 'Öğr. Gör.', 'Arş. Gör.' ('Gel ve gör.': come and see)
_PAIRED = {"pl": re.compile(r"(?:^|\s)gen\. (?:bryg|dyw)\.$", re.IGNORECASE),
           "tr": re.compile(r"(?:^|\s)(?:öğr|arş)\. gör\.$", re.IGNORECASE)}
# German firms: 'Müller GmbH & Co. KG' ('bei Müller & Co. Dann' ends one)
_DE_FIRM = re.compile(r"(?:KG|OHG|KGaA)\b")
# A Spanish 'Ed.' is an editorial after 'la' or a city's colon ('la Ed. Planeta', 'Madrid: Ed.
# Cátedra'), or lower case ('3.ª ed. Madrid'); else it may be a name ('Se lo di a Ed. Luego')
_ES_EDITORIAL = re.compile(r"(?:(?:^|\s)[Ll]a\s+Ed|:\s+Ed|(?:^|\s)ed)\.$")


def goes_on_after(word: str, left: str, right: str, lang: str) -> bool:
    """Does the sentence go on after the abbreviation `word` (lower case, no stop) that `left`
    ends with, into `right`, where that takes its context to tell (the notes above)?"""
    before = left.split()[-2:-1]
    if word in _TITLE_UNLESS_NUMBER.get(lang, ()):
        return not (before and before[0][-1:].isdigit())
    paired = _PAIRED.get(lang)
    if paired is not None and paired.search(left):
        return True
    if lang == "de":
        return word == "co" and bool(_DE_FIRM.match(right))
    if lang == "tr":   # 'Ankara Cd. No: 5' (cadde); 'bir CD.' is a disc
        return word == "cd" and not left.endswith("CD.")
    return lang == "es" and word == "ed" and bool(_ES_EDITORIAL.search(left))
