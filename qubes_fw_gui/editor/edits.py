"""Every edit of the rule list as a pure function: (new list, rows to select after).

The widgets wrap each in one undo command; keeping them here lets the
tests and the benchmark use them without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from qubes_fw_gui.model.rule import Rule

Edit = tuple[list[Rule], list[int]]


def insert(body: Sequence[Rule], rule: Rule, at: int) -> Edit:
    at = max(0, min(at, len(body)))
    return [*body[:at], rule, *body[at:]], [at]


def replace(body: Sequence[Rule], row: int, rule: Rule) -> Edit:
    new = list(body)
    new[row] = rule
    return new, [row]


def delete(body: Sequence[Rule], rows: Sequence[int]) -> Edit:
    gone = set(rows)
    new = [rule for row, rule in enumerate(body) if row not in gone]
    after = min(rows) if rows else 0
    return new, [min(after, len(new) - 1)] if new else []


def duplicate(body: Sequence[Rule], rows: Sequence[int]) -> Edit:
    """Each copy goes right after its original; the copies end up selected."""
    chosen = set(rows)
    new: list[Rule] = []
    copies: list[int] = []
    for row, rule in enumerate(body):
        new.append(rule)
        if row in chosen:
            new.append(rule)
            copies.append(len(new) - 1)
    return new, copies


def move(body: Sequence[Rule], rows: Sequence[int], delta: int) -> Edit | None:
    """Move the selected rows one place up (-1) or down (+1) as a block; None at an edge."""
    rows = sorted(set(rows))
    if not rows or (delta < 0 and rows[0] == 0) or (delta > 0 and rows[-1] == len(body) - 1):
        return None
    new = list(body)
    order = rows if delta < 0 else list(reversed(rows))
    for row in order:
        new[row], new[row + delta] = new[row + delta], new[row]
    return new, [row + delta for row in rows]


def move_to(body: Sequence[Rule], rows: Sequence[int], before: int) -> Edit | None:
    """Drag and drop: take the rows out and put them, in order, before row `before`."""
    rows = sorted(set(r for r in rows if 0 <= r < len(body)))
    if not rows:
        return None
    moving = [body[row] for row in rows]
    chosen = set(rows)
    kept = [rule for row, rule in enumerate(body) if row not in chosen]
    at = before - sum(1 for row in rows if row < before)
    at = max(0, min(at, len(kept)))
    new = [*kept[:at], *moving, *kept[at:]]
    if new == list(body) and [id(r) for r in new] == [id(r) for r in body]:
        return None
    return new, list(range(at, at + len(moving)))
