"""The extractor's version, stored with every content of an archive: a batch re-extracts what an
older (or newer) version extracted. It is the package version: bump it in pyproject.toml with any
change that alters records (`planex batch --reprocess` re-extracts regardless)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def extractor_version() -> str:
    try:
        return version("planex")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"
