from __future__ import annotations

from django.urls import path

from ajquiz.urls import urlpatterns as ajquiz_urlpatterns
from bench.views import bare

urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *ajquiz_urlpatterns]
