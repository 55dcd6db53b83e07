"""A YAML manifest read from libyaml's events straight into plain values, in one pass, with
where each mapping and list sits in the file (its Spot).

PyYAML's usual way composes a tree of nodes, then constructs values from it in Python: most of
a large manifest's import went there. Here plain scalars are typed by PyYAML's own resolvers and
constructors, so the values are those the usual way builds, and the checks of the composed
reading (no aliases, no key twice, bounded lengths) are made as the events come. Anything else
raises Unusual: the caller reads the file again the usual way, which locates and words the error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml

from claimcheck.config import MAX_FIELD_CHARS, MAX_INLINE_TEXT_CHARS
from claimcheck.errors import InputError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(slots=True)
class Spot:
    """Where a mapping or list of a manifest starts (line and column, from 1), where each of its
    keys sits, and the Spots of the mappings and lists inside it, by key or index."""

    line: int
    column: int
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    inner: dict[Any, Spot] = field(default_factory=dict)


def spot_at(root: Spot, path: list[Any]) -> Spot:
    """The Spot at a data path (the deepest one found along it)."""
    spot = root
    for step in path:
        if step not in spot.inner:
            break
        spot = spot.inner[step]
    return spot


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while. What an import builds (a manifest's
    values, the claims already seen) lives on to its end, so the collector would walk it again
    and again to free nothing: a third of the time of reading 10,000 claims' manifest, and as
    much again while they are written."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Unusual(InputError):
    """What read_events leaves to the composed nodes: an error to locate and describe, or YAML
    beyond plain mappings, lists and scalars (tags, aliases, merge keys, several documents).
    Caught by the caller; its message never reaches the user."""


_BUILT = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def read_events(text: str) -> tuple[dict[str, Any], Spot]:
    """The manifest straight from libyaml's events to plain values (dates as ISO strings), with
    the checks of import_formats' composed reading; plain scalars are typed by PyYAML's own
    resolvers and constructors, so the values are those the composed path builds. Raises
    Unusual."""
    implicit = yaml.resolver.Resolver.yaml_implicit_resolvers
    if implicit.get(None):
        raise Unusual  # resolvers for any first character: leave them to PyYAML
    constructor = yaml.constructor.SafeConstructor()
    loader = SafeLoader(text)
    get_event = loader.get_event
    scalar_event, mapping_event, sequence_event = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    # The mapping or list being filled (None before the root), its Spot, the key awaiting its
    # value (mappings), and _check_nodes' flag: for a mapping, that it is an entry of `articles`
    # (whose `text` may be a whole article); for a list, that it is `articles`. The stack holds
    # the same for the ones it is inside.
    box: Any = None
    box_spot, box_key, box_flag, in_list = Spot(1, 1), None, False, False
    stack: list[tuple[Any, Spot, str | None, bool, bool]] = []
    typed: dict[str, Any] = {}
    root: dict[str, Any] | None = None
    spots = box_spot
    documents = 0
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.tag is not None or box is None:
                    raise Unusual
                raw = value = event.value
                if event.implicit[0] and raw[:1] in implicit:
                    value = typed.get(raw, typed)
                    if value is typed:
                        value = _typed(constructor, implicit[raw[:1]], raw)
                        if len(raw) <= 40:  # field names, choices and numbers come again
                            typed[raw] = value
                if in_list:
                    if len(raw) > MAX_FIELD_CHARS and (
                        not box_flag or len(raw) > MAX_INLINE_TEXT_CHARS
                    ):
                        raise Unusual
                    box.append(value)
                elif box_key is None:
                    if type(value) is not str or value in box or len(raw) > MAX_FIELD_CHARS:
                        raise Unusual
                    box_key = value
                    mark = event.start_mark
                    box_spot.keys[value] = (mark.line + 1, mark.column + 1)
                else:
                    if len(raw) > MAX_FIELD_CHARS and (
                        not (box_flag and box_key == "text") or len(raw) > MAX_INLINE_TEXT_CHARS
                    ):
                        raise Unusual
                    box[box_key] = value
                    box_key = None
            elif kind is mapping_event or kind is sequence_event:
                if event.tag is not None:
                    raise Unusual
                mark = event.start_mark
                spot = Spot(mark.line + 1, mark.column + 1)
                new: Any = {} if kind is mapping_event else []
                if box is None:
                    if kind is sequence_event:
                        raise Unusual
                    key, flag, root, spots = None, False, new, spot
                elif in_list:
                    key, flag = None, box_flag
                    box_spot.inner[len(box)] = spot
                    box.append(new)
                elif box_key is None:
                    raise Unusual  # a mapping or list as a key
                else:
                    key, flag = box_key, box_flag and box_key == "text"
                    box_spot.inner[key] = spot
                    box[key] = new
                    box_key = None
                stack.append((box, box_spot, box_key, box_flag, in_list))
                in_list = kind is sequence_event
                box, box_spot, box_key = new, spot, None
                box_flag = key == "articles" if in_list else flag
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                box, box_spot, box_key, box_flag, in_list = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Unusual
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.AliasEvent:
                raise Unusual
    finally:
        loader.dispose()
    if root is None:
        raise Unusual
    return root, spots


def _typed(
    constructor: yaml.constructor.SafeConstructor, resolvers: list[tuple[str, Any]], value: str
) -> Any:
    """A plain scalar as PyYAML types and builds it: a null, boolean, number or date (as an ISO
    string) where one of its resolvers matches, else the string itself."""
    for tag, pattern in resolvers:
        if pattern.match(value):
            if tag == _TIMESTAMP:
                node = yaml.ScalarNode(tag, value)
                return constructor.construct_yaml_timestamp(node).isoformat()
            if tag not in _BUILT:
                raise Unusual  # merge keys and the like
            return constructor.yaml_constructors[tag](constructor, yaml.ScalarNode(tag, value))
    return value


def spots_of(root: yaml.Node) -> Spot:
    """The Spots of a composed node tree."""

    def spot(node: yaml.Node) -> Spot:
        return Spot(node.start_mark.line + 1, node.start_mark.column + 1)

    top = spot(root)
    stack = [(root, top)]
    while stack:
        node, place = stack.pop()
        if isinstance(node, yaml.MappingNode):
            children = [(key.value, key, value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [(index, None, value) for index, value in enumerate(node.value)]
        else:
            continue
        for step, key, value in children:
            if key is not None:
                place.keys[step] = (key.start_mark.line + 1, key.start_mark.column + 1)
            if isinstance(value, yaml.MappingNode | yaml.SequenceNode):
                place.inner[step] = spot(value)
                stack.append((value, place.inner[step]))
    return top
