"""A learner's dashboard assembled from progress/stats.py, with its charts and their words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ajquiz.progress.charts import BarChart, MeterChart, Point, bar_chart, meter_chart
from ajquiz.progress.stats import (
    DayCount,
    Retention,
    TopicMastery,
    WeakFact,
    due_forecast,
    mastery_by_topic,
    memory_by_fact,
    quiz_score_by_fact,
    recent_attempts,
    reviews_per_day,
    true_retention,
    weakest_facts,
)
from ajquiz.study.streaks import Streak, streak


@dataclass
class Dashboard:
    cards: int
    streak: Streak
    mastery: list[TopicMastery]
    forecast: list[DayCount]
    reviews: list[DayCount]
    retention_month: Retention
    retention_all: Retention
    weakest: list[WeakFact]
    attempts: list
    mastery_chart: MeterChart
    forecast_chart: BarChart
    reviews_chart: BarChart


def dashboard_for(user, *, now: datetime) -> Dashboard:
    """Twelve queries, whatever the size of the learner's history."""
    memory = memory_by_fact(user, now=now)
    retention_month, retention_all = true_retention(user, now=now)
    mastery = mastery_by_topic(user, memory, quiz_score_by_fact(user))
    forecast = due_forecast(user, now=now)
    reviews = reviews_per_day(user, now=now)
    return Dashboard(
        cards=len(memory),
        streak=streak(user, now=now),
        mastery=mastery,
        forecast=forecast,
        reviews=reviews,
        retention_month=retention_month,
        retention_all=retention_all,
        weakest=weakest_facts(memory),
        attempts=list(recent_attempts(user)),
        mastery_chart=_mastery_chart(mastery),
        forecast_chart=_forecast_chart(forecast),
        reviews_chart=_reviews_chart(reviews),
    )


def _day_name(day) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _forecast_chart(forecast: list[DayCount]) -> BarChart:
    total = sum(day.count for day in forecast)
    busiest = max(forecast, key=lambda day: day.count)
    desc = (
        f"Cards due on each of the next {len(forecast)} days: {total} in all, "
        f"{forecast[0].count} today."
    )
    if busiest.count:
        desc += f" The busiest day is {_day_name(busiest.day)} with {busiest.count}."
    points = [Point(str(day.day.day), _day_name(day.day), day.count) for day in forecast]
    return bar_chart(
        slug="forecast",
        title="Cards due in the next 30 days",
        desc=desc,
        value_heading="Cards due",
        points=points,
        label_every=5,
    )


def _reviews_chart(reviews: list[DayCount]) -> BarChart:
    total = sum(day.count for day in reviews)
    again = sum(day.again for day in reviews)
    active = sum(1 for day in reviews if day.count)
    desc = (
        f"Ratings given on each of the last {len(reviews)} days: {total} in all, "
        f"{again} of them Again, on {active} day{'s' if active != 1 else ''}."
    )
    points = [Point(str(day.day.day), _day_name(day.day), day.count) for day in reviews]
    return bar_chart(
        slug="reviews",
        title="Reviews per day, last 30 days",
        desc=desc,
        value_heading="Ratings",
        points=points,
        label_every=5,
    )


def _mastery_chart(mastery: list[TopicMastery]) -> MeterChart:
    items = [(row.topic.name, row.mastery) for row in mastery]
    desc = "Mastery of each topic from 0 to 100 per cent."
    if items:
        best = max(items, key=lambda item: item[1])
        worst = min(items, key=lambda item: item[1])
        high, low = round(best[1] * 100), round(worst[1] * 100)
        if high == low:
            desc += f" Every topic is at {high} per cent."
        else:
            desc += f" Highest: {best[0]} at {high} per cent; lowest: {worst[0]} at {low} per cent."
    return meter_chart(slug="mastery", title="Mastery per topic", desc=desc, items=items)
