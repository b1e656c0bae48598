"""What production's cron does, for the demo: Wagtail's `publish_scheduled` every minute.

`make demo` starts it beside the development server and stops it with the server; should
the shell that started it die without stopping it, it stops by itself (its parent process
changes), so no scheduler outlives its demo. A failed run (the SQLite database busy, say)
is logged and the next one comes a minute later."""

import logging
import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Runs Wagtail's publish_scheduled every --interval seconds (60 by default) until "
        "stopped, or until the process that started it ends."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, metavar="SECONDS")
        parser.add_argument(
            "--parent",
            type=int,
            metavar="PID",
            help="The process whose end stops the scheduler (by default the one that started "
            "it; `make demo` gives its shell's, which may end before this one starts).",
        )

    def handle(self, *args, interval, parent, **options):
        parent = parent or os.getppid()
        self.stdout.write(f"Publishing what is scheduled every {interval:g} s.")
        while os.getppid() == parent:
            self.run_once()
            deadline = time.monotonic() + interval
            while time.monotonic() < deadline:
                if os.getppid() != parent:
                    break
                time.sleep(min(0.5, interval))
        self.stdout.write("The process that started the scheduler ended: stopping.")

    def run_once(self):
        close_old_connections()
        try:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        except Exception:
            logger.exception("publish_scheduled failed; trying again at the next run")
        finally:
            # The server's requests write to the same SQLite file: hold no connection while
            # waiting.
            connections.close_all()
