"""Every model with a province (a crossing, an airport, a place) accepts the codes and refuses
anything else with the same words (one field type: ``tui.core.fields.Province``)."""

from __future__ import annotations

import tomllib

import pytest
from pydantic import ValidationError

from tui.core.airports_model import Airport
from tui.core.crossings.model import Crossing
from tui.core.crossings.places import Place

from .harness import TEST_DATA


def first(file: str, table: str) -> dict:
    return tomllib.loads((TEST_DATA / file).read_text("utf-8"))[table][0]


CASES = [(Crossing, "crossings.toml", "crossings"), (Airport, "airports.toml", "airports"), (Place, "places.toml", "places")]


@pytest.mark.parametrize(("model", "file", "table"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_province_code_is_required(model, file, table):
    row = first(file, table)
    assert model.model_validate(row).province == row["province"]
    with pytest.raises(ValidationError, match="expected a province code, one of BC, AB"):
        model.model_validate({**row, "province": "XX"})
