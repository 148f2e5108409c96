"""Network metrics and health figures on synthetic networks: time, memory, betweenness error.

For each size, builds a synthetic network (bench/graphs.py; 85 % persons,
15 % organisations, employment on top of the ties), then times
network_metrics (degrees, sampled betweenness, clustering, Leiden communities)
and network_health (team dependency, brokers, stale ties, isolates), with a
breakdown of the expensive steps. On the smallest size it also computes exact
betweenness and reports how far the sampled estimate is from it.
Goals (issue 3): under 3 s at 10,000 nodes, under 60 s at 100,000 nodes / 500,000 ties.

    .venv/bin/python bench/network_analytics.py [--sizes 10000:50000 100000:500000]
        [--sample 256] [--no-error] [--seed 1]
"""

import argparse
import gc
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.graphs import TODAY, synthetic_network
from netzwerkstatt.network import analytics
from netzwerkstatt.network.analytics import DEFAULT_BETWEENNESS_SAMPLE, network_metrics
from netzwerkstatt.network.health import network_health

STALE_AFTER_MONTHS = 12


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10000:50000", "100000:500000"])
    parser.add_argument("--sample", type=int, default=DEFAULT_BETWEENNESS_SAMPLE)
    parser.add_argument("--no-error", action="store_true", help="skip the exact betweenness")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def breakdown(data, sample: int, seed: int) -> str:
    simple, build = timed(analytics.SimpleGraph, data)
    _, betweenness = timed(analytics._betweenness, simple.graph, sample, seed)
    _, leiden = timed(
        analytics._communities,
        simple.graph,
        simple.strength.tolist(),
        seed,
    )
    _, clustering = timed(simple.graph.transitivity_local_undirected, mode="zero")
    return (
        f"graph {build:.2f} s, betweenness ({sample} pivots) {betweenness:.2f} s, "
        f"Leiden {leiden:.2f} s, clustering {clustering:.2f} s"
    )


def betweenness_error(data, metrics: dict, seed: int) -> None:
    exact, seconds = timed(network_metrics, data, betweenness_sample=None, seed=seed)
    keys = list(exact["nodes"])
    truth = np.array([exact["nodes"][key]["betweenness"] for key in keys])
    estimate = np.array([metrics["nodes"][key]["betweenness"] for key in keys])
    print(f"  exact betweenness for comparison: {seconds:.1f} s")
    for top in (10, 20, 100):
        true_top = set(np.argsort(-truth)[:top].tolist())
        found = len(true_top & set(np.argsort(-estimate)[:top].tolist()))
        relative = np.abs(estimate - truth)[list(true_top)] / truth[list(true_top)]
        print(
            f"  top {top} brokers: {found} of {top} also in the estimated top {top}; "
            f"relative error median {np.median(relative):.1%}, max {relative.max():.1%}"
        )
    ranks_true = np.argsort(np.argsort(truth))
    ranks_estimate = np.argsort(np.argsort(estimate))
    spearman = np.corrcoef(ranks_true, ranks_estimate)[0, 1]
    print(f"  rank correlation (Spearman) over all {len(keys):,} nodes: {spearman:.3f}")


def measure(nodes: int, ties: int, arguments, *, error: bool) -> None:
    print(f"\n--- {nodes:,} nodes, {ties:,} ties ---", flush=True)
    persons = nodes * 85 // 100
    data, seconds = timed(
        synthetic_network,
        persons=persons,
        organisations=nodes - persons,
        ties=ties,
        seed=arguments.seed,
    )
    print(
        f"network: {len(data.nodes):,} nodes, {len(data.edges):,} edges (with employment), "
        f"generated in {seconds:.1f} s, RSS {rss_mb():.0f} MB"
    )
    gc.collect()
    gc.freeze()
    before = rss_mb()
    metrics, metrics_seconds = timed(
        network_metrics, data, betweenness_sample=arguments.sample, seed=arguments.seed
    )
    health, health_seconds = timed(
        network_health, data, today=TODAY, stale_after_months=STALE_AFTER_MONTHS
    )
    total = metrics_seconds + health_seconds
    print(
        f"network_metrics {metrics_seconds:.2f} s + network_health {health_seconds:.2f} s "
        f"= {total:.2f} s; RSS +{rss_mb() - before:.0f} MB; JSON "
        f"{len(json.dumps(metrics)) / 1e6:.1f} MB + {len(json.dumps(health)) / 1e6:.1f} MB"
    )
    print(f"  breakdown: {breakdown(data, arguments.sample, arguments.seed)}")
    network = metrics["network"]
    print(
        f"  {network['components']:,} components (largest {network['largest_component']:,}), "
        f"{len(network['isolates']):,} isolates, {len(network['communities']):,} communities, "
        f"modularity {network['modularity']:.3f}, density {network['density']:.2e}"
    )
    print(
        f"  health: team dependency {health['team_dependency']['share']:.1%}, "
        f"{health['ties_only_via_team']['count']:,} only via the team, "
        f"{health['brokers']['count']:,} brokers, "
        f"{health['stale_ties']['share']:.1%} stale ties"
    )
    if error:
        betweenness_error(data, metrics, arguments.seed)
    gc.unfreeze()


def main() -> int:
    arguments = parse_arguments()
    for number, size in enumerate(arguments.sizes):
        nodes, ties = (int(value) for value in size.split(":"))
        measure(nodes, ties, arguments, error=number == 0 and not arguments.no_error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
