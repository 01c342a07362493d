"""The qube's dialog (OK / Apply / Cancel / Reload), the chooser, and run_gui's port choice."""

from __future__ import annotations

import argparse

from PyQt5.QtCore import Qt

from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.app import build_port, build_window, default_sandbox_dir
from qubes_fw_gui.widgets.chooser import COL_FIREWALL, COL_NETVM, QubeChooser
from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog
from qubes_fw_gui.widgets.rule_table import COL_TARGET
from tests.widgets.helpers import drain, open_dialog, set_payloads


def delete_first_rule(qtbot, dialog: QubeFirewallDialog) -> None:
    table = dialog.tab.table
    rect = table.visualRect(dialog.tab.model.index(0, COL_TARGET))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    qtbot.mouseClick(dialog.tab.deleteButton, Qt.LeftButton)


def test_title_names_the_qube_and_shows_its_label_colour(qtbot, port) -> None:
    dialog = open_dialog(qtbot, port)
    assert dialog.windowTitle() == "Firewall: work"
    qtbot.waitUntil(lambda: "#3465a4" in dialog.labelSwatch.styleSheet(), timeout=3000)  # blue
    assert "netvm: sys-firewall" in dialog.qubeDetails.text()
    assert dialog.tabs.count() == 1  # work provides no network: no leak-protection tab
    dialog.reject()


def test_apply_saves_and_ok_saves_and_closes(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    assert not dialog.apply_button.isEnabled()
    delete_first_rule(qtbot, dialog)
    assert dialog.apply_button.isEnabled() and dialog.windowTitle().endswith("*")
    with qtbot.waitSignal(dialog.tab.saved, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert not set_payloads(sandbox)[-1].startswith(b"action=accept dsthost=qubes-os.org")
    assert dialog.isVisible() and not dialog.apply_button.isEnabled()
    delete_first_rule(qtbot, dialog)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert set_payloads(sandbox)[-1].startswith(b"action=accept dst4=192.168.1.0/24")
    assert dialog.result() == dialog.Accepted


def test_cancel_on_a_modified_list_asks_first(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    delete_first_rule(qtbot, dialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert dialog.isVisible() and "press Cancel again" in dialog.closeNote.text()
    assert len(dialog.tab.rules()) == 7  # the edit is still there
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert set_payloads(sandbox) == []
    assert len(port.get_rules("work")) == 8


def test_reload_asks_then_reads_dom0_again(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    delete_first_rule(qtbot, dialog)
    qtbot.mouseClick(dialog.reload_button, Qt.LeftButton)
    assert dialog.tab.is_modified()
    with qtbot.waitSignal(dialog.tab.loaded, timeout=5000):
        qtbot.mouseClick(dialog.reload_button, Qt.LeftButton)
    assert not dialog.tab.is_modified() and len(dialog.tab.rules()) == 8
    dialog.reject()


def test_a_network_provider_gets_the_leak_protection_tab(qtbot, port) -> None:
    dialog = open_dialog(qtbot, port, "sys-vpn")
    qtbot.waitUntil(lambda: dialog.tabs.count() == 2, timeout=3000)
    assert dialog.tabs.tabText(1) == "Leak protection"
    dialog.reject()


def test_an_invalid_tunnel_list_never_enables_apply_or_ok(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port, "sys-vpn")
    qtbot.waitUntil(lambda: dialog.leak_panel is not None and dialog.leak_panel.is_loaded(), timeout=5000)
    panel = dialog.leak_panel
    dialog.show_page(panel)
    if not panel.enabledCheck.isChecked():
        qtbot.mouseClick(panel.enabledCheck, Qt.LeftButton)
    if not panel.tunnelOnlyCheck.isChecked():
        qtbot.mouseClick(panel.tunnelOnlyCheck, Qt.LeftButton)
    panel.interfacesEdit.clear()
    qtbot.keyClicks(panel.interfacesEdit, "wg0 bad/name")
    assert panel.is_modified() and not panel.is_valid()
    assert panel.interfacesMessage.isVisible()
    assert not dialog.apply_button.isEnabled() and not dialog.ok_button.isEnabled()
    assert dialog.apply_button.toolTip() == "Fix the marked field on the Leak protection tab first."
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible()
    features_set = [r for r in sandbox.requests if r.startswith(b"admin.vm.feature.Set")]
    assert features_set == []  # nothing half-saved
    for _ in range(len(" bad/name")):
        qtbot.keyClick(panel.interfacesEdit, Qt.Key_Backspace)
    assert panel.interfacesEdit.text() == "wg0"
    assert dialog.apply_button.isEnabled() and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert any(r.startswith(b"admin.vm.feature.Set") and b" sys-vpn\0" in r for r in sandbox.requests)
    dialog.reject()


def test_a_failed_ok_keeps_the_dialog_open(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    delete_first_rule(qtbot, dialog)
    drain()
    sandbox.stop()
    with qtbot.waitSignal(dialog.tab.error, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.tab.is_modified()
    assert "cannot be reached" in dialog.tab.message_texts()["save"]


# -- the chooser ---------------------------------------------------------------------


def test_chooser_lists_qubes_with_their_firewall_state(qtbot, sandbox, port) -> None:
    chooser = QubeChooser(port)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitUntil(lambda: "work" in chooser.names(), timeout=5000)
    assert chooser.text_of("work", COL_FIREWALL) == "7 rules, default drop"
    assert chooser.text_of("vault", COL_FIREWALL) == "no network"
    assert chooser.text_of("sys-net", COL_FIREWALL) == "direct network access: rules not applied"
    assert chooser.text_of("untrusted", COL_FIREWALL) == "accept all"
    assert chooser.text_of("banking", COL_NETVM) == "sys-vpn"
    assert "dom0" not in chooser.names()
    # A change made elsewhere shows without Refresh.
    SocketAdminPort(sandbox.socket_path).set_feature("sys-firewall", "service.qubes-firewall", "")
    port.reload_firewall("work")
    qtbot.waitUntil(lambda: chooser.text_of("work", COL_FIREWALL) == "netvm does not enforce", timeout=5000)
    chooser.close()


def test_chooser_double_click_opens_the_qubes_dialog(qtbot, port) -> None:
    chooser = QubeChooser(port)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitUntil(lambda: "banking" in chooser.names(), timeout=5000)
    chooser.filterEdit.setFocus()
    qtbot.keyClicks(chooser.filterEdit, "bank")
    assert chooser.names() == ["banking"]
    rect = chooser.table.visualRect(chooser.proxy.index(0, 0))
    qtbot.mouseClick(chooser.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    qtbot.mouseDClick(chooser.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    dialog = chooser.dialogs["banking"]
    qtbot.waitUntil(lambda: len(dialog.tab.rules()) == 3, timeout=5000)
    assert dialog.windowTitle().startswith("Firewall: banking")
    dialog.reject()
    chooser.close()


# -- run_gui's pieces ------------------------------------------------------------------


def test_sandbox_default_dir_is_per_user(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_sandbox_dir() == tmp_path / "data" / "qubes-fw-gui" / "sandbox"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_sandbox_dir() == tmp_path / "home" / ".local" / "share" / "qubes-fw-gui" / "sandbox"


def test_sandbox_option_starts_the_demo_world_and_says_so(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    args = argparse.Namespace(sandbox="", socket=None, stock=False, qube="work", full_access=None,
                              proxyvm=None, minutes=15)
    port, sandbox = build_port(args)
    try:
        assert sandbox.state_dir == tmp_path / "qubes-fw-gui" / "sandbox"
        assert [rule.api_line() for rule in port.get_rules("vault")] == ["action=drop comment=Offline vault"]
        window = build_window(args, port, "Sandbox dom0 with demo qubes")
        qtbot.addWidget(window)
        assert isinstance(window, QubeFirewallDialog)
        assert window.windowTitle() == "Firewall: work (sandbox dom0, demo qubes)"
        assert not window.sandboxNote.isHidden()
        window.tab.shutdown()
    finally:
        drain()
    sandbox.stop()


def test_enter_in_a_field_never_saves_and_closes(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    delete_first_rule(qtbot, dialog)
    dialog.tab.filterEdit.setFocus()
    qtbot.keyClicks(dialog.tab.filterEdit, "https")
    qtbot.keyClick(dialog.tab.filterEdit, Qt.Key_Return)
    box = dialog.tab.connectionTest
    qtbot.keyClicks(box.host_edit, "10.1.2.3")
    qtbot.keyClick(box.host_edit, Qt.Key_Return)  # runs the test, nothing else
    assert box.verdict_text().startswith("Dropped by rule 5.")
    assert dialog.isVisible() and dialog.tab.is_modified() and set_payloads(sandbox) == []
    dialog.reject()
    dialog.reject()


def test_ok_during_a_conflict_asks_and_keeps_the_dialog_usable(qtbot, sandbox, port) -> None:
    dialog = open_dialog(qtbot, port)
    delete_first_rule(qtbot, dialog)
    SocketAdminPort(sandbox.socket_path).call("admin.vm.firewall.Set", "work", payload=b"action=drop\n")
    assert set_payloads(sandbox) == [b"action=drop\n"]  # made elsewhere
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "conflict" in dialog.tab.message_texts(), timeout=5000)
    assert dialog.isVisible() and dialog.ok_button.isEnabled() and dialog.apply_button.isEnabled()
    assert len(set_payloads(sandbox)) == 1  # asked first: nothing of ours written
    with qtbot.waitSignal(dialog.tab.saved, timeout=5000):
        qtbot.mouseClick(dialog.tab.message_bar("conflict").buttons["overwrite"], Qt.LeftButton)
    assert set_payloads(sandbox)[-1].startswith(b"action=accept dsthost=github.com")
    assert dialog.isVisible()  # the person answered a question; OK closes from here
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
