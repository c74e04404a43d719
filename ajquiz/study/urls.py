from django.urls import path

from ajquiz.study.views import home, learn, match, review

app_name = "study"

urlpatterns = [
    path("study/", home.index, name="index"),
    path("study/settings/", home.update_settings, name="settings"),
    path("study/decks/add/", home.add_deck, name="add_deck"),
    path("study/decks/<uuid:uid>/remove/", home.remove_deck, name="remove_deck"),
    path("study/review/", review.review, name="review"),
    path("study/review/rate/", review.rate_card, name="rate"),
    path("study/review/undo/", review.undo, name="undo"),
    path("study/learn/", learn.learn, name="learn"),
    path("study/learn/answer/", learn.answer, name="learn_answer"),
    path("study/match/", match.match_home, name="match"),
    path("study/match/start/", match.start, name="match_start"),
    path("study/match/<uuid:uid>/", match.game, name="match_game"),
]
