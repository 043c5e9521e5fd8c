"""``Record``: the frozen value classes of the check path behave as the frozen dataclasses they
replaced (construction, defaults, equality, hashing, repr, immutability, replace)."""

from __future__ import annotations

import dataclasses

import pytest

from tui.core.errors import InvalidFileError, Problem
from tui.core.findings import Finding, FindingStage, Report, Severity
from tui.core.record import FrozenRecordError, Record, replace


class Point(Record):
    x: int
    y: int = 0
    label: str = "origin"


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: int
    y: int = 0
    label: str = "origin"


@pytest.mark.parametrize(
    "args, kwargs",
    [((1,), {}), ((1, 2), {}), ((1, 2, "p"), {}), ((), {"x": 3, "label": "q"}), ((4,), {"y": 5})],
)
def test_a_record_is_made_and_shown_as_the_dataclass_would_be(args, kwargs):
    record, data = Point(*args, **kwargs), DataPoint(*args, **kwargs)
    assert (record.x, record.y, record.label) == (data.x, data.y, data.label)
    assert repr(record).replace("Point", "DataPoint", 1) == repr(data)


@pytest.mark.parametrize(
    "args, kwargs",
    [((), {}), ((1, 2, "p", 4), {}), ((1,), {"x": 2}), ((1,), {"z": 2})],
    ids=["missing", "too many", "twice", "unknown"],
)
def test_a_wrong_call_is_a_type_error_as_with_the_dataclass(args, kwargs):
    with pytest.raises(TypeError):
        DataPoint(*args, **kwargs)
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_records_are_equal_and_hash_alike_by_value_and_class():
    assert Point(1, 2) == Point(x=1, y=2, label="origin")
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != DataPoint(1)
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_a_record_never_changes_and_replace_makes_a_new_one():
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del point.y
    moved = replace(point, y=9)
    assert (point.y, moved.y, moved.x) == (2, 9, 1)
    with pytest.raises(TypeError):
        replace(point, z=1)


def test_a_field_without_default_after_one_with_a_default_is_refused():
    with pytest.raises(TypeError):

        class Bad(Record):
            a: int = 1
            b: int


def test_the_check_path_classes_keep_their_fields_and_defaults():
    finding = Finding("X-1", Severity.ERROR, FindingStage.READINESS, "m", "a")
    assert (finding.source, finding.say, finding.steps, finding.sources, finding.fix_field) == (None, None, (), (), None)
    assert Report(on=None).findings == ()  # type: ignore[arg-type]
    problem = Problem("plan.date", "required")
    assert (problem.missing, problem.needed_by) == ((), "")
    error = InvalidFileError("f.toml", [problem], kind="crossings data")
    assert str(error) == "f.toml: not a valid crossings data.\n  plan.date: required"
    assert InvalidFileError("f.toml").problems == []
    assert error == InvalidFileError("f.toml", [Problem("plan.date", "required")], kind="crossings data")
    assert repr(error) == "InvalidFileError(source='f.toml', problems=[Problem(where='plan.date', reason='required', missing=(), needed_by='')], kind='crossings data')"
