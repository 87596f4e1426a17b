"""Print the lines of requirements.lock (versions and hashes) for the packages `afterno check` needs.

CI's first job runs the checker alone, before the minutes of installs the tests need: it installs
only these packages, still pinned and hash-checked, and runs the checker from hooks/ without
installing the project. tests/test_workflows.py proves the checker imports nothing else.

    python .ci/checker_requirements.py > checker-requirements.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: The distributions `afterno check` imports: PyYAML, jsonschema (the rule book's schemas) and its own
#: dependencies, Markdown (text rules read the parsed text), Jinja2 (the command line shares modules with the
#: renderer) and MarkupSafe.
PACKAGES = (
    "pyyaml",
    "jsonschema",
    "jsonschema-specifications",
    "referencing",
    "rpds-py",
    "attrs",
    "typing-extensions",
    "idna",
    "markdown",
    "jinja2",
    "markupsafe",
)
LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"


def requirement_lines(packages: tuple[str, ...] = PACKAGES, lock: Path = LOCK) -> list[str]:
    """The ``name==version`` line and its ``--hash`` lines for each package, as in the lock file."""
    lines: list[str] = []
    taking = False
    for line in lock.read_text(encoding="utf-8").splitlines():
        start = re.match(r"^([A-Za-z0-9_.-]+)==", line)
        if start:
            taking = start.group(1).lower() in packages
        elif not line.startswith(" "):
            taking = False
        if taking and not line.lstrip().startswith("#"):
            lines.append(line)
    found = {m.group(1).lower() for line in lines if (m := re.match(r"^([A-Za-z0-9_.-]+)==", line))}
    missing = set(packages) - found
    if missing:
        raise SystemExit(f"requirements.lock has no {', '.join(sorted(missing))}")
    return lines


if __name__ == "__main__":
    sys.stdout.write("\n".join(requirement_lines()) + "\n")
