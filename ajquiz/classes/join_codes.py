"""Join codes: short, random, easy to read aloud and type.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L) give 31^8 ≈ 8.5e11
codes, so guessing one is hopeless; a code is shown and typed in two groups of four.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(typed: str) -> str:
    """What a student typed, as stored: case, spaces and dashes do not matter."""
    return "".join(char for char in typed.upper() if char.isalnum())


def display_code(code: str) -> str:
    """ "ABCD2345" -> "ABCD-2345"."""
    return f"{code[:4]}-{code[4:]}" if len(code) == LENGTH else code
