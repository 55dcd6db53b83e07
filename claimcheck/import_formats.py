"""Reading import files into records that remember where they came from.

A record is a dict plus its place in the file, so every complaint can name the file, line, column
and field. YAML manifests are validated against the JSON Schema shipped in claimcheck/schemas;
JSONL and CSV claim records are checked field by field here (a schema validator per line would cost
more than the database writes). Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM; anything
else is refused with the line and column of the first bad byte.

Import files may come from anywhere, so sizes are bounded before anything is built from them (a
record, a field, a manifest, an article's inline text) and YAML aliases are refused outright: a
601-byte "billion laughs" manifest would otherwise expand into gigabytes.

Just over 600 lines: the three formats share the record, its error and the field checks.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimcheck.config import (
    MAX_FIELD_CHARS,
    MAX_INLINE_TEXT_CHARS,
    MAX_MANIFEST_BYTES,
    MAX_RECORD_BYTES,
)
from claimcheck.errors import InputError
from claimcheck.manifest_events import (
    SafeLoader,
    Spot,
    Unusual,
    collector_paused,
    read_events,
    spots_of,
)
from claimcheck.models import KINDS, STATUSES
from claimcheck.suggest import did_you_mean

PROGRESS_STEP = 1 << 16

# The fields of a claim record: the JSONL/CSV export writes exactly these, import reads them.
CLAIM_FIELDS = (
    "id",
    "article_id",
    "article_url",
    "article_title",
    "article_outlet",
    "article_published",
    "sentence",
    "text",
    "kind",
    "checkworthiness",
    "speaker",
    "quote",
    "repeat_of",
    "quantities",
    "dates",
    "sources",
    "status",
    "note",
    "reviewer",
    "assignee",
    "priority",
    "due",
    "adjudicated_by",
    "adjudication_note",
    "created_at",
    "updated_at",
    "version",
)
INT_FIELDS = frozenset({"id", "article_id", "repeat_of", "version", "priority"})
LIST_FIELDS = frozenset({"quantities", "dates", "sources"})
NUMBER_FIELDS = frozenset({"checkworthiness"})
QUANTITY_FIELDS = ("surface", "value", "high", "unit", "qualifier", "of")
SOURCE_FIELDS = ("url", "label", "kind")
DATE_FIELDS = ("surface", "resolved", "granularity")


class RecordError(InputError):
    """One problem in an import file; the message names file, line, column and field."""


@dataclass
class Record:
    """A mapping read from a file, with the line it starts on and where each field sits
    (a (line, column) pair, or a column on the record's own line)."""

    data: dict[str, Any]
    file: str
    line: int
    column: int = 1
    columns: Mapping[str, tuple[int, int] | int] = field(default_factory=dict)
    raw: str | None = None

    def where(self, name: str | None = None) -> str:
        """'file:line:column' of the record, or of one of its fields when that is known."""
        line, column = self.line, self.column
        if name is not None and name in self.columns:
            place = self.columns[name]
            line, column = place if isinstance(place, tuple) else (line, place)
        elif name is not None and self.raw is not None:
            found = self.raw.find(f'"{name}"')
            if found >= 0:
                column = found + 1
        return f"{self.file}:{line}:{column}"

    def error(self, name: str | None, message: str) -> RecordError:
        prefix = f"field '{name}': " if name else ""
        return RecordError(f"{self.where(name)}: {prefix}{message}")


# ---- decoding ---------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> str:
    """UTF-8 (BOM or not) or UTF-16 with a BOM; anything else is refused with its position."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise not_utf8(name, data, error.start) from None


def not_utf8(name: str, data: bytes, offset: int, line_base: int = 1) -> RecordError:
    line = line_base + data.count(b"\n", 0, offset)
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return RecordError(
        f"{name}:{line}:{column}: not valid UTF-8 (byte 0x{data[offset]:02x}); save the file as"
        " UTF-8, e.g. `iconv -f cp1252 -t utf-8`"
    )


def read_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; one larger than max_bytes is refused before it is read."""
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise RecordError(
                f"{path}: too large ({size / (1 << 20):.0f} MiB; the limit is"
                f" {max_bytes >> 20} MiB): split it into several files"
            )
        return path.read_bytes()
    except OSError as error:
        raise RecordError(f"{path}: cannot read ({error.strerror or error})") from None


# ---- YAML manifests ---------------------------------------------------------------------------


@cache
def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of the manifest format, shipped inside the package."""
    text = resources.files("claimcheck").joinpath("schemas/manifest.schema.json").read_text()
    return json.loads(text)


def load_manifest(path: Path, text: str | None = None) -> tuple[dict[str, Any], Spot]:
    """Parse and validate a manifest; returns the data and where its parts are in the file.

    libyaml's events become plain values in one pass (claimcheck.manifest_events), then the
    compiled schema checks them. Anything unusual (an error, or YAML beyond mappings, lists and
    scalars) is read again the thorough way, composing nodes, which says exactly where and what
    is wrong."""
    name = str(path)
    if text is None:
        text = decode(read_file(path, MAX_MANIFEST_BYTES), name)
    try:
        with collector_paused():
            data, spots = read_events(text)
        if _is_valid(data):
            return data, spots
    except (Unusual, yaml.YAMLError):
        pass
    data, root = _load_composed(text, name)
    return data, spots_of(root)


def _load_composed(text: str, name: str) -> tuple[dict[str, Any], yaml.Node]:
    """The thorough reading: libyaml composes nodes, _check_nodes vets them, PyYAML constructs
    the values and the schema checks them, each error located in the file."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RecordError(f"{name}:1:1: empty manifest (expected a mapping with 'articles')")
        _check_nodes(node, name)
        data = _plain(loader.construct_document(node))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = " ".join(filter(None, [error.context, error.problem]))
        if error.context_mark and error.problem_mark and error.context_mark != mark:
            problem += f" (opened on line {error.context_mark.line + 1})"
        raise RecordError(f"{where}: malformed YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise RecordError(f"{name}: malformed YAML: {error}") from None
    finally:
        loader.dispose()
    _validate(data, node, name)
    return data, node


def _plain(value: Any) -> Any:
    """Unquoted YAML dates become ISO strings, which is what every date field holds."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _check_nodes(root: yaml.Node, name: str) -> None:
    """Refuse what must not reach the constructor: aliases (a node met twice is one reused
    through an alias, and expanding them is how a few hundred bytes become gigabytes), keys that
    appear twice in one entry, and over-long values. One pass over the composed nodes, which
    libyaml builds without expanding anything. Each stacked node carries the key it is the value
    of and a flag: for a mapping, that it is an entry of `articles`; for a scalar, that it is
    such an entry's `text`, which may be a whole article."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str | None, bool]] = [(root, None, False)]
    while stack:
        node, key, flag = stack.pop()
        if id(node) in seen:
            raise RecordError(
                f"{name}:{_pos(node)}: YAML anchors and aliases are not allowed (this value is"
                " reused through an alias); write each value out in full"
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            limit = MAX_INLINE_TEXT_CHARS if flag else MAX_FIELD_CHARS
            if len(node.value) > limit:
                label = f"field '{key}'" if key else "a value"
                raise RecordError(
                    f"{name}:{_pos(node)}: {label} is {len(node.value):,} characters long;"
                    f" the limit is {limit:,}"
                )
        elif isinstance(node, yaml.MappingNode):
            first: dict[str, yaml.Node] = {}
            children: list[tuple[yaml.Node, str | None, bool]] = []
            for key_node, value in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise RecordError(f"{name}:{_pos(key_node)}: a field name must be plain text")
                if key_node.value in first:
                    line = first[key_node.value].start_mark.line + 1
                    raise RecordError(
                        f"{name}:{_pos(key_node)}: field '{key_node.value}' appears twice in one"
                        f" entry (first on line {line})"
                    )
                first[key_node.value] = key_node
                inline_text = flag and key_node.value == "text"
                children += [(key_node, None, False), (value, key_node.value, inline_text)]
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            entries = key == "articles"
            stack.extend((item, None, entries) for item in reversed(node.value))


def _pos(node: yaml.Node) -> str:
    return f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def node_at(root: yaml.Node, path: list[Any]) -> tuple[yaml.Node, yaml.Node | None]:
    """The node at a data path, and the key node naming it (None inside sequences)."""
    node, key_node = root, None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node, key_node = value, key
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node, key_node = node.value[step], None
        else:
            break
    return node, key_node


@cache
def _fast_validator() -> Callable[[Any], Any]:
    import fastjsonschema

    return fastjsonschema.compile(manifest_schema())


def _is_valid(data: Any) -> bool:
    import fastjsonschema

    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _validate(data: Any, root: yaml.Node, name: str) -> None:
    """Check against the schema: compiled (fast) first; jsonschema for located messages."""
    import fastjsonschema
    from jsonschema.validators import validator_for

    try:
        _fast_validator()(data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    schema = manifest_schema()
    validator = validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: _line_of(root, e))
    if errors:
        raise RecordError("\n".join(_describe(error, root, name) for error in errors[:20]))


def _line_of(root: yaml.Node, error: Any) -> tuple[int, int]:
    node, _ = node_at(root, list(error.absolute_path))
    return node.start_mark.line, node.start_mark.column


def _describe(error: Any, root: yaml.Node, name: str) -> str:
    """One line for a schema error: position, field, and what to do about it."""
    path = list(error.absolute_path)
    node, key_node = node_at(root, path)
    field_name = next((str(step) for step in reversed(path) if isinstance(step, str)), None)
    where = f"{name}:{_pos(key_node or node)}"
    kind = error.validator
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        key = next((k for k, _ in node.value if k.value == unknown[0]), node)
        hint = did_you_mean(unknown[0], allowed)
        return (
            f"{name}:{_pos(key)}: unknown field '{unknown[0]}'{hint};"
            f" known fields: {', '.join(allowed)}"
        )
    if kind == "required":
        return f"{where}: missing field {error.message.split(' is a required')[0]}"
    if kind == "enum" and isinstance(error.instance, str):
        choices = [str(c) for c in error.validator_value]
        return (
            f"{where}: field '{field_name}': unknown {field_name} '{error.instance}'"
            f"{did_you_mean(error.instance, choices)}; choose one of {', '.join(choices)}"
        )
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        got = type(error.instance).__name__
        return f"{where}: field '{field_name}': expected {wanted}, got {got} {error.instance!r}"
    if kind in ("anyOf", "oneOf") and "x-error" in error.schema:
        return f"{where}: {error.schema['x-error']}"
    label = f"field '{field_name}': " if field_name else ""
    return f"{where}: {label}{error.message}"


# ---- JSONL and CSV claim records --------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines as bytes (None for one longer than a record may be, which is skipped
    without being held in memory); UTF-16 files are re-encoded as UTF-8 first."""
    with path.open("rb") as handle:
        head = handle.read(2)
        handle.seek(0)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            text = io.TextIOWrapper(handle, encoding="utf-16", newline="")
            for number, line in enumerate(_bounded(text.readline, "\n"), 1):
                yield number, None if line is None else line.encode("utf-8")
            return
        for number, line in enumerate(_bounded(handle.readline, b"\n"), 1):
            if number == 1 and line is not None and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            yield number, line


def _bounded(readline: Callable[[int], Any], newline: Any) -> Iterator[Any]:
    """Lines of at most MAX_RECORD_BYTES (and their newline); None stands for a longer one."""
    limit = MAX_RECORD_BYTES + 1
    while line := readline(limit):
        if len(line) < limit or line.endswith(newline):
            yield line
            continue
        while line and not line.endswith(newline):
            line = readline(1 << 20)
        yield None


def read_jsonl(
    path: Path, progress: Callable[[int], None] | None = None
) -> Iterator[Record | RecordError]:
    """Claim records, one JSON object per line (a bad line yields its error); blanks skipped."""
    name = str(path)
    loads = json.loads
    pending = 0
    for number, raw in _lines(path):
        if raw is None:
            yield RecordError(
                f"{name}:{number}:1: record longer than {MAX_RECORD_BYTES >> 20} MiB; skipped"
            )
            continue
        if progress is not None:
            pending += len(raw)
            if pending >= PROGRESS_STEP:
                progress(pending)
                pending = 0
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield not_utf8(name, raw, error.start, number)
            continue
        try:
            data = loads(line)
        except json.JSONDecodeError as error:
            yield RecordError(f"{name}:{number}:{error.colno}: malformed JSON: {error.msg}")
            continue
        if not isinstance(data, dict):
            yield RecordError(f"{name}:{number}:1: expected a JSON object, got {_json_type(data)}")
            continue
        yield Record(data, name, number, raw=line)
    if progress is not None and pending:
        progress(pending)


def read_csv(path: Path, progress: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Claim records, one per row under a header row; list fields hold JSON."""
    name = str(path)
    data = read_file(path)
    text = decode(data, name)
    buffer = io.StringIO(text, newline="")
    reader = csv.reader(buffer)
    reported = 0
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise RecordError(f"{name}:1:1: malformed CSV: {error}") from None
    for column, heading in enumerate(header, 1):
        if heading not in CLAIM_FIELDS:
            raise RecordError(
                f"{name}:1:{column}: unknown column '{heading}'"
                f"{did_you_mean(heading, CLAIM_FIELDS)}; known columns: {', '.join(CLAIM_FIELDS)}"
            )
    line = 2
    columns = {heading: column for column, heading in enumerate(header, 1)}
    while True:
        if progress is not None and buffer.tell() - reported >= PROGRESS_STEP:
            progress(buffer.tell() - reported)
            reported = buffer.tell()
        try:
            row = next(reader)
        except StopIteration:
            if progress is not None:
                progress(max(0, len(data) - reported))
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise RecordError(
                    f"{name}:{reader.line_num}:1: a cell is longer than {MAX_FIELD_CHARS:,}"
                    " characters"
                ) from None
            raise RecordError(f"{name}:{reader.line_num}:1: malformed CSV: {error}") from None
        if sum(map(len, row)) > MAX_RECORD_BYTES:
            raise RecordError(f"{name}:{line}:1: record longer than {MAX_RECORD_BYTES >> 20} MiB")
        if not any(cell.strip() for cell in row):
            line = reader.line_num + 1
            continue
        if len(row) != len(header):
            raise RecordError(
                f"{name}:{line}:1: {len(row)} cells where the header has {len(header)}"
            )
        record = Record({}, name, line, columns=columns)
        for heading, cell in zip(header, row, strict=True):
            record.data[heading] = _from_cell(record, heading, cell)
        yield record
        line = reader.line_num + 1


def _from_cell(record: Record, name: str, cell: str) -> Any:
    """A CSV cell as the value JSON would have held: '' is null, lists are JSON, ids numbers."""
    if cell == "":
        return [] if name in LIST_FIELDS else None
    if name in LIST_FIELDS:
        try:
            return json.loads(cell)
        except json.JSONDecodeError as error:
            raise record.error(name, f"expected a JSON list: {error.msg}") from None
    if name in INT_FIELDS:
        try:
            return int(cell)
        except ValueError:
            raise record.error(name, f"expected a whole number, got {cell!r}") from None
    if name in NUMBER_FIELDS:
        try:
            return float(cell)
        except ValueError:
            raise record.error(name, f"expected a number, got {cell!r}") from None
    return cell


def _json_type(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


_TYPES: dict[str, tuple[type, ...]] = {
    name: (int,)
    if name in INT_FIELDS
    else (int, float)
    if name in NUMBER_FIELDS
    else (list,)
    if name in LIST_FIELDS
    else (str,)
    for name in CLAIM_FIELDS
}
_TYPE_WORDS = {
    (int,): "a whole number",
    (int, float): "a number",
    (list,): "a list",
    (str,): "a string",
}
_STATUSES = frozenset(STATUSES)
_KINDS = frozenset(KINDS)


def check_claim_record(record: Record) -> dict[str, Any]:
    """Validate a JSONL/CSV claim record (hot path: plain type checks, no schema engine)."""
    data = record.data
    types = _TYPES
    for key, value in data.items():
        wanted = types.get(key)
        if wanted is None:
            raise record.error(None, f"unknown field '{key}'{did_you_mean(key, CLAIM_FIELDS)}")
        if value is not None and type(value) not in wanted:
            raise record.error(key, f"expected {_TYPE_WORDS[wanted]}, got {_json_type(value)}")
    if not data.get("text"):
        raise record.error("text", "missing: every claim needs its text")
    if data.get("article_id") is None and not data.get("article_url"):
        raise record.error(None, "no article: give article_id or article_url")
    status = data.get("status")
    if status and status not in _STATUSES:
        raise record.error(
            "status",
            f"unknown status '{status}'{did_you_mean(status, STATUSES)};"
            f" choose one of {', '.join(STATUSES)}",
        )
    kind = data.get("kind")
    if kind and kind not in _KINDS:
        raise record.error(
            "kind",
            f"unknown kind '{kind}'{did_you_mean(kind, KINDS)}; choose one of {', '.join(KINDS)}",
        )
    score = data.get("checkworthiness")
    if score is not None and not 0 <= score <= 1:
        raise record.error("checkworthiness", f"must be between 0 and 1, got {score}")
    if data.get("priority") is not None or data.get("due") is not None:
        _check_routing(record)
    for item in data.get("quantities") or ():
        _check_item(record, "quantities", item, QUANTITY_FIELDS, required=("surface", "value"))
    for item in data.get("dates") or ():
        _check_item(record, "dates", item, DATE_FIELDS, required=("surface",))
    for item in data.get("sources") or ():
        _check_item(record, "sources", item, SOURCE_FIELDS, required=())
    # A JSON string is never shorter than its value, so a short line needs no length checks.
    if record.raw is None or len(record.raw) > MAX_FIELD_CHARS:
        _check_lengths(record)
    return data


def _check_routing(record: Record) -> None:
    """A priority is 1 (most urgent) to 5; a due time is an ISO date or date-time."""
    priority = record.data.get("priority")
    if priority is not None and not 1 <= priority <= 5:
        raise record.error("priority", f"must be 1 (most urgent) to 5, got {priority}")
    due = record.data.get("due")
    if due is not None:
        try:
            datetime.datetime.fromisoformat(due)
        except ValueError:
            raise record.error(
                "due", f"expected a date (2026-12-04) or date and time, got {due!r}"
            ) from None


def _check_lengths(record: Record) -> None:
    """No field (nor a field of a quantity or source) longer than MAX_FIELD_CHARS."""
    for key, value in record.data.items():
        if type(value) is str and len(value) > MAX_FIELD_CHARS:
            raise record.error(key, f"{len(value):,} characters; the limit is {MAX_FIELD_CHARS:,}")
        for item in value if type(value) is list else ():
            for name, inner in item.items():
                if type(inner) is str and len(inner) > MAX_FIELD_CHARS:
                    raise record.error(
                        key, f"'{name}' is longer than {MAX_FIELD_CHARS:,} characters"
                    )


def _check_item(
    record: Record, name: str, item: Any, fields: tuple[str, ...], required: tuple[str, ...]
) -> None:
    if not isinstance(item, dict):
        raise record.error(name, f"each entry must be an object, got {_json_type(item)}")
    for key in item:
        if key not in fields:
            raise record.error(name, f"unknown field '{key}'{did_you_mean(key, fields)}")
    for key in required:
        if item.get(key) is None:
            raise record.error(name, f"an entry has no '{key}'")
    if name == "quantities" and type(item["value"]) not in (int, float):
        raise record.error(name, f"'value' must be a number, got {_json_type(item['value'])}")


def file_kind(path: Path) -> str:
    """yaml, jsonl or csv, from the file name."""
    suffix = os.path.splitext(path.name)[1].lower()
    kinds = {".yaml": "yaml", ".yml": "yaml", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
    if suffix not in kinds:
        raise RecordError(
            f"{path}: unknown import format '{suffix or path.name}'"
            " (use .yaml/.yml manifests, .jsonl or .csv claim files)"
        )
    return kinds[suffix]
