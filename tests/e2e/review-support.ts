/**
 * What the review specs share: the story as the workspace API returns it, clearing its publish
 * checklist, moving it through review by the API, and the checks every page of the path must pass.
 */
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, signedIn, storyFromSeedsViaApi } from "./fixtures";

export interface Fact {
  id: string;
  text: string;
  version: number;
  sources: unknown[];
  ownReportingNote: string | null;
  discrepancies: { id: string; resolution: unknown }[];
}

export interface ClientStory {
  story: { id: string; slug: string; ownerId: string };
  revision: { id: string; contentVersion: number };
  document: { headline: string; paragraphs: { id: string; facts: Fact[] }[] };
  wires: { id: string }[];
}

export async function readStory(page: Page, storyId: string): Promise<ClientStory> {
  return (await (await page.request.get(`/api/v1/stories/${storyId}`)).json()) as ClientStory;
}

/** Resolves every open discrepancy and gives every unsourced fact a note, so the checklist can pass. */
export async function clearChecklist(page: Page, storyId: string, userId: string): Promise<ClientStory> {
  for (let round = 0; round < 100; round += 1) {
    const story = await readStory(page, storyId);
    const facts = story.document.paragraphs.flatMap((p) => p.facts);
    const open = facts.find((f) => f.discrepancies.some((d) => d.resolution === null));
    const unsourced = facts.find((f) => f.sources.length === 0 && !(f.ownReportingNote ?? "").trim());
    let operation: Record<string, unknown> | null = null;
    if (open) {
      const discrepancy = open.discrepancies.find((d) => d.resolution === null)!;
      operation = {
        type: "resolveDiscrepancy",
        factId: open.id,
        baseVersion: open.version,
        discrepancyId: discrepancy.id,
        chosenSide: 0,
        note: "Checked with the agency.",
        by: userId,
        at: new Date().toISOString(),
      };
    } else if (unsourced) {
      operation = { type: "setOwnReportingNote", factId: unsourced.id, baseVersion: unsourced.version, note: "Own reporting." };
    }
    if (!operation) return story;
    const response = await page.request.post(`/api/v1/stories/${storyId}/operations`, { data: { revisionId: story.revision.id, operations: [operation] } });
    expect(response.status(), await response.text()).toBe(200);
  }
  throw new Error("The checklist could not be cleared.");
}

/** Makes a review transition through the API, as `page`'s user, on the story's current content. */
export async function review(page: Page, storyId: string, transition: "submit" | "resubmit" | "approve" | "requestChanges", summary?: string) {
  const story = await readStory(page, storyId);
  const response = await page.request.post(`/api/v1/stories/${storyId}/revisions/${story.revision.id}/review`, {
    data: { transition, contentVersion: story.revision.contentVersion, ...(summary ? { summary } : {}) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export async function publish(page: Page, storyId: string) {
  const story = await readStory(page, storyId);
  const response = await page.request.post(`/api/v1/stories/${storyId}/revisions/${story.revision.id}/publish`, { data: { contentVersion: story.revision.contentVersion } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Codes people must never read: the workflow's states as stored, in any case or spacing. */
const RAW_STATE = /\b(DRAFT|IN[_ ]REVIEW|CHANGES[_ ]REQUESTED|APPROVED|UNPUBLISHED|SUPERSEDED|in_review|changes_requested)\b/;

/** The page, as shown, has no raw state code and no "(no headline)". Call it once the page shows what it is for. */
export async function expectPlainWords(page: Page) {
  const shown = await page.locator("body").innerText();
  expect(shown, `raw state code on ${page.url()}`).not.toMatch(RAW_STATE);
  expect(shown, `"(no headline)" on ${page.url()}`).not.toContain("(no headline)");
}

/**
 * Every disabled action on the page says why: a disabled button is described by a sentence
 * (aria-describedby) that is shown, except where it is only waiting for the text it needs.
 */
export async function expectEveryRefusalExplained(page: Page, within: Locator) {
  const disabled = within.getByRole("button", { disabled: true });
  for (const button of await disabled.all()) {
    if (!(await button.isVisible())) continue;
    const describedBy = await button.getAttribute("aria-describedby");
    const waitsForText = await button.evaluate((element) => Boolean(element.closest("form")?.querySelector("textarea")));
    if (waitsForText) continue;
    expect(describedBy, `"${await button.innerText()}" is disabled without a reason`).toBeTruthy();
    const reason = page.locator(`[id="${describedBy}"]`);
    await expect(reason).toBeVisible();
    await expect(reason).not.toHaveText("");
  }
}

export type Setup = { page: Page; playwright: Parameters<typeof storyFromSeedsViaApi>[1]["playwright"]; baseURL: string | undefined };

/** A story of the writer's (signed in on `page`) from the seeds, its checklist cleared so it can be published. */
export async function writersStory({ page, playwright, baseURL }: Setup, feed: string, address: string): Promise<ClientStory> {
  const created = await storyFromSeedsViaApi<ClientStory>(page, { playwright, baseURL: baseURL!, feed, address });
  return clearChecklist(page, created.story.id, created.story.ownerId);
}

/** A writer's story, submitted, and approved by an editor signed in from the second address (their context left open). */
export async function approvedStory(setup: Setup & { browser: Browser }, feed: string, [writerAddress, editorAddress]: [string, string]) {
  const story = await writersStory(setup, feed, writerAddress);
  await review(setup.page, story.story.id, "submit");
  const editor = await signedIn(setup.browser, "EDITOR", editorAddress);
  await review(editor.page, story.story.id, "approve");
  return { story, storyId: story.story.id, editor };
}

/** An approved story (see approvedStory) and a publisher signed in from the third address; the editor has left. */
export async function approvedForPublisher(setup: Setup & { browser: Browser }, feed: string, [writerAddress, editorAddress, publisherAddress]: [string, string, string]) {
  const { story, storyId, editor } = await approvedStory(setup, feed, [writerAddress, editorAddress]);
  await editor.context.close();
  return { story, storyId, publisher: await signedIn(setup.browser, "PUBLISHER", publisherAddress) };
}
