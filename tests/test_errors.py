"""A contributor's mistake produces exact, located messages that say how to fix it, all in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from afterno import cli
from afterno.errors import ContentError
from afterno.load import load_content
from afterno.model import ALL_KINDS
from afterno.report import text_lines
from afterno.scaffold import SKELETON_TEXT
from afterno.validate import SMALLEST_HINTS
from helpers import CONTENT, ROOT

STEP = "content/steps/feel-it.yml"
VALID_STEP = """\
# yaml-language-server: $schema=../schema/step.schema.json
id: feel-it
title: Let yourself feel it
summary: Give yourself time to be upset today.
phase: first-day
why: >-
  Being turned down hurts. Letting it out helps it pass.
how:
  - Do one kind thing for yourself tonight.
applies_to: all
sources: [bayt-feel-emotions, bayt-let-it-out, bayt-time-limit, grace-accept-and-move]
"""


def step_with(old: str, new: str) -> str:
    assert old in VALID_STEP, old
    return VALID_STEP.replace(old, new, 1)


CASES: list[tuple[str, str, bytes | str | None, list[str]]] = [
    (
        "unknown key",
        STEP,
        step_with("title:", "titel:"),
        # One mistake, one message: 'title' is not also reported missing.
        [f"{STEP}:3:1: unknown key 'titel' in a step file. Did you mean 'title'?"],
    ),
    (
        "a key written with a capital",
        STEP,
        step_with("title:", "Title:"),
        [f"{STEP}:3:1: unknown key 'Title' in a step file. Did you mean 'title'?"],
    ),
    (
        "a key that is missing, with an unrelated unknown key",
        STEP,
        step_with("title: Let yourself feel it", "heading: Let yourself feel it"),
        [
            f"{STEP}:2:1: a step file is missing the key 'title' (one line of text). Add it: title: ...",
            f"{STEP}:3:1: unknown key 'heading' in a step file. The keys of a step file are: id, title, summary, "
            "phase, why, how, avoid, questions, applies_to, sources, related, keywords, replaces.",
        ],
    ),
    (
        "a misspelt situation id in applies_to: no second message about the checklist or the situations",
        STEP,
        step_with("applies_to: all", "applies_to: [no-replyy]"),
        [
            f"{STEP}:10:14: 'applies_to' refers to the situation 'no-replyy', which does not exist. "
            "Did you mean 'no-reply'?"
        ],
    ),
    (
        "a malformed situation id in applies_to: no 'only applies to .' after it",
        STEP,
        step_with("applies_to: all", "applies_to: [No-Reply]"),
        [
            f"{STEP}:10:14: 'applies_to' must name a situation by its id (lowercase-with-hyphens), found the string "
            '"No-Reply". Write it as no-reply.'
        ],
    ),
    (
        "a misspelt situation id in a checklist item's applies_to",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:28:22: 'applies_to' refers to the situation 'not-hirin', which does not exist. "
            "Did you mean 'not-hiring'?"
        ],
    ),
    (
        "the word yes where text belongs",
        STEP,
        step_with("title: Let yourself feel it", "title: yes"),
        [
            f"{STEP}:3:8: 'title' must be one line of text, but YAML reads yes, no, true, false, on and off on their "
            'own as a yes-or-no value. Put the text in double quotes: title: "..."'
        ],
    ),
    (
        "a line of a list starting with '*' (Markdown emphasis)",
        STEP,
        step_with("  - Do one kind thing", "  - *Do* one kind thing"),
        [
            f"{STEP}:9:5: this text starts with '*', which YAML reads as a sign of its own, not as text. Put the whole "
            'text in double quotes: - "*Do* one kind thing for yourself tonight."'
        ],
    ),
    (
        "text starting with a quoted part",
        STEP,
        step_with("title: Let yourself feel it", 'title: "Let yourself" feel it'),
        [
            f'{STEP}:3:8: this text starts with a quote mark, so YAML reads only "Let yourself" as the value and '
            "cannot read what follows. Put the whole text in single quotes: title: '\"Let yourself\" feel it'"
        ],
    ),
    (
        "a quote mark never closed",
        STEP,
        step_with("title: Let yourself feel it", 'title: "Let yourself feel it'),
        [
            f'{STEP}:3:8: the quote mark " that opens this text is never closed, so YAML reads on to the end of the '
            'file. End the text with " too: title: "Let yourself feel it"'
        ],
    ),
    (
        "a second document",
        STEP,
        VALID_STEP + "---\nrelated: [pick-yourself-up]\n",
        [f"{STEP}:12:1: the line '---' starts a second document, but a content file holds one. Delete this line."],
    ),
    (
        "a checklist item that lost its dash",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:11:9: the key 'id' appears again (first on line 5), so YAML reads the keys from "
            "here on as part of the entry above. If this line starts a new entry, put '- ' in front of it, lined up "
            "with the '- ' of the entry above."
        ],
    ),
    (
        "a checklist item's step pointing at a guide",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:7:15: 'step' refers to the guide 'keep-going', but a step is expected here. "
            "Name one of that guide's steps instead, such as 'keep-other-applications-going'."
        ],
    ),
    (
        "a step file renamed without its id",
        "content/steps/feel-it-now.yml",
        None,
        [
            "content/steps/feel-it-now.yml:2:5: the id 'feel-it' does not match the file name 'feel-it-now.yml'. "
            "Rename the file to feel-it.yml, or set id: feel-it-now."
        ],
    ),
    (
        "a list written as a mapping",
        STEP,
        step_with(
            "sources: [bayt-feel-emotions, bayt-let-it-out, bayt-time-limit, grace-accept-and-move]",
            "sources:\n  bayt-feel-emotions: yes",
        ),
        [
            f"{STEP}:12:3: 'sources' must be a list of ids, found a mapping (key: value lines). "
            "Example: sources: [an-id, another-id]"
        ],
    ),
    (
        "a title over 80 characters",
        STEP,
        step_with("title: Let yourself feel it", "title: " + "Let yourself feel it, " * 4),
        [f"{STEP}:3:8: 'title' is 87 characters long; it must be at most 80. Shorten it."],
    ),
    (
        "a checklist item with its first key indented less",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:8:7: this line is indented by 6 spaces, unlike the line above (8 spaces), so YAML "
            "cannot tell where it belongs. Indent this line like the one above."
        ],
    ),
    (
        "an http address on the third line of a folded text: pointed at in its own line",
        STEP,
        step_with(
            "  Being turned down hurts. Letting it out helps it pass.",
            "  Being turned down hurts.\n  Letting it out helps\n  it pass, says http://example.org/a.",
        ),
        [
            f"{STEP}:9:17: 'why' contains the address 'http://example.org/a.', which is not https: only https:// and "
            "mailto: links are allowed. Write https:// in place of http://."
        ],
    ),
    (
        "skeleton text on the second line of a folded text",
        STEP,
        step_with(
            "  Being turned down hurts. Letting",
            f"  Being turned down hurts.\n  {SKELETON_TEXT['step']['why']}\n  Letting",
        ),
        [f"{STEP}:8:3: 'why' is still the skeleton's text. Write your own words in its place."],
    ),
    (
        "a placeholder word in a text on two plain lines",
        STEP,
        step_with("summary: Give yourself time to be upset today.", "summary: Give yourself time\n  to be upset, TBD."),
        [
            f"{STEP}:5:16: 'summary' contains the placeholder word 'TBD'. "
            "Write the real text, or leave the item out until it is ready."
        ],
    ),
    (
        "raw HTML in a quoted text",
        STEP,
        step_with("title: Let yourself feel it", 'title: "Let yourself <b>feel</b> it"'),
        [
            f"{STEP}:3:22: 'title' contains raw HTML ('<b>feel</b> '); HTML is not allowed in content. "
            "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<')."
        ],
    ),
    (
        "Windows line endings: raw HTML on the second line of a folded text",
        STEP,
        step_with("  Being turned down hurts. Letting", "  Being turned down hurts.\n  Letting <i>it</i>")
        .replace("\n", "\r\n")
        .encode("utf-8"),
        [
            f"{STEP}:8:11: 'why' contains raw HTML ('<i>it</i> it'); HTML is not allowed in content. "
            "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<')."
        ],
    ),
    (
        "a byte order mark, then a line cut short by ' #'",
        STEP,
        b"\xef\xbb\xbf"
        + step_with("  - Do one kind thing for yourself tonight.", "  - Use the #1 rule: keep it short.").encode(
            "utf-8"
        ),
        [
            f"{STEP}:9:13: YAML reads the text from ' #' on as a comment and leaves it out ('#1 rule: keep it short.' "
            'is lost). Put the whole line in double quotes: - "Use the #1 rule: keep it short."',
        ],
    ),
    (
        "a placeholder word in the body of a message template (a |- block)",
        "content/templates/thank-you-reply.yml",
        None,
        [
            "content/templates/thank-you-reply.yml:13:14: 'body' contains the placeholder word 'TODO'. "
            "Write the real text, or leave the item out until it is ready."
        ],
    ),
    (
        "missing key",
        STEP,
        step_with("phase: first-day\n", ""),
        [f"{STEP}:2:1: a step file is missing the key 'phase' (an id). Add it: phase: ..."],
    ),
    (
        "wrong type: a string where a list belongs",
        STEP,
        step_with("applies_to: all", "applies_to: after-first-interview"),
        [
            f"{STEP}:10:13: 'applies_to' must be the word all or a list of situation ids, found the string "
            '"after-first-interview". Write it as [after-first-interview] or all.'
        ],
    ),
    (
        "wrong type: a number where text belongs",
        STEP,
        step_with("title: Let yourself feel it", "title: 42"),
        [
            f"{STEP}:3:8: 'title' must be one line of text, found the number 42. Write the words after 'title: ', "
            "in double quotes if they are a number or contain ': '."
        ],
    ),
    (
        "wrong type: a string where a list of lines belongs",
        STEP,
        step_with("how:\n  - Do one kind thing for yourself tonight.", "how: Do one kind thing for yourself tonight."),
        [
            f"{STEP}:8:6: 'how' must be a list of text lines, found the string \"Do one kind thing for yourself "
            "tonight.\". Write each line as its own item starting with '- '."
        ],
    ),
    (
        "duplicate key in a mapping",
        STEP,
        VALID_STEP + "phase: first-week\n",
        [
            f"{STEP}:12:1: the key 'phase' appears twice in the same mapping (first on line 5). "
            "Keep one and delete the other."
        ],
    ),
    (
        "duplicate id across files",
        "content/steps/feel-it-again.yml",
        VALID_STEP,
        [
            "content/steps/feel-it-again.yml:2:5: the id 'feel-it' does not match the file name "
            "'feel-it-again.yml'. Rename the file to feel-it.yml, or set id: feel-it-again.",
            "content/steps/feel-it.yml:2:1: the step id 'feel-it' is already used in "
            "content/steps/feel-it-again.yml:2. Give this step a different id.",
        ],
    ),
    (
        "reference to an id that does not exist",
        STEP,
        VALID_STEP + "related: [pick-yourself-upp]\n",
        [
            f"{STEP}:12:11: 'related' refers to the step 'pick-yourself-upp', which does not exist. "
            "Did you mean 'pick-yourself-up'?"
        ],
    ),
    (
        "a guide's id where a step's belongs",
        STEP,
        VALID_STEP + "related: [build-your-network]\n",
        [
            f"{STEP}:12:11: 'related' refers to the guide 'build-your-network', but a step is expected here. "
            "Name one of that guide's steps instead, such as 'connect-with-people-you-met'."
        ],
    ),
    (
        "a situation's id where a step's belongs",
        STEP,
        VALID_STEP + "related: [no-reply]\n",
        [
            f"{STEP}:12:11: 'related' refers to the situation 'no-reply', but a step is expected here. "
            "Use an id from content/steps/."
        ],
    ),
    (
        "a message template's id where a step's belongs",
        STEP,
        VALID_STEP + "related: [feedback-request]\n",
        [
            f"{STEP}:12:11: 'related' refers to the message template 'feedback-request', but a step is expected "
            "here. Use an id from content/steps/."
        ],
    ),
    (
        "replaces keeps an id that is still current",
        STEP,
        VALID_STEP + "replaces: [pick-yourself-up]\n",
        [
            f"{STEP}:12:1: step 'feel-it' replaces 'pick-yourself-up', but 'pick-yourself-up' is still a current "
            "step id. An id can only be replaced once it is gone."
        ],
    ),
    (
        "replaces written as one string",
        STEP,
        VALID_STEP + "replaces: feel-it-old\n",
        [
            f"{STEP}:12:11: 'replaces' must be a list of old ids, found the string \"feel-it-old\". "
            "Write it as [feel-it-old]."
        ],
    ),
    (
        "replaces with an id that is not an id",
        STEP,
        VALID_STEP + "replaces: [Feel It]\n",
        [
            f"{STEP}:12:12: each old id in 'replaces' must be made of lowercase letters, digits and single hyphens "
            '(like ask-for-feedback), found the string "Feel It". Write it as feel-it.'
        ],
    ),
    (
        "YAML anchor and alias",
        STEP,
        step_with("phase: first-day", "phase: &p first-day\nextra: *p"),
        [
            f"{STEP}:5:8: the anchor '&p' is not allowed in content files. Remove it and write values out in full.",
            f"{STEP}:6:8: the alias '*p' is not allowed in content files. Write the value out in full.",
        ],
    ),
    (
        "tab indentation",
        STEP,
        step_with("  - Do one kind", "\t- Do one kind"),
        [f"{STEP}:9:1: a tab is used for indentation; YAML allows only spaces. Replace the tab with spaces."],
    ),
    (
        "a list never closed (YAML fails on the line below)",
        STEP,
        step_with("phase: first-day", "phase: [first-day"),
        [
            f"{STEP}:5:8: the list that opens with '[' here is not closed on this line, so YAML reads the lines below "
            "into it. End the list with ']': phase: [first-day]",
        ],
    ),
    (
        "a mapping never closed",
        STEP,
        step_with("phase: first-day", "phase: {first-day"),
        [
            f"{STEP}:5:8: the mapping that opens with '{{' here is not closed on this line, so YAML reads the lines "
            "below into it. End the mapping with '}': phase: {first-day}",
        ],
    ),
    (
        "a non-breaking space as indentation",
        STEP,
        step_with("  - Do one kind", "\u00a0\u00a0- Do one kind"),
        [
            f"{STEP}:9:1: a non-breaking space (often pasted from a web page or a word processor) is used for "
            "indentation; YAML allows only ordinary spaces. Delete the indentation of this line and type it again "
            "with spaces."
        ],
    ),
    (
        "the word All with a capital",
        STEP,
        step_with("applies_to: all", "applies_to: All"),
        [
            f"{STEP}:10:13: 'applies_to' must be the word all in small letters, found the string \"All\". "
            "Write it as all."
        ],
    ),
    (
        "an id with a capital letter",
        STEP,
        step_with("id: feel-it", "id: Feel-It"),
        [
            f"{STEP}:2:5: 'id' must be an id made of lowercase letters, digits and single hyphens (like "
            'ask-for-feedback), found the string "Feel-It". Write it as feel-it.'
        ],
    ),
    (
        "a phase named with a space",
        STEP,
        step_with("phase: first-day", "phase: first day"),
        [
            f"{STEP}:5:8: 'phase' must name a phase by its id (lowercase-with-hyphens), found the string "
            '"first day". Write it as first-day.'
        ],
    ),
    (
        "a step file saved as .yaml: no message for each reference to it",
        "content/steps/feel-it.yaml",
        None,
        ["content/steps/feel-it.yaml:1:1: content files end in .yml; rename this file to end in .yml."],
    ),
    (
        "text containing ': ' after a key",
        STEP,
        step_with("title: Let yourself feel it", "title: Note: feel it"),
        [
            f"{STEP}:3:8: this text contains ': ', so YAML reads it as a second key. Put the whole text in double "
            'quotes: title: "Note: feel it"',
        ],
    ),
    (
        "no space after a colon",
        STEP,
        step_with("title: Let yourself feel it", "title:Let yourself feel it"),
        [
            f"{STEP}:3:6: there is no space after the colon in 'title:Let yourself feel it', so YAML does not read "
            "'title' as a key. Put a space after the colon: title: Let yourself feel it",
        ],
    ),
    (
        "a line of a list containing ': '",
        STEP,
        step_with("  - Do one kind thing", "  - Tip: do one kind thing"),
        [
            f"{STEP}:9:5: this line of 'how' contains ': ', so YAML reads it as a key and a value. Put the whole line "
            'in double quotes: - "Tip: do one kind thing for yourself tonight."',
        ],
    ),
    (
        "a line of a list containing ': ' twice",
        STEP,
        step_with("  - Do one kind thing for yourself tonight.", "  - Tip: do one kind thing: tonight."),
        [
            f"{STEP}:9:5: this text contains ': ', so YAML reads it as a second key. Put the whole text in double "
            'quotes: - "Tip: do one kind thing: tonight."',
        ],
    ),
    (
        "TODO read as a line of a list",
        STEP,
        step_with("  - Do one kind thing for yourself tonight.", "  - TODO: add an example"),
        [
            f"{STEP}:9:5: this line still has a TODO ('TODO: add an example'), which YAML reads as a key, not as a "
            "line of 'how'. Write the real text where it belongs, then delete the note.",
        ],
    ),
    (
        "TBD read as a key of the file",
        STEP,
        VALID_STEP + "TBD: more sources\n",
        [
            f"{STEP}:12:1: this line still has a TBD ('TBD: more sources'), which YAML reads as a key of a step file. "
            "Write the real text where it belongs, then delete the note.",
        ],
    ),
    (
        "TODO after a key",
        STEP,
        step_with("title: Let yourself feel it", "title: TODO: say it"),
        [
            f"{STEP}:3:8: this line still has a TODO ('TODO: say it'), which YAML cannot read. Write the real text "
            "where it belongs, then delete the note.",
        ],
    ),
    (
        "a key indented by one space",
        STEP,
        step_with("summary:", " summary:"),
        [
            f"{STEP}:4:2: this line is indented by 1 space, unlike the line above (0 spaces), so YAML cannot tell "
            "where it belongs. Indent this line like the one above.",
        ],
    ),
    (
        "a key indented like the list above it",
        STEP,
        step_with("applies_to:", "  applies_to:"),
        [
            f"{STEP}:10:3: this line is indented by 2 spaces, unlike 'how:' on line 8 (0 spaces), so YAML cannot tell "
            "where it belongs. Indent this line like that one.",
        ],
    ),
    (
        "text cut short by ' #'",
        STEP,
        step_with("  - Do one kind thing for yourself tonight.", "  - Use the #1 rule: keep it short."),
        [
            f"{STEP}:9:13: YAML reads the text from ' #' on as a comment and leaves it out ('#1 rule: keep it short.' "
            'is lost). Put the whole line in double quotes: - "Use the #1 rule: keep it short."',
        ],
    ),
    (
        "text on two lines cut short by ' #'",
        STEP,
        step_with(
            "summary: Give yourself time to be upset today.", "summary: Give yourself time\n  to be upset #today."
        ),
        [
            f"{STEP}:5:15: YAML reads the text from ' #' on as a comment and leaves it out ('#today.' is lost). Put "
            "the whole text in double quotes, from its start on line 4 to its end.",
        ],
    ),
    (
        "a bullet indented into the one above",
        STEP,
        step_with(
            "  - Do one kind thing for yourself tonight.",
            "  - Do one kind thing for yourself tonight.\n   - Call a friend.",
        ),
        [
            f"{STEP}:10:4: this line is indented by 3 spaces, so YAML joins it to the line above ('Do one kind thing "
            "for yourself tonight.…'). Indent this line like the one above (2 spaces).",
        ],
    ),
    (
        "a bullet indented deeper than the one above, after a comment",
        STEP,
        step_with(
            "  - Do one kind thing for yourself tonight.", "  - Do one kind thing.  # for you\n   - Call a friend."
        ),
        [
            f"{STEP}:10:4: this line is indented by 3 spaces, unlike the line above (2 spaces), so YAML cannot tell "
            "where it belongs. Indent this line like the one above.",
        ],
    ),
    (
        "a line of a paragraph indented less than the one above",
        STEP,
        step_with("  Being turned down hurts. Letting", "  Being turned down hurts.\n Letting"),
        [
            f"{STEP}:8:2: this line is indented by 1 space, unlike the line above (2 spaces), so YAML cannot tell "
            "where it belongs. Indent this line like the one above.",
        ],
    ),
    (
        "a line of a list without its dash",
        STEP,
        step_with(
            "  - Do one kind thing for yourself tonight.",
            "  - Do one kind thing for yourself tonight.\n  Call a friend.\n  - Go for a walk.",
        ),
        [
            f"{STEP}:10:3: this line has no '- ' in front, unlike the items above it, so YAML cannot read it as one "
            "of them. Start it with '- ', like the line above.",
        ],
    ),
    (
        "plain http link in text",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](http://example.org/kind)"),
        [
            f"{STEP}:9:25: 'how' contains the address 'http://example.org/kind', which is not https: only https:// and "
            "mailto: links are allowed. Write https:// in place of http://.",
        ],
    ),
    (
        "plain http address in a source's url",
        "content/sources/bayt.yml",
        None,
        [
            "content/sources/bayt.yml:8:6: 'url' is the address "
            "'http://bayt.com/en/blog/29313/4-ways-to-turn-job-rejecti…', which is not https: only https:// "
            "addresses are allowed. Write https:// in place of http://.",
        ],
    ),
    (
        "skeleton text left in",
        STEP,
        step_with("Give yourself time to be upset today.", SKELETON_TEXT["step"]["summary"]),
        [
            f"{STEP}:4:10: 'summary' is still the skeleton's text. Write your own words in its place.",
        ],
    ),
    (
        "raw HTML in text",
        STEP,
        step_with("Letting it out", "<script>alert(1)</script> Letting it out"),
        [
            f"{STEP}:7:28: 'why' contains raw HTML ('<script>aler'); HTML is not allowed in content. "
            "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<')."
        ],
    ),
    (
        "javascript: link in text",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](javascript:alert(1))"),
        [
            f"{STEP}:9:25: 'how' contains a javascript: link, which is not allowed. "
            "Link only to https:// addresses or to pages of this site."
        ],
    ),
    (
        "summary over 160 characters",
        STEP,
        step_with("Give yourself time to be upset today.", "Give yourself time. " * 9),
        [f"{STEP}:4:10: 'summary' is 179 characters long; it must be at most 160. Shorten it."],
    ),
    (
        "placeholder text",
        STEP,
        step_with("Do one kind thing for yourself tonight.", "TODO write this"),
        [
            f"{STEP}:9:5: 'how' contains the placeholder word 'TODO'. "
            "Write the real text, or leave the item out until it is ready."
        ],
    ),
    (
        "missing schema line",
        STEP,
        VALID_STEP.split("\n", 1)[1],
        [
            f"{STEP}:1:1: the first line must be '# yaml-language-server: $schema=../schema/step.schema.json' "
            "so editors can check the file. Add it."
        ],
    ),
    (
        "empty file",
        STEP,
        "",
        [
            f"{STEP}:1:1: the file is empty. Write the item's keys, or delete the file.",
        ],
    ),
    (
        "not UTF-8",
        STEP,
        VALID_STEP.encode("utf-8").replace(b"hurts", b"hurts \xff"),
        [
            f"{STEP}:7:27: byte 0xff is not valid UTF-8. Save the file as UTF-8 "
            "(most editors: 'Save with encoding' > UTF-8)."
        ],
    ),
    (
        "checklist item due outside its phase",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:5:9: item 'take-a-breath' is due on day 9, outside its phase 'first-day' "
            "(days 0 to 2). Change 'due' or move the item."
        ],
    ),
    (
        "a link in text to a guide that does not exist",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../guides/no-such-guide.md)"),
        [
            f"{STEP}:9:25: 'how' links to '../guides/no-such-guide.md', but the site has no page "
            "guides/no-such-guide.md. The pages there are: ../guides/ask-for-feedback.md, "
            "../guides/build-your-network.md, ../guides/first-48-hours.md, ../guides/index.md, "
            "../guides/keep-going.md, ../guides/reflect-and-plan.md."
        ],
    ),
    (
        "a link in text to a misspelt guide",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../guides/keep-goign.md)"),
        [
            f"{STEP}:9:25: 'how' links to '../guides/keep-goign.md', but the site has no page "
            "guides/keep-goign.md. Did you mean ../guides/keep-going.md?"
        ],
    ),
    (
        "a link in text from the site's root",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](/guides/keep-going/#stay-motivated)"),
        [
            f"{STEP}:9:25: 'how' links to '/guides/keep-going/#stay-motivated', an address from the site's root, "
            "which the build cannot follow. Link to the page's file instead: ../guides/keep-going.md#stay-motivated"
        ],
    ),
    (
        "a link in text to a page's address",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../keep-going/)"),
        [
            f"{STEP}:9:25: 'how' links to '../keep-going/', a page's address, which the build cannot follow. "
            "Link to the page's file instead: ../guides/keep-going.md"
        ],
    ),
    (
        "a link in text to a step that does not exist",
        STEP,
        step_with("Letting it out", "Letting it out ([see](../guides/keep-going.md#stay-motivatd))"),
        [
            f"{STEP}:7:50: 'why' links to '../guides/keep-going.md#stay-motivatd', but the guide 'keep-going' has "
            "no step 'stay-motivatd'. Did you mean 'stay-motivated'?"
        ],
    ),
    (
        "a link in text to a step of another guide",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../guides/keep-going.md#feel-it)"),
        [
            f"{STEP}:9:25: 'how' links to '../guides/keep-going.md#feel-it', but the step 'feel-it' is in the "
            "guide 'first-48-hours', not 'keep-going'. Write ../guides/first-48-hours.md#feel-it"
        ],
    ),
    (
        "a link in text to a checklist item that does not exist",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../checklist/index.md#talk-to-somone)"),
        [
            f"{STEP}:9:25: 'how' links to '../checklist/index.md#talk-to-somone', but the page "
            "../checklist/index.md has no anchor 'talk-to-somone'. Did you mean 'talk-to-someone'?"
        ],
    ),
    (
        "a list line with no space after its dash",
        STEP,
        step_with("  - Do one kind thing", "  -Do one kind thing"),
        [
            f"{STEP}:9:3: 'how' must be a list of text lines, but its line has no space after the '-', so YAML reads "
            "it as text. Put a space after the dash: - Do one kind thing for yourself tonight."
        ],
    ),
    (
        "one of several list lines with no space after its dash",
        STEP,
        None,
        [
            f"{STEP}:14:3: this line has no space after its '-', so YAML reads it as text, not as an item of the "
            "list. Put a space after the dash: - Cry or let off steam in private if you need to."
        ],
    ),
    (
        "a line of a text over several lines that lost its indent",
        STEP,
        step_with("  Being turned down hurts. Letting", "  Being turned down hurts.\nLetting"),
        [
            f"{STEP}:8:1: this line belongs to the text of 'why' above, but it is not indented like that text, so "
            "YAML reads it as a new key. Indent it by 2 spaces, like the lines above it."
        ],
    ),
    (
        "a link in text with a space in its address",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](../guides/keep going.md)"),
        [
            f"{STEP}:9:25: 'how' links to '../guides/keep going.md', which has a space in it; addresses have "
            "hyphens in its place. Write ../guides/keep-going.md"
        ],
    ),
    (
        "two ids in a list without a comma between them",
        STEP,
        step_with("applies_to: all", "applies_to: [no-reply not-selected]"),
        [
            f"{STEP}:10:14: 'applies_to' must name a situation by its id (lowercase-with-hyphens), found the string "
            '"no-reply not-selected". If these are 2 ids, put a comma between them: no-reply, not-selected.'
        ],
    ),
    (
        "keywords written as one line with commas",
        STEP,
        step_with("applies_to: all", "applies_to: all\nkeywords: upset, sad, angry"),
        [
            f"{STEP}:11:11: 'keywords' must be a list of text lines, found the string \"upset, sad, angry\". Put the "
            "list in square brackets: keywords: [upset, sad, angry]"
        ],
    ),
    (
        "a negative due day",
        "content/checklist.yml",
        None,
        [
            "content/checklist.yml:8:14: 'due' is -1, but it must be at least 0. Days count from the day they said "
            "no: 0 is that day, 1 the day after. Write due: 0 or a later day."
        ],
    ),
    (
        "a guide's order of 0",
        "content/guides/keep-going.yml",
        None,
        [
            "content/guides/keep-going.yml:3:8: 'order' is 0, but it must be at least 1. Orders start at 1, which "
            "comes first. Write order: 1 or a higher number."
        ],
    ),
    (
        "template placeholder not declared",
        "content/templates/thank-you-reply.yml",
        None,
        [
            "content/templates/thank-you-reply.yml:21:1: the message uses {missing_role} but 'placeholders' does "
            "not declare it. Add '- name: missing_role' with a label and an example, or fix the spelling.",
            "content/templates/thank-you-reply.yml:21:1: the placeholder 'role' is declared but the subject and "
            "body never use {role}. Use it or remove it.",
        ],
    ),
    # Issue 11: an anchor on the same page ([see below](#id)) must be one the page has.
    (
        "a same-page link to a misspelt step",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](#fel-it)"),
        [
            f"{STEP}:9:25: 'how' links to '#fel-it', but the page this text is shown on has no anchor 'fel-it'. "
            "Did you mean '#feel-it'?"
        ],
    ),
    # Issue 11: a '- ' line in a one-paragraph field would be a bulleted list inside the paragraph.
    (
        "a bullet line in a step's why",
        STEP,
        step_with("helps it pass.\n", "helps it pass.\n\n  - Cry if you need to.\n"),
        [
            f"{STEP}:9:3: 'why' has a line starting with '- ', which the page would show as a bulleted list inside "
            "this paragraph. Write it as sentences, or make each point its own line under 'how:'."
        ],
    ),
    # Issue 11, a slip of a first-time contributor: a pasted address with a space shows as plain text.
    (
        "a link to another site with a space in its address",
        STEP,
        step_with("Do one kind thing", "Do one [kind thing](https://example.org/kind thing)"),
        [
            f"{STEP}:9:25: 'how' links to 'https://example.org/kind thing', which has a space in it, so the page "
            "shows the link as plain text. Write %20 in place of each space: https://example.org/kind%20thing"
        ],
    ),
    # Issue 11: a line written twice in a list of text lines is one line too many, at its second copy.
    (
        "a line of 'how' written twice",
        STEP,
        step_with("  - Do one kind thing for yourself tonight.\n", "  - Do one kind thing for yourself tonight.\n" * 2),
        [f"{STEP}:10:5: 'how' already has this line, on line 9; remove one of them."],
    ),
    (
        "a keyword written twice",
        STEP,
        step_with("applies_to: all", "applies_to: all\nkeywords: [upset, sad, upset]"),
        [f"{STEP}:11:24: 'keywords' already has 'upset' earlier on this line (column 12); remove one of them."],
    ),
    # Slips an adviser met following CONTRIBUTING (session 5): curly quotes, Windows-1252 bytes, step counts.
    (
        "a title wrapped in curly quotes",
        STEP,
        step_with("title: Let yourself feel it", "title: \u201cLet yourself feel it\u201d"),
        [
            f"{STEP}:3:8: 'title' is wrapped in curly quotes \u201c\u2026\u201d, which are not YAML's quote marks "
            '(those are straight: "..."), so they stay in the text and show on the page. Leave them out: '
            "Let yourself feel it"
        ],
    ),
    (
        "a curly apostrophe saved as Windows-1252",
        STEP,
        VALID_STEP.encode("utf-8").replace(b"hurts", b"hurts, it\x92s true"),
        [
            f"{STEP}:7:30: byte 0x92 is not valid UTF-8: it is probably \u2019 (a curly apostrophe), saved in the "
            "Windows-1252 encoding. Save the file as UTF-8 (most editors: 'Reopen with encoding' > Windows 1252, "
            "then 'Save with encoding' > UTF-8)."
        ],
    ),
    (
        "a guide intro counting its steps",
        "content/guides/first-48-hours.yml",
        (CONTENT / "guides" / "first-48-hours.yml")
        .read_text(encoding="utf-8")
        .replace("These steps", "These four steps", 1),
        [
            "content/guides/first-48-hours.yml:7:1: 'intro' counts the guide's steps ('These four steps'): a count "
            "written by hand goes stale when a step is added. Leave the number out: write 'These steps'."
        ],
    ),
]


#: Cases that change a real file of content/ (snippet None), and how.
CHANGES = {
    "one of several list lines with no space after its dash": lambda text: text.replace("  - Cry", "  -Cry", 1),
    "a negative due day": lambda text: text.replace(
        "step: feel-it\n        due: 0", "step: feel-it\n        due: -1", 1
    ),
    "a guide's order of 0": lambda text: text.replace("order: 5", "order: 0", 1),
    "a misspelt situation id in a checklist item's applies_to": lambda text: text.replace(
        "applies_to: [not-hiring,", "applies_to: [not-hirin,", 1
    ),
    "a checklist item that lost its dash": lambda text: text.replace(
        "      - id: talk-to-someone", "        id: talk-to-someone", 1
    ),
    "a checklist item's step pointing at a guide": lambda text: text.replace(
        "step: feel-it\n        due: 0", "step: keep-going\n        due: 0", 1
    ),
    "a checklist item with its first key indented less": lambda text: text.replace(
        "        step: feel-it\n        due: 0", "        step: feel-it\n      due: 0", 1
    ),
    "a placeholder word in the body of a message template (a |- block)": lambda text: text.replace(
        "Thank you", "Thank you, TODO", 1
    ),
}


def apply_case(root: Path, path: str, snippet: bytes | str | None, name: str) -> None:
    """Write the broken file into a copy of content/."""
    target = root.parent / path
    if name in (
        "a step file renamed without its id",
        "a step file saved as .yaml: no message for each reference to it",
    ):
        (root.parent / STEP).rename(target)
    elif snippet is None:
        text = target.read_text(encoding="utf-8")
        if name == "checklist item due outside its phase":
            text = text.replace("step: feel-it\n        due: 0", "step: feel-it\n        due: 9", 1)
        elif name == "plain http address in a source's url":
            text = text.replace("url: https://", "url: http://", 1)
        elif name == "template placeholder not declared":
            text = text.replace("{", "{missing_", 1)
        else:
            text = CHANGES[name](text)
        target.write_text(text, encoding="utf-8")
    elif isinstance(snippet, bytes):
        target.write_bytes(snippet)
    else:
        target.write_text(snippet, encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


@pytest.mark.parametrize(("name", "path", "snippet", "expected"), CASES, ids=[c[0] for c in CASES])
def test_error_message(
    content_copy: Path, name: str, path: str, snippet: bytes | str | None, expected: list[str]
) -> None:
    """The broken snippet yields exactly these messages, naming file, line and column, and nothing else."""
    apply_case(content_copy, path, snippet, name)
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert [str(problem) for problem in caught.value.problems] == expected


def test_two_items_keeping_one_old_id(content_copy: Path) -> None:
    """Two steps cannot keep the same old id: an old link leads to one place."""
    for name in ("feel-it", "pick-yourself-up"):
        path = content_copy / "steps" / f"{name}.yml"
        path.write_text(path.read_text(encoding="utf-8") + "replaces: [an-old-step]\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    line = (content_copy / "steps" / "pick-yourself-up.yml").read_text(encoding="utf-8").count("\n")
    assert [str(problem) for problem in caught.value.problems] == [
        f"content/steps/pick-yourself-up.yml:{line}:1: step 'pick-yourself-up' replaces 'an-old-step', but the step "
        "'feel-it' already keeps it. An old id leads to one place: remove it here."
    ]


def test_a_guide_renamed_by_hand_points_at_the_command(tmp_path: Path) -> None:
    """A published guide address gone after a rename by hand: the check names the line and the command to use."""
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "tests").mkdir()
    urls = ROOT / "tests" / "public_urls.txt"
    shutil.copy2(urls, tmp_path / "tests" / "public_urls.txt")
    guides = tmp_path / "content" / "guides"
    text = (guides / "keep-going.yml").read_text(encoding="utf-8")
    (guides / "keep-at-it.yml").write_text(text.replace("id: keep-going", "id: keep-at-it"), encoding="utf-8")
    (guides / "keep-going.yml").unlink()
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "content")
    number = urls.read_text(encoding="utf-8").splitlines().index("/guides/keep-going/") + 1
    messages = [str(problem) for problem in caught.value.problems]
    assert (
        f"tests/public_urls.txt:{number}:1: the published address /guides/keep-going/ no longer exists: there is no "
        "guide 'keep-going'. Careers centres have printed it. If you renamed the guide, give it back the id "
        "'keep-going', then run 'afterno rename guide keep-going NEW-ID', which keeps this address working."
    ) in messages
    # The home page's link to the guide is broken too (until the rename keeps the old id), and is said where it is.
    assert (
        "docs/index.md:19:47: this page links to 'guides/keep-going.md#reconnect-later', but the site has no page "
        "guides/keep-going.md. Did you mean guides/keep-at-it.md?"
    ) in messages


def test_valid_snippet_loads(content_copy: Path) -> None:
    """The snippet the error cases start from is itself valid, so each case tests one mistake."""
    (content_copy / "steps" / "feel-it.yml").write_text(VALID_STEP, encoding="utf-8")
    assert load_content(content_copy).step_by_id["feel-it"].title == "Let yourself feel it"


def test_all_problems_are_reported_in_one_run(content_copy: Path) -> None:
    """Mistakes in several files are all reported together, sorted by file and line."""
    apply_case(content_copy, STEP, step_with("title:", "titel:"), "unknown key")
    guide = content_copy / "guides" / "keep-going.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("steps: [", "steps: [no-such-step, "), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    paths = [problem.path for problem in caught.value.problems]
    assert "content/guides/keep-going.yml" in paths and STEP in paths
    assert paths == sorted(paths)


def test_comments_that_cut_no_text_are_accepted(content_copy: Path) -> None:
    """A comment on its own line, after a key that opens a block, or after an id keeps every text whole."""
    snippet = (
        step_with("phase: first-day", "# The first phase.\nphase: first-day  # days 0 to 2")
        .replace("how:\n", "how:  # one action per line\n")
        .replace("Do one kind thing for yourself tonight.", '"Use the #1 rule: be kind to yourself." ')
        .replace("Letting it out helps it pass.", "Letting it out (rule #1) helps it pass.")
        .replace("title: Let yourself feel it", "title: Let yourself feel it, C# or not")
    )
    (content_copy / "steps" / "feel-it.yml").write_text(snippet, encoding="utf-8")
    step = load_content(content_copy).step_by_id["feel-it"]
    assert (step.title, step.phase.id) == ("Let yourself feel it, C# or not", "first-day")
    assert step.how == ("Use the #1 rule: be kind to yourself.",)
    assert step.why.endswith("Letting it out (rule #1) helps it pass.")


def test_windows_line_endings_and_a_byte_order_mark_load(content_copy: Path) -> None:
    """A file saved with Windows line endings and a byte order mark (as some editors save) loads as written."""
    path = content_copy / "steps" / "feel-it.yml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_STEP.replace("\n", "\r\n").encode("utf-8"))
    step = load_content(content_copy).step_by_id["feel-it"]
    assert (step.title, step.why) == ("Let yourself feel it", "Being turned down hurts. Letting it out helps it pass.")


def test_a_windows_1252_byte_is_shown_as_the_character_it_was(content_copy: Path) -> None:
    """The line under a Windows-1252 byte's message shows the curly quotes typed, not U+FFFD, the caret under it."""
    path = content_copy / "steps" / "feel-it.yml"
    path.write_bytes(VALID_STEP.encode("utf-8").replace(b"title: Let yourself", b"title: \x93Let\x94 yourself"))
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    lines = text_lines(caught.value.problems, content_copy.parent)
    assert lines[1:] == ["    3 | title: \u201cLet\u201d yourself feel it", "      |        ^"]


def test_every_smallest_number_has_its_own_hint() -> None:
    """Each number field with a smallest value says in its message how to write one that fits."""
    limited = {spec.name for kind in ALL_KINDS for spec in kind.fields if spec.minimum is not None}
    assert limited and limited <= set(SMALLEST_HINTS)


def test_a_link_to_a_broken_guide_is_not_also_reported(content_copy: Path) -> None:
    """A link to a guide whose own file is broken gives that file's message alone, not a second one for the link."""
    guide = content_copy / "guides" / "keep-going.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    apply_case(content_copy, STEP, step_with("Do one kind thing", "Do [one](../guides/keep-going.md#x)"), "link")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert [problem.path for problem in caught.value.problems] == ["content/guides/keep-going.yml"]


#: Issue 11: links in the hand-written pages (docs/) follow content text's rules, read from the page's folder.
DOCS_CASES: list[tuple[str, str, str, str, list[str]]] = [
    (
        "a hand-written page's link to a misspelt page",
        "about.md",
        "(sources/index.md)",
        "(sources/indx.md)",
        [
            "docs/about.md:17:105: this page links to 'sources/indx.md', but the site has no page sources/indx.md. "
            "Did you mean sources/index.md?"
        ],
    ),
    (
        "a hand-written page's link to a misspelt source",
        "about.md",
        "(sources/index.md)",
        "(sources/index.md#bayyt)",
        [
            "docs/about.md:17:105: this page links to 'sources/index.md#bayyt', but the page sources/index.md has no "
            "anchor 'bayyt'. Did you mean 'bayt'?"
        ],
    ),
    (
        "a hand-written page's link to a misspelt point of a source",
        "about.md",
        "(sources/index.md)",
        "(sources/index.md#bayt-feel-emotion)",
        [
            "docs/about.md:17:105: this page links to 'sources/index.md#bayt-feel-emotion', but the page "
            "sources/index.md has no anchor 'bayt-feel-emotion'. Did you mean 'bayt-feel-emotions'?"
        ],
    ),
    (
        "a hand-written page's link to the table of backing, misspelt",
        "about.md",
        "(sources/index.md)",
        "(sources/index.md#backin)",
        [
            "docs/about.md:17:105: this page links to 'sources/index.md#backin', but the page sources/index.md has no "
            "anchor 'backin'. Did you mean 'backing'?"
        ],
    ),
    (
        "a hand-written page's link to a misspelt anchor of its own",
        "about.md",
        "(#report-a-problem)",
        "(#report-a-problm)",
        [
            "docs/about.md:31:221: this page links to '#report-a-problm', but this page has no anchor "
            "'report-a-problm'. Did you mean '#report-a-problem'?"
        ],
    ),
    (
        "a hand-written page's link to an anchor a marker's snippet writes, misspelt",
        "careers-centres.md",
        "(#handouts)",
        "(#handout)",
        [
            "docs/careers-centres.md:20:247: this page links to '#handout', but this page has no anchor 'handout'. "
            "Did you mean '#handouts'?"
        ],
    ),
    (
        "a hand-written page's link to a step in another guide",
        "index.md",
        "guides/keep-going.md#reconnect-later",
        "guides/keep-going.md#reply-with-thanks",
        [
            "docs/index.md:19:47: this page links to 'guides/keep-going.md#reply-with-thanks', but the step "
            "'reply-with-thanks' is in the guide 'first-48-hours', not 'keep-going'. Write "
            "guides/first-48-hours.md#reply-with-thanks"
        ],
    ),
    (
        "a hand-written page's link to a page's address",
        "careers-centres.md",
        "(about.md)",
        "(../about/)",
        [
            "docs/careers-centres.md:28:90: this page links to '../about/', a page's address, which the build cannot "
            "follow. Link to the page's file instead: about.md"
        ],
    ),
    (
        "a hand-written page's link to a file that is not there",
        "careers-centres.md",
        "(about.md)",
        "(assets/handout.pdf)",
        [
            "docs/careers-centres.md:28:90: this page links to 'assets/handout.pdf', but there is no file "
            "docs/assets/handout.pdf. Check its name and folder."
        ],
    ),
    (
        "a hand-written page's link to a file of docs/",
        "careers-centres.md",
        "(about.md)",
        "(assets/favicon.svg)",
        [],
    ),
    (
        "a hand-written page's plain http link",
        "careers-centres.md",
        "(about.md)",
        "(http://example.org/about)",
        [
            "docs/careers-centres.md:28:90: this page contains the address 'http://example.org/about', which is not "
            "https: only https:// and mailto: links are allowed. Write https:// in place of http://."
        ],
    ),
]


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of content/ and docs/ (the hand-written pages whose links the check reads)."""
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(("name", "page", "old", "new", "expected"), DOCS_CASES, ids=[c[0] for c in DOCS_CASES])
def test_a_hand_written_page_link_message(
    project_copy: Path, name: str, page: str, old: str, new: str, expected: list[str]
) -> None:
    """A broken link in a docs/ page is located in that page, with the fix, as a content text's would be."""
    path = project_copy / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    try:
        load_content(project_copy / "content")
    except ContentError as error:
        assert [str(problem) for problem in error.problems] == expected
    else:
        assert expected == []


def test_the_hand_written_pages_links_all_lead_somewhere(project_copy: Path) -> None:
    """The real pages pass: every anchor they link to is one the check knows (headings, ids, markers' snippets)."""
    assert load_content(project_copy / "content").guides


def test_the_check_says_the_problems_are_in_docs_too(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The last line of a failing check names docs/ when a hand-written page holds a problem."""
    about = project_copy / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("(#report-a-problem)", "(#x)"), encoding="utf-8")
    assert cli.main(["--content", str(project_copy / "content"), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"1 problem in {project_copy / 'content'}/ and docs/."
