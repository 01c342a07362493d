"""Well-known ports and ICMP types: what the table shows and what the dialog accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from qubes_fw_gui import paths
from qubes_fw_gui.model import PortRange, RuleError
from qubes_fw_gui.model.icmp import display_icmp, icmp_choices, parse_icmp
from qubes_fw_gui.model.ports import PortCatalogue, Service, default_catalogue, load_catalogue

BUNDLED = paths.resource("ports/services.tsv")


@pytest.fixture(params=["with /etc/services", "bundled only"])
def catalogue(request: pytest.FixtureRequest) -> PortCatalogue:
    if request.param == "bundled only":
        return load_catalogue(BUNDLED, system=None)
    return default_catalogue()


@pytest.mark.parametrize(
    "text", ["https", "HTTPS", "443", " 443 ", "https (443)", "HTTPS(443)", "443 (https)", "  https  "]
)
def test_the_ways_to_type_https(catalogue: PortCatalogue, text: str) -> None:
    assert catalogue.parse(text, "tcp") == PortRange(443, 443)


def test_ranges_and_alternates(catalogue: PortCatalogue) -> None:
    assert catalogue.parse("8000-8080", "tcp") == PortRange(8000, 8080)
    assert catalogue.parse(" 8000 - 8080 ", "tcp") == PortRange(8000, 8080)
    assert catalogue.parse("http-alt (8080)", "tcp") == PortRange(8080, 8080)
    assert catalogue.parse("http-alt", "tcp") == PortRange(8080, 8080)
    assert catalogue.parse("domain", "udp") == PortRange(53, 53)
    assert catalogue.parse("ntp", "udp") == PortRange(123, 123)


def test_display(catalogue: PortCatalogue) -> None:
    assert catalogue.display(PortRange(443, 443), "tcp") == "https (443)"
    assert catalogue.display(PortRange(22, 22), "tcp") == "ssh (22)"
    assert catalogue.display(PortRange(53, 53), "udp") == "domain (53)"
    assert catalogue.display(PortRange(8443, 8443), "tcp") == "8443"
    assert catalogue.display(PortRange(8000, 8080), "tcp") == "8000-8080"
    assert catalogue.display(None, "tcp") == "any"


def test_every_port_reads_back_from_its_display(catalogue: PortCatalogue) -> None:
    for proto in ("tcp", "udp", None):
        for port in range(65536):
            assert catalogue.parse(catalogue.display(PortRange(port, port), proto), proto) == PortRange(port, port)


def test_display_reads_back_as_the_same_port(catalogue: PortCatalogue) -> None:
    for proto in ("tcp", "udp"):
        for entry in catalogue.choices(proto):
            ports = catalogue.parse(entry, proto)
            assert catalogue.display(ports, proto) == entry


@pytest.mark.parametrize(
    ("text", "proto", "words"),
    [
        ("bootps", "tcp", "bootps is a udp service (port 67), not tcp"),
        ("nosuchservice", "tcp", "'nosuchservice' is not a known tcp service; type a port number"),
        ("nosuchservice", "udp", "not a known udp service"),
        ("65536", "tcp", "ports are 0 to 65535"),
        ("8080-8000", "tcp", "write 8000-8080"),
        ("https (80)", "tcp", "https is port 443, not 80"),
        ("", "tcp", "type a port"),
        ("443,80", "tcp", "is not a port"),
        ("-5", "tcp", "is not a port"),
    ],
)
def test_bad_input_names_the_ports_field(catalogue: PortCatalogue, text: str, proto: str, words: str) -> None:
    with pytest.raises(RuleError) as caught:
        catalogue.parse(text, proto)
    assert caught.value.field == "ports"
    assert words in caught.value.message


def test_common_choices_come_first_per_protocol(catalogue: PortCatalogue) -> None:
    tcp = catalogue.choices("tcp")
    assert tcp[:4] == ["https (443)", "http (80)", "ssh (22)", "domain (53)"]
    assert "bootps (67)" not in tcp
    udp = catalogue.choices("udp")
    assert udp[:2] == ["domain (53)", "ntp (123)"]
    assert "bootps (67)" in udp and "ssh (22)" not in udp[:20]
    assert len(tcp) == len(set(tcp)) > 200


def test_a_name_with_different_ports_per_protocol() -> None:
    catalogue = PortCatalogue(
        [Service("game", 7777, "tcp"), Service("game", 7778, "udp"), Service("voice", 9000, "udp")]
    )
    assert catalogue.parse("game", "tcp") == PortRange(7777, 7777)
    assert catalogue.parse("game", "udp") == PortRange(7778, 7778)
    assert catalogue.display(PortRange(7778, 7778), "udp") == "game (7778)"
    assert catalogue.display(PortRange(7778, 7778), "tcp") == "7778"
    with pytest.raises(RuleError) as caught:
        catalogue.parse("game", None)
    assert "7777 for tcp but 7778 for udp" in caught.value.message
    with pytest.raises(RuleError) as caught:
        catalogue.parse("game (7778)", "tcp")
    assert "game is port 7777, not 7778" in caught.value.message


def test_etc_services_is_merged_over_the_bundled_table(tmp_path: Path) -> None:
    services = tmp_path / "services"
    services.write_text(
        "# local names\n"
        "webby\t443/tcp\tsecureweb\t# renamed here\n"
        "myapp\t4242/tcp\n"
        "myapp\t4242/udp\n"
        "odd\t99/ddp\n"
        "broken line\n"
    )
    catalogue = load_catalogue(BUNDLED, system=services)
    assert catalogue.display(PortRange(443, 443), "tcp") == "webby (443)"
    assert catalogue.parse("secureweb", "tcp") == PortRange(443, 443)
    assert catalogue.parse("https", "tcp") == PortRange(443, 443)  # bundled names still read
    assert catalogue.parse("MyApp", "udp") == PortRange(4242, 4242)
    missing = load_catalogue(BUNDLED, system=tmp_path / "absent")
    assert missing.display(PortRange(443, 443), "tcp") == "https (443)"


def test_bundled_table_is_well_formed() -> None:
    rows = [line.split("\t") for line in BUNDLED.read_text().splitlines() if line and not line.startswith("#")]
    assert len(rows) > 200
    assert all(len(row) == 5 for row in rows)
    assert all(row[2] in ("tcp", "udp", "tcp+udp") and 0 < int(row[1]) <= 65535 for row in rows)


# -- ICMP -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["8", "echo-request", "Echo-Request", "echo-request (8)", "8 (echo-request)", " ping "]
)
def test_the_ways_to_type_echo_request(text: str) -> None:
    assert parse_icmp(text) == 8


def test_icmp_display() -> None:
    assert display_icmp(8) == "echo-request (8)"
    assert display_icmp(0) == "echo-reply (0)"
    assert display_icmp(3) == "destination-unreachable (3)"
    assert display_icmp(11) == "time-exceeded (11)"
    assert display_icmp(13) == "timestamp-request (13)"
    assert display_icmp(200) == "200"
    assert display_icmp(None) == "any"
    assert display_icmp(128, ipv6=True) == "echo-request (128)"
    assert display_icmp(2, ipv6=True) == "packet-too-big (2)"
    assert display_icmp(8, ipv6=True) == "8"


def test_icmp_choices_read_back() -> None:
    choices = icmp_choices()
    assert choices[:2] == ["echo-request (8)", "echo-reply (0)"]
    assert [display_icmp(parse_icmp(choice)) for choice in choices] == choices


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("256", "types are 0 to 255"),
        ("echo", None),
        ("pingg", "not a known ICMP type"),
        ("echo-request (0)", "echo-request is ICMP type 8, not 0"),
        ("", "type an ICMP type"),
    ],
)
def test_bad_icmp_input_names_the_field(text: str, words: str | None) -> None:
    if words is None:
        assert parse_icmp(text) == 8
        return
    with pytest.raises(RuleError) as caught:
        parse_icmp(text)
    assert caught.value.field == "icmptype"
    assert words in caught.value.message
