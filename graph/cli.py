"""dkg: build, validate, query and export the disclosure knowledge graph."""
from __future__ import annotations

import argparse
import dataclasses
import errno
import json
import os
import sys
import traceback
from pathlib import Path

from .budget import Budget
from .connect import open_store
from .errors import UserError
from .export import FORMATS as EXPORT_FORMATS
from .fingerprint import VERSION
from .iri import DEFAULT_BASE, Minter, base_from_env
from .remote import RemoteError
from .results import FORMATS, write
from .store import DEFAULT_STORE

EPILOG = """\
examples:
  dkg build examples/                      # read a folder of reports into ./kg
  dkg build ../shared/corpus --store /tmp/kg
  dkg validate                             # SHACL shapes over the store (exit 0/1/2)
  dkg query regulations-by-district        # a named query of the library
  dkg query report-citations --format csv > citations.csv
  dkg query districts-citing --param regulation=中华人民共和国政府信息公开条例
  dkg query my-question.rq --format json   # any SPARQL SELECT file
  dkg queries                              # list the library with the question each answers
  dkg export --format ttl -o graph.ttl     # also nt, jsonld, trig (one named graph per document)
  dkg network citations -o cites.graphml   # districts × regulations for Gephi or networkx
  dkg serve                                # a read-only SPARQL endpoint on http://127.0.0.1:7878/
  dkg push --endpoint http://host:7878/query   # copy every graph into another SPARQL 1.1 store

the store: an embedded Oxigraph store in a folder (--store, default ./kg); or any SPARQL 1.1
store with --endpoint URL (its query URL; --update-endpoint and --graph-store where they are not
…/update and …/store or …/data beside it). IRIs are minted under --base (or DKG_BASE).
"""


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, help="store folder (default: ./kg)")
    _endpoint_args(p, required=False)


def _endpoint_args(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--endpoint", required=required,
                   help="SPARQL 1.1 query URL of a remote store" + ("" if required else " instead of the embedded store"))
    p.add_argument("--update-endpoint", help="SPARQL 1.1 update URL (default: …/update beside the query URL)")
    p.add_argument("--graph-store", help="Graph Store Protocol URL (default: …/store or …/data beside the query URL)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="dkg", description="A linked-data knowledge graph of Chinese government information-disclosure reports.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"disclosure-kg {VERSION}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="read documents into the store (one named graph each)",
                       description="Read files or folders (.txt .md .html .htm .pdf) into the store. Rebuilding a "
                                   "document replaces its named graph; a document stored from the same bytes by the "
                                   "same extractor is skipped (--force rebuilds it).",
                       epilog="example: dkg build ../shared/corpus examples/report.html --store kg\n\n"
                              "exit status:\n"
                              "  0    every input was read and stored (unrecognised documents are stored as such)\n"
                              "  1    some inputs were not read: each is named on one line with the reason;\n"
                              "       the others are stored\n"
                              "  2    usage or store error (bad option, store in use, endpoint down): nothing built\n"
                              "  3    internal error (a bug; please report it with the traceback)\n"
                              "  130  interrupted (Ctrl-C): what was extracted before is stored, and summarised",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    _store_args(b)
    b.add_argument("--base", default=None, help=f"base IRI for minted IRIs (default: $DKG_BASE or {DEFAULT_BASE})")
    b.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes for extraction (default: one per core; 1: in this process)")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on the Dask distributed cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                        "this process still writes the store (or --endpoint)")
    b.add_argument("--force", action="store_true",
                   help="rebuild every document, also those stored unchanged (same bytes, same extractor)")
    b.add_argument("--summary-json", metavar="FILE",
                   help="also write the build summary (counts, problems, seconds per stage) as JSON")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--max-mb", type=float, default=Budget.max_bytes / (1 << 20), metavar="MB",
                   help="a larger file is not read (default %(default)g)")
    b.add_argument("--max-seconds", type=float, default=Budget.max_seconds, metavar="S",
                   help="a document that takes longer is not read (default %(default)g; 0: no limit)")
    b.add_argument("--strict", action="store_true", help=argparse.SUPPRESS)  # exit 1 on problems is the default now
    b.add_argument("--debug", action="store_true", help="print tracebacks of internal errors")

    v = sub.add_parser("validate", help="check the store against the SHACL shapes",
                       description="Validate the store with pyshacl against ontology/shapes.ttl. Results are grouped "
                                   "by shape. Exit 0 conforms (warnings allowed), 1 violations, 2 error.",
                       epilog="example: dkg validate --store kg --show 5")
    _store_args(v)
    v.add_argument("--base", default=None, help="base IRI the store was built with")
    v.add_argument("--show", type=int, default=3, help="results to show per shape (default 3)")
    v.add_argument("--format", choices=["text", "json"], default="text")

    q = sub.add_parser("query", help="run a named query or a .rq file",
                       description="Run a query of the library (see: dkg queries) or a SPARQL SELECT file.",
                       epilog="examples:\n  dkg query reports --format csv\n"
                              "  dkg query districts-citing --param regulation=中华人民共和国政府信息公开条例",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("query", metavar="NAME|FILE.rq")
    _store_args(q)
    q.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), the SPARQL 1.1 result formats csv, tsv, json, xml; nt or ttl for CONSTRUCT")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query parameter (safely: values cannot alter the query)")
    q.add_argument("--allow-service", action="store_true",
                   help="run a query that calls other endpoints (SERVICE); refused by default")

    sub.add_parser("queries", help="list the query library", description="List the named queries and what each answers.")

    e = sub.add_parser("export", help="write the graph as Turtle, N-Triples, JSON-LD or TriG",
                       description="Export the store. ttl/nt/jsonld hold the union of all graphs; trig keeps "
                                   "one named graph per document.",
                       epilog="example: dkg export --format trig -o dataset.trig")
    _store_args(e)
    e.add_argument("--format", choices=EXPORT_FORMATS, default="ttl")
    e.add_argument("-o", "--output", help="file to write (default: standard output)")

    n = sub.add_parser("network", help="write a district network as GraphML (for Gephi or a notebook)",
                       description="Districts linked to the regulations they cite (citations) or the domains they "
                                   "report on (domains), edges weighted by the number of reports.",
                       epilog="example: dkg network citations -o citations.graphml")
    n.add_argument("kind", choices=["citations", "domains"])
    _store_args(n)
    n.add_argument("-o", "--output", required=True, help="GraphML file to write")

    s = sub.add_parser("serve", help="serve the store as a read-only SPARQL 1.1 endpoint",
                       description="Start Oxigraph's server on the store, read-only: SPARQL queries at /query, a "
                                   "query page at /. Update requests are refused. The store must not be built into "
                                   "while it is served. Ctrl-C stops it.",
                       epilog="example: dkg serve --store kg --bind 127.0.0.1:7878")
    s.add_argument("--store", default=DEFAULT_STORE, help="store folder (default: ./kg)")
    s.add_argument("--bind", default="127.0.0.1:7878", help="host:port (default: 127.0.0.1:7878, loopback only)")
    s.add_argument("--timeout", type=int, default=60, help="seconds a query may run (default 60)")
    s.add_argument("--union-default-graph", action="store_true",
                   help="let queries without GRAPH read all graphs at once (the library's queries do not need it)")

    pu = sub.add_parser("push", help="copy the store's graphs into a remote SPARQL 1.1 store",
                        description="Copy every named graph (documents, shared entities, vocabulary) into a SPARQL "
                                    "1.1 store through the Graph Store HTTP Protocol, replacing each graph there.",
                        epilog="example: dkg push --store kg --endpoint http://localhost:7878/query")
    pu.add_argument("--store", default=DEFAULT_STORE, help="store folder (default: ./kg)")
    _endpoint_args(pu, required=True)
    pu.add_argument("--no-progress", action="store_true", help="no progress bar")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    if not args.command:
        ap.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except (UserError, RemoteError, FileNotFoundError) as e:
        print(f"dkg {args.command}: {e}", file=sys.stderr)
        return 2
    except SyntaxError as e:  # a query that does not parse
        print(f"dkg {args.command}: {getattr(args, 'query', 'query')}: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as e:
        if e.errno == errno.EPIPE:
            return _closed_pipe()
        print(f"dkg {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"dkg {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception:  # a bug: show it, do not dress it up as a usage error
        traceback.print_exc()
        print(f"dkg {args.command}: internal error; please report it with the traceback above "
              f"(disclosure-kg {VERSION})", file=sys.stderr)
        return 3


def _closed_pipe() -> int:
    """The reader went away (dkg query … | head): stop quietly, as a filter does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def cmd_build(args) -> int:
    from .build import build

    minter = Minter(args.base or base_from_env())
    budget = Budget(max_bytes=int(args.max_mb * (1 << 20)), max_seconds=args.max_seconds)
    store = open_store(args.store, args.endpoint, args.update_endpoint, args.graph_store)
    try:
        summary = build(args.paths, store, minter, progress=not args.no_progress, debug=args.debug,
                        jobs=args.jobs, scheduler=args.scheduler, force=args.force, budget=budget)
    finally:
        store.close()
    if args.summary_json:
        Path(args.summary_json).write_text(json.dumps(dataclasses.asdict(summary), ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    _print_summary(summary, args.endpoint or args.store)
    if summary.interrupted:
        return 130
    return 1 if summary.problems else 0


def _print_summary(summary, where: str) -> None:
    """One line of counts, then one line per input not read and the first warnings."""
    unchanged = f", {summary.unchanged} unchanged" if summary.unchanged else ""
    same = f", {len(summary.same_content)} same as another" if summary.same_content else ""
    stopped = "interrupted: " if summary.interrupted else ""
    print(f"{stopped}built {summary.documents} documents{unchanged}{same}, {summary.triples} triples, "
          f"{summary.findings} findings into {where} in {summary.wall.get('total', 0):.1f} s; "
          f"{len(summary.problems)} not read, {len(summary.warnings)} warnings", file=sys.stderr)
    for p in summary.problems:
        print(f"  not read: {p}", file=sys.stderr)
    for other, first in sorted(summary.same_content.items()):
        print(f"  same bytes: {other} is recorded as another source of {first}", file=sys.stderr)
    for w in summary.warnings[:20]:
        print(f"  warning: {w}", file=sys.stderr)
    if len(summary.warnings) > 20:
        print(f"  … {len(summary.warnings) - 20} more warnings", file=sys.stderr)


def cmd_validate(args) -> int:
    from .validate import validate_store

    store = open_store(args.store, args.endpoint, args.update_endpoint, args.graph_store, read_only=True)
    try:  # a failure here is the user's (UserError, RemoteError: exit 2) or a bug (exit 3), never a verdict
        report = validate_store(store, args.base or base_from_env())
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"conforms": report.conforms, "results": [r.__dict__ for r in report.results]},
                         ensure_ascii=False, indent=1))
    else:
        groups = report.by_shape()
        print(f"{'conforms' if report.conforms else 'does not conform'}: {len(report.violations)} violations, "
              f"{len(report.warnings)} warnings in {len(groups)} shapes")
        for shape, results in groups.items():
            sev = sorted({r.severity for r in results})
            print(f"\n{shape}  ({len(results)} {'/'.join(sev).lower()})")
            for r in results[: args.show]:
                val = f" value={r.value}" if r.value else ""
                print(f"  {r.focus} {r.path}{val}\n    {r.message}")
            if len(results) > args.show:
                print(f"  … {len(results) - args.show} more")
    return 0 if report.conforms else 1


def cmd_query(args) -> int:
    from .queries import bind, refuse_service, resolve

    nq = resolve(args.query)
    refuse_service(nq, args.allow_service)
    params = {}
    for p in args.param:
        if "=" not in p:
            raise UserError(f"--param wants NAME=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        params[k.strip()] = v
    text = bind(nq, params)
    store = open_store(args.store, args.endpoint, args.update_endpoint, args.graph_store, read_only=not args.endpoint)
    try:
        write(store.query(text), args.format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    finally:
        store.close()
    return 0


def cmd_queries(args) -> int:
    from .queries import library

    for name, q in library().items():
        first = q.description.splitlines()[0] if q.description else ""
        params = f"  [--param {' '.join(q.params)}]" if q.params else ""
        print(f"{name:30} {first}{params}")
    return 0


def cmd_export(args) -> int:
    from .export import export_bytes, export_file

    store = open_store(args.store, args.endpoint, args.update_endpoint, args.graph_store, read_only=True)
    try:
        if args.output:
            size = export_file(store, args.format, args.output)
            print(f"wrote {size} bytes to {args.output}", file=sys.stderr)
        else:
            sys.stdout.buffer.write(export_bytes(store, args.format))
    finally:
        store.close()
    return 0


def cmd_network(args) -> int:
    from .network import bipartite, write_graphml

    store = open_store(args.store, args.endpoint, read_only=not args.endpoint)
    g = bipartite(store, args.kind)
    write_graphml(g, args.output)
    print(f"wrote {g.number_of_nodes()} nodes, {g.number_of_edges()} edges to {args.output}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    """Oxigraph's own server, read-only, on the store folder."""
    import subprocess

    from .serve import server_command

    cmd = server_command(args.store, args.bind, args.timeout, args.union_default_graph)
    host = args.bind.rsplit(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        print(f"dkg serve: listening on {args.bind}: reachable from other machines", file=sys.stderr)
    print(f"serving {args.store} read-only: SPARQL endpoint http://{args.bind}/query, query page "
          f"http://{args.bind}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0


def cmd_push(args) -> int:
    from tqdm import tqdm

    from .remote import EndpointStore
    from .store import OxigraphStore

    source = OxigraphStore(args.store, read_only=True)
    target = EndpointStore(args.endpoint, args.update_endpoint, args.graph_store)
    graphs = source.graphs()
    size = 0
    try:
        for g in tqdm(graphs, desc="graphs", unit="graph", disable=args.no_progress, file=sys.stderr):
            data = source.graph_ntriples(g)
            target.put_ntriples(g, data)
            size += len(data)
    finally:
        source.close()
    print(f"pushed {len(graphs)} graphs ({size} bytes of N-Triples) to {target.graph_store_url}", file=sys.stderr)
    return 0


COMMANDS = {"network": cmd_network, "build": cmd_build, "validate": cmd_validate, "query": cmd_query, "queries": cmd_queries,
            "export": cmd_export, "serve": cmd_serve, "push": cmd_push}

if __name__ == "__main__":
    raise SystemExit(main())
