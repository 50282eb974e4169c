"""Bytes -> text: which encoding a file or page is in, decided the way browsers decide.

The order (a simplified WHATWG "encoding sniffing"): a byte order mark; UTF-16 without
a BOM (one byte of each pair nearly constant, or a text of one script); ISO-2022-JP (7-bit,
so valid UTF-8 too, but for its escape sequences); valid UTF-8; a file that mixes UTF-8 and
Latin-1 (read part by part, with a warning); a declared charset (an HTTP header, then an
HTML <meta>); then detection for legacy files.

Why these libraries:
- webencodings (the WHATWG Encoding Standard's label table, kept by the html5lib
  authors): a declared "iso-8859-1", "latin1" or "us-ascii" means windows-1252 on the
  web, and pages of the old web hold ’ – … Œ in bytes 0x80-0x9F under that label.
  Python's own codec for the label would turn them into invisible C1 controls.
- charset-normalizer (well kept, pure Python) for undeclared legacy files; of its close
  candidates we take the one whose letters one language's alphabet explains best, cp1252
  first among equals (`_guess_legacy` says why: its own ranking misreads short Western,
  Polish and Turkish texts).
Valid UTF-8 wins over a declaration: a page saved as UTF-8 by a browser often keeps its
old <meta charset=iso-8859-1>, while legacy text is almost never valid UTF-8 by chance.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF8_OR_HIGH = re.compile(_UTF8_SEQUENCE.pattern + rb"|[\x80-\xff]")
_C0 = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("alignment-cp1252", _latin1_fallback)


def whatwg_encoding(label: str) -> str | None:
    """The Python codec for a charset label as browsers read it ("latin1" -> "cp1252")."""
    import webencodings

    encoding = webencodings.lookup(label.strip())
    if encoding is None or encoding.name == "replacement":
        return None
    return encoding.codec_info.name


def meta_charset(data: bytes) -> str | None:
    """The codec an HTML page's <meta charset> (or http-equiv) names, WHATWG-mapped."""
    match = _META.search(data[:4096])
    return whatwg_encoding(match.group(1).decode("ascii")) if match else None


def _strict(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of each pair (the high byte) takes only a few values.

    Latin, Cyrillic, Greek or Arabic text keeps that byte at 0x00, 0x04, 0x03 or 0x06
    for nearly every character; no 8-bit text looks like that.
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 16:
        return None
    for encoding, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                                ("utf-16-be", sample[0::2], sample[1::2])):
        top = sorted((high.count(b) for b in set(high)), reverse=True)[:2]
        if sum(top) >= 0.9 * len(high) and len(set(low)) > 2 * len(set(high)):
            text = _strict(data, encoding)
            if text is not None and not _C0.search(text):
                return text
    return _utf16_of_one_script(data)


def _utf16_of_one_script(data: bytes) -> str | None:
    """UTF-16 without a BOM in Chinese, Japanese or Korean, whose high bytes take many values:
    the byte order whose text has no control characters and whose letters are one script's
    (`alphabet_fit`); binary data read so is letters of every block. Only tried on bytes
    holding NULs, which no 8-bit text has: such a file was refused as binary."""
    fits = {}
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(data, encoding)
        if text is not None and not _C0.search(text) and sum(c.isalpha() for c in text[:4096]) >= 8:
            fits[encoding] = (alphabet_fit(text[:4096]), text)
    fit, text = max(fits.values(), default=(0.0, None))
    return text if fit >= 0.95 else None


def _mixed_utf8(data: bytes) -> bool:
    """Part UTF-8, part Latin-1: valid UTF-8 sequences beside single bytes that are not.

    Latin-1 letters stand alone between ASCII letters ("déjà"); the multi-byte legacy
    encodings (Shift-JIS, GBK) that also fail as UTF-8 put their high bytes in runs.
    """
    utf8, single, isolated = 0, 0, 0
    for match in _UTF8_OR_HIGH.finditer(data):
        if match.end() - match.start() > 1:
            utf8 += 1
            continue
        single += 1
        before, after = data[match.start() - 1:match.start()], data[match.end():match.end() + 1]
        isolated += before < b"\x80" and after < b"\x80"
    return utf8 >= 2 and single >= 1 and isolated >= 0.8 * single and utf8 >= single / 10


# The letters beyond ASCII of the languages whose texts come in 8-bit code pages (facts of
# their alphabets; Cyrillic and Greek as blocks). A decoding is right when its letters are one
# language's: Polish read as cp1252 writes 'Rozdzia³', Turkish 'yaþlý' (ş ı as Icelandic þ ý).
ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "it": "àèéìíîòóùú",
    "pt": "àáâãçéêíóôõú", "nl": "áéèëïóöü", "pl": "ąćęłńóśźż", "tr": "âçğıîöşûüİ",
    "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "hu": "áéíóöőúüű", "ro": "ăâîșşțţ",
    "hr": "čćđšž", "sl": "čšž", "sv": "åäöé", "da": "æøåé", "fi": "äöå", "ca": "àçéèíïòóúü·",
    "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "et": "äõöüšž", "is": "áðéíóúýþæö",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя", "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
}
# Scripts too large to list, as character ranges: Arabic (with Persian letters and its digits),
# Hebrew, Thai, and Chinese, Japanese and Korean (with the full-width digits and letters their
# texts use). Without them a GBK, EUC-KR or cp1256 file scored 0 and was read as cp1252
# mojibake ('µµÄì¿¡¼ÀÇ ÇÏ·ç') without a word.
_HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# Korean is Hangul syllables (Hanja and lone jamo are rare now) and Japanese is not half-width
# kana: a short Russian or
# Chinese text read in a wrong double-byte code page came out as such mixes ('ﾏ郞鈕戢',
# '乖돨줅앙'), which fitted as well as the right reading.
SCRIPTS = {
    "ar": re.compile("[\u0620-\u064a\u0660-\u0669\u066e-\u06d3\u06f0-\u06f9]"),
    "he": re.compile("[\u05d0-\u05ea]"), "th": re.compile("[\u0e01-\u0e4e\u0e50-\u0e59]"),
    "zh": re.compile(f"[{_HAN}]"),
    "ja": re.compile(f"[{_HAN}\u3040-\u30ff\u31f0-\u31ff]"),
    "ko": re.compile("[\uac00-\ud7a3\uff10-\uff19]"),
}
# a letter of another script than Latin written against a Latin letter: 'D黱 pazara', 'ald齥',
# Turkish read as cp1251 'Эstanbul', 'yaюlэ'
_GLUED = re.compile(r"(?<=[A-Za-z])[^\x00-\u024f]|[^\x00-\u024f](?=[A-Za-z])")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def alphabet_fit(text: str) -> float:
    """The share of a text's letters and digits beyond ASCII that one language's alphabet
    holds (its best language; 1.0 when there are none): how plausible a decoding is. A digit
    there ('³' of 'Rozdzia³') is never explained; punctuation (’ « — …) is every language's."""
    found = [_lower(c) for c in _BEYOND_ASCII.findall(text) if c.isalnum()]
    if not found:
        return 1.0
    glued = [_lower(c) for c in _GLUED.findall(text)]   # explained by no language
    best = max(sum(c in alphabet for c in found) - sum(c in alphabet for c in glued)
               for alphabet in ALPHABETS.values())
    joined = "".join(found)
    best = max(best, *(len(script.findall(joined)) - len(glued) for script in SCRIPTS.values()))
    return best / len(found)


def _lower(c: str) -> str:
    """One letter in lower case ('İ' is 'i̇' to str.lower: kept as written, Turkish's)."""
    low = c.lower()
    return low if len(low) == 1 else c


# Code pages tried when none that charset-normalizer proposes explains the letters: on a title
# it offered only shift_jis_2004 for 'Поездка на дачу' in cp1251 ('ﾏ郞鈕戢 芩 萵')
COMMON_LEGACY = ("cp1254", "cp1250", "cp1251", "cp1256", "gb18030", "euc_kr", "euc_jp", "shift_jis")


def _guess_legacy(data: bytes) -> str | None:
    """Of charset-normalizer's candidates, the one whose letters one language's alphabet
    explains best (`alphabet_fit`); among equals cp1252, then charset-normalizer's order.
    Why: its own ranking put cp1252 within 0.01 of the cp1250 of a Polish text (which the
    earlier rule, cp1252 when within 0.01, then took: 'Rozdzia³') and iso8859-10 over the cp1254
    of a Turkish one ('küįük'); for short Western texts it ranks cp1250 or iso8859-2 first,
    turning "à" into "ŕ", which the alphabets tell apart too."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    close = [m.encoding for m in matches if m.chaos <= matches[0].chaos + 0.1]
    names = list(dict.fromkeys(["cp1252", *close]))
    fits = {n: alphabet_fit(text) for n in names if (text := _strict(data, n)) is not None}
    if max(fits.values(), default=0.0) < 1.0:   # none explains the text: the common pages too
        names += [n for n in COMMON_LEGACY if n not in fits]
        fits |= {n: alphabet_fit(text) for n in names if n not in fits
                 and (text := _strict(data, n)) is not None}
    if not fits:
        return matches[0].encoding
    top = max(fits.values())
    return next(n for n in names if fits.get(n) == top)


def decode_text(data: bytes, *, source: str = "", fmt: str = "text",
                declared: str = "") -> tuple[str, tuple[str, ...]]:
    """Bytes -> (text, warnings); `declared` is a transport charset (an HTTP header's).

    Raises InputError when the bytes look like binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is not None:
                return text, ()
            break
    text = (_utf16_without_bom(data) if b"\x00" in data[:8192] else None) or \
        (_strict(data, "iso2022_jp_2") if b"\x1b$" in data[:8192] else None) or _strict(data, "utf-8")
    if text is not None:
        return text, ()
    if _mixed_utf8(data):
        return data.decode("utf-8", errors="alignment-cp1252"), (
            f"{source or 'input'}: mixes UTF-8 with Latin-1 (windows-1252) bytes; each part was "
            f"read in its own encoding: check accented letters, and save the file as UTF-8",)
    for encoding in ((whatwg_encoding(declared) if declared else None),
                     (meta_charset(data) if fmt == "html" else None)):
        text = _strict(data, encoding)
        if text is not None:
            return text, ()
    if b"\x00" in data:
        raise binary_error(source)
    encoding = _guess_legacy(data)
    if encoding is None:
        raise binary_error(source)
    return data.decode(encoding, errors="replace"), ()


def binary_error(source: str) -> InputError:
    return InputError(f"{source or 'input'}: looks like binary data, not text; give a "
                      f"text, HTML, Markdown, EPUB, DOCX, ODT or PDF file (an old .doc or other "
                      f"format must be saved as one of those first)")


def decode(data: bytes, *, source: str = "", fmt: str = "text") -> str:
    """Bytes -> text (see decode_text); InputError when the bytes look binary."""
    return decode_text(data, source=source, fmt=fmt)[0]
