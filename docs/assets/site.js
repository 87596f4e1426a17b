// @ts-check
/* After the No: calm focus on every page. After Material's instant navigation, focus moves to the new page's main
   heading (or to the heading its link points at), as a screen reader would expect after a page load; the skip link
   moves focus to the content too, not only the scroll position. */
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

  class PageFocus {
    constructor() {
      this.loads = 0;
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
      if (this.loads === 1) return;
      const heading = target(location.hash) || document.querySelector(".md-content h1");
      if (heading instanceof HTMLElement) focusHere(heading);
    }

    /** @param {MouseEvent} event */
    clicked(event) {
      const link = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      const el = target(link.hash) || document.querySelector(".md-content h1");
      if (!(el instanceof HTMLElement)) return;
      // After the theme has scrolled to it.
      setTimeout(() => focusHere(el), 0);
    }
  }

  new PageFocus().init();
})();
