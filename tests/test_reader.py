"""Reading files: encodings, HTML articles and tables, clear errors for bad input."""
import pytest

from disclosure_kg.extract.pipeline import load
from disclosure_kg.extract.reader import ReadError, decode, read

SENTENCE = "本年度共受理政府信息公开申请23件，均已按期答复。"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_decodes_chinese_encodings(encoding):
    text = SENTENCE * 3
    got = decode(text.encode(encoding))
    assert got.text.lstrip("\ufeff") == text and not got.damage


def test_decodes_big5_traditional():
    text = "本年度共受理政府資訊公開申請二十三件，均已按期答覆。" * 3
    got = decode(text.encode("big5"))
    assert got.text == text, got.encoding


def test_unsupported_and_empty_files_name_the_file(tmp_path):
    bad = tmp_path / "report.docx"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(ReadError, match="report.docx: unsupported file type"):
        read(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(ReadError, match="empty.txt: the file is empty"):
        read(empty)


def test_html_keeps_article_and_drops_navigation(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>某区2020年度报告</title><script>var x='菜单脚本内容很长很长';</script></head><body>"
        "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/a'>政务公开</a></li></ul>"
        "<div class='content'><p>一、总体情况</p><p>" + SENTENCE + "</p><p>" + SENTENCE + "</p>"
        "<table><tr><td rowspan='2'>行政复议</td><td>结果维持</td><td>总计</td></tr>"
        "<tr><td>1</td><td>1</td></tr></table></div>"
        "<div class='footer'><a href='/c'>网站地图</a> 版权所有</div></body></html>", encoding="utf-8")
    raw = read(page)
    assert raw.media_type == "text/html"
    assert SENTENCE in raw.text
    assert "菜单脚本" not in raw.text and "网站地图" not in raw.text
    assert raw.header["标题"] == "某区2020年度报告"
    (table,) = raw.tables
    assert [c.text for c in table.rows[1]] == ["行政复议", "1", "1"]  # rowspan repeated
    assert raw.text[table.rows[1][1].start:table.rows[1][1].end] == "1"


def test_crawled_html_report(corpus_dir):
    doc = load(corpus_dir / "110_pingtan_2021.html")
    assert doc.media_type == "text/html"
    assert doc.text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert "分享到" not in doc.text and "微信" not in doc.text[:200]
    assert len(doc.tables) == 3
    grid = doc.tables[1].rows
    row = next(r for r in grid if r[0].text.startswith("一、本年新收"))
    assert [c.text for c in row[-7:]] == ["64", "0", "0", "0", "2", "0", "4", "70"][-7:]
    cell = row[-1]
    assert doc.text[cell.start:cell.end] == "70"
    assert doc.header["标题"] == "平潭综合实验区2021年度政府信息公开工作年度报告"


def test_crawler_header_fields(corpus_dir):
    doc = load(corpus_dir / "101_pingtan_2011.txt")
    assert doc.header["发布机构"] == "平潭综合实验区管委会办公室"
    assert doc.header["标题"].endswith("年度报告")


def test_table_cell_offsets_point_at_the_cell_text(corpus_dir):
    doc = load(corpus_dir / "110_pingtan_2021.html")
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                assert doc.text[cell.start:cell.end] == cell.text


def test_spanned_cells_know_their_source(tmp_path):
    page = tmp_path / "t.html"
    page.write_text("<html><body><p>" + SENTENCE + "</p><table><tr><td colspan='3'>第二十条第（八）项</td></tr>"
                    "<tr><td>行政事业性收费</td><td colspan='2'>24.5</td></tr></table></body></html>", encoding="utf-8")
    doc = load(page)
    fee = doc.tables[0].rows[1]
    assert [c.text for c in fee] == ["行政事业性收费", "24.5", "24.5"]
    assert [c.is_copy for c in fee] == [False, False, True]


# (what was done to a report's UTF-8 bytes, the encoding read, the damage reported)
DAMAGED = [
    ("utf-16-le without BOM", lambda b: b.decode().encode("utf-16-le"), "utf-16", []),
    ("utf-16-be without BOM", lambda b: b.decode().encode("utf-16-be"), "utf-16", []),
    ("cut inside the last character", lambda b: b[:-2], "utf-8",
     ["2 bytes at the end (the file was cut short) are not UTF-8; read as U+FFFD"]),
    ("two stray bytes between characters", lambda b: b[:9] + b"\xff\xfe" + b[9:], "utf-8",
     ["2 bytes at byte 9 are not UTF-8; read as U+FFFD"]),
]


@pytest.mark.parametrize("what,damage_bytes,encoding,damage", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_reads_utf16_without_bom_and_damaged_utf8(what, damage_bytes, encoding, damage):
    """Crawled files come cut short or in UTF-16 without a BOM: read, with the damage named
    (where, how many bytes) instead of the whole document lost."""
    data = damage_bytes((SENTENCE * 40 + "\n").encode("utf-8"))
    got = decode(data)
    assert got.encoding == encoding
    assert [d.describe(len(data)) for d in got.damage] == damage
    assert SENTENCE in got.text


def test_a_gbk_file_is_not_read_as_damaged_utf8():
    got = decode((SENTENCE * 40).encode("gbk"))
    assert got.encoding == "gb18030" and got.text == SENTENCE * 40 and not got.damage


def test_damage_reaches_the_document_as_a_finding(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes(("某县人民政府2020年政府信息公开工作年度报告\n" + SENTENCE * 20).encode("utf-8")[:-1])
    from disclosure_kg.extract.pipeline import extract_file

    facts = extract_file(f)
    assert [x.message for x in facts.findings if x.kind == "damaged-bytes"] == [
        "cut.txt: 2 bytes at the end (the file was cut short) are not UTF-8; read as U+FFFD"]
