"""qubesd's checks on the names of features that reach a qube's QubesDB (facts §4.3)."""

from __future__ import annotations

from qubes_fw_gui.sandbox.protocol import QubesValueError

SERVICE_PREFIX = "service."
VM_CONFIG_PREFIX = "vm-config."


def check_service_name(feature: str) -> None:
    """`service.<name>`: checked before the value is stored."""
    service = feature[len(SERVICE_PREFIX):]
    if not service or "/" in service or service in (".", ".."):
        raise QubesValueError(f"Invalid service name: '{service}'")
    if len(service.encode()) > 48:
        raise QubesValueError("A service name must be at most 48 bytes long")


def check_vm_config_name(feature: str) -> None:
    """`vm-config.<name>`: qubesd checks it only after storing the value."""
    name = feature[len(VM_CONFIG_PREFIX):]
    if not name or not ("a" <= name[0].lower() <= "z"):
        raise QubesValueError(f"A vm-config name must start with a letter: '{name}'")
    if len(name) > 52:
        raise QubesValueError("A vm-config name must be at most 52 characters long")
