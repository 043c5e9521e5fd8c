"""The places ``--near`` accepts (``data/places.toml``): the model, lookup by name, distances."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable

from pydantic import Field

from tui.core.crossings.model import _Model
from tui.core.crossings.search import normalize
from tui.core.fields import Day, Province, Text, Url


class Place(_Model):
    """A Canadian place ``--near`` accepts by name."""

    name: Text
    """Name as usually written ("Montréal")."""
    province: Province
    """Two-letter province or territory code."""
    aliases: list[Text] = []
    """Other names ("Montreal", "YVR")."""
    lat: float = Field(ge=-90, le=90)
    """Latitude, decimal degrees."""
    lon: float = Field(ge=-180, le=180)
    """Longitude, decimal degrees."""
    source: Url
    """URL of the page the coordinates come from."""
    as_of: Day
    """Date the source was read."""
    approximate: bool = False
    """True when the coordinates are a rough estimate."""
    unverified: bool = False
    """True when no reliable source confirms the coordinates."""


def find_place(places: Iterable[Place], text: str) -> Place | None:
    """The place whose name or alias equals ``text`` (ignoring case and accents), else the single
    place it is a prefix of; None when there is none or several."""
    query = normalize(text)
    if not query:
        return None
    places = list(places)
    for p in places:
        if query in (normalize(k) for k in (p.name, *p.aliases)):
            return p
    prefixed = [
        p for p in places if any(normalize(k).startswith(query) for k in (p.name, *p.aliases))
    ]
    return prefixed[0] if len(prefixed) == 1 else None


def closest_places(places: Iterable[Place], text: str, n: int = 3) -> list[str]:
    """Up to ``n`` place names ``text`` probably meant, best first."""
    query = normalize(text)
    by_key: dict[str, str] = {}
    for p in places:
        for key in (p.name, *p.aliases):
            by_key.setdefault(normalize(key), p.name)
    names = [name for key, name in by_key.items() if query and key.startswith(query)]
    names += [by_key[k] for k in difflib.get_close_matches(query, list(by_key), n=n * 2, cutoff=0.5)]
    return list(dict.fromkeys(names))[:n]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
