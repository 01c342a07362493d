"""Every Admin API method over the real socket: exact request bytes in, exact reply frames out."""

from __future__ import annotations

import pytest

from tests.sandbox.rawclient import call, raw_call

WORK_RULES = (
    b"action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website\n"
    b"action=accept dsthost=github.com proto=tcp dstports=443-443 comment=Code hosting\n"
    b"action=accept dst4=192.168.1.0/24 proto=udp dstports=5353-5353 comment=mDNS on the office LAN\n"
    b"action=accept specialtarget=dns\n"
    b"action=accept proto=icmp icmptype=8 comment=ping\n"
    b"action=drop dst4=10.0.0.0/8 comment=No intranet\n"
    b"action=accept proto=tcp dstports=443-443 comment=Any HTTPS\n"
    b"action=drop\n"
)


def test_vm_list_all_and_one(sandbox) -> None:
    reply = call(sandbox.socket_path, "admin.vm.List")
    lines = reply[2:].decode().splitlines()
    assert reply[:2] == b"0\0"
    assert [line.split(" ")[0] for line in lines] == sorted(line.split(" ")[0] for line in lines)
    assert "dom0 class=AdminVM state=Running uuid=00000000-0000-0000-0000-000000000000" in lines
    assert len(lines) == 11
    one = call(sandbox.socket_path, "admin.vm.List", "work")
    assert one.startswith(b"0\0work class=AppVM state=Running uuid=") and one.endswith(b"\n")
    assert one.count(b"\n") == 1


def test_header_without_plus_and_keyword_adminvm(sandbox) -> None:
    # qubesd accepts a header without '+', and qrexec's `keyword adminvm` means dom0.
    plain = raw_call(sandbox.socket_path, b"admin.vm.List dom0 keyword adminvm\0")
    assert plain == call(sandbox.socket_path, "admin.vm.List")


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"admin.vm.List+ dom0 name\0",  # three fields
        b"admin.vm.List+  dom0 name dom0\0",  # two spaces: five fields
        b"admin.vm.List+ dom0 keyword sys-net\0",  # unknown keyword
        b"admin.vm.List+ dom0 uuidish dom0\0",  # unknown dest type
        "admin.vm.List+ dom0 name d\u00f6m0\0".encode(),  # non-ASCII header
        b"admin.vm.List+ dom0 name dom0",  # no NUL at all
    ],
)
def test_framing_errors_get_no_reply(sandbox, request_bytes: bytes) -> None:
    assert raw_call(sandbox.socket_path, request_bytes) == b""


def test_current_state(sandbox) -> None:
    running = call(sandbox.socket_path, "admin.vm.CurrentState", "work")
    assert running.startswith(b"0\0mem=") and running.endswith(b" power_state=Running")
    assert call(sandbox.socket_path, "admin.vm.CurrentState", "vault") == (
        b"0\0mem=0 mem_static_max=0 cputime=0 power_state=Halted"
    )


def test_property_get_formats(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.property.Get", "work", "netvm") == b"0\0default=True type=vm sys-firewall"
    assert call(path, "admin.vm.property.Get", "banking", "netvm") == b"0\0default=False type=vm sys-vpn"
    assert call(path, "admin.vm.property.Get", "vault", "netvm") == b"0\0default=False type=vm "
    assert call(path, "admin.vm.property.Get", "work", "ip") == b"0\0default=True type=str 10.137.0.4"
    assert call(path, "admin.vm.property.Get", "work", "ip6") == b"0\0default=True type=str "
    assert call(path, "admin.vm.property.Get", "sys-vpn", "provides_network") == b"0\0default=False type=bool True"
    assert call(path, "admin.vm.property.Get", "work", "label") == b"0\0default=False type=label blue"
    assert call(path, "admin.vm.property.Get", "work", "template") == b"0\0default=False type=vm debian-12-xfce"
    assert call(path, "admin.vm.property.Get", "work", "qid") == b"0\0default=False type=int 4"
    assert call(path, "admin.vm.property.Get", "work", "bogus") == (
        b"2\0QubesNoSuchPropertyError\0\0Invalid property 'bogus' of work\0"
    )
    assert call(path, "admin.vm.property.Get", "debian-12-xfce", "template").startswith(
        b"2\0QubesNoSuchPropertyError\0\0"
    )
    assert call(path, "admin.vm.property.Get", "work") == b"2\0ProtocolError\0\0expected an argument\0"


def test_unset_property_without_a_value_is_default_true_with_a_trailing_space(sandbox) -> None:
    # facts §2: no value at all is `default=True type=<t> `; only a netvm set to none is default=False.
    path = sandbox.socket_path
    assert call(path, "admin.vm.property.Get", "debian-12-xfce", "netvm") == b"0\0default=True type=vm "
    assert call(path, "admin.vm.property.GetDefault", "debian-12-xfce", "netvm") == b"0\0type=vm "
    assert call(path, "admin.vm.property.Get", "debian-12-xfce", "ip") == b"0\0default=True type=str "
    assert call(path, "admin.vm.property.Get", "work", "visible_ip") == b"0\0default=True type=str 10.137.0.4"
    assert call(path, "admin.vm.property.Set", "work", "ipv6-only", b"x").startswith(b"2\0QubesNoSuchPropertyError\0\0")


def test_property_set_label_and_template(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.property.Set", "personal", "label", b"purple") == b"0\0"
    assert call(path, "admin.vm.property.Get", "personal", "label") == b"0\0default=False type=label purple"
    assert call(path, "admin.vm.property.Set", "personal", "label", b"pink") == (
        b"2\0QubesLabelNotFoundError\0\0Label does not exist: pink\0"
    )
    assert call(path, "admin.vm.property.Set", "personal", "template", b"fedora-41-xfce") == b"0\0"
    assert call(path, "admin.vm.property.Get", "personal", "template") == b"0\0default=False type=vm fedora-41-xfce"
    # Only a template may be one, and a running qube keeps its template.
    assert call(path, "admin.vm.property.Set", "personal", "template", b"work").startswith(b"2\0QubesValueError\0\0")
    assert call(path, "admin.vm.property.Set", "work", "template", b"fedora-41-xfce").startswith(b"2\0Qubes")
    assert call(path, "admin.vm.property.Get", "work", "template") == b"0\0default=False type=vm debian-12-xfce"
    # A bool takes qubesd's spellings in any case.
    assert call(path, "admin.vm.property.Set", "vault", "provides_network", b"On") == b"0\0"
    assert call(path, "admin.vm.property.Get", "vault", "provides_network") == b"0\0default=False type=bool True"
    assert call(path, "admin.vm.property.Set", "vault", "provides_network", b"NO") == b"0\0"
    # Set to the default value is still explicit (default=False); only Reset makes it the default again.
    assert call(path, "admin.vm.property.Get", "vault", "provides_network") == b"0\0default=False type=bool False"
    assert call(path, "admin.vm.property.Reset", "vault", "provides_network") == b"0\0"
    assert call(path, "admin.vm.property.Get", "vault", "provides_network") == b"0\0default=True type=bool False"


def test_property_list_names_what_get_all_gives(sandbox) -> None:
    names = call(sandbox.socket_path, "admin.vm.property.List", "work")
    get_all = call(sandbox.socket_path, "admin.vm.property.GetAll", "work")
    assert names.startswith(b"0\0") and names.endswith(b"\n")
    assert names[2:].decode().splitlines() == [line.split(" ")[0] for line in get_all[2:].decode().splitlines()]
    assert b"netvm\n" in names and b"visible_ip\n" in names
    assert call(sandbox.socket_path, "admin.vm.property.List", "dom0") == b"0\0klass\nlabel\nname\nqid\nuuid\n"
    assert call(sandbox.socket_path, "admin.vm.property.List", "work", "x") == b"2\0ProtocolError\0\0unexpected argument\0"


def test_property_get_all_and_default(sandbox) -> None:
    reply = call(sandbox.socket_path, "admin.vm.property.GetAll", "work")
    lines = reply[2:].decode().splitlines()
    assert "netvm default=True type=vm sys-firewall" in lines
    assert "ip default=True type=str 10.137.0.4" in lines
    assert "klass default=True type=str AppVM" in lines
    assert call(sandbox.socket_path, "admin.vm.property.GetDefault", "banking", "netvm") == (
        b"0\0type=vm sys-firewall"
    )
    assert call(sandbox.socket_path, "admin.vm.property.GetDefault", "work", "label") == b"0\0"


def test_property_set_netvm_and_reset(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.property.Set", "personal", "netvm", b"sys-vpn") == b"0\0"
    assert call(path, "admin.vm.property.Get", "personal", "netvm") == b"0\0default=False type=vm sys-vpn"
    assert call(path, "admin.vm.property.Reset", "personal", "netvm") == b"0\0"
    assert call(path, "admin.vm.property.Get", "personal", "netvm") == b"0\0default=True type=vm sys-firewall"
    assert call(path, "admin.vm.property.Set", "personal", "netvm", b"") == b"0\0"
    assert call(path, "admin.vm.property.Get", "personal", "netvm") == b"0\0default=False type=vm "


def test_property_set_netvm_refusals(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.property.Set", "work", "netvm", b"vault") == (
        b"2\0QubesValueError\0\0The vault qube does not provide network\0"
    )
    assert call(path, "admin.vm.property.Set", "sys-firewall", "netvm", b"sys-vpn") == (
        b"2\0QubesValueError\0\0Loops in network are unsupported\0"
    )
    assert call(path, "admin.vm.property.Set", "work", "netvm", b"nosuch") == (
        b"2\0QubesVMNotFoundError\0\0No such domain: 'nosuch'\0"
    )
    assert call(path, "admin.vm.property.Set", "work", "provides_network", b"maybe").startswith(
        b"2\0QubesValueError\0\0"
    )


def test_firewall_get_set_reload(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.firewall.Get", "work") == b"0\0" + WORK_RULES
    payload = b"proto=tcp dstports=80-90 action=accept dst4=1.2.3.4\naction=accept dstname=example.com\n"
    assert call(path, "admin.vm.firewall.Set", "work", payload=payload) == b"0\0"
    assert call(path, "admin.vm.firewall.Get", "work") == (
        b"0\0action=accept dst4=1.2.3.4/32 proto=tcp dstports=80-90\naction=accept dsthost=example.com\n"
    )
    assert call(path, "admin.vm.firewall.Reload", "work") == b"0\0"
    assert call(path, "admin.vm.firewall.Get", "untrusted") == b"0\0action=accept\n"


@pytest.mark.parametrize("method", ["admin.vm.firewall.Get", "admin.vm.firewall.Reload"])
def test_firewall_methods_refuse_dom0_argument_and_payload(sandbox, method: str) -> None:
    path = sandbox.socket_path
    assert call(path, method, "dom0") == b"2\0ProtocolError\0\0expected destination to not be AdminVM\0"
    assert call(path, method, "work", "x") == b"2\0ProtocolError\0\0unexpected argument\0"
    assert call(path, method, "work", payload=b"x") == b"2\0ProtocolError\0\0unexpected payload\0"


def test_firewall_set_refusals(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.firewall.Set", "work") == b"2\0ProtocolError\0\0expected payload\0"
    assert call(path, "admin.vm.firewall.Set", "work", payload="action=accept comment=caf\u00e9\n".encode()) == (
        b"2\0ProtocolError\0\0Rules contains non-ASCII characters\0"
    )
    assert call(path, "admin.vm.firewall.Set", "dom0", payload=b"action=drop\n") == (
        b"2\0ProtocolError\0\0expected destination to not be AdminVM\0"
    )
    # Invalid rules: no reply at all, like qubesd's plain ValueError.
    for bad in (b"action=allow\n", b"action=accept\n\naction=drop\n", b"action=accept  proto=tcp\n",
                b"action=accept dsthost=Example.com\n", b"action=accept proto=udp icmptype=8\n",
                b"action=accept proto=tcp dstports=65536\n"):
        assert call(path, "admin.vm.firewall.Set", "work", payload=bad) == b"", bad
    assert call(path, "admin.vm.firewall.Get", "work") == b"0\0" + WORK_RULES


def test_unknown_qube_name_and_invalid_name(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.firewall.Get", "nosuch") == b"2\0QubesVMNotFoundError\0\0No such domain: 'nosuch'\0"
    reply = call(path, "admin.vm.firewall.Get", "0bad")
    assert reply.startswith(b"2\0QubesValueError\0\0") and reply.endswith(b"\0")


def test_unknown_method(sandbox) -> None:
    assert call(sandbox.socket_path, "admin.vm.Start", "work") == (
        b"2\0ProtocolError\0\0no such method: 'admin.vm.Start'\0"
    )
    # Except an unknown GetAll, which answers with an empty list.
    assert call(sandbox.socket_path, "admin.vm.device.pci.GetAll", "work") == b"0\0"


def test_feature_methods(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.feature.List", "debian-12-xfce") == (
        b"0\0qubes-firewall\nsupported-feature.qubes-firewall-dpi\n"
    )
    assert call(path, "admin.vm.feature.Get", "work", "qubes-firewall") == (
        b"2\0QubesFeatureNotFoundError\0\0Feature not set for domain work: qubes-firewall\0"
    )
    assert call(path, "admin.vm.feature.CheckWithTemplate", "sys-firewall", "qubes-firewall") == b"0\x001"
    assert call(path, "admin.vm.feature.CheckWithTemplate", "sys-vpn", "supported-feature.qubes-firewall-dpi") == (
        b"2\0QubesFeatureNotFoundError\0\0Feature not set for domain sys-vpn: supported-feature.qubes-firewall-dpi\0"
    )
    assert call(path, "admin.vm.feature.Set", "sys-net", "ipv6", b"1") == b"0\0"
    assert call(path, "admin.vm.feature.CheckWithNetvm", "work", "ipv6") == b"0\x001"
    assert call(path, "admin.vm.feature.Set", "work", "note", b"") == b"0\0"
    assert call(path, "admin.vm.feature.Get", "work", "note") == b"0\0"
    assert call(path, "admin.vm.feature.Remove", "work", "note") == b"0\0"
    assert call(path, "admin.vm.feature.Remove", "work", "note").startswith(b"2\0QubesFeatureNotFoundError\0\0")


def test_feature_set_refusals(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.feature.Set", "work", "bad/name", b"1").startswith(b"2\0ProtocolError\0\0")
    assert call(path, "admin.vm.feature.Set", "work", "x", b"tab\there").startswith(b"2\0ProtocolError\0\0")
    assert call(path, "admin.vm.feature.Set", "work", "preload-dispvm", b"1").startswith(b"2\0PermissionDenied\0\0")
    assert call(path, "admin.vm.feature.Set", "work", "service." + "s" * 49, b"1").startswith(
        b"2\0QubesValueError\0\0"
    )
    assert call(path, "admin.vm.feature.List", "work") == b"0\0"


def test_label_methods(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.label.List") == b"0\0red\norange\nyellow\ngreen\ngray\nblue\npurple\nblack\n"
    assert call(path, "admin.label.Get", arg="red") == b"0\x000xcc0000"
    assert call(path, "admin.label.Index", arg="blue") == b"0\x006"
    assert call(path, "admin.label.Get", arg="pink").startswith(b"2\0QubesLabelNotFoundError\0\0")


def test_exception_messages_never_carry_percent(sandbox) -> None:
    reply = call(sandbox.socket_path, "admin.vm.feature.Get", "work", "100%")
    assert reply.startswith(b"2\0") and b"%" not in reply


def test_requests_are_recorded_in_order(sandbox) -> None:
    call(sandbox.socket_path, "admin.vm.List")
    call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=b"action=drop\n")
    assert sandbox.requests[-2:] == [
        b"admin.vm.List+ dom0 name dom0\0",
        b"admin.vm.firewall.Set+ dom0 name work\0action=drop\n",
    ]


def test_feature_checks_that_fall_back_to_dom0(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.feature.Set", "dom0", "gui-default-secure-copy-sequence", b"Ctrl-Shift-c") == b"0\0"
    assert call(path, "admin.vm.feature.CheckWithAdminVM", "work", "gui-default-secure-copy-sequence") == (
        b"0\0Ctrl-Shift-c"
    )
    assert call(path, "admin.vm.feature.CheckWithTemplateAndAdminVM", "sys-vpn", "qubes-firewall") == b"0\x001"
    assert call(path, "admin.vm.feature.CheckWithAdminVM", "work", "nope").startswith(b"2\0QubesFeatureNotFoundError")


def test_events_refuse_an_argument_or_payload(sandbox) -> None:
    assert call(sandbox.socket_path, "admin.Events", arg="x") == b"2\0ProtocolError\0\0unexpected argument\0"
    assert call(sandbox.socket_path, "admin.Events", payload=b"x") == b"2\0ProtocolError\0\0unexpected payload\0"
    assert call(sandbox.socket_path, "admin.Events", "nosuch") == b"2\0QubesVMNotFoundError\0\0No such domain: 'nosuch'\0"
