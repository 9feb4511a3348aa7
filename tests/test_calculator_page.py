"""The browser-side Python: share links, exports, the result HTML and the calculator page."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from markdown import Markdown

from calculator.bundle import browser_bundle, engine_files, vendored_files
from calculator.engine.browser import Calculator
from calculator.engine.fmt import fmt
from calculator.engine.founder_data import founder_data
from calculator.engine.playbook import playbook_to_data
from calculator.engine.result_html import render_result
from calculator.engine.scenario import default_scenario, parse_scenario
from calculator.engine.share import ShareLinkError, decode, encode, share_fragment
from calculator.engine.sizing.loading import roles_from_playbook, sizing_from_json
from calculator.engine.sizing.plan import size
from calculator.engine.sizing.plan_data import plan_to_data
from calculator.pages.calculator_page import HTML_BLOCK, calculator_html, calculator_page
from calculator.pages.rawhtml import placeholder, substitute

ROOT = Path(__file__).resolve().parent.parent
from tests.sizing_fixtures import MODEL, PLAYBOOK  # noqa: E402

SCENARIO = parse_scenario(
    {"goals": ["growth"], "channels": {"douyin": {"live_hours_per_week": 20, "posts_per_week": 5}}}, MODEL
)


def test_share_link_round_trips_and_is_canonical() -> None:
    fragment = encode(SCENARIO)
    assert fragment.startswith("scenario=") and "=" not in fragment[len("scenario=") :]
    assert decode("#" + fragment, MODEL) == SCENARIO
    same = parse_scenario(
        {"channels": {"douyin": {"posts_per_week": 5.0, "live_hours_per_week": 20}}, "goals": ["growth"]}, MODEL
    )
    assert encode(same) == fragment  # key order and 5 vs 5.0 do not change the link


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("", "does not carry a scenario"),
        ("foo=bar", "does not carry a scenario"),
        ("scenario=", "empty or too long"),
        ("scenario=" + "A" * 9000, "empty or too long"),
        ("scenario=%%%", "damaged (not base64url"),
        ("scenario=" + base64.urlsafe_b64encode(b"\xff\xfe").decode(), "damaged (not base64url"),
        ("scenario=" + base64.urlsafe_b64encode(b"{not json").decode(), "malformed JSON"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"groups": NaN}').decode(), "NaN is not a number"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"groups": 1, "groups": 2}').decode(), "duplicate key"),
        ("scenario=" + base64.urlsafe_b64encode(b"[" * 4000 + b"]" * 4000).decode().rstrip("="), "length"),
        # CPython 3.11 runs out of stack here ("nested too deeply"); 3.13 parses it and finds a list
        ("scenario=" + base64.urlsafe_b64encode(b"[" * 2000 + b"]" * 2000).decode().rstrip("="), "too deeply|a list"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"groups": 1' + b"0" * 5000 + b"}").decode(), "cannot be read"),
        (
            "scenario=" + base64.urlsafe_b64encode(b'{"comments_per_week": 1' + b"0" * 400 + b"}").decode(),
            "out of range",
        ),
        ("scenario=" + base64.urlsafe_b64encode(b'{"goals": ["fame"]}').decode(), "goals[0]"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"groups": 1, "x": 2}').decode(), "(and 1 more)"),
    ],
)
def test_broken_share_links_say_why(fragment: str, message: str) -> None:
    """Hostile links (huge numbers, deep nesting, NaN) are reported like any broken link, never a crash."""
    with pytest.raises(ShareLinkError) as caught:
        decode(fragment, MODEL)
    text = str(caught.value)
    assert any(m in text for m in message.split("|")) or message == caught.value.reason, text


def test_result_html_escapes_data() -> None:
    data = json.loads(json.dumps(MODEL.document))
    data["channels"][0]["formats"][0]["hours_per_post"]["content"]["label"] = {
        "zh": "<script>alert(1)</script>",
        "en": '<img src=x onerror="x">',
    }
    model = sizing_from_json(data, roles_from_playbook(PLAYBOOK.roles))
    plan = size(parse_scenario({"channels": {"wechat_oa": {"posts_per_week": 20}}}, model), model)
    for lang in ("zh", "en"):
        html = render_result(plan, model, lang, {"content": "../roles/content/"}, "../methodology/")
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in render_result(plan, model, "zh", {}, "m/")


def test_calculator_runs_scenarios_and_reports_bad_input_by_field() -> None:
    calc = Calculator(
        json.dumps(playbook_to_data(PLAYBOOK)), json.dumps(MODEL.document), "en", "../roles/", "../methodology/"
    )
    good = json.loads(calc.run(json.dumps({"channels": {"weibo": {"posts_per_week": 4}}}), "http://x/calculator/"))
    plan = size(parse_scenario({"channels": {"weibo": {"posts_per_week": 4}}}, MODEL), MODEL)
    expected = plan_to_data(plan, MODEL) | founder_data(plan, MODEL)
    assert good["ok"] and good["plan"] == json.loads(json.dumps(expected))
    assert good["model_version"] == "2.0"
    assert good["total_fte"] == fmt(plan.total_fte, plan.decimals)
    assert good["fragment"] == share_fragment(plan) and "http://x/calculator/#scenario=" in good["csv"]
    extras = json.loads(calc.extras(good["fragment"], "http://x/calculator/"))
    assert extras["ok"] and "<svg" in extras["link_html"] and "](data:image/png;base64," in extras["markdown"]
    assert "calc-qr__code" not in good["html"] and "calc-qr__code" in extras["link_html"]  # typing never waits for QR
    # extras reuses the plan just shown: the same answer as a calculator that sizes it afresh
    fresh = Calculator(
        json.dumps(playbook_to_data(PLAYBOOK)), json.dumps(MODEL.document), "en", "../roles/", "../methodology/"
    )
    assert json.loads(fresh.extras(good["fragment"], "http://x/calculator/")) == extras
    other = json.loads(calc.run(json.dumps({"channels": {"weibo": {"posts_per_week": 9}}}), "http://x/calculator/"))
    # an older plan's fragment (the page asked before the newest answer came): sized afresh, not the cached one
    assert json.loads(calc.extras(good["fragment"], "http://x/calculator/")) == extras
    assert json.loads(calc.extras(other["fragment"], "http://x/calculator/"))["fragment"] == other["fragment"]
    bad = json.loads(calc.run(json.dumps({"channels": {"weibo": {"posts_per_week": -1}}, "comments_per_week": "x"})))
    assert not bad["ok"]
    assert [e["path"] for e in bad["errors"]] == ["channels.weibo.posts_per_week", "comments_per_week"]
    link = json.loads(calc.open_link("#scenario=@@@"))
    assert not link["ok"] and "damaged" in link["link_error"]


def test_calculator_markdown_holds_no_data_text_only_the_placeholder() -> None:
    for lang in ("zh", "en"):
        markdown = calculator_page(lang)
        assert markdown.count(placeholder(HTML_BLOCK)) == 1
        assert "<form" not in markdown and MODEL.channels[0].name[lang] not in markdown
        converted = Markdown(extensions=["attr_list", "tables", "toc", "pymdownx.superfences"]).convert(markdown)
        html = calculator_html(MODEL, PLAYBOOK, lang)
        assert html in substitute(converted, {HTML_BLOCK: html})


def test_calculator_page_has_a_field_per_input_and_the_default_plan() -> None:
    page = calculator_html(MODEL, PLAYBOOK, "zh")
    for channel in MODEL.channels:
        assert f'name="channels.{channel.id}.posts_per_week"' in page
        assert (f'name="channels.{channel.id}.live_hours_per_week"' in page) == channel.live
    for goal in MODEL.goals:
        assert f'value="{goal.id}"' in page
    for input_id in ("service_hours_per_week", "ad_spend_per_month", "creator_collaborations_per_month"):
        assert f'name="{input_id}"' in page
    assert 'name="channels.bilibili.format"' in page and '<option value="long">' in page
    plan = size(default_scenario(MODEL), MODEL)
    assert f'data-total-headcount="{plan.total_headcount}"' in page
    assert 'data-state="prerendered"' in page
    assert "<script" not in page  # instant navigation re-runs scripts; data rides in attributes


def test_bundle_is_the_engine_folder_and_imports_without_build_tools(tmp_path: Path) -> None:
    bundle = browser_bundle()
    assert bundle == browser_bundle()  # deterministic
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    engine = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "calculator" / "engine").rglob("*.py"))
    assert names == ["calculator/__init__.py", *engine, *vendored_files()]
    assert names[: len(engine) + 1] == [p.relative_to(ROOT).as_posix() for p in engine_files()]
    (tmp_path / "b.zip").write_bytes(bundle)
    code = (
        "import sys; sys.modules['yaml'] = None; sys.modules['jinja2'] = None; sys.modules['mkdocs'] = None;"
        f"sys.path.insert(0, {str(tmp_path / 'b.zip')!r});"
        "import calculator.engine.browser as b, calculator.engine.share, calculator.engine.export, segno;"
        "print(b.__file__, segno.__file__)"
    )
    run = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("b.zip") == 2  # the engine and segno, both from the zip


# A link made by model 1.x (the default scenario, encoded by the calculator before model 2.0)
OLD_LINK = (
    "scenario=eyJjaGFubmVscyI6eyJkb3V5aW4iOnsicG9zdHNfcGVyX3dlZWsiOjcsImxpdmVfaG91cnNfcGVyX3dlZWsiOjQyfSwieGlhb2hvbmdz"
    "aHUiOnsicG9zdHNfcGVyX3dlZWsiOjN9fSwicHJpdmF0ZV9kb21haW4iOnsiZ3JvdXBzIjoxMCwiY29udGFjdHMiOjE1MDB9LCJjb21tZW50c19wZXJf"
    "d2VlayI6MTUwLCJjYW1wYWlnbnNfcGVyX3llYXIiOjIsImdvYWxzIjpbImNvbnZlcnNpb24iXX0"
)


def test_links_made_before_model_2_still_open_and_keep_their_form() -> None:
    scenario = decode("#" + OLD_LINK, MODEL)
    assert scenario == default_scenario(MODEL)
    assert encode(scenario) == OLD_LINK  # new optional fields at their defaults are left out of the link
    richer = parse_scenario(
        {"ad_spend_per_month": 50000, "channels": {"bilibili": {"posts_per_week": 1, "format": "long"}}}, MODEL
    )
    assert decode(encode(richer), MODEL) == richer
