// @ts-check
/* After the No: the message templates' logic, with no DOM. Runs in the browser (window.AtnTemplatesCore)
   and in Node (module.exports) so tests/js/ can check it without a browser.
   Filling a message, refusing one with empty boxes, cleaning what is typed, building a mailto: link,
   and the record that remembers the boxes next to the checklist's own. */
"use strict";

const templatesCore = (() => {
  /** Where the boxes are remembered: next to the checklist's record (afterno:v1), in the same browser storage. */
  const KEY = "afterno:v1:templates";
  const CHECKLIST_KEY = "afterno:v1";
  const VERSION = 1;
  /** The longest value a box keeps when none is given (the page's inputs say their own maxlength). */
  const MAX_VALUE = 200;
  /** The most text a stored record may hold before it is ignored as damaged. */
  const MAX_RECORD = 100000;

  /**
   * A piece of a message: plain text, or a slot for a box.
   * @typedef {{ text: string } | { slot: string }} Part
   */
  /**
   * What the boxes hold: by placeholder name for the shared boxes, "template-id.name" for a message's own.
   * @typedef {Record<string, string>} Values
   */
  /**
   * The stored record: the boxes' values and the checklist they were typed for ("" when there was none).
   * @typedef {{ version: number, app: string, values: Values }} TemplateRecord
   */

  /** @returns {Values} a map with no prototype, so a name like "__proto__" is an ordinary key. */
  const emptyValues = () => /** @type {Values} */ (Object.create(null));

  /**
   * One line of plain text from anything typed or stored: line breaks and tabs become spaces, runs of
   * spaces one, control characters and lone surrogates go (they break encodeURIComponent), at most `max`.
   * @param {unknown} value
   * @param {number} [max]
   * @returns {string}
   */
  function clean(value, max = MAX_VALUE) {
    if (typeof value !== "string") return "";
    const limit = max > 0 ? max : MAX_VALUE;
    // Cut first (with room for spaces that collapse), so a 5 MB paste costs no more than a short one.
    const text = Array.from(value.slice(0, limit * 4), (ch) => (isControl(ch) ? " " : isLoneSurrogate(ch) ? "" : ch))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    return cut(text, limit);
  }

  /**
   * A control character, or a line or paragraph separator: none belongs in a one-line box.
   * @param {string} ch one code point
   */
  function isControl(ch) {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029;
  }

  /**
   * Half of a surrogate pair on its own (Array.from yields one when its partner is missing).
   * @param {string} ch one code point
   */
  function isLoneSurrogate(ch) {
    const code = ch.codePointAt(0) ?? 0;
    return ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
  }

  /**
   * At most `max` characters (UTF-16 units), never splitting a surrogate pair.
   * @param {string} text
   * @param {number} max
   */
  function cut(text, max) {
    if (text.length <= max) return text;
    const last = text.charCodeAt(max - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
    return text.slice(0, end).trimEnd();
  }

  /**
   * The message as parts, from its text with {placeholder} names in braces.
   * @param {string} text
   * @returns {Part[]}
   */
  function parse(text) {
    /** @type {Part[]} */
    const parts = [];
    const field = /\{([a-z][a-z0-9_]*)\}/g;
    let last = 0;
    for (const match of text.matchAll(field)) {
      const at = match.index ?? 0;
      if (at > last) parts.push({ text: text.slice(last, at) });
      parts.push({ slot: match[1] });
      last = at + match[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last) });
    return parts;
  }

  /**
   * The placeholder names a message uses, each once, in order of first use.
   * @param {Part[][]} messages
   * @returns {string[]}
   */
  function slotNames(...messages) {
    const names = new Set();
    for (const parts of messages) for (const part of parts) if ("slot" in part) names.add(part.slot);
    return [...names];
  }

  /**
   * The names whose box is empty, in the order given.
   * @param {string[]} names
   * @param {Values} values
   */
  function missing(names, values) {
    return names.filter((name) => !clean(values[name]));
  }

  /**
   * The message with every slot filled; an empty box keeps its {name}, so a preview shows what is left.
   * @param {Part[]} parts
   * @param {Values} values
   */
  function fill(parts, values) {
    return parts.map((part) => ("slot" in part ? clean(values[part.slot]) || `{${part.slot}}` : part.text)).join("");
  }

  /**
   * How an empty box shows in a preview: its label in square brackets, a blank to fill ("[Your name]").
   * @param {string} label the box's label in the page's language
   */
  function blank(label) {
    return `[${clean(label) || "…"}]`;
  }

  /**
   * A finished message, or the names of the boxes still empty: a message with a blank is never handed out.
   * @param {Part[]} subject
   * @param {Part[]} body
   * @param {Values} values
   * @returns {{ subject: string, body: string } | { missing: string[] }}
   */
  function finish(subject, body, values) {
    const empty = missing(slotNames(subject, body), values);
    if (empty.length) return { missing: empty };
    return { subject: fill(subject, values), body: fill(body, values) };
  }

  /**
   * How many characters the message has so far, an empty box counting as nothing (not as its {name}): what a
   * site with a limit (LinkedIn's connection note) counts. Characters, not UTF-16 units: an emoji is one.
   * @param {Part[]} parts
   * @param {Values} values
   */
  function characters(parts, values) {
    const text = parts.map((part) => ("slot" in part ? clean(values[part.slot]) : part.text)).join("");
    return Array.from(text).length;
  }

  /**
   * Interface text as it is, its {names} filled in: the English the page's own translator falls back to.
   * @param {string} text
   * @param {Record<string, string | number>} [values]
   */
  function plain(text, values = {}) {
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => String(values[name] ?? whole));
  }

  /**
   * "a", "a and b", "a, b and c".
   * @param {string[]} words
   * @param {string} [and] the word between the last two, with its spaces, in the page's language
   */
  function listOf(words, and = " and ") {
    if (words.length < 2) return words.join("");
    return `${words.slice(0, -1).join(", ")}${and}${words[words.length - 1]}`;
  }

  /**
   * What to say when a message is refused: which boxes are empty, and that nothing happened.
   * @param {string[]} labels the empty boxes' labels, in page order
   * @param {"copy" | "email"} action
   * @param {typeof plain} [t] the page's translator (checklist-core.js t()); English without one
   */
  function refusal(labels, action, t = plain) {
    const what = action === "copy" ? t("Nothing was copied.") : t("Your email app was not opened.");
    const boxes = listOf(
      labels.map((label) => t("“{label}”", { label })),
      t(" and "),
    );
    const fill =
      labels.length === 1
        ? t("Fill in this box first: {boxes}.", { boxes })
        : t("Fill in these {count} boxes first: {boxes}.", { count: labels.length, boxes });
    return `${what} ${fill}`;
  }

  /**
   * Text for a mailto: URL (RFC 6068): line breaks as CRLF, everything else percent-encoded.
   * @param {string} text
   */
  function encode(text) {
    const wellFormed = Array.from(text, (ch) => (isLoneSurrogate(ch) ? "\ufffd" : ch)).join("");
    return encodeURIComponent(wellFormed.replace(/\r\n|\r|\n/g, "\r\n"));
  }

  /**
   * A mailto: link with a subject and a body and nothing else: no address, no copies.
   * @param {string} subject
   * @param {string} body
   */
  function mailto(subject, body) {
    return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
  }

  /**
   * @param {string | null} raw
   * @returns {unknown}
   */
  function parseJson(raw) {
    if (typeof raw !== "string" || raw.length > MAX_RECORD) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  }

  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

  /**
   * The stored record, checked field by field; null when there is none or it is not ours.
   * @param {string | null} raw
   * @returns {TemplateRecord | null}
   */
  function readRecord(raw) {
    const data = parseJson(raw);
    if (!isObject(data) || data.version !== VERSION || !isObject(data.values)) return null;
    const values = emptyValues();
    for (const [name, value] of Object.entries(data.values)) {
      const text = clean(value);
      if (/^[a-z][a-z0-9_.-]{0,120}$/.test(name) && text) values[name] = text;
    }
    return { version: VERSION, app: typeof data.app === "string" ? clean(data.app, 100) : "", values };
  }

  /**
   * The text to store for the boxes as they are now (empty boxes are left out).
   * @param {string} app the id of the checklist they were typed for, or ""
   * @param {Values} values
   */
  function recordText(app, values) {
    /** @type {Record<string, string>} */
    const kept = {};
    for (const [name, value] of Object.entries(values)) {
      const text = clean(value);
      if (text) kept[name] = text;
    }
    return JSON.stringify({ version: VERSION, app, values: kept });
  }

  /**
   * The checklist the reader last worked on, from the checklist's own record (read only, never changed here).
   * @param {string | null} raw the text stored under afterno:v1
   * @returns {{ id: string, company: string, role: string } | null}
   */
  function activeChecklist(raw) {
    if (raw == null || raw.length > 5000000) return null;
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isObject(data) || !Array.isArray(data.applications)) return null;
    const apps = data.applications.filter(isObject);
    const active = apps.find((app) => app.id === data.active) || apps[0];
    if (!active || typeof active.id !== "string") return null;
    return { id: active.id, company: clean(active.company), role: clean(active.role) };
  }

  /**
   * What the boxes start with. Remembered values belong to the checklist they were typed for: with that
   * checklist gone (deleted, or its store cleared), they are forgotten too. Boxes tied to the checklist's
   * company or role start from it when nothing else was typed.
   * @param {TemplateRecord | null} record
   * @param {string | null} checklistRaw
   * @param {Record<string, "company" | "role">} fromChecklist placeholder name -> checklist field
   * @returns {{ app: string, values: Values, forgotten: boolean }}
   */
  function startValues(record, checklistRaw, fromChecklist) {
    const checklist = activeChecklist(checklistRaw);
    const app = checklist ? checklist.id : "";
    const belongs = !!record && (record.app === "" || record.app === app);
    const values = emptyValues();
    if (record && belongs) Object.assign(values, record.values);
    if (checklist) {
      for (const [name, field] of Object.entries(fromChecklist)) {
        if (!values[name] && checklist[field]) values[name] = checklist[field];
      }
    }
    return { app, values, forgotten: !!record && !belongs };
  }

  return {
    KEY,
    CHECKLIST_KEY,
    MAX_VALUE,
    clean,
    parse,
    slotNames,
    missing,
    fill,
    blank,
    finish,
    characters,
    listOf,
    refusal,
    mailto,
    readRecord,
    recordText,
    activeChecklist,
    startValues,
  };
})();

// A classic script in the browser (window.AtnTemplatesCore, read by templates-ui.js), a CommonJS module in Node.
if (typeof module === "object" && module.exports) module.exports = templatesCore;
else Object.assign(globalThis, { AtnTemplatesCore: templatesCore });
