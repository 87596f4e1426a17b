// @ts-check
// The page at a renamed guide's old address: go to the new address at once, keeping the #anchor of a
// step (the page's meta refresh, for readers without JavaScript, forwards without it). Loaded only there.
(() => {
  const link = document.querySelector("a[data-atn-redirect]");
  if (!(link instanceof HTMLAnchorElement)) throw new Error("redirect.js: the page has no a[data-atn-redirect]");
  location.replace(link.href + location.hash);
})();
