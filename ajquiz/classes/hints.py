"""What item-analysis numbers mean, in plain words, with the bands Moodle's documentation uses
(docs.moodle.org, "Quiz statistics report")."""

from __future__ import annotations

import math

# (upper limit, excluded; words): 5 % or less is extremely difficult, 95 % or more extremely easy.
FACILITY_BANDS = [
    (6, "Extremely difficult: almost nobody got it right"),
    (11, "Very difficult"),
    (20, "Difficult"),
    (35, "Moderately difficult"),
    (65, "About right for the average student"),
    (81, "Fairly easy"),
    (90, "Easy"),
    (95, "Very easy"),
    (math.inf, "Extremely easy: almost everybody got it right"),
]

DISCRIMINATION_BANDS = [
    (
        0,
        "Check it: students who did worse overall did better on this question "
        "(a wrong key, or an ambiguous question?)",
    ),
    (20, "Very weak: it barely separates stronger from weaker students"),
    (30, "Weak at separating stronger from weaker students"),
    (50, "Adequate at separating stronger from weaker students"),
    (math.inf, "Very good at separating stronger from weaker students"),
]


def _band(value: float, bands) -> str:
    return next(text for limit, text in bands if value < limit)


def facility_hint(facility: float | None) -> str:
    return "" if facility is None else _band(facility, FACILITY_BANDS)


def discrimination_hint(index: float | None) -> str:
    if index is None:
        return "Not measurable: everyone scored the same on it, or on the rest of the quiz"
    return _band(index, DISCRIMINATION_BANDS)


def item_hint(stats) -> str:
    """One sentence about an item: how hard it is, and how well it discriminates."""
    if stats.attempts == 0:
        return "Nobody has answered it yet."
    if stats.attempts < 3:
        return f"Asked {stats.attempts} time{'s' if stats.attempts > 1 else ''}: too few to judge."
    parts = [facility_hint(stats.facility), discrimination_hint(stats.discrimination_index)]
    return ". ".join(part for part in parts if part) + "."


def cic_hint(cic: float | None) -> str:
    if cic is None:
        return "Needs at least three attempts, two questions and some spread in the totals."
    if cic >= 75:
        return "Satisfactory: the questions measure the same thing consistently."
    if cic >= 64:
        return "Borderline: some questions may not discriminate well."
    return (
        "Unsatisfactory: many questions do not agree with the rest; look at those with low "
        "or negative discrimination."
    )


def error_ratio_hint(ratio: float | None) -> str:
    if ratio is None:
        return ""
    if ratio < 50:
        return "Good: less than half of the spread in marks is noise."
    return "High: half or more of the spread in marks is noise, not ability."
