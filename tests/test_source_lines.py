"""Each step's "Drawn from" line names its sources as a reader would recognise them, in every language: no
"untitled article", no first name standing alone, and no English "blog" inside a Spanish or German line."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

#: Per language: the words that open the line, the word before the last name, and the "untitled" words.
LINES = {
    "": ("Drawn from", "and", "untitled"),
    "es/": ("Basado en", "y", "sin título"),
    "de/": ("Beruht auf", "und", "ohne Titel"),
}
#: The words that may stand before "blog" in each language's own grammar ("el blog de ...", "dem Blog ...").
BLOG_DETERMINERS = {"es/": {"el", "del", "al", "un", "su"}, "de/": {"dem", "im", "vom", "einem", "ein", "das", "den"}}
META = re.compile(r'<p class="atn-step__meta">(.*?)</p>', re.S)


def source_names(site: Path, prefix: str) -> dict[str, list[str]]:
    """Every source name in a "Drawn from" line of the language's built pages, by the page they are on."""
    opening, last_and, _ = LINES[prefix]
    found: dict[str, list[str]] = {}
    other = tuple(p for p in LINES if p) if not prefix else ()
    for page in sorted((site / prefix).rglob("index.html") if prefix else site.rglob("index.html")):
        shown = str(page.relative_to(site))
        if any(shown.startswith(p) for p in other):
            continue
        for meta in META.findall(page.read_text(encoding="utf-8")):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", meta))
            assert f" · {opening} " in text, f"{shown}: a step's line without '{opening}': {text!r}"
            names = text.split(f" · {opening} ", 1)[1]
            found.setdefault(shown, []).extend(re.split(rf", | {last_and} ", names))
    return found


@pytest.mark.parametrize("prefix", LINES, ids=["en", "es", "de"])
def test_every_source_line_names_its_sources_as_a_reader_would_know_them(site: Path, prefix: str) -> None:
    """No "untitled", no bare first name (a name of one word), no English "blog" word order in es/de."""
    untitled = LINES[prefix][2]
    pages = source_names(site, prefix)
    assert len(pages) >= 5, f"only {len(pages)} pages with a 'Drawn from' line in /{prefix}"
    problems = []
    for page, names in pages.items():
        for name in names:
            words = name.split()
            if untitled in name.lower() or len(words) < 2:
                problems.append(f"{page}: {name!r}")
            determiners = BLOG_DETERMINERS.get(prefix, set())
            for i, word in enumerate(words):
                if prefix and word.lower() == "blog" and (i == 0 or words[i - 1].lower() not in determiners):
                    problems.append(f"{page}: English 'blog' in {name!r}")
    assert not problems, "\n".join(problems)


#: Proper names of the sources, as they are spelled: the advice's prose names them too ("the Industry in Motion blog").
PROPER_NAMES = ("Industry in Motion", "Monique Lees", "Oluwanifemi Ayanleke", "Jasmin", "Bayt")
CONTENT = Path(__file__).resolve().parent.parent / "content"


@pytest.mark.parametrize("name", PROPER_NAMES)
def test_the_advice_spells_each_source_name_as_published(name: str) -> None:
    """Wherever a step, guide or situation names a source, in any language, it is spelled as the source spells it
    (the English prose said "the industry in motion blog")."""
    wrong = []
    # Ids (jasmin, bayt-feel-emotions) and addresses (https://bayt.com/...) are not names a reader sees.
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
    for path in sorted(CONTENT.rglob("*.yml")):
        lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not re.match(r"\s*-?\s*id:", line))
        text = re.sub(r"\s+", " ", re.sub(r"https?://\S+", "", " ".join(lines)))
        wrong += [f"{path.relative_to(CONTENT)}: {m}" for m in pattern.findall(text) if m != name]
    assert not wrong, "\n".join(wrong)
