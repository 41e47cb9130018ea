"""A pytest plugin: makes --dist loadgroup group again under pytest 9.

pytest-xdist 3.8 marks an item's group by appending "@group" to `item._nodeid`, which pytest 9
no longer reads (a node's id lives in `item._id`). Without this, loadgroup groups nothing and each
worker makes its own pass through every page (tests/page_audit.py). It copies the grouped id
across after xdist's hook, and does nothing once xdist sets the id itself.
"""
import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    from _pytest.nodeid import NodeId
    for item in items:
        grouped = item.__dict__.get("_nodeid")
        if grouped and grouped != item.nodeid:
            item._id = NodeId.parse(grouped)
