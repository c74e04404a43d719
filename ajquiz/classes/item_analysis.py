"""Item analysis as Moodle's quiz statistics report defines it (docs.moodle.org/dev/
Quiz_statistics_calculations; mod/quiz/report/statistics and question/classes/statistics).

Plain numbers in, numbers out; classes/analysis.py loads the attempts. For an item (a
question) answered in s attempts, with x its mark in an attempt, X the attempt's total and
y = X - x the rest of the test, using sample variances (divided by s - 1):

- facility index F = mean(x) / max mark, shown as a percentage;
- standard deviation SD = sqrt(var(x)), shown as a percentage of the max mark;
- discrimination index D = 100 · cov(x, y) / sqrt(var(x) · var(y)), the correlation of the item
  with the rest of the test (undefined when either variance is 0);
- discriminative efficiency E = 100 · cov(x, y) / cov_max(x, y), where cov_max pairs the
  sorted x with the sorted y: the largest covariance these marks could have had.

For the test, with p items and totals X over s attempts:

- SD = sqrt(Σ(X - mean)² / (s - 1)); k2 = SD²;
- coefficient of internal consistency (Cronbach's alpha) CIC = 100 · p/(p-1) · (1 - Σ var(x_i)
  / k2), computed (as Moodle does) only when s > 2, p > 1 and k2 > 0;
- error ratio ER = 100 · sqrt(1 - CIC/100);
- standard error SE = ER · SD / 100, the uncertainty of one student's mark (here as a
  percentage of the maximum total, as Moodle shows it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemStats:
    attempts: int
    facility: float | None  # percent
    sd: float | None  # percent of the max mark
    discrimination_index: float | None  # -100 .. 100
    discriminative_efficiency: float | None  # percent

    @property
    def negative_discrimination(self) -> bool:
        return self.discrimination_index is not None and self.discrimination_index < 0


@dataclass(frozen=True)
class QuizStats:
    attempts: int
    items: int
    mean: float | None  # percent of the max total
    median: float | None  # percent of the max total
    sd: float | None  # percent of the max total
    cic: float | None  # percent
    error_ratio: float | None  # percent
    standard_error: float | None  # percent of the max total


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def sample_covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Σ (x - x̄)(y - ȳ) / (n - 1); None below two values."""
    if len(xs) < 2:
        return None
    mx, my = mean(xs), mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def sample_variance(values: Sequence[float]) -> float | None:
    return sample_covariance(values, values)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def item_stats(marks: Sequence[float], rests: Sequence[float], *, max_mark: float = 1.0):
    """The statistics of one item from its marks and the rest-of-test marks, attempt by attempt."""
    s = len(marks)
    if s == 0:
        return ItemStats(0, None, None, None, None)
    facility = 100 * mean(marks) / max_mark if max_mark else None
    variance = sample_variance(marks)
    rest_variance = sample_variance(rests)
    covariance = sample_covariance(marks, rests)
    sd = 100 * math.sqrt(variance) / max_mark if variance is not None and max_mark else None
    discrimination = None
    if variance and rest_variance:
        discrimination = 100 * covariance / math.sqrt(variance * rest_variance)
    efficiency = None
    covariance_max = sample_covariance(sorted(marks), sorted(rests))
    if covariance_max:
        efficiency = 100 * covariance / covariance_max
    return ItemStats(s, facility, sd, discrimination, efficiency)


def quiz_stats(totals: Sequence[float], item_variances: Sequence[float] | None, *, max_total):
    """The whole test: `totals` per attempt; `item_variances` the sample variance of each of
    the p items' marks (None when the attempts did not ask comparable items)."""
    s = len(totals)
    items = len(item_variances or ())
    if s == 0 or not max_total:
        return QuizStats(s, items, None, None, None, None, None, None)
    percent = 100 / max_total
    variance = sample_variance(totals)
    sd = math.sqrt(variance) if variance is not None else None
    cic = error_ratio = standard_error = None
    if s > 2 and items > 1 and variance:
        cic = 100 * items / (items - 1) * (1 - sum(item_variances) / variance)
        error_ratio = 100 * math.sqrt(max(0.0, 1 - cic / 100))
        standard_error = error_ratio * sd / 100 * percent
    return QuizStats(
        attempts=s,
        items=items,
        mean=mean(totals) * percent,
        median=median(totals) * percent,
        sd=sd * percent if sd is not None else None,
        cic=cic,
        error_ratio=error_ratio,
        standard_error=standard_error,
    )
