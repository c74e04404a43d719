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


def linked_runs(parts: list[Segment]) -> list[Segment]:
    """Join neighbouring segments that link to the same (first) fact, for one link per run.

    A source page links each highlighted run to one fact; without joining, overlapping quotes
    cut the text into many small links, some of them only a space or a comma.

    A run of punctuation alone (a quote that takes in the full stop its neighbour left out)
    is no link of its own: a link on one "." is a target too small to hit (WCAG 2.5.8). It
    joins the run before it, link or plain text.
    """
    runs: list[Segment] = []
    for part in parts:
        if runs and part.fact is not None and _no_word(part.text):
            part = Segment(part.text, runs[-1].facts)
        if runs and runs[-1].fact is part.fact:
            runs[-1] = Segment(runs[-1].text + part.text, runs[-1].facts)
        else:
            runs.append(part)
    return runs


def _no_word(text: str) -> bool:
    return not any(char.isalnum() for char in text)
