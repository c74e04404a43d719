"""Who may see what in study: each helper raises 404 for anyone else's rows."""

from __future__ import annotations

import uuid

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from ajquiz.study.models import Deck, MatchGame


def visible_decks(user):
    """Topic and source decks are everyone's; a list of facts, its owner's and its learners'."""
    return Deck.objects.filter(
        Q(kind__in=[Deck.Kind.TOPIC, Deck.Kind.SOURCE]) | Q(owner=user) | Q(study_list__user=user)
    ).distinct()


def deck_for(user, uid) -> Deck:
    return get_object_or_404(visible_decks(user).select_related("topic", "source"), uid=_uuid(uid))


def optional_deck_for(user, uid: str | None) -> Deck | None:
    """The deck named in a query string or form, or None for the whole study list."""
    return deck_for(user, uid) if uid else None


def _uuid(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError as error:
        raise Http404("No such deck.") from error


def game_for(user, uid) -> MatchGame:
    return get_object_or_404(MatchGame.objects.select_related("deck"), uid=uid, user=user)
