// @ts-check
// Unit tests for the checklist's backups and calendar (docs/assets/checklist-files.js, loaded on demand in the
// browser), no browser needed: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/checklist-core.js");
const F = require("../../docs/assets/checklist-files.js");

/** @typedef {import("../../docs/assets/checklist-core.js").Application} Application */
/** @typedef {import("../../docs/assets/checklist-core.js").Store} Store */

const NOW = new Date(2025, 10, 25, 10, 30); // Tue 25 Nov 2025, 10:30 local time
/** @param {unknown} value */
const plain = (value) => JSON.parse(JSON.stringify(value));

/**
 * @param {any[]} apps
 * @param {string} [active]
 * @returns {Store}
 */
function store(apps, active) {
  return { version: 1, active: active || apps[0].id, applications: apps };
}
/**
 * @param {string} id
 * @param {Partial<Application>} [extra]
 * @returns {Application}
 */
function app(id, extra) {
  return {
    id,
    company: "",
    role: "",
    rejectedOn: "2025-11-25",
    situation: "",
    ticks: {},
    notes: {},
    reflections: {},
    created: "x",
    ...extra,
  };
}
/**
 * @param {ReturnType<typeof C.normalise>} result
 * @returns {Store}
 */
function normalised(result) {
  assert.ok(result, "normalise gave null");
  return result.store;
}

test("merge keeps every application, every tick and both notes", () => {
  const local = store([app("a1", { company: "Acme", ticks: { x: true }, notes: { x: "mine" } })]);
  const incoming = normalised(
    C.normalise(
      store([app("a1", { company: "Other", ticks: { y: true }, notes: { x: "theirs", z: "new" } }), app("a2")]),
    ),
  );
  const merged = F.merge(local, incoming);
  assert.equal(merged.applications.length, 2);
  const a1 = merged.applications[0];
  assert.equal(a1.company, "Acme");
  assert.deepEqual(plain(a1.ticks), { x: true, y: true });
  assert.equal(a1.notes.x, "mine\n\ntheirs");
  assert.equal(a1.notes.z, "new");
  assert.equal(merged.active, "a1");
  assert.equal(local.applications[0].ticks.y, undefined, "merge must not change its input");
});

test("an exported backup imports again unchanged", () => {
  const s = store([app("a1", { company: "Acme", ticks: { x: true }, reflections: { "s:0": "answer" } })]);
  const r = F.checkImport(F.exportText(s, NOW), 100);
  assert.equal(r.error, undefined);
  assert.deepEqual(plain(r.store), plain(normalised(C.normalise(s))));
});

test("bad backups are refused with a message that says nothing changed", () => {
  const good = JSON.parse(F.exportText(store([app("a1")]), NOW));
  const cases = [
    ["{oops", "could not be read as JSON"],
    ["[1,2]", "not an After the No checklist backup"],
    [JSON.stringify({ ...good, app: "something-else" }), "not an After the No checklist backup"],
    [JSON.stringify({ ...good, version: 2 }), "different version"],
    [JSON.stringify({ ...good, applications: [] }), "damaged"],
    [JSON.stringify({ ...good, applications: [{ id: "a", ticks: [] }] }), "damaged"],
  ];
  for (const [raw, words] of cases) {
    const r = F.checkImport(raw, raw.length);
    assert.ok(r.error?.includes(words), `${raw}: ${r.error}`);
    assert.ok(r.error?.includes("Nothing was changed"), raw);
    assert.equal(r.store, undefined);
  }
  assert.ok(F.checkImport("{}", F.MAX_IMPORT + 1).error?.includes("too big"));
  const unversioned = { ...good };
  delete unversioned.version;
  const missing = F.checkImport(JSON.stringify(unversioned), 100).error || "";
  assert.ok(missing.includes("different version of this page. Nothing"), missing);
});

test("ics text escapes backslashes, commas, semicolons and newlines", () => {
  assert.equal(F.icsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
});

test("ics lines are folded at 75 octets without splitting a character", () => {
  const line = `SUMMARY:${"é".repeat(60)}${"x".repeat(40)}`;
  const folded = F.fold(line);
  for (const part of folded.split("\r\n")) assert.ok(Buffer.byteLength(part) <= 75, part);
  assert.equal(folded.replace(/\r\n /g, ""), line);
  assert.equal(F.fold("short"), "short");
});

test("imports state and enforce the limit on the number of checklists", () => {
  const many = Array.from({ length: C.MAX_APPLICATIONS + 1 }, (_, i) => app(`a${i}`));
  const r = F.checkImport(F.exportText(store(many), NOW), 100);
  assert.ok(r.error?.includes(`at most ${C.MAX_APPLICATIONS}`), r.error);
  const half = Array.from({ length: 150 }, (_, i) => app(`b${i}`));
  const other = Array.from({ length: 60 }, (_, i) => app(`c${i}`));
  const added = F.addBackup(store(half), store(other));
  assert.ok(added.error?.includes("Replace mine"), added.error);
  assert.equal(F.addBackup(store(half), store(other.slice(0, 50))).store?.applications.length, 200);
});

test("the calendar never holds a past day: past items move to today, gentle ones are left out", () => {
  const items = [
    { id: "feel", due: 0, gentle: true },
    { id: "thank", due: 1, gentle: false },
    { id: "later", due: 10, gentle: false },
  ];
  const plan = F.calendarPlan("2025-11-22", items, NOW);
  assert.deepEqual(
    plan.entries.map((e) => [e.item.id, e.day, e.alarm]),
    [
      ["thank", "2025-11-25", false],
      ["later", "2025-12-02", true],
    ],
  );
  assert.equal(plan.moved, 1);
  assert.equal(plan.left, 1);
  const early = F.calendarPlan("2025-11-22", items, new Date(2025, 10, 25, 7, 0));
  assert.equal(early.entries[0].alarm, true, "today's 9:00 is still ahead at 7:00");
});

test("the ics calendar has CRLF lines, one all-day event per entry, alarms only where planned", () => {
  const a = app("a1", { company: "Acme, Ltd", role: "Designer; senior", rejectedOn: "2025-11-25" });
  const entries = [
    {
      item: { id: "send-thank-you", label: "Send a reply", due: 1, gentle: false, url: "https://example.org/x/#y" },
      day: "2025-11-26",
      alarm: true,
    },
    {
      item: {
        id: "reconnect",
        label: `Reconnect with the hiring manager ${"long ".repeat(20)}`,
        due: 45,
        gentle: false,
      },
      day: "2026-01-09",
      alarm: false,
    },
  ];
  const text = F.ics(a, entries, new Date(Date.UTC(2025, 10, 25, 9, 5, 7)));
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  const lines = text.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  assert.ok(lines.includes("VERSION:2.0"));
  assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
  assert.equal(lines.filter((l) => l === "BEGIN:VALARM").length, 1);
  assert.ok(lines.includes("UID:a1-send-thank-you@after-the-no"));
  assert.ok(lines.includes("DTSTAMP:20251125T090507Z"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20251126"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20251127"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20260109"));
  assert.ok(lines.includes("SUMMARY:Send a reply (Acme\\, Ltd\\, Designer\\; senior)"));
  for (const raw of text.split("\r\n")) assert.ok(Buffer.byteLength(raw) <= 75, raw);
});

test("an item that waits for an outside event is not sent to the calendar", () => {
  const now = new Date(2025, 10, 25, 7, 0);
  const waits = { id: "send-new-opening-note", due: 30, gentle: false, waits: true };
  const dated = { id: "set-job-alert", due: 14, gentle: false };
  const plan = F.calendarPlan("2025-11-22", [waits, dated], now);
  assert.deepEqual(
    plan.entries.map((entry) => entry.item.id),
    ["set-job-alert"],
  );
});
