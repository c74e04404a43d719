from django.urls import path

from ajquiz.interop import views

app_name = "interop"

urlpatterns = [
    path("", views.index, name="index"),
    path("imports/", views.upload, name="upload"),
    path("imports/<uuid:uid>/", views.preview, name="preview"),
    path("imports/<uuid:uid>/confirm/", views.confirm, name="confirm"),
    path("export/questions/", views.export_questions, name="export_questions"),
    path("export/anki/", views.export_anki, name="export_anki"),
    path("export/facts/", views.export_facts, name="export_facts"),
    path("export/responses/", views.export_responses, name="export_responses"),
]
