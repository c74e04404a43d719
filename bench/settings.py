"""ajquiz's settings plus a bare view to compare against, for benchmarks only."""

from __future__ import annotations

import warnings

from ajquiz.settings import *  # noqa: F403
from ajquiz.settings import BASE_DIR, TEMPLATES

DEBUG = False
ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
# Users are made by the thousand; the hasher's cost is not what is measured.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "CRITICAL"}}

# WhiteNoise warns that STATIC_ROOT is missing: the benchmarks never collect static files.
warnings.filterwarnings("ignore", "No directory at", UserWarning)
