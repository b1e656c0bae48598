"""Password guessing behind the production proxy: the site served by gunicorn with the
production settings (PostgreSQL, Redis, S3 on 127.0.0.1), every request arriving from the
proxy's address with the client's in X-Forwarded-For. An attacker guessing an editor's
password is locked out; the editor, behind the same proxy, still logs in."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest
import requests

from tests.redis_server import RedisServer
from tests.s3_server import S3Server, free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "un mot de passe assez long"

on_postgresql = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="production settings run on PostgreSQL only; runs in .ci/run's PostgreSQL pass",
)


class Gunicorn:
    def __init__(self, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = env

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "cms.wsgi",
            ],
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{self.base}/alive", timeout=1, allow_redirects=False)
                return self
            except requests.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(self.process.stderr.read().decode()[-3000:]) from None
                time.sleep(0.2)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


class Browser:
    """A visitor behind the proxy: the proxy (127.0.0.1) forwards their address over HTTPS."""

    def __init__(self, site, address):
        self.site = site
        self.cookies = {}
        self.headers = {
            "X-Forwarded-For": address,
            "X-Forwarded-Proto": "https",
            "Host": f"127.0.0.1:{site.port}",
            "Accept-Language": "fr",
        }

    def request(self, method, path, **kwargs):
        response = requests.request(
            method,
            self.site.base + path,
            headers={**self.headers, "Referer": f"https://127.0.0.1:{self.site.port}{path}"},
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        # Secure cookies: kept by hand, the proxy speaks plain HTTP to gunicorn.
        self.cookies.update(response.cookies.get_dict())
        return response

    def log_in(self, username, password):
        page = self.request("GET", "/admin/login/")
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
        return self.request(
            "POST",
            "/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        )


@on_postgresql
# gunicorn reads committed data; the database is restored afterwards for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_attacker_behind_the_proxy_is_locked_out_and_the_editor_is_not(
    django_user_model, tmp_path
):
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    # Hashed as production hashes (the test settings' fast hasher is not among its hashers).
    hasher = PBKDF2PasswordHasher()
    django_user_model.objects.create(
        username="redaction",
        password=hasher.encode(PASSWORD, hasher.salt()),
        is_active=True,
        is_superuser=True,
    )
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    with RedisServer() as redis, S3Server() as s3:
        env = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/tmp"),
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": "production-test-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            "TRUSTED_PROXY_COUNT": "1",
            "LOG_LEVEL": "WARNING",
            "STATIC_ROOT": str(tmp_path / "static"),
            **s3.environ,
        }
        # The admin's pages name fingerprinted static files, as production collects them.
        collected = subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert collected.returncode == 0, collected.stderr[-2000:]
        with Gunicorn(env) as site:
            attacker = Browser(site, "203.0.113.66")
            # The attacker may even write their own X-Forwarded-For: the proxy appends the
            # address it saw, and only that one is read.
            attacker.headers["X-Forwarded-For"] = "198.51.100.1, 203.0.113.66"
            for _attempt in range(5):
                assert attacker.log_in("redaction", "devine").status_code in (200, 429)
            locked = attacker.log_in("redaction", PASSWORD)
            assert locked.status_code == 429
            assert "Trop de tentatives de connexion" in locked.text
            # Another forged left-hand address does not help the attacker either.
            attacker.headers["X-Forwarded-For"] = "192.0.2.200, 203.0.113.66"
            assert attacker.log_in("redaction", PASSWORD).status_code == 429

            editor = Browser(site, "198.51.100.7")
            response = editor.log_in("redaction", PASSWORD)
            assert response.status_code == 302, response.text[:500]
            assert response.headers["Location"] == "/admin/"
            # Logged in: the login page now sends the editor on to the admin.
            again = editor.request("GET", "/admin/login/")
            assert (again.status_code, again.headers["Location"]) == (302, "/admin/")

    from axes.models import AccessAttempt

    # The attempts were counted under the client's address, never the proxy's.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
