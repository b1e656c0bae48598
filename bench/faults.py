"""Under load and faults: `make load` (figures in docs/performance.md).

On the production-like site of bench/site.py (gunicorn, 2 workers), 64 wrk connections on the
programme page for 30 s in four runs: steady; with the registration provider (pretix)
hanging; with Redis stopped 10 s in and started again 10 s later; with PostgreSQL restarted
10 s in. Meanwhile a prober asks for a page that is never cached (a fresh query string)
every 500 ms, and an editor publishes a session title every second; afterwards every
publication that returned is checked in the database.
"""

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from . import wrk
from .site import HEADERS, PYTHON, ROOT, log, production_site

PROGRAMME = "/fr/2027/programme/"
SECONDS = 30


class HangingServer:
    """Accepts connections and never answers: a registration provider that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(100)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(connection)


class Prober(threading.Thread):
    """GETs an address the page cache never holds, every 500 ms: (time, status, ms)."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site, self.samples, self.stopped = site, [], threading.Event()

    def run(self):
        started, n = time.monotonic(), 0
        while not self.stopped.is_set():
            n += 1
            t = time.monotonic()
            try:
                status = self.site.get(f"{PROGRAMME}?probe={n}", timeout=10)[0]
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0
            self.samples.append((t - started, status, (time.monotonic() - t) * 1000))
            time.sleep(max(0, 0.5 - (time.monotonic() - t)))

    def summary(self, fault_at=None):
        bad = [s for s in self.samples if s[1] != 200]
        found = {
            "probes": len(self.samples),
            "probe_errors": len(bad),
            "probe_max_ms": max((s[2] for s in self.samples), default=0),
        }
        if fault_at is not None and bad:
            last_bad = max(s[0] for s in bad)
            found["recovered_after_s"] = round(last_bad - fault_at, 1)
        return found


def run_scenario(site, name, fault=None):
    log(f"scenario: {name}")
    editor = subprocess.Popen(
        [PYTHON, "-m", "bench.editor", "publish", str(SECONDS)],
        cwd=ROOT,
        env=site.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    prober = Prober(site)
    prober.start()
    fault_thread = None
    fault_at = None
    if fault is not None:

        def act():
            nonlocal fault_at
            time.sleep(10)
            fault_at = 10.0
            fault()

        fault_thread = threading.Thread(target=act, daemon=True)
        fault_thread.start()
    result = wrk.run(site.base + PROGRAMME, HEADERS, seconds=SECONDS, connections=64, threads=2)
    if fault_thread:
        fault_thread.join()
    prober.stopped.set()
    prober.join()
    edits = json.loads(editor.communicate(timeout=60)[0])
    checked = json.loads(site.python("bench.editor", "check", *edits["acknowledged"], capture=True))
    return {
        "name": name,
        "rps": result["rps"],
        "p50": result["p50"],
        "p99": result["p99"],
        "requests": result["requests"],
        "errors": result["errors"] + result["socket_errors"],
        **prober.summary(fault_at),
        "published": len(edits["acknowledged"]),
        "publish_failures": edits["failures"],
        "lost": len(checked["missing"]),
    }


def main():
    wrk.require()
    rows = []
    with (
        production_site() as site,
        site.gunicorn(PAGE_CACHE_SECONDS="600", PRETIX_API_TOKEN="bench"),
    ):
        for _ in range(3):
            site.get(PROGRAMME)
        rows.append(run_scenario(site, "steady"))

        hanging = HangingServer()
        site.python("bench.editor", "pretix", hanging.url)
        rows.append(run_scenario(site, "registration provider hanging"))

        def redis_outage():
            site.redis.stop()
            time.sleep(10)
            site.redis.start()

        rows.append(run_scenario(site, "Redis stopped for 10 s", redis_outage))
        rows.append(run_scenario(site, "PostgreSQL restarted", site.postgres.restart))

    print(
        "64 wrk connections (2 threads) on the programme page, 30 s per run; gunicorn 2 workers\n"
    )
    print(
        "| run | req/s | p50 ms | p99 ms | error responses | probes (uncached) | probe errors "
        "| recovered after | probe max ms | titles published | publish attempts failed | lost |"
    )
    print("|" + "|".join(["---"] * 12) + "|")
    for r in rows:
        recovered = f"{r['recovered_after_s']} s" if "recovered_after_s" in r else "—"
        print(
            f"| {r['name']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} "
            f"| {r['probes']} | {r['probe_errors']} | {recovered} | {r['probe_max_ms']:.0f} "
            f"| {r['published']} | {r['publish_failures']} | {r['lost']} |"
        )
    return 0 if all(r["lost"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
