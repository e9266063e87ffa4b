import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { compareWireVersions, getWireStory, listWireStories } from "@/lib/server/queries/wires";
import { createStory } from "@/lib/server/services/create-story";
import { deleteWireStory } from "@/lib/server/services/delete-wire-story";
import { importPastedStories } from "@/lib/server/services/import-pasted-stories";
import { importWireStory, type ImportSource } from "@/lib/server/services/import-wire-story";
import { versionLabel } from "@/lib/domain/wire/signals";
import { insertUser } from "./db-helpers";

let unique = 0;
function token() {
  unique += 1;
  return `Vrs${Date.now().toString(36)}x${unique}`;
}

/** A plain-text Reuters story; `take` changes the body, as an agency's re-sent version does. */
function plainStory(tag: string, take: string) {
  return `Dam ${tag} holds after storm\n\nOSLO (Reuters) — The ${tag} dam held on Monday after the storm, officials said. ${take}\n`;
}

async function source(role: "WRITER" | "EDITOR" = "WRITER"): Promise<ImportSource & { kind: "user" }> {
  const { actor } = await insertUser({ role });
  return { kind: "user", user: actor };
}

describe("versions of a wire item", () => {
  it("makes an agency's re-sent plain-text story (same headline and dateline) a new version, listed once", async () => {
    const writer = await source();
    const tag = token();
    const first = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by a metre.") } });
    const second = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by two metres, engineers said.") } });
    expect(first).toMatchObject({ outcome: "created", story: { version: 1, title: `Dam ${tag} holds after storm` } });
    expect(second).toMatchObject({ outcome: "new-version", story: { version: 2 } });

    const rows = (await listWireStories({ q: tag })).items;
    expect(rows.map((row) => [row.id, row.version, row.versionCount])).toEqual([[second.story.id, 2, 2]]);
    const detail = (await getWireStory(first.story.id))!;
    expect(detail.isLatestVersion).toBe(false);
    expect(detail.versions.map((version) => version.id)).toEqual([second.story.id, first.story.id]);

    // The same bytes again are still the same story, not a third version.
    expect(await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by a metre.") } })).toMatchObject({ outcome: "duplicate", story: { id: first.story.id } });
  });

  it("keeps apart different stories: another headline, or no headline line at all", async () => {
    const writer = await source();
    const tag = token();
    const a = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by a metre.") } });
    const b = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose.").replace("holds after storm", "breaks after storm") } });
    const c = await importWireStory({ source: writer, upload: { text: `OSLO (Reuters) — The ${tag} dam held on Monday, officials said.` } });
    const d = await importWireStory({ source: writer, upload: { text: `OSLO (Reuters) — The ${tag} dam held on Tuesday, officials said.` } });
    expect([a, b, c, d].map((result) => result.outcome)).toEqual(["created", "created", "created", "created"]);
    expect((await listWireStories({ q: tag })).items.map((row) => row.versionCount)).toEqual([1, 1, 1, 1]);
    // Without a headline line, the first sentence is what lists call it.
    expect(c.story.title).toBe(`The ${tag} dam held on Monday, officials said`);
  });

  it("numbers new versions arriving together one after another, with exactly one latest", async () => {
    const writer = await source();
    const tag = token();
    await importWireStory({ source: writer, upload: { text: plainStory(tag, "First take.") } });
    const results = await Promise.all(["Second take here.", "Third take here.", "Fourth take here."].map((take) => importWireStory({ source: writer, upload: { text: plainStory(tag, take) } })));
    expect(results.map((result) => result.outcome)).toEqual(["new-version", "new-version", "new-version"]);
    const stored = await db.wireStory.findMany({ where: { searchText: { contains: tag } }, orderBy: { version: "asc" }, select: { version: true, isLatestVersion: true } });
    expect(stored.map((row) => row.version)).toEqual([1, 2, 3, 4]);
    expect(stored.filter((row) => row.isLatestVersion)).toEqual([{ version: 4, isLatestVersion: true }]);
  });
});

describe("the same version sent twice at once", () => {
  it("is one story, answered as a duplicate, not refused as an old version", async () => {
    const writer = await source();
    const uri = `urn:test:${token()}`;
    const text = JSON.stringify({ uri, version: "2", headline: "Budget passes", body_text: `Parliament passed the ${uri} budget on Tuesday. The vote was 300 to 200.` });
    const results = await Promise.all([0, 1, 2].map(() => importWireStory({ source: writer, upload: { text, contentType: "application/json" } })));
    expect(results.map((result) => result.outcome).sort()).toEqual(["created", "duplicate", "duplicate"]);
    expect(new Set(results.map((result) => result.story.id)).size).toBe(1);
  });
});

describe("a story and the versions of its wires", () => {
  it("keeps citing the exact version it was built from when a newer one arrives", async () => {
    const writer = await source();
    const tag = token();
    const v1 = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by a metre.") } });
    const other = await importWireStory({ source: writer, upload: { text: `Flood ${tag} recedes\n\nOSLO (AFP) — The ${tag} dam held on Monday after the storm, the ministry said. Water fell.` } });
    const story = await createStory({ actor: writer.user, input: { wireStoryIds: [v1.story.id, other.story.id] } });
    const v2 = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by two metres, engineers said.") } });
    expect(v2.outcome).toBe("new-version");
    const wires = await db.storyWire.findMany({ where: { storyId: story.storyId }, select: { wireStoryId: true } });
    expect(wires.map((wire) => wire.wireStoryId).sort()).toEqual([v1.story.id, other.story.id].sort());
    const cited = await db.factSource.findMany({ where: { fact: { revisionId: story.revisionId } }, distinct: ["wireStoryId"], select: { wireStoryId: true } });
    expect(cited.map((source) => source.wireStoryId)).not.toContain(v2.story.id);
    expect(cited.map((source) => source.wireStoryId)).toContain(v1.story.id);
  });
});

describe("deleting a wire story", () => {
  it("deletes an unused wire, audited; the version before becomes the latest again", async () => {
    const writer = await source();
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    const tag = token();
    const v1 = await importWireStory({ source: writer, upload: { text: plainStory(tag, "First take.") } });
    const v2 = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Second take here.") } });
    await expect(deleteWireStory({ deleter: { kind: "user", user: writer.user }, wireStoryId: v2.story.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only editors, publishers and admins may delete wire stories." });

    await deleteWireStory({ deleter: { kind: "user", user: editor }, wireStoryId: v2.story.id });
    expect(await db.wireStory.findUnique({ where: { id: v2.story.id } })).toBeNull();
    expect(await db.wireStory.findUniqueOrThrow({ where: { id: v1.story.id }, select: { isLatestVersion: true } })).toEqual({ isLatestVersion: true });
    expect((await listWireStories({ q: tag })).items.map((row) => [row.id, row.versionCount])).toEqual([[v1.story.id, 1]]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "wire.delete", subjectId: v2.story.id } });
    expect(audit).toMatchObject({ actorId: editor.id, subjectType: "WireStory", data: { title: `Dam ${tag} holds after storm`, version: 2 } });
    await expect(deleteWireStory({ deleter: { kind: "user", user: editor }, wireStoryId: v2.story.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses while a story uses the wire, naming the story, and changes nothing", async () => {
    const writer = await source();
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    const tag = token();
    const a = await importWireStory({ source: writer, upload: { text: plainStory(tag, "Water rose by a metre.") } });
    const b = await importWireStory({ source: writer, upload: { text: `Flood ${tag} recedes\n\nOSLO (AFP) — The ${tag} dam held on Monday after the storm, the ministry said. Water fell.` } });
    const story = await createStory({ actor: writer.user, input: { wireStoryIds: [a.story.id, b.story.id] } });
    const headline = (await db.storyRevision.findUniqueOrThrow({ where: { id: story.revisionId }, select: { headline: true } })).headline;
    const before = await db.auditEvent.count({ where: { action: "wire.delete" } });
    const refusal = deleteWireStory({ deleter: { kind: "user", user: editor }, wireStoryId: a.story.id });
    await expect(refusal).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(refusal).rejects.toThrow(`The story “${headline}” uses this wire story, so it cannot be deleted`);
    expect(await db.wireStory.count({ where: { id: a.story.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "wire.delete" } })).toBe(before);
  });

  it("lets an API key delete what it sent, and nothing else", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const key = await db.apiKey.create({ data: { name: "Delete feed", prefix: "fdk_del", keyHash: `hash-del-${token()}`, createdById: admin.id } });
    const fromKey = await importWireStory({ source: { kind: "api-key", apiKeyId: key.id }, upload: { text: plainStory(token(), "Sent by the feed.") } });
    const byHand = await importWireStory({ source: await source(), upload: { text: plainStory(token(), "Pasted by hand.") } });
    const deleter = { kind: "api-key" as const, apiKeyId: key.id, apiKeyName: key.name };
    await expect(deleteWireStory({ deleter, wireStoryId: byHand.story.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteWireStory({ deleter, wireStoryId: fromKey.story.id });
    expect(await db.wireStory.count({ where: { id: { in: [fromKey.story.id, byHand.story.id] } } })).toBe(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "wire.delete", subjectId: fromKey.story.id } })).toMatchObject({ actorId: null, data: { apiKeyId: key.id } });
  });
});

describe("pasting junk", () => {
  it("answers an empty paste as a person would, and refuses text without a sentence", async () => {
    const writer = await source();
    await expect(importPastedStories({ user: writer.user, text: "  \n---\n  " })).rejects.toThrow("There’s nothing to import yet: paste a wire story into the box first.");
    const before = await db.wireStory.count();
    const results = await importPastedStories({ user: writer.user, text: `asdf ${token()}\n---\n!!!` });
    expect(results).toEqual([
      { index: 0, ok: false, error: expect.stringMatching(/^No sentence here/) },
      { index: 1, ok: false, error: expect.stringMatching(/^No (sentence|story text) here/) },
    ]);
    expect(await db.wireStory.count()).toBe(before);
  });
});

describe("what an agency says of a version", () => {
  it("stores the signalled kind and status, and the inbox marks the item's latest version with them", async () => {
    const writer = await source();
    const tag = token();
    const ninjs = (version: number, extra: Record<string, unknown>) =>
      JSON.stringify({ uri: `urn:test:signals:${tag}`, version: String(version), type: "text", headline: `Bridge ${tag} reopens`, body_text: `The ${tag} bridge reopened on ${version === 1 ? "Monday" : "Tuesday"}, officials said.`, ...extra });
    await importWireStory({ source: writer, upload: { text: ninjs(1, {}), contentType: "application/json" } });
    const corrected = await importWireStory({ source: writer, upload: { text: ninjs(2, { signals: ["sig:correction"], ednote: "Corrects day to Tuesday" }), contentType: "application/json" } });
    expect(await db.wireStory.findUniqueOrThrow({ where: { id: corrected.story.id }, select: { pubStatus: true, versionKind: true, signalNote: true } })).toEqual({
      pubStatus: "usable",
      versionKind: "correction",
      signalNote: "sig:correction",
    });
    const [row] = (await listWireStories({ q: tag })).items;
    expect(versionLabel(row!)).toBe("v2 · corrected");

    const killed = await importWireStory({ source: writer, upload: { text: ninjs(3, { pubStatus: "canceled" }), contentType: "application/json" } });
    expect(await db.wireStory.findUniqueOrThrow({ where: { id: killed.story.id }, select: { pubStatus: true, versionKind: true } })).toEqual({ pubStatus: "canceled", versionKind: "kill" });
    expect(versionLabel((await listWireStories({ q: tag })).items[0]!)).toBe("v3 · killed");
  });
});

describe("comparing two versions of a wire item", () => {
  it("diffs any two versions sentence by sentence, older first, and refuses wires of different items", async () => {
    const writer = await source();
    const tag = token();
    const takes = ["Water rose by a metre. Roads stayed open.", "Water rose by two metres. Roads stayed open.", "Water rose by two metres. Roads stayed open. A school was closed."];
    const versions: Awaited<ReturnType<typeof importWireStory>>[] = [];
    for (const take of takes) versions.push(await importWireStory({ source: writer, upload: { text: plainStory(tag, take) } }));
    const [v1, v2, v3] = versions as [(typeof versions)[number], (typeof versions)[number], (typeof versions)[number]];
    const comparison = (await compareWireVersions(v3.story.id, v1.story.id))!;
    expect([comparison.older.version, comparison.newer.version]).toEqual([1, 3]);
    expect(comparison.rows.map((row) => row.kind)).toEqual(["same", "changed", "same", "added"]);
    const changed = comparison.rows[1]!;
    expect(changed.kind === "changed" && changed.words.filter((s) => s.op !== "equal").map((s) => s.text)).toEqual(["a metre", "two metres"]);
    expect((await compareWireVersions(v1.story.id, v2.story.id))!.rows.map((row) => row.kind)).toEqual(["same", "changed", "same"]);

    const other = await importWireStory({ source: writer, upload: { text: plainStory(token(), "Water rose.") } });
    expect(await compareWireVersions(v1.story.id, other.story.id)).toBeNull();
    expect(await compareWireVersions(v1.story.id, v1.story.id)).toBeNull();
    expect(await compareWireVersions(v1.story.id, "no-such-wire")).toBeNull();
  });
});
