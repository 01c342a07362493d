"""The real qubesd recording in shared/data: our model must agree with it byte for byte."""

from pathlib import Path

from qubes_fw_gui.model.payload import format_payload, parse_lines


def test_set_payload_normalises_to_the_recorded_get(qubesd_recording: Path) -> None:
    rules = parse_lines((qubesd_recording / "rules-example-set.txt").read_text())
    assert format_payload(rules).decode() == (qubesd_recording / "rules-example-get.txt").read_text()


def test_get_reply_round_trips_unchanged(qubesd_recording: Path) -> None:
    recorded_get = (qubesd_recording / "rules-example-get.txt").read_text()
    assert format_payload(parse_lines(recorded_get)).decode() == recorded_get
