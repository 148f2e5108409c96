"""Warm paths: index build and query times, side by side with a networkx baseline.

For each size, builds a synthetic network (bench/graphs.py), indexes it
(PathGraph.build: time and memory), then times warm_paths(k=3) from the team to
random targets (persons and organisations) and, on the same graph, networkx's
k shortest simple paths (Yen) with weight -log p.
Goals (issue 3): p95 under 10 ms at 10,000 persons / 100,000 ties and under
50 ms at 100,000 persons / 1,000,000 ties.

    .venv/bin/python bench/warm_paths.py [--sizes 10000:100000 100000:1000000]
        [--targets 300] [--baseline-targets 10] [--seed 1]
"""

import argparse
import gc
import itertools
import math
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.graphs import TODAY, synthetic_network, team_keys
from netzwerkstatt.network.paths import MAX_HOPS, PathGraph, warm_paths

K = 3
HUBS = 20


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10000:100000", "100000:1000000"])
    parser.add_argument("--targets", type=int, default=300)
    parser.add_argument("--baseline-targets", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(values, share * 100))


def baseline_graph(graph: PathGraph, data) -> nx.Graph:
    """The index's best tie per pair with weight -log p, without what the rules forbid.

    A super-source "team" joins every team member at weight 0; organisations,
    unwilling persons and ties between team members are left out, so the only
    paths are team member → possible intermediates → (target, added per query).
    """
    n = len(graph.keys)
    allowed = np.zeros(n, bool)
    team = np.zeros(n, bool)
    for i, node in enumerate(data.nodes):
        team[i] = node.team
        allowed[i] = node.type == "person" and not node.team and node.door_opener != "unwilling"
    low, high = graph.pair_key // n, graph.pair_key % n
    keep = (allowed[low] | team[low]) & (allowed[high] | team[high]) & ~(team[low] & team[high])
    weight = -np.log(graph.pair_prob[keep])
    result = nx.Graph()
    result.add_weighted_edges_from(
        zip(low[keep].tolist(), high[keep].tolist(), weight.tolist(), strict=True)
    )
    result.add_weighted_edges_from(("team", int(t), 0.0) for t in np.flatnonzero(team))
    return result, allowed, team


def baseline_query(base: nx.Graph, graph: PathGraph, allowed, team, target: int):
    """The first K paths of nx.shortest_simple_paths from the team to the target."""
    added = []
    if target not in base or not allowed[target]:
        # the target joins with its ties to possible intermediates and team members
        n = len(graph.keys)
        low, high = graph.pair_key // n, graph.pair_key % n
        for position in np.flatnonzero((low == target) | (high == target)).tolist():
            other = int(low[position] if high[position] == target else high[position])
            if allowed[other] or team[other]:
                weight = -math.log(graph.pair_prob[position])
                if not base.has_edge(target, other):
                    base.add_edge(target, other, weight=weight)
                    added.append((target, other))
    try:
        paths = list(
            itertools.islice(nx.shortest_simple_paths(base, "team", target, weight="weight"), K)
        )
        return [
            (
                math.exp(-sum(base[a][b]["weight"] for a, b in itertools.pairwise(path[1:]))),
                len(path) - 2,
            )
            for path in paths
        ]
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    finally:
        base.remove_edges_from(added)


def consistent(paths, expected) -> bool:
    """Each of networkx's paths within the hop bound is among ours, or ranks below all k of ours."""
    ours = [path.score for path in paths]
    for score, hop_count in expected:
        if hop_count > MAX_HOPS:
            continue
        if not any(math.isclose(score, mine) for mine in ours) and (
            len(ours) < K or score > ours[-1]
        ):
            return False
    return True


def measure(persons: int, ties: int, arguments) -> None:
    print(f"\n--- {persons:,} persons, {ties:,} ties ---", flush=True)
    started = time.perf_counter()
    data = synthetic_network(persons=persons, ties=ties, seed=arguments.seed)
    print(
        f"network: {len(data.nodes):,} nodes, {len(data.edges):,} edges (with employment), "
        f"generated in {time.perf_counter() - started:.1f} s, RSS {rss_mb():.0f} MB"
    )
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    graph = PathGraph.build(data, today=TODAY)
    build = time.perf_counter() - started
    gc.collect()
    index_mb = (graph.nbytes + sys.getsizeof(graph.index) + sys.getsizeof(graph.keys)) / 1e6
    print(
        f"PathGraph.build: {build:.2f} s; arrays {graph.nbytes / 1e6:.1f} MB + key index "
        f"{(index_mb - graph.nbytes / 1e6):.1f} MB = {index_mb:.1f} MB; "
        f"RSS +{rss_mb() - before:.0f} MB; {len(graph.pair_key):,} node pairs"
    )
    gc.freeze()  # as netzwerkstatt/wsgi.py does after start-up
    team = team_keys(data)
    targets = random_targets(data, arguments)
    queries(graph, team, targets, arguments)
    baseline(graph, data, team, targets[: arguments.baseline_targets])
    gc.unfreeze()


def random_targets(data, arguments) -> list[str]:
    """Half persons, half organisations, none of them in the team, shuffled."""
    rng = np.random.default_rng(arguments.seed + 1)
    persons_keys = [node.key for node in data.nodes if node.type == "person" and not node.team]
    organisation_keys = [node.key for node in data.nodes if node.type == "organisation"]
    half = arguments.targets // 2
    targets = [persons_keys[i] for i in rng.choice(len(persons_keys), half, replace=False)]
    targets += [
        organisation_keys[i]
        for i in rng.choice(len(organisation_keys), arguments.targets - half, replace=False)
    ]
    return [targets[i] for i in rng.permutation(len(targets))]


def queries(graph: PathGraph, team: list[str], targets: list[str], arguments) -> None:
    started = time.perf_counter()
    warm_paths(graph, sources=team, target=targets[0], k=K)
    print(
        f"first query (computes and caches the team's forward half-paths): "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )
    timings, found, hops = [], [], []
    for target in targets:
        started = time.perf_counter()
        paths = warm_paths(graph, sources=team, target=target, k=K)
        timings.append((time.perf_counter() - started) * 1000)
        found.append(len(paths))
        hops.extend(len(path.nodes) - 1 for path in paths)
    print(
        f"warm_paths k={K}, {len(targets)} targets: p50 {percentile(timings, 0.5):.2f} ms, "
        f"p95 {percentile(timings, 0.95):.2f} ms, max {max(timings):.2f} ms"
    )
    print(
        f"  targets with 0/1/2/3 paths: {np.bincount(found, minlength=K + 1).tolist()}; "
        f"hops of the paths found 1/2/3/4: {np.bincount(hops, minlength=MAX_HOPS + 1)[1:].tolist()}"
    )
    # the worst case: the best-connected persons and organisations as targets
    degree = np.diff(graph.ptr)
    team_ids = {graph.index[key] for key in team}
    hubs = [int(i) for i in np.argsort(-degree) if int(i) not in team_ids][:HUBS]
    timings = []
    for hub in hubs:
        started = time.perf_counter()
        warm_paths(graph, sources=team, target=graph.keys[hub], k=K)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"  the {HUBS} best-connected targets ({degree[hubs[-1]]:,}–{degree[hubs[0]]:,} "
        f"neighbours): p50 {percentile(timings, 0.5):.2f} ms, max {max(timings):.2f} ms"
    )


def baseline(graph: PathGraph, data, team: list[str], chosen: list[str]) -> None:
    started = time.perf_counter()
    base, allowed, in_team = baseline_graph(graph, data)
    print(
        f"networkx baseline graph: {base.number_of_nodes():,} nodes, "
        f"{base.number_of_edges():,} edges, built in {time.perf_counter() - started:.1f} s"
    )
    baseline_timings, ours, agree, longer = [], [], 0, 0
    for target in chosen:
        started = time.perf_counter()
        expected = baseline_query(base, graph, allowed, in_team, graph.index[target])
        baseline_timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        paths = warm_paths(graph, sources=team, target=target, k=K)
        ours.append((time.perf_counter() - started) * 1000)
        longer += bool(expected) and expected[0][1] > MAX_HOPS
        agree += consistent(paths, expected)
    mean_baseline, mean_ours = statistics.mean(baseline_timings), statistics.mean(ours)
    print(
        f"networkx shortest_simple_paths, first {K}, {len(chosen)} targets: "
        f"p50 {percentile(baseline_timings, 0.5):.0f} ms, max {max(baseline_timings):.0f} ms, "
        f"mean {mean_baseline:.0f} ms; warm_paths on the same targets: mean {mean_ours:.2f} ms; "
        f"ratio {mean_baseline / mean_ours:,.0f}×"
    )
    print(
        f"  consistent with networkx: {agree} of {len(chosen)} targets; networkx's best path "
        f"is longer than {MAX_HOPS} hops (beyond our bound) for {longer} of them"
    )


def main() -> int:
    arguments = parse_arguments()
    print(f"today = {TODAY}, {date.today()} wall clock; k = {K}, max_hops = {MAX_HOPS}")
    for size in arguments.sizes:
        persons, ties = (int(value) for value in size.split(":"))
        measure(persons, ties, arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
