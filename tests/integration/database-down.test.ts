import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every route must answer a database that is away with 503 and the JSON error shape, and health
// must say why. The app's client is created on first use, so pointing DATABASE_URL at a closed
// port before any query makes this file's client one that cannot connect.
let savedUrl: string | undefined;
const globalClient = globalThis as { factdeskPrisma?: unknown };
beforeAll(() => {
  savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = "postgresql://factdesk:unused@127.0.0.1:1/factdesk";
  delete globalClient.factdeskPrisma;
});
afterAll(() => {
  process.env.DATABASE_URL = savedUrl;
  delete globalClient.factdeskPrisma;
});

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringMatching(/database/i) } });
}

describe("with the database down", () => {
  it("health says why", async () => {
    const { checkDatabase } = await import("@/lib/server/queries/health");
    const result = await checkDatabase();
    expect(result.ok).toBe(false);
    expect((result as { reason: string }).reason).toMatch(/reach database server at 127\.0\.0\.1:1/);
  });

  it("a published story, a story by id, the Atom feed and a sign-in answer 503 with the JSON error shape", async () => {
    const published = await import("@/app/api/v1/published/[slug]/route");
    await expectUnavailable(await published.GET(new Request("http://localhost/api/v1/published/kim-arrives-0a1b2c"), { params: Promise.resolve({ slug: "kim-arrives-0a1b2c" }) }));
    const story = await import("@/app/api/v1/stories/[id]/route");
    await expectUnavailable(await story.GET(new Request("http://localhost/api/v1/stories/kim-arrives-0a1b2c"), { params: Promise.resolve({ id: "kim-arrives-0a1b2c" }) }));

    const feed = await import("@/app/feed.xml/route");
    await expectUnavailable(await feed.GET(new Request("http://localhost/feed.xml"), undefined));

    const auth = await import("@/app/api/auth/[...nextauth]/route");
    const signIn = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "editor@factdesk.test", password: "editor-demo-pass", csrfToken: "x", json: "true" }),
    });
    await expectUnavailable(await auth.POST(signIn, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }));
  });
});
