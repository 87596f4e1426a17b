"""Skeleton content files for ``afterno new``, and the instruction texts the checker refuses unchanged.

Each skeleton starts with its kind's schema line, holds every required key, and puts an instruction
where the contributor's words belong. The instructions are listed once, in ``SKELETON_TEXT``, and each
holds the words ``model.SKELETON_WORDS``: the checker refuses any text that still holds them, so a
skeleton never reaches the site untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .model import GUIDE, SITUATION, SKELETON_ID, SKELETON_WORDS, STEP, TEMPLATE, schema_line


def _instruction(what: str) -> str:
    """An instruction of a skeleton: the words the checker recognises (``model.SKELETON_WORDS``), then what to write."""
    return f"{SKELETON_WORDS.capitalize()} with {what}"


#: The instruction texts of the skeletons, by kind and key. Each holds ``model.SKELETON_WORDS``: the checker
#: refuses any text that still does, so no instruction reaches the site, left whole or half edited.
SKELETON_TEXT: dict[str, dict[str, str]] = {
    "step": {
        "summary": _instruction("one sentence on what the reader does and why (at most 160 characters)."),
        "why": _instruction("two to four short sentences on why this step helps."),
        "how": _instruction("one concrete action per line."),
    },
    "guide": {
        "summary": _instruction("one sentence on what this guide helps the reader do (at most 160 characters)."),
        "intro": _instruction("two to four short sentences on who the guide is for and what they will do."),
    },
    "situation": {
        "summary": _instruction("one sentence on what this situation is and what to do next (at most 160 characters)."),
        "meaning": _instruction("what this usually means for the reader, in plain words."),
        "what_to_do": _instruction("two or three sentences on what to do about it."),
    },
    "template": {
        "summary": _instruction("one sentence on what this message does (at most 160 characters)."),
        "when": _instruction("when to send it."),
        "channel": _instruction("how to send it, usually the way they got in touch."),
        "subject": _instruction("the subject line"),
        "body": _instruction("the message, in short paragraphs."),
    },
    "checklist-item": {
        "label": _instruction("one line the reader can tick off (at most 140 characters)."),
    },
}

#: The word after ``afterno new`` (and ``afterno rename``) for each kind.
KIND_WORDS = ("step", "guide", "situation", "template", "item")


@dataclass(frozen=True)
class Written:
    """What ``afterno new`` did: the file it wrote or changed, and what the contributor does next."""

    path: Path
    next_steps: str


class ScaffoldError(Exception):
    """The skeleton cannot be written (the id is taken, a file is missing); the message says what to do."""


def title_of(item_id: str) -> str:
    """A first title made from an id: ``call-a-friend`` -> ``Call a friend``."""
    return item_id.replace("-", " ").capitalize()


def _read(path: Path) -> Any:
    """A content file's data, or None when it cannot be read (the checker reports why)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _next_order(folder: Path) -> int:
    orders = [data.get("order") for path in folder.glob("*.yml") if isinstance(data := _read(path), dict)]
    return max([order for order in orders if isinstance(order, int)], default=0) + 1


def _new_file(path: Path, text: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; edit it instead.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def new_step(root: Path, step_id: str) -> Written:
    """Write ``steps/ID.yml``."""
    text = SKELETON_TEXT["step"]
    path = root / "steps" / f"{step_id}.yml"
    _new_file(
        path,
        f"""{schema_line(STEP)}
id: {step_id}
title: {title_of(step_id)}
summary: {text["summary"]}
phase: first-week
why: >-
  {text["why"]}
how:
  - {text["how"]}
applies_to: all
sources: []
""",
    )
    return Written(
        path,
        "Next: write the summary, why and how in your own words; list the source points it rests on under "
        f"'sources'; add {step_id} to the steps of a guide in content/guides/; give it a box on the checklist "
        f"with 'afterno new item ITEM-ID --step {step_id}'; then run 'afterno check'.",
    )


def new_guide(root: Path, guide_id: str) -> Written:
    """Write ``guides/ID.yml``, ordered after the other guides."""
    text = SKELETON_TEXT["guide"]
    path = root / "guides" / f"{guide_id}.yml"
    _new_file(
        path,
        f"""{schema_line(GUIDE)}
id: {guide_id}
order: {_next_order(root / "guides")}
title: {title_of(guide_id)}
reviewed: "{date.today().isoformat()}"
summary: {text["summary"]}
intro: >-
  {text["intro"]}
steps: []
""",
    )
    return Written(
        path,
        "Next: write the summary and intro in your own words; list the ids of its steps under 'steps', in "
        "reading order (a new step: 'afterno new step STEP-ID'); then run 'afterno check'. "
        f"Its page will be /guides/{guide_id}/.",
    )


def new_situation(root: Path, situation_id: str) -> Written:
    """Write ``situations/ID.yml``, ordered after the other situations."""
    text = SKELETON_TEXT["situation"]
    path = root / "situations" / f"{situation_id}.yml"
    _new_file(
        path,
        f"""{schema_line(SITUATION)}
id: {situation_id}
order: {_next_order(root / "situations")}
# kind: phrase (the words they used; then add phrase: with those words), silence or stage.
kind: stage
title: {title_of(situation_id)}
summary: {text["summary"]}
meaning: >-
  {text["meaning"]}
what_to_do: >-
  {text["what_to_do"]}
steps: []
sources: []
""",
    )
    return Written(
        path,
        "Next: set 'kind' and write the summary, meaning and what_to_do in your own words; list its key steps "
        f"under 'steps' and add {situation_id} to each of those steps' applies_to (unless it is all); list the "
        "source points under 'sources'; add it to the applies_to of the checklist items in content/checklist.yml "
        "that fit it; then run 'afterno check'.",
    )


def new_template(root: Path, template_id: str) -> Written:
    """Write ``templates/ID.yml``, ordered after the other templates."""
    text = SKELETON_TEXT["template"]
    path = root / "templates" / f"{template_id}.yml"
    _new_file(
        path,
        f"""{schema_line(TEMPLATE)}
id: {template_id}
order: {_next_order(root / "templates")}
title: {title_of(template_id)}
summary: {text["summary"]}
# step: the id of the step this message belongs to (see content/steps/).
step: {SKELETON_ID}
when: {text["when"]}
channel: {text["channel"]}
subject: {text["subject"]}
body: |-
  Dear {{their_name}},

  {text["body"]}
placeholders:
  - name: their_name
    label: Their name
    example: Alex Morgan
sources: []
""",
    )
    return Written(
        path,
        "Next: set 'step' to the step it belongs to; write the subject and body, with a {name} in braces for "
        "each blank the reader fills in, and declare each under 'placeholders'; list the source points under "
        "'sources'; then run 'afterno check'.",
    )


_PHASE_ENTRY = re.compile(r"^(?P<indent> *)- phase: *(?P<id>[a-z0-9-]+) *$", re.MULTILINE)
_ITEM_ENTRY = re.compile(r"^(?P<indent> *)- id: ", re.MULTILINE)


def new_item(root: Path, item_id: str, step_id: str | None = None, phase_id: str | None = None) -> Written:
    """Add a checklist item to ``checklist.yml``, at the end of its phase's items.

    The phase is ``phase_id``, else the step's phase, else the checklist's first; it is due on the
    phase's first day and applies to the step's situations.
    """
    path = root / "checklist.yml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ScaffoldError(f"{path} cannot be read; the checklist items live there.") from None
    if re.search(rf"^ *- id: *{re.escape(item_id)} *$", text, re.MULTILINE):
        raise ScaffoldError(f"the checklist already has an item '{item_id}'; edit it in {path} instead.")
    step = _read(root / "steps" / f"{step_id}.yml") if step_id else None
    entries = list(_PHASE_ENTRY.finditer(text))
    if not entries:
        raise ScaffoldError(f"{path} lists no phases ('  - phase: ID'); fix it, then try again.")
    wanted = phase_id or (step.get("phase") if isinstance(step, dict) else None) or entries[0].group("id")
    index = next((i for i, entry in enumerate(entries) if entry.group("id") == wanted), None)
    if index is None:
        listed = ", ".join(entry.group("id") for entry in entries)
        raise ScaffoldError(f"the checklist has no phase '{wanted}'; use one of: {listed}.")
    start = entries[index].end()
    end = entries[index + 1].start() if index + 1 < len(entries) else len(text)
    block = text[start:end].rstrip("\n")
    item = _ITEM_ENTRY.search(block)
    indent = item.group("indent") if item else entries[index].group("indent") + "    "
    phases = _read(root / "phases.yml")
    due = next(
        (
            p.get("from_day")
            for p in (phases or {}).get("phases", []) or []
            if isinstance(p, dict) and p.get("id") == wanted
        ),
        0,
    )
    applies = step.get("applies_to") if isinstance(step, dict) else None
    # The item may apply to no more situations than its step does.
    applies_to = f"[{', '.join(map(str, applies))}]" if isinstance(applies, list) else "all"
    lines = [
        f"{indent}- id: {item_id}",
        f"{indent}  label: {SKELETON_TEXT['checklist-item']['label']}",
        f"{indent}  step: {step_id or SKELETON_ID}",
        f"{indent}  due: {due}",
        f"{indent}  applies_to: {applies_to}",
    ]
    cut = start + len(block)
    path.write_text(text[:cut] + "\n" + "\n".join(lines) + text[cut:], encoding="utf-8", newline="\n")
    return Written(
        path,
        f"Next: write the label of '{item_id}' (phase {wanted}) in content/checklist.yml"
        + ("" if step_id else ", set 'step' to the step it comes from")
        + "; check 'due' (days after the rejection, inside the phase's days) and 'applies_to'; "
        "then run 'afterno check'.",
    )
