"""The sizing engine: a scenario and the sizing model in, a staffing plan out.

Pure and standard-library only: no I/O, no randomness, nothing deprecated, so the
same code runs under CPython 3.11-3.14 and Pyodide. Every number comes from the
:class:`~calculator.engine.sizing_data.SizingModel`; every result carries the drivers and
formulas (with the actual numbers) that produced it.

The model, in short:

- hours per week per role = sum of drivers (cadence x hours per post, upkeep, community,
  campaigns, reporting, live room), each rounded to the output precision;
- FTE = goal weight x production hours / productive hours + coverage hours / coverage hours per person;
- the lead role's hours = base + per-FTE load x execution FTE (0 only when there is no execution work);
- positions: whole roles, remainders packed into combined positions (data order), small leftovers
  into the position with the most room; a dedicated head only above the span of control (with team
  leads for the lead load beyond one person), otherwise the lead share joins an execution position;
  headcount = sum of position counts. A role with any hours of work is placed, even at 0.00 FTE.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fmt import fmt
from .model import Text
from .scenario import Scenario, scenario_to_data
from .sizing_data import Parameter, RoleParameters, SizingModel

PRODUCTION = "production"  # work paced by output: divided by production hours per person
COVERAGE = "coverage"  # scheduled seats (on air in the live room): divided by coverage hours per person
MINUTES_PER_HOUR = 60
CONTACTS_PER_BLOCK = 1000  # contact parameters are "per 1,000 contacts"


# --------------------------------------------------------------------------- plan objects


@dataclass(frozen=True)
class Driver:
    """One input's contribution to a role's weekly hours, with the arithmetic written out."""

    id: str
    label: Text
    kind: str  # PRODUCTION or COVERAGE
    inputs: tuple[tuple[str, float], ...]  # scenario fields and parameter paths, with their values
    hours_per_week: float
    formula: Text


@dataclass(frozen=True)
class RolePlan:
    """Hours and FTE of one role."""

    id: str
    title: Text
    weight: float
    weighted_by: tuple[str, ...]  # goal ids that set the weight
    production_hours: float
    coverage_hours: float
    fte: float
    formula: Text
    drivers: tuple[Driver, ...]


@dataclass(frozen=True)
class Position:
    """People to hire with the same job: ``count`` persons sharing ``fte`` of work."""

    roles: tuple[str, ...]
    shares: tuple[tuple[str, float], ...]  # FTE of each role carried by this position
    title: Text
    fte: float
    count: int
    combined: bool
    reason: Text


@dataclass(frozen=True)
class HiringStep:
    step: int
    title: Text
    roles: tuple[str, ...]
    count: int
    reason: Text


@dataclass(frozen=True)
class Peak:
    """The weeks before a node campaign (618, Double 11), apart from the steady state."""

    campaigns_per_year: int
    weeks: int
    multiplier: float
    roles: tuple[tuple[str, float], ...]  # FTE per role during the peak
    total_fte: float
    extra_fte: float  # peak total minus steady total: temporary staff, agencies or overtime
    formula: Text


@dataclass(frozen=True)
class Plan:
    scenario: Scenario
    roles: tuple[RolePlan, ...]
    positions: tuple[Position, ...]
    total_fte: float
    total_headcount: int
    execution_headcount: int
    dedicated_lead: bool
    lead_decision: Text
    hiring_order: tuple[HiringStep, ...]
    peak: Peak | None
    production_hours_per_person: float
    coverage_hours_per_person: float
    decimals: int = 2

    def role(self, role_id: str) -> RolePlan:
        return next(r for r in self.roles if r.id == role_id)


# --------------------------------------------------------------------------- helpers


def _both(make: Callable[[str], str]) -> Text:
    return Text(make("zh"), make("en"))


@dataclass(frozen=True)
class _Work:
    """A driver of one role, plus how it behaves in the peak weeks."""

    role: str
    driver: Driver
    node: bool = False  # a node campaign: averaged over the year, concentrated in the peak
    peak_hours: float = 0.0  # for node work: hours per week during the peak


@dataclass
class _Slot:
    """A position while it is being packed: shares grow as leftovers and a player-coach lead join it."""

    title: Text
    reason: Text
    count: int
    shares: dict[str, float]  # role id -> FTE, in the order they joined
    notes: list[Text] = field(default_factory=list)
    lead: bool = False  # a player-coach lead joined: the title says so

    @property
    def fte(self) -> float:
        return sum(self.shares.values())

    def position(self, sizer: _Sizer) -> Position:
        title = self.title
        if self.lead:
            note = sizer.m.leadership.player_coach.title
            title = Text(f"{title.zh}（{note.zh}）", f"{title.en} ({note.en})")
        reason = Text(
            "".join([self.reason.zh, *(n.zh for n in self.notes)]),
            " ".join([self.reason.en, *(n.en for n in self.notes)]),
        )
        shares = tuple(self.shares.items())
        return Position(tuple(self.shares), shares, title, sizer.r(self.fte), self.count, len(shares) > 1, reason)


class _Sizer:
    """Computes one plan; holds the model, scenario and output precision."""

    def __init__(self, scenario: Scenario, model: SizingModel) -> None:
        self.s = scenario
        self.m = model
        self.d = model.decimals
        self.h_week = model.capacity.hours_per_week.unit

    def r(self, value: float) -> float:
        return round(float(value), self.d)

    def n(self, value: float) -> str:
        return fmt(value, self.d)

    # ---- drivers

    def _scaled(
        self,
        driver_id: str,
        kind: str,
        pairs: RoleParameters,
        param_path: str,
        inputs: tuple[tuple[str, float], ...],
        quantity: float,
        quantity_text: str,
        divisor: float = 1.0,
        divisor_text: str = "",
    ) -> list[_Work]:
        """hours = quantity x parameter [÷ divisor], for each role the parameter map names."""
        out = []
        for role, p in pairs:
            hours = self.r(quantity * p.value / divisor)
            tail = f" ÷ {divisor_text}" if divisor_text else ""

            def formula(lang: str, p: Parameter = p, hours: float = hours, tail: str = tail) -> str:
                return f"{quantity_text} × {self.n(p.value)} {p.unit[lang]}{tail} = {self.n(hours)} {self.h_week[lang]}"

            path = f"{param_path}.{role}"
            driver = Driver(driver_id, p.label, kind, (*inputs, (path, p.value)), hours, _both(formula))
            out.append(_Work(role, driver))
        return out

    def work(self) -> list[_Work]:
        """Every execution driver of the scenario, in a fixed order."""
        m, s = self.m, self.s
        items: list[_Work] = []
        for act in s.active_channels:
            ch = m.channel(act.channel)
            base = f"channels.{ch.id}"
            if act.posts_per_week:
                items += self._scaled(
                    f"posts.{ch.id}",
                    PRODUCTION,
                    ch.hours_per_post,
                    f"{base}.hours_per_post",
                    ((f"{base}.posts_per_week", act.posts_per_week),),
                    act.posts_per_week,
                    self.n(act.posts_per_week),
                )
            items += self._scaled(
                f"upkeep.{ch.id}", PRODUCTION, ch.upkeep_hours_per_week, f"{base}.upkeep_hours_per_week", (), 1, "1"
            )
        active = len(s.active_channels)
        if active:
            count = (("active_channels", float(active)),)
            items += self._scaled(
                "reporting",
                PRODUCTION,
                m.data_work.reporting_hours_per_channel_per_week,
                "data_work.reporting_hours_per_channel_per_week",
                count,
                active,
                str(active),
            )
            items += self._scaled(
                "always_on",
                PRODUCTION,
                m.campaigns.always_on_hours_per_channel_per_week,
                "campaigns.always_on_hours_per_channel_per_week",
                count,
                active,
                str(active),
            )
        live = s.live_hours_per_week
        if live:
            hours = (("live_hours_per_week", live),)
            for driver_id, kind, pairs, path in (
                ("live.on_air", COVERAGE, m.live.on_air_hours_per_live_hour, "live.on_air_hours_per_live_hour"),
                ("live.prep", PRODUCTION, m.live.prep_hours_per_live_hour, "live.prep_hours_per_live_hour"),
                (
                    "live.ad_buying",
                    COVERAGE,
                    m.data_work.ad_buying_hours_per_live_hour,
                    "data_work.ad_buying_hours_per_live_hour",
                ),
            ):
                items += self._scaled(driver_id, kind, pairs, path, hours, live, self.n(live))
        cm = m.community
        if s.groups:
            items += self._scaled(
                "community.groups",
                PRODUCTION,
                cm.hours_per_group_per_week,
                "community.hours_per_group_per_week",
                (("private_domain.groups", float(s.groups)),),
                s.groups,
                str(s.groups),
            )
        if s.contacts:
            items += self._scaled(
                "community.contacts",
                PRODUCTION,
                cm.hours_per_1000_contacts_per_week,
                "community.hours_per_1000_contacts_per_week",
                (("private_domain.contacts", float(s.contacts)),),
                s.contacts,
                str(s.contacts),
                CONTACTS_PER_BLOCK,
                str(CONTACTS_PER_BLOCK),
            )
        if s.comments_per_week:
            items += self._scaled(
                "community.comments",
                PRODUCTION,
                cm.minutes_per_comment,
                "community.minutes_per_comment",
                (("comments_per_week", s.comments_per_week),),
                s.comments_per_week,
                self.n(s.comments_per_week),
                MINUTES_PER_HOUR,
                str(MINUTES_PER_HOUR),
            )
        if s.campaigns_per_year:
            ca = m.campaigns
            weeks, peak_weeks = ca.weeks_per_year.value, ca.peak_weeks.value
            node = self._scaled(
                "campaigns.node",
                PRODUCTION,
                ca.hours_per_node_campaign,
                "campaigns.hours_per_node_campaign",
                (("campaigns_per_year", float(s.campaigns_per_year)), ("campaigns.weeks_per_year", weeks)),
                s.campaigns_per_year,
                str(s.campaigns_per_year),
                weeks,
                self.n(weeks),
            )
            per_campaign = dict(ca.hours_per_node_campaign)
            items += [
                _Work(
                    w.role,
                    w.driver,
                    node=True,
                    peak_hours=self.r(max(per_campaign[w.role].value / peak_weeks, w.driver.hours_per_week)),
                )
                for w in node
            ]
        return items

    # ---- roles

    def weight(self, role: str) -> tuple[float, tuple[str, ...]]:
        """The highest weight any chosen goal gives ``role`` (1 = unchanged), and the goals that set it."""
        best: float = 1.0
        by: tuple[str, ...] = ()
        for goal_id in self.s.goals:
            w = dict(self.m.goal(goal_id).weights).get(role)
            if w is None:
                continue
            if w.value > best:
                best, by = w.value, (goal_id,)
            elif w.value == best and by:
                by = (*by, goal_id)
        return best, by

    def role_fte(self, role: str, production: float, coverage: float) -> tuple[float, float, Text]:
        weight, _ = self.weight(role)
        cap = self.m.capacity
        fte = self.r(weight * production / cap.production_hours + coverage / cap.coverage_hours)

        def formula(lang: str) -> str:
            h = self.h_week[lang]
            return (
                f"{self.n(weight)} × {self.n(production)} {h} ÷ {self.n(cap.production_hours)} {h}"
                f" + {self.n(coverage)} {h} ÷ {self.n(cap.coverage_hours)} {h} = {self.n(fte)} FTE"
            )

        return fte, weight, _both(formula)

    def lead_driver(self, execution_fte: float, has_work: bool) -> Driver:
        """The lead's hours: base + per-FTE load x execution FTE, or 0 when there is no execution work at all.

        ``has_work`` is decided on hours, not on the rounded FTE: a few minutes of work still need a lead.
        """
        ld = self.m.leadership
        base, per = ld.base_hours_per_week, ld.hours_per_execution_fte
        hours = self.r(base.value + per.value * execution_fte) if has_work else 0.0

        def formula(lang: str) -> str:
            if not has_work:
                return (
                    f"没有执行工作 → 0 {self.h_week[lang]}"
                    if lang == "zh"
                    else f"no execution work → 0 {self.h_week[lang]}"
                )
            return (
                f"{self.n(base.value)} {base.unit[lang]} + {self.n(execution_fte)} FTE × {self.n(per.value)} "
                f"{per.unit[lang]}"
                f" = {self.n(hours)} {self.h_week[lang]}"
            )

        inputs = (
            ("execution_fte", execution_fte),
            ("leadership.base_hours_per_week", base.value),
            ("leadership.hours_per_execution_fte", per.value),
        )
        label = Text(f"{base.label.zh}；{per.label.zh}", f"{base.label.en}; {per.label.en}")
        return Driver("leadership", label, PRODUCTION, inputs, hours, _both(formula))

    def has_execution_work(self, items: list[_Work]) -> bool:
        """Whether any role but the lead has hours of work (the drivers' rounded hours, not the FTE)."""
        lead = self.m.leadership.role
        return any(w.driver.hours_per_week > 0 for w in items if w.role != lead)

    def roles(self, items: list[_Work]) -> tuple[RolePlan, ...]:
        lead = self.m.leadership.role
        plans: dict[str, RolePlan] = {}
        order = [r for r in self.m.role_ids if r != lead] + [lead]
        for role in order:
            drivers = [w.driver for w in items if w.role == role]
            if role == lead:
                execution = self.r(sum(plans[r].fte for r in plans))
                drivers.append(self.lead_driver(execution, self.has_execution_work(items)))
            production = self.r(sum(d.hours_per_week for d in drivers if d.kind == PRODUCTION))
            coverage = self.r(sum(d.hours_per_week for d in drivers if d.kind == COVERAGE))
            fte, weight, formula = self.role_fte(role, production, coverage)
            plans[role] = RolePlan(
                role,
                self.m.packing.title(role),
                weight,
                self.weight(role)[1],
                production,
                coverage,
                fte,
                formula,
                tuple(d for d in drivers if d.hours_per_week or d.id == "leadership"),
            )
        return tuple(plans[r] for r in self.m.role_ids)

    # ---- positions

    def people(self, load: float) -> int:
        """Whole people for one role's ``load``: a remainder below ``round_down_below`` rides with existing people."""
        pk = self.m.packing
        cap, below = pk.position_capacity.value, pk.round_down_below.value
        whole = math.floor(self.r(load / cap))
        remainder = self.r(load - whole * cap)
        return whole + (1 if remainder > 0 and (whole == 0 or remainder >= below) else 0)

    def spare(self, slot: _Slot) -> float:
        return self.r(slot.count * self.m.packing.position_capacity.value - slot.fte)

    def roomiest(self, slots: list[_Slot], share: float | None = None) -> _Slot | None:
        """The slot with the most spare room (the first of equals), if any; with ``share``, only one it fits in."""
        fits = [s for s in slots if share is None or self.spare(s) >= share]
        return max(fits, key=self.spare) if fits else None

    def pack(self, fte: dict[str, float], roles: list[str], lead: str | None = None) -> list[Position]:
        """Positions for ``roles`` (every role with hours of work, even at 0.00 FTE).

        1. whole people per role; a remainder below ``round_down_below`` stays with them;
        2. remainders packed by the data's combinations, in order;
        3. leftovers of at least ``absorb_below`` FTE: one more person of their role;
        4. smaller leftovers, largest first, join the position with the most room that can take them,
           else one more person of their role;
        5. ``lead`` (a player-coach lead, when the team is within the span) never gets a position of its
           own: if no combination took its share, it joins the position with the most room, which grows by
           a person only if the share does not fit within the rounding threshold.
        """
        pk = self.m.packing
        cap, below, small = pk.position_capacity.value, pk.round_down_below.value, pk.absorb_below.value
        reasons = {h.role: h.reason for h in self.m.hiring}
        whole: dict[str, int] = {}
        rest: dict[str, float] = {}  # work still to place, per role
        for role in roles:
            count = math.floor(self.r(fte[role] / cap))
            remainder = self.r(fte[role] - count * cap)
            if role == lead:  # a player-coach's share is placed whole (it is below one person with sane data)
                count, remainder = 0, fte[role]
            whole[role] = count
            if count == 0 or (remainder > 0 and remainder >= below):
                rest[role] = remainder
        separate = dict(rest)
        slots: list[_Slot] = []
        for combo in pk.combinations:
            members = [r for r in combo.roles if r in rest]
            if len(members) < 2 or self.r(sum(rest[r] for r in members)) > cap:
                continue
            slots.append(_Slot(combo.title, combo.reason, 1, {r: rest.pop(r) for r in members}))
        own: dict[str, _Slot] = {}
        for role in roles:
            if whole[role]:
                own[role] = _Slot(
                    pk.title(role), reasons[role], whole[role], {role: self.r(fte[role] - separate.get(role, 0.0))}
                )
                slots.append(own[role])

        def one_more(role: str, share: float) -> None:
            if role in own:
                own[role].count += 1
                own[role].shares[role] = self.r(own[role].shares[role] + share)
            else:
                own[role] = _Slot(pk.title(role), reasons[role], 1, {role: share})
                slots.append(own[role])

        order = {r: i for i, r in enumerate(roles)}
        for role in [r for r in roles if r in rest and r != lead and rest[r] >= small]:
            one_more(role, rest.pop(role))
        for role in sorted((r for r in rest if r != lead), key=lambda r: (-rest[r], order[r])):
            share = rest.pop(role)
            target = self.roomiest(slots, share)
            if target is None or target is own.get(role):
                one_more(role, share)
                continue
            target.shares[role] = self.r(target.shares.get(role, 0.0) + share)
            target.notes.append(self.absorbed_note(role, share))
        if lead is not None and lead in rest:
            share = rest.pop(lead)
            target = self.roomiest(slots)
            if target is None:  # unreachable: lead work implies execution work, which has a position
                target = _Slot(pk.title(lead), reasons[lead], 0, {})
                slots.append(target)
            before = target.count
            target.shares[lead] = share
            target.lead = True
            total = target.fte
            if total > target.count * cap and total > target.count * (cap + below):
                target.count = max(target.count + 1, math.ceil(self.r(total / cap)))
            target.notes.append(self.lead_note(share, total, before, target.count))
        return [slot.position(self) for slot in slots]

    def absorbed_note(self, role: str, share: float) -> Text:
        title, small = self.m.packing.title(role), self.n(self.m.packing.absorb_below.value)
        x = self.n(share)
        return Text(
            f"另承担{title.zh} {x} FTE（低于 {small} FTE，不单独招人）。",
            f"Also carries {title.en} {x} FTE (below {small} FTE, not a hire of its own).",
        )

    def lead_note(self, share: float, total: float, before: int, after: int) -> Text:
        coach = self.m.leadership.player_coach.reason
        cap = self.m.packing.position_capacity.value
        x, t = self.n(share), self.n(total)
        zh, en = f"{coach.zh}负责人工作 {x} FTE。", f"{coach.en} Lead work: {x} FTE."
        if after > before:
            zh += f" 加上负责人工作共 {t} FTE，{before} 人放不下，因此为 {after} 人。"
            en += f" With the lead work it carries {t} FTE, more than {before} can, so {after} people."
        elif total > before * cap:
            over = self.n(total - before * cap)
            below = self.n(self.m.packing.round_down_below.value)
            zh += (
                f" 加上负责人工作共 {t} FTE，超出 {before} 人的容量 {over} FTE"
                f"（在取整阈值 {below} FTE 以内，短期可承受）。"
            )
            en += (
                f" With the lead work it carries {t} FTE, {over} FTE above what {before} can carry"
                f" (within the {below} FTE rounding threshold: bearable, not a plan)."
            )
        return Text(zh, en)

    def positions(self, plans: tuple[RolePlan, ...]) -> tuple[list[Position], int, bool, int]:
        """Positions, execution headcount, whether the head is dedicated, and how many team leads."""
        lead = self.m.leadership.role
        fte = {p.id: p.fte for p in plans}
        has_work = {p.id: p.production_hours + p.coverage_hours > 0 for p in plans}
        execution_roles = [r for r in self.m.role_ids if r != lead and has_work[r]]
        execution = self.pack(fte, execution_roles)
        headcount = sum(p.count for p in execution)
        if not has_work[lead]:
            return execution, headcount, False, 0
        if headcount <= self.m.leadership.span_of_control.value:
            return self.pack(fte, [lead, *execution_roles], lead=lead), headcount, False, 0
        # Exactly one dedicated head, carrying at most one position (a remainder below the rounding
        # threshold stays with the head); the rest of the lead load goes to team leads.
        cap, below = self.m.packing.position_capacity.value, self.m.packing.round_down_below.value
        head = min(fte[lead], cap)
        if self.r(fte[lead] - head) < below:
            head = fte[lead]
        overflow = self.r(fte[lead] - head)
        reasons = {h.role: h.reason for h in self.m.hiring}
        out = [Position((lead,), ((lead, head),), self.m.packing.title(lead), head, 1, False, reasons[lead])]
        team_leads = self.people(overflow) if overflow > 0 else 0
        if team_leads:
            tl = self.m.leadership.team_lead
            out.append(Position((lead,), ((lead, overflow),), tl.title, overflow, team_leads, False, tl.reason))
        return out + execution, headcount, True, team_leads

    def hiring(self, positions: list[Position], dedicated_lead: bool) -> tuple[list[Position], tuple[HiringStep, ...]]:
        """A dedicated head first; then by each position's main role in the data's hiring order; team leads last."""
        rank = {h.role: i for i, h in enumerate(self.m.hiring)}
        lead = self.m.leadership.role
        head_title, team_lead_title = self.m.packing.title(lead), self.m.leadership.team_lead.title

        def key(p: Position) -> tuple[int, int, float, str]:
            main = max(p.shares, key=lambda s: (s[1], -rank[s[0]]))[0]
            first = 1
            if dedicated_lead and p.roles == (lead,):
                first = 0 if p.title == head_title else 2 if p.title == team_lead_title else 1
            return first, rank[main], -p.fte, p.title.en

        ordered = sorted(positions, key=key)
        steps = tuple(HiringStep(i + 1, p.title, p.roles, p.count, p.reason) for i, p in enumerate(ordered))
        return ordered, steps

    def lead_decision(self, headcount: int, dedicated: bool, has_work: bool, lead_fte: float, team_leads: int) -> Text:
        span = self.m.leadership.span_of_control
        title = self.m.packing.title(self.m.leadership.role)
        n, limit = headcount, self.n(span.value)
        if not has_work:
            return Text("没有执行工作，因此没有管理负荷。", "No execution work, so no lead load.")
        if dedicated:
            text = Text(
                f"执行团队 {n} 人，超过管理幅度 {limit} 人：设一名专职{title.zh}。",
                f"Execution headcount {n} is above the span of control ({limit}): hire one dedicated {title.en}.",
            )
            if team_leads:
                tl, cap = self.m.leadership.team_lead.title, self.m.packing.position_capacity.value
                rest = self.n(lead_fte - cap)
                text = Text(
                    f"{text.zh}管理工作共 {self.n(lead_fte)} FTE：负责人承担 {self.n(cap)} FTE，"
                    f"其余 {rest} FTE 由 {team_leads} 名{tl.zh}分担。",
                    f"{text.en} The lead work is {self.n(lead_fte)} FTE: the head carries {self.n(cap)} FTE, "
                    f"{team_leads} × {tl.en} the other {rest} FTE.",
                )
            return text
        return Text(
            f"执行团队 {n} 人，不超过管理幅度 {limit} 人：不设专职{title.zh}，负责人工作由团队中一人兼任（见职位）。",
            f"Execution headcount {n} is within the span of control ({limit}): no dedicated {title.en}; "
            "one team member also carries the lead work (see the positions).",
        )

    # ---- peak

    def peak(self, items: list[_Work], steady_total: float) -> Peak | None:
        if not self.s.campaigns_per_year:
            return None
        ca = self.m.campaigns
        mult = ca.peak_multiplier.value
        lead = self.m.leadership.role
        fte: dict[str, float] = {}
        for role in [r for r in self.m.role_ids if r != lead] + [lead]:
            production = coverage = 0.0
            for w in (w for w in items if w.role == role):
                hours = w.peak_hours if w.node else w.driver.hours_per_week * mult
                if w.driver.kind == PRODUCTION:
                    production += hours
                else:
                    coverage += hours
            if role == lead:
                production += self.lead_driver(self.r(sum(fte.values())), self.has_execution_work(items)).hours_per_week
            fte[role] = self.role_fte(role, self.r(production), self.r(coverage))[0]
        total = self.r(sum(fte.values()))
        weeks = int(ca.peak_weeks.value)

        def formula(lang: str) -> str:
            if lang == "zh":
                return (
                    f"冲刺期 {weeks} 周：日常工时 × {self.n(mult)}；每次大促工时 ÷ {weeks} 周（不少于全年平摊值）；"
                    f"合计 {self.n(total)} FTE，比平时多 {self.n(total - steady_total)} FTE"
                )
            return (
                f"{weeks} peak weeks: routine hours × {self.n(mult)}; each campaign's hours ÷ {weeks} weeks "
                f"(at least the yearly average); total {self.n(total)} FTE, {self.n(total - steady_total)} "
                "FTE above steady"
            )

        return Peak(
            self.s.campaigns_per_year,
            weeks,
            mult,
            tuple((r, fte[r]) for r in self.m.role_ids),
            total,
            self.r(max(total - steady_total, 0.0)),
            _both(formula),
        )


def size(scenario: Scenario, model: SizingModel) -> Plan:
    """Size a team for ``scenario``: FTE per role with drivers, positions, headcount, hiring order, peak."""
    sizer = _Sizer(scenario, model)
    items = sizer.work()
    roles = sizer.roles(items)
    positions, execution_headcount, dedicated, team_leads = sizer.positions(roles)
    ordered, steps = sizer.hiring(positions, dedicated)
    total_fte = sizer.r(sum(r.fte for r in roles))
    lead_fte = next(r.fte for r in roles if r.id == model.leadership.role)
    has_work = any(r.production_hours + r.coverage_hours > 0 for r in roles)
    return Plan(
        scenario=scenario,
        roles=roles,
        positions=tuple(ordered),
        total_fte=total_fte,
        total_headcount=sum(p.count for p in ordered),
        execution_headcount=execution_headcount,
        dedicated_lead=dedicated,
        lead_decision=sizer.lead_decision(execution_headcount, dedicated, has_work, lead_fte, team_leads),
        hiring_order=steps,
        peak=sizer.peak(items, total_fte),
        production_hours_per_person=model.capacity.production_hours,
        coverage_hours_per_person=model.capacity.coverage_hours,
        decimals=model.decimals,
    )


# --------------------------------------------------------------------------- export


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-able data: fixed key order, floats rounded to the model's decimals."""

    def r(value: float) -> float:
        return round(value, plan.decimals)

    return {
        "scenario": scenario_to_data(plan.scenario),
        "total_headcount": plan.total_headcount,
        "total_fte": r(plan.total_fte),
        "execution_headcount": plan.execution_headcount,
        "dedicated_lead": plan.dedicated_lead,
        "lead_decision": plan.lead_decision.to_data(),
        "productive_hours": {
            "production": r(plan.production_hours_per_person),
            "coverage": r(plan.coverage_hours_per_person),
        },
        "roles": {
            role.id: {
                "title": role.title.to_data(),
                "fte": r(role.fte),
                "weight": r(role.weight),
                "weighted_by": list(role.weighted_by),
                "production_hours": r(role.production_hours),
                "coverage_hours": r(role.coverage_hours),
                "formula": role.formula.to_data(),
                "drivers": [
                    {
                        "id": d.id,
                        "label": d.label.to_data(),
                        "kind": d.kind,
                        "inputs": {name: r(value) for name, value in d.inputs},
                        "hours_per_week": r(d.hours_per_week),
                        "formula": d.formula.to_data(),
                    }
                    for d in role.drivers
                ],
            }
            for role in plan.roles
        },
        "positions": [
            {
                "title": p.title.to_data(),
                "roles": list(p.roles),
                "shares": {role: r(v) for role, v in p.shares},
                "fte": r(p.fte),
                "count": p.count,
                "combined": p.combined,
                "reason": p.reason.to_data(),
            }
            for p in plan.positions
        ],
        "hiring_order": [
            {
                "step": s.step,
                "title": s.title.to_data(),
                "roles": list(s.roles),
                "count": s.count,
                "reason": s.reason.to_data(),
            }
            for s in plan.hiring_order
        ],
        "peak": None
        if plan.peak is None
        else {
            "campaigns_per_year": plan.peak.campaigns_per_year,
            "weeks": plan.peak.weeks,
            "multiplier": r(plan.peak.multiplier),
            "roles": {role: r(v) for role, v in plan.peak.roles},
            "total_fte": r(plan.peak.total_fte),
            "extra_fte": r(plan.peak.extra_fte),
            "formula": plan.peak.formula.to_data(),
        },
    }
