import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildAcceptProposal } from "@/lib/domain/story";
import type { StoryDocument } from "@/lib/domain/story/types";
import { publishChecklist } from "@/lib/domain/workflow/checklist";
import { db } from "@/lib/server/db";
import { factHistoryForStory } from "@/lib/server/queries/fact-history";
import { proposalsForStory } from "@/lib/server/queries/stories";
import { addWiresToStory } from "@/lib/server/services/add-wires-to-story";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { dismissProposal } from "@/lib/server/services/dismiss-proposal";
import { MAX_STORY_SENTENCES } from "@/lib/schemas/stories";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { loadDocument } from "@/lib/server/stories/document-store";
import { insertUser } from "./db-helpers";
import { FICTIONAL_WIRE, importSeeds } from "./route-helpers";

async function storyFromSeeds() {
  const { actor: writer } = await insertUser({ role: "WRITER" });
  const ids = await importSeeds(writer);
  const created = await createStory({ actor: writer, input: { wireStoryIds: ids } });
  return { writer, wireIds: ids, ...created };
}

const readDocument = (revisionId: string) => db.$transaction((tx) => loadDocument(tx, revisionId));

describe("creating a story from wire stories", () => {
  it("drafts the five seeds into one revision whose every fact carries its sources", async () => {
    const { revisionId, wireIds, storyId } = await storyFromSeeds();
    const doc = await readDocument(revisionId);
    const facts = doc.paragraphs.flatMap((paragraph) => paragraph.facts);
    expect(doc.headline.length).toBeGreaterThan(10);
    expect(facts.length).toBeGreaterThan(20);
    for (const fact of facts) expect(fact.sources.length + (fact.ownReportingNote ? 1 : 0)).toBeGreaterThan(0);
    const cited = new Set(facts.flatMap((fact) => fact.sources.map((source) => source.wireStoryId)));
    expect([...cited].sort()).toEqual([...wireIds].sort());
    expect(facts.some((fact) => new Set(fact.sources.map((s) => s.wireStoryId)).size >= 3)).toBe(true);
    // "Which stories cite this wire sentence" is one query.
    const source = facts[0]!.sources[0]!;
    const citing = await db.factSource.findMany({ where: source, select: { fact: { select: { revision: { select: { storyId: true } } } } } });
    expect(citing.map((row) => row.fact.revision.storyId)).toContain(storyId);
  });

  it("refuses wires too long to consolidate in one request, says why, and writes nothing", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    // Two wires of 6,001 distinct short sentences each: 12,002 in all, two over the limit.
    const long = (wire: number) =>
      Array.from({ length: 6_001 }, (_, i) => `Reading ${wire}-${i} of the gauge at station ${i % 97} was ${i * 7} units.`).join(" ");
    const ids: string[] = [];
    for (const wire of [1, 2]) {
      const imported = await importWireStory({ source: { kind: "user", user: actor }, upload: { bytes: Buffer.from(long(wire)), contentType: "text/plain" } });
      ids.push(imported.story.id);
    }
    const before = await db.story.count();
    await expect(createStory({ actor, input: { wireStoryIds: ids } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: `These wires hold 12002 sentences; a story can be consolidated from at most ${MAX_STORY_SENTENCES}. Choose fewer wires, or leave out the longest.`,
    });
    expect(await db.story.count()).toBe(before);
    // Either wire alone is within the limit; adding the other to that story later is refused the same way.
    const { storyId } = await createStory({ actor, input: { wireStoryIds: [ids[0]!] } });
    await expect(addWiresToStory({ actor, storyId, input: { wireStoryIds: [ids[1]!] } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: `With these wires the story would hold 12002 sentences; a story can hold at most ${MAX_STORY_SENTENCES}. Add fewer wires, or leave out the longest.`,
    });
    expect(await db.storyWire.count({ where: { storyId } })).toBe(1);
  });

  it("refuses unknown wire stories and writes nothing", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    const before = await db.story.count();
    await expect(createStory({ actor, input: { wireStoryIds: ["no-such-wire"] } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createStory({ actor, input: { wireStoryIds: [] } })).rejects.toThrow();
    expect(await db.story.count()).toBe(before);
  });
});

describe("editing a story concurrently", () => {
  it("two conflicting edits of one fact: exactly one wins, the other gets a conflict with the current text", async () => {
    const { revisionId, writer } = await storyFromSeeds();
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    const fact = (await readDocument(revisionId)).paragraphs[1]!.facts[0]!;
    const results = await Promise.all([
      applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "Writer's wording." } }),
      applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "Editor's wording." } }),
    ]);
    const applied = results.filter((result) => result.status === "applied");
    const conflicts = results.filter((result) => result.status === "conflict");
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const stored = (await readDocument(revisionId)).paragraphs[1]!.facts[0]!;
    expect(["Writer's wording.", "Editor's wording."]).toContain(stored.text);
    const conflict = conflicts[0]!;
    if (conflict.status !== "conflict") throw new Error("unreachable");
    expect(conflict.current.facts[0]!.text).toBe(stored.text);
    // The loser's words are not lost: they come back to its client with the conflict, which resubmits on the new version.
    const loserText = stored.text === "Writer's wording." ? "Editor's wording." : "Writer's wording.";
    const retry = await applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: stored.version, text: loserText } });
    expect(retry.status).toBe("applied");
    expect((await readDocument(revisionId)).paragraphs[1]!.facts[0]!.text).toBe(loserText);
  });

  it("two people editing different facts at once never conflict, and both edits persist", async () => {
    const { revisionId, writer } = await storyFromSeeds();
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    const doc = await readDocument(revisionId);
    const [a, b] = [doc.paragraphs[1]!.facts[0]!, doc.paragraphs[2]!.facts[0]!];
    const results = await Promise.all([
      applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: a.id, baseVersion: a.version, text: "First fact, edited." } }),
      applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: b.id, baseVersion: b.version, text: "Second fact, edited." } }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["applied", "applied"]);
    const after = await readDocument(revisionId);
    expect(after.paragraphs[1]!.facts[0]!.text).toBe("First fact, edited.");
    expect(after.paragraphs[2]!.facts[0]!.text).toBe("Second fact, edited.");
    const events = await db.storyEvent.findMany({ where: { revisionId, kind: "editText" } });
    expect(events.map((event) => event.actorId).sort()).toEqual([writer.id, editor.id].sort());
  });

  it("moves, merges and splits are stored so that a reload shows them", async () => {
    const { revisionId, writer } = await storyFromSeeds();
    let doc = await readDocument(revisionId);
    const first = doc.paragraphs[1]!;
    const [x, y] = [first.facts[0]!, doc.paragraphs[2]!.facts[0]!];
    await applyStoryOperation({ actor: writer, revisionId, operation: { type: "moveFact", factId: y.id, baseVersion: y.version, toParagraphId: first.id, afterFactId: null } });
    doc = await readDocument(revisionId);
    expect(doc.paragraphs.find((p) => p.id === first.id)!.facts[0]!.id).toBe(y.id);
    const moved = doc.paragraphs.find((p) => p.id === first.id)!.facts[0]!;
    const xNow = doc.paragraphs.find((p) => p.id === first.id)!.facts.find((f) => f.id === x.id)!;
    const merged = await applyStoryOperation({
      actor: writer,
      revisionId,
      operation: { type: "mergeFacts", first: { factId: moved.id, baseVersion: moved.version }, second: { factId: xNow.id, baseVersion: xNow.version } },
    });
    expect(merged.status).toBe("applied");
    doc = await readDocument(revisionId);
    const mergedFact = doc.paragraphs.flatMap((p) => p.facts).find((f) => f.id === y.id)!;
    expect(doc.paragraphs.flatMap((p) => p.facts).some((f) => f.id === x.id)).toBe(false);
    expect(mergedFact.sources.length).toBeGreaterThanOrEqual(y.sources.length);
  });

  it("refuses a writer editing someone else's draft", async () => {
    const { revisionId } = await storyFromSeeds();
    const { actor: otherWriter } = await insertUser({ role: "WRITER" });
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    await expect(
      applyStoryOperation({ actor: otherWriter, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "Hijacked." } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await readDocument(revisionId)).paragraphs[0]!.facts[0]!.text).toBe(fact.text);
  });
});

describe("undo of a merge", () => {
  it("applies the inverse batch all at once and brings both facts back", async () => {
    const { revisionId, writer } = await storyFromSeeds();
    const doc = await readDocument(revisionId);
    const [a, b] = doc.paragraphs[1]!.facts.length > 1 ? doc.paragraphs[1]!.facts : [doc.paragraphs[1]!.facts[0]!, doc.paragraphs[2]!.facts[0]!];
    const merged = await applyStoryOperation({
      actor: writer,
      revisionId,
      operation: { type: "mergeFacts", first: { factId: a!.id, baseVersion: a!.version }, second: { factId: b!.id, baseVersion: b!.version } },
    });
    if (merged.status !== "applied") throw new Error("merge refused");
    expect(merged.inverse.length).toBeGreaterThan(1);
    const undone = await applyStoryOperation({ actor: writer, revisionId, operation: merged.inverse });
    expect(undone.status).toBe("applied");
    const facts = (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts);
    expect(facts.find((f) => f.id === a!.id)?.text).toBe(a!.text);
    expect(facts.find((f) => f.id === b!.id)?.text).toBe(b!.text);
  });
});

describe("adding wire stories to an existing story", () => {
  it("proposes where the new stories' facts go; accepting applies, dismissing hides", async () => {
    const { actor: writer } = await insertUser({ role: "WRITER" });
    const ids = await importSeeds(writer);
    // Start from the long AP story and the AFP story; add the AP rewrite later.
    const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: [ids[2]!, ids[3]!] } });
    expect(await proposalsForStory(storyId)).toEqual([]);

    await addWiresToStory({ actor: writer, storyId, input: { wireStoryIds: [ids[0]!] } });
    const proposals = (await proposalsForStory(storyId))!;
    const corroborations = proposals.filter((p) => p.kind === "corroborate");
    const additions = proposals.filter((p) => p.kind === "add");
    // The newspaper's AP copy repeats the lede of the longer AP story and adds the Khasan stop.
    expect(corroborations.length).toBeGreaterThanOrEqual(3);
    expect(corroborations.some((p) => p.text.startsWith("North Korea’s Kim Jong Un rolled through Russia"))).toBe(true);
    expect(additions.some((p) => p.text.startsWith("Kim’s personal train stopped in Khasan"))).toBe(true);
    for (const proposal of proposals) {
      const sources = proposal.kind === "add" ? proposal.sources : [proposal.source];
      expect(sources.every((source) => source.wireStoryId === ids[0])).toBe(true);
    }

    const first = corroborations[0]!;
    if (first.kind !== "corroborate") throw new Error("unreachable");
    const fact = (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts).find((f) => f.id === first.factId)!;
    const accepted = await applyStoryOperation({
      actor: writer,
      revisionId,
      operation: { type: "attachSource", factId: fact.id, baseVersion: fact.version, source: first.source },
    });
    expect(accepted.status).toBe("applied");
    const second = corroborations[1]!;
    if (second.kind !== "corroborate") throw new Error("unreachable");
    await dismissProposal({ actor: writer, storyId, input: second.source });
    const after = (await proposalsForStory(storyId))!.map((p) => p.id);
    expect(after).not.toContain(first.id);
    expect(after).not.toContain(second.id);
    expect(after.length).toBe(proposals.length - 2);
  });
});

/** Whether the publish checklist's "No unresolved discrepancy" passes for this document. */
const noOpenDiscrepancy = (document: StoryDocument) =>
  publishChecklist({ document, comments: [], approvals: [], requiredApprovals: 1, contentVersion: 1, creditLine: "Compiled from wire reports", withdrawnFactIds: [] }).find((c) => c.id === "discrepancies")!.passed;

describe("a wire added later that tells a fact with another value", () => {
  it("is proposed as disputing the fact, never as its source; accepted, the fact shows the open disagreement and publication waits", async () => {
    const { writer, storyId, revisionId, wireIds } = await storyFromSeeds();
    const fictional = (await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(FICTIONAL_WIRE), contentType: "text/plain" } })).story.id;
    await addWiresToStory({ actor: writer, storyId, input: { wireStoryIds: [fictional] } });
    const proposals = (await proposalsForStory(storyId))!;
    const disputes = proposals.filter((p) => p.kind === "dispute");
    // The fictional wire's train rolls on Wednesday (the samples: Tuesday), and its spaceport is 1,200 km away (900).
    expect(disputes.map((p) => p.source.value).sort()).toEqual(["1,200 kilometers, 750 miles", "Wednesday"]);
    // Tuesday is what AP (000, 002) and the AP rewrite (004) say; the lede's other sources (AFP, 001) name no day.
    const day = disputes.find((p) => p.source.value === "Wednesday")!;
    expect(day.discrepancies[0]!.sides[0]!.sources.map((s) => s.wireStoryId).sort()).toEqual([wireIds[0], wireIds[2], wireIds[4]].sort());
    const disputed = new Set(disputes.map((p) => `${p.source.start}:${p.source.end}`));
    for (const p of proposals) if (p.kind === "corroborate") expect(disputed.has(`${p.source.start}:${p.source.end}`)).toBe(false);
    for (const p of proposals) if (p.kind === "add") expect(p.sources.some((s) => disputed.has(`${s.start}:${s.end}`))).toBe(false);

    const distance = disputes.find((p) => p.source.value.startsWith("1,200"))!;
    const before = await readDocument(revisionId);
    const factBefore = before.paragraphs.flatMap((p) => p.facts).find((f) => f.id === distance.factId)!;
    expect(factBefore.text).toContain("900 kilometers");
    expect(noOpenDiscrepancy(before)).toBe(true);
    let n = 0;
    const accepted = buildAcceptProposal(before, distance, null, () => `accepted-dispute-${++n}`);
    if (!("ops" in accepted)) throw new Error("the fact is there");
    expect((await applyStoryOperation({ actor: writer, revisionId, operation: accepted.ops })).status).toBe("applied");
    const after = await readDocument(revisionId);
    expect(noOpenDiscrepancy(after)).toBe(false);
    const fact = after.paragraphs.flatMap((p) => p.facts).find((f) => f.id === distance.factId)!;
    expect(fact.text).toBe(factBefore.text);
    expect(fact.sources).toEqual(factBefore.sources);
    expect(fact.disputedBy).toEqual([{ wireStoryId: fictional, start: distance.source.start, end: distance.source.end, value: "1,200 kilometers, 750 miles" }]);
    const open = fact.discrepancies.filter((d) => d.resolution === null);
    expect(open.map((d) => d.sides.map((side) => side.value))).toEqual([
      ["900 kilometers", "1,200 kilometers"],
      ["550 miles", "750 miles"],
    ]);
    expect((await proposalsForStory(storyId))!.map((p) => p.id)).not.toContain(distance.id);

    // A request can't record a sentence the story's wires don't have as disputing a fact.
    const forged = { ...accepted.ops[0]!, baseVersion: fact.version, source: { wireStoryId: fictional, start: 0, end: 100_000, value: "1,200" } };
    await expect(applyStoryOperation({ actor: writer, revisionId, operation: forged })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("a fact's history", () => {
  it("lists who changed the fact and how, from the story's events, and nothing done to other facts", async () => {
    const { revisionId, writer, storyId } = await storyFromSeeds();
    const { actor: editor } = await insertUser({ role: "EDITOR", name: "Erin Reviewer" });
    const [first, second] = (await readDocument(revisionId)).paragraphs.flatMap((paragraph) => paragraph.facts);
    await applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: first!.id, baseVersion: first!.version, text: "Kim's train crossed into Russia." } });
    await applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: second!.id, baseVersion: second!.version, text: "Someone else's fact." } });
    await applyStoryOperation({ actor: editor, revisionId, operation: { type: "setOwnReportingNote", factId: first!.id, baseVersion: first!.version + 1, note: "Confirmed by phone." } });

    const history = await factHistoryForStory(storyId, first!.id);
    expect(history!.earlierLeftOut).toBe(false);
    expect(history!.entries.map((entry) => [entry.actorName, entry.what])).toEqual([
      [writer.name, "drafted this fact from the wires"],
      [writer.name, "edited the text to “Kim's train crossed into Russia.”"],
      ["Erin Reviewer", "set the own-reporting note to “Confirmed by phone.”"],
    ]);
    expect(await factHistoryForStory("no-such-story", first!.id)).toBeNull();
  });
});
