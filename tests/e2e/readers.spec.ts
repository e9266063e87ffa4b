/**
 * Issue 15, "Readers and subscribers": what readers get is served from the cache, and publishing, a
 * correction and unpublishing change it at once.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext } from "@playwright/test";
import { expect, signedIn, test } from "./fixtures";
import { approvedForPublisher, publish, readStory, review } from "./review-support";

/** Two reads of `path`: the second comes from the cache. Returns the body. */
async function readTwice(request: APIRequestContext, path: string): Promise<string> {
  const first = await request.get(path);
  expect(first.status(), path).toBe(200);
  const second = await request.get(path);
  expect(second.status(), path).toBe(200);
  expect(second.headers()["x-factdesk-cache"], `${path} the second time`).toBe("HIT");
  expect(second.headers()["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  const body = await second.text();
  expect(body).toBe(await first.text());
  return body;
}

test("published pages, ninjs and the feed come from the cache, and publishing, a correction and unpublishing show at once", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const { story, storyId, publisher } = await approvedForPublisher({ page, browser, playwright, baseURL }, "Readers cache", ["203.0.113.171", "203.0.113.172", "203.0.113.173"]);
  const reader = await playwright.request.newContext({ baseURL });
  const pagePath = `/p/${story.story.slug}`;
  const ninjsPath = `/api/v1/published/${story.story.slug}`;
  // Nothing is published there yet, and that answer is not kept past the publication.
  expect((await reader.get(pagePath)).status()).toBe(404);
  expect((await reader.get(ninjsPath)).status()).toBe(404);

  await publish(publisher.page, storyId);
  const headline = story.document.headline;
  expect(await readTwice(reader, pagePath)).toContain(">Published versions<");
  expect(await readTwice(reader, ninjsPath)).toContain(JSON.stringify(headline));
  expect(await readTwice(reader, "/feed.xml")).toContain(`/p/${story.story.slug}`);
  const cached = await reader.get(pagePath);
  const etag = cached.headers()["etag"];
  expect(etag).toBeTruthy();
  const unchanged = await reader.get(pagePath, { headers: { "If-None-Match": etag! } });
  expect(unchanged.status()).toBe(304);

  // A correction: a new revision with its public note, edited by the writer, approved, published.
  const published = await readStory(publisher.page, storyId);
  const started = await publisher.page.request.post(`/api/v1/stories/${storyId}/revisions/${published.revision.id}/start`, {
    data: { transition: "correct", note: "An earlier version gave the wrong day." },
  });
  expect(started.status(), await started.text()).toBe(201);
  const draft = await readStory(page, storyId);
  const fact = draft.document.paragraphs[0]!.facts[0]!;
  const edited = await page.request.post(`/api/v1/stories/${storyId}/operations`, {
    data: { revisionId: draft.revision.id, operations: [{ type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} Corrected for readers.` }] },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  await review(page, storyId, "submit");
  const editor = await signedIn(browser, "EDITOR", "203.0.113.174");
  await review(editor.page, storyId, "approve");
  await editor.context.close();
  await publish(publisher.page, storyId);
  const correctedPage = await readTwice(reader, pagePath);
  expect(correctedPage).toContain("Corrected for readers.");
  expect(correctedPage).toContain("An earlier version gave the wrong day.");
  expect(await readTwice(reader, ninjsPath)).toContain("Corrected for readers.");
  expect(await readTwice(reader, "/feed.xml")).toContain("An earlier version gave the wrong day.");

  // Unpublished: gone from the page, the ninjs and the feed with the next request.
  const unpublished = await publisher.page.request.post(`/api/v1/stories/${storyId}/unpublish`, { data: { reason: "Legal asked us to hold it." } });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  expect((await reader.get(pagePath)).status()).toBe(404);
  expect((await reader.get(ninjsPath)).status()).toBe(404);
  expect(await (await reader.get("/feed.xml")).text()).not.toContain(`/p/${story.story.slug}`);
  await publisher.context.close();
  await reader.dispose();
});

/** A subscriber's endpoint in the test process: records each POST (headers and body) and answers 200. */
async function serveSubscriber() {
  const received: { signature: string; event: string; contentType: string; body: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        signature: String(request.headers["x-factdesk-signature"]),
        event: String(request.headers["x-factdesk-event"]),
        contentType: String(request.headers["content-type"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/factdesk`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin registers a subscriber; a publication reaches it signed, the delivery log shows the answer, and Send again repeats it", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const endpoint = await serveSubscriber();
  const secret = "e2e-subscriber-secret-0123456789";
  const name = `Partner ${Date.now()}`;
  const admin = await signedIn(browser, "ADMIN", "203.0.113.181");
  try {
    await admin.page.goto("/admin");
    const form = admin.page.getByRole("form", { name: "Add subscriber" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Address (https://)").fill(endpoint.url);
    await form.getByLabel(/^Secret/).fill(secret);
    // ninjs only, on publication only: the other boxes start ticked.
    await form.getByRole("checkbox", { name: "NewsML-G2" }).uncheck();
    await form.getByRole("checkbox", { name: "corrected" }).uncheck();
    await form.getByRole("checkbox", { name: "unpublished" }).uncheck();
    await form.getByRole("button", { name: "Add subscriber" }).click();
    await expect(admin.page.getByText("Subscriber added")).toBeVisible();
    const subscriber = admin.page.getByRole("region", { name: `Subscriber ${name}` });
    await expect(subscriber.getByText("Nothing sent yet.")).toBeVisible();

    const { story, storyId, publisher } = await approvedForPublisher({ page, browser, playwright, baseURL }, "Subscriber delivery", ["203.0.113.182", "203.0.113.183", "203.0.113.184"]);
    await publish(publisher.page, storyId);
    await expect.poll(() => endpoint.received.length, { timeout: 60_000 }).toBe(1);
    const [delivery] = endpoint.received;
    expect(delivery!.event).toBe("published");
    expect(delivery!.contentType).toBe("application/json; charset=utf-8");
    expect(delivery!.signature).toBe(`sha256=${createHmac("sha256", secret).update(delivery!.body).digest("hex")}`);
    expect(JSON.parse(delivery!.body)).toMatchObject({ uri: expect.stringContaining(`/p/${story.story.slug}`), headlines: [{ role: "main", value: story.document.headline }] });

    // The log shows what the subscriber answered.
    const rows = subscriber.getByTestId("delivery");
    await expect(async () => {
      await admin.page.reload();
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText("Delivered");
    }).toPass({ timeout: 30_000 });
    await expect(rows.first()).toContainText("200 OK");
    await expect(rows.first()).toContainText(story.document.headline);

    await rows.first().getByRole("button", { name: "Send again" }).click();
    await expect.poll(() => endpoint.received.length, { timeout: 60_000 }).toBe(2);
    // The very same bytes, under the same signature.
    expect(endpoint.received[1]!.body).toBe(delivery!.body);
    expect(endpoint.received[1]!.signature).toBe(delivery!.signature);

    admin.page.once("dialog", (dialog) => void dialog.accept());
    await subscriber.getByRole("button", { name: `Remove ${name}` }).click();
    await expect(subscriber).toHaveCount(0);
    await publisher.context.close();
  } finally {
    await admin.context.close();
    await endpoint.close();
  }
});
