"""The spreadsheet import, confirmed: `make bench-import` (docs/performance.md).

An 80-session spreadsheet (a workshop day: 4 rooms, 20 slots, two or three speakers each,
some of them new people, a partner) is read, planned and written into a new programme of the
demo site, published, on SQLite with DEBUG off, as « Confirmer l'import » does; then the same
file again with every title changed (80 updates), then once more unchanged. Each step runs in a
transaction rolled back afterwards, `--runs` times; the table gives the median, the fastest
and the SQL queries of one run. Not a test: nothing here is timed in CI.

The database is built once in `var/bench-import/` (`--rebuild` to make it again).
"""

import argparse
import cProfile
import datetime
import os
import pstats
import statistics
import time
from pathlib import Path

from . import render

ROOT = Path(__file__).resolve().parents[1]
WORKDIR = ROOT / "var" / "bench-import"
SESSIONS = 80
STEPS = ("create", "update", "unchanged")


def environment():
    return render.environment(WORKDIR)


def build():
    render.build(WORKDIR, large=False)


def spreadsheet(rooms, prefix=""):
    """(headers, rows) of the 80 sessions, as the organiser's template has them."""
    headers = ["Référence", "Jour", "Début", "Fin", "Type", "Titre", "Salle", "Résumé"]
    headers += ["Intervenants", "Partenaires organisateurs", "Région du monde ou pays", "Langue"]
    rows = []
    for number in range(SESSIONS):
        slot, room = divmod(number, len(rooms))
        start = datetime.datetime(2025, 7, 4, 8, 0) + datetime.timedelta(minutes=30 * slot)
        speakers = "\n".join(
            f"Intervenant {number:03d}-{k} | Maire adjoint | {'Modérateur' if k == 0 else ''}"
            for k in range(2 + number % 2)
        )
        rows.append(
            [
                f"B{number:03d}",
                start.date(),
                start.time(),
                (start + datetime.timedelta(minutes=25)).time(),
                "Atelier",
                f"{prefix}Atelier {number:03d} : coopération décentralisée",
                rooms[room],
                "Comment agir ensemble, de la ville au continent.",
                speakers,
                "PLATFORMA",
                "Afrique de l'Ouest",
                "Français",
            ]
        )
    return headers, rows


def measure(runs, profile=None, steps=STEPS):
    os.environ.update(environment())
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    from django.db import connection, transaction

    from sessions.importing.planning import Planner
    from sessions.importing.reading import read
    from sessions.importing.writing import Writer
    from sessions.models import ProgrammePage, Room
    from tests.helpers import workbook

    source = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    # The demo's venue has one room: three more, kept (the benchmark's database only).
    venue = source.edition.venue
    for number in range(1, 4):
        Room.objects.get_or_create(
            name=f"Salle {number}", venue=venue, locale=source.locale, defaults={"live": True}
        )
    rooms = list(
        Room.objects.filter(venue=venue, locale=source.locale).values_list("name", flat=True)
    )[:4]
    files = {
        "create": workbook(*spreadsheet(rooms)),
        "update": workbook(*spreadsheet(rooms, prefix="Nouveau : ")),
    }

    class Rollback(Exception):
        pass

    def confirm(programme, content):
        plan = Planner(programme).plan(read("programme.xlsx", content))
        assert plan.is_valid, plan.problems[:3]
        return Writer(programme, publish=True).write(plan)

    queries = [0]

    def count(execute, sql, params, many, context):
        # Counted here rather than by CaptureQueriesContext, whose log keeps 9,000 at most.
        queries[0] += 1
        return execute(sql, params, many, context)

    def step(name):
        """(seconds, queries) of one confirmation of `name`, in a transaction rolled back."""
        try:
            with transaction.atomic():
                programme = source.add_sibling(
                    instance=ProgrammePage(title="Programme (banc)", slug="programme-banc")
                )
                programme.save_revision().publish()
                if name != "create":
                    confirm(programme, files["create"])
                content = files["update" if name == "update" else "create"]
                queries[0] = 0
                with connection.execute_wrapper(count):
                    profiler = cProfile.Profile() if name == profile else None
                    started = time.perf_counter()
                    if profiler:
                        profiler.enable()
                    report = confirm(programme, content)
                    elapsed = time.perf_counter() - started
                    if profiler:
                        profiler.disable()
                        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
                raise Rollback((elapsed, queries[0], report))
        except Rollback as done:
            return done.args[0]

    rows = []
    for name in steps:
        results = [step(name) for _ in range(runs)]
        times = [r[0] for r in results]
        rows.append((name, statistics.median(times), min(times), results[0][1], results[0][2]))
    print(f"{runs} confirmations per step, {SESSIONS} sessions, SQLite, DEBUG off\n")
    print("| step | median s | fastest s | SQL | created / updated / unchanged |")
    print("|---|---|---|---|---|")
    for name, median, fastest, queries, report in rows:
        counts = f"{report.created} / {report.updated} / {report.unchanged}"
        print(f"| {name} | {median:.2f} | {fastest:.2f} | {queries} | {counts} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=STEPS)
    parser.add_argument(
        "--profile", choices=["create", "update", "unchanged"], help="print that step's profile"
    )
    args = parser.parse_args()
    if args.rebuild or not (WORKDIR / "db.sqlite3").exists():
        build()
    measure(args.runs, args.profile, args.steps)


if __name__ == "__main__":
    main()
