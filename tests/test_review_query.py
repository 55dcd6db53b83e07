"""The typed queue filter and the keys file: plain functions, no screen needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.review.keys import KeyConfigError, config_path, effective_keys, load_keymap
from claimcheck.review.query import QueueQuery, parse_filter


def test_a_typed_filter_round_trips() -> None:
    base = QueueQuery(search="nato", second_check=True)
    query = parse_filter("status:unreviewed,flagged kind:quantity article:3 sort:score", base)
    assert (query.status, query.kind, query.article_id, query.order) == (
        ["unreviewed", "flagged"],
        ["quantity"],
        3,
        "score",
    )
    assert (query.search, query.second_check) == ("nato", True)
    assert parse_filter(query.describe(), base) == query
    assert parse_filter("", query) == QueueQuery(search="nato", second_check=True)


@pytest.mark.parametrize("text", ["status:maybe", "kind:", "article:three", "sort:random", "x"])
def test_a_filter_word_that_cannot_be_understood_is_named(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text)):
        parse_filter(text, QueueQuery())


def test_keys_file_lives_under_xdg_config_home(tmp_path: Path) -> None:
    assert config_path() == tmp_path / "config" / "claimcheck" / "keys.toml"
    assert load_keymap() == {}


def test_keys_file_remaps_and_refuses_nonsense(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\nsupported = "1"\nnext = "j, ctrl+n"\n', encoding="utf-8")
    keymap = load_keymap(path)
    assert keymap == {"supported": "1", "next": "j,ctrl+n"}
    assert effective_keys(keymap)["refuted"] == "r"
    path.write_text("[keys]\nsupported = 1\n", encoding="utf-8")
    with pytest.raises(KeyConfigError, match="supported must be a key"):
        load_keymap(path)
    path.write_text("[keys\n", encoding="utf-8")
    with pytest.raises(KeyConfigError, match=str(path)):
        load_keymap(path)
