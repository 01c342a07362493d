"""ProxyVM leak-protection settings and how they travel as qube features.

dom0 side (the panel) writes features on the ProxyVM; inside the ProxyVM the
`qubes-fw-leakguard` service reads the same values back from QubesDB:

    feature                                    QubesDB key in the ProxyVM
    service.qubes-fw-leakguard                 /qubes-service/qubes-fw-leakguard
    vm-config.qubes-fw-leakguard-<setting>     /vm-config/qubes-fw-leakguard-<setting>

Encoding decisions:
- The service feature is '1' when on and '' when off. Qubes turns '' into
  `/qubes-service/qubes-fw-leakguard = 0`, so the ProxyVM can tell "switched
  off" from "never configured", and the settings stay stored for next time.
- Booleans are written as '1'/'0'. Read back, 1/0, true/false, yes/no, on/off
  (any case) are accepted; anything else is an error naming the key.
- Lists (tunnel interfaces, DNS resolvers) are space-separated; an empty list
  is written as '' (not removed), because a missing key reads as the default.
- Every setting is written explicitly, the service feature last: a writer
  that follows the dict order never switches the guard on with stale settings.
- Tunnel interfaces use the nftables wildcard: `wg*` means every name starting
  with `wg`. The iptables spelling `wg+` is accepted and stored as `wg*`.
- A name that is or could match the uplink (eth0), a downstream vif or lo is
  refused: letting downstream traffic out through it is exactly the leak.
- Any key under our prefix that this version does not know is an error: it
  may carry a restriction we would otherwise silently fail to enforce.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass

SERVICE = "qubes-fw-leakguard"
SERVICE_FEATURE = f"service.{SERVICE}"
CONFIG_PREFIX = f"{SERVICE}-"  # vm-config.<this><setting>
SERVICE_KEY = f"/qubes-service/{SERVICE}"
SUPPORTED_FEATURE = f"supported-service.{SERVICE}"

# setting attribute -> name after "vm-config." (each at most 52 characters)
_SETTING_NAMES: dict[str, str] = {
    "tunnel_only": CONFIG_PREFIX + "tunnel-only",
    "tunnel_interfaces": CONFIG_PREFIX + "tunnel-interfaces",
    "dns_via_tunnel_only": CONFIG_PREFIX + "dns-via-tunnel-only",
    "dns_servers": CONFIG_PREFIX + "dns-servers",
    "block_ipv6": CONFIG_PREFIX + "block-ipv6",
    "log_drops": CONFIG_PREFIX + "log-drops",
}
_BOOLEANS = ("tunnel_only", "dns_via_tunnel_only", "block_ipv6", "log_drops")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

# Qubes' virtual DNS addresses: DNAT-ed to the ProxyVM's real resolvers before
# the forward hook, so a rule naming them would never match anything.
_QUBES_VIRTUAL_DNS = {ipaddress.ip_address("10.139.1.1"), ipaddress.ip_address("10.139.1.2")}
_IFNAME = re.compile(r"[A-Za-z0-9_.-]{1,15}")
_MAX_VALUE = 3072  # QubesDB's largest value


def feature_name(attribute: str) -> str:
    """The full feature name of a setting, e.g. 'vm-config.qubes-fw-leakguard-block-ipv6'."""
    return "vm-config." + _SETTING_NAMES[attribute]


def qubesdb_key(attribute: str) -> str:
    """The ProxyVM's QubesDB key of a setting, e.g. '/vm-config/qubes-fw-leakguard-block-ipv6'."""
    return "/vm-config/" + _SETTING_NAMES[attribute]


class SettingsError(ValueError):
    """A malformed leak-protection setting; `key` names the feature or QubesDB key."""

    def __init__(self, key: str, value: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.value = value
        self.message = message


def parse_interfaces(text: str, key: str = "tunnel interfaces") -> tuple[str, ...]:
    """Tunnel interface names from space- or comma-separated text, in order, without repeats."""
    names: list[str] = []
    for word in text.replace(",", " ").split():
        name = word[:-1] + "*" if word.endswith("+") else word
        stem = name[:-1] if name.endswith("*") else name
        if not stem or not _IFNAME.fullmatch(stem) or stem in (".", ".."):
            raise SettingsError(
                key,
                text,
                f"'{word}' is not an interface name: use 1-15 letters, digits, '_', '.' or '-', "
                "optionally ending in '*' for every name with that start (wg*)",
            )
        problem = _uplink_or_downstream(stem, wildcard=name.endswith("*"))
        if problem:
            raise SettingsError(key, text, f"'{word}' {problem}")
        if name not in names:
            names.append(name)
    return tuple(names)


def _uplink_or_downstream(stem: str, *, wildcard: bool) -> str:
    """Why a tunnel name would let downstream traffic out of the uplink, or ''."""

    def covers(name: str) -> bool:
        return name.startswith(stem) if wildcard else name == stem

    if covers("eth0") or (not wildcard and stem.startswith("eth0")):
        return "is the uplink (eth0): allowing it would let traffic leave outside the tunnel"
    if covers("vif") or stem.startswith("vif"):
        return "is a downstream qube's interface (vif*), not a tunnel"
    if covers("lo"):
        return "is the loopback interface, not a tunnel"
    return ""


def parse_resolvers(text: str, key: str = "DNS servers") -> tuple[str, ...]:
    """DNS resolver addresses (IPv4 or IPv6) from space- or comma-separated text, canonical form."""
    found: list[str] = []
    for word in text.replace(",", " ").split():
        try:
            address = ipaddress.ip_address(word)
        except ValueError:
            raise SettingsError(key, text, f"'{word}' is not an IPv4 or IPv6 address") from None
        if address in _QUBES_VIRTUAL_DNS:
            raise SettingsError(
                key,
                text,
                f"'{word}' is a Qubes virtual DNS address, rewritten to the ProxyVM's own "
                "resolvers before the guard sees it: list the VPN's DNS servers instead",
            )
        if address.is_unspecified or address.is_multicast:
            raise SettingsError(key, text, f"'{word}' cannot be a DNS server")
        if str(address) not in found:
            found.append(str(address))
    return tuple(found)


def validate_interfaces(text: str) -> tuple[bool, str]:
    """(ok, message) for the tunnel-interface field; the message is '' when ok."""
    try:
        parse_interfaces(text)
    except SettingsError as error:
        return False, error.message
    return True, ""


def validate_resolvers(text: str) -> tuple[bool, str]:
    """(ok, message) for the DNS-servers field; the message is '' when ok."""
    try:
        parse_resolvers(text)
    except SettingsError as error:
        return False, error.message
    return True, ""


def _parse_bool(key: str, value: str) -> bool:
    spelled = value.strip().lower()
    if spelled in _TRUE:
        return True
    if spelled in _FALSE:
        return False
    raise SettingsError(key, value, f"'{value}' is not a yes/no value (use 1 or 0)")


@dataclass(frozen=True)
class LeakGuardSettings:
    """What the leak guard enforces in one ProxyVM. The defaults are the safe choices."""

    enabled: bool = False
    tunnel_only: bool = True
    tunnel_interfaces: tuple[str, ...] = ("tun0", "wg0")
    dns_via_tunnel_only: bool = True
    dns_servers: tuple[str, ...] = ()
    block_ipv6: bool = True
    log_drops: bool = False

    def __post_init__(self) -> None:
        # The lists are checked (and put in canonical form) however the value is built,
        # so nothing downstream - feature values, nft text - ever sees an unchecked name.
        interfaces = parse_interfaces(" ".join(self.tunnel_interfaces), "tunnel_interfaces")
        resolvers = parse_resolvers(" ".join(self.dns_servers), "dns_servers")
        object.__setattr__(self, "tunnel_interfaces", interfaces)
        object.__setattr__(self, "dns_servers", resolvers)

    def to_features(self) -> dict[str, str | None]:
        """Feature name -> value to write on the ProxyVM, in a safe write order.

        None would mean "remove the feature"; this encoding writes every key, so
        a missing key can keep meaning "the default".
        """
        features: dict[str, str | None] = {}
        for attribute in _SETTING_NAMES:
            value = getattr(self, attribute)
            if attribute in _BOOLEANS:
                features[feature_name(attribute)] = "1" if value else "0"
            else:
                features[feature_name(attribute)] = " ".join(value)
        # Last, so that writing in this order switches the guard on only once its settings are there.
        features[SERVICE_FEATURE] = "1" if self.enabled else ""
        return features

    def to_qubesdb(self) -> dict[str, str]:
        """The keys Qubes writes into the ProxyVM's QubesDB for these features."""
        entries: dict[str, str] = {}
        for name, value in self.to_features().items():
            if value is None:
                continue
            if name == SERVICE_FEATURE:
                entries[SERVICE_KEY] = "1" if value else "0"
            else:
                entries["/vm-config/" + name.removeprefix("vm-config.")] = value
        return entries

    @classmethod
    def from_features(cls, features: Mapping[str, str]) -> LeakGuardSettings:
        """Settings from a qube's features (other features are ignored).

        Raises SettingsError naming the feature when a value is malformed.
        """
        values: dict[str, str] = {}
        for name, value in features.items():
            if name.startswith("vm-config." + CONFIG_PREFIX):
                values[name] = value
        service = features.get(SERVICE_FEATURE)
        # Qubes' own rule: '' is off, any other value (even '0') is on.
        enabled = service is not None and str(service) != ""
        return cls._from_values(enabled, values, "vm-config.")

    @classmethod
    def _from_values(cls, enabled: bool, values: Mapping[str, str], prefix: str) -> LeakGuardSettings:
        known = {prefix + name: attribute for attribute, name in _SETTING_NAMES.items()}
        fields: dict[str, object] = {"enabled": enabled}  # a missing key keeps its default
        for key, value in values.items():
            attribute = known.get(key)
            if attribute is None:
                raise SettingsError(key, value, "unknown leak-protection setting (newer version?)")
            if not value.isascii() or not value.isprintable() or len(value) > _MAX_VALUE:
                raise SettingsError(key, value, "value must be printable ASCII, at most 3072 bytes")
            if attribute in _BOOLEANS:
                fields[attribute] = _parse_bool(key, value)
            elif attribute == "tunnel_interfaces":
                fields[attribute] = parse_interfaces(value, key)
            else:
                fields[attribute] = parse_resolvers(value, key)
        return cls(**fields)  # type: ignore[arg-type]


def from_qubesdb(entries: Mapping[str, str]) -> LeakGuardSettings:
    """Settings from the ProxyVM's own QubesDB keys (full paths; others ignored).

    Raises SettingsError naming the key on a malformed value, so the caller can
    fail closed and say why.
    """
    service = entries.get(SERVICE_KEY)
    if service is None or service == "0":
        enabled = False
    elif service == "1":
        enabled = True
    else:
        raise SettingsError(SERVICE_KEY, service, f"'{service}' is neither 0 nor 1")
    values = {k: v for k, v in entries.items() if k.startswith("/vm-config/" + CONFIG_PREFIX)}
    return LeakGuardSettings._from_values(enabled, values, "/vm-config/")
