"""The review workbench: the only package that imports textual.

`claimcheck review` builds a `ReviewApp` (app.py) over claims.db; everything it writes goes
through `Store`, so the CLI, the exports and the UI see the same data.
"""
