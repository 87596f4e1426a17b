// @ts-check
/* After the No: enhances the checklist page built from content/checklist.yml (GOV.UK Frontend's pattern: a class
   per component with init(), found by a data- attribute). The built page is a complete list without this script.
   The pure logic lives in checklist-core.js; this file reads and writes the DOM, always as text, never as HTML. */
"use strict";

(() => {
  const C = AtnChecklistCore;
  const t = C.t;

  /** @typedef {import("./checklist-core.js").Store} Store */
  /** @typedef {import("./checklist-core.js").Application} Application */
  /** @typedef {"ok" | "full" | "off"} WriteResult */

  // Notes are saved this long after the last keystroke (and at once when the field loses focus or the tab hides).
  const NOTE_DELAY = 300;
  // A day heard chosen in a picker (a calendar, a phone's wheels) is saved once it has settled this long; one typed
  // with the keyboard only when the field is left or Enter is pressed (Chrome sets the value at each digit).
  const DATE_DELAY = 800;

  /**
   * @template {Element} [T=HTMLElement]
   * @param {ParentNode} root
   * @param {string} selector
   * @returns {T}
   */
  function need(root, selector) {
    const el = root.querySelector(selector);
    if (!el) {
      throw new Error(
        `After the No checklist: the page has no ${selector}. Rebuild it from hooks/afterno/templates/checklist.md.j2.`,
      );
    }
    return /** @type {T} */ (el);
  }

  /**
   * Words the page holds for the script in data- attributes, in its language (like GOV.UK Frontend's data-i18n),
   * their {name} places filled: long sentences cost the script nothing to download.
   * @param {HTMLElement} el
   * @param {string} kind the attribute's name after data-, in camelCase
   * @param {Record<string, string | number>} [values]
   */
  function pageWords(el, kind, values) {
    return t(el.dataset[kind] || "", values);
  }

  /**
   * What a reset clears and its Undo puts back, for one checklist.
   * @typedef {{id: string, ticks: Application["ticks"], notes: Application["notes"],
   *   reflections: Application["reflections"]}} ResetUndo
   */

  /**
   * A copy of a checklist's ticks, notes and answers, in their stored order (maps with no prototype, as stored).
   * @param {Pick<Application, "ticks" | "notes" | "reflections">} app
   */
  function copyMarks(app) {
    const copy = (/** @type {object} */ from) => Object.assign(Object.create(null), from);
    return { ticks: copy(app.ticks), notes: copy(app.notes), reflections: copy(app.reflections) };
  }

  /**
   * The page's aliases (data-aliases, JSON); an empty object when missing or unreadable.
   * @param {string | undefined} text
   * @returns {Record<string, unknown>}
   */
  function parseAliases(text) {
    try {
      const value = JSON.parse(text || "{}");
      return value && typeof value === "object" ? value : {};
    } catch {
      return {};
    }
  }

  /** The browser's storage for the checklist: read even when writing fails, and never throws. */
  class ChecklistStorage {
    constructor() {
      /** @type {Storage | null} */
      this.storage = null;
      /** @type {WriteResult} */
      this.state = "off";
    }

    /** Find out what storage allows: set, get and remove a probe, each inside try/catch. */
    init() {
      try {
        this.storage = window.localStorage;
        this.storage.getItem(C.KEY);
      } catch {
        this.storage = null;
        return this;
      }
      this.state = this.probe();
      return this;
    }

    /** @returns {WriteResult} */
    probe() {
      const storage = /** @type {Storage} */ (this.storage);
      const key = "afterno:probe";
      try {
        storage.setItem(key, key);
        const ok = storage.getItem(key) === key;
        storage.removeItem(key);
        return ok ? "ok" : "off";
      } catch (error) {
        return ChecklistStorage.isFull(error) ? "full" : "off";
      }
    }

    /** @param {unknown} error */
    static isFull(error) {
      return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
    }

    get readable() {
      return this.storage !== null;
    }

    /**
     * @param {string} key
     * @returns {string | null}
     */
    get(key) {
      try {
        return this.storage ? this.storage.getItem(key) : null;
      } catch {
        return null;
      }
    }

    /**
     * @param {string} key
     * @param {string} value
     * @returns {WriteResult}
     */
    set(key, value) {
      if (!this.storage) return "off";
      try {
        this.storage.setItem(key, value);
        this.state = "ok";
      } catch (error) {
        this.state = ChecklistStorage.isFull(error) ? "full" : "off";
      }
      return this.state;
    }
  }

  /** The page's one confirmation dialog (a native <dialog>, so focus and Escape work as people expect). */
  class ConfirmDialog {
    /** @param {HTMLDialogElement} dialog */
    constructor(dialog) {
      this.dialog = dialog;
      /** @type {HTMLElement} */
      this.title = need(dialog, "[data-atn-dialog-title]");
      /** @type {HTMLElement} */
      this.text = need(dialog, "[data-atn-dialog-text]");
      /** @type {HTMLButtonElement} */
      this.ok = need(dialog, "[data-atn-dialog-ok]");
      /** @type {HTMLButtonElement} */
      this.alt = need(dialog, "[data-atn-dialog-alt]");
    }

    /**
     * The question the page holds for ``kind`` (see pageWords).
     * @param {string} kind
     * @param {Record<string, string | number>} values
     */
    words(kind, values) {
      return pageWords(this.dialog, kind, values);
    }

    /**
     * Ask, and resolve with "ok", "alt" or "cancel".
     * @param {{title: string, text: string, ok: string, alt?: string}} question
     * @returns {Promise<string>}
     */
    ask(question) {
      this.title.textContent = question.title;
      this.text.textContent = question.text;
      this.ok.textContent = question.ok;
      this.alt.hidden = !question.alt;
      this.alt.textContent = question.alt || "";
      this.dialog.returnValue = "";
      return new Promise((resolve) => {
        this.dialog.addEventListener("close", () => resolve(this.dialog.returnValue || "cancel"), { once: true });
        this.dialog.showModal();
      });
    }
  }

  /**
   * One item of the list, read from its markup.
   * @typedef {{li: HTMLElement, id: string, due: number, gentle: boolean, waits: boolean, applies: string[],
   *   replaces: string[],
   *   box: HTMLInputElement, dueText: HTMLElement, appliesText: HTMLElement | null, note: HTMLTextAreaElement,
   *   print: HTMLElement, label: string, url: string}} Item
   */

  /** @param {HTMLElement} li */
  function readItem(li) {
    return {
      li,
      id: li.dataset.item || "",
      due: Number(li.dataset.due),
      gentle: li.hasAttribute("data-gentle"),
      waits: li.hasAttribute("data-waits"),
      applies: (li.dataset.applies || "all").split(" "),
      replaces: li.dataset.replaces ? li.dataset.replaces.split(" ") : [],
      box: /** @type {HTMLInputElement} */ (need(li, "input[type=checkbox]")),
      dueText: /** @type {HTMLElement} */ (need(li, "[data-atn-due]")),
      appliesText: /** @type {HTMLElement | null} */ (li.querySelector("[data-atn-applies]")),
      note: /** @type {HTMLTextAreaElement} */ (need(li, "[data-atn-note]")),
      print: /** @type {HTMLElement} */ (need(li, "[data-atn-print]")),
      label: need(li, "label").textContent || "",
      url: /** @type {HTMLAnchorElement} */ (need(li, "a.atn-item__step")).href,
    };
  }

  /**
   * The theme made the page's links absolute against the address it arrived at, ?situation= included: in-page
   * links followed later would load that address again and undo a situation the reader has changed since.
   * @param {string} arrivedAt the address before the query was dropped, without its #fragment
   */
  function forgetQuery(arrivedAt) {
    for (const link of document.querySelectorAll("a[href]")) {
      const a = /** @type {HTMLAnchorElement} */ (link);
      if (a.href.startsWith(`${arrivedAt}#`)) a.href = a.hash;
    }
  }

  const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : document.baseURI;
  /** @type {Promise<typeof import("./checklist-files.js")> | null} */
  let files = null;

  /**
   * The backup and calendar code, LOADED ON DEMAND: checklist-files.js is added to the page the first time a reader
   * asks for a backup, a restore or reminders; no <script> tag lists it (tests/test_budgets.py measures it apart).
   * After a failed fetch the next click tries again.
   */
  function loadFiles() {
    files ||= new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL("checklist-files.js", here).href;
      tag.onload = () => (window.AtnChecklistFiles ? resolve(window.AtnChecklistFiles) : tag.onerror?.(new Event("")));
      tag.onerror = () => {
        files = null;
        tag.remove();
        reject(new Error(`After the No: could not load ${tag.src}`));
      };
      document.head.append(tag);
    });
    return files;
  }

  class Checklist {
    /** @param {HTMLElement} root */
    constructor(root) {
      this.root = root;
      this.storage = new ChecklistStorage();
      /** @type {Store} */
      this.state = C.emptyStore();
      /** @type {string[]} */
      this.notices = [];
      /** Whether the record read needs saving (migrated, repaired, set up by a link). */
      this.changed = false;
      /** The situation of the ?situation= link this visit arrived by. */
      this.arrived = "";
      /** The day heard of the link's ?heard=YYYY-MM-DD, when it is one (today or earlier). */
      this.arrivedDay = "";
      /** @type {string[]} What the arrival box says about parts of the link left out (their data- names). */
      this.linkNotes = [];
      /**
       * What the arrival box shows: "fresh" (a new checklist set up by the link), "ask" (a checklist in progress is
       * for something else: use it, or start a new one?), "use" or "new" (the choice made, with Undo), or nothing.
       * @type {"" | "fresh" | "ask" | "use" | "new"}
       */
      this.arrival = "";
      /** @type {{id: string, situation?: string, rejectedOn?: string, made?: string}} What Undo puts back. */
      this.undoTo = { id: "" };
      /** @type {ResetUndo | null} What Undo after a reset puts back. */
      this.resetUndo = null;
      this.showOthers = false;
      /** @type {Map<HTMLTextAreaElement, number>} */
      this.pendingNotes = new Map();
      /** The record as this page last wrote it: while storage still holds it, no other tab has changed it. */
      this.written = "";
      /** @type {HTMLInputElement | null} A day-heard field changed but not yet saved (see dateTyped). */
      this.pendingDate = null;
      this.dateTimer = 0;
      /** Whether the day-heard field is being changed with keys (typed digits, arrows), not a picker. */
      this.dateByKeys = false;
      /** Whether a press (mouse, finger) has started in the page and not ended. */
      this.pressing = false;
      /** @type {(() => void) | null} What waits for the press to end (see onLeave). */
      this.afterPress = null;
    }

    init() {
      if (this.root.hasAttribute("data-atn-ready")) return;
      this.root.setAttribute("data-atn-ready", "starting");
      this.findParts();
      this.load();
      this.applyLink();
      if (this.changed) this.save();
      this.bind();
      for (const part of this.root.querySelectorAll("[data-atn-js]")) /** @type {HTMLElement} */ (part).hidden = false;
      // A phase heading's ¶ was one more Tab stop before its checkboxes, in every phase; the same address is in the
      // contents ("On this page"), so a keyboard reader goes from a phase's words straight to its first item.
      for (const link of this.root.querySelectorAll(".atn-phase-title > .headerlink")) {
        /** @type {HTMLElement} */ (link).tabIndex = -1;
      }
      this.renderAll();
      // A link's situation or day the page cannot use: the picker and the day are shown, for the reader to set theirs.
      if (this.linkNotes.length) this.openSetup(false);
      for (const text of this.notices) this.showNotice(text);
      this.root.setAttribute("data-atn-ready", "ready");
      performance.mark("atn-checklist-ready");
    }

    findParts() {
      const root = this.root;
      /** @type {(selector: string) => any} */
      const part = (selector) => need(root, selector);
      this.el = {
        notice: /** @type {HTMLElement} */ (part("[data-atn-notice]")),
        summary: /** @type {HTMLElement} */ (part("[data-atn-summary]")),
        setup: /** @type {HTMLElement} */ (part("[data-atn-setup]")),
        apps: /** @type {HTMLSelectElement} */ (part("[data-atn-app]")),
        next: /** @type {HTMLOListElement} */ (part("[data-atn-next-list]")),
        progress: /** @type {HTMLProgressElement} */ (part("[data-atn-progress]")),
        progressText: /** @type {HTMLElement} */ (part("[data-atn-progress-text]")),
        why: /** @type {HTMLElement} */ (part("[data-atn-why]")),
        whyText: /** @type {HTMLElement} */ (part("[data-atn-why-text]")),
        others: /** @type {HTMLButtonElement} */ (part("[data-atn-action=others]")),
        live: /** @type {HTMLElement} */ (part("[data-atn-live]")),
        head: /** @type {HTMLElement} */ (part("[data-atn-print-head]")),
        message: /** @type {HTMLElement} */ (part("[data-atn-message]")),
        file: /** @type {HTMLInputElement} */ (part("[data-atn-import]")),
        situation: /** @type {HTMLSelectElement} */ (part("[data-atn-field=situation]")),
        arrival: /** @type {HTMLElement} */ (part("[data-atn-arrival]")),
        arrivalText: /** @type {HTMLElement} */ (part("[data-atn-arrival-text]")),
        choice: /** @type {HTMLElement} */ (part("[data-atn-choice]")),
        use: /** @type {HTMLButtonElement} */ (part("[data-atn-action=use]")),
        heard: /** @type {HTMLElement} */ (part("[data-atn-heard]")),
        undo: /** @type {HTMLButtonElement} */ (part("[data-atn-action=undo]")),
        undoReset: /** @type {HTMLButtonElement} */ (part("[data-atn-action=undo-reset]")),
        dateField: /** @type {HTMLElement} */ (part("[data-atn-date-field]")),
        dateAbove: /** @type {HTMLElement} */ (part("[data-atn-date-above]")),
      };
      this.confirm = new ConfirmDialog(part("[data-atn-dialog]"));
      /** @type {HTMLInputElement[]} */
      this.fields = [...root.querySelectorAll("[data-atn-field]")].map((f) => /** @type {HTMLInputElement} */ (f));
      /** Old ids of renamed steps and situations (afterno rename), from the page: see C.applyAliases. */
      this.aliases = parseAliases(root.dataset.aliases);
      /** @type {Item[]} */
      this.items = [...root.querySelectorAll("li[data-item]")].map((li) => readItem(/** @type {HTMLElement} */ (li)));
      /** @type {{ul: HTMLElement, from: number, to: number, status: HTMLElement | null}[]} */
      this.phases = [...root.querySelectorAll("ul[data-atn-phase]")].map((ul) => ({
        ul: /** @type {HTMLElement} */ (ul),
        from: Number(/** @type {HTMLElement} */ (ul).dataset.from),
        to: Number(/** @type {HTMLElement} */ (ul).dataset.to),
        status: /** @type {HTMLElement | null} */ (
          ul.previousElementSibling?.matches("[data-atn-phase-status]") ? ul.previousElementSibling : null
        ),
      }));
      // Situation titles from the select's own options; no inherited keys (?situation=constructor is nothing).
      /** @type {Record<string, string>} */
      this.titles = Object.create(null);
      for (const option of this.el.situation.options) if (option.value) this.titles[option.value] = option.text;
    }

    dialog() {
      return /** @type {ConfirmDialog} */ (this.confirm);
    }

    get parts() {
      return /** @type {NonNullable<Checklist["el"]>} */ (this.el);
    }

    /** Read the record (also when storage is full), keeping a copy of anything damaged before replacing it. */
    load() {
      this.storage.init();
      if (!this.storage.readable) {
        this.notices.push(this.words("off"));
        this.state = Checklist.memory || C.emptyStore();
        return;
      }
      const raw = this.storage.get(C.KEY);
      const read = C.readStore(raw, raw == null ? this.storage.get(C.LEGACY_KEY) : null);
      this.state = read.store;
      if (read.problem === "damaged") this.keepDamaged(raw == null ? this.storage.get(C.LEGACY_KEY) : raw);
      if (read.problem === "migrated") this.notices.push(this.words("migrated"));
      // A migrated or repaired record is saved in its new form (the damaged one was copied aside first).
      this.changed = read.problem !== "" || C.applyReplaces(this.state, this.items, this.aliases);
      if (this.storage.state !== "ok") {
        this.notices.push(this.words(this.storage.state));
        // Changes made on this visit that could not be saved are newer than the stored record.
        if (Checklist.memory) this.state = Checklist.memory;
      }
      C.applyReplaces(this.state, this.items, this.aliases);
    }

    /** @param {string | null} raw */
    keepDamaged(raw) {
      this.notices.push(this.words("damaged"));
      if (raw != null && this.storage.set(C.DAMAGED_KEY, raw) !== "ok") {
        // The copy could not be made: work in memory, so the old data stays where it is.
        this.storage.storage = null;
      }
    }

    /**
     * A link like /checklist/?situation=no-reply&heard=2026-12-01 sets up a new checklist for that situation, counted
     * from that day, and says so; a checklist in progress that is for something else is not changed until the reader
     * says which to use (see renderArrival). A situation the page does not know, or a day that is still to come or
     * not a date, is left out with a word.
     */
    applyLink() {
      const query = new URLSearchParams(location.search);
      const renamed = /** @type {{situations?: unknown}} */ (this.aliases).situations;
      const wanted = C.currentId(query.get("situation"), renamed);
      const day = query.get("heard");
      if (!wanted && day === null) return;
      const arrivedAt = location.href.replace(/#.*/, "");
      history.replaceState(history.state, "", location.pathname + location.hash);
      forgetQuery(arrivedAt);
      if (wanted && !this.titles[wanted]) this.linkNotes.push("unknown");
      if (day !== null && C.dayHeardCheck(day) !== "ok") this.linkNotes.push("badDay");
      const app = this.active();
      this.arrived = wanted && this.titles[wanted] && app.situation !== wanted ? wanted : "";
      this.arrivedDay = day && !this.linkNotes.includes("badDay") && app.rejectedOn !== day ? day : "";
      if (!this.arrived && !this.arrivedDay) return;
      this.arrival = C.pristine(app) ? "fresh" : "ask";
      if (this.arrival === "ask") return;
      this.setUp(app);
      this.changed = true;
    }

    /**
     * The link's situation and day, those it gives, for ``app``.
     * @param {Application} app
     */
    setUp(app) {
      app.situation = this.arrived || app.situation;
      app.rejectedOn = this.arrivedDay || app.rejectedOn;
    }

    /** The reader's answer to "ask": the link's situation and day for the checklist in progress (ticks stay). */
    useHere() {
      const id = this.active().id;
      this.update((store) => {
        const app = C.findApplication(store, id);
        if (!app) return;
        this.undoTo = { id, situation: app.situation, rejectedOn: app.rejectedOn };
        this.setUp(app);
      });
      this.arrival = "use";
      this.renderAll();
      this.parts.undo.focus();
    }

    /** The other answer: a new checklist for this situation and day, the one in progress kept as it is. */
    startNew() {
      if (!this.roomForOne()) return;
      const app = C.newApplication({ situation: this.arrived, rejectedOn: this.arrivedDay });
      this.undoTo = { id: this.state.active, made: app.id };
      this.update((store) => {
        store.applications.push(app);
        store.active = app.id;
      });
      this.arrival = "new";
      this.renderAll();
      need(this.root, "#atn-heard").focus();
    }

    /** Undo the answer and ask again: the new checklist goes if nothing was ticked or typed in it; nothing is lost. */
    undo() {
      const back = this.undoTo;
      this.update((store) => {
        const made = back.made && C.findApplication(store, back.made);
        if (made && C.pristine(made)) C.deleteApplication(store, made.id);
        const app = C.findApplication(store, back.id);
        if (!app) return;
        if (back.made) store.active = app.id;
        else {
          app.situation = back.situation || "";
          if (back.rejectedOn) app.rejectedOn = back.rejectedOn;
        }
      });
      this.arrival = "ask";
      this.renderAll();
      this.parts.use.focus();
    }

    /** @returns {Application} */
    active() {
      const found = C.findApplication(this.state, this.state.active);
      if (found) return found;
      this.state.active = this.state.applications[0].id;
      return this.state.applications[0];
    }

    /**
     * Apply ``change`` to the record as it is stored now (another tab may have saved since), then save it.
     * @param {(store: Store) => void} change
     */
    update(change) {
      this.flushNotes();
      this.reread();
      // Any other change after a reset makes its Undo unsafe (it would put back ticks over newer ones).
      this.forgetReset();
      change(this.state);
      return this.save();
    }

    /** Take the stored record if it is readable and ours (a failed save keeps the newer one in memory). */
    reread() {
      if (!this.storage.readable || this.storage.state !== "ok") return;
      const raw = this.storage.get(C.KEY);
      // Nothing saved yet (a first visit): this page's record is the only one.
      if (raw == null || raw === this.written) return;
      const read = C.readStore(raw, null);
      if (read.problem) return;
      const active = this.state.active;
      this.state = read.store;
      if (C.findApplication(this.state, active)) this.state.active = active;
      C.applyReplaces(this.state, this.items, this.aliases);
    }

    /** @returns {WriteResult} */
    save() {
      Checklist.memory = this.state;
      const before = this.storage.state;
      const json = JSON.stringify(this.state);
      const result = this.storage.readable ? this.storage.set(C.KEY, json) : "off";
      if (result === "ok") this.written = json;
      if (result !== "ok") this.showNotice(this.words(result));
      else if (before !== "ok") this.hideNotice(this.words("full"));
      this.root.dispatchEvent(new CustomEvent("afterno:saved", { detail: result }));
      return result;
    }

    /**
     * What the notice says when storage is off or full, a record was damaged or migrated: the page's words.
     * @param {"off" | "full" | "damaged" | "migrated"} kind
     */
    words(kind) {
      return pageWords(this.parts.notice, kind);
    }

    /** @param {string} text */
    showNotice(text) {
      const el = this.parts.notice;
      if (!(el.textContent || "").includes(text)) el.textContent = `${el.textContent || ""} ${text}`.trim();
      el.hidden = false;
    }

    /** @param {string} text */
    hideNotice(text) {
      const el = this.parts.notice;
      el.textContent = (el.textContent || "").replace(text, "").trim();
      el.hidden = !el.textContent;
    }

    /** @param {string} text */
    say(text) {
      this.parts.message.textContent = text;
    }

    /** @param {WriteResult} result */
    savedWords(result) {
      return result === "ok" ? "" : ` ${pageWords(this.parts.notice, "unsaved")}`;
    }

    bind() {
      this.root.addEventListener("click", (event) => this.onClick(event));
      this.root.addEventListener("input", (event) => this.onInput(event));
      this.root.addEventListener("change", (event) => this.onChange(event));
      this.root.addEventListener("focusout", (event) => this.onLeave(event));
      this.root.addEventListener("keydown", (event) => this.onKey(event));
      this.root.addEventListener("pointerdown", () => {
        this.dateByKeys = false;
        this.pressing = true;
      });
      Checklist.current = this;
    }

    /**
     * Escape inside the open Change panel closes it and puts the focus back on the Change button.
     * @param {KeyboardEvent} event
     */
    onKey(event) {
      if (isDateField(event.target)) this.dateKey(event);
      if (event.key !== "Escape" || this.parts.setup.hidden) return;
      if (!(event.target instanceof Node) || !this.parts.setup.contains(event.target)) return;
      event.preventDefault();
      this.toggleSetup();
    }

    /**
     * A key in a day-heard field: Enter saves what it holds; a key that edits it (a digit, an arrow) means the value
     * is typed, so it waits until the field is left.
     * @param {KeyboardEvent} event
     */
    dateKey(event) {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (event.key === "Enter") this.commitDate(input, "enter");
      else if (!["Tab", "Shift", "Escape"].includes(event.key)) this.dateByKeys = true;
    }

    /**
     * Focus leaving a field: a note or a day heard typed there is saved.
     * @param {FocusEvent} event
     */
    onLeave(event) {
      if (isDateField(event.target)) {
        const input = /** @type {HTMLInputElement} */ (event.target);
        this.dateByKeys = false;
        // Left by a press on a checkbox or a button: the list the new day redraws must not move under the pointer
        // before the press ends (the click would miss), so the day is saved just after it.
        if (this.pressing) this.afterPress = () => this.commitDate(input, "leave");
        else this.commitDate(input, "leave");
      }
      this.flushNotes();
    }

    /** A press ended: what waited for it runs once the click it made has been handled. */
    released() {
      this.pressing = false;
      const run = this.afterPress;
      this.afterPress = null;
      if (run) window.setTimeout(run, 0);
    }

    /** Another tab saved: show its record (after saving any note typed here). */
    onOtherTab() {
      if (!this.root.isConnected || this.storage.state !== "ok") return;
      this.flushNotes();
      this.reread();
      this.renderAll();
    }

    /** @param {Event} event */
    onClick(event) {
      const target = /** @type {Element} */ (event.target);
      const button = target.closest("[data-atn-action]");
      if (!button) return;
      const name = button.getAttribute("data-atn-action") || "";
      const actions = /** @type {Record<string, () => void>} */ ({
        change: () => this.toggleSetup(),
        others: () => this.toggleOthers(),
        add: () => this.add(),
        delete: () => this.remove(),
        reset: () => this.reset(),
        export: () => this.withFiles((F) => F.exportBackup(this)),
        import: () => this.parts.file.click(),
        ics: () => this.withFiles((F) => F.calendar(this)),
        use: () => this.useHere(),
        new: () => this.startNew(),
        undo: () => this.undo(),
        "undo-reset": () => this.undoReset(),
        heard: () => need(this.root, "#atn-heard").focus(),
        print: () => window.print(),
      });
      actions[name]?.();
    }

    /** @param {Event} event */
    onInput(event) {
      const t = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target);
      if (t.matches("[data-atn-note], [data-atn-reflection]")) {
        this.noteTyped(/** @type {HTMLTextAreaElement} */ (t));
      } else if (isDateField(t)) {
        this.dateTyped(/** @type {HTMLInputElement} */ (t));
      } else if (t.matches("input[data-atn-field]:not([type=date])")) {
        const field = /** @type {"company" | "role"} */ (t.getAttribute("data-atn-field"));
        const id = this.active().id;
        this.update((store) => {
          const app = C.findApplication(store, id);
          if (app) app[field] = t.value;
        });
        this.renderSummary();
        this.renderApps();
      }
    }

    /**
     * A keystroke in a note: shown in print at once, saved shortly after (typing stays fluent with many
     * checklists stored; a pending note is saved on leaving the field, on hiding the tab and before any change).
     * @param {HTMLTextAreaElement} area
     */
    noteTyped(area) {
      this.setPrint(area, area.value);
      const pending = this.pendingNotes.get(area);
      if (pending) clearTimeout(pending);
      this.pendingNotes.set(
        area,
        window.setTimeout(() => this.flushNotes(), NOTE_DELAY),
      );
    }

    flushNotes() {
      if (!this.pendingNotes.size) return;
      const areas = [...this.pendingNotes.keys()];
      for (const timer of this.pendingNotes.values()) clearTimeout(timer);
      this.pendingNotes.clear();
      const id = this.active().id;
      this.reread();
      const app = C.findApplication(this.state, id);
      if (!app) return;
      for (const area of areas) {
        const reflection = area.getAttribute("data-atn-reflection");
        const bag = reflection ? app.reflections : app.notes;
        const key = reflection || area.closest("li[data-item]")?.getAttribute("data-item") || "";
        if (area.value) bag[key] = area.value;
        else delete bag[key];
      }
      this.save();
    }

    /** @param {Event} event */
    onChange(event) {
      const t = /** @type {HTMLInputElement} */ (event.target);
      const el = this.parts;
      if (t.matches("li[data-item] input[type=checkbox]")) this.ticked(t);
      else if (t === /** @type {unknown} */ (el.apps)) this.switchTo(el.apps.value);
      else if (t === el.file) this.withFiles((F) => F.importChosen(this));
      else if (isDateField(t)) this.dateTyped(t);
      else if (t.matches("[data-atn-field=situation]")) this.situationChanged(t.value);
    }

    /** @param {HTMLInputElement} box */
    ticked(box) {
      const itemId = box.closest("li")?.getAttribute("data-item") || "";
      const id = this.active().id;
      const checked = box.checked;
      this.update((store) => {
        const app = C.findApplication(store, id);
        if (!app) return;
        if (checked) app.ticks[itemId] = true;
        else delete app.ticks[itemId];
      });
      this.parts.live.textContent = this.renderItems();
    }

    /** @param {string} id */
    switchTo(id) {
      this.update((store) => {
        if (C.findApplication(store, id)) store.active = id;
      });
      this.arrival = "";
      this.linkNotes = [];
      this.renderAll();
      const app = this.active();
      this.parts.live.textContent = t("Showing {name}. {progress}.", {
        name: C.applicationLabel(app, this.titles[app.situation || ""]),
        progress: this.progressWords(),
      });
    }

    /**
     * The day-heard field changed: its message says at once what the box now holds (a day to come is refused), and
     * the day is saved once it has settled (see DATE_DELAY), never while digits are still being typed.
     * @param {HTMLInputElement} input
     */
    dateTyped(input) {
      this.showDateError(input, C.dayHeardCheck(input.value) === "future");
      clearTimeout(this.dateTimer);
      this.pendingDate = input;
      if (!this.dateByKeys) this.dateTimer = window.setTimeout(() => this.commitDate(input, "settle"), DATE_DELAY);
    }

    /**
     * Save the day heard the field holds, if it is one: a day still to come stays in the box with its message and
     * nothing is saved (the last saved day keeps counting); a field left empty or half typed shows the saved day.
     * @param {HTMLInputElement} input
     * @param {"settle" | "enter" | "leave"} how
     */
    commitDate(input, how) {
      clearTimeout(this.dateTimer);
      if (this.pendingDate !== input && how === "leave") return;
      this.pendingDate = null;
      const check = C.dayHeardCheck(input.value);
      const saved = this.active().rejectedOn;
      const words = this.showDateError(input, check === "future");
      if (check === "future") {
        this.parts.live.textContent = words;
        return;
      }
      if (check === "unfinished") {
        if (how === "leave") input.value = saved;
        return;
      }
      if (input.value === saved) return;
      const id = this.active().id;
      const day = input.value;
      this.update((store) => {
        const app = C.findApplication(store, id);
        if (app) app.rejectedOn = day;
      });
      this.renderApps();
      this.parts.live.textContent = this.renderItems();
    }

    /** A day heard changed and not yet saved is saved now (the page is going away). */
    flushDate() {
      if (this.pendingDate) this.commitDate(this.pendingDate, "settle");
    }

    /**
     * Show or hide the field's "still to come" message; returns its words.
     * @param {HTMLInputElement} input
     * @param {boolean} shown
     */
    showDateError(input, shown) {
      const error = need(/** @type {HTMLElement} */ (input.parentElement), "[data-atn-date-error]");
      error.hidden = !shown;
      input.setAttribute("aria-invalid", String(shown));
      return error.textContent || "";
    }

    /** @param {string} situation */
    situationChanged(situation) {
      const id = this.active().id;
      this.update((store) => {
        const app = C.findApplication(store, id);
        if (app) app.situation = situation;
      });
      // "Set up for: <old situation>" would be stale now; the top line shows the new one.
      this.arrival = "";
      this.linkNotes = [];
      this.showOthers = false;
      this.parts.live.textContent = this.renderItems();
    }

    /** @param {boolean} [focus] whether the focus moves into the panel (or back to Change when it closes) */
    toggleSetup(focus = true) {
      const setup = this.parts.setup;
      const opening = setup.hidden;
      setup.hidden = !opening;
      for (const button of this.root.querySelectorAll("[aria-controls=atn-setup]")) {
        button.setAttribute("aria-expanded", String(opening));
      }
      if (!focus) return;
      if (opening) need(setup, this.parts.dateField.hidden ? "#atn-situation" : "#atn-date").focus();
      else need(this.root, "[aria-controls=atn-setup]").focus();
    }

    /** @param {boolean} [focus] */
    openSetup(focus = true) {
      if (this.parts.setup.hidden) this.toggleSetup(focus);
    }

    toggleOthers() {
      this.showOthers = !this.showOthers;
      this.renderItems();
    }

    /** Whether one more checklist fits; if not, says so. */
    roomForOne() {
      const full = this.state.applications.length >= C.MAX_APPLICATIONS;
      if (full) {
        this.parts.live.textContent = t(
          "This page keeps at most {max} checklists in one browser. Delete one to add another.",
          { max: C.MAX_APPLICATIONS },
        );
        this.say(this.parts.live.textContent);
      }
      return !full;
    }

    add() {
      if (!this.roomForOne()) return;
      const app = C.newApplication();
      this.update((store) => {
        store.applications.push(app);
        store.active = app.id;
      });
      this.renderAll();
      this.openSetup();
      need(this.root, "#atn-company").focus();
      this.parts.live.textContent = pageWords(this.parts.notice, "added");
    }

    async remove() {
      const app = this.active();
      const name = C.applicationName(app);
      // An application with no company or role is "this checklist", never "Untitled application".
      const named = !!(app.company || app.role);
      const choice = await this.dialog().ask({
        title: t("Delete this checklist?"),
        text: this.dialog().words(named ? "deleteNamed" : "delete", { name }),
        ok: t("Delete it"),
      });
      if (choice !== "ok") return;
      let found = false;
      const result = this.update((store) => {
        found = C.deleteApplication(store, app.id);
      });
      this.renderAll();
      this.say(
        found
          ? (named ? t("Deleted the checklist for {name}.", { name }) : t("Deleted the checklist.")) +
              this.savedWords(result)
          : t("That checklist was already deleted, in another tab. Nothing else was changed."),
      );
      this.parts.apps.focus();
    }

    async reset() {
      const app = this.active();
      const name = C.applicationName(app);
      const named = !!(app.company || app.role);
      const choice = await this.dialog().ask({
        title: t("Start this checklist again?"),
        text: this.dialog().words(named ? "resetNamed" : "reset", { name }),
        ok: t("Clear ticks and notes"),
      });
      if (choice !== "ok") return;
      let found = false;
      /** @type {ResetUndo | null} */
      let before = null;
      const result = this.update((store) => {
        const stored = C.findApplication(store, app.id);
        if (stored) before = { id: app.id, ...copyMarks(stored) };
        found = C.resetApplication(store, app.id);
      });
      this.renderAll();
      this.say(
        found
          ? (named ? t("The checklist for {name} is clear again.", { name }) : t("Your checklist is clear again.")) +
              this.savedWords(result)
          : t("That checklist was deleted in another tab, so there was nothing to clear."),
      );
      this.resetUndo = before;
      this.parts.undoReset.hidden = !before;
      if (before) this.parts.undoReset.focus();
    }

    /** Put back the ticks, notes and answers a reset cleared, exactly as they were stored. */
    undoReset() {
      const back = this.resetUndo;
      if (!back) return;
      let found = false;
      const result = this.update((store) => {
        const app = C.findApplication(store, back.id);
        if (!app) return;
        Object.assign(app, copyMarks(back));
        found = true;
      });
      this.renderAll();
      this.say(
        found
          ? t("Your ticks and notes are back.") + this.savedWords(result)
          : t("That checklist was deleted in another tab, so there was nothing to put back."),
      );
      need(this.root, "[data-atn-action=reset]").focus();
    }

    /** Stop offering Undo for the last reset. */
    forgetReset() {
      this.resetUndo = null;
      this.parts.undoReset.hidden = true;
    }

    /**
     * Run ``use`` with checklist-files.js once it is here (see loadFiles), or say that it could not be fetched.
     * @param {(files: typeof import("./checklist-files.js")) => unknown} use
     */
    withFiles(use) {
      loadFiles().then(use, () =>
        this.say(t("This part of the page could not be loaded. Check your connection, then try again.")),
      );
    }

    renderAll() {
      const app = this.active();
      this.renderApps();
      for (const field of this.fields) {
        const name = /** @type {keyof Application} */ (field.getAttribute("data-atn-field"));
        const value = String(app[name] || "");
        if (field.type === "date" && field.value !== value) this.showDateError(field, false);
        field.value = value;
        // The date picker offers no day after today.
        if (field.type === "date") field.max = C.today();
      }
      for (const item of this.items) {
        const note = app.notes[item.id] || "";
        if (item.note.value !== note) item.note.value = note;
        const details = /** @type {HTMLDetailsElement} */ (item.note.closest("details"));
        if (note && !details.open) details.open = true;
        this.setPrint(item.note, note);
      }
      for (const element of this.root.querySelectorAll("[data-atn-reflection]")) {
        const area = /** @type {HTMLTextAreaElement} */ (element);
        const text = app.reflections[area.getAttribute("data-atn-reflection") || ""] || "";
        // Setting a textarea's value, even to the same text, lays the page out again: the twenty of them at load
        // cost 12 ms of main thread (several times that on Lighthouse's throttled phone).
        if (area.value !== text) area.value = text;
        this.setPrint(area, text);
      }
      this.renderItems();
    }

    renderApps() {
      const select = this.parts.apps;
      const options = this.state.applications.map((app) => {
        const option = document.createElement("option");
        option.value = app.id;
        option.textContent = C.applicationLabel(app, this.titles[app.situation || ""]);
        return option;
      });
      select.replaceChildren(...options);
      select.value = this.state.active;
    }

    /**
     * What the top line and the printed list say: the company and role if given, the day heard, what they said.
     * @param {Application} app
     */
    about(app) {
      const parts = [t("Heard {day}", { day: C.formatDay(app.rejectedOn) })];
      if (app.company || app.role) parts.unshift(C.applicationName(app));
      if (app.situation) parts.push(this.titles[app.situation]);
      return parts;
    }

    /** The top line: "Heard Sat 28 Nov · "We are pursuing other candidates"" (and the company and role, if given). */
    renderSummary() {
      const app = this.active();
      const parts = this.about(app);
      // "not set", never "not chosen", which can read as "you were not chosen".
      if (!app.situation) parts.push(t("What they said: not set"));
      this.parts.summary.textContent = parts.join(" · ");
    }

    /**
     * Show each item for this application: ticks, kind dates, what applies; returns the progress in words.
     * @returns {string}
     */
    renderItems() {
      const app = this.active();
      // A situation the content no longer has (an old backup, an old visit) would hide items for nothing.
      if (app.situation && !this.titles[app.situation]) app.situation = "";
      const now = new Date();
      let skipped = 0;
      for (const item of this.items) {
        const ticked = app.ticks[item.id] === true;
        const applies = !app.situation || item.applies[0] === "all" || item.applies.includes(app.situation);
        if (!applies) skipped++;
        item.li.hidden = !applies && !this.showOthers;
        item.li.classList.toggle("atn-item--other", !applies);
        if (item.box.checked !== ticked) item.box.checked = ticked;
        const due = C.dueInfo(app.rejectedOn, item, ticked, now);
        item.dueText.textContent = due.text[0].toUpperCase() + due.text.slice(1);
        item.li.dataset.when = due.state;
        if (item.appliesText) {
          item.appliesText.hidden = !!app.situation && applies;
          if (app.situation && !applies) item.appliesText.textContent = t("Does not usually apply to what they said.");
        }
      }
      this.renderWhy(skipped);
      this.renderProgress(app);
      this.renderNext(app);
      this.renderSummary();
      return this.progressWords();
    }

    /**
     * @param {number} skipped
     */
    renderWhy(skipped) {
      const el = this.parts;
      this.renderArrival(skipped);
      el.why.hidden = !skipped;
      if (!skipped) return;
      el.whyText.textContent = pageWords(el.why, skipped === 1 ? "one" : "many", { count: skipped });
      el.others.textContent = this.showOthers ? t("Hide them") : t("Show them");
      el.others.setAttribute("aria-pressed", String(this.showOthers));
    }

    /**
     * Arriving from a situation link (a careers centre, the home page): what it set up, the day heard to confirm
     * (the link cannot know it), or first the choice between the checklist in progress and a new one.
     * @param {number} skipped
     */
    renderArrival(skipped) {
      const el = this.parts;
      const mode = this.arrival;
      el.arrival.hidden = !mode && !this.linkNotes.length;
      // One control for the day heard: while the box above asks for it, Change points there instead of repeating it.
      const above = mode === "fresh" || mode === "new";
      el.dateField.hidden = above;
      el.dateAbove.hidden = !above;
      el.choice.hidden = mode !== "ask";
      el.heard.hidden = !above;
      el.undo.hidden = mode !== "use" && mode !== "new";
      const app = this.active();
      const named = app.company || app.role ? "Named" : "";
      const values = {
        name: C.applicationName(app),
        situation: this.titles[this.arrived],
        count: skipped || this.items.length,
        day: C.formatDay(this.arrivedDay),
      };
      /** @param {string} kind */
      const say = (kind) => pageWords(el.arrival, kind, values);
      el.use.textContent = say(`useButton${named}`);
      /** @type {string[]} */
      const words = [];
      if (mode === "ask") words.push(say(this.arrived ? "ask" : "askDay"));
      // Set up by the link, or chosen for the checklist in progress: what it is for, the day counted from, what is kept.
      else if (mode) words.push(say(this.arrived ? (mode === "use" ? `use${named}` : mode) : "freshDay"));
      if (this.arrived && this.arrivedDay) words.push(say("dayAlso"));
      if (this.arrived && mode && mode !== "ask") {
        words.push(say(skipped === 1 ? "asideOne" : skipped ? "aside" : "asideNone"));
      }
      if (mode === "use") words.push(say("kept"));
      if (mode === "new") words.push(say("other"));
      words.push(...this.linkNotes.map(say));
      el.arrivalText.textContent = words.join(" ");
    }

    /** @param {Application} app */
    renderProgress(app) {
      let done = 0;
      let total = 0;
      for (const phase of this.phases) {
        let phaseDone = 0;
        let phaseTotal = 0;
        for (const item of this.items) {
          if (item.li.parentElement !== phase.ul || item.li.classList.contains("atn-item--other")) continue;
          phaseTotal++;
          if (app.ticks[item.id] === true) phaseDone++;
        }
        done += phaseDone;
        total += phaseTotal;
        if (!phase.status) continue;
        const from = C.formatDay(C.addDays(app.rejectedOn, phase.from));
        const to = C.formatDay(C.addDays(app.rejectedOn, phase.to));
        phase.status.hidden = false;
        // The count agrees with its total: "0 de 1 hecho", "0 de 2 hechos".
        const count =
          phaseTotal === 1
            ? t("{done} of 1 done.", { done: phaseDone })
            : phaseTotal
              ? t("{done} of {total} done.", { done: phaseDone, total: phaseTotal })
              : t("Nothing here for your situation.");
        phase.status.textContent = `${t("{from} to {to}.", { from, to })} ${count}`;
      }
      this.done = done;
      this.total = total;
      const el = this.parts;
      el.progress.max = total || 1;
      el.progress.value = done;
      el.progressText.textContent = this.progressWords();
      el.head.hidden = false;
      el.head.textContent = [...this.about(app), this.progressWords()].join(" · ");
    }

    progressWords() {
      const values = { done: this.done || 0, total: this.total || 0 };
      return values.total === 1 ? t("{done} of 1 done", values) : t("{done} of {total} done", values);
    }

    /**
     * The next one to three open items by date, each a link to its place in the list.
     * @param {Application} app
     */
    renderNext(app) {
      const now = new Date();
      // Gentle items are eligible too: they are never overdue, only "when you feel ready".
      const open = this.items.filter((item) => !item.li.classList.contains("atn-item--other") && !app.ticks[item.id]);
      const rows = C.nextItems(open, 3).map((item) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `#${item.id}`;
        a.textContent = item.label;
        const when = document.createElement("span");
        when.className = "atn-next__when";
        when.textContent = `${C.nextWhen(app.rejectedOn, item, now)}: `;
        li.append(when, a);
        return li;
      });
      if (!rows.length) {
        const li = document.createElement("li");
        li.textContent = t("Nothing is waiting for you on this list right now.");
        rows.push(li);
      }
      this.parts.next.replaceChildren(...rows);
    }

    /**
     * @param {HTMLTextAreaElement} area
     * @param {string} text
     */
    setPrint(area, text) {
      const print = area.closest("li, .atn-field")?.querySelector("[data-atn-print]");
      if (!print) return;
      print.textContent = text;
      /** @type {HTMLElement} */ (print).hidden = !text;
    }
  }

  /**
   * @param {EventTarget | null} target
   * @returns {boolean}
   */
  function isDateField(target) {
    return target instanceof HTMLInputElement && target.matches("[type=date][data-atn-field]");
  }

  /** @type {Store | null} The state of this visit when the browser will not save it (kept across instant navigation). */
  Checklist.memory = null;
  /** @type {Checklist | null} */
  Checklist.current = null;

  function start() {
    // After instant navigation the old page's fields are detached but still hold what was typed: save it.
    Checklist.current?.flushNotes();
    Checklist.current?.flushDate();
    const root = document.querySelector("[data-atn-checklist]");
    if (root) new Checklist(/** @type {HTMLElement} */ (root)).init();
  }

  window.addEventListener("storage", (event) => {
    if (event.key === C.KEY) Checklist.current?.onOtherTab();
  });
  // Unsaved note keystrokes are written before the tab goes away or into the background.
  for (const type of ["pointerup", "pointercancel"]) window.addEventListener(type, () => Checklist.current?.released());
  window.addEventListener("pagehide", () => {
    Checklist.current?.flushNotes();
    Checklist.current?.flushDate();
  });
  document.addEventListener("visibilitychange", () => Checklist.current?.flushNotes());
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
