from __future__ import annotations

from django.http import QueryDict

from ajquiz.questions.payload import answer_from_post, describe_answer
from tests.factories import SAMPLE_QUESTIONS


class Q:
    def __init__(self, kind):
        self.kind = kind
        self.payload = SAMPLE_QUESTIONS[kind][0]


def post(**fields):
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data[name.replace("_", "-")] = value
    return data


def test_an_ordering_nobody_placed_is_not_an_answer():
    blank = post(answer_i1="", answer_i2="", answer_i3="", answer_i4="")
    assert answer_from_post(Q("order"), blank) is None


def test_placed_items_come_first_in_their_positions_and_unplaced_ones_follow():
    data = post(answer_i1="", answer_i2="1", answer_i3="", answer_i4="2")
    assert answer_from_post(Q("order"), data) == ["i2", "i4", "i1", "i3"]


def test_a_full_ordering_is_read_by_position():
    data = post(answer_i1="3", answer_i2="2", answer_i3="4", answer_i4="1")
    answer = answer_from_post(Q("order"), data)
    assert answer == ["i4", "i2", "i1", "i3"]
    assert describe_answer(Q("order"), answer) == (
        "The Triple Intervention → The first alliance treaty → The Entente Cordiale → "
        "The Four-Power Treaty"
    )


def test_matching_keeps_only_chosen_pairs():
    data = post(answer_l1="r2", answer_l2="", answer_l3="r3")
    assert answer_from_post(Q("match"), data) == {"l1": "r2", "l3": "r3"}
    assert answer_from_post(Q("match"), post(answer_l1="")) is None


def test_several_keys_read_every_ticked_box():
    data = QueryDict("answer=a&answer=c")
    assert answer_from_post(Q("mr"), data) == ["a", "c"]
    assert answer_from_post(Q("mr"), QueryDict("")) is None
