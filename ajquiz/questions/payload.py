"""The shape of `Question.payload` for each kind, and of the answers learners give.

mc, mr   {"options": [{"id", "text", "correct", "feedback", "fact", "source_url"}],
          "shuffle": bool}                 answer: "a" (mc) or ["a", "c"] (mr)
tf       {"answer": bool, "correction": str} answer: "true" | "false"
sa       {"answer": str, "accepted": [str]}  answer: "typed text"
num      {"answer": int, "tolerance": int, "unit": "year"}   answer: "1902"
cloze    {"before": str, "after": str, "answer": str, "accepted": [str]}
                                            answer: "typed text"
match    {"lefts": [{"id", "text"}], "rights": [{"id", "text"}], "key": {left_id: right_id}}
                                            answer: {left_id: right_id}
order    {"items": [{"id", "text", "year"}], "key": [item ids in the right order],
          "direction": "earliest first"}    answer: [item ids in the learner's order]

Options of mc and mr carry per-option feedback; a wrong option that is itself true of
something else names that fact ("fact": slug) so feedback can link to its passage.
"""

from __future__ import annotations

from django.http import QueryDict

from ajquiz.content.models import QuestionTemplate

Kind = QuestionTemplate.Kind
CHOICE_KINDS = {Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE}
TEXT_KINDS = {Kind.SHORT_ANSWER, Kind.CLOZE}


def answer_from_post(question, data: QueryDict, prefix: str = "answer"):
    """Read a learner's answer for `question` from submitted form data.

    Returns None when nothing was answered, so that an empty submit records nothing.
    """
    kind = question.kind
    if kind == Kind.MULTIPLE_RESPONSE:
        chosen = [value for value in data.getlist(prefix) if value]
        return chosen or None
    if kind == Kind.MATCHING:
        lefts = question.payload["lefts"]
        chosen = {left["id"]: data.get(f"{prefix}-{left['id']}", "") for left in lefts}
        chosen = {left: right for left, right in chosen.items() if right}
        return chosen or None
    if kind == Kind.ORDERING:
        return order_from_positions(question, data, prefix)
    value = (data.get(prefix) or "").strip()
    return value or None


def order_from_positions(question, data: QueryDict, prefix: str):
    """Ordering is submitted as a position per item (select boxes without JavaScript).

    Nothing placed means not answered. Items are sorted by the position given; items left
    unplaced follow the placed ones in the order they were shown, and ties keep that order.
    """
    items = question.payload["items"]
    placed = []
    for index, item in enumerate(items):
        raw = data.get(f"{prefix}-{item['id']}", "")
        position = int(raw) if raw.isdigit() else len(items) + 1 + index
        placed.append((position, index, item["id"]))
    if all(position > len(items) for position, _, _ in placed):
        return None
    return [item_id for _, _, item_id in sorted(placed)]


def option_text(question, option_id) -> str:
    for option in question.payload.get("options", []):
        if option["id"] == option_id:
            return option["text"]
    return ""


def describe_answer(question, answer) -> str:
    """The learner's answer in words, for review pages and exports."""
    if answer is None or answer == "":
        return ""
    kind = question.kind
    payload = question.payload
    if kind == Kind.MULTIPLE_CHOICE:
        return option_text(question, answer)
    if kind == Kind.MULTIPLE_RESPONSE:
        return "; ".join(option_text(question, option_id) for option_id in answer)
    if kind == Kind.TRUE_FALSE:
        return "True" if answer == "true" else "False"
    if kind == Kind.MATCHING:
        lefts = {left["id"]: left["text"] for left in payload["lefts"]}
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        return "; ".join(
            f"{lefts.get(left, '?')} → {rights.get(right, '?')}" for left, right in answer.items()
        )
    if kind == Kind.ORDERING:
        texts = {item["id"]: item["text"] for item in payload["items"]}
        return " → ".join(texts.get(item_id, "?") for item_id in answer)
    return str(answer)


def describe_key(question) -> str:
    """The right answer in words."""
    kind = question.kind
    payload = question.payload
    if kind in CHOICE_KINDS:
        return "; ".join(option["text"] for option in payload["options"] if option["correct"])
    if kind == Kind.TRUE_FALSE:
        return "True" if payload["answer"] else "False"
    if kind == Kind.MATCHING:
        lefts = {left["id"]: left["text"] for left in payload["lefts"]}
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        return "; ".join(
            f"{lefts[left]} → {rights[right]}" for left, right in payload["key"].items()
        )
    if kind == Kind.ORDERING:
        texts = {item["id"]: item["text"] for item in payload["items"]}
        return " → ".join(texts[item_id] for item_id in payload["key"])
    if kind == Kind.NUMERIC:
        tolerance = payload.get("tolerance", 0)
        return f"{payload['answer']}" + (f" (± {tolerance})" if tolerance else "")
    return str(payload.get("display") or payload.get("answer", ""))
