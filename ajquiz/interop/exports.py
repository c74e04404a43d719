"""Export files, ready to download or write to disk: what each export button and command gives."""

from __future__ import annotations

from dataclasses import dataclass

from ajquiz.quizzes.models import Response

from .anki import apkg_bytes, build_deck
from .csv_export import export_facts_csv, export_questions_csv, export_responses_csv
from .gift_export import export_gift
from .moodle_xml_export import export_moodle_xml
from .scopes import Scope, export_items, facts_in, questions_in


class NothingToExport(Exception):
    pass


@dataclass
class Download:
    file_name: str
    content_type: str
    body: bytes
    count: int
    note: str = ""


def question_file(scope: Scope, *, user, file_format: str) -> Download:
    items = export_items(questions_in(scope, user))
    if not items:
        raise NothingToExport(f"There are no questions in “{scope.label}” yet.")
    if file_format == "gift":
        gift = export_gift(items)
        if not gift.written:
            raise NothingToExport(
                "GIFT has no ordering questions, and those are all this selection holds: "
                "export it as Moodle XML instead."
            )
        note = f"{len(gift.skipped)} ordering questions left out." if gift.skipped else ""
        body, kind, count = gift.text, "text/plain", gift.written
        return Download(
            f"{scope.file_stem}.gift.txt", f"{kind}; charset=utf-8", body.encode(), count, note
        )
    if file_format == "moodle_xml":
        body = export_moodle_xml(items)
        return Download(
            f"{scope.file_stem}.xml", "application/xml; charset=utf-8", body.encode(), len(items)
        )
    body = export_questions_csv(items)
    return Download(
        f"{scope.file_stem}-questions.csv",
        "text/csv; charset=utf-8",
        body.encode("utf-8-sig"),
        len(items),
    )


def facts_file(scope: Scope) -> Download:
    facts = list(facts_in(scope).prefetch_related("topics"))
    if not facts:
        raise NothingToExport(f"There are no facts in “{scope.label}”.")
    body = export_facts_csv(facts)
    return Download(
        f"{scope.file_stem}-facts.csv",
        "text/csv; charset=utf-8",
        body.encode("utf-8-sig"),
        len(facts),
    )


def anki_file(scope: Scope, *, now, base_url: str = "") -> Download:
    facts = list(facts_in(scope).prefetch_related("topics"))
    if not facts:
        raise NothingToExport(f"There are no facts in “{scope.label}” to make cards from.")
    name = "ajquiz::" + scope.label.replace("::", ":")
    deck = build_deck(facts, deck_key=scope.value, deck_name=name, base_url=base_url)
    body = apkg_bytes(deck, now=now)
    return Download(f"{scope.file_stem}.apkg", "application/octet-stream", body, len(deck.notes))


def responses_file(quiz) -> Download:
    """Every response to `quiz`, learner by learner, attempt by attempt, in one query."""
    responses = list(
        Response.objects.filter(attempt__quiz=quiz)
        .select_related("attempt__quiz", "attempt__user", "question")
        .order_by("attempt__user__username", "attempt__number", "slot")
    )
    if not responses:
        raise NothingToExport(f"Nobody has answered “{quiz.title}” yet.")
    body = export_responses_csv(responses).encode("utf-8-sig")
    name = f"ajquiz-quiz-{quiz.uid}-responses.csv"
    return Download(name, "text/csv; charset=utf-8", body, len(responses))
