from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "ajquiz.study"
