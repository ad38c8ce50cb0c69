"""A record as one JSON line, the form `planex extract --jsonl`, `planex batch` and the server share.

Its own module so that printing one record does not import the batch machinery (multiprocessing,
sqlite, the store: ~35 ms of `planex extract one.txt`).
"""

from __future__ import annotations

from typing import Any

from extractor.extraction.models import FileRecord


def record_line(record: FileRecord) -> str:
    """The record as one `planex extract --jsonl` line: absent parts (no error, no text) left out."""
    exclude: dict[str, Any] = {k: True for k in ("documents", "error", "text") if getattr(record, k) is None}
    if record.source.path_bytes_hex is None:
        exclude["source"] = {"path_bytes_hex"}
    return record.model_dump_json(exclude=exclude)
