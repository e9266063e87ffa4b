/**
 * Public outputs tell the truth about sourcing: a wire that reported another value for a fact is
 * never cited for it (no mark on the page, not among the fact's ninjs sources), and the page's
 * sources list says what that wire reported.
 */
import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/server/auth";
import { publicNinjs, publishedWithFictionalWire, publicPage } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

interface NinjsFact {
  id: string;
  text: string;
  sources: { wireStoryId: string }[];
  disputedBy: { wireStoryId: string; value: string }[];
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

    const page = await publicPage(slug);
    const launchNumber = facts.indexOf(launch) + 1;
    // The entry of the wire says what it reported, quoting the story's sentence and linking back to it.
    expect(page).toMatch(new RegExp(`<span class="reported">Reported “1,200 kilometers”, “750 miles” where the story says <a href="#fact-${launchNumber}"[^>]*>“[^”]*900 kilometers`));
    expect(page).toMatch(/<span class="reported">Reported “Wednesday” where the story says <a href="#fact-1"/);
    expect(page).not.toMatch(/fact \d+ says otherwise|supports facts/);
    // The fictional wire is listed as a source for what it reported, but no fact carries its mark.
    const item = page.match(/<li id="source-(\d+)">(?:(?!<\/li>).)*fictional demo wire(?:(?!<\/li>).)*<\/li>/s);
    expect(item, "the fictional wire is in the sources list").not.toBeNull();
    expect(page).not.toContain(`aria-label="Source ${item![1]}"`);
  });
});
