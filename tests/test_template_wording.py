"""Every message template reads correctly once filled, in every language, with the names a reader types.

A reader types "Frau Schmidt" (as the German example suggests) or a full name, and a company with its legal
form ("Beispiel GmbH"). The message must then need no edit: no "Sehr geehrte/r", no "Estimado/a", no
German construction that needs the company's article ("die Arbeit von Beispiel GmbH", "dass Beispiel GmbH ..."),
no English "a" before a vowel.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import CONTENT
from helpers import MESSAGE_MISTAKES as BAD
from helpers import MESSAGE_OWN_BOXES as OWN
from helpers import MESSAGE_READERS as READERS


def template_files(code: str) -> list[Path]:
    """The English template files, or one language's translations of them."""
    folder = CONTENT / "templates" if code == "en" else CONTENT / "translations" / code / "templates"
    return sorted(folder.glob("*.yml"))


def filled(text: str, values: dict[str, str]) -> str:
    """The text with every {placeholder} replaced by what the reader typed."""
    return re.sub(r"\{([a-z_]+)\}", lambda match: values[match.group(1)], text)


CASES = [(code, path) for code in READERS for path in template_files(code)]


@pytest.mark.parametrize(("code", "path"), CASES, ids=[str(path.relative_to(CONTENT)) for _, path in CASES])
def test_filled_message_reads_correctly(code: str, path: Path) -> None:
    """A filled subject and body have no slash forms, gendered greetings or article-dependent company phrases."""
    message = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for reader in READERS[code]:
        values = {**OWN[code], **reader}
        for field in ("subject", "body"):
            text = filled(message.get(field, ""), values)
            for pattern in BAD["all"] + BAD[code]:
                rule = pattern.replace("{company}", re.escape(values["company"]))
                found += [f"{field}: {match.group(0)!r} ({rule})" for match in re.finditer(rule, text, re.M)]
    assert not found, f"{path}: {found}"


def test_every_language_has_templates() -> None:
    """The cases above really cover five messages in each language (a moved folder would skip them)."""
    assert {code: len(template_files(code)) for code in READERS} == {"en": 5, "de": 5, "es": 5}
