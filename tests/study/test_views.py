"""Study pages: who may use them, htmx and plain requests, and what each request changes."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ajquiz.study.models import Card, Deck, MatchGame, ReviewLog, StudyListEntry, StudyProfile
from tests.factories import make_facts_deck

GET_PAGES = ["study:index", "study:review", "study:learn", "study:match"]
POST_ONLY = [
    "study:settings",
    "study:add_deck",
    "study:rate",
    "study:undo",
    "study:learn_answer",
    "study:match_start",
]


@pytest.mark.parametrize("name", GET_PAGES + POST_ONLY)
def test_every_study_page_asks_a_visitor_to_log_in(client, db, name):
    response = client.get(reverse(name)) if name in GET_PAGES else client.post(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", POST_ONLY)
def test_state_changing_study_urls_refuse_get(client, student, name):
    client.force_login(student)
    assert client.get(reverse(name)).status_code == 405


def front(client, **params):
    return client.get(reverse("study:review"), params).content.decode()


def test_the_review_page_shows_the_prompt_and_a_show_answer_button(client, student, deck):
    client.force_login(student)
    html = front(client)
    assert "<html" in html
    assert "The test treaty took place in" in html
    assert 'name="reveal" value="study-place"' in html
    assert "Lansdowne House" not in html


def test_showing_the_answer_gives_statement_quote_source_and_four_ratings(
    client, student, deck, htmx
):
    client.force_login(student)
    response = client.get(reverse("study:review"), {"reveal": "study-place"}, **htmx)
    html = response.content.decode()
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1
    assert "Statement of study-place." in html
    assert "“signed at Lansdowne House in London”" in html
    assert 'href="/sources/study-test-source/"' in html
    buttons = re.findall(r'data-rating-key="(\d)"', html)
    assert buttons == ["1", "2", "3", "4"]
    intervals = re.findall(r"</span>([^<]+)</span>\s*<kbd>", html)
    assert intervals == ["1 min", "6 min", "10 min", "8 days"]


def test_rating_without_javascript_records_it_and_redirects_to_the_next_card(client, student, deck):
    client.force_login(student)
    response = client.post(
        reverse("study:rate"), {"fact": "study-place", "rating": "3", "seen_reps": "0"}
    )
    assert response.status_code == 302
    assert response.url == reverse("study:review")
    log = ReviewLog.objects.get(user=student)
    assert (log.rating, log.card.fact.slug) == (3, "study-place")
    assert "Rated Good. Due again in 10 min." in client.get(response.url).content.decode()


def test_rating_with_htmx_returns_the_next_card_and_announces_the_rating(
    client, student, deck, htmx
):
    client.force_login(student)
    url = reverse("study:rate")
    data = {"fact": "study-place", "rating": "4", "seen_reps": "0", "deck": str(deck.uid)}
    html = client.post(url, data, **htmx).content.decode()
    assert "<html" not in html
    assert 'id="study-status" hx-swap-oob="innerHTML">Rated Easy. Due again in 8 days.' in html
    assert 'name="reveal" value="study-lansdowne"' in html  # study-date is a buried sibling
    assert "data-focus-after-swap" in html


def test_a_rating_that_is_not_one_to_four_records_nothing(client, student, deck, htmx):
    client.force_login(student)
    data = {"fact": "study-place", "rating": "7", "seen_reps": "0"}
    html = client.post(reverse("study:rate"), data, **htmx).content.decode()
    assert "That rating was not understood" in html
    assert not ReviewLog.objects.exists()


def test_rating_an_unknown_fact_is_not_found(client, student):
    client.force_login(student)
    data = {"fact": "no-such-fact", "rating": "3", "seen_reps": "0"}
    assert client.post(reverse("study:rate"), data).status_code == 404


def test_undo_with_htmx_shows_the_card_again(client, student, deck, htmx):
    client.force_login(student)
    client.post(reverse("study:rate"), {"fact": "study-place", "rating": "1", "seen_reps": "0"})
    html = client.post(reverse("study:undo"), **htmx).content.decode()
    assert "Undid the rating Again. The card is back." in html
    assert 'name="reveal" value="study-place"' in html
    assert not Card.objects.exists()


def test_undo_without_javascript_redirects_to_the_undone_card(client, student, deck):
    client.force_login(student)
    client.post(reverse("study:rate"), {"fact": "study-place", "rating": "3", "seen_reps": "0"})
    response = client.post(reverse("study:undo"))
    assert response.url == reverse("study:review") + "?fact=study-place"


def test_another_teachers_list_deck_is_not_found(client, student, other_teacher):
    deck = Deck.objects.for_facts(key="set:1", name="Private set", facts=[], owner=other_teacher)
    client.force_login(student)
    assert client.get(reverse("study:review"), {"deck": str(deck.uid)}).status_code == 404
    assert client.get(reverse("study:review"), {"deck": "not-a-uuid"}).status_code == 404
    assert client.post(reverse("study:add_deck"), {"deck": str(deck.uid)}).status_code == 404


def test_another_learners_match_game_is_not_found(client, student, other_student, facts):
    make_facts_deck(other_student, list(facts.values()))
    client.force_login(other_student)
    url = client.post(reverse("study:match_start")).url
    client.force_login(student)
    assert client.get(url).status_code == 404
    assert client.post(url, {"pair-l1": "r1"}).status_code == 404


def test_a_match_game_is_played_with_plain_form_posts(client, student, deck):
    client.force_login(student)
    url = client.post(reverse("study:match_start"), {"deck": str(deck.uid)}).url
    game = MatchGame.objects.get(user=student)
    answer = {f"pair-{left}": right for left, right in game.payload["key"].items()}
    html = client.post(url, answer).content.decode()
    assert "All pairs right in" in html and "A new personal best!" in html


def test_adding_and_removing_a_topic_deck(client, student, db):
    client.force_login(student)
    client.post(reverse("study:add_deck"), {"topic": "treaty-1902"})
    deck = Deck.objects.get(kind="topic", topic__slug="treaty-1902")
    assert StudyListEntry.objects.filter(user=student, deck=deck).exists()
    client.post(reverse("study:add_deck"), {"topic": "treaty-1902"})
    assert Deck.objects.filter(kind="topic", topic__slug="treaty-1902").count() == 1
    client.post(reverse("study:remove_deck", args=[deck.uid]))
    assert not StudyListEntry.objects.filter(user=student).exists()


def test_settings_out_of_range_are_explained_and_not_saved(client, student):
    client.force_login(student)
    data = {"desired_retention": "0.5", "new_per_day": "20", "reviews_per_day": "200"}
    response = client.post(reverse("study:settings"), data)
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 0.7." in response.content.decode()
    assert StudyProfile.objects.get(user=student).desired_retention == 0.9


def test_settings_are_saved(client, student):
    client.force_login(student)
    data = {"desired_retention": "0.85", "new_per_day": "5", "reviews_per_day": "50"}
    assert client.post(reverse("study:settings"), data).url == reverse("study:index")
    profile = StudyProfile.objects.get(user=student)
    assert (profile.desired_retention, profile.new_per_day, profile.keyboard_shortcuts) == (
        0.85,
        5,
        False,
    )


def test_learn_mode_asks_again_when_no_option_is_chosen(client, student, deck, htmx):
    client.force_login(student)
    client.get(reverse("study:learn"))
    data = {"fact": "study-place", "stage": "choice"}
    html = client.post(reverse("study:learn_answer"), data, **htmx).content.decode()
    assert "Choose one of the options." in html


def test_learn_mode_moves_a_fact_from_choice_to_typing(client, student, deck, htmx):
    client.force_login(student)
    client.get(reverse("study:learn"))
    from ajquiz.study.learn import built_choice
    from ajquiz.study.models import LearnItem

    item = LearnItem.objects.get(fact__slug="study-place")
    key = next(o["id"] for o in built_choice(item.fact).payload["options"] if o["correct"])
    data = {"fact": "study-place", "stage": "choice", "answer": key}
    html = client.post(reverse("study:learn_answer"), data, **htmx).content.decode()
    assert "Right: now type it" in html
    data = {"fact": "study-place", "stage": "recall", "answer": "Lansdowne House"}
    html = client.post(reverse("study:learn_answer"), data, **htmx).content.decode()
    assert "Learned: it joins your reviews" in html
    assert Card.objects.filter(user=student, fact__slug="study-place").exists()


def test_the_home_page_shows_what_is_due_today(client, student, deck):
    client.force_login(student)
    html = client.get(reverse("home")).content.decode()
    assert "0 learning · 0 to review · 6 new" in html
    assert "Study now (6)" in html
    StudyListEntry.objects.filter(user=student).delete()
    html = client.get(reverse("home")).content.decode()
    assert "Add a topic or a source to your study list" in html
    assert "Study now" not in html


def test_the_review_page_takes_the_same_queries_whatever_was_studied(
    client, student, deck, django_assert_max_num_queries
):
    client.force_login(student)
    for _ in range(3):
        with django_assert_max_num_queries(16):
            client.get(reverse("study:review"))
        slug = re.search(r'name="reveal" value="([^"]+)"', front(client)).group(1)
        with django_assert_max_num_queries(21):
            client.post(reverse("study:rate"), {"fact": slug, "rating": "3", "seen_reps": "0"})


def test_learn_mode_explains_an_answer_too_long_to_check(client, student, deck, htmx):
    client.force_login(student)
    client.get(reverse("study:learn"))
    from ajquiz.study.models import LearnItem

    LearnItem.objects.filter(fact__slug="study-place").update(stage="recall")
    data = {"fact": "study-place", "stage": "recall", "answer": "x" * 401}
    html = client.post(reverse("study:learn_answer"), data, **htmx).content.decode()
    assert "Ensure this value has at most 400 characters (it has 401)." in html
    assert LearnItem.objects.get(fact__slug="study-place").mistakes == 0


def test_learn_mode_ignores_a_repeated_submit_of_a_passed_stage(client, student, deck, htmx):
    client.force_login(student)
    client.get(reverse("study:learn"))
    from ajquiz.study.models import LearnItem

    LearnItem.objects.filter(fact__slug="study-place").update(stage="recall")
    data = {"fact": "study-place", "stage": "choice", "answer": "a"}
    html = client.post(reverse("study:learn_answer"), data, **htmx).content.decode()
    assert "Step 2 of 2: type it" in html
    assert LearnItem.objects.get(fact__slug="study-place").mistakes == 0


def test_a_teacher_downloads_a_topic_deck_for_anki_from_the_study_list(client, teacher, content):
    client.force_login(teacher)
    client.post(reverse("study:add_deck"), {"topic": "treaty-1902"})
    html = client.get(reverse("study:index")).content.decode()
    link = f"{reverse('interop:export_anki')}?scope=topic:treaty-1902"
    assert link in html
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.apkg"')


def test_a_student_sees_no_anki_link(client, student, content):
    client.force_login(student)
    client.post(reverse("study:add_deck"), {"topic": "treaty-1902"})
    assert "export/anki" not in client.get(reverse("study:index")).content.decode()


@pytest.mark.parametrize("page", ["home", "study:index"])
def test_the_study_list_is_read_once_for_the_list_and_the_due_counts(client, student, deck, page):
    client.force_login(student)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse(page)).content.decode()
    assert "6 new" in html
    reads = [query["sql"] for query in captured if "study_studylistentry" in query["sql"]]
    assert len(reads) == 1
