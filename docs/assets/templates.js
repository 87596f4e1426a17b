// @ts-check
/* After the No: a small loader. The code for the message templates, the careers centres' link builder and the
 * handout's print button (templates-core.js, templates-ui.js) is fetched only on a page that has one of them,
 * so the other pages, the checklist among them, do not carry it. Restarts after each instant navigation. */
(() => {
  "use strict";

  /** @type {any} */
  const W = window;
  const ROOTS = "[data-atn-template], [data-atn-linkbuilder], [data-atn-print-wrap]";
  const script = document.currentScript;
  const base = script instanceof HTMLScriptElement ? script.src : document.baseURI;
  /** @type {Promise<unknown> | null} */
  let loading = null;

  /**
   * Add a script from this folder, resolved once it has run.
   * @param {string} name
   * @returns {Promise<unknown>}
   */
  function load(name) {
    return new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(name, base).href;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(`After the No: could not load ${tag.src}`));
      document.head.append(tag);
    });
  }

  function start() {
    if (!document.querySelector(ROOTS)) return;
    loading ||= load("templates-core.js").then(() => load("templates-ui.js"));
    loading.then(() => W.AtnTemplatesUi.start());
  }

  if (W.document$ && typeof W.document$.subscribe === "function") {
    W.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
