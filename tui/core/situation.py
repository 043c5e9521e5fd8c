"""The person's situation as tags, read from the profile in one place.

The journey data scopes an entry by programme (``programs``) and by situation (``when`` /
``unless``, see ``data/journey.toml``). The tags are derived here, nowhere else:

- ``us-citizen``: ``person.citizenship`` and ``passport.country`` are both ``US`` (rules.md Terms);
- ``apply-at-port``: ``application.basis`` is ``apply-at-port`` (no Port of Entry letter);
- ``exemption:<id>``: the exemption from the December 2024 flagpoling ban that the person relies
  on: ``exemption:us-citizen`` for a US citizen (rules.md Terms, "exempt"), else
  ``exemption:<application.exemption>``; none for ``pgwp`` (exemptions never apply to it);
- ``status:<current>``: the person's status before the day (``[status] current``).

Plain Python over the profile model; no UI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.kinds import Exemption, Program, StatusKind

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.profile import Profile

US_CITIZEN = "us-citizen"
APPLY_AT_PORT = "apply-at-port"
EXEMPTION_PREFIX = "exemption:"
STATUS_PREFIX = "status:"

EXEMPTION_IDS = (US_CITIZEN, *(e.value for e in Exemption))
"""Every exemption a tag can name: being a US citizen, or an ``application.exemption`` value."""

KNOWN_TAGS = frozenset(
    {US_CITIZEN, APPLY_AT_PORT}
    | {EXEMPTION_PREFIX + e for e in EXEMPTION_IDS}
    | {STATUS_PREFIX + s.value for s in StatusKind}
)
"""Every tag ``situation_tags`` can return; the journey data may name no other."""


def is_us_citizen(profile: Profile) -> bool:
    """True when the person is a US citizen travelling on a US passport (rules.md Terms)."""
    return profile.person.citizenship == "US" and profile.passport.country == "US"


def exemption_id(profile: Profile) -> str | None:
    """The exemption from the flagpoling ban the person relies on, or None.

    ``us-citizen`` when the citizenship is US (citizens are exempt whatever else the profile
    says), else the ``application.exemption`` value; None for ``pgwp`` or without one.
    """
    if profile.application.program is Program.PGWP:
        return None
    if profile.person.citizenship == "US":
        return US_CITIZEN
    exemption = profile.application.exemption
    return exemption.value if exemption is not None else None


def situation_tags(profile: Profile) -> frozenset[str]:
    """The situation tags of ``profile`` (a subset of ``KNOWN_TAGS``)."""
    tags: set[str] = set()
    if is_us_citizen(profile):
        tags.add(US_CITIZEN)
    if profile.application.applies_at_port:
        tags.add(APPLY_AT_PORT)
    exemption = exemption_id(profile)
    if exemption is not None:
        tags.add(EXEMPTION_PREFIX + exemption)
    if profile.status is not None:
        tags.add(STATUS_PREFIX + profile.status.current.value)
    return frozenset(tags)
