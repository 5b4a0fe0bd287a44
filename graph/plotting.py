"""Draw the graph's networks with Chinese labels that actually render.

matplotlib ships only DejaVu Sans, which has no CJK glyphs: on a machine without a system CJK
font every district and regulation name is drawn as a row of empty boxes (with a "Glyph …
missing from font" warning per character), and naming fonts in rcParams does not help where they
are not installed. So the font comes from PyPI: the `noto-cjk-sans-otc` package (Noto Sans CJK,
OFL-1.1, in the `notebooks` extra) ships the collection, and `cjk_font()` registers it with
matplotlib. `draw_bipartite()` then lays out districts against the regulations they cite and
keeps every label inside the figure.

matplotlib is imported lazily: the CLI never draws and must not need it.
"""
from __future__ import annotations

import importlib
import textwrap
from importlib import resources

FONT_PACKAGE = "noto_cjk_sans_otc"
FONT_SUFFIXES = (".ttc", ".otc", ".otf", ".ttf")
# The collection holds JP/KR/SC/TC/HK faces with one cmap; SC gives simplified glyph shapes.
PREFERRED_FAMILY = "Noto Sans CJK SC"
INSTALL_HINT = "install the notebook extras: pip install -e '.[notebooks]'"

DIVISION_COLOUR = "#4c72b0"
OTHER_COLOUR = "#dd8452"


def _matplotlib():
    try:
        return importlib.import_module("matplotlib")
    except ImportError as exc:
        raise ImportError(f"drawing needs matplotlib; {INSTALL_HINT}") from exc


def font_path() -> str:
    """The font file shipped by the font package (found through its import name, not a path)."""
    try:
        root = resources.files(FONT_PACKAGE)
    except ModuleNotFoundError as exc:
        raise ImportError(f"no CJK font: the {FONT_PACKAGE!r} package is missing; {INSTALL_HINT}") from exc
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.lower().endswith(FONT_SUFFIXES):
            return str(entry)
    raise ImportError(f"the {FONT_PACKAGE!r} package holds no font file; reinstall it ({INSTALL_HINT})")


def cjk_font() -> str:
    """Register the packaged CJK font with matplotlib, make it the default sans-serif; its family.

    Safe to call repeatedly: the font is added once, rcParams are set again (a style sheet may
    have reset them in between)."""
    mpl = _matplotlib()
    from matplotlib import font_manager

    path = font_path()
    manager = font_manager.fontManager
    if not any(entry.fname == path for entry in manager.ttflist):
        manager.addfont(path)  # matplotlib >= 3.11 registers every face of a collection
    names = [entry.name for entry in manager.ttflist if entry.fname == path]
    # Older matplotlib reads only the first face (JP); its cmap still covers simplified Chinese.
    family = PREFERRED_FAMILY if PREFERRED_FAMILY in names else names[0]
    mpl.rcParams["font.sans-serif"] = [family] + [n for n in mpl.rcParams["font.sans-serif"] if n != family]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["axes.unicode_minus"] = False  # not every CJK face has U+2212
    return family




def _span(lo: float, hi: float, pixels: float, before: float, after: float) -> tuple[float, float]:
    """Axis limits putting ``lo``..``hi`` inside ``pixels`` with ``before``/``after`` pixels free."""
    if hi <= lo:  # a single row or column: give it a unit span to centre in
        lo, hi = lo - 0.5, hi + 0.5
    scale = (hi - lo) / max(pixels - before - after, 0.2 * pixels)  # data units per pixel
    return lo - before * scale, hi + after * scale


def draw_bipartite(g, ax=None, *, font_size: float = 9, wrap: int = 20, node_size: float = 60):
    """Draw a graph from `disclosure_kg.graph.network.bipartite`: districts left, the other side
    right, edge width by ``weight``; labels in the CJK font, all inside the figure. Returns the Figure.

    Without ``ax`` the figure is sized to the labels. Save it with ``bbox_inches='tight'`` to trim."""
    _matplotlib()
    import matplotlib.pyplot as plt

    family = cjk_font()
    left = [n for n, d in g.nodes(data=True) if d.get("side") == "division"]
    right = [n for n, d in g.nodes(data=True) if d.get("side") != "division"]
    rows = max(len(left), len(right), 1)

    def column(nodes, x):  # spread a side over the full height; a lone node sits in the middle
        step = (rows - 1) / (len(nodes) - 1) if len(nodes) > 1 else 0.0
        offset = 0.0 if len(nodes) > 1 else (rows - 1) / 2
        return {n: (x, -(offset + i * step)) for i, n in enumerate(nodes)}

    def name(n):
        return str(g.nodes[n].get("label") or n)

    # Districts by name; the other side by the mean height of its neighbours, to cut crossings.
    left.sort(key=name)
    pos = column(left, 0.0)
    def barycentre(n):
        ys = [pos[m][1] for m in g.neighbors(n) if m in pos]
        return (-sum(ys) / len(ys) if ys else rows, name(n))
    right.sort(key=barycentre)
    pos.update(column(right, 1.0))

    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(10, max(3.0, 0.32 * rows * (1 + font_size / 20))))
        fig.subplots_adjust(0, 0, 1, 1)  # the axes is the whole figure: margins are set in data units
    fig = ax.figure
    ax.set_axis_off()

    weights = [float(d.get("weight", 1) or 1) for *_, d in g.edges(data=True)]
    top = max(weights, default=1.0)
    for (a, b), w in zip(g.edges(), weights):  # width 1 for one report, 4 for the most
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.plot([xa, xb], [ya, yb], color="#999999", alpha=0.6, zorder=1,
                linewidth=1 + 3 * (w - 1) / max(top - 1, 1))
    for nodes, colour in ((left, DIVISION_COLOUR), (right, OTHER_COLOUR)):
        if nodes:
            ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=node_size, zorder=2, color=colour)

    gap = 6  # points between a node and its label
    texts = []
    for nodes, dx, ha in ((left, -gap, "right"), (right, gap, "left")):
        for n in nodes:
            # Long regulation titles are wrapped (CJK has no spaces: textwrap cuts by characters).
            label = "\n".join(textwrap.wrap(name(n), wrap)) or name(n)
            texts.append(ax.annotate(label, pos[n], xytext=(dx, 0), textcoords="offset points",
                                     ha=ha, va="center", fontsize=font_size, fontfamily=family))

    # Measure the labels (their pixel size does not depend on the limits) and set the limits so
    # that the widest label on each side and the tallest at each end still fit.
    renderer = fig.canvas.get_renderer()
    sizes = [t.get_window_extent(renderer) for t in texts]
    px_gap = gap * fig.dpi / 72
    n_left = len(left)
    width_left = max((b.width for b in sizes[:n_left]), default=0) + 2 * px_gap
    width_right = max((b.width for b in sizes[n_left:]), default=0) + 2 * px_gap
    if own:
        # Our own figure: widen it until the labels leave at least a third of it for the edges.
        need = (width_left + width_right) * 1.5 / fig.dpi
        if need > fig.get_figwidth():
            fig.set_figwidth(need)
    box = ax.get_window_extent(renderer)
    ax.set_xlim(*_span(0.0, 1.0, box.width, width_left, width_right))
    half = max((b.height for b in sizes), default=0) / 2 + px_gap
    bottom = min((y for _, y in pos.values()), default=0.0)
    ax.set_ylim(*_span(bottom, 0.0, box.height, half, half))
    return fig
