// @ts-check
/* After the No: the checklist's pure logic (dates, the stored record), with no DOM; backups and the calendar are in
   checklist-files.js, loaded on demand.
   A classic script in the browser (the global AtnChecklistCore, read by checklist.js) and a CommonJS module
   in Node, so tests/js/ checks it without a browser. */
"use strict";

/**
 * @typedef {Record<string, true>} Ticks
 * @typedef {Record<string, string>} Notes
 * @typedef {{id: string, company: string, role: string, rejectedOn: string, situation: string,
 *   ticks: Ticks, notes: Notes, reflections: Notes, created: string}} Application
 * @typedef {{version: number, active: string, applications: Application[]}} Store
 * @typedef {"" | "migrated" | "damaged"} Problem
 * @typedef {{id: string, due: number, gentle: boolean, waits?: boolean, label?: string, url?: string}} DatedItem
 * @typedef {{state: "done" | "upcoming" | "today" | "past" | "gentle" | "waits", text: string}} DueInfo
 */

const AtnChecklistCore = (() => {
  const VERSION = 1;
  const KEY = "afterno:v1";
  // What a first static version would have stored: a flat map of ticked item ids.
  const LEGACY_KEY = "afterno:checklist";
  const DAMAGED_KEY = "afterno:v1:damaged";
  // The most checklists one browser keeps; imports state and enforce it.
  const MAX_APPLICATIONS = 200;
  // Short fields (company, role); notes have no limit below what storage holds.
  const MAX_FIELD = 200;
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, "0");
  /** @param {Date} date */
  const iso = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  /** @param {Date} [now] */
  const today = (now) => iso(now || new Date());

  /**
   * A YYYY-MM-DD string as a local date at midnight, or null when it is not a real date.
   * @param {unknown} text
   * @returns {Date | null}
   */
  function parseDate(text) {
    const m = DATE.exec(typeof text === "string" ? text : "");
    if (!m) return null;
    const d = new Date(+m[1], +m[2] - 1, +m[3]);
    return iso(d) === text ? d : null;
  }

  /**
   * @param {string} text
   * @param {number} days
   * @returns {string | null}
   */
  function addDays(text, days) {
    const d = parseDate(text);
    return d ? iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days)) : null;
  }

  /**
   * Whether ``text`` can be the day someone heard: "ok" (a real day, today or earlier), "future" (a day still to
   * come: refused, never saved) or "unfinished" (empty, or not a whole date yet).
   * @param {unknown} text
   * @param {Date} [now]
   * @returns {"ok" | "future" | "unfinished"}
   */
  function dayHeardCheck(text, now) {
    if (!parseDate(text)) return "unfinished";
    return String(text) > today(now) ? "future" : "ok";
  }

  /**
   * The page's interface text in its language: key(English wording) -> translation, from the JSON the build writes
   * into every translated page (<script type="application/json" id="atn-strings">). English pages have none.
   * @type {Record<string, string> | null}
   */
  let strings = null;
  /** The page's language (<html lang>): dates are written in it. */
  let language = "";
  /** @type {Intl.DateTimeFormat | null} */
  let formatter = null;
  const EN_DAYS = "Sun Mon Tue Wed Thu Fri Sat".split(" ");
  const EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec".split(" ");

  /**
   * A wording's key in the page's JSON (FNV-1a over its UTF-16 units, base 36; hooks/afterno/translation_load.py
   * text_key): short keys instead of the English sentences keep a translated page small.
   * @param {string} text
   */
  function key(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(36);
  }

  /**
   * Use ``table`` (English wording -> translation) for t() and ``lang`` for dates (tests call this; in the browser
   * the page's JSON is read).
   * @param {Record<string, string>} table
   * @param {string} lang
   */
  function setStrings(table, lang) {
    strings = Object.fromEntries(Object.entries(table).map(([english, words]) => [key(english), words]));
    language = lang;
    formatter = null;
  }

  /**
   * Add a script's own interface text (key -> translation): a script fetched on demand carries its own, which the
   * build appends to its translated copy, so the page need not.
   * @param {Record<string, string>} table
   */
  function addStrings(table) {
    Object.assign(pageStrings(), table);
  }

  /** @returns {Record<string, string>} */
  function pageStrings() {
    if (!strings) {
      const el = typeof document === "object" && document.getElementById("atn-strings");
      strings = el ? JSON.parse(el.textContent || "{}") : {};
      language = el ? document.documentElement.lang : "";
    }
    return /** @type {Record<string, string>} */ (strings);
  }

  /**
   * Interface text in the page's language, its {name} places filled from ``values``.
   * @param {string} text The English wording, as a literal: the build collects every t("...") for translators.
   * @param {Record<string, string | number>} [values]
   */
  function t(text, values = {}) {
    const words = pageStrings()[key(text)] ?? text;
    return words.replace(/\{([a-z_]+)\}/g, (whole, name) => String(values[name] ?? whole));
  }

  /**
   * "Tue 2 Dec" in English (British, whatever the browser's language), "Di., 2. Dez." in German: the page's language.
   * @param {string | null} text
   */
  function formatDay(text) {
    const d = parseDate(text);
    if (!d) return "";
    pageStrings();
    // English without Intl, as en-GB writes it: a phone takes tens of milliseconds to build the first formatter.
    if (!language || language.startsWith("en")) {
      return `${EN_DAYS[d.getDay()]} ${d.getDate()} ${EN_MONTHS[d.getMonth()]}`;
    }
    formatter ||= new Intl.DateTimeFormat(language, { weekday: "short", day: "numeric", month: "short" });
    return formatter.format(d);
  }

  /**
   * What an item's date says, kindly: a past date is a plan, never a fault, and a gentle item's date
   * is only a suggestion. An item that waits for an outside event (a role posted) has no date at all.
   * @param {string} rejectedOn
   * @param {{due: number, gentle: boolean, waits?: boolean}} item
   * @param {boolean} ticked
   * @param {Date} [now]
   * @returns {DueInfo}
   */
  function dueInfo(rejectedOn, item, ticked, now) {
    if (!ticked && item.waits) return { state: "waits", text: t("when it happens") };
    const day = addDays(rejectedOn, item.due) || today(now);
    const shown = formatDay(day);
    const current = today(now);
    // A ticked item says it is done (its checkbox describes itself with this text, for screen readers too).
    if (ticked) return { state: "done", text: t("done") };
    if (day > current) return { state: "upcoming", text: t("by {day}", { day: shown }) };
    if (day === current) return { state: "today", text: t("today, {day}", { day: shown }) };
    if (item.gentle)
      return { state: "gentle", text: t("suggested for {day}: whenever you feel ready", { day: shown }) };
    return { state: "past", text: t("planned for {day}: still worth doing", { day: shown }) };
  }

  /**
   * The next open items by date (earliest first, page order among equals), at most ``count``; an item that
   * waits for an outside event has no date, so it is never next.
   * @template {{due: number, waits?: boolean}} T
   * @param {T[]} open items that apply and are not ticked, in page order
   * @param {number} count
   * @returns {T[]}
   */
  function nextItems(open, count) {
    return open
      .filter((item) => !item.waits)
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.due - b.item.due || a.index - b.index)
      .slice(0, count)
      .map((entry) => entry.item);
  }

  /**
   * What the "Next" block says an open item is for: its day, "Today", or, once the day has passed, a plan
   * (a gentle item: whenever the reader is ready). Gentle items stay eligible for Next; they are never overdue.
   * @param {string} rejectedOn
   * @param {{due: number, gentle: boolean}} item
   * @param {Date} [now]
   * @returns {string}
   */
  function nextWhen(rejectedOn, item, now) {
    const day = addDays(rejectedOn, item.due) || today(now);
    const current = today(now);
    if (day === current) return t("Today");
    if (day > current) return formatDay(day);
    return item.gentle ? t("When you feel ready") : t("Planned for {day}", { day: formatDay(day) });
  }

  const newId = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  /**
   * @param {unknown} v
   * @param {number} [max]
   */
  const text = (v, max) => (typeof v === "string" ? (max ? v.slice(0, max) : v) : "");

  /**
   * @param {{company?: unknown, role?: unknown, rejectedOn?: unknown, situation?: unknown} | null} [fields]
   * @param {Date} [now]
   * @returns {Application}
   */
  function newApplication(fields, now) {
    const f = fields || {};
    return {
      id: newId(),
      company: text(f.company, MAX_FIELD),
      role: text(f.role, MAX_FIELD),
      rejectedOn: parseDate(f.rejectedOn) ? String(f.rejectedOn) : today(now),
      situation: text(f.situation, 100),
      ticks: map(),
      notes: map(),
      reflections: map(),
      created: (now || new Date()).toISOString(),
    };
  }

  /**
   * @param {Parameters<typeof newApplication>[0]} [fields]
   * @param {Date} [now]
   * @returns {Store}
   */
  function emptyStore(fields, now) {
    const app = newApplication(fields, now);
    return { version: VERSION, active: app.id, applications: [app] };
  }

  /**
   * @param {unknown} v
   * @returns {v is Record<string, any>}
   */
  const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  /**
   * @param {object} obj
   * @param {string} key
   */
  const own = (obj, key) => Object.hasOwn(obj, key);
  /**
   * A plain map with no prototype, so ids like "__proto__" stay ordinary keys.
   * @returns {Record<string, any>}
   */
  const map = () => Object.create(null);

  /**
   * @template V
   * @param {unknown} v
   * @param {(value: unknown) => value is V} keep
   * @returns {Record<string, V>}
   */
  function cleanMap(v, keep) {
    const out = map();
    if (!isObject(v)) return out;
    for (const k of Object.keys(v)) {
      if (k && k.length <= 200 && keep(v[k])) out[k] = v[k];
    }
    return out;
  }
  /** @type {(v: unknown) => v is true} */
  const isTick = (v) => v === true;
  /**
   * @param {unknown} v
   * @returns {v is string}
   */
  function isNote(v) {
    return typeof v === "string" && v.length > 0;
  }

  /**
   * One application from stored or imported data, with every field checked; null if it is not one.
   * @param {unknown} v
   * @returns {Application | null}
   */
  function cleanApplication(v) {
    if (!isObject(v)) return null;
    const app = newApplication(v);
    if (typeof v.id === "string" && /^[\w:-]{1,100}$/.test(v.id)) app.id = v.id;
    app.ticks = cleanMap(v.ticks, isTick);
    app.notes = cleanMap(v.notes, isNote);
    app.reflections = cleanMap(v.reflections, isNote);
    if (typeof v.created === "string") app.created = text(v.created, 40);
    return app;
  }

  /**
   * A store from parsed JSON, with ``lost`` counting records that were not applications;
   * null if the shape is not ours at all.
   * @param {unknown} data
   * @returns {{store: Store, lost: number} | null}
   */
  function normalise(data) {
    if (!isObject(data) || data.version !== VERSION || !Array.isArray(data.applications)) return null;
    const seen = map();
    /** @type {Application[]} */
    const apps = [];
    for (const v of data.applications) {
      const app = cleanApplication(v);
      if (!app) continue;
      while (seen[app.id]) app.id = newId();
      seen[app.id] = true;
      apps.push(app);
    }
    const lost = data.applications.length - apps.length;
    if (!apps.length) apps.push(newApplication());
    const active = typeof data.active === "string" && seen[data.active] ? data.active : apps[0].id;
    return { store: { version: VERSION, active, applications: apps }, lost };
  }

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
   * What storage held: the current record, the legacy tick map, or nothing. Never throws.
   * problem "damaged" means the raw text should be kept under DAMAGED_KEY before anything replaces it:
   * unreadable JSON, or a record some of whose checklists could not be used (the rest are kept).
   * @param {string | null} raw
   * @param {string | null} legacyRaw
   * @param {Date} [now]
   * @returns {{store: Store, problem: Problem}}
   */
  function readStore(raw, legacyRaw, now) {
    if (raw == null) {
      if (legacyRaw == null) return { store: emptyStore(null, now), problem: "" };
      const legacy = parse(legacyRaw);
      if (!isObject(legacy)) return { store: emptyStore(null, now), problem: "damaged" };
      const store = emptyStore(null, now);
      store.applications[0].ticks = cleanMap(isObject(legacy.ticks) ? legacy.ticks : legacy, isTick);
      return { store, problem: "migrated" };
    }
    const result = normalise(parse(raw));
    if (!result) return { store: emptyStore(null, now), problem: "damaged" };
    return { store: result.store, problem: result.lost ? "damaged" : "" };
  }

  /**
   * Progress under an old item id moves to the item that now replaces it (replaces: [old-id] in the YAML).
   * @param {Store} store
   * @param {{id: string, replaces: string[]}[]} items
   * @param {unknown} [aliases] renamed step and situation ids (see applyAliases)
   */
  function applyReplaces(store, items, aliases) {
    let changed = aliases ? applyAliases(store, aliases) : false;
    for (const app of store.applications) {
      for (const item of items) {
        for (const old of item.replaces) {
          for (const bag of [app.ticks, app.notes]) {
            if (!own(bag, old)) continue;
            if (!own(bag, item.id)) /** @type {Record<string, unknown>} */ (bag)[item.id] = bag[old];
            delete bag[old];
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  /**
   * Steps and situations renamed with `afterno rename` keep their old ids as aliases:
   * { steps: { "old-id": "new-id" }, situations: { "old-id": "new-id" } }. Answers to a step's questions
   * (stored as "step-id:index") and a checklist's situation move to the new id; an answer already saved
   * under the new id is kept. Returns whether anything moved.
   * @param {Store} store
   * @param {unknown} aliases
   */
  function applyAliases(store, aliases) {
    if (!isObject(aliases)) return false;
    const steps = isObject(aliases.steps) ? aliases.steps : {};
    const situations = isObject(aliases.situations) ? aliases.situations : {};
    let changed = false;
    for (const app of store.applications) {
      const answers = /** @type {Record<string, unknown>} */ (app.reflections);
      for (const key of Object.keys(answers)) {
        const cut = key.lastIndexOf(":");
        const step = cut > 0 ? key.slice(0, cut) : "";
        if (!step || !own(steps, step) || typeof steps[step] !== "string") continue;
        const moved = steps[step] + key.slice(cut);
        if (!own(answers, moved)) answers[moved] = answers[key];
        delete answers[key];
        changed = true;
      }
      if (app.situation && own(situations, app.situation) && typeof situations[app.situation] === "string") {
        app.situation = situations[app.situation];
        changed = true;
      }
    }
    return changed;
  }

  /**
   * The current id for one that may have been renamed (a ?situation= link printed before the rename).
   * @param {string | null} id
   * @param {unknown} renamed
   * @returns {string | null}
   */
  function currentId(id, renamed) {
    if (typeof id !== "string" || !isObject(renamed) || !own(renamed, id)) return id;
    const value = renamed[id];
    return typeof value === "string" ? value : id;
  }

  /**
   * @param {Store} store
   * @param {string} id
   */
  const findApplication = (store, id) => store.applications.find((app) => app.id === id) || null;

  /**
   * Clear one application's ticks and notes; false when it is not in the store (deleted elsewhere).
   * @param {Store} store
   * @param {string} id
   */
  function resetApplication(store, id) {
    const app = findApplication(store, id);
    if (!app) return false;
    app.ticks = map();
    app.notes = map();
    app.reflections = map();
    return true;
  }

  /**
   * Remove one application (a fresh one takes its place if it was the last); false when it was not there.
   * @param {Store} store
   * @param {string} id
   */
  function deleteApplication(store, id) {
    const before = store.applications.length;
    store.applications = store.applications.filter((app) => app.id !== id);
    if (store.applications.length === before) return false;
    if (!store.applications.length) store.applications.push(newApplication());
    if (!findApplication(store, store.active)) store.active = store.applications[0].id;
    return true;
  }

  /**
   * Whether an application is still as it was made (nothing typed or ticked).
   * @param {Application} app
   */
  function pristine(app) {
    const empty = (/** @type {object} */ bag) => !Object.keys(bag).length;
    return !app.company && !app.role && empty(app.ticks) && empty(app.notes) && empty(app.reflections);
  }

  /** @param {Application} app */
  const applicationName = (app) => [app.company, app.role].filter(Boolean).join(", ") || t("Your checklist");

  /**
   * How the list of checklists names one: its company and role, else what they said, else "Your checklist"; always
   * with the day heard, so that two checklists without a company can be told apart.
   * @param {Application} app
   * @param {string} [situationTitle] what they said, as the page words it
   */
  const applicationLabel = (app, situationTitle) =>
    t("{name} (heard {day})", {
      name: [app.company, app.role].filter(Boolean).join(", ") || situationTitle || t("Your checklist"),
      day: formatDay(app.rejectedOn),
    });

  return {
    VERSION,
    KEY,
    LEGACY_KEY,
    DAMAGED_KEY,
    MAX_APPLICATIONS,
    MAX_FIELD,
    today,
    parseDate,
    addDays,
    dayHeardCheck,
    formatDay,
    t,
    setStrings,
    addStrings,
    textKey: key,
    dueInfo,
    nextItems,
    nextWhen,
    newApplication,
    emptyStore,
    normalise,
    cleanApplication,
    readStore,
    applyReplaces,
    applyAliases,
    currentId,
    findApplication,
    resetApplication,
    deleteApplication,
    pristine,
    applicationName,
    applicationLabel,
  };
})();

if (typeof module === "object" && module.exports) module.exports = AtnChecklistCore;
