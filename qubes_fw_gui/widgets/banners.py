"""Inline bars above the rule table: warnings about the network, save errors, outside changes.

Bars, not popups: the message stays next to the rules it is about, and the
person can go on editing while it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

_STYLES = {
    "info": ("#e8f0fb", "#3465a4"),
    "warning": ("#fff4d6", "#c49000"),
    "error": ("#fbe3e3", "#cc0000"),
}
_ICONS = {
    "info": QStyle.SP_MessageBoxInformation,
    "warning": QStyle.SP_MessageBoxWarning,
    "error": QStyle.SP_MessageBoxCritical,
}


class InlineBar(QFrame):
    """A coloured bar: icon, message, and optional buttons that act on it."""

    def __init__(self, level: str, text: str, parent: QWidget | None = None, *, closable: bool = False) -> None:
        super().__init__(parent)
        self.level = level
        background, border = _STYLES[level]
        self.setObjectName(f"{level}Bar")
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {background}; border: 1px solid {border}; border-radius: 3px; }}"
            f" #{self.objectName()} QLabel {{ color: #1a1a1a; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(size, size))
        icon.setAlignment(Qt.AlignTop)
        layout.addWidget(icon)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        if closable:
            self.add_button(self.tr("Dismiss"), self.hide, name="dismiss")

    def text(self) -> str:
        return self.label.text()

    def add_button(self, text: str, slot: Callable[[], None], *, name: str | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.layout().addWidget(button, 0, Qt.AlignTop)
        self.buttons[name or text] = button
        return button
