import http from "node:http";
import type { AddressInfo } from "node:net";
import { demoUser, expect, signInAs, signInWithApi, test } from "./fixtures";

/** A feed served from the test process: the app's worker fetches it like any feed on the web. `setDescription` changes its item, as an agency's new version does. */
async function serveFeed(tag: string) {
  let requests = 0;
  let description = `<p>LISBON — The harbour of ${tag} reopened on Tuesday after a three-day strike, port officials said.</p><p>Ferries ran again by noon.</p>`;
  const body = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>E2E wire</title>
<item><guid>urn:e2e:channel:${tag}</guid><title>Harbour reopens ${tag}</title><pubDate>Tue, 12 Sep 2023 06:15:00 GMT</pubDate>
<description><![CDATA[${description}]]></description></item>
</channel></rss>`;
  const server = http.createServer((_request, response) => {
    requests += 1;
    const text = body();
    response.writeHead(200, { "content-type": "application/rss+xml", etag: `"${tag}-${text.length}"` }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`,
    requests: () => requests,
    setDescription: (html: string) => {
      description = html;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe("ingest channels", () => {
  test("an admin adds a feed in the admin screen; the worker imports its item into the inbox; pausing stops it", async ({ page }) => {
    const tag = `t${Date.now()}`;
    const feed = await serveFeed(tag);
    try {
      await signInAs(page, "ADMIN");
      await page.goto("/admin");
      const form = page.getByRole("form", { name: "Add channel" });
      await form.getByLabel("Feed address").fill(feed.url);
      await form.getByLabel("Check every (minutes)").fill("1");
      await form.getByLabel("Agency (optional)").fill("E2E Wire");
      await form.getByRole("button", { name: "Add channel" }).click();
      await expect(page.getByText("Channel added")).toBeVisible();

      const row = page.getByRole("row").filter({ hasText: feed.url });
      await expect(async () => {
        await page.reload();
        await expect(row).toContainText("OK, last", { timeout: 1_000 });
      }).toPass({ timeout: 45_000 });
      await expect(row.getByRole("cell").nth(3)).toHaveText("1");

      await page.goto(`/wires?q=${tag}`);
      await expect(page.getByRole("link", { name: new RegExp(`Harbour reopens ${tag}`) })).toBeVisible();

      await page.goto("/admin");
      await row.getByRole("button", { name: /^Pause/ }).click();
      await expect(row).toContainText("Paused");
      await expect(row.getByRole("button", { name: /^Resume/ })).toBeVisible();
    } finally {
      await feed.close();
    }
  });

  test("the channels API: 201 with an id, the list with each channel's state, clear errors, admins only", async ({ playwright, baseURL, clientAddress }) => {
    const signedInAs = async (role: "ADMIN" | "EDITOR") => {
      const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
      const user = demoUser(role);
      expect((await signInWithApi(context, user.email, user.password)).ok()).toBe(true);
      return context;
    };
    const admin = await signedInAs("ADMIN");
    const created = await admin.post("/api/v1/admin/channels", { data: { kind: "folder", path: `/tmp/factdesk-e2e-drop-${Date.now()}`, intervalSeconds: 600 } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = (await (await admin.get("/api/v1/admin/channels")).json()) as { channels: { id: string; kind: string; paused: boolean; itemsImported: number; lastError: string | null }[] };
    expect(listed.channels.find((c) => c.id === id)).toMatchObject({ kind: "folder", paused: false, itemsImported: 0 });

    const bad = await admin.post("/api/v1/admin/channels", { data: { kind: "feed", url: "not a url", intervalSeconds: 1 } });
    expect(bad.status()).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/http/);
    expect(error.message).toMatch(/30 seconds/);

    const stale = await admin.patch(`/api/v1/admin/channels/${id}`, { data: { version: 99, paused: true } });
    expect(stale.status()).toBe(409);
    expect((await admin.delete(`/api/v1/admin/channels/${id}`)).status()).toBe(200);

    const editor = await signedInAs("EDITOR");
    expect((await editor.get("/api/v1/admin/channels")).status()).toBe(403);
    expect((await editor.post("/api/v1/admin/channels", { data: { kind: "folder", path: "/tmp/x", intervalSeconds: 600 } })).status()).toBe(403);
    await admin.dispose();
    await editor.dispose();
  });

  test("a changed feed item is a new version of the wire, and the story citing it flags the fact with what changed; the editor updates it", async ({ page, playwright, baseURL, clientAddress }) => {
    // Two polls by the worker, each waited for.
    test.setTimeout(150_000);
    const tag = `t${Date.now()}`;
    const feed = await serveFeed(tag);
    feed.setDescription(`<p>LISBON — The harbour of ${tag} reopened on Tuesday after a three-day strike, port officials said.</p><p>About 900 ferries sailed by noon.</p>`);
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    try {
      const user = demoUser("ADMIN");
      expect((await signInWithApi(admin, user.email, user.password)).ok()).toBe(true);
      const created = await admin.post("/api/v1/admin/channels", { data: { kind: "feed", url: feed.url, intervalSeconds: 600, agency: "E2E Wire" } });
      expect(created.status()).toBe(201);
      const { id: channelId } = (await created.json()) as { id: string };
      const latestOfItem = async () => {
        const listed = (await (await admin.get(`/api/v1/wires?q=${tag}`)).json()) as { items: { id: string; version: number }[] };
        return listed.items[0];
      };
      await expect.poll(latestOfItem, { timeout: 45_000 }).toMatchObject({ version: 1 });
      const first = (await latestOfItem())!;

      await signInAs(page, "WRITER");
      const story = await page.request.post("/api/v1/stories", { data: { wireStoryIds: [first.id] } });
      expect(story.status()).toBe(201);
      const { storyId } = (await story.json()) as { storyId: string };

      // The agency changes its item; pausing and resuming the channel polls it at once.
      feed.setDescription(`<p>LISBON — The harbour of ${tag} reopened on Tuesday after a three-day strike, port officials said.</p><p>About 1,200 ferries sailed by noon.</p>`);
      const channel = async () => ((await (await admin.get("/api/v1/admin/channels")).json()) as { channels: { id: string; version: number }[] }).channels.find((c) => c.id === channelId)!;
      expect((await admin.patch(`/api/v1/admin/channels/${channelId}`, { data: { version: (await channel()).version, paused: true } })).status()).toBe(200);
      expect((await admin.patch(`/api/v1/admin/channels/${channelId}`, { data: { version: (await channel()).version, paused: false } })).status()).toBe(200);
      await expect.poll(latestOfItem, { timeout: 45_000 }).toMatchObject({ version: 2 });

      await page.goto(`/stories/${storyId}`);
      const flag = page.getByTestId("source-update");
      await expect(flag).toHaveCount(1);
      await expect(flag).toContainText("E2E Wire 1 sent a new version (v2)");
      await expect(flag.locator("del")).toHaveText("900");
      await expect(flag.locator("ins")).toHaveText("1,200");
      const fact = page.getByTestId("fact").filter({ hasText: "source changed" });
      await expect(fact.getByRole("textbox")).toHaveValue("About 900 ferries sailed by noon.");

      await flag.getByRole("button", { name: "Update the fact" }).click();
      await expect(page.getByTestId("source-update")).toHaveCount(0);
      const factTexts = () => page.getByRole("textbox", { name: /^Fact \d+$/ }).evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
      await expect.poll(factTexts).toContain("About 1,200 ferries sailed by noon.");
      await page.reload();
      await expect.poll(factTexts).toContain("About 1,200 ferries sailed by noon.");
      await expect(page.getByTestId("source-update")).toHaveCount(0);
      await expect(page.getByText("All changes saved")).toBeVisible();

      // The wire's page compares its two versions sentence by sentence.
      await page.goto(`/wires/${first.id}`);
      await page.getByRole("link", { name: "Compare with version 2" }).click();
      const comparison = page.getByRole("region", { name: "Version 1 → version 2" });
      await expect(comparison).toContainText("1 reworded, 0 dropped, 0 added");
      const reworded = comparison.locator("li[data-kind=changed]");
      await expect(reworded.locator("del")).toHaveText("900");
      await expect(reworded.locator("ins")).toHaveText("1,200");
    } finally {
      await admin.dispose();
      await feed.close();
    }
  });
});
