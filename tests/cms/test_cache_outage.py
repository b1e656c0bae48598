"""Production's cache is Redis; when Redis goes away, pages are made from the database and
kept a few seconds in each process's memory (no error), and once it is back they are
cached there again."""

import time

from django.core.cache import caches
from django.test import Client

import pytest
import time_machine

from tests.redis_server import RedisServer


@pytest.fixture
def redis_cache(settings):
    with RedisServer() as server:
        settings.CACHES = {
            "default": {
                "BACKEND": "cms.cache.ResilientRedisCache",
                "LOCATION": server.url,
                "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
            }
        }
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
        yield server
        caches["default"].clear()


def test_pages_are_served_while_redis_is_down_and_cached_again_after(
    demo, redis_cache, admin_client
):
    visitor = Client()
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "miss"
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "hit"

    redis_cache.stop()
    # Made from the database, then kept in the process's own memory (ten seconds at most).
    for expected in ("miss", "hit", "hit"):
        response = visitor.get("/fr/2025/programme/")
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == expected
        assert "/fr/2025/programme/seance-ouverture/" in response.content.decode()
    with time_machine.travel(time.time() + 11):
        assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "miss"
    # An editor can still log in and work (sessions fall back to the database).
    assert admin_client.get("/admin/").status_code == 200

    redis_cache.start()
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "miss"
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "hit"
