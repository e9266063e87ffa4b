import { expect, storyFromSeedsViaApi, signedIn, test } from "./fixtures";
import { clearChecklist, type ClientStory } from "./review-support";

test.describe("story review", () => {
  test("submit, request changes, resubmit, approve, publish, read in public", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const created = await storyFromSeedsViaApi<ClientStory>(page, { playwright, baseURL: baseURL!, feed: "Review test feed", address: "203.0.113.211" });
    const storyId = created.story.id;
    const writer = (await (await page.request.get(`/api/v1/stories/${storyId}/review`)).json()) as { story: { ownerId: string; slug: string } };
    const story = await clearChecklist(page, storyId, writer.story.ownerId);
    const headline = story.document.headline;

    // The writer submits.
    await page.goto(`/stories/${storyId}/review`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Review of revision 1");
    await expect(page.getByRole("link", { name: "Back to the story workspace" })).toHaveAttribute("href", `/stories/${storyId}`);
    await expect(page.getByRole("link", { name: "View public page" })).toHaveCount(0);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);

    // The editor requests changes.
    const editor = await signedIn(browser, "EDITOR", "203.0.113.212");
    await editor.page.goto(`/stories/${storyId}/review`);
    await expect(editor.page.getByRole("checkbox", { name: "Changes only" })).toBeVisible();

    // … after a blocking comment on words of the first fact, which mentions the writer.
    const firstFact = editor.page.getByRole("list", { name: "Facts" }).getByRole("listitem").first();
    const quote = await firstFact.locator("[data-fact-text]").evaluate((element) => {
      const text = element.textContent!;
      const words = text.split(" ").slice(0, 4).join(" ");
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(words.length, node.textContent!.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    await firstFact.getByRole("button", { name: "Comment" }).click();
    const form = editor.page.getByRole("form", { name: "New comment" });
    await expect(form.getByLabel("Words in the fact (optional)")).toHaveValue(quote.trim());
    await expect(form.getByLabel("Comment", { exact: true })).toBeFocused();
    await form.getByLabel("Comment", { exact: true }).fill("@Wendy Writer which agency says this first?");
    await form.getByLabel(/^Blocking/).check();
    await form.getByRole("button", { name: "Add comment" }).click();
    const thread = editor.page.getByRole("list", { name: "Comment threads" }).getByRole("listitem", { name: /^Comment by Eddie Editor on Fact 1/ });
    await expect(thread).toContainText("which agency says this first?");
    await expect(thread.locator("blockquote")).toHaveText(quote.trim());
    await expect(editor.page.getByRole("list", { name: "Publish checklist" })).toContainText("✗ Failed: No open blocking comment");

    await editor.page.getByLabel("Summary").fill("Tighten the second paragraph.");
    await editor.page.getByRole("button", { name: "Request changes" }).click();
    await expect(editor.page.getByRole("list", { name: "Decisions" })).toContainText("Tighten the second paragraph.");

    // The writer, told of the mention, answers the comment; a blocking comment is not the writer's
    // to resolve, so the editor resolves it; then the writer resubmits.
    await page.goto("/notifications");
    await expect(page.getByRole("main")).toContainText("Eddie Editor mentioned you");
    await page.goto(`/stories/${storyId}/review`);
    const writerThread = page.getByRole("list", { name: "Comment threads" }).getByRole("listitem", { name: /^Comment by Eddie Editor/ });
    await writerThread.getByRole("button", { name: "Reply" }).click();
    await writerThread.getByLabel("Reply to Eddie Editor").fill("AP, checked against both AP versions.");
    await writerThread.getByRole("button", { name: "Send reply" }).click();
    await expect(writerThread.getByRole("list", { name: "Replies" })).toContainText("Wendy Writer: AP, checked against both AP versions.");
    await expect(writerThread.getByRole("button", { name: "Resolve" })).toHaveCount(0);
    await editor.page.reload();
    const editorThread = editor.page.getByRole("list", { name: "Comment threads" }).getByRole("listitem", { name: /^Comment by Eddie Editor/ });
    await expect(editorThread.getByRole("list", { name: "Replies" })).toContainText("Wendy Writer: AP, checked against both AP versions.");
    await editorThread.getByRole("button", { name: "Resolve" }).click();
    await expect(editor.page.getByRole("list", { name: "Comment threads" }).getByRole("listitem")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("list", { name: "Comment threads" }).getByRole("listitem")).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Publish checklist" }).getByRole("listitem").filter({ hasText: "No open blocking comment" })).toContainText("Passed");
    await page.getByRole("button", { name: "Resubmit" }).click();
    await expect(page.getByRole("button", { name: "Resubmit" })).toHaveCount(0);

    // The editor approves.
    await editor.page.reload();
    await editor.page.getByRole("button", { name: "Approve" }).click();
    await expect(editor.page.getByRole("list", { name: "Decisions" })).toContainText("approved");
    await editor.context.close();

    // The writer can't publish, and is told why.
    await page.reload();
    await expect(page.getByRole("list", { name: "Publish checklist" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveAccessibleDescription("Only publishers and admins may publish stories.");

    // The publisher sees every check passed and publishes.
    const publisher = await signedIn(browser, "PUBLISHER", "203.0.113.213");
    await publisher.page.goto(`/stories/${storyId}/review`);
    const checklist = publisher.page.getByRole("list", { name: "Publish checklist" });
    await expect(checklist.getByRole("listitem")).toHaveCount(6);
    await expect(checklist).not.toContainText("✗");
    await publisher.page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(publisher.page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await publisher.context.close();

    // A signed-out reader reads it.
    const reader = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.214" } });
    const readerPage = await reader.newPage();
    await readerPage.goto(`/p/${writer.story.slug}`);
    await expect(readerPage.getByRole("heading", { name: headline })).toBeVisible();
    await reader.close();
  });
});
