"""The recent attempts on a learner's progress page link to reviews the viewer may open
(found by issue 10's crawler: the links led to the attempt page, a 404 for the teacher)."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from tests.security.world import build_world


def test_a_teacher_can_open_every_review_linked_from_a_students_progress(bank):
    world = build_world()
    amy, finished = world.users["student_a"], world.objects["finished_attempt"]
    for role in ("teacher", "student_a", "admin"):
        client = Client()
        client.force_login(world.users[role])
        page = client.get(reverse("progress:student", args=[amy.username])).content.decode()
        links = re.findall(r'href="(/attempts/[^"]+)"', page)
        assert links == [reverse("quizzes:review", args=[finished.uid])], role
        assert client.get(links[0]).status_code == 200, role
