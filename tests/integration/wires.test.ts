import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getWireStory, listWireStories } from "@/lib/server/queries/wires";
import { importWireStory, type ImportSource } from "@/lib/server/services/import-wire-story";
import { setRangeRestored } from "@/lib/server/services/restore-wire-range";
import { seedFiles } from "../../scripts/lib/shared-folder";
import { insertUser } from "./db-helpers";

const seed = (prefix: string) => fs.readFileSync(seedFiles().find((file) => path.basename(file).startsWith(prefix))!);

let unique = 0;
/** A story no other test imports (dedupe is global), built around a unique token. */
function uniqueStory(extra = "") {
  unique += 1;
  const token = `Zork${Date.now().toString(36)}x${unique}`;
  return `Ferry ${token} sinks off coast\n\nLONDON (Reuters) — A ferry named ${token} sank on Monday, officials said. All 40 passengers were rescued.${extra}\n`;
}

function ninjs(uri: string, version: number, body: string) {
  return JSON.stringify({ uri, version: String(version), type: "text", headline: `Budget vote ${uri}`, body_text: body, language: "en" });
}

async function writerSource(): Promise<ImportSource> {
  const { actor } = await insertUser({ role: "WRITER" });
  return { kind: "user", user: actor };
}

describe("importing wire stories", () => {
  it("stores the original verbatim with the derived metadata", async () => {
    const source = await writerSource();
    const bytes = seed("000");
    const result = await importWireStory({ source, upload: { bytes, contentType: "text/plain", filename: "000.txt" } });
    expect(["created", "duplicate"]).toContain(result.outcome);
    const stored = await db.wireStory.findUniqueOrThrow({ where: { id: result.story.id }, select: { originalBytes: true, originalText: true, agency: true, dateline: true, headline: true } });
    expect(Buffer.from(stored.originalBytes).equals(bytes)).toBe(true);
    expect(stored.originalText).toBe(bytes.toString("utf8"));
    expect(stored).toMatchObject({ agency: "AP", dateline: "SEOUL, South Korea" });
    expect(stored.headline).toBe("North Korea’s leader is in Russia to meet Putin, with both locked in standoffs with the West");
  });

  it("imports the same content once: a second import answers with the first story", async () => {
    const source = await writerSource();
    const text = uniqueStory();
    const first = await importWireStory({ source, upload: { text, contentType: "text/plain" } });
    // Different whitespace and quotes, same content.
    const again = await importWireStory({ source, upload: { text: `\n\n${text.replace(/ /g, "  ")}`, contentType: "text/plain" } });
    expect(first.outcome).toBe("created");
    expect(again).toEqual({ ...first, outcome: "duplicate" });
    expect(await db.wireStory.count({ where: { id: first.story.id } })).toBe(1);
  });

  it("two imports of the same content racing store one story", async () => {
    const source = await writerSource();
    const text = uniqueStory();
    const results = await Promise.all([0, 1, 2].map(() => importWireStory({ source, upload: { text, contentType: "text/plain" } })));
    expect(new Set(results.map((r) => r.story.id)).size).toBe(1);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
  });

  it("the same content racing under different item identities is stored and counted into events once", async () => {
    const source = await writerSource();
    // Letters only: a digit would split the name into several terms.
    const token = `Quorx${Date.now().toString(36).replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
    const document = (uri: string) =>
      JSON.stringify({ uri, type: "text", headline: `Ferry ${token} sinks`, body_text: `A ferry named ${token} sank on Monday, officials said. All 40 passengers were rescued.`, language: "en" });
    const wiresCounted = async () => (await db.eventTermFrequency.findUniqueOrThrow({ where: { term: "" } })).wires;
    await importWireStory({ source, upload: { text: uniqueStory(), contentType: "text/plain" } });
    const before = { stories: await db.wireStory.count(), counted: await wiresCounted() };
    const results = await Promise.all(["a", "b", "c"].map((suffix) => importWireStory({ source, upload: { text: document(`urn:test:${token}:${suffix}`), contentType: "application/json" } })));
    expect(new Set(results.map((r) => r.story.id)).size).toBe(1);
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "duplicate", "duplicate"]);
    expect(await db.wireStory.count()).toBe(before.stories + 1);
    // The imports that met the stored copy took back what they had counted.
    expect(await wiresCounted()).toBe(before.counted + 1);
    const stored = await db.wireStory.findUniqueOrThrow({ where: { id: results[0]!.story.id }, select: { eventId: true, eventTerms: true } });
    expect(stored.eventId).not.toBeNull();
    const ownTerms = Object.keys(stored.eventTerms as object).filter((term) => term.includes(token.slice(0, 9).toLowerCase()));
    expect(ownTerms.length).toBeGreaterThan(0);
    for (const term of ownTerms) expect((await db.eventTermFrequency.findUniqueOrThrow({ where: { term } })).wires).toBe(1);
  });

  it("stores a higher ninjs version as a new version of the same item, and refuses an older one", async () => {
    const source = await writerSource();
    const uri = `urn:test:${Date.now()}`;
    const v1 = await importWireStory({ source, upload: { text: ninjs(uri, 1, "Parliament passed the budget on Tuesday. The vote was 300 to 200."), contentType: "application/json" } });
    const v2 = await importWireStory({ source, upload: { text: ninjs(uri, 2, "Parliament passed the budget on Tuesday. The vote was 301 to 199, officials said."), contentType: "application/json" } });
    expect(v1.outcome).toBe("created");
    expect(v2.outcome).toBe("new-version");
    const stored = await db.wireStory.findMany({ where: { id: { in: [v1.story.id, v2.story.id] } }, orderBy: { version: "asc" }, select: { itemKey: true, version: true, isLatestVersion: true } });
    expect(stored).toEqual([
      { itemKey: uri, version: 1, isLatestVersion: false },
      { itemKey: uri, version: 2, isLatestVersion: true },
    ]);
    const before = await db.wireStory.count();
    await expect(
      importWireStory({ source, upload: { text: ninjs(uri, 1, "Parliament rejected the budget on Tuesday."), contentType: "application/json" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.wireStory.count()).toBe(before);
  });

  it("refuses bad input and stores nothing", async () => {
    const source = await writerSource();
    const before = await db.wireStory.count();
    const bad = [
      { text: "   \n\t ", contentType: "text/plain" },
      { bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]), contentType: "text/plain" },
      { text: '{"headline": "x", "body_text": ', contentType: "application/json" },
      { text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>', contentType: "application/xml" },
      { text: "Hello", contentType: "application/pdf" },
      { bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41), contentType: "text/plain" },
    ];
    for (const upload of bad) await expect(importWireStory({ source, upload })).rejects.toHaveProperty("code");
    expect(await db.wireStory.count()).toBe(before);
  });

  it("refuses readers without the import permission", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    await expect(importWireStory({ source: { kind: "user", user: { ...actor, role: "NOBODY" as never } }, upload: { text: uniqueStory() } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records which API key brought a story", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const key = await db.apiKey.create({ data: { name: "Test feed", prefix: "fdk_test", keyHash: `hash-${Date.now()}`, createdById: admin.id } });
    const result = await importWireStory({ source: { kind: "api-key", apiKeyId: key.id }, upload: { text: uniqueStory(), contentType: "text/plain", feed: "reuters-world" } });
    expect(await db.wireStory.findUniqueOrThrow({ where: { id: result.story.id }, select: { apiKeyId: true, importedById: true, feed: true } })).toEqual({
      apiKeyId: key.id,
      importedById: null,
      feed: "reuters-world",
    });
  });
});

describe("the wire inbox", () => {
  it("finds stories by full-text search, agency and date", async () => {
    const source = await writerSource();
    const text = uniqueStory();
    const token = /named (\S+)/.exec(text)![1]!;
    const { story } = await importWireStory({ source, upload: { text, contentType: "text/plain" } });
    expect((await listWireStories({ q: token })).items.map((s) => s.id)).toEqual([story.id]);
    expect((await listWireStories({ q: `${token} rescued` })).items.map((s) => s.id)).toEqual([story.id]);
    expect((await listWireStories({ q: `${token} zebra` })).items).toEqual([]);
    expect((await listWireStories({ agency: "Reuters" })).items.map((s) => s.id)).toContain(story.id);
    expect((await listWireStories({ agency: "AFP" })).items.map((s) => s.id)).not.toContain(story.id);

    const dated = await importWireStory({ source, upload: { text: ` date 2021-03-04 ${uniqueStory()}`, contentType: "text/plain" } });
    expect((await listWireStories({ from: "2021-03-04", to: "2021-03-04" })).items.map((s) => s.id)).toContain(dated.story.id);
    expect((await listWireStories({ from: "2021-03-05" })).items.map((s) => s.id)).not.toContain(dated.story.id);
  });
});

describe("the wire inbox, page by page", () => {
  it("reads the list by arrival a page at a time, with no wire skipped or repeated while more arrive", async () => {
    const source = await writerSource();
    // A day no other test files wires under: the filter keeps the pages to this test's wires.
    const stamp = Date.now();
    const day = `19${String(stamp % 100).padStart(2, "0")}-${String((stamp % 12) + 1).padStart(2, "0")}-${String((stamp % 28) + 1).padStart(2, "0")}`;
    const dated = () => ` date ${day} ${uniqueStory()}`;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await importWireStory({ source, upload: { text: dated(), contentType: "text/plain" } })).story.id);
    const newestFirst = [...ids].reverse();
    const first = await listWireStories({ from: day, to: day }, 2);
    expect(first.items.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    // A wire arriving between pages goes to the top, not into the next page.
    await importWireStory({ source, upload: { text: dated(), contentType: "text/plain" } });
    const second = await listWireStories({ from: day, to: day, cursor: first.nextCursor! }, 2);
    expect(second.items.map((s) => s.id)).toEqual(newestFirst.slice(2, 4));
    const third = await listWireStories({ from: day, to: day, cursor: second.nextCursor! }, 2);
    expect(third.items.map((s) => s.id)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();
    // A cursor that is not one shows the first page, as a bad link should.
    expect((await listWireStories({ from: day, to: day, cursor: "not-a-cursor" }, 2)).items).toHaveLength(2);
  });
});

describe("restoring removed text", () => {
  it("puts a removed range back into the body and can remove it again", async () => {
    const { actor } = await insertUser({ role: "EDITOR" });
    const text = uniqueStory("\n\nSubscribe Now Choose a package that suits your preferences.\n\nThe coast guard said the weather was calm.");
    const { story } = await importWireStory({ source: { kind: "user", user: actor }, upload: { text, contentType: "text/plain" } });
    const detail = (await getWireStory(story.id))!;
    const prompt = detail.original.removed.find((range) => /subscription/i.test(range.reason))!;
    expect(prompt).toBeDefined();
    expect(detail.body.sentences.some((s) => s.text.startsWith("Subscribe Now"))).toBe(false);

    await setRangeRestored({ actor, wireStoryId: story.id, start: prompt.start, restored: true });
    const restored = (await getWireStory(story.id))!;
    expect(restored.body.sentences.some((s) => s.text.startsWith("Subscribe Now"))).toBe(true);
    expect(restored.body.removed.some((range) => range.start === prompt.start)).toBe(false);

    await setRangeRestored({ actor, wireStoryId: story.id, start: prompt.start, restored: false });
    expect((await getWireStory(story.id))!.body.sentences).toEqual(detail.body.sentences);
    await expect(setRangeRestored({ actor, wireStoryId: story.id, start: 3, restored: true })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
