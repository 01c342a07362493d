"""Where the .ui files and bundled resources are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _locate(package: str, checkout_dir: str) -> Path:
    # An installed wheel maps ui/ and resources/ into the package; a checkout has them beside it.
    installed = Path(__file__).resolve().parent / package
    return installed if installed.is_dir() else _CHECKOUT / checkout_dir


def ui_file(name: str) -> Path:
    """The path of `ui/<name>` (e.g. 'rule_dialog.ui')."""
    return _locate("ui", "ui") / name


def resource(name: str) -> Path:
    """The path of `resources/<name>`."""
    return _locate("resources", "resources") / name
