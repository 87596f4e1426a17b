// @ts-check
/* After the No (loaded by site.js): message templates you can fill in, the careers centres' link builder, the handout's print button.
 * Progressive enhancement: without this script every message shows with its {placeholders}, its mailto: link
 * carries them, and the careers page lists every link. With it, a message with an empty box is never copied
 * or opened in an email app. What is typed stays in this browser (templates-core.js holds the logic). */
(() => {
  "use strict";

  /** @type {any} */
  const W = window;
  /** @type {typeof import("./templates-core.js")} */
  const Core = W.AtnTemplatesCore;
  /** The interface text in the page's language (checklist-core.js, on every page). @type {typeof AtnChecklistCore.t} */
  const t = AtnChecklistCore.t;

  /**
   * The element matching `selector` inside `root`, or an error naming what the markup lacks.
   * @template {Element} [E=HTMLElement]
   * @param {ParentNode} root
   * @param {string} selector
   * @returns {E}
   */
  function part(root, selector) {
    const found = root.querySelector(selector);
    if (!found) {
      const where = root instanceof Element ? root.className || root.tagName : "the page";
      throw new Error(`After the No: ${selector} is missing inside ${where}`);
    }
    return /** @type {E} */ (found);
  }

  /**
   * Say something in a live region; cleared first so the same words are announced again on a second click.
   * @param {HTMLElement} status
   * @param {string} text
   */
  function announce(status, text) {
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  /**
   * Put text on the clipboard; without clipboard access, select it so one key press copies it.
   * @param {string} text
   * @param {HTMLElement} field the element showing the text
   * @param {HTMLElement} status
   * @param {string} done what to say once it is copied
   */
  function copyText(text, field, status, done) {
    const fallback = () => {
      if (field instanceof HTMLInputElement) field.select();
      else window.getSelection()?.selectAllChildren(field);
      announce(status, t("Selected. Press Ctrl+C, or Cmd+C on a Mac, to copy."));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => announce(status, done), fallback);
    } else {
      fallback();
    }
  }

  /**
   * Browser storage, if it really works (set, get and remove inside try/catch); null when it does not.
   * @returns {Storage | null}
   */
  function workingStorage() {
    try {
      const storage = window.localStorage;
      const probe = "afterno:probe";
      storage.setItem(probe, probe);
      const ok = storage.getItem(probe) === probe;
      storage.removeItem(probe);
      return ok ? storage : null;
    } catch {
      return null;
    }
  }

  /**
   * The text stored under a key, or null when there is none or storage refuses.
   * @param {Storage | null} storage
   * @param {string} key
   */
  function read(storage, key) {
    try {
      return storage ? storage.getItem(key) : null;
    } catch {
      return null;
    }
  }

  /**
   * Mark a box as empty where a message needs it: aria-invalid and a line of text above it, in its description.
   * @param {HTMLInputElement} input
   */
  function markEmpty(input) {
    input.setAttribute("aria-invalid", "true");
    const id = `${input.id}-error`;
    let error = document.getElementById(id);
    if (!error) {
      error = document.createElement("span");
      error.id = id;
      error.className = "atn-field__error";
      error.textContent = t("Fill this in: the message needs it.");
      input.before(error);
      input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") || ""} ${id}`.trim());
    }
    error.hidden = false;
  }

  /**
   * Undo markEmpty once the box has a value.
   * @param {HTMLInputElement} input
   */
  function unmarkFilled(input) {
    if (input.getAttribute("aria-invalid") !== "true" || !Core.clean(input.value)) return;
    input.removeAttribute("aria-invalid");
    const error = document.getElementById(`${input.id}-error`);
    if (error) error.hidden = true;
  }

  /** The boxes shared by every message: typed once, prefilled from the checklist, remembered in this browser. */
  class SharedDetails {
    /** @param {HTMLElement} root the element with data-atn-shared */
    constructor(root) {
      this.root = root;
      /** @type {HTMLInputElement[]} */
      this.inputs = Array.from(root.querySelectorAll("input[data-atn-field]"));
      this.status = part(root, "[data-atn-status]");
      this.note = part(root, "[data-atn-shared-note]");
      this.forget = part(root, "[data-atn-forget]");
      /** @type {HTMLButtonElement} */
      this.undoButton = part(root, "[data-atn-undo-clear]");
      this.storage = workingStorage();
      this.app = "";
      /** @type {Map<HTMLInputElement, string> | null} What the boxes held before Clear, for Undo. */
      this.before = null;
    }

    init() {
      this.restore();
      // Each message's own boxes are remembered too, under "template-id.name".
      for (const input of this.allInputs()) input.addEventListener("input", () => this.typed());
      this.forget.addEventListener("click", () => this.clear());
      this.undoButton.addEventListener("click", () => this.undo());
      if (!this.storage) {
        this.note.textContent = t(
          "Type these once: every message below uses them. This browser is not letting the page keep them, so they are gone when you leave.",
        );
      }
    }

    /** Every box on the page with a value, the shared ones and each message's own. */
    allInputs() {
      return /** @type {HTMLInputElement[]} */ (Array.from(document.querySelectorAll("input[data-atn-field]")));
    }

    /** @param {HTMLInputElement} input */
    key(input) {
      const owner = input.closest("[data-atn-template]");
      const name = input.dataset.atnField || "";
      return owner ? `${owner.getAttribute("data-atn-template")}.${name}` : name;
    }

    /** The boxes that start from the checklist: placeholder name -> checklist field. */
    fromChecklist() {
      /** @type {Record<string, "company" | "role">} */
      const fields = {};
      for (const input of this.inputs) {
        const field = input.dataset.atnFromChecklist;
        if (field === "company" || field === "role") fields[input.dataset.atnField || ""] = field;
      }
      return fields;
    }

    restore() {
      const record = Core.readRecord(read(this.storage, Core.KEY));
      const start = Core.startValues(record, read(this.storage, Core.CHECKLIST_KEY), this.fromChecklist());
      this.app = start.app;
      for (const input of this.allInputs()) input.value = start.values[this.key(input)] || "";
      if (start.forgotten) this.save();
    }

    save() {
      if (!this.storage) return;
      /** @type {Record<string, string>} */
      const values = {};
      for (const input of this.allInputs()) values[this.key(input)] = input.value;
      try {
        const text = Core.recordText(this.app, values);
        if (text === Core.recordText(this.app, {})) this.storage.removeItem(Core.KEY);
        else this.storage.setItem(Core.KEY, text);
      } catch {
        // Storage full or refused: what is typed still works on this page.
      }
    }

    /** A box was typed in: remember it, and Undo of a Clear is no longer offered (it would overwrite this). */
    typed() {
      this.save();
      this.before = null;
      this.undoButton.hidden = true;
    }

    /**
     * Empty every box and forget what was typed here, offering Undo. The company and the role are the
     * checklist's (kept there, not here): they come back from it at once, and the words say so.
     */
    clear() {
      this.before = new Map(this.allInputs().map((input) => [input, input.value]));
      for (const input of this.allInputs()) input.value = "";
      try {
        this.storage?.removeItem(Core.KEY);
      } catch {
        // Nothing stored to clear.
      }
      const fromChecklist = Core.startValues(null, read(this.storage, Core.CHECKLIST_KEY), this.fromChecklist());
      for (const input of this.inputs) input.value = fromChecklist.values[input.dataset.atnField || ""] || "";
      const kept = this.inputs.some((input) => input.value);
      this.changed();
      this.undoButton.hidden = false;
      announce(
        this.status,
        kept
          ? t(
              "Cleared what you typed on this page. The company and the role come from your checklist, so they stay here: change them in the checklist.",
            )
          : t("Cleared. Nothing you typed on this page is kept in this browser now."),
      );
      this.undoButton.focus();
    }

    /** Put back what the boxes held before Clear, and remember it again. */
    undo() {
      if (!this.before) return;
      for (const [input, value] of this.before) input.value = value;
      this.before = null;
      this.save();
      this.changed();
      this.undoButton.hidden = true;
      announce(this.status, t("Your details are back, as they were."));
      this.forget.focus();
    }

    /** Tell the messages the boxes changed without typing (Clear, Undo). */
    changed() {
      this.root.dispatchEvent(new CustomEvent("atn-shared-clear"));
    }

    /**
     * The shared box for a placeholder name, if there is one.
     * @param {string} name
     */
    input(name) {
      return this.inputs.find((input) => input.dataset.atnField === name) || null;
    }
  }

  /**
   * One message: its own boxes, a live preview, and copy and email actions that refuse while a box is empty.
   * A message with no subject (a note for a connection request) has no email link; one with a limit
   * (data-atn-count) counts its characters as the reader types.
   */
  class MessageTemplate {
    /**
     * @param {HTMLElement} root the element with data-atn-template
     * @param {SharedDetails | null} shared
     */
    constructor(root, shared) {
      this.root = root;
      this.shared = shared;
      /** @type {HTMLElement | null} */
      this.subject = root.querySelector("[data-atn-subject]");
      this.body = part(root, "[data-atn-body]");
      this.copyButton = part(root, "[data-atn-copy]");
      /** The subject's own Copy: a reader who hits Reply pastes the body alone, and the subject where it goes. */
      this.subjectButton = this.subject && part(root, "[data-atn-copy-subject]");
      /** @type {HTMLAnchorElement | null} */
      this.link = this.subject && part(root, "[data-atn-mailto]");
      this.status = part(root, "[data-atn-status]");
      /** @type {HTMLElement | null} */
      this.count = root.querySelector("[data-atn-count]");
      this.max = Number(this.count?.dataset.atnCount) || 0;
      this.subjectParts = Core.parse(this.subject?.textContent || "");
      this.bodyParts = Core.parse(this.body.textContent || "");
      /** @type {HTMLElement[]} */
      this.slots = Array.from(root.querySelectorAll("[data-slot]"));
      this.inputs = this.fieldInputs();
    }

    /**
     * The box for each placeholder the message uses, in page order: its own, else the shared one.
     * @returns {HTMLInputElement[]}
     */
    fieldInputs() {
      const names = Core.slotNames(this.subjectParts, this.bodyParts);
      const inputs = names.map((name) => {
        const own = this.root.querySelector(`input[data-atn-field="${name}"]`);
        const input = own || this.shared?.input(name);
        if (!(input instanceof HTMLInputElement))
          throw new Error(`After the No: no box for {${name}} in ${this.root.dataset.atnTemplate}`);
        return input;
      });
      return inputs.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    }

    init() {
      for (const input of this.inputs) input.addEventListener("input", () => this.update());
      this.shared?.root.addEventListener("atn-shared-clear", () => this.update());
      this.copyButton.addEventListener("click", () => this.copy());
      this.subjectButton?.addEventListener("click", () => this.copySubject());
      this.link?.addEventListener("click", (event) => this.openMail(event));
      this.update();
    }

    /**
     * The label of the box for a placeholder, as the reader sees it above the box.
     * @param {string} name
     */
    label(name) {
      const input = this.inputs.find((box) => box.dataset.atnField === name);
      return input?.labels?.[0]?.textContent?.trim() || name.replace(/_/g, " ");
    }

    /** @returns {Record<string, string>} */
    values() {
      /** @type {Record<string, string>} */
      const values = Object.create(null);
      for (const input of this.inputs) values[input.dataset.atnField || ""] = input.value;
      return values;
    }

    /** Show the message as it stands, and point the email link at it once nothing is missing. */
    update() {
      const values = this.values();
      for (const slot of this.slots) {
        const name = slot.dataset.slot || "";
        const value = Core.clean(values[name]);
        // An empty box shows as a blank to fill, named by its box's label in the page's language, never {name}.
        slot.textContent = value || Core.blank(this.label(name));
        slot.classList.toggle("atn-slot--filled", value !== "");
        slot.classList.toggle("atn-slot--blank", value === "");
      }
      for (const input of this.inputs) unmarkFilled(input);
      if (this.count) this.count.textContent = this.countWords(Core.characters(this.bodyParts, values));
      if (!this.link) return;
      const result = Core.finish(this.subjectParts, this.bodyParts, values);
      // Until every box has a value the link points nowhere (an empty email), and a click is refused.
      this.link.href = "body" in result ? Core.mailto(result.subject, result.body) : "mailto:";
    }

    /**
     * "150 of 200 characters", or how many too many.
     * @param {number} count
     */
    countWords(count) {
      const values = { count, max: this.max, over: count - this.max };
      if (count <= this.max) return t("{count} of {max} characters", values);
      return values.over === 1
        ? t("{count} of {max} characters: 1 too many. Shorten a box above, or the note once pasted.", values)
        : t("{count} of {max} characters: {over} too many. Shorten a box above, or the note once pasted.", values);
    }

    /**
     * The finished message, or null after saying which boxes are empty and moving focus to the first.
     * @param {"copy" | "email"} action
     * @param {ReturnType<typeof Core.parse>} body the body's parts, or none when only the subject is wanted
     */
    finished(action, body = this.bodyParts) {
      const result = Core.finish(this.subjectParts, body, this.values());
      if ("body" in result) return result;
      const empty = this.inputs.filter((input) => result.missing.includes(input.dataset.atnField || ""));
      for (const input of empty) markEmpty(input);
      const labels = empty.map((input) => input.labels?.[0]?.textContent?.trim() || input.dataset.atnField || "");
      announce(this.status, Core.refusal(labels, action, t));
      empty[0]?.focus();
      return null;
    }

    copy() {
      const message = this.finished("copy");
      if (!message) return;
      const count = Core.characters(this.bodyParts, this.values());
      const done = message.subject
        ? t("Message copied, without the subject line. Paste it into your reply or a new email.")
        : this.max
          ? t("Note copied. {count}", { count: this.countWords(count) })
          : t("Message copied. Paste it into your email or message.");
      copyText(message.body, this.body, this.status, done);
    }

    /** Copy the subject line alone (a new email needs it; a reply already has one). */
    copySubject() {
      const message = this.finished("copy", []);
      if (!message || !this.subject) return;
      copyText(
        message.subject,
        this.subject,
        this.status,
        t("Subject line copied. Paste it into your email's subject box."),
      );
    }

    /** @param {MouseEvent} event */
    openMail(event) {
      const message = this.finished("email");
      if (!message) {
        event.preventDefault();
        return;
      }
      if (this.link) this.link.href = Core.mailto(message.subject, message.body);
    }
  }

  /** The careers centres' link builder: pick a situation, get its checklist link and QR code. */
  class LinkBuilder {
    /** @param {HTMLElement} root the element with data-atn-linkbuilder */
    constructor(root) {
      this.root = root;
      this.controls = part(root, "[data-atn-controls]");
      /** @type {HTMLSelectElement} */
      this.select = part(root, "[data-atn-link-select]");
      /** @type {HTMLInputElement} */
      this.url = part(root, "[data-atn-link-url]");
      /** @type {HTMLInputElement} The optional day heard: the link's &heard=YYYY-MM-DD. */
      this.heard = part(root, "[data-atn-link-heard]");
      this.copyButton = part(root, "[data-atn-copy-link]");
      this.status = part(root, "[data-atn-status]");
      /** @type {HTMLElement[]} */
      this.codes = Array.from(root.querySelectorAll("[data-atn-qr]"));
    }

    init() {
      this.select.addEventListener("change", () => this.show());
      this.root.addEventListener("input", () => this.show());
      this.copyButton.addEventListener("click", () =>
        copyText(this.url.value, this.url, this.status, t("Link copied.")),
      );
      const now = new Date();
      this.heard.max = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
        .map((n) => String(n).padStart(2, "0"))
        .join("-");
      this.controls.hidden = false;
      this.root.classList.add("atn-linkbuilder--ready");
      this.show();
    }

    show() {
      // The day, when one is given, is added to the link only: the printed handout's QR code and link stay as they are.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(this.heard.value) ? this.heard.value : "";
      const join = this.select.value.includes("?") ? "&" : "?";
      this.url.value = day ? `${this.select.value}${join}heard=${day}` : this.select.value;
      for (const code of this.codes) code.hidden = code.getAttribute("data-atn-qr") !== this.select.value;
      this.linkPrintouts();
    }

    /** The handout and poster links carry the service's details after # (never sent to a server). */
    linkPrintouts() {
      const details = new URLSearchParams();
      for (const input of this.root.querySelectorAll("[data-atn-service-input]")) {
        const value = input instanceof HTMLInputElement ? input.value.trim() : "";
        if (value) details.set(input.getAttribute("data-atn-service-input") || "", value);
      }
      const hash = details.toString() ? `#${details}` : "";
      const option = this.select.selectedOptions[0];
      const handout = this.root.querySelector("[data-atn-handout-link]");
      const poster = this.root.querySelector("[data-atn-poster]");
      if (handout && option) handout.setAttribute("href", (option.getAttribute("data-atn-handout") || "") + hash);
      if (poster) poster.setAttribute("href", (poster.getAttribute("href") || "").split("#")[0] + hash);
    }
  }

  /** The "Your careers service" box of a handout or poster, filled in from its address (?service=… or #service=…),
   * as text only: what an adviser typed in the link builder. */
  class ServiceBox {
    /** @param {HTMLElement} root the element with data-atn-service */
    constructor(root) {
      this.root = root;
    }

    init() {
      const given = new URLSearchParams(location.search);
      for (const [key, value] of new URLSearchParams(location.hash.slice(1))) given.set(key, value);
      for (const field of this.root.querySelectorAll("[data-atn-service-field]")) {
        const value = given.get(field.getAttribute("data-atn-service-field") || "");
        field.textContent = value ? value.slice(0, 120) : "";
      }
    }
  }

  /** The handout's print button. */
  class PrintButton {
    /** @param {HTMLElement} root the element with data-atn-print-wrap */
    constructor(root) {
      this.root = root;
      this.button = part(root, "[data-atn-print]");
    }

    init() {
      this.button.addEventListener("click", () => window.print());
      this.root.hidden = false;
    }
  }

  /**
   * The roots matching `selector` that have not started yet, each marked as started.
   * @param {string} selector
   * @returns {HTMLElement[]}
   */
  function fresh(selector) {
    const roots = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll(selector)));
    return roots.filter((root) => {
      if (root.hasAttribute("data-atn-ready")) return false;
      root.setAttribute("data-atn-ready", "");
      return true;
    });
  }

  function start() {
    let shared = null;
    for (const root of fresh("[data-atn-shared]")) {
      shared = new SharedDetails(root);
      shared.init();
    }
    for (const root of fresh("[data-atn-template]")) new MessageTemplate(root, shared).init();
    for (const root of fresh("[data-atn-linkbuilder]")) new LinkBuilder(root).init();
    for (const root of fresh("[data-atn-print-wrap]")) new PrintButton(root).init();
    for (const root of fresh("[data-atn-service]")) new ServiceBox(root).init();
    const copied = document.querySelector("[data-atn-copy-status]");
    for (const button of fresh("[data-atn-copy]")) {
      if (!(copied instanceof HTMLElement)) break;
      // The address's text beside the button, selected for Ctrl+C where the clipboard is refused.
      const shown = button.previousElementSibling instanceof HTMLElement ? button.previousElementSibling : button;
      const url = button.getAttribute("data-atn-copy") || "";
      button.addEventListener("click", () => copyText(url, shown, copied, t("Link copied.")));
      button.hidden = false;
    }
  }

  // site.js loads this file on pages that need it and calls start() after each page change.
  W.AtnTemplatesUi = { start };
})();
