import pytest

from extractor.extraction.sections import lines_between

_TEXT = "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n1. Mục đích\n\n\na) Đối với\nlast"


@pytest.mark.parametrize(
    ("start", "end", "want"),
    [
        (0, len(_TEXT), [(0, 8, "KẾ HOẠCH"), (10, 21, "I. MỤC ĐÍCH"), (22, 33, "1. Mục đích"),
                         (36, 46, "a) Đối với"), (47, 51, "last")]),
        (3, 15, [(3, 8, "HOẠCH"), (10, 15, "I. MỤ")]),  # a range cuts its first and last lines
        (8, 10, []),  # blank lines only
        (20, 20, []),
        (47, 51, [(47, 51, "last")]),
    ],
)
def test_lines_between(start: int, end: int, want: list[tuple[int, int, str]]) -> None:
    assert lines_between(_TEXT, start, end) == want
    # With a limit the lines are found one by one: the same lines, the first `limit` of them.
    assert lines_between(_TEXT, start, end, limit=100) == want
    assert lines_between(_TEXT, start, end, limit=2) == want[:2]
