/* After the No: message templates you can fill in, the careers centres' link builder, the handout's print button.
 * Progressive enhancement: without this script every message shows with its {placeholders}, its mailto: link
 * carries them, and the careers page lists every link. Nothing typed is stored or sent anywhere. */
(function () {
  "use strict";

  function part(root, selector) {
    var found = root.querySelector(selector);
    if (!found) throw new Error("After the No: " + selector + " is missing inside " + root.className);
    return found;
  }

  function announce(status, text) {
    // Clear first so the same words are announced again on a second click.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyText(text, field, status, done) {
    // Without clipboard access, select the text so one key press copies it.
    function fallback() {
      if (field.select) {
        field.select();
      } else {
        window.getSelection().selectAllChildren(field);
      }
      announce(status, "Selected. Press Ctrl+C, or Cmd+C on a Mac, to copy.");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { announce(status, done); }, fallback);
    } else {
      fallback();
    }
  }

  function mailto(subject, body) {
    var crlf = function (text) { return encodeURIComponent(text.replace(/\r?\n/g, "\r\n")); };
    return "mailto:?subject=" + crlf(subject) + "&body=" + crlf(body);
  }

  function initTemplate(root) {
    var form = part(root, "[data-atn-form]");
    var subject = part(root, "[data-atn-subject]");
    var body = part(root, "[data-atn-body]");
    var copy = part(root, "[data-atn-copy]");
    var link = part(root, "[data-atn-mailto]");
    var status = part(root, "[data-atn-status]");
    var note = root.querySelector("[data-atn-nojs]");
    var fields = root.querySelectorAll("[data-atn-field]");

    function update() {
      Array.prototype.forEach.call(fields, function (input) {
        var name = input.getAttribute("data-atn-field");
        var value = input.value.trim();
        Array.prototype.forEach.call(root.querySelectorAll("[data-slot]"), function (slot) {
          if (slot.getAttribute("data-slot") !== name) return;
          slot.textContent = value || "{" + name + "}";
          slot.classList.toggle("atn-slot--filled", value !== "");
        });
      });
      link.href = mailto(subject.textContent, body.textContent);
    }

    Array.prototype.forEach.call(fields, function (input) { input.addEventListener("input", update); });
    copy.addEventListener("click", function () {
      copyText(body.textContent, body, status, "Message copied. Paste it into your email or message.");
    });
    form.hidden = false;
    copy.hidden = false;
    if (note) note.hidden = true;
    update();
  }

  function initLinkBuilder(root) {
    var controls = part(root, "[data-atn-controls]");
    var select = part(root, "[data-atn-link-select]");
    var url = part(root, "[data-atn-link-url]");
    var copy = part(root, "[data-atn-copy-link]");
    var status = part(root, "[data-atn-status]");
    var codes = root.querySelectorAll("[data-atn-qr]");

    function show() {
      url.value = select.value;
      Array.prototype.forEach.call(codes, function (code) {
        code.hidden = code.getAttribute("data-atn-qr") !== select.value;
      });
    }

    select.addEventListener("change", show);
    copy.addEventListener("click", function () { copyText(url.value, url, status, "Link copied."); });
    controls.hidden = false;
    root.classList.add("atn-linkbuilder--ready");
    show();
  }

  function initPrint(wrap) {
    part(wrap, "[data-atn-print]").addEventListener("click", function () { window.print(); });
    wrap.hidden = false;
  }

  function start() {
    var kinds = [
      ["[data-atn-template]", initTemplate],
      ["[data-atn-linkbuilder]", initLinkBuilder],
      ["[data-atn-print-wrap]", initPrint]
    ];
    kinds.forEach(function (kind) {
      Array.prototype.forEach.call(document.querySelectorAll(kind[0]), function (root) {
        if (root.hasAttribute("data-atn-ready")) return;
        root.setAttribute("data-atn-ready", "");
        kind[1](root);
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
