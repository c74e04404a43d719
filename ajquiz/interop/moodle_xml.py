"""Moodle XML import: multichoice (single and multiple), truefalse, shortanswer, numerical,
matching, ordering and multianswer (cloze with one blank) become ParsedQuestions.

HTML question text is sanitised into stem_html with its plain text in stem; answers and
feedback are kept as plain text. Other Moodle types (essay, description, calculated, …) are
refused with the line of their <question> element.
"""

from __future__ import annotations

from ajquiz.questions.models import Question
from ajquiz.questions.richtext import html_to_text, rich_stem

from .checks import problems_of
from .gift import number_spec
from .moodle_cloze import read_cloze
from .parsed import (
    ParsedQuestion,
    ParseError,
    ParseResult,
    Problem,
    count_lines,
    normalise_newlines,
    option_id,
    scrambled,
)
from .xml_tree import Node, XmlRefused, parse_xml

Kind = Question.Kind
SUPPORTED = (
    "multichoice, truefalse, shortanswer, numerical, matching, ordering and multianswer (cloze)"
)
TRUE_WORDS = {"true", "1", "yes"}


def parse_moodle_xml(text: str) -> ParseResult:
    """Every question of a Moodle XML file, or every problem with its line; never raises."""
    text = normalise_newlines(text)
    result = ParseResult(lines=count_lines(text))
    try:
        root = parse_xml(text)
    except XmlRefused as refused:
        result.errors.append(Problem(refused.line, refused.reason))
        return result
    if root.tag != "quiz":
        result.errors.append(Problem(root.line, f"Moodle XML starts with <quiz>, not <{root.tag}>"))
        return result
    category = ""
    for node in root.children:
        kind = node.attrs.get("type", "")
        if node.tag != "question":
            result.warn(node.line, f"<{node.tag}> is not a question and was skipped")
            continue
        if kind == "category":
            category = node.text_of("category/text").strip()
            continue
        result.blocks += 1
        try:
            question = read_question(node, kind, result)
        except ParseError as error:
            result.fail(error)
            continue
        question.title = html_to_text(node.text_of("name/text"))
        question.category = category
        question.line = node.line
        problems = problems_of(question)
        if problems:
            result.errors.extend(Problem(node.line, reason) for reason in problems)
        else:
            result.questions.append(question)
    return result


def read_question(node: Node, kind: str, result: ParseResult) -> ParsedQuestion:
    reader = READERS.get(kind)
    if reader is None:
        raise ParseError(
            node.line, f"Moodle question type “{kind}” is not supported; ajquiz imports {SUPPORTED}"
        )
    if node.find("questiontext") and node.find("questiontext").find_all("file"):
        result.warn(node.line, "embedded files (images) are not imported")
    question = reader(node, result)
    question.feedback = rich_text(node.find("generalfeedback"))
    return question


def rich_text(node: Node | None) -> str:
    """Plain text of a Moodle text element (<x format="…"><text>…</text></x>)."""
    if node is None:
        return ""
    raw = node.text_of("text")
    return html_to_text(raw) if node.attrs.get("format", "html") == "html" else raw.strip()


def stem_of(node: Node) -> tuple[str, str]:
    text_node = node.find("questiontext")
    if text_node is None:
        return "", ""
    raw = text_node.text_of("text")
    if text_node.attrs.get("format", "html") == "html":
        return rich_stem(raw)
    return raw.strip(), ""


def question_of(node: Node, kind: str, payload: dict) -> ParsedQuestion:
    stem, stem_html = stem_of(node)
    return ParsedQuestion(kind=kind, stem=stem, stem_html=stem_html, payload=payload)


def fraction_of(answer: Node) -> float:
    raw = answer.attrs.get("fraction", "0")
    try:
        value = float(raw)
    except ValueError:
        raise ParseError(answer.line, f"the fraction “{raw[:20]}” is not a number") from None
    if not -100 <= value <= 100:
        raise ParseError(answer.line, f"the fraction {value:g} is outside -100 to 100")
    return value


def is_true(node: Node, tag: str, default: str) -> bool:
    return node.text_of(tag, default).strip().lower() in TRUE_WORDS


def read_multichoice(node: Node, result: ParseResult) -> ParsedQuestion:
    answers = node.find_all("answer")
    single = is_true(node, "single", "true")
    credits = [fraction_of(answer) for answer in answers]
    positive = [credit for credit in credits if credit > 0]
    if single and 100 not in credits:
        raise ParseError(node.line, "a single-answer question needs one answer worth 100%")
    if not single and abs(sum(positive) - 100) > 0.1:
        raise ParseError(
            node.line, f"the right answers add up to {sum(positive):g}%, they must make 100%"
        )
    options = []
    for index, (answer, credit) in enumerate(zip(answers, credits, strict=True)):
        option = {
            "id": option_id(index),
            "text": rich_text(answer),
            "correct": credit == 100 if single else credit > 0,
            "feedback": rich_text(answer.find("feedback")),
        }
        if not single or credit not in (0, 100):
            option["fraction"] = round(credit / 100, 7)
        options.append(option)
    kind = Kind.MULTIPLE_CHOICE if single else Kind.MULTIPLE_RESPONSE
    payload = {"options": options, "shuffle": is_true(node, "shuffleanswers", "true")}
    return question_of(node, kind, payload)


def read_truefalse(node: Node, result: ParseResult) -> ParsedQuestion:
    answers = {rich_text(answer).lower(): answer for answer in node.find_all("answer")}
    if set(answers) != {"true", "false"}:
        raise ParseError(node.line, "a true/false question needs a “true” and a “false” answer")
    answer = fraction_of(answers["true"]) == 100
    wrong = answers["false" if answer else "true"]
    payload = {"answer": answer, "correction": rich_text(wrong.find("feedback"))}
    return question_of(node, Kind.TRUE_FALSE, payload)


def right_answers(node: Node, result: ParseResult, what: str) -> list[Node]:
    """The answers worth 100%; partial credit refused, wrong answers dropped with a warning."""
    right = []
    for answer in node.find_all("answer"):
        credit = fraction_of(answer)
        if 0 < credit < 100:
            raise ParseError(answer.line, f"partial credit on a {what} is not supported")
        if credit == 100:
            right.append(answer)
        else:
            result.warn(answer.line, f"a wrong {what} and its feedback are dropped")
    if not right:
        raise ParseError(node.line, f"no {what} is worth 100%")
    return right


def read_shortanswer(node: Node, result: ParseResult) -> ParsedQuestion:
    texts = [rich_text(answer) for answer in right_answers(node, result, "short answer")]
    if is_true(node, "usecase", "0"):
        result.warn(node.line, "case-sensitive matching is not kept: ajquiz ignores case")
    payload = {"answer": texts[0], "accepted": texts[1:]}
    return question_of(node, Kind.SHORT_ANSWER, payload)


def read_numerical(node: Node, result: ParseResult) -> ParsedQuestion:
    right = right_answers(node, result, "numeric answer")
    if len(right) > 1:
        raise ParseError(right[1].line, "ajquiz numeric questions have one right answer")
    answer = right[0]
    spec = f"{rich_text(answer)}:{answer.text_of('tolerance', '0').strip() or '0'}"
    value, tolerance = number_spec(spec, answer.line)
    unit = ""
    units = node.find("units")
    for unit_node in units.find_all("unit") if units else []:
        if unit_node.text_of("multiplier", "1").strip() in ("1", "1.0"):
            unit = unit_node.text_of("unit_name").strip()
            break
    payload = {"answer": value, "tolerance": tolerance, "unit": unit}
    return question_of(node, Kind.NUMERIC, payload)


def read_matching(node: Node, result: ParseResult) -> ParsedQuestion:
    lefts, rights, key = [], [], {}
    right_ids: dict[str, str] = {}
    for sub in node.find_all("subquestion"):
        left = rich_text(sub)
        right = html_to_text(sub.text_of("answer/text"))
        if right not in right_ids:
            right_ids[right] = f"r{len(right_ids) + 1}"
            rights.append({"id": right_ids[right], "text": right})
        if left:
            left_id = f"l{len(lefts) + 1}"
            lefts.append({"id": left_id, "text": left})
            key[left_id] = right_ids[right]
    return question_of(node, Kind.MATCHING, {"lefts": lefts, "rights": rights, "key": key})


def read_ordering(node: Node, result: ParseResult) -> ParsedQuestion:
    """qtype_ordering lists answers with their right position in `fraction` (1, 2, 3, …)."""
    answers = node.find_all("answer")
    # Ids follow the right order, so the same question always gets the same payload.
    placed = sorted(enumerate(answers), key=lambda pair: (fraction_of(pair[1]), pair[0]))
    items = [
        {"id": f"i{index + 1}", "text": rich_text(answer), "year": None}
        for index, (_, answer) in enumerate(placed)
    ]
    key = [item["id"] for item in items]
    payload = {"items": scrambled(items, key), "key": key, "direction": "as the question asks"}
    return question_of(node, Kind.ORDERING, payload)


def read_multianswer(node: Node, result: ParseResult) -> ParsedQuestion:
    raw = node.text_of("questiontext/text")
    text = html_to_text(raw)
    return read_cloze(text, node.line, result)


READERS = {
    "multichoice": read_multichoice,
    "truefalse": read_truefalse,
    "shortanswer": read_shortanswer,
    "numerical": read_numerical,
    "matching": read_matching,
    "ordering": read_ordering,
    "multianswer": read_multianswer,
}
