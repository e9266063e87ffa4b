import http from "node:http";
import type { AddressInfo } from "node:net";
import { demoUser, expect, signInAs, signInWithApi, test } from "./fixtures";

/** A feed served from the test process: the app's worker fetches it like any feed on the web. */
async function serveFeed(tag: string) {
  let requests = 0;
  const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>E2E wire</title>
<item><guid>urn:e2e:channel:${tag}</guid><title>Harbour reopens ${tag}</title><pubDate>Tue, 12 Sep 2023 06:15:00 GMT</pubDate>
<description><![CDATA[<p>LISBON — The harbour of ${tag} reopened on Tuesday after a three-day strike, port officials said.</p><p>Ferries ran again by noon.</p>]]></description></item>
</channel></rss>`;
  const server = http.createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "application/rss+xml", etag: `"${tag}"` }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`, requests: () => requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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
});
