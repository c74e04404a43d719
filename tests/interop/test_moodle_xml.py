from __future__ import annotations

from ajquiz.interop.moodle_xml import parse_moodle_xml
from ajquiz.interop.parsed import CLOZE_STEM
from tests.interop.samples import MOODLE_XML


def parsed():
    result = parse_moodle_xml(MOODLE_XML)
    assert result.errors == []
    return {question.title: question for question in result.questions}


def wrap(*questions: str) -> str:
    return '<?xml version="1.0"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"


def errors(text):
    return [str(problem) for problem in parse_moodle_xml(text).errors]


def test_it_reads_every_kind_with_its_category():
    questions = parsed()
    assert {title: q.kind for title, q in questions.items()} == {
        "Signatory": "mc",
        "Parties": "mr",
        "Renewal": "tf",
        "Foreign secretary": "sa",
        "Year": "num",
        "Treaties": "match",
        "Chronology": "order",
        "Place": "cloze",
    }
    assert questions["Signatory"].category == "$course$/top/alliance"
    assert questions["Year"].category == "$course$/top/dates"
    assert questions["Signatory"].line == 6


def test_single_choice_html_is_sanitised_and_answers_are_plain_text():
    question = parsed()["Signatory"]
    assert question.stem == "Who signed the 1902 treaty for Japan?"
    assert question.stem_html == "Who signed the 1902 treaty for <em>Japan</em>?"
    assert question.feedback == "Signed at Lansdowne House."
    assert question.payload == {
        "options": [
            {
                "id": "a",
                "text": "Hayashi Tadasu",
                "correct": True,
                "feedback": "Right: the minister in London.",
            },
            {
                "id": "b",
                "text": "Lord Lansdowne",
                "correct": False,
                "feedback": "He signed for Britain.",
            },
            {"id": "c", "text": "Ito Hirobumi", "correct": False, "feedback": "", "fraction": -0.5},
        ],
        "shuffle": True,
    }


def test_multiple_answers_keep_their_fractions():
    question = parsed()["Parties"]
    assert question.payload["shuffle"] is False
    assert [(o["text"], o["correct"], o["fraction"]) for o in question.payload["options"]] == [
        ("Japan", True, 0.5),
        ("France", True, 0.5),
        ("Russia", False, -1.0),
    ]


def test_true_false_keeps_the_wrong_answers_feedback_as_its_correction():
    assert parsed()["Renewal"].payload == {
        "answer": False,
        "correction": "It was first renewed in 1905.",
    }


def test_short_answer_numeric_and_matching_payloads():
    questions = parsed()
    assert questions["Foreign secretary"].payload == {
        "answer": "Lansdowne",
        "accepted": ["Lord Lansdowne"],
    }
    assert questions["Year"].payload == {"answer": 1902, "tolerance": 1, "unit": "year"}
    assert questions["Treaties"].payload["key"] == {"l1": "r1", "l2": "r2", "l3": "r3"}
    assert [r["text"] for r in questions["Treaties"].payload["rights"]] == [
        "1902",
        "1905",
        "1911",
        "1921",
    ]


def test_ordering_takes_the_order_from_the_fractions_and_never_shows_it_solved():
    payload = parsed()["Chronology"].payload
    texts = {item["id"]: item["text"] for item in payload["items"]}
    assert [texts[item_id] for item_id in payload["key"]] == [
        "The Triple Intervention",
        "The first alliance treaty",
        "The Four-Power Treaty",
    ]
    assert [item["id"] for item in payload["items"]] != payload["key"]


def test_a_multianswer_with_one_short_answer_blank_is_a_cloze():
    question = parsed()["Place"]
    assert question.stem == CLOZE_STEM
    assert question.payload == {
        "before": "The treaty was signed at Lansdowne House in ",
        "after": " on 30 January 1902.",
        "answer": "London",
        "accepted": ["Londres"],
    }


def test_a_multianswer_with_one_choice_blank_is_multiple_choice_with_a_blank():
    text = wrap(
        '<question type="multianswer"><name><text>C</text></name><questiontext format="html">'
        "<text>It ended in {1:MC:1919~=1923#Right~%-50%1930}.</text></questiontext></question>"
    )
    [question] = parse_moodle_xml(text).questions
    assert question.kind == "mc"
    assert question.stem == "It ended in _____."
    assert [(o["text"], o["correct"], o["feedback"]) for o in question.payload["options"]] == [
        ("1919", False, ""),
        ("1923", True, "Right"),
        ("1930", False, ""),
    ]


def test_a_multianswer_with_two_blanks_is_refused():
    text = wrap(
        '<question type="multianswer"><questiontext format="html">'
        "<text>{1:SA:=a} and {1:SA:=b}</text></questiontext></question>"
    )
    assert errors(text) == ["line 3: ajquiz cloze questions have one blank; this text has 2"]


def test_an_essay_is_refused_with_the_types_ajquiz_takes():
    text = wrap('<question type="essay"><name><text>E</text></name></question>')
    assert errors(text) == [
        "line 3: Moodle question type “essay” is not supported; ajquiz imports multichoice, "
        "truefalse, shortanswer, numerical, matching, ordering and multianswer (cloze)"
    ]


def test_a_malformed_file_reports_the_line_of_the_fault():
    assert errors("<quiz>\n<question type='truefalse'>\n</quiz>") == [
        "line 3: the XML is not well-formed (mismatched tag)"
    ]


def test_a_doctype_is_refused_so_entities_cannot_expand():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;">]>\n<quiz>&lol2;</quiz>'
    )
    assert errors(bomb) == ["line 2: a DOCTYPE is not accepted in Moodle XML (remove it)"]


def test_a_file_that_is_not_a_quiz_is_refused():
    assert errors("<html><body/></html>") == ["line 1: Moodle XML starts with <quiz>, not <html>"]


def test_single_choice_without_a_full_mark_answer_is_an_error_on_its_question():
    text = wrap(
        '<question type="multichoice"><questiontext><text>Q</text></questiontext>',
        '<answer fraction="50"><text>a</text></answer><answer fraction="0"><text>b</text>'
        "</answer></question>",
    )
    assert errors(text) == ["line 3: a single-answer question needs one answer worth 100%"]


def test_partial_credit_on_short_answers_is_refused_with_the_answers_line():
    text = wrap(
        '<question type="shortanswer"><questiontext><text>Q</text></questiontext>',
        '<answer fraction="100"><text>a</text></answer>',
        '<answer fraction="50"><text>b</text></answer></question>',
    )
    assert errors(text) == ["line 5: partial credit on a short answer is not supported"]


def test_a_bad_fraction_is_an_error_not_a_crash():
    text = wrap(
        '<question type="truefalse"><questiontext><text>Q</text></questiontext>'
        '<answer fraction="lots"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>'
    )
    assert errors(text) == ["line 3: the fraction “lots” is not a number"]


def test_wrong_short_answers_and_case_sensitivity_are_warnings():
    text = wrap(
        '<question type="shortanswer"><questiontext><text>Q</text></questiontext>',
        "<usecase>1</usecase>",
        '<answer fraction="100"><text>a</text></answer>',
        '<answer fraction="0"><text>*</text></answer></question>',
    )
    result = parse_moodle_xml(text)
    assert result.errors == []
    assert [str(w) for w in result.warnings] == [
        "line 6: a wrong short answer and its feedback are dropped",
        "line 3: case-sensitive matching is not kept: ajquiz ignores case",
    ]
