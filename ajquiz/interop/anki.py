"""Anki export: a deck of facts as an .apkg written with genanki.

Each fact gives a basic note (fields Question, Answer, Statement, Quote, Source) and, when the
fact's answer appears word for word in its quote, a cloze note blanking it in the quote. Note
GUIDs, note type ids and deck ids are derived from slugs, never random, so importing a newer
export updates the notes a learner already has instead of adding copies.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import genanki

from ajquiz.content.models import Fact
from ajquiz.study.prompts import claim_lead

# Fixed forever: a new id makes Anki treat every note as a new note type.
BASIC_MODEL_ID = 1_719_402_811
CLOZE_MODEL_ID = 1_719_402_812
CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; color: #1b1f24;
  background: #fff; text-align: left; max-width: 40em; margin: 0 auto; }
blockquote { border-left: 4px solid #c4cad3; margin: 1em 0; padding: 0 1em; font-style: italic; }
.source { color: #4a5360; font-size: 16px; }
.cloze { font-weight: bold; color: #0b4f9c; }"""

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "ajquiz fact",
    fields=[{"name": name} for name in ("Question", "Answer", "Statement", "Quote", "Source")],
    templates=[
        {
            "name": "Question → Answer",
            "qfmt": "{{Question}}",
            "afmt": (
                "{{FrontSide}}<hr id=answer><p><strong>{{Answer}}</strong></p>"
                "<p>{{Statement}}</p><blockquote>{{Quote}}</blockquote>"
                '<p class="source">{{Source}}</p>'
            ),
        }
    ],
    css=CSS,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "ajquiz quote cloze",
    fields=[{"name": name} for name in ("Text", "Statement", "Source")],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}<p>{{Statement}}</p><p class="source">{{Source}}</p>',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


@dataclass(frozen=True)
class Card:
    """The front and back ajquiz derives from one fact."""

    question: str
    answer: str


def card_for(fact: Fact) -> Card:
    """A question asking for the fact's object, worded as the study page's question front:
    "The Anglo-Japanese Treaty of 1902 was signed on …?"."""
    lead = claim_lead(fact)
    qualifier = f" ({fact.qualifier})" if fact.qualifier else ""
    answer = fact.object_display or fact.statement
    return Card(question=f"{lead} …?{qualifier}", answer=answer)


def cloze_text(fact: Fact, answer: str) -> str | None:
    """The quote, HTML-escaped, with the answer's first occurrence as {{c1::…}}; None if the
    quote does not contain the answer."""
    if not answer or len(answer) < 2:
        return None
    found = re.search(re.escape(answer), fact.quote, re.IGNORECASE)
    if found is None:
        return None
    quote = fact.quote
    before, after = html.escape(quote[: found.start()]), html.escape(quote[found.end() :])
    hidden = html.escape(quote[found.start() : found.end()]).replace("}}", "} }")
    return before + "{{c1::" + hidden + "}}" + after


def source_html(fact: Fact, base_url: str) -> str:
    source = fact.source
    where = f", paragraph {fact.passage.index + 1}" if fact.passage_id else ""
    title = html.escape(source.title)
    if base_url:
        link = html.escape(base_url.rstrip("/") + fact.source_url, quote=True)
        return f'<a href="{link}">{title}</a>{where}'
    return f"{title}{where}"


def stable_id(key: str) -> int:
    """A deck id from a name, within the range Anki and genanki expect."""
    return (1 << 30) + int(hashlib.sha256(key.encode()).hexdigest()[:12], 16) % (1 << 30)


def tags_for(fact: Fact) -> list[str]:
    return [f"ajquiz::{fact.source.slug}", *(f"topic::{t.slug}" for t in fact.topics.all())]


def build_deck(facts, *, deck_key: str, deck_name: str, base_url: str = "") -> genanki.Deck:
    """Notes for `facts` (select_related subject, object_entity, source, passage; topics
    prefetched) in a deck whose id comes from `deck_key`."""
    deck = genanki.Deck(stable_id(deck_key), deck_name)
    for fact in facts:
        card = card_for(fact)
        source = source_html(fact, base_url)
        statement = html.escape(fact.statement)
        fields = [html.escape(card.question), html.escape(card.answer), statement]
        deck.add_note(
            genanki.Note(
                model=BASIC_MODEL,
                fields=[*fields, html.escape(fact.quote), source],
                guid=genanki.guid_for("ajquiz-fact", fact.slug),
                tags=tags_for(fact),
            )
        )
        text = cloze_text(fact, card.answer)
        if text:
            deck.add_note(
                genanki.Note(
                    model=CLOZE_MODEL,
                    fields=[text, statement, source],
                    guid=genanki.guid_for("ajquiz-cloze", fact.slug),
                    tags=tags_for(fact),
                )
            )
    return deck


def apkg_bytes(deck: genanki.Deck, *, now) -> bytes:
    """The .apkg file. Note modification times are `now`, so a later export updates notes.

    genanki's write_to_file leaves its temporary database behind; this writes it in a
    temporary directory that is removed.
    """
    timestamp = now.timestamp()
    package = genanki.Package(deck)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()
