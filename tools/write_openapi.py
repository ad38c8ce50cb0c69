"""Write schemas/openapi.json from the HTTP API (archive/server.py); tests/test_server.py checks it is current."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from extractor.archive.server import create_app

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        spec = create_app(Path(tmp)).openapi()
    (ROOT / "schemas" / "openapi.json").write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", "utf-8")
