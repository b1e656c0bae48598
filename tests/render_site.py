"""Renders pages of the site configured by the environment, as an anonymous visitor would
get them: `python -m tests.render_site /fr/ /en/2025/ …` prints {url: [status, html]}."""

import json
import os
import sys


def main(urls):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = [response.status_code, response.content.decode()]
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
