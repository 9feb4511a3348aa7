"""Interface words of the generated pages, in every language of the site."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "roles_title": "岗位总览",
        "colon": "：",
        "list_sep": "、",
        "architecture": "团队架构",
        "reports_to": "汇报对象",
        "specialist": "*专业岗位：本手册在种子文档的六个核心岗位之外补充的内容。*",
        "direct_reports": "直接协作的下属岗位",
        "top_role": "团队负责人（最高岗位）",
        "duties": "岗位职责",
        "examples": "例子",
        "skills": "核心能力",
        "experience": "从业经验",
        "years": "{n} 年以上",
        "years_none": "不限",
        "tools": "常用工具",
        "kpis": "考核指标（KPI）",
        "kpi": "指标",
        "measures": "衡量什么",
        "collaboration": "协作关系",
        "outgoing": "本岗位 → 其他岗位",
        "incoming": "其他岗位 → 本岗位",
        "partner": "协作岗位",
        "flows": "协作内容",
        "none_outgoing": "原始资料未单独描述本岗位的协作段落；以下关系来自其他岗位的描述。",
        "none": "无",
        "collab_title": "协作地图",
        "collab_intro": "箭头表示“谁为谁提供什么”。每条关系在两端岗位的页面上都会出现。",
        "matrix": "协作矩阵",
        "matrix_intro": "行是提供方，列是接收方；点击单元格查看提供方页面上的说明。",
        "from_to": "提供方 \\\\ 接收方",
        "links": "协作关系一览",
        "role": "岗位",
        "tagline": "定位",
        "all_roles": "全部岗位",
        "see_collab": "查看完整的[协作地图](../collaboration.md)。",
        "levels": "职级与发展路径",
        "glossary": "术语表",
        "glossary_intro": "页面上第一次出现这些术语时，把鼠标移到带下划线的词上即可看到解释。",
        "levels_note": "*职级阶梯是本手册补充的内容：种子文档没有写职级。年限为典型经验，供招聘与定级参考。*",
        "level": "职级",
        "scope": "负责范围",
        "expectations": "期望",
        "typical_experience": "典型经验",
        "jd": "招聘 JD",
        "jd_intro": "每个职级一份可直接发布的职位描述，由上面的职责、能力、指标与职级生成。"
        "可复制，或下载 Markdown 文件（含英文版）。",
        "who_i_work_with": "协作关系图：左边的岗位为本岗位提供输入，右边的岗位接收本岗位的产出。"
        "点击岗位可打开它的页面。",
        "addition": "（本手册补充）",
        "map_too_big": "岗位超过 {n} 个时不绘制全图和矩阵（会难以阅读）："
        "请看各岗位页面上的协作关系图和下面的关系一览。",
        "map_help": "每个方框都是一个链接；把鼠标移到方框上会突出它发出的箭头，虚线是本手册补充的关系。"
        "各岗位页面上有只含该岗位的协作关系图。",
    },
    "en": {
        "roles_title": "Roles overview",
        "colon": ": ",
        "list_sep": ", ",
        "architecture": "Team structure",
        "reports_to": "Reports to",
        "specialist": "*Specialist role: the playbook's own addition beside the seed document's six core roles.*",
        "direct_reports": "Roles reporting here",
        "top_role": "Team lead (top of the team)",
        "duties": "Duties",
        "examples": "Examples",
        "skills": "Core skills",
        "experience": "Experience",
        "years": "{n}+ years",
        "years_none": "none required",
        "tools": "Tools",
        "kpis": "KPIs",
        "kpi": "Metric",
        "measures": "What it measures",
        "collaboration": "Collaboration",
        "outgoing": "This role → others",
        "incoming": "Others → this role",
        "partner": "Role",
        "flows": "What flows",
        "none_outgoing": (
            "The source material has no collaboration paragraph for this role; "
            "the links below come from the other roles."
        ),
        "none": "None",
        "collab_title": "Collaboration map",
        "collab_intro": "Arrows read “who provides what to whom”. Every link also appears on the pages of both roles.",
        "matrix": "Who works with whom",
        "matrix_intro": "Rows provide, columns receive; a cell links to the explanation on the provider's page.",
        "from_to": "From \\\\ To",
        "links": "All links",
        "role": "Role",
        "tagline": "Focus",
        "all_roles": "All roles",
        "see_collab": "See the full [collaboration map](../collaboration.md).",
        "levels": "Levels and career path",
        "glossary": "Glossary",
        "glossary_intro": "Where a page first uses one of these terms, point at the underlined word to see "
        "its meaning.",
        "levels_note": "*The career ladder is the playbook's own addition: the seed document has no levels. "
        "Years are typical experience, a guide for hiring and levelling.*",
        "level": "Level",
        "scope": "Scope",
        "expectations": "Expectations",
        "typical_experience": "Typical experience",
        "jd": "Job descriptions",
        "jd_intro": "A ready-to-post job description for each level, generated from the duties, skills, KPIs and "
        "levels above. Copy it, or download it as Markdown (Chinese version included).",
        "who_i_work_with": "Who this role works with: roles on the left provide input to it, roles on the right "
        "receive its output. Click a role to open its page.",
        "addition": " (playbook addition)",
        "map_too_big": "With more than {n} roles the full map and matrix are not drawn (they would be unreadable): "
        "see each role page's own map and the list of links below.",
        "map_help": "Every box is a link; hovering a box highlights the arrows it sends. Dashed arrows are the "
        "playbook's own additions. Each role page has a map of that role alone.",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The interface words for ``lang``; an unknown language is a programming error."""
    if lang not in LABELS:
        raise KeyError(f"unknown language {lang!r} (allowed: {', '.join(LABELS)})")
    return LABELS[lang]


#: Navigation titles of the site's sections (role pages are listed from the data).
NAV: dict[str, dict[str, str]] = {
    "zh": {
        "home": "首页",
        "roles": "岗位",
        "collaboration": "协作地图",
        "calculator": "编制计算器",
        "methodology": "编制测算方法",
        "contributing": "参与编辑",
        "guide": "编辑指南",
        "schema": "数据文件参考",
        "changelog": "内容更新记录",
    },
    "en": {
        "home": "Home",
        "roles": "Roles",
        "collaboration": "Collaboration map",
        "calculator": "Sizing calculator",
        "methodology": "Sizing methodology",
        "contributing": "Contributing",
        "guide": "Editor's guide",
        "schema": "Data file reference",
        "changelog": "Changelog",
    },
}
