"""The small inline message shown under a form field: red for errors, amber for warnings.

Validation problems are never shown in a message box: each one appears next
to the field it is about, as the person types, and disappears once fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

ERROR_COLOUR = "#c01c28"
WARNING_COLOUR = "#9c5d00"  # amber dark enough to read on a light window background


class ProblemLike(Protocol):
    level: str
    message: str


class FieldStatus(QWidget):
    """An icon and a wrapped message; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.PlainText)
        self._text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._text.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(4)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self._level = ""
        self.hide()

    def set_problems(self, problems: Sequence[ProblemLike]) -> None:
        """Show the given problems (errors first); an empty list hides the widget."""
        ordered = sorted(problems, key=lambda problem: problem.level != "error")
        if not ordered:
            self._level = ""
            self._text.clear()
            self.hide()
            return
        self._level = ordered[0].level
        colour = ERROR_COLOUR if self._level == "error" else WARNING_COLOUR
        self._text.setText("\n".join(problem.message for problem in ordered))
        self._text.setStyleSheet(f"color: {colour};")
        icon = QStyle.SP_MessageBoxCritical if self._level == "error" else QStyle.SP_MessageBoxWarning
        size = self._text.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.setAccessibleDescription(self._text.text())
        self.show()

    def text(self) -> str:
        """The message shown, empty when none (what a person reads; tests check it)."""
        return self._text.text()

    def level(self) -> str:
        """'error', 'warning' or '' when nothing is shown."""
        return self._level
