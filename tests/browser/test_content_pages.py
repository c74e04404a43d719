from __future__ import annotations

import pytest

from ajquiz.content.models import Fact, Source

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_source_page_passes_axe(page, live_server, content, axe_violations):
    page.goto(f"{live_server.url}/sources/")
    assert axe_violations() == []
    for slug in Source.objects.values_list("slug", flat=True):
        page.goto(f"{live_server.url}/sources/{slug}/")
        assert axe_violations() == [], slug


def test_topic_and_fact_pages_pass_axe(page, live_server, content, axe_violations):
    for path in [
        "/topics/",
        "/topics/treaty-1902/",
        "/topics/modern-debate/",
        "/facts/aja1-treaty-1902-signed-on/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations() == [], path


def test_a_highlighted_quote_leads_to_its_fact_and_back_to_its_paragraph(
    page, live_server, content
):
    fact = Fact.objects.select_related("passage").get(
        slug="aja1-treaty-1902-signed-at-lansdowne-house"
    )
    page.goto(f"{live_server.url}/sources/anglo-japanese-alliance/")
    page.locator(f'a.fact-mark[href="/facts/{fact.slug}/"]').first.click()
    page.wait_for_url(f"{live_server.url}/facts/{fact.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == fact.statement
    assert page.locator("blockquote mark").inner_text() == fact.quote
    page.get_by_role("link", name="Read the passage in the whole source").click()
    anchor = f"p{fact.passage.index + 1}"
    page.wait_for_url(f"{live_server.url}/sources/anglo-japanese-alliance/#{anchor}")
    assert page.evaluate("document.querySelector(':target').id") == anchor


def test_the_facts_of_a_paragraph_open_from_the_keyboard(page, live_server, content):
    page.goto(f"{live_server.url}/sources/matsumura-revival-fantasy/")
    summary = page.locator("section.passage summary").first
    summary.focus()
    page.keyboard.press("Enter")
    details = page.locator("section.passage details").first
    assert details.get_attribute("open") is not None
    assert details.get_by_role("link").first.is_visible()
