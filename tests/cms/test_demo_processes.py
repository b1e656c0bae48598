"""The demo as `make demo` runs it: separate processes (the server, `publish_scheduled`, the
scheduler `make run` starts beside the server) on the development settings, sharing one
cache, each in its own process on a demo database in a temporary var/ directory."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.processes import PYTHON, ROOT, free_port, get, load_demo, manage, wait_for_server

SCHEDULE = """
import datetime
from django.utils import timezone
from editions.models import EditionPage

page = EditionPage.objects.get(year=2025, locale__language_code="fr")
page.title = {title!r}
page.go_live_at = timezone.now() + datetime.timedelta(seconds={seconds})
revision = page.save_revision()
revision.publish()
page.refresh_from_db()
assert page.title != {title!r}, "published at once, not scheduled"
print(page.url)
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A var/ directory with the demo loaded, as `make demo` leaves it."""
    return load_demo(tmp_path_factory.mktemp("var"))


def schedule(env, title, seconds):
    """The 2025 edition's French page, retitled and approved to go live in `seconds`, by
    another process (the shell); its address."""
    return manage(
        env, "shell", "--no-imports", "-c", SCHEDULE.format(title=title, seconds=seconds)
    ).strip()


def test_a_release_published_by_another_process_shows_on_the_served_page(demo):
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=demo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server(port, server)
        address = schedule(demo, "Édition publiée par un autre processus", seconds=2)
        for host in ("localhost", None):
            status, _cache, body = get(port, address, host)
            assert status == 200
            assert "Édition publiée par un autre processus" not in body
        assert get(port, address, "localhost")[1] == "hit"  # the server keeps the page…
        time.sleep(2.5)
        manage(demo, "publish_scheduled")  # …until a command, in its own process, publishes
        _status, cache, body = get(port, address, "localhost")
        assert cache == "miss"
        assert "Édition publiée par un autre processus" in body
        assert "Édition publiée par un autre processus" in get(port, address)[2]
    finally:
        server.terminate()
        server.wait(timeout=30)


def processes_of(var_dir):
    """The live processes (not zombies) started with this var/ directory."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if f"RENCONTRES_VAR_DIR={var_dir}".encode() in environ and state != "Z":
            found.append(command)
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_make_run_publishes_what_is_scheduled_and_stops_with_the_server(demo):
    port = free_port()
    var_dir = demo["RENCONTRES_VAR_DIR"]
    # `-o` takes the installed virtual environment as it is (its stamp may be older than
    # pyproject.toml in a worktree); SCHEDULER_INTERVAL makes the scheduler's minute a second.
    make = subprocess.Popen(
        ["make", "-o", ".venv/.installed", "run", f"PORT={port}", "SCHEDULER_INTERVAL=1"],
        cwd=ROOT,
        env=demo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        wait_for_server(port, make)
        assert any(
            "run_scheduler --interval 1 --parent" in command for command in processes_of(var_dir)
        )
        address = schedule(demo, "Édition publiée par le planificateur", seconds=2)
        assert "Édition publiée par le planificateur" not in get(port, address)[2]
        deadline = time.monotonic() + 30
        while "Édition publiée par le planificateur" not in get(port, address)[2]:
            assert time.monotonic() < deadline, "the scheduler did not publish the release"
            time.sleep(0.5)
        os.killpg(make.pid, signal.SIGINT)  # Ctrl-C in the terminal
        make.wait(timeout=30)
        deadline = time.monotonic() + 15
        while processes_of(var_dir):
            assert time.monotonic() < deadline, f"still running: {processes_of(var_dir)}"
            time.sleep(0.5)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=30)


def test_the_scheduler_stops_when_the_process_that_started_it_dies(demo):
    """A shell that ends without stopping it (killed, say) leaves no scheduler behind, even
    when it ends before the scheduler has started (`--parent`, as `make run` gives it)."""
    shell = subprocess.run(
        ["sh", "-c", f"{PYTHON} manage.py run_scheduler --interval 1 --parent $$ & echo $!"],
        cwd=ROOT,
        env=demo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # run() returns once the scheduler, which inherited the shell's output, has closed it.
    lines = shell.stdout.splitlines()
    scheduler = int(lines[0])
    assert lines[-1] == "The process that started the scheduler ended: stopping."
    deadline = time.monotonic() + 10
    while True:
        try:
            state = Path(f"/proc/{scheduler}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            break
        if state == "Z":
            break
        assert time.monotonic() < deadline, "the scheduler outlived its parent"
        time.sleep(0.5)
