"""TOML in and out: round trips, readable refusals, redaction, and no traceback for any input."""

from __future__ import annotations

import string

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import InvalidFileError
from tui.core.profile_io import REDACTED, dump_profile, parse_profile, profile_from_dict

from .harness import PROFILES, load_example

EXAMPLES = sorted(PROFILES.glob("*.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_export_then_import_gives_the_same_profile(path):
    profile = parse_profile(path.read_bytes(), path.name)
    again = parse_profile(dump_profile(profile), "exported")
    assert again == profile
    assert dump_profile(again) == dump_profile(profile)


def test_export_starts_with_the_schema_and_keeps_dates_as_toml_dates():
    text = dump_profile(parse_profile((PROFILES / "demo.toml").read_bytes()))
    assert text.startswith("schema = 1\n")
    assert "expires = 2031-09-14\n" in text
    assert "arrive = 10:30:00\n" in text


def test_redacted_export_hides_all_three_numbers_and_stays_importable():
    original = load_example("iec-ready-with-appointment.toml")
    profile = profile_from_dict(original)
    text = dump_profile(profile, redact=True)
    for secret in (
        original["passport"]["number"],
        original["insurance"]["policy_number"],
        original["medical"]["ime_number"],
    ):
        assert secret not in text
    assert text.count(REDACTED) == 3
    assert parse_profile(text).person == profile.person


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("schema = 1\n[person\n", "TOML syntax", "line 2, column 8"),
        ('schema = 1\nname = "a\n', "TOML syntax", "line 2"),
        ("schema = 1\nschema = 1\n", "TOML syntax", "line 2"),
        ("", "schema", "missing"),
    ],
)
def test_broken_files_name_the_line_or_field(text, where, words):
    with pytest.raises(InvalidFileError) as caught:
        parse_profile(text, "broken.toml")
    message = str(caught.value)
    assert message.startswith("broken.toml: not a valid profile.")
    assert any(p.where == where and words in p.reason for p in caught.value.problems), message


def test_non_utf8_bytes_are_refused_plainly():
    with pytest.raises(InvalidFileError, match="not UTF-8"):
        parse_profile(b"schema = 1\n\xff\xfe", "bin.toml")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_any_input_is_a_profile_or_a_clear_refusal(raw):
    try:
        parse_profile(raw, "fuzz.toml")
    except InvalidFileError as exc:
        assert str(exc).startswith("fuzz.toml: not a valid profile.")


toml_scalars = st.one_of(
    st.integers(-10, 3000),
    st.text(string.ascii_letters + string.digits + "-: ", max_size=12),
    st.booleans(),
    st.dates(),
    st.times(),
    st.lists(st.text(max_size=5), max_size=2),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    section=st.sampled_from(["person", "passport", "application", "insurance", "funds",
                             "plan", "issued_permit"]),
    key=st.sampled_from(["surname", "number", "program", "ends", "amount_cad", "arrive",
                         "kind", "expires", "citizenship", "conditions", "typo"]),
    value=toml_scalars,
)
def test_a_mutated_profile_round_trips_or_is_refused(section, key, value):
    data = load_example("lindqvist-appointment.toml")
    data[section][key] = value
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return
    try:
        profile = parse_profile(text, "mutated.toml")
    except InvalidFileError as exc:
        assert exc.problems, "a refusal always says why"
        return
    assert parse_profile(dump_profile(profile)) == profile
