import type { Browser, Page } from "@playwright/test";
import { expect, seedFiles, selectSeedsInInbox, signInAs, signedIn, test } from "./fixtures";

/** Consolidates the five seeds from the wire inbox into a new story; returns the story's URL. */
async function createConsolidatedStory(page: Page): Promise<string> {
  await selectSeedsInInbox(page);
  await page.getByRole("button", { name: "Consolidate 5 stories" }).click();
  await page.getByRole("button", { name: "Create consolidated story" }).click();
  await expect(page).toHaveURL(/\/stories\/[a-z0-9]+$/);
  return page.url();
}

function fact(page: Page, n: number) {
  return page.getByRole("region", { name: "Story" }).getByRole("textbox", { name: `Fact ${n}`, exact: true });
}

async function expectSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /changes/ })).toHaveText("All changes saved");
}

async function factCount(page: Page) {
  return page.getByRole("region", { name: "Story" }).getByRole("textbox", { name: /^Fact \d+$/ }).count();
}

/**
 * The writer (on `page`) creates a story and the editor, in a browser of their own from another
 * address (the sign-in limit is per address), opens it. Close the editor's context when done.
 */
async function writerAndEditorInOneStory(page: Page, browser: Browser, address: string, baseURL: string | undefined) {
  await signInAs(page, "WRITER");
  const url = await createConsolidatedStory(page);
  await expectSaved(page);
  const { context: editorContext, page: editorPage } = await signedIn(browser, "EDITOR", address, baseURL);
  await editorPage.goto(url);
  await expect(fact(editorPage, 1)).toBeEnabled();
  return { editorContext, editorPage };
}

test.describe("story workspace", () => {
  test("a writer edits, reorders, merges, splits and sources facts, undoes and redoes, and it all persists", async ({ page }) => {
    test.setTimeout(150_000);
    await signInAs(page, "WRITER");
    const url = await createConsolidatedStory(page);
    await expect(page.getByRole("region", { name: "Sources" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Inspector" })).toBeVisible();
    await expectSaved(page);

    // Edit: saved on its own after a pause, no save button.
    const edited = "EDITED: Kim Jong Un's armoured train rolled into Russia on Tuesday.";
    await fact(page, 1).fill(edited);
    await expectSaved(page);

    // Reorder: the edited fact moves below the one after it.
    const second = await fact(page, 2).inputValue();
    await fact(page, 1).click();
    await page.getByRole("button", { name: "Move down Fact 1" }).click();
    await expect(fact(page, 2)).toHaveValue(edited);
    await expect(fact(page, 1)).toHaveValue(second);
    await expectSaved(page);

    // Merge facts 3 and 4.
    const before = await factCount(page);
    const third = await fact(page, 3).inputValue();
    const fourth = await fact(page, 4).inputValue();
    await fact(page, 3).click();
    await page.getByRole("button", { name: "Merge with next Fact 3" }).click();
    await expect(fact(page, 3)).toHaveValue(`${third.trimEnd()} ${fourth.trimStart()}`);
    expect(await factCount(page)).toBe(before - 1);
    await expectSaved(page);

    // Split it again where the two texts meet.
    await fact(page, 3).click();
    await fact(page, 3).evaluate((element, at) => {
      (element as HTMLTextAreaElement).setSelectionRange(at, at);
    }, third.trimEnd().length);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.getByRole("button", { name: "Split at cursor Fact 3" }).click();
    await expect(fact(page, 3)).toHaveValue(third.trim());
    await expect(fact(page, 4)).toHaveValue(fourth.trim());
    expect(await factCount(page)).toBe(before);
    await expectSaved(page);

    // Attach a sentence of another wire story to fact 1.
    await fact(page, 1).click();
    const inspectorSources = page.getByRole("region", { name: "Inspector" }).getByRole("list", { name: "Fact sources" }).getByRole("listitem");
    const sourcesBefore = await inspectorSources.count();
    const sources = page.getByRole("region", { name: "Sources" });
    await sources.getByRole("tab").last().click();
    await sources.getByRole("button", { name: /^Attach to selected fact/ }).first().click();
    await expect(inspectorSources).toHaveCount(sourcesBefore + 1);
    await expectSaved(page);

    // Undo takes the attachment away, redo puts it back.
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(inspectorSources).toHaveCount(sourcesBefore);
    await expectSaved(page);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(inspectorSources).toHaveCount(sourcesBefore + 1);
    await expectSaved(page);

    // A source sentence becomes a new fact after the selected one; Ctrl+Z / Ctrl+Shift+Z outside text fields.
    const sentence = sources.getByRole("list", { name: "Sentences" }).getByRole("listitem").first();
    const sentenceText = (await sentence.locator("p").first().textContent())!.trim();
    await sentence.getByRole("button", { name: /^Add to story/ }).click();
    await expect(fact(page, 2)).toHaveValue(sentenceText);
    expect(await factCount(page)).toBe(before + 1);
    await expectSaved(page);
    // The new fact has the focus; out of its field, the keys undo and redo story edits.
    await expect(fact(page, 2)).toBeFocused();
    await fact(page, 2).blur();
    await page.keyboard.press("Control+z");
    await expect(fact(page, 2)).toHaveValue(edited);
    await expectSaved(page);
    await page.keyboard.press("Control+Shift+z");
    await expect(fact(page, 2)).toHaveValue(sentenceText);
    await expectSaved(page);

    // Everything is on the server.
    await page.goto(url);
    await expect(fact(page, 1)).toHaveValue(second);
    await expect(fact(page, 2)).toHaveValue(sentenceText);
    await expect(fact(page, 3)).toHaveValue(edited);
    await expect(fact(page, 4)).toHaveValue(third.trim());
    await expect(fact(page, 5)).toHaveValue(fourth.trim());
    expect(await factCount(page)).toBe(before + 1);
    await fact(page, 1).click();
    await expect(inspectorSources).toHaveCount(sourcesBefore + 1);
  });

  test("a writer drags facts to other places, within and across paragraphs, and a reload shows them there", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "WRITER");
    const url = await createConsolidatedStory(page);
    await expectSaved(page);
    // Tall enough for the first five facts at once: a drag must not scroll between press and drop.
    await page.setViewportSize({ width: 1280, height: 2000 });
    const count = await factCount(page);
    const texts = await Promise.all([1, 2, 3, 4, 5].map((n) => fact(page, n).inputValue()));
    const rows = page.getByRole("region", { name: "Story" }).getByTestId("fact");
    const handle = (n: number) => rows.nth(n - 1).getByTestId("drag-handle");

    // Fact 3 dropped on the top half of Fact 1 goes before it.
    await handle(3).dragTo(rows.nth(0), { targetPosition: { x: 40, y: 4 } });
    await expect(fact(page, 1)).toHaveValue(texts[2]!);
    await expect(fact(page, 2)).toHaveValue(texts[0]!);
    await expect(fact(page, 3)).toHaveValue(texts[1]!);
    await expectSaved(page);

    // The inspector's history of the moved fact says who moved it, newest first.
    await fact(page, 1).click();
    const history = page.getByRole("region", { name: "Inspector" }).getByRole("list", { name: "Fact history" }).getByRole("listitem");
    await expect(history.first()).toContainText("Wendy Writer moved this fact");
    await expect(history.last()).toContainText("Wendy Writer drafted this fact from the wires");

    // The (new) Fact 1 dropped on the bottom half of Fact 5, in another paragraph, goes after it.
    const paragraphOf = (n: number) => rows.nth(n - 1).evaluate((row) => row.closest("[aria-label^='Paragraph ']")?.getAttribute("aria-label"));
    expect(await paragraphOf(1)).not.toBe(await paragraphOf(5));
    const fifthBox = (await rows.nth(4).boundingBox())!;
    await handle(1).dragTo(rows.nth(4), { targetPosition: { x: 40, y: fifthBox.height - 4 } });
    await expect(fact(page, 5)).toHaveValue(texts[2]!);
    await expect(fact(page, 4)).toHaveValue(texts[4]!);
    await expect(fact(page, 1)).toHaveValue(texts[0]!);
    await expectSaved(page);

    // A drag is one step of undo, like any other edit.
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(fact(page, 1)).toHaveValue(texts[2]!);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(fact(page, 5)).toHaveValue(texts[2]!);
    await expectSaved(page);

    await page.goto(url);
    await expect(fact(page, 1)).toHaveValue(texts[0]!);
    await expect(fact(page, 2)).toHaveValue(texts[1]!);
    await expect(fact(page, 3)).toHaveValue(texts[3]!);
    await expect(fact(page, 4)).toHaveValue(texts[4]!);
    await expect(fact(page, 5)).toHaveValue(texts[2]!);
    expect(await factCount(page)).toBe(count);
  });

  test("a writer and an editor edit different facts at once and each sees the other's change live", async ({ page, browser, baseURL }) => {
    test.setTimeout(150_000);
    const { editorContext, editorPage } = await writerAndEditorInOneStory(page, browser, "203.0.113.77", baseURL);
    try {
      await expect(page.getByLabel("People in this story")).toContainText("Eddie Editor", { timeout: 15_000 });

      const writerText = "WRITER: the armoured train rolled across the border before dawn.";
      const editorText = "EDITOR: officials in Moscow confirmed the visit.";
      await fact(page, 1).fill(writerText);
      await fact(editorPage, 3).fill(editorText);
      await fact(page, 1).blur();
      await fact(editorPage, 3).blur();

      await expect(fact(editorPage, 1)).toHaveValue(writerText, { timeout: 10_000 });
      await expect(fact(page, 3)).toHaveValue(editorText, { timeout: 10_000 });
      await expectSaved(page);
      await expectSaved(editorPage);

      for (const p of [page, editorPage]) {
        await p.reload();
        await expect(fact(p, 1)).toHaveValue(writerText);
        await expect(fact(p, 3)).toHaveValue(editorText);
      }
    } finally {
      await editorContext.close();
    }
  });

  test("edits made offline are kept, retried, and sent on the next visit", async ({ page, context }) => {
    test.setTimeout(150_000);
    await signInAs(page, "WRITER");
    const url = await createConsolidatedStory(page);
    await expectSaved(page);

    await context.setOffline(true);
    const offlineText = "OFFLINE: the train crossed into Russia at the Khasan border station.";
    await fact(page, 2).fill(offlineText);
    await fact(page, 2).blur();
    await expect(page.getByRole("status").filter({ hasText: /Offline/ })).toHaveText("Offline — changes kept, retrying");

    // Leave while still offline: the edit waits in localStorage and the next visit sends it.
    await page.close();
    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(url);
    await expect(fact(next, 2)).toHaveValue(offlineText);
    await expectSaved(next);
    await next.reload();
    await expect(fact(next, 2)).toHaveValue(offlineText);
  });

  test("two people change the same fact: the later one sees both versions and keeps theirs or their own", async ({ page, browser, baseURL }) => {
    test.setTimeout(150_000);
    const { editorContext, editorPage } = await writerAndEditorInOneStory(page, browser, "203.0.113.78", baseURL);
    try {

      // The editor's save is held back (offline) while the writer saves the same fact.
      await editorContext.setOffline(true);
      const editorText = "EDITOR: Kim arrived in Russia for talks with Putin.";
      await fact(editorPage, 2).fill(editorText);
      await fact(editorPage, 2).blur();
      await expect(editorPage.getByRole("status").filter({ hasText: /Offline/ })).toBeVisible();
      const writerText = "WRITER: Kim arrived in Russia ahead of a meeting with Putin.";
      await fact(page, 2).fill(writerText);
      await fact(page, 2).blur();
      await expectSaved(page);

      await editorContext.setOffline(false);
      const conflict = editorPage.getByRole("alert", { name: "Conflict in Fact 2" });
      await expect(conflict).toContainText(editorText, { timeout: 15_000 });
      await expect(conflict).toContainText(writerText);
      await conflict.getByRole("button", { name: "Keep mine" }).click();
      await expect(conflict).toHaveCount(0);
      await expectSaved(editorPage);
      await expect(fact(page, 2)).toHaveValue(editorText, { timeout: 10_000 });
      await page.reload();
      await expect(fact(page, 2)).toHaveValue(editorText);
    } finally {
      await editorContext.close();
    }
  });
});

test.describe("wire stories added to a story later", () => {
  test("the workspace proposes what they bring; the writer attaches a corroboration, adds a new fact and dismisses another", async ({ page }) => {
    test.setTimeout(150_000);
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    await page.getByLabel("Files").setInputFiles(seedFiles());
    await expect(page.getByRole("list", { name: "File imports" }).getByRole("listitem").filter({ hasText: /Imported|Already imported/ })).toHaveCount(5);
    await page.reload();
    const table = page.getByRole("table", { name: "Wire stories" });
    const longAp = table.getByRole("row", { name: /Kim Jong Un arrived in Russia on Tuesday for a meeting/ }).first();

    // A story from the long AP copy and the AFP copy, renamed so this test can find it again.
    await longAp.getByRole("checkbox").check();
    await table.getByRole("row", { name: /en route to Russia in armoured train/ }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Consolidate 2 stories" }).click();
    await page.getByRole("button", { name: "Create consolidated story" }).click();
    await expect(page).toHaveURL(/\/stories\/[a-z0-9]+$/);
    const url = page.url();
    const headline = `Kim in Russia, proposals ${Date.now()}`;
    await page.getByLabel("Headline").fill(headline);
    await expectSaved(page);
    await expect(page.getByRole("list", { name: "Proposals" })).toHaveCount(0);
    const before = await factCount(page);

    // Later the newspaper's AP copy comes in, and goes into that story.
    await page.goto("/wires");
    await table.getByRole("row", { name: /North Korea’s leader is in Russia/ }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Add to a story…" }).click();
    await page.getByLabel("Story", { exact: true }).selectOption({ label: `${headline} (2 wires)` });
    await page.getByRole("button", { name: "Add to story" }).click();
    await expect(page).toHaveURL(url);

    const proposals = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
    await expect(proposals.first()).toBeVisible({ timeout: 15_000 });
    const total = await proposals.count();
    const corroboration = proposals.filter({ hasText: /AP 3 corroborates Fact \d+/ }).first();
    const factNumber = Number((await corroboration.getByText(/corroborates Fact \d+/).textContent())!.match(/Fact (\d+)/)![1]);
    const corroborating = (await corroboration.locator("p.font-serif").textContent())!;
    await corroboration.getByRole("button", { name: "Attach as source" }).click();
    await expectSaved(page);
    await fact(page, factNumber).click();
    await expect(page.getByRole("region", { name: "Inspector" }).getByRole("list", { name: "Fact sources" })).toContainText("AP 3");

    const addition = proposals.filter({ hasText: /^New fact from AP 3/ }).first();
    const added = (await addition.locator("p.font-serif").textContent())!;
    await addition.getByRole("button", { name: "Add to story" }).click();
    await expectSaved(page);
    expect(await factCount(page)).toBe(before + 1);
    const texts = () => page.getByRole("region", { name: "Story" }).getByRole("textbox", { name: /^Fact \d+$/ }).evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
    expect(await texts()).toContain(added);

    const dismissed = (await proposals.first().locator("p.font-serif").textContent())!;
    await proposals.first().getByRole("button", { name: "Dismiss" }).click();
    await expect(proposals.filter({ hasText: dismissed })).toHaveCount(0);

    // Accepted and dismissed proposals stay gone after a reload; the rest are still offered.
    await page.reload();
    await expect(proposals.first()).toBeVisible({ timeout: 15_000 });
    for (const gone of [corroborating, added, dismissed]) await expect(proposals.filter({ hasText: gone })).toHaveCount(0);
    expect(await proposals.count()).toBeLessThan(total);
    expect(await texts()).toContain(added);
  });
});
