"""The editor's Qt-free pieces: edits, differences, situations, summaries, markers."""

from __future__ import annotations

from qubes_fw_gui.editor import edits
from qubes_fw_gui.editor.diff import only_expired, rule_diff
from qubes_fw_gui.editor.markers import compute_markers
from qubes_fw_gui.editor.rulelist_split import join_default, next_expiry, split_default
from qubes_fw_gui.editor.situation import NetworkFacts, Situation, situations
from qubes_fw_gui.editor.summary import summarise
from qubes_fw_gui.model.rule import Rule

A, B, C, D = (Rule.parse(f"action=accept dst4=10.0.0.{i} proto=tcp dstports=22") for i in range(1, 5))
DROP = Rule.parse("action=drop")


def test_split_keeps_every_rule_and_its_order() -> None:
    rules = [A, B, Rule.parse("action=accept comment=everything else"), DROP]
    body, default = split_default(rules)
    assert default == DROP and body == rules[:3]
    assert join_default(body, default) == rules
    assert split_default([A, B]) == ([A, B], None)
    # A catch-all with an expiry is a full-access window, not the default action.
    window = Rule.parse("action=accept expire=4102444800")
    assert split_default([window]) == ([window], None)


def test_moves_and_drags() -> None:
    body = [A, B, C, D]
    assert edits.move(body, [1, 2], -1) == ([B, C, A, D], [0, 1])
    assert edits.move(body, [3], 1) is None
    assert edits.move_to(body, [0, 1], 4) == ([C, D, A, B], [2, 3])
    assert edits.move_to(body, [3], 0) == ([D, A, B, C], [0])
    assert edits.duplicate(body, [0, 2]) == ([A, A, B, C, C, D], [1, 4])
    assert edits.delete(body, [1, 3]) == ([A, C], [1])


def test_diff_names_lines_added_and_removed() -> None:
    diff = rule_diff([A, B, DROP], [A, C, DROP])
    assert diff.removed == [B.api_line()] and diff.added == [C.api_line()]
    assert rule_diff([A], [A]).is_empty


def test_only_expired_recognises_dom0s_own_removal() -> None:
    window = Rule.parse("action=accept expire=1000")
    assert only_expired([window, A, DROP], [A, DROP], now=1001)
    assert not only_expired([window, A, DROP], [A, DROP], now=999)
    assert not only_expired([A, DROP], [B, DROP], now=1001)
    assert next_expiry([window, A], now=10) == 1000 and next_expiry([window], now=2000) is None


def test_situations_for_each_network_case() -> None:
    l7 = Rule.parse("action=accept proto=tcp dstports=443 dpi=TLS")
    assert situations(NetworkFacts("vault", None, False), [A]) == [Situation.NO_NETVM]
    assert situations(NetworkFacts("sys-net", None, True), [A]) == [Situation.DIRECT_ACCESS]
    facts = NetworkFacts("work", "sys-firewall", False, netvm_running=False, firewall_feature=False,
                         firewall_service_off=True, l7_supported=False)
    assert situations(facts, [l7]) == [Situation.NOT_ENFORCED, Situation.SERVICE_OFF,
                                       Situation.NETVM_HALTED, Situation.L7_UNSUPPORTED]
    assert situations(NetworkFacts("work", "sys-firewall", False, l7_supported=None), [l7]) == []


def test_summary_words_for_the_chooser() -> None:
    enforced = NetworkFacts("work", "sys-firewall", False)
    assert summarise(enforced, [Rule.parse("action=accept")]).kind == "accept-all"
    summary = summarise(enforced, [A, B, DROP])
    assert (summary.kind, summary.count, summary.default) == ("rules", 2, "drop")
    assert summarise(NetworkFacts("work", "sys-firewall", False, firewall_feature=False), [A]).kind == "not-enforced"


def test_markers_name_shadowed_rules_and_checks() -> None:
    wide = Rule.parse("action=drop dst4=10.0.0.0/8")
    markers = compute_markers([wide, A, Rule.parse("action=accept dsthost=example.com"), DROP])
    assert markers[0] is None
    assert markers[1] is not None and "rule 1" in markers[1].messages[0]
    assert markers[2] is not None and any("resolve" in message for message in markers[2].messages)
