/**
 * Sourcing tells the truth, through the database: a story drafted from the samples and the
 * demo's fictional wire stores which wires dispute a fact apart from its sources; resolving a
 * discrepancy by choosing a value rewrites the fact, moves the wires, and records the session's
 * user and the server's time whatever the request says; one undo puts it all back.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { factBadges } from "@/lib/domain/story";
import { buildAddSentence } from "@/lib/domain/story/operation-builders";
import type { StoryFact } from "@/lib/domain/story/types";
import { db } from "@/lib/server/db";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { loadDocument } from "@/lib/server/stories/document-store";
import { REPO_ROOT, seedFiles } from "../../scripts/lib/shared-folder";
import { insertUser } from "./db-helpers";

const FICTIONAL = path.join(REPO_ROOT, "prisma", "seed-data", "demo", "fictional-wire.txt");

const readDocument = (revisionId: string) => db.$transaction((tx) => loadDocument(tx, revisionId));
const facts = async (revisionId: string) => (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts);

async function draftWithFictionalWire() {
  const { actor: writer } = await insertUser({ role: "WRITER" });
  const files = [...seedFiles(), FICTIONAL];
  const ids: string[] = [];
  for (const file of files) {
    const { story } = await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(file), contentType: "text/plain", filename: path.basename(file) } });
    ids.push(story.id);
  }
  const created = await createStory({ actor: writer, input: { wireStoryIds: ids } });
  return { writer, fictionalId: ids[ids.length - 1]!, ...created };
}

const launchFact = (list: StoryFact[]) => list.find((f) => f.text.includes("launch facility"))!;

describe("disputed sources", () => {
  it("stores the fictional wire as disputing the samples' facts, never as their source", async () => {
    const { revisionId, fictionalId } = await draftWithFictionalWire();
    const all = await facts(revisionId);
    const disputed = all.filter((f) => (f.disputedBy ?? []).length > 0);
    expect(disputed.length).toBeGreaterThanOrEqual(2);
    for (const f of all) for (const d of f.disputedBy ?? []) expect(f.sources.some((s) => s.wireStoryId === d.wireStoryId && s.start === d.start && s.end === d.end)).toBe(false);
    const launch = launchFact(all);
    expect(launch.text).toContain("900 kilometers");
    expect(launch.sources.map((s) => s.wireStoryId)).not.toContain(fictionalId);
    expect(launch.disputedBy?.filter((d) => d.wireStoryId === fictionalId).map((d) => d.value)).toContain("1,200 kilometers");
    const lede = all.find((f) => f.text.includes("rolled through Russia"))!;
    expect(lede.disputedBy?.map((d) => d.value)).toContain("Wednesday");
  });

  it("resolving by choosing a value rewrites the fact and moves the wires; who and when come from the session; undo restores", async () => {
    const { revisionId, writer, fictionalId } = await draftWithFictionalWire();
    const before = launchFact(await facts(revisionId));
    const discrepancy = before.discrepancies.find((d) => d.sides.some((s) => s.value.includes("1,200")))!;
    const side = discrepancy.sides.findIndex((s) => s.value.includes("1,200"));
    const started = Date.now();
    const result = await applyStoryOperation({
      actor: writer,
      revisionId,
      operation: { type: "resolveDiscrepancy", factId: before.id, baseVersion: before.version, discrepancyId: discrepancy.id, chosenSide: side, note: null, by: "someone-else", at: "2001-01-01T00:00:00.000Z" },
    });
    expect(result.status).toBe("applied");
    const after = launchFact(await facts(revisionId));
    expect(after.text).toContain("1,200 kilometers");
    expect(after.text).not.toContain("900 kilometers");
    expect(after.sources.map((s) => s.wireStoryId)).toContain(fictionalId);
    expect(after.disputedBy?.some((d) => d.value.includes("900"))).toBe(true);
    expect(after.disputedBy?.map((d) => d.wireStoryId)).not.toContain(fictionalId);
    const resolution = after.discrepancies.find((d) => d.id === discrepancy.id)!.resolution!;
    expect(resolution.resolvedBy).toBe(writer.id);
    expect(Date.parse(resolution.resolvedAt)).toBeGreaterThanOrEqual(started - 1000);
    // "Which stories cite this wire sentence" answers with supporting sources only.
    const cited = await db.factSource.findMany({ where: { revisionId, factId: after.id }, select: { wireStoryId: true } });
    expect(cited.map((c) => c.wireStoryId).sort()).toEqual(after.sources.map((s) => s.wireStoryId).sort());

    if (result.status !== "applied") throw new Error("unreachable");
    const undo = await applyStoryOperation({ actor: writer, revisionId, operation: result.inverse });
    expect(undo.status).toBe("applied");
    const restored = launchFact(await facts(revisionId));
    expect({ text: restored.text, sources: restored.sources, disputedBy: restored.disputedBy }).toEqual({ text: before.text, sources: before.sources, disputedBy: before.disputedBy });
    expect(restored.discrepancies.find((d) => d.id === discrepancy.id)!.resolution).toBeNull();
  });

  it("adds the fictional wire's left-out sentence right after the fact it disputes, disputed as that fact is; undo takes it out", async () => {
    const { revisionId, writer, fictionalId } = await draftWithFictionalWire();
    const before = await readDocument(revisionId);
    const wire = await db.wireStory.findUniqueOrThrow({ where: { id: fictionalId }, select: { text: true } });
    const launch = launchFact(before.paragraphs.flatMap((p) => p.facts));
    // The sentence the "Left out" list offers: the one that disputes the launch fact.
    const { start, end } = launch.disputedBy!.find((d) => d.wireStoryId === fictionalId)!;
    const source = { wireStoryId: fictionalId, start, end };
    let n = 0;
    const ops = buildAddSentence(before, null, { text: wire.text.slice(start, end), source }, () => `added-${++n}`);
    const result = await applyStoryOperation({ actor: writer, revisionId, operation: ops });
    expect(result.status).toBe("applied");
    const after = (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts);
    const added = after[after.findIndex((f) => f.id === launch.id) + 1]!;
    expect(added).toMatchObject({ id: "added-1", sources: [source] });
    expect(added.text).toContain("1,200 kilometers (750 miles)");
    expect(factBadges(added).disputed).toBe(true);
    expect(added.discrepancies.flatMap((d) => d.sides.map((s) => s.value))).toEqual(expect.arrayContaining(["1,200 kilometers", "750 miles"]));
    expect(added.disputedBy?.map((d) => d.wireStoryId)).not.toContain(fictionalId);
    expect(factBadges(launchFact(after)).disputed).toBe(true);

    if (result.status !== "applied") throw new Error("unreachable");
    expect((await applyStoryOperation({ actor: writer, revisionId, operation: result.inverse })).status).toBe("applied");
    expect((await facts(revisionId)).map((f) => f.id)).not.toContain("added-1");
  });

  it("choosing the distance the fact already states resolves its conversion with it, as choosing the other one does", async () => {
    const { revisionId, writer } = await draftWithFictionalWire();
    const before = launchFact(await facts(revisionId));
    const km = before.discrepancies.find((d) => d.sides.some((s) => s.value.includes("900 kilometers")))!;
    const result = await applyStoryOperation({
      actor: writer,
      revisionId,
      operation: { type: "resolveDiscrepancy", factId: before.id, baseVersion: before.version, discrepancyId: km.id, chosenSide: km.sides.findIndex((s) => s.value.includes("900")), note: null },
    });
    expect(result.status).toBe("applied");
    const after = launchFact(await facts(revisionId));
    expect(after.text).toBe(before.text);
    expect(after.discrepancies.filter((d) => /kilometers|miles/.test(d.detail)).map((d) => d.resolution?.resolvedBy)).toEqual([writer.id, writer.id]);
    expect(factBadges(after).disputed).toBe(false);
  });

  it("refuses citing a wire sentence for a fact it disputes, and writes nothing", async () => {
    const { revisionId, writer } = await draftWithFictionalWire();
    const fact = launchFact(await facts(revisionId));
    const dispute = fact.disputedBy![0]!;
    await expect(
      applyStoryOperation({
        actor: writer,
        revisionId,
        operation: { type: "attachSource", factId: fact.id, baseVersion: fact.version, source: { wireStoryId: dispute.wireStoryId, start: dispute.start, end: dispute.end } },
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(launchFact(await facts(revisionId))).toEqual(fact);
  });
});
