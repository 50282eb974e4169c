"""Function words written out: the glossary's filter, per language, as the tokenizer cuts them.

The glossary leaves out, unless asked, rows holding a function word ('a' -> 'bir', 'alle' ->
'at', 'que' -> 'cui' led learners' lists). pyspellchecker lists none for Turkish, Polish,
Chinese, Japanese or Korean; and for Italian, Spanish, Dutch, Portuguese, French, German and
English its commonest words (subtitle frequencies) are no closed class: their top 100 held
'little', 'know', 'casa', 'hombre', and missed 'alle', 'sul', 'degli', 'desde' (ranks 120-200),
so a teacher's default list showed 'alle -> at' beside 'alla -> at' hidden. So these are
written here: the closed classes (articles, the plain prepositions and their contractions with
an article, pronouns in their common forms, conjunctions that only join, negation, particles and
postpositions, the auxiliaries 'be' and 'have'). Prepositions that say where or when ('above',
'sopra', 'behind'), conjunctions that say why or when ('because', 'perché', 'when') and
interrogatives ('why', 'where') are left to the vocabulary: a learner looks them up.
Turkish keeps the case endings an apostrophe cuts off a name ("İstanbul'" 'a', "Amman'" 'dan'),
Japanese and Chinese the words Sudachi and jieba cut off (word_tokens.py). No package on PyPI
keeps lists of these languages that are closed classes only; the stop-word lists hold content
words ('yıl', 'gün', 'little').
"""

from __future__ import annotations

from .lang import primary

_WORDS = {
    "it": """
        il lo la i gli le un uno una di a ad da in con su per tra fra del dello della dei degli
        delle al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei
        negli nelle col coi sul sullo sulla sui sugli sulle io tu lui lei egli ella esso essa
        noi voi loro essi esse me te mi ti si sé ci vi ne se ce ve li glielo gliela glieli
        gliele gliene mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri
        nostre vostro vostra vostri vostre questo questa questi queste quello quella quelli
        quelle quel quei quegli che cui chi quale quali e ed o od ma però né oppure non essere
        sono sei è siamo siete ero eri era eravamo eravate erano fui fu fummo furono stato
        stata stati state avere ho hai ha abbiamo avete hanno avevo avevi aveva avevamo
        avevate avevano ebbi ebbe ebbero avuto
    """,
    "es": """
        el la los las lo un una unos unas a con de desde en entre hacia hasta
        para por sin sobre al del yo tú tu él ella ello nosotros nosotras vosotros
        vosotras ellos ellas usted ustedes me te se nos os le les mí ti sí conmigo contigo
        consigo mi mis tus su sus mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas
        nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras este esta estos
        estas esto ese esa esos esas eso aquel aquella aquellos aquellas aquello que quien
        quienes cual cuales cuyo cuya cuyos cuyas y e o u ni pero sino si no ser soy eres es
        somos sois son era eras éramos eran fui fue fuimos fueron sido estar estoy estás está
        estamos están estaba estaban estuvo estado haber he has ha hemos habéis han había
        habían hubo habido
    """,
    "pt": """
        o a os as um uma uns umas de em por para com sem sobre entre até desde do da dos das no na nos nas ao à aos às pelo pela pelos pelas num numa dum
        duma dele dela deles delas neste nesta nisto nesse nessa nisso naquele naquela naquilo
        deste desta disto desse dessa disso daquele daquela daquilo eu tu ele ela nós vós eles
        elas você vocês me te se vos lhe lhes mim ti si comigo contigo consigo conosco meu
        minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa nossos nossas vosso
        vossa vossos vossas este esta estes estas isto esse essa esses essas isso aquele
        aquela aqueles aquelas aquilo que quem qual quais cujo cuja cujos cujas e ou mas nem
        não ser sou és é somos são era eram foi foram fui sido estar estou está estamos estão
        estava estavam esteve estado ter tenho tens tem temos têm tinha tinham teve tido haver
        há havia houve
    """,
    "fr": """
        le la les un une des du au aux à de en dans par pour sur avec sans chez entre vers
        depuis je tu il elle on nous
        vous ils elles me te se moi toi lui leur leurs eux soi y mon ma mes ton ta tes son sa
        ses notre nos votre vos mien mienne miens miennes tien tienne siens sienne siennes
        nôtre vôtre ce cet cette ces ceci cela ça celui celle ceux celles qui que quoi dont
        lequel laquelle lesquels lesquelles auquel duquel et ou mais ni or donc car si ne pas
        être suis es est sommes êtes sont étais était étions étiez étaient fut furent été avoir
        ai as a avons avez ont avais avait avions aviez avaient eut eurent eu
    """,
    "de": """
        der die das den dem des ein eine einen einem einer eines am im ins zum zur vom beim ans
        aufs an auf aus bei bis durch für gegen in mit nach ohne seit um von vor zu ich du er sie es wir ihr mich dich sich uns
        euch mir dir ihm ihn ihnen man mein meine meinen meinem meiner meines dein deine
        deinen deinem deiner deines sein seine seinen seinem seiner seines ihre ihren ihrem
        ihrer ihres unser unsere unseren unserem unserer euer eure euren eurem eurer dieser
        diese dieses diesen diesem jener jene jenes jenen jenem welcher welche welches welchen
        welchem wer wen wem wessen was dessen deren denen und oder aber denn sondern dass daß
        ob als wenn nicht bin bist ist sind seid war warst waren wart gewesen haben habe hast
        hat habt hatte hattest hatten hattet gehabt werden werde wirst wird werdet wurde
        wurden geworden
    """,
    "nl": """
        de het een aan bij door in met na naar om op over te tot uit van voor ik je jij u hij zij ze wij we
        jullie zich me mij hem haar ons hen hun men mijn jouw uw zijn onze deze dit die dat wie
        wat welke welk er en of maar want dus als dan niet geen ben bent is was waren geweest
        hebben heb hebt heeft had hadden gehad worden word wordt werd werden geworden zal zult
        zullen zou zouden
    """,
    "en": """
        the a an this that these those of in on at to for from by with about into onto upon
        off out up down than as i me my mine myself you your yours yourself yourselves he him
        his himself she her hers herself it its itself we us our ours ourselves they them
        their theirs themselves who whom whose which what and or but nor so yet if whether
        not no be am is are was were been being have has had having do does did will would
        shall should can could may might must
    """,
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
