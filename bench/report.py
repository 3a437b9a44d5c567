#!/usr/bin/env python3
"""Summarises a MatchBenchmark JMH JSON result (-rf json): wall-clock and CPU-time rates, ratios to the baseline.

Usage: bench/report.py RESULT.json
"""
import json
import sys


def main(path):
    with open(path) as f:
        runs = json.load(f)
    rows = {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 1)[1]
        observed = int(r["params"]["observed"])
        wall = r["primaryMetric"]["score"]
        err = r["primaryMetric"]["scoreError"]
        sec = r.get("secondaryMetrics", {})
        cpu = None
        if "rpis" in sec and "cpuMicros" in sec:
            rpis = sum(sum(fork) for fork in sec["rpis"]["rawData"])
            micros = sum(sum(fork) for fork in sec["cpuMicros"]["rawData"])
            cpu = rpis / micros * 1e6 if micros else None
        iters = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        rows[(observed, name)] = (wall, err, cpu, min(iters), max(iters))
    print("| benchmark | observed | wall-clock RPIs/s (± 99.9% CI) | iterations min..max | RPIs per CPU-second "
          "| ratio to baseline (wall / CPU) |")
    print("|---|---:|---:|---:|---:|---:|")
    for (observed, name), (wall, err, cpu, lo, hi) in sorted(rows.items()):
        base = rows.get((observed, "baseline"))
        ratio = ""
        if base and name != "baseline":
            wr = wall / base[0]
            cr = f"{cpu / base[2]:.1f}x" if cpu and base[2] else "n/a"
            ratio = f"{wr:.1f}x / {cr}"
        cpu_s = f"{cpu / 1e6:.1f}M" if cpu else "n/a"
        print(f"| {name} | {observed:,} | {wall / 1e6:.1f}M ± {err / 1e6:.1f}M | {lo / 1e6:.1f}M..{hi / 1e6:.1f}M "
              f"| {cpu_s} | {ratio} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
