"""Cache entries outlive a deploy. An entry the previous release pickled with a class this
release moved or renamed (the programme app's module became `sessions`, a NamedTuple gained
a field) is read as a miss and dropped, never an error on every page that reads it."""

import pickle
import sys
import time
import types

from django.core.cache import cache, caches
from django.test import Client, RequestFactory

import pytest

from home.caching import routing
from home.caching.fragments import PREFIX
from tests.redis_server import RedisServer


def gone_release_value():
    """A value pickled by a release whose module this one no longer has."""
    module = types.ModuleType("previous_release")
    old = type("Summaries", (), {"__module__": "previous_release"})
    module.Summaries = old
    sys.modules["previous_release"] = module
    try:
        return pickle.dumps(old(), pickle.HIGHEST_PROTOCOL)
    finally:
        del sys.modules["previous_release"]


@pytest.fixture(params=["files", "redis"])
def shared_cache(request, settings, tmp_path):
    if request.param == "files":
        settings.CACHES = {
            "default": {"BACKEND": "cms.cache.SharedFileCache", "LOCATION": str(tmp_path)}
        }
        yield caches["default"]
        return
    with RedisServer() as server:
        settings.CACHES = {
            "default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": server.url}
        }
        yield caches["default"]
        caches["default"].clear()


class Unpickled:
    """What the cache's own serializer sees: bytes that unpickle to the gone class."""

    def __init__(self, data):
        self.data = data

    def __reduce__(self):
        return pickle.loads, (self.data,)


def test_an_entry_of_another_release_is_a_miss_and_is_dropped(shared_cache):
    shared_cache.set("summaries", Unpickled(gone_release_value()))
    shared_cache.set("kept", "valeur")

    assert shared_cache.get("summaries", "absente") == "absente"
    assert shared_cache.get_many(["summaries", "kept"]) == {"kept": "valeur"}
    assert not shared_cache.has_key("summaries")
    assert shared_cache.get("kept") == "valeur"


def test_a_route_kept_by_another_release_is_found_again(demo, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every view goes through the route cache
    visitor = Client()
    assert visitor.get("/fr/2025/programme/").status_code == 200
    request = RequestFactory().get("/fr/2025/programme/")
    key = PREFIX + routing.route_key(request, "2025/programme/")
    assert cache.get(key) is not None  # the route the first visit kept
    cache.set(key, {"tags": ["site"], "started": time.time(), "value": gone_release_value()})

    response = visitor.get("/fr/2025/programme/")

    assert response.status_code == 200
    assert "/fr/2025/programme/seance-ouverture/" in response.content.decode()
    # Kept again, by this release: readable.
    page, _remaining = pickle.loads(cache.get(key)["value"])
    assert page.url_path.endswith("/programme/")
