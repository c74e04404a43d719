"""Script in every teacher-authored field comes out inert on every page that shows it.

A teacher writes the payload into question stems (plain and rich), options, option feedback,
corrections, question feedback, set and quiz titles, class names, extension reasons, a
hand-written question through the authoring form, and GIFT and Moodle XML import files. Each
page is parsed: no script but our own static files, no event-handler attribute, no
javascript: URL, no style element or attribute, and the payload's text shows escaped.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ajquiz.questions.models import Question
from ajquiz.questions.richtext import rich_stem
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '<script>alert("x1")</script><img src=x onerror=alert("x2")>'
    "<a href=\"javascript:alert('x3')\">x3</a><svg onload=alert(4)><style>*{}</style>"
    "\"'><b onmouseover=alert(5)>bold</b>"
)


class Inspector(HTMLParser):
    """Collects whatever in a page could run script or restyle it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and not (names.get("src") or "").startswith("/static/"):
            self.dangers.append(f"<script {names}>")
        if tag in ("style", "iframe", "object", "embed", "base"):
            self.dangers.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.dangers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.dangers.append(f"<{tag} {name}={value!r}>")


def dangers_in(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    return inspector.dangers


def test_the_inspector_finds_each_danger_of_the_payload():
    found = dangers_in(PAYLOAD)
    assert len(found) == 6
    assert dangers_in("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == []


def poison(world) -> None:
    """The payload in every teacher-authored field of the world, stored as the app stores it."""
    plain, html = rich_stem(PAYLOAD)
    for question in world.objects["questions"]:
        question.stem, question.stem_html = plain + PAYLOAD, html
        payload = question.payload
        for option in payload.get("options", []):
            option["text"] = PAYLOAD + option["text"]
            option["feedback"] = PAYLOAD
        if "correction" in payload:
            payload["correction"] = PAYLOAD
        if "accepted" in payload:
            payload["accepted"].append(PAYLOAD)
        question.feedback = PAYLOAD
        question.save()
    world.objects["question_set"].title = PAYLOAD
    world.objects["question_set"].description = PAYLOAD
    world.objects["question_set"].save()
    world.objects["quiz"].title = PAYLOAD
    world.objects["quiz"].save()
    world.objects["classroom"].name = PAYLOAD[:120]
    world.objects["classroom"].save()
    world.objects["assignment"].extensions.update(reason=PAYLOAD[:200])


def pages(world) -> list[tuple[str, str]]:
    """(role, URL) of every page that shows what the teacher wrote."""
    k = world.kwargs
    teacher = [
        "classes:classrooms",
        "classes:classroom",
        "classes:sets",
        "classes:set",
        "classes:bank",
        "classes:preview",
        "classes:rewrite",
        "classes:quiz_settings",
        "classes:gradebook",
        "classes:assignment",
        "classes:student_work",
        "classes:analysis",
        "classes:template_analysis",
        "questions:detail",
        "quizzes:quiz",
        "quizzes:review",
        "interop:index",
    ]
    student = [
        "home",
        "classes:mine",
        "quizzes:quiz",
        "quizzes:attempt",
        "quizzes:finish",
        "quizzes:review",
        "progress:dashboard",
    ]
    return [("teacher", reverse(name, kwargs=k.get(name))) for name in teacher] + [
        ("student_a", reverse(name, kwargs=k.get(name))) for name in student
    ]


def client_for(world, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def test_teacher_text_is_inert_on_every_page_that_shows_it(bank):
    world = build_world()
    poison(world)
    clients = {role: client_for(world, role) for role in ("teacher", "student_a")}
    # A's answer to the first question brings its option feedback onto the page.
    attempt = world.objects["attempt"]
    answered = clients["student_a"].post(
        reverse("quizzes:answer", kwargs={"uid": attempt.uid, "number": 1}),
        {"s1": "a"},
        HTTP_HX_REQUEST="true",
    )
    found = {"answer feedback": dangers_in(answered.content.decode())}
    shown = answered.content.decode().count("&lt;script&gt;")
    for role, url in pages(world):
        response = clients[role].get(url)
        assert response.status_code == 200, url
        found[f"{role} {url}"] = dangers_in(response.content.decode())
        shown += response.content.decode().count("&lt;script&gt;")
    assert {page: dangers for page, dangers in found.items() if dangers} == {}
    assert shown > 30  # the payload did reach the pages, escaped


def test_a_hand_written_question_from_the_authoring_form_is_inert(bank):
    world = build_world()
    client = client_for(world, "teacher")
    question_set = world.objects["question_set"]
    response = client.post(
        reverse("classes:write", kwargs={"uid": question_set.uid, "kind": "tf"}),
        {"stem": PAYLOAD, "answer": "true", "correction": PAYLOAD, "feedback": PAYLOAD},
    )
    assert response.status_code == 302
    question = Question.objects.filter(set_entries__question_set=question_set).latest("pk")
    assert "<script" not in question.stem_html
    assert "onmouseover" not in question.stem_html
    assert question.stem_html.endswith("<b>bold</b>")
    for url in (
        reverse("classes:set", kwargs={"uid": question_set.uid}),
        reverse("questions:detail", kwargs={"uid": question.uid}),
        reverse("classes:preview", kwargs={"uid": question_set.uid}),
    ):
        assert dangers_in(client.get(url).content.decode()) == [], url


def gift_escaped(text: str) -> str:
    for special in "\\~=#{}:":
        text = text.replace(special, "\\" + special)
    return text


SAFE = gift_escaped(PAYLOAD)
GIFT = f"::{SAFE}:: [html]{SAFE} {{=right#{SAFE} ~wrong#{SAFE}}}\n"
MOODLE_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="truefalse"><name><text>t</text></name>
<questiontext format="html"><text><![CDATA[{PAYLOAD}]]></text></questiontext>
<answer fraction="100"><text>true</text><feedback><text><![CDATA[{PAYLOAD}]]></text></feedback>
</answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""


@pytest.mark.parametrize(
    ("file_format", "name", "text"),
    [("gift", "x<script>.gift", GIFT), ("moodle_xml", "x.xml", MOODLE_XML)],
)
def test_an_imported_file_is_inert_in_its_preview_and_after_import(bank, file_format, name, text):
    world = build_world()
    client = client_for(world, "teacher")
    upload = SimpleUploadedFile(name, text.encode())
    response = client.post(reverse("interop:upload"), {"format": file_format, "file": upload})
    assert response.status_code in (200, 302)
    preview = client.get(response["Location"]) if response.status_code == 302 else response
    assert dangers_in(preview.content.decode()) == []
    batch = world.users["teacher"].import_batches.latest("pk")
    client.post(reverse("interop:confirm", kwargs={"uid": batch.uid}))
    batch.refresh_from_db()
    assert batch.is_imported
    assert batch.items.count() == 1
    for item in batch.items.select_related("question"):
        detail = client.get(reverse("questions:detail", kwargs={"uid": item.question.uid}))
        assert dangers_in(detail.content.decode()) == []
    assert dangers_in(client.get(batch.get_absolute_url()).content.decode()) == []
