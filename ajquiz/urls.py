from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from ajquiz import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("ajquiz.accounts.urls")),
    path("", include("ajquiz.content.urls")),
    path("", include("ajquiz.questions.urls")),
    path("", include("ajquiz.study.urls")),
    path("", include("ajquiz.progress.urls")),
    path("", include("ajquiz.quizzes.urls")),
    path("", include("ajquiz.classes.urls")),
    path("interop/", include("ajquiz.interop.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
