"""The real qubesd recording in shared/data: our model must agree with it byte for byte."""

from pathlib import Path

import pytest

from qubes_fw_gui.model.payload import format_payload, parse_lines

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture
def recording() -> dict[str, str]:
    if not DATA.is_dir():
        pytest.skip(f"the qubesd recording is not beside this checkout ({DATA})")
    return {name: (DATA / f"rules-example-{name}.txt").read_text() for name in ("set", "get")}


def test_set_payload_normalises_to_the_recorded_get(recording: dict[str, str]) -> None:
    rules = parse_lines(recording["set"])
    assert format_payload(rules).decode() == recording["get"]


def test_get_reply_round_trips_unchanged(recording: dict[str, str]) -> None:
    assert format_payload(parse_lines(recording["get"])).decode() == recording["get"]
