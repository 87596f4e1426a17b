// @ts-check
/* After the No: calm focus on every page. After Material's instant navigation, focus moves to the new page's main
   heading (or to the heading its link points at), as a screen reader would expect after a page load; the skip link
   moves focus to the content too, not only the scroll position. On the home page, a reader coming back finds a
   way into the checklist saved in this browser. And the code of the message templates, the careers centres' link
   builder and the handout's print button (templates-core.js, templates-ui.js) is fetched only on a page that has
   one of them, so the other pages, the checklist among them, do not carry it. */
"use strict";

(() => {
  /**
   * Focus an element that is not focusable by itself, without scrolling: the page is already where it should be.
   * @param {HTMLElement} el
   */
  function focusHere(el) {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
  }

  /** @param {string} hash */
  function target(hash) {
    if (!hash || hash === "#") return null;
    try {
      return document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return null;
    }
  }

  /**
   * A link to a step on the wrong guide (/guides/this-one/#a-step-of-another) would open at the top with no word:
   * the guide lists where the other guides' steps live, so go to the step in its own guide (replacing this entry,
   * so Back does not come here again). Whether it went.
   */
  function sendToStepHome() {
    const box = document.querySelector("[data-atn-step-homes]");
    if (!(box instanceof HTMLElement) || !location.hash || target(location.hash)) return false;
    try {
      /** @type {Record<string, string>} */
      const homes = JSON.parse(box.dataset.atnStepHomes || "{}");
      const id = decodeURIComponent(location.hash.slice(1));
      if (!Object.hasOwn(homes, id)) return false;
      location.replace(new URL(homes[id], location.href).href);
      return true;
    } catch {
      return false;
    }
  }

  class PageFocus {
    constructor() {
      this.loads = 0;
      /** The address of the link the reader last clicked (not back or forward, whose scroll position stays). */
      this.followed = "";
    }

    init() {
      window.document$?.subscribe(() => this.arrived());
      // Capture: Material handles in-page links itself, and the browser's own focus move is lost with it.
      document.addEventListener("click", (event) => this.clicked(event), true);
      return this;
    }

    /** A page was shown: the first is a full load (the browser's own focus), the rest instant navigation. */
    arrived() {
      this.loads++;
      const followed = this.followed === location.href;
      this.followed = "";
      if (sendToStepHome()) return;
      if (this.loads === 1) return;
      const anchored = target(location.hash);
      // The theme scrolls to a saved offset when its history entry has one, and on a busy phone its scroll
      // tracker can save the old page's offset into the new entry before the page arrives: the anchor would be
      // left far off screen. So place the anchored heading again (scroll-margin-top keeps it clear of the header).
      if (anchored && followed) anchored.scrollIntoView({ block: "start" });
      const heading = anchored || document.querySelector(".md-content h1");
      if (heading instanceof HTMLElement) focusHere(heading);
    }

    /** @param {MouseEvent} event */
    clicked(event) {
      const followed = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (followed instanceof HTMLAnchorElement) this.followed = followed.href;
      const link = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
      if (link instanceof HTMLAnchorElement) this.skipped(event, link);
    }

    /**
     * The skip link moves the focus in the page and nothing else. Left to the theme, the first link followed after
     * a full load fetches the page again and replaces it (its instant navigation has no address to compare with
     * yet), and the href it made absolute at load may still carry a query the page has since dropped.
     * @param {MouseEvent} event
     * @param {HTMLAnchorElement} link
     */
    skipped(event, link) {
      const el = target(link.hash) || document.querySelector(".md-content h1");
      if (!(el instanceof HTMLElement)) return;
      event.preventDefault();
      event.stopPropagation();
      this.followed = "";
      el.scrollIntoView({ block: "start" });
      focusHere(el);
    }
  }

  /**
   * The home page's "Continue your checklist for Acme (3 of 24 done)", when this browser holds a checklist the
   * reader has started (checklist-core.js reads the record). Its data attribute maps each item to the situations
   * it leaves out, so done and total are counted as the checklist counts them. Never throws: with storage blocked
   * or a damaged record the page stays as on a first visit.
   */
  function offerContinue() {
    const box = document.querySelector("[data-atn-continue]");
    if (!(box instanceof HTMLElement)) return;
    try {
      const C = AtnChecklistCore;
      const read = C.readStore(localStorage.getItem(C.KEY) ?? "", null);
      const app = read.problem ? null : C.findApplication(read.store, read.store.active);
      if (!app || (C.pristine(app) && !app.situation)) return;
      /** @type {Record<string, string[]>} */
      const leftOut = JSON.parse(box.dataset.atnContinue || "");
      const ids = Object.keys(leftOut).filter((id) => !leftOut[id].includes(app.situation));
      const values = {
        name: app.company || app.role,
        done: ids.filter((id) => app.ticks[id]).length,
        total: ids.length,
      };
      const one = values.total === 1;
      /** @type {HTMLElement} */ (box.firstElementChild).textContent = values.name
        ? one
          ? C.t("Continue your checklist for {name} ({done} of 1 done)", values)
          : C.t("Continue your checklist for {name} ({done} of {total} done)", values)
        : one
          ? C.t("Continue your checklist ({done} of 1 done)", values)
          : C.t("Continue your checklist ({done} of {total} done)", values);
      box.hidden = false;
    } catch {
      // Storage refused, or nothing usable stored: nothing to offer.
    }
  }

  const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : document.baseURI;
  /** @type {Promise<unknown> | null} */
  let tools = null;

  /**
   * Add a script from this folder, resolved once it has run.
   * @param {string} name
   * @returns {Promise<unknown>}
   */
  function load(name) {
    return new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(name, here).href;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(`After the No: could not load ${tag.src}`));
      document.head.append(tag);
    });
  }

  /** Start the templates' code on a page that has a template, the link builder or a print button. */
  function startTools() {
    if (!document.querySelector("[data-atn-template], [data-atn-linkbuilder], [data-atn-print-wrap]")) return;
    tools ||= load("templates-core.js").then(() => load("templates-ui.js"));
    tools.then(() => window.AtnTemplatesUi?.start());
  }

  /**
   * On a phone the theme's menu and search buttons are labels, which the keyboard cannot reach (and the closed
   * drawer and search box are hidden, site.css): make them named buttons that Space presses too (the theme answers
   * Enter). Once open, the focus goes into the menu (its first top-level link) or the search box: a focusable
   * label would keep it. The header stays across instant navigation, so this runs once.
   */
  function headerButtons() {
    const input = document.querySelector(".md-search__input");
    const top = ".md-nav--primary>.md-nav__list>.md-nav__item>";
    for (const label of document.querySelectorAll(
      "label.md-header__button[for=__drawer],label.md-header__button[for=__search]",
    )) {
      if (!(label instanceof HTMLLabelElement)) continue;
      const drawer = label.htmlFor === "__drawer";
      label.setAttribute("role", "button");
      label.tabIndex = 0;
      label.setAttribute(
        "aria-label",
        (drawer ? document.querySelector(".md-nav--primary") : input)?.getAttribute("aria-label") || "",
      );
      label.addEventListener("click", () =>
        setTimeout(() => {
          const open = document.getElementById(label.htmlFor);
          if (!(open instanceof HTMLInputElement && open.checked)) return;
          for (const el of drawer ? document.querySelectorAll(`${top}a,${top}div>a`) : [input]) {
            if (!(el instanceof HTMLElement) || getComputedStyle(el).visibility !== "visible") continue;
            el.focus();
            if (document.activeElement === el) return;
          }
        }),
      );
      label.addEventListener("keydown", (event) => {
        if (event.key !== " ") return;
        event.preventDefault();
        label.click();
      });
    }
  }

  headerButtons();
  new PageFocus().init();
  window.document$?.subscribe(() => {
    offerContinue();
    startTools();
  });
})();
