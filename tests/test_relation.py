"""Which sections head a basis list (`relation.basis_layout`): the whole heading line, any case."""

from __future__ import annotations

import pytest

from extractor.extraction.fields.relation import basis_layout
from tests.helpers import make_ctx


@pytest.mark.parametrize(
    ("heading", "basis"),
    [
        ("I. CĂN CỨ PHÁP LÝ", True),
        ("1. Căn cứ xây dựng kế hoạch:", True),
        ("I. SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN", True),  # an opener before the head
        ("II. CƠ SỞ PHÁP LÝ", True),
        ("a) Cơ  sở   chính trị", True),  # runs of spaces between the words
        ("II. MỤC ĐÍCH, YÊU CẦU", False),
        ("1. Cơ quan chủ trì", False),  # "cơ" alone (the cheap test's word) is no basis heading
        ("2. Căn cứ vào kết quả năm 2023, các đơn vị đăng ký thi đua", False),  # a sentence, not the whole line
    ],
)
def test_basis_headings(heading: str, basis: bool) -> None:
    ctx = make_ctx(f"{heading}\n- Luật Thi đua, khen thưởng năm 2022.\nIII. TỔ CHỨC THỰC HIỆN\n")
    first = ctx.sections[0]
    assert basis_layout(ctx).sections == ([(first.start, first.end)] if basis else [])
