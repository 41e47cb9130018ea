"""One reader for every data file: YAML values that know their file and line.

Every loader reads through `read_yaml`, so that every data fault names the file and the line of
the value at fault (or of the entry that lacks it), and a syntax error names its own line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from edition.errors import ContentError

# libyaml where present: the 70-odd data files are then a small part of a build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Data:
    """A value read from a data file, with the YAML node it came from (which knows its line)."""

    def __init__(self, value: Any, node: yaml.Node | None, file: str, line: int | None = None):
        self.value = value
        self.node = node
        self.file = file
        self._line = line

    @property
    def line(self) -> int:
        if self.node is not None:
            return self.node.start_mark.line + 1
        return self._line or 1

    def error(self, message: str, line: int | None = None) -> ContentError:
        return ContentError(self.file, message, line or self.line)

    def _pairs(self) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        if isinstance(self.node, yaml.MappingNode):
            yield from self.node.value

    def get(self, key: str) -> Data | None:
        """The value of `key` in a mapping (None where absent or not a mapping)."""
        if not isinstance(self.value, dict) or key not in self.value:
            return None
        for key_node, value_node in self._pairs():
            if key_node.value == str(key):
                return Data(self.value[key], value_node, self.file)
        return Data(self.value[key], None, self.file, self.line)

    def key_line(self, key: str) -> int:
        """The line of `key` itself (for a value that is empty or null)."""
        for key_node, _ in self._pairs():
            if key_node.value == str(key):
                return key_node.start_mark.line + 1
        return self.line

    def require(self, key: str, what: str = "") -> Data:
        """The value of `key`; its absence (or an empty value) is an error at this entry's line."""
        if not isinstance(self.value, dict):
            raise self.error(f"expected a mapping with `{key}:`" + (f" ({what})" if what else ""))
        found = self.get(key)
        if found is None or found.value is None or (isinstance(found.value, (str, list, dict)) and not found.value):
            line = self.key_line(key) if found is not None else self.line
            raise self.error(f"`{key}:` is missing" + (f" ({what})" if what else ""), line)
        return found

    def text(self, key: str, what: str = "") -> str:
        """A required, non-empty string."""
        found = self.require(key, what)
        if not isinstance(found.value, (str, int, float)) or not str(found.value).strip():
            raise found.error(f"`{key}:` must be text" + (f" ({what})" if what else ""))
        return str(found.value)

    def in_languages(self, key: str, languages, what: str) -> dict[str, str]:
        """`key: {nl: ..., en: ...}`: a non-empty text in each language; `what` names the entry
        in the message ("concept 'trots'"), which points at the line of `key:`."""
        table = self.require(key, f"{what}: a text per language")
        texts = {}
        for lang in languages:
            value = table.value.get(lang) if isinstance(table.value, dict) else None
            if not isinstance(value, (str, int, float)) or not str(value).strip():
                raise self.error(f"{what} has no {key} in language '{lang}' (add {key}: {lang}: ...)",
                                 self.key_line(key))
            texts[lang] = str(value)
        return texts

    def items(self) -> Iterator[tuple[str, Data]]:
        """(key, value) of a mapping, in the file's order."""
        if not isinstance(self.value, dict):
            return
        for key_node, value_node in self._pairs():
            key = key_node.value
            yield key, Data(self.value.get(key, self.value.get(_scalar(key))), value_node, self.file)

    def __iter__(self) -> Iterator[Data]:
        """The items of a sequence (nothing for anything else)."""
        if not isinstance(self.value, list):
            return
        nodes = self.node.value if isinstance(self.node, yaml.SequenceNode) else [None] * len(self.value)
        for value, node in zip(self.value, nodes):
            yield Data(value, node, self.file, self.line)

    def sequence(self, key: str, what: str = "") -> list[Data]:
        """An optional list under `key` (an error if it is there but not a list)."""
        found = self.get(key)
        if found is None or found.value is None:
            return []
        if not isinstance(found.value, list):
            raise found.error(f"`{key}:` must be a list" + (f" ({what})" if what else ""))
        return list(found)


def _scalar(key: str):
    """A key as YAML typed it (`2010:` is an int), for looking it up in the constructed value."""
    try:
        return yaml.safe_load(key)
    except yaml.YAMLError:
        return key


def parse_yaml(text: str, file: str) -> Data:
    try:
        loader = LOADER(text)
        try:
            node = loader.get_single_node()
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed bracket or quote) is where to look;
        # the parser notices only further on, which the message adds.
        start, found = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if start is not None and found is not None and start.line != found.line:
            problem += f" (noticed on line {found.line + 1}, {error.context} on line {start.line + 1})"
        mark = start or found
        raise ContentError(file, f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    return Data(value, node, file, 1)


def read_yaml(path: Path, shown: Callable[[Path], str] | str | None = None) -> Data:
    """A data file's content; `shown` names it in errors (a name, or a function of the path)."""
    file = shown(path) if callable(shown) else (shown or str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(file, "the file is missing") from None
    return parse_yaml(text, file)
