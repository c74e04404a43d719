"""Spaced repetition over facts: decks, the learner's study list and settings, cards and logs.

Scheduling rules live in study/scheduler.py (FSRS) and study/queue.py (what comes next);
learn mode (LearnItem) and the match game (MatchGame) in study/learn.py and study/match.py.
"""

from ajquiz.study.models.cards import Card, CardQuerySet, Rating, ReviewLog, State
from ajquiz.study.models.decks import Deck, DeckQuerySet, StudyListEntry, StudyProfile, decks_filter
from ajquiz.study.models.games import LearnItem, MatchGame

__all__ = [
    "Card",
    "CardQuerySet",
    "Deck",
    "DeckQuerySet",
    "LearnItem",
    "MatchGame",
    "Rating",
    "ReviewLog",
    "State",
    "StudyListEntry",
    "StudyProfile",
    "decks_filter",
]
