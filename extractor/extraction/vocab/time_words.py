"""Words that place a plan's tasks and phases in time: deadlines, period starts, time sections, past.

Phrasings of Vietnamese administrative plans (Nghị định 30/2020 style): a deadline is
"trước ngày …" / "chậm nhất …"; a period is "từ … đến …" or "giai đoạn 2023 - 2025".
"""

from __future__ import annotations

# Words that make the date after them a deadline ("trước ngày 15/5/2020", "chậm nhất là ngày …").
# "đến ngày …" is missing on purpose: it ends a period, it is not a due date.
DEADLINE_LEADS: tuple[str, ...] = (
    "trước",
    "chậm nhất",
    "muộn nhất",
    "hạn chót",
    "hạn cuối",
    "không muộn hơn",
    "không chậm hơn",
    "không chậm quá",
)

# Words that may separate a deadline lead from its date: "chậm nhất là ngày", "hạn chót: ngày",
# "trước 17 giờ 30 phút ngày" (the time of day is read separately).
DEADLINE_FILLERS: tuple[str, ...] = ("là", "vào", "đến", ":")

# What a relative period start names when it means the plan's own issue ("từ ngày ký ban hành").
# "đăng ký" is not "ký": see ISSUE_VERBS' use in extractor.extraction.fields.timeline.
ISSUE_NOUNS: tuple[str, ...] = ("ngày", "khi", "lúc", "thời điểm")
ISSUE_VERBS: tuple[str, ...] = ("ban hành", "ký", "kí")
# "từ nay đến …": now, i.e. the issue date.
NOW_WORDS: tuple[str, ...] = ("nay", "bây giờ")

# Heading words of a section that schedules the plan ("IV. TIẾN ĐỘ THỰC HIỆN", "3. Thời gian thực hiện").
TIME_HEADINGS: tuple[str, ...] = ("thời gian", "tiến độ", "thời hạn", "lộ trình", "thời điểm")

# Words before a span of years that make it the plan's span. "nhiệm kỳ" (a congress term) is left out:
# it dates what a plan celebrates, not the plan.
# ("năm học 2023 - 2024" names a school year, the setting of a plan, not a period it sets: annotators
# following the contract leave it out, as they do "nhiệm kỳ".)
YEAR_SPANS: tuple[str, ...] = ("giai đoạn", "từ năm")

# Phase labels a period line may start with: "Đợt 1:", "Giai đoạn 2 (…)", "Sơ kết:", "Tổng kết".
NUMBERED_PHASES: tuple[str, ...] = ("đợt", "giai đoạn")
REVIEW_PHASES: tuple[str, ...] = ("sơ kết", "tổng kết")

# Words that put a figure in the past: "đã đạt 85%", "tăng 10% so với cùng kỳ", "năm qua".
PAST_BEFORE: tuple[str, ...] = ("đã",)
PAST_ANYWHERE: tuple[str, ...] = (
    "cùng kỳ", "năm qua", "vừa qua", "trước đây",
    "kết quả năm", "kết quả thực hiện", "kết quả đạt được",  # a report of results, in the body's own words
    "ví dụ",  # an example in a guideline, not its aim
)
# Words that make a clause an aim even with a past marker ("phấn đấu tăng 10% so với cùng kỳ").
AIM_WORDS: tuple[str, ...] = ("phấn đấu", "chỉ tiêu", "mục tiêu", "cần đạt")
# Headings of sections that report the past ("I. KẾT QUẢ NĂM HỌC 2015 - 2016", "1. Tình hình thực hiện"),
# unless they also speak of aims ("KẾT QUẢ CẦN ĐẠT").
PAST_HEADINGS: tuple[str, ...] = (
    "kết quả",
    "những kết quả",
    "tình hình",
    "thực trạng",
    "khái quát",
    "đánh giá kết quả",
    "đánh giá tình hình",
    "đánh giá thực trạng",
)
