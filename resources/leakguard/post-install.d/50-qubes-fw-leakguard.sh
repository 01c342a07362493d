#!/bin/sh
# Advertise to dom0 that qubes based on this template can enforce ProxyVM leak
# protection. Qubes runs /etc/qubes/post-install.d/*.sh in a template after
# packages change; qvm-features-request queues the feature for dom0, which sets
# supported-service.qubes-fw-leakguard=1 on the template. The dom0 panel reads it
# to tell whether the settings of a ProxyVM will really be enforced.
if [ "$(qubesdb-read /qubes-vm-type 2>/dev/null)" != "TemplateVM" ]; then
    exit 0
fi
# Not requesting it is how support is withdrawn: dom0 drops supported-service.*
# features that a template's post-install run no longer asks for.
if command -v qubes-fw-leakguard >/dev/null 2>&1; then
    qvm-features-request supported-service.qubes-fw-leakguard=1
fi
