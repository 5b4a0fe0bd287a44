"""Normalisation: canonical simplified text with mainland wording and an exact map back."""
import pytest

from disclosure_kg.extract.normalize import is_traditional, normalize, replace_with_offsets

# (original, expected normalised) — sentences written for these tests.
CASES = [
    # plain t2s
    ("認真貫徹《關於全面推進政務公開工作的意見》", "认真贯彻《关于全面推进政务公开工作的意见》"),
    # s2twp artifacts reversed only because the text is traditional
    ("制定規範性檔案12件，入口網站發佈資訊", "制定规范性文件12件，门户网站发布信息"),
    ("推進「網際網路+政務服務」，最佳化營商環境", "推进「互联网+政务服务」，优化营商环境"),
    ("開通政務微網誌，回應民眾關切", "开通政务微博，回应群众关切"),
    # a mainland phrase that contains an artifact stays
    ("做好對口支援工作，建立健全制度", "做好对口支援工作，建立健全制度"),
    # NFKC folds full-width digits and ﹝﹞ but keeps CJK punctuation
    ("滬府辦﹝２０２０﹞２０號：", "沪府办〔2020〕20号："),
]


@pytest.mark.parametrize("original,expected", CASES)
def test_normalised_text(original, expected):
    assert normalize(original).text == expected


def test_simplified_text_is_left_alone():
    text = "区政府建立健全政务公开制度，执行情况良好，民众满意。"
    n = normalize(text)
    assert not n.traditional
    assert n.text == text  # 民众 is only rewritten in texts that arrived traditional


def test_offsets_map_every_character_back():
    original = "本區入口網站發佈規範性檔案３件。"
    n = normalize(original)
    assert n.text == "本区门户网站发布规范性文件3件。"
    assert len(n.offsets) == len(n.text) + 1
    i = n.text.index("规范性文件")
    j = i + len("规范性文件")
    assert original[n.offsets[i]:n.offsets[j]] == "規範性檔案"
    k = n.text.index("3")
    assert original[n.offsets[k]:n.offsets[k + 1]] == "３"


def test_length_changing_replacement_keeps_monotone_offsets():
    text, offsets = replace_with_offsets("通过网际网路公开", {"网际网路": "互联网"})
    assert text == "通过互联网公开"
    assert offsets == sorted(offsets)
    assert offsets[text.index("公")] == "通过网际网路公开".index("公")


def test_traditional_detection():
    assert is_traditional("政府資訊公開工作年度報告，認真貫徹落實")
    assert not is_traditional("政府信息公开工作年度报告，认真贯彻落实")


def test_corpus_traditional_report(corpus_dir):
    from disclosure_kg.extract.pipeline import load

    doc = load(corpus_dir / "000_e12181306ca0a942.txt")
    assert doc.traditional
    assert "上海市行政机关政策文件解读实施办法" in doc.text  # 政策檔案 reversed
    i = doc.text.index("《关于全面推进政务公开工作的意见》")
    assert doc.quote(i, i + 17) == "《關於全面推進政務公開工作的意見》"
