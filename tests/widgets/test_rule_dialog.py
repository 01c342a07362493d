"""The rule dialog, driven like a person would: typing into fields, clicking, pressing keys."""

from __future__ import annotations

import ipaddress
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PyQt5.QtCore import QEvent, Qt, QTimer
from PyQt5.QtGui import QKeyEvent
from PyQt5.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QWidget

from qubes_fw_gui.model.checks import check_rule
from qubes_fw_gui.model.fields import COMMENT_CHARS, L7_PROTOCOLS, PortRange, Target
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.rule_dialog import RuleDialog

# Every kind of rule qvm-firewall can make, in qubesd's canonical Get form.
EDITED_RULES = [
    "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website",
    "action=accept dst4=192.168.1.0/24 proto=udp dstports=5353-5353",
    "action=drop dst4=10.0.0.0/8",
    "action=accept dst6=2001:db8::/32 proto=tcp dstports=8000-8080 comment=lab IPv6 web",
    "action=accept proto=icmp icmptype=8 comment=ping only",
    "action=accept proto=icmp icmptype=200",
    "action=accept specialtarget=dns",
    "action=drop proto=tcp specialtarget=dns comment=no DNS over TCP",
    "action=accept expire=4102444800 comment=full access until 2100",
    "action=accept dst4=1.2.3.4/32 proto=tcp dstports=22-22 comment=ssh to bastion",
    "action=accept proto=udp dstports=0-65535",
    "action=accept dst4=10.1.2.3/8 proto=tcp dstports=12345-12345",
    "action=accept dsthost=example.com proto=tcp specialtarget=dns dstports=53-53",
    "action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS comment=tls only",
    "action=drop",
]


@pytest.fixture
def open_dialog(qtbot):
    def make(rule: Rule | None = None, **kwargs: object) -> RuleDialog:
        dialog = RuleDialog(None, rule, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()  # keyboard focus, as for a dialog a person just opened
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=1000)
        return dialog

    return make


def ok_button(dialog: RuleDialog):
    return dialog.buttonBox.button(QDialogButtonBox.Ok)


def press_ok(qtbot, dialog: RuleDialog) -> Rule | None:
    qtbot.mouseClick(ok_button(dialog), Qt.LeftButton)
    return dialog.rule()


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item with the keyboard, as a person without a mouse would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentText() == text, f"{text!r} is not offered by {combo.objectName()}"


def type_into(qtbot, widget: QWidget, text: str) -> None:
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(line, char)
        else:
            # QTest cannot synthesise non-ASCII keys; a real keyboard layout sends the text like this.
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(line, QKeyEvent(kind, 0, Qt.NoModifier, char))


def paste_into(qtbot, line: QWidget, text: str) -> None:
    QApplication.clipboard().setText(text)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key_V, Qt.ControlModifier)


# -- ports ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("https", PortRange(443, 443)),
        ("HTTPS", PortRange(443, 443)),
        ("443", PortRange(443, 443)),
        ("https (443)", PortRange(443, 443)),
        ("8000-8080", PortRange(8000, 8080)),
    ],
)
def test_typed_port_becomes_the_rule_port(qtbot, open_dialog, typed: str, expected: PortRange) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, typed)
    assert ok_button(dialog).isEnabled()
    assert not dialog.portStatus.isVisible()
    rule = press_ok(qtbot, dialog)
    assert rule == Rule("accept", proto="tcp", ports=expected)
    assert rule is not None and rule.api_line() == f"action=accept proto=tcp dstports={expected.api_value()}"


def test_port_combo_offers_well_known_ports_of_the_protocol(open_dialog, qtbot) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoUdp, Qt.LeftButton)
    offered = [dialog.portCombo.itemText(i) for i in range(dialog.portCombo.count())]
    assert "domain (53)" in offered and "wireguard (51820)" in offered
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    offered = [dialog.portCombo.itemText(i) for i in range(dialog.portCombo.count())]
    assert "https (443)" in offered and "wireguard (51820)" not in offered


@pytest.mark.parametrize("typed", ["99999", "65536", "70000-80000", "8080-80", "no-such-service"])
def test_bad_port_shows_inline_error_and_blocks_ok(qtbot, open_dialog, typed: str) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, typed)
    assert dialog.portStatus.isVisible()
    assert dialog.portStatus.level() == "error"
    assert dialog.portStatus.text()
    assert not ok_button(dialog).isEnabled()
    # Enter does not slip a bad rule through, and no message box appears.
    qtbot.keyClick(dialog.portCombo.lineEdit(), Qt.Key_Return)
    assert dialog.isVisible() and dialog.rule() is None
    assert QApplication.activeModalWidget() is None


def test_port_error_names_the_limit(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, "65536")
    assert "65535" in dialog.portStatus.text()
    assert dialog.portCombo.accessibleDescription() == dialog.portStatus.text()  # read out with the field
    type_into(qtbot, dialog.portCombo, "65535")
    assert not dialog.portStatus.isVisible()
    assert dialog.portCombo.accessibleDescription() == ""
    assert ok_button(dialog).isEnabled()


def test_switching_to_any_protocol_clears_and_disables_the_port(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, "https")
    qtbot.mouseClick(dialog.protoAny, Qt.LeftButton)
    assert not dialog.portCombo.isEnabled()
    assert dialog.portCombo.currentText() == ""
    assert press_ok(qtbot, dialog) == Rule("accept")


def test_port_typed_before_switching_to_any_comes_back_with_tcp(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, "8000-8080")
    qtbot.mouseClick(dialog.protoIcmp, Qt.LeftButton)
    assert dialog.portCombo.currentText() == "" and not dialog.portCombo.isEnabled()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    assert dialog.portCombo.currentText() == "8000-8080"
    assert press_ok(qtbot, dialog) == Rule("accept", proto="tcp", ports=PortRange(8000, 8080))


def test_tcp_only_service_is_an_error_after_switching_to_udp(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, "tor-socks")
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(dialog.protoUdp, Qt.LeftButton)
    assert dialog.portCombo.currentText() == "tor-socks"  # the typed text stays
    assert dialog.portStatus.level() == "error"
    assert "tcp" in dialog.portStatus.text()
    assert not ok_button(dialog).isEnabled()
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    assert not dialog.portStatus.isVisible()
    assert press_ok(qtbot, dialog) == Rule("accept", proto="tcp", ports=PortRange(9050, 9050))


# -- target ---------------------------------------------------------------------


def test_empty_address_is_an_inline_error(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    assert dialog.targetEdit.isEnabled()
    assert dialog.targetStatus.level() == "error"
    assert "empty" in dialog.targetStatus.text()
    assert not ok_button(dialog).isEnabled()
    type_into(qtbot, dialog.targetEdit, "   ")
    assert not ok_button(dialog).isEnabled()


@pytest.mark.parametrize(
    ("typed", "level", "says", "ok_gives"),
    [
        # An error blocks OK: clicking it gives no rule.
        ("Example.com", "error", "lowercase", None),
        # Warnings name the surprise but keep exactly what was typed.
        ("10.1.2.3/8", "warning", "10.0.0.0/8", Rule("accept", target=Target("dst4", "10.1.2.3/8"))),
        ("example.com", "warning", "once", Rule("accept", target=Target("dsthost", "example.com"))),
    ],
    ids=["uppercase-host-asks-for-lowercase", "host-bits-name-the-network", "host-name-resolved-once"],
)
def test_target_message_next_to_the_field(
    qtbot, open_dialog, typed: str, level: str, says: str, ok_gives: Rule | None
) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    type_into(qtbot, dialog.targetEdit, typed)
    assert dialog.targetStatus.level() == level
    assert says in dialog.targetStatus.text()
    assert ok_button(dialog).isEnabled() == (ok_gives is not None)
    assert press_ok(qtbot, dialog) == ok_gives


def test_ipv6_network_is_accepted(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    assert "2001:db8::/32" in dialog.targetEdit.placeholderText()
    type_into(qtbot, dialog.targetEdit, "2001:db8::/32")
    assert not dialog.targetStatus.isVisible()
    rule = press_ok(qtbot, dialog)
    assert rule is not None and rule.api_line() == "action=accept dst6=2001:db8::/32"


def test_address_is_cleared_and_disabled_for_any_destination(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    type_into(qtbot, dialog.targetEdit, "192.168.1.0/24")
    choose(qtbot, dialog.targetKind, "Any destination")
    assert not dialog.targetEdit.isEnabled() and dialog.targetEdit.text() == ""
    assert press_ok(qtbot, dialog) == Rule("accept")


def test_icmp_to_dns_servers_is_an_error(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "DNS servers")
    qtbot.mouseClick(dialog.protoIcmp, Qt.LeftButton)
    assert dialog.protoStatus.level() == "error"
    assert "DNS" in dialog.protoStatus.text()
    assert not ok_button(dialog).isEnabled()
    qtbot.mouseClick(dialog.protoUdp, Qt.LeftButton)
    assert not dialog.protoStatus.isVisible()
    assert press_ok(qtbot, dialog) == Rule("accept", proto="udp", specialtarget="dns")


# -- ICMP type, L7 -----------------------------------------------------------


def test_icmp_type_applies_only_to_icmp(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    assert not dialog.icmpCombo.isEnabled()
    qtbot.mouseClick(dialog.protoIcmp, Qt.LeftButton)
    assert dialog.icmpCombo.isEnabled()
    assert "echo-request (8)" in [dialog.icmpCombo.itemText(i) for i in range(dialog.icmpCombo.count())]
    type_into(qtbot, dialog.icmpCombo, "echo-request")
    assert ok_button(dialog).isEnabled()
    type_into(qtbot, dialog.icmpCombo, "300")
    assert dialog.icmpStatus.level() == "error" and not ok_button(dialog).isEnabled()
    type_into(qtbot, dialog.icmpCombo, "echo-request (8)")
    assert press_ok(qtbot, dialog) == Rule("accept", proto="icmp", icmptype=8)


def test_l7_note_is_shown_and_l7_protocol_kept(qtbot, open_dialog) -> None:
    note = "sys-firewall does not advertise L7 support: it will DROP ALL traffic of this qube"
    dialog = open_dialog(l7_note=note)
    assert dialog.l7Note.isVisible() and dialog.l7Note.text() == note
    dialog.set_l7_note("sys-firewall supports L7 filtering")  # the editor learns it later
    assert dialog.l7Note.text() == "sys-firewall supports L7 filtering"
    choose(qtbot, dialog.l7Combo, "HTTP")
    assert dialog.l7Status.level() == "warning"
    assert press_ok(qtbot, dialog) == Rule("accept", l7="HTTP")


def test_no_l7_note_without_one(open_dialog) -> None:
    dialog = open_dialog()
    assert not dialog.l7Note.isVisible()


# -- comment ---------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "shown"), [("a=b", "'='"), ("café", "'é'"), ("tab\there", "U+0009")])
def test_comment_with_forbidden_character_is_rejected_inline(qtbot, open_dialog, typed: str, shown: str) -> None:
    dialog = open_dialog()
    if "\t" in typed:
        paste_into(qtbot, dialog.commentEdit, typed)  # Tab moves the focus; a tab only comes pasted
    else:
        type_into(qtbot, dialog.commentEdit, typed)
    assert dialog.commentStatus.level() == "error"
    assert shown in dialog.commentStatus.text()
    assert not ok_button(dialog).isEnabled()
    assert dialog.commentEdit.text() == typed  # nothing typed is thrown away


def test_comment_allowed_characters_and_length(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    allowed = "Work VPN: tcp/udp; see [wiki] _ok_, v1.2-3"
    type_into(qtbot, dialog.commentEdit, allowed)
    assert not dialog.commentStatus.isVisible()
    dialog.commentEdit.selectAll()
    paste_into(qtbot, dialog.commentEdit, "x" * 513)
    assert dialog.commentStatus.level() == "error" and "512" in dialog.commentStatus.text()
    assert not ok_button(dialog).isEnabled()
    qtbot.keyClick(dialog.commentEdit, Qt.Key_Backspace)
    assert ok_button(dialog).isEnabled()
    rule = press_ok(qtbot, dialog)
    assert rule is not None and rule.comment == "x" * 512


# -- expiry -----------------------------------------------------------------------


def test_expiry_in_15_minutes(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.expiryMode, "In")
    assert dialog.expiryMinutes.isVisible() and dialog.expiryMinutes.value() == 15
    # The absolute end time is shown beside the minutes.
    assert time.strftime("%H:%M", time.localtime(time.time() + 900)) in dialog.expiryWhen.text()
    assert "15:00" in dialog.expiryWhen.text() or "14:59" in dialog.expiryWhen.text()
    rule = press_ok(qtbot, dialog)
    now = time.time()
    assert rule is not None and rule.expire is not None
    assert abs(rule.expire - (now + 900)) <= 1


def test_expiry_minutes_typed(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.expiryMode, "In")
    type_into(qtbot, dialog.expiryMinutes, "60")
    rule = press_ok(qtbot, dialog)
    assert rule is not None and abs(rule.expire - (time.time() + 3600)) <= 1


def test_expiry_at_a_date_and_time(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.expiryMode, "At")
    assert dialog.expiryAt.isVisible() and not dialog.expiryMinutes.isVisible()
    qtbot.keyClick(dialog.expiryMode, Qt.Key_Tab)  # lands on the year, selected
    assert QApplication.focusWidget() is dialog.expiryAt
    qtbot.keyClicks(dialog.expiryAt, "20990102030405")  # each full section moves to the next
    assert dialog.expiryWhen.text().startswith("ends 2099-01-02 03:04:05")
    rule = press_ok(qtbot, dialog)
    expected = dialog.expiryAt.dateTime().toSecsSinceEpoch()
    assert rule is not None and rule.expire == expected
    assert time.localtime(expected)[:6] == (2099, 1, 2, 3, 4, 5)


def test_expiry_in_the_past_warns_but_allows_ok(qtbot, open_dialog) -> None:
    dialog = open_dialog(Rule("accept", expire=1_000_000_000))
    assert dialog.expiryStatus.level() == "warning"
    assert ok_button(dialog).isEnabled()


# -- presets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("presetDns", Rule("accept", specialtarget="dns")),
        ("presetIcmp", Rule("accept", proto="icmp")),
        ("presetBlock", Rule("drop")),
    ],
)
def test_presets(qtbot, open_dialog, button: str, expected: Rule) -> None:
    dialog = open_dialog()
    # Start from something else entirely, with a comment that must survive.
    qtbot.mouseClick(dialog.actionDrop, Qt.LeftButton)
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    type_into(qtbot, dialog.targetEdit, "10.0.0.0/8")
    qtbot.mouseClick(dialog.protoTcp, Qt.LeftButton)
    type_into(qtbot, dialog.portCombo, "ssh")
    type_into(qtbot, dialog.commentEdit, "my note")
    qtbot.mouseClick(getattr(dialog, button), Qt.LeftButton)
    assert press_ok(qtbot, dialog) == expected.with_changes(comment="my note")


def test_preset_keeps_the_expiry(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.expiryMode, "In")
    type_into(qtbot, dialog.expiryMinutes, "30")
    qtbot.mouseClick(dialog.presetIcmp, Qt.LeftButton)
    assert dialog.expiryMode.currentText() == "In" and dialog.expiryMinutes.value() == 30
    rule = press_ok(qtbot, dialog)
    assert rule is not None and rule.with_changes(expire=None) == Rule("accept", proto="icmp")
    assert abs(rule.expire - (time.time() + 1800)) <= 1


def test_preset_block_on_icmp_then_back_to_address(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    type_into(qtbot, dialog.targetEdit, "10.0.0.0/8")
    qtbot.mouseClick(dialog.presetBlock, Qt.LeftButton)
    assert dialog.actionDrop.isChecked() and not dialog.targetEdit.isEnabled()
    choose(qtbot, dialog.targetKind, "Address, network or host name")
    assert dialog.targetEdit.text() == "10.0.0.0/8"


# -- editing an existing rule --------------------------------------------------------


@pytest.mark.parametrize("line", EDITED_RULES)
def test_edit_shows_every_field_and_ok_returns_an_equal_rule(qtbot, open_dialog, line: str) -> None:
    rule = Rule.parse(line)
    dialog = open_dialog(rule)
    assert dialog.windowTitle() == "Edit firewall rule"
    assert ok_button(dialog).isEnabled()
    returned = press_ok(qtbot, dialog)
    assert returned == rule
    assert returned is not None and returned.api_line() == line


def test_edit_fills_each_field(open_dialog) -> None:
    rule = Rule.parse(
        "action=drop expire=4102444800 dsthost=example.com proto=tcp dstports=443-443 dpi=TLS comment=a note"
    )
    dialog = open_dialog(rule)
    assert dialog.actionDrop.isChecked()
    assert dialog.targetKind.currentText() == "Address, network or host name"
    assert dialog.targetEdit.text() == "example.com"
    assert dialog.protoTcp.isChecked()
    assert dialog.portCombo.currentText() == "https (443)"
    assert dialog.l7Combo.currentText() == "TLS"
    assert dialog.expiryMode.currentText() == "At"
    assert dialog.expiryAt.dateTime().toSecsSinceEpoch() == 4102444800
    assert dialog.commentEdit.text() == "a note"
    icmp = open_dialog(Rule.parse("action=accept proto=icmp icmptype=8"))
    assert icmp.icmpCombo.currentText() == "echo-request (8)"
    dns = open_dialog(Rule.parse("action=accept specialtarget=dns"))
    assert dns.targetKind.currentText() == "DNS servers" and not dns.targetEdit.isEnabled()


def test_edit_of_every_recorded_qubesd_rule_round_trips(qtbot, open_dialog, qubesd_recording) -> None:
    for line in (qubesd_recording / "rules-example-get.txt").read_text().splitlines():
        rule = Rule.parse(line)
        dialog = open_dialog(rule)
        assert press_ok(qtbot, dialog) == rule, line


def test_edit_then_change_one_field(qtbot, open_dialog) -> None:
    rule = Rule.parse("action=accept dst4=1.2.3.4/32 proto=tcp dstports=22-22 comment=ssh to bastion")
    dialog = open_dialog(rule)
    type_into(qtbot, dialog.portCombo, "2222")
    assert press_ok(qtbot, dialog) == rule.with_changes(ports=PortRange(2222, 2222))


# -- keyboard -------------------------------------------------------------------


def test_tab_order_follows_the_fields(open_dialog) -> None:
    dialog = open_dialog()
    order = []
    widget = dialog.actionAccept
    for _ in range(30):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
    names = [
        "actionAccept",
        "targetKind",
        "targetEdit",
        "protoAny",
        "portCombo",
        "icmpCombo",
        "l7Combo",
        "expiryMode",
        "expiryMinutes",
        "expiryAt",
        "commentEdit",
        "presetDns",
    ]
    positions = [order.index(name) for name in names]
    assert positions == sorted(positions)


def test_keyboard_only_rule(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.actionAccept.setFocus()
    qtbot.keyClick(dialog.actionAccept, Qt.Key_Right)  # arrows move within the radio group
    assert dialog.actionDrop.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.targetKind
    qtbot.keyClick(dialog.targetKind, Qt.Key_End)
    assert dialog.targetKind.currentText() == "Address, network or host name"
    qtbot.keyClick(dialog.targetKind, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.targetEdit
    qtbot.keyClicks(dialog.targetEdit, "192.168.1.0/24")
    qtbot.keyClick(dialog.targetEdit, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.protoAny
    qtbot.keyClick(dialog.protoAny, Qt.Key_Right)
    assert dialog.protoTcp.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() in (dialog.portCombo, dialog.portCombo.lineEdit())
    qtbot.keyClicks(dialog.portCombo.lineEdit(), "443")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.portCombo.lineEdit(), Qt.Key_Return)
    assert dialog.rule() == Rule.parse("action=drop dst4=192.168.1.0/24 proto=tcp dstports=443-443")


def test_enter_accepts_a_valid_rule(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.commentEdit.setFocus()
    qtbot.keyClicks(dialog.commentEdit, "all")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.commentEdit, Qt.Key_Return)
    assert dialog.rule() == Rule("accept", comment="all")


def test_escape_cancels(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.commentEdit.setFocus()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.commentEdit, Qt.Key_Escape)
    assert dialog.rule() is None


def test_get_rule_returns_none_on_cancel_and_the_rule_on_ok(qtbot) -> None:
    def answer(key: int) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RuleDialog)
        qtbot.keyClick(dialog.commentEdit, key)

    QTimer.singleShot(0, lambda: answer(Qt.Key_Escape))
    assert RuleDialog.get_rule(None) is None
    edited = Rule.parse("action=accept proto=icmp icmptype=8 comment=ping only")
    QTimer.singleShot(0, lambda: answer(Qt.Key_Return))
    assert RuleDialog.get_rule(None, edited, l7_note="note") == edited


def test_new_rule_dialog_starts_valid_with_accept(open_dialog) -> None:
    dialog = open_dialog()
    assert dialog.windowTitle() == "Add firewall rule"
    assert dialog.actionAccept.isChecked() and dialog.protoAny.isChecked()
    assert not dialog.portCombo.isEnabled() and not dialog.icmpCombo.isEnabled()
    assert dialog.result() == QDialog.Rejected and dialog.rule() is None


# -- any rule qubesd accepts ----------------------------------------------------------

_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
_targets = st.one_of(
    st.none(),
    st.builds(
        lambda address, prefix: Target.parse(f"{ipaddress.IPv4Address(address)}/{prefix}"),
        st.integers(0, 2**32 - 1),
        st.integers(0, 32),
    ),
    st.builds(
        lambda address, prefix: Target.parse(f"{ipaddress.IPv6Address(address).compressed}/{prefix}"),
        st.integers(0, 2**128 - 1),
        st.integers(0, 128),
    ),
    st.builds(lambda labels: Target.parse(".".join(labels)), st.lists(_label, min_size=1, max_size=3)),
)


@st.composite
def any_rule(draw) -> Rule:
    proto = draw(st.sampled_from([None, "tcp", "udp", "icmp"]))
    ports = None
    if proto in ("tcp", "udp") and draw(st.booleans()):
        first = draw(st.integers(0, 65535))
        last = draw(st.one_of(st.just(first), st.integers(first, 65535)))
        ports = PortRange(first, last)
    icmptype = draw(st.one_of(st.none(), st.integers(0, 255))) if proto == "icmp" else None
    return Rule(
        action=draw(st.sampled_from(["accept", "drop"])),
        target=draw(_targets),
        proto=proto,
        specialtarget=draw(st.sampled_from([None, "dns"])),
        ports=ports,
        icmptype=icmptype,
        l7=draw(st.sampled_from([None, *L7_PROTOCOLS])),
        expire=draw(st.one_of(st.none(), st.integers(1, 2 * 4102444800))),
        comment=draw(st.one_of(st.none(), st.text(alphabet=sorted(COMMENT_CHARS), min_size=1, max_size=40))),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=any_rule())
def test_any_rule_round_trips_unless_the_firewallvm_would_fail_on_it(qtbot, rule: Rule) -> None:
    dialog = RuleDialog(None, rule)
    qtbot.addWidget(dialog)
    blocked = any(problem.level == "error" for problem in check_rule(rule))
    assert ok_button(dialog).isEnabled() is not blocked
    if not blocked:
        qtbot.mouseClick(ok_button(dialog), Qt.LeftButton)
        assert dialog.rule() == rule
        assert dialog.rule().api_line() == rule.api_line()
    dialog.close()
