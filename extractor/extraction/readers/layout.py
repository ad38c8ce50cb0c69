"""Raw-text markers of the formal page layout, shared by the .docx and .pdf readers.

They run on text before normalisation, so they accept both tone placements ("Hòa"/"Hoà") and any
dash. Readers use them only to recognise layout (a header or signature table, a page that opens a
document); the extraction rules proper live in extractor.extraction.vocab.layout.
"""

from __future__ import annotations

import re

# The national motto, the Party's line, the recipients list, a signature authority prefix (the motto
# also without diacritics, as some exports and old files have it).
LAYOUT_MARKERS = re.compile(
    r"(?i)c[oộ]ng\s+h(?:òa|oà|oa)\s+x[aã]\s+h[oộ]i|độc\s+lập\s*\W\s*tự\s+do|[đd][aả]ng\s+c[oộ]ng\s+s[aả]n"
    r"|nơi\s+nhận"
    r"|^\s*(?:tm|kt|tl|tuq|q|t/m)\s*\.?\s+\w",
    re.MULTILINE,
)
