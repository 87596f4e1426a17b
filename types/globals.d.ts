// Globals the site's scripts share in the browser (classic scripts: see docs/assets/*.js).
declare const AtnChecklistCore: typeof import("../docs/assets/checklist-core.js");

interface Window {
  /** Material for MkDocs' stream of page loads (instant navigation included). */
  document$?: { subscribe(next: () => void): unknown };
  /** templates-ui.js, once site.js has loaded it on a page that needs it. */
  AtnTemplatesUi?: { start(): void };
  /** checklist-files.js, once checklist.js has loaded it on first use. */
  AtnChecklistFiles?: typeof import("../docs/assets/checklist-files.js");
}
