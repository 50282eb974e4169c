"""Function words of the languages pyspellchecker has no word list for: the glossary's filter.

The glossary leaves out pairs of two function words ('a' -> 'bir', 'and' -> 've' led a Turkish
learner's list) by the languages' commonest words (word_lists.function_words); pyspellchecker
lists none for Turkish, Polish, Chinese, Japanese or Korean, so these are written here: the
closed classes (articles, pronouns in their common forms, conjunctions, particles, postpositions
and prepositions, auxiliaries) as the tokenizer cuts them. Turkish keeps the case endings an
apostrophe cuts off a name ("İstanbul'" 'a', "Amman'" 'dan'), Japanese and Chinese the words
Sudachi and jieba cut off (word_tokens.py). No package on PyPI keeps lists of these languages
that are closed classes only; the stop-word lists hold content words ('yıl', 'gün').
"""

from __future__ import annotations

from .lang import primary

_WORDS = {
    "tr": """
        ve ile veya ya da de ki ama fakat ancak hem ne ise eğer çünkü yani diye gibi kadar için
        göre karşı doğru beri sonra önce mi mı mu mü bir bu şu o her hiç bazı daha çok en pek
        değil ben sen biz siz onlar beni seni onu bizi sizi onları bana sana ona bize size onlara
        bende sende onda bizde sizde onlarda benden senden ondan bizden sizden onlardan benim
        senin onun bizim sizin onların bunu bunun buna bunda bundan bunlar bunları bunların
        şunu şunun şuna şunda şundan şunlar kendi kendisi kendine kendini
        a e ya ye da de ta te dan den tan ten ın in un ün nın nin nun nün ı i u ü yı yi yu yü
        la le yla yle
    """,
    "pl": """
        w we z ze i a o u na do od po za przez dla przy pod nad przed między bez ku oraz lub albo
        czy ani ale lecz więc bo że żeby aby gdy kiedy gdzie jak jako jeśli jeżeli się nie tak to
        ten ta te tego tej tym tych temu tą tamten który która które którego której których
        jest są był była było byli były być będzie jestem jesteś jesteśmy już jeszcze tylko także
        też bardzo ja ty on ona ono my wy oni one mnie mi ciebie cię tobie ci go jego mu niego
        niemu jej ją nią niej nas nam was wam ich im nich nimi sobie siebie swój swoja swoją
        swoje swojego swojej mój moja moje mojego twój twoja twoje nasz nasza nasze wasz co coś
        kto ktoś nic nikt wszystko każdy tam tu tutaj teraz wtedy jednak
    """,
    "zh": """
        的 了 着 过 地 得 之 在 是 有 和 与 及 或 也 都 就 还 又 才 不 没 没有 很 太 更 最 我 你 您 他
        她 它 我们 你们 他们 她们 它们 自己 这 那 这个 那个 这些 那些 这里 那里 个 一个 把 被 给
        对 从 到 向 为 为了 因为 所以 但 但是 而 而且 如果 虽然 吗 呢 吧 啊 上 下 里 中 其 此
    """,
    "ja": """
        は が を に で と の も へ や から まで より か ね よ な だけ ばかり など って て た だ
        です ます ない なかっ ませ でし まし ん う よう れる られる せる させる 私 僕 俺 彼 彼女
        彼ら 私たち あなた これ それ あれ この その あの ここ そこ あそこ こと もの そして しかし
        でも また それから だから
    """,
    "ko": """
        그 이 저 그리고 하지만 그러나 그래서 그런데 또 또는 및 나 나는 내가 나를 나의 내 저는 제가
        저를 제 우리 우리는 우리가 우리를 우리의 너 너는 네가 당신 당신은 그는 그가 그를 그의
        그녀 그녀는 그녀가 그녀를 그녀의 그들 그들은 그들이 그것 그것은 그것이 이것 이것은 저것
        것 것은 것이 것을 수 등 더 안 못 잘 아주 매우 너무 이런 그런 저런
    """,
}
_LISTS = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}


def closed_class_words(lang: str) -> frozenset[str]:
    """The function words written here for `lang` (lower case); empty for any other."""
    return _LISTS.get(primary(lang), frozenset())
