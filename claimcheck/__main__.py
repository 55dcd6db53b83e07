"""`python -m claimcheck` is the `claimcheck` command."""

from claimcheck.cli import main

main()
