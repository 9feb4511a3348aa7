"""roles.yaml: its schema (with the default role ids), cross-checks, and validation into a :class:`Playbook`.

Standard library only: the browser validates roles.json with it; reading the YAML file
(with line numbers) is :func:`calculator.datafiles.load.load_playbook`.
"""

from __future__ import annotations

from typing import Any

from .errors import DataError, PathKey, Problem, Unlocated
from .model import Collaboration, Duty, GlossaryEntry, Kpi, Level, Playbook, Role, SkillGroup, Team, Text
from .schema import (
    ID_PATTERN,
    INVALID,
    Enum,
    Field,
    Flag,
    Id,
    ListOf,
    LocalText,
    Nullable,
    Number,
    Obj,
    Reporter,
    Str,
    validate,
)

#: the roles of the shipped roles.yaml: sizing.yaml is checked against them when roles.yaml is not at hand
ROLE_IDS = ("director", "content", "user", "campaign", "data", "design_tech")

TEXT = LocalText(build=Text)


def _t(zh: str, en: str) -> dict[str, str]:
    """A localised text as the data file writes it (for examples)."""
    return {"zh": zh, "en": en}


DUTY = Obj(
    "duty",
    (
        Field(
            "id",
            Id(),
            ("职责领域的标识，在本岗位内唯一", "identifier of the duty area, unique within the role"),
            example="deals",
        ),
        Field("title", TEXT, ("职责领域名称", "name of the duty area"), example=_t("商务拓展", "Deals")),
        Field(
            "points",
            ListOf(TEXT, min_items=1, unique_items=True),
            ("该领域做什么，一条一句", "what the role does here, one statement each"),
            example=[_t("寻找并筛选品牌合作机会。", "Finds and qualifies brand partnership opportunities.")],
        ),
        Field(
            "examples",
            ListOf(TEXT, unique_items=True),
            ("具体例子与数字", "concrete examples and figures"),
            required=False,
            default=(),
            example=[_t("合作形式：软文植入、直播专场", "Formats: sponsored articles, dedicated livestreams")],
        ),
    ),
    build=Duty,
)

SKILL_GROUP = Obj(
    "skill group",
    (
        Field(
            "audience",
            TEXT,
            ("适用人群（仅当要求按人群区分时）", "who it applies to, only where requirements differ"),
            required=False,
        ),
        Field(
            "experience_years",
            Number(minimum=0, maximum=40, integer=True, unit="years"),
            ("最低从业年限", "minimum years of experience"),
            required=False,
        ),
        Field(
            "points",
            ListOf(TEXT, min_items=1, unique_items=True),
            ("能力要求", "skill requirements"),
            example=[_t("熟悉新媒体广告报价与合作流程。", "Knows new-media ad pricing and partnership workflows.")],
        ),
        Field(
            "tools",
            ListOf(Str(max_length=60), unique_items=True),
            ("工具名称", "tool names"),
            required=False,
            default=(),
        ),
    ),
    build=SkillGroup,
)

KPI = Obj(
    "KPI",
    (
        Field(
            "id",
            Id(),
            ("指标标识，在本岗位内唯一", "metric identifier, unique within the role"),
            example="renewal_rate",
        ),
        Field("name", TEXT, ("指标名称", "metric name"), example=_t("续约率", "Renewal rate")),
        Field(
            "description",
            TEXT,
            ("衡量什么", "what is measured"),
            example=_t("合作到期后续约的品牌占比。", "Share of brands that renew when a partnership ends."),
        ),
    ),
    build=Kpi,
)

COLLABORATION = Obj(
    "collaboration link",
    (
        Field("with", Id(), ("协作对象的岗位 id", "id of the other role"), attr="role", example="campaign"),
        Field(
            "flows",
            TEXT,
            ("双方之间流转什么", "what flows between the two roles"),
            example=_t("把品牌方的合作需求交给活动运营。", "Hands brand briefs to Campaign Ops."),
        ),
        Field(
            "playbook_addition",
            Flag(),
            (
                "true：种子文档未写、由本手册补充的关系",
                "true: a link the seed does not describe, added by the playbook",
            ),
            required=False,
            default=False,
        ),
    ),
    build=Collaboration,
)

LEVEL = Obj(
    "level",
    (
        Field("id", Id(), ("职级标识，在本岗位内唯一，如 junior、senior、lead", "level id, unique within the role")),
        Field(
            "title",
            TEXT,
            ("该职级的岗位名称（招聘 JD 的标题）", "job title at this level (the JD's title)"),
            example=_t("高级商务合作", "Senior Partnerships Specialist"),
        ),
        Field(
            "experience_years",
            Number(minimum=0, maximum=40, integer=True, unit="years"),
            ("典型的最低从业年限", "typical minimum years of experience"),
        ),
        Field(
            "scope",
            TEXT,
            ("负责范围", "what this level is responsible for"),
            example=_t("独立负责一个行业的品牌客户。", "Owns the brand clients of one industry."),
        ),
        Field(
            "expectations",
            TEXT,
            ("对该职级的期望", "what is expected at this level"),
            example=_t("稳定完成季度商务收入目标。", "Meets the quarterly partnership revenue target."),
        ),
    ),
    build=Level,
)

GLOSSARY_ENTRY = Obj(
    "glossary entry",
    (
        Field("id", Id(), ("术语标识", "term id"), example="fte"),
        Field(
            "term",
            TEXT,
            ("术语在页面上的写法（区分大小写的中文或英文原文）", "the term as pages write it"),
            example=_t("FTE", "FTE"),
        ),
        Field(
            "definition",
            TEXT,
            ("一两句解释，作为提示框显示", "one or two sentences, shown as a tooltip"),
            example=_t(
                "全职当量：1 FTE 是一名全职员工一周的工作量。",
                "Full-time equivalent: one full-time person's weekly workload.",
            ),
        ),
    ),
    build=GlossaryEntry,
)

ROLE_GROUPS = ("core", "specialist")

ROLE = Obj(
    "role",
    (
        Field(
            "id",
            Id(),
            ("稳定的岗位 id，用于链接与网址", "stable role id, used in links and URLs"),
            example="partnerships",
        ),
        Field("name", TEXT, ("岗位名称", "role name"), example=_t("商务合作专员", "Partnerships Specialist")),
        Field(
            "group",
            Enum(ROLE_GROUPS),
            (
                "core：种子文档的六个核心岗位；specialist：手册补充的专业岗位",
                "core: the seed's six roles; specialist: the playbook's additions",
            ),
            required=False,
            default="core",
        ),
        Field(
            "combines_with",
            ListOf(Id(), unique_items=True),
            (
                "可由同一人兼任的岗位 id（双向生效）",
                "ids of roles one person may combine with this one (works both ways)",
            ),
            required=False,
            default=(),
        ),
        Field(
            "helps_out",
            Flag(),
            (
                "少量工作（低于 sizing.yaml 的 packing.min_share）可与其他 helps_out 岗位由一人兼做",
                "a small share of this work (below sizing.yaml's packing.min_share) can go to another helps_out role",
            ),
            required=False,
            default=False,
        ),
        Field(
            "tagline",
            TEXT,
            ("一句话定位", "one-line positioning"),
            example=_t("品牌合作与商业化的对接人", "Brings in brand deals and sponsorships"),
        ),
        Field(
            "mission",
            TEXT,
            ("岗位使命", "what the role is for"),
            example=_t(
                "对接品牌方与达人，把合作需求变成可执行的方案。", "Turns brand briefs into plans the team can deliver."
            ),
        ),
        Field(
            "reports_to",
            Nullable(Id()),
            ("汇报对象的岗位 id；最高岗位为 null", "id of the role it reports to; null at the top"),
            example="director",
        ),
        Field("duties", ListOf(DUTY, min_items=1, unique=("id", "title")), ("职责领域", "duty areas")),
        Field("skills", ListOf(SKILL_GROUP, min_items=1), ("核心能力", "core skills")),
        Field("kpis", ListOf(KPI, min_items=1, unique=("id", "name")), ("考核指标", "KPIs")),
        Field(
            "levels",
            ListOf(LEVEL, min_items=3, unique=("id", "title")),
            (
                "职级阶梯（至少三级，由低到高；手册补充内容）",
                "career ladder, at least three levels, lowest first (the playbook's own content)",
            ),
            required=False,
            default=(),
        ),
        Field(
            "collaboration",
            ListOf(COLLABORATION, unique=("with",)),
            ("与其他岗位的协作", "collaboration with other roles"),
        ),
    ),
    build=Role,
)

TEAM = Obj(
    "team",
    (
        Field("name", TEXT, ("团队名称", "team name"), example=_t("新媒体运营团队", "New-media operations team")),
        Field(
            "summary",
            TEXT,
            ("为什么需要清晰的分工", "why clear roles matter"),
            example=_t("岗位边界清楚，团队才能高效运转。", "Clear roles keep the team efficient."),
        ),
        Field(
            "architecture",
            TEXT,
            ("协作架构", "collaboration structure"),
            example=_t("内容+用户+活动+数据+技术", "Content + User + Campaign + Data + Tech"),
        ),
    ),
    build=Team,
)

#: the most roles one playbook may have: 16x the shipped 12, far beyond any real team's role list; keeps a
#: build of both languages within about a minute and every browser-side list limit out of reach
MAX_ROLES = 200

PLAYBOOK = Obj(
    "playbook",
    (
        Field("schema_version", Number(minimum=1, maximum=1, integer=True), ("文件格式版本", "file format version")),
        Field("team", TEAM, ("团队概况", "the team as a whole")),
        Field("roles", ListOf(ROLE, min_items=1, max_items=MAX_ROLES, unique=("id",)), ("岗位列表", "the roles")),
        Field(
            "glossary",
            ListOf(GLOSSARY_ENTRY, unique=("id", "term")),
            ("术语表：页面首次出现时显示解释", "glossary: terms explained where a page first uses them"),
            required=False,
            default=(),
        ),
    ),
)


def _cross_check(raw: Any, where: Reporter) -> list[Problem]:
    """Links between roles: every id named must exist, and a role cannot link to itself."""
    roles = raw.get("roles") if isinstance(raw, dict) else None
    if not isinstance(roles, list):
        return []
    # only valid ids: an invalid one is reported where it is defined, not offered as a choice
    ids = [r["id"] for r in roles if isinstance(r, dict) and isinstance(r.get("id"), str) and ID_PATTERN.match(r["id"])]
    allowed = ", ".join(dict.fromkeys(ids))
    problems = []
    for i, role in enumerate(roles):
        if not isinstance(role, dict):
            continue
        target = role.get("reports_to")
        if isinstance(target, str) and target not in ids:
            problems.append(
                where.problem(("roles", i, "reports_to"), f"unknown role {target!r} (allowed: {allowed}, or null)")
            )
        combines = role.get("combines_with")
        for j, other in enumerate(combines if isinstance(combines, list) else []):
            at: PathKey = ("roles", i, "combines_with", j)
            if isinstance(other, str) and other not in ids:
                problems.append(where.problem(at, f"unknown role {other!r} (allowed: {allowed})"))
            elif other == role.get("id"):
                problems.append(where.problem(at, f"a role cannot combine with itself (allowed: {allowed})"))
        links = role.get("collaboration")
        for j, link in enumerate(links if isinstance(links, list) else []):
            if not isinstance(link, dict) or not isinstance(link.get("with"), str):
                continue
            path = ("roles", i, "collaboration", j, "with")
            if link["with"] not in ids:
                problems.append(where.problem(path, f"unknown role {link['with']!r} (allowed: {allowed})"))
            elif link["with"] == role.get("id"):
                problems.append(
                    where.problem(path, "a role cannot collaborate with itself (allowed: another role's id)")
                )
    tops = [r.get("id") for r in roles if isinstance(r, dict) and r.get("reports_to", "") is None]
    if ids and len(tops) != 1:
        problems.append(where.problem(("roles",), f"exactly one role must have reports_to: null (found {len(tops)})"))
    return problems


def playbook_from_data(raw: Any, where: Reporter, role_lines: tuple[tuple[str, int], ...] = ()) -> Playbook:
    """Validate plain data (from YAML or JSON) into a :class:`Playbook`, or raise :class:`DataError`."""
    checked, problems = validate(PLAYBOOK, raw, where)
    problems += _cross_check(raw, where)
    if problems or checked is INVALID:
        raise DataError(problems)
    return Playbook(checked["schema_version"], checked["team"], checked["roles"], role_lines, checked["glossary"])


def playbook_from_json(raw: Any) -> Playbook:
    """The browser's path: data exported as JSON, validated the same way (no line numbers)."""
    return playbook_from_data(raw, Unlocated("roles.json"))


def playbook_to_data(playbook: Playbook) -> dict[str, Any]:
    """The JSON export (roles.json): the same shape as roles.yaml, written by the specs that read it."""
    data: dict[str, Any] = PLAYBOOK.to_data(playbook)
    return data
