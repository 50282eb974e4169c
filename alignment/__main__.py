"""`python -m alignment` runs the CLI."""

from .cli import main

main()
