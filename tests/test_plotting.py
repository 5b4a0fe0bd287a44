"""Chinese labels render: the packaged CJK font is found, registered, covers the names, and the
drawn labels neither fall back to empty boxes nor get cut off at the figure's edge."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import warnings

import pytest

from disclosure_kg.graph import plotting

DIVISIONS = ["上海市杨浦区", "福州市平潭县", "北京市海淀区"]
REGULATIONS = [
    "中华人民共和国政府信息公开条例",
    "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知",
    "关于发布县区门户网站规范的通知",
]
# Simplified forms a Japanese-only font lacks or draws differently.
SIMPLIFIED = "规门条例国务院办公厅区县关于发"


def _missing_glyphs(caught) -> list[str]:
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@pytest.fixture
def graph():
    nx = pytest.importorskip("networkx")
    g = nx.Graph(kind="citations")
    for d in DIVISIONS:
        g.add_node(f"division:{d}", label=d, side="division", bipartite=0)
    for r in REGULATIONS:
        g.add_node(r, label=r, side="citations", bipartite=1)
    for i, d in enumerate(DIVISIONS):
        for j, r in enumerate(REGULATIONS):
            if j == 0 or i == j:
                g.add_edge(f"division:{d}", r, weight=i + j + 1)
    return g


@pytest.fixture
def agg():
    matplotlib = pytest.importorskip("matplotlib", reason="needs matplotlib (pip install -e '.[notebooks]')")
    if importlib.util.find_spec(plotting.FONT_PACKAGE) is None:
        pytest.skip(f"needs the font package {plotting.FONT_PACKAGE} (pip install -e '.[notebooks]')")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():  # cjk_font() changes rcParams: undo it for other tests
        yield plt
        plt.close("all")


@pytest.fixture
def drawn(graph, agg, tmp_path):
    """The graph drawn and saved to PNG, with every warning raised on the way."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plotting.draw_bipartite(graph)
        png = tmp_path / "citations.png"
        fig.savefig(png)
    return fig, png, caught


def test_missing_font_package_names_the_install_command(monkeypatch):
    monkeypatch.setattr(plotting, "FONT_PACKAGE", "no_such_font_package")
    with pytest.raises(ImportError, match=r"pip install -e '\.\[notebooks\]'"):
        plotting.font_path()


def test_importing_plotting_does_not_import_matplotlib():
    # The CLI imports the graph package; drawing must stay an optional extra.
    code = "import sys, disclosure_kg.graph.plotting; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.usefixtures("agg")
def test_the_check_sees_missing_glyphs_without_the_font(tmp_path):
    # Control: the default DejaVu Sans has no CJK glyphs, and the warning test below would notice.
    import matplotlib

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = matplotlib.pyplot.figure()
        fig.text(0.1, 0.5, DIVISIONS[0])
        fig.savefig(tmp_path / "boxes.png")
    assert _missing_glyphs(caught)


@pytest.mark.usefixtures("agg")
def test_cjk_font_is_registered_once_and_first():
    from matplotlib import font_manager, rcParams

    family = plotting.cjk_font()
    count = sum(e.fname == plotting.font_path() for e in font_manager.fontManager.ttflist)
    assert plotting.cjk_font() == family
    assert sum(e.fname == plotting.font_path() for e in font_manager.fontManager.ttflist) == count
    assert rcParams["font.sans-serif"][0] == family
    assert rcParams["font.family"] == ["sans-serif"]
    assert rcParams["axes.unicode_minus"] is False


@pytest.mark.usefixtures("agg")
def test_font_covers_every_label_character():
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    family = plotting.cjk_font()
    entry = next(e for e in font_manager.fontManager.ttflist if e.name == family)
    cmap = TTFont(entry.fname, fontNumber=getattr(entry, "index", 0), lazy=True).getBestCmap()
    text = "".join(DIVISIONS + REGULATIONS) + SIMPLIFIED
    assert sorted({c for c in text if ord(c) not in cmap}) == []


def test_labels_render_in_the_cjk_font_without_missing_glyphs(drawn):
    from matplotlib import font_manager

    fig, png, caught = drawn
    assert _missing_glyphs(caught) == []
    assert png.stat().st_size > 0
    labels = fig.axes[0].texts
    assert {t.get_text().replace("\n", "") for t in labels} == set(DIVISIONS + REGULATIONS)
    for t in labels:
        assert font_manager.findfont(t.get_fontproperties()) == plotting.font_path()


def test_labels_lie_inside_the_saved_figure(drawn):
    import matplotlib.image

    fig, png, _ = drawn
    height, width = matplotlib.image.imread(png).shape[:2]
    assert (width, height) == (round(fig.bbox.width), round(fig.bbox.height))
    renderer = fig.canvas.get_renderer()
    for t in fig.axes[0].texts:
        box = t.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= width and 0 <= box.y0 and box.y1 <= height, t.get_text()
