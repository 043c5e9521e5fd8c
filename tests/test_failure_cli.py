"""Issue 9, the input half: every command exits 0, 1 or 2 with one short message, never a
traceback; what cannot be a profile is refused before it is parsed; dates are bounded; no message
shows a passport, policy or IME number."""

from __future__ import annotations

import os
import threading

import pytest

from tui.cli import main
from tui.core.storage import ProfileStore

from .harness import TEST_PROFILES

DEMO = TEST_PROFILES / "lindqvist-appointment.toml"  # the numbers below are hers
DEMO_TEXT = DEMO.read_text(encoding="utf-8")
SECRETS = ("X9F4K2M71", "NRI-55-20918")


def run_cli(*argv: str) -> int:
    return main(list(argv))


def no_traceback(captured) -> None:
    assert "Traceback" not in captured.err and "Traceback" not in captured.out


# --- one failure policy --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "exc",
    [
        PermissionError(13, "Permission denied", "/some/where/alex.toml"),
        OSError(28, "No space left on device", "/data/profiles/alex.toml"),
        OSError("odd"),
    ],
)
def test_an_os_error_anywhere_is_status_2_with_the_file_and_what_happened(monkeypatch, capsys, exc):
    import tui.commands.profiles as profiles

    def boom(args):
        raise exc

    monkeypatch.setattr(profiles, "run", boom)
    assert run_cli("profiles") == 2
    captured = capsys.readouterr()
    no_traceback(captured)
    message = captured.err.strip()
    assert message.startswith("flagpole: ") and "\n" not in message
    if exc.filename:
        assert exc.filename in message and exc.strerror in message


@pytest.mark.parametrize("exc", [RecursionError("too deep"), MemoryError(), KeyError("x"), ValueError("y")])
def test_an_unexpected_error_is_status_2_never_1_and_no_traceback(monkeypatch, capsys, exc):
    import tui.commands.check as check

    def boom(args):
        raise exc

    monkeypatch.setattr(check, "run", boom)
    assert run_cli("check", str(DEMO)) == 2
    captured = capsys.readouterr()
    no_traceback(captured)
    assert captured.err.startswith("flagpole: ")


# --- refused before parsing ----------------------------------------------------------------------


def test_check_dev_zero_is_refused_at_once(capsys):
    assert run_cli("check", "/dev/zero") == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err


def test_importing_a_named_pipe_is_refused_and_never_blocks(tmp_path, capsys):
    pipe = tmp_path / "profile.toml"
    os.mkfifo(pipe)
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(run_cli("import", str(pipe))), daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(timeout=5)
        pytest.fail("importing a named pipe blocked")
    assert result == [2]
    assert "not a regular file" in capsys.readouterr().err


def test_a_file_over_one_mebibyte_is_refused(tmp_path, capsys):
    big = tmp_path / "big.toml"
    big.write_text(DEMO_TEXT + "\n# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    assert run_cli("check", str(big)) == 2
    assert "larger than 1 MiB" in capsys.readouterr().err


def test_deep_nesting_is_refused_without_a_recursion_error(tmp_path, capsys):
    deep = tmp_path / "deep.toml"
    deep.write_text(DEMO_TEXT + "\nextra = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    assert run_cli("check", str(deep)) == 2
    captured = capsys.readouterr()
    no_traceback(captured)
    assert "nested" in captured.err


def test_a_dotted_key_with_thousands_of_parts_is_refused_quickly(tmp_path, capsys):
    dotted = tmp_path / "dotted.toml"
    dotted.write_text(DEMO_TEXT + "\n" + ".".join(["a"] * 20000) + " = 1\n", encoding="utf-8")
    assert run_cli("import", str(dotted)) == 2
    assert "nested" in capsys.readouterr().err
    assert not ProfileStore(os.environ["FLAGPOLE_HOME"]).exists("dotted")


def test_the_pre_scan_lets_normal_toml_through():
    from tui.core.tomlfile import parse_toml

    text = 'a = "[[[[" # ]]]]\nb = [[1, 2], [3]]\n[c.d.e]\nf = { g = 1 }\n'
    assert parse_toml(text, "<t>", "profile") == {
        "a": "[[[[",
        "b": [[1, 2], [3]],
        "c": {"d": {"e": {"f": {"g": 1}}}},
    }


# --- bounded dates -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["0001", "1899", "2200", "9999"])
def test_a_date_outside_1900_to_2199_is_invalid_in_a_profile(tmp_path, capsys, year):
    odd = tmp_path / "odd.toml"
    odd.write_text(DEMO_TEXT.replace("expires = 2032-05-20", f"expires = {year}-05-20"), encoding="utf-8")
    assert run_cli("check", str(odd)) == 2
    captured = capsys.readouterr()
    no_traceback(captured)
    assert "passport.expires" in captured.err and "1900" in captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ("check", str(DEMO), "--on", "9999-12-31"),
        ("check", str(DEMO), "--on", "0001-01-01"),
        ("check", str(DEMO), "--on", "9999-12-31T23:59+14:00"),
        ("check", str(DEMO), "--on", "0001-01-01T00:00-12:00"),
        ("check", str(DEMO), "--on", "2026-12-02T25:00"),
        ("check", str(DEMO), "--on", ""),
        ("crossings", "--at", "9999-12-31"),
        ("crossings", "--at", "0001-01-01T00:00"),
        ("crossings", "--at", "9999-12-31T23:00-05:00"),
        ("crossings", "--at", "2026-13-01"),
        ("crossings", "--at", "\x00"),
        ("crossings", "--stale", "-1"),
        ("crossings", "--stale", "x"),
        ("crossings", "--near", "1e400,5"),
        ("crossings", "--near", "nan,nan"),
        ("crossings", "--near", "95,200"),
        ("crossings", "--near", ""),
    ],
)
def test_odd_option_values_are_status_2_with_a_message(capsys, argv):
    try:
        status = run_cli(*argv)
    except SystemExit as done:  # argparse's own usage errors
        status = done.code
    captured = capsys.readouterr()
    no_traceback(captured)
    assert status == 2, captured.out[-300:]
    assert captured.err.strip()


@pytest.mark.parametrize("days", ["0", "36500", "99999999", str(10**400)])
def test_any_number_of_stale_days_works_without_overflow(capsys, days):
    assert run_cli("crossings", "--stale", days) == 0
    captured = capsys.readouterr()
    no_traceback(captured)
    assert captured.out.strip()


# --- numbers never shown -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new",
    [
        ('number = "X9F4K2M71"', "number = ['X9F4K2M71']"),
        ('policy_number = "NRI-55-20918"', "policy_number = {v = 'NRI-55-20918'}"),
        ('policy_number = "NRI-55-20918"', 'policy_number = "NRI-55-20918"\npolicy_numbr = "NRI-55-20918"'),
        ('country = "SE"', 'country = "X9F4K2M71"'),
    ],
)
def test_error_messages_never_show_an_identifying_number(tmp_path, capsys, old, new):
    bad = tmp_path / "bad.toml"
    bad.write_text(DEMO_TEXT.replace(old, new, 1), encoding="utf-8")
    assert run_cli("import", str(bad)) == 2
    assert run_cli("check", str(bad)) == 2
    captured = capsys.readouterr()
    for secret in SECRETS:
        assert secret not in captured.err + captured.out


def test_an_ime_number_is_masked_in_messages(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(DEMO_TEXT + '\n[medical]\nime_number = ["IME-0042-77"]\n', encoding="utf-8")
    assert run_cli("check", str(bad)) == 2
    err = capsys.readouterr().err
    assert "medical" in err and "IME-0042-77" not in err


def test_a_number_under_a_misplaced_table_is_still_masked_wherever_it_is_repeated(tmp_path, capsys):
    """Fuzz case: the [insurance] header lost (its keys land in [application]) and the policy
    number also typed into a date field: the message names the field, never the number."""
    text = DEMO_TEXT.replace("[insurance]\n", "").replace(
        "date_of_birth = 1999-03-14", 'date_of_birth = "NRI-55-20918"', 1
    )
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    assert run_cli("import", str(path)) == 2
    err = capsys.readouterr().err
    assert "person.date_of_birth" in err and "NRI-55-20918" not in err
