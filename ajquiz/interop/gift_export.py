"""GIFT export: ajquiz questions as Moodle GIFT text, with source citations in the general
feedback. Ordering questions have no GIFT form; they are listed in a comment and left out.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ajquiz.questions.models import Question

from .gift_syntax import escape
from .parsed import BLANK
from .scopes import ExportItem

Kind = Question.Kind


@dataclass
class GiftExport:
    text: str
    written: int
    skipped: list[str]


def export_gift(items: list[ExportItem]) -> GiftExport:
    blocks = []
    skipped = []
    category = ""
    for item in items:
        if item.question.kind == Kind.ORDERING:
            skipped.append(item.title or item.question.stem[:60])
            continue
        if item.category and item.category != category:
            category = item.category
            blocks.append(f"$CATEGORY: {' '.join(category.split())}")
        blocks.append(gift_question(item))
    header = [f"// {len(items) - len(skipped)} questions exported from ajquiz"]
    header += [
        f"// left out (GIFT has no ordering questions): {' '.join(t.split())}" for t in skipped
    ]
    text = "\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n"
    return GiftExport(text=text, written=len(items) - len(skipped), skipped=skipped)


class _Writer:
    """Escapes text for one question: HTML-escaped too when the question is written as [html]."""

    def __init__(self, is_html: bool):
        self.is_html = is_html

    def text(self, value: str) -> str:
        return escape(html.escape(value, quote=False) if self.is_html else value)


def gift_question(item: ExportItem) -> str:
    question = item.question
    writer = _Writer(bool(question.stem_html))
    title = f"::{escape(item.title)}::" if item.title else ""
    stem = escape(question.stem_html) if question.stem_html else escape(question.stem)
    prefix = "[html]" if question.stem_html else ""
    general = "\n".join(part for part in [question.feedback, *item.citations] if part)
    tail = f"####{writer.text(general)}" if general else ""
    before, answers, after = _answer_block(question, writer, stem)
    if "\n" in answers:
        block = "{\n" + answers + (f"\n\t{tail}" if tail else "") + "\n}"
    else:
        block = "{" + answers + tail + "}"
    return f"{title}{prefix}{before}{block}{after}"


def _answer_block(question, writer: _Writer, stem: str) -> tuple[str, str, str]:
    """(text before the block, the answers, text after the block)."""
    kind, payload = question.kind, question.payload
    if kind in (Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE):
        before, blank, after = stem.partition(BLANK)
        lines = "\n".join(f"\t{_option(option, question)}" for option in payload["options"])
        if blank:
            return before, lines, after
        return stem + " ", lines, ""
    if kind == Kind.TRUE_FALSE:
        correction = f"#{writer.text(payload['correction'])}" if payload.get("correction") else ""
        return stem + " ", ("TRUE" if payload["answer"] else "FALSE") + correction, ""
    if kind in (Kind.SHORT_ANSWER, Kind.CLOZE):
        texts = [payload["answer"], *payload["accepted"]]
        answers = " ".join(f"{explicit('=', t)}{writer.text(t)}" for t in texts)
        if kind == Kind.CLOZE:
            return writer.text(payload["before"]), answers, writer.text(payload["after"])
        return stem + " ", answers, ""
    if kind == Kind.NUMERIC:
        tolerance = payload.get("tolerance") or 0
        spec = f"{payload['answer']}:{tolerance}" if tolerance else f"{payload['answer']}"
        return stem + " ", f"#{spec}", ""
    if kind == Kind.MATCHING:
        return stem + " ", _pairs(payload, writer), ""
    raise ValueError(f"GIFT has no form for {kind} questions")


def _option(option, question) -> str:
    writer = _Writer(bool(question.stem_html))
    fraction = option.get("fraction")
    if question.kind == Kind.MULTIPLE_RESPONSE:
        fraction = fraction if fraction is not None else _default_fraction(option, question)
        marker = f"~%{percent(fraction)}%"
    elif fraction is not None and fraction != 1:
        marker = f"~%{percent(fraction)}%" if fraction else "~"
    else:
        marker = "=" if option["correct"] else "~"
    feedback = f"#{writer.text(option['feedback'])}" if option.get("feedback") else ""
    return f"{explicit(marker, option['text'])}{writer.text(option['text'])}{feedback}"


def explicit(marker: str, text: str) -> str:
    """A text that starts with % would be read as a weight: give the answer its weight first."""
    if marker in ("=", "~") and text.lstrip().startswith("%"):
        return "=%100%" if marker == "=" else "~%0%"
    return marker


def _default_fraction(option, question) -> float:
    """ajquiz's own mr rule (grading.py): 1/k for each of k right options, -1/(n-k) for wrong."""
    options = question.payload["options"]
    right = sum(1 for each in options if each["correct"])
    if option["correct"]:
        return 1 / right
    return -1 / max(len(options) - right, 1)


def _pairs(payload, writer: _Writer) -> str:
    rights = {right["id"]: right["text"] for right in payload["rights"]}
    lines = [
        f"\t={writer.text(left['text'])} -> {writer.text(rights[payload['key'][left['id']]])}"
        for left in payload["lefts"]
    ]
    used = set(payload["key"].values())
    lines += [f"\t= -> {writer.text(text)}" for rid, text in rights.items() if rid not in used]
    return "\n".join(lines)


def percent(fraction: float) -> str:
    """0.5 -> "50", 1/3 -> "33.33333" (Moodle's own precision)."""
    return f"{round(fraction * 100, 5):.5f}".rstrip("0").rstrip(".")
