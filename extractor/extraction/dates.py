"""Vietnamese date expressions, found with regex (never with a fuzzy date parser).

Forms seen in archives: "ngày 05 tháng 5 năm 2020", "ngày 5/5/2020", "05-5-2020",
"16.9.2023", drafts with blanks ("ngày   tháng 3 năm 2023") and month-only "tháng 6/2020".
A blank day gives "2023-03"; a blank month gives "2023". Impossible dates give None.
"""

from __future__ import annotations

import datetime as dt

import regex as re

# "ngày 05 tháng 5 năm 2020" (the day or month may be blank in drafts, dots for blanks).
_LONG = r"(?:ngày\s*(?P<d1>\d{1,2})?[\s.…]*)?tháng\s*(?P<m1>\d{1,2})?[\s.…]*năm\s*(?P<y1>\d{4})"
# "05/5/2020", "5-5-2020", "16.9.2023"
_SHORT = r"(?:ngày\s*)?(?P<d2>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4})"
# "tháng 6/2020", "tháng 06-2020"
_MONTH = r"tháng\s*(?P<m3>\d{1,2})\s*[/\-]\s*(?P<y3>\d{4})"

DATE = re.compile(rf"(?<!\d)(?:{_LONG}|{_SHORT}|{_MONTH})(?!\d)", re.IGNORECASE)


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text for a full or partial date; None when the parts are impossible."""
    if month is None:
        return f"{year:04d}" if 1900 <= year <= 2100 else None
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def match_to_iso(m: re.Match[str]) -> str | None:
    """The ISO value of a `DATE` match."""
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), (None, "m3", "y3")):
        if m.group(y):
            day = m.group(d) if d else None
            month = m.group(mo)
            if month is None:
                return iso(int(m.group(y)))
            return iso(int(m.group(y)), int(month), int(day) if day else None)
    return None
