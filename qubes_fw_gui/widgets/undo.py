"""One undo command for every edit: it swaps the whole rule list, before and after.

A list of 4,000 rules is 4,000 references, so keeping both lists per command
is cheap, and one command type means undo can never disagree with redo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PyQt5.QtWidgets import QUndoCommand

from qubes_fw_gui.model.rule import Rule

Apply = Callable[[list[Rule], "Rule | None", list[int]], None]


class RuleListCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        apply: Apply,
        before: tuple[Sequence[Rule], Rule | None, Sequence[int]],
        after: tuple[Sequence[Rule], Rule | None, Sequence[int]],
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._before = (list(before[0]), before[1], list(before[2]))
        self._after = (list(after[0]), after[1], list(after[2]))

    def redo(self) -> None:
        self._apply(*self._after)

    def undo(self) -> None:
        self._apply(*self._before)
