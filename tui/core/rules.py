"""The rules engine: every finding of ``spec/rules.md``, computed from a profile at one moment.

Pure: ``evaluate`` reads no clock and no file; the crossings data and the policy facts are passed
in. Each rule is one small function registered with ``@_rule(...)`` (id, severity, stage, summary);
adding a rule is adding one function. The registry in definition order is ``CATALOGUE``.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tui.core.errors import FlagpoleError
from tui.core.findings import ExpectedPermit, Finding, Report, Severity, Stage
from tui.core.policy import US_CITIZEN, Policy
from tui.core.profile import PermitKind, Profile, Program, Travel

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.crossings import Crossing, CrossingsData

NOON = time(12, 0)

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


# --- Terms (rules.md "Terms") -----------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the target month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _day(on: date | datetime) -> date:
    return on.date() if isinstance(on, datetime) else on


def term_end(profile: Profile, on: date | datetime) -> date | None:
    """The end of the programme's term: ``expected_permit_expiry`` if given, else ``on`` plus
    ``permit_months``; None for PR landing or when neither is given."""
    app = profile.application
    if not app.program.is_work_permit:
        return None
    if app.expected_permit_expiry is not None:
        return app.expected_permit_expiry
    if app.permit_months is not None:
        return add_months(_day(on), app.permit_months)
    return None


def expected_permit(profile: Profile, on: date | datetime) -> ExpectedPermit | None:
    """The earliest of term end, passport expiry and (IEC) insurance end, and what limits it.

    On a tie ``program`` wins, then ``passport``. None where there is no term end.
    """
    end = term_end(profile, on)
    if end is None:
        return None
    candidates = [(end, "program"), (profile.passport.expires, "passport")]
    if profile.application.program.is_iec and profile.insurance is not None:
        candidates.append((profile.insurance.ends, "insurance"))
    expires, limited_by = min(candidates, key=lambda c: c[0])  # min keeps the first on ties
    return ExpectedPermit(expires=expires, limited_by=limited_by)


def exemption(profile: Profile) -> str | None:
    """Which exemption from the December 2024 ban applies: ``us-citizen``, the profile's
    ``application.exemption``, or None. Exemptions never apply to PGWP."""
    if profile.application.program is Program.PGWP:
        return None
    if profile.person.citizenship == "US":
        return US_CITIZEN
    if profile.application.exemption is not None:
        return profile.application.exemption.value
    return None


def same_name(a: str, b: str) -> bool:
    """Names compare case-insensitively, each run of spaces and hyphens counting as one space."""
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name.strip().casefold()).strip()


def matches_keyword(text: str, keywords: Iterable[str]) -> str | None:
    """The first keyword found at the start of a word of ``text`` (case-insensitive), or None."""
    folded = _name_key(text)
    for keyword in keywords:
        if re.search(r"(?<![a-z0-9])" + re.escape(_name_key(keyword)), folded):
            return keyword
    return None


def resolve_on(
    profile: Profile, crossings: CrossingsData | None, on_arg: str | None, now: datetime
) -> datetime:
    """The moment of the crossing (rules.md "Terms → on"), aware, in the crossing's zone.

    ``on_arg`` is the ``--on`` value: a date replaces ``plan.date`` (keeping ``plan.arrive``, or
    12:00); a datetime without an offset is crossing-local; one with an offset is converted to
    the crossing's zone. With neither a plan nor ``--on``: ``now``. Without a known crossing the
    system zone (that of ``now``) stands in for dates and naive datetimes, and an offset given is
    kept. A wall time that does not exist (the spring DST gap) moves forward by the gap. A
    malformed ``on_arg`` raises FlagpoleError.
    """
    plan = profile.plan
    crossing_zone = _zone_of(_find_crossing(crossings, plan.crossing) if plan else None)
    zone = crossing_zone or _system_zone(now)
    arrive = (plan.arrive if plan and plan.arrive else None) or NOON
    if on_arg is None:
        if plan is None:
            return now if now.tzinfo is not None else now.astimezone()
        return _wall(datetime.combine(plan.date, arrive), zone)
    text = on_arg.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return _wall(datetime.combine(date.fromisoformat(text), arrive), zone)
        except ValueError:
            raise FlagpoleError(f"--on: {on_arg!r} is not a real date.") from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise FlagpoleError(
            f"--on: expected a date like 2026-12-02 or a date and time like 2026-12-02T10:30 "
            f"(optionally with an offset, like 2026-12-02T10:30-08:00); got {on_arg!r}."
        ) from None
    if moment.tzinfo is None:
        return _wall(moment, zone)
    return moment.astimezone(crossing_zone) if crossing_zone else moment


def _wall(naive: datetime, zone: tzinfo) -> datetime:
    """A local wall time in ``zone``, normalised (a time in the spring gap moves forward)."""
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _system_zone(now: datetime) -> tzinfo:
    return (now if now.tzinfo is not None else now.astimezone()).tzinfo  # type: ignore[return-value]


def _zone_of(crossing: Crossing | None) -> tzinfo | None:
    if crossing is None:
        return None
    return crossing.tz


def _crossing_table(crossings: Any) -> dict[str, Crossing]:
    if crossings is None:
        return {}
    return getattr(crossings, "crossings", crossings)


def _find_crossing(crossings: Any, crossing_id: str) -> Crossing | None:
    return _crossing_table(crossings).get(crossing_id)


# --- The registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """What a rule returns when it fires: the words, and optionally a finer severity or source."""

    message: str
    advice: str
    severity: Severity | None = None
    source: str | None = None


@dataclass(frozen=True)
class RuleSpec:
    """One rule of the catalogue: stable id, severity, stage, one-line summary, and its check."""

    id: str
    severity: Severity
    stage: Stage
    summary: str
    """One line; ``{p.…}`` fields are filled from the policy data (see ``summary_for``)."""
    check: Callable[[Context], Hit | None]

    def summary_for(self, policy: Policy) -> str:
        """The one-line summary with the policy's current dates and thresholds filled in."""
        return self.summary.format(p=policy)

    def source(self, policy: Policy) -> str | None:
        """The URL behind the rule's fact, from the policy data."""
        return policy.source_for(self.id)

    def to_json(self, policy: Policy) -> dict:
        """As listed by ``flagpole rules --json``."""
        return {
            "id": self.id,
            "severity": self.severity.value,
            "stage": self.stage.value,
            "summary": self.summary_for(policy),
            "source": self.source(policy),
        }


_REGISTRY: list[RuleSpec] = []


def _rule(rule_id: str, severity: Severity, stage: Stage, summary: str):
    """Register the decorated function as the check of rule ``rule_id``."""

    def register(check: Callable[[Context], Hit | None]) -> Callable[[Context], Hit | None]:
        _REGISTRY.append(RuleSpec(rule_id, severity, stage, summary, check))
        return check

    return register


READY = Stage.READINESS
REVIEW = Stage.PERMIT_REVIEW
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class Context:
    """What the rules look at: the profile, the policy, the moment, and values derived once."""

    def __init__(self, profile: Profile, crossings: Any, policy: Policy, on: datetime):
        self.profile = profile
        self.crossings = crossings
        self.policy = policy
        self.on = on
        self.today = on.date()
        self.program = profile.application.program
        self.app = profile.application

    @cached_property
    def term_end(self) -> date | None:
        """The programme's term end (see ``term_end``)."""
        return term_end(self.profile, self.today)

    @cached_property
    def expected(self) -> ExpectedPermit | None:
        """The expected permit (see ``expected_permit``)."""
        return expected_permit(self.profile, self.today)

    @cached_property
    def exemption(self) -> str | None:
        """The exemption that applies, if any."""
        return exemption(self.profile)

    @cached_property
    def banned_period(self) -> bool:
        """On or after the December 2024 ban, for a work permit programme other than PGWP."""
        return (
            self.program.needs_poe_letter
            and self.today >= self.policy.flagpoling_ban.effective
        )

    @cached_property
    def crossing(self) -> Crossing | None:
        """The planned crossing, when the plan names a known one."""
        if self.profile.plan is None:
            return None
        return _find_crossing(self.crossings, self.profile.plan.crossing)

    @cached_property
    def term_words(self) -> str:
        """How the term is described: 'the 24-month term' or 'the expected expiry'."""
        if self.app.expected_permit_expiry is not None:
            return "the expected expiry in your application"
        return f"the {self.app.permit_months}-month term of your programme"


# --- Wording helpers --------------------------------------------------------------------------


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


def _say(sentence: str) -> str:
    return f'Before you leave the counter, say: "{sentence}"'


def _after_leaving(ctx: Context) -> str:
    route = ctx.policy.routes.amend
    return f" Once you have left, the only fix is {route.name} ({route.url})."


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


# --- Readiness: eligibility -------------------------------------------------------------------


@_rule(
    "eligibility.flagpoling_ended", ERROR, READY,
    "Since {p.flagpoling_ban.effective} CBSA issues no work permits to flagpolers outside the exempt groups.",
)
def _flagpoling_ended(ctx: Context) -> Hit | None:
    if not ctx.banned_period or ctx.exemption is not None:
        return None
    ban = ctx.policy.flagpoling_ban.effective
    routes = ctx.policy.routes
    letter = ctx.app.poe_letter_valid_until
    by_letter = f" before your letter expires on {letter}" if letter else ""
    message = (
        f"Since {ban}, CBSA no longer issues work permits to people who flagpole, and your "
        f"profile ({PROGRAM_NAMES[ctx.program]}) is in no exempt group: on {ctx.today} the "
        "officer will tell you to apply to IRCC instead."
    )
    if ctx.program.is_iec:
        iec, elsewhere = routes.iec_in_canada, routes.enter_from_elsewhere
        advice = (
            f"If you are in Canada on a valid IEC permit, use {iec.name} ({iec.url}): {iec.how}; "
            f"do it{by_letter}. Otherwise, {elsewhere.name}{by_letter} ({elsewhere.url})."
        )
    else:
        advice = (
            f"{_upper_first(routes.apply_to_ircc.name)} ({routes.apply_to_ircc.url}), or "
            f"{routes.enter_from_elsewhere.name}{by_letter}."
        )
    advice += (
        " If you do belong to an exempt group (US permanent resident, free-trade professional "
        "or spouse, truck driver on maintained status, CBSA appointment), set "
        "application.exemption in your profile."
    )
    return Hit(message, advice)


@_rule(
    "eligibility.pgwp_ended", ERROR, READY,
    "Since {p.pgwp_cutoff.effective} a PGWP cannot be applied for at the border (no exemptions).",
)
def _pgwp_ended(ctx: Context) -> Hit | None:
    cutoff = ctx.policy.pgwp_cutoff.effective
    if ctx.program is not Program.PGWP or ctx.today < cutoff:
        return None
    return Hit(
        f"Since {cutoff}, a post-graduation work permit cannot be applied for at the border, "
        f"and no exemption applies: flagpoling for it on {ctx.today} will be refused.",
        "Apply for your PGWP online with IRCC instead of travelling to the border.",
    )


@_rule(
    "eligibility.exempt", INFO, READY,
    "Exempt from the flagpoling ban of {p.flagpoling_ban.effective}: names the exemption and "
    "the proof to carry.",
)
def _exempt(ctx: Context) -> Hit | None:
    if not ctx.banned_period or ctx.exemption is None:
        return None
    fact = ctx.policy.exemptions[ctx.exemption]
    return Hit(
        f"Flagpoling ended on {ctx.policy.flagpoling_ban.effective} for most people, but you "
        f"are exempt: {fact.label}.",
        f"Carry {fact.proof}, and tell the CBSA officer why the exemption applies to you.",
        source=fact.source,
    )


@_rule(
    "eligibility.pr_landing_unconfirmed", WARNING, READY,
    "PR landing by flagpoling since {p.flagpoling_ban.effective} is unconfirmed; the PR Portal "
    "is the usual route.",
)
def _pr_landing_unconfirmed(ctx: Context) -> Hit | None:
    if ctx.program is not Program.PR_LANDING or ctx.today < ctx.policy.flagpoling_ban.effective:
        return None
    portal = ctx.policy.routes.pr_portal
    return Hit(
        f"The flagpoling ban of {ctx.policy.flagpoling_ban.effective} names only work and study "
        "permits, but no source confirms that CBSA still lands permanent residents who flagpole.",
        f"Check first whether you can confirm your permanent residence through {portal.name} "
        f"({portal.url}). If you still go, carry your COPR and passport, and be ready to be "
        "sent back.",
    )


@_rule(
    "eligibility.spousal_rules_changed", INFO, READY,
    "Spousal open work permit eligibility was narrowed on {p.spousal_owp_change.effective}: check it.",
)
def _spousal_rules_changed(ctx: Context) -> Hit | None:
    change = ctx.policy.spousal_owp_change.effective
    if ctx.program is not Program.SPOUSAL_OPEN_WORK_PERMIT or ctx.today < change:
        return None
    return Hit(
        f"Since {change}, spousal open work permits go only to spouses of students in a "
        "master's programme of 16 months or more, a doctorate or some professional programmes, "
        "and to spouses of workers in TEER 0 or 1 (or selected TEER 2 or 3) jobs whose permit "
        "has at least 16 months left.",
        "Check that you still qualify before you travel (permits already issued are not "
        "affected); bring proof of your relationship and of your partner's study or job.",
    )


# --- Readiness: documents ---------------------------------------------------------------------


@_rule("passport.expired", ERROR, READY, "The passport expires before the crossing.")
def _passport_expired(ctx: Context) -> Hit | None:
    expires = ctx.profile.passport.expires
    if expires >= ctx.today:
        return None
    return Hit(
        f"Your passport expired on {expires}, before your crossing on {ctx.today}.",
        "Renew your passport before you travel: no permit is issued on an expired passport.",
    )


@_rule(
    "passport.limits_permit", WARNING, READY,
    "The passport expires before the programme's term ends: the permit stops there.",
)
def _passport_limits(ctx: Context) -> Hit | None:
    expires, end = ctx.profile.passport.expires, ctx.term_end
    if end is None or expires >= end:
        return None
    return Hit(
        f"Your passport expires on {expires}, {_span(expires, end)} before {ctx.term_words} "
        f"ends ({end}): the permit will not run past your passport.",
        f"Renew your passport before you activate the permit to get the full term to {end}; "
        f"otherwise expect the permit to end on {expires}.",
    )


@_rule(
    "poe_letter.expired", ERROR, READY,
    "The Port of Entry letter's last valid day is before the crossing.",
)
def _poe_letter_expired(ctx: Context) -> Hit | None:
    until = ctx.app.poe_letter_valid_until
    if not ctx.program.is_work_permit or until is None or ctx.today <= until:
        return None
    return Hit(
        f"Your Port of Entry letter was valid until {until}; your crossing is on {ctx.today}, "
        f"{_span(until, ctx.today)} later.",
        "An expired letter cannot activate a permit. Cross on or before its last day if you "
        "still can; otherwise contact IRCC about your application before you travel.",
    )


@_rule("poe_letter.not_printed", WARNING, READY, "The Port of Entry letter is not printed.")
def _poe_letter_not_printed(ctx: Context) -> Hit | None:
    if ctx.app.poe_letter_printed is not False:
        return None
    return Hit(
        "Your Port of Entry letter is not printed.",
        "Print it and pack it with your passport: the officer asks for the letter.",
    )


@_rule("insurance.missing", ERROR, READY, "An IEC profile has no health insurance.")
def _insurance_missing(ctx: Context) -> Hit | None:
    if not ctx.program.is_iec or ctx.profile.insurance is not None:
        return None
    until = f" (at least until {ctx.term_end})" if ctx.term_end else ""
    return Hit(
        "Your profile has no health insurance; IEC participants must be insured for their "
        "whole stay.",
        f"Buy health insurance for your whole stay{until}, one that can start while you are "
        "outside your home country, print it, and add it to the profile as [insurance].",
    )


@_rule("insurance.not_started", ERROR, READY, "The insurance starts after the crossing.")
def _insurance_not_started(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.starts <= ctx.today:
        return None
    return Hit(
        f"Your insurance ({ins.provider}) starts on {ins.starts}, after your crossing on "
        f"{ctx.today}.",
        f"Ask {ins.provider} to start the cover on or before {ctx.today} and print the new "
        "certificate, or cross on or after the start date.",
    )


@_rule(
    "insurance.limits_permit", WARNING, READY,
    "IEC insurance ends before the programme's term: the permit will likely end with it.",
)
def _insurance_limits(ctx: Context) -> Hit | None:
    ins, end = ctx.profile.insurance, ctx.term_end
    if not ctx.program.is_iec or ins is None or end is None or ins.ends >= end:
        return None
    return Hit(
        f"Your insurance ends {ins.ends}, {_span(ins.ends, end)} before {ctx.term_words} "
        f"ends ({end}): the permit will probably end then too.",
        f"Extend the policy with {ins.provider} to at least {end} and print the new certificate "
        "before you cross: an IEC permit is not lengthened later to match new insurance.",
    )


@_rule(
    "insurance.home_country_only", ERROR, READY,
    "The insurance is valid only if bought in the home country.",
)
def _insurance_home_only(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.valid_outside_home_country:
        return None
    return Hit(
        f"Your insurance ({ins.provider}) is only valid if bought while in your home country, "
        "and you are already outside it.",
        "Buy a policy that can start while you are outside your home country, for your whole "
        "stay, and print it: the officer may refuse the permit without valid cover.",
    )


@_rule("insurance.not_printed", WARNING, READY, "Proof of insurance is not printed.")
def _insurance_not_printed(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.printed:
        return None
    return Hit(
        f"Your insurance certificate ({ins.provider}) is not printed.",
        f"Print the certificate showing the cover dates ({ins.starts} to {ins.ends}) and pack it.",
    )


@_rule("funds.missing", ERROR, READY, "An IEC profile has no proof of funds.")
def _funds_missing(ctx: Context) -> Hit | None:
    if not ctx.program.is_iec or ctx.profile.funds is not None:
        return None
    rule = ctx.policy.iec_funds
    return Hit(
        f"Your profile has no proof of funds; IEC participants must show at least "
        f"{_cad(rule.minimum_cad)}.",
        f"Get a bank statement issued no more than {_plural(rule.statement_max_age_days, 'day')} "
        f"before you cross showing at least {_cad(rule.minimum_cad)}, print it, and add it to "
        "the profile as [funds].",
    )


@_rule("funds.below_minimum", ERROR, READY, "IEC proof of funds is below CAD {p.iec_funds.minimum_cad:,}.")
def _funds_below(ctx: Context) -> Hit | None:
    funds, minimum = ctx.profile.funds, ctx.policy.iec_funds.minimum_cad
    if not ctx.program.is_iec or funds is None or funds.amount_cad >= minimum:
        return None
    return Hit(
        f"Your statement shows {_cad(funds.amount_cad)}; IEC participants must show at least "
        f"{_cad(minimum)} ({_cad(minimum - funds.amount_cad)} short).",
        f"Add at least {_cad(minimum - funds.amount_cad)} to the account and print a new "
        "statement before you cross.",
    )


@_rule(
    "funds.statement_too_old", WARNING, READY,
    "The bank statement is more than {p.iec_funds.statement_max_age_days} days old.",
)
def _statement_too_old(ctx: Context) -> Hit | None:
    funds, max_age = ctx.profile.funds, ctx.policy.iec_funds.statement_max_age_days
    if funds is None:
        return None
    age = (ctx.today - funds.statement_date).days
    if age <= max_age:
        return None
    return Hit(
        f"Your bank statement is dated {funds.statement_date}, {_plural(age, 'day')} before your "
        f"crossing on {ctx.today}; it should be at most {_plural(max_age, 'day')} old.",
        f"Print a new statement dated {ctx.today - timedelta(days=max_age)} or later.",
    )


# --- Readiness: the crossing ------------------------------------------------------------------


@_rule("plan.missing", WARNING, READY, "No planned crossing: its hours cannot be checked.")
def _plan_missing(ctx: Context) -> Hit | None:
    if ctx.profile.plan is not None:
        return None
    return Hit(
        "Your profile has no planned crossing, so the crossing's hours cannot be checked.",
        "Add a [plan] with the crossing, the date and your arrival time; 'flagpole crossings' "
        "lists the crossings and when they offer flagpoling.",
    )


@_rule("crossing.unknown", ERROR, READY, "The planned crossing is not in the crossings data.")
def _crossing_unknown(ctx: Context) -> Hit | None:
    plan = ctx.profile.plan
    if plan is None or ctx.crossings is None or ctx.crossing is not None:
        return None
    close = difflib.get_close_matches(plan.crossing, list(_crossing_table(ctx.crossings)), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return Hit(
        f"'{plan.crossing}' (plan.crossing) is not a crossing in the crossings data.",
        f"Set plan.crossing to a crossing id listed by 'flagpole crossings'.{hint}",
    )


def _next_window_words(crossing: Crossing, on: datetime) -> str:
    from tui.core import schedule

    nxt = schedule.next_window(crossing, on)
    if nxt is None:
        return "There is no flagpoling window in the next 14 days."
    return f"The next flagpoling window opens {_when(schedule.local(crossing, nxt))}."


def _other_crossings(on: datetime) -> str:
    return f"'flagpole crossings --at {on:%Y-%m-%dT%H:%M}' lists the crossings open then."


@_rule("crossing.port_closed", ERROR, READY, "The port itself is closed at the planned time.")
def _port_closed(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or schedule.port_open(c, ctx.on):
        return None
    return Hit(
        f"{c.name} is closed at {_hm(ctx.on)} on {ctx.on:%A %Y-%m-%d} ({c.timezone}).",
        f"{_next_window_words(c, ctx.on)} Change your plan to a time the port is open, or pick "
        f"another crossing: {_other_crossings(ctx.on)}",
    )


@_rule(
    "crossing.no_flagpoling", ERROR, READY,
    "The port is open but offers no flagpoling at the planned time; names the next window.",
)
def _no_flagpoling(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or not schedule.port_open(c, ctx.on) or schedule.flagpoling_open(c, ctx.on):
        return None
    return Hit(
        f"{c.name} is open but offers no flagpoling at {_hm(ctx.on)} on "
        f"{ctx.on:%A %Y-%m-%d}. {_next_window_words(c, ctx.on)}",
        "Move plan.date and plan.arrive into a flagpoling window, or pick another crossing: "
        f"{_other_crossings(ctx.on)}",
    )


@_rule(
    "crossing.closes_soon", WARNING, READY,
    "Flagpoling is open but ends less than {p.crossing.closes_soon_hours:g} hours after arrival: "
    "your turn may not come.",
)
def _closes_soon(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or not schedule.flagpoling_open(c, ctx.on):
        return None
    left = schedule.time_left(c, ctx.on)  # real elapsed time, correct on DST days
    threshold = timedelta(hours=ctx.policy.crossing.closes_soon_hours)
    if left is None or left >= threshold:
        return None
    end_local = schedule.local(c, schedule.window_end(c, ctx.on))
    return Hit(
        f"Flagpoling at {c.name} ends at {_until(end_local)}, {_duration(left)} after you "
        f"arrive at {_hm(ctx.on)}: with long lines, your turn may not come before service ends.",
        f"Arrive at least {_plural(int(threshold.total_seconds() // 3600), 'hour')} before "
        f"{_until(end_local)}, or go on another day.",
    )


@_rule(
    "crossing.no_pedestrians", ERROR, READY,
    "Travelling on foot or by transit to a port documented as refusing pedestrians.",
)
def _no_pedestrians(ctx: Context) -> Hit | None:
    c, plan = ctx.crossing, ctx.profile.plan
    if c is None or plan is None or plan.travel not in (Travel.FOOT, Travel.TRANSIT):
        return None
    access = getattr(c, "pedestrians", None)
    if access is None or getattr(access, "allowed", None) is not False:
        return None
    how = "on foot" if plan.travel is Travel.FOOT else "by public transit"
    return Hit(
        f"{c.name} does not let pedestrians cross, and you plan to arrive {how}.",
        "Go by car (a taxi is fine) and set plan.travel to car, or pick a crossing that "
        "accepts pedestrians ('flagpole crossings --foot').",
        source=getattr(access, "source", None) or None,
    )


# --- Readiness: medical -----------------------------------------------------------------------


@_rule(
    "medical.condition_expected", INFO, READY,
    "No upfront medical exam: the permit will likely carry the medical condition "
    "(warning for restricted occupations).",
)
def _condition_expected(ctx: Context) -> Hit | None:
    if not ctx.program.is_work_permit or ctx.profile.medical is not None:
        return None
    restricted = matches_keyword(ctx.app.occupation, ctx.policy.medical.restricted_occupations)
    message = (
        "Your profile has no upfront immigration medical exam, so your permit will likely "
        f"carry the condition \"{ctx.policy.medical.condition_text}\"."
    )
    if restricted:
        message += f" That would bar you from the occupation you plan: {ctx.app.occupation.strip()}."
        advice = (
            "Before you travel, get an upfront medical exam from an IRCC panel physician, "
            "bring the printed information sheet and add [medical] to the profile: the officer "
            "can leave the condition off only when the results are already in the system "
            "(usually within 30 days of the exam)."
        )
        return Hit(message, advice, severity=WARNING)
    advice = (
        "Nothing to do if you will not work in those fields. If you might, get an upfront "
        "medical exam from an IRCC panel physician before you travel and bring the information "
        "sheet."
    )
    return Hit(message, advice)


# --- Permit review ----------------------------------------------------------------------------


def _issued_early_by(ctx: Context) -> int | None:
    """Days the printed expiry falls short of the expected one, or None without both."""
    issued, expected = ctx.profile.issued_permit, ctx.expected
    if issued is None or expected is None:
        return None
    return (expected.expires - issued.expires).days


def _earlier_than_expected(ctx: Context) -> bool:
    early = _issued_early_by(ctx)
    return early is not None and early > ctx.policy.permit_review.tolerance_days


def _letter_date_used(ctx: Context) -> bool:
    issued = ctx.profile.issued_permit
    return (
        issued is not None
        and ctx.app.poe_letter_valid_until is not None
        and issued.expires == ctx.app.poe_letter_valid_until
        and _earlier_than_expected(ctx)
    )


@_rule(
    "permit.expiry_matches_poe_letter", ERROR, REVIEW,
    "The permit expires on the POE letter's date, earlier than expected: the officer used it.",
)
def _expiry_matches_letter(ctx: Context) -> Hit | None:
    if not _letter_date_used(ctx):
        return None
    issued, expected = ctx.profile.issued_permit, ctx.expected
    assert issued is not None and expected is not None
    return Hit(
        f"Your permit expires on {issued.expires}, the last day your Port of Entry letter was "
        f"valid, but it should run until {expected.expires} ({_limit_words(ctx, expected)}): "
        "the officer used the letter's date.",
        _say(
            "The expiry date on my permit is the date on my Port of Entry letter; my permit "
            f"should run until {expected.expires}. Could you correct it, please?"
        )
        + _after_leaving(ctx),
    )


@_rule(
    "permit.expiry_too_early", ERROR, REVIEW,
    "The permit expires more than {p.permit_review.tolerance_days} days before the expected expiry.",
)
def _expiry_too_early(ctx: Context) -> Hit | None:
    if not _earlier_than_expected(ctx) or _letter_date_used(ctx):
        return None
    issued, expected = ctx.profile.issued_permit, ctx.expected
    assert issued is not None and expected is not None
    return Hit(
        f"Your permit expires on {issued.expires}, {_span(issued.expires, expected.expires)} "
        f"before the expected {expected.expires} ({_limit_words(ctx, expected)}).",
        _say(
            f"My permit should run until {expected.expires}, because "
            f"{_limit_reason(ctx, expected)}. Could you correct the expiry date, please?"
        )
        + _after_leaving(ctx),
    )


@_rule(
    "permit.expiry_after_passport", WARNING, REVIEW,
    "The permit expires after the passport does.",
)
def _expiry_after_passport(ctx: Context) -> Hit | None:
    issued, passport = ctx.profile.issued_permit, ctx.profile.passport
    if issued is None or issued.expires <= passport.expires:
        return None
    return Hit(
        f"Your permit expires on {issued.expires}, after your passport ({passport.expires}); "
        "permits normally stop at the passport's expiry.",
        _say(
            f"My permit runs past my passport, which expires on {passport.expires}. Is this "
            "expiry date correct?"
        )
        + f" Either way, renew your passport before {passport.expires}.",
    )


def _person_words(surname: str, given: str) -> str:
    return f"{surname}, {given}"


@_rule("permit.name_mismatch", ERROR, REVIEW, "The name on the permit differs from the passport.")
def _name_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or (
        same_name(issued.surname, person.surname) and same_name(issued.given_names, person.given_names)
    ):
        return None
    right = _person_words(person.surname, person.given_names)
    return Hit(
        f"The permit reads '{_person_words(issued.surname, issued.given_names)}', but your "
        f"passport reads '{right}'.",
        _say(
            f"My name on the permit does not match my passport: it should read {right}. "
            "Could you correct it, please?"
        )
        + _after_leaving(ctx),
    )


@_rule("permit.date_of_birth_mismatch", ERROR, REVIEW, "The date of birth on the permit differs.")
def _dob_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or issued.date_of_birth == person.date_of_birth:
        return None
    return Hit(
        f"The permit gives your date of birth as {issued.date_of_birth}; your passport says "
        f"{person.date_of_birth}.",
        _say(
            f"My date of birth on the permit is wrong: it should be {person.date_of_birth}, as "
            "in my passport. Could you correct it, please?"
        )
        + _after_leaving(ctx),
    )


@_rule("permit.citizenship_mismatch", ERROR, REVIEW, "The citizenship on the permit differs.")
def _citizenship_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or issued.citizenship == person.citizenship:
        return None
    return Hit(
        f"The permit gives your citizenship as {issued.citizenship}; your passport says "
        f"{person.citizenship}.",
        _say(
            f"My citizenship on the permit is wrong: it should be {person.citizenship}, as in my "
            "passport. Could you correct it, please?"
        )
        + _after_leaving(ctx),
    )


_KIND_WORDS = {PermitKind.OPEN: "an open", PermitKind.EMPLOYER_SPECIFIC: "an employer-specific"}


@_rule(
    "permit.kind_mismatch", ERROR, REVIEW,
    "The permit's kind (open / employer-specific) differs from the programme's.",
)
def _kind_mismatch(ctx: Context) -> Hit | None:
    issued, wanted = ctx.profile.issued_permit, ctx.program.permit_kind
    if issued is None or wanted is None or issued.kind is wanted:
        return None
    return Hit(
        f"Your permit is printed as {_KIND_WORDS[issued.kind]} permit, but the "
        f"{PROGRAM_NAMES[ctx.program]} programme issues {_KIND_WORDS[wanted]} permit.",
        _say(
            f"My programme, {PROGRAM_NAMES[ctx.program]}, gives {_KIND_WORDS[wanted]} work "
            f"permit, but this one is printed as {_KIND_WORDS[issued.kind]} permit. Could you "
            "correct it, please?"
        ),
    )


@_rule(
    "permit.employer_mismatch", ERROR, REVIEW,
    "The employer on an employer-specific permit differs from the application's.",
)
def _employer_mismatch(ctx: Context) -> Hit | None:
    issued = ctx.profile.issued_permit
    if (
        issued is None
        or not ctx.program.is_employer_specific
        or issued.kind is not PermitKind.EMPLOYER_SPECIFIC
        or same_name(issued.employer, ctx.app.employer)
    ):
        return None
    printed = f"'{issued.employer}'" if issued.employer.strip() else "no employer"
    return Hit(
        f"The permit names {printed}, but your job offer is with '{ctx.app.employer}'.",
        _say(
            f"The employer on my permit should be {ctx.app.employer}, as in my job offer. "
            "Could you correct it, please?"
        )
        + _after_leaving(ctx),
    )


@_rule(
    "permit.medical_condition_printed", WARNING, REVIEW,
    "An upfront medical was done but the permit carries the medical condition.",
)
def _condition_printed(ctx: Context) -> Hit | None:
    issued, medical = ctx.profile.issued_permit, ctx.profile.medical
    if issued is None or medical is None:
        return None
    keywords = ctx.policy.medical.condition_keywords
    printed = next((c for c in issued.conditions if matches_keyword(c, keywords)), None)
    if printed is None:
        return None
    return Hit(
        f"Your permit carries the medical condition \"{printed}\", although you had an upfront "
        f"medical exam on {medical.exam_date}.",
        _say(
            f"I had an upfront immigration medical exam on {medical.exam_date}; the results "
            "should be in the system. Could you remove the medical condition, please?"
        )
        + " Show the exam's information sheet. Later, it can only be removed by applying to "
        "change the permit's conditions (IMM 5710).",
    )


CATALOGUE: tuple[RuleSpec, ...] = tuple(_REGISTRY)
"""Every rule, in catalogue order (readiness, then permit review)."""

_ORDER = {spec.id: i for i, spec in enumerate(CATALOGUE)}
_STAGE_ORDER = {Stage.READINESS: 0, Stage.PERMIT_REVIEW: 1}


# --- The engine -------------------------------------------------------------------------------


def evaluate(
    profile: Profile, crossings: CrossingsData | None, policy: Policy, on: datetime
) -> Report:
    """Run every rule on ``profile`` at the moment ``on`` (aware, in the crossing's zone).

    ``crossings`` is the crossings data (``CrossingsData``; a plain mapping of id to crossing
    also works); with None the crossing rules stay silent. Pure: reads no clock and no file.
    Permit-review rules run only when ``[issued_permit]`` is present.
    """
    ctx = Context(profile, crossings, policy, on)
    findings: list[Finding] = []
    for spec in CATALOGUE:
        if spec.stage is Stage.PERMIT_REVIEW and profile.issued_permit is None:
            continue
        hit = spec.check(ctx)
        if hit is None:
            continue
        findings.append(
            Finding(
                id=spec.id,
                severity=hit.severity or spec.severity,
                stage=spec.stage,
                message=hit.message,
                advice=hit.advice,
                source=hit.source or spec.source(policy),
            )
        )
    findings.sort(key=lambda f: (_STAGE_ORDER[f.stage], f.severity.rank, _ORDER[f.id]))
    return Report(on=on, findings=tuple(findings), expected_permit=ctx.expected)


def rule_ids() -> list[str]:
    """Every rule id, in catalogue order."""
    return [spec.id for spec in CATALOGUE]
