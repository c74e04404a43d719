from __future__ import annotations

from django.urls import path

from ajquiz.urls import urlpatterns as ajquiz_urlpatterns
from bench.views import bare, layout

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/layout/", layout, name="bench_layout"),
    *ajquiz_urlpatterns,
]
