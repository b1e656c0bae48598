"""Production's cache is Redis; when Redis goes away, pages are served from the database
(no error), and once it is back they are cached again."""

from django.core.cache import caches
from django.test import Client

import pytest

from .redis_server import RedisServer


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
    for _ in range(3):
        response = visitor.get("/fr/2025/programme/")
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == "miss"
        assert (
            "Séance d’ouverture" in response.content.decode()
            or "ouverture" in response.content.decode()
        )
    # An editor can still log in and work (sessions fall back to the database).
    assert admin_client.get("/admin/").status_code == 200

    redis_cache.start()
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "miss"
    assert visitor.get("/fr/2025/programme/").headers["X-Page-Cache"] == "hit"
