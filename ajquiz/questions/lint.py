"""Item-writing checks over the whole question bank.

- ambiguity: one stem answered differently by two questions (typed kinds and true/false), or
  a multiple-choice distractor that is the key of the same stem elsewhere;
- duplicates: the same kind, stem and key twice;
- a stem that contains its key, or a matching item that contains its partner;
- a name in the stem that points to the key ("Russian bank" – "Russia") and to no distractor;
- grammatical cues: "a"/"an" just before the answer;
- "all of the above" / "none of the above" options;
- negative stems;
- bank-wide biases: the key being the longest option, and keys piling up in one position.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.grading import mentions, normalise
from ajquiz.questions.phrasing import A_OR_AN, echoes_a_name, is_negative, points_to_key

Kind = QuestionTemplate.Kind
LONGEST_KEY_LIMIT = 0.35  # with four options, chance is 0.25
POSITION_SLACK = 0.10
ABOVE = ("all of the above", "none of the above")


@dataclass(frozen=True)
class Finding:
    where: str
    reason: str

    def __str__(self):
        return f"{self.where}: {self.reason}"


def _where(question) -> str:
    template = question.template.slug if question.template_id else "hand-written"
    return f"{template}:{question.uid}"


def _keys(question) -> frozenset[str]:
    payload = question.payload
    if question.kind in {Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE}:
        return frozenset(normalise(o["text"]) for o in payload["options"] if o["correct"])
    if question.kind == Kind.TRUE_FALSE:
        return frozenset({str(payload["answer"])})
    if question.kind in {Kind.SHORT_ANSWER, Kind.CLOZE}:
        return frozenset(normalise(text) for text in [payload["answer"], *payload["accepted"]])
    if question.kind == Kind.NUMERIC:
        return frozenset({str(payload["answer"])})
    if question.kind == Kind.MATCHING:
        lefts = {left["id"]: left["text"] for left in payload["lefts"]}
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        return frozenset(f"{lefts[left]}={rights[right]}" for left, right in payload["key"].items())
    texts = {item["id"]: item["text"] for item in payload["items"]}
    return frozenset({" > ".join(texts[item_id] for item_id in payload["key"])})


def _stem_identity(question) -> str:
    """What the learner reads as the question: a cloze's quote is part of it."""
    if question.kind == Kind.CLOZE:
        payload = question.payload
        return normalise(f"{question.stem} {payload['before']} ___ {payload['after']}")
    return normalise(question.stem)


def question_findings(question) -> list[str]:
    reasons = []
    payload = question.payload
    if is_negative(question.stem):
        reasons.append("negative stem")
    if A_OR_AN.search(question.stem.rstrip("?.: ")):
        reasons.append('stem ends with "a"/"an", a grammatical cue')
    if question.kind == Kind.CLOZE and A_OR_AN.search(payload["before"]):
        reasons.append('"a"/"an" just before the blank, a grammatical cue')
    if question.kind in {Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE}:
        texts = [option["text"] for option in payload["options"]]
        if any(normalise(text) in ABOVE for text in texts):
            reasons.append('an "all/none of the above" option')
        if len({normalise(text) for text in texts}) != len(texts):
            reasons.append("two options read the same")
        keys = [option["text"] for option in payload["options"] if option["correct"]]
        if question.kind == Kind.MULTIPLE_CHOICE and len(keys) != 1:
            reasons.append(f"{len(keys)} keys in a single-key question")
        if any(mentions(question.stem, key) for key in keys):
            reasons.append("the stem contains its key")
        wrong = [option["text"] for option in payload["options"] if not option["correct"]]
        if points_to_key(keys, wrong, question.stem):
            reasons.append("a name in the stem points to the key and to no distractor")
    if question.kind in {Kind.SHORT_ANSWER, Kind.NUMERIC} and any(
        mentions(question.stem, key) for key in _keys(question)
    ):
        reasons.append("the stem contains its key")
    if question.kind == Kind.SHORT_ANSWER and any(
        echoes_a_name(answer, question.stem) for answer in [payload["answer"], *payload["accepted"]]
    ):
        reasons.append("a name in the stem points to the answer")
    if question.kind == Kind.MATCHING:
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        for left in payload["lefts"]:
            if mentions(left["text"], rights[payload["key"][left["id"]]]):
                reasons.append(f"the item {left['text']!r} contains its match")
    return reasons


def lint(questions) -> list[Finding]:
    questions = list(questions)
    findings = [
        Finding(_where(question), reason)
        for question in questions
        for reason in question_findings(question)
    ]
    findings += _ambiguity_and_duplicates(questions)
    findings += _biases(questions)
    return findings


def _ambiguity_and_duplicates(questions) -> list[Finding]:
    findings = []
    by_stem = defaultdict(list)
    for question in questions:
        by_stem[(question.kind, _stem_identity(question))].append(question)
    for (kind, _), group in by_stem.items():
        if len(group) < 2:
            continue
        seen = set()
        for question in group:
            keys = _keys(question)
            identity = (keys, _options(question)) if kind == Kind.MULTIPLE_CHOICE else keys
            if identity in seen:
                findings.append(Finding(_where(question), "duplicates another question"))
            seen.add(identity)
        typed = kind in {Kind.SHORT_ANSWER, Kind.NUMERIC, Kind.CLOZE, Kind.TRUE_FALSE}
        if typed and len({_keys(question) for question in group}) > 1:
            findings.append(
                Finding(
                    _where(group[0]),
                    f"ambiguous: {len(group)} questions share this stem with different answers",
                )
            )
        if kind == Kind.MULTIPLE_CHOICE:
            all_keys = set().union(*(_keys(question) for question in group))
            for question in group:
                wrong = _options(question) - _keys(question)
                if wrong & all_keys:
                    findings.append(
                        Finding(
                            _where(question),
                            "ambiguous: a distractor is the key of the "
                            "same stem in another question",
                        )
                    )
    return findings


def _options(question) -> frozenset[str]:
    return frozenset(normalise(option["text"]) for option in question.payload["options"])


def _biases(questions) -> list[Finding]:
    findings = []
    choice = [
        question
        for question in questions
        if question.kind == Kind.MULTIPLE_CHOICE and len(question.payload["options"]) >= 3
    ]
    if not choice:
        return findings
    longest = 0
    positions: Counter = Counter()
    for question in choice:
        options = question.payload["options"]
        lengths = [len(option["text"]) for option in options]
        key_index = next(i for i, option in enumerate(options) if option["correct"])
        if lengths[key_index] == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
        positions[(len(options), key_index)] += 1
    share = longest / len(choice)
    if share > LONGEST_KEY_LIMIT:
        findings.append(
            Finding(
                "bank",
                f"the key is the longest option in {share:.0%} of multiple-choice "
                f"questions (limit {LONGEST_KEY_LIMIT:.0%})",
            )
        )
    for size in {size for size, _ in positions}:
        counts = [positions[(size, index)] for index in range(size)]
        total = sum(counts)
        if total >= 20 and max(counts) / total > 1 / size + POSITION_SLACK:
            findings.append(
                Finding("bank", f"keys of {size}-option questions pile up: {counts} by position")
            )
    return findings
