#!/usr/bin/python3
"""The queries of etkg_query_bench, run on the same graph by networkx and igraph.

Reads what `etkg_query_bench --out=DIR` wrote:
  DIR/edges.tsv    source_id, target_id, kind (a header line first)
  DIR/pairs.tsv    a_id, b_id, etkg's path length, forward-in-time length
  DIR/queries.tsv  the median leader and etkg's Neighbors counts around it

and builds an undirected graph the way etkg's ShortestPath and Neighbors
walk it (graph/query.cc): no `reported_by` or `mentions` edge (Walkable()),
no document node. Documents are found from the model, not their ids: the
target of a `reported_by` edge and the source of a `mentions` edge.

It times, for each library: the load (reading edges.tsv and building the
graph), a BFS shortest path for each of the 100 pairs (networkx.shortest_path,
igraph Graph.get_shortest_paths) and the depth-1 and depth-2 neighbourhood of
the median leader (networkx.single_source_shortest_path_length with a cutoff,
igraph Graph.neighborhood). Each figure is the median of --repeat runs.

When DIR/graph.json is there (etkg's native JSON of the whole graph, all
nodes, edges, attributes and evidence), it also times, once each: loading it
(json.load, then a networkx MultiDiGraph or an igraph Graph with every field
as a node or edge attribute) and writing the graph back out as JSON
(networkx.node_link_data + json.dump; igraph's attributes gathered into the
same shape + json.dump), to compare with etkg's BM_ReadNativeJson and
BM_WriteNativeJson.

Path lengths (in links) must agree with etkg's, and so must the number of
nodes within depth 1 and 2; mismatches are listed and make the exit status 1.
Forward-in-time paths have no counterpart here and are not compared.

With --etkg-json FILE (Google Benchmark's --benchmark_out of the same run),
also prints one table of etkg / networkx / igraph times with the ratios
networkx / etkg and igraph / etkg.

Runs with Debian's python3 (python3-networkx, python3-igraph), hence the
/usr/bin/python3 above rather than whatever python3 is first on PATH.
"""

import argparse
import json
import os
import statistics
import sys
import time
import warnings

import igraph
import networkx

NOT_WALKED = {"reported_by", "mentions"}  # graph/query.cc Walkable()


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        next(f)  # Header.
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def walkable_edges(path):
    """The (source, target) pairs etkg's ShortestPath and Neighbors follow."""
    rows = read_tsv(path)
    documents = set()
    for source, target, kind in rows:
        if kind == "reported_by":
            documents.add(target)
        elif kind == "mentions":
            documents.add(source)
    return [(s, t) for s, t, kind in rows
            if kind not in NOT_WALKED and s not in documents and t not in documents]


def load_networkx(edges_tsv):
    graph = networkx.Graph()
    graph.add_edges_from(walkable_edges(edges_tsv))
    return graph


class IGraph:
    """An igraph Graph with the id -> vertex map it needs for lookups."""

    def __init__(self, edges_tsv):
        self.index = {}
        pairs = []
        for s, t in walkable_edges(edges_tsv):
            a = self.index.setdefault(s, len(self.index))
            b = self.index.setdefault(t, len(self.index))
            pairs.append((a, b))
        self.graph = igraph.Graph(n=len(self.index), edges=pairs, directed=False)


def read_graph_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def nx_load_json(path):
    """graph.json into a networkx MultiDiGraph keyed by edge kind."""
    data = read_graph_json(path)
    graph = networkx.MultiDiGraph()
    graph.add_nodes_from((n["id"], {k: v for k, v in n.items() if k != "id"}) for n in data["nodes"])
    graph.add_edges_from((e["source"], e["target"], e["kind"],
                          {k: v for k, v in e.items() if k not in ("source", "target")})
                         for e in data["edges"])
    return graph


def nx_write_json(graph, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(networkx.node_link_data(graph), f, ensure_ascii=False)


def ig_load_json(path):
    """graph.json into a directed igraph Graph, every field an attribute."""
    data = read_graph_json(path)
    nodes, edges = data["nodes"], data["edges"]
    index = {n["id"]: i for i, n in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[e["source"]], index[e["target"]]) for e in edges],
                         directed=True)
    for key in sorted({k for n in nodes for k in n}):
        graph.vs[key] = [n.get(key) for n in nodes]
    for key in sorted({k for e in edges for k in e if k not in ("source", "target")}):
        graph.es[key] = [e.get(key) for e in edges]
    return graph


def ig_write_json(graph, path):
    ids = graph.vs["id"]
    node_keys, edge_keys = graph.vs.attributes(), graph.es.attributes()
    node_columns = {k: graph.vs[k] for k in node_keys}
    edge_columns = {k: graph.es[k] for k in edge_keys}
    data = {
        "nodes": [{k: node_columns[k][i] for k in node_keys} for i in range(graph.vcount())],
        "edges": [dict({"source": ids[s], "target": ids[t]}, **{k: edge_columns[k][i] for k in edge_keys})
                  for i, (s, t) in enumerate(graph.get_edgelist())],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def nx_path_length(graph, a, b):
    try:
        return len(networkx.shortest_path(graph, a, b)) - 1
    except (networkx.NetworkXNoPath, networkx.NodeNotFound):
        return -1


def ig_path_length(g, a, b):
    if a not in g.index or b not in g.index:
        return -1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Couldn't reach some vertices".
        path = g.graph.get_shortest_paths(g.index[a], to=g.index[b], output="vpath")[0]
    return len(path) - 1 if path else -1


def nx_neighbors(graph, node, depth):
    if node not in graph:
        return 0
    return len(networkx.single_source_shortest_path_length(graph, node, cutoff=depth)) - 1


def ig_neighbors(g, node, depth):
    if node not in g.index:
        return 0
    return len(g.graph.neighborhood(g.index[node], order=depth)) - 1


def timed(fn, repeat, calls=1):
    """(median seconds per call over `repeat` runs of `calls` calls, last result)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            result = fn()
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times), result


def etkg_figures(json_path):
    """Milliseconds by benchmark name from Google Benchmark's JSON: the
    median aggregate when repetitions ran, else the single run; for the path
    benchmarks the mean per path. Also the context."""
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    runs, medians = {}, {}
    for b in report["benchmarks"]:
        if b.get("error_occurred"):
            continue
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        value = b["ms_per_path"] if "ms_per_path" in b else b["real_time"] * scale
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[name] = value
        else:
            runs.setdefault(name, value)
    runs.update(medians)
    return runs, report.get("context", {})


def fmt_ms(ms):
    if ms is None:
        return "-"
    return f"{ms:.4f}" if ms < 0.1 else f"{ms:.3f}" if ms < 10 else f"{ms:.1f}"


def ratio(other, etkg):
    if other is None or etkg is None or other == 0:
        return "-"
    r = other / etkg
    return f"{r:.2g}" if r < 1 else f"{r:.2f}" if r < 10 else f"{r:.0f}"


def print_table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths)))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", help="the directory etkg_query_bench --out wrote")
    parser.add_argument("--etkg-json", help="Google Benchmark JSON of the same run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()

    edges_tsv = os.path.join(args.dir, "edges.tsv")
    pairs = read_tsv(os.path.join(args.dir, "pairs.tsv"))
    queries = {q: (node, int(value)) for q, node, value in read_tsv(os.path.join(args.dir, "queries.tsv"))}
    median = queries["median"][0]

    # Loads once each: a second networkx load would only double the minute
    # this takes, and loads vary less than queries.
    nx_load, nx_graph = timed(lambda: load_networkx(edges_tsv), 1)
    ig_load, ig = timed(lambda: IGraph(edges_tsv), 1)
    print(f"walked graph: networkx {nx_graph.number_of_nodes()} nodes, "
          f"{nx_graph.number_of_edges()} edges (simple); igraph {ig.graph.vcount()} vertices, "
          f"{ig.graph.ecount()} edges (parallel edges of different kinds kept)")

    def all_paths(length_of):
        return [length_of(a, b) for a, b, _, _ in pairs]

    nx_path, nx_lengths = timed(lambda: all_paths(lambda a, b: nx_path_length(nx_graph, a, b)), args.repeat)
    ig_path, ig_lengths = timed(lambda: all_paths(lambda a, b: ig_path_length(ig, a, b)), args.repeat)
    nx_path /= len(pairs)
    ig_path /= len(pairs)

    neighbors = {}
    for depth in (1, 2):
        neighbors[depth] = (
            timed(lambda: nx_neighbors(nx_graph, median, depth), args.repeat, calls=50),
            timed(lambda: ig_neighbors(ig, median, depth), args.repeat, calls=50),
        )

    # The whole graph as JSON: one load and one write each (they take tens of
    # seconds and gigabytes in Python).
    graph_json = os.path.join(args.dir, "graph.json")
    json_figures = None
    if os.path.exists(graph_json):
        json_mb = os.path.getsize(graph_json) / 1e6
        nx_json_load, nx_full = timed(lambda: nx_load_json(graph_json), 1)
        nx_json_write, _ = timed(lambda: nx_write_json(nx_full, os.path.join(args.dir, "networkx.json")), 1)
        del nx_full
        ig_json_load, ig_full = timed(lambda: ig_load_json(graph_json), 1)
        ig_json_write, _ = timed(lambda: ig_write_json(ig_full, os.path.join(args.dir, "igraph.json")), 1)
        del ig_full
        json_figures = (json_mb, nx_json_load, ig_json_load, nx_json_write, ig_json_write)

    print()
    print(f"networkx {networkx.__version__}, igraph {igraph.__version__}; "
          f"median of {args.repeat} runs; {len(pairs)} pairs")
    print_table(["query", "networkx ms", "igraph ms"], [
        ["load edges.tsv + build", fmt_ms(nx_load * 1e3), fmt_ms(ig_load * 1e3)],
        ["shortest path, mean per pair", fmt_ms(nx_path * 1e3), fmt_ms(ig_path * 1e3)],
        ["neighbors depth 1, median leader", fmt_ms(neighbors[1][0][0] * 1e3), fmt_ms(neighbors[1][1][0] * 1e3)],
        ["neighbors depth 2, median leader", fmt_ms(neighbors[2][0][0] * 1e3), fmt_ms(neighbors[2][1][0] * 1e3)],
    ] + ([] if json_figures is None else [
        [f"load graph.json ({json_figures[0]:.0f} MB)", fmt_ms(json_figures[1] * 1e3),
         fmt_ms(json_figures[2] * 1e3)],
        ["write the graph as JSON", fmt_ms(json_figures[3] * 1e3), fmt_ms(json_figures[4] * 1e3)],
    ]))

    # Agreement with etkg.
    mismatches = []
    for (a, b, etkg_length, _), nx_length, ig_length in zip(pairs, nx_lengths, ig_lengths):
        if not int(etkg_length) == nx_length == ig_length:
            mismatches.append(f"  {a} -> {b}: etkg {etkg_length}, networkx {nx_length}, igraph {ig_length}")
    for depth in (1, 2):
        etkg_count = queries[f"neighbors_{depth}"][1]
        nx_count, ig_count = neighbors[depth][0][1], neighbors[depth][1][1]
        if not etkg_count == nx_count == ig_count:
            mismatches.append(f"  neighbors depth {depth} of {median}: etkg {etkg_count}, "
                              f"networkx {nx_count}, igraph {ig_count}")
    found = sum(1 for _, _, length, _ in pairs if int(length) >= 0)
    histogram = {}
    for _, _, length, _ in pairs:
        histogram[int(length)] = histogram.get(int(length), 0) + 1
    print()
    print(f"path lengths: {found}/{len(pairs)} pairs joined; by length (links: pairs) "
          + ", ".join(f"{k}: {v}" for k, v in sorted(histogram.items())))
    print(f"agreement with etkg: {len(pairs) + 2 - len(mismatches)}/{len(pairs) + 2} "
          f"(path lengths and neighbour counts)")
    for m in mismatches:
        print(m)

    if args.etkg_json:
        figures, context = etkg_figures(args.etkg_json)
        print()
        print(f"graph: {context.get('graph_nodes', '?')} nodes, {context.get('graph_edges', '?')} edges, "
              f"built in {float(context.get('graph_build_ms', 'nan')):.0f} ms, "
              f"peak RSS {float(context.get('peak_rss_mib', 'nan')):.0f} MiB")
        for key in ("busy_leader", "second_leader", "median_leader"):
            print(f"{key.replace('_', ' ')}: {context.get(key, '?')}")
        print()
        rows = []

        def row(label, name, target=None, nx_ms=None, ig_ms=None):
            etkg_ms = figures.get(name)
            met = "-" if target is None or etkg_ms is None else ("yes" if etkg_ms < target else "NO")
            rows.append([label, fmt_ms(etkg_ms), "-" if target is None else f"< {target:g}", met,
                         fmt_ms(nx_ms), fmt_ms(ig_ms), ratio(nx_ms, etkg_ms), ratio(ig_ms, etkg_ms)])

        row("timeline, busiest leader", "BM_TimelineBusy", 10)
        row("timeline, median leader", "BM_TimelineMedian", 10)
        row("timeline, busiest, one year", "BM_TimelineOneYear", 10)
        row("between, two busiest leaders", "BM_BetweenBusy", 10)
        row("neighbors depth 1 (BFS)", "BM_NeighborsMedian/1", None,
            neighbors[1][0][0] * 1e3, neighbors[1][1][0] * 1e3)
        row("neighbors depth 2 (BFS)", "BM_NeighborsMedian/2", None,
            neighbors[2][0][0] * 1e3, neighbors[2][1][0] * 1e3)
        row("shortest path, mean of 100", "BM_ShortestPath", None, nx_path * 1e3, ig_path * 1e3)
        row("shortest path forward in time", "BM_ShortestPathForward", None)
        row("build the query snapshot", "BM_BuildQueryIndex", None)
        if json_figures is not None:
            row("load graph.json", "BM_ReadNativeJson", None, json_figures[1] * 1e3, json_figures[2] * 1e3)
            row("load graph.json, no evidence texts", "BM_ReadNativeJsonForQuery", None,
                json_figures[1] * 1e3, json_figures[2] * 1e3)
            row("write graph JSON", "BM_WriteNativeJson", None, json_figures[3] * 1e3, json_figures[4] * 1e3)
        print_table(["query (ms per call)", "etkg", "target", "met", "networkx", "igraph",
                     "nx/etkg", "igraph/etkg"], rows)
        print("ratios above 1: etkg is faster; below 1: slower.")

        # The targets of the query work, from the same figures.
        path, forward = figures.get("BM_ShortestPath"), figures.get("BM_ShortestPathForward")
        depth2 = figures.get("BM_NeighborsMedian/2")

        def verdict(ok):
            return "-" if ok is None else ("yes" if ok else "NO")

        print()
        print_table(["target", "measured", "met"], [
            ["shortest path >= 10x faster than networkx", ratio(nx_path * 1e3, path) + "x",
             verdict(None if path is None else nx_path * 1e3 >= 10 * path)],
            ["shortest path faster than igraph", ratio(ig_path * 1e3, path) + "x",
             verdict(None if path is None else ig_path * 1e3 > path)],
            ["forward in time within 2x of the plain path", ratio(forward, path) + "x",
             verdict(None if path is None or forward is None else forward <= 2 * path)],
            ["neighbors depth 2 at least igraph's speed", ratio(neighbors[2][1][0] * 1e3, depth2) + "x",
             verdict(None if depth2 is None else neighbors[2][1][0] * 1e3 >= depth2)],
            ["answers agree with networkx and igraph",
             f"{len(pairs) + 2 - len(mismatches)}/{len(pairs) + 2}", verdict(not mismatches)],
        ])

    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
