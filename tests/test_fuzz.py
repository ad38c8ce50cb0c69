"""Fuzz `extract_text` (hypothesis): any text gives records whose spans point at their own text, within a
per-case time budget (the guard's: a case past it fails as "timeout" instead of hanging the suite).

CI runs a small number of cases (FUZZ_EXAMPLES, default 30); bench/fuzz_extract.py runs the same
property for longer, on longer texts, and prints what it found.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.extraction.models import Document
from extractor.extraction.pipeline import extract_text
from extractor.guard import run_guarded

# Seconds one case may take: a few KB of text extracts in milliseconds, so only a blow-up reaches it.
CASE_BUDGET = 20.0
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
PIECES_PER_CASE = int(os.environ.get("FUZZ_PIECES", "60"))  # bench/fuzz_extract.py raises it

# Pieces of plan documents, so that random texts reach the rules (headers, references, targets, quotas,
# signatures, recipients), mixed with arbitrary characters.
PIECES = [
    "ỦY BAN NHÂN DÂN", "HUYỆN LẠC DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: ", "12/KH-UBND", "91/2017/NĐ-CP", "14-KL/TW", "Lạc Dương, ngày 02 tháng 3 năm 2016", "KẾ HOẠCH",
    "QUYẾT ĐỊNH:", "Căn cứ Kế hoạch số ", "Thực hiện ", " của UBND tỉnh", " ngày 20/01/2016", "I. MỤC TIÊU",
    "1. ", "a) ", "1.1. ", "- ", "+ ", "Phấn đấu ", "100%", " từ 60% trở lên", "không quá 05 tập thể",
    "Tặng Giấy khen của Chủ tịch UBND huyện", "Bằng khen", "trước ngày 15/11/2016", "từ ngày 01/6 đến ngày 30/11",
    "giai đoạn 2021 - 2025", "Kính gửi:", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "(b/c)", "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Sơn", "Phụ lục 1", "“", "”", "\t", "\n", "\n\n", "; ", ". ", " ",
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=PIECES_PER_CASE // 4,
                 max_size=PIECES_PER_CASE).map("".join)


def _check_spans(text: str, docs: list[Document]) -> None:
    """Every value's span holds its raw text; a document's own span shows only its first 80 characters."""

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            span = value.get("span")
            if isinstance(span, dict) and {"start", "end", "raw"} <= set(span):
                assert 0 <= span["start"] <= span["end"] <= len(text)
                assert text[span["start"] : span["end"]] == span["raw"]
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for doc in docs:
        record = doc.model_dump()
        own = record.pop("span")
        assert text[own["start"] : own["end"]].startswith(own["raw"])
        walk(record)


def _extract(raw: str) -> str:
    text, docs = extract_text(raw)
    _check_spans(text, docs)
    return "ok"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_text_any_input(raw: str) -> None:
    extract_text("\n".join(PIECES))  # lazy tables and caches load in the parent, not again in each forked case
    assert run_guarded(lambda: _extract(raw), CASE_BUDGET) == "ok"
