"""The Admin API methods the sandbox answers, with qubesd's checks and reply bodies (facts §2).

`handle()` turns one parsed request into a reply body or raises: an
`ApiError` becomes an exception frame, `Abort` (like any non-Qubes exception
in qubesd, e.g. an invalid firewall rule) means no reply at all.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.sandbox.dom0 import Dom0
from qubes_fw_gui.sandbox.protocol import (
    Abort,
    PermissionDenied,
    ProtocolError,
    QubesFeatureNotFoundError,
    QubesLabelNotFoundError,
    QubesNoSuchPropertyError,
    QubesPropertyAccessError,
    QubesValueError,
    QubesVMNotFoundError,
    QubesVMNotStartedError,
    Request,
)
from qubes_fw_gui.sandbox.world import LABEL_COLOURS, LABEL_INDEX, LABELS, Qube, name_problem

EVENTS_METHOD = "admin.Events"

_FEATURE_NAME = re.compile(r"[a-zA-Z0-9_.-]+")
_TRUE = ("1", "yes", "true", "on")
_FALSE = ("0", "no", "false", "off")


@dataclass(frozen=True)
class _Method:
    handler: Callable[[Api, Request, Qube], str]
    arg: str  # "none", "required" or "any"
    payload: bool  # may the request carry a payload?
    not_dom0: bool = False


_METHODS: dict[str, _Method] = {}


def _method(name: str, *, arg: str = "none", payload: bool = False, not_dom0: bool = False):
    def register(handler: Callable[[Api, Request, Qube], str]) -> Callable[[Api, Request, Qube], str]:
        _METHODS[name] = _Method(handler, arg, payload, not_dom0)
        return handler

    return register


def _decode_ascii(payload: bytes) -> str:
    try:
        return payload.decode("ascii")
    except UnicodeDecodeError:
        raise Abort("non-ASCII payload") from None


class Api:
    def __init__(self, dom0: Dom0) -> None:
        self.dom0 = dom0
        self.world = dom0.world

    def resolve(self, name: str) -> Qube:
        if name.startswith("uuid:"):
            # Since R4.3 qubesd also takes `uuid:<lowercase uuid>`.
            for qube in self.world.qubes.values():
                if qube.uuid == name[len("uuid:"):]:
                    return qube
            raise QubesVMNotFoundError(f"No such domain: '{name}'")
        problem = name_problem(name)
        if problem is not None:
            raise QubesValueError(problem)
        qube = self.world.qubes.get(name)
        if qube is None:
            raise QubesVMNotFoundError(f"No such domain: '{name}'")
        return qube

    def check(self, request: Request) -> tuple[_Method | None, Qube]:
        """Resolve source and destination, then the method and its arg/payload rules."""
        self.resolve(request.source)
        dest = self.resolve(request.dest)
        if request.method == EVENTS_METHOD:
            spec = None
            arg, payload, not_dom0 = "none", False, False
        else:
            spec = _METHODS.get(request.method)
            if spec is None and request.method.endswith(".GetAll"):
                # qubesd answers an unknown GetAll with an empty list (facts §6).
                spec = _Method(lambda api, request, dest: "", "any", True)
            if spec is None:
                raise ProtocolError(f"no such method: '{request.method}'")
            arg, payload, not_dom0 = spec.arg, spec.payload, spec.not_dom0
        if arg == "none" and request.arg:
            raise ProtocolError("unexpected argument")
        if arg == "required" and not request.arg:
            raise ProtocolError("expected an argument")
        if not payload and request.payload:
            raise ProtocolError("unexpected payload")
        if not_dom0 and dest.klass == "AdminVM":
            raise ProtocolError("expected destination to not be AdminVM")
        return spec, dest

    def handle(self, request: Request) -> str:
        spec, dest = self.check(request)
        assert spec is not None, "admin.Events is served by the server itself"
        return spec.handler(self, request, dest)

    # -- qubes -----------------------------------------------------------------

    @_method("admin.vm.List")
    def vm_list(self, request: Request, dest: Qube) -> str:
        qubes = self.world.sorted() if dest.klass == "AdminVM" else [dest]
        return "".join(f"{q.name} class={q.klass} state={q.state} uuid={q.uuid}\n" for q in qubes)

    @_method("admin.vm.CurrentState")
    def vm_current_state(self, request: Request, dest: Qube) -> str:
        if dest.is_running:
            # Plausible figures: the editor only reads power_state.
            return f"mem=409600 mem_static_max=4096000 cputime={(dest.qid + 1) * 7000000000} power_state=Running"
        return "mem=0 mem_static_max=0 cputime=0 power_state=Halted"

    # -- properties ----------------------------------------------------------------

    def _properties(self, qube: Qube) -> list[str]:
        names = ["klass", "label", "name", "qid", "uuid"]
        if qube.klass == "AdminVM":
            return names
        if qube.klass != "TemplateVM":
            names.append("template")
        return names + ["ip", "ip6", "netvm", "provides_network", "visible_ip"]

    def _property(self, qube: Qube, name: str) -> tuple[bool, str, str | None]:
        """(is default, type, value text or None when unset)."""
        if name not in self._properties(qube):
            raise QubesNoSuchPropertyError(f"Invalid property '{name}' of {qube.name}")
        if name == "name":
            return False, "str", qube.name
        if name == "qid":
            return False, "int", str(qube.qid)
        if name == "uuid":
            return False, "str", qube.uuid
        if name == "klass":
            return True, "str", qube.klass
        if name == "label":
            return False, "label", qube.label
        if name == "template":
            return False, "vm", qube.template or ""
        if name == "netvm":
            return qube.netvm_is_default, "vm", qube.netvm or ""
        if name == "provides_network":
            is_default = qube.provides_network_is_default
            if is_default is None:
                is_default = not qube.provides_network
            return is_default, "bool", str(qube.provides_network)
        if name in ("ip", "visible_ip"):
            return True, "str", self.world.ip(qube)
        return True, "str", self.world.ip6(qube)  # ip6

    @staticmethod
    def _get_format(is_default: bool, kind: str, value: str | None) -> str:
        return f"default={is_default} type={kind} {value if value is not None else ''}"

    @_method("admin.vm.property.List")
    def property_list(self, request: Request, dest: Qube) -> str:
        # What qvm-prefs asks first; the names in GetAll's order.
        return "".join(name + "\n" for name in self._properties(dest))

    @_method("admin.vm.property.Get", arg="required")
    def property_get(self, request: Request, dest: Qube) -> str:
        return self._get_format(*self._property(dest, request.arg))

    @_method("admin.vm.property.GetAll")
    def property_get_all(self, request: Request, dest: Qube) -> str:
        lines = []
        for name in self._properties(dest):
            text = self._get_format(*self._property(dest, name))
            lines.append(name + " " + text.replace("\\", "\\\\").replace("\n", "\\n") + "\n")
        return "".join(lines)

    @_method("admin.vm.property.GetDefault", arg="required")
    def property_get_default(self, request: Request, dest: Qube) -> str:
        self._property(dest, request.arg)  # refuses an unknown property
        name = request.arg
        if name == "netvm":
            default = self.world.default_netvm(dest)
            return f"type=vm {default or ''}"
        if name == "provides_network":
            return "type=bool False"
        if name in ("ip", "visible_ip"):
            return f"type=str {self.world.ip(dest) or ''}"
        if name == "ip6":
            return f"type=str {self.world.ip6(dest) or ''}"
        if name == "klass":
            return f"type=str {dest.klass}"
        return ""

    @_method("admin.vm.property.Set", arg="required", payload=True)
    def property_set(self, request: Request, dest: Qube) -> str:
        name = request.arg
        self._property(dest, name)
        value = _decode_ascii(request.payload)
        if name == "netvm":
            self._set_netvm(dest, value or None)
        elif name == "label":
            if value not in LABEL_COLOURS:
                raise QubesLabelNotFoundError(f"Label does not exist: {value}")
            self.dom0.set_property(dest, "label", value)
        elif name == "provides_network":
            self._set_provides_network(dest, value)
        elif name == "template":
            template = self.resolve(value) if value else None
            if template is None or template.klass != "TemplateVM":
                raise QubesValueError(f"{value or 'None'} is not a template")
            if dest.is_running:
                raise QubesValueError(f"Cannot change the template of {dest.name} while it is running")
            self.dom0.set_property(dest, "template", template.name)
        else:
            raise QubesPropertyAccessError(f"Property '{name}' of {dest.name} is read-only in the sandbox")
        return ""

    def _set_netvm(self, dest: Qube, value: str | None, *, reset: bool = False) -> None:
        if value is not None:
            netvm = self.resolve(value)
            if not netvm.provides_network:
                raise QubesValueError(f"The {netvm.name} qube does not provide network")
            link: str | None = netvm.name
            while link is not None:
                if link == dest.name:
                    raise QubesValueError("Loops in network are unsupported")
                link = self.world.qubes[link].netvm if link in self.world else None
            if dest.is_running and not netvm.is_running:
                raise QubesVMNotStartedError(
                    f"Cannot connect the running qube {dest.name} to {netvm.name}: it is not running"
                )
        self.dom0.set_property(dest, "netvm", value, reset=reset)

    def _set_provides_network(self, dest: Qube, value: str, *, reset: bool = False) -> None:
        if value.lower() in _TRUE:
            flag = True
        elif value.lower() in _FALSE:
            flag = False
        else:
            raise QubesValueError(f"Invalid bool value: '{value}'")
        if not flag and self.world.connected(dest):
            raise QubesValueError(f"{dest.name} still provides network to other qubes")
        self.dom0.set_property(dest, "provides_network", flag, reset=reset)

    @_method("admin.vm.property.Reset", arg="required")
    def property_reset(self, request: Request, dest: Qube) -> str:
        name = request.arg
        self._property(dest, name)
        if name == "netvm":
            self._set_netvm(dest, self.world.default_netvm(dest), reset=True)
        elif name == "provides_network":
            self._set_provides_network(dest, "False", reset=True)
        else:
            raise QubesPropertyAccessError(f"Property '{name}' of {dest.name} has no default to reset to")
        return ""

    # -- firewall ------------------------------------------------------------------

    @_method("admin.vm.firewall.Get", not_dom0=True)
    def firewall_get(self, request: Request, dest: Qube) -> str:
        now = time.time()
        return "".join(rule.api_line() + "\n" for rule in dest.rules if not rule.is_expired(now))

    @_method("admin.vm.firewall.Set", payload=True, not_dom0=True)
    def firewall_set(self, request: Request, dest: Qube) -> str:
        if not request.payload:
            raise ProtocolError("expected payload")
        try:
            text = request.payload.decode("ascii")
        except UnicodeDecodeError:
            raise ProtocolError("Rules contains non-ASCII characters") from None
        try:
            rules = parse_lines(text, allow_l7=not self.dom0.stock)
        except ValueError as error:
            # qubesd raises a plain ValueError here: no reply, rules untouched.
            raise Abort(str(error)) from error
        self.dom0.set_rules(dest, rules)
        return ""

    @_method("admin.vm.firewall.Reload", not_dom0=True)
    def firewall_reload(self, request: Request, dest: Qube) -> str:
        self.dom0.reload_firewall(dest)
        return ""

    # -- features ------------------------------------------------------------------

    def _feature(self, dest: Qube, name: str, value: str | None) -> str:
        if value is None:
            raise QubesFeatureNotFoundError(f"Feature not set for domain {dest.name}: {name}")
        return value

    @_method("admin.vm.feature.List")
    def feature_list(self, request: Request, dest: Qube) -> str:
        return "".join(name + "\n" for name in dest.features)

    @_method("admin.vm.feature.Get", arg="required")
    def feature_get(self, request: Request, dest: Qube) -> str:
        return self._feature(dest, request.arg, dest.features.get(request.arg))

    @_method("admin.vm.feature.CheckWithTemplate", arg="required")
    def feature_check_with_template(self, request: Request, dest: Qube) -> str:
        return self._feature(dest, request.arg, self.world.check_with_template(dest, request.arg))

    @_method("admin.vm.feature.CheckWithNetvm", arg="required")
    def feature_check_with_netvm(self, request: Request, dest: Qube) -> str:
        return self._feature(dest, request.arg, self.world.check_with_netvm(dest, request.arg))

    @_method("admin.vm.feature.CheckWithAdminVM", arg="required")
    def feature_check_with_adminvm(self, request: Request, dest: Qube) -> str:
        value = dest.features.get(request.arg)
        if value is None:
            value = self.world["dom0"].features.get(request.arg)
        return self._feature(dest, request.arg, value)

    @_method("admin.vm.feature.CheckWithTemplateAndAdminVM", arg="required")
    def feature_check_with_template_and_adminvm(self, request: Request, dest: Qube) -> str:
        value = self.world.check_with_template(dest, request.arg)
        if value is None:
            value = self.world["dom0"].features.get(request.arg)
        return self._feature(dest, request.arg, value)

    @_method("admin.vm.feature.Set", arg="required", payload=True)
    def feature_set(self, request: Request, dest: Qube) -> str:
        name = request.arg
        if not _FEATURE_NAME.fullmatch(name):
            raise ProtocolError("feature name contains illegal characters")
        if not all(0x20 <= byte <= 0x7E for byte in request.payload):
            raise ProtocolError("feature value contains illegal characters")
        value = request.payload.decode("ascii")
        if name == "deferred-netvm-original" or name.startswith("preload-dispvm"):
            raise PermissionDenied(f"feature {name} is managed by qubesd")
        self.dom0.set_feature(dest, name, value)
        return ""

    @_method("admin.vm.feature.Remove", arg="required")
    def feature_remove(self, request: Request, dest: Qube) -> str:
        self._feature(dest, request.arg, dest.features.get(request.arg))
        self.dom0.remove_feature(dest, request.arg)
        return ""

    # -- labels --------------------------------------------------------------------

    @_method("admin.label.List")
    def label_list(self, request: Request, dest: Qube) -> str:
        return "".join(name + "\n" for _, name, _ in LABELS)

    @_method("admin.label.Get", arg="required")
    def label_get(self, request: Request, dest: Qube) -> str:
        if request.arg not in LABEL_COLOURS:
            raise QubesLabelNotFoundError(f"Label does not exist: {request.arg}")
        return LABEL_COLOURS[request.arg]

    @_method("admin.label.Index", arg="required")
    def label_index(self, request: Request, dest: Qube) -> str:
        if request.arg not in LABEL_INDEX:
            raise QubesLabelNotFoundError(f"Label does not exist: {request.arg}")
        return str(LABEL_INDEX[request.arg])

