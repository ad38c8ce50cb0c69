from extractor.pipeline import extract_text
from extractor.render import render_html


def test_show_marks_extracted_values_in_the_text() -> None:
    text, docs = extract_text(
        "Số: 7/KH-UBND\nAn Phú, ngày 2 tháng 3 năm 2021\nKẾ HOẠCH\nThi đua năm 2021\n"
        "Căn cứ Kế hoạch số 3/KH-UBND ngày 2/2/2021 của UBND huyện;\nI. MỤC TIÊU\nPhấn đấu 100% hồ sơ đúng hạn.\n"
    )
    html = render_html(text, docs)
    assert "NUMBER" in html and "REF" in html and "TARGET" in html
    assert "7/KH-UBND" in html and "3/KH-UBND" in html
