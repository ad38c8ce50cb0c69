"""`python -m extractor …` runs the planex command line (handy in a checkout without the script installed)."""

import sys

try:
    from extractor.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python loads the command line: an interruption, not a traceback
    sys.exit(130)

main()
