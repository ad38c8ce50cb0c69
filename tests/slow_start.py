"""A stand-in extractor that takes 2 s to import: worker start-up must not count against the timeout."""

from __future__ import annotations

import time

from tests.test_batch import fake_extract

time.sleep(2.0)
extract = fake_extract
