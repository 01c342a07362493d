"""`qubes-fw-gui` without a qube: the list of qubes with their netvm and firewall state.

Double-click (or Enter, or "Open firewall…") opens the qube's dialog. The
list follows admin.Events, so a qube started elsewhere or a rule changed
with qvm-firewall shows without pressing Refresh.
"""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5 import sip, uic
from PyQt5.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PyQt5.QtGui import QColor, QIcon, QPixmap
from PyQt5.QtWidgets import QHeaderView, QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.admin.port import AdminPort
from qubes_fw_gui.editor.overview import QubeRow, read_overview
from qubes_fw_gui.editor.summary import FirewallSummary
from qubes_fw_gui.widgets.event_follower import EventFollower
from qubes_fw_gui.widgets.power_state import power_state_text
from qubes_fw_gui.widgets.screen_fit import fit_to_screen
from qubes_fw_gui.widgets.worker import run_in_background

COL_QUBE, COL_CLASS, COL_STATE, COL_NETVM, COL_FIREWALL = range(5)


class QubeListModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QubeRow] = []
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: Sequence[QubeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_info(self, row: int) -> QubeRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: ANN201, N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("Qube"), self.tr("Class"), self.tr("State"), self.tr("Netvm"), self.tr("Firewall"))[section]

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        info, column = entry.info, index.column()
        if role == Qt.DisplayRole:
            return (
                info.name,
                info.klass,
                power_state_text(info.state),
                info.netvm or self.tr("(none)"),
                self.summary_text(entry.summary, entry.error),
            )[column]
        if role == Qt.DecorationRole and column == COL_QUBE and entry.colour:
            return self._swatch(entry.colour)
        if role == Qt.ToolTipRole and column == COL_QUBE:
            return self.tr("label: {label}").format(label=info.label)
        if role == Qt.ForegroundRole and column == COL_FIREWALL and entry.summary is not None:
            if entry.summary.kind in ("direct-access", "not-enforced"):
                return QColor("#a05a00")
        return None

    def summary_text(self, summary: FirewallSummary | None, error: str) -> str:
        if summary is None:
            return self.tr("cannot read: {error}").format(error=error) if error else ""
        if summary.kind == "no-network":
            return self.tr("no network")
        if summary.kind == "direct-access":
            return self.tr("direct network access: rules not applied")
        if summary.kind == "not-enforced":
            return self.tr("netvm does not enforce")
        if summary.kind == "accept-all":
            return self.tr("accept all")
        default = self.tr("default accept") if summary.default == "accept" else self.tr("default drop")
        if summary.count == 1:
            return self.tr("1 rule, {default}").format(default=default)
        return self.tr("{count} rules, {default}").format(count=summary.count, default=default)

    def _swatch(self, colour: str) -> QIcon:
        icon = self._icons.get(colour)
        if icon is None:
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor("#" + colour[2:] if colour.startswith("0x") else colour))
            icon = QIcon(pixmap)
            self._icons[colour] = icon
        return icon


class QubeFilter(QSortFilterProxyModel):
    """Filters on what names a qube (name, class, state, netvm), not on the firewall summary:
    typing "work" must not also list every qube whose summary says "no network"."""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        wanted = self.filterRegExp().pattern().casefold()
        if not wanted:
            return True
        model = self.sourceModel()
        for column in (COL_QUBE, COL_CLASS, COL_STATE, COL_NETVM):
            text = model.index(source_row, column, source_parent).data() or ""
            if wanted in text.casefold():
                return True
        return False


class QubeChooser(QWidget):
    def __init__(self, port: AdminPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("chooser.ui"), self)
        self.port = port
        self.dialogs: dict[str, QWidget] = {}
        self.model = QubeListModel(self)
        self.proxy = QubeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(COL_QUBE, QHeaderView.ResizeToContents)
        self.table.sortByColumn(COL_QUBE, Qt.AscendingOrder)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.openButton.clicked.connect(self._open_current)
        self.refreshButton.clicked.connect(self.refresh)
        self.filterEdit.textChanged.connect(self._filter)
        # Enter in the filter opens the qube it selected, as the intro line promises.
        self.filterEdit.returnPressed.connect(self._open_current)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(300)
        self._refresh_soon.timeout.connect(self._refresh_if_shown)
        self._follower = EventFollower(port, None, self)
        self._follower.firewall_changed.connect(self._refresh_soon.start)
        self._follower.qube_changed.connect(lambda _name: self._refresh_soon.start())
        self._follower.start()
        fit_to_screen(self, 900, 540)  # the demo world's ten qubes without a scroll bar
        self.refresh()

    def set_sandbox_note(self, text: str) -> None:
        self.sandboxNote.setText(text)
        self.sandboxNote.setVisible(bool(text))
        if text:
            # Qt adds " — Qubes firewall" (the application's name) after a title that does not end with it.
            self.setWindowTitle(self.tr("Choose a qube (sandbox dom0, demo qubes)"))

    def _refresh_if_shown(self) -> None:
        if self.isVisible():  # a dialog closed after the chooser: nobody to show the list to
            self.refresh()

    def refresh(self) -> None:
        self.statusLabel.setText(self.tr("Reading the qubes…"))
        self.refreshButton.setEnabled(False)
        run_in_background(lambda: read_overview(self.port), self._show, self._failed, self)

    def _show(self, rows: list[QubeRow]) -> None:
        current = self._current_name()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.refreshButton.setEnabled(True)
        self.statusLabel.setStyleSheet("")  # no longer the red of an earlier failure
        self._show_count()
        if current is not None:
            self.select(current)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def _failed(self, error: Exception) -> None:
        self.refreshButton.setEnabled(True)
        self.statusLabel.setText(self.tr("Cannot list the qubes: {error}").format(error=getattr(error, "message", str(error))))
        self.statusLabel.setStyleSheet("color: #cc0000;")

    def names(self) -> list[str]:
        return [self.proxy.index(row, COL_QUBE).data() for row in range(self.proxy.rowCount())]

    def text_of(self, qube: str, column: int) -> str | None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, COL_QUBE).data() == qube:
                return self.proxy.index(row, column).data()
        return None

    def select(self, qube: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, COL_QUBE).data() == qube:
                self.table.selectRow(row)
                return

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.statusLabel.setText(self.tr("%n qube(s)", "", total))
        else:
            self.statusLabel.setText(self.tr("%n of {total} qubes shown", "", shown).format(total=total))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()
        names = self.names()
        if not names:
            return
        wanted = text.strip().casefold()
        exact = [name for name in names if name.casefold() == wanted]
        current = self._current_name()
        if exact:
            self.select(exact[0])
        elif current not in names:
            self.table.selectRow(0)

    def _current_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data() if rows else None

    def _open_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, proxy_row: int) -> QWidget:
        name = self.proxy.index(proxy_row, COL_QUBE).data()
        return self.open_qube(name)

    def open_qube(self, name: str) -> QWidget:
        from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

        dialog = self.dialogs.get(name)
        if dialog is None or not dialog.isVisible():
            dialog = QubeFirewallDialog(self.port, name)
            if self.sandboxNote.isVisible():
                dialog.set_sandbox_note(self.sandboxNote.text())
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.finished.connect(self._refresh_soon.start)
            dialog.destroyed.connect(self._forget_closed_dialogs)
            self.dialogs[name] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_closed_dialogs(self, _obj: object = None) -> None:
        # A method, not a lambda: PyQt drops the connection with the chooser, so a dialog that
        # outlives it never calls into a deleted chooser (a traceback on the terminal).
        self.dialogs = {name: dialog for name, dialog in self.dialogs.items() if not sip.isdeleted(dialog)}

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self._refresh_soon.stop()
        self._follower.stop()
        super().closeEvent(event)
