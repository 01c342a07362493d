"""Shared set-up of the packaging tests: a copy of the checkout to build from.

Builds never run in the shared working tree (build/, *.egg-info); they run on a copy of
what `git ls-files` sees: tracked files plus new ones git does not ignore, i.e. exactly
what a fresh clone would hold once committed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]


def checkout_files() -> list[Path]:
    """Paths (relative to the checkout) a fresh clone would have, committed work or not."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=CHECKOUT, check=True, capture_output=True,
        ).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the packaging tests need a git checkout")
    return [Path(name) for name in listed if name and (CHECKOUT / name).is_file()]


@pytest.fixture(scope="session")
def source_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout's files in a temporary folder."""
    target = tmp_path_factory.mktemp("source") / "qubes-fw-gui"
    for relative in checkout_files():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CHECKOUT / relative, target / relative)
    return target
