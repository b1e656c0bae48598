"""In-process render times, without the page cache: `make render` (docs/performance.md).

What every publish, filter combination, preview, logged-in editor and PDF costs: the page made
from the database and the templates, with `DEBUG` off, on SQLite (the embedded default), on
the demo and the large 2027 edition of `bench.large_edition`. Each page is rendered once to
warm (renditions, stored views), then `--runs` times; the table gives the median, the
fastest and the SQL queries of one render. The programme is also measured as it is right
after a session's publication (that session's card made again, the others kept under their
tags) and with nothing kept at all (the cache emptied before each render: the worst case,
after a cache server's restart). Not a test: nothing here is timed in CI.

The database is built once in `var/bench-render/` (`--rebuild` to make it again).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKDIR = ROOT / "var" / "bench-render"

PAGES = {
    "home": "/fr/",
    "edition": "/fr/2027/",
    "programme, 80 sessions": "/fr/2027/programme/",
    "programme, workshops": "/fr/2027/programme/?type=workshop",
    "session": "/fr/2027/programme/seance-01/",
    "speaker": "/fr/2027/intervenants/intervenant-001/",
    "speakers": "/fr/2027/intervenants/",
    "search": "/fr/search/?q=atelier",
    "session (en)": "/en/2027/programme/seance-01/",
}

# Pages measured again, with something done before each render (not timed).
AFTER = {
    "programme, a session just published": ("/fr/2027/programme/", "publish"),
    "programme, nothing kept": ("/fr/2027/programme/", "empty"),
}


def environment(workdir=WORKDIR):
    """The dev settings on a SQLite database and media of their own in `workdir`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "RENCONTRES_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
    }


def build(workdir=WORKDIR, large=True):
    """Migrate, load the demo and (if `large`) the 2027 edition into `workdir`."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    env = environment(workdir)
    steps = [["manage.py", "migrate", "--no-input"], ["manage.py", "load_demo"]]
    if large:
        steps.append(["-m", "bench.large_edition"])
    for args in steps:
        print("…", " ".join(args), file=sys.stderr)
        subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def measure(runs):
    os.environ.update(environment())
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False  # before any template engine exists: no template debug either
    from django.core.cache import cache

    from home.caching.tags import invalidate
    from sessions.models import SessionPage

    # Its three languages share a translation key, the tag a publication marks.
    published = SessionPage.objects.filter(url_path__endswith="/2027/programme/seance-01/")[0]
    before = {
        None: lambda: None,
        "publish": lambda: invalidate({f"page:{published.translation_key}"}),
        "empty": cache.clear,
    }
    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    pages = [(name, path, None) for name, path in PAGES.items()]
    pages += [(name, path, what) for name, (path, what) in AFTER.items()]
    for name, path, what in pages:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        times = []
        for _ in range(runs):
            before[what]()
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        before[what]()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        rows.append(
            (name, path, statistics.median(times), min(times), len(queries), len(response.content))
        )
    print(f"{runs} renders per page, SQLite, DEBUG off, page cache off\n")
    print("| page | path | median ms | fastest ms | SQL | HTML bytes |")
    print("|---|---|---|---|---|---|")
    for name, path, median, fastest, queries, size in rows:
        print(f"| {name} | `{path}` | {median:.1f} | {fastest:.1f} | {queries} | {size:,} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild or not (WORKDIR / "db.sqlite3").exists():
        build()
    measure(args.runs)


if __name__ == "__main__":
    main()
