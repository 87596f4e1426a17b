// @ts-check
// Unit tests for the checklist's pure logic (docs/assets/checklist-core.js), no browser needed: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/checklist-core.js");

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

test("adds days in local time across month, year and DST changes", () => {
  assert.equal(C.addDays("2025-11-25", 7), "2025-12-02");
  assert.equal(C.addDays("2025-12-28", 5), "2026-01-02");
  assert.equal(C.addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(C.addDays("2025-03-29", 1), "2025-03-30");
  assert.equal(C.addDays("2025-10-25", 45), "2025-12-09");
  assert.equal(C.addDays("not a date", 1), null);
  assert.equal(C.addDays("2025-02-30", 1), null);
});

test("a day heard is a whole real date, today or earlier; a later day is refused and a part date is unfinished", () => {
  const now = new Date(2026, 11, 3, 15, 0);
  assert.equal(C.dayHeardCheck("2026-12-03", now), "ok");
  assert.equal(C.dayHeardCheck("2026-12-01", now), "ok");
  assert.equal(C.dayHeardCheck("2026-12-04", now), "future");
  assert.equal(C.dayHeardCheck("2027-01-01", now), "future");
  for (const text of ["", "2026-12", "2026-02-30", "2026-12-1", "tomorrow", null, 20261201]) {
    assert.equal(C.dayHeardCheck(text, now), "unfinished", String(text));
  }
});

test("formats a due day as a short British date", () => {
  assert.equal(C.formatDay("2025-12-02"), "Tue 2 Dec");
  assert.equal(C.formatDay("2026-01-10"), "Sat 10 Jan");
  assert.equal(C.formatDay("rubbish"), "");
});

test("English dates are written as en-GB writes them, for every weekday and month, without building Intl", () => {
  const gb = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
  const real = Intl.DateTimeFormat;
  C.setStrings({}, "");
  const days = [];
  for (let day = 0; day < 365; day += 5) days.push(new Date(2026, 0, 1 + day));
  const expected = days.map((d) => gb.format(d));
  // @ts-expect-error: a formatter built here would cost a phone tens of milliseconds as the checklist starts.
  Intl.DateTimeFormat = () => assert.fail("Intl.DateTimeFormat built for an English date");
  try {
    const iso = (/** @type {Date} */ d) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    assert.deepEqual(
      days.map((d) => C.formatDay(iso(d))),
      expected,
    );
  } finally {
    Intl.DateTimeFormat = real;
  }
});

test("a past date is a plan, never overdue; a gentle item's date is only a suggestion", () => {
  const plainItem = { due: 4, gentle: false };
  const gentle = { due: 0, gentle: true };
  assert.deepEqual(C.dueInfo("2025-11-20", plainItem, false, NOW), {
    state: "past",
    text: "planned for Mon 24 Nov: still worth doing",
  });
  assert.deepEqual(C.dueInfo("2025-11-22", gentle, false, NOW), {
    state: "gentle",
    text: "suggested for Sat 22 Nov: whenever you feel ready",
  });
  assert.equal(C.dueInfo("2025-11-25", gentle, false, NOW).state, "today");
  assert.equal(C.dueInfo("2025-11-25", plainItem, false, NOW).text, "by Sat 29 Nov");
  assert.equal(C.dueInfo("2025-11-20", plainItem, true, NOW).state, "done");
  // A ticked item says it is done, whatever its day (not "planned for ...").
  for (const rejectedOn of ["2025-10-01", "2025-11-25", "2025-12-20"]) {
    assert.equal(C.dueInfo(rejectedOn, plainItem, true, NOW).text, "done");
  }
  for (const rejectedOn of ["2025-10-01", "2025-11-24", "2025-11-25"]) {
    for (const item of [plainItem, gentle]) {
      assert.ok(!/overdue|late|missed/i.test(C.dueInfo(rejectedOn, item, false, NOW).text), rejectedOn);
    }
  }
});

test("next items are the earliest open ones, page order among equals, at most the count", () => {
  const items = [
    { id: "a", due: 5 },
    { id: "b", due: 1 },
    { id: "c", due: 5 },
    { id: "d", due: 0 },
  ];
  assert.deepEqual(
    C.nextItems(items, 3).map((i) => i.id),
    ["d", "b", "a"],
  );
  assert.deepEqual(C.nextItems([], 3), []);
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

test("a record some of whose checklists are unusable keeps the rest and is reported, so it is copied aside", () => {
  const raw = JSON.stringify({ version: 1, active: "a1", applications: [1, "x", null, app("a1")] });
  const r = C.readStore(raw, null, NOW);
  assert.equal(r.problem, "damaged");
  assert.deepEqual(
    r.store.applications.map((a) => a.id),
    ["a1"],
  );
  const none = C.readStore(JSON.stringify({ version: 1, applications: [1, "x", null] }), null, NOW);
  assert.equal(none.problem, "damaged");
  assert.equal(none.store.applications.length, 1);
});

test("notes of any length are kept whole, short fields are bounded", () => {
  const long = "n".repeat(300000);
  const raw = JSON.stringify(store([app("a1", { company: "c".repeat(500), notes: { x: long } })]));
  const a = C.readStore(raw, null, NOW).store.applications[0];
  assert.equal(a.notes.x.length, 300000);
  assert.equal(a.company.length, C.MAX_FIELD);
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
  assert.equal(r.problem, "damaged", "one record was not an application");
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
  const s = normalised(C.normalise(store([app("a1"), app("a1")], "zzz")));
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

test("reset and delete work on the record as stored and say when the checklist is gone", () => {
  const s = store([app("a1", { ticks: { x: true }, notes: { x: "n" } }), app("a2")]);
  assert.equal(C.resetApplication(s, "a1"), true);
  assert.deepEqual(plain(s.applications[0].ticks), {});
  assert.equal(C.resetApplication(s, "gone"), false);
  assert.equal(C.deleteApplication(s, "a1"), true);
  assert.equal(s.active, "a2");
  assert.equal(C.deleteApplication(s, "a1"), false);
  assert.equal(C.deleteApplication(s, "a2"), true);
  assert.equal(s.applications.length, 1, "a fresh checklist takes the last one's place");
});

test("answers and the situation saved under renamed ids move to the new ids", () => {
  const s = store([
    app("a", {
      situation: "old-situation",
      reflections: { "old-step:0": "first", "old-step:1": "second", "other:0": "kept" },
    }),
  ]);
  const aliases = { steps: { "old-step": "new-step" }, situations: { "old-situation": "new-situation" } };
  assert.equal(C.applyAliases(s, aliases), true);
  assert.deepEqual(plain(s.applications[0].reflections), {
    "new-step:0": "first",
    "new-step:1": "second",
    "other:0": "kept",
  });
  assert.equal(s.applications[0].situation, "new-situation");
  assert.equal(C.applyAliases(s, aliases), false, "a second run moves nothing");
});

test("an answer already saved under the new id wins over the old one", () => {
  const s = store([app("a", { reflections: { "old-step:0": "old answer", "new-step:0": "new answer" } })]);
  C.applyAliases(s, { steps: { "old-step": "new-step" } });
  assert.deepEqual(plain(s.applications[0].reflections), { "new-step:0": "new answer" });
});

test("aliases ride along with replaced checklist items, and odd alias data changes nothing", () => {
  const s = store([
    app("a", { ticks: { "old-item": true }, reflections: { "old-step:0": "x", "constructor:0": "y" } }),
  ]);
  const items = [{ id: "new-item", replaces: ["old-item"] }];
  assert.equal(C.applyReplaces(s, items, { steps: { "old-step": "new-step" } }), true);
  assert.deepEqual(plain(s.applications[0].ticks), { "new-item": true });
  assert.deepEqual(plain(s.applications[0].reflections), { "new-step:0": "x", "constructor:0": "y" });
  for (const odd of [{}, { steps: [] }, { steps: { "new-step": 3 } }, { situations: "x" }]) {
    assert.equal(C.applyAliases(s, odd), false);
  }
});

test("a renamed situation in a link resolves to its new id; others stay as they are", () => {
  const renamed = { "old-situation": "new-situation" };
  assert.equal(C.currentId("old-situation", renamed), "new-situation");
  assert.equal(C.currentId("no-reply", renamed), "no-reply");
  assert.equal(C.currentId("constructor", renamed), "constructor");
  assert.equal(C.currentId(null, renamed), null);
  assert.equal(C.currentId("old-situation", undefined), "old-situation");
});

test("t() and dates follow the page's language; English stays the default", () => {
  C.setStrings({ "by {day}": "bis {day}", "{done} of {total} done": "{done} von {total} erledigt" }, "de");
  try {
    const de = new Intl.DateTimeFormat("de", { weekday: "short", day: "numeric", month: "short" });
    assert.equal(C.formatDay("2025-11-28"), de.format(new Date(2025, 10, 28)));
    assert.equal(
      C.dueInfo("2025-11-25", { due: 3, gentle: false }, false, NOW).text,
      `bis ${C.formatDay("2025-11-28")}`,
    );
    assert.equal(C.t("{done} of {total} done", { done: 2, total: 5 }), "2 von 5 erledigt");
    assert.equal(C.t("Untranslated {x}", { x: 1 }), "Untranslated 1", "no translation: the English");
  } finally {
    C.setStrings({}, "");
  }
  assert.equal(C.formatDay("2025-11-28"), "Fri 28 Nov");
});

test("nextWhen: a past gentle item is for when the reader is ready, a past other item a plan, never overdue", () => {
  assert.equal(C.nextWhen("2025-11-22", { due: 0, gentle: true }, NOW), "When you feel ready");
  assert.equal(C.nextWhen("2025-11-22", { due: 0, gentle: false }, NOW), "Planned for Sat 22 Nov");
  assert.equal(C.nextWhen("2025-11-22", { due: 3, gentle: true }, NOW), "Today");
  assert.equal(C.nextWhen("2025-11-22", { due: 5, gentle: false }, NOW), "Thu 27 Nov");
});

test("a checklist without a company is named by what they said and the day heard, never 'Untitled'", () => {
  const said = '"We are pursuing other candidates"';
  assert.equal(C.applicationLabel(app("a"), said), `${said} (heard Tue 25 Nov)`);
  assert.equal(C.applicationLabel(app("a")), "Your checklist (heard Tue 25 Nov)");
  assert.equal(
    C.applicationLabel(app("a", { company: "Acme", role: "Editor" }), said),
    "Acme, Editor (heard Tue 25 Nov)",
  );
  assert.equal(C.applicationName(app("a")), "Your checklist");
  C.setStrings({ "{name} (heard {day})": "{name} (Absage am {day})", "Your checklist": "Deine Checkliste" }, "de");
  try {
    assert.match(C.applicationLabel(app("a")), /^Deine Checkliste \(Absage am .+\)$/);
  } finally {
    C.setStrings({}, "");
  }
});

test("an item that waits for an outside event has no date and is never next", () => {
  const now = new Date(2025, 10, 25, 7, 0);
  const waits = { id: "send-new-opening-note", due: 30, gentle: false, waits: true };
  const dated = { id: "set-job-alert", due: 14, gentle: false };
  assert.deepEqual(C.dueInfo("2025-11-22", waits, false, now), { state: "waits", text: "when it happens" });
  assert.equal(C.dueInfo("2025-11-22", waits, true, now).state, "done");
  assert.deepEqual(
    C.nextItems([waits, dated], 3).map((item) => item.id),
    ["set-job-alert"],
  );
});
