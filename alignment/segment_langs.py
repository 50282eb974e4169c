"""Sentence-end rules of particular languages, beside segment.py's general ones (part of the
segment stage): the abbreviations pysbd misses in Polish and Russian, the ends it misses in
Russian, Chinese typed with half-width stops, the ends after closing quotes in Chinese and
Japanese and none inside a quotation that is part of a sentence (`quoted_cuts`), Dutch and
Italian elided words, abbreviations that go on only into a number, Thai abbreviations ('พ.ศ.',
'ดร.': Thai ends no sentence with a stop, but for a clock time's 'น.', thai.py), clock times with
a.m. and p.m., and the speech tags of Chinese, Korean, Arabic and Thai, which have no letter
case to tell them by.

Kept apart so that segment.py reads as the general rule; each rule here is tested by a table
of its language's sentences (tests/test_segment_langs.py, tests/test_segment_abbreviations*.py),
and none changes French; of German, streets and 'Tel.' before a number ('Hauptstr. 5'); of
English, only a clock time opening a sentence ('At 11 p.m. Minsu comes back home.').
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .thai import ABBREVIATION as THAI_ABBREVIATION
from .thai import SPEECH_TAG as THAI_SPEECH_TAG

# ... and for languages whose candidates pysbd vets (a key in ABBREVIATIONS would switch it off):
# pysbd lists some of these but cuts after them before a capital or a number ("przy ul. Długiej");
# those in BEFORE_NUMBER go on only into a number ('ok. 5 zł', 'godz. 10'), for they also end
# sentences ('Wykład trwał 2 godz. Potem...', 'Było to ok. Potem...')
VETTED_ABBREVIATIONS = {
    "pl": {"ul", "al", "pl", "m.in", "tzw", "np", "tj", "tzn", "wg", "mgr", "inż", "ks", "św",
           "gen", "płk", "kpt", "im", "woj", "hab", "rozdz"},
    # 'напр.' (for instance), 'ср.' (compare), 'т.н.' (so-called), 'т.е.' (that is), 'т.к.'
    # (since), 'т.о.' (thus): no Russian word they could end. Not 'др.': 'и др.' ends one
    "ru": {"напр", "ср", "т.н", "т.е", "т.к", "т.о"},
}
# 's. 12': page 12; 'str. 12' (strona) and 'rys. 3' (figure; 'rys' is a feature too)
BEFORE_NUMBER = {"pl": {"ok", "godz", "nr", "tel", "ur", "zm", "s", "str", "rys"},
                 "ru": {"рис", "гл", "табл", "илл"},   # 'рис. 3' (figure 3); 'рис.' is rice too
                 # ... and in languages with curated lists (segment_abbreviations), words that
                 # end sentences too or are too rare to be sure of: 'Tel. 030 123', 'aprox. 5',
                 # 'ong. 5' (ongeveer), 'pag. 12', Turkish 's. 12' (sayfa), Italian 'via Roma
                 # n. 12' (numero; 'nr.' goes on everywhere in Dutch and German: ABBREVIATIONS)
                 "de": {"tel"}, "pt": {"aprox"}, "nl": {"ong", "pag"}, "tr": {"s"},
                 "it": {"n", "nr"}}
# ... and into a Roman numeral too, in languages whose curated lists (ABBREVIATIONS)
# would make them go on everywhere: 'el art. 5', 'nel sec. XIX', 'no séc. XIX', but 'el pop
# art. Luego', 'dura 30 sec. Poi'
BEFORE_NUMERAL = {"es": {"art", "arts"}, "it": {"art", "sec", "secc"}, "pt": {"art", "séc", "sécs"},
                  "nl": {"art"}}
_ROMAN = re.compile(r"[IVXLC]+\b")
# Dutch and German streets: 'Kerkstr. 5' (straat), 'Hauptstr. 5', 'Goethe-Str. 7', 'Berliner
# Str. 5' (Straße) go on into the house number; 'Er wohnt in der Hauptstr. Das ist' ends one
_STREET = re.compile(r"[\w-]*str")
_HOUSE_NUMBER = re.compile(r"(?:^|\s)[\w-]*[sS]tr\. \d{1,3}\.$")


def house_number(left: str, lang: str) -> bool:
    """Does `left` end with a German street's house number and a stop ('in der Goethestr. 7.')?
    That number is no ordinal (segment._goes_on): 'Goethestr. 7. Schön.' ends one."""
    return lang == "de" and bool(_HOUSE_NUMBER.search(left))


# ... spaced ('т. е. Иван'); 'т. д.' and 'т. п.' end sentences (_RU_ETC)
_RU_SPACED = re.compile(r"(?:^|\s)[тТ]\. [енко]\.$")
# 'им.' (имени, 'named after') before a name in the genitive or an initial ('библиотека им.
# Ленина', 'им. М. В. Ломоносова', 'завод им. 1 Мая'); the pronoun им ('them', 'him') ends
# sentences ('Он гордился им. Она тоже.'), whose next word is seldom a genitive name
_RU_NAMED = re.compile(r"[А-ЯЁ]\.|\d|[«\"„“]|[А-ЯЁ][а-яё]*(?:[бвгджзклмнпрстфхцчшщ][ая]|[ое]го|[ыи]х)\b")
_RU_OPENERS = re.compile(r"(?:Она|Эта|Вся|Моя|Твоя|Наша|Ваша|Своя|Тогда|Когда|Иногда|Никогда"
                         r"|Всегда|Сначала|Снова|Сперва|Туда|Сюда|Куда|Отсюда|Оттуда)\b")


def vetted_goes_on(word: str, right: str, lang: str, left: str = "") -> bool:
    """Does the sentence go on after the abbreviation `word` (which `left` ends with, its
    stop too) into `right`?"""
    if lang == "ru" and (_RU_SPACED.search(left) or word == "им" and bool(_RU_NAMED.match(right))
                         and not _RU_OPENERS.match(right)):
        return True
    if word in BEFORE_NUMERAL.get(lang, ()) and (right[:1].isdigit() or _ROMAN.match(right)):
        return True
    if lang in ("nl", "de") and _STREET.fullmatch(word) and right[:1].isdigit():
        return True
    if lang == "th" and THAI_ABBREVIATION.search(left):  # 'พ.ศ. 2568', 'ดร. สมศรี'
        return True
    return word in VETTED_ABBREVIATIONS.get(lang, ()) or \
        word in BEFORE_NUMBER.get(lang, ()) and right[:1].isdigit()


# Italian elides the article before a title as before any word ("l'avv. Neri", "dell'ing.
# Rossi", "L'on."): the abbreviation is the part after the apostrophe
_IT_ELIDED = re.compile(r"^\w+['’](?=\w)")


def without_article(word: str, lang: str) -> str:
    """`word` (segment._last_word's, lower case) without an elided article before it, in
    Italian; as it is in other languages (French 'l'art.' is a word that ends sentences)."""
    return _IT_ELIDED.sub("", word) if lang == "it" else word


# A clock time with a.m. or p.m. ('9 p.m.', Spanish '10 a. m.') ends sentences ('We met at 9
# a.m. Then we left.'), but where it opens the sentence (two words before its number at most)
# a capital after it is a name's ('At 11 p.m. Minsu comes back home.'), as after a year
# opening a Russian sentence (_RU_YEAR)
_CLOCK = re.compile(r"(?:^|\s)(\S*\d)[ \u00a0]?[aApP]\. ?[mM]\.$")
_CLAUSE_STOP = re.compile(r"[.!?…:;][\"'»”’)\]]*\s")
_CLOCK_WORDS = re.compile(r"\S*\d[ \u00a0]?[aApP][mM]\b")
_EARLIER_CLOCK = re.compile(r"(?<=\d)([ \u00a0]?[aApP])\. ?([mM])\.")


def clock_goes_on(left: str) -> bool | None:
    """None when `left` does not end with a clock time and a.m. or p.m.; else whether the
    sentence goes on past it: only when the time opens the sentence."""
    clock = _CLOCK.search(left)
    if clock is None:
        return None
    # an earlier clock's stops end no clause ('from 3 a.m. to 9 a.m. The Governor')
    before = _EARLIER_CLOCK.sub(r"\1\2", left[:clock.start(1)])
    stops = list(_CLAUSE_STOP.finditer(before))
    clause = before[stops[-1].end():] if stops else before
    return len(_CLOCK_WORDS.sub(" ", clause).split()) <= 2   # 'Between 9 a.m. and 5 p.m. Anna


# Sentence ends pysbd misses in Russian: "и т. д. Всё" (etc.), and 'г.' after a year where a
# clause of three words or more leads to it ('Он родился в 1990 г. Потом...'); one that opens
# the sentence goes on ('В 2020 г. Россия приняла...', 'Летом 1812 г. Наполеон...')
_RU_ETC = re.compile(r"(?:^|\s)(?:и т\. ?[дп]|и др|и пр)\.$")
_RU_YEAR = re.compile(r"(?:^|\s)\d{3,4}(?:[–-]\d{2,4})? гг?\.$")
_STOP = re.compile(r"[.!?…]\s")


def pysbd_missed(text: str, cut: int, lang: str) -> bool:
    """A sentence end pysbd refused that is one (Russian only, so far)."""
    if lang != "ru":
        return False
    tail = text[max(0, cut - 30):cut].rstrip()
    if _RU_ETC.search(tail):
        return True
    year = _RU_YEAR.search(tail)
    if year is None:
        return False
    before = text[max(0, cut - 230):max(0, cut - 30) + year.start()]
    stops = list(_STOP.finditer(before))
    clause = before[stops[-1].end():] if stops else before
    return len(clause.split()) >= 3


# Chinese typed with half-width stops ('你来吗?我来了!好的.'): a stop between Han characters
# (or before an opening quote) ends a sentence; none inside numbers, URLs or Latin words, and
# not '...' (an ellipsis, as ……, goes on). With a straight quote after the stop see zh_half_width
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ZH_HALF_STOP = re.compile(rf"(?<=[{_HAN}])(?:[?!]+|\.)(?=[{_HAN}“‘「『《（])")
_ZH_HALF_QUOTE = re.compile(rf"(?<=[{_HAN}])(?:[?!]+|\.)\"(?=[{_HAN}])")
# A quote its speech verb introduced ('她问：“真的吗？”') is no speech tag's: after ！ or ？ a new
# subject (a pronoun) starts a sentence; '他说：“你好！”然后走了' goes on (no subject: same one)
_ZH_COLON_QUOTE = re.compile(r"[：:]“[^“”]*[！？!?]+”(?=[我你他她它您咱])")
# Chinese: a full stop inside closing quotes ends the sentence when a word follows ('出门。”然后'),
# unless it is a speech tag's ('“您好。”他说。': speech_tag); not ！ or ？, often followed by
# one that _SPEECH_TAG does not know ('“不！”她急忙回答。')
_ZH_QUOTE_END = re.compile(r"。+[”’」』]+(?=\w)")
# Japanese: after 。」 ！」 ？」 (or 』, ”, ’) a word or a new quote starts a sentence
# ('「言葉は家です。」ポールは'), but not a quotative particle or a verb of saying, which take the
# quote in ('「はい。」と言った', '「行こう！」って', '「はい。」などと'; と opens a few words), nor a
# particle that makes the quote a noun ('「はい。」は便利だ': before a kanji or katakana; 'では',
# 'もう' open sentences)
_JA_QUOTE_END = re.compile(r"[。！？]+[」』”’]+(?=[「『“\w])(?!と(?!ころ|にかく|ても|もかく|りあえず)|って|など|を"
                           r"|[がはのもにで][\u3400-\u9fff\u30a0-\u30ff]"
                           r"|言|答え|叫|尋ね|たずね|訊|囁|ささや|呟|つぶや|怒鳴|どな)")


# Languages that quote »so« (German, Danish, Czech, Slovak, Slovene, Croatian, Serbian,
# Hungarian inside „…”): « after a stop closes a quotation there, where elsewhere it opens one
# ('»Das macht 139 Euro.« Herr Brandt wurde blass.' was one sentence)
REVERSED_GUILLEMETS = frozenset({"de", "da", "cs", "sk", "sl", "hr", "sr", "hu"})
_REVERSED_END = re.compile(r"[.!?…]+[«›][\"'”’)\]]* +(?=\S)")


def quote_ends(text: str, lang: str) -> set[int]:
    """Sentence starts after closing quotes and half-width stops in Chinese and Japanese,
    which need no space to end a sentence (the general rule cuts at spaces), and after a
    closing « where quotations read »so« (REVERSED_GUILLEMETS)."""
    if lang in REVERSED_GUILLEMETS:
        return {m.end() for m in _REVERSED_END.finditer(text)}
    if lang == "ja":
        return {m.end() for m in _JA_QUOTE_END.finditer(text)}
    if lang != "zh":
        return set()
    return {m.end() for quote in (_ZH_QUOTE_END, _ZH_COLON_QUOTE) for m in quote.finditer(text)} \
        | zh_half_width(text)


def zh_half_width(text: str) -> set[int]:
    """Starts after half-width stops in Chinese (_ZH_HALF_STOP). A straight quote after one
    opens a quotation when an odd number of them stand up to it ('疲惫."酒店': cut before it),
    else closes one: after a full stop the sentence ends ('星期五."星期六'), after ? or ! a
    speech tag follows ('在哪里?"她问'), as after full-width stops."""
    cuts = {m.end() for m in _ZH_HALF_STOP.finditer(text)}
    quotes, seen = 0, 0
    for m in _ZH_HALF_QUOTE.finditer(text):
        quotes, seen = quotes + text.count('"', seen, m.end()), m.end()
        if quotes % 2:
            cuts.add(m.end() - 1)
        elif text[m.start()] == ".":
            cuts.add(m.end())
    return cuts


# Dutch and Afrikaans elided words ("'s Avonds", "'t Is", "'n Man"): the next word takes the capital
_ELISION = re.compile(r"['’][kstn] (?=\w)")


def after_elision(right: str, lang: str) -> str:
    """`right` past a leading elided word in Dutch or Afrikaans, whose case tells nothing."""
    m = _ELISION.match(right) if lang in ("nl", "af") else None
    return right[m.end():] if m else right


# After a quoted question or exclamation English tells the speech tag by its lower case
# ('"Where?" she asked.'); in Korean and Arabic, without case, by its verb: the last word of
# a short clause in Korean ('"어디에요?" 그녀가 물었다.'), the first in Arabic ('«أين؟» سألت السائق.',
# 'فسألها', 'سألته': and, so, and the pronoun asked are part of the word). In Chinese after a
# quoted sentence too ('“您好。”他说。'), a short clause ending in a verb of saying and 。; in
# Thai by the verb after a subject glued to it at most ('“…?” เขาถาม', thai.SPEECH_TAG)
# English: a quoted question or exclamation and a speech tag that opens with a name, its
# capital no sign of a new sentence ('"Wait for me!" Seoyeon said.', '"Why?" Mr. Weston
# asked her.'); one that opens with a pronoun or another opener is one ('"Go!" She ran.',
# '"Help!" Nobody answered.' keeps its cut: 'Nobody' is no name). The tag in lower case
# ('she said', 'said Alice') already goes on (segment._starts_lower).
_EN_SPEECH_VERBS = ("said|asked|cried|replied|answered|shouted|whispered|exclaimed|called|added"
                    "|continued|muttered|murmured|screamed|yelled|remarked|observed|inquired"
                    "|enquired|returned|rejoined|repeated|insisted|explained|protested|demanded"
                    "|pleaded|begged|snapped|retorted|gasped|stammered|sobbed|went on|says|asks"
                    "|cries|replies|answers|shouts|whispers|exclaims|calls|adds|continues|mutters")
_EN_NOT_NAMES = ("The|A|An|He|She|It|They|We|I|You|His|Her|Its|Their|Our|My|Your|This|That|These"
                 "|Those|There|Then|Now|But|And|So|Yet|Or|Nobody|Everybody|Somebody|Everyone"
                 "|Someone|No|Nothing|Everything|All|None|Each|Both|What|Who|Why|How|When|Where")
_EN_SPEECH_TAG = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr|Aunt|Uncle|Sir|Lady|Lord|Captain|Professor)\.? )?"
    rf"(?!(?:{_EN_NOT_NAMES})\b)[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,2}} (?:{_EN_SPEECH_VERBS})"
    rf"(?=[\s.,;:!?]|$)")

_SPEECH_TAG = {
    "en": _EN_SPEECH_TAG,
    "ko": re.compile(r"(?:[^.!?\"”»]*\s)?(?:물었|물어|말했|말하였|대답했|답했|외쳤|소리쳤|속삭였|중얼거렸)"
                     r"[^\s.!?]*[.!?]"),
    "ar": re.compile(r"[وف]?(?:قال|قلت|سأل|أجاب|أجبت|صاح|صرخ|همس|ردّ?|تساءل)(?:ت|وا)?"
                     r"(?:ه|ها|هم|هما|هن|ني|ك|كم|نا)?(?=[\s.،!؟]|$)"),
    "zh": re.compile(r"[^，。！？；：“”「」\s]{0,6}?(?:(?:说|說|问|問|答|喊|叫|嚷)道?"
                     r"|(?:笑|叹|歎|骂|罵|哭|写|寫)道)。"),
    "th": THAI_SPEECH_TAG,   # '“จะไปไหน?” เขาถาม'; without '?' thai.sentence_starts keeps it
    # Hindi ends a short clause with the verb ('“…?” उसने पूछा।', 'माँ ने कहा।'); Hebrew opens
    # it with the verb or a pronoun and the verb ('“…!” קרא יוסי בשמחה.', 'היא שאלה.')
    "hi": re.compile(r"(?:[^\s।.!?\"”]+\s){0,4}(?:पूछ|कह|बोल|चिल्ला|चीख|फुसफुसा|पुकार|बुदबुदा"
                     r"|(?:जवाब|उत्तर) दि)[^\s।.!?]*(?:\s(?:था|थी|थे|दिया|दी|उठा|उठी|पड़ा|पड़ी))?"
                     r"[।.!?]"),
    "he": re.compile(r"(?:(?:הוא|היא|הם|הן|אני|אנחנו)\s)?ו?(?:קרא|קראה|קראו|אמר|אמרה|אמרו|שאל"
                     r"|שאלה|שאלו|ענה|ענתה|ענו|צעק|צעקה|צעקו|לחש|לחשה|הוסיף|הוסיפה|השיב|השיבה"
                     r"|מלמל|מלמלה|התפלא|התפלאה)(?=[\s.,!?]|$)"),
}
# a quoted statement too where the tag is told by its verb alone ('"오늘은 사과가 아주 달아요."
# 할머니가 말했다.', '“मैं ठीक हूँ।” उसने कहा।')
_QUOTED_END = {"zh": ("?", "!", "？", "！", "。"), "ko": ("?", "!", "."), "hi": ("?", "!", ".", "।"),
               "he": ("?", "!", ".")}


def speech_tag(left: str, right: str, lang: str, closers: str) -> bool:
    """Does `right` open the speech tag of the quoted question or exclamation (in Chinese, any
    quoted sentence) `left` ends with (in `closers`, segment.py's closing quotes)? Not in
    Chinese where a colon opened the quote: its speech verb came before it ('她问：“…。”他没有回答。')."""
    tag = _SPEECH_TAG.get(lang)
    ends = _QUOTED_END.get(lang, ("?", "!", "؟", "？", "！"))
    return tag is not None and left[-1] in closers \
        and left.rstrip(closers).endswith(ends) and bool(tag.match(right)) \
        and not (lang == "zh" and _ZH_OPENED_AFTER_COLON.search(left))


_ZH_OPENED_AFTER_COLON = re.compile(r"[：:][“「『][^“”「」『』]*[”」』]+$")
# Chinese and Japanese quotation marks, opening -> closing (“ and ‘ close German quotes, not these)
_CJK_QUOTES = {"「": "」", "『": "』", "“": "”", "‘": "’", "《": "》"}
_CJK_CLOSING = {close: open_ for open_, close in _CJK_QUOTES.items()}
MAX_QUOTE_SENTENCES = 3
MAX_QUOTE_CHARS = 200
_SPACES = re.compile("[ \u00a0]*")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) index of each Chinese or Japanese quotation closed in `text`, nested
    ones too; a closing mark without its opening one (an apostrophe: 'Paul’s') is skipped."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, char in enumerate(text):
        if char in _CJK_QUOTES:
            stack.append((char, k))
        elif char in _CJK_CLOSING:
            opened = [d for d, (mark, _) in enumerate(stack) if mark == _CJK_CLOSING[char]]
            if opened:
                spans.append((stack[opened[-1]][1], k))
                del stack[opened[-1]:]
    return spans


def quoted_cuts(text: str, cuts: set[int], lang: str) -> set[int]:
    """The `cuts` (sentence starts) to drop: those inside a Chinese or Japanese quotation that is
    part of a longer sentence, because it opens after the sentence's first words ('彼は「…。…」',
    '她问：“…？…。”') or the sentence goes on after it ('「…。…」と語った'). A quotation that is a
    sentence of its own (or several) keeps its cuts, as in English, and so does a long one (more
    than MAX_QUOTE_SENTENCES sentences or MAX_QUOTE_CHARS characters): a speech running over
    a page is no sentence, and the encoder's cost grows with a sentence's length."""
    if lang not in ("zh", "ja"):
        return set()
    drop: set[int] = set()
    ordered = sorted(cuts)
    for start, end in quote_spans(text):
        inside = set(ordered[bisect_right(ordered, start):bisect_right(ordered, end)])
        if not inside or len(inside) >= MAX_QUOTE_SENTENCES or end - start + 1 > MAX_QUOTE_CHARS:
            continue
        after = _SPACES.match(text, end + 1).end()
        opens = start in cuts or _SPACES.match(text).end() == start
        if not (opens and (after == len(text) or after in cuts)):
            drop |= inside
    return drop
