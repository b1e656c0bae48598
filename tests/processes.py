"""The demo as `make demo` runs it, for tests that need separate processes (a server, a
command such as `publish_scheduled`, the shell) on the development settings, sharing one
database and one cache in a temporary var/ directory."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(Path(sys.executable))


def demo_environment(var_dir):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        RENCONTRES_VAR_DIR=str(var_dir),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env, *args, timeout=300):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def run_python(env, code, timeout=300):
    """What `code` prints, run by `manage.py shell` in its own process."""
    return manage(env, "shell", "--no-imports", "-c", code, timeout=timeout)


def load_demo(var_dir):
    """A var/ directory with the demo loaded, as `make demo` leaves it; its environment."""
    env = demo_environment(var_dir)
    manage(env, "migrate", "--no-input", timeout=600)
    manage(env, "load_demo", timeout=600)
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, host=None):
    """(status, X-Page-Cache, body) of an anonymous visit (no cookie: the page cache's).
    The whole page is kept for the demo site's host as configured (``localhost``, as a
    proxy on port 80 would ask for it); under any other host only its fragments are (its
    route, footer, cards), in the same cache."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if host:
        request.add_header("Host", host)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("X-Page-Cache"), response.read().decode()


def wait_for_server(port, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            get(port, "/alive")
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the server did not answer")


def start_server(env, port):
    """`manage.py runserver` on 127.0.0.1:`port`, answering; the caller terminates it. What
    it prints (each request, a traceback) is kept in server.log in its var/ directory."""
    with open(Path(env["RENCONTRES_VAR_DIR"]) / "server.log", "ab") as log:
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    wait_for_server(port, server)
    return server
