"""Hand-written questions with rows of answers: multiple choice (one or several keys),
matching pairs and chronological ordering. Rows left empty are ignored; the errors name the
row they are about."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from ajquiz.classes.question_forms import TEXT_MAX, QuestionForm
from ajquiz.questions.models import Question

Kind = Question.Kind
MAX_ROWS = 6


@dataclass
class RowFields:
    number: int
    fields: list  # bound fields of one row, in display order


def _text(label: str, *, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=TEXT_MAX)


class RowsForm(QuestionForm):
    """Rows of fields named `<name>_<n>`, n = 1..MAX_ROWS."""

    row_names: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_ROWS + 1):
            for name, field in self.row_fields(number).items():
                self.fields[f"{name}_{number}"] = field

    def row_fields(self, number: int) -> dict[str, forms.Field]:
        raise NotImplementedError

    def row_field_names(self) -> set[str]:
        return {f"{name}_{n}" for name in self.row_names for n in range(1, MAX_ROWS + 1)}

    def rows(self) -> list[RowFields]:
        return [
            RowFields(number, [self[f"{name}_{number}"] for name in self.row_names])
            for number in range(1, MAX_ROWS + 1)
        ]

    def filled(self, name: str) -> list[tuple[int, str]]:
        """(row number, stripped text) of the rows whose `name` field is filled."""
        found = []
        for number in range(1, MAX_ROWS + 1):
            text = (self.cleaned_data.get(f"{name}_{number}") or "").strip()
            if text:
                found.append((number, text))
        return found

    def require_distinct(self, rows: list[tuple[int, str]], name: str, what: str) -> None:
        seen: dict[str, int] = {}
        for number, text in rows:
            if text.casefold() in seen:
                self.add_error(
                    f"{name}_{number}", f"This {what} repeats {what} {seen[text.casefold()]}."
                )
            seen.setdefault(text.casefold(), number)


class ChoiceForm(RowsForm):
    """Multiple choice: each row an answer with optional feedback; one key (mc) or several (mr)."""

    kind = Kind.MULTIPLE_CHOICE
    row_names = ("option", "option_feedback")
    correct = forms.TypedChoiceField(
        label="Which answer is right?",
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(number, f"Answer {number}") for number in range(1, MAX_ROWS + 1)],
        error_messages={"required": "Choose which answer is right."},
    )

    shuffle = forms.BooleanField(
        label="Shuffle the answers for each student",
        required=False,
        initial=True,
        help_text="Turn off when the order matters, for example dates listed in order.",
    )

    def row_fields(self, number):
        return {
            "option": _text(f"Answer {number}"),
            "option_feedback": _text(f"Feedback when answer {number} is chosen"),
        }

    @classmethod
    def initial_from(cls, payload):
        initial = {"shuffle": payload.get("shuffle", True)}
        for number, option in enumerate(payload["options"], start=1):
            initial[f"option_{number}"] = option["text"]
            initial[f"option_feedback_{number}"] = option.get("feedback", "")
            if option["correct"]:
                initial["correct"] = number
        return initial

    def clean(self):
        cleaned = super().clean()
        options = self.filled("option")
        for number, _text_value in self.filled("option_feedback"):
            if number not in dict(options):
                self.add_error(f"option_{number}", "Write the answer this feedback is about.")
        if len(options) < 2:
            missing = next(n for n in range(1, MAX_ROWS + 1) if n not in dict(options))
            self.add_error(f"option_{missing}", "Write at least two answers.")
        self.require_distinct(options, "option", "answer")
        self.check_keys(cleaned, dict(options))
        return cleaned

    def check_keys(self, cleaned, options: dict[int, str]) -> None:
        correct = cleaned.get("correct")
        if correct is not None and correct not in options:
            self.add_error("correct", f"Answer {correct} is empty: choose a written answer.")

    def is_key(self, number: int) -> bool:
        return self.cleaned_data.get("correct") == number

    def payload(self):
        options = []
        for index, (number, text) in enumerate(self.filled("option")):
            options.append(
                {
                    "id": chr(ord("a") + index),
                    "text": text,
                    "correct": self.is_key(number),
                    "feedback": (self.cleaned_data.get(f"option_feedback_{number}") or "").strip(),
                }
            )
        return {"options": options, "shuffle": self.cleaned_data["shuffle"]}


class MultipleResponseForm(ChoiceForm):
    kind = Kind.MULTIPLE_RESPONSE
    row_names = ("option", "option_right", "option_feedback")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["correct"]

    def row_fields(self, number):
        return {
            **super().row_fields(number),
            "option_right": forms.BooleanField(label=f"Answer {number} is right", required=False),
        }

    @classmethod
    def initial_from(cls, payload):
        initial = super().initial_from(payload)
        initial.pop("correct", None)
        for number, option in enumerate(payload["options"], start=1):
            initial[f"option_right_{number}"] = option["correct"]
        return initial

    def check_keys(self, cleaned, options):
        keys = [n for n in range(1, MAX_ROWS + 1) if cleaned.get(f"option_right_{n}")]
        for number in keys:
            if number not in options:
                self.add_error(f"option_{number}", "This answer is marked right but is empty.")
        if not any(number in options for number in keys):
            self.add_error(None, "Mark at least one answer as right.")

    def is_key(self, number):
        return bool(self.cleaned_data.get(f"option_right_{number}"))


class MatchingForm(RowsForm):
    kind = Kind.MATCHING
    row_names = ("left", "right")

    def row_fields(self, number):
        return {"left": _text(f"Item {number}"), "right": _text(f"Its match {number}")}

    @classmethod
    def initial_from(cls, payload):
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        initial = {}
        for number, left in enumerate(payload["lefts"], start=1):
            initial[f"left_{number}"] = left["text"]
            initial[f"right_{number}"] = rights[payload["key"][left["id"]]]
        return initial

    def clean(self):
        cleaned = super().clean()
        lefts, rights = dict(self.filled("left")), dict(self.filled("right"))
        for number in set(lefts) ^ set(rights):
            name = "right" if number in lefts else "left"
            self.add_error(f"{name}_{number}", "Fill in both sides of this pair, or neither.")
        if len(set(lefts) & set(rights)) < 2:
            self.add_error(None, "Write at least two pairs.")
        self.require_distinct(sorted(lefts.items()), "left", "item")
        self.require_distinct(sorted(rights.items()), "right", "match")
        return cleaned

    def payload(self):
        lefts, rights = dict(self.filled("left")), dict(self.filled("right"))
        pairs = [(lefts[n], rights[n]) for n in sorted(set(lefts) & set(rights))]
        # Rights are listed alphabetically, so their order does not give the pairs away.
        right_ids = {
            text: f"r{index}"
            for index, text in enumerate(sorted((right for _, right in pairs), key=str.casefold), 1)
        }
        return {
            "lefts": [
                {"id": f"l{index}", "text": left} for index, (left, _) in enumerate(pairs, 1)
            ],
            "rights": [{"id": rid, "text": text} for text, rid in right_ids.items()],
            "key": {f"l{index}": right_ids[right] for index, (_, right) in enumerate(pairs, 1)},
        }


class OrderingForm(RowsForm):
    kind = Kind.ORDERING
    row_names = ("item", "year")
    direction = forms.CharField(
        label="Order to ask for",
        max_length=60,
        initial="earliest first",
        help_text="Shown to students: “Put them in order, earliest first”.",
    )

    def row_fields(self, number):
        return {
            "item": _text(f"Item {number}"),
            "year": forms.IntegerField(
                label=f"Year of item {number}",
                required=False,
                min_value=-5000,
                max_value=5000,
            ),
        }

    @classmethod
    def initial_from(cls, payload):
        texts = {item["id"]: item for item in payload["items"]}
        initial = {"direction": payload.get("direction", "earliest first")}
        for number, item_id in enumerate(payload["key"], start=1):
            initial[f"item_{number}"] = texts[item_id]["text"]
            initial[f"year_{number}"] = texts[item_id].get("year")
        return initial

    def clean(self):
        cleaned = super().clean()
        items = self.filled("item")
        if len(items) < 3:
            self.add_error(None, "Write at least three items, in the right order.")
        self.require_distinct(items, "item", "item")
        return cleaned

    def payload(self):
        items = []
        for index, (number, text) in enumerate(self.filled("item"), start=1):
            item = {"id": f"i{index}", "text": text}
            if self.cleaned_data.get(f"year_{number}") is not None:
                item["year"] = self.cleaned_data[f"year_{number}"]
            items.append(item)
        return {
            "items": items,
            "key": [item["id"] for item in items],
            "direction": self.cleaned_data["direction"].strip(),
        }
