"""Plain factory functions: each makes one row with sensible defaults."""

from __future__ import annotations

from ajquiz.accounts.models import User

PASSWORD = "correct horse battery staple"


def make_user(username: str, password: str = PASSWORD, **fields) -> User:
    return User.objects.create_user(username=username, password=password, **fields)
