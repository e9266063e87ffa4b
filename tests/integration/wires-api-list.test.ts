/** GET /api/v1/wires: latest versions only, keyset pages that neither skip nor repeat, filters, errors, who may read. */
import { describe, expect, it, vi } from "vitest";
import { GET as listWires } from "@/app/api/v1/wires/route";
import type { CurrentUser } from "@/lib/server/auth";
import { createApiKey } from "@/lib/server/services/create-api-key";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { insertUser } from "./db-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

type Page = { items: { id: string; headline: string; agency: string | null; version: number; status: string; receivedAt: string }[]; nextCursor: string | null };

async function get(query: string, headers: Record<string, string> = {}) {
  const response = await listWires(new Request(`http://factdesk.test/api/v1/wires?${query}`, { headers }), undefined as never);
  return { status: response.status, body: (await response.json()) as Page & { error?: { code: string; message: string } } };
}

describe("GET /api/v1/wires", () => {
  it("pages through the latest version of every item, newest first, without skipping or repeating", async () => {
    const { actor: writer } = await insertUser({ role: "WRITER" });
    const tag = `Lst${Date.now().toString(36)}`;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const text = `Storm ${tag} item ${n}\n\nBERGEN (Reuters) — Storm ${tag} number ${n} closed the harbour on Monday, officials said.`;
      ids.push((await importWireStory({ source: { kind: "user", user: writer }, upload: { text } })).story.id);
    }
    // A second version of item 0: the list shows it instead of the first.
    const v2 = await importWireStory({ source: { kind: "user", user: writer }, upload: { text: `Storm ${tag} item 0\n\nBERGEN (Reuters) — Storm ${tag} number 0 closed the harbour on Monday, officials said. It reopened on Tuesday.` } });
    expect(v2.outcome).toBe("new-version");

    session.user = writer;
    const seen: Page["items"] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((item) => item.id)).toEqual([v2.story.id, ...ids.slice(1).reverse()]);
    expect(seen[0]).toMatchObject({ headline: `Storm ${tag} item 0`, agency: "Reuters", version: 2, status: "usable" });
    expect(Date.parse(seen[0]!.receivedAt)).not.toBeNaN();

    expect((await get(`q=${tag}&agency=AFP`)).body.items).toEqual([]);
  });

  it("answers feeds with an API key, refuses anyone else, and says what is wrong with a query", async () => {
    session.user = null;
    expect((await get("")).status).toBe(401);
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const { key } = await createApiKey({ actor: admin, input: { name: "List test" } });
    expect((await get("limit=1", { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await get("", { authorization: "Bearer not-a-key" })).status).toBe(401);

    session.user = admin;
    const tooMany = await get("limit=500");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.message).toMatch(/limit is at most 200/);
    expect((await get("cursor=bm9wZQ")).body.error?.message).toMatch(/cursor/);
    expect((await get("from=yesterday")).status).toBe(400);
    expect((await get("colour=blue")).status).toBe(400);
  });
});
