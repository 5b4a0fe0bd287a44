"""Growth of the extraction's time on hostile input (issue 12), as ratios measured in one run.

    .venv/bin/python bench/bench_bounded.py [REPORT] [--scale N] [--only NAME]

Each case grows one hostile feature of a real report (REPORT, default ../shared/corpus/
104_pingtan_2019.txt) through doubling sizes and times the whole extraction of the document
(read from text, normalise, every extractor). Beside each time is its ratio to the time at half
the size: about 2 where the work is linear, about 1 where it is capped, about 4 where it is
quadratic. Targets are ratios, not seconds, so the figures compare across machines.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _report_path() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "104_pingtan_2019.txt"
    return shared if shared.is_file() else ROOT / "examples" / "2021_format_report.txt"


def _repeated(text: str, size: int) -> str:
    """The text repeated to ``size`` bytes of UTF-8."""
    return text * (size // len(text.encode("utf-8")) + 1)


def _inserted(text: str, anchor: str, what: str) -> Optional[str]:
    """The text with ``what`` right after ``anchor`` (None where the report has no such words)."""
    i = text.find(anchor)
    return None if i < 0 else text[:i + len(anchor)] + what + text[i + len(anchor):]


def cases(report: str) -> list[tuple[str, str, list[int], Callable[[int], Optional[str | bytes]]]]:
    """(name, what the size counts, sizes, the document at a size)."""
    oneline = re.sub(r"[。\n；;，,]", "", report)  # no clause or sentence ends at all
    row = "申请数量230 000023"  # table 三, run together (104_pingtan_2019.txt)
    return [
        ("report repeated", "MB", [MB, 2 * MB, 4 * MB], lambda n: _repeated(report, n)),
        ("no punctuation, repeated", "MB", [MB // 4, MB // 2, MB], lambda n: _repeated(oneline, n)),
        ("table 三 row + run-together digits", "digits", [10, 20, 40], lambda n: _inserted(report, row, "1" * n)),
        ("credit code in a table 三 row", "digits", [18, 36, 72],
         lambda n: _inserted(report, "（一）予以公开", ("913501287346012345" * 4)[:n] + " ")),
        ("spaces between 办结 and a figure", "spaces", [10_000, 20_000, 40_000],
         lambda n: report + "\n及时依法依规办结" + " " * n + "69件。\n"),
        ("a line of spaces", "spaces", [10_000, 20_000, 40_000], lambda n: report + "\n" + " " * n + "\n"),
        ("a line of numerals", "chars", [20_000, 40_000, 80_000], lambda n: report + "\n" + "一" * n + "\n"),
        ("a menu line of words", "words", [500, 1_000, 2_000], lambda n: report + "\n" + "首页    " * n + "1\n"),
        ("a table 三 of repeated rows", "rows", [1_000, 2_000, 4_000],
         lambda n: _inserted(report, "申请情况", "\n" + "一、本年新收政府信息公开申请数量230 000023\n" * n)),
        ("a row label printed again and again", "times", [8_000, 16_000, 32_000],
         lambda n: _inserted(report, "（一）予以公开", "予以公开" * n)),
        ("HTML cells spanning 200×200", "cells", [10, 20, 40],
         lambda n: _page(report, '<table><tr>' + '<td rowspan="200" colspan="200">64</td>' * n + "</tr></table>")),
    ]


def _page(report: str, table: str) -> bytes:
    """The report as an HTML page, with ``table`` after its text."""
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in report.splitlines() if line.strip())
    return f"<html><body><div>{body}{table}</div></body></html>".encode("utf-8")


def _seconds(doc: str | bytes, repeat: int) -> float:
    """The best time of ``repeat`` extractions of a text (or an HTML page, as bytes)."""
    from disclosure_kg.extract.pipeline import document_from_text, extract, load_bytes

    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        extract(load_bytes(doc, "bench.html") if isinstance(doc, bytes) else document_from_text(doc, "bench.txt"))
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report", nargs="?", default=str(_report_path()))
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.25 for a quick look)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per size")
    ap.add_argument("--only", default="", help="run the cases whose name contains this")
    a = ap.parse_args()
    path = Path(a.report)
    if not path.is_file():
        print(f"no report at {path}", file=sys.stderr)
        return 2
    report = path.read_text(encoding="utf-8")
    _seconds(report, 1)  # load spaCy, compile the patterns
    print(f"{path.name}: extraction time by size; ×: ratio to the size before (2 linear, 1 capped, 4 quadratic)")
    for name, unit, sizes, make in cases(report):
        if a.only not in name:
            continue
        cells, before = [], None
        for size in (max(1, int(s * a.scale)) for s in sizes):
            text = make(size)
            if text is None:
                cells.append("n/a (no such words in the report)")
                break
            t = _seconds(text, a.repeat)
            shown = f"{size / MB:g} {unit}" if unit == "MB" else f"{size:,} {unit}"
            cells.append(f"{shown}: {t:6.2f}s" + (f" ×{t / before:4.1f}" if before else "      "))
            before = t
        print(f"  {name:<36} " + "   ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
