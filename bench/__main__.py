"""`python -m bench`: every benchmark on SQLite and (when it answers) PostgreSQL, each in a fresh
database; prints a table, writes bench/results.json and, with --readme, the README's
performance section.

    python -m bench                 # both backends, 60 rounds
    python -m bench --only sqlite   # one backend
    BENCH_ROUNDS=20 python -m bench # quicker, noisier
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import database
from bench.report import markdown, table, write_readme

RESULTS = Path(__file__).resolve().parent / "results.json"


def run_backend(backend: str) -> dict:
    started = time.monotonic()
    print(f"== {backend}: preparing a fresh database", file=sys.stderr)
    database.prepare(backend)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, "-m", "bench.measure", out.name],
            cwd=database.ROOT,
            env=database.environment(backend),
            check=True,
        )
        results = json.loads(Path(out.name).read_text(encoding="utf-8"))
    results["seconds"] = round(time.monotonic() - started)
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--readme", action="store_true", help="update README.md's section")
    args = parser.parse_args(argv)
    backends = [args.only] if args.only else ["sqlite", "postgresql"]
    if "postgresql" in backends and not database.postgres_available():
        print("PostgreSQL does not answer: measuring SQLite only.", file=sys.stderr)
        backends.remove("postgresql")
    # --only keeps the other backend's last results, so the table still compares both.
    kept = json.loads(RESULTS.read_text(encoding="utf-8"))["backends"] if RESULTS.exists() else {}
    measured = {backend: run_backend(backend) for backend in backends}
    results = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}",
        "backends": {
            name: measured.get(name) or kept[name]
            for name in ("sqlite", "postgresql")
            if name in measured or name in kept
        },
    }
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    print(f"Wrote {RESULTS}")
    if args.readme:
        write_readme(markdown(results))
        print("Updated README.md (performance section)")


if __name__ == "__main__":
    main()
