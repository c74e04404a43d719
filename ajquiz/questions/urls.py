from django.urls import path

from ajquiz.questions import views

app_name = "questions"

urlpatterns = [
    path("questions/<uuid:uid>/", views.detail, name="detail"),
    path(
        "questions/templates/<slug:slug>/preview/",
        views.template_preview,
        name="template_preview",
    ),
]
