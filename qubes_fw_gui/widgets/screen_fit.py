"""Open windows at their preferred size, but never larger than the screen they open on.

A 1366x768 laptop leaves about 1366x730 below a panel; a window taller than
that hides its OK button under the screen's edge.
"""

from __future__ import annotations

from PyQt5.QtGui import QGuiApplication
from PyQt5.QtWidgets import QWidget

FRAME_ALLOWANCE = (16, 48)  # the window manager's borders and title bar (width, height), in pixels


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width x height, shrunk to the available area of its screen."""
    handle = window.windowHandle()
    screen = handle.screen() if handle is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    window.resize(
        max(1, min(width, area.width() - FRAME_ALLOWANCE[0])),
        max(1, min(height, area.height() - FRAME_ALLOWANCE[1])),
    )
