/**
 * Issue 15, "Readers and subscribers": what readers get is served from the cache, and publishing, a
 * correction and unpublishing change it at once.
 */
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
