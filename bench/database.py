"""A fresh benchmark database: SQLite in /tmp or PostgreSQL, migrated, with the content loaded
and the question bank generated. Used by `python -m bench` and `python -m bench.load`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_NAME = os.environ.get("BENCH_POSTGRES_DB", "ajquiz_bench")
SQLITE_PATH = Path(os.environ.get("BENCH_SQLITE", "/tmp/ajquiz-bench.sqlite3"))


def url_for(backend: str) -> str:
    if backend == "postgresql":
        return f"{POSTGRES_SERVER}/{POSTGRES_NAME}"
    return f"sqlite:///{SQLITE_PATH}"


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return True
    except Exception:
        return False


def recreate(backend: str) -> None:
    """Drop and create the database (PostgreSQL) or delete the file (SQLite)."""
    if backend == "postgresql":
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_NAME}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{POSTGRES_NAME}"')
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)


def environment(backend: str, settings: str = "bench.settings") -> dict:
    env = {**os.environ, "DATABASE_URL": url_for(backend), "DJANGO_SETTINGS_MODULE": settings}
    env["PYTHONPATH"] = str(ROOT)
    return env


def prepare(backend: str, settings: str = "bench.settings") -> None:
    """A new database with the schema, the fact store and the generated question bank."""
    recreate(backend)
    env = environment(backend, settings)
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_content"],
        ["generate_questions"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
