"""The admin resists password guessing: five failures lock the address they came from, for an
hour, whatever user names it tried; a user name is never locked on its own, so a stranger
cannot lock an editor out. Behind the production proxy the address is the client's (tested
through gunicorn with the production settings). The lockout page speaks the visitor's
language. Passwords follow Django's validators (12 characters at least)."""

import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
import time_machine

PASSWORD = "un mot de passe assez long"


@pytest.fixture
def editor_account(db, django_user_model):
    return django_user_model.objects.create_user("redaction", "r@example.org", PASSWORD)


def login(client, username, password, ip):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_a_strangers_failures_do_not_lock_the_account_elsewhere(client, editor_account):
    for _attempt in range(5):
        response = login(client, "redaction", "mauvais", "203.0.113.66")
        assert response.status_code in (200, 429)
    # The stranger's address is locked, in French for a French browser…
    locked = login(client, "redaction", PASSWORD, "203.0.113.66")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Trop de tentatives de connexion" in text
    assert "bloquée pendant une heure" in text
    assert "_auth_user_id" not in client.session
    # …while the editor, from their own address, logs in.
    assert logged_in(login(client, "redaction", PASSWORD, "198.51.100.7"))


def test_the_lockout_page_speaks_the_visitors_language(client, editor_account):
    for _attempt in range(5):
        login(client, "x", "mauvais", "203.0.113.9")
    for language, words in (
        ("en", "Too many login attempts"),
        ("es", "Demasiados intentos de conexión"),
        ("fr", "Trop de tentatives de connexion"),
    ):
        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": "redaction", "password": PASSWORD},
            REMOTE_ADDR="203.0.113.9",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 429
        assert words in response.content.decode(), language
        assert f'<html lang="{language}">' in response.content.decode()


def test_five_failures_lock_the_address_for_every_account(
    client, editor_account, django_user_model
):
    django_user_model.objects.create_user("moderation", "m@example.org", PASSWORD)
    for name in ["alice", "bob", "carole", "david", "eve"]:
        login(client, name, "devine", "192.0.2.7")
    assert login(client, "moderation", PASSWORD, "192.0.2.7").status_code == 429
    assert logged_in(login(client, "moderation", PASSWORD, "192.0.2.8"))


def test_the_lock_lifts_after_an_hour_and_a_success_resets_the_count(client, editor_account):
    with time_machine.travel("2026-03-01 10:00 +01:00", tick=False):
        for _ in range(4):
            login(client, "redaction", "mauvais", "10.1.0.1")
        assert logged_in(login(client, "redaction", PASSWORD, "10.1.0.1"))
        client.logout()
        for _ in range(4):  # counted from zero again after the success
            login(client, "redaction", "mauvais", "10.1.0.1")
        assert logged_in(login(client, "redaction", PASSWORD, "10.1.0.1"))
        client.logout()
        for _ in range(5):
            login(client, "redaction", "mauvais", "10.1.0.1")
        assert login(client, "redaction", PASSWORD, "10.1.0.1").status_code == 429
    later = datetime.datetime(
        2026, 3, 1, 11, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    with time_machine.travel(later, tick=False):
        assert logged_in(login(client, "redaction", PASSWORD, "10.1.0.1"))


def test_passwords_follow_djangos_validators(editor_account):
    with pytest.raises(ValidationError) as short:
        validate_password("court123", user=editor_account)
    messages = " ".join(short.value.messages)
    assert "12" in messages
    with pytest.raises(ValidationError):
        validate_password("password1234", user=editor_account)  # too common
    validate_password("Rencontres-AICT-du-4-juillet", user=editor_account)
