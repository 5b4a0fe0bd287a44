"""Does every report whose printed table 三 balances also balance in the graph?

Table 三's identity per applicant column: 一 新收 + 二 上年结转 = 三(七) 办理结果总计 + 四 结转下年度.
The graph side is read through the product (`dkg query report-metrics`); the printed side from a
gold file where the document has one (tests/heldout/gold, ../shared/gold), else from the
generated corpus's construction (bench/generate_corpus.py prints balanced tables).

    python bench/table3_balance.py --store STORE [--gold DIR --corpus DIR ...] [--generated DIR]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from disclosure_kg.extract.pipeline import load

TERMS = ("政府信息公开申请数", "上年结转申请数", "申请办理结果数", "结转下年度申请数")
COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他法人或其他组织", "")


def _cells(rows) -> dict[str, dict[tuple[str, str], float]]:
    """source → {(metric, breakdown): value} for the table-三 cells of the identity."""
    out: dict[str, dict] = defaultdict(dict)
    for r in rows:
        if r["metric"] in TERMS and r["breakdown"] in COLUMNS:
            out[r["source"]][(r["metric"], r["breakdown"])] = float(r["value"])
    return out


def _columns(cells: dict) -> dict[str, bool]:
    """Per column with all four cells: whether the identity holds."""
    out = {}
    for c in COLUMNS:
        vals = [cells.get((m, c)) for m in TERMS]
        if None not in vals:
            out[c] = abs(vals[0] + vals[1] - vals[2] - vals[3]) < 1e-6
    return out


def _has_table3(path: Path) -> bool:
    """Whether the document prints table 三 (its last row's label, in any script)."""
    return "结转下年度继续办理" in load(path).text


def graph_rows(store: str, dkg: str) -> list[dict]:
    out = subprocess.run([dkg, "query", "report-metrics", "--store", store, "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    return [{"source": r["source"], "metric": r["metricLabel"], "breakdown": r["breakdown"], "value": r["value"]}
            for r in csv.DictReader(io.StringIO(out))]


def gold_rows(gold_dirs: list[Path]) -> tuple[dict[str, dict], set[str]]:
    rows, sources = [], set()
    for d in gold_dirs:
        for f in sorted(d.glob("*.json")):
            g = json.loads(f.read_text("utf-8"))
            sources.add(g["source"])
            for v in g["metrics"]["values"]:
                rows.append({"source": g["source"], "metric": v["metric"], "breakdown": "|".join(v["breakdown"]),
                             "value": v["value"]})
    return _cells(rows), sources


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--gold", type=Path, action="append", default=[])
    ap.add_argument("--corpus", type=Path, action="append", default=[],
                    help="where the gold files' documents are (only those printing table 三 count)")
    ap.add_argument("--generated", type=Path, help="the generated corpus folder (balanced by construction)")
    ap.add_argument("--dkg", default="dkg")
    args = ap.parse_args(argv)
    graph = _cells(graph_rows(args.store, args.dkg))
    printed, gold_sources = gold_rows(args.gold)
    balanced, kept, lost = 0, 0, []
    files = {p.name: p for d in args.corpus for p in d.iterdir()}
    for source, cells in printed.items():
        if source in files and not _has_table3(files[source]):
            continue  # the figures are in prose (a letter, a pre-2019 report): no table 三 printed
        cols = {c for c, ok in _columns(cells).items() if ok}
        if not cols or not all(_columns(cells).values()):
            continue  # the printed table does not balance (or has no complete column)
        balanced += 1
        got = _columns(graph.get(source, {}))
        if all(got.get(c) for c in cols):
            kept += 1
        else:
            lost.append(source)
    from_gold = balanced
    if args.generated:
        for p in sorted(args.generated.iterdir()):
            if p.name in gold_sources or not _has_table3(p):
                continue
            balanced += 1
            got = _columns(graph.get(p.name, {}))
            if got and all(got.values()) and len(got) == len(COLUMNS):
                kept += 1
            else:
                lost.append(p.name)
    print(f"printed table 三 balances: {balanced} reports ({from_gold} with gold files); "
          f"balances in the graph: {kept}")
    for s in lost[:30]:
        print("  not in the graph as printed:", s)
    return 0 if kept == balanced else 1


if __name__ == "__main__":
    sys.exit(main())
