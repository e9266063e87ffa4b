/**
 * Public outputs tell the truth about sourcing: a wire that reported another value for a fact is
 * never cited for it (no mark on the page, not among the fact's ninjs sources), and the page's
 * sources list says what that wire reported.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import PublishedStoryPage from "@/app/p/[slug]/page";
import type { CurrentUser } from "@/lib/server/auth";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { insertUser } from "./db-helpers";
import { approveAndPublish, importSeeds, publicNinjs, readDocument } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

const FICTIONAL = path.resolve("prisma", "seed-data", "demo", "fictional-wire.txt");

interface NinjsFact {
  id: string;
  text: string;
  sources: { wireStoryId: string }[];
  disputedBy: { wireStoryId: string; value: string }[];
}

async function publishedWithFictionalWire() {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const publisher = (await insertUser({ role: "PUBLISHER" })).actor;
  const samples = await importSeeds(writer);
  const fictional = (await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(FICTIONAL), contentType: "text/plain" } })).story.id;
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: [...samples, fictional] } });
  // Resolved with a note only: the samples keep the facts, the fictional wire keeps disputing them.
  for (const fact of (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts)) {
    let version = fact.version;
    for (const d of fact.discrepancies) {
      const result = await applyStoryOperation({
        actor: writer,
        revisionId,
        operation: { type: "resolveDiscrepancy", factId: fact.id, baseVersion: version, discrepancyId: d.id, chosenSide: null, note: "The fictional demo wire is wrong." },
      });
      expect(result.status).toBe("applied");
      version += 1;
    }
  }
  const slug = await approveAndPublish({ writer, editor, publisher, revisionId, storyId });
  return { slug, fictional };
}

describe("public outputs of a story a wire disputes", () => {
  it("cite supporting wires only, and the sources list says what the disputing wire reported", async () => {
    const { slug, fictional } = await publishedWithFictionalWire();
    session.user = null;

    const facts = (await publicNinjs<{ factdesk_facts: NinjsFact[] }>(slug)).body.factdesk_facts;
    const launch = facts.find((f) => f.text.includes("launch facility"))!;
    expect(launch.text).toContain("900 kilometers");
    expect(launch.sources.map((s) => s.wireStoryId)).not.toContain(fictional);
    expect(launch.disputedBy.filter((d) => d.wireStoryId === fictional).map((d) => d.value)).toEqual(["1,200 kilometers", "750 miles"]);
    for (const fact of facts) expect(fact.sources.map((s) => s.wireStoryId)).not.toContain(fictional);

    const page = renderToStaticMarkup(await PublishedStoryPage({ params: Promise.resolve({ slug }) }));
    const launchNumber = facts.indexOf(launch) + 1;
    // The sources list says which agency reported what, quoting the story's sentence and linking back to it.
    expect(page).toMatch(new RegExp(`[A-Za-z]+ reported “1,200 kilometers”, “750 miles” where the story says <a href="#fact-${launchNumber}"[^>]*>“[^”]*900 kilometers`));
    expect(page).toMatch(/reported “Wednesday” where the story says <a href="#fact-1"/);
    expect(page).not.toMatch(/fact \d+ says otherwise|supports facts/);
    // The fictional wire is listed as a source for what it reported, but no fact carries its mark.
    const item = page.match(/<li id="source-(\d+)">(?:(?!<\/li>).)*fictional demo wire(?:(?!<\/li>).)*<\/li>/s);
    expect(item, "the fictional wire is in the sources list").not.toBeNull();
    expect(page).not.toContain(`aria-label="Source ${item![1]}"`);
  });
});
