"""Fixtures of the widget tests."""

import pytest

from tests.widgets.helpers import drain


@pytest.fixture
def port(sandbox_port):
    """The sandbox's socket port; at the end, the calls in flight finish before the sandbox stops."""
    yield sandbox_port
    drain()
