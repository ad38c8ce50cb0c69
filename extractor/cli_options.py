"""What every planex command shares: the help flags, the exit codes and the --ocr option.

Kept apart from the commands themselves so that `planex extract` needs none of the archive commands
(extractor.cli adds those only when one of them runs or the command list is shown).
"""

from __future__ import annotations

from typing import Any

import click

# `-h` as well as `--help`, on every command.
CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"]}
# Exit codes (documented in extractor/cli.py and the README).
EXIT_FAILED = 1  # some input file failed: each has an error record (`planex errors OUT`)
EXIT_LOCKED = 3  # another `planex batch` holds the output folder
EXIT_STORE = 4  # the store could not be written (a full disk): resume when fixed
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
# When scanned pages and images are read by OCR (extractor.extraction.readers.paged.OCR_MODES).
OCR_OPTION = click.option(
    "--ocr", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
    help="Read scanned PDF pages and images by OCR where there is no text layer (auto), always, or never.")
