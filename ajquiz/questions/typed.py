"""Typed answers: short answer, a year, a word missing from the source sentence."""

from __future__ import annotations

import re

from ajquiz.content.predicates import ObjectType
from ajquiz.questions.drafts import (
    Draft,
    Kind,
    accepted_names,
    distinct_objects,
    in_stem,
    stem_for,
)
from ajquiz.questions.phrasing import echoes_a_name, render_stem
from ajquiz.questions.store import YEAR

ARTICLE_BEFORE = re.compile(r"\b(a|an)\s+$", re.IGNORECASE)
# Predicates asked "Where …?", which the place holding the key answers as well.
WHERE = frozenset({"took_place_in", "located_in", "sent_to"})
MIN_CLOZE_CONTEXT = 30  # characters left around the blank, so the quote says what is missing
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_NAMES})\b|\b(?:{MONTH_NAMES}) \d{{4}}\b"
)
NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million)\b",
    re.IGNORECASE,
)
# "One of the major issues", "One such strain", "a European one": one that counts nothing.
ONE_THAT_COUNTS_NOTHING = re.compile(r"One\b|one(?= of\b| such\b|\W*$)")
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
STOPWORDS = {
    "because",
    "between",
    "however",
    "therefore",
    "through",
    "without",
    "against",
    "within",
    "concerning",
    "regarding",
    "including",
    "although",
    "towards",
    "whether",
    "during",
    "further",
    "rather",
    "already",
}
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?![\w,])")


def build_short_answer(template, facts, store, seed) -> Draft | None:
    fact = facts[0]
    if fact.object_entity is None or store.siblings(fact)[0] is not fact:
        return None  # one question per subject and predicate: it accepts every stated object
    stem = stem_for(template, fact, store)
    if stem is None:
        return None
    accepted = []
    for sibling in distinct_objects(store.siblings(fact)):
        accepted.extend(accepted_names(sibling.object_entity, store))
        if fact.predicate in WHERE:
            # Signed "at Lansdowne House in London": "London" answers where, too.
            for container in store.by_subject_predicate.get(
                (sibling.object_entity.id, "located_in"), []
            ):
                accepted.extend(accepted_names(container.object_entity, store))
    if any(in_stem(name, stem) or echoes_a_name(name, stem) for name in accepted):
        return None
    others = [s.object_display for s in distinct_objects(store.siblings(fact)) if s is not fact]
    answer = fact.object_display + (f" (also right: {'; '.join(others)})" if others else "")
    payload = {"answer": fact.object_display, "accepted": sorted(set(accepted)), "display": answer}
    return Draft(Kind.SHORT_ANSWER, stem, payload, [fact])


def build_numeric(template, facts, store, seed) -> Draft | None:
    fact = facts[0]
    if fact.object_type != ObjectType.DATE or not fact.date_year:
        return None
    stem = stem_for(template, fact, store)
    if stem is None or in_stem(str(fact.date_year), stem):
        return None
    payload = {"answer": fact.date_year, "tolerance": template.tolerance, "unit": "year"}
    return Draft(Kind.NUMERIC, stem, payload, [fact])


def build_cloze(template, facts, store, seed) -> Draft | None:
    """A blank inside the fact's quote, shown within its source sentence, over an entity,
    a date, a number or (for claims with none) the claim's most telling word."""
    fact = facts[0]
    found = _cloze_key(fact, store)
    if found is None:
        return None
    start, text, accepted = found
    sentence = fact.sentence
    payload = {
        "before": sentence[:start],
        "after": sentence[start + len(text) :],
        "answer": text,
        "accepted": sorted({name for name in accepted if name != text}),
    }
    stem = render_stem(template.stem, subject=fact.subject, source=fact.source_title)
    return Draft(Kind.CLOZE, stem, payload, [fact])


def _cloze_key(fact, store):
    """(offset in the sentence, blanked text, accepted variants), or None. A quotation is
    completed with its own words, not another name of the same thing ("Great ___" is not
    "UK"; a 2025 visit "to ___" is not "Imperial Japan")."""
    quote, sentence = fact.quote, fact.sentence
    for text in _cloze_candidates(fact, store):
        if len(text) < 2:
            continue
        match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", quote)
        if not match or sentence.count(text) != 1 or len(sentence) - len(text) < MIN_CLOZE_CONTEXT:
            continue
        start = fact.quote_at + match.start()
        article = ARTICLE_BEFORE.search(sentence[:start])
        if article:  # blank the article too, so it cannot cue the answer
            return article.start(), sentence[article.start() : start + len(text)], [text]
        return start, text, []
    return None


def _cloze_candidates(fact, store) -> list[str]:
    quote = fact.quote
    candidates = []
    if fact.object_entity is not None:
        candidates += accepted_names(fact.object_entity, store)
    if fact.object_type == ObjectType.NUMBER:
        candidates.append(fact.object_display.split()[0])
    if fact.date_year:
        candidates.append(str(fact.date_year))
    candidates += accepted_names(fact.subject, store)
    candidates += [match.group() for match in DAY_MONTH.finditer(quote)]
    candidates += YEAR.findall(quote)
    candidates += [match.group() for match in NUMBER.finditer(quote)]
    candidates += [
        match.group()
        for match in NUMBER_WORD.finditer(quote)
        if not ONE_THAT_COUNTS_NOTHING.match(quote, match.start())
    ]
    # Last resort for claims with no name, date or number: the object's most telling word, or
    # the quote's word of the same root ("ascendant" is "ascendancy" there).
    words = sorted(set(WORD.findall(fact.object_display)) - STOPWORDS, key=lambda w: (-len(w), w))
    quoted = WORD.findall(quote)
    for word in (word for word in words if len(word) >= 6):
        candidates.append(word)
        root = word[: max(6, len(word) - 3)].lower()
        candidates += [other for other in quoted if other.lower().startswith(root)]
    return candidates
