"""Fixes from using the GUI as a Qubes user would (acceptance pass), each pinned by what a person sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt5.QtCore import Qt

from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox
from qubes_fw_gui.widgets.firewall_tab import FirewallTab
from tests.widgets.helpers import drain, open_dialog, open_tab, set_payloads


@pytest.fixture
def dom0(tmp_path: Path):
    """A sandbox dom0 on a fixed socket path, so it can go away and come back like a restarted qubesd."""
    sandbox = EmbeddedSandbox(tmp_path / "state", socket_path=tmp_path / "q.sock")
    sandbox.start()
    yield sandbox
    drain()
    sandbox.stop()


def test_after_dom0_comes_back_the_tab_follows_changes_made_elsewhere_again(qtbot, dom0) -> None:
    tab = open_tab(qtbot, SocketAdminPort(dom0.socket_path))
    drain()
    dom0.stop()
    qtbot.waitUntil(lambda: "events" in tab.message_texts(), timeout=5000)
    assert "changes made elsewhere do not show" in tab.message_texts()["events"]

    dom0.start()
    qtbot.waitUntil(lambda: "events" not in tab.message_texts(), timeout=8000)
    SocketAdminPort(dom0.socket_path).call(
        "admin.vm.firewall.Set", "work", payload=b"action=accept proto=udp dstports=123\naction=drop\n"
    )
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    assert [rule.api_line() for rule in tab.rules()] == ["action=accept proto=udp dstports=123-123", "action=drop"]
    tab.shutdown()


def test_a_change_made_while_dom0_was_away_shows_once_it_is_back(qtbot, dom0, tmp_path) -> None:
    tab = open_tab(qtbot, SocketAdminPort(dom0.socket_path))
    drain()
    dom0.stop()
    qtbot.waitUntil(lambda: "events" in tab.message_texts(), timeout=5000)
    # Someone changes the stored rules while the editor cannot hear about it.
    dom0.start()
    dom0.seed_rules("work", ["action=drop"])
    qtbot.waitUntil(lambda: [rule.api_line() for rule in tab.rules()] == ["action=drop"], timeout=8000)
    assert "events" not in tab.message_texts()
    tab.shutdown()


@pytest.mark.parametrize(
    ("qube", "words"),
    [
        ("vault", "This qube has no netvm, so it has no network at all"),
        ("sys-net", "This qube has direct network access"),
    ],
)
def test_full_access_box_says_why_a_window_has_no_effect_in_this_qubes_words(qtbot, sandbox_port, qube, words) -> None:
    tab = open_tab(qtbot, sandbox_port, qube)
    box = tab.full_access_box
    qtbot.waitUntil(lambda: box.enforcedLabel.isVisible(), timeout=5000)
    assert box.enforcedLabel.text().startswith(words)
    assert "netvm of this qube does not enforce" not in box.enforcedLabel.text()
    # sys-net accepts everything too, but that is beside the point when no rule applies at all.
    assert not box.positionLabel.isVisible()
    tab.shutdown()
    drain()


def test_chooser_filter_matches_qubes_not_summaries_and_enter_opens_the_match(qtbot, sandbox_port) -> None:
    from qubes_fw_gui.widgets.chooser import QubeChooser

    chooser = QubeChooser(sandbox_port)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitUntil(lambda: "work" in chooser.names(), timeout=5000)
    chooser.filterEdit.setFocus()
    qtbot.keyClicks(chooser.filterEdit, "work")
    # "no network" and "direct network access" contain "work" too; only the qube named work is meant.
    assert chooser.names() == ["work"]
    assert chooser.statusLabel.text() == "1 of 10 qubes shown"
    qtbot.keyClick(chooser.filterEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: "work" in chooser.dialogs, timeout=3000)
    dialog = chooser.dialogs["work"]
    qtbot.waitUntil(lambda: len(dialog.tab.rules()) == 8, timeout=5000)
    dialog.reject()
    # A filter that hides the selected qube selects the first one it shows, so Enter is never a no-op.
    chooser.filterEdit.clear()
    qtbot.keyClicks(chooser.filterEdit, "vpn")  # sys-vpn itself, and banking behind it
    assert chooser.names() == ["banking", "sys-vpn"]
    selected = chooser._current_name()
    assert selected in ("banking", "sys-vpn")
    qtbot.keyClick(chooser.filterEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: selected in chooser.dialogs, timeout=3000)
    chooser.dialogs[selected].reject()
    chooser.close()
    drain()


@pytest.mark.parametrize("qube", ["work", "sys-net"])
def test_qube_dialog_fits_the_screen_with_ok_in_view(qtbot, sandbox_port, qube) -> None:
    from PyQt5.QtGui import QGuiApplication

    from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

    dialog = QubeFirewallDialog(sandbox_port, qube)
    qtbot.addWidget(dialog)
    dialog.set_sandbox_note("Sandbox dom0 with demo qubes. Nothing here touches a real Qubes system.")
    with qtbot.waitSignal(dialog.tab.loaded, timeout=5000):
        dialog.show()
    if qube == "sys-net":  # the tallest: a banner and the leak-protection tab
        qtbot.waitUntil(lambda: dialog.tabs.count() == 2 and bool(dialog.tab.situation_texts()), timeout=5000)
    area = QGuiApplication.primaryScreen().availableGeometry()  # 800x600 offscreen: smaller than any laptop
    qtbot.waitUntil(lambda: dialog.height() <= area.height() and dialog.width() <= area.width(), timeout=2000)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QGuiApplication.processEvents()
        assert dialog.minimumSizeHint().height() <= area.height()
        bottom = dialog.ok_button.mapTo(dialog, dialog.ok_button.rect().bottomLeft()).y()
        assert bottom < dialog.height(), "OK is below the window's edge"
    dialog.reject()
    drain()


def test_keyboard_saves_with_ctrl_s_and_ctrl_enter_saves_and_closes(qtbot, sandbox, sandbox_port) -> None:


    dialog = open_dialog(qtbot, sandbox_port, "work", active=True)
    table = dialog.tab.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key_Delete)
    assert dialog.tab.is_modified()
    with qtbot.waitSignal(dialog.tab.saved, timeout=5000):
        qtbot.keyClick(table, Qt.Key_S, Qt.ControlModifier)
    assert set_payloads(sandbox)[-1].startswith(b"action=accept dsthost=github.com")
    assert dialog.isVisible()
    qtbot.keyClick(table, Qt.Key_Delete)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(table, Qt.Key_Return, Qt.ControlModifier)
    assert set_payloads(sandbox)[-1].startswith(b"action=accept dst4=192.168.1.0/24")
    assert dialog.result() == dialog.Accepted


def test_rule_dialog_port_completions_close_when_alt_o_moves_to_the_comment(qtbot) -> None:
    from PyQt5.QtWidgets import QApplication

    from qubes_fw_gui.widgets.rule_dialog import RuleDialog

    dialog = RuleDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=1000)
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    line = dialog.portCombo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "ssh")
    popup = dialog.portCombo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)  # "ssh (22)" offered under the field
    qtbot.keyClick(dialog, Qt.Key_O, Qt.AltModifier)  # C&omment
    qtbot.waitUntil(lambda: dialog.commentEdit.hasFocus(), timeout=2000)
    # The list would otherwise stay open and take the next key typed for the comment.
    assert not popup.isVisible()
    assert dialog.portCombo.currentText() == "ssh"


def test_a_dialog_closed_while_loading_reads_nothing_more_and_follows_no_events(qtbot, sandbox, sandbox_port) -> None:
    from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

    dialog = QubeFirewallDialog(sandbox_port, "sys-vpn")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # closed at once, the rules still being read
    for _ in range(3):
        drain()
        qtbot.wait(50)  # deliver what the background reads returned
    methods = [request.split(b"+", 1)[0].split(b" ", 1)[0] for request in sandbox.requests]
    assert b"admin.Events" not in methods
    assert b"admin.vm.feature.CheckWithTemplate" not in methods  # the netvm facts
    assert b"admin.label.Get" not in methods and not dialog.isVisible()


def test_a_refused_save_message_goes_once_the_edits_are_undone(qtbot, sandbox, sandbox_port, tmp_path) -> None:
    tab = open_tab(qtbot, sandbox_port, "personal")
    big = tmp_path / "big.rules"
    big.write_text("".join(
        f"action=accept dst4=10.{i // 250}.{i % 250}.1/32 proto=tcp dstports=443 comment=a rather long comment {i}\n"
        for i in range(1200)
    ))
    assert tab.import_file(str(big))
    with qtbot.waitSignal(tab.error, timeout=3000):
        tab.save()
    assert "Your edits are kept" in tab.message_texts()["save"]
    qtbot.mouseClick(tab.undoButton, Qt.LeftButton)
    assert [rule.api_line() for rule in tab.rules()][0].startswith("action=drop dst4=192.168.0.0/16")
    assert "save" not in tab.message_texts()
    tab.shutdown()
    drain()


def test_full_access_button_shows_the_whole_error_when_dom0_is_gone(qtbot, dom0) -> None:
    from qubes_fw_gui.widgets.full_access_window import FullAccessWindow

    window = FullAccessWindow(SocketAdminPort(dom0.socket_path), "work", 15)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    drain()
    dom0.stop()
    qtbot.mouseClick(window.box.startButton, Qt.LeftButton)
    qtbot.waitUntil(window.errorLabel.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: "Not following" in window.statusLabel.text(), timeout=5000)
    label = window.errorLabel
    assert "Cannot reach qubesd" in label.text()
    # The offscreen platform grows windows by itself, so the geometry below holds there
    # even without the fix; wrapping is what keeps a long message inside on X.
    assert label.wordWrap() and window.statusLabel.wordWrap()
    # Every wrapped line of the message is inside the window, none cut at its edges.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    assert label.geometry().bottom() <= window.height() and label.geometry().right() <= window.width()
    status = window.statusLabel
    assert status.height() >= status.heightForWidth(status.width())
    assert window.closeButton.geometry().bottom() <= window.height()
    window.shutdown()
    dom0.start()


def test_alt_e_opens_the_rule_editor_even_while_full_access_is_on(qtbot, sandbox, sandbox_port) -> None:


    dialog = open_dialog(qtbot, sandbox_port, "work", active=True)
    box = dialog.tab.full_access_box
    with qtbot.waitSignal(dialog.tab.saved, timeout=5000):
        qtbot.mouseClick(box.startButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: box.endButton.isVisible() and box.endButton.isEnabled(), timeout=5000)
    table = dialog.tab.table
    table.setFocus()
    table.selectRow(1)
    assert dialog.tab.editButton.isEnabled()
    qtbot.keyClick(table, Qt.Key_E, Qt.AltModifier)  # &Edit…, no longer shared with "End now"
    qtbot.waitUntil(lambda: dialog.tab.rule_dialog is not None and dialog.tab.rule_dialog.isVisible(), timeout=3000)
    dialog.tab.rule_dialog.reject()
    assert box.endButton.text().replace("&", "") == "End now"
    dialog.reject()
    drain()


def test_power_states_are_shown_in_the_persons_language(qtbot, sandbox_port) -> None:
    from PyQt5.QtCore import QCoreApplication, QTranslator

    from qubes_fw_gui.widgets.chooser import COL_STATE, QubeChooser

    class Shouting(QTranslator):
        """A stand-in language: every power-state word in capitals."""

        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            return source.upper() if context == "PowerState" else None

    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        chooser = QubeChooser(sandbox_port)
        qtbot.addWidget(chooser)
        chooser.show()
        qtbot.waitUntil(lambda: "work" in chooser.names(), timeout=5000)
        assert chooser.text_of("work", COL_STATE) == "RUNNING"
        assert chooser.text_of("vault", COL_STATE) == "HALTED"
        chooser.close()
    finally:
        QCoreApplication.removeTranslator(translator)
    drain()


def test_the_conflict_question_offers_each_choice_once(qtbot, sandbox, sandbox_port) -> None:
    tab = open_tab(qtbot, sandbox_port)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    SocketAdminPort(sandbox.socket_path).call(
        "admin.vm.firewall.Set", "work", payload=b"action=accept dst4=198.51.100.7\naction=drop\n"
    )
    qtbot.waitUntil(lambda: "outside" in tab.message_texts(), timeout=5000)
    tab.save()
    qtbot.waitUntil(lambda: "conflict" in tab.message_texts(), timeout=5000)
    bar = tab.message_bar("conflict")
    texts = [button.text() for button in bar.findChildren(type(tab.addButton)) if button.isVisible()]
    assert "Cancel" not in texts and len(texts) == len(set(texts))
    assert {"Overwrite with my rules", "Reload (discard my edits)…"} <= set(texts)
    assert tab.is_modified()
    tab.shutdown()
    drain()


def test_import_says_it_replaced_the_list_and_how_to_undo(qtbot, sandbox_port, tmp_path) -> None:
    tab = open_tab(qtbot, sandbox_port)  # work: 7 rules and the default
    path = tmp_path / "two.rules"
    path.write_text("action=accept proto=tcp dstports=22\naction=drop\n")
    width = tab.minimumSizeHint().width()
    assert tab.import_file(str(path))
    assert tab.statusLabel.text() == "Imported 2 rules in place of 8; not saved yet (Ctrl+Z undoes it)."
    assert tab.minimumSizeHint().width() <= width + 40  # the note never widens the window much
    tab.shutdown()
    drain()


def test_chooser_without_dom0_says_why_without_growing_off_the_screen(qtbot, tmp_path) -> None:
    from qubes_fw_gui.widgets.chooser import QubeChooser

    chooser = QubeChooser(SocketAdminPort(tmp_path / "a-rather-long-folder-name-for-the-socket" / "qubesd.sock"))
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitUntil(lambda: chooser.statusLabel.text().startswith("Cannot list the qubes"), timeout=5000)
    assert "Cannot reach qubesd" in chooser.statusLabel.text()
    assert chooser.minimumSizeHint().width() <= 700  # the message wraps instead of widening the window
    chooser.close()
    drain()


def test_rules_never_read_show_no_default_action_and_offer_no_test_or_full_access(qtbot, tmp_path) -> None:
    tab = FirewallTab(SocketAdminPort(tmp_path / "gone" / "qubesd.sock"))
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.error, timeout=5000):
        tab.load("work")
    assert "cannot be reached" in tab.message_texts()["load"]
    pinned = tab.model.index(tab.model.pinned_row, 1).data()
    assert "drop" not in pinned and "accept" not in pinned  # nothing is known about the qube's policy
    assert pinned == "The rules could not be read (see above)"
    assert not tab.connectionTest.isEnabled()
    assert not tab.full_access_box.isEnabled()
    tab.shutdown()
    drain()


def test_once_read_the_test_and_full_access_work_again(qtbot, sandbox_port) -> None:
    tab = open_tab(qtbot, sandbox_port)
    assert tab.connectionTest.isEnabled() and tab.full_access_box.isEnabled()
    assert tab.model.index(tab.model.pinned_row, 1).data() == "Anything else: drop"
    tab.shutdown()
    drain()


def test_after_apply_the_keyboard_focus_is_on_the_rule_list(qtbot, sandbox, sandbox_port) -> None:
    from PyQt5.QtWidgets import QApplication


    dialog = open_dialog(qtbot, sandbox_port, "work", active=True)
    dialog.tab.table.setFocus()
    dialog.tab.table.selectRow(0)
    qtbot.keyClick(dialog.tab.table, Qt.Key_Delete)
    dialog.apply_button.setFocus()  # as after Tab to Apply, or a click on it
    with qtbot.waitSignal(dialog.tab.saved, timeout=5000):
        qtbot.keyClick(dialog.apply_button, Qt.Key_Space)
    assert QApplication.focusWidget() is dialog.tab.table  # not the rule filter
    dialog.reject()
    drain()
