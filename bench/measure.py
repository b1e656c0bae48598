"""In a process of the site (production settings): SQL queries per request, the median
in-process time of RENDERS requests and HTML bytes (raw, gzip, Brotli) for each page. With
PAGE_CACHE_SECONDS=0 it counts a view made from the database; otherwise a view served from
the page cache. Prints JSON."""

import gzip
import json
import os
import statistics
import sys
import time

RENDERS = 15


def main(paths):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import brotli

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    found = {}
    for path in paths:
        client.get(path)  # renditions made, the caches filled (or the page stored)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        body = response.content
        times = []
        for _ in range(RENDERS):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        found[path] = {
            "ms": statistics.median(times),
            "status": response.status_code,
            "cache": response.headers.get("X-Page-Cache", "-"),
            "queries": len(queries),
            "sql": [q["sql"] for q in queries.captured_queries],
            "bytes": len(body),
            "gzip": len(gzip.compress(body, 6)),
            "brotli": len(brotli.compress(body)),
        }
    json.dump(found, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
