import { describe, expect, it } from "vitest";
import { UNATTRIBUTED } from "@/lib/domain/story/credit";
import { listAgencies, listWireStories } from "@/lib/server/queries/wires";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { insertUser } from "./db-helpers";

describe("the inbox's agency filter", () => {
  it("lists wires of no agency under the name every screen gives them, and filters by it", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    const tag = `Agf${Date.now().toString(36)}`;
    const named = await importWireStory({ source: { kind: "user", user: actor }, upload: { text: `Dam ${tag} holds\n\nOSLO (Reuters) — The ${tag} dam held on Monday, officials said.\n` } });
    const unnamed = await importWireStory({ source: { kind: "user", user: actor }, upload: { text: `Bridge ${tag} reopens\n\nThe ${tag} bridge reopened on Tuesday after repairs, the city said.\n` } });
    expect(named.story.agency).toBe("Reuters");
    expect(unnamed.story.agency).toBeNull();
    expect(await listAgencies()).toContain(UNATTRIBUTED);
    expect((await listWireStories({ q: tag, agency: UNATTRIBUTED })).items.map((row) => row.id)).toEqual([unnamed.story.id]);
    expect((await listWireStories({ q: tag, agency: "Reuters" })).items.map((row) => row.id)).toEqual([named.story.id]);
  });
});
