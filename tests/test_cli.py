"""The contributors' command line: `afterno check`, `new step`, `coverage`, `schema`, as a contributor runs them."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from afterno.cli import main
from afterno.load import load_content
from afterno.scaffold import SKELETON_TEXT
from helpers import CONTENT, ROOT, VENV_BIN, build_env, english_only

LOCATED = re.compile(r"^content/[\w./-]+\.(yml|yaml|json|txt):\d+:\d+: \S.*$")
#: The two lines under a problem: the offending line with its number, and a caret under the column.
EXCERPT = re.compile(r"^ {0,4}\d+ \| .*$|^ {5} \| *\^$")


def problem_lines(err: str) -> list[str]:
    """The problem lines of the checker's output, without the excerpts under them and the count."""
    return [line for line in err.splitlines()[:-1] if not EXCERPT.match(line)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with a private copy of content/ (and mkdocs.yml, which marks the project root)."""
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    # The languages as drafts: these tests add English content, which a published language refuses until it is
    # translated (tests/test_translations.py covers that), and the copy has no docs/ for the pages' translations.
    return english_only(tmp_path)


def run(project: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``afterno --content <project>/content ARGS`` in-process; return the exit code, stdout and stderr."""
    code = main(["--content", str(project / "content"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_on_the_real_content(capsys: pytest.CaptureFixture[str]) -> None:
    """`afterno check` accepts content/ as committed, says so in one line (then one per translation), and exits 0."""
    code, out, err = run(ROOT, "check", capsys=capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("content OK: ")
    assert all(re.match(r"^[a-z]{2} \(.+, (draft|published)\): \d+ complete", line) for line in lines[1:]), lines


def test_check_is_well_under_a_second() -> None:
    """Validating all of content/ takes well under a second of processor time."""
    load_content(CONTENT)
    started = time.process_time()
    load_content(CONTENT)
    assert time.process_time() - started < 0.5


def test_make_check_keeps_the_compiled_modules(tmp_path: Path) -> None:
    """`make check` lets Python keep the checker's compiled modules, so a run does not compile them all again."""
    env = {**build_env(), "PYTHONPYCACHEPREFIX": str(tmp_path)}
    result = subprocess.run(["make", "-s", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.rglob("afterno/cli.*.pyc")), "make check ran with PYTHONDONTWRITEBYTECODE set"


def test_check_piped_into_head_ends_without_a_traceback() -> None:
    """`afterno check | head -1`: the command that stops reading does not make the check print a traceback."""
    result = subprocess.run(
        f"{VENV_BIN / 'afterno'} check | head -c 1",
        shell=True,
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr


def test_check_lists_every_problem_located(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several mistakes in several files: each printed as file:line:column: message, then a count; exit 1."""
    step = project / "content" / "steps" / "feel-it.yml"
    step.write_text(step.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    guide = project / "content" / "guides" / "keep-going.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("order:", "order: x\nsize:"), encoding="utf-8")
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 1 and out == ""
    lines = err.splitlines()
    problems = problem_lines(err)
    assert lines[-1] == f"{len(problems)} problems in {project / 'content'}/."
    assert all(LOCATED.match(line) for line in problems), problems
    # Each problem is followed by its line and a caret under the column.
    first = lines.index("content/steps/feel-it.yml:3:1: unknown key 'titel' in a step file. Did you mean 'title'?")
    assert lines[first + 1].startswith("    3 | titel: ") and lines[first + 2] == "      | ^"
    assert "content/steps/feel-it.yml:3:1: unknown key 'titel' in a step file. Did you mean 'title'?" in problems
    assert any(line.startswith("content/guides/keep-going.yml:") for line in problems)


def test_check_names_the_fix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A problem says what to write instead, not only what is wrong."""
    step = project / "content" / "steps" / "feel-it.yml"
    text = step.read_text(encoding="utf-8")
    step.write_text(re.sub(r"applies_to: .*", "applies_to: not-selected", text), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert "Write it as [not-selected] or all." in err


def test_check_finds_a_stale_schema(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON Schema in content/schema/ that no longer matches the model is reported, with the command that fixes it."""
    schema = project / "content" / "schema" / "step.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"title"', '"titel"', 1), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert problem_lines(err) == [
        "content/schema/step.schema.json:1:1: out of date with the model. Run 'afterno schema'."
    ]
    assert run(project, "schema", capsys=capsys)[0] == 0
    assert run(project, "check", capsys=capsys)[0] == 0


def test_new_step_writes_a_skeleton_with_the_schema_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new step ID` writes steps/ID.yml starting with the schema line; only its blanks remain to be filled."""
    code, out, _ = run(project, "new", "step", "call-a-friend", capsys=capsys)
    assert code == 0 and "wrote" in out
    path = project / "content" / "steps" / "call-a-friend.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/step.schema.json\n")
    assert yaml.safe_load(text)["id"] == "call-a-friend"
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    # One message for the untouched skeleton, naming each blank at its own line (why's text is on line 7).
    assert problem_lines(err) == [
        "content/steps/call-a-friend.yml:4:10: this step is still the skeleton that 'afterno new' wrote. Write your "
        "own words in place of the skeleton text in summary (line 4), why (line 7) and how (line 9); then fill in "
        "sources (line 11).",
    ]
    # Filling the blanks the check points at (the texts, a source, a guide) makes it valid.
    for key, instruction in SKELETON_TEXT["step"].items():
        text = text.replace(instruction, f"Call a friend tonight ({key}).")
    path.write_text(text.replace("sources: []", "sources: [bayt-feel-emotions]"), encoding="utf-8")
    guide = project / "content" / "guides" / "first-48-hours.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("steps: [", "steps: [call-a-friend, "), encoding="utf-8")
    assert run(project, "check", capsys=capsys)[:3:2] == (0, "")


@pytest.mark.parametrize(
    ("step_id", "code", "message"),
    [
        ("Call_A_Friend", 2, "'Call_A_Friend' is not a valid id: use lowercase words joined by hyphens"),
        ("feel-it", 1, "feel-it.yml already exists; edit it instead."),
    ],
    ids=["invalid id", "existing step"],
)
def test_new_step_refuses(
    project: Path, capsys: pytest.CaptureFixture[str], step_id: str, code: int, message: str
) -> None:
    """`new step` refuses an invalid id or an existing step, says why, and writes nothing."""
    before = sorted(p.name for p in (project / "content" / "steps").iterdir())
    result, _, err = run(project, "new", "step", step_id, capsys=capsys)
    assert result == code and message in err
    assert sorted(p.name for p in (project / "content" / "steps").iterdir()) == before
    assert (project / "content" / "steps" / "feel-it.yml").read_bytes() == (
        CONTENT / "steps" / "feel-it.yml"
    ).read_bytes()


def test_check_format_github_is_one_annotation_per_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check --format github` prints each problem as a GitHub annotation on stdout, exactly, and nothing else."""
    step = project / "content" / "steps" / "feel-it.yml"
    step.write_text(step.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    guide = project / "content" / "guides" / "keep-going.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(re.sub(r"summary: .*", "summary: " + "Keep going, 100% of the time. " * 6, text), encoding="utf-8")
    code, out, err = run(project, "check", "--format", "github", capsys=capsys)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "::error file=content/guides/keep-going.yml,line=5,col=10::'summary' is 179 characters long; it must be "
        "at most 160. Shorten it.",
        "::error file=content/steps/feel-it.yml,line=3,col=1::unknown key 'titel' in a step file. Did you mean "
        "'title'?",
    ]


def test_github_annotations_escape_what_github_reads_as_syntax() -> None:
    """Percent signs and line breaks in a message, and ':' or ',' in a path, cannot end the annotation early."""
    from afterno.errors import Problem
    from afterno.report import github_lines

    problem = Problem("content/a,b:c.yml", 3, 7, "100% wrong\nsecond line")
    assert github_lines([problem]) == ["::error file=content/a%2Cb%3Ac.yml,line=3,col=7::100%25 wrong%0Asecond line"]


SKELETON_PROBLEMS = {
    "guide": "content/guides/call-a-friend.yml:6:10: this guide is still the skeleton that 'afterno new' wrote. "
    "Write your own words in place of the skeleton text in summary (line 6) and intro (line 8); then fill in "
    "steps (line 9).",
    "situation": "content/situations/call-a-friend.yml:7:10: this situation is still the skeleton that 'afterno "
    "new' wrote. Write your own words in place of the skeleton text in summary (line 7), meaning (line 9) and "
    "what_to_do (line 11); then fill in steps (line 12) and sources (line 13).",
    "template": "content/templates/call-a-friend.yml:5:10: this message template is still the skeleton that "
    "'afterno new' wrote. Write your own words in place of the skeleton text in summary (line 5), when (line 8), "
    "channel (line 9), subject (line 10) and body (line 14); then set step (line 7) to the id of its step, and "
    "fill in sources (line 19).",
}


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("guide", "guides/call-a-friend.yml"),
        ("situation", "situations/call-a-friend.yml"),
        ("template", "templates/call-a-friend.yml"),
    ],
    ids=["guide", "situation", "template"],
)
def test_new_writes_a_skeleton_for_every_kind(
    project: Path, capsys: pytest.CaptureFixture[str], kind: str, path: str
) -> None:
    """`new KIND ID` writes a skeleton with its schema line and the next step; the check then says, in one
    message, that it is still the skeleton and where each blank is."""
    from afterno import model

    code, out, _ = run(project, "new", kind, "call-a-friend", capsys=capsys)
    assert code == 0 and out.splitlines()[0] == f"wrote {project / 'content' / path}"
    assert out.splitlines()[1].startswith("Next: ") and "afterno check" in out
    text = (project / "content" / path).read_text(encoding="utf-8")
    spec = {"guide": model.GUIDE, "situation": model.SITUATION, "template": model.TEMPLATE}[kind]
    assert text.startswith(model.schema_line(spec) + "\n")
    data = yaml.safe_load(text)
    assert data["id"] == "call-a-friend"
    assert {f.name for f in spec.fields if f.required} <= set(data)
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1 and problem_lines(err) == [SKELETON_PROBLEMS[kind]], err


def test_new_item_without_a_step_is_one_problem_until_filled(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new item ID` untouched is one message naming the label and the step; with the label written, the step's
    placeholder id gets its own message, never "'the-step-id' does not exist"."""
    assert run(project, "new", "item", "ring-a-friend", capsys=capsys)[0] == 0
    checklist = project / "content" / "checklist.yml"
    text = checklist.read_text(encoding="utf-8")
    line = text.splitlines().index(f"        label: {SKELETON_TEXT['checklist-item']['label']}") + 1
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1 and problem_lines(err) == [
        f"content/checklist.yml:{line}:16: this checklist item is still the skeleton that 'afterno new' wrote. Write "
        f"your own words in place of the skeleton text in label (line {line}); then set step (line {line + 1}) to "
        "the id of its step."
    ]
    checklist.write_text(text.replace(SKELETON_TEXT["checklist-item"]["label"], "Ring one friend."), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1 and problem_lines(err) == [
        f"content/checklist.yml:{line + 1}:15: 'step' is still the skeleton's 'the-step-id'. Write the id of the step "
        "this belongs to in its place (the file name in content/steps/, without .yml)."
    ]


def test_new_item_adds_to_its_steps_phase(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new item ID --step STEP` adds an item at the end of the step's phase, for the step's situations; once its
    label is written the check passes."""
    code, out, _ = run(project, "new", "item", "ring-a-friend", "--step", "stay-visible", capsys=capsys)
    assert code == 0 and "Next: write the label" in out
    checklist = project / "content" / "checklist.yml"
    data = yaml.safe_load(checklist.read_text(encoding="utf-8"))
    step_phase = yaml.safe_load((project / "content" / "steps" / "stay-visible.yml").read_text(encoding="utf-8"))
    phase = next(entry for entry in data["phases"] if entry["phase"] == step_phase["phase"])
    assert phase["items"][-1] == {
        "id": "ring-a-friend",
        "label": SKELETON_TEXT["checklist-item"]["label"],
        "step": "stay-visible",
        "due": phase["items"][-1]["due"],
        "applies_to": step_phase["applies_to"],
    }
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1 and "'label' is still the skeleton's text. Write your own words in its place." in err
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace(SKELETON_TEXT["checklist-item"]["label"], "Ring one friend."), encoding="utf-8")
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 0, err
    code, _, err = run(project, "new", "item", "ring-a-friend", capsys=capsys)
    assert code == 1 and "already has an item 'ring-a-friend'" in err


def test_new_step_points_at_the_checklist(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The next steps printed after `new step` include giving the step a box on the checklist."""
    _, out, _ = run(project, "new", "step", "call-a-friend", capsys=capsys)
    assert "afterno new item ITEM-ID --step call-a-friend" in out


def test_coverage_table(capsys: pytest.CaptureFixture[str]) -> None:
    """`coverage` lists every source point with the steps using it, then the steps resting on a single source."""
    code, out, _ = run(ROOT, "coverage", capsys=capsys)
    assert code == 0
    content = load_content(CONTENT)
    table, _, single = out.partition("\n\n")
    rows = table.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [p.id for s in content.sources for p in s.points]
    for row in rows:
        point_id, steps = row.split(maxsplit=1)
        assert steps.split(", ") == [step.id for step in content.steps_using(point_id)]
    expected = [s for s in content.steps if len(content.sources_of(s)) == 1]
    assert single.splitlines()[0] == f"steps resting on a single source: {len(expected)} of {len(content.steps)}"
    assert [line.split()[0] for line in single.splitlines()[1:]] == [s.id for s in expected]


def test_console_script_and_make_target() -> None:
    """The `afterno` console script from pyproject.toml runs from the project folder, and `make check` calls it."""
    result = subprocess.run(
        [str(VENV_BIN / "afterno"), "check"], cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content OK:")
    dry = subprocess.run(["make", "-n", "check"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "afterno check" in dry.stdout
