"""Which feature calls a Save of the leak-protection panel makes, in which order.

Only features whose value changes are written, so a Save with nothing new
sends nothing, and a running ProxyVM's guard is not re-triggered needlessly.
Order matters because the guard inside a running ProxyVM re-applies on every
QubesDB change: when it is being switched on, its settings go first and the
service flag last (it starts on the final settings); when it is being switched
off, the flag goes first (nothing is enforced half-configured on the way down).
"""

from __future__ import annotations

from collections.abc import Mapping

SERVICE_FEATURE = "service.qubes-fw-leakguard"

# One planned call: (feature name, new value), None meaning admin.vm.feature.Remove.
FeatureWrite = tuple[str, str | None]


def plan_feature_writes(
    current: Mapping[str, str], wanted: Mapping[str, str | None]
) -> list[FeatureWrite]:
    """The Set/Remove calls that turn `current` (features now on the qube) into `wanted`."""
    writes: list[FeatureWrite] = []
    for name, value in wanted.items():
        if value is None:
            if name in current:
                writes.append((name, None))
        elif current.get(name) != value:
            writes.append((name, value))
    switching_on = bool(wanted.get(SERVICE_FEATURE))
    service = [w for w in writes if w[0] == SERVICE_FEATURE]
    settings = sorted(w for w in writes if w[0] != SERVICE_FEATURE)
    return settings + service if switching_on else service + settings
