from django.urls import path

from ajquiz.progress import views

app_name = "progress"

urlpatterns = [
    path("progress/", views.dashboard, name="dashboard"),
    path("progress/students/<str:username>/", views.student, name="student"),
]
