"""Finding a crossing by what a person types: normalised names, aliases, close matches."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from tui.core.errors import FlagpoleError

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from tui.core.crossings.model import Crossing, CrossingsData

# --- search -------------------------------------------------------------------------------------

_TOKEN_SYNONYMS = {"saint": "st", "sainte": "ste"}


def normalize(text: str) -> str:
    """Lowercase, accents and punctuation dropped, "Saint" = "St": "Saint-Armand" → "st armand"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    tokens = re.sub(r"[^a-z0-9]+", " ", folded).split()
    return " ".join(_TOKEN_SYNONYMS.get(t, t) for t in tokens)


def _keys(c: Crossing) -> list[str]:
    keys = [c.id.replace("-", " "), c.name, c.us_port, f"{c.us_port} {c.us_state}", *c.aliases]
    return [k for k in (normalize(k) for k in keys) if k]


def match_score(query: str, keys: list[str]) -> int | None:
    """0 exact, 1 prefix, 2 whole words inside, 3 every word a prefix of some word; None no match."""
    if not query:
        return 3
    best: int | None = None
    qtokens = query.split()
    for key in keys:
        if key == query:
            return 0
        if key.startswith(query):
            score = 1
        elif f" {query}" in f" {key}":
            score = 2
        else:
            continue
        best = score if best is None else min(best, score)
    if best is not None:
        return best
    words = " ".join(keys).split()
    if all(any(w.startswith(q) for w in words) for q in qtokens):
        return 3
    return None


def _as_crossings(crossings: CrossingsData | Mapping[str, Crossing] | Iterable[Crossing]) -> list[Crossing]:
    table = getattr(crossings, "crossings", None)
    if isinstance(table, Mapping):  # the data, validated or read back from the cache
        return list(table.values())
    if isinstance(crossings, Mapping):
        return list(crossings.values())
    rows: Iterable[Crossing] = crossings  # type: ignore[assignment]  # (no typing.cast: typing is not imported)
    return list(rows)


def search(
    crossings: CrossingsData | Mapping[str, Crossing] | Iterable[Crossing], text: str
) -> list[Crossing]:
    """Crossings whose id, name, US port or aliases match ``text``, best match first.

    Matching ignores case, accents and punctuation ("Lacolle", "st-bernard", "Peace Arch",
    "thousand islands"). Exact matches come first, then prefixes, then whole words inside a name,
    then names containing words starting with every word typed. Empty text matches everything.
    """
    query = normalize(text)
    scored = []
    for c in _as_crossings(crossings):
        score = match_score(query, _keys(c))
        if score is not None:
            scored.append((score, normalize(c.name), c))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in scored]


def find_crossing(data: CrossingsData, text: str) -> Crossing:
    """The crossing ``text`` names: its exact id, or the single best search match.

    Raises FlagpoleError listing the closest ids when nothing, or more than one crossing
    equally well, matches.
    """
    if text in data.crossings:
        return data.crossings[text]
    query = normalize(text)
    found = search(data, text)
    if found:
        best = match_score(query, _keys(found[0]))
        tied = [c for c in found if match_score(query, _keys(c)) == best]
        if len(tied) == 1:
            return tied[0]
        ids = ", ".join(c.id for c in tied[:6])
        raise FlagpoleError(f"'{text}' matches several crossings: {ids}. Use one of these ids.")
    close = closest_ids(text, data)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise FlagpoleError(f"unknown crossing '{text}'.{hint}")


def closest_ids(text: str, data: CrossingsData | None = None, n: int = 3) -> list[str]:
    """Up to ``n`` crossing ids that ``text`` probably meant (for "did you mean"), best first.

    Uses the search matches first, then spelling similarity to ids, names and aliases. Uses the
    bundled data when ``data`` is None.
    """
    if data is None:
        from tui.core.crossings.loading import load_crossings

        data = load_crossings()
    ids: list[str] = [c.id for c in search(data, text)] if normalize(text) else []
    if len(ids) < n:
        by_key: dict[str, str] = {}
        for c in data.crossings.values():
            for key in _keys(c):
                by_key.setdefault(key, c.id)
            by_key.setdefault(c.id, c.id)
        query = normalize(text) or text
        import difflib

        for key in difflib.get_close_matches(query, list(by_key), n=n * 3, cutoff=0.5):
            ids.append(by_key[key])
    unique = list(dict.fromkeys(ids))
    return unique[:n]


