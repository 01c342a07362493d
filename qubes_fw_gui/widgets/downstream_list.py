"""The downstream qubes of a ProxyVM as the leak-protection panel lists them.

A downstream qube is one whose netvm is the ProxyVM: its traffic is what the
leak guard holds to the tunnel. Next to each, its own firewall in a few words,
so a person sees at once which qubes are wide open behind the VPN.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PyQt5.QtCore import QCoreApplication, QDateTime
from PyQt5.QtGui import QColor, QIcon, QPixmap
from PyQt5.QtWidgets import QTreeWidget, QTreeWidgetItem

from qubes_fw_gui.admin.port import QubeInfo
from qubes_fw_gui.model.full_access import is_window_rule
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.power_state import power_state_text

_CONTEXT = "DownstreamList"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


@dataclass(frozen=True)
class Downstream:
    """One downstream qube with what the panel shows about it."""

    qube: QubeInfo
    colour: str  # '0xcc0000' style, from the qube's label
    firewall: str  # firewall_summary() of its rules, or why they could not be read


def _matches_everything(rule: Rule) -> bool:
    """A catch-all while it lasts: for the summary an active expiry only limits how long."""
    return replace(rule, expire=None).is_catch_all


def firewall_summary(rules: Sequence[Rule], now: int | None = None) -> str:
    """'accept all', '3 rules, default drop', 'full access until 14:05', ..."""
    now = int(time.time()) if now is None else now
    active = [r for r in rules if r.expire is None or r.expire > now]
    if not active:
        return _tr("no rules: everything dropped")
    first = active[0]
    if is_window_rule(first, now):
        until = QDateTime.fromSecsSinceEpoch(first.expire).toString("HH:mm")
        return _tr("full access until {time}").format(time=until)
    last = active[-1]
    if not _matches_everything(last):
        return _rules(len(active)) + _tr(", then drop (implicit)")
    if len(active) == 1:
        return _tr("accept all") if last.action == "accept" else _tr("drop all")
    default = _tr(", default accept") if last.action == "accept" else _tr(", default drop")
    return _rules(len(active) - 1) + default


def _rules(count: int) -> str:
    return _tr("1 rule") if count == 1 else _tr("{count} rules").format(count=count)


def label_icon(colour: str) -> QIcon:
    """A small square in the label colour, as Qubes tools mark a qube."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor("#" + colour.removeprefix("0x")))
    return QIcon(pixmap)


def fill_downstream(tree: QTreeWidget, entries: Sequence[Downstream]) -> None:
    """Replace the tree's rows with one row per downstream qube."""
    tree.clear()
    for entry in entries:
        item = QTreeWidgetItem([entry.qube.name, power_state_text(entry.qube.state), entry.firewall])
        item.setIcon(0, label_icon(entry.colour))
        item.setToolTip(0, _tr("label: {label}").format(label=entry.qube.label))
        tree.addTopLevelItem(item)
    for column in range(tree.columnCount()):
        tree.resizeColumnToContents(column)

