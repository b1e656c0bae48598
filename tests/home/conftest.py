"""Fixtures of the site-wide tests."""

from django.contrib.auth.models import Group

import pytest

from tests.admin_walk import World


@pytest.fixture
def world(demo_translated, django_user_model):
    """The objects the admin walks ask about, and a Rédacteur's draft among them."""
    author = django_user_model.objects.create_user("auteur", "auteur@example.org", "x")
    author.groups.add(Group.objects.get(name="Rédacteurs"))
    return World(author)
