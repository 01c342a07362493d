"""The firewall tab, driven like a person would, against the sandbox dom0 over its real socket.

Every save is checked twice: the exact admin.vm.firewall.Set payload qubesd
received, and the keys qubesd wrote into sys-firewall's QubesDB for work
(10.137.0.4).
"""

from __future__ import annotations

import time

import pytest
from PyQt5.QtCore import QMimeData, QPoint, Qt
from PyQt5.QtGui import QDropEvent
from PyQt5.QtWidgets import QDialogButtonBox

from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.model.payload import MAX_REQUEST_BYTES, set_header
from qubes_fw_gui.widgets.firewall_tab import FirewallTab
from qubes_fw_gui.widgets.rule_table import (
    COL_ACTION,
    COL_COMMENT,
    COL_EXPIRES,
    COL_L7,
    COL_NUMBER,
    COL_PORT,
    COL_TARGET,
    ROW_MIME,
)
from tests.widgets.helpers import drain, open_tab, set_payloads

WORK_IP = "10.137.0.4"

# The demo world's rules of work, in qubesd's canonical Get form.
WORK = [
    "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website",
    "action=accept dsthost=github.com proto=tcp dstports=443-443 comment=Code hosting",
    "action=accept dst4=192.168.1.0/24 proto=udp dstports=5353-5353 comment=mDNS on the office LAN",
    "action=accept specialtarget=dns",
    "action=accept proto=icmp icmptype=8 comment=ping",
    "action=drop dst4=10.0.0.0/8 comment=No intranet",
    "action=accept proto=tcp dstports=443-443 comment=Any HTTPS",
    "action=drop",
]




# -- helpers ---------------------------------------------------------------------


def lines(payload: bytes) -> list[str]:
    text = payload.decode("ascii")
    assert text.endswith("\n")
    return text.splitlines()


def firewall_keys(sandbox, ip: str = WORK_IP) -> dict[str, str]:
    prefix = f"/qubes-firewall/{ip}/"
    return {key[len(prefix):]: value for key, value in sandbox.qubesdb("sys-firewall").items() if key.startswith(prefix)}


def qubesdb_form(line: str) -> str:
    """What qubesd writes to QubesDB for a canonical line (no expire, no comment)."""
    kept = [part for part in line.split(" comment=")[0].split(" ") if not part.startswith("expire=")]
    return " ".join(kept)


def shown(tab: FirewallTab, row: int, column: int) -> str:
    return tab.model.index(row, column).data()



@pytest.fixture
def tab(qtbot, sandbox, port):
    tab = open_tab(qtbot, port)
    yield tab
    tab.shutdown()


def save(qtbot, tab: FirewallTab) -> None:
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.save()


def click_row(qtbot, tab: FirewallTab, row: int, modifier=Qt.NoModifier) -> None:
    rect = tab.table.visualRect(tab.model.index(row, COL_TARGET))
    qtbot.mouseClick(tab.table.viewport(), Qt.LeftButton, modifier, rect.center())


def open_rule_dialog(qtbot, tab: FirewallTab, button=None):
    qtbot.mouseClick(button or tab.addButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.rule_dialog is not None and tab.rule_dialog.isVisible(), timeout=3000)
    return tab.rule_dialog


def press_ok(qtbot, dialog) -> None:
    ok = dialog.buttonBox.button(QDialogButtonBox.Ok)
    assert ok.isEnabled(), dialog.findChild(object, "portStatus")
    qtbot.mouseClick(ok, Qt.LeftButton)


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)


# -- loading and showing ---------------------------------------------------------------


def test_table_shows_rules_in_qubes_words(tab) -> None:
    assert tab.model.rowCount() == len(WORK)  # 7 rules + the pinned default row
    assert [shown(tab, 0, c) for c in (COL_NUMBER, COL_ACTION, COL_TARGET, COL_PORT)] == [
        "1", "accept", "qubes-os.org", "https (443)"]
    assert shown(tab, 3, COL_TARGET) == "DNS servers"
    assert shown(tab, 4, COL_PORT) == "echo-request (8)"
    assert shown(tab, 5, COL_TARGET) == "10.0.0.0/8"
    assert shown(tab, 6, COL_TARGET) == "any"
    assert shown(tab, 7, COL_ACTION) == "Anything else: drop"
    assert not tab.is_modified()
    assert [rule.api_line() for rule in tab.rules()] == WORK


def test_without_a_catch_all_the_pinned_row_names_qubesds_implicit_drop(qtbot, sandbox, port) -> None:
    sandbox.seed_rules("work", ["action=accept dst4=1.2.3.4 proto=tcp dstports=22"])
    tab = open_tab(qtbot, port)
    assert shown(tab, 0, COL_TARGET) == "1.2.3.4"  # /32 stripped for display only
    assert shown(tab, 1, COL_ACTION) == "Anything else: drop (implicit, qubesd's policy)"
    assert tab.defaultCombo.currentData() == "implicit"
    tab.shutdown()


# -- adding rules through the rule dialog --------------------------------------------------


def test_add_an_https_rule_by_typing_https(qtbot, sandbox, tab) -> None:
    dialog = open_rule_dialog(qtbot, tab)
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo.lineEdit(), "https")
    type_into(qtbot, dialog.commentEdit, "web")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(WORK) + 1)
    # Nothing selected, so the rule goes last, just before the default action.
    assert shown(tab, 7, COL_PORT) == "https (443)"
    assert tab.is_modified()
    save(qtbot, tab)
    expected = WORK[:7] + ["action=accept proto=tcp dstports=443-443 comment=web", "action=drop"]
    assert lines(set_payloads(sandbox)[-1]) == expected
    keys = firewall_keys(sandbox)
    assert keys["0007"] == "action=accept proto=tcp dstports=443-443"
    assert keys["0008"] == "action=drop"
    assert keys["policy"] == "drop"
    assert not tab.is_modified()


def test_add_a_drop_rule_after_the_selected_rule(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 1)
    dialog = open_rule_dialog(qtbot, tab)
    qtbot.mouseClick(dialog.actionDrop, Qt.LeftButton)
    dialog.targetKind.setCurrentIndex(2)  # Address, network or host name
    type_into(qtbot, dialog.targetEdit, "203.0.113.0/24")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(WORK) + 1)
    assert shown(tab, 2, COL_ACTION) == "drop"
    assert tab.table.selected_rows() == [2]
    save(qtbot, tab)
    expected = WORK[:2] + ["action=drop dst4=203.0.113.0/24"] + WORK[2:]
    assert lines(set_payloads(sandbox)[-1]) == expected
    assert firewall_keys(sandbox)["0002"] == "action=drop dst4=203.0.113.0/24"


def test_keyboard_only_add_edit_delete(qtbot, sandbox, tab) -> None:
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_Home)
    qtbot.keyClick(tab.table, Qt.Key_Down)  # row 1 (github.com)
    qtbot.keyClick(tab.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: tab.rule_dialog is not None and tab.rule_dialog.isVisible())
    dialog = tab.rule_dialog
    assert dialog.targetEdit.text() == "github.com"
    type_into(qtbot, dialog.commentEdit, "Code")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: shown(tab, 1, 7) == "Code")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_Delete)
    assert [rule.api_line() for rule in tab.rules()] == WORK[:1] + WORK[2:]
    save(qtbot, tab)
    assert lines(set_payloads(sandbox)[-1]) == WORK[:1] + WORK[2:]


# -- reordering ---------------------------------------------------------------------------


def test_reorder_with_buttons_and_ctrl_arrows(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.downButton, Qt.LeftButton)  # qubes-os.org goes below github.com
    assert tab.table.selected_rows() == [1]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_Down, Qt.ControlModifier)  # and below the LAN rule
    assert shown(tab, 2, COL_TARGET) == "qubes-os.org"
    click_row(qtbot, tab, 6)
    qtbot.mouseClick(tab.upButton, Qt.LeftButton)
    save(qtbot, tab)
    expected = [WORK[1], WORK[2], WORK[0], WORK[3], WORK[4], WORK[6], WORK[5], WORK[7]]
    assert lines(set_payloads(sandbox)[-1]) == expected
    keys = firewall_keys(sandbox)
    assert keys["0005"] == "action=accept proto=tcp dstports=443-443"
    assert keys["0006"] == "action=drop dst4=10.0.0.0/8"


def test_the_default_row_cannot_move(qtbot, tab) -> None:
    click_row(qtbot, tab, 7)
    assert not tab.upButton.isEnabled() and not tab.deleteButton.isEnabled()


def test_drag_two_rules_to_a_new_place(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 0)
    click_row(qtbot, tab, 1, Qt.ControlModifier)
    rows = tab.table.selected_rows()
    assert rows == [0, 1]
    mime = tab.model.mimeData([tab.model.index(row, 0) for row in rows])
    assert mime.hasFormat(ROW_MIME)
    target = tab.table.visualRect(tab.model.index(5, COL_TARGET))
    drop_at = QPoint(target.center().x(), target.top() + 2)  # upper half of row 6: before it
    event = QDropEvent(drop_at, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    tab.table.dropEvent(event)
    assert [shown(tab, row, COL_TARGET) for row in (3, 4)] == ["qubes-os.org", "github.com"]
    save(qtbot, tab)
    expected = [WORK[2], WORK[3], WORK[4], WORK[0], WORK[1], WORK[5], WORK[6], WORK[7]]
    assert lines(set_payloads(sandbox)[-1]) == expected


def test_a_foreign_drop_changes_nothing(qtbot, tab) -> None:
    mime = QMimeData()
    mime.setText("action=drop")
    event = QDropEvent(QPoint(10, 10), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    tab.table.dropEvent(event)
    assert [rule.api_line() for rule in tab.rules()] == WORK


# -- round trip ---------------------------------------------------------------------------


def test_qvm_firewall_rules_round_trip_unchanged(qtbot, sandbox, port, qubesd_recording) -> None:
    """Rules set the way qvm-firewall sets them come back byte for byte after load + save."""
    recorded_set = (qubesd_recording / "rules-example-set.txt").read_bytes()
    recorded_get = (qubesd_recording / "rules-example-get.txt").read_bytes()
    other = SocketAdminPort(sandbox.socket_path)
    other.call("admin.vm.firewall.Set", "work", payload=recorded_set)
    tab = open_tab(qtbot, port)
    assert shown(tab, 5, COL_PORT) == "echo-request (8)"
    assert shown(tab, 6, COL_TARGET) == "DNS servers"
    assert shown(tab, 8, 6).startswith("ends " + time.strftime("%Y-%m-%d %H:%M", time.localtime(4102444800)))
    assert not tab.is_modified()
    save(qtbot, tab)
    assert set_payloads(sandbox)[-1] == recorded_get
    recorded_keys = {}
    for line in (qubesd_recording / "rules-example-qubesdb.txt").read_text().splitlines():
        key, _, value = line.partition(" = ")
        recorded_keys[key] = value.strip("'")
    prefix = f"/qubes-firewall/{WORK_IP}"
    ours = {key: value for key, value in sandbox.qubesdb("sys-firewall").items() if key.startswith(prefix)}
    assert ours == recorded_keys
    tab.shutdown()


# -- errors keep the edits -------------------------------------------------------------------


def test_rejected_save_keeps_the_edits_and_names_the_l7_cause(qtbot, stock_sandbox) -> None:
    port = SocketAdminPort(stock_sandbox.socket_path)
    tab = open_tab(qtbot, port)
    before = [rule.api_line() for rule in port.get_rules("work")]
    click_row(qtbot, tab, 0)
    dialog = open_rule_dialog(qtbot, tab, tab.editButton)
    dialog.l7Combo.setCurrentIndex(dialog.l7Combo.findData("TLS"))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: shown(tab, 0, 5) == "TLS")
    with qtbot.waitSignal(tab.error, timeout=5000):
        tab.save()
    error = tab.message_texts()["save"]
    assert "L7 protocol of rule(s) 1" in error and "edits are kept" in error
    assert tab.is_modified() and tab.rules()[0].l7 == "TLS"
    assert [rule.api_line() for rule in port.get_rules("work")] == before
    assert "dpi=TLS" in set_payloads(stock_sandbox)[-1].decode()  # it was sent and refused
    tab.shutdown()
    drain()


def test_dom0_unreachable_keeps_the_edits(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    drain()
    sandbox.stop()
    with qtbot.waitSignal(tab.error, timeout=5000):
        tab.save()
    assert "cannot be reached" in tab.message_texts()["save"]
    assert [rule.api_line() for rule in tab.rules()] == WORK[1:]
    assert tab.is_modified()


def test_over_64_kib_is_refused_before_sending_and_says_how_many_fit(qtbot, sandbox, port) -> None:
    seeded = [
        f"action=accept dst4=10.{i // 250}.{i % 250}.1/32 proto=tcp dstports=443-443 comment=host {i}"
        for i in range(1200)
    ] + ["action=drop"]
    sandbox.seed_rules("work", seeded)
    tab = open_tab(qtbot, port)
    assert tab.model.rowCount() == 1201
    size, fits = len(set_header("work")), 0
    for line in seeded:
        size += len(line) + 1
        if size > MAX_REQUEST_BYTES:
            break
        fits += 1
    sent_before = len(sandbox.requests)
    with qtbot.waitSignal(tab.error, timeout=2000):
        tab.save()
    message = tab.message_texts()["save"]
    assert f"Only the first {fits} of these rules fit" in message
    assert fits < 1201
    sent = [request.split(b"\0")[0] for request in sandbox.requests[sent_before:]]
    assert not [header for header in sent if header.startswith(b"admin.vm.firewall")]  # no Get, no Set
    assert tab.model.rowCount() == 1201
    tab.shutdown()


# -- changes made elsewhere ------------------------------------------------------------------


def test_conflicting_external_change_is_detected_and_can_be_overwritten(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    other = SocketAdminPort(sandbox.socket_path)
    other.call("admin.vm.firewall.Set", "work", payload=("action=accept dst4=198.51.100.7 proto=tcp dstports=22\n"
                                                         + "\n".join(WORK) + "\n").encode())
    qtbot.waitUntil(lambda: "outside" in tab.message_texts(), timeout=5000)
    sets_before = len(set_payloads(sandbox))
    tab.save()
    qtbot.waitUntil(lambda: "conflict" in tab.message_texts(), timeout=5000)
    conflict = tab.message_texts()["conflict"]
    assert "Added there: action=accept dst4=198.51.100.7/32 proto=tcp dstports=22-22" in conflict
    assert len(set_payloads(sandbox)) == sets_before  # asked first, nothing written
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(tab.message_bar("conflict").buttons["overwrite"], Qt.LeftButton)
    assert lines(set_payloads(sandbox)[-1]) == WORK[1:]
    assert firewall_keys(sandbox)["0000"] == "action=accept dsthost=github.com proto=tcp dstports=443-443"


def test_conflict_reload_discards_edits_after_confirmation(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    other = SocketAdminPort(sandbox.socket_path)
    other.call("admin.vm.firewall.Set", "work", payload=b"action=drop comment=locked down\n")
    tab.save()
    qtbot.waitUntil(lambda: "conflict" in tab.message_texts(), timeout=5000)
    bar = tab.message_bar("conflict")
    qtbot.mouseClick(bar.buttons["reload"], Qt.LeftButton)
    assert tab.is_modified()  # first click only asks
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        qtbot.mouseClick(bar.buttons["confirm-reload"], Qt.LeftButton)
    assert [rule.api_line() for rule in tab.rules()] == ["action=drop comment=locked down"]
    assert not tab.is_modified()


def test_unmodified_view_follows_changes_made_elsewhere(qtbot, sandbox, tab) -> None:
    other = SocketAdminPort(sandbox.socket_path)
    other.call("admin.vm.firewall.Set", "work", payload=b"action=accept proto=udp dstports=123\naction=drop\n")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    assert shown(tab, 0, COL_PORT) == "ntp (123)"
    assert tab.message_texts() == {}


def test_an_expiring_rule_leaves_the_table_and_the_edits_stay(qtbot, sandbox, port) -> None:
    expire = int(time.time()) + 2
    sandbox.seed_rules("work", [f"action=accept expire={expire} comment=short window", *WORK])
    tab = open_tab(qtbot, port)
    assert shown(tab, 0, COL_ACTION) == "accept" and tab.model.rowCount() == len(WORK) + 1
    assert shown(tab, 0, 6).startswith("ends ") and "(in 0:0" in shown(tab, 0, 6)  # live countdown
    click_row(qtbot, tab, 7)  # an edit the expiry must not disturb: delete "Any HTTPS"
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    loads = []
    tab.loaded.connect(lambda: loads.append(1))
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(WORK) - 1, timeout=6000)
    assert [rule.api_line() for rule in tab.rules()] == WORK[:6] + WORK[7:]
    assert tab.is_modified() and loads == [] and "outside" not in tab.message_texts()
    # dom0 rewrote sys-firewall's keys without the window: work's first rule is 0000 again.
    qtbot.waitUntil(lambda: firewall_keys(sandbox).get("0000") == qubesdb_form(WORK[0]), timeout=2000)
    assert "0008" not in firewall_keys(sandbox)
    save(qtbot, tab)
    assert lines(set_payloads(sandbox)[-1]) == WORK[:6] + WORK[7:]
    tab.shutdown()


# -- undo, filter, connection test, default action ----------------------------------------------


def test_undo_and_redo_every_edit(qtbot, tab) -> None:
    click_row(qtbot, tab, 2)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.duplicateButton, Qt.LeftButton)
    assert len(tab.rules()) == len(WORK)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_Z, Qt.ControlModifier)  # undo the duplicate
    assert [r.api_line() for r in tab.rules()] == WORK[:2] + WORK[3:]
    qtbot.mouseClick(tab.undoButton, Qt.LeftButton)  # undo the delete
    assert [r.api_line() for r in tab.rules()] == WORK and not tab.is_modified()
    qtbot.mouseClick(tab.redoButton, Qt.LeftButton)
    assert [r.api_line() for r in tab.rules()] == WORK[:2] + WORK[3:]
    assert tab.is_modified()


def test_default_action_choice_is_one_undoable_edit(qtbot, sandbox, tab) -> None:
    tab.defaultCombo.setFocus()
    qtbot.keyClick(tab.defaultCombo, Qt.Key_Down)  # drop -> accept
    assert shown(tab, 7, COL_ACTION) == "Anything else: accept"
    save(qtbot, tab)
    assert lines(set_payloads(sandbox)[-1])[-1] == "action=accept"
    qtbot.keyClick(tab.defaultCombo, Qt.Key_Down)  # -> implicit
    assert [r.api_line() for r in tab.rules()] == WORK[:7]
    qtbot.mouseClick(tab.undoButton, Qt.LeftButton)
    assert tab.rules()[-1].api_line() == "action=accept"


def test_filter_shows_matching_rules_and_the_default(qtbot, tab) -> None:
    qtbot.keyClicks(tab.filterEdit, "https")
    assert tab.visible_rows() == [0, 1, 6, 7]
    tab.filterEdit.clear()
    qtbot.keyClicks(tab.filterEdit, "intranet")
    assert tab.visible_rows() == [5, 7]
    tab.filterEdit.clear()
    assert tab.visible_rows() == list(range(8))


def test_connection_test_highlights_the_deciding_rule(qtbot, tab) -> None:
    box = tab.connectionTest
    qtbot.keyClicks(box.host_edit, "10.1.2.3")
    box.proto_combo.setCurrentIndex(box.proto_combo.findData("tcp"))
    qtbot.keyClicks(box.port_edit, "https")
    qtbot.mouseClick(box.test_button, Qt.LeftButton)
    assert box.verdict_text().startswith("Dropped by rule 6.")
    assert tab.model.highlighted_row() == 5 and tab.table.selected_rows() == [5]
    box.host_edit.clear()
    qtbot.keyClicks(box.host_edit, "93.184.216.34")
    qtbot.mouseClick(box.test_button, Qt.LeftButton)
    assert box.verdict_text().startswith("Accepted by rule 7.")
    assert tab.table.selected_rows() == [6]
    box.proto_combo.setCurrentIndex(box.proto_combo.findData("udp"))
    box.port_edit.clear()
    qtbot.keyClicks(box.port_edit, "9999")
    qtbot.mouseClick(box.test_button, Qt.LeftButton)
    assert box.verdict_text().startswith("Dropped by rule 8.")  # the explicit default
    assert tab.table.selected_rows() == [7]


# -- banners -------------------------------------------------------------------------------------


def test_banner_for_a_qube_without_netvm(qtbot, port) -> None:
    tab = open_tab(qtbot, port, "vault")
    qtbot.waitUntil(lambda: bool(tab.situation_texts()), timeout=3000)
    assert tab.situation_texts() == [
        "vault has no netvm, so it has no network access at all: these rules have no effect until a netvm is set."
    ]
    tab.shutdown()


def test_banner_for_direct_network_access(qtbot, port) -> None:
    tab = open_tab(qtbot, port, "sys-net")
    qtbot.waitUntil(lambda: bool(tab.situation_texts()), timeout=3000)
    assert "sys-net has direct network access" in tab.situation_texts()[0]
    assert "never applied" in tab.situation_texts()[0]
    tab.shutdown()


def test_banners_follow_the_netvms_enforcement(qtbot, sandbox, port, tab) -> None:
    qtbot.waitUntil(lambda: tab.facts is not None, timeout=3000)
    assert tab.situation_texts() == []
    port.set_feature("sys-firewall", "service.qubes-firewall", "")
    tab.load("work")
    qtbot.waitUntil(lambda: any("turned off" in text for text in tab.situation_texts()), timeout=3000)


def test_l7_rule_behind_a_firewallvm_without_support_warns_before_saving(qtbot, sandbox, port) -> None:
    # banking sits behind sys-vpn, whose template does not advertise L7 support.
    tab = open_tab(qtbot, port, "banking")
    click_row(qtbot, tab, 0)
    dialog = open_rule_dialog(qtbot, tab, tab.editButton)
    qtbot.waitUntil(lambda: "does not advertise L7 support" in dialog.l7Note.text(), timeout=3000)
    dialog.l7Combo.setCurrentIndex(dialog.l7Combo.findData("TLS"))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: any("DROP ALL traffic" in text for text in tab.situation_texts()), timeout=3000)
    sets_before = len(set_payloads(sandbox, "banking"))
    tab.save()
    qtbot.waitUntil(lambda: "l7" in tab.message_texts(), timeout=3000)
    assert len(set_payloads(sandbox, "banking")) == sets_before
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(tab.message_bar("l7").buttons["save-anyway"], Qt.LeftButton)
    assert "dpi=TLS" in set_payloads(sandbox, "banking")[-1].decode()
    tab.shutdown()


# -- import / export ---------------------------------------------------------------------------------


def test_import_refuses_a_file_with_errors_and_keeps_the_rules(qtbot, tmp_path, tab) -> None:
    path = tmp_path / "bad.rules"
    path.write_text("action=accept dsthost=1.2.3.4\naction=accept  proto=tcp\nproto=tcp dstports=99999 action=drop\n")
    assert not tab.import_file(str(path))
    message = tab.message_texts()["import"]
    assert "line 2" in message and "line 3" in message and "line 1:" not in message
    assert [rule.api_line() for rule in tab.rules()] == WORK


def test_import_then_export_in_admin_api_form(qtbot, tmp_path, sandbox, tab, qubesd_recording) -> None:
    path = tmp_path / "good.rules"
    path.write_bytes((qubesd_recording / "rules-example-set.txt").read_bytes())
    assert tab.import_file(str(path))
    out = tmp_path / "out.rules"
    tab.export_file(str(out))
    assert out.read_bytes() == (qubesd_recording / "rules-example-get.txt").read_bytes()
    qtbot.mouseClick(tab.undoButton, Qt.LeftButton)
    assert [rule.api_line() for rule in tab.rules()] == WORK


def test_banner_when_the_netvm_lacks_the_qubes_firewall_feature(qtbot, port) -> None:
    port.set_feature("debian-12-xfce", "qubes-firewall", "")  # sys-firewall's template
    tab = open_tab(qtbot, port)
    qtbot.waitUntil(lambda: bool(tab.situation_texts()), timeout=3000)
    assert "does not support the qubes-firewall feature: these rules are NOT enforced" in tab.situation_texts()[0]
    tab.shutdown()


def test_a_shadowed_rule_gets_a_marker_naming_the_rule_before_it(qtbot, sandbox, port) -> None:
    sandbox.seed_rules("work", ["action=drop dst4=10.0.0.0/8", "action=accept dst4=10.1.2.3 proto=tcp", "action=drop"])
    tab = open_tab(qtbot, port)
    qtbot.waitUntil(lambda: tab.model.marker(1) is not None, timeout=3000)
    assert tab.model.index(1, COL_NUMBER).data(Qt.DecorationRole) is not None
    tooltip = tab.model.index(1, COL_NUMBER).data(Qt.ToolTipRole)
    assert "rule 1" in tooltip
    assert tab.model.marker(0) is None
    tab.shutdown()


def test_a_failed_load_shows_why_and_allows_no_edit_or_save(qtbot, sandbox, port) -> None:
    tab = FirewallTab(port)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.error, timeout=5000):
        tab.load("no-such-qube")
    assert "no-such-qube" in tab.message_texts()["load"]
    assert not tab.addButton.isEnabled() and not tab.importButton.isEnabled()
    assert tab.save() is False
    assert not [r for r in sandbox.requests if r.startswith(b"admin.vm.firewall.Set")]
    tab.shutdown()


def test_an_edit_of_a_rule_changed_elsewhere_meanwhile_is_kept_as_a_new_rule(qtbot, sandbox, tab) -> None:
    click_row(qtbot, tab, 1)
    dialog = open_rule_dialog(qtbot, tab, tab.editButton)
    type_into(qtbot, dialog.commentEdit, "mine")
    SocketAdminPort(sandbox.socket_path).call("admin.vm.firewall.Set", "work", payload=b"action=drop dst4=192.0.2.1\naction=drop\n")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)  # unmodified: reloaded silently
    press_ok(qtbot, dialog)
    assert "changed elsewhere meanwhile" in tab.message_texts()["dialog"]
    assert [rule.api_line() for rule in tab.rules()] == [
        "action=drop dst4=192.0.2.1/32",
        "action=accept dsthost=github.com proto=tcp dstports=443-443 comment=mine",
        "action=drop",
    ]


def test_banner_when_the_netvm_is_not_running(qtbot, sandbox, port) -> None:
    # Make the halted qube untrusted a network provider and put halted personal behind it.
    other = SocketAdminPort(sandbox.socket_path)
    other.call("admin.vm.property.Set", "untrusted", arg="provides_network", payload=b"True")
    other.call("admin.vm.property.Set", "personal", arg="netvm", payload=b"untrusted")
    other.set_feature("untrusted", "qubes-firewall", "1")
    tab = open_tab(qtbot, port, "personal")
    qtbot.waitUntil(lambda: bool(tab.situation_texts()), timeout=3000)
    assert tab.situation_texts() == ["The netvm untrusted is not running: the rules apply when it starts."]
    tab.shutdown()


def test_opening_a_halted_qube_takes_six_admin_api_calls(qtbot, sandbox, port) -> None:
    # One admin.vm.List of all qubes gives the halted qube's netvm state too.
    before = len(sandbox.requests)
    tab = open_tab(qtbot, port, "personal")
    qtbot.waitUntil(lambda: tab.facts is not None, timeout=3000)
    qtbot.waitUntil(lambda: any(r.startswith(b"admin.Events") for r in sandbox.requests[before:]), timeout=3000)
    assert tab.facts.netvm == "sys-firewall" and tab.facts.netvm_running
    assert tab.situation_texts() == []
    headers = sorted(request.split(b"\0")[0].decode() for request in sandbox.requests[before:])
    assert headers == [
        "admin.Events+ dom0 name personal",
        "admin.vm.List+ dom0 name dom0",
        "admin.vm.feature.CheckWithTemplate+qubes-firewall dom0 name sys-firewall",
        "admin.vm.feature.Get+service.qubes-firewall dom0 name sys-firewall",
        "admin.vm.firewall.Get+ dom0 name personal",
        "admin.vm.property.GetAll+ dom0 name personal",
    ]
    tab.shutdown()


def test_columns_fit_the_rules_so_the_end_time_and_comment_show(qtbot, sandbox, port, tmp_path) -> None:
    until = int(time.time()) + 1500
    comment = "Full access until " + time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(until)) + " asked by the user"
    sandbox.seed_rules("work", [f"action=accept expire={until} comment={comment}", *WORK])
    tab = open_tab(qtbot, port)
    table = tab.table
    assert table.isColumnHidden(COL_L7)  # no rule has an L7 protocol
    ends = shown(tab, 0, COL_EXPIRES)
    assert ends.startswith("ends ") and "(in 2" in ends
    assert table.columnWidth(COL_EXPIRES) > table.fontMetrics().horizontalAdvance(ends)
    # The comment column starts well inside the 1000-pixel tab, and its tooltip has it all.
    assert table.columnViewportPosition(COL_COMMENT) < table.viewport().width() - 200
    assert tab.model.index(0, COL_COMMENT).data(Qt.ToolTipRole) == comment
    path = tmp_path / "l7.rules"
    path.write_text("action=accept dsthost=example.com proto=tcp dstports=443 dpi=TLS\naction=drop\n")
    assert tab.import_file(str(path))
    assert table.isColumnHidden(COL_EXPIRES) and not table.isColumnHidden(COL_L7)
    assert table.columnWidth(COL_L7) >= table.fontMetrics().horizontalAdvance(shown(tab, 0, COL_L7))
    tab.shutdown()


# -- full access beside unsaved edits ------------------------------------------------------------


def test_full_access_saves_only_the_window_and_keeps_unsaved_edits(qtbot, sandbox, tab) -> None:
    from qubes_fw_gui.model.full_access import window_rule

    box = tab.full_access_box
    qtbot.waitUntil(box.isEnabled, timeout=3000)
    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)  # an edit not saved yet
    edited = tab.rules()
    assert tab.is_modified() and len(edited) == len(WORK) - 1
    sets_before = len(set_payloads(sandbox))
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(box.startButton, Qt.LeftButton)
    (payload,) = set_payloads(sandbox)[sets_before:]
    window = lines(payload)[0]
    until = int(window.split(" expire=")[1].split(" ")[0])
    # dom0 got the window on top of the rules it had: the deleted rule is still there.
    assert lines(payload) == [window_rule(until).api_line(), *WORK]
    assert firewall_keys(sandbox)["0000"] == "action=accept"
    assert firewall_keys(sandbox)["0001"] == qubesdb_form(WORK[0])
    # The table shows the window and still the edit, unsaved.
    assert tab.rules() == [window_rule(until), *edited]
    assert tab.is_modified()
    assert "not saved yet" in tab.statusLabel.text()
    # Saving now publishes the edit, with the window kept: no conflict question.
    save(qtbot, tab)
    assert lines(set_payloads(sandbox)[-1]) == [window_rule(until).api_line(), *WORK[1:]]
    assert not tab.is_modified()


def test_ending_full_access_beside_edits_leaves_the_edits_unsaved(qtbot, sandbox, port) -> None:
    from qubes_fw_gui.model.full_access import window_rule

    until = int(time.time()) + 900
    sandbox.seed_rules("work", [window_rule(until).api_line(), *WORK])
    tab = open_tab(qtbot, port)
    qtbot.waitUntil(lambda: tab.full_access_box.isEnabled() and tab.full_access_box.endButton.isVisible(), timeout=3000)
    click_row(qtbot, tab, 1)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(tab.full_access_box.endButton, Qt.LeftButton)
    assert lines(set_payloads(sandbox)[-1]) == WORK
    assert [rule.api_line() for rule in tab.rules()] == WORK[1:]
    assert tab.is_modified()
    tab.shutdown()


def test_full_access_beside_edits_still_leaves_an_outside_change_to_ask_about(qtbot, sandbox, tab) -> None:
    from qubes_fw_gui.model.full_access import window_rule

    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.deleteButton, Qt.LeftButton)
    outside = "action=accept dst4=198.51.100.7/32 proto=tcp dstports=22-22"
    SocketAdminPort(sandbox.socket_path).call(
        "admin.vm.firewall.Set", "work", payload=("\n".join([outside, *WORK]) + "\n").encode())
    qtbot.waitUntil(lambda: "outside" in tab.message_texts(), timeout=5000)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(tab.full_access_box.startButton, Qt.LeftButton)
    payload = lines(set_payloads(sandbox)[-1])
    assert payload[1:] == [outside, *WORK]  # the window went on top of what dom0 had
    assert payload[0] == window_rule(int(payload[0].split(" expire=")[1].split(" ")[0])).api_line()
    sets_before = len(set_payloads(sandbox))
    tab.save()
    qtbot.waitUntil(lambda: "conflict" in tab.message_texts(), timeout=5000)
    assert f"Added there: {outside}" in tab.message_texts()["conflict"]
    assert len(set_payloads(sandbox)) == sets_before
