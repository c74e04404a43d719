from django.urls import path

from ajquiz.quizzes.views import attempts, practice, quizzes, results

app_name = "quizzes"

urlpatterns = [
    path("practice/", practice.practice_index, name="practice"),
    path(
        "practice/topics/<slug:slug>/",
        practice.practice_start,
        {"kind": "topic"},
        name="practice_topic",
    ),
    path(
        "practice/sources/<slug:slug>/",
        practice.practice_start,
        {"kind": "source"},
        name="practice_source",
    ),
    path("quizzes/<uuid:uid>/", quizzes.quiz_detail, name="quiz"),
    path("quizzes/<uuid:uid>/start/", quizzes.quiz_start, name="start"),
    path("attempts/<uuid:uid>/", attempts.attempt_page, name="attempt"),
    path("attempts/<uuid:uid>/save/", attempts.save_page, name="save"),
    path("attempts/<uuid:uid>/slots/<int:number>/", attempts.answer_slot, name="answer"),
    path("attempts/<uuid:uid>/timer/", attempts.timer, name="timer"),
    path("attempts/<uuid:uid>/finish/", results.finish, name="finish"),
    path("attempts/<uuid:uid>/abandon/", results.abandon, name="abandon"),
    path("attempts/<uuid:uid>/review/", results.review, name="review"),
]
