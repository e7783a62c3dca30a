"""Reference values for @clustergraph/analytics, computed with networkx (and igraph where networkx
would take hours), committed beside this script so the TypeScript tests compare against them.

Usage (from the repository root; networkx and igraph from PyPI: `pip install networkx igraph`):
  python3 analytics/reference/networkx_reference.py synthetic   # writes synthetic-1000.json
  python3 analytics/reference/networkx_reference.py h2020       # writes h2020.json (exact betweenness: minutes)
  python3 analytics/reference/networkx_reference.py bench SAMPLES  # prints timings as JSON (bench:analytics)

The H2020 network: organisations (pic) linked when they take part in the same project (rcn), weight =
number of distinct shared projects; a pic listed twice in one project counts once.
"""

import csv
import gzip
import hashlib
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
H2020_FILE = HERE.parent.parent.parent / "shared" / "datasets" / "h2020-participations.csv.gz"
LOUVAIN_SEED = 42


def read_h2020_projects(path=H2020_FILE):
    projects = defaultdict(set)
    with gzip.open(path, "rt", newline="") as handle:
        for row in csv.DictReader(handle):
            projects[row["rcn"]].add(row["pic"])
    return projects


def co_participation_graph(projects):
    weights = defaultdict(int)
    graph = nx.Graph()
    for pics in projects.values():
        graph.add_nodes_from(pics)
        for a, b in itertools.combinations(sorted(pics), 2):
            weights[(a, b)] += 1
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return graph


def degree_digest(graph):
    """sha256 of 'node:degree' lines in node order: equal digests mean equal degrees everywhere."""
    lines = "".join(f"{node}:{graph.degree(node)}\n" for node in sorted(graph.nodes))
    return hashlib.sha256(lines.encode()).hexdigest()


def component_digest(graph):
    """sha256 of 'node:smallest node of its component' lines in node order: the same partition."""
    representative = {}
    for component in nx.connected_components(graph):
        smallest = min(component)
        for node in component:
            representative[node] = smallest
    lines = "".join(f"{node}:{representative[node]}\n" for node in sorted(graph.nodes))
    return hashlib.sha256(lines.encode()).hexdigest()


def exact_betweenness_igraph(graph):
    """Exact unweighted betweenness, normalised as networkx does (2 / ((n-1)(n-2)) for undirected)."""
    import igraph as ig

    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges], directed=False)
    raw = g.betweenness(directed=False)
    n = len(nodes)
    scale = 2 / ((n - 1) * (n - 2))
    return {node: raw[i] * scale for i, node in enumerate(nodes)}


def top(mapping, count):
    ranked = sorted(mapping.items(), key=lambda item: (-item[1], item[0]))
    return [{"id": node, "value": value} for node, value in ranked[:count]]


def synthetic():
    """A 1,000-node graph: a clustered power-law part plus small separate pieces, weights 1-5."""
    rng = random.Random(7)
    graph = nx.powerlaw_cluster_graph(960, 3, 0.3, seed=7)
    graph = nx.relabel_nodes(graph, {i: f"o{i}" for i in graph.nodes})
    for piece in range(8):
        path = [f"p{piece}-{i}" for i in range(5)]
        nx.add_path(graph, path)
    for a, b in graph.edges:
        graph[a][b]["weight"] = rng.randint(1, 5)
    assert graph.number_of_nodes() == 1000, graph.number_of_nodes()

    communities = nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED)
    result = {
        "generator": "networkx.powerlaw_cluster_graph(960, 3, 0.3, seed=7) + 8 paths of 5 nodes; weights random.Random(7).randint(1, 5)",
        "networkx": nx.__version__,
        "nodes": sorted(graph.nodes),
        "edges": [[a, b, graph[a][b]["weight"]] for a, b in sorted(graph.edges)],
        "expected": {
            "degree": dict(graph.degree()),
            "weightedDegree": dict(graph.degree(weight="weight")),
            "componentCount": nx.number_connected_components(graph),
            "componentSizes": sorted((len(c) for c in nx.connected_components(graph)), reverse=True),
            "betweenness": nx.betweenness_centrality(graph, normalized=True),
            "pagerank": nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-10, max_iter=1000),
            "louvainModularity": nx.community.modularity(graph, communities, weight="weight"),
            "louvainCommunityCount": len(communities),
        },
    }
    (HERE / "synthetic-1000.json").write_text(json.dumps(result, indent=0, sort_keys=True) + "\n")


def h2020():
    timings = {}
    started = time.perf_counter()
    graph = co_participation_graph(read_h2020_projects())
    timings["build"] = time.perf_counter() - started
    components = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    size_counts = defaultdict(int)
    for size in components:
        size_counts[size] += 1
    started = time.perf_counter()
    communities = nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED)
    modularity = nx.community.modularity(graph, communities, weight="weight")
    timings["louvain"] = time.perf_counter() - started
    started = time.perf_counter()
    betweenness = exact_betweenness_igraph(graph)
    timings["exactBetweennessIgraph"] = time.perf_counter() - started
    result = {
        "source": "shared/datasets/h2020-participations.csv.gz",
        "networkx": nx.__version__,
        "nodeCount": graph.number_of_nodes(),
        "edgeCount": graph.number_of_edges(),
        "totalWeight": int(graph.size(weight="weight")),
        "componentCount": len(components),
        "giantComponentSize": components[0],
        "componentSizeCounts": {str(size): count for size, count in sorted(size_counts.items())},
        "degreeDigest": degree_digest(graph),
        "componentDigest": component_digest(graph),
        "topDegree": top(dict(graph.degree()), 20),
        "topWeightedDegree": top(dict(graph.degree(weight="weight")), 20),
        "louvain": {"seed": LOUVAIN_SEED, "modularity": modularity, "communityCount": len(communities)},
        "betweenness": {
            "method": "igraph exact unweighted betweenness, normalised as networkx",
            "top30": top(betweenness, 30),
        },
        "secondsOnThisMachine": timings,
    }
    (HERE / "h2020.json").write_text(json.dumps(result, indent=1) + "\n")


def bench(samples):
    """What a networkx user would run on the whole network: the timings bench:analytics compares with."""
    timings = {}
    started = time.perf_counter()
    graph = co_participation_graph(read_h2020_projects())
    timings["build"] = time.perf_counter() - started
    started = time.perf_counter()
    dict(graph.degree())
    dict(graph.degree(weight="weight"))
    timings["degree"] = time.perf_counter() - started
    started = time.perf_counter()
    nx.number_connected_components(graph)
    timings["components"] = time.perf_counter() - started
    started = time.perf_counter()
    nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED)
    timings["louvain"] = time.perf_counter() - started
    started = time.perf_counter()
    nx.betweenness_centrality(graph, k=samples, seed=LOUVAIN_SEED)
    timings["betweenness"] = time.perf_counter() - started
    timings["total"] = sum(timings.values())
    print(json.dumps({"networkx": nx.__version__, "samples": samples, "seconds": timings}))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "synthetic":
        synthetic()
    elif mode == "h2020":
        h2020()
    elif mode == "bench":
        bench(int(sys.argv[2]))
    else:
        sys.exit(__doc__)
