"""What to study next, and how much is due: daily limits, learning steps and sibling burying.

Order: cards due now (oldest due first; learned cards only while the review limit allows),
then a new fact in reading order (while the new-fact limit allows), then a card still being
learned that falls due within LEARN_AHEAD. Each takes a constant number of queries.

Siblings: facts anchored to overlapping words of one source. A card's back shows its quote,
so after one of them is rated the others would be answered by that quote; they are buried,
left out until the next day. Nothing is stored for it: the filter reads today's logs, so an
undone rating un-buries at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from ajquiz.content.models import Fact
from ajquiz.study.models import (
    Card,
    Deck,
    LearnItem,
    ReviewLog,
    State,
    StudyProfile,
    decks_filter,
)

LEARN_AHEAD = timedelta(minutes=20)
LEARNING_STATES = (State.LEARNING, State.RELEARNING)


@dataclass(frozen=True)
class Today:
    new_done: int
    reviews_done: int
    rated: int  # every rating of today, learning steps too: there is one to undo
    rated_facts: frozenset[int] = frozenset()  # their facts, whose siblings are buried


class StudyDay:
    """Today's counts and the facts in scope for one learner and moment, each read at most once
    when a page shows the next card and the due summary together."""

    def __init__(self, user, now: datetime, deck: Deck | None = None):
        self.user, self.now, self.deck = user, now, deck

    @cached_property
    def done(self) -> Today:
        return today(self.user, self.now)

    @cached_property
    def scope(self) -> Q:
        return study_scope(self.user, self.deck)


@dataclass(frozen=True)
class Next:
    fact: Fact
    card: Card | None

    @property
    def is_new(self) -> bool:
        return self.card is None


@dataclass(frozen=True)
class DueSummary:
    learning: int
    review: int
    new: int

    @property
    def total(self) -> int:
        return self.learning + self.review + self.new


def profile_for(user) -> StudyProfile:
    profile, _ = StudyProfile.objects.get_or_create(user=user)
    return profile


def day_start(now: datetime) -> datetime:
    """Midnight of `now`'s day in the current time zone, in UTC."""
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def today(user, now: datetime) -> Today:
    """Today's ratings counted (new facts met, learned cards reviewed, all) with their facts:
    one query on study_log_user_time, a row per rating of the day."""
    rows = ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start(now)).values_list(
        "state_before", "card__fact_id"
    )
    states = [state for state, _ in rows]
    return Today(
        new_done=states.count(State.NEW),
        reviews_done=states.count(State.REVIEW),
        rated=len(states),
        rated_facts=frozenset(fact_id for _, fact_id in rows),
    )


def study_scope(user, deck: Deck | None = None) -> Q:
    """Facts of one deck, or of every deck on the study list (one query for the list)."""
    decks = [deck] if deck is not None else list(Deck.objects.studied_by(user))
    return decks_filter(decks)


def sibling_rated_today(user, now: datetime, *, prefix: str = "", rated_facts=None) -> Exists:
    """True for a fact (at `prefix`) whose quote overlaps a different fact rated today.

    Today's rated facts are an uncorrelated IN list: `rated_facts` when the caller has read
    them (Today.rated_facts), else a subquery on study_log_user_time. With the logs joined
    inside the EXISTS, SQLite began from every fact of the source and every learner's cards
    of each (the due counts: 1.3 s to 1.4 ms with 20,000 facts in a source).
    """
    rated_today = (
        list(rated_facts)
        if rated_facts is not None
        else ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start(now)).values(
            "card__fact_id"
        )
    )
    return Exists(
        Fact.objects.filter(
            pk__in=rated_today,
            source_id=OuterRef(f"{prefix}source_id"),
            start__lt=OuterRef(f"{prefix}end"),
            end__gt=OuterRef(f"{prefix}start"),
        ).exclude(pk=OuterRef(f"{prefix}id"))
    )


def uniqueness_flags(fact: str = "") -> dict[str, Exists]:
    """Annotations telling whether another fact shares the question (subject and predicate)
    or the reverse (object and predicate) of the fact at path `fact` ("" for Fact itself)."""
    at = f"{fact}__" if fact else ""
    pk = OuterRef(f"{fact}_id" if fact else "pk")
    return {
        "question_shared": Exists(
            Fact.objects.filter(
                subject_id=OuterRef(f"{at}subject_id"), predicate=OuterRef(f"{at}predicate")
            ).exclude(pk=pk)
        ),
        "reverse_shared": Exists(
            Fact.objects.filter(
                object_entity_id=OuterRef(f"{at}object_entity_id"),
                predicate=OuterRef(f"{at}predicate"),
            ).exclude(pk=pk)
        ),
    }


def with_prompt_facts(cards):
    """What the prompt of each card needs: its fact, entities, source, passage, uniqueness."""
    return cards.select_related(
        "fact__subject", "fact__object_entity", "fact__source", "fact__passage"
    ).annotate(**uniqueness_flags("fact"))


def carry_flags(row):
    """Move the uniqueness flags of with_prompt_facts from a card (or learn item) to its fact."""
    if row is not None:
        row.fact.question_shared = row.question_shared
        row.fact.reverse_shared = row.reverse_shared
    return row


def facts_with_prompt_data(facts):
    """What a prompt needs: entities, source (not its text), passage, uniqueness flags."""
    return (
        facts.select_related("subject", "object_entity", "source", "passage")
        .defer("source__text")
        .annotate(**uniqueness_flags())
    )


def prompt_fact(fact_id: int | None) -> Fact | None:
    """One fact with what its prompt needs, by primary key. The queue finds its card or fact
    first and loads this second: joined into the queue's query, the prompt's tables made
    PostgreSQL plan for 5 ms a query that runs in 0.6."""
    if fact_id is None:
        return None
    return facts_with_prompt_data(Fact.objects.filter(pk=fact_id)).get()


def with_prompt_fact(card: Card | None) -> Card | None:
    if card is not None:
        card.fact = prompt_fact(card.fact_id)
    return card


def due_cards(
    user,
    now: datetime,
    *,
    deck: Deck | None = None,
    until: datetime | None = None,
    rated_facts=None,
):
    """The learner's cards due by `until` (default `now`), siblings of today's left out
    (`rated_facts`: today's rated facts, when the caller has them).

    Without a deck, every card of the learner: a fact once studied keeps its reviews.
    """
    cards = Card.objects.due(user, until or now)
    if rated_facts is None or rated_facts:
        cards = cards.exclude(
            sibling_rated_today(user, now, prefix="fact__", rated_facts=rated_facts)
        )
    if deck is not None:
        cards = cards.filter(fact__in=deck.fact_queryset())
    return cards


def new_facts(user, now: datetime, scope: Q, *, rated_facts=None):
    """Facts in scope the learner has never rated nor started in learn mode, reading order
    (`rated_facts` as for due_cards).

    NOT IN the learner's facts, read once by index: as NOT EXISTS, PostgreSQL merged along
    study_card's fact_id index and filtered every learner's cards out (39 ms for a new learner
    beside 100,000 others' cards, now 0.8 ms); SQLite is as fast either way.
    """
    facts = (
        Fact.objects.filter(scope)
        .exclude(pk__in=Card.objects.filter(user=user).values("fact_id"))
        .exclude(pk__in=LearnItem.objects.filter(user=user).values("fact_id"))
    )
    if rated_facts is None or rated_facts:
        facts = facts.exclude(sibling_rated_today(user, now, rated_facts=rated_facts))
    return facts.order_by("source__file_name", "start", "pk")


def next_card(
    user,
    *,
    now: datetime,
    profile: StudyProfile,
    deck: Deck | None = None,
    day: StudyDay | None = None,
) -> Next | None:
    day = day or StudyDay(user, now, deck)
    done = day.done
    cards = due_cards(user, now, deck=deck, rated_facts=done.rated_facts)
    if done.reviews_done >= profile.reviews_per_day:
        cards = cards.filter(state__in=LEARNING_STATES)
    card = with_prompt_fact(cards.first())
    if card is not None:
        return Next(card.fact, card)
    if done.new_done < profile.new_per_day:
        fresh = new_facts(user, now, day.scope, rated_facts=done.rated_facts)
        fact = prompt_fact(fresh.values_list("pk", flat=True).first())
        if fact is not None:
            return Next(fact, None)
    ahead = due_cards(
        user, now, deck=deck, until=now + LEARN_AHEAD, rated_facts=done.rated_facts
    ).filter(state__in=LEARNING_STATES)
    card = with_prompt_fact(ahead.first())
    return Next(card.fact, card) if card is not None else None


def due_summary(
    user,
    *,
    now: datetime,
    profile: StudyProfile,
    deck: Deck | None = None,
    day: StudyDay | None = None,
) -> DueSummary:
    """What is left to study today, within the limits: four queries whatever the history,
    fewer when `day` has already read today's counts or the scope."""
    day = day or StudyDay(user, now, deck)
    done = day.done
    end_of_day = day_start(now) + timedelta(days=1)
    counts = due_cards(
        user, now, deck=deck, until=end_of_day, rated_facts=done.rated_facts
    ).aggregate(
        learning=Count("pk", filter=Q(state__in=LEARNING_STATES)),
        review=Count("pk", filter=Q(state=State.REVIEW)),
    )
    new_left = max(0, profile.new_per_day - done.new_done)
    # Unordered: a count up to new_left stops at the first new_left facts it finds, where the
    # reading order made it sort every new fact first (1.6 s with 100,000 facts on SQLite).
    new = (
        new_facts(user, now, day.scope, rated_facts=done.rated_facts).order_by()[:new_left].count()
        if new_left
        else 0
    )
    return DueSummary(
        learning=counts["learning"],
        review=min(counts["review"], max(0, profile.reviews_per_day - done.reviews_done)),
        new=new,
    )


def next_due_at(user, *, deck: Deck | None = None) -> datetime | None:
    """When the learner's next card falls due (for the 'all done' message)."""
    cards = Card.objects.filter(user=user)
    if deck is not None:
        cards = cards.filter(fact__in=deck.fact_queryset())
    return cards.order_by("due").values_list("due", flat=True).first()
