"""Tests of elements for BeautifulSoup's find_all, in place of CSS selectors in the page steps.

soupsieve compiles each new selector into regular expressions once per process: the dozen
selectors of the page steps cost about 0.1 s of every language's build, more than the walks
they select in. Each test here reads as the selector it stands for (written beside it).
"""
from __future__ import annotations

from collections.abc import Callable

from bs4 import Tag

Test = Callable[[Tag], bool]


def has_class(tag: Tag, name: str) -> bool:
    classes = tag.get("class") or []
    return name in (classes.split() if isinstance(classes, str) else classes)


def element(name: str | None = None, cls: str | None = None, id_prefix: str | None = None,
            attribute: str | None = None, has: Test | None = None, parent: Test | None = None) -> Test:
    """`name.cls[id^=id_prefix][attribute]:has(has)`, a child (`>`) of `parent`; None: any."""
    def test(tag: Tag) -> bool:
        return ((name is None or tag.name == name) and (cls is None or has_class(tag, cls))
                and (id_prefix is None or str(tag.get("id", "")).startswith(id_prefix))
                and (attribute is None or tag.has_attr(attribute))
                and (has is None or tag.find(has) is not None)
                and (parent is None or (tag.parent is not None and parent(tag.parent))))
    return test


def any_of(*tests: Test) -> Test:
    """Selectors separated by commas (find_all keeps document order and each element once)."""
    return lambda tag: any(test(tag) for test in tests)
