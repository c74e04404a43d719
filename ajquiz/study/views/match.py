"""The match game: start a game, submit pairings until all are right, see the time."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from ajquiz.questions.payload import answer_from_post
from ajquiz.study.access import game_for, optional_deck_for
from ajquiz.study.match import GameQuestion, best_for, check, new_game, rows
from ajquiz.study.views.common import HtmxRequest, pick, with_deck


@login_required
@require_GET
def match_home(request: HtmxRequest):
    deck = optional_deck_for(request.user, request.GET.get("deck"))
    context = {"deck": deck, "best_ms": best_for(request.user, deck)}
    return render(request, "study/match_home.html", context)


@login_required
@require_POST
def start(request: HtmxRequest):
    deck = optional_deck_for(request.user, request.POST.get("deck"))
    game = new_game(request.user, now=timezone.now(), seed=secrets.randbits(32), deck=deck)
    if game is None:
        messages.error(
            request, "There are not enough facts to match yet: add a deck to your study list."
        )
        return redirect(with_deck("study:match", deck))
    return redirect("study:match_game", uid=game.uid)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def game(request: HtmxRequest, uid):
    game = game_for(request.user, uid)
    question = GameQuestion(game)
    answer, result = None, None
    if request.method == "POST":
        answer = answer_from_post(question, request.POST, prefix="pair")
        result = check(game, answer, now=timezone.now())
    context = {
        "game": game,
        "question": question,
        "deck": game.deck,
        "result": result,
        "rows": rows(game, answer, result),
        "best_ms": best_for(request.user, game.deck),
    }
    return render(request, pick(request, "study/match.html", "study/partials/_match.html"), context)
