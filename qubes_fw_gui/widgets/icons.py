"""Icons from the desktop theme, with small bundled SVGs where the theme has none."""

from __future__ import annotations

from PyQt5.QtGui import QIcon

from qubes_fw_gui import paths


def themed_icon(name: str) -> QIcon:
    """The freedesktop icon `name`, or resources/icons/<name>.svg."""
    fallback = paths.resource(f"icons/{name}.svg")
    return QIcon.fromTheme(name, QIcon(str(fallback)) if fallback.is_file() else QIcon())
