from __future__ import annotations

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ajquiz.content.images import IMAGE_MAX_BYTES
from ajquiz.content.models import Entity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def entity(db):
    return Entity.objects.create(slug="hms-example", name="HMS Example", kind=Entity.Kind.SHIP)


def png(width=600, height=300, *, noise=False) -> bytes:
    if noise:  # random pixels do not compress: width * height * 3 bytes and more
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def post_entity(client, entity, upload, alt="A grey warship at anchor"):
    data = {
        "slug": entity.slug,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": "",
        "description": "",
        "image_alt": alt,
        "image": upload,
    }
    return client.post(reverse("admin:content_entity_change", args=[entity.pk]), data)


def test_an_upload_that_is_not_an_image_is_refused(client, admin_user, entity):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("ship.png", b"not an image at all", content_type="image/png")
    response = post_entity(client, entity, upload)
    assert response.context["adminform"].form.errors["image"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    entity.refresh_from_db()
    assert not entity.image


def test_an_image_over_the_size_limit_is_refused_with_its_size_and_the_limit(
    client, admin_user, entity
):
    client.force_login(admin_user)
    content = png(1000, 800, noise=True)
    assert len(content) > IMAGE_MAX_BYTES
    upload = SimpleUploadedFile("ship.png", content, content_type="image/png")
    response = post_entity(client, entity, upload)
    size = f"{len(content) / (1024 * 1024):.1f} MB"
    assert response.context["adminform"].form.errors["image"] == [
        f"This image is {size}; the limit is 2.0 MB. Save it smaller (for example at most "
        "1600 pixels wide) and upload it again."
    ]
    entity.refresh_from_db()
    assert not entity.image


def test_an_image_without_alternative_text_is_refused(client, admin_user, entity):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("ship.png", png(), content_type="image/png")
    response = post_entity(client, entity, upload, alt="  ")
    assert response.context["adminform"].form.errors["image_alt"] == [
        "Describe the image for people who cannot see it."
    ]
    entity.refresh_from_db()
    assert not entity.image


def test_a_valid_image_is_stored_with_a_thumbnail_and_its_alt_text(
    client, admin_user, entity, media_root
):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("ship.png", png(600, 300), content_type="image/png")
    response = post_entity(client, entity, upload)
    assert response.status_code == 302
    entity.refresh_from_db()
    assert entity.image.name == "entities/hms-example/ship.png"
    assert entity.image_alt == "A grey warship at anchor"
    with Image.open(media_root / entity.thumbnail.name) as thumbnail:
        assert thumbnail.size == (240, 120)
    page = client.get(reverse("admin:content_entity_change", args=[entity.pk]))
    assert f'<img src="{entity.thumbnail.url}" alt="A grey warship at anchor">' in (
        page.content.decode()
    )


def test_a_replaced_image_gets_a_new_thumbnail(client, admin_user, entity, media_root):
    client.force_login(admin_user)
    post_entity(client, entity, SimpleUploadedFile("a.png", png(600, 300)))
    post_entity(client, entity, SimpleUploadedFile("b.png", png(300, 600)))
    entity.refresh_from_db()
    assert entity.image.name == "entities/hms-example/b.png"
    with Image.open(media_root / entity.thumbnail.name) as thumbnail:
        assert thumbnail.size == (120, 240)


def test_aliases_are_edited_one_per_line_and_stored_as_a_list(client, admin_user, entity):
    client.force_login(admin_user)
    url = reverse("admin:content_entity_change", args=[entity.pk])
    data = {"slug": entity.slug, "name": entity.name, "kind": entity.kind, "description": ""}
    response = client.post(url, {**data, "aliases": "Example\n\n  HMS Ex  \n"})
    assert response.status_code == 302
    entity.refresh_from_db()
    assert entity.aliases == ["Example", "HMS Ex"]
    page = client.get(url)
    assert page.context["adminform"].form["aliases"].value() == "Example\nHMS Ex"


def test_an_alias_given_twice_is_refused(client, admin_user, entity):
    client.force_login(admin_user)
    url = reverse("admin:content_entity_change", args=[entity.pk])
    data = {"slug": entity.slug, "name": entity.name, "kind": entity.kind, "description": ""}
    response = client.post(url, {**data, "aliases": "Ex\nEx"})
    assert response.context["adminform"].form.errors["aliases"] == ["Each name once, please: Ex."]
