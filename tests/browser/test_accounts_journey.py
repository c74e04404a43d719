from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_signs_up_and_lands_on_home_logged_in(page, live_server, content):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Username").fill("newbie")
    page.locator("#id_password1").fill("a long enough pass phrase 7")
    page.locator("#id_password2").fill("a long enough pass phrase 7")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "Welcome, newbie" in page.locator("#messages").inner_text()
    assert page.get_by_role("button", name="Log out").is_visible()


def test_sign_up_presets_the_browsers_time_zone(browser, live_server, content):
    from ajquiz.accounts.models import User

    context = browser.new_context(timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    assert page.get_by_label("Time zone").input_value() == "Asia/Tokyo"
    page.get_by_label("Username").fill("kenji")
    page.locator("#id_password1").fill("a long enough pass phrase 7")
    page.locator("#id_password2").fill("a long enough pass phrase 7")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(f"{live_server.url}/")
    context.close()
    assert User.objects.get(username="kenji").time_zone == "Asia/Tokyo"


def test_the_skip_link_moves_focus_to_main(page, live_server, content):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_sources_and_log_in_pages_pass_axe(page, live_server, content, axe_violations):
    for path in ["/", "/accounts/login/", "/accounts/signup/", "/sources/", "/topics/"]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations() == [], path
