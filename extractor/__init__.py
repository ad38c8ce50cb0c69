"""planex: structured, linked data from Vietnamese government plan documents.

    from extractor import extract_file, extract_text
    record = extract_file(Path("ke-hoach.docx"))      # FileRecord: source + documents (or error)
    text, documents = extract_text(raw_text)           # spans point into the returned text
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_file", "extract_text"]


def __getattr__(name: str) -> Any:
    # Lazy: importing a submodule (extractor.extraction.models, extractor.extraction.normalize) stays cheap.
    if name in __all__:
        from extractor.extraction import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
