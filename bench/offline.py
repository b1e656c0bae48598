"""What the service worker keeps offline (issue 16, 2): `make offline` (docs/performance.md).

For an edition in each language, the pages of its offline list (sessions/offline.py), the site's
files and the "not available offline" pages, as a phone downloads them: pages gzipped as the
page cache sends them, CSS and scripts gzipped as WhiteNoise sends them, fonts and icons as
they are. On the database of `make render` (the demo and the large 2027 edition).
"""

import argparse
import gzip
import os
import sys

from .render import WORKDIR, build, environment


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="2025,2027")
    args = parser.parse_args()
    if not (WORKDIR / "db.sqlite3").exists():
        build()
    os.environ.update(environment())
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.test import Client, RequestFactory
    from django.utils import translation

    from editions.models import EditionPage
    from sessions.offline import ASSETS, edition_pages

    settings.DEBUG = False
    client = Client(HTTP_HOST="127.0.0.1")
    print("| edition | language | pages | pages, compressed | files, compressed | total |")
    print("|---|---|---|---|---|---|")
    assets = 0
    for name in ASSETS:
        with open(finders.find(name), "rb") as source:
            body = source.read()
        assets += len(body if name.endswith((".woff2", ".png")) else gzip.compress(body))
    for year in args.years.split(","):
        for language in ("fr", "en", "es"):
            edition = EditionPage.objects.filter(
                year=int(year), locale__language_code=language
            ).first()
            if edition is None:
                continue
            with translation.override(language):
                request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
                urls, _tags = edition_pages(edition, request)
            urls += [f"/{language}/", *(f"/{code}/hors-ligne/" for code in ("fr", "en", "es"))]
            size = 0
            for url in urls:
                response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
                if response.status_code != 200:
                    print(f"{url}: {response.status_code}", file=sys.stderr)
                    continue
                body = response.content
                size += len(
                    body if response.get("Content-Encoding") == "gzip" else gzip.compress(body)
                )
            print(
                f"| {year} | {language} | {len(urls)} | {size / 1000:,.0f} kB | "
                f"{assets / 1000:,.0f} kB | {(size + assets) / 1000:,.0f} kB |"
            )


if __name__ == "__main__":
    main()
