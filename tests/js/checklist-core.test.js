// Unit tests for the checklist's state logic (docs/assets/checklist-core.js), no browser needed:
// node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const C = require(path.join(__dirname, "..", "..", "docs", "assets", "checklist-core.js"));

const NOW = new Date(2025, 10, 25, 10, 30); // Tue 25 Nov 2025, local time
const plain = (value) => JSON.parse(JSON.stringify(value));

function store(apps, active) {
  return { version: 1, active: active || apps[0].id, applications: apps };
}
function app(id, extra) {
  return Object.assign(
    {
      id,
      company: "",
      role: "",
      rejectedOn: "2025-11-25",
      situation: "",
      ticks: {},
      notes: {},
      reflections: {},
      created: "x",
    },
    extra,
  );
}

test("adds days in local time across month, year and DST changes", () => {
  assert.equal(C.addDays("2025-11-25", 7), "2025-12-02");
  assert.equal(C.addDays("2025-12-28", 5), "2026-01-02");
  assert.equal(C.addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(C.addDays("2025-03-29", 1), "2025-03-30");
  assert.equal(C.addDays("2025-10-25", 45), "2025-12-09");
  assert.equal(C.addDays("not a date", 1), null);
  assert.equal(C.addDays("2025-02-30", 1), null);
});

test("formats a due day as a short British date", () => {
  assert.equal(C.formatDay("2025-12-02"), "Tue 2 Dec");
  assert.equal(C.formatDay("2026-01-10"), "Sat 10 Jan");
  assert.equal(C.formatDay("rubbish"), "");
});

test("an item is overdue only after its due day has passed", () => {
  assert.equal(C.isOverdue("2025-11-20", 4, NOW), true);
  assert.equal(C.isOverdue("2025-11-20", 5, NOW), false);
  assert.equal(C.isOverdue("2025-11-25", 0, NOW), false);
});

test("an empty store has one ready application dated today", () => {
  const s = C.emptyStore(null, NOW);
  assert.equal(s.version, 1);
  assert.equal(s.applications.length, 1);
  assert.equal(s.active, s.applications[0].id);
  assert.equal(s.applications[0].rejectedOn, "2025-11-25");
});

test("reading nothing gives a fresh store with no problem", () => {
  const r = C.readStore(null, null, NOW);
  assert.equal(r.problem, "");
  assert.equal(r.store.applications.length, 1);
});

test("corrupt JSON gives a fresh store and reports the damage", () => {
  for (const raw of ["{not json", "[]", '{"version":1}', '"text"', "null", '{"version":99,"applications":[]}']) {
    const r = C.readStore(raw, null, NOW);
    assert.equal(r.problem, "damaged", raw);
    assert.equal(r.store.applications.length, 1, raw);
  }
});

test("the legacy flat map of ticks is migrated into one application", () => {
  const r = C.readStore(null, '{"take-a-breath":true,"cross-it-off":false,"gone":true}', NOW);
  assert.equal(r.problem, "migrated");
  assert.deepEqual(plain(r.store.applications[0].ticks), { "take-a-breath": true, gone: true });
});

test("stored fields of the wrong type are repaired, unknown item ids kept", () => {
  const raw = JSON.stringify(
    store([
      {
        id: "a1",
        company: 42,
        rejectedOn: "2025-13-40",
        ticks: { "no-longer-in-content": true, x: "yes" },
        notes: { a: "keep", b: 3 },
      },
      "not an application",
    ]),
  );
  const r = C.readStore(raw, null, NOW);
  assert.equal(r.problem, "");
  const a = r.store.applications[0];
  assert.equal(r.store.applications.length, 1);
  assert.equal(a.company, "");
  assert.equal(a.rejectedOn, C.today());
  assert.deepEqual(plain(a.ticks), { "no-longer-in-content": true });
  assert.deepEqual(plain(a.notes), { a: "keep" });
  assert.deepEqual(plain(a.reflections), {});
});

test("a __proto__ id is stored as an ordinary key, not a prototype", () => {
  const r = C.readStore(
    '{"version":1,"applications":[{"id":"a","rejectedOn":"2025-11-25","ticks":{"__proto__":true}}]}',
    null,
    NOW,
  );
  const ticks = r.store.applications[0].ticks;
  assert.equal(Object.getPrototypeOf(ticks), null);
  assert.deepEqual(Object.keys(ticks), ["__proto__"]);
});

test("duplicate application ids are made unique and a missing active id falls back", () => {
  const s = C.normalise(store([app("a1"), app("a1")], "zzz"));
  assert.equal(s.applications.length, 2);
  assert.notEqual(s.applications[0].id, s.applications[1].id);
  assert.equal(s.active, "a1");
});

test("replaces moves ticks and notes from the old id to the new one", () => {
  const s = store([app("a1", { ticks: { "old-id": true, other: true }, notes: { "old-id": "my note" } })]);
  const changed = C.applyReplaces(s, [
    { id: "new-id", replaces: ["old-id"] },
    { id: "other", replaces: [] },
  ]);
  assert.equal(changed, true);
  assert.deepEqual(s.applications[0].ticks, { other: true, "new-id": true });
  assert.deepEqual(s.applications[0].notes, { "new-id": "my note" });
  assert.equal(C.applyReplaces(s, [{ id: "new-id", replaces: ["old-id"] }]), false);
});

test("merge keeps every application, every tick and both notes", () => {
  const local = store([app("a1", { company: "Acme", ticks: { x: true }, notes: { x: "mine" } })]);
  const incoming = C.normalise(
    store([app("a1", { company: "Other", ticks: { y: true }, notes: { x: "theirs", z: "new" } }), app("a2")]),
  );
  const merged = C.merge(local, incoming);
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
  const r = C.checkImport(C.exportText(s, NOW), 100);
  assert.equal(r.error, undefined);
  assert.deepEqual(plain(r.store), plain(C.normalise(s)));
});

test("bad backups are refused with a message that says nothing changed", () => {
  const good = JSON.parse(C.exportText(store([app("a1")]), NOW));
  const cases = [
    ["{oops", "could not be read as JSON"],
    ["[1,2]", "not an After the No checklist backup"],
    [JSON.stringify({ ...good, app: "something-else" }), "not an After the No checklist backup"],
    [JSON.stringify({ ...good, version: 2 }), "different version"],
    [JSON.stringify({ ...good, applications: [] }), "damaged"],
    [JSON.stringify({ ...good, applications: [{ id: "a", ticks: [] }] }), "damaged"],
  ];
  for (const [raw, words] of cases) {
    const r = C.checkImport(raw, raw.length);
    assert.ok(r.error.includes(words), `${raw}: ${r.error}`);
    assert.ok(r.error.includes("Nothing was changed"), raw);
    assert.equal(r.store, undefined);
  }
  assert.ok(C.checkImport("{}", C.MAX_IMPORT + 1).error.includes("too big"));
  const unversioned = { ...good };
  delete unversioned.version;
  const missing = C.checkImport(JSON.stringify(unversioned), 100).error;
  assert.ok(missing.includes("different version of this page. Nothing"), missing);
});

test("ics text escapes backslashes, commas, semicolons and newlines", () => {
  assert.equal(C.icsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
});

test("ics lines are folded at 75 octets without splitting a character", () => {
  const line = "SUMMARY:" + "é".repeat(60) + "x".repeat(40);
  const folded = C.fold(line);
  for (const part of folded.split("\r\n")) assert.ok(Buffer.byteLength(part) <= 75, part);
  assert.equal(folded.replace(/\r\n /g, ""), line);
  assert.equal(C.fold("short"), "short");
});

test("the ics calendar has CRLF lines, one all-day event per item with UID and DTSTAMP", () => {
  const a = app("a1", { company: "Acme, Ltd", role: "Designer; senior", rejectedOn: "2025-11-25" });
  const items = [
    { id: "send-thank-you", label: "Send a reply", due: 1, url: "https://example.org/guides/x/#y" },
    {
      id: "reconnect",
      label: "Reconnect with the hiring manager " + "long ".repeat(20),
      due: 45,
      url: "https://example.org/z/",
    },
  ];
  const text = C.ics(a, items, new Date(Date.UTC(2025, 10, 25, 9, 5, 7)));
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  const lines = text.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  assert.ok(lines.includes("VERSION:2.0"));
  assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
  assert.ok(lines.includes("UID:a1-send-thank-you@after-the-no"));
  assert.ok(lines.includes("DTSTAMP:20251125T090507Z"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20251126"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20251127"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20260109"));
  assert.ok(lines.includes("SUMMARY:Send a reply (Acme\\, Ltd\\, Designer\\; senior)"));
  for (const raw of text.split("\r\n")) assert.ok(Buffer.byteLength(raw) <= 75, raw);
});
