"""The site as production runs it (cms.settings.production, gunicorn with 2 workers), on
the services of bench/services.py, with the demo and the large edition loaded."""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .services import Postgres, RedisServer, S3Server, free_port

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# The pages measured: home, edition, programme, a session and a speaker of the large edition.
PAGES = {
    "home": "/fr/",
    "edition": "/fr/2027/",
    "programme": "/fr/2027/programme/",
    "session": "/fr/2027/programme/seance-01/",
    "speaker": "/fr/2027/intervenants/intervenant-001/",
}
FLOOR = "/alive"
# Behind the CDN / load balancer, which terminates TLS and says so; a browser's encodings.
HEADERS = {
    "X-Forwarded-Proto": "https",
    "Host": "127.0.0.1",
    "Accept-Encoding": "gzip, deflate, br",
}


def log(message):
    print(message, file=sys.stderr, flush=True)


class Site:
    def __init__(self, postgres, redis, s3, workdir):
        self.postgres, self.redis, self.s3 = postgres, redis, s3
        self.workdir = Path(workdir)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            **s3.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(self.workdir / "static"),
            "RENCONTRES_VAR_DIR": str(self.workdir / "var"),
            "LOG_LEVEL": "WARNING",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
        }

    def manage(self, *args, **env):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def python(self, module, *args, capture=False, **env):
        result = subprocess.run(
            [PYTHON, "-m", module, *args],
            cwd=ROOT,
            env={**self.env, **env},
            check=True,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            text=True,
        )
        return result.stdout

    def build(self):
        started = time.monotonic()
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input")
        self.manage("load_demo")
        self.python("bench.large_edition")
        log(f"site built in {time.monotonic() - started:.0f} s")

    @contextmanager
    def gunicorn(self, app="cms.wsgi", **env):
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "gunicorn.log", "a"),  # noqa: SIM115 (the server keeps it)
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    self.get(FLOOR)
                    break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise RuntimeError("gunicorn did not start: see gunicorn.log") from None
                    time.sleep(0.2)
            yield process
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)

    def get(self, path, timeout=30):
        request = urllib.request.Request(self.base + path, headers=HEADERS)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()


@contextmanager
def production_site():
    with (
        tempfile.TemporaryDirectory(prefix="rencontres-bench-") as workdir,
        Postgres() as postgres,
        RedisServer() as redis,
        S3Server() as s3,
    ):
        site = Site(postgres, redis, s3, workdir)
        site.build()
        yield site
