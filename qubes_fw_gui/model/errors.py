"""The one error type every rule field raises."""

from __future__ import annotations


class RuleError(ValueError):
    """A value that is not valid for a rule field.

    `field` names the field in the person's words and in the Admin API key
    ("target", "ports", "icmptype", "l7", "expire", "comment", "action",
    "proto", "specialtarget", or "rule" for the line as a whole), so the
    editor can show the message next to the right widget and `--check-rules`
    can print `line N: <field>: <message>`.
    """

    def __init__(self, field: str, value: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.value = value
        self.message = message
