/**
 * The Atom feed against RFC 4287's required elements (4.1.1 feed: id, title, updated, author;
 * 4.1.2 entry: id, title, updated, and a link rel="alternate" since it has no content), with
 * summaries readers can use and corrections as updates of the story's own entry.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { GET as feed } from "@/app/feed.xml/route";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { approveAndPublish, call, contentVersion, newsroom, PUBLIC_ORIGIN, readDocument } from "./route-helpers";

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", htmlEntities: true, isArray: (name) => ["entry", "link", "author"].includes(name) });

async function readFeed(): Promise<{ feed: Node; entries: Node[] }> {
  const response = await call(feed, {}, { method: "GET" });
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const document = parser.parse(await response.text()) as { feed: Node };
  expect(document.feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return { feed: document.feed, entries: (document.feed.entry as Node[] | undefined) ?? [] };
}

const text = (value: unknown) => (typeof value === "object" && value !== null ? String((value as Node)["#text"] ?? "") : String(value ?? ""));
const isDate = (value: unknown) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(String(value));

describe("the Atom feed", () => {
  it("names the app's own address whatever Host the request had, so a forged Host cannot change or multiply it", async () => {
    const room = await newsroom({ wires: 2 });
    const slug = await approveAndPublish(room);
    const asked = await call(feed, {}, { method: "GET" });
    const forged = await feed(new Request("http://forged-host.example/feed.xml"), undefined as never);
    const body = await forged.text();
    expect(body).toBe(await asked.text());
    expect(body).toContain(`${PUBLIC_ORIGIN}/p/${slug}`);
    expect(body).not.toContain("forged-host.example");
  });

  it("has every element RFC 4287 requires, a summary from the lede, and a correction updates the story's entry", async () => {
    const room = await newsroom({ wires: 2 });
    const slug = await approveAndPublish(room);
    const lede = (await readDocument(room.revisionId)).paragraphs[0]!.facts.map((fact) => fact.text).join(" ");

    const { feed: head, entries } = await readFeed();
    expect(text(head.id)).toBe(`${PUBLIC_ORIGIN}/feed.xml`);
    expect(text(head.title)).toBe("Factdesk");
    expect(isDate(head.updated)).toBe(true);
    expect((head.author as Node[])[0]!.name).toBe("Factdesk newsroom");
    expect((head.link as Node[]).some((link) => link["@rel"] === "self")).toBe(true);

    const mine = entries.filter((entry) => (entry.link as Node[]).some((link) => String(link["@href"]).endsWith(`/p/${slug}`)));
    expect(mine).toHaveLength(1);
    const entry = mine[0]!;
    for (const each of entries) {
      expect(text(each.id).startsWith(`tag:${new URL(PUBLIC_ORIGIN).hostname},2026:story/`)).toBe(true);
      expect(text(each.title).length).toBeGreaterThan(0);
      expect(isDate(each.updated) && isDate(each.published)).toBe(true);
      expect((each.link as Node[]).some((link) => link["@rel"] === "alternate" && link["@type"] === "text/html")).toBe(true);
      expect(text(each.summary).length).toBeGreaterThan(0);
    }
    expect(text(entry.id)).toBe(`tag:${new URL(PUBLIC_ORIGIN).hostname},2026:story/${room.storyId}`);
    // No standfirst in a fresh draft: the summary is the lede's opening, cut at a word.
    expect(lede.startsWith(text(entry.summary).replace(/…$/, ""))).toBe(true);

    const note = "An earlier version misstated the train's route.";
    const correction = await startRevision({ actor: room.publisher, revisionId: room.revisionId, input: { transition: "correct", note } });
    const fact = (await readDocument(correction.id)).paragraphs[1]!.facts[0]!;
    await applyStoryOperation({ actor: room.publisher, revisionId: correction.id, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} (corrected)` } });
    const version = await contentVersion(correction.id);
    await reviewRevision({ actor: room.publisher, revisionId: correction.id, input: { transition: "submit", contentVersion: version } });
    await reviewRevision({ actor: room.editor, revisionId: correction.id, input: { transition: "approve", contentVersion: version } });
    await publishRevision({ actor: room.publisher, revisionId: correction.id, input: { contentVersion: version } });

    const after = (await readFeed()).entries.filter((each) => text(each.id) === text(entry.id));
    expect(after).toHaveLength(1);
    expect(new Date(String(after[0]!.updated)).getTime()).toBeGreaterThan(new Date(String(entry.updated)).getTime());
    expect(after[0]!.published).toBe(entry.published);
    expect(text(after[0]!.summary)).toContain(`Correction, ${String(after[0]!.updated).slice(0, 10)}: ${note}`);
  });
});
