"""Sentence segmentation in Arabic, Chinese, Japanese, Polish, Russian, Dutch and Korean: the
cases testers found split wrongly (direction marks, half-width stops, abbreviations, quotes,
speech tags)."""

from __future__ import annotations

import pytest

from alignment.read import normalize_space
from alignment.segment import split_sentences

RLM, LRM, ALM = "\u200f", "\u200e", "\u061c"

CASES = [
    # direction marks after the stops block no boundary, and stay in the text
    ("ar", f"{RLM}هل أنت بخير؟{RLM} نعم.{RLM} ذهب إلى البيت.",
     [f"{RLM}هل أنت بخير؟{RLM}", f"نعم.{RLM}", "ذهب إلى البيت."]),
    ("ar", f"هل أنت بخير؟ {RLM}نعم. {ALM}ذهب إلى البيت.",
     ["هل أنت بخير؟", f"{RLM}نعم.", f"{ALM}ذهب إلى البيت."]),
    ("ar", f"قال: «نعم.»{RLM} ثم غادر.", [f"قال: «نعم.»{RLM}", "ثم غادر."]),
    ("he", f"פגשתי אותו.{LRM} הוא שמח.", [f"פגשתי אותו.{LRM}", "הוא שמח."]),
    # Chinese with half-width stops: no space needed between Han characters
    ("zh", "你来吗?我来了!好的.", ["你来吗?", "我来了!", "好的."]),
    ("zh", "真的吗?!是的.“走吧。”", ["真的吗?!", "是的.", "“走吧。”"]),
    ("zh", '他很累."酒店在哪里?"她问司机.', ["他很累.", '"酒店在哪里?"她问司机.']),
    ("zh", '她写信："我待到星期五."星期六她走了.', ['她写信："我待到星期五."', "星期六她走了."]),
    # ... but not in numbers, URLs, Latin words, or after an ellipsis
    ("zh", "价格是3.5元,网址www.example.com很好,他说OK.我们走吧.", ["价格是3.5元,网址www.example.com很好,他说OK.我们走吧."]),
    ("zh", "我想...他会来的.", ["我想...他会来的."]),
    # a quote introduced by its speech verb: a new subject after ？” starts a sentence
    ("zh", "她问：“真的吗？”我不知道……", ["她问：“真的吗？”", "我不知道……"]),
    ("zh", "他说：“你好！”然后走了。", ["他说：“你好！”然后走了。"]),
    ("zh", "“真的吗？”她问。", ["“真的吗？”她问。"]),
    # ... and after a quoted sentence, a short speech tag ending in 。 is the quote's
    ("zh", "“您好。”他说。然后走了。", ["“您好。”他说。", "然后走了。"]),
    ("zh", "“好。”保罗回答道。“走吧。”", ["“好。”保罗回答道。", "“走吧。”"]),
    ("zh", "「您好。」他說。", ["「您好。」他說。"]),
    ("zh", "“走吧。”那个老人低声说。", ["“走吧。”那个老人低声说。"]),
    ("zh", "“我走了。”他说完就走了。", ["“我走了。”", "他说完就走了。"]),   # no tag: it goes on
    ("zh", "“走吧。”她知道。", ["“走吧。”", "她知道。"]),
    # Polish abbreviations
    ("pl", "Mieszka przy ul. Długiej 5. Lubi to.", ["Mieszka przy ul. Długiej 5.", "Lubi to."]),
    ("pl", "Byli tam m.in. Jan. Potem wyszli.", ["Byli tam m.in. Jan.", "Potem wyszli."]),
    ("pl", "Kosztuje ok. 5 zł. Tanio.", ["Kosztuje ok. 5 zł.", "Tanio."]),
    ("pl", "To tzw. Nowe Miasto. Ładne.", ["To tzw. Nowe Miasto.", "Ładne."]),
    ("pl", "Np. Adam też. Tak.", ["Np. Adam też.", "Tak."]),
    ("pl", "Spotkanie o godz. 10. Przyjdź.", ["Spotkanie o godz. 10.", "Przyjdź."]),
    ("pl", "Przyleciała w 2026 r. Była zmęczona.", ["Przyleciała w 2026 r.", "Była zmęczona."]),
    # an abbreviation before a number goes on only into one: it ends sentences too (QA 2026-12-04)
    ("pl", "Wykład trwał 2 godz. Potem była przerwa.", ["Wykład trwał 2 godz.", "Potem była przerwa."]),
    ("pl", "Było to ok. Potem poszliśmy do domu.", ["Było to ok.", "Potem poszliśmy do domu."]),
    ("pl", "Było ok. 5 osób.", ["Było ok. 5 osób."]),
    # a year and 'г.' opening a sentence go on into it; after a clause of three words, an end
    ("ru", "В 2020 г. Россия приняла новый закон.", ["В 2020 г. Россия приняла новый закон."]),
    ("ru", "Летом 1812 г. Наполеон вошёл в Москву.", ["Летом 1812 г. Наполеон вошёл в Москву."]),
    ("ru", "В 1941–1945 гг. Советский Союз воевал.", ["В 1941–1945 гг. Советский Союз воевал."]),
    ("ru", "Мы были там. С 1995 г. Петров жил здесь.", ["Мы были там.", "С 1995 г. Петров жил здесь."]),
    ("ru", "Он родился в 1990 г. Потом переехал.", ["Он родился в 1990 г.", "Потом переехал."]),
    # Russian: "г." after a year and "и т. д." end a sentence before a capital (pysbd keeps them)
    ("ru", "Он прилетел в Токио 4 декабря 2026 г. Она провела в пути 12 часов.",
     ["Он прилетел в Токио 4 декабря 2026 г.", "Она провела в пути 12 часов."]),
    ("ru", "Это было в 1941–1945 гг. Война кончилась.", ["Это было в 1941–1945 гг.", "Война кончилась."]),
    ("ru", "См. стр. 5 и т. д. Всё.", ["См. стр. 5 и т. д.", "Всё."]),
    ("ru", "Яблоки, груши и т.п. Потом чай.", ["Яблоки, груши и т.п.", "Потом чай."]),
    ("ru", "Он родился в 1887 г. в Москве. Потом уехал.", ["Он родился в 1887 г. в Москве.", "Потом уехал."]),
    ("ru", "Живёт в г. Москве. Всё.", ["Живёт в г. Москве.", "Всё."]),
    # Russian abbreviations pysbd cuts after before a capital or a number
    ("ru", "Он работал в библиотеке им. Ленина. Потом ушёл.",
     ["Он работал в библиотеке им. Ленина.", "Потом ушёл."]),
    ("ru", "Он учился в МГУ им. М. В. Ломоносова. Потом.",
     ["Он учился в МГУ им. М. В. Ломоносова.", "Потом."]),
    ("ru", "Театр им. Горького закрыт. Потом.", ["Театр им. Горького закрыт.", "Потом."]),
    ("ru", "Он гордился им. Она тоже.", ["Он гордился им.", "Она тоже."]),   # им, the pronoun
    ("ru", "Мы верили им. Потом ушли.", ["Мы верили им.", "Потом ушли."]),
    ("ru", "Есть птицы, напр. Воробьи. Потом.", ["Есть птицы, напр. Воробьи.", "Потом."]),
    ("ru", "Это т.н. Новая школа. Потом.", ["Это т.н. Новая школа.", "Потом."]),
    ("ru", "Он пришёл, т. е. Иван пришёл. Потом.", ["Он пришёл, т. е. Иван пришёл.", "Потом."]),
    ("ru", "Ср. Иванов 1990. Потом.", ["Ср. Иванов 1990.", "Потом."]),
    ("ru", "Это видно на рис. 3. Потом.", ["Это видно на рис. 3.", "Потом."]),
    ("ru", "Он ел рис. Потом ушёл.", ["Он ел рис.", "Потом ушёл."]),
    ("ru", "Яблоки и т. п. Потом чай.", ["Яблоки и т. п.", "Потом чай."]),
    ("ru", "Пришли Иванов, Петров и др. Все сели.", ["Пришли Иванов, Петров и др.", "Все сели."]),
    # Japanese: a quoted sentence ends before a new one, not before と, って or a particle
    ("ja", "先生は言った。「言葉は家です。」ポールはその言葉を覚えた。",
     ["先生は言った。", "「言葉は家です。」", "ポールはその言葉を覚えた。"]),
    ("ja", "「本当？」ポールは驚いた。", ["「本当？」", "ポールは驚いた。"]),
    ("ja", "『はい。』「いいえ！」", ["『はい。』", "「いいえ！」"]),
    ("ja", "「はい。」ところが彼は来なかった。", ["「はい。」", "ところが彼は来なかった。"]),
    ("ja", "「はい。」と言った。次に行った。", ["「はい。」と言った。", "次に行った。"]),
    ("ja", "「行こう！」って彼が言った。", ["「行こう！」って彼が言った。"]),
    ("ja", "「はい。」などと言った。", ["「はい。」などと言った。"]),
    ("ja", "「そうか。」言いながら彼は座った。", ["「そうか。」言いながら彼は座った。"]),
    ("ja", "「こんにちは。」は挨拶です。", ["「こんにちは。」は挨拶です。"]),
    ("ja", "「はい。」では、始めよう。", ["「はい。」", "では、始めよう。"]),
    # Dutch elided words: the word after them takes the capital
    ("nl", "Het was laat. 's Avonds kwam hij thuis.", ["Het was laat.", "'s Avonds kwam hij thuis."]),
    ("nl", "Hij lachte. 't Is goed.", ["Hij lachte.", "'t Is goed."]),
    ("nl", "Hij kwam. 's avonds laat.", ["Hij kwam. 's avonds laat."]),
    # a quoted question and its speech tag, told by the verb in languages without case
    ("ko", '"호텔은 어디에 있어요?" 그녀가 운전사에게 물었다. 그가 답했다.',
     ['"호텔은 어디에 있어요?" 그녀가 운전사에게 물었다.', "그가 답했다."]),
    ("ko", "“가자!” 그가 외쳤다.", ["“가자!” 그가 외쳤다."]),
    ("ko", '"호텔은 어디에 있어요?" 그녀는 피곤했다.', ['"호텔은 어디에 있어요?"', "그녀는 피곤했다."]),
    ("ar", "«أين الفندق؟» سألت السائق.", ["«أين الفندق؟» سألت السائق."]),
    ("ar", "«أين الفندق؟» كانت متعبة جدًا.", ["«أين الفندق؟»", "كانت متعبة جدًا."]),
    # the pronoun asked, and 'and'/'so', are written in the verb
    ("ar", "«هل ستبقى عندنا طويلاً؟» سألته.", ["«هل ستبقى عندنا طويلاً؟» سألته."]),
    ("ar", "«هل ستبقى؟» فسألها أحمد. ثم ذهب.", ["«هل ستبقى؟» فسألها أحمد.", "ثم ذهب."]),
    ("ar", "«هل ستبقى؟» قالوا.", ["«هل ستبقى؟» قالوا."]),
    ("ar", "«هل ستبقى؟» قالب الحلوى جميل.", ["«هل ستبقى؟»", "قالب الحلوى جميل."]),
    # English: a speech tag that opens with a name stays with its quotation; a pronoun, an
    # article or 'Nobody' after it opens a sentence, and so does a name with no verb of saying
    ("en", '"Wait for me!" Seoyeon said. She ran to the bus.',
     ['"Wait for me!" Seoyeon said.', "She ran to the bus."]),
    ("en", '"Why?" Mr. Weston asked her. Emma smiled.', ['"Why?" Mr. Weston asked her.', "Emma smiled."]),
    ("en", "“Come here!” Harry Potter shouted. Ron came.", ["“Come here!” Harry Potter shouted.", "Ron came."]),
    ("en", '"Go!" The Queen laughed.', ['"Go!"', "The Queen laughed."]),
    ("en", '"Help!" Nobody answered.', ['"Help!"', "Nobody answered."]),
    ("en", '"Is it?" He said nothing.', ['"Is it?"', "He said nothing."]),
    ("en", '"Run!" Seoyeon ran.', ['"Run!"', "Seoyeon ran."]),
    ("en", "It was late. Alice said nothing.", ["It was late.", "Alice said nothing."]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_split_sentences_other_scripts(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("mark", [RLM, LRM, ALM, "\u2067", "\u202b"])
def test_direction_marks_split_as_without_them(mark: str) -> None:
    plain = "هل أنت بخير؟ نعم. ذهب إلى البيت. «أين الفندق؟» سألت السائق."
    marked = plain.replace("؟ ", f"؟{mark} ").replace(". ", f".{mark} ")
    sentences = split_sentences(marked, "ar")
    assert [s.replace(mark, "") for s in sentences] == split_sentences(plain, "ar")
    assert " ".join(sentences) == normalize_space(marked)
