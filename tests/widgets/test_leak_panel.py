"""The leak-protection panel against the sandbox dom0's real socket.

What a person notices: which feature writes reach dom0 (the exact request
bytes), what lands in the ProxyVM's QubesDB, what the panel shows next to a
bad field, which qubes it lists downstream, and when it warns that nothing
will enforce the settings.
"""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QPoint, Qt
from PyQt5.QtWidgets import QCheckBox, QLineEdit

from qubes_fw_gui.admin.port import PermissionDenied
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.downstream_list import firewall_summary
from qubes_fw_gui.widgets.feature_writes import plan_feature_writes
from qubes_fw_gui.widgets.leak_window import LeakProtectionWindow

PREFIX = "vm-config.qubes-fw-leakguard-"


def open_window(qtbot, port, qube: str) -> LeakProtectionWindow:
    """Open the --proxyvm window and wait for its first load (keep the window: it owns the panel)."""
    window = LeakProtectionWindow(port, qube)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.panel.is_loaded, timeout=5000)
    return window


def click(qtbot, box: QCheckBox) -> None:
    # On the indicator: a stretched check box's centre can be past its text.
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(edit, Qt.Key_Delete)
    qtbot.keyClicks(edit, text)


def feature_requests(sandbox, since: int) -> list[bytes]:
    return [r for r in sandbox.requests[since:] if r.startswith(b"admin.vm.feature.S") or r.startswith(b"admin.vm.feature.Remove")]


def save(qtbot, window: LeakProtectionWindow) -> None:
    assert window.save_button.isEnabled()
    with qtbot.waitSignal(window.panel.saved, timeout=5000):
        qtbot.mouseClick(window.save_button, Qt.LeftButton)


def test_switching_on_writes_the_settings_then_the_service(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    assert not panel.enabledCheck.isChecked()
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "tun0 wg0")
    before = len(sandbox.requests)
    save(qtbot, window)

    set_ = b"admin.vm.feature.Set+"
    assert feature_requests(sandbox, before) == [
        set_ + b"vm-config.qubes-fw-leakguard-block-ipv6 dom0 name sys-vpn\x001",
        set_ + b"vm-config.qubes-fw-leakguard-dns-servers dom0 name sys-vpn\x00",
        set_ + b"vm-config.qubes-fw-leakguard-dns-via-tunnel-only dom0 name sys-vpn\x001",
        set_ + b"vm-config.qubes-fw-leakguard-log-drops dom0 name sys-vpn\x000",
        set_ + b"vm-config.qubes-fw-leakguard-tunnel-interfaces dom0 name sys-vpn\x00tun0 wg0",
        set_ + b"vm-config.qubes-fw-leakguard-tunnel-only dom0 name sys-vpn\x001",
        set_ + b"service.qubes-fw-leakguard dom0 name sys-vpn\x001",
    ]
    qubesdb = sandbox.qubesdb("sys-vpn")
    assert qubesdb["/qubes-service/qubes-fw-leakguard"] == "1"
    assert qubesdb["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "tun0 wg0"
    assert qubesdb["/vm-config/qubes-fw-leakguard-tunnel-only"] == "1"
    assert qubesdb["/vm-config/qubes-fw-leakguard-dns-via-tunnel-only"] == "1"
    assert qubesdb["/vm-config/qubes-fw-leakguard-block-ipv6"] == "1"
    assert qubesdb["/vm-config/qubes-fw-leakguard-log-drops"] == "0"
    assert qubesdb["/vm-config/qubes-fw-leakguard-dns-servers"] == ""
    assert "running" in panel.statusLabel.text() and not panel.is_modified()
    assert not window.save_button.isEnabled()  # nothing left to save
    click(qtbot, panel.ipv6Check)  # "Saved" is no longer true once the person edits again
    assert panel.statusLabel.isHidden() and window.save_button.isEnabled()


def test_a_second_save_sends_only_what_changed(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    save(qtbot, window)

    click(qtbot, panel.logCheck)
    retype(qtbot, panel.resolversEdit, "10.8.0.1, fd00::1")
    before = len(sandbox.requests)
    save(qtbot, window)
    assert feature_requests(sandbox, before) == [
        b"admin.vm.feature.Set+vm-config.qubes-fw-leakguard-dns-servers dom0 name sys-vpn\x0010.8.0.1 fd00::1",
        b"admin.vm.feature.Set+vm-config.qubes-fw-leakguard-log-drops dom0 name sys-vpn\x001",
    ]
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-dns-servers"] == "10.8.0.1 fd00::1"


def test_switching_off_flips_only_the_service_and_keeps_the_settings(
    qtbot, sandbox, sandbox_port
) -> None:
    for name, value in {
        PREFIX + "tunnel-only": "1",
        PREFIX + "tunnel-interfaces": "wg0",
        PREFIX + "dns-via-tunnel-only": "1",
        PREFIX + "dns-servers": "10.8.0.1",
        PREFIX + "block-ipv6": "1",
        PREFIX + "log-drops": "1",
        "service.qubes-fw-leakguard": "1",
    }.items():
        sandbox_port.set_feature("sys-vpn", name, value)
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    assert panel.enabledCheck.isChecked()
    assert panel.interfacesEdit.text() == "wg0" and panel.resolversEdit.text() == "10.8.0.1"

    click(qtbot, panel.enabledCheck)
    # The settings are greyed out, not cleared: switching back on brings them back.
    assert not panel.settingsBox.isEnabled()
    assert panel.interfacesEdit.text() == "wg0" and panel.logCheck.isChecked()
    before = len(sandbox.requests)
    save(qtbot, window)
    assert feature_requests(sandbox, before) == [
        b"admin.vm.feature.Set+service.qubes-fw-leakguard dom0 name sys-vpn\x00"
    ]
    qubesdb = sandbox.qubesdb("sys-vpn")
    assert qubesdb["/qubes-service/qubes-fw-leakguard"] == "0"
    assert qubesdb["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "wg0"
    assert "off" in panel.statusLabel.text()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("tun0 eth0", "uplink"),
        ("bad/name", "not an interface name"),
        ("wg0 " + "x" * 16, "not an interface name"),
    ],
)
def test_a_bad_interface_is_named_next_to_the_field_and_blocks_save(
    qtbot, sandbox, sandbox_port, typed: str, says: str
) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg1")
    assert window.save_button.isEnabled() and panel.interfacesMessage.isHidden()

    retype(qtbot, panel.interfacesEdit, typed)
    assert panel.interfacesMessage.isVisible()
    assert says in panel.interfacesMessage.text()
    assert typed.split()[-1][:8] in panel.interfacesMessage.text()
    assert not window.save_button.isEnabled()
    before = len(sandbox.requests)
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)  # the shortcut of a disabled button does nothing
    assert feature_requests(sandbox, before) == []
    assert panel.interfacesEdit.text() == typed  # the person's text stays to be fixed

    retype(qtbot, panel.interfacesEdit, "tun0 wg+")
    assert panel.interfacesMessage.isHidden() and window.save_button.isEnabled()


def test_a_bad_resolver_is_named_next_to_its_field(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.resolversEdit, "10.8.0.1 10.139.1.1")
    assert panel.resolversMessage.isVisible() and "10.139.1.1" in panel.resolversMessage.text()
    assert not window.save_button.isEnabled()
    # Turning DNS-through-tunnel off takes the list out of effect: saving is possible again,
    # and the list is kept (greyed) for when the person turns it back on.
    click(qtbot, panel.dnsCheck)
    assert not panel.resolversEdit.isEnabled()
    assert panel.resolversEdit.text() == "10.8.0.1 10.139.1.1"
    assert window.save_button.isEnabled()
    click(qtbot, panel.dnsCheck)
    assert panel.resolversEdit.isEnabled() and not window.save_button.isEnabled()


def test_turning_a_toggle_off_greys_its_list_without_clearing_it(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    assert not panel.settingsBox.isEnabled()  # master switch off: nothing to set yet
    click(qtbot, panel.enabledCheck)
    assert panel.settingsBox.isEnabled() and panel.interfacesEdit.isEnabled()
    retype(qtbot, panel.interfacesEdit, "wg0 tun1")
    click(qtbot, panel.tunnelOnlyCheck)
    # DNS-through-the-tunnel still needs to know which interfaces are the tunnel.
    assert panel.interfacesEdit.isEnabled()
    click(qtbot, panel.dnsCheck)
    assert not panel.interfacesEdit.isEnabled() and not panel.resolversEdit.isEnabled()
    assert panel.interfacesEdit.text() == "wg0 tun1"
    click(qtbot, panel.tunnelOnlyCheck)
    assert panel.interfacesEdit.isEnabled() and panel.interfacesEdit.text() == "wg0 tun1"


def test_a_bad_list_stops_blocking_save_once_no_toggle_uses_it(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "eth0")
    click(qtbot, panel.tunnelOnlyCheck)
    assert not window.save_button.isEnabled()  # DNS through the tunnel still uses the list
    click(qtbot, panel.dnsCheck)
    assert window.save_button.isEnabled()
    assert "not saved while unused" in panel.interfacesMessage.text()
    before = len(sandbox.requests)
    save(qtbot, window)
    sent = feature_requests(sandbox, before)
    # The stored list stays the last good one; the bad text is kept on screen to fix later.
    assert b"admin.vm.feature.Set+vm-config.qubes-fw-leakguard-tunnel-interfaces dom0 name sys-vpn\x00tun0 wg0" in sent
    assert panel.interfacesEdit.text() == "eth0"


def test_downstream_qubes_of_sys_vpn_are_listed_with_their_firewall(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    tree = panel.downstreamTree
    rows = [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]
    # banking: bank.example.com:443, DNS, then a final drop.
    assert rows == [["banking", "Running", "2 rules, default drop"]]  # the word the chooser uses
    colour = tree.topLevelItem(0).icon(0).pixmap(12, 12).toImage().pixelColor(6, 6)
    assert colour.name() == "#73d216"  # the green label


def test_downstream_list_of_sys_firewall(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-firewall")
    panel = window.panel
    tree = panel.downstreamTree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())}
    assert set(rows) == {"work", "personal", "untrusted", "sys-vpn"}
    assert rows["untrusted"] == "accept all"
    assert rows["personal"] == "1 rule, default accept"


def test_sys_firewall_gets_the_not_enforced_banner_and_sys_vpn_does_not(qtbot, sandbox, sandbox_port) -> None:
    window_firewall = open_window(qtbot, sandbox_port, "sys-firewall")
    firewall = window_firewall.panel
    assert firewall.supportBanner.isVisible()
    banner = firewall.supportBanner.text()
    assert "will not be enforced" in banner and "debian-12-xfce" in banner
    assert "sudo dnf install ./qubes-fw-leakguard-*.noarch.rpm" in banner
    assert "no package for them yet" in banner  # no promise of a Debian package that does not exist

    window_vpn = open_window(qtbot, sandbox_port, "sys-vpn")
    vpn = window_vpn.panel
    assert vpn.supportBanner.isHidden()
    assert vpn.stateLabel.text().startswith("sys-vpn is running, and its template fedora-41-xfce provides")


def test_a_feature_changed_elsewhere_shows_up(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    sandbox_port.set_feature("sys-vpn", PREFIX + "log-drops", "1")
    qtbot.waitUntil(panel.logCheck.isChecked, timeout=5000)
    assert not panel.is_modified()


def test_edits_survive_a_change_made_elsewhere(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg7")
    sandbox_port.set_feature("sys-vpn", PREFIX + "log-drops", "1")
    qtbot.waitUntil(lambda: "changed elsewhere" in panel.statusLabel.text(), timeout=5000)
    assert panel.enabledCheck.isChecked() and panel.interfacesEdit.text() == "wg7"
    assert not panel.logCheck.isChecked()


def test_a_malformed_feature_is_explained(qtbot, sandbox, sandbox_port) -> None:
    sandbox_port.set_feature("sys-vpn", PREFIX + "tunnel-interfaces", "eth0")
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    text = panel.statusLabel.text()
    assert "malformed" in text and "tunnel-interfaces" in text and "uplink" in text
    # The defaults are shown and one Save repairs the stored value.
    assert panel.interfacesEdit.text() == "tun0 wg0"
    before = len(sandbox.requests)
    save(qtbot, window)
    assert b"admin.vm.feature.Set+vm-config.qubes-fw-leakguard-tunnel-interfaces dom0 name sys-vpn\x00tun0 wg0" in (
        feature_requests(sandbox, before)
    )
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "tun0 wg0"


def test_a_failed_save_keeps_the_edits_and_says_why(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg3")
    sandbox.stop()  # dom0 goes away between the edit and the Save
    with qtbot.waitSignal(panel.error, timeout=5000) as blocker:
        qtbot.mouseClick(window.save_button, Qt.LeftButton)
    assert blocker.args[0].startswith("Not saved")
    assert panel.statusLabel.isVisible() and panel.statusLabel.text() == blocker.args[0]
    assert panel.enabledCheck.isChecked() and panel.interfacesEdit.text() == "wg3"
    assert panel.is_modified() and window.save_button.isEnabled()


def test_close_with_unsaved_changes_asks_for_a_second_click(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    click(qtbot, window.panel.enabledCheck)
    qtbot.mouseClick(window.close_button, Qt.LeftButton)
    assert window.isVisible() and window.close_note.isVisible()
    assert "unsaved" in window.close_note.text()
    qtbot.mouseClick(window.close_button, Qt.LeftButton)
    assert not window.isVisible()


# -- the pure parts: which writes, and the firewall in a few words ---------------------------


def test_plan_writes_only_changes_and_orders_the_service_by_direction() -> None:
    current = {"service.qubes-fw-leakguard": "", PREFIX + "log-drops": "0", PREFIX + "block-ipv6": "1"}
    on = {PREFIX + "log-drops": "1", PREFIX + "block-ipv6": "1", "service.qubes-fw-leakguard": "1"}
    assert plan_feature_writes(current, on) == [
        (PREFIX + "log-drops", "1"),
        ("service.qubes-fw-leakguard", "1"),
    ]
    off = {PREFIX + "log-drops": "1", "service.qubes-fw-leakguard": "", "gone": None}
    assert plan_feature_writes({**current, "gone": "x", "service.qubes-fw-leakguard": "1"}, off) == [
        ("service.qubes-fw-leakguard", ""),
        ("gone", None),
        (PREFIX + "log-drops", "1"),
    ]
    assert plan_feature_writes(current, {"absent": None}) == []


@pytest.mark.parametrize(
    ("lines", "summary"),
    [
        (["action=accept"], "accept all"),
        (["action=drop"], "drop all"),
        ([], "no rules: everything dropped"),
        (["action=accept specialtarget=dns", "action=accept proto=icmp", "action=drop"], "2 rules, default drop"),
        (["action=accept proto=tcp dstports=443"], "1 rule, then drop (implicit)"),
        (["action=accept expire=100", "action=drop"], "drop all"),  # an expired window counts for nothing
        # An active expiring catch-all still decides while it lasts; only an accept is a window.
        (["action=accept proto=tcp", "action=drop expire=4000000000"], "1 rule, default drop"),
        (["action=drop expire=4000000000", "action=accept"], "1 rule, default accept"),
    ],
)
def test_firewall_summary(lines: list[str], summary: str) -> None:
    assert firewall_summary([Rule.parse(line) for line in lines], now=200) == summary


def test_firewall_summary_names_an_open_full_access_window() -> None:
    rules = [Rule.parse("action=accept expire=4000000000 comment=Full access"), Rule.parse("action=drop")]
    assert firewall_summary(rules, now=200).startswith("full access until ")


def test_a_halted_proxyvm_says_the_settings_apply_when_it_starts(qtbot, sandbox, sandbox_port) -> None:
    # personal (halted) becomes a ProxyVM for untrusted (halted), through the real Admin API.
    sandbox_port.call("admin.vm.property.Set", "personal", "provides_network", b"True")
    sandbox_port.call("admin.vm.property.Set", "untrusted", "netvm", b"personal")
    window = open_window(qtbot, sandbox_port, "personal")
    panel = window.panel
    assert panel.stateLabel.text() == "personal is not running: the settings apply when it starts."
    assert panel.supportBanner.isVisible()  # debian-12-xfce does not ship the service
    tree = panel.downstreamTree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == ["Halted"]
    click(qtbot, panel.enabledCheck)
    save(qtbot, window)
    assert panel.statusLabel.text() == "Saved: the settings apply when personal starts."
    assert sandbox.feature("personal", "service.qubes-fw-leakguard") == "1"


def test_the_downstream_list_follows_netvm_changes(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    tree = window.panel.downstreamTree
    assert tree.topLevelItemCount() == 1
    sandbox_port.call("admin.vm.property.Set", "work", "netvm", b"sys-vpn")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=5000)
    assert sorted(tree.topLevelItem(i).text(0) for i in range(2)) == ["banking", "work"]


def test_the_banner_goes_once_the_template_advertises_the_service(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-firewall")
    panel = window.panel
    assert panel.supportBanner.isVisible()
    # What the package's feature-request script makes dom0 record on the template.
    sandbox_port.set_feature("debian-12-xfce", "supported-service.qubes-fw-leakguard", "1")
    qtbot.waitUntil(panel.supportBanner.isHidden, timeout=5000)
    assert "provides the qubes-fw-leakguard service" in panel.stateLabel.text()


def test_load_discards_unsaved_edits(qtbot, sandbox, sandbox_port) -> None:
    # What the qube dialog's Reload does: read dom0 again, dropping what was not saved.
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg5")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.load()
    assert not panel.enabledCheck.isChecked() and panel.interfacesEdit.text() == "tun0 wg0"
    assert not panel.is_modified()


class _DenyingService:
    """The real socket port, except that dom0 refuses the service feature (as an
    admin-permission extension or a GUI domain's qrexec policy would) until allowed."""

    def __init__(self, port) -> None:
        self._port = port
        self.deny = True

    def __getattr__(self, name: str):
        return getattr(self._port, name)

    def set_feature(self, qube: str, name: str, value: str) -> None:
        if self.deny and name == "service.qubes-fw-leakguard":
            raise PermissionDenied("PermissionDenied", "")
        self._port.set_feature(qube, name, value)


def test_a_denied_write_is_named_inline_and_the_retry_sends_only_the_rest(
    qtbot, sandbox, sandbox_port
) -> None:
    port = _DenyingService(sandbox_port)
    window = open_window(qtbot, port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg0")
    with qtbot.waitSignal(panel.error, timeout=5000):
        qtbot.mouseClick(window.save_button, Qt.LeftButton)
    assert "dom0 denied permission to change service.qubes-fw-leakguard" in panel.statusLabel.text()
    assert panel.enabledCheck.isChecked() and panel.interfacesEdit.text() == "wg0"
    # The settings before the service flag did reach dom0; the guard is still off.
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "wg0"
    assert "/qubes-service/qubes-fw-leakguard" not in sandbox.qubesdb("sys-vpn")

    port.deny = False
    before = len(sandbox.requests)
    save(qtbot, window)
    assert feature_requests(sandbox, before) == [
        b"admin.vm.feature.Set+service.qubes-fw-leakguard dom0 name sys-vpn\x001"
    ]
    assert sandbox.qubesdb("sys-vpn")["/qubes-service/qubes-fw-leakguard"] == "1"


def test_an_unknown_qube_is_reported_in_the_panel(qtbot, sandbox, sandbox_port) -> None:
    window = LeakProtectionWindow(sandbox_port, "no-such-qube")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.panel.error, timeout=5000) as blocker:
        window.show()
    assert "no-such-qube" in blocker.args[0]
    assert window.panel.stateLabel.text() == blocker.args[0]
    assert not window.panel.enabledCheck.isEnabled() and not window.save_button.isEnabled()


def test_enter_in_a_list_field_saves(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "wg0")
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.keyClick(panel.interfacesEdit, Qt.Key_Return)
    assert window.isVisible()
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "wg0"


def test_an_empty_tunnel_list_warns_that_everything_is_blocked(qtbot, sandbox, sandbox_port) -> None:
    window = open_window(qtbot, sandbox_port, "sys-vpn")
    panel = window.panel
    click(qtbot, panel.enabledCheck)
    retype(qtbot, panel.interfacesEdit, "")
    assert panel.interfacesMessage.isVisible()
    assert "all downstream traffic will be blocked" in panel.interfacesMessage.text()
    assert window.save_button.isEnabled()  # a deliberate block-all is allowed, just said out loud
    save(qtbot, window)
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == ""
