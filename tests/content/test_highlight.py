"""Cutting a passage into highlighted runs, one link each, for the source page."""

from __future__ import annotations

from types import SimpleNamespace

from ajquiz.content.highlight import linked_runs, segments

TEXT = "The treaty was signed. It lasted."


def span(start, end, name):
    return SimpleNamespace(start=start, end=end, name=name)


def runs(*spans):
    return [
        (run.text, run.fact.name if run.fact else None)
        for run in linked_runs(segments(TEXT, 0, list(spans)))
    ]


def test_overlapping_quotes_give_one_link_per_first_fact():
    signed, treaty = span(0, 21, "signed"), span(4, 10, "treaty")
    assert runs(signed, treaty) == [("The treaty was signed", "signed"), (". It lasted.", None)]


def test_a_full_stop_alone_is_no_link_of_its_own():
    # "signed" stops before the full stop that "stop" takes in: the "." joins "signed".
    signed, stop = span(0, 21, "signed"), span(14, 22, "stop")
    assert runs(signed, stop) == [("The treaty was signed.", "signed"), (" It lasted.", None)]
    # After plain text, the lone "." is plain text too.
    assert runs(span(21, 22, "stop")) == [(TEXT, None)]
