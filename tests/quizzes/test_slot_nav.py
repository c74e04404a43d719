"""The slot navigation: a way to each question that says, in words, whether it is answered."""

from __future__ import annotations

import re

from ajquiz.quizzes.display import Progress
from ajquiz.quizzes.templatetags.quiz_format import slot_nav_items


def items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html)


def test_one_question_per_page_gives_a_button_per_page_marking_the_current_one():
    html = slot_nav_items(Progress(total=4, answered={0, 2}), page=2, one_per_page=True)
    found = items(html)
    assert len(found) == 4
    assert all('<button type="submit" name="go" value="page-' in item for item in found)
    assert [('aria-current="step"' in item) for item in found] == [False, True, False, False]
    assert [", answered<" in item for item in found] == [True, False, True, False]
    assert [", not answered<" in item for item in found] == [False, True, False, True]
    # The dot is decoration only: the words carry the state.
    assert found[0].count('<span aria-hidden="true"> •</span>') == 1
    assert "•" not in found[1]


def test_all_questions_on_one_page_gives_a_link_per_slot():
    found = items(slot_nav_items(Progress(total=3, answered={1}), page=1, one_per_page=False))
    assert [re.search(r'href="(#slot-\d)"', item).group(1) for item in found] == [
        "#slot-1",
        "#slot-2",
        "#slot-3",
    ]
    assert ["is-answered" in item for item in found] == [False, True, False]
    assert not any("aria-current" in item for item in found)
