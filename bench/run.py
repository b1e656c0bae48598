"""The benchmark: `make bench` (see bench/README.md and docs/performance.md).

Builds the demo and a large edition (2 days, 80 sessions, 150 speakers, 40 partners, fr/en/es)
in a fresh PostgreSQL database, serves it with gunicorn as production does (2 workers,
cms.settings.production, Redis, S3), drives each page with wrk on 127.0.0.1, uncached (page
cache off) then cached, beside the constant-response view /alive as the floor, and prints a
table with each page's median in-process time (bench.measure, production settings) beside
wrk's figures.
"""

import argparse
import json
import os
import platform
import subprocess
import sys

from . import wrk
from .site import FLOOR, HEADERS, PAGES, log, production_site


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def postgres_version():
    return subprocess.run(["pg_config", "--version"], capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk run per page and mode")
    # As many connections as workers: each request's own latency, without queueing behind
    # another (the 64-client run of bench.faults shows queueing).
    parser.add_argument("--connections", type=int, default=2)
    args = parser.parse_args()
    wrk.require()

    with production_site() as site:
        paths = list(PAGES.values())
        measured = {}
        for mode, seconds in (("uncached", "0"), ("cached", "600")):
            measured[mode] = json.loads(
                site.python("bench.measure", *paths, capture=True, PAGE_CACHE_SECONDS=seconds)
            )
        runs = {}
        for mode, seconds in (("uncached", "0"), ("cached", "600")):
            with site.gunicorn(PAGE_CACHE_SECONDS=seconds):
                for name, path in [*PAGES.items(), ("floor", FLOOR)]:
                    if name == "floor" and mode == "cached":
                        continue
                    for _ in range(3):
                        site.get(path)  # warm: renditions, caches, stored views
                    log(f"wrk {mode} {name} {path}")
                    runs[(name, mode)] = wrk.run(
                        site.base + path,
                        HEADERS,
                        seconds=args.seconds,
                        connections=args.connections,
                    )

    floor = runs[("floor", "uncached")]
    print(f"Machine: {machine()}; {postgres_version()}; gunicorn 2 sync workers")
    print(
        f"wrk: 1 thread, {args.connections} connections, {args.seconds} s per row, on 127.0.0.1\n"
    )
    header = (
        "| page | path | uncached req/s | p50 ms | p99 ms | in-process ms | SQL | cached req/s "
        "| p50 ms | p99 ms | in-process ms | SQL | cached ÷ floor | HTML bytes | gzip | brotli |"
    )
    print(header)
    print("|" + "|".join(["---"] * (header.count("|") - 1)) + "|")
    for name, path in PAGES.items():
        u, c = runs[(name, "uncached")], runs[(name, "cached")]
        mu, mc = measured["uncached"][path], measured["cached"][path]
        print(
            f"| {name} | `{path}` | {u['rps']:.0f} | {u['p50']:.1f} | {u['p99']:.1f} "
            f"| {mu['ms']:.1f} | {mu['queries']} "
            f"| {c['rps']:.0f} | {c['p50']:.1f} | {c['p99']:.1f} | {mc['ms']:.1f} | {mc['queries']} "
            f"| {c['rps'] / floor['rps']:.2f} | {mu['bytes']:,} | {mu['gzip']:,} | {mu['brotli']:,} |"
        )
    print(
        f"| floor (constant view) | `{FLOOR}` | {floor['rps']:.0f} | {floor['p50']:.1f} "
        f"| {floor['p99']:.1f} | | 0 | | | | | | 1.00 | 3 | | |"
    )
    failures = sum(r["errors"] + r["socket_errors"] for r in runs.values())
    print(f"\nError responses and socket errors over all runs: {failures}")
    if os.environ.get("BENCH_SQL"):
        for path, found in measured["uncached"].items():
            print(f"\n{path}: {found['queries']} queries", *found["sql"], sep="\n  ")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
