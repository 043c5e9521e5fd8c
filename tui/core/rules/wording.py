"""Wording helpers shared by the rules: amounts, spans, times, the sentence to say, programme names."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tui.core.findings import ExpectedPermit
from tui.core.kinds import Program
from tui.core.rules.registry import Context
from tui.core.rules.terms import add_months

PROGRAM_NAMES = {
    Program.IEC_WORKING_HOLIDAY: "IEC Working Holiday",
    Program.IEC_YOUNG_PROFESSIONALS: "IEC Young Professionals",
    Program.IEC_COOP: "IEC International Co-op",
    Program.SPOUSAL_OPEN_WORK_PERMIT: "spousal open work permit",
    Program.EMPLOYER_SPECIFIC: "employer-specific work permit",
    Program.PGWP: "post-graduation work permit",
    Program.PR_LANDING: "permanent residence landing",
}
"""Plain names of the programmes, for messages."""


def _cad(amount: int) -> str:
    return f"CAD {amount:,}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _span(earlier: date, later: date) -> str:
    """'5 months' or '12 days': how far apart two dates are, in words."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if months > 0 and add_months(earlier, months) > later:
        months -= 1
    if months >= 1:
        return _plural(months, "month")
    return _plural((later - earlier).days, "day")


def _when(moment: datetime) -> str:
    """'Wednesday 2026-12-02 10:30'."""
    return f"{moment:%A %Y-%m-%d %H:%M}"


def _hm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _until(end: datetime) -> str:
    """An end time: '14:00', or 'midnight' for 24:00."""
    return "midnight" if (end.hour, end.minute) == (0, 0) else _hm(end)


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{_plural(hours, 'hour')} {minutes} min"
    if hours:
        return _plural(hours, "hour")
    return f"{minutes} min"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


ASK_AT_COUNTER = "Ask the officer to correct it before you leave the counter."
"""The advice of a permit-review finding whose sentence to say is in ``say``."""


def _after_leaving(ctx: Context) -> str:
    """What to do once the counter is behind you (the URL goes in the finding's sources)."""
    return f" Once you have left, the usual fix is {ctx.policy.routes.amend.name}."


def _amend_sources(ctx: Context) -> tuple[str, ...]:
    return (ctx.policy.routes.amend.url,)


def _limit_reason(ctx: Context, expected: ExpectedPermit) -> str:
    """Why the expected expiry is what it is, as the person would say it."""
    if expected.limited_by == "passport":
        return "my passport expires then"
    if expected.limited_by == "insurance":
        return "my health insurance runs until then"
    if ctx.app.expected_permit_expiry is not None:
        return "that is the expiry my application sets"
    return f"my programme grants {_plural(ctx.app.permit_months or 0, 'month')}"


def _limit_words(ctx: Context, expected: ExpectedPermit) -> str:
    """What limits the expected expiry, in the third person."""
    if expected.limited_by == "passport":
        return "limited by your passport expiry"
    if expected.limited_by == "insurance":
        return "limited by the end of your insurance"
    return ctx.term_words


