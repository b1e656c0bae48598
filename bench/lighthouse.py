"""Lighthouse on the production-like site of `make bench`: `make lighthouse` (docs/performance.md).

The npm package `lighthouse` (a dev dependency in package.json, installed by this command)
drives Debian's Chromium with its mobile preset (a mid-range phone, throttled network and
CPU) on home, edition, programme, session, speaker and search, in French, English and
Spanish, served by gunicorn with production settings, PostgreSQL, Redis and S3 media. Each page
is run `--runs` times (3 by default) and each score is the median of its runs, as Lighthouse's
own documentation advises (one run's performance score moves by several points); the lowest
and highest performance scores are printed beside it. Prints the four scores per page and the
pages under the targets. A benchmark, not a test.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess

from .site import HEADERS, ROOT, log, production_site

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
LANGUAGES = ("fr", "en", "es")
REPORTS = ROOT / "var" / "lighthouse"  # each page's full JSON report, kept for reading


def pages(language):
    """The six page types, in `language` (the large edition exists in all three)."""
    return {
        "home": f"/{language}/",
        "edition": f"/{language}/2027/",
        "programme": f"/{language}/2027/programme/",
        "session": f"/{language}/2027/programme/seance-01/",
        "speaker": f"/{language}/2027/intervenants/intervenant-001/",
        "search": f"/{language}/search/?q=atelier",
    }


def install():
    if not LIGHTHOUSE.exists():
        log("npm ci (lighthouse)")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True
        )


def score(url, report):
    chrome_flags = " ".join(
        [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ]
    )
    # Chromium sets Host and Accept-Encoding itself (a Host set by hand stops the page load).
    headers = {k: v for k, v in HEADERS.items() if k not in ("Accept-Encoding", "Host")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={chrome_flags}",
        f"--extra-headers={json.dumps(headers)}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    # Lighthouse sometimes loses its trace of the load (NO_NAVSTART) and asks to be run again.
    for attempt in range(3):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if run.returncode == 0:
            break
        log(f"lighthouse failed on {url} (attempt {attempt + 1} of 3)")
    else:
        run.check_returncode()
    data = json.loads(report.read_text())
    # A category Lighthouse could not score (its run hit an error) has no score: shown as "—"
    # with the errors among the audits not passed.
    scores = {
        name: None
        if data["categories"][name]["score"] is None
        else round(data["categories"][name]["score"] * 100)
        for name in CATEGORIES
    }
    # Errors of audits that count towards a score; Lighthouse 13's insight audits (weight 0,
    # advice only) fail on some Chromium versions and say nothing about the page.
    weighted = {
        ref["id"]
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref.get("weight")
    }
    errors = [
        f"{audit['id']}: {audit['errorMessage']}"
        for audit in data["audits"].values()
        if audit.get("errorMessage") and audit["id"] in weighted
    ]
    if data.get("runtimeError"):
        errors.append(f"runtime: {data['runtimeError'].get('message')}")
    failing = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "metricSavings")
    )
    return scores, failing + errors


def median_run(url, name, runs):
    """(median scores, audits not passed in the median performance run, (lowest, highest)
    performance) over `runs` runs of the page; each run's report is kept."""
    results = []
    for run in range(runs):
        report = REPORTS / f"{name}-{run + 1}.json"
        results.append(score(url, report))
    medians = {
        category: None
        if any(scores[category] is None for scores, _failing in results)
        else round(statistics.median(scores[category] for scores, _failing in results))
        for category in CATEGORIES
    }
    performance = sorted((scores["performance"] or 0, failing) for scores, failing in results)
    failing = performance[len(performance) // 2][1]
    spread = (performance[0][0], performance[-1][0])
    return medians, failing, spread


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument(
        "--pages", default="", help="page types to run (home,edition,…); all by default"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median counts)")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        # Said before the site's build (minutes), not after it.
        raise SystemExit(
            f"Debian's chromium is not installed ({CHROMIUM}): apt-get install chromium"
        )
    install()
    chosen = [name for name in args.pages.split(",") if name]
    rows = []
    REPORTS.mkdir(parents=True, exist_ok=True)
    # Served as behind its TLS proxy: Lighthouse's own fetch of /robots.txt has no
    # X-Forwarded-Proto and would otherwise get production's redirect to HTTPS.
    with production_site() as site, site.gunicorn(app="bench.behind_tls"):
        for language in args.languages.split(","):
            for name, path in pages(language).items():
                if chosen and name not in chosen:
                    continue
                site.get(path)  # renditions made, the cache warm as on a live site
                log(f"lighthouse {path} ×{args.runs}")
                scores, failing, spread = median_run(
                    site.base + path, f"{language}-{name}", args.runs
                )
                rows.append((name, path, scores, failing, spread))
    print(
        "Lighthouse, mobile preset, Debian's Chromium; production-like server of `make bench`; "
        f"median of {args.runs} run(s) per page\n"
    )
    print(
        "| page | path | performance (lowest–highest) | accessibility | best practices | SEO "
        "| audits not passed |"
    )
    print("|---|---|---|---|---|---|---|")
    under = []
    for name, path, scores, failing, (lowest, highest) in rows:
        shown = ["—" if scores[c] is None else str(scores[c]) for c in CATEGORIES]
        shown[0] += f" ({lowest}–{highest})"
        print(f"| {name} | `{path}` | " + " | ".join(shown) + f" | {', '.join(failing) or '—'} |")
        under += [
            (path, c, scores[c]) for c in CATEGORIES if scores[c] is None or scores[c] < TARGETS[c]
        ]
    print()
    if under:
        print("Under the targets: " + "; ".join(f"{p} {c} {s}" for p, c, s in under))
    else:
        print("Every page meets every target.")


if __name__ == "__main__":
    main()
