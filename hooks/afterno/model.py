"""The content model: what each kind of content file holds, and the objects built from it.

The field specifications here are the single description of the content. Validation,
the JSON Schemas for editors and the contributors' field reference are all made from them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

FieldType = Literal[
    "id",  # a lowercase-hyphenated slug
    "line",  # one line of text
    "text",  # a paragraph of text (inline Markdown allowed)
    "lines",  # a list of one-line texts
    "int",  # a whole number
    "bool",  # true or false
    "url",  # an https:// address
    "date",  # YYYY-MM-DD
    "ref",  # the id of another item
    "refs",  # a list of ids of other items
    "ids",  # a list of ids this item once had (no target: they name nothing else)
    "applies",  # the word all, or a list of situation ids
    "choice",  # one of a fixed set of words
    "name",  # a placeholder name: lowercase_with_underscores
    "items",  # a list of nested mappings
    "email",  # an email address
    "language",  # a language tag (BCP 47): en, es, pt-BR
]


@dataclass(frozen=True)
class FieldSpec:
    """One key a content file may (or must) have."""

    name: str
    type: FieldType
    description: str
    required: bool = True
    nullable: bool = False
    target: str | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    item: KindSpec | None = None
    minimum: int | None = None
    example: str = ""
    #: False for text shown as written (message templates), which the site never reads as Markdown.
    markdown: bool = True

    @property
    def limit(self) -> int | None:
        """The most characters the value (or each line of it) may hold: its own maximum or its type's."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)


@dataclass(frozen=True)
class KindSpec:
    """One kind of content file (or of mapping nested in one)."""

    name: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    pattern: str = ""
    one_per_file: bool = False
    #: The folder, from the project root, that ``pattern`` is relative to.
    folder: str = "content"


#: How messages and the field reference name each type.
TYPE_WORDS: dict[str, str] = {
    "id": "an id (lowercase words joined by hyphens)",
    "line": "one line of text",
    "text": "text",
    "lines": "a list of text lines",
    "int": "a whole number",
    "bool": "true or false",
    "url": "an https:// address",
    "date": "a date written YYYY-MM-DD",
    "ref": "an id",
    "refs": "a list of ids",
    "ids": "a list of ids",
    "applies": "the word all or a list of situation ids",
    "choice": "one of the allowed words",
    "name": "a name in lowercase_with_underscores",
    "items": "a list of entries",
    "email": "an email address",
    "language": "a language tag such as en, es or pt-BR (BCP 47)",
}

#: What a missing key of each type could look like, for "Add it: key: ..." hints.
TYPE_EXAMPLES: dict[str, str] = {
    "refs": "[an-id, another-id]",
    "ids": "[an-old-id]",
    "applies": "all",
    "lines": '["First line.", "Second line."]',
    "items": "then one entry per line, each starting with '  - '",
    "int": "1",
    "bool": "true",
    "url": "https://example.org/article",
    "date": "2016-12-13",
    "email": "careers@example.edu",
    "language": "en",
}

# --- The rules, written once: the JSON Schema states them and the checker validates against it. ---
# Patterns are ECMA-262 and Python alike and never backtrack more than linearly. "(?![\s\S])" is the
# end of the text in both (a "$" would let a final line break through in Python).
END = r"(?![\s\S])"
SLUG_PATTERN = rf"^[a-z0-9]+(?:-[a-z0-9]+)*{END}"
NAME_PATTERN = rf"^[a-z][a-z0-9_]*{END}"
DATE_PATTERN = rf"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{END}"
URL_PATTERN = rf"^https://[^\s<>\x22\x27`\\]+{END}"
ALL_PATTERN = rf"^all{END}"
#: A language tag (BCP 47, RFC 5646) as HTML's lang attribute takes it, in any case: a language of two or three
#: letters, then optionally a script (Latn), a region (GB, 419) and variants (valencia, 1996).
LANGUAGE_TAG_PATTERN = (
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    rf"{END}"
)
#: An email address as people write it: a local part, @, and a domain with at least one dot.
EMAIL_PATTERN = rf"^[^@\s<>()\[\]\\,;:\x22\x27`]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+{END}"
MAX_ID_LENGTH = 60
MAX_NUMBER = 100_000
#: The longest value of each text type when a field sets no maximum of its own. Every text has a
#: length limit, checked before any pattern looks at it.
DEFAULT_MAX_LENGTH: dict[str, int] = {"line": 240, "lines": 240, "text": 1200, "url": 500, "email": 254, "language": 35}
#: Rules a JSON Schema cannot state, by the name the schemas give them in "format"; the checker
#: (afterno.textrules) applies them to every value of these types, and so does its schema validation.
TEXT_RULES: dict[str, str] = {
    "afterno-line": "One line of text: not blank, no line break, no placeholder words such as TODO, and "
    "Markdown that makes only https:, mailto: or same-site links, no images from elsewhere, no HTML and "
    "no HTML attributes.",
    "afterno-text": "Text: not blank, no placeholder words such as TODO, and Markdown that makes only https:, "
    "mailto: or same-site links, no images from elsewhere, no HTML and no HTML attributes.",
    "afterno-message-line": "One line of a message, shown as written: not blank, no line break, no placeholder "
    "words such as TODO, no HTML, and braces only around a {placeholder_name}.",
    "afterno-message": "A message, shown as written: not blank, no placeholder words such as TODO, no HTML, "
    "and braces only around a {placeholder_name}.",
}


def text_format(spec: FieldSpec) -> str:
    """The name of the rules (a schema "format") a text field's values keep."""
    one_line = spec.type in ("line", "lines")
    if spec.markdown:
        return "afterno-line" if one_line else "afterno-text"
    return "afterno-message-line" if one_line else "afterno-message"


#: A {placeholder} in a message template's subject or body.
TEMPLATE_FIELD = re.compile(r"\{([^{}]*+)\}")
#: Words that mark unfinished text.
PLACEHOLDER_WORDS = ("todo", "tbd", "fixme", "lorem", "ipsum")
#: Every instruction that ``afterno new`` writes in a skeleton holds these words; the checker refuses any
#: text that still holds them, so a skeleton never reaches the site untouched, even half edited.
SKELETON_WORDS = "replace this skeleton text"
#: The id a skeleton of ``afterno new`` writes where the contributor names the step an item belongs to.
SKELETON_ID = "the-step-id"


SUMMARY_MAX = 160
TITLE_MAX = 80
#: A source's short name sits in a list of up to five in one line under each step.
SHORT_NAME_MAX = 70
LABEL_MAX = 140
SKIP_NOTE_MAX = 60

_summary = FieldSpec(
    "summary",
    "line",
    f"One sentence, at most {SUMMARY_MAX} characters. It becomes the page's meta description "
    "and the preview text in search results.",
    max_length=SUMMARY_MAX,
)
_order = FieldSpec("order", "int", "Position in lists and navigation: 1 comes first.", minimum=1)


def _id(what: str, example: str) -> FieldSpec:
    return FieldSpec(
        "id",
        "id",
        f"The {what}'s stable id: lowercase words joined by hyphens, the same as the file name. "
        "It is part of public links: never change it once published.",
        example=example,
    )


def _replaces(what: str) -> FieldSpec:
    return FieldSpec(
        "replaces",
        "ids",
        f"Old ids of this {what}, kept when it was renamed (afterno rename {what} OLD NEW writes them): "
        "links, anchors and readers' saved answers under an old id still land on it. Never remove one.",
        required=False,
        example="[an-old-id]",
    )


def _sources(what: str) -> FieldSpec:
    return FieldSpec(
        "sources",
        "refs",
        f"The ids of the source points this {what} rests on (see content/sources/).",
        target="point",
    )


def _keywords(what: str, example: str = "ghosted, no reply, turned down", where: str = "") -> FieldSpec:
    where = where or f"the page that shows this {what}"
    return FieldSpec(
        "keywords",
        "lines",
        f"Words a reader might type into the site's search to find this {what}, as they would type them "
        f"(e.g. {example}). Give each form people use (rejected, rejection) and common misspellings: search "
        f"matches the start of a word, not its other forms. They join the search index of {where}; readers do "
        "not see them.",
        required=False,
    )


POINT = KindSpec(
    "point",
    "Source point",
    "One distinct piece of advice an article gives, paraphrased in our own words.",
    (
        FieldSpec(
            "id",
            "id",
            "A stable id, starting with the source's prefix (e.g. lees-).",
            example="lees-not-personal",
        ),
        FieldSpec("text", "line", "One-line paraphrase of the point, in our own words.", max_length=240),
    ),
)

SOURCE = KindSpec(
    "source",
    "Source",
    "An article the advice comes from, and every distinct point it makes.",
    (
        _id("source", "monique-lees"),
        FieldSpec(
            "title", "line", "The article's full title, as it was published, or null when it has none.", nullable=True
        ),
        FieldSpec(
            "label",
            "line",
            "How to refer to the article when its title is null, e.g. 'Untitled: on rejection'.",
            required=False,
            max_length=TITLE_MAX,
        ),
        FieldSpec(
            "short_name",
            "line",
            "How a guide's 'Drawn from' line names the article, as a reader would recognise it: the publication "
            "and, where known, the author, e.g. 'an article by Monique Lees', 'the Industry in Motion blog'. "
            "Say only what the article shows; never 'untitled' or a first name alone.",
            max_length=SHORT_NAME_MAX,
        ),
        FieldSpec("author", "line", "The author's name, or null when unknown.", nullable=True),
        FieldSpec("publisher", "line", "Who published it, or null when unknown.", nullable=True),
        FieldSpec("date", "date", "Publication date as YYYY-MM-DD, or null when unknown.", nullable=True),
        FieldSpec("url", "url", "The article's address, written out plainly, or null when unknown.", nullable=True),
        FieldSpec("points", "items", "Every distinct advice point the article makes.", item=POINT),
    ),
    pattern="sources/*.yml",
    one_per_file=True,
)

APPLIES_DESCRIPTION = (
    "Which situations this applies to: the word all, or a list of situation ids (see content/situations/)."
)

STEP = KindSpec(
    "step",
    "Step",
    "One thing to do after a rejection: why it helps and how to do it.",
    (
        _id("step", "ask-for-feedback"),
        FieldSpec("title", "line", "A short instruction, e.g. 'Ask for feedback'.", max_length=TITLE_MAX),
        _summary,
        FieldSpec("phase", "ref", "When to do it: a phase id from content/phases.yml.", target="phase"),
        FieldSpec("why", "text", "A short paragraph on why this helps."),
        FieldSpec("how", "lines", "Concrete actions, one per item."),
        FieldSpec("avoid", "lines", "Pitfalls to avoid, where the sources give any.", required=False),
        FieldSpec(
            "questions",
            "lines",
            "Questions to answer privately (reflection or planning); the checklist offers a notes box for each.",
            required=False,
        ),
        FieldSpec("applies_to", "applies", APPLIES_DESCRIPTION, target="situation"),
        _sources("step"),
        FieldSpec("related", "refs", "Ids of other steps worth reading next.", required=False, target="step"),
        _keywords("step"),
        _replaces("step"),
    ),
    pattern="steps/*.yml",
    one_per_file=True,
)

GUIDE = KindSpec(
    "guide",
    "Guide",
    "A page that walks through several steps in order.",
    (
        _id("guide", "first-48-hours"),
        _order,
        FieldSpec("title", "line", "The guide's title.", max_length=TITLE_MAX),
        _summary,
        FieldSpec(
            "reviewed",
            "date",
            "The day someone last checked the guide's advice against its sources, as YYYY-MM-DD. The guide "
            "shows it as 'Last reviewed'; change it only after such a check, not for a typo.",
            example="2026-11-25",
        ),
        FieldSpec("intro", "text", "Two to four short sentences that open the guide."),
        FieldSpec("steps", "refs", "The ids of the guide's steps, in reading order.", target="step"),
        _replaces("guide"),
    ),
    pattern="guides/*.yml",
    one_per_file=True,
)

SITUATION = KindSpec(
    "situation",
    "Situation",
    "One way a rejection arrives, what it usually means, and what to do.",
    (
        _id("situation", "no-reply"),
        _order,
        FieldSpec(
            "kind",
            "choice",
            "phrase (the words they used), silence (no answer) or stage (when in the process).",
            choices=("phrase", "silence", "stage"),
        ),
        FieldSpec("title", "line", "What the reader would recognise.", max_length=TITLE_MAX),
        FieldSpec(
            "phrase",
            "line",
            "For kind: phrase, the stock words, short (under eight words).",
            required=False,
            max_length=80,
        ),
        _summary,
        FieldSpec("meaning", "text", "What it usually means, in plain words."),
        FieldSpec("what_to_do", "text", "What to do about it, in two or three sentences."),
        FieldSpec(
            "steps",
            "refs",
            "The key steps for this situation, in order. Each must apply to it.",
            target="step",
        ),
        _sources("situation"),
        _keywords("situation"),
        _replaces("situation"),
    ),
    pattern="situations/*.yml",
    one_per_file=True,
)

PLACEHOLDER = KindSpec(
    "placeholder",
    "Placeholder",
    "A blank in a message template that the reader fills in. A name used by several templates (your_name, "
    "company, role, contact_name) is one box typed once for all of them: give it the same label and example "
    "in each template.",
    (
        FieldSpec(
            "name",
            "name",
            "The name used in braces in the subject or body, lowercase_with_underscores.",
            example="contact_name",
        ),
        FieldSpec("label", "line", "The form label, e.g. 'Their name'.", max_length=60),
        FieldSpec("example", "line", "An example value shown as a hint.", max_length=80),
        FieldSpec(
            "checklist",
            "choice",
            "Start this box with the company or the role of the reader's checklist (company or role). "
            "Leave it out for anything else.",
            required=False,
            choices=("company", "role"),
        ),
    ),
)

TEMPLATE = KindSpec(
    "template",
    "Message template",
    "A message the reader can fill in and send.",
    (
        _id("template", "thank-you-reply"),
        _order,
        FieldSpec("title", "line", "What the message is.", max_length=TITLE_MAX),
        _summary,
        FieldSpec("step", "ref", "The id of the step this message belongs to.", target="step"),
        FieldSpec("when", "text", "When to send it."),
        FieldSpec("channel", "text", "How to send it (usually the way they contacted you)."),
        FieldSpec(
            "subject",
            "line",
            "The subject line of an email; may use {placeholders}. Leave it out for a message that is not an email "
            "(a note sent with a LinkedIn connection request): the page then shows no subject and no email button.",
            required=False,
            max_length=140,
            markdown=False,
        ),
        FieldSpec("body", "text", "The message; may use {placeholders}. Keep line breaks with |-.", markdown=False),
        FieldSpec(
            "max_characters",
            "int",
            "The most characters the finished message may have where it is sent, for example 200 for a note with a "
            "LinkedIn connection request from a free account. The page counts the characters as the reader types. "
            "Leave it out when there is no limit.",
            required=False,
            minimum=1,
            example="200",
        ),
        FieldSpec("placeholders", "items", "Every {placeholder} the message uses.", item=PLACEHOLDER),
        _sources("template"),
        _keywords(
            "message",
            "thank you email, feedback request",
            "this message's own section of the templates page, so a search lands on the message itself",
        ),
    ),
    pattern="templates/*.yml",
    one_per_file=True,
)

PHASE = KindSpec(
    "phase",
    "Phase",
    "A period after the rejection; steps and checklist items belong to one.",
    (
        FieldSpec("id", "id", "The phase's stable id.", example="first-week"),
        FieldSpec("title", "line", "The phase's heading.", max_length=TITLE_MAX),
        FieldSpec("description", "line", "One sentence on what this period is for.", max_length=200),
        FieldSpec("from_day", "int", "First day of the phase, counted from the rejection (0).", minimum=0),
        FieldSpec("to_day", "int", "Last day of the phase, counted from the rejection.", minimum=0),
    ),
)

PHASES = KindSpec(
    "phases",
    "Phases",
    "The periods after a rejection, in order.",
    (FieldSpec("phases", "items", "The phases, in order.", item=PHASE),),
    pattern="phases.yml",
)

CHECKLIST_ITEM = KindSpec(
    "checklist-item",
    "Checklist item",
    "One box to tick on the checklist.",
    (
        FieldSpec(
            "id",
            "id",
            "A stable id. Progress is stored under it: never change or reuse it; to rename, give a new "
            "id and list the old one under replaces.",
            example="send-thank-you",
        ),
        FieldSpec("label", "line", "One actionable line.", max_length=LABEL_MAX),
        FieldSpec("step", "ref", "The id of the step it comes from.", target="step"),
        FieldSpec(
            "due",
            "int",
            "When it is due, in days after the rejection, inside its phase's days.",
            minimum=0,
        ),
        FieldSpec("applies_to", "applies", APPLIES_DESCRIPTION, target="situation"),
        FieldSpec(
            "skip_note",
            "line",
            "For an item that is not for everyone (applies_to is a list): one short phrase, shown while the "
            "reader has not said what happened, e.g. 'skip this if you heard nothing back'. "
            "Never a list of situations.",
            required=False,
            max_length=SKIP_NOTE_MAX,
            example='"skip this if you heard nothing back"',
        ),
        FieldSpec(
            "gentle",
            "bool",
            "true for an item about feelings or rest: its date is a suggestion that never turns into "
            "'overdue', and it is not sent to the calendar once its day has passed. Leave it out otherwise.",
            required=False,
            example="true",
        ),
        FieldSpec(
            "waits",
            "bool",
            "true for an item that waits for something outside the reader's hands (a role being posted, "
            "feedback arriving): it shows no date ('when it happens'), is not in Next or the calendar, and "
            "its due day only places it in its phase. Leave it out otherwise.",
            required=False,
            example="true",
        ),
        FieldSpec(
            "replaces",
            # Ids, not text: a renamed item's translations stay complete (nothing in it to translate).
            "ids",
            "Old ids of this item, so progress saved under them carries over.",
            required=False,
        ),
        FieldSpec(
            "adviser",
            "bool",
            "true when the item suggests talking to a careers adviser: a careers centre's edition then links "
            "it to the centre's booking page. Leave it out otherwise.",
            required=False,
            example="true",
        ),
    ),
)

CHECKLIST_PHASE = KindSpec(
    "checklist-phase",
    "Checklist phase",
    "The checklist items of one phase.",
    (
        FieldSpec("phase", "ref", "A phase id from content/phases.yml.", target="phase"),
        FieldSpec("items", "items", "The items, in order.", item=CHECKLIST_ITEM),
    ),
)

CHECKLIST = KindSpec(
    "checklist",
    "Checklist",
    "The post-rejection checklist, grouped by phase.",
    (FieldSpec("phases", "items", "One entry per phase, in the order of phases.yml.", item=CHECKLIST_PHASE),),
    pattern="checklist.yml",
)

#: Every kind of content file, in loading order.
FILE_KINDS: tuple[KindSpec, ...] = (PHASES, SOURCE, STEP, GUIDE, SITUATION, TEMPLATE, CHECKLIST)
#: Every kind, including the mappings nested inside files.
ALL_KINDS: tuple[KindSpec, ...] = (
    PHASES,
    PHASE,
    SOURCE,
    POINT,
    STEP,
    GUIDE,
    SITUATION,
    TEMPLATE,
    PLACEHOLDER,
    CHECKLIST,
    CHECKLIST_PHASE,
    CHECKLIST_ITEM,
)


# A careers centre's edition: centre.yml at the project root, outside content/ (the advice stays the same).
RESOURCE = KindSpec(
    "resource",
    "Local resource",
    "Something the careers centre offers or recommends, listed on the page 'Your careers service'.",
    (
        FieldSpec("title", "line", "What it is, e.g. 'CV and cover letter reviews'.", max_length=TITLE_MAX),
        FieldSpec("url", "url", "Its address.", example="https://careers.example.edu/cv-reviews"),
        FieldSpec("description", "line", "One sentence on what a student gets from it.", max_length=200),
    ),
)


def _centre_key(name: str, type_: FieldType, description: str, **more: Any) -> FieldSpec:
    """An optional key of centre.yml: null means the same as leaving it out."""
    return FieldSpec(name, type_, description, required=False, nullable=True, **more)


CENTRE = KindSpec(
    "centre",
    "Careers centre",
    "Optional: turns the site into a careers centre's own edition. Its name goes in every page's footer, "
    "its contact details in a box 'Your careers service' on the home page, the checklist and the handouts, "
    "and its resources on a page of their own. Without this file the site is the public edition.",
    (
        FieldSpec(
            "name",
            "line",
            "The careers service's name as students know it.",
            max_length=TITLE_MAX,
            example="Careers Service, University of Example",
        ),
        _centre_key("url", "url", "The service's own web page.", example="https://careers.example.edu/"),
        _centre_key("email", "email", "The address students write to.", example="careers@example.edu"),
        _centre_key(
            "phone",
            "line",
            "The number students call, as you would print it.",
            max_length=40,
            example="+44 20 7946 0000",
        ),
        _centre_key(
            "booking_url",
            "url",
            "Where a student books a talk with a careers adviser. Checklist items that suggest talking to an "
            "adviser link to it.",
            example="https://careers.example.edu/book-an-adviser",
        ),
        _centre_key(
            "address",
            "lines",
            "Where to find the service, one line per item.",
            example='["Student Centre, room 2.14", "1 College Road"]',
        ),
        _centre_key(
            "opening_hours",
            "line",
            "When it is open, in one line.",
            max_length=120,
            example="Monday to Friday, 10:00 to 16:00",
        ),
        _centre_key("resources", "items", "Local resources, each with a title, url and description.", item=RESOURCE),
        _centre_key(
            "language",
            "language",
            "The language you wrote this file in, as a BCP 47 tag: en (English, the default when left out), es, "
            "de, cy, pt-BR. Any language, published on this site or not. Your words are shown as you wrote them on "
            "every language's pages; where a page is in another language they are marked with this one, so a "
            "screen reader reads them in the right voice.",
            example="en",
        ),
    ),
    pattern="centre.yml",
    folder="",
)
#: Every kind with a JSON Schema in content/schema/ and an entry in the field reference.
SCHEMA_KINDS: tuple[KindSpec, ...] = (*FILE_KINDS, CENTRE)


SCHEMA_DIR = "schema"


def schema_file_name(kind: KindSpec) -> str:
    """The file name of a kind's JSON Schema, e.g. ``step.schema.json``."""
    return f"{kind.name}.schema.json"


def schema_line(kind: KindSpec) -> str:
    """The first line every file of this kind starts with, so editors find its schema."""
    folder = posixpath.dirname(posixpath.join(kind.folder, kind.pattern)) or "."
    schema = posixpath.relpath(f"content/{SCHEMA_DIR}/{schema_file_name(kind)}", folder)
    return f"# yaml-language-server: $schema={schema}"


@dataclass(frozen=True)
class Ref:
    """A reference to another item's id, remembering where it was written."""

    id: str
    path: str
    line: int
    column: int


# The objects built from the files. Each attribute that a field spec names holds that field's value,
# so a new optional field needs only its spec and an attribute with a default here.


@dataclass(frozen=True, kw_only=True)
class Located:
    """Where an item is written: its file as messages show it, and the line and column of its first key."""

    path: str = ""
    line: int = 1
    column: int = 1


@dataclass(frozen=True, kw_only=True)
class Phase(Located):
    id: str
    title: str
    description: str
    from_day: int
    to_day: int


@dataclass(frozen=True, kw_only=True)
class Point(Located):
    id: str
    text: str
    source_id: str


@dataclass(frozen=True, kw_only=True)
class Source(Located):
    id: str
    path: str
    title: str | None
    label: str | None = None
    short_name: str
    author: str | None
    publisher: str | None
    date: str | None
    url: str | None
    points: tuple[Point, ...]

    @property
    def name(self) -> str:
        """A human name for the source even when its title is unknown."""
        return self.title or self.label or f"Untitled article ({self.id})"


@dataclass(frozen=True, kw_only=True)
class Step(Located):
    id: str
    title: str
    summary: str
    phase: Ref
    why: str
    how: tuple[str, ...]
    avoid: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    applies_to: tuple[Ref, ...] | None
    sources: tuple[Ref, ...]
    related: tuple[Ref, ...] = ()
    keywords: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()

    def applies(self, situation_id: str) -> bool:
        """Whether this step applies to the situation ``situation_id``."""
        return self.applies_to is None or any(ref.id == situation_id for ref in self.applies_to)


@dataclass(frozen=True, kw_only=True)
class Guide(Located):
    id: str
    order: int
    title: str
    summary: str
    reviewed: str
    intro: str
    steps: tuple[Ref, ...]
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Situation(Located):
    id: str
    order: int
    kind: str
    title: str
    phrase: str | None = None
    summary: str
    meaning: str
    what_to_do: str
    steps: tuple[Ref, ...]
    sources: tuple[Ref, ...]
    keywords: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Placeholder(Located):
    name: str
    label: str = ""
    example: str = ""
    checklist: str | None = None


@dataclass(frozen=True, kw_only=True)
class Template(Located):
    id: str
    order: int
    title: str
    summary: str
    step: Ref
    when: str
    channel: str
    body: str
    placeholders: tuple[Placeholder, ...]
    sources: tuple[Ref, ...]
    #: "" for a message that is not an email (no subject line, no email button).
    subject: str = ""
    max_characters: int | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ChecklistItem(Located):
    id: str
    label: str
    step: Ref
    due: int
    applies_to: tuple[Ref, ...] | None
    replaces: tuple[str, ...] = ()
    phase: str
    skip_note: str | None = None
    gentle: bool = False
    waits: bool = False
    adviser: bool = False

    def applies(self, situation_id: str) -> bool:
        """Whether this item applies to the situation ``situation_id``."""
        return self.applies_to is None or any(ref.id == situation_id for ref in self.applies_to)


@dataclass(frozen=True, kw_only=True)
class ChecklistPhase(Located):
    phase: Ref
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Content:
    """All of content/, validated and cross-linked. Immutable, so lookups made from it never go stale."""

    phases: tuple[Phase, ...] = ()
    sources: tuple[Source, ...] = ()
    steps: tuple[Step, ...] = ()
    guides: tuple[Guide, ...] = ()
    situations: tuple[Situation, ...] = ()
    templates: tuple[Template, ...] = ()
    checklist: tuple[ChecklistPhase, ...] = ()

    # The renderer asks for these on every page: each is made once, on first use.

    @cached_property
    def points(self) -> dict[str, Point]:
        """Every source point by id."""
        return {point.id: point for source in self.sources for point in source.points}

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.phases}

    @cached_property
    def situation_by_id(self) -> dict[str, Situation]:
        return {situation.id: situation for situation in self.situations}

    @cached_property
    def checklist_items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for phase in self.checklist for item in phase.items)

    @cached_property
    def steps_in_reading_order(self) -> tuple[Step, ...]:
        """The steps as the guides present them, guide by guide (a step in no guide comes last)."""
        position = {step_id: index for index, step_id in enumerate(self._home_guides)}
        return tuple(sorted(self.steps, key=lambda step: position.get(step.id, len(position))))

    @cached_property
    def _home_guides(self) -> dict[str, Guide]:
        homes: dict[str, Guide] = {}
        for guide in self.guides:
            for ref in guide.steps:
                homes.setdefault(ref.id, guide)
        return homes

    @cached_property
    def _source_of_point(self) -> dict[str, int]:
        return {point.id: index for index, source in enumerate(self.sources) for point in source.points}

    @cached_property
    def _templates_by_step(self) -> dict[str, tuple[Template, ...]]:
        by_step: dict[str, list[Template]] = {}
        for template in self.templates:
            by_step.setdefault(template.step.id, []).append(template)
        return {step_id: tuple(templates) for step_id, templates in by_step.items()}

    @cached_property
    def _steps_by_point(self) -> dict[str, tuple[Step, ...]]:
        users: dict[str, list[Step]] = {}
        for step in self.steps:
            for point_id in dict.fromkeys(ref.id for ref in step.sources):
                users.setdefault(point_id, []).append(step)
        return {point_id: tuple(steps) for point_id, steps in users.items()}

    def home_guide(self, step_id: str) -> Guide:
        """The first guide (in guide order) that contains the step: where its anchor lives."""
        return self._home_guides[step_id]

    def sources_of(self, step: Step) -> list[Source]:
        """The distinct sources backing a step, in source order."""
        indexes = sorted({self._source_of_point[ref.id] for ref in step.sources if ref.id in self._source_of_point})
        return [self.sources[index] for index in indexes]

    def templates_for(self, step: Step) -> list[Template]:
        """The message templates that belong to a step, in template order."""
        return list(self._templates_by_step.get(step.id, ()))

    @cached_property
    def shared_placeholders(self) -> tuple[Placeholder, ...]:
        """Placeholders used by more than one template, in order of first use: one box on the page fills them all."""
        first: dict[str, Placeholder] = {}
        count: dict[str, int] = {}
        for template in self.templates:
            for placeholder in template.placeholders:
                first.setdefault(placeholder.name, placeholder)
                count[placeholder.name] = count.get(placeholder.name, 0) + 1
        return tuple(placeholder for name, placeholder in first.items() if count[name] > 1)

    def steps_using(self, point_id: str) -> list[Step]:
        """The steps that rest on a source point."""
        return list(self._steps_by_point.get(point_id, ()))


@dataclass(frozen=True, kw_only=True)
class Resource:
    title: str
    url: str
    description: str
    path: str = ""
    line: int = 1
    column: int = 1


@dataclass(frozen=True, kw_only=True)
class Centre:
    """A careers centre's details, from centre.yml: configuration, never invented."""

    name: str
    url: str | None = None
    email: str | None = None
    phone: str | None = None
    booking_url: str | None = None
    address: tuple[str, ...] | None = None
    opening_hours: str | None = None
    resources: tuple[Resource, ...] | None = None
    #: The language centre.yml is written in (BCP 47); None: English.
    language: str | None = None
    path: str = ""
    line: int = 1
    column: int = 1

    @property
    def phone_href(self) -> str | None:
        """A tel: link for the phone number (digits and a leading +), or None without a number."""
        if not self.phone:
            return None
        digits = "".join(char for char in self.phone if char.isdigit() or char == "+")
        return f"tel:{digits}" if digits.strip("+") else None
