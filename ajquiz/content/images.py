"""Entity images: the upload limit and the thumbnail every image gets."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

IMAGE_MAX_BYTES = 2 * 1024 * 1024
THUMBNAIL_SIZE = (240, 240)


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def validate_image_size(file) -> None:
    """Refuse an upload over IMAGE_MAX_BYTES, saying how big it is and what the limit is."""
    if file.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            "This image is %(size)s; the limit is %(limit)s. "
            "Save it smaller (for example at most 1600 pixels wide) and upload it again.",
            code="image_too_large",
            params={"size": megabytes(file.size), "limit": megabytes(IMAGE_MAX_BYTES)},
        )


def make_thumbnail(image_field, size=THUMBNAIL_SIZE) -> ContentFile:
    """A PNG at most `size`, keeping the aspect ratio (and transparency where there is some)."""
    from PIL import Image

    image_field.open()
    image_field.seek(0)
    with Image.open(image_field) as image:
        image.thumbnail(size)
        buffer = io.BytesIO()
        mode = "RGBA" if image.mode in ("P", "LA", "RGBA", "PA") else "RGB"
        image.convert(mode).save(buffer, "PNG")
    image_field.seek(0)
    return ContentFile(buffer.getvalue())
