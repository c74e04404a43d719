"""Moodle XML export of every ajquiz kind, with source citations in the general feedback.

Ordering uses qtype_ordering's format (answers in the right order, fraction = position); cloze
becomes a multianswer question with one {1:SHORTANSWER:…} blank (its stem, always
"Fill in the missing words." or similar, has no place in Moodle and is not written).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from ajquiz.questions.models import Question

from .gift_export import percent
from .scopes import ExportItem

Kind = Question.Kind
CLOZE_SPECIAL = "\\}#~"


def export_moodle_xml(items: list[ExportItem]) -> str:
    quiz = ET.Element("quiz")
    category = ""
    for item in items:
        if item.category and item.category != category:
            category = item.category
            element = ET.SubElement(quiz, "question", type="category")
            _text(ET.SubElement(element, "category"), category)
        quiz.append(question_element(item))
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def title_for(item: ExportItem) -> str:
    if item.title:
        return item.title
    words = item.question.stem.split()
    title = ""
    for word in words:
        if len(title) + len(word) > 60:
            return title + "…"
        title = f"{title} {word}".strip()
    return title


def question_element(item: ExportItem) -> ET.Element:
    question = item.question
    element = ET.Element("question", type=MOODLE_TYPE[question.kind])
    _text(ET.SubElement(element, "name"), title_for(item))
    if question.kind == Kind.CLOZE:
        _text(ET.SubElement(element, "questiontext", format="html"), cloze_text(question.payload))
    elif question.stem_html:
        _text(ET.SubElement(element, "questiontext", format="html"), question.stem_html)
    else:
        _text(ET.SubElement(element, "questiontext", format="plain_text"), question.stem)
    general = "\n".join(part for part in [question.feedback, *item.citations] if part)
    _text(ET.SubElement(element, "generalfeedback", format="plain_text"), general)
    ET.SubElement(element, "defaultgrade").text = "1.0000000"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    WRITERS[question.kind](element, question.payload, question.kind)
    return element


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def _answer(parent, fraction: float | str, text: str, feedback: str = "") -> ET.Element:
    value = fraction if isinstance(fraction, str) else percent(fraction)
    answer = ET.SubElement(parent, "answer", fraction=value, format="plain_text")
    _text(answer, text)
    _text(ET.SubElement(answer, "feedback", format="plain_text"), feedback)
    return answer


def _choice(element, payload, kind):
    single = kind == Kind.MULTIPLE_CHOICE
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true" if payload.get("shuffle") else "false"
    ET.SubElement(element, "answernumbering").text = "abc"
    options = payload["options"]
    right = sum(1 for option in options if option["correct"])
    for option in options:
        fraction = option.get("fraction")
        if fraction is None and single:
            fraction = 1.0 if option["correct"] else 0.0
        elif fraction is None:
            wrong = max(len(options) - right, 1)
            fraction = 1 / right if option["correct"] else -1 / wrong
        _answer(element, fraction, option["text"], option.get("feedback", ""))


def _true_false(element, payload, kind):
    answer = bool(payload["answer"])
    correction = payload.get("correction", "")
    _answer(element, 1.0 if answer else 0.0, "true", "" if answer else correction)
    _answer(element, 0.0 if answer else 1.0, "false", correction if answer else "")


def _short(element, payload, kind):
    ET.SubElement(element, "usecase").text = "0"
    for text in [payload["answer"], *payload.get("accepted", [])]:
        _answer(element, 1.0, text)


def _numeric(element, payload, kind):
    answer = _answer(element, 1.0, str(payload["answer"]))
    ET.SubElement(answer, "tolerance").text = str(payload.get("tolerance") or 0)
    if payload.get("unit"):
        unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = payload["unit"]


def _matching(element, payload, kind):
    ET.SubElement(element, "shuffleanswers").text = "true"
    rights = {right["id"]: right["text"] for right in payload["rights"]}
    pairs = [(left["text"], rights[payload["key"][left["id"]]]) for left in payload["lefts"]]
    used = set(payload["key"].values())
    pairs += [("", text) for right_id, text in rights.items() if right_id not in used]
    for left, right in pairs:
        sub = _text(ET.SubElement(element, "subquestion", format="plain_text"), left)
        _text(ET.SubElement(sub, "answer"), right)


def _ordering(element, payload, kind):
    for tag, value in [
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "LONGEST_ORDERED_SUBSET"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ]:
        ET.SubElement(element, tag).text = value
    texts = {item["id"]: item["text"] for item in payload["items"]}
    for position, item_id in enumerate(payload["key"], 1):
        _answer(element, str(position), texts[item_id])


def _nothing(element, payload, kind):
    """Multianswer keeps its answers in the question text."""


def cloze_escape(text: str) -> str:
    return "".join("\\" + char if char in CLOZE_SPECIAL else char for char in text)


def cloze_text(payload) -> str:
    answers = "~".join(f"={cloze_escape(t)}" for t in [payload["answer"], *payload["accepted"]])
    blank = "{1:SHORTANSWER:" + answers + "}"
    # Moodle keeps the text as HTML, the blank included; its escapes survive html.escape.
    return html.escape(payload["before"] + blank + payload["after"], quote=False)


MOODLE_TYPE = {
    Kind.MULTIPLE_CHOICE: "multichoice",
    Kind.MULTIPLE_RESPONSE: "multichoice",
    Kind.TRUE_FALSE: "truefalse",
    Kind.SHORT_ANSWER: "shortanswer",
    Kind.NUMERIC: "numerical",
    Kind.MATCHING: "matching",
    Kind.ORDERING: "ordering",
    Kind.CLOZE: "multianswer",
}
WRITERS = {
    Kind.MULTIPLE_CHOICE: _choice,
    Kind.MULTIPLE_RESPONSE: _choice,
    Kind.TRUE_FALSE: _true_false,
    Kind.SHORT_ANSWER: _short,
    Kind.NUMERIC: _numeric,
    Kind.MATCHING: _matching,
    Kind.ORDERING: _ordering,
    Kind.CLOZE: _nothing,
}
