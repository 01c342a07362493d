"""The full-access launcher: a valid desktop entry, and a per-qube copy made as its comment says."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from qubes_fw_gui import paths
from qubes_fw_gui.cli import build_parser

ENTRY = paths.resource("qubes-fw-full-access.desktop")


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (package desktop-file-utils)")
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)


def read_entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def per_qube_copy(qube: str) -> str:
    """Exactly the sed command the entry's own comment gives."""
    command = re.search(r"#\s+sed (-e '[^']*' -e '[^']*') \\$", ENTRY.read_text(), re.MULTILINE)
    assert command is not None, "the entry must say how to make a copy for one qube"
    args = shlex.split(command.group(1).replace("QUBE/work", f"QUBE/{qube}"))
    return subprocess.run(["sed", *args, str(ENTRY)], capture_output=True, text=True, check=True).stdout


def test_the_shipped_template_is_valid_and_hidden() -> None:
    result = validate(ENTRY)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = read_entry(ENTRY.read_text())
    assert entry["NoDisplay"] == "true"  # no menu item that would open a qube named QUBE
    assert entry["Icon"] == "qubes-fw-full-access"
    assert paths.resource("icons/qubes-fw-full-access.svg").is_file()


def test_a_copy_for_one_qube_is_a_valid_launcher_of_its_button(tmp_path: Path) -> None:
    copy = tmp_path / "qubes-fw-full-access-personal.desktop"
    copy.write_text(per_qube_copy("personal"))
    result = validate(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = read_entry(copy.read_text())
    assert "NoDisplay" not in entry
    assert entry["Name"] == "Full access for personal"
    program, *argv = shlex.split(entry["Exec"])
    assert program == "qubes-fw-gui"
    args = build_parser().parse_args(argv)
    assert (args.full_access, args.minutes) == ("personal", 15)
