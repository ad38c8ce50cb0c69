"""`python -m extractor …` runs the planex command line (handy in a checkout without the script installed)."""

from extractor.cli import main

main()
