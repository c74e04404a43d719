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

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property, lru_cache

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from ajquiz.accounts.days import day_bounds, day_start, study_date
from ajquiz.content.models import MAX_QUOTE_LENGTH, Fact
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
    buried: frozenset[int] = frozenset()  # facts overlapping a different fact rated today


class StudyDay:
    """Today's counts and the facts in scope for one learner and moment, each read at most once
    when a page shows the next card and the due summary together. `decks`: the study list,
    when the page has read it already."""

    def __init__(
        self, user, now: datetime, deck: Deck | None = None, *, decks: list[Deck] | None = None
    ):
        self.user, self.now, self.deck, self._decks = user, now, deck, decks

    @cached_property
    def done(self) -> Today:
        return today(self.user, self.now)

    @property
    def decks(self) -> list[Deck]:
        if self._decks is None:
            self._decks = study_decks(self.user, self.deck)
        return self._decks

    @cached_property
    def scope(self) -> Q:
        return decks_filter(self.decks)


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


def today(user, now: datetime) -> Today:
    """Today's ratings counted (new facts met, learned cards reviewed, all) and the facts they
    bury, in one query (today_sql)."""
    sql, params = today_sql(user, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    states = [state for state, buried in rows if buried is None]
    return Today(
        new_done=states.count(State.NEW),
        reviews_done=states.count(State.REVIEW),
        rated=len(states),
        buried=frozenset(buried for _, buried in rows if buried is not None),
    )


def today_sql(user, now: datetime) -> tuple[str, list]:
    """A row per rating of today (its state before, no fact), then a row per fact whose quote
    overlaps a different fact rated today (no state, the fact): the siblings to bury.

    Both read today's logs on study_log_user_time. A quote is at most MAX_QUOTE_LENGTH long,
    so an overlapping one starts at most that far before the rated one: a short range of
    content_fact_source_start per rating, however long the source. The queue then leaves out
    a list of facts; an EXISTS per due card had cost due cards x ratings probes (45 ms with
    1,000 cards due after 165 ratings). Plain SQL: the ORM joins on foreign keys only.
    """
    quote, column = connection.ops.quote_name, _column
    log, card, fact = _table(ReviewLog), _table(Card), _table(Fact)
    start, end = column(Fact, "start"), column(Fact, "end")
    logs_and_cards = (
        f"FROM {log} JOIN {card} ON {card}.{quote('id')} = {log}.{column(ReviewLog, 'card')}"
    )
    of_today = (
        f"WHERE {log}.{column(ReviewLog, 'user')} = %s"
        f" AND {log}.{column(ReviewLog, 'reviewed_at')} >= %s"
    )
    sql = (
        f"SELECT {log}.{column(ReviewLog, 'state_before')}, NULL {logs_and_cards} {of_today}"
        f" UNION ALL SELECT NULL, sibling.{quote('id')} {logs_and_cards}"
        f" JOIN {fact} rated ON rated.{quote('id')} = {card}.{column(Card, 'fact')}"
        f" JOIN {fact} sibling ON sibling.{column(Fact, 'source')} = rated.{column(Fact, 'source')}"
        f" AND sibling.{start} >= rated.{start} - {MAX_QUOTE_LENGTH}"
        f" AND sibling.{start} < rated.{end} AND sibling.{end} > rated.{start}"
        f" AND sibling.{quote('id')} <> rated.{quote('id')} {of_today}"
    )
    since = connection.ops.adapt_datetimefield_value(day_start(now))
    return sql, [user.pk, since, user.pk, since]


def study_decks(user, deck: Deck | None = None) -> list[Deck]:
    """The deck studied, or every deck on the learner's study list (one query)."""
    return [deck] if deck is not None else list(Deck.objects.studied_by(user))


def study_scope(user, deck: Deck | None = None) -> Q:
    """Facts of one deck, or of every deck on the study list."""
    return decks_filter(study_decks(user, deck))


def uniqueness_flags() -> dict[str, RawSQL]:
    """Annotations telling whether another fact shares the question (subject and predicate)
    or the reverse (object and predicate) of the fact row, for a query on Fact or one that
    joins it (select_related): the fact table keeps its own name as its alias.

    Plain SQL: the same EXISTS built as ORM subqueries cost 1 ms to compile, two thirds of
    loading a prompt's fact; these cost nothing to build and run as fast."""
    fact = _table(Fact)
    return {
        flag: RawSQL(_SHARED_SQL.format(fact=fact, **_fact_columns(key)), (), BooleanField())
        for flag, key in (("question_shared", "subject"), ("reverse_shared", "object_entity"))
    }


_SHARED_SQL = (
    "EXISTS(SELECT 1 FROM {fact} other WHERE other.{key} = {fact}.{key}"
    " AND other.{predicate} = {fact}.{predicate} AND other.{pk} <> {fact}.{pk})"
)


def _fact_columns(key: str) -> dict[str, str]:
    return {
        name: _column(Fact, field)
        for name, field in (("key", key), ("predicate", "predicate"), ("pk", "id"))
    }


def with_prompt_facts(cards):
    """What the prompt of each card needs: its fact, entities, source, passage, uniqueness."""
    return cards.select_related(
        "fact__subject", "fact__object_entity", "fact__source", "fact__passage"
    ).annotate(**uniqueness_flags())


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
    buried: Collection[int] = (),
):
    """The learner's cards due by `until` (default `now`), leaving out the `buried` facts
    (Today.buried).

    Without a deck, every card of the learner: a fact once studied keeps its reviews.
    """
    cards = Card.objects.due(user, until or now)
    if buried:
        cards = cards.exclude(fact_id__in=buried)
    if deck is not None:
        cards = cards.filter(fact__in=deck.fact_queryset())
    return cards


def new_facts(user, scope: Q, *, buried: Collection[int] = ()):
    """Facts in scope the learner has never rated nor started in learn mode, reading order,
    leaving out the `buried` facts (Today.buried).

    NOT IN the learner's facts, read once by index: as NOT EXISTS, PostgreSQL merged along
    study_card's fact_id index and filtered every learner's cards out (39 ms for a new learner
    beside 100,000 others' cards, now 0.8 ms); SQLite is as fast either way.
    """
    facts = (
        Fact.objects.filter(scope)
        .exclude(pk__in=Card.objects.filter(user=user).values("fact_id"))
        .exclude(pk__in=LearnItem.objects.filter(user=user).values("fact_id"))
    )
    if buried:
        facts = facts.exclude(pk__in=buried)
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
    cards = due_cards(user, now, deck=deck, buried=done.buried)
    if done.reviews_done >= profile.reviews_per_day:
        cards = cards.filter(state__in=LEARNING_STATES)
    card = with_prompt_fact(cards.first())
    if card is not None:
        return Next(card.fact, card)
    if done.new_done < profile.new_per_day:
        fresh = new_facts(user, day.scope, buried=done.buried)
        fact = prompt_fact(fresh.values_list("pk", flat=True).first())
        if fact is not None:
            return Next(fact, None)
    ahead = due_cards(user, now, deck=deck, until=now + LEARN_AHEAD, buried=done.buried).filter(
        state__in=LEARNING_STATES
    )
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
    """What is left to study today, within the limits: one statement (due_summary_sql) after
    today's counts and, while new facts are allowed, the study list, each read at most once
    per `day`."""
    day = day or StudyDay(user, now, deck)
    done = day.done
    new_left = max(0, profile.new_per_day - done.new_done)
    sql, params = due_summary_sql(
        user,
        until=day_bounds(study_date(now))[1],
        deck=deck,
        buried=done.buried,
        decks=day.decks if new_left else [],
        new_left=new_left,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        learning, review, new = cursor.fetchone()
    return DueSummary(
        learning=learning,
        review=min(review, max(0, profile.reviews_per_day - done.reviews_done)),
        new=new,
    )


def due_summary_sql(
    user,
    *,
    until: datetime,
    deck: Deck | None,
    buried: Collection[int],
    decks: list[Deck],
    new_left: int,
) -> tuple[str, list]:
    """Cards due by `until` in learning and in review, and new facts of `decks` up to
    `new_left`, leaving out the `buried` facts: one statement.

    Plain SQL around the deck conditions, which the ORM compiles once per set of decks
    (scope_condition): built through the ORM, the same three queries took 3 ms of Python a
    page, a third of the study page's time. A count up to new_left stops at the first new_left
    facts it finds; in reading order it sorted every new fact first (1.6 s with 100,000 facts
    on SQLite). Newest first, because learners take new facts in reading order, so the studied
    ones are the oldest: in key order PostgreSQL passed a learner's 10,000 studied facts to
    find 20 (6.5 ms, now 2.0).
    """
    card, item, fact = _table(Card), _table(LearnItem), _table(Fact)
    card_user, card_fact = _column(Card, "user"), _column(Card, "fact")
    fact_id = f"{fact}.{_column(Fact, 'id')}"
    buried = sorted(buried)
    not_buried = f"NOT IN ({', '.join(['%s'] * len(buried))})" if buried else ""

    new, new_params = "0", []
    if new_left and decks:
        scope, scope_params = scope_condition(decks)
        new = (
            f"(SELECT COUNT(*) FROM (SELECT {fact_id} FROM {fact} WHERE ({scope})"
            f" AND {fact_id} NOT IN (SELECT mine.{card_fact} FROM {card} mine"
            f" WHERE mine.{card_user} = %s)"
            f" AND {fact_id} NOT IN (SELECT learning.{_column(LearnItem, 'fact')} FROM {item}"
            f" learning WHERE learning.{_column(LearnItem, 'user')} = %s)"
            + (f" AND {fact_id} {not_buried}" if buried else "")
            + f" ORDER BY {fact_id} DESC LIMIT %s) fresh)"
        )
        new_params = [*scope_params, user.pk, user.pk, *buried, new_left]

    state = f"{card}.{_column(Card, 'state')}"
    learning = ", ".join(str(int(value)) for value in LEARNING_STATES)
    sql = (
        f"SELECT COUNT(CASE WHEN {state} IN ({learning}) THEN 1 END),"
        f" COUNT(CASE WHEN {state} = {int(State.REVIEW)} THEN 1 END), {new}"
        f" FROM {card} WHERE {card}.{card_user} = %s AND {card}.{_column(Card, 'due')} <= %s"
    )
    params = [*new_params, user.pk, connection.ops.adapt_datetimefield_value(until)]
    if buried:
        sql += f" AND {card}.{card_fact} {not_buried}"
        params += buried
    if deck is not None:
        scope, scope_params = scope_condition([deck])
        sql += f" AND {card}.{card_fact} IN (SELECT {fact_id} FROM {fact} WHERE {scope})"
        params += scope_params
    return sql, params


def scope_condition(decks: list[Deck]) -> tuple[str, tuple]:
    """decks_filter(decks) as SQL on the fact table under its own name. It names decks,
    topics and sources, not their facts, so it holds while memberships change: compiled once
    per set of decks and database."""
    key = tuple(sorted((deck.pk, deck.kind, deck.topic_id, deck.source_id) for deck in decks))
    return _compiled_scope(connection.alias, key)


@lru_cache(maxsize=1024)
def _compiled_scope(alias: str, key: tuple) -> tuple[str, tuple]:
    decks = [
        Deck(pk=pk, kind=kind, topic_id=topic_id, source_id=source_id)
        for pk, kind, topic_id, source_id in key
    ]
    query = Fact.objects.filter(decks_filter(decks)).query
    sql, params = query.get_compiler(using=alias).compile(query.where)
    return sql, tuple(params)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def next_due_at(user, *, deck: Deck | None = None) -> datetime | None:
    """When the learner's next card falls due (for the 'all done' message)."""
    cards = Card.objects.filter(user=user)
    if deck is not None:
        cards = cards.filter(fact__in=deck.fact_queryset())
    return cards.order_by("due").values_list("due", flat=True).first()
