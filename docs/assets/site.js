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

  new PageFocus().init();
})();
