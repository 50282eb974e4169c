"""Real-world encodings, each read back to the text that was written (issue 10, items 7-8).

The texts are short passages written for these tests; each case encodes them the way an
old editor, a Windows program or a web server would have saved them.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from alignment.read.charset import decode_text, whatwg_encoding
from alignment.errors import InputError
from alignment.read import read_bytes, read_file

FRENCH = ("L’été dernier, à Saint-Aubin, le vieux pont – qu’on disait « éternel » – s’est "
          "effondré… Œuvre du XVIIIe siècle, il avait résisté à trois crues ; cette fois, "
          "l’eau a gagné. Les habitants ont pleuré leur cœur de pierre.")
CZECH = ("Příliš žluťoučký kůň úpěl ďábelské ódy. Večer jsme šli přes most do města, kde "
         "čekala babička s čerstvým chlebem. Řeka byla široká a tichá, jen vítr šuměl v "
         "olších na břehu.")
RUSSIAN = ("Вечером мы шли через старый мост в город, где нас ждала бабушка со свежим хлебом. "
           "Река была широкой и тихой, только ветер шумел в ольхе на берегу. Все молчали.")
JAPANESE = ("昨日の夕方、私たちは古い橋を渡って町へ行きました。祖母が焼きたてのパンを持って"
            "待っていました。川は広くて静かで、岸の木々の間を風だけが通り抜けていました。")
CHINESE = ("昨天傍晚，我们走过老桥去镇上。奶奶拿着刚烤好的面包在等我们。河面宽阔而安静，"
           "只有风从岸边的树林间吹过。大家都没有说话。")
KOREAN = ("어제 저녁 우리는 오래된 다리를 건너 마을로 갔다. 할머니가 갓 구운 빵을 들고 기다리고 "
          "계셨다. 강은 넓고 조용했으며, 강가의 나무 사이로 바람만 불었다.")
ARABIC = ("مساء أمس عبرنا الجسر القديم إلى المدينة. كانت جدتي تنتظرنا ومعها خبز طازج. كان النهر "
          "واسعا وهادئا، ولم يكن هناك سوى الريح بين الأشجار على الضفة.")
GERMAN = "Über die Brücke gingen wir nach Hause; die Straße war naß und grün, schön."
POLISH = ("Rozdział pierwszy. Było już późno, gdy dotarł na dworzec. Pociąg odjechał dziesięć "
          "minut wcześniej. Matka często mu to wyrzucała: „Zawsze się spóźniasz!” Miała rację.")
TURKISH = ("İstanbul'un eski sokaklarında yaşlı bir adam yaşıyordu. Her sabah erkenden kalkar, "
           "küçük dükkânını açardı; sokağın köşesinde çay içerdi.")
SHORT_FRENCH = "Il était déjà tard, et le château était fermé à cette heure-là."
SHORT_ITALIAN = "Perché è così difficile? Però la città è bellissima."


def _html(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


# (bytes, format, declared HTTP charset, expected text)
CASES = {
    "utf-8 plain": (FRENCH.encode("utf-8"), "text", "", FRENCH),
    "utf-8 with BOM": (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "text", "", FRENCH),
    "utf-8 html declared": (_html(FRENCH, "utf-8").encode("utf-8"), "html", "", FRENCH),
    "utf-8 html undeclared": (_html(FRENCH, None).encode("utf-8"), "html", "", FRENCH),
    "utf-8 html mislabelled latin-1": (_html(FRENCH, "iso-8859-1").encode("utf-8"), "html", "",
                                       FRENCH),
    "utf-16 with BOM": (FRENCH.encode("utf-16"), "text", "", FRENCH),
    "utf-16-le without BOM": (FRENCH.encode("utf-16-le"), "text", "", FRENCH),
    "utf-16-be without BOM": (FRENCH.encode("utf-16-be"), "text", "", FRENCH),
    "utf-16 russian without BOM": (RUSSIAN.encode("utf-16-le"), "text", "", RUSSIAN),
    "windows-1252 declared iso-8859-1": (_html(FRENCH, "iso-8859-1").encode("cp1252"), "html",
                                         "", FRENCH),
    "windows-1252 declared latin1 in HTTP": (_html(FRENCH, None).encode("cp1252"), "html",
                                             "ISO-8859-1", FRENCH),
    "windows-1252 undeclared text": (FRENCH.encode("cp1252"), "text", "", FRENCH),
    "latin-1 german undeclared": (GERMAN.encode("latin-1"), "text", "", GERMAN),
    "cp1250 declared": (_html(CZECH, "windows-1250").encode("cp1250"), "html", "", CZECH),
    "cp1250 undeclared": (CZECH.encode("cp1250"), "text", "", CZECH),
    # QA 2026-12-04: Polish read as cp1252 ('Rozdzia³'), Turkish as iso8859-10 ('küįük'),
    # short Western texts as cp1257 or cp1250 ('Il ťtait dťjŗ', 'Perché č cosě')
    "cp1250 polish undeclared": (POLISH.encode("cp1250"), "text", "", POLISH),
    "cp1254 turkish undeclared": (TURKISH.encode("cp1254"), "text", "", TURKISH),
    "iso-8859-9 turkish undeclared": (TURKISH.encode("iso-8859-9"), "text", "", TURKISH),
    "cp1252 short french undeclared": (SHORT_FRENCH.encode("cp1252"), "text", "", SHORT_FRENCH),
    "cp1252 short italian undeclared": (SHORT_ITALIAN.encode("cp1252"), "text", "", SHORT_ITALIAN),
    "koi8-r declared": (_html(RUSSIAN, "koi8-r").encode("koi8-r"), "html", "", RUSSIAN),
    "koi8-r undeclared": (RUSSIAN.encode("koi8-r"), "text", "", RUSSIAN),
    "shift-jis declared": (_html(JAPANESE, "shift_jis").encode("shift_jis"), "html", "", JAPANESE),
    "shift-jis undeclared": (JAPANESE.encode("shift_jis"), "text", "", JAPANESE),
    # QA 2026-12-04: these were read as cp1252 mojibake ('µµÄì¿¡¼ÀÇ'), or refused as binary
    "gbk undeclared": (CHINESE.encode("gbk"), "text", "", CHINESE),
    "gb18030 undeclared": (CHINESE.encode("gb18030"), "text", "", CHINESE),
    "euc-kr undeclared": (KOREAN.encode("euc-kr"), "text", "", KOREAN),
    "euc-jp undeclared": (JAPANESE.encode("euc-jp"), "text", "", JAPANESE),
    "iso-2022-jp undeclared": (JAPANESE.encode("iso2022_jp"), "text", "", JAPANESE),
    "cp1256 undeclared": (ARABIC.encode("cp1256"), "text", "", ARABIC),
    "iso-8859-6 undeclared": (ARABIC.encode("iso8859_6"), "text", "", ARABIC),
    # short texts, where a wrong reading explained its letters as well ('ﾏ郞鈕戢 芩 萵', 'D黱')
    "cp1251 russian title": ("Поездка на дачу\n".encode("cp1251"), "text", "", "Поездка на дачу"),
    "cp1254 turkish sentence": ("Dün pazara gittik ve ekmek aldık.\n".encode("cp1254"), "text", "",
                                "Dün pazara gittik ve ekmek aldık."),
    "gbk chinese sentence": ("我的邻居姓王，今年七十岁。\n".encode("gbk"), "text", "", "我的邻居姓王，今年七十岁。"),
    "euc-jp japanese sentence": ("今日は朝から雨が降っている。\n".encode("euc_jp"), "text", "",
                                 "今日は朝から雨が降っている。"),
    "utf-16-le chinese no bom": ((CHINESE + "\n").encode("utf-16-le"), "text", "", CHINESE),
    "utf-16-be japanese no bom": ((JAPANESE + "\n").encode("utf-16-be"), "text", "", JAPANESE),
    "utf-16-le korean no bom": ((KOREAN + "\n").encode("utf-16-le"), "text", "", KOREAN),
}


@pytest.mark.parametrize("data, fmt, declared, expected", CASES.values(), ids=CASES.keys())
def test_each_encoding_reads_to_the_right_text(data, fmt, declared, expected):
    text, warnings = decode_text(data, fmt=fmt, declared=declared)
    doc = read_bytes(data, fmt=fmt) if not declared else None
    assert expected in text
    assert warnings == ()
    if doc is not None:
        assert doc.paragraphs[-1] == expected


@pytest.mark.parametrize("label, codec", [("iso-8859-1", "cp1252"), ("latin1", "cp1252"),
                                          ("US-ASCII", "cp1252"), ("x-sjis", "cp932"),
                                          ("utf8", "utf-8"), ("koi8-r", "koi8-r"),
                                          ("no-such-charset", None)])
def test_labels_follow_the_whatwg_table(label, codec):
    assert whatwg_encoding(label) == (codecs.lookup(codec).name if codec else None)


@pytest.mark.parametrize("dash", ["–", "—", "’", "…", "Œ", "€"])
def test_a_few_windows_1252_characters_in_a_latin1_page_are_kept(dash):
    body = f"Une page de l’ancien web {dash} écrite à la main, é è à ç ù."
    data = _html(body, "iso-8859-1").encode("cp1252")
    assert read_bytes(data, fmt="html").paragraphs[-1] == body


def test_mixed_utf8_and_latin1_is_read_part_by_part_with_a_warning(tmp_path: Path):
    data = ("Première partie, écrite en UTF-8 : été, élève, où.\n\n".encode("utf-8")
            + "Seconde partie, ajoutée en Latin-1 : déjà, garçon, hôtel.\n".encode("cp1252"))
    text, warnings = decode_text(data, source="mixed.txt")
    assert "été, élève, où" in text and "déjà, garçon, hôtel" in text
    assert len(warnings) == 1 and "mixed.txt" in warnings[0] and "UTF-8" in warnings[0]
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = read_file(path)
    assert doc.paragraphs[1].endswith("déjà, garçon, hôtel.")
    assert len(doc.warnings) == 1 and str(path) in doc.warnings[0]


def test_binary_is_still_refused():
    with pytest.raises(InputError, match="binary"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def test_cli_align_shows_the_mixed_encoding_warning(tmp_path: Path):
    from click.testing import CliRunner

    from alignment.cli import main

    src, tgt = tmp_path / "fr.txt", tmp_path / "en.txt"
    src.write_bytes("Le pont est tombé.\n\n".encode("utf-8") + "Il sera reconstruit à neuf.\n"
                    .encode("cp1252") + "Les gens ont pleuré.\n".encode("utf-8"))
    tgt.write_text("The bridge fell.\n\nIt will be rebuilt.\n\nPeople wept.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "--embedder", "hashing",
                                       "-q", "--tsv", str(tmp_path / "out.tsv")])
    assert result.exit_code == 0, result.output
    assert "Warning: " in result.stderr and "mixes UTF-8 with Latin-1" in result.stderr
    assert "reconstruit à neuf" in (tmp_path / "out.tsv").read_text(encoding="utf-8")
