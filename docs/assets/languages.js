// @ts-check
/* After the No: the language menu (overrides/partials/alternate.html). Loaded only in a site with published
   translations (hooks/site.py adds it), so an English-only site pays nothing for it. */
"use strict";

(() => {
  /**
   * The language menu opens the page the reader is on now, at the same anchor, in the chosen language: the
   * links were written for the page first loaded, and instant navigation does not rewrite the header.
   * @param {MouseEvent} event
   */
  function switchLanguage(event) {
    const link = event.target instanceof Element ? event.target.closest("a.md-select__link[data-atn-root]") : null;
    const here = document.querySelector("a.md-select__link[aria-current][data-atn-root]");
    if (!(link instanceof HTMLAnchorElement) || !(here instanceof HTMLAnchorElement)) return;
    const from = here.dataset.atnRoot || "/";
    if (!location.pathname.startsWith(from)) return;
    const to = link.dataset.atnRoot || "/";
    link.href = new URL(to + location.pathname.slice(from.length) + location.hash, location.href).href;
  }

  document.addEventListener("click", switchLanguage, true);
})();
