"""The crawler: every page as anonymous, student, teacher and admin, with a screenshot of each
(in /tmp/ajquiz-screenshots/<role>/, or $AJQUIZ_SCREENSHOTS), zero axe-core WCAG 2.2 A/AA
violations, no Content-Security-Policy violation and no JavaScript error.

It starts from every URL pattern the access matrix says the role may GET (URL parameters filled
with the real objects of tests/security/world.py) and follows the links it finds, visiting one
URL per pattern (query strings aside), so the crawl stays bounded as data grows.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from tests.security.test_access_matrix import EXPECTED, GET
from tests.security.world import ROLES, build_world

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(os.environ.get("AJQUIZ_SCREENSHOTS", "/tmp/ajquiz-screenshots"))
# Downloads and files, not pages.
NOT_PAGES = re.compile(r"(_csv|^interop:export_\w+)$")
# Django admin: the index, each app, and each model's list, add and change forms. Delete and
# history pages are Django's own and one per object; the crawl would never end on them.
ADMIN_PAGES = re.compile(r"^admin:(index|app_list|\w+_(changelist|add|change))$")
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def pattern_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def start_urls(world, role: str) -> list[str]:
    index = ROLES.index(role)
    return [
        reverse(name, kwargs=world.kwargs.get(name))
        for name, (method, expected) in sorted(EXPECTED.items())
        if method == GET and expected[index] == 200 and not NOT_PAGES.search(name)
    ]


def worth_visiting(name: str | None) -> bool:
    if name is None or NOT_PAGES.search(name):
        return False
    return ADMIN_PAGES.match(name) is not None if name.startswith("admin:") else True


def crawl(page, base: str, role: str, urls: list[str], axe_violations) -> dict:
    """Visit each page once per pattern; return {pattern: problems} and the pages seen."""
    folder = SCREENSHOTS / role
    folder.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.context.add_init_script(CSP_LISTENER)
    queue = [(url, "start") for url in urls]
    seen: dict[str, str] = {}
    problems: dict[str, list[str]] = {}
    while queue:
        path, linked_from = queue.pop(0)
        name = pattern_of(path)
        if not worth_visiting(name) or name in seen:
            continue
        seen[name] = path
        response = page.goto(base + path)
        found = []
        if response.status != 200:
            found.append(f"status {response.status} (linked from {linked_from})")
        page.screenshot(path=str(folder / (re.sub(r"\W+", "_", name) + ".png")))
        # Before axe, which adds <style> elements of its own while it checks some rules.
        found += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations")]
        found += axe_violations()
        found += [f"JS: {e}" for e in errors]
        errors.clear()
        if found:
            problems[f"{name} {path}"] = found
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" == base and not parts.path.startswith(
                ("/static/", "/media/")
            ):
                queue.append((parts.path, path))
    return {"problems": problems, "seen": seen}


@pytest.fixture
def world(content):
    return build_world(practice=False)


@pytest.mark.parametrize("role", ["anonymous", "student_a", "teacher", "admin"])
def test_every_page_a_role_can_reach_passes_axe_with_no_csp_or_script_error(
    role, page, live_server, log_in, world, axe_violations
):
    if role != "anonymous":
        log_in(world.users[role])
    result = crawl(page, live_server.url, role, start_urls(world, role), axe_violations)
    assert result["problems"] == {}
    assert (
        len(result["seen"]) >= {"anonymous": 12, "student_a": 27, "teacher": 43, "admin": 90}[role]
    )
