"""The rule table: one Qt model over the rule list, one QTableView, no widget per cell.

Rows are the rules a person orders, then one pinned row for the default
action ("Anything else: drop"). Edits never happen here: the view asks the
firewall tab (which owns the undo stack) through signals, so every change is
one undoable command.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

from PyQt5.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    Qt,
    pyqtSignal,
)
from PyQt5.QtGui import QBrush, QColor, QFont, QIcon, QKeySequence
from PyQt5.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from qubes_fw_gui.editor.markers import Marker
from qubes_fw_gui.editor.rulelist_split import join_default, split_default
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets import rule_text
from qubes_fw_gui.widgets.countdown import format_ends

COL_NUMBER, COL_ACTION, COL_TARGET, COL_PROTO, COL_PORT, COL_L7, COL_EXPIRES, COL_COMMENT = range(8)
COLUMN_COUNT = 8
ROW_MIME = "application/x-qubes-fw-gui-rule-rows"
FIT_ROWS = 60  # rows measured to size a column: about a screenful

ACCEPT_BACKGROUND = QColor("#dcf2d6")
ACCEPT_FOREGROUND = QColor("#1e5a12")
DROP_BACKGROUND = QColor("#f7d9d9")
DROP_FOREGROUND = QColor("#8a1515")
HIGHLIGHT_BACKGROUND = QColor("#fff1a8")


class RuleTableModel(QAbstractTableModel):
    """The rules plus the pinned default row. data() is O(1): rows are formatted lazily, once."""

    move_requested = pyqtSignal(list, int)  # rows dragged, row to insert before

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body: list[Rule] = []
        self._default: Rule | None = None
        self._texts: dict[int, tuple[str, ...]] = {}
        self._markers: list[Marker | None] = []
        self._highlight: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._icons: dict[str, QIcon] = {}
        self._unread: str | None = None

    # -- the list ----------------------------------------------------------

    def set_rules(self, rules: Sequence[Rule]) -> None:
        body, default = split_default(rules)
        self.set_parts(body, default)

    def set_unread(self, text: str | None) -> None:
        """What the pinned row says while the rules were not (yet) read: never a default action
        the qube may not have. None once a list is shown."""
        self._unread = text
        self._texts.pop(self.pinned_row, None)
        if self.rowCount():
            index = self.index(self.pinned_row, 0)
            self.dataChanged.emit(index, self.index(self.pinned_row, self.columnCount() - 1))

    def set_parts(self, body: Sequence[Rule], default: Rule | None) -> None:
        self.beginResetModel()
        self._unread = None
        self._body = list(body)
        self._default = default
        self._texts.clear()
        self._markers = []
        self._highlight = None
        self.endResetModel()

    def body(self) -> list[Rule]:
        return list(self._body)

    def default(self) -> Rule | None:
        return self._default

    def rules(self) -> list[Rule]:
        return join_default(self._body, self._default)

    @property
    def pinned_row(self) -> int:
        return len(self._body)

    def rule_at(self, row: int) -> Rule | None:
        if 0 <= row < len(self._body):
            return self._body[row]
        return self._default if row == self.pinned_row else None

    def set_markers(self, markers: Sequence[Marker | None]) -> None:
        """Markers for rules() (body then default), computed in the background."""
        if len(markers) != len(self.rules()):
            return  # computed for a list that has changed since; a newer run follows
        self._markers = list(markers)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def marker(self, row: int) -> Marker | None:
        return self._markers[row] if row < len(self._markers) else None

    def set_highlight(self, row: int | None) -> None:
        """Mark the row that decides a tested connection (None clears it)."""
        old, self._highlight = self._highlight, row
        for changed in {old, row} - {None}:
            self.dataChanged.emit(self.index(changed, 0), self.index(changed, COLUMN_COUNT - 1))

    def highlighted_row(self) -> int | None:
        return self._highlight

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._body) + 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: ANN201, N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (
            self.tr("#"),
            self.tr("Action"),
            self.tr("Target"),
            self.tr("Protocol"),
            self.tr("Port / ICMP type"),
            self.tr("L7 protocol"),
            self.tr("Expires"),
            self.tr("Comment"),
        )[section]

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is None:
            texts = self._format(row)
            self._texts[row] = texts
        return texts

    def _format(self, row: int) -> tuple[str, ...]:
        if row == self.pinned_row:
            return ("", self.default_text(), "", "", "", "", "", (self._default.comment or "") if self._default else "")
        rule = self._body[row]
        return (
            str(row + 1),
            self.tr("accept") if rule.action == "accept" else self.tr("drop"),
            rule_text.target_text(rule),
            rule_text.proto_text(rule),
            rule_text.port_or_icmp_text(rule),
            rule_text.l7_text(rule),
            "",  # Expires: live, see _expires_text
            rule.comment or "",
        )

    def default_text(self) -> str:
        if self._unread:
            return self._unread
        if self._default is None:
            return self.tr("Anything else: drop (implicit, qubesd's policy)")
        if self._default.action == "accept":
            return self.tr("Anything else: accept")
        return self.tr("Anything else: drop")

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):  # noqa: ANN201, C901
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.DisplayRole:
            if column == COL_EXPIRES:
                return self._expires_text(row)
            return self._row_texts(row)[column]
        if role == Qt.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.DecorationRole and column == COL_NUMBER:
            marker = self.marker(row)
            return self._icon(marker.level) if marker is not None else None
        action = self._action_at(row)
        if role == Qt.BackgroundRole:
            if row == self._highlight:
                return QBrush(HIGHLIGHT_BACKGROUND)
            if column == COL_ACTION:
                return QBrush(ACCEPT_BACKGROUND if action == "accept" else DROP_BACKGROUND)
            return None
        if role == Qt.ForegroundRole and column == COL_ACTION:
            return QBrush(ACCEPT_FOREGROUND if action == "accept" else DROP_FOREGROUND)
        if role == Qt.FontRole and (row == self.pinned_row or row == self._highlight):
            return self._bold
        if role == Qt.TextAlignmentRole and column == COL_NUMBER:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _expires_text(self, row: int) -> str:
        # Live: "ends 14:32:05 (in 12:41)", recomputed from the clock at each paint.
        rule = self.rule_at(row)
        if rule is None or rule.expire is None or row == self.pinned_row:
            return ""
        return format_ends(rule.expire, time.time())

    def has_expiring_rules(self) -> bool:
        return any(rule.expire is not None for rule in self._body)

    def clock_ticked(self) -> None:
        """Repaint the Expires column (the view only repaints the visible cells)."""
        if self._body:
            self.dataChanged.emit(self.index(0, COL_EXPIRES), self.index(len(self._body) - 1, COL_EXPIRES))

    def _action_at(self, row: int) -> str:
        rule = self.rule_at(row)
        return rule.action if rule is not None else "drop"

    def _tooltip(self, row: int, column: int) -> str | None:
        marker = self.marker(row)
        if column == COL_NUMBER and marker is not None:
            return "\n".join(marker.messages)
        if row == self.pinned_row:
            return self.tr(
                "What happens to traffic that no rule above matches. Without an explicit "
                "default rule, qubesd's policy drops it."
            )
        if column == COL_TARGET:
            rule = self._body[row]
            if rule.target is not None and rule.target.kind == "dsthost":
                # The name first: a long one may be cut off in the column.
                return self._row_texts(row)[column] + "\n" + self.tr(
                    "The FirewallVM resolves this host name once, when the rules are applied, "
                    "not for each connection."
                )
        if column == COL_EXPIRES:
            rule = self._body[row]
            if rule.expire is not None:
                return self.tr("dom0 removes this rule at {time}.").format(time=rule_text.expire_text(rule.expire))
        text = self._row_texts(row)[column]
        return text or None

    def _icon(self, level: str) -> QIcon:
        icon = self._icons.get(level)
        if icon is None:
            from PyQt5.QtWidgets import QApplication

            pixmap = {
                "error": QStyle.SP_MessageBoxCritical,
                "warning": QStyle.SP_MessageBoxWarning,
            }.get(level, QStyle.SP_MessageBoxInformation)
            icon = QApplication.style().standardIcon(pixmap)
            self._icons[level] = icon
        return icon

    # -- drag to reorder ---------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.row() != self.pinned_row:
            flags |= Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
        else:
            flags |= Qt.ItemIsDropEnabled  # dropping on it means "just before the default"
        return flags

    def supportedDropActions(self) -> Qt.DropActions:  # noqa: N802
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.row() != self.pinned_row})
        data = QMimeData()
        data.setData(ROW_MIME, QByteArray(json.dumps(rows).encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        return action == Qt.MoveAction and data.hasFormat(ROW_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        rows = json.loads(bytes(data.data(ROW_MIME)).decode("ascii"))
        if row < 0:
            row = parent.row() if parent.isValid() else self.pinned_row
        if rows:
            self.move_requested.emit(rows, min(row, self.pinned_row))
        # False: the view must not remove the source rows; the move command did it all.
        return False


class RuleTableView(QTableView):
    """Keyboard: Enter edits, Delete deletes, Ctrl+Up/Down moves, Insert adds."""

    edit_requested = pyqtSignal(int)
    add_requested = pyqtSignal()
    delete_requested = pyqtSignal()
    move_requested = pyqtSignal(int)  # -1 up, +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Uniform row heights: the view never measures 4,000 rows.
        vertical.setSectionResizeMode(QHeaderView.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        horizontal = self.horizontalHeader()
        horizontal.setStretchLastSection(True)
        horizontal.setHighlightSections(False)
        self.doubleClicked.connect(lambda index: self.edit_requested.emit(index.row()))

    def setModel(self, model: RuleTableModel) -> None:  # noqa: N802
        super().setModel(model)
        model.modelReset.connect(self._span_pinned_row)
        model.rowsInserted.connect(self._span_pinned_row)
        model.rowsRemoved.connect(self._span_pinned_row)
        self._span_pinned_row()
        self.fit_columns()

    def fit_columns(self, *, grow_only: bool = False) -> None:
        """Size the columns to what the rules hold; Comment takes the rest.

        Measured on the rows in view (at most FIT_ROWS), never on all 4,000: the
        cheap part. L7 protocol and Expires are hidden while no rule uses them.
        `grow_only` keeps a column from shrinking after an edit (the person's
        own widening stays).
        """
        model = self.model()
        if model is None:
            return
        body = model.body()
        self.setColumnHidden(COL_L7, not any(rule.l7 is not None for rule in body))
        self.setColumnHidden(COL_EXPIRES, not any(rule.expire is not None for rule in body))
        rows = self._rows_to_measure(len(body))
        header = self.horizontalHeader()
        # One long host name must not push the comment out of sight: its tooltip has it all.
        limit = max(140, self.viewport().width() * 2 // 5)
        for column in range(COL_COMMENT):
            if self.isColumnHidden(column):
                continue
            width = header.sectionSizeHint(column)
            if column == COL_EXPIRES:
                width = max(width, self._expires_width(body))
            else:
                for row in rows:
                    width = max(width, self.sizeHintForIndex(model.index(row, column)).width())
            width = min(width + 6, limit)
            if not grow_only or width > self.columnWidth(column):
                self.setColumnWidth(column, width)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.fit_columns(grow_only=True)  # filled while hidden: measured without the real width

    def _rows_to_measure(self, count: int) -> range:
        top = max(0, self.rowAt(0))
        return range(top, min(count, top + FIT_ROWS))

    def _expires_width(self, body: Sequence[Rule]) -> int:
        # The countdown changes every second: measure it with its widest digits.
        now = time.time()
        ends = sorted({rule.expire for rule in body if rule.expire is not None})[:FIT_ROWS]
        metrics = self.fontMetrics()
        widest = 0
        for until in ends:
            text = "".join("8" if char.isdigit() else char for char in format_ends(until, now))
            widest = max(widest, metrics.horizontalAdvance(text))
        return widest + 2 * self.style().pixelMetric(QStyle.PM_FocusFrameHMargin) + 12

    def _span_pinned_row(self) -> None:
        model = self.model()
        self.clearSpans()
        if model is not None and model.rowCount():
            self.setSpan(model.pinned_row, COL_ACTION, 1, COL_COMMENT - COL_ACTION)

    def selected_rows(self) -> list[int]:
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted({index.row() for index in selection.selectedRows()})

    def select_rows(self, rows: Sequence[int]) -> None:
        model = self.model()
        selection_model = self.selectionModel()
        if model is None or selection_model is None:
            return
        selection = QItemSelection()
        for row in rows:
            if 0 <= row < model.rowCount():
                selection.select(model.index(row, 0), model.index(row, COLUMN_COUNT - 1))
        flags = QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        selection_model.select(selection, flags)
        if rows and 0 <= rows[0] < model.rowCount():
            selection_model.setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.NoUpdate)
            self.scrollTo(model.index(rows[0], 0))

    def drop_row_at(self, pos) -> int:  # noqa: ANN001 - a QPoint in viewport coordinates
        """The row a drop at `pos` goes before: the upper half of a row means before it."""
        model = self.model()
        index = self.indexAt(pos)
        if not index.isValid():
            return model.pinned_row
        row = index.row()
        if pos.y() > self.visualRect(index).center().y():
            row += 1
        return min(row, model.pinned_row)

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        # Qt's own handler refuses drops whose source is not this view and would
        # ask the model to remove the source rows; the move command does it all.
        data = event.mimeData()
        if not data.hasFormat(ROW_MIME):
            event.ignore()
            return
        self.model().dropMimeData(data, Qt.MoveAction, self.drop_row_at(event.pos()), 0, QModelIndex())
        event.setDropAction(Qt.MoveAction)
        event.accept()
        self.setState(QAbstractItemView.NoState)
        self.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit(self.currentIndex().row())
        elif event.matches(QKeySequence.Delete) or key == Qt.Key_Delete:
            self.delete_requested.emit()
        elif key == Qt.Key_Insert:
            self.add_requested.emit()
        elif modifiers & Qt.ControlModifier and key in (Qt.Key_Up, Qt.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key_Up else 1)
        else:
            super().keyPressEvent(event)
