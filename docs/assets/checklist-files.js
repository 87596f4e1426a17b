// @ts-check
/* After the No: the checklist's files: saving and restoring a backup (.json) and the reminders for a calendar
   (.ics). LOADED ON DEMAND: no <script> tag on any page lists this file; checklist.js adds it the first time a
   reader asks for one of these (most visits never do), so the checklist page does not carry its bytes
   (tests/test_budgets.py counts the scripts a page lists; it measures this file on its own). Its pure logic is a
   CommonJS module in Node too, so tests/js/ checks it without a browser; the rest works on the checklist
   checklist.js lends it (FilesPage). */
"use strict";

/**
 * @typedef {import("./checklist-core.js").Store} Store
 * @typedef {import("./checklist-core.js").Application} Application
 * @typedef {import("./checklist-core.js").DatedItem} DatedItem
 * @typedef {{item: DatedItem, day: string, alarm: boolean}} CalendarEntry
 * @typedef {{store: Store, error?: undefined} | {error: string, store?: undefined}} Checked
 */

/**
 * What checklist.js lends: its record, its items as shown, and the few methods these actions need.
 * @typedef {{state: Store, items: (DatedItem & {li: HTMLElement, box: HTMLInputElement, replaces: string[]})[],
 *   aliases?: unknown, parts: {file: HTMLInputElement}, active(): Application,
 *   say(text: string): void, flushNotes(): void, reread(): void, save(): "ok" | "full" | "off",
 *   renderAll(): void, savedWords(result: "ok" | "full" | "off"): string,
 *   dialog(): {ask(question: {title: string, text: string, ok: string, alt?: string}): Promise<string>,
 *   words(kind: string, values: Record<string, string | number>): string}}} FilesPage
 */

const AtnChecklistFiles = ((C) => {
  const t = C.t;
  // A backup may hold everything a browser's storage can (about 5 million characters), with room to spare.
  const MAX_IMPORT = 12_000_000;
  // The reminder goes off at 9:00 on the item's day.
  const ALARM_HOUR = 9;

  /**
   * @param {unknown} v
   * @returns {v is Record<string, any>}
   */
  const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);

  /**
   * @param {string} raw
   * @returns {unknown}
   */
  function parse(raw) {
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  }

  /**
   * @param {string | undefined} a
   * @param {string} b
   */
  function joinText(a, b) {
    if (!a) return b;
    if (!b || a === b) return a;
    return `${a}\n\n${b}`;
  }

  /**
   * Everything from both stores: same-id applications keep every tick and both notes.
   * @param {Store} local
   * @param {Store} incoming
   * @returns {Store}
   */
  function merge(local, incoming) {
    const copy = C.normalise(JSON.parse(JSON.stringify(local)));
    const out = copy ? copy.store : C.emptyStore();
    /** @type {Record<string, Application>} */
    const byId = Object.create(null);
    for (const app of out.applications) byId[app.id] = app;
    for (const app of incoming.applications) {
      const mine = byId[app.id];
      if (!mine) {
        const clean = C.cleanApplication(app);
        if (clean) out.applications.push(clean);
        continue;
      }
      for (const k of Object.keys(app.ticks)) mine.ticks[k] = true;
      for (const field of /** @type {const} */ (["notes", "reflections"])) {
        for (const k of Object.keys(app[field])) mine[field][k] = joinText(mine[field][k], app[field][k]);
      }
      for (const field of /** @type {const} */ (["company", "role", "situation"])) {
        mine[field] = mine[field] || app[field];
      }
    }
    return out;
  }

  /**
   * @param {number} count
   * @param {string} [more]
   */
  function tooMany(count, more) {
    return (
      `That would make ${count} checklists; this page keeps at most ${C.MAX_APPLICATIONS} in one browser. ` +
      `${more || ""}Nothing was changed.`
    );
  }

  /**
   * A backup file's text checked before anything changes: {store} or {error} with words for the reader.
   * @param {string} raw
   * @param {number} [size]
   * @returns {Checked}
   */
  function checkImport(raw, size) {
    if ((size || 0) > MAX_IMPORT || raw.length > MAX_IMPORT) {
      return { error: "That file is too big to be a checklist backup (the limit is 12 MB). Nothing was changed." };
    }
    const data = parse(raw);
    if (data === undefined) {
      return { error: "That file is not a checklist backup: it could not be read as JSON. Nothing was changed." };
    }
    if (!isObject(data) || data.app !== "after-the-no") {
      return { error: "That file is not an After the No checklist backup. Nothing was changed." };
    }
    if (data.version !== C.VERSION) {
      const which = typeof data.version === "number" ? ` (${data.version})` : "";
      return { error: `That backup comes from a different version of this page${which}. Nothing was changed.` };
    }
    const apps = data.applications;
    const ok =
      Array.isArray(apps) &&
      apps.length > 0 &&
      apps.every((a) => isObject(a) && isObject(a.ticks) && typeof a.rejectedOn === "string");
    const result = ok ? C.normalise(data) : null;
    if (!result) {
      return { error: "That backup is damaged: its checklists are missing or incomplete. Nothing was changed." };
    }
    if (result.store.applications.length > C.MAX_APPLICATIONS) {
      return { error: tooMany(result.store.applications.length) };
    }
    return { store: result.store };
  }

  /**
   * Adding ``incoming`` to ``local``: the merged store, or an error when it would hold too many checklists.
   * @param {Store} local
   * @param {Store} incoming
   * @returns {Checked}
   */
  function addBackup(local, incoming) {
    const store = merge(local, incoming);
    if (store.applications.length > C.MAX_APPLICATIONS) {
      return { error: tooMany(store.applications.length, "Choose Replace mine, or delete some checklists first. ") };
    }
    return { store };
  }

  /**
   * @param {Store} store
   * @param {Date} [now]
   */
  function exportText(store, now) {
    const data = JSON.parse(JSON.stringify(store));
    data.app = "after-the-no";
    data.exported = (now || new Date()).toISOString();
    return JSON.stringify(data, null, 2);
  }

  /**
   * The calendar's entries: each open item on its own day, or today when that day has passed; a gentle
   * item whose day has passed is left out, and so is an item that waits for an outside event (it has no day).
   * An alarm only when its 9:00 is still ahead.
   * @param {string} rejectedOn
   * @param {DatedItem[]} open
   * @param {Date} now
   * @returns {{entries: CalendarEntry[], moved: number, left: number}}
   */
  function calendarPlan(rejectedOn, open, now) {
    const current = C.today(now);
    const alarmToday = now.getHours() < ALARM_HOUR;
    /** @type {CalendarEntry[]} */
    const entries = [];
    let moved = 0;
    let left = 0;
    for (const item of open) {
      let day = C.addDays(rejectedOn, item.due);
      if (!day || item.waits) continue;
      if (day < current) {
        if (item.gentle) {
          left++;
          continue;
        }
        moved++;
        day = current;
      }
      entries.push({ item, day, alarm: day > current || alarmToday });
    }
    return { entries, moved, left };
  }

  /**
   * iCalendar (RFC 5545) text escaping, section 3.3.11.
   * @param {unknown} v
   */
  const icsText = (v) =>
    String(v)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");

  /** @param {string} ch */
  function utf8Length(ch) {
    const c = ch.codePointAt(0) || 0;
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    return c < 0x10000 ? 3 : 4;
  }

  /**
   * Lines longer than 75 octets folded with CRLF and a space (section 3.1), never inside a character.
   * @param {string} line
   */
  function fold(line) {
    let out = "";
    let count = 0;
    for (const ch of line) {
      const n = utf8Length(ch);
      if (count + n > 75) {
        out += "\r\n ";
        count = 1;
      }
      out += ch;
      count += n;
    }
    return out;
  }

  /** @param {Date} date */
  const stamp = (date) =>
    date
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");

  /**
   * One all-day event.
   * @param {Application} app
   * @param {CalendarEntry} entry
   * @param {Date} now
   */
  function icsEvent(app, entry, now) {
    const about = C.applicationName(app);
    const label = entry.item.label || entry.item.id;
    const lines = [
      "BEGIN:VEVENT",
      `UID:${app.id}-${entry.item.id}@after-the-no`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${entry.day.replace(/-/g, "")}`,
      `DTEND;VALUE=DATE:${String(C.addDays(entry.day, 1)).replace(/-/g, "")}`,
      `SUMMARY:${icsText(app.company || app.role ? `${label} (${about})` : label)}`,
      `DESCRIPTION:${icsText(t("From your After the No checklist. Why and how: {url}", { url: entry.item.url || "" }))}`,
      "TRANSP:TRANSPARENT",
    ];
    if (entry.alarm) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:PT${ALARM_HOUR}H`, `DESCRIPTION:${icsText(label)}`);
      lines.push("END:VALARM");
    }
    lines.push("END:VEVENT");
    return lines;
  }

  /**
   * A calendar (RFC 5545) with one all-day event per entry of ``calendarPlan``.
   * @param {Application} app
   * @param {CalendarEntry[]} entries
   * @param {Date} now
   */
  function ics(app, entries, now) {
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the No//Checklist//EN", "CALSCALE:GREGORIAN"];
    lines.push("METHOD:PUBLISH");
    for (const entry of entries) lines.push(...icsEvent(app, entry, now));
    lines.push("END:VCALENDAR");
    return `${lines.map(fold).join("\r\n")}\r\n`;
  }

  /**
   * Hand ``text`` to the browser as a file to save.
   * @param {string} text
   * @param {string} type
   * @param {string} name
   */
  function download(text, type, name) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** @param {FilesPage} page */
  function exportBackup(page) {
    page.flushNotes();
    const file = `after-the-no-backup-${C.today()}.json`;
    download(exportText(page.state), "application/json", file);
    page.say(t("Your backup is saved as {file}. Keep it somewhere safe; it holds your notes.", { file }));
  }

  /**
   * The open items shown, as reminders in a calendar file, and in words what went in.
   * @param {FilesPage} page
   */
  function calendar(page) {
    const app = page.active();
    const open = page.items.filter((item) => !item.li.hidden && !item.box.checked);
    const plan = calendarPlan(app.rejectedOn, open, new Date());
    if (!plan.entries.length) {
      page.say(t("Nothing is left to remind you of: every item is ticked, or its day has passed."));
      return;
    }
    download(ics(app, plan.entries, new Date()), "text/calendar", "after-the-no-reminders.ics");
    const words = [
      plan.entries.length === 1
        ? t("Your reminders are saved as after-the-no-reminders.ics: 1 dated item.")
        : t("Your reminders are saved as after-the-no-reminders.ics: {count} dated items.", {
            count: plan.entries.length,
          }),
    ];
    if (plan.moved === 1) words.push(t("1 whose day had passed is set for today."));
    else if (plan.moved) words.push(t("{count} whose day had passed are set for today.", { count: plan.moved }));
    if (plan.left === 1) words.push(t("1 about how you feel is left out, as its day has passed."));
    else if (plan.left)
      words.push(t("{count} about how you feel are left out, as its day has passed.", { count: plan.left }));
    words.push(t("Open the file to add them to your calendar."));
    page.say(words.join(" "));
  }

  /**
   * The file the reader chose to restore: checked, then offered (see restore).
   * @param {FilesPage} page
   */
  async function importChosen(page) {
    const input = page.parts.file;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT) {
      page.say(checkImport("", file.size).error || "");
      return;
    }
    const result = checkImport(await file.text(), file.size);
    if (!result.store) {
      page.say(result.error);
      return;
    }
    await restore(page, result.store);
  }

  /**
   * @param {FilesPage} page
   * @param {Store} incoming
   */
  async function restore(page, incoming) {
    const count = incoming.applications.length;
    const choice = await page.dialog().ask({
      title: t("Restore this backup?"),
      // One form for 1 and one for more (English, German and Spanish have no other plural forms for counts).
      text: page.dialog().words(count === 1 ? "restoreOne" : "restore", { count }),
      ok: t("Add to mine"),
      alt: t("Replace mine"),
    });
    if (choice !== "ok" && choice !== "alt") {
      page.say(t("Nothing was changed."));
      return;
    }
    page.flushNotes();
    page.reread();
    const next = choice === "ok" ? addBackup(page.state, incoming) : { store: incoming };
    if (!next.store) {
      page.say(next.error || "");
      return;
    }
    page.state = next.store;
    C.applyReplaces(page.state, page.items, page.aliases);
    const result = page.save();
    page.renderAll();
    const done =
      choice === "ok"
        ? t("The backup was added to your checklists.")
        : t("Your checklists were replaced by the backup.");
    page.say(done + page.savedWords(result));
  }

  return {
    MAX_IMPORT,
    merge,
    checkImport,
    addBackup,
    exportText,
    calendarPlan,
    icsText,
    fold,
    ics,
    exportBackup,
    calendar,
    importChosen,
  };
})(typeof AtnChecklistCore === "object" ? AtnChecklistCore : require("./checklist-core.js"));

// A CommonJS module in Node (tests/js/); in the browser, what checklist.js waits for when it adds this file.
if (typeof module === "object" && module.exports) module.exports = AtnChecklistFiles;
else window.AtnChecklistFiles = AtnChecklistFiles;
