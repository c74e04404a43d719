"""Cutting a passage into plain and highlighted segments for the facts anchored in it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    facts: tuple = ()

    @property
    def fact(self):
        return self.facts[0] if self.facts else None


def segments(text: str, offset: int, spans: list) -> list[Segment]:
    """Split text (starting at source offset `offset`) at the edges of the spans.

    spans are objects with .start and .end in source offsets; a segment covered by several
    spans carries all of them, in the order given.
    """
    edges = {0, len(text)}
    for span in spans:
        edges.add(min(max(span.start - offset, 0), len(text)))
        edges.add(min(max(span.end - offset, 0), len(text)))
    ordered = sorted(edges)
    result = []
    for left, right in itertools.pairwise(ordered):
        covering = tuple(
            span for span in spans if span.start - offset <= left and span.end - offset >= right
        )
        result.append(Segment(text[left:right], covering))
    return result
