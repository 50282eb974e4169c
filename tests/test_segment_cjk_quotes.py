"""Chinese and Japanese quotations inside a sentence: no cut inside a short one that opens after
the sentence's first words or that the sentence goes on after ('彼は「…。…」と語った'); a cut
after one that ends a sentence ('她问：“…。”他没有回答。'). A tester proofreading Japanese and
Chinese against English found both cut wrongly."""

from __future__ import annotations

import pytest

from alignment.segment import split_sentences

LONG = "长" * 100  # two of them: a quotation longer than segment_langs.MAX_QUOTE_CHARS

CASES = [
    # Japanese: the quotation is part of the sentence (opened after 彼は, followed by と語った)
    ("ja", "彼は「本は町の宝である。誰でも自由に読めるようにしたい」と語ったという。",
     ["彼は「本は町の宝である。誰でも自由に読めるようにしたい」と語ったという。"]),
    ("ja", "「本は宝だ。誰でも読める。」と彼は語った。次に行った。",
     ["「本は宝だ。誰でも読める。」と彼は語った。", "次に行った。"]),
    ("ja", "母は「本当？行くの？」と聞いた。私はうなずいた。",
     ["母は「本当？行くの？」と聞いた。", "私はうなずいた。"]),
    ("ja", "彼は『雪国。古都。』を読んだ。", ["彼は『雪国。古都。』を読んだ。"]),
    ("ja", "彼は「母は『行け。走れ。』と言った。」と書いた。",
     ["彼は「母は『行け。走れ。』と言った。」と書いた。"]),
    # ... a quotation that is a sentence of its own (or several) is cut as before
    ("ja", "「夜は静かだ。誰もいない。」佐藤はそう書いた。",
     ["「夜は静かだ。", "誰もいない。」", "佐藤はそう書いた。"]),
    ("ja", "先生は言った。「言葉は家です。心です。」", ["先生は言った。", "「言葉は家です。", "心です。」"]),
    # ... and so is a long one (more than three sentences), and one not closed in the paragraph
    ("ja", "彼は「雨だ。風だ。雪だ。霧だ。」と言った。", ["彼は「雨だ。", "風だ。", "雪だ。", "霧だ。」と言った。"]),
    ("ja", "彼は「本は宝だ。誰でも読める。", ["彼は「本は宝だ。", "誰でも読める。"]),
    # ... Japanese in Western quotation marks: cut after one as after 」
    ("ja", "“行こう。”彼は歩き出した。", ["“行こう。”", "彼は歩き出した。"]),
    ("ja", "“はい。”と言った。", ["“はい。”と言った。"]),
    # Chinese: no cut inside a quotation a colon opened; a cut after it where a sentence starts
    ("zh", "她问：“你去哪儿？我等你。”他没有回答。", ["她问：“你去哪儿？我等你。”", "他没有回答。"]),
    ("zh", "她说：“我等你。”他没有回答。", ["她说：“我等你。”", "他没有回答。"]),
    ("zh", "他说：“我们走吧。天黑了。”大家都站了起来。", ["他说：“我们走吧。天黑了。”", "大家都站了起来。"]),
    ("zh", "他说：「我们走吧。天黑了。」大家都站了起来。", ["他说：「我们走吧。天黑了。」", "大家都站了起来。"]),
    ("zh", "他写道：‘天黑了。回家吧。’然后睡了。", ["他写道：‘天黑了。回家吧。’", "然后睡了。"]),
    ("zh", "他写了《我爱你。你爱我。》这首诗。", ["他写了《我爱你。你爱我。》这首诗。"]),
    ("zh", "他说：“你好！再见！”然后走了。", ["他说：“你好！再见！”然后走了。"]),
    ("zh", "他说：“Paul’s book。很好。”然后走了。", ["他说：“Paul’s book。很好。”", "然后走了。"]),
    # ... a speech tag after a quotation its speaker did not open with a colon stays with it
    ("zh", "“您好。”他说。然后走了。", ["“您好。”他说。", "然后走了。"]),
    ("zh", "“我走了。你保重。”他说完就走了。", ["“我走了。", "你保重。”", "他说完就走了。"]),
    ("zh", f"她说：“{LONG}。{LONG}。”然后走了。", [f"她说：“{LONG}。", f"{LONG}。”", "然后走了。"]),
    # other languages cut inside quotations as before
    ("en", 'He said, "Go. Now." Then he left.', ['He said, "Go.', 'Now."', "Then he left."]),
    ("de", "Er sagte: „Geh. Jetzt.“ Dann ging er.", ["Er sagte: „Geh.", "Jetzt.“", "Dann ging er."]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_quotations(lang: str, text: str, expected: list[str]) -> None:
    got = split_sentences(text, lang)
    assert got == expected
    assert ("" if lang in ("zh", "ja") else " ").join(got) == text


@pytest.mark.parametrize("text, spans", [
    ("彼は「本」と", [(2, 4)]),
    ("「母は『行け』と」", [(3, 6), (0, 8)]),
    ("“Paul’s”", [(0, 7)]),
    ("他说：“好", []),
    ("《书》“话”", [(0, 2), (3, 5)]),
])
def test_quote_spans(text: str, spans: list[tuple[int, int]]) -> None:
    from alignment.segment_langs import MAX_QUOTE_CHARS, quote_spans
    assert quote_spans(text) == spans
    assert len(f"“{LONG}。{LONG}。”") > MAX_QUOTE_CHARS
