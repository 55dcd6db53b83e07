"""The review keys: defaults, and the reviewer's remapping in a small TOML file.

The file lives at $XDG_CONFIG_HOME/claimcheck/keys.toml (~/.config/claimcheck/keys.toml), e.g.

    [keys]
    supported = "1"
    refuted = "3"
    next = "j,down"

Names are the binding ids below (the review screen's, then the source view's); a value is one
key or several separated by commas.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import config_dir
from claimcheck.errors import ClaimcheckError


@dataclass(frozen=True)
class KeySpec:
    """One remappable action: its id (the name in keys.toml), default keys, action, label."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = True


VERDICT_KEYS = (
    KeySpec("supported", "s", "verdict('supported')", "supported"),
    KeySpec("misleading", "m", "verdict('misleading')", "misleading"),
    KeySpec("refuted", "r", "verdict('refuted')", "refuted"),
    KeySpec("unverifiable", "u", "verdict('unverifiable')", "unverifiable"),
    KeySpec("dismiss", "d", "verdict('dismissed')", "dismiss"),
)

REVIEW_KEYS = (
    *VERDICT_KEYS,
    KeySpec("flag", "f", "flag", "flag"),
    KeySpec("settle_first", "1", "settle('first')", "settle on 1"),
    KeySpec("settle_second", "2", "settle('second')", "settle on 2"),
    KeySpec("next_unreviewed", "space", "next_unreviewed", "next open"),
    KeySpec("next", "j,down", "move(1)", "next"),
    KeySpec("previous", "k,up", "move(-1)", "previous"),
    KeySpec("undo", "z", "undo", "undo"),
    KeySpec("note", "n", "note", "note"),
    KeySpec("edit", "e", "edit", "edit text"),
    KeySpec("speaker", "i", "speaker", "name the speaker"),
    KeySpec("schedule", "o", "schedule", "priority/due"),
    KeySpec("attach", "a", "attach", "attach source"),
    KeySpec("fetch", "g", "fetch", "fetch sources"),
    KeySpec("view_source", "v", "view_source", "view source"),
    KeySpec("browser", "b", "browser", "open in browser"),
    KeySpec("checked_before", "c", "checked_before", "earlier check"),
    KeySpec("adopt_match", "p", "adopt_match", "adopt its verdict"),
    KeySpec("reject_match", "w", "reject_match", "wrong match"),
    KeySpec("search", "slash", "search", "search"),
    KeySpec("filter", "t", "filter", "filter/sort"),
    KeySpec("help", "question_mark", "help", "help"),
    KeySpec("quit", "q", "app.quit", "quit"),
)


# In the source view (v): the reviewer's stance on the passage on screen.
STANCE_KEYS = (
    KeySpec("stance_supports", "s", "stance('supports')", "passage supports the claim"),
    KeySpec("stance_refutes", "r", "stance('refutes')", "passage refutes the claim"),
    KeySpec("stance_neutral", "n", "stance('neutral')", "passage relevant, neither way"),
    KeySpec("stance_irrelevant", "i", "stance('irrelevant')", "passage irrelevant"),
    KeySpec("stance_clear", "x", "stance('clear')", "clear the passage's stance"),
)


def config_path() -> Path:
    """Where keys.toml is read from."""
    return config_dir() / "keys.toml"


class KeyConfigError(ClaimcheckError, ValueError):
    """keys.toml cannot be used; the message names the file and the entry."""


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The reviewer's remapped keys (binding id -> keys), empty when there is no file."""
    path = path or config_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeyConfigError(f"{path}: {error}") from None
    table = data.get("keys", {})
    known = {spec.id for spec in (*REVIEW_KEYS, *STANCE_KEYS)}
    keymap: dict[str, str] = {}
    for name, value in table.items() if isinstance(table, dict) else []:
        if name not in known:
            raise KeyConfigError(f"{path}: unknown key name {name!r} (known: {', '.join(known)})")
        if not isinstance(value, str) or not value.strip():
            raise KeyConfigError(f'{path}: {name} must be a key such as "x" or "ctrl+x"')
        keymap[name] = ",".join(part.strip() for part in value.split(","))
    return keymap


def effective_keys(keymap: dict[str, str]) -> dict[str, str]:
    """Binding id -> the keys in force (defaults overridden by the keymap)."""
    return {spec.id: keymap.get(spec.id, spec.keys) for spec in (*REVIEW_KEYS, *STANCE_KEYS)}
