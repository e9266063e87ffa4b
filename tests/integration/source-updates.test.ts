import { describe, expect, it } from "vitest";
import { sourceUpdates } from "@/lib/domain/story/source-updates";
import { buildSourceUpdate } from "@/lib/domain/story/operation-builders";
import { reviewForStory, reviewStatusForStory } from "@/lib/server/queries/review";
import { storyForClient } from "@/lib/server/queries/stories";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { insertUser } from "./db-helpers";
import { db } from "@/lib/server/db";
import { approveAndPublish, readDocument } from "./route-helpers";

let unique = 0;
function token() {
  unique += 1;
  return `Src${Date.now().toString(36)}x${unique}`;
}

/** A ninjs item: one story, sent again as later versions with other words and signals. */
function ninjs(tag: string, agency: string, version: number, body: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ uri: `urn:test:${agency}:${tag}`, version: String(version), type: "text", headline: `Dam ${tag} holds`, body_text: body, copyrightholder: agency, ...extra });
}

const AP_V1 = (tag: string) => `OSLO (AP) — The ${tag} dam held on Monday after the storm. About 900 people were evacuated, officials said.`;
const AP_V2 = (tag: string) => `OSLO (AP) — The ${tag} dam held on Monday after the storm. About 1,200 people were evacuated, officials said.`;
const AFP_V1 = (tag: string) => `OSLO (AFP) — The ${tag} dam held on Monday after the storm, officials said.`;

async function storyOnTwoAgencies() {
  const { actor: writer } = await insertUser({ role: "WRITER" });
  const source = { kind: "user" as const, user: writer };
  const tag = token();
  const ap = await importWireStory({ source, upload: { text: ninjs(tag, "AP", 1, AP_V1(tag)), contentType: "application/json" } });
  const afp = await importWireStory({ source, upload: { text: ninjs(tag, "AFP", 1, AFP_V1(tag)), contentType: "application/json" } });
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: [ap.story.id, afp.story.id] } });
  return { writer, source, tag, ap: ap.story.id, afp: afp.story.id, storyId, revisionId };
}

const factCiting = async (revisionId: string, wireStoryId: string, words: string) =>
  (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts).find((f) => f.sources.some((s) => s.wireStoryId === wireStoryId) && f.text.includes(words))!;

describe("a later version of a story's wire", () => {
  it("comes with the story, is flagged on the facts citing the old one, and blocks publishing until the fact cites a live version", async () => {
    const room = await storyOnTwoAgencies();
    const evacuated = await factCiting(room.revisionId, room.ap, "900 people");
    expect(evacuated.sources.map((s) => s.wireStoryId)).toEqual([room.ap]);

    const corrected = await importWireStory({
      source: room.source,
      upload: { text: ninjs(room.tag, "AP", 2, AP_V2(room.tag), { signals: ["sig:correction"] }), contentType: "application/json" },
    });
    expect(corrected.outcome).toBe("new-version");

    // The workspace gets the new version with the story's wires, and the flag follows from it.
    const workspace = (await storyForClient(room.storyId, room.writer))!;
    const v2 = workspace.wires.find((wire) => wire.id === corrected.story.id)!;
    expect(v2).toMatchObject({ version: 2, versionKind: "correction" });
    expect(workspace.hasProposingWires).toBe(false);
    const flags = sourceUpdates(workspace.document, workspace.wires);
    const flag = flags.find((f) => f.factId === evacuated.id)!;
    expect(flag.sourceWithdrawn).toBe(true);
    expect(flag.updates[0]!.replacement?.text).toBe("About 1,200 people were evacuated, officials said.");

    // The checklist refuses while the fact rests only on the withdrawn version.
    const before = (await reviewForStory(room.storyId, room.writer))!;
    const check = before.checklist.find((c) => c.id === "withdrawn-sources")!;
    expect(check.passed).toBe(false);
    expect(check.refs).toContain(evacuated.id);

    // "Update the fact": the new wording, citing the corrected version (a source the story's wires did not list).
    const result = await applyStoryOperation({ actor: room.writer, revisionId: room.revisionId, operation: buildSourceUpdate(workspace.document, evacuated.id, flag.updates[0]!, "update") });
    expect(result.status).toBe("applied");
    const updated = await factCiting(room.revisionId, corrected.story.id, "1,200 people");
    expect(updated.id).toBe(evacuated.id);
    expect(updated.sources).toEqual([flag.updates[0]!.replacement!.source]);
    const after = (await reviewForStory(room.storyId, room.writer))!;
    expect(after.checklist.find((c) => c.id === "withdrawn-sources")!.refs).not.toContain(evacuated.id);
  });

  it("refuses a source in a version of a wire item the story does not have", async () => {
    const room = await storyOnTwoAgencies();
    const other = await storyOnTwoAgencies();
    const fact = await factCiting(room.revisionId, room.ap, "900 people");
    await expect(
      applyStoryOperation({
        actor: room.writer,
        revisionId: room.revisionId,
        operation: [{ type: "attachSource", factId: fact.id, baseVersion: fact.version, source: { wireStoryId: other.afp, start: 0, end: 10 } }],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("tells the owner and publishers when a published story's wire is killed, and the review page says which facts rest on it", async () => {
    const room = await storyOnTwoAgencies();
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    const { actor: publisher } = await insertUser({ role: "PUBLISHER" });
    await approveAndPublish({ ...room, editor, publisher });
    const evacuated = await factCiting(room.revisionId, room.ap, "900 people");
    const number = (await readDocument(room.revisionId)).paragraphs.flatMap((p) => p.facts).findIndex((f) => f.id === evacuated.id) + 1;
    expect((await reviewForStory(room.storyId, publisher))!.sourceNotices).toEqual([]);

    await importWireStory({ source: room.source, upload: { text: ninjs(room.tag, "AP", 2, AP_V1(room.tag), { pubStatus: "canceled" }), contentType: "application/json" } });

    const notices = await db.notification.findMany({ where: { storyId: room.storyId, kind: "source-withdrawn" }, select: { userId: true, message: true } });
    // The owner and every publisher (other tests' publishers share this database); not the editor.
    const recipients = notices.map((n) => n.userId);
    expect(recipients).toEqual(expect.arrayContaining([room.writer.id, publisher.id]));
    expect(recipients).not.toContain(editor.id);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(notices[0]!.message).toMatch(/^AP sent a kill \(v2\) of a wire the published story “Dam .* holds” cites: \d+ facts? rests? on it\. Check them and publish a correction\.$/);
    const [line, ...rest] = (await reviewForStory(room.storyId, publisher))!.sourceNotices;
    expect(rest).toEqual([]);
    // The story's workspace header says the same.
    expect((await reviewStatusForStory(room.storyId, room.writer))!.sourceNotices).toEqual([line]);
    expect(line).toMatch(new RegExp(`^AP 1 was killed \\(v2, \\d\\d:\\d\\d UTC on \\d{4}-\\d\\d-\\d\\d\\): (facts? [\\d, ]*\\b${number}\\b[\\d, ]*) rests? on it only`));
  });
});
