"""Shared test set-up. Qt runs offscreen everywhere: tests and CI have no display."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))


# -- the sandbox dom0 every GUI and Admin API test stands on ---------------------


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator["EmbeddedSandbox"]:
    """A fresh spec-mode sandbox dom0 (demo world, accepts `dpi`), state in tmp_path."""
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    with EmbeddedSandbox(tmp_path / "sandbox") as running:
        yield running


@pytest.fixture
def stock_sandbox(tmp_path: Path) -> Iterator["EmbeddedSandbox"]:
    """Like `sandbox`, but rejects `dpi` exactly as today's qubesd."""
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    with EmbeddedSandbox(tmp_path / "stock-sandbox", stock=True) as running:
        yield running


@pytest.fixture
def sandbox_port(sandbox: "EmbeddedSandbox") -> "SocketAdminPort":
    """The socket adapter talking to `sandbox`."""
    from qubes_fw_gui.admin.socket_client import SocketAdminPort

    return SocketAdminPort(sandbox.socket_path)


@pytest.fixture
def qubesd_recording() -> Path:
    """The folder of the real qubesd recording (shared/data beside this checkout, as in CI).

    A fresh clone on its own has no shared/ beside it: then the tests that compare
    with the recording skip and say where they looked.
    """
    folder = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not (folder / "rules-example-get.txt").is_file():
        pytest.skip(f"the real qubesd recording is not beside this checkout ({folder})")
    return folder
