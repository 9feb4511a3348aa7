"""The real site: built with `mkdocs build --strict`, read as HTML."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator.datafiles.load import load_playbook
from tests.sitebuild import ROOT, build, copy_repo

PLAYBOOK = load_playbook(ROOT / "roles.yaml")
LANGS = {"zh": "", "en": "en/"}


class Text(HTMLParser):
    """Visible text of the article and every link target, as a reader would follow them."""

    def __init__(self) -> None:
        super().__init__()
        self.article: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.sources: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "article":
            self._depth += 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        # what the browser fetches by itself (a canonical <link> or an <a> is not a request)
        fetched_links = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
        if tag == "link" and set((a.get("rel") or "").split()) & fetched_links:
            self.sources.append(a.get("href") or "")
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.sources.append(a["src"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.article.append(data)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def read(site: Path, page: str) -> Text:
    parser = Text()
    # a glossary tooltip wraps a word in <abbr>: the text a reader sees is the same without it
    parser.feed(re.sub(r"</?abbr\b[^>]*>", "", (site / page).read_text(encoding="utf-8")))
    return parser


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_get_a_tooltip_where_first_used(site: Path, lang: str) -> None:
    html = (site / f"{LANGS[lang]}methodology/index.html").read_text(encoding="utf-8")
    fte = next(e for e in PLAYBOOK.glossary if e.id == "fte")
    assert html.count(f'<abbr title="{html_escape(fte.definition[lang])}">FTE</abbr>') == 1  # first use only
    user = (site / f"{LANGS[lang]}roles/user/index.html").read_text(encoding="utf-8")
    private = next(e for e in PLAYBOOK.glossary if e.id == "private_domain")
    assert f'<abbr title="{html_escape(private.definition[lang])}">' in user
    overview = read(site, f"{LANGS[lang]}roles/index.html")
    assert "glossary" in overview.ids and all(
        e.definition[lang] in " ".join(overview.article) for e in PLAYBOOK.glossary
    )
    assert "navigation.footer" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'class="md-footer__link md-footer__link--next"' in user  # previous / next links


def html_escape(text: str) -> str:
    return html.escape(text, quote=True).replace("&#x27;", "'")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", [r.id for r in PLAYBOOK.roles])
def test_role_page_shows_every_fact(site: Path, lang: str, role: str) -> None:
    page = read(site, f"{LANGS[lang]}roles/{role}/index.html")
    text = " ".join(page.article)
    data = PLAYBOOK.role(role)
    assert data.name[lang] in text and data.mission[lang] in text
    for duty in data.duties:
        assert duty.title[lang] in text
        for item in (*duty.points, *duty.examples):
            assert item[lang] in text
    for group in data.skills:
        for point in group.points:
            assert point[lang] in text
        for tool in group.tools:
            assert tool in text
    for kpi in data.kpis:
        assert kpi.name[lang] in text
    outgoing, incoming = PLAYBOOK.links_of(role)
    for link in outgoing:
        assert f"../{link.target}/" in page.links and f"to-{link.target}" in page.ids
    for link in incoming:
        assert f"../{link.source}/" in page.links and f"from-{link.source}" in page.ids


def test_every_link_is_shown_from_both_ends(site: Path) -> None:
    for link in PLAYBOOK.links:
        source = read(site, f"roles/{link.source}/index.html")
        target = read(site, f"roles/{link.target}/index.html")
        assert f"to-{link.target}" in source.ids, link
        assert f"from-{link.source}" in target.ids, link
        assert link.flows.zh in " ".join(target.article)


def test_campaign_links_are_derived_from_the_other_roles(site: Path) -> None:
    page = read(site, "roles/campaign/index.html")
    assert {"from-director", "from-content", "from-user", "from-data", "from-design_tech"} <= page.ids


@pytest.mark.parametrize("lang", LANGS)
def test_collaboration_matrix_cells_link_to_role_pages(site: Path, lang: str) -> None:
    page = read(site, f"{LANGS[lang]}collaboration/index.html")
    for link in PLAYBOOK.links:
        assert f"../roles/{link.source}/#to-{link.target}" in page.links
    html = (site / f"{LANGS[lang]}collaboration/index.html").read_text(encoding="utf-8")
    # the map is SVG drawn at build time: one arrow per link, one clickable node per role
    assert html.count('class="collab-edge') == len(PLAYBOOK.links)
    for role in PLAYBOOK.roles:
        assert f'<a class="collab-node" xlink:href="../roles/{role.id}/">' in html
    # every matrix cell that links has a name a screen reader can read, not just a dot
    first = PLAYBOOK.links[0]
    source, target = PLAYBOOK.role(first.source).name[lang], PLAYBOOK.role(first.target).name[lang]
    assert f'<span class="playbook-sr">{source} → {target}</span>' in html


def test_language_switcher_points_at_the_same_page(site: Path) -> None:
    zh = read(site, "roles/content/index.html")
    en = read(site, "en/roles/content/index.html")
    assert "../../en/roles/content/" in zh.links
    assert "../../../roles/content/" in en.links
    assert '<html lang="zh"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en/index.html").read_text(encoding="utf-8")


def test_roles_json_export(site: Path) -> None:
    data = json.loads((site / "data/roles.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["roles"]] == [r.id for r in PLAYBOOK.roles]


def search_docs(site: Path, lang: str) -> list[dict[str, str]]:
    return json.loads((site / f"{LANGS[lang]}search/search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize(
    ("lang", "term", "role"),
    [
        ("zh", "留存", "user"),
        ("zh", "私域", "user"),
        ("zh", "复盘", "campaign"),
        ("zh", "甘特图", "campaign"),
        ("en", "retention", "user"),
        ("en", "livestream", "campaign"),
    ],
)
def test_search_index_finds_roles(site: Path, lang: str, term: str, role: str) -> None:
    """The terms are whole tokens after splitting on the configured separator, as the browser does."""
    separator = re.compile(r"[\s\u200b\u3000\-、。，．？！；：（）“”]+")
    hits = {
        doc["location"].split("#")[0]
        for doc in search_docs(site, lang)
        if term.lower() in (token.lower() for token in separator.split(doc["text"] + " " + doc["title"]))
    }
    assert f"roles/{role}/" in hits


def test_chinese_index_is_segmented(site: Path) -> None:
    text = " ".join(doc["text"] for doc in search_docs(site, "zh"))
    assert "\u200b" in text
    assert "\u200b留存" in text or "留存\u200b" in text


def test_separator_in_config_splits_on_zero_width_space() -> None:
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        assert "\\u200b" in (ROOT / name).read_text(encoding="utf-8")


def test_no_asset_from_another_origin(site: Path) -> None:
    for page in site.rglob("*.html"):
        parsed = read(site, str(page.relative_to(site)))
        external = [s for s in parsed.sources if re.match(r"^(https?:)?//", s)]
        assert not external, (page, external)
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    # Material loads Mermaid from a CDN for any `.mermaid` block: the site draws its diagrams as SVG
    # at build time, so no page may hold such a block (and no Mermaid is shipped)
    assert "unpkg.com/mermaid" in bundle
    assert not [p for p in site.rglob("*.html") if 'class="mermaid' in p.read_text(encoding="utf-8")]
    assert not (site / "vendor/mermaid").exists()


def test_generated_pages_edit_link_points_at_roles_yaml(site: Path) -> None:
    html = (site / "roles/user/index.html").read_text(encoding="utf-8")
    assert f"/blob/main/roles.yaml#L{PLAYBOOK.line_of('user')}" in html
    assert "/edit/main/docs/zh/index.md" in (site / "index.html").read_text(encoding="utf-8")


def test_markup_in_data_is_escaped_on_every_page(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    roles = (repo / "roles.yaml").read_text(encoding="utf-8")
    evil = {"zh": "<script>alert('zh')</script>", "en": '<img src=x onerror="alert(1)">'}
    roles = roles.replace('name: {zh: "运营总监"', f'name: {{zh: "运营总监{evil["zh"]}"', 1)
    roles = roles.replace('en: "Head of New-Media Operations"}', f"en: 'Head {evil['en']}'}}", 1)
    roles = roles.replace('tools: ["新榜"', 'tools: ["C++ & <b>x</b>", "新榜"', 1)
    (repo / "roles.yaml").write_text(roles, encoding="utf-8")
    # sizing.yaml strings reach the calculator, the methodology page and the prerendered result
    sizing = (repo / "sizing.yaml").read_text(encoding="utf-8")
    sizing = sizing.replace(
        'name: {zh: "抖音", en: "Douyin"}', f"name: {{zh: \"抖音{evil['zh']}\", en: 'Douyin {evil['en']}'}}"
    )
    sizing = sizing.replace(
        'name: {zh: "主播", en: "Live host"}', f"name: {{zh: \"主播{evil['zh']}\", en: 'Host {evil['en']}'}}"
    )
    (repo / "sizing.yaml").write_text(sizing, encoding="utf-8")
    result = build(repo)
    assert result.returncode == 0, result.stderr
    pages = list((repo / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        # What a browser would build from the page: no <img onerror>, no script that alerts.
        # (A "<" inside a quoted attribute value is text, which is why this parses, not greps.)
        elements = Elements()
        elements.feed(page.read_text(encoding="utf-8"))
        assert not [a for tag, a in elements.tags if tag == "img" and "onerror" in a], page
        assert not [text for text in elements.scripts if "alert(" in text], page

    def shown(page: str) -> str:  # the page's text as a reader sees it (references resolved)
        return html.unescape((repo / f"site/{page}/index.html").read_text(encoding="utf-8"))

    assert "<script>alert('zh')</script>" in shown("roles/director")
    assert "<code>C++ &amp; &lt;b&gt;x&lt;/b&gt;</code>" in (repo / "site/roles/content/index.html").read_text(
        encoding="utf-8"
    )
    for page in ("calculator", "methodology", "en/calculator", "en/methodology"):
        assert "<script>alert('zh')</script>" in shown(page) or '<img src=x onerror="alert(1)">' in shown(page), page
    assert '<img src=x onerror="alert(1)">' in shown("en/roles/director")


def test_bad_roles_file_fails_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    roles = (repo / "roles.yaml").read_text(encoding="utf-8")
    roles = roles.replace("- with: content", "- with: contnet", 1).replace(
        "    reports_to: null\n", "    reports_to: null\n    colour: red\n", 1
    )
    (repo / "roles.yaml").write_text(roles, encoding="utf-8")
    result = build(repo)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"roles\.yaml:\d+:\d+: roles\[0\]\.colour: unknown key", result.stderr)
    assert re.search(
        r"roles\.yaml:\d+:\d+: roles\[0\]\.collaboration\[0\]\.with: unknown role 'contnet'", result.stderr
    )


def test_every_page_allows_exactly_its_own_inline_scripts(site: Path) -> None:
    """Each page's Content-Security-Policy names the hashes of the inline scripts it carries and no
    other; none sits in the content, which instant navigation would run under another page's policy."""
    from calculator.pages.csp import inline_script_hashes

    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
        assert policy, page
        allowed = re.findall(r"'sha256-[^']+'", policy.group(1))
        assert allowed and set(allowed) == set(inline_script_hashes(text)), page
        article = text[text.index("<article") : text.index("</article>")]
        assert "<script" not in article, page
