// Unit tests for the message templates' logic (docs/assets/templates-core.js), no browser needed:
// node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const T = require(path.join(__dirname, "..", "..", "docs", "assets", "templates-core.js"));

const plain = (value) => JSON.parse(JSON.stringify(value));
const BODY = T.parse("Dear {contact_name},\n\nThank you for the {role} role.\n\n{your_name}");
const SUBJECT = T.parse("Re: {role}");

test("a message splits into text and named slots, in order", () => {
  assert.deepEqual(plain(T.parse("Hi {a}, {b_2}{a}!")), [
    { text: "Hi " },
    { slot: "a" },
    { text: ", " },
    { slot: "b_2" },
    { slot: "a" },
    { text: "!" },
  ]);
  assert.deepEqual(plain(T.parse("no slots {Not_one} {}")), [{ text: "no slots {Not_one} {}" }]);
  assert.deepEqual(T.slotNames(SUBJECT, BODY), ["role", "contact_name", "your_name"]);
});

test("filling keeps {name} for an empty box so the preview shows what is left", () => {
  assert.equal(T.fill(SUBJECT, { role: "Analyst" }), "Re: Analyst");
  assert.equal(T.fill(T.parse("{a} and {b}"), { a: "  Jo  ", b: "   " }), "Jo and {b}");
});

test("a message with any empty box is refused, naming every empty box", () => {
  const result = T.finish(SUBJECT, BODY, { your_name: "Sam" });
  assert.deepEqual(result, { missing: ["role", "contact_name"] });
  assert.ok(!("body" in result));
  const done = T.finish(SUBJECT, BODY, { your_name: "Sam", role: "Analyst", contact_name: "Alex" });
  assert.deepEqual(done, { subject: "Re: Analyst", body: "Dear Alex,\n\nThank you for the Analyst role.\n\nSam" });
});

test("the refusal says what did not happen and lists the boxes to fill", () => {
  assert.equal(T.refusal(["Your name"], "copy"), "Nothing was copied. Fill in this box first: “Your name”.");
  assert.equal(
    T.refusal(["Your name", "The company", "The role you applied for"], "email"),
    "Your email app was not opened. Fill in these 3 boxes first: “Your name”, “The company” and “The role you applied for”.",
  );
});

test("the refusal is in the page's language: every part of it goes through the translator", () => {
  /** @type {Record<string, string>} */
  const german = {
    "Nothing was copied.": "Es wurde nichts kopiert.",
    "“{label}”": "„{label}“",
    " and ": " und ",
    "Fill in these {count} boxes first: {boxes}.": "Füll zuerst diese {count} Felder aus: {boxes}.",
  };
  /** @param {string} text @param {Record<string, string | number>} [values] */
  const t = (text, values = {}) =>
    (german[text] ?? `EN:${text}`).replace(/\{([a-z_]+)\}/g, (_, name) => String(values[name]));
  assert.equal(
    T.refusal(["Dein Name", "Die Firma"], "copy", t),
    "Es wurde nichts kopiert. Füll zuerst diese 2 Felder aus: „Dein Name“ und „Die Firma“.",
  );
});

test("cleaning makes one line: no line breaks, control characters or lone surrogates", () => {
  assert.equal(T.clean("Sam\r\nTaylor\t\u0000\u2028x"), "Sam Taylor x");
  assert.equal(T.clean("a\ud800b\udc00c"), "abc");
  assert.equal(T.clean("ok \ud83d\ude00"), "ok \ud83d\ude00", "a real pair stays");
  assert.equal(T.clean(42), "");
  assert.equal(T.clean(null), "");
  assert.equal(T.clean("<b>&amp;</b>"), "<b>&amp;</b>", "markup is kept as text; the page shows it as text");
});

test("cleaning caps the length without splitting a character, and a 5 MB value stays fast", () => {
  assert.equal(T.clean("x".repeat(300)).length, T.MAX_VALUE);
  assert.equal(T.clean("abcd", 3), "abc");
  assert.equal(T.clean("ab\ud83d\ude00", 3), "ab", "the pair would be cut in half, so it goes whole");
  const huge = "y".repeat(5 * 1024 * 1024);
  // The best of five runs: a busy machine (CI runs this beside other work) only ever adds time.
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    assert.equal(T.clean(huge, 100), "y".repeat(100));
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  assert.ok(best < 50, `cleaning 5 MB took ${best.toFixed(1)} ms at best`);
});

test("the mailto link has only a subject and a body, CRLF line breaks, and survives any text", () => {
  const href = T.mailto("Re: A&B?", "Line one\nLine two\r\nthree&cc=boss@example.com");
  assert.ok(href.startsWith("mailto:?subject="));
  const url = new URL(href);
  assert.equal(url.pathname, "");
  assert.deepEqual([...url.searchParams.keys()], ["subject", "body"]);
  assert.equal(url.searchParams.get("subject"), "Re: A&B?");
  assert.equal(url.searchParams.get("body"), "Line one\r\nLine two\r\nthree&cc=boss@example.com");
  assert.doesNotThrow(() => T.mailto("x\ud800", "y\udfff"), "a lone surrogate must not throw URIError");
  assert.ok(T.mailto("x\ud800", "").includes("%EF%BF%BD"));
});

test("a stored record is read field by field; anything else is no record", () => {
  const text = T.recordText("a1", { your_name: " Sam ", role: "", company: "Acme\nLtd" });
  assert.deepEqual(JSON.parse(text), { version: 1, app: "a1", values: { your_name: "Sam", company: "Acme Ltd" } });
  assert.deepEqual(plain(T.readRecord(text)), {
    version: 1,
    app: "a1",
    values: { your_name: "Sam", company: "Acme Ltd" },
  });
  for (const raw of [
    null,
    "",
    "{",
    "[]",
    '{"version":2,"values":{}}',
    '{"version":1}',
    '{"version":1,"values":[]}',
    "x".repeat(200001),
  ]) {
    assert.equal(T.readRecord(raw), null, `should not read ${String(raw).slice(0, 30)}`);
  }
  const odd = T.readRecord('{"version":1,"app":7,"values":{"__proto__":"x","Bad Name":"y","ok":5,"fine":"z"}}');
  assert.deepEqual(plain(odd), { version: 1, app: "", values: { fine: "z" } });
  assert.equal(Object.getPrototypeOf(odd.values), null);
});

function checklist(apps, active) {
  return JSON.stringify({ version: 1, active, applications: apps });
}
const FROM = { company: "company", role: "role" };

test("the boxes start from the active checklist's company and role", () => {
  const raw = checklist(
    [
      { id: "a1", company: "Acme", role: "Analyst" },
      { id: "a2", company: "Beta", role: "Tester" },
    ],
    "a2",
  );
  assert.deepEqual(T.activeChecklist(raw), { id: "a2", company: "Beta", role: "Tester" });
  const start = T.startValues(null, raw, FROM);
  assert.equal(start.app, "a2");
  assert.deepEqual(plain(start.values), { company: "Beta", role: "Tester" });
  assert.equal(start.forgotten, false);
});

test("what was typed for this checklist wins over the checklist; an empty box still takes the checklist's", () => {
  const raw = checklist([{ id: "a1", company: "Acme", role: "Analyst" }], "a1");
  const record = T.readRecord(T.recordText("a1", { company: "Acme Foods", your_name: "Sam" }));
  assert.deepEqual(plain(T.startValues(record, raw, FROM).values), {
    company: "Acme Foods",
    your_name: "Sam",
    role: "Analyst",
  });
  const before = T.readRecord(T.recordText("", { your_name: "Sam" }));
  assert.deepEqual(
    plain(T.startValues(before, raw, FROM).values),
    { your_name: "Sam", company: "Acme", role: "Analyst" },
    "typed before any checklist existed",
  );
});

test("values typed for a checklist are forgotten with it", () => {
  const record = T.readRecord(T.recordText("a1", { your_name: "Sam", contact_name: "Alex" }));
  const other = T.startValues(record, checklist([{ id: "a9", company: "Zed", role: "" }], "a9"), FROM);
  assert.deepEqual(plain(other.values), { company: "Zed" });
  assert.equal(other.forgotten, true);
  const cleared = T.startValues(record, null, FROM);
  assert.deepEqual(plain(cleared.values), {});
  assert.equal(cleared.forgotten, true);
});

test("a damaged or odd checklist record gives no prefill and never throws", () => {
  for (const raw of [
    null,
    "",
    "{",
    "null",
    "[]",
    '{"applications":"x"}',
    '{"applications":[1,"x",null]}',
    '{"applications":[{"id":3}]}',
  ]) {
    assert.equal(T.activeChecklist(raw), null, raw);
    assert.deepEqual(plain(T.startValues(null, raw, FROM).values), {});
  }
  const raw = checklist([{ id: "a1", company: "Acme\r\nLtd", role: 7 }], "missing");
  assert.deepEqual(
    T.activeChecklist(raw),
    { id: "a1", company: "Acme Ltd", role: "" },
    "falls back to the first checklist",
  );
});

test("the subject alone is finished from its own boxes: a box only the body uses does not hold it back", () => {
  const subject = T.parse("Re: {role}");
  const body = T.parse("Dear {contact_name},");
  assert.deepEqual(T.finish(subject, [], { role: "Analyst" }), { subject: "Re: Analyst", body: "" });
  assert.deepEqual(T.finish(subject, body, { role: "Analyst" }), { missing: ["contact_name"] });
  assert.equal("clipboardText" in T, false, "Copy copies the body alone: no subject line is put before it");
});

test("a note's characters are counted as a site with a limit counts them: empty boxes as nothing, emoji as one", () => {
  const note = T.parse("Hi {contact_name}, thanks. {your_name}");
  assert.equal(T.characters(note, {}), "Hi , thanks. ".length);
  assert.equal(T.characters(note, { contact_name: "  Alex  ", your_name: "Sam" }), "Hi Alex, thanks. Sam".length);
  assert.equal(T.characters(T.parse("{a}"), { a: "🙂é" }), 2);
  assert.equal(T.characters(T.parse("{a}"), { a: "x".repeat(500) }), T.MAX_VALUE);
});

test("an empty box shows as its label in brackets, never as its code name", () => {
  assert.equal(T.blank("Tu nombre"), "[Tu nombre]");
  assert.equal(T.blank("  Dein\nName "), "[Dein Name]");
  assert.equal(T.blank(""), "[…]");
});
