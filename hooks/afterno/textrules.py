"""The rules for text that a JSON Schema cannot state, applied to every text value.

The schemas name them in ``format`` (see ``model.TEXT_RULES``): the checker validates each file
against its schema with these rules as the format checks, so the two never disagree.

Link safety is decided on the Markdown the site would render, not on the text: each value is
escaped as the page templates escape it, parsed by Python-Markdown with the site's extensions,
and every element of the tree is checked. Each rule is linear in the length of the text (which
the schema bounds before any rule runs), and parsing is bounded per file by ``MAX_MARKUP``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any
from xml.etree.ElementTree import Element

import jsonschema
from markupsafe import escape

from .model import PLACEHOLDER_WORDS, SKELETON_WORDS

#: The Markdown extensions of the site (mkdocs.yml's markdown_extensions; a test keeps them equal).
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables", "toc")
#: Python-Markdown makes links, images, reference definitions or HTML attributes only from text that
#: holds one of these (links and attribute lists need a bracket, headings a '#' or a second line,
#: notes '!!!', tables '|'; the page escapes '<' and '&'). Text without them is one plain paragraph,
#: so it is not parsed: tests/test_textrules.py checks this against the parser on generated text.
MARKUP_TRIGGERS = ("[", "{", "#", "|", "!!!", "\n")
#: How many of those one file's text may hold in all: each may cost a parse, and one '[' costs a scan of
#: the rest of its text, so this bounds the parsing of any file. The real files hold a dozen at most.
MAX_MARKUP = 200
#: What each element may carry: anything else comes from attribute lists, headings, notes or tables.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
ALLOWED_SCHEMES = ("https:", "mailto:")

# Possessive quantifiers: "<" followed by half a million spaces is refused in one pass.
RAW_HTML = re.compile(r"<\s*+/?\s*+[a-zA-Z!?]")
#: A plain http:// address, written out or in a link: up to where an address ends.
PLAIN_HTTP = re.compile(r"(?i)(?<![A-Za-z0-9+.-])http://[^\s()<>\[\]\x22\x27`]*+")
SKELETON_MARK = re.compile(re.escape(SKELETON_WORDS), re.IGNORECASE)
PLACEHOLDER_TEXT = re.compile(rf"(?i)\b(?:{'|'.join(PLACEHOLDER_WORDS)})\b|\bXXX\b")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*+:")
ENTITY = re.compile(r"&(?:#[0-9]++|#[xX][0-9a-fA-F]++|[a-zA-Z][a-zA-Z0-9]*+);")
PLACEHOLDER_BRACES = re.compile(r"\{[a-z][a-z0-9_]*+\}")
# Braces that are not a {placeholder_name}: linear, as the class stops at the next brace or line break.
BRACES = re.compile(r"\{(?![a-z][a-z0-9_]*+\})[^{}\n]*+\}")
# What the URL parser of a browser drops: tabs and line breaks anywhere, controls and spaces at the ends.
URL_DROPPED = re.compile(r"[\t\n\r]")
URL_ENDS = "".join(map(chr, range(0x21)))


def markup_count(text: str) -> int:
    """How many Markdown triggers ``text`` holds (what ``MAX_MARKUP`` counts)."""
    return sum(text.count(trigger) for trigger in MARKUP_TRIGGERS)


def line_problem(text: str) -> str | None:
    """What is wrong with a one-line text value (the words after its key), or None."""
    return _one_line(text) or text_problem(text)


def message_line_problem(text: str) -> str | None:
    """What is wrong with one line of a message template, or None."""
    return _one_line(text) or message_problem(text)


def _one_line(text: str) -> str | None:
    if "\n" in text.strip():
        return "must be one line; found a line break. Join the lines into one."
    return None


def text_problem(text: str) -> str | None:
    """What is wrong with a text value (the words after its key), or None if it keeps every rule."""
    return (
        _plain_text_problem(text) or _bullet_problem(text) or _spaced_url_problem(text) or markup_problem(text.strip())
    )


#: A link to another site whose address has a space in it (not a title after it): Markdown shows it as text.
SPACED_URL = re.compile(r"\]\(\s*+((?:https|mailto):[^)\s]*+(?:[ \t]++(?![\x22'(])[^)\s]++)++)\)", re.IGNORECASE)


def _spaced_url_problem(text: str) -> str | None:
    """A link whose address has a space, which the page would show as plain text, not as a link."""
    spaced = SPACED_URL.search(text)
    if spaced is None:
        return None
    address = spaced.group(1)
    fixed = re.sub(r"[ \t]+", "%20", address)
    return (
        f"links to '{address[:60]}', which has a space in it, so the page shows the link as plain text. "
        f"Write %20 in place of each space: {fixed[:80]}"
    )


#: A line of a paragraph that Markdown would turn into a bullet: '- ', '* ' or '+ ' at its start.
BULLET_LINE = re.compile(r"\n[ \t]*+([-*+][ \t])")


def _bullet_problem(text: str) -> str | None:
    """A paragraph field with a line starting '- ', which the page would show as a bulleted list."""
    bullet = BULLET_LINE.search(text.strip())
    if bullet is None:
        return None
    return (
        f"has a line starting with '{bullet.group(1).strip()} ', which the page would show as a bulleted list "
        "inside this paragraph. Write it as sentences, or make each point its own line under 'how:'."
    )


def message_problem(text: str) -> str | None:
    """What is wrong with a message (shown as written, never as Markdown), or None."""
    problem = _plain_text_problem(text)
    if problem:
        return problem
    braces = BRACES.search(text)
    if braces:
        return (
            f"contains '{braces.group(0)[:40]}'; only {{placeholder_name}} may stand in braces in a message. "
            "Remove the braces, or name the placeholder in lowercase_with_underscores."
        )
    return None


#: The message for a text that still holds the instruction a skeleton of ``afterno new`` put there.
SKELETON_PROBLEM = "is still the skeleton's text. Write your own words in its place."


def _plain_text_problem(text: str) -> str | None:
    """The rules for every text: written, with no HTML and no placeholder words."""
    finding = _plain_text_finding(text)
    return None if finding is None else finding[0]


def _plain_text_finding(text: str) -> tuple[str, int] | None:
    """What ``_plain_text_problem`` says of ``text``, and where in it the problem starts."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return "is empty; write the text.", 0
    found = RAW_HTML.search(text)
    if found:
        message = (
            f"contains raw HTML ('{text[found.start() : found.start() + 12]}'); HTML is not allowed in content. "
            "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<')."
        )
        return message, lead + found.start()
    plain = PLAIN_HTTP.search(text)
    if plain:
        return http_problem(plain.group(0)), lead + plain.start()
    skeleton = SKELETON_MARK.search(text)
    if skeleton:
        return SKELETON_PROBLEM, lead + skeleton.start()
    filler = PLACEHOLDER_TEXT.search(text)
    if filler:
        message = (
            f"contains the placeholder word '{filler.group(0)}'. "
            "Write the real text, or leave the item out until it is ready."
        )
        return message, lead + filler.start()
    curly = _curly_quoted(text)
    if curly:
        return curly, lead
    return None


#: Curly quote marks a word processor types, which YAML reads as part of the text.
_CURLY_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))


def _curly_quoted(text: str) -> str | None:
    """A hint for a whole text wrapped in curly quotes, as if they were YAML's quotes (they show on the page)."""
    for opening, closing in _CURLY_PAIRS:
        inside = text[1:-1]
        if len(text) > 2 and text[0] == opening and text[-1] == closing and opening not in inside:
            return (
                f"is wrapped in curly quotes {opening}…{closing}, which are not YAML's quote marks (those are "
                f'straight: "..."), so they stay in the text and show on the page. Leave them out: {inside}'
            )
    return None


#: A Markdown link's address, as ``](address``.
_LINK_ADDRESS = re.compile(r"\]\(\s*+([^)\s]++)")


def problem_offset(rule: str, text: str) -> int:
    """Where in ``text`` the problem that the format ``rule`` finds starts, so a message can point at it.

    0 (the start of the text) when the problem is about the text as a whole, or its place is not known.
    """
    if rule in ("afterno-line", "afterno-message-line") and "\n" in text.strip():
        return text.index("\n", len(text) - len(text.lstrip()))
    finding = _plain_text_finding(text)
    if finding is not None:
        return finding[1]
    bullet = BULLET_LINE.search(text) if rule == "afterno-text" else None
    if bullet is not None:
        return bullet.start(1)
    spaced = SPACED_URL.search(text) if rule in ("afterno-text", "afterno-line") else None
    if spaced is not None:
        return spaced.start(1)
    if rule.startswith("afterno-message"):
        braces = BRACES.search(text)
        return braces.start() if braces else 0
    for link in _LINK_ADDRESS.finditer(text):
        if _url_problem("a", link.group(1)) is not None:
            return link.start(1)
    return max(text.find("{"), 0)


def http_problem(address: str, whole: bool = False) -> str:
    """The message for a plain ``http://`` address in a text (or, ``whole``, as the value of an address field)."""
    rest = address[len("http://") :]
    rest = rest if len(rest) <= 50 else rest[:49] + "…"
    what, allowed = ("is", "https:// addresses") if whole else ("contains", "https:// and mailto: links")
    return (
        f"{what} the address 'http://{rest}', which is not https: only {allowed} are allowed. "
        "Write https:// in place of http://."
    )


def date_problem(text: str) -> str | None:
    """Whether a YYYY-MM-DD text is a real day of the calendar."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return f"is not a real date: {text}. Check the month and day."
    return None


class _KeepTree:
    """A tree processor that keeps the finished element tree, after every other one has run."""

    root: Element | None = None

    def run(self, root: Element) -> None:
        self.root = root


@cache
def _parser() -> tuple[Any, _KeepTree]:
    # Imported on first use: most runs of `afterno check` meet no text with markup characters.
    import markdown

    parser = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    keeper = _KeepTree()
    parser.treeprocessors.register(keeper, "afterno-keep-tree", -1000)
    return parser, keeper


def parse(text: str) -> tuple[Element, dict[str, tuple[str, str | None]]]:
    """The element tree the site makes of ``text`` (escaped, as the page templates do), and its link references."""
    parser, keeper = _parser()
    parser.reset()
    keeper.root = None
    parser.convert(str(escape(text)))
    # Python-Markdown skips its tree processors for blank text: then there is no tree.
    return keeper.root if keeper.root is not None else Element("div"), dict(parser.references)


def markup_problem(text: str) -> str | None:
    """What the Markdown of ``text`` would put on the page that content may not: a bad link, image or attribute."""
    if not any(trigger in text for trigger in MARKUP_TRIGGERS):
        return None
    root, references = parse(text)
    for element in root.iter():
        for attribute, value in element.items():
            problem = _attribute_problem(element.tag, attribute, value, text)
            if problem:
                return problem
    for url, _title in references.values():
        problem = _url_problem("a", url)
        if problem:
            return problem
    return None


def _attribute_problem(tag: str, attribute: str, value: str, text: str) -> str | None:
    if attribute in ALLOWED_ATTRIBUTES.get(tag, ()):
        return _url_problem(tag, value) if attribute in ("href", "src") else None
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return (
            "would become a heading on the page (a line that starts with '#', or text underlined with === or ---). "
            "Write it as a plain sentence."
        )
    if "{" in text:
        braces = [match.group(0) for match in re.finditer(r"\{[^{}\n]{0,40}\}?", text)]
        shown = next((group for group in braces if not PLACEHOLDER_BRACES.fullmatch(group)), braces[0])
        return (
            f"contains '{shown}'; Markdown would turn text in braces into HTML attributes. "
            "Remove the braces (only {placeholder_name} is allowed, in message templates)."
        )
    return (
        f"would add the HTML attribute '{attribute}' to the page (Markdown such as a '!!! note' line or an aligned "
        "table does). Write plain text."
    )


def browser_url(value: str) -> str:
    """An href or src from the element tree as a browser reads it: entities decoded, tabs and line breaks gone."""
    return URL_DROPPED.sub("", html.unescape(value)).strip(URL_ENDS)


def _url_problem(tag: str, value: str) -> str | None:
    url = browser_url(value)
    scheme = SCHEME.match(url)
    other_host = url.startswith(("//", "\\", "/\\"))
    shown = url[:40]
    if tag == "img" and (scheme or other_host):
        return f"shows an image from another site ('{shown}'); images may only come from this site."
    if scheme:
        word = scheme.group(0)[:-1].lower()
        if word in ("javascript", "vbscript", "data"):
            return (
                f"contains a {word}: link, which is not allowed. "
                "Link only to https:// addresses or to pages of this site."
            )
        if word == "http":
            return http_problem(url)
        if scheme.group(0).lower() not in ALLOWED_SCHEMES:
            return f"links to '{shown}'; only https:// and mailto: links are allowed."
    elif other_host:
        return f"links to '{shown}', another site without https:. Write the address out in full, with https://."
    elif ENTITY.search(url):
        # An entity can hide a scheme (&#106;avascript:); addresses never need one.
        return f"links to '{shown}', which contains an HTML entity. Write the address out in plain characters."
    return None


#: Each format the schemas use, and the rule behind it: the text after the field's name, or None.
FORMAT_RULES: dict[str, Callable[[str], str | None]] = {
    "afterno-line": line_problem,
    "afterno-text": text_problem,
    "afterno-message-line": message_line_problem,
    "afterno-message": message_problem,
    "date": date_problem,
}


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    for name, rule in FORMAT_RULES.items():

        def check(instance: Any, rule: Callable[[str], str | None] = rule) -> bool:
            return not isinstance(instance, str) or rule(instance) is None

        checker.checks(name)(check)
    return checker


#: The format checks for validating content with jsonschema's own validator and the published schemas.
FORMAT_CHECKER = _format_checker()


def link_scheme_finding(text: str) -> tuple[str, int] | None:
    """The first link of ``text`` that the rules refuse (http:, javascript:, another host...), and where it is.

    The link rules alone, for translations: their words may hold what an English rule would refuse ('todo').
    """
    plain = PLAIN_HTTP.search(text)
    if plain:
        return http_problem(plain.group(0)), plain.start()
    if not any(trigger in text for trigger in MARKUP_TRIGGERS):
        return None
    root, references = parse(text)
    urls = [value for element in root.iter() for name, value in element.items() if name in ("href", "src")]
    tags = [element.tag for element in root.iter() for name, _ in element.items() if name in ("href", "src")]
    for tag, url in [*zip(tags, urls, strict=True), *(("a", url) for url, _title in references.values())]:
        problem = _url_problem(tag, url)
        if problem:
            link = next((m for m in _LINK_ADDRESS.finditer(text) if _url_problem(tag, m.group(1))), None)
            return problem, link.start(1) if link else 0
    return None
