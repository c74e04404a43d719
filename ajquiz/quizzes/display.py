"""What the attempt and review pages show for each slot, loaded in a fixed number of queries:
the attempt's responses (1), the slots' questions (1) and, when feedback is shown, their facts
with source and passage (1), whatever the size of the bank or of the attempt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from ajquiz.content.highlight import segments
from ajquiz.content.models import Fact
from ajquiz.questions.grading import Grade
from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_answer, describe_key
from ajquiz.quizzes.scoring import grade_answer

Kind = Question.Kind


@dataclass
class SlotView:
    index: int
    question: Question
    response: object | None
    options: list[dict] | None = None
    items: list[dict] | None = None
    grade: Grade | None = None
    facts: list = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def prefix(self) -> str:
        return f"s{self.number}"

    @property
    def review_prefix(self) -> str:
        return f"r{self.number}"

    @property
    def answered(self) -> bool:
        return self.response is not None

    @property
    def answer(self):
        return self.response.answer if self.response is not None else None

    @property
    def answer_text(self) -> str:
        return describe_answer(self.question, self.answer)

    @property
    def key_text(self) -> str:
        return describe_key(self.question)

    @property
    def passages(self) -> list[dict]:
        """Each fact's passage cut into segments, the quote marked (for "show source")."""
        shown = []
        for fact in self.facts:
            text, start = fact.quote_context()
            shown.append({"fact": fact, "segments": segments(text, start, [fact])})
        return shown


@dataclass
class Progress:
    total: int
    answered: set[int]

    @property
    def unanswered(self) -> list[int]:
        return [index for index in range(self.total) if index not in self.answered]

    def numbers(self) -> list[dict]:
        return [
            {"number": index + 1, "answered": index in self.answered} for index in range(self.total)
        ]


def load_responses(attempt) -> dict:
    return {response.slot: response for response in attempt.responses.all()}


def slot_views(
    attempt, indexes, *, responses: dict, with_facts: bool, questions: dict | None = None
) -> list[SlotView]:
    """Views of the given slots (0-based) of `attempt`, in the order given. `questions` (by
    id) are used when they hold every slot's question, rather than read again."""
    wanted = {attempt.slots[index]["question"] for index in indexes}
    facts = Prefetch(
        "facts", queryset=Fact.objects.select_related("source", "passage").defer("source__text")
    )
    if questions is not None and wanted <= questions.keys():
        by_id = questions
        if with_facts:
            prefetch_related_objects([questions[pk] for pk in wanted], facts)
    else:
        query = Question.objects.prefetch_related(facts) if with_facts else Question.objects
        by_id = query.in_bulk(wanted)
    views = []
    for index in indexes:
        frozen = attempt.slots[index]
        question = by_id[frozen["question"]]
        response = responses.get(index)
        view = SlotView(index=index, question=question, response=response)
        _order_choices(view, frozen)
        view.grade = grade_answer(question, view.answer)
        if with_facts:
            view.facts = list(question.facts.all())
        views.append(view)
    return views


def _order_choices(view: SlotView, frozen: dict) -> None:
    payload = view.question.payload
    if view.question.kind in (Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE):
        by_id = {option["id"]: option for option in payload["options"]}
        view.options = [by_id[option_id] for option_id in frozen.get("options", by_id)]
    elif view.question.kind == Kind.ORDERING:
        by_id = {item["id"]: item for item in payload["items"]}
        # A saved answer is shown in the learner's order, so the position selects match it.
        order = view.answer if isinstance(view.answer, list) else frozen.get("items", by_id)
        view.items = [by_id[item_id] for item_id in order if item_id in by_id]
