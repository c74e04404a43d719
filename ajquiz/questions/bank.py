"""Filling the question bank from the fact store, and keeping it in step with the fixtures.

Each active template is applied to every fact (or group of facts) it matches. A question is
identified by its generation key: the template, the facts, their content and the seed. When a
fact changes, its key changes: a new row is made and the old one is marked stale, so attempts
that used the old row keep exactly what their learner saw.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from ajquiz.content.models import QuestionTemplate
from ajquiz.content.predicates import ObjectType
from ajquiz.questions.drafts import Draft, rng_for
from ajquiz.questions.generate import build
from ajquiz.questions.grading import normalise
from ajquiz.questions.groups import matchable
from ajquiz.questions.models import Question
from ajquiz.questions.phrasing import event_phrase
from ajquiz.questions.store import YEAR, FactStore, FactView

Kind = QuestionTemplate.Kind
GROUP_SIZE = 4  # facts per matching or ordering question


@dataclass
class BankReport:
    created: int = 0
    kept: int = 0
    stale: int = 0
    per_kind: dict[str, int] = field(default_factory=dict)


def matches(template, fact: FactView) -> bool:
    if template.predicate and fact.predicate != template.predicate:
        return False
    if template.subject_kind and fact.subject.kind != template.subject_kind:
        return False
    if template.object_kind:
        return fact.object_entity is not None and fact.object_entity.kind == template.object_kind
    return True


def fact_groups(template, store: FactStore) -> list[list[FactView]]:
    """What the template asks about: single facts, or groups for the kinds that need several."""
    facts = [fact for fact in store.facts if matches(template, fact)]
    if template.kind == Kind.MULTIPLE_RESPONSE:
        groups, seen = [], set()
        for fact in facts:
            key = (fact.subject.id, fact.predicate)
            if key not in seen:
                seen.add(key)
                groups.append(store.siblings(fact))
        return groups
    if template.kind == Kind.ORDERING:
        facts = [fact for fact in facts if _orderable(fact, store)]
        return _chunks(template, facts, distinct=(lambda fact: fact.date_year, event_phrase))
    if template.kind == Kind.MATCHING:
        facts = [fact for fact in facts if matchable(fact)]
        return _chunks(template, facts, distinct=(lambda fact: fact.subject.id,))
    return [[fact] for fact in facts]


def _orderable(fact: FactView, store: FactStore) -> bool:
    """A dated fact whose event can be named without giving its year away, and whose year the
    sources agree on: the Triple Intervention, dated 1894 by one article and 1895 by another,
    cannot be ordered against the end of the war it followed."""
    if fact.object_type != ObjectType.DATE or not fact.date_year:
        return False
    if len({sibling.date_year for sibling in store.siblings(fact)}) > 1:
        return False
    phrase = event_phrase(fact)
    return phrase is not None and not YEAR.search(phrase)


def _chunks(template, facts, *, distinct) -> list[list[FactView]]:
    """Deterministic groups of GROUP_SIZE facts, no two sharing any of the `distinct` values."""
    pool = sorted(facts, key=lambda fact: fact.slug)
    rng_for("groups", template.slug).shuffle(pool)
    groups: list[list[FactView]] = []
    while pool:
        group, rest, used = [], [], set()
        for fact in pool:
            values = {(index, key(fact)) for index, key in enumerate(distinct)}
            if len(group) < GROUP_SIZE and not values & used:
                group.append(fact)
                used |= values
            else:
                rest.append(fact)
        if len(group) < 3:
            break
        groups.append(group)
        pool = rest
    return groups


def drafts_for(template, store: FactStore, seeds=(0,)) -> list[Draft]:
    drafts = []
    for group in fact_groups(template, store):
        for seed in seeds:
            draft = build(template, group, store, seed)
            if draft is not None:
                drafts.append(draft)
    return drafts


TYPED = {Kind.SHORT_ANSWER, Kind.NUMERIC, Kind.CLOZE, Kind.TRUE_FALSE}


def _reject_ambiguous(wanted: dict) -> None:
    """Drop every typed question whose stem another question answers differently."""
    answers: dict[tuple, set[str]] = {}
    for _, draft in wanted.values():
        if draft.kind in TYPED:
            answers.setdefault((draft.kind, _identity_stem(draft)), set()).add(
                normalise(draft.key_text)
            )
    for key in [
        key
        for key, (_, draft) in wanted.items()
        if draft.kind in TYPED and len(answers[(draft.kind, _identity_stem(draft))]) > 1
    ]:
        del wanted[key]


def _identity_stem(draft: Draft) -> str:
    if draft.kind == Kind.CLOZE:
        return normalise(f"{draft.stem} {draft.payload['before']} ___ {draft.payload['after']}")
    return normalise(draft.stem)


def generation_key(template, draft: Draft) -> str:
    """Template, facts and seed, plus what was produced: a change to any of them (a fact's
    content, the template, the engine) makes a new question and retires the old one."""
    parts = [
        template.slug,
        str(draft.seed),
        *[f"{fact.slug}:{fact.content_hash}" for fact in draft.facts],
        draft.kind,
        draft.stem,
        json.dumps(draft.payload, sort_keys=True),
        draft.feedback,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@transaction.atomic
def refresh_bank(seeds=(0,)) -> BankReport:
    """Generate every template's questions; mark stale what is no longer produced."""
    store = FactStore.load()
    report = BankReport()
    by_identity: dict[tuple, tuple[QuestionTemplate, Draft]] = {}
    for template in QuestionTemplate.objects.filter(active=True).order_by("slug"):
        for draft in drafts_for(template, store, seeds):
            identity = (draft.kind, _identity_stem(draft), normalise(draft.key_text))
            if identity in by_identity:
                # Two facts (often two sources) make the same question: it tests both.
                kept = by_identity[identity][1]
                kept.facts.extend(fact for fact in draft.facts if fact not in kept.facts)
                continue
            by_identity[identity] = (template, draft)
    wanted = {
        generation_key(template, draft): (template, draft)
        for template, draft in by_identity.values()
    }
    _reject_ambiguous(wanted)
    existing = set(
        Question.objects.filter(generation_key__in=wanted).values_list("generation_key", flat=True)
    )
    new = [key for key in wanted if key not in existing]
    _create(new, wanted)
    report.created, report.kept = len(new), len(existing)
    report.stale = (
        Question.objects.generated()
        .filter(is_stale=False)
        .exclude(generation_key__in=wanted)
        .update(is_stale=True)
    )
    Question.objects.filter(generation_key__in=existing, is_stale=True).update(is_stale=False)
    for _, draft in wanted.values():
        report.per_kind[draft.kind] = report.per_kind.get(draft.kind, 0) + 1
    return report


def _create(keys: list[str], wanted) -> None:
    questions = []
    for key in keys:
        template, draft = wanted[key]
        question = Question(
            kind=draft.kind,
            template=template,
            seed=draft.seed,
            generation_key=key,
            stem=draft.stem,
            payload=draft.payload,
            feedback=draft.feedback,
            facts_hash=hashlib.sha256(
                "".join(fact.content_hash for fact in draft.facts).encode()
            ).hexdigest(),
        )
        question.content_hash = question.compute_content_hash()
        questions.append(question)
    Question.objects.bulk_create(questions, batch_size=500)
    ids = dict(Question.objects.filter(generation_key__in=keys).values_list("generation_key", "pk"))
    through = Question.facts.through
    through.objects.bulk_create(
        [
            through(question_id=ids[key], fact_id=fact.id)
            for key in keys
            for fact in wanted[key][1].facts
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
