"""Menu entries: valid for the desktop, launching a command the package installs, with an icon."""

from __future__ import annotations

import shutil
import subprocess
from importlib.metadata import entry_points
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ENTRIES = sorted(RESOURCES.glob("*.desktop"))


def _keys(entry: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in entry.read_text().splitlines() if "=" in line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_the_editor_and_the_full_access_button_have_entries() -> None:
    assert {"qubes-fw-gui.desktop", "qubes-fw-full-access.desktop"} <= {e.name for e in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda p: p.name)
def test_entry_passes_desktop_file_validate(entry: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate not installed (apt-get install desktop-file-utils)")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout + done.stderr


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda p: p.name)
def test_entry_runs_an_installed_command_and_has_its_icon(entry: Path) -> None:
    keys = _keys(entry)
    commands = {ep.name for ep in entry_points(group="console_scripts") if ep.name.startswith("qubes-fw-")}
    assert keys["Exec"].split()[0] in commands, f"{keys['Exec']!r} runs no command the package installs"
    assert (RESOURCES / "icons" / f"{keys['Icon']}.svg").is_file(), f"no resources/icons/{keys['Icon']}.svg"
