from __future__ import annotations

from ajquiz.interop.gift import parse_gift
from ajquiz.interop.parsed import CLOZE_STEM


def only(text):
    result = parse_gift(text)
    assert result.errors == []
    assert len(result.questions) == 1
    return result.questions[0]


def errors(text):
    return [str(problem) for problem in parse_gift(text).errors]


def test_it_reads_a_multiple_choice_question_with_title_feedback_and_general_feedback():
    question = only(
        "::Signatory:: Who signed for Japan? {\n"
        "  =Hayashi Tadasu#Right: the minister in London.\n"
        "  ~Lord Lansdowne#He signed for Britain.\n"
        "####Signed at Lansdowne House.\n"
        "}"
    )
    assert question.kind == "mc"
    assert question.title == "Signatory"
    assert question.stem == "Who signed for Japan?"
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
        ],
        "shuffle": True,
    }


def test_it_skips_comments_and_files_questions_under_their_category():
    result = parse_gift(
        "// a comment\n$CATEGORY: $course$/alliance\n\n// another\nQ one {T}\n\n"
        "$CATEGORY: renewals\n\nQ two {F}\n"
    )
    assert [(q.stem, q.category, q.line) for q in result.questions] == [
        ("Q one", "$course$/alliance", 5),
        ("Q two", "renewals", 9),
    ]


def test_partial_credit_makes_a_multiple_response_question_with_its_fractions():
    question = only("Which were parties? {~%50%Japan ~%50%France ~%-100%Russia ~Peru}")
    assert question.kind == "mr"
    assert [(o["text"], o["correct"], o["fraction"]) for o in question.payload["options"]] == [
        ("Japan", True, 0.5),
        ("France", True, 0.5),
        ("Russia", False, -1.0),
        ("Peru", False, 0.0),
    ]


def test_a_negative_weight_on_a_single_choice_question_is_kept_as_its_fraction():
    question = only("Who? {=Hayashi ~%-50%Ito ~Katsura}")
    assert question.kind == "mc"
    assert [option.get("fraction") for option in question.payload["options"]] == [
        None,
        -0.5,
        None,
    ]


def test_weights_that_do_not_make_100_percent_are_an_error_with_the_line():
    assert errors("\n\nWhich? {~%50%a ~%20%b ~c}") == [
        "line 3: the positive weights add up to 70%, they must make 100%"
    ]


def test_it_reads_true_and_false_with_the_wrong_answer_feedback_as_the_correction():
    assert only("It was signed in 1902. {TRUE}").payload == {"answer": True, "correction": ""}
    question = only("It was signed in 1905. {F#No: that was the renewal.#Right.}")
    assert question.payload == {"answer": False, "correction": "No: that was the renewal."}


def test_a_dropped_right_answer_feedback_is_a_warning_not_an_error():
    result = parse_gift("It was signed in 1905. {F#No.#Right.}")
    assert [str(w) for w in result.warnings] == [
        "line 1: the feedback for a right true/false answer is dropped"
    ]


def test_it_reads_a_short_answer_with_accepted_variants():
    question = only("Who was foreign secretary? {=Lansdowne =Lord Lansdowne}")
    assert question.kind == "sa"
    assert question.payload == {"answer": "Lansdowne", "accepted": ["Lord Lansdowne"]}


def test_it_reads_a_numeric_answer_with_a_tolerance():
    assert only("Year? {#1902:2}").payload == {"answer": 1902, "tolerance": 2, "unit": ""}
    assert only("Year? {#1902}").payload == {"answer": 1902, "tolerance": 0, "unit": ""}
    assert only("Ratio? {#2.5:0.25}").payload == {"answer": 2.5, "tolerance": 0.25, "unit": ""}


def test_a_numeric_range_becomes_its_middle_plus_or_minus_half_the_width():
    assert only("Year? {#1900..1904}").payload == {"answer": 1902, "tolerance": 2, "unit": ""}
    assert only("Year? {#1901..1904}").payload == {"answer": 1902.5, "tolerance": 1.5, "unit": ""}


def test_a_numeric_question_with_several_answers_keeps_the_right_one():
    question = only("Year? {#\n=1902:0\n~1900#Too early\n}")
    assert question.payload == {"answer": 1902, "tolerance": 0, "unit": ""}


def test_partial_credit_for_a_near_numeric_answer_is_refused():
    assert errors("Year? {#\n=1902:0\n=%50%1901:1\n}") == [
        "line 3: partial credit for a near numeric answer is not supported: ajquiz gives one "
        "answer a tolerance instead"
    ]


def test_it_reads_matching_pairs_and_an_extra_right_item():
    question = only("Match them. {=First -> 1902 =Second -> 1905 =Third -> 1911 = -> 1921}")
    assert question.kind == "match"
    assert question.payload == {
        "lefts": [
            {"id": "l1", "text": "First"},
            {"id": "l2", "text": "Second"},
            {"id": "l3", "text": "Third"},
        ],
        "rights": [
            {"id": "r1", "text": "1902"},
            {"id": "r2", "text": "1905"},
            {"id": "r3", "text": "1911"},
            {"id": "r4", "text": "1921"},
        ],
        "key": {"l1": "r1", "l2": "r2", "l3": "r3"},
    }


def test_a_missing_word_short_answer_becomes_a_cloze():
    question = only("Signed at Lansdowne House in {=London =Londres} on 30 January 1902.")
    assert question.kind == "cloze"
    assert question.stem == CLOZE_STEM
    assert question.payload == {
        "before": "Signed at Lansdowne House in ",
        "after": " on 30 January 1902.",
        "answer": "London",
        "accepted": ["Londres"],
    }


def test_a_missing_word_choice_becomes_multiple_choice_with_a_blank_in_the_stem():
    question = only("The alliance ended in {~1919 =1923 ~1930} by one reading.")
    assert question.kind == "mc"
    assert question.stem == "The alliance ended in _____ by one reading."


def test_escaped_special_characters_are_plain_text():
    question = only(r"What do a\{b\} \= c \~ d\: and \#1 mean? {=a \# b \\ c}")
    assert question.stem == r"What do a{b} = c ~ d: and #1 mean?"
    assert question.payload["answer"] == "a # b \\ c"


def test_an_escaped_newline_is_a_line_break():
    assert only(r"Line one\nline two {T}").stem == "Line one\nline two"


def test_html_stems_are_sanitised_and_their_plain_text_kept():
    question = only(
        '[html]<p>Who <b onclick="x()">signed</b>?</p>'
        "<script>alert(1)</script><img src=x> {=Hayashi}"
    )
    assert question.stem_html == "Who <b>signed</b>?"
    assert question.stem == "Who signed?"


def test_an_html_stem_without_markup_keeps_no_html():
    assert only("[html]<p>Who signed?</p> {=Hayashi}").stem_html == ""


def test_an_essay_is_refused_with_a_clear_message():
    assert errors("::Essay:: Discuss the alliance. {}") == [
        "line 1: essay questions (an empty answer block {}) are not supported: ajquiz only "
        "imports questions it can mark"
    ]


def test_a_description_without_an_answer_block_is_refused():
    assert errors("Read the passage first.") == [
        "line 1: no answer block in { }: descriptions and text without a question are not imported"
    ]


def test_every_error_in_the_file_is_reported_with_its_line():
    text = "Fine {T}\n\nBroken {=a ~b\n\nAlso fine {F}\n\nWeights {~%500%a ~b}\n\nStray } here {T}"
    assert errors(text) == [
        "line 3: the answer block { is never closed with }",
        "line 7: the weight 500% is outside -100% to 100%",
        "line 9: a } with no { before it (escape it as \\})",
    ]
    assert len(parse_gift(text).questions) == 2


def test_two_questions_without_a_blank_line_between_them_are_an_error_on_the_second():
    assert errors("One {T}\nTwo {F}") == [
        "line 2: only one answer block { } per question (separate questions with a blank line)"
    ]


def test_a_question_with_no_right_answer_is_an_error():
    assert errors("Which? {~a ~b}") == [
        "line 1: no answer is right: mark one with = or give it a weight"
    ]


def test_a_question_that_is_only_a_title_has_no_text():
    assert errors("Fine {=a}\n\n::T:: {=b ~c}") == ["line 3: the question has no text"]


def test_an_empty_option_fails_the_payload_check():
    assert errors("Which? {=a ~}") == ["line 1: an empty answer"]


def test_it_counts_lines_and_blocks_for_the_progress_display():
    result = parse_gift("// header\n\nOne {T}\n\nTwo {F}\n")
    assert (result.lines, result.blocks) == (5, 2)
