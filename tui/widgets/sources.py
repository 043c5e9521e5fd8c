"""A stage's sources, listed once each and short: "[1] canada.ca — iec: prepare arrival", with
the full addresses kept apart (in a collapsed detail) so no URL is wrapped into what to say."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

_PLUMBING = {
    "en", "fr", "english", "immigration-refugees-citizenship", "services", "corporate",
    "publications-manuals", "operational-bulletins-manuals", "news-and-features", "features",
    "articles", "blog", "explore-all-resources", "dossiers", "wiki", "threads", "application",
    "application-forms-guides", "helpcentre", "temporary-residents", "foreign-workers",
    "exemption-codes", "canada-immigration-discussion-board", "news", "index", "answer", "temporary", "apply",
}
"""Path segments that say where a page sits on a site, not what it is about."""

_WORDS = {"poe": "port of entry", "iec": "IEC", "eic": "EIC", "ircc": "IRCC", "cusma": "CUSMA",
          "us": "US", "canada": "Canada", "permit": "permit"}
"""Abbreviations in addresses, as people write them."""

TITLE_WIDTH = 46
"""Longest short title; a longer one is cut with an ellipsis (the full address is kept)."""


def site_of(url: str) -> str:
    """'https://www.canada.ca/en/…' → 'canada.ca'."""
    return urlparse(url).netloc.removeprefix("www.")


def short_title(url: str) -> str:
    """A few words naming the page, read from its address: the last meaningful parts of the
    path ('…/iec/prepare-arrival.html' → 'iec: prepare arrival'), a help-centre answer's
    number, or '' for a site's home page."""
    parsed = urlparse(url)
    parts = []
    for segment in parsed.path.split("/"):
        stem = segment.rsplit(".", 1)[0] if "." in segment else segment
        if not stem or stem.lower() in _PLUMBING:
            continue
        parts.append(stem)
    parts = [p for i, p in enumerate(parts) if not p.isdigit() or i == len(parts) - 1]
    words = [" ".join(_WORDS.get(w.lower(), w) for w in p.replace("_", "-").split("-")) for p in parts[-2:]]
    qnum = parse_qs(parsed.query).get("qnum")
    if qnum:
        words.append(f"help centre answer {qnum[0]}")
    title = ": ".join(words)
    title = title[:1].upper() + title[1:]
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1].rstrip() + "…"


def source_label(url: str) -> str:
    """'canada.ca — iec: prepare arrival' (only the site for a home page)."""
    title = short_title(url)
    return f"{site_of(url)} — {title}" if title else site_of(url)


@dataclass
class SourceEntry:
    """One address cited on a stage, with what the facts citing it add."""

    url: str
    as_of: str = ""
    confidence: str = ""
    unconfirmed: bool = False
    notes: list[str] = field(default_factory=list)

    def words(self) -> str:
        """'canada.ca — IEC: prepare arrival (2026-11-26, confidence H; also …)'."""
        details = [d for d in (self.as_of, f"confidence {self.confidence}" if self.confidence else "") if d]
        if self.unconfirmed:
            details.append("UNCONFIRMED")
        extra = f" ({', '.join(details)}" + (f"; {'; '.join(self.notes)}" if self.notes else "") + ")"
        return f"{source_label(self.url)}{extra if details or self.notes else ''}"


class SourceList:
    """The stage's sources in order of first citation; each address once."""

    def __init__(self) -> None:
        """An empty list."""
        self.entries: list[SourceEntry] = []
        self._index: dict[str, int] = {}

    def cite(self, url: str, *, as_of: str = "", confidence: str = "", unconfirmed: bool = False,
             note: str = "") -> int:
        """The number of ``url`` in the list (added on first citation); facts citing the same
        address share its number, and their notes are kept once each."""
        if url not in self._index:
            self.entries.append(SourceEntry(url, as_of, confidence))
            self._index[url] = len(self.entries)
        entry = self.entries[self._index[url] - 1]
        entry.unconfirmed = entry.unconfirmed or unconfirmed
        if as_of and as_of > entry.as_of:
            entry.as_of = as_of
        if note and note not in entry.notes:
            entry.notes.append(note)
        return self._index[url]

    def cite_all(self, urls: Iterable[str]) -> list[int]:
        """Numbers for several addresses (a finding's sources)."""
        return [self.cite(url) for url in urls]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def rows(self) -> list[tuple[str, str]]:
        """('[1]', 'canada.ca — …') per source, for a hanging-indent list."""
        return [(f"[{n}]", e.words()) for n, e in enumerate(self.entries, start=1)]

    def full_addresses(self) -> str:
        """'[1] https://…' per source, for the detail."""
        return "\n".join(f"[{n}] {e.url}" for n, e in enumerate(self.entries, start=1))
