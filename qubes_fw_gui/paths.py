"""Where the .ui files, bundled resources and translations are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _locate(package: str, checkout_dir: str) -> Path:
    # An installed wheel or RPM maps ui/, resources/ and i18n/ into the package;
    # a checkout (or an editable install) has them beside it.
    installed = _PACKAGE / package
    return installed if installed.is_dir() else _CHECKOUT / checkout_dir


def ui_file(name: str) -> Path:
    """The path of `ui/<name>` (e.g. 'rule_dialog.ui')."""
    return _locate("ui", "ui") / name


def resource(name: str) -> Path:
    """The path of `resources/<name>`."""
    return _locate("resources", "resources") / name


def translations_dir() -> Path:
    """The folder holding qubes_fw_gui_<lang>.ts (and .qm where lrelease compiled them)."""
    return _locate("translations", "i18n")
