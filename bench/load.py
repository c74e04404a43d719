"""`python -m bench.load`: 50 learners at once against gunicorn (2 workers) on 127.0.0.1.

For each backend (PostgreSQL, then SQLite; `--only` picks one) it makes a fresh database
(migrated, content loaded, questions generated), starts gunicorn, and lets each learner log in,
take a 20-question quiz (view each question, answer it, every fifth answer sent twice at once
as a double click would), submit it, then rate 20 due cards (every fifth rating sent twice at
once). Every request has a timeout and the whole run a deadline, so it stops by itself. Then
it checks the database: each answer and each rating stored exactly once, every attempt
finished, no 5xx; and prints throughput and p50/p95 latency.

SQLite's limit: one writer at a time. Each write waits for the lock (busy timeout 20 s), so
writes queue behind each other; 2 workers on 2 cores keep that short, but more workers or
machines cannot share one SQLite file safely: use PostgreSQL beyond one machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from bench import database


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--cards", type=int, default=20)
    parser.add_argument("--deadline", type=int, default=600, help="seconds for the whole run")
    args = parser.parse_args(argv)
    backends = [args.only] if args.only else ["postgresql", "sqlite"]
    if "postgresql" in backends and not database.postgres_available():
        print("PostgreSQL does not answer: SQLite only.", file=sys.stderr)
        backends.remove("postgresql")
    failed = False
    summaries = {}
    for backend in backends:
        print(f"== {backend}: preparing a fresh database", file=sys.stderr)
        database.prepare(backend)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.load_run",
                str(args.learners),
                str(args.questions),
                str(args.cards),
                str(args.deadline),
            ],
            cwd=database.ROOT,
            env=database.environment(backend),
            capture_output=True,
            text=True,
            timeout=args.deadline + 120,
        )
        sys.stderr.write(result.stderr)
        if result.returncode not in (0, 1):
            print(f"{backend}: the run crashed", file=sys.stderr)
            failed = True
            continue
        summary = json.loads(result.stdout)
        summaries[backend] = summary
        failed |= not summary["passed"]
        print(report(backend, summary))
    return 1 if failed or not summaries else 0


def report(backend: str, summary: dict) -> str:
    lines = [
        f"-- {backend}: {summary['learners']} learners, {summary['requests']} requests in "
        f"{summary['seconds']:.1f} s = {summary['throughput']:.1f} requests/s",
        f"   latency p50 {summary['p50_ms']:.0f} ms, p95 {summary['p95_ms']:.0f} ms; "
        f"5xx: {summary['server_errors']}; other failures: {summary['failures']}",
    ]
    for name, cost in summary["by_kind"].items():
        lines.append(
            f"   {name:<14} {cost['count']:>5} requests  p50 {cost['p50_ms']:>6.0f} ms"
            f"  p95 {cost['p95_ms']:>6.0f} ms"
        )
    for check, ok in summary["checks"].items():
        lines.append(f"   {'ok' if ok else 'FAILED'}: {check}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
