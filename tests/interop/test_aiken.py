from __future__ import annotations

from ajquiz.interop.aiken import parse_aiken

AIKEN = """Which treaty made the alliance defunct?
A. The Treaty of Portsmouth
B) The Four-Power Treaty
C. The Treaty of Versailles
ANSWER: B

Who signed the 1902 treaty for Britain?
A. Lord Lansdowne
B. Lord Salisbury
ANSWER: A
"""


def errors(text):
    return [str(problem) for problem in parse_aiken(text).errors]


def test_it_reads_each_question_with_its_options_and_key():
    result = parse_aiken(AIKEN)
    assert result.errors == []
    first, second = result.questions
    assert first.kind == "mc"
    assert first.stem == "Which treaty made the alliance defunct?"
    assert first.line == 1
    assert first.payload == {
        "options": [
            {"id": "a", "text": "The Treaty of Portsmouth", "correct": False, "feedback": ""},
            {"id": "b", "text": "The Four-Power Treaty", "correct": True, "feedback": ""},
            {"id": "c", "text": "The Treaty of Versailles", "correct": False, "feedback": ""},
        ],
        "shuffle": False,
    }
    assert (second.stem, second.line) == ("Who signed the 1902 treaty for Britain?", 7)
    assert (result.blocks, result.lines) == (2, 10)


def test_it_accepts_windows_line_ends_and_a_lower_case_answer_line():
    result = parse_aiken("Q?\r\nA. x\r\nB. y\r\nanswer: b\r\n")
    assert [o["correct"] for o in result.questions[0].payload["options"]] == [False, True]


def test_an_answer_that_is_not_an_option_is_an_error_on_its_line():
    assert errors("Q?\nA. x\nB. y\nANSWER: D\n") == [
        "line 4: ANSWER: D is not one of the options AB"
    ]


def test_a_question_without_an_answer_line_is_an_error_on_its_first_line():
    assert errors("\n\nQ?\nA. x\nB. y\n") == ["line 3: the question has no “ANSWER: X” line"]


def test_after_an_error_it_goes_on_and_reports_the_rest():
    text = (
        "Q1?\nA. x\nB. x again\nstray text\nANSWER: A\n\n"
        "Q2?\nA. y\nA. twice\nANSWER: A\n\n"
        "Q3?\nA. z\nB. w\nANSWER: B\n"
    )
    result = parse_aiken(text)
    assert [str(problem) for problem in result.errors] == [
        "line 4: expected an option such as “B. …” or “ANSWER: B”",
        "line 9: option A is given twice",
    ]
    assert [q.stem for q in result.questions] == ["Q3?"]


def test_a_question_with_one_option_fails_the_payload_check():
    assert errors("Q?\nA. only\nANSWER: A\n") == [
        "line 1: a choice question needs at least two answers"
    ]


def test_an_answer_line_without_a_question_is_an_error():
    assert errors("ANSWER: A\n") == ["line 1: an ANSWER line with no question before it"]
