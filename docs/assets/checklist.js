/* After the No: enhances the checklist page built from content/checklist.yml. The built page is a complete
   list without this script. State logic lives in checklist-core.js; this file only reads and writes the DOM,
   always as text (textContent, value), never as HTML. */
(function () {
  "use strict";
  var C = window.AtnChecklistCore;
  // The state for this visit when the browser will not let us save (kept across instant navigation).
  var memory = null;
  // Re-reads the store when another tab saved it, so two open tabs never overwrite each other's ticks.
  var onOtherTab = null;

  var STORAGE_OFF =
    "This browser is not letting the page save your checklist (for example in a private window, or when its storage is full). " +
    "Your ticks and notes will last until you close this tab. Save a backup below to keep them.";
  var DAMAGED =
    "The checklist saved in this browser could not be read, so you have a fresh one. " +
    "A copy of the old data is kept in this browser in case it can be recovered.";

  function openStorage() {
    try {
      var s = window.localStorage;
      var k = "afterno:probe";
      s.setItem(k, k);
      var ok = s.getItem(k) === k;
      s.removeItem(k);
      return ok ? s : null;
    } catch (e) {
      return null;
    }
  }

  function need(root, selector) {
    var el = root.querySelector(selector);
    if (!el) {
      throw new Error("After the No checklist: the page has no " + selector + ". Rebuild it from hooks/afterno/templates/checklist.md.j2.");
    }
    return el;
  }

  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function init(root) {
    var data = JSON.parse(need(document, "#atn-checklist-data").getAttribute("data-json"));
    var el = {
      notice: need(root, "[data-atn-notice]"),
      apps: need(root, "[data-atn-app]"),
      progress: need(root, "[data-atn-progress]"),
      progressText: need(root, "[data-atn-progress-text]"),
      why: need(root, "[data-atn-why]"),
      live: need(root, "[data-atn-live]"),
      head: need(root, "[data-atn-print-head]"),
      message: need(root, "[data-atn-message]"),
      file: need(root, "[data-atn-import]"),
      dialog: need(root, "[data-atn-dialog]"),
    };
    var fields = root.querySelectorAll("[data-atn-field]");
    var items = Array.prototype.map.call(root.querySelectorAll("li[data-item]"), function (li) {
      return {
        li: li,
        id: li.getAttribute("data-item"),
        due: +li.getAttribute("data-due"),
        applies: li.getAttribute("data-applies").split(" "),
        phase: li.closest("[data-atn-phase]").getAttribute("data-atn-phase"),
        box: need(li, "input[type=checkbox]"),
        dueText: need(li, ".atn-item__due"),
        note: need(li, "[data-atn-note]"),
        print: need(li, "[data-atn-print]"),
        label: need(li, "label").textContent,
        url: need(li, "a.atn-item__step").href,
      };
    });
    // No inherited keys: ?situation=constructor must not count as a situation.
    var titles = Object.create(null);
    data.situations.forEach(function (s) {
      titles[s.id] = s.title;
    });

    var storage = openStorage();
    var state;
    var notices = [];
    if (storage) {
      var raw = null;
      var legacy = null;
      try {
        raw = storage.getItem(C.KEY);
        legacy = raw == null ? storage.getItem(C.LEGACY_KEY) : null;
      } catch (e) {
        storage = null;
      }
      var read = C.readStore(raw, legacy);
      state = read.store;
      if (read.problem === "damaged") {
        notices.push(DAMAGED);
        try {
          storage.setItem(C.DAMAGED_KEY, raw == null ? legacy : raw);
        } catch (e) {
          // The copy could not be made: work in memory, so the old data stays where it is.
          storage = null;
        }
      }
      if (read.problem === "migrated") notices.push("Your ticks from an earlier version of this page were carried over.");
    }
    if (!storage) {
      notices.push(STORAGE_OFF);
      state = memory || C.emptyStore();
    }
    C.applyReplaces(state, data.items, data.aliases);

    function active() {
      for (var i = 0; i < state.applications.length; i++) {
        if (state.applications[i].id === state.active) return state.applications[i];
      }
      state.active = state.applications[0].id;
      return state.applications[0];
    }
    function name(app) {
      return [app.company, app.role].filter(Boolean).join(", ") || "Untitled application";
    }
    function save() {
      memory = state;
      if (storage) {
        try {
          storage.setItem(C.KEY, JSON.stringify(state));
        } catch (e) {
          storage = null;
          showNotice(STORAGE_OFF);
        }
      }
      root.dispatchEvent(new CustomEvent("afterno:saved"));
    }
    function showNotice(text) {
      if (el.notice.textContent.indexOf(text) < 0) el.notice.textContent = (el.notice.textContent + " " + text).trim();
      el.notice.hidden = false;
    }
    function say(text) {
      el.message.textContent = text;
    }
    function pristine(app) {
      return !app.company && !app.role && !Object.keys(app.ticks).length && !Object.keys(app.notes).length && !Object.keys(app.reflections).length;
    }

    // A link like /checklist/?situation=no-reply sets up a checklist for that situation.
    var wanted = C.currentId(new URLSearchParams(location.search).get("situation"), data.aliases && data.aliases.situations);
    if (wanted && titles[wanted]) {
      var app = active();
      if (app.situation !== wanted) {
        if (pristine(app)) {
          app.situation = wanted;
        } else {
          app = C.newApplication({ situation: wanted });
          state.applications.push(app);
          state.active = app.id;
          notices.push("A new checklist is ready for: " + titles[wanted] + ". Your other checklists are still in the list.");
        }
      }
      history.replaceState(history.state, "", location.pathname + location.hash);
    }
    notices.forEach(showNotice);

    function renderApps() {
      el.apps.textContent = "";
      state.applications.forEach(function (app) {
        var option = document.createElement("option");
        option.value = app.id;
        option.textContent = name(app) + " (heard " + C.formatDay(app.rejectedOn) + ")";
        el.apps.appendChild(option);
      });
      el.apps.value = state.active;
    }

    function renderItems() {
      var app = active();
      // A situation the content no longer has (an old backup, an old visit) would hide items for nothing.
      if (app.situation && !titles[app.situation]) app.situation = "";
      var phases = {};
      var done = 0;
      var total = 0;
      var hidden = 0;
      items.forEach(function (item) {
        var ticked = app.ticks[item.id] === true;
        var applies = !app.situation || item.applies[0] === "all" || item.applies.indexOf(app.situation) >= 0;
        var day = C.addDays(app.rejectedOn, item.due);
        var late = !ticked && C.isOverdue(app.rejectedOn, item.due);
        var p = (phases[item.phase] = phases[item.phase] || { done: 0, total: 0 });
        item.li.hidden = !applies;
        item.box.checked = ticked;
        item.li.classList.toggle("atn-item--overdue", late);
        item.dueText.textContent = "by " + C.formatDay(day) + (late ? " (overdue)" : "");
        if (!applies) {
          hidden++;
          return;
        }
        total++;
        p.total++;
        if (ticked) {
          done++;
          p.done++;
        }
      });
      data.phases.forEach(function (phase) {
        var status = root.querySelector('[data-atn-phase-status="' + phase.id + '"]');
        if (!status) return;
        var p = phases[phase.id] || { done: 0, total: 0 };
        status.hidden = false;
        status.textContent =
          C.formatDay(C.addDays(app.rejectedOn, phase.from)) + " to " + C.formatDay(C.addDays(app.rejectedOn, phase.to)) + ". " +
          (p.total ? p.done + " of " + p.total + " done." : "Nothing here for your situation.");
      });
      el.progress.max = total || 1;
      el.progress.value = done;
      el.progressText.textContent = done + " of " + total + " done";
      el.why.hidden = !hidden;
      el.why.textContent = hidden
        ? hidden + (hidden === 1 ? " item is" : " items are") + " hidden because " + (hidden === 1 ? "it does" : "they do") +
          " not usually apply when: " + titles[app.situation] + '. Choose "Not sure" under What they said to see every item.'
        : "";
      el.head.hidden = false;
      el.head.textContent = "Checklist for " + name(app) + ". Heard on " + C.formatDay(app.rejectedOn) + ". " + el.progressText.textContent + ".";
      return done + " of " + total + " done";
    }

    function setPrint(print, text) {
      print.textContent = text;
      print.hidden = !text;
    }

    function renderAll() {
      var app = active();
      renderApps();
      fields.forEach(function (field) {
        field.value = app[field.getAttribute("data-atn-field")] || "";
      });
      items.forEach(function (item) {
        var note = app.notes[item.id] || "";
        item.note.value = note;
        item.note.closest("details").open = !!note;
        setPrint(item.print, note);
      });
      root.querySelectorAll("[data-atn-reflection]").forEach(function (area) {
        area.value = app.reflections[area.getAttribute("data-atn-reflection")] || "";
        setPrint(area.parentNode.querySelector("[data-atn-print]"), area.value);
      });
      renderItems();
    }

    function ask(title, text, ok, alt, done) {
      need(el.dialog, "[data-atn-dialog-title]").textContent = title;
      need(el.dialog, "[data-atn-dialog-text]").textContent = text;
      need(el.dialog, "[data-atn-dialog-ok]").textContent = ok;
      var second = need(el.dialog, "[data-atn-dialog-alt]");
      second.hidden = !alt;
      second.textContent = alt || "";
      el.dialog.returnValue = "";
      el.dialog.addEventListener(
        "close",
        function () {
          done(el.dialog.returnValue);
        },
        { once: true }
      );
      el.dialog.showModal();
    }

    var actions = {
      add: function () {
        var app = C.newApplication();
        state.applications.push(app);
        state.active = app.id;
        save();
        renderAll();
        // The field is inside a closed <details> on a first visit; a closed one cannot take focus.
        need(root, ".atn-about").open = true;
        need(root, "#atn-company").focus();
        el.live.textContent = "A new checklist is ready. Add the company and role.";
      },
      delete: function () {
        var app = active();
        ask(
          "Delete this checklist?",
          "The checklist for " + name(app) + ", with its ticks and notes, will be removed from this browser. Save a backup first if you may want it again.",
          "Delete it",
          null,
          function (choice) {
            if (choice !== "ok") return;
            state.applications = state.applications.filter(function (a) {
              return a !== app;
            });
            if (!state.applications.length) state.applications.push(C.newApplication());
            state.active = state.applications[0].id;
            save();
            renderAll();
            say("Deleted the checklist for " + name(app) + ".");
            el.apps.focus();
          }
        );
      },
      reset: function () {
        var app = active();
        ask(
          "Start this checklist again?",
          "This clears every tick and note in the checklist for " + name(app) + ". The company, role and date stay.",
          "Clear ticks and notes",
          null,
          function (choice) {
            if (choice !== "ok") return;
            app.ticks = {};
            app.notes = {};
            app.reflections = {};
            save();
            renderAll();
            say("The checklist for " + name(app) + " is clear again.");
          }
        );
      },
      export: function () {
        var file = "after-the-no-backup-" + C.today() + ".json";
        download(C.exportText(state), "application/json", file);
        say("Your backup is saved as " + file + ". Keep it somewhere safe; it holds your notes.");
      },
      import: function () {
        el.file.click();
      },
      ics: function () {
        var app = active();
        var due = items.filter(function (item) {
          return !item.li.hidden && !item.box.checked;
        });
        if (!due.length) return say("Every item is ticked, so there is nothing to remind you of.");
        download(C.ics(app, due, new Date()), "text/calendar", "after-the-no-reminders.ics");
        say("Your reminders are saved as after-the-no-reminders.ics: " + due.length + " dated items. Open the file to add them to your calendar.");
      },
      print: function () {
        window.print();
      },
    };

    function restore(file) {
      if (file.size > C.MAX_IMPORT) return say(C.checkImport("", file.size).error);
      file.text().then(function (raw) {
        var result = C.checkImport(raw, file.size);
        if (result.error) return say(result.error);
        var count = result.store.applications.length;
        ask(
          "Restore this backup?",
          "The file holds " + count + (count === 1 ? " checklist" : " checklists") +
            ". Add them to the checklists in this browser, or replace yours with them?",
          "Add to mine",
          "Replace mine",
          function (choice) {
            if (choice !== "ok" && choice !== "alt") return say("Nothing was changed.");
            state = choice === "ok" ? C.merge(state, result.store) : result.store;
            C.applyReplaces(state, data.items, data.aliases);
            save();
            renderAll();
            say(choice === "ok" ? "The backup was added to your checklists." : "Your checklists were replaced by the backup.");
          }
        );
      });
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-atn-action]");
      if (button) actions[button.getAttribute("data-atn-action")]();
    });
    root.addEventListener("input", function (event) {
      var t = event.target;
      var app = active();
      var key;
      if (t.matches("[data-atn-note], [data-atn-reflection]")) {
        var bag = t.matches("[data-atn-note]") ? app.notes : app.reflections;
        key = t.getAttribute("data-atn-reflection") || t.closest("li[data-item]").getAttribute("data-item");
        if (t.value) bag[key] = t.value;
        else delete bag[key];
        setPrint(t.closest("li, .atn-field").querySelector("[data-atn-print]"), t.value);
        save();
      } else if (t.matches("input[data-atn-field]:not([type=date])")) {
        app[t.getAttribute("data-atn-field")] = t.value;
        save();
        renderApps();
      }
    });
    root.addEventListener("change", function (event) {
      var t = event.target;
      var app = active();
      if (t.matches("li[data-item] input[type=checkbox]")) {
        var id = t.closest("li").getAttribute("data-item");
        if (t.checked) app.ticks[id] = true;
        else delete app.ticks[id];
        save();
        el.live.textContent = renderItems();
      } else if (t === el.apps) {
        state.active = t.value;
        save();
        renderAll();
        el.live.textContent = "Showing the checklist for " + name(active()) + ". " + el.progressText.textContent + ".";
      } else if (t === el.file) {
        var file = t.files && t.files[0];
        t.value = "";
        if (file) restore(file);
      } else if (t.matches("[data-atn-field=rejectedOn]")) {
        if (C.parseDate(t.value)) app.rejectedOn = t.value;
        else t.value = app.rejectedOn;
        save();
        renderApps();
        renderItems();
      } else if (t.matches("[data-atn-field=situation]")) {
        app.situation = t.value;
        save();
        el.live.textContent = renderItems();
      }
    });

    onOtherTab = function () {
      if (!storage || !root.isConnected) return;
      var read = C.readStore(storage.getItem(C.KEY), null);
      if (read.problem) return;
      state = read.store;
      C.applyReplaces(state, data.items, data.aliases);
      renderAll();
    };

    root.querySelectorAll("[data-atn-js]").forEach(function (part) {
      part.hidden = false;
    });
    renderAll();
    save();
    root.setAttribute("data-atn-ready", "ready");
    if (window.performance && performance.mark) performance.mark("atn-checklist-ready");
  }

  function start() {
    var root = document.querySelector("[data-atn-checklist]");
    if (!root || root.hasAttribute("data-atn-ready")) return;
    root.setAttribute("data-atn-ready", "starting");
    init(root);
  }

  window.addEventListener("storage", function (event) {
    if (event.key === C.KEY && onOtherTab) onOtherTab();
  });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
