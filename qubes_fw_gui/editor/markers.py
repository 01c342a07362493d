"""Per-rule markers: shadowed, redundant, and the stricter checks, computed off the GUI thread.

For 4,000 rules this is the slow part of opening a qube, so the table shows
the rules first and the markers arrive a moment later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qubes_fw_gui.model.checks import check_rule
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.model.rulelist import analyse


@dataclass(frozen=True)
class Marker:
    level: str  # "error", "warning" or "info"
    messages: tuple[str, ...]


def _analysis_notes(rules: Sequence[Rule]) -> list[object | None]:
    return list(analyse(list(rules)))


def _note_text(note: object) -> str:
    for name in ("message", "reason", "text"):
        value = getattr(note, name, None)
        if isinstance(value, str) and value:
            return value
    return str(note)


def compute_markers(rules: Sequence[Rule]) -> list[Marker | None]:
    notes = _analysis_notes(rules)
    markers: list[Marker | None] = []
    for rule, note in zip(rules, notes, strict=True):
        problems = check_rule(rule)
        messages = [p.message for p in problems]
        level = "error" if any(p.level == "error" for p in problems) else ("warning" if problems else "info")
        if note is not None:
            messages.insert(0, _note_text(note))
            if level == "info":
                level = "warning"
        markers.append(Marker(level, tuple(messages)) if messages else None)
    return markers
