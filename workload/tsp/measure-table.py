#!/usr/bin/env python3
"""Prints the Markdown cost table from workload/tsp/build/measure/*.json (written by measure.sh):
wall-clock mean +- standard deviation and the CPU time (user + system) per n and runtime."""
import glob, json, os, re

here = os.path.dirname(os.path.abspath(__file__))
rows = {}
for path in glob.glob(os.path.join(here, "build", "measure", "*.json")):
    runtime = re.sub(r"-\d+(-\d+)?\.json$", "", os.path.basename(path))
    for r in json.load(open(path))["results"]:
        rows.setdefault(int(r["parameters"]["n"]), {})[runtime] = r

def ms(seconds):
    v = seconds * 1000
    return f"{v:.0f}" if v >= 100 else f"{v:.1f}" if v >= 10 else f"{v:.2f}"

runtimes = [r for r in ["native", "musl", "wasm-node", "wasm-node-turbofan"] if any(r in v for v in rows.values())]
print("| n | " + " | ".join(f"{r}: wall ms (mean ± sd) | {r}: CPU ms" for r in runtimes) + " |")
print("|---|" + "---|---|" * len(runtimes))
for n in sorted(rows):
    cells = []
    for rt in runtimes:
        r = rows[n].get(rt)
        cells += [f"{ms(r['mean'])} ± {ms(r['stddev'] or 0)} ({len(r['times'])} runs)", ms(r["user"] + r["system"])] if r else ["", ""]
    print(f"| {n} | " + " | ".join(cells) + " |")
