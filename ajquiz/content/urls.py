from django.urls import path

from ajquiz.content import views

app_name = "content"

urlpatterns = [
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("facts/<slug:slug>/", views.fact_detail, name="fact_detail"),
]
