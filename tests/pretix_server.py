"""A small real HTTP server on 127.0.0.1 speaking the part of pretix's REST API the site
reads: an event's quotas with their availability, paginated as pretix paginates
(`count`, `next`, `previous`, `results`), behind token authentication.

The test sets `server.quota_pages` (a list of pages, each a list of quotas) or
`server.behaviour` ("hang" to never answer in time, "error" to answer 500)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOKEN = "test-pretix-token"
ORGANIZER = "cuf"
EVENT = "rencontres-2026"


def quota(quota_id, available, number, **extra):
    return {
        "id": quota_id,
        "name": f"Quota {quota_id}",
        "size": None if number is None else number + 10,
        "items": [quota_id],
        "variations": [],
        "subevent": None,
        "close_when_sold_out": False,
        "closed": False,
        "release_after_exit": False,
        "ignore_for_event_availability": False,
        "available": available,
        "available_number": number,
        **extra,
    }


class PretixHandler(BaseHTTPRequestHandler):
    server_version = "pretix-test/1.0"

    def log_message(self, *args):  # keep the test output quiet
        pass

    def send_json(self, status, data):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, self.headers.get("Authorization")))
        if server.behaviour == "hang":
            time.sleep(server.hang_seconds)
            return
        if server.behaviour == "error":
            self.send_json(500, {"detail": "Internal server error"})
            return
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            self.send_json(401, {"detail": "Invalid token."})
            return
        url = urlsplit(self.path)
        expected = f"/api/v1/organizers/{ORGANIZER}/events/{EVENT}/quotas/"
        if url.path != expected:
            self.send_json(404, {"detail": "Not found."})
            return
        query = parse_qs(url.query)
        page = int(query.get("page", ["1"])[0])
        pages = server.quota_pages
        results = pages[page - 1] if page <= len(pages) else []
        if query.get("with_availability") != ["true"]:
            results = [
                {k: v for k, v in q.items() if k not in ("available", "available_number")}
                for q in results
            ]

        def link(number):
            if not 1 <= number <= len(pages):
                return None
            return f"{server.url}{expected}?with_availability=true&page={number}"

        self.send_json(
            200,
            {
                "count": sum(len(p) for p in pages),
                "next": link(page + 1),
                "previous": link(page - 1),
                "results": results,
            },
        )


class PretixServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), PretixHandler)
        self.url = f"http://127.0.0.1:{self.server_port}"
        self.quota_pages = [[quota(1, True, 120)]]
        self.behaviour = "answer"
        self.hang_seconds = 10
        self.requests = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
