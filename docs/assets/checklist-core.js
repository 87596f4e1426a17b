/* After the No: the checklist's state logic, with no DOM. Runs in the browser (window.AtnChecklistCore)
   and in Node (module.exports) so tests/js/ can check it without a browser. */
(function (root, factory) {
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.AtnChecklistCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var VERSION = 1;
  var KEY = "afterno:v1";
  // What a first static version would have stored: a flat map of ticked item ids.
  var LEGACY_KEY = "afterno:checklist";
  var DAMAGED_KEY = "afterno:v1:damaged";
  var MAX_IMPORT = 1000000;
  var MAX_TEXT = 20000;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function iso(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }
  function today(now) {
    return iso(now || new Date());
  }
  // A YYYY-MM-DD string as a local date at midnight, or null when it is not a real date.
  function parseDate(text) {
    var m = DATE.exec(typeof text === "string" ? text : "");
    if (!m) return null;
    var d = new Date(+m[1], +m[2] - 1, +m[3]);
    return iso(d) === text ? d : null;
  }
  function addDays(text, days) {
    var d = parseDate(text);
    return d ? iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days)) : null;
  }
  var formatter = null;
  // "Tue 2 Dec", in British English whatever the browser's language.
  function formatDay(text) {
    var d = parseDate(text);
    if (!d) return "";
    formatter = formatter || new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
    var parts = {};
    formatter.formatToParts(d).forEach(function (p) {
      parts[p.type] = p.value;
    });
    return parts.weekday + " " + parts.day + " " + parts.month;
  }
  function isOverdue(rejectedOn, due, now) {
    var date = addDays(rejectedOn, due);
    return !!date && date < today(now);
  }

  function newId() {
    return "a" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }
  function newApplication(fields, now) {
    fields = fields || {};
    return {
      id: newId(),
      company: text(fields.company, 200),
      role: text(fields.role, 200),
      rejectedOn: parseDate(fields.rejectedOn) ? fields.rejectedOn : today(now),
      situation: text(fields.situation, 100),
      ticks: {},
      notes: {},
      reflections: {},
      created: (now || new Date()).toISOString(),
    };
  }
  function emptyStore(fields, now) {
    var app = newApplication(fields, now);
    return { version: VERSION, active: app.id, applications: [app] };
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }
  function text(v, max) {
    return typeof v === "string" ? v.slice(0, max || MAX_TEXT) : "";
  }
  function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  // A plain map with no prototype, so ids like "__proto__" stay ordinary keys.
  function map() {
    return Object.create(null);
  }
  function cleanMap(v, keep) {
    var out = map();
    if (!isObject(v)) return out;
    Object.keys(v).forEach(function (k) {
      if (k && k.length <= 200 && keep(v[k])) out[k] = v[k] === true ? true : text(v[k]);
    });
    return out;
  }
  function isTick(v) {
    return v === true;
  }
  function isNote(v) {
    return typeof v === "string" && v !== "";
  }

  // One application from stored or imported data, with every field checked; null if it is not one.
  function cleanApplication(v) {
    if (!isObject(v)) return null;
    var app = newApplication(v);
    if (typeof v.id === "string" && /^[\w:-]{1,100}$/.test(v.id)) app.id = v.id;
    app.ticks = cleanMap(v.ticks, isTick);
    app.notes = cleanMap(v.notes, isNote);
    app.reflections = cleanMap(v.reflections, isNote);
    if (typeof v.created === "string") app.created = text(v.created, 40);
    return app;
  }

  // A store from parsed JSON: the current version, or null if the shape is not ours at all.
  function normalise(data) {
    if (!isObject(data) || data.version !== VERSION || !Array.isArray(data.applications)) return null;
    var seen = map();
    var apps = [];
    data.applications.forEach(function (v) {
      var app = cleanApplication(v);
      if (!app) return;
      while (seen[app.id]) app.id = newId();
      seen[app.id] = true;
      apps.push(app);
    });
    if (!apps.length) apps.push(newApplication());
    var active = typeof data.active === "string" && seen[data.active] ? data.active : apps[0].id;
    return { version: VERSION, active: active, applications: apps };
  }

  // What storage held: the current record, the legacy tick map, or nothing. Never throws.
  // problem: "" | "migrated" | "damaged" (the raw text should be kept under DAMAGED_KEY).
  function readStore(raw, legacyRaw, now) {
    if (raw == null) {
      if (legacyRaw != null) {
        var legacy = parse(legacyRaw);
        if (isObject(legacy)) {
          var store = emptyStore(null, now);
          store.applications[0].ticks = cleanMap(isObject(legacy.ticks) ? legacy.ticks : legacy, isTick);
          return { store: store, problem: "migrated" };
        }
        return { store: emptyStore(null, now), problem: "damaged" };
      }
      return { store: emptyStore(null, now), problem: "" };
    }
    var result = normalise(parse(raw));
    return result ? { store: result, problem: "" } : { store: emptyStore(null, now), problem: "damaged" };
  }
  function parse(raw) {
    try {
      return JSON.parse(raw);
    } catch (e) {
      return undefined;
    }
  }

  // Progress under an old item id moves to the item that now replaces it (replaces: [old-id] in the YAML);
  // with aliases (see applyAliases), answers and situations saved under renamed ids move too.
  function applyReplaces(store, items, aliases) {
    var changed = aliases ? applyAliases(store, aliases) : false;
    store.applications.forEach(function (app) {
      items.forEach(function (item) {
        (item.replaces || []).forEach(function (old) {
          ["ticks", "notes"].forEach(function (field) {
            var bag = app[field];
            if (own(bag, old)) {
              if (!own(bag, item.id)) bag[item.id] = bag[old];
              delete bag[old];
              changed = true;
            }
          });
        });
      });
    });
    return changed;
  }

  // Steps and situations renamed with `afterno rename` keep their old ids as aliases:
  // aliases = { steps: { "old-id": "new-id" }, situations: { "old-id": "new-id" } }.
  // Answers to a step's questions (stored as "step-id:index") and a checklist's situation move to the
  // new id; an answer already saved under the new id is kept. Returns whether anything moved.
  function applyAliases(store, aliases) {
    var steps = isObject(aliases.steps) ? aliases.steps : {};
    var situations = isObject(aliases.situations) ? aliases.situations : {};
    var changed = false;
    store.applications.forEach(function (app) {
      Object.keys(app.reflections).forEach(function (key) {
        var cut = key.lastIndexOf(":");
        var step = cut > 0 ? key.slice(0, cut) : "";
        if (!step || !own(steps, step) || typeof steps[step] !== "string") return;
        var moved = steps[step] + key.slice(cut);
        if (!own(app.reflections, moved)) app.reflections[moved] = app.reflections[key];
        delete app.reflections[key];
        changed = true;
      });
      if (app.situation && own(situations, app.situation) && typeof situations[app.situation] === "string") {
        app.situation = situations[app.situation];
        changed = true;
      }
    });
    return changed;
  }
  // The current id for one that may have been renamed (a ?situation= link printed before the rename).
  function currentId(id, renamed) {
    return typeof id === "string" && isObject(renamed) && own(renamed, id) && typeof renamed[id] === "string"
      ? renamed[id]
      : id;
  }

  function joinText(a, b) {
    if (!a) return b;
    if (!b || a === b) return a;
    return a + "\n\n" + b;
  }
  // Everything from both stores: same-id applications keep every tick and both notes.
  function merge(local, incoming) {
    var out = normalise(JSON.parse(JSON.stringify(local)));
    var byId = map();
    out.applications.forEach(function (app) {
      byId[app.id] = app;
    });
    incoming.applications.forEach(function (app) {
      var mine = byId[app.id];
      if (!mine) {
        out.applications.push(cleanApplication(app));
        return;
      }
      Object.keys(app.ticks).forEach(function (k) {
        mine.ticks[k] = true;
      });
      ["notes", "reflections"].forEach(function (field) {
        Object.keys(app[field]).forEach(function (k) {
          mine[field][k] = joinText(mine[field][k], app[field][k]);
        });
      });
      ["company", "role", "situation"].forEach(function (field) {
        mine[field] = mine[field] || app[field];
      });
    });
    return out;
  }

  // A backup file's text checked before anything changes: {store} or {error} with words for the reader.
  function checkImport(raw, size) {
    if ((size || 0) > MAX_IMPORT || raw.length > MAX_IMPORT) {
      return { error: "That file is too big to be a checklist backup (the limit is 1 MB). Nothing was changed." };
    }
    var data = parse(raw);
    if (data === undefined) return { error: "That file is not a checklist backup: it could not be read as JSON. Nothing was changed." };
    if (!isObject(data) || data.app !== "after-the-no") {
      return { error: "That file is not an After the No checklist backup. Nothing was changed." };
    }
    if (data.version !== VERSION) {
      var which = typeof data.version === "number" ? " (" + data.version + ")" : "";
      return { error: "That backup comes from a different version of this page" + which + ". Nothing was changed." };
    }
    var ok = Array.isArray(data.applications) && data.applications.length > 0 && data.applications.every(function (a) {
      return isObject(a) && isObject(a.ticks) && typeof a.rejectedOn === "string";
    });
    var store = ok && normalise(data);
    if (!store) return { error: "That backup is damaged: its checklists are missing or incomplete. Nothing was changed." };
    return { store: store };
  }
  function exportText(store, now) {
    var data = JSON.parse(JSON.stringify(store));
    data.app = "after-the-no";
    data.exported = (now || new Date()).toISOString();
    return JSON.stringify(data, null, 2);
  }

  // iCalendar (RFC 5545) text escaping, section 3.3.11.
  function icsText(v) {
    return String(v).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }
  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  // Lines longer than 75 octets folded with CRLF and a space (section 3.1), never inside a character.
  function fold(line) {
    var out = "";
    var count = 0;
    Array.from(line).forEach(function (ch) {
      var n = utf8Length(ch);
      if (count + n > 75) {
        out += "\r\n ";
        count = 1;
      }
      out += ch;
      count += n;
    });
    return out;
  }
  function stamp(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }
  // A calendar with one all-day event per item, each with a reminder at 9:00 that day.
  // items: [{id, label, due, url}]; app: an application; now: a Date.
  function ics(app, items, now) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the No//Checklist//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var about = [app.company, app.role].filter(Boolean).join(", ");
    items.forEach(function (item) {
      var day = addDays(app.rejectedOn, item.due);
      if (!day) return;
      var next = addDays(day, 1);
      var summary = item.label + (about ? " (" + about + ")" : "");
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + app.id + "-" + item.id + "@after-the-no",
        "DTSTAMP:" + stamp(now),
        "DTSTART;VALUE=DATE:" + day.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + next.replace(/-/g, ""),
        "SUMMARY:" + icsText(summary),
        "DESCRIPTION:" + icsText("From your After the No checklist. Why and how: " + item.url),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT9H",
        "DESCRIPTION:" + icsText(item.label),
        "END:VALARM",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  return {
    VERSION: VERSION,
    KEY: KEY,
    LEGACY_KEY: LEGACY_KEY,
    DAMAGED_KEY: DAMAGED_KEY,
    MAX_IMPORT: MAX_IMPORT,
    today: today,
    parseDate: parseDate,
    addDays: addDays,
    formatDay: formatDay,
    isOverdue: isOverdue,
    newApplication: newApplication,
    emptyStore: emptyStore,
    normalise: normalise,
    readStore: readStore,
    applyReplaces: applyReplaces,
    applyAliases: applyAliases,
    currentId: currentId,
    merge: merge,
    checkImport: checkImport,
    exportText: exportText,
    icsText: icsText,
    fold: fold,
    ics: ics,
  };
});
