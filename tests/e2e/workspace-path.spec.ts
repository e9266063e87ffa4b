import path from "node:path";
import type { Browser, Page, PlaywrightWorkerArgs } from "@playwright/test";
import fs from "node:fs";
import { createApiKey, expect, signedIn, storyFromSeedsViaApi, test } from "./fixtures";

/** Issue 12, "The editor's path holds together": the story workspace, items 1, 4, 5 and 6. */

interface ClientStory {
  story: { id: string };
}

/** The demo's wire that disagrees with the samples on a day and a distance. */
const FICTIONAL_WIRE = path.resolve("prisma", "seed-data", "demo", "fictional-wire.txt");

function storyPane(page: Page) {
  return page.getByRole("region", { name: "Story" });
}

function fact(page: Page, n: number) {
  return storyPane(page).getByRole("textbox", { name: `Fact ${n}`, exact: true });
}

async function expectSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /changes/ })).toHaveText("All changes saved");
}

async function factTexts(page: Page): Promise<string[]> {
  return storyPane(page)
    .getByRole("textbox", { name: /^Fact \d+$/ })
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

/** The writer (on `page`) starts a story from the five samples through the API and opens it. */
async function openFiveSampleStory(page: Page, args: { playwright: PlaywrightWorkerArgs["playwright"]; baseURL: string | undefined; address: string }): Promise<string> {
  const created = await storyFromSeedsViaApi<ClientStory>(page, { playwright: args.playwright, baseURL: args.baseURL!, feed: "Workspace path feed", address: args.address });
  const url = `/stories/${created.story.id}`;
  await page.goto(url);
  await expect(fact(page, 1)).toBeEnabled();
  return url;
}

/** The editor opens the same story in a browser of their own. Close the context when done. */
async function editorJoins(browser: Browser, url: string, address: string, baseURL: string | undefined) {
  const { context, page } = await signedIn(browser, "EDITOR", address, baseURL);
  await page.goto(url);
  await expect(fact(page, 1)).toBeEnabled();
  return { context, page };
}

test.describe("the editor's path through the story workspace", () => {
  test("item 1: typing in a fact a colleague deleted is kept, says who deleted it, survives a reload and comes back as a new fact in its place", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(150_000);
    const url = await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.121" });
    const { context: editorContext, page: editor } = await editorJoins(browser, url, "203.0.113.122", baseURL);
    try {
      const before = await factTexts(page);
      // The editor types in Fact 2 while their save is held back (offline); the writer deletes Fact 2 meanwhile.
      await editorContext.setOffline(true);
      const typed = "EDITOR: Kim's train crossed at Khasan before dawn, officials said.";
      await fact(editor, 2).fill(typed);
      await fact(editor, 2).blur();
      await expect(editor.getByRole("status").filter({ hasText: /Offline/ })).toBeVisible();
      await fact(page, 2).click();
      await page.getByRole("button", { name: "Delete Fact 2" }).click();
      await expectSaved(page);
      await expect(fact(page, 2)).toHaveValue(before[2]!);

      await editorContext.setOffline(false);
      const removed = editor.getByRole("alert", { name: "Your text of a removed fact" });
      await expect(removed).toContainText("Wendy Writer deleted this fact while you were typing in it.", { timeout: 15_000 });
      await expect(removed).toContainText(typed);
      // Shown where the fact stood: right after Fact 1.
      const precedingFact = removed.locator("xpath=preceding::textarea[1]");
      await expect(precedingFact).toHaveValue(before[0]!);

      // A reload keeps the typing and who deleted the fact.
      await editor.reload();
      await expect(removed).toContainText("Wendy Writer deleted this fact while you were typing in it.");
      await expect(removed).toContainText(typed);

      await removed.getByRole("button", { name: "Add as new fact here" }).click();
      await expect(removed).toHaveCount(0);
      await expect(fact(editor, 2)).toHaveValue(typed);
      await expect(fact(editor, 2)).toBeFocused();
      await expectSaved(editor);
      await expect(fact(page, 2)).toHaveValue(typed, { timeout: 10_000 });
      await editor.reload();
      await expect(fact(editor, 2)).toHaveValue(typed);
      await expect(removed).toHaveCount(0);
    } finally {
      await editorContext.close();
    }
  });

  test("item 1: Keep mine tells the other editor their change was replaced, by whom, and their text is one click from restored", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(150_000);
    const url = await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.123" });
    const { context: editorContext, page: editor } = await editorJoins(browser, url, "203.0.113.124", baseURL);
    try {
      await editorContext.setOffline(true);
      const editorText = "EDITOR: Kim arrived in Russia for talks with Putin.";
      await fact(editor, 3).fill(editorText);
      await fact(editor, 3).blur();
      await expect(editor.getByRole("status").filter({ hasText: /Offline/ })).toBeVisible();
      const writerText = "WRITER: Kim arrived in Russia ahead of a meeting with Putin.";
      await fact(page, 3).fill(writerText);
      await fact(page, 3).blur();
      await expectSaved(page);

      await editorContext.setOffline(false);
      const conflict = editor.getByRole("alert", { name: "Conflict in Fact 3" });
      await expect(conflict).toContainText(writerText, { timeout: 15_000 });
      await conflict.getByRole("button", { name: "Keep mine" }).click();
      await expectSaved(editor);

      // The writer is told, by name, with their own text one click away.
      await expect(fact(page, 3)).toHaveValue(editorText, { timeout: 10_000 });
      const replaced = page.getByRole("alert", { name: "Your change to Fact 3 was replaced" });
      await expect(replaced).toContainText("Eddie Editor replaced your change to this fact with their own text.");
      await expect(replaced).toContainText(writerText);
      await replaced.getByRole("button", { name: "Restore my text" }).click();
      await expect(replaced).toHaveCount(0);
      await expect(fact(page, 3)).toHaveValue(writerText);
      await expectSaved(page);

      // Restoring replaced the editor's text in turn, and the editor is told so.
      const told = editor.getByRole("alert", { name: "Your change to Fact 3 was replaced" });
      await expect(told).toContainText("Wendy Writer replaced your change to this fact with their own text.", { timeout: 10_000 });
      await page.reload();
      await expect(fact(page, 3)).toHaveValue(writerText);
    } finally {
      await editorContext.close();
    }
  });

  test("item 4: at 1440×900 the five-sample draft shows at least 8 facts on the first screen, headline and title whole", async ({ page, playwright, baseURL }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.125" });
    // Measured once the header is complete (the review status loads after the page).
    await expect(page.getByRole("region", { name: "Review status" }).getByRole("button", { name: "Submit for review" })).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    const tops = await storyPane(page)
      .getByTestId("fact")
      .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(20);
    expect(tops.filter((top) => top < 900).length).toBeGreaterThanOrEqual(8);
    // Each fact's source marks are on screen beside it, in the margin.
    await expect(storyPane(page).getByTestId("fact").first().locator("sup")).toBeVisible();
    await expect(storyPane(page).getByTestId("fact").first().locator("sup")).toContainText("AP");

    // Neither the headline field nor the page title is cut off: no hidden overflow, inside the window.
    for (const element of [page.getByLabel("Headline", { exact: true }), page.getByRole("heading", { level: 1 })]) {
      const box = await element.evaluate((node) => {
        const rect = node.getBoundingClientRect();
        return { right: rect.right, left: rect.left, scrollWidth: node.scrollWidth, clientWidth: node.clientWidth, scrollHeight: node.scrollHeight, clientHeight: node.clientHeight };
      });
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth + 1);
      expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(1440);
    }
    const headline = await page.getByLabel("Headline", { exact: true }).inputValue();
    expect(headline.length).toBeGreaterThan(40);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  });

  test("item 5: Add fact and Add to story insert after the selected fact (else at the end), focus the new fact and announce it", async ({ page, playwright, baseURL }) => {
    test.setTimeout(120_000);
    await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.126" });
    const announcer = page.getByTestId("workspace-announcer");
    await expect(announcer).toHaveAttribute("aria-live", "polite");

    // Every sentence of a fresh draft is used: deleting two single-sourced facts leaves theirs out.
    const leftOut = page.getByRole("list", { name: "Left-out sentences" }).getByRole("listitem");
    for (const n of [2, 4]) {
      await fact(page, n).click();
      await page.getByRole("button", { name: `Delete Fact ${n}` }).click();
      await expectSaved(page);
    }
    await expect(leftOut.nth(1)).toBeVisible();

    // Nothing selected (a deleted fact leaves no selection): a left-out sentence goes to the end of the story.
    const count = (await factTexts(page)).length;
    const firstLeftOut = (await leftOut.first().locator("p.font-serif").textContent())!.trim();
    await leftOut.first().getByRole("button", { name: /^Add to story/ }).click();
    await expect(fact(page, count + 1)).toHaveValue(firstLeftOut);
    await expect(fact(page, count + 1)).toBeFocused();
    await expect(fact(page, count + 1)).toBeInViewport();
    await expect(announcer).toHaveText(`Fact ${count + 1} added after Fact ${count}.`);
    await expectSaved(page);

    // Fact 3 selected: another left-out sentence goes right after it.
    await fact(page, 3).click();
    const nextLeftOut = (await leftOut.first().locator("p.font-serif").textContent())!.trim();
    await leftOut.first().getByRole("button", { name: /^Add to story/ }).click();
    await expect(fact(page, 4)).toHaveValue(nextLeftOut);
    await expect(fact(page, 4)).toBeFocused();
    await expect(fact(page, 4)).toBeInViewport();
    await expect(announcer).toHaveText("Fact 4 added after Fact 3.");
    await expectSaved(page);

    // Own reporting with "Add fact": after the selected Fact 6, though the form is at the story's end.
    await fact(page, 6).click();
    await storyPane(page).getByRole("button", { name: "Add fact", exact: true }).click();
    const form = page.getByRole("form", { name: "Add fact" });
    const own = "The embassy confirmed the arrival by phone.";
    await form.getByLabel("New fact").fill(own);
    await form.getByLabel(/Own reporting note/).fill("Called the embassy press office.");
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await expect(fact(page, 7)).toHaveValue(own);
    await expect(fact(page, 7)).toBeFocused();
    await expect(fact(page, 7)).toBeInViewport();
    await expect(announcer).toHaveText("Fact 7 added after Fact 6.");
    await expectSaved(page);
  });

  test("a fact's source is one click from where it stands in its wire", async ({ page, playwright, baseURL }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.128" });
    await fact(page, 1).click();
    const inspector = page.getByRole("region", { name: "Inspector" });
    const sources = page.getByRole("region", { name: "Sources" });
    // The lede cites AFP's opening sentence; its label in the inspector opens AFP's tab at that sentence.
    const show = inspector.getByRole("list", { name: "Fact sources" }).getByRole("button", { name: /^Show in AFP \d+$/ });
    const tabName = (await show.textContent())!.trim();
    await expect(sources.getByRole("tab", { name: tabName })).toHaveAttribute("aria-selected", "false");
    await show.click();
    await expect(sources.getByRole("tab", { name: tabName })).toHaveAttribute("aria-selected", "true");
    const shown = sources.locator('li[aria-current="location"]');
    await expect(shown).toContainText("NORTH KOREA HAS said that leader Kim Jong Un is to visit Russia");
    await expect(shown).toBeFocused();
    await expect(shown).toBeInViewport();
    // The selected fact's sentences are marked in the wire, as the one shown is.
    await expect(shown).toHaveAttribute("data-in-selected-fact", "true");
  });

  test("a wire that tells a fact with another value is not listed as saying it too", async ({ page, playwright, baseURL }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const created = await storyFromSeedsViaApi<ClientStory>(page, {
      playwright,
      baseURL: baseURL!,
      feed: "Workspace path disputes feed",
      address: "203.0.113.129",
      moreFiles: [FICTIONAL_WIRE],
    });
    await page.goto(`/stories/${created.story.id}`);
    await expect(fact(page, 1)).toBeEnabled();
    const sources = page.getByRole("region", { name: "Sources" });
    // The fictional wire is the sixth given: its train rolls on Wednesday, AP's on Tuesday.
    await sources.getByRole("tab", { name: /^AP 1$/ }).click();
    const rolled = sources.getByRole("listitem").filter({ hasText: "rolled through Russia on an armored train Tuesday" });
    await expect(rolled).toContainText(/Told otherwise in Unattributed 6: Wednesday/);
    await expect(rolled).not.toContainText(/Also in[^·]*Unattributed 6/);
    await sources.getByRole("tab", { name: /^Unattributed 6$/ }).click();
    const fictional = sources.getByRole("listitem").filter({ hasText: "rolled through Russia on an armored train Wednesday" });
    await expect(fictional).toContainText(/Told otherwise in AP 1: Tuesday; AP 3: Tuesday/);
  });

  test("a wire added later that tells a fact with another value is proposed as disputing it; accepted, the fact shows it, and undo takes it back", async ({ page, playwright, baseURL }) => {
    const address = "203.0.113.130";
    const created = await storyFromSeedsViaApi<ClientStory>(page, { playwright, baseURL: baseURL!, feed: "Workspace path late wire feed", address });
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
    const { key } = await createApiKey(admin, "Workspace path late fictional wire");
    const imported = await admin.post("/api/v1/wires", { headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/plain" }, data: fs.readFileSync(FICTIONAL_WIRE) });
    const fictional = ((await imported.json()) as { id: string }).id;
    await admin.dispose();
    expect((await page.request.post(`/api/v1/stories/${created.story.id}/wires`, { data: { wireStoryIds: [fictional] } })).ok()).toBe(true);

    await page.goto(`/stories/${created.story.id}`);
    await expect(fact(page, 1)).toBeEnabled();
    const proposals = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
    const dispute = proposals.filter({ hasText: "Unattributed 6 disputes Fact 1: Wednesday" });
    await expect(dispute).toBeVisible({ timeout: 15_000 });
    // Nothing proposes the disputing sentence as a source of Fact 1, or as a fact of its own.
    await expect(proposals.filter({ hasText: /corroborates Fact 1$/ }).filter({ hasText: "armored train Wednesday" })).toHaveCount(0);
    await expect(proposals.filter({ hasText: /^New fact/ }).filter({ hasText: "armored train Wednesday" })).toHaveCount(0);
    const facts = (await factTexts(page)).length;
    await dispute.getByRole("button", { name: "Mark fact disputed" }).click();
    await expectSaved(page);
    expect((await factTexts(page)).length).toBe(facts);
    await expect(storyPane(page)).toContainText("disputed by Unattributed 6: Wednesday");
    await page.getByRole("button", { name: "Undo" }).click();
    await expectSaved(page);
    await expect(storyPane(page)).not.toContainText("disputed by Unattributed 6");
    await page.getByRole("button", { name: "Redo" }).click();
    await expectSaved(page);
    await expect(storyPane(page)).toContainText("disputed by Unattributed 6: Wednesday");
    await page.reload();
    await expect(fact(page, 1)).toBeEnabled();
    await expect(storyPane(page)).toContainText("disputed by Unattributed 6: Wednesday");
    await expect(proposals.filter({ hasText: "disputes Fact 1" })).toHaveCount(0);
  });

  test("undo and redo outlive a reload of the page", async ({ page, playwright, baseURL }) => {
    const url = await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.131" });
    const before = await fact(page, 2).inputValue();
    await fact(page, 2).fill("Kim's train crossed at Khasan before dawn, officials said.");
    await fact(page, 2).blur();
    await expectSaved(page);
    await page.goto(url);
    await expect(fact(page, 2)).toHaveValue("Kim's train crossed at Khasan before dawn, officials said.");
    await page.getByRole("button", { name: "Undo" }).click();
    await expectSaved(page);
    await expect(fact(page, 2)).toHaveValue(before);
    await page.reload();
    await expect(fact(page, 2)).toHaveValue(before);
    await page.getByRole("button", { name: "Redo" }).click();
    await expectSaved(page);
    await expect(fact(page, 2)).toHaveValue("Kim's train crossed at Khasan before dawn, officials said.");
  });

  test("item 6: focus stays on a moved fact, a skip link leads to the story, and every control of the story is at least 24×24", async ({ page, playwright, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openFiveSampleStory(page, { playwright, baseURL, address: "203.0.113.127" });

    // The skip link is reached from the keyboard and lands in the story; the next Tab is the headline.
    let onSkipLink = false;
    for (let i = 0; i < 25 && !onSkipLink; i++) {
      await page.keyboard.press("Tab");
      onSkipLink = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Skip to the story");
    }
    expect(onSkipLink).toBe(true);
    await expect(page.getByRole("link", { name: "Skip to the story" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(storyPane(page)).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Headline", { exact: true })).toBeFocused();

    // Move up from the keyboard, twice: the focus stays on the moved fact's button each time.
    const third = await fact(page, 3).inputValue();
    await fact(page, 3).focus();
    await page.getByRole("button", { name: "Move up Fact 3" }).focus();
    await page.keyboard.press("Enter");
    await expect(fact(page, 2)).toHaveValue(third);
    await expect(page.getByRole("button", { name: "Move up Fact 2" })).toBeFocused();
    await expectSaved(page);
    await page.keyboard.press("Enter");
    await expect(fact(page, 1)).toHaveValue(third);
    // At the top Move up is disabled, so the focus goes to the fact's text.
    await expect(fact(page, 1)).toBeFocused();
    await expectSaved(page);
    await page.getByRole("button", { name: "Move down Fact 1" }).focus();
    await page.keyboard.press("Enter");
    await expect(fact(page, 2)).toHaveValue(third);
    await expect(page.getByRole("button", { name: "Move down Fact 2" })).toBeFocused();
    await expectSaved(page);

    // With a fact selected (its actions showing), every button and field of the story pane is a 24×24 target.
    const sizes = await storyPane(page)
      .locator("button, input, textarea, select, a[href]")
      .evaluateAll((controls) =>
        controls
          .filter((control) => (control as HTMLElement).offsetParent !== null)
          .map((control) => {
            const rect = control.getBoundingClientRect();
            return { name: control.getAttribute("aria-label") ?? control.textContent?.trim() ?? control.tagName, width: rect.width, height: rect.height };
          }),
      );
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes.filter((size) => size.width < 24 || size.height < 24)).toEqual([]);
  });
});
