"""A view served from the page cache costs one round trip to the cache (the entry, the site's
mark and the page's tags' marks together) and no query: the site the request is for is
found once per request from what the process knows of the sites."""

from django.core.cache import cache
from django.test import Client

import pytest

CALLS = ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "touch")


@pytest.fixture
def round_trips(monkeypatch):
    """The calls made to the cache; a call made inside another (the memory cache's get_many
    asks get for each key) is part of the same round trip."""
    made = []
    depth = [0]
    for name in CALLS:
        original = getattr(cache, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            if not depth[0]:
                made.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    return made


def test_a_hit_is_one_round_trip_and_no_query(programme, django_assert_num_queries, request):
    visitor = Client()
    for _ in range(2):
        visitor.get(programme.url)
    made = request.getfixturevalue("round_trips")
    with django_assert_num_queries(0):
        response = visitor.get(programme.url)
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "hit"
    assert made == ["get_many"]
