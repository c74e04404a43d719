from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertInHTML

from ajquiz.content.models import Entity, Fact, Passage, QuestionTemplate, Source, Topic

pytestmark = pytest.mark.django_db

MODELS = [Source, Passage, Entity, Topic, Fact, QuestionTemplate]


def admin_url(model, view, *args):
    return reverse(f"admin:content_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def template(db):
    return QuestionTemplate.objects.create(
        slug="signed-on-year",
        name="Year a treaty was signed",
        kind=QuestionTemplate.Kind.NUMERIC,
        predicate="signed_on",
        stem="In which year was the {subject} signed?",
    )


@pytest.fixture
def signed_on(content):
    return Fact.objects.select_related("source").get(slug="aja1-treaty-1902-signed-on")


def fact_form_data(fact: Fact, **changes) -> dict:
    data = {
        "slug": fact.slug,
        "subject": fact.subject_id,
        "predicate": fact.predicate,
        "statement": fact.statement,
        "qualifier": fact.qualifier,
        "year": fact.year or "",
        "object_entity": fact.object_entity_id or "",
        "object_date": fact.object_date.isoformat() if fact.object_date else "",
        "date_precision": fact.date_precision,
        "object_number": fact.object_number if fact.object_number is not None else "",
        "object_unit": fact.object_unit,
        "object_text": fact.object_text,
        "source": fact.source_id,
        "quote": fact.quote,
        "start": fact.start,
        "end": fact.end,
        "topics": [topic.pk for topic in fact.topics.all()],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_every_changelist_renders_and_searches_for_the_admin(client, admin_user, content, model):
    client.force_login(admin_user)
    assert client.get(admin_url(model, "changelist")).status_code == 200
    assert client.get(admin_url(model, "changelist"), {"q": "Japan"}).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_every_change_page_renders_for_the_admin(client, admin_user, content, template, model):
    client.force_login(admin_user)
    row = model.objects.order_by("pk").first()
    response = client.get(admin_url(model, "change", row.pk))
    assert response.status_code == 200
    assert response.context["original"] == row


@pytest.mark.parametrize(
    "model", [Source, Entity, Topic, Fact, QuestionTemplate], ids=lambda m: m._meta.model_name
)
def test_every_add_page_renders_for_the_admin(client, admin_user, content, model):
    client.force_login(admin_user)
    assert client.get(admin_url(model, "add")).status_code == 200


def test_passages_cannot_be_added_by_hand_because_sources_cut_them(client, admin_user, content):
    client.force_login(admin_user)
    assert client.get(admin_url(Passage, "add")).status_code == 403


def test_a_student_cannot_open_the_content_admin(client, student, content):
    client.force_login(student)
    response = client.get(admin_url(Fact, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_the_fact_form_refuses_a_quote_that_is_not_in_the_source(client, admin_user, signed_on):
    client.force_login(admin_user)
    data = fact_form_data(signed_on, quote="signed at Lansdowne House in Paris on 30 January 1902")
    response = client.post(admin_url(Fact, "change", signed_on.pk), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["quote"] == [
        "Quote is not in the source text: the text has “signed at Lansdowne House in ” "
        "but then not “Paris on 30 January ”."
    ]
    signed_on.refresh_from_db()
    assert signed_on.quote == "signed at Lansdowne House in London on 30 January 1902"


def test_the_fact_form_refuses_a_quote_that_occurs_twice_at_wrong_offsets(
    client, admin_user, signed_on
):
    client.force_login(admin_user)
    text = signed_on.source.text
    quote = "Anglo-Japanese Alliance"
    data = fact_form_data(signed_on, quote=quote, start=0, end=0)
    response = client.post(admin_url(Fact, "change", signed_on.pk), data)
    assert response.context["adminform"].form.errors["quote"] == [
        f"Quote does not match source text at 0..0 (it occurs {text.count(quote)} times; "
        "lengthen the quote until it occurs once)."
    ]


def test_the_fact_form_anchors_a_unique_quote_and_its_passage(client, admin_user, signed_on):
    client.force_login(admin_user)
    quote = "Lansdowne House in London"
    data = fact_form_data(signed_on, slug="aja1-new-fact", quote=quote, start=0, end=0)
    response = client.post(admin_url(Fact, "add"), data)
    assert response.status_code == 302
    fact = Fact.objects.get(slug="aja1-new-fact")
    start = signed_on.source.text.index(quote)
    assert (fact.start, fact.end) == (start, start + len(quote))
    assert fact.passage == signed_on.passage
    assert list(fact.topics.values_list("slug", flat=True)) == ["treaty-1902"]


def test_the_fact_form_corrects_stale_offsets_of_a_unique_quote(client, admin_user, signed_on):
    client.force_login(admin_user)
    data = fact_form_data(signed_on, start=signed_on.start + 3, end=signed_on.end + 3)
    response = client.post(admin_url(Fact, "change", signed_on.pk), data)
    assert response.status_code == 302
    before = (signed_on.start, signed_on.end)
    signed_on.refresh_from_db()
    assert (signed_on.start, signed_on.end) == before


def test_the_fact_form_puts_an_object_of_the_wrong_type_on_its_field(client, admin_user, signed_on):
    client.force_login(admin_user)
    data = fact_form_data(signed_on, object_date="", date_precision="", object_text="in January")
    response = client.post(admin_url(Fact, "change", signed_on.pk), data)
    assert response.context["adminform"].form.errors["object_date"] == [
        "Predicate signed_on takes a date object (object_date); found object_text."
    ]


def test_the_fact_page_shows_its_quote_highlighted_in_its_passage(client, admin_user, signed_on):
    client.force_login(admin_user)
    response = client.get(admin_url(Fact, "change", signed_on.pk))
    html = response.content.decode()
    assert f"<mark>{escape(signed_on.quote)}</mark>" in html
    before = signed_on.passage.text[: signed_on.start - signed_on.passage.start]
    assert escape(before[-40:]) + "<mark>" in html


def test_validate_selected_reports_each_problem_with_its_slug(client, admin_user, content):
    client.force_login(admin_user)
    broken, sound = Fact.objects.order_by("pk")[:2]
    Fact.objects.filter(pk=broken.pk).update(start=broken.start + 1, end=broken.end + 1)
    response = client.post(
        admin_url(Fact, "changelist"),
        {"action": "validate_selected", "_selected_action": [broken.pk, sound.pk]},
    )
    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        f"{broken.slug}: quote does not match source text at {broken.start + 1}..{broken.end + 1} "
        f"(it is at {broken.start})"
    ]


def test_validate_selected_says_when_all_selected_facts_are_sound(client, admin_user, content):
    client.force_login(admin_user)
    pks = list(Fact.objects.order_by("pk").values_list("pk", flat=True)[:3])
    response = client.post(
        admin_url(Fact, "changelist"), {"action": "validate_selected", "_selected_action": pks}
    )
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "3 fact(s) checked: no problems."
    ]


def test_the_source_page_lists_its_passages_with_their_fact_counts(client, admin_user, content):
    client.force_login(admin_user)
    source = Source.objects.get(slug="gregory-uk-japan-alliance")
    response = client.get(admin_url(Source, "change", source.pk))
    formset = response.context["inline_admin_formsets"][0].formset
    shown = [(passage.index, passage.fact_count) for passage in formset.queryset]
    expected = [(passage.index, passage.facts.count()) for passage in source.passages.all()]
    assert shown == expected
    assert sum(count for _, count in shown) == source.facts.count()
    first = source.passages.get(index=0)
    assertInHTML(f'<td class="field-excerpt"><p>{first.text}</p></td>', response.content.decode())


def test_a_saved_source_text_is_read_only_because_facts_point_into_it(client, admin_user, content):
    client.force_login(admin_user)
    source = Source.objects.get(slug="gregory-uk-japan-alliance")
    form = client.get(admin_url(Source, "change", source.pk)).context["adminform"].form
    assert "text" not in form.fields


def test_a_source_added_in_the_admin_is_cut_into_passages(client, admin_user, content):
    client.force_login(admin_user)
    data = {
        "slug": "notes",
        "file_name": "notes.txt",
        "title": "Notes",
        "kind": Source.Kind.PODCAST_NOTES,
        "language": "en",
        "text": "First paragraph.\n\nSecond paragraph.\n",
        "passages-TOTAL_FORMS": 0,
        "passages-INITIAL_FORMS": 0,
    }
    response = client.post(admin_url(Source, "add"), data)
    assert response.status_code == 302
    source = Source.objects.get(slug="notes")
    assert list(source.passages.values_list("text", flat=True)) == [
        "First paragraph.",
        "Second paragraph.",
    ]


@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "expected"),
    [
        ("fact", "subject", "Hayashi", "Hayashi Tadasu"),
        (
            "fact",
            "object_entity",
            "Lansdowne",
            "Henry Petty-Fitzmaurice, 5th Marquess of Lansdowne",
        ),
        ("fact", "topics", "1902 treaty", "The 1902 treaty and its articles"),
        ("topic", "parent", "Anglo-Japanese", "The Anglo-Japanese Alliance (1902–1923)"),
    ],
)
def test_autocomplete_finds_related_rows_by_name(
    client, admin_user, content, model_name, field_name, term, expected
):
    client.force_login(admin_user)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "content", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_the_template_form_refuses_a_stem_with_an_unmatched_brace(client, admin_user, content):
    client.force_login(admin_user)
    data = {
        "slug": "broken",
        "name": "Broken",
        "kind": QuestionTemplate.Kind.MULTIPLE_CHOICE,
        "predicate": "signed_on",
        "stem": "When was the {subject signed?",
        "distractor_strategy": QuestionTemplate.Strategy.NEARBY_YEARS,
        "option_count": 4,
        "tolerance": 0,
    }
    response = client.post(admin_url(QuestionTemplate, "add"), data)
    assert response.context["adminform"].form.errors["stem"] == [
        "The stem has an unmatched { or }; write placeholders like {subject}."
    ]
    assert not QuestionTemplate.objects.filter(slug="broken").exists()
