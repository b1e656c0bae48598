"""The services production runs beside the site, started on 127.0.0.1 for the benchmark and
the load and fault runs: a throwaway PostgreSQL 15 cluster (as a non-root user when run as
root, as PostgreSQL requires), Redis and an S3-compatible server (tests/)."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.redis_server import RedisServer
from tests.s3_server import S3Server, free_port

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

__all__ = ["Postgres", "RedisServer", "S3Server", "free_port"]


class Postgres:
    def __init__(self):
        if not (PG_BIN / "initdb").exists():
            raise SystemExit(f"PostgreSQL 15 not found in {PG_BIN} (Debian: postgresql-15)")
        self.dir = Path(tempfile.mkdtemp(prefix="rencontres-bench-pg-"))
        self.port = free_port()
        self.url = f"postgres://rencontres@127.0.0.1:{self.port}/rencontres"

    def as_owner(self, *command, check=True):
        if os.geteuid() == 0:
            if subprocess.run(["id", "-u", "postgres"], capture_output=True).returncode:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            shutil.chown(self.dir, "postgres")
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def pg_ctl(self, *args, check=True):
        return self.as_owner(
            str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), *args, check=check
        )

    def start(self):
        self.pg_ctl(
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=200",
            "start",
        )

    def restart(self):
        """A database restart, as an operator or a failover does it."""
        self.pg_ctl("-l", str(self.dir / "server.log"), "-m", "fast", "-w", "restart")

    def __enter__(self):
        self.dir.chmod(0o700)
        self.as_owner(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.dir / "data"),
            "-U",
            "rencontres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        subprocess.run(
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "rencontres",
                "rencontres",
            ],
            check=True,
        )
        return self

    def __exit__(self, *exc):
        self.pg_ctl("-m", "immediate", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
