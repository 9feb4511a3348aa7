"""The GitHub Actions workflows parse, and every step runs a real Makefile target."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z0-9_-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+(\.\d+){0,2}$")


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), name
    # YAML 1.1 reads the key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_workflow_structure(name: str) -> None:
    workflow = load(name)
    assert workflow["name"] and workflow["on"] and workflow["jobs"]
    for job_id, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-latest", job_id
        assert job.get("steps"), job_id
    for step in steps(workflow):
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"pin {step['uses']} to a version tag"
        else:
            target = re.fullmatch(r"make ([a-z][a-z0-9_-]*)", step["run"].strip())
            assert target, f"{name}: run only Makefile targets, not {step['run']!r}"
            assert target.group(1) in MAKE_TARGETS, f"{name}: no Makefile target {target.group(1)!r}"


def test_pull_requests_run_make_test_with_the_pinned_toolchain() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches-ignore"] == ["main"]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps(workflow)}
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert uses["actions/setup-node"]["with"]["node-version"] == "20"
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0  # dates need full history
    assert [s["run"] for s in steps(workflow) if "run" in s] == ["make test"]


def test_deploy_builds_checks_and_publishes_main_to_pages() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert [s["run"] for s in build["steps"] if "run" in s] == ["make build", "make linkcheck"]
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert make_build["env"]["SITE_URL"].endswith("/") and make_build["env"]["SITE_URL_EN"].endswith("/en/")
    uploaded = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert uploaded["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_readme_names_the_commands_the_workflows_run() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("make test", "make build", "make linkcheck"):
        assert target in readme
