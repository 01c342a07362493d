"""A qube's power state as qubesd names it (admin.vm.List), in the person's language."""

from __future__ import annotations

from PyQt5.QtCore import QCoreApplication


def power_state_text(state: str) -> str:
    """"Running" -> the translated word; a state this editor does not know is shown as qubesd sent it."""
    translate = QCoreApplication.translate
    names = {
        "Running": translate("PowerState", "Running"),
        "Halted": translate("PowerState", "Halted"),
        "Paused": translate("PowerState", "Paused"),
        "Transient": translate("PowerState", "Starting"),
        "Halting": translate("PowerState", "Shutting down"),
        "Dying": translate("PowerState", "Shutting down"),
        "Crashed": translate("PowerState", "Crashed"),
        "Suspended": translate("PowerState", "Suspended"),
    }
    return names.get(state, state)
