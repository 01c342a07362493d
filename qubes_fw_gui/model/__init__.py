"""Pure-Python firewall model: no Qt, no I/O."""

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.fields import PortRange, Target
from qubes_fw_gui.model.rule import Rule

__all__ = ["PortRange", "Rule", "RuleError", "Target"]
