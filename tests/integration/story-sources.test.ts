import { describe, expect, it, vi } from "vitest";
import { POST as dismiss } from "@/app/api/v1/stories/[id]/proposals/dismiss/route";
import { POST as operations } from "@/app/api/v1/stories/[id]/operations/route";
import type { SourceRef, StoryDocument } from "@/lib/domain/story/types";
import type { CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { call, contentVersion, newsroom, readDocument } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

const wireLength = async (id: string) => (await db.wireStory.findUniqueOrThrow({ where: { id }, select: { text: true } })).text.length;
const firstFact = (doc: StoryDocument) => doc.paragraphs[0]!.facts[0]!;

/** Everything an operation could have written: the document, its version and the story's event log. */
async function snapshot(storyId: string, revisionId: string) {
  return { document: await readDocument(revisionId), contentVersion: await contentVersion(revisionId), events: await db.storyEvent.count({ where: { storyId } }) };
}

describe("operations citing a wire story", () => {
  it("refuse, with 400 and nothing written, a source outside the story's wires or outside the wire's text", async () => {
    const { writer, wireIds, storyId, revisionId } = await newsroom({ wires: 2 });
    session.user = writer;
    const inStory = wireIds[0]!;
    const notInStory = wireIds[4]!;
    const length = await wireLength(inStory);
    const before = await snapshot(storyId, revisionId);
    const fact = firstFact(before.document);
    const paragraphId = before.document.paragraphs[0]!.id;

    const bad: Array<[string, SourceRef]> = [
      ["unknown wire", { wireStoryId: "no-such-wire-story", start: 0, end: 10 }],
      ["wire not in the story", { wireStoryId: notInStory, start: 0, end: 10 }],
      ["end past the text", { wireStoryId: inStory, start: length - 5, end: length + 1 }],
      ["start past the text", { wireStoryId: inStory, start: length + 10, end: length + 20 }],
      ["start after end", { wireStoryId: inStory, start: 20, end: 10 }],
      ["negative start", { wireStoryId: inStory, start: -1, end: 10 }],
    ];
    for (const [why, source] of bad) {
      const attempts = [
        { type: "attachSource", factId: fact.id, baseVersion: fact.version, source },
        { type: "addFact", factId: `new-${why.replace(/\W/g, "-")}`, paragraphId, afterFactId: fact.id, text: "From a wire sentence.", sources: [source], ownReportingNote: null },
        { type: "restoreFact", factId: fact.id, baseVersion: fact.version, content: { text: fact.text, sources: [...fact.sources, source], ownReportingNote: null, discrepancies: [] } },
      ];
      for (const operation of attempts) {
        const response = await call(operations, { id: storyId }, { method: "POST", body: { revisionId, operations: [operation] } });
        expect({ why, type: operation.type, status: response.status }).toEqual({ why, type: operation.type, status: 400 });
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe("INVALID_INPUT");
        expect(error.message.length).toBeGreaterThan(10);
      }
    }
    expect(await snapshot(storyId, revisionId)).toEqual(before);
  });

  it("refuses a discrepancy side citing a wire not in the story", async () => {
    const { writer, wireIds, storyId, revisionId } = await newsroom({ wires: 2 });
    session.user = writer;
    const before = await snapshot(storyId, revisionId);
    const fact = firstFact(before.document);
    const discrepancy = {
      id: "d-foreign",
      kind: "number",
      detail: "17 vs 18",
      sides: [
        { value: "17", sources: [{ wireStoryId: wireIds[0]!, start: 0, end: 10 }] },
        { value: "18", sources: [{ wireStoryId: wireIds[4]!, start: 0, end: 10 }] },
      ],
      resolution: null,
    };
    const operation = { type: "restoreFact", factId: fact.id, baseVersion: fact.version, content: { text: fact.text, sources: fact.sources, ownReportingNote: null, discrepancies: [discrepancy] } };
    const response = await call(operations, { id: storyId }, { method: "POST", body: { revisionId, operations: [operation] } });
    expect(response.status).toBe(400);
    expect(await snapshot(storyId, revisionId)).toEqual(before);
  });

  it("still accepts a source inside one of the story's wires, up to the last character", async () => {
    const { writer, wireIds, storyId, revisionId } = await newsroom({ wires: 2 });
    session.user = writer;
    const wire = wireIds[1]!;
    const length = await wireLength(wire);
    const fact = firstFact(await readDocument(revisionId));
    const source = { wireStoryId: wire, start: length - 10, end: length };
    const response = await call(operations, { id: storyId }, { method: "POST", body: { revisionId, operations: [{ type: "attachSource", factId: fact.id, baseVersion: fact.version, source }] } });
    expect(response.status).toBe(200);
    expect(firstFact(await readDocument(revisionId)).sources).toContainEqual(source);
  });

  it("a proposal is dismissed only for a sentence of one of the story's wires", async () => {
    const { writer, wireIds, storyId } = await newsroom({ wires: 2 });
    session.user = writer;
    const length = await wireLength(wireIds[0]!);
    for (const sentence of [
      { wireStoryId: "no-such-wire-story", start: 0, end: 10 },
      { wireStoryId: wireIds[4]!, start: 0, end: 10 },
      { wireStoryId: wireIds[0]!, start: length, end: length + 5 },
      { wireStoryId: wireIds[0]!, start: 10, end: 5 },
    ]) {
      const response = await call(dismiss, { id: storyId }, { method: "POST", body: sentence });
      expect({ sentence, status: response.status }).toEqual({ sentence, status: 400 });
    }
    expect(await db.storyProposalDismissal.count({ where: { storyId } })).toBe(0);
    const response = await call(dismiss, { id: storyId }, { method: "POST", body: { wireStoryId: wireIds[0]!, start: 0, end: 10 } });
    expect(response.status).toBe(204);
  });
});
