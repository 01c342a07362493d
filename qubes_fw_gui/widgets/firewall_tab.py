"""FirewallTab: the per-qube rule editor, a QWidget a VM Settings dialog can embed.

Everything that talks to dom0 runs off the GUI thread (`run_in_background`).
Every edit is one undo command. A save is one admin.vm.firewall.Set with the
whole list, after re-reading the rules to catch changes made elsewhere; if the
save fails, the edits stay exactly where they were.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace

from PyQt5 import sip, uic
from PyQt5.QtCore import Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QFileDialog, QShortcut, QUndoStack, QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.admin.port import (
    AdminError,
    AdminPort,
    DaemonUnreachable,
    NoSuchQube,
    PermissionDenied,
    QubeInfo,
    RequestRefused,
    RequestTooLarge,
)
from qubes_fw_gui.editor import edits
from qubes_fw_gui.editor.diff import RuleDiff, only_expired, rule_diff
from qubes_fw_gui.editor.loading import Loaded, load_facts, load_l7_support, load_qube, load_rules
from qubes_fw_gui.editor.markers import compute_markers
from qubes_fw_gui.editor.rulelist_split import next_expiry, split_default, without_expired
from qubes_fw_gui.editor.situation import NetworkFacts, Situation, l7_rule_numbers, situations
from qubes_fw_gui.model.payload import MAX_REQUEST_BYTES, request_size, rules_that_fit
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets import rule_text
from qubes_fw_gui.widgets.analysis_runner import ANALYSIS
from qubes_fw_gui.widgets.banners import InlineBar
from qubes_fw_gui.widgets.countdown import SecondTicker
from qubes_fw_gui.widgets.event_follower import EventFollower
from qubes_fw_gui.widgets.icons import themed_icon
from qubes_fw_gui.widgets.rule_table import RuleTableModel, RuleTableView
from qubes_fw_gui.widgets.undo import RuleListCommand
from qubes_fw_gui.widgets.worker import run_in_background

REFOLLOW_MS = 2000  # between attempts to follow dom0's events again after the stream broke

# Entries of the default-action combo: what the last, pinned row is.
DEFAULT_DROP, DEFAULT_ACCEPT, DEFAULT_IMPLICIT = "drop", "accept", "implicit"


class FirewallTab(QWidget):
    changed = pyqtSignal()
    saved = pyqtSignal()
    error = pyqtSignal(str)
    loaded = pyqtSignal()
    busy_changed = pyqtSignal(bool)  # loading or saving started / ended
    save_paused = pyqtSignal()  # a save stopped to ask (conflict, L7 support): neither saved nor failed
    analysed = pyqtSignal()  # the per-rule markers (shadowed, redundant, checks) are in

    def __init__(self, port: AdminPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("firewall_tab.ui"), self)
        self.port = port
        self.qube: str | None = None
        self.info: QubeInfo | None = None
        self.facts: NetworkFacts | None = None
        self._baseline: list[Rule] = []
        self._busy = False
        self._loaded = False
        self._marker_generation = 0
        self._fit_afresh = False
        self._l7_reading = False
        self._follower: EventFollower | None = None
        self._situation_bars: list[InlineBar] = []
        self._message_bars: dict[str, InlineBar] = {}
        self.rule_dialog = None  # the open RuleDialog, if any

        self.model = RuleTableModel(self)
        self.table: RuleTableView
        self.table.setModel(self.model)
        self.undo_stack = QUndoStack(self)
        self.busyBar.hide()

        self.defaultCombo.addItem(self.tr("drop"), DEFAULT_DROP)
        self.defaultCombo.addItem(self.tr("accept"), DEFAULT_ACCEPT)
        self.defaultCombo.addItem(self.tr("drop (implicit, qubesd's policy)"), DEFAULT_IMPLICIT)

        self._expiry_timer = QTimer(self)
        self._expiry_timer.setSingleShot(True)
        self._expiry_timer.timeout.connect(self._prune_expired)
        self._ticker = SecondTicker(self)
        self._ticker.ticked.connect(lambda _now: self.model.clock_ticked())
        self._marker_timer = QTimer(self)
        self._marker_timer.setSingleShot(True)
        self._marker_timer.setInterval(120)
        self._marker_timer.timeout.connect(self._compute_markers)
        # After dom0's event stream broke: try to follow again, then catch up on what was missed.
        self._refollow_timer = QTimer(self)
        self._refollow_timer.setSingleShot(True)
        self._refollow_timer.setInterval(REFOLLOW_MS)
        self._refollow_timer.timeout.connect(self._start_following)
        self._events_lost = False
        self._shut_down = False

        for button, name in (
            (self.addButton, "list-add"), (self.editButton, "document-edit"), (self.duplicateButton, "edit-copy"),
            (self.deleteButton, "list-remove"), (self.upButton, "go-up"), (self.downButton, "go-down"),
            (self.undoButton, "edit-undo"), (self.redoButton, "edit-redo"),
            (self.importButton, "document-open"), (self.exportButton, "document-save-as"),
        ):
            button.setIcon(themed_icon(name))
        for button in (self.upButton, self.downButton, self.undoButton, self.redoButton):
            button.setToolButtonStyle(Qt.ToolButtonIconOnly)
        for button in (self.importButton, self.exportButton):
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.full_access_box = self._make_full_access_box()
        self.connectionTest.set_rule_source(self.rules)
        self._connect()
        self._update_buttons()

    # -- public contract ---------------------------------------------------

    def load(self, qube: str) -> None:
        """Read the qube's rules (and then its netvm's facts) in the background."""
        self._stop_following()
        self._shut_down = False
        self.qube = qube
        self._loaded = False  # until the rules are in, nothing may be edited or saved
        self.model.set_unread(self.tr("Reading the rules…"))
        self._set_busy(True, self.tr("Loading the rules of {qube}…").format(qube=qube))
        port = self.port

        def work() -> Loaded:
            rule_text.warm_up()
            return load_rules(port, qube)

        run_in_background(work, self._on_loaded, self._on_load_failed, self)

    def is_modified(self) -> bool:
        return self.model.rules() != self._baseline

    def rules(self) -> list[Rule]:
        return self.model.rules()

    def save(self, *, force: bool = False, l7_confirmed: bool = False) -> bool:
        """One Set with the whole list.

        `force` skips the re-read (after "Overwrite"); `l7_confirmed` means the
        person saw that the FirewallVM lacks L7 support and saves anyway.
        True when a save started: `saved`, `error` or `save_paused` follows.
        """
        if self.qube is None or self._busy or not self._loaded:
            return False  # never overwrite rules the person has not seen
        rules = self.rules()
        if not self._check_before_save(rules):
            return False
        for key in ("save", "conflict", "l7"):
            self._clear_message(key)
        qube, baseline, port, facts = self.qube, list(self._baseline), self.port, self.facts
        check_l7 = not l7_confirmed and facts is not None and facts.netvm is not None and any(
            rule.l7 is not None for rule in rules
        )
        self._set_busy(True, self.tr("Saving…"))

        def work() -> tuple[str, object]:
            if check_l7:
                supported = facts.l7_supported
                if supported is None:
                    supported = load_l7_support(port, facts.netvm)
                if not supported:
                    return "l7-unsupported", supported
            if not force:
                fresh = port.get_rules(qube)
                if not only_expired(baseline, fresh, time.time()):
                    return "conflict", fresh
            port.set_rules(qube, rules)
            return "saved", rules

        run_in_background(work, self._on_save_done, self._on_save_failed, self)
        return True

    # -- building ------------------------------------------------------------

    def _make_full_access_box(self) -> QWidget | None:
        try:
            from qubes_fw_gui.widgets.full_access_box import FullAccessBox
        except ImportError:
            return None
        box = FullAccessBox(self)
        self.fullAccessLayout.addWidget(box)
        box.start_requested.connect(self._start_full_access)
        box.extend_requested.connect(self._extend_full_access)
        box.end_requested.connect(self._end_full_access)
        return box

    def _connect(self) -> None:
        self.addButton.clicked.connect(self.add_rule)
        self.editButton.clicked.connect(self._edit_current)
        self.duplicateButton.clicked.connect(self.duplicate_selected)
        self.deleteButton.clicked.connect(self.delete_selected)
        self.upButton.clicked.connect(lambda: self.move_selected(-1))
        self.downButton.clicked.connect(lambda: self.move_selected(1))
        self.undoButton.clicked.connect(self.undo_stack.undo)
        self.redoButton.clicked.connect(self.undo_stack.redo)
        self.importButton.clicked.connect(self._choose_import)
        self.exportButton.clicked.connect(self._choose_export)
        self.filterEdit.textChanged.connect(self._apply_filter)
        self.defaultCombo.activated.connect(self._default_chosen)
        self.table.edit_requested.connect(self.edit_row)
        self.table.add_requested.connect(self.add_rule)
        self.table.delete_requested.connect(self.delete_selected)
        self.table.move_requested.connect(self.move_selected)
        self.model.move_requested.connect(self.move_rows_to)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.connectionTest.decided.connect(self._show_deciding_rule)
        for keys, slot in (
            (QKeySequence.Undo, self.undo_stack.undo),
            (QKeySequence.Redo, self.undo_stack.redo),
            (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
            (QKeySequence.Find, self.filterEdit.setFocus),
            (QKeySequence("Ctrl+D"), self.duplicate_selected),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- loading -------------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.info.name != self.qube:
            return
        self.info = loaded.info
        self._loaded = True
        self._reset_to(loaded.rules)
        self._set_busy(False, "")
        self._clear_message("load")
        self.loaded.emit()
        if self._shut_down:
            return  # the dialog closed while the rules were read: follow nothing, read nothing more
        self._start_following()
        with_l7 = any(rule.l7 is not None for rule in loaded.rules)
        info, states = loaded.info, loaded.states
        run_in_background(lambda: load_facts(self.port, info, with_l7=with_l7, states=states),
                          self._on_facts, self._on_facts_failed, self)

    def _on_load_failed(self, error: Exception) -> None:
        self._set_busy(False, "")
        self.model.set_unread(self.tr("The rules could not be read (see above)"))
        self._show_message("load", "error", self._admin_error_text(error, saving=False),
                           retry=(self.tr("Try again"), lambda: self.load(self.qube or "")))
        self.error.emit(str(error))

    def _on_facts(self, facts: NetworkFacts) -> None:
        if facts.qube != self.qube:
            return
        self.facts = facts
        if self.full_access_box is not None:
            self.full_access_box.set_enforced(facts.enforced, self._full_access_reason(facts))
        self._refresh_situations()
        if self.rule_dialog is not None and hasattr(self.rule_dialog, "set_l7_note"):
            self.rule_dialog.set_l7_note(self._l7_note())

    def _full_access_reason(self, facts: NetworkFacts) -> str | None:
        """Why a full-access window would change nothing, in the words of this qube's case."""
        if facts.netvm is None and facts.provides_network:
            return self.tr("This qube has direct network access: its firewall rules, and so a full-access "
                           "window, are never applied.")
        if facts.netvm is None:
            return self.tr("This qube has no netvm, so it has no network at all: a full-access window "
                           "has no effect.")
        if facts.firewall_service_off:
            return self.tr("The qubes-firewall service is turned off in the netvm {netvm}, so a full-access "
                           "window has no effect.").format(netvm=facts.netvm)
        return None  # the box's own sentence: the netvm does not enforce the firewall

    def _on_facts_failed(self, error: Exception) -> None:
        self._show_message("facts", "warning", self.tr(
            "Could not read the netvm's settings, so the warnings about enforcement may be missing: {error}"
        ).format(error=getattr(error, "message", str(error))))

    def _reset_to(self, rules: Sequence[Rule]) -> None:
        """Show `rules` as the saved state: no edits, empty undo history."""
        self._baseline = list(rules)
        self.undo_stack.clear()
        self._fit_afresh = True  # a new list: columns fit it, not the last one
        self._show_parts(*split_default(rules), [])
        self.undo_stack.setClean()
        self._clear_message("save")  # an error about edits that are gone would mislead
        self.changed.emit()

    # -- edits (each one undoable command) -------------------------------------

    def _push(self, text: str, body: list[Rule], default: Rule | None, select: list[int]) -> None:
        before = (self.model.body(), self.model.default(), self.table.selected_rows())
        self.undo_stack.push(RuleListCommand(text, self._show_parts, before, (body, default, select)))

    def _show_parts(self, body: list[Rule], default: Rule | None, select: list[int]) -> None:
        self.model.set_parts(body, default)
        self.table.select_rows(select)
        self._apply_filter()
        self._after_change()

    def _after_change(self) -> None:
        rules = self.rules()
        if self.model.has_expiring_rules():
            self._ticker.start()
        else:
            self._ticker.stop()
        if self.full_access_box is not None:
            self.full_access_box.set_rules(rules)
        self.table.fit_columns(grow_only=not self._fit_afresh)
        self._fit_afresh = False
        self._schedule_expiry(rules)
        self._marker_timer.start()
        if any(rule.l7 is not None for rule in rules):
            self._read_l7_support()
        self._refresh_situations()
        self._update_buttons()

    def _on_undo_index(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undoButton.setToolTip(self.tr("Undo: {what} (Ctrl+Z)").format(what=undo) if undo else self.tr("Undo (Ctrl+Z)"))
        self.redoButton.setToolTip(self.tr("Redo: {what} (Ctrl+Shift+Z)").format(what=redo) if redo else self.tr("Redo (Ctrl+Shift+Z)"))
        if self.undo_stack.isClean():
            self._clear_message("save")  # "Not saved … your edits are kept" no longer describes the list
        self._update_buttons()
        self.changed.emit()

    def _selected_body_rows(self) -> list[int]:
        return [row for row in self.table.selected_rows() if row < self.model.pinned_row]

    def add_rule(self) -> None:
        rows = self._selected_body_rows()
        at = rows[-1] + 1 if rows else self.model.pinned_row
        self._open_rule_dialog(None, lambda rule: self.insert_rule(rule, at))

    def insert_rule(self, rule: Rule, at: int) -> None:
        body, select = edits.insert(self.model.body(), rule, at)
        self._push(self.tr("Add rule"), body, self.model.default(), select)

    def _edit_current(self) -> None:
        rows = self.table.selected_rows()
        if rows:
            self.edit_row(rows[0])

    def edit_row(self, row: int) -> None:
        if row == self.model.pinned_row:
            self.defaultCombo.setFocus()
            return
        rule = self.model.rule_at(row)
        if rule is None:
            return

        def replace(new: Rule) -> None:
            if new == rule and new.api_line() == rule.api_line():
                return
            body = self.model.body()
            # The list may have changed while the dialog was open (expiry, a reload).
            where = next((i for i, current in enumerate(body) if current is rule), None)
            if where is None:
                self._show_message("dialog", "warning", self.tr(
                    "The rule you edited was changed elsewhere meanwhile; your version was added as a new rule."))
                self.insert_rule(new, min(row, len(body)))
                return
            body, select = edits.replace(body, where, new)
            self._push(self.tr("Edit rule {number}").format(number=where + 1), body, self.model.default(), select)

        self._open_rule_dialog(rule, replace)

    def delete_selected(self) -> None:
        rows = self._selected_body_rows()
        if rows:
            body, select = edits.delete(self.model.body(), rows)
            self._push(self.tr("Delete %n rule(s)", "", len(rows)), body, self.model.default(), select)

    def duplicate_selected(self) -> None:
        rows = self._selected_body_rows()
        if rows:
            body, select = edits.duplicate(self.model.body(), rows)
            self._push(self.tr("Duplicate %n rule(s)", "", len(rows)), body, self.model.default(), select)

    def move_selected(self, delta: int) -> None:
        moved = edits.move(self.model.body(), self._selected_body_rows(), delta)
        if moved is not None:
            self._push(self.tr("Move rules up") if delta < 0 else self.tr("Move rules down"),
                       moved[0], self.model.default(), moved[1])

    def move_rows_to(self, rows: list[int], before: int) -> None:
        if self.filterEdit.text():
            return  # hidden rows in between would make the drop place ambiguous
        moved = edits.move_to(self.model.body(), rows, before)
        if moved is not None:
            self._push(self.tr("Move rules"), moved[0], self.model.default(), moved[1])

    def replace_all(self, rules: Sequence[Rule], text: str) -> None:
        body, default = split_default(rules)
        self._push(text, body, default, [])

    def _default_chosen(self) -> None:
        choice = self.defaultCombo.currentData()
        old = self.model.default()
        comment = old.comment if old is not None else None
        new = None if choice == DEFAULT_IMPLICIT else Rule(choice, comment=comment)
        if new != old:
            self._push(self.tr("Change the default action"), self.model.body(), new, [self.model.pinned_row])

    def _sync_default_combo(self) -> None:
        default = self.model.default()
        choice = DEFAULT_IMPLICIT if default is None else default.action
        self.defaultCombo.setCurrentIndex(self.defaultCombo.findData(choice))

    # -- the rule dialog ---------------------------------------------------------

    def _l7_note(self) -> str | None:
        facts = self.facts
        if facts is None or facts.netvm is None:
            return None
        if facts.l7_supported is None:
            self._read_l7_support()
            return self.tr("Checking whether {netvm} supports L7 filtering…").format(netvm=facts.netvm)
        if facts.l7_supported:
            return self.tr("{netvm} supports L7 filtering.").format(netvm=facts.netvm)
        return self.tr(
            "{netvm} does not advertise L7 support: it will DROP ALL traffic of this qube."
        ).format(netvm=facts.netvm)

    def _open_rule_dialog(self, rule: Rule | None, on_ok) -> None:  # noqa: ANN001
        try:
            from qubes_fw_gui.widgets.rule_dialog import RuleDialog
        except ImportError as missing:
            self._show_message("dialog", "error", self.tr("The rule dialog is not available: {error}").format(error=missing))
            return
        dialog = RuleDialog(self, rule, l7_note=self._l7_note())
        self.rule_dialog = dialog

        def finished(result: int) -> None:
            self.rule_dialog = None
            new = dialog.rule() if result else None
            dialog.deleteLater()
            if new is not None:
                on_ok(new)
            self.table.setFocus()

        dialog.finished.connect(finished)
        dialog.open()

    # -- filter, markers, connection test ---------------------------------------

    def _apply_filter(self) -> None:
        needle = self.filterEdit.text().strip().lower()
        model = self.model
        self.table.setDragEnabled(not needle)
        for row in range(model.pinned_row):
            hidden = bool(needle) and not any(
                needle in model.data(model.index(row, column)).lower() for column in range(model.columnCount())
            )
            if self.table.isRowHidden(row) != hidden:
                self.table.setRowHidden(row, hidden)

    def visible_rows(self) -> list[int]:
        return [row for row in range(self.model.rowCount()) if not self.table.isRowHidden(row)]

    def _compute_markers(self) -> None:
        self._marker_generation += 1
        generation = self._marker_generation
        rules = self.rules()

        def deliver(markers: list) -> None:
            if sip.isdeleted(self) or generation != self._marker_generation:
                return
            self.model.set_markers(markers)
            self.analysed.emit()

        ANALYSIS.submit(self, lambda: compute_markers(rules), deliver)

    def _show_deciding_rule(self, row: int) -> None:
        target = row if row >= 0 else self.model.pinned_row
        if row >= 0 and self.model.default() is not None and row == len(self.model.body()):
            target = self.model.pinned_row
        self.model.set_highlight(target)
        if self.table.isRowHidden(target):
            self.filterEdit.clear()
        self.table.select_rows([target])

    # -- saving ----------------------------------------------------------------

    def _check_before_save(self, rules: list[Rule]) -> bool:
        assert self.qube is not None
        if not rules:
            self._show_message("save", "error", self.tr(
                "dom0 cannot store an empty rule list. To block everything, keep the default action "
                "\"drop\" as an explicit rule."))
            return False
        size = request_size(self.qube, rules)
        if size > MAX_REQUEST_BYTES:
            fits = rules_that_fit(self.qube, rules)
            self._show_message("save", "error", self.tr(
                "Not saved: {count} rules make a request of {size} bytes, and dom0 refuses requests "
                "over {limit} bytes (64 KiB). Only the first {fits} of these rules fit in one save: "
                "remove or merge {extra} rules (for example by using networks instead of single "
                "addresses) and save again. Your edits are kept."
            ).format(count=len(rules), size=size, limit=MAX_REQUEST_BYTES, fits=fits, extra=len(rules) - fits))
            self.error.emit("request too large")
            return False
        return True

    def _on_save_done(self, result: tuple[str, object]) -> None:
        outcome, rules = result
        self._set_busy(False, "")
        if outcome == "l7-unsupported":
            self._set_l7_support(False)
            self._offer_l7_save()
            self.save_paused.emit()
            return
        if outcome == "conflict":
            self._offer_conflict(rule_diff(self._baseline, rules), rules)
            self.save_paused.emit()
            return
        self._baseline = list(rules)
        self.undo_stack.setClean()
        self._clear_message("outside")
        self.statusLabel.setText(self.tr("Saved at {time}.").format(time=time.strftime("%H:%M:%S")))
        self.changed.emit()
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        self._set_busy(False, "")
        text = self._admin_error_text(error, saving=True)
        self._show_message("save", "error", text)
        self.error.emit(text)

    def _admin_error_text(self, error: Exception, *, saving: bool) -> str:
        qube = self.qube or ""
        kept = self.tr(" Your edits are kept.") if saving else ""
        message = getattr(error, "message", str(error))
        if isinstance(error, RequestTooLarge):
            return self.tr(
                "Not saved: the rules are larger than the 64 KiB dom0 accepts in one request; "
                "{fits} rules fit. Remove some rules and save again."
            ).format(fits=error.fits) + kept
        if isinstance(error, DaemonUnreachable):
            return self.tr("dom0 cannot be reached. {message}").format(message=message) + kept
        if isinstance(error, PermissionDenied):
            return self.tr(
                "Permission denied: you may not change the firewall of {qube}. From a GUI domain, the "
                "qrexec policy must allow admin.vm.firewall.Set for this qube."
            ).format(qube=qube) + kept
        if isinstance(error, NoSuchQube):
            return self.tr("The qube {qube} does not exist (any more).").format(qube=qube)
        if isinstance(error, RequestRefused) and saving:
            numbers = l7_rule_numbers(self.rules())
            if numbers:
                return self.tr(
                    "dom0 refused the rules. Likely cause: the L7 protocol of rule(s) {numbers}. "
                    "Stock qubesd does not know the spec's dpi option and refuses the whole list. "
                    "Remove the L7 protocol from those rules and save again."
                ).format(numbers=", ".join(map(str, numbers))) + kept
            return self.tr(
                "dom0 refused the rules without a reason (an invalid rule, or the request was denied "
                "by policy). See journalctl in dom0 for details."
            ) + kept
        if isinstance(error, AdminError):
            return message + kept
        return self.tr("Unexpected error: {error}").format(error=error) + kept

    def _offer_l7_save(self) -> None:
        netvm = self.facts.netvm if self.facts is not None else ""
        numbers = ", ".join(map(str, l7_rule_numbers(self.rules())))
        bar = self._show_message("l7", "error", self.tr(
            "Not saved yet: rule(s) {numbers} use an L7 protocol, and the FirewallVM {netvm} does not "
            "advertise supported-feature.qubes-firewall-dpi. It will DROP ALL traffic of {qube}. Remove "
            "the L7 protocol, or save anyway if you mean to cut this qube off."
        ).format(numbers=numbers, netvm=netvm, qube=self.qube))
        bar.add_button(self.tr("Save anyway"), lambda: self.save(l7_confirmed=True), name="save-anyway")

    def _set_l7_support(self, supported: bool) -> None:
        if self.facts is not None:
            self.facts = replace(self.facts, l7_supported=supported)
            self._refresh_situations()
            dialog = self.rule_dialog
            note = self._l7_note()
            if dialog is not None and note and hasattr(dialog, "set_l7_note"):
                dialog.set_l7_note(note)

    def _read_l7_support(self) -> None:
        facts = self.facts
        if facts is None or facts.netvm is None or facts.l7_supported is not None or self._l7_reading:
            return
        self._l7_reading = True
        netvm = facts.netvm

        def done(supported: bool) -> None:
            self._l7_reading = False
            self._set_l7_support(supported)

        run_in_background(lambda: load_l7_support(self.port, netvm), done, lambda _e: None, self)

    def _offer_conflict(self, diff: RuleDiff, fresh: list[Rule]) -> None:
        lines = [self.tr("The rules of {qube} were changed elsewhere since you opened them (for example with "
                         "qvm-firewall). Not saved yet.").format(qube=self.qube)]
        lines += [self.tr("Removed there: {line}").format(line=line) for line in diff.removed[:8]]
        lines += [self.tr("Added there: {line}").format(line=line) for line in diff.added[:8]]
        if len(diff.removed) + len(diff.added) > 16:
            lines.append(self.tr("… and more."))
        bar = self._show_message("conflict", "warning", "\n".join(lines))
        bar.add_button(self.tr("Overwrite with my rules"), lambda: self.save(force=True), name="overwrite")
        bar.add_button(self.tr("Reload (discard my edits)…"), lambda: self._confirm_reload("conflict"), name="reload")
        # No "Cancel" here: the bar's own Dismiss does that, and a second Cancel beside the dialog's
        # (which discards the edits) read as if it might throw them away.

    def _confirm_reload(self, key: str) -> None:
        """The second step of "Reload": say what is lost, then do it."""
        bar = self._message_bars[key]
        bar.label.setText(self.tr("Reloading discards every edit you made since the rules were loaded."))
        for button in bar.buttons.values():
            button.hide()
        bar.add_button(self.tr("Discard my edits and reload"), self.reload, name="confirm-reload")
        bar.add_button(self.tr("Keep editing"), lambda: self._clear_message(key), name="keep")

    def reload(self) -> None:
        for key in list(self._message_bars):
            self._clear_message(key)
        if self.qube is not None:
            self.load(self.qube)

    # -- full-access window -------------------------------------------------------

    def _full_access(self, change, text: str) -> None:  # noqa: ANN001 - a model.full_access function
        if not self.is_modified():
            self.replace_all(change(self.rules()), text)
            self.save()
            return
        self._full_access_beside_edits(change, text)

    def _full_access_beside_edits(self, change, text: str) -> None:  # noqa: ANN001
        """Open, extend or end the window in the rules as dom0 has them, not in the edits.

        "Start full access" must not publish half-made edits: the change is made
        to a fresh read of the saved list and saved at once; in the table it is
        applied on top of the edits (one undo step), which stay unsaved.
        """
        if self.qube is None or self._busy or not self._loaded:
            return
        qube, port, baseline = self.qube, self.port, list(self._baseline)
        self._clear_message("save")
        self._set_busy(True, self.tr("Saving the full-access window (your other changes stay unsaved)…"))

        def work() -> tuple[list[Rule], list[Rule]]:
            fresh = port.get_rules(qube)
            saved = change(fresh)
            port.set_rules(qube, saved)
            return fresh, saved

        def done(result: tuple[list[Rule], list[Rule]]) -> None:
            fresh, saved = result
            self._set_busy(False, "")
            # Changed elsewhere since loading? Then the baseline stays "what this person
            # loaded", window applied, so the next save still asks before overwriting.
            self._baseline = saved if only_expired(baseline, fresh, time.time()) else change(baseline)
            edits_before = self.rules()
            self.replace_all(change(edits_before), text)
            self.statusLabel.setText(self.tr(
                "Saved the full-access window at {time}; your other changes are not saved yet."
            ).format(time=time.strftime("%H:%M:%S")))
            self.changed.emit()
            self.saved.emit()

        run_in_background(work, done, self._on_save_failed, self)

    def _start_full_access(self, until: int) -> None:
        from qubes_fw_gui.model.full_access import open_window

        self._full_access(lambda rules: open_window(rules, until), self.tr("Allow full access"))

    def _extend_full_access(self, until: int) -> None:
        from qubes_fw_gui.model.full_access import extend_window

        self._full_access(lambda rules: extend_window(rules, until), self.tr("Extend full access"))

    def _end_full_access(self) -> None:
        from qubes_fw_gui.model.full_access import end_window

        self._full_access(end_window, self.tr("End full access"))

    # -- following changes made elsewhere -----------------------------------------

    def _start_following(self) -> None:
        self._stop_following()
        if self.qube is None:
            return
        self._follower = EventFollower(self.port, self.qube, self)
        self._follower.firewall_changed.connect(self._on_firewall_changed)
        self._follower.qube_changed.connect(self._on_qube_changed)
        self._follower.connected.connect(self._on_events_connected)
        self._follower.failed.connect(self._on_events_failed)
        self._follower.start()

    def _on_events_failed(self, why: str) -> None:
        """Say that changes made elsewhere no longer show, and keep trying to follow again."""
        if self.sender() is not self._follower:
            return  # a follower already replaced
        self._events_lost = True
        if "events" not in self._message_bars:
            self._show_message("events", "warning", self.tr(
                "Lost contact with dom0 ({why}): changes made elsewhere do not show until it is back. "
                "Trying again…"
            ).format(why=why))
        self._refollow_timer.start()

    def _on_events_connected(self) -> None:
        if self.sender() is not self._follower or not self._events_lost:
            return
        self._events_lost = False
        self._clear_message("events")
        self._on_firewall_changed()  # whatever changed while the stream was down
        self._on_qube_changed(self.qube or "")

    def _stop_following(self) -> None:
        self._refollow_timer.stop()
        if self._follower is not None:
            self._follower.stop()
            self._follower.deleteLater()
            self._follower = None

    def _on_qube_changed(self, _subject: str) -> None:
        """A property (netvm) or feature of the qube changed: re-read the banners' facts."""
        if self.qube is None or self._busy:
            return
        qube, port = self.qube, self.port
        with_l7 = any(rule.l7 is not None for rule in self.rules())

        def read() -> tuple[QubeInfo, NetworkFacts]:
            info, states = load_qube(port, qube)
            return info, load_facts(port, info, with_l7=with_l7, states=states)

        def show(result: tuple[QubeInfo, NetworkFacts]) -> None:
            self.info = result[0]
            self._on_facts(result[1])

        run_in_background(read, show, None, self)

    def _on_firewall_changed(self) -> None:
        qube = self.qube
        if qube is None:
            return
        run_in_background(lambda: self.port.get_rules(qube), self._on_outside_rules, None, self)

    def _on_outside_rules(self, fresh: list[Rule]) -> None:
        if self._busy:
            return  # our own save is in flight; its result decides
        if fresh == self._baseline:
            return
        if only_expired(self._baseline, fresh, time.time()):
            self._prune_expired()
            return
        if not self.is_modified():
            self._reset_to(fresh)
            self.statusLabel.setText(self.tr("Reloaded: the rules were changed elsewhere."))
            return
        bar = self._show_message("outside", "warning", self.tr(
            "The rules of {qube} were changed elsewhere (for example with qvm-firewall) while you were "
            "editing. Saving will ask before overwriting them."
        ).format(qube=self.qube))
        if "reload" not in bar.buttons:
            bar.add_button(self.tr("Reload (discard my edits)…"), lambda: self._confirm_reload("outside"), name="reload")

    def _prune_expired(self) -> None:
        """Drop rules whose expiry passed, from the saved state and the edits alike (no undo step)."""
        now = time.time()
        self._baseline = without_expired(self._baseline, now)
        current = self.rules()
        kept = without_expired(current, now)
        if len(kept) != len(current):
            body, default = split_default(kept)
            self.model.set_parts(body, default)
            self._apply_filter()
            self._after_change()
            self.changed.emit()
        else:
            self._schedule_expiry(current)

    def _schedule_expiry(self, rules: Sequence[Rule]) -> None:
        soonest = next_expiry(rules)
        if soonest is None:
            self._expiry_timer.stop()
            return
        # A little after the second dom0 removes it; the firewall-changed event usually comes first.
        # QTimer takes int32 milliseconds: far expiries are re-checked daily instead.
        delay = min(max(0, int((soonest - time.time()) * 1000)) + 250, 24 * 3600 * 1000)
        self._expiry_timer.start(delay)

    # -- bars and state ------------------------------------------------------------

    def _refresh_situations(self) -> None:
        for bar in self._situation_bars:
            bar.deleteLater()
        self._situation_bars = []
        if self.facts is None:
            return
        for situation in situations(self.facts, self.rules()):
            level, text = self._situation_text(situation)
            bar = InlineBar(level, text, self.situationArea)
            bar.setProperty("situation", situation.value)
            self.situationLayout.addWidget(bar)
            bar.show()
            self._situation_bars.append(bar)

    def situation_texts(self) -> list[str]:
        return [bar.text() for bar in self._situation_bars]

    def _situation_text(self, situation: Situation) -> tuple[str, str]:
        facts = self.facts
        assert facts is not None
        qube, netvm = facts.qube, facts.netvm or ""
        if situation is Situation.NO_NETVM:
            return "info", self.tr(
                "{qube} has no netvm, so it has no network access at all: these rules have no effect "
                "until a netvm is set."
            ).format(qube=qube)
        if situation is Situation.DIRECT_ACCESS:
            return "warning", self.tr(
                "{qube} has direct network access (it provides network and has no netvm): its own "
                "firewall rules are never applied. Filter its traffic elsewhere."
            ).format(qube=qube)
        if situation is Situation.NOT_ENFORCED:
            return "warning", self.tr(
                "The netvm {netvm} does not support the qubes-firewall feature: these rules are NOT "
                "enforced. Use a netvm such as sys-firewall."
            ).format(netvm=netvm)
        if situation is Situation.SERVICE_OFF:
            return "warning", self.tr(
                "The qubes-firewall service is turned off in the netvm {netvm} (feature "
                "service.qubes-firewall is empty): these rules are NOT enforced."
            ).format(netvm=netvm)
        if situation is Situation.NETVM_HALTED:
            return "info", self.tr(
                "The netvm {netvm} is not running: the rules apply when it starts."
            ).format(netvm=netvm)
        numbers = ", ".join(map(str, l7_rule_numbers(self.rules())))
        return "error", self.tr(
            "Rule(s) {numbers} use an L7 protocol, but the FirewallVM {netvm} does not advertise "
            "supported-feature.qubes-firewall-dpi: it will DROP ALL traffic of {qube} once these rules "
            "are saved."
        ).format(numbers=numbers, netvm=netvm, qube=qube)

    def message_texts(self) -> dict[str, str]:
        return {key: bar.text() for key, bar in self._message_bars.items() if not bar.isHidden()}

    def message_bar(self, key: str) -> InlineBar | None:
        return self._message_bars.get(key)

    def _show_message(self, key: str, level: str, text: str, *, retry=None) -> InlineBar:  # noqa: ANN001
        self._clear_message(key)
        bar = InlineBar(level, text, self.messageArea, closable=True)
        bar.setProperty("message", key)
        if retry is not None:
            bar.add_button(retry[0], retry[1], name="retry")
        self.messageLayout.addWidget(bar)
        bar.show()
        self._message_bars[key] = bar
        return bar

    def _clear_message(self, key: str) -> None:
        bar = self._message_bars.pop(key, None)
        if bar is not None:
            bar.hide()
            bar.deleteLater()

    def _set_busy(self, busy: bool, text: str) -> None:
        changed = busy != self._busy
        self._busy = busy
        self.busyBar.setVisible(busy)
        self.statusLabel.setText(text)
        if self.full_access_box is not None:
            self.full_access_box.set_busy(busy)
        self._update_buttons()
        if changed:
            self.busy_changed.emit(busy)

    def is_busy(self) -> bool:
        return self._busy

    def _update_buttons(self) -> None:
        loaded = self._loaded and not self._busy
        rows = self._selected_body_rows()
        self.addButton.setEnabled(loaded)
        self.editButton.setEnabled(loaded and len(self.table.selected_rows()) == 1)
        for button in (self.duplicateButton, self.deleteButton, self.upButton, self.downButton):
            button.setEnabled(loaded and bool(rows))
        self.undoButton.setEnabled(loaded and self.undo_stack.canUndo())
        self.redoButton.setEnabled(loaded and self.undo_stack.canRedo())
        for widget in (self.importButton, self.exportButton, self.defaultCombo, self.table):
            widget.setEnabled(loaded)
        # Testing a connection or opening full access means nothing against rules never read.
        self.connectionTest.setEnabled(self._loaded)
        if self.full_access_box is not None:
            self.full_access_box.setEnabled(self._loaded)
        self._sync_default_combo()

    # -- import / export -------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import rules"), "", self.tr("Rule files (*.txt *.rules);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Replace the rules with a file's; nothing changes when any line is invalid."""
        from qubes_fw_gui.check_rules import check_text

        try:
            with open(path, encoding="utf-8", errors="replace") as file:
                text = file.read()
        except OSError as error:
            self._show_message("import", "error", self.tr("Cannot read {path}: {error}").format(path=path, error=error.strerror))
            return False
        rules, errors = check_text(text)
        if errors:
            shown = "\n".join(errors[:12]) + ("\n…" if len(errors) > 12 else "")
            self._show_message("import", "error", self.tr(
                "Nothing imported: {count} line(s) of {path} are not valid rules:\n{errors}"
            ).format(count=len(errors), path=path, errors=shown))
            return False
        if not rules:
            self._show_message("import", "error", self.tr("Nothing imported: {path} holds no rules.").format(path=path))
            return False
        self._clear_message("import")
        replaced = len(self.rules())
        self.replace_all(rules, self.tr("Import rules"))
        # The whole list was replaced, the default action too: say so, and how to get it back.
        self.statusLabel.setText(self.tr(
            "Imported {count} rules in place of {replaced}; not saved yet (Ctrl+Z undoes it)."
        ).format(count=len(rules), replaced=replaced))
        return True

    def _choose_export(self) -> None:
        name = f"{self.qube or 'rules'}.rules"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rules"), name, self.tr("Rule files (*.rules *.txt)"))
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> None:
        from qubes_fw_gui.model.payload import format_payload

        try:
            with open(path, "wb") as file:
                file.write(format_payload(self.rules()))
        except OSError as error:
            self._show_message("export", "error", self.tr("Cannot write {path}: {error}").format(path=path, error=error.strerror))
            return
        self.statusLabel.setText(self.tr("Exported {count} rules.").format(count=len(self.rules())))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self._stop_following()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop following events (the dialog calls this when it closes)."""
        self._shut_down = True
        self._stop_following()
        self._ticker.stop()
        ANALYSIS.forget(self)
