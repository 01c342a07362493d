"""The small inline message shown under a form field: red for errors, amber for warnings.

Validation problems are never shown in a message box: each one appears next
to the field it is about, as the person types, and disappears once fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PyQt5.QtCore import QEvent, QObject, Qt
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
        # A wrapped label in a grid gets one line's height unless told what it needs at its width.
        self._text.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._text and event.type() == QEvent.Resize:
            self._fit_height()
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        width = self._text.width()
        if width > 0:
            margins = self.layout().contentsMargins()
            needed = self._text.heightForWidth(width) + margins.top() + margins.bottom()
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    def set_problems(self, problems: Sequence[ProblemLike]) -> None:
        """Show the given problems (errors first); an empty list hides the widget."""
        ordered = sorted(problems, key=lambda problem: problem.level != "error")
        if not ordered:
            self._show("", "")
            return
        level = ordered[0].level
        self._show(level, "\n".join(problem.message for problem in ordered))

    def set_note(self, text: str | None) -> None:
        """A neutral note (level 'info'), e.g. what the FirewallVM supports."""
        self._show("info" if text else "", text or "")

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, for code that treats it as one
        self.set_note(text)

    def _show(self, level: str, text: str) -> None:
        if (level, text) == (self._level, self._text.text()):
            return  # re-checking every keystroke must not make the layout flicker
        self._level = level
        if not text:
            self._text.clear()
            self.hide()
            return
        colour = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR}.get(level)
        self._text.setText(text)
        self._text.setStyleSheet(f"color: {colour};" if colour else "")
        icon = {
            "error": QStyle.SP_MessageBoxCritical,
            "warning": QStyle.SP_MessageBoxWarning,
        }.get(level, QStyle.SP_MessageBoxInformation)
        size = self._text.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.setAccessibleDescription(text)
        self.show()
        self._fit_height()

    def text(self) -> str:
        """The message shown, empty when none (what a person reads; tests check it)."""
        return self._text.text()

    def level(self) -> str:
        """'error', 'warning', 'info' or '' when nothing is shown."""
        return self._level

