import pytest

from extractor.archive.report import _subordinate


@pytest.mark.parametrize(
    ("recipient", "purpose", "issuer", "expected"),
    [
        ("Trường Tiểu học Lê Lợi", None, "Phòng Giáo dục và Đào tạo huyện Tân Phú", True),
        ("UBND xã Phú Lộc", None, "Ủy ban nhân dân huyện Tân Phú", True),
        ("Phòng Tài chính - Kế hoạch", "để thực hiện", "Ủy ban nhân dân huyện Tân Phú", True),
        # sent up for information, or to a higher level: nothing to implement
        ("UBND tỉnh", "b/c", "Ủy ban nhân dân huyện Tân Phú", False),
        ("Sở Nội vụ tỉnh", None, "Ủy ban nhân dân huyện Tân Phú", False),
        ("Bộ Nội vụ", None, "Ủy ban nhân dân tỉnh Đồng Nai", False),
        ("Phòng GD&ĐT", "để báo cáo", "Trường Tiểu học Lê Lợi", False),
        # leaders and standing committees follow the plan; plural recipients cannot be checked by name
        ("TT Huyện ủy, TT HĐND huyện", None, "Ủy ban nhân dân huyện Tân Phú", False),
        ("CT, các PCT UBND huyện", None, "Ủy ban nhân dân huyện Tân Phú", False),
        ("UBND các xã, thị trấn", None, "Ủy ban nhân dân huyện Tân Phú", False),
    ],
)
def test_bug_silent_units_are_subordinates_asked_to_act(
    recipient: str, purpose: str | None, issuer: str, expected: bool
) -> None:
    assert _subordinate(recipient, purpose, issuer) is expected


def test_bug_staff_of_the_school_is_not_a_unit() -> None:
    assert not _subordinate("CB, GV, NV", None, "Trường Tiểu học Lê Lợi")
