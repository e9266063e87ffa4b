/**
 * Issue 12, "The editor's path holds together": submit from the story, reasons in place of missing
 * actions, publishing and unpublishing, the review page's look, the audit log in words, and the
 * whole path as a writer, an editor and a publisher.
 */
import type { Page } from "@playwright/test";
import { shortHeadline } from "../../lib/domain/audit/describe";
import { expect, signedIn, test } from "./fixtures";
import { approvedForPublisher, approvedStory, expectEveryRefusalExplained, expectPlainWords, publish, readStory, review, writersStory } from "./review-support";

const statusOf = (page: Page) => page.getByRole("region", { name: "Review status" });
const actionsOf = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Actions", level: 2 }) });

test.describe("the editor's path (issue 12)", () => {
  test("item 2: the writer submits from the story; a request for changes opens the story with the summary and open blocking comments", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const story = await writersStory({ page, playwright, baseURL }, "Path feed 2", "203.0.113.121");
    const storyId = story.story.id;
    await page.goto(`/stories/${storyId}`);
    const status = statusOf(page);
    await expect(status).toContainText("State: Draft");
    await expect(status.getByRole("link", { name: "Open review" })).toHaveCount(0);
    await status.getByRole("button", { name: "Submit for review" }).click();
    await expect(status).toContainText("State: In review");
    await expect(status.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
    await expect(status.getByRole("link", { name: "Open review" })).toHaveAttribute("href", `/stories/${storyId}/review`);

    const editor = await signedIn(browser, "EDITOR", "203.0.113.122");
    const fact = story.document.paragraphs[0]!.facts[0]!;
    const revisionId = (await readStory(editor.page, storyId)).revision.id;
    const comment = await editor.page.request.post(`/api/v1/stories/${storyId}/revisions/${revisionId}/comments`, {
      data: { body: "Which agency says this first?", factId: fact.id, blocking: true },
    });
    expect(comment.status(), await comment.text()).toBe(201);
    const summary = `Tighten the second paragraph (${storyId.slice(-6)}).`;
    await review(editor.page, storyId, "requestChanges", summary);
    await editor.context.close();

    await page.goto("/notifications");
    await page.getByRole("link", { name: new RegExp(`Eddie Editor requested changes to .*${summary.replace(/[()]/g, "\\$&")}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/stories/${storyId}$`));
    await expect(statusOf(page)).toContainText("State: Changes requested");
    const requested = page.getByRole("note", { name: "Changes requested" });
    await expect(requested).toContainText(`Eddie Editor requested changes: “${summary}”`);
    await expect(requested.getByRole("list", { name: "Open blocking comments" })).toHaveText("Fact 1 · Eddie Editor: Which agency says this first?");
    await expect(statusOf(page).getByRole("button", { name: "Resubmit for review" })).toBeEnabled();
  });

  test("item 3: an action this user may not take says why, on the review page and in the story's header", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const story = await writersStory({ page, playwright, baseURL }, "Path feed 3", "203.0.113.131");
    const storyId = story.story.id;
    const editor = await signedIn(browser, "EDITOR", "203.0.113.132");
    // The editor edits a fact, so four-eyes keeps them from approving it.
    const fact = (await readStory(editor.page, storyId)).document.paragraphs[0]!.facts[0]!;
    const edited = await editor.page.request.post(`/api/v1/stories/${storyId}/operations`, {
      data: { revisionId: story.revision.id, operations: [{ type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} (edited)` }] },
    });
    expect(edited.status(), await edited.text()).toBe(200);
    await review(page, storyId, "submit");

    await editor.page.goto(`/stories/${storyId}/review`);
    const actions = actionsOf(editor.page);
    await expect(actions.getByRole("button", { name: "Approve" })).toBeDisabled();
    await expect(actions.getByRole("button", { name: "Approve" })).toHaveAccessibleDescription("You edited this revision, so another editor or a publisher must approve it.");
    await expect(actions.getByText("You edited this revision, so another editor or a publisher must approve it.")).toBeVisible();
    await expect(actions.getByRole("button", { name: "Publish" })).toHaveAccessibleDescription("Only publishers and admins may publish stories.");
    await expect(actions.getByRole("button", { name: "Request changes" })).toBeVisible();
    await expectEveryRefusalExplained(editor.page, actions);

    await page.goto(`/stories/${storyId}/review`);
    await expect(actionsOf(page).getByRole("button", { name: "Approve" })).toHaveAccessibleDescription("Only editors, publishers and admins may approve or request changes.");
    await expect(actionsOf(page).getByRole("button", { name: "Publish" })).toHaveAccessibleDescription("Only publishers and admins may publish stories.");
    await expectEveryRefusalExplained(page, actionsOf(page));

    // A publisher may publish, only not yet.
    const publisher = await signedIn(browser, "PUBLISHER", "203.0.113.133");
    await publisher.page.goto(`/stories/${storyId}/review`);
    await expect(actionsOf(publisher.page).getByRole("button", { name: "Publish", exact: true })).toHaveAccessibleDescription(
      "Can't publish a revision that is in review. It has to be approved first.",
    );
    await expect(actionsOf(publisher.page).getByRole("button", { name: "Approve" })).toBeEnabled();
    await publisher.context.close();

    // The editor's own story, seen by the writer: submitting it is not the writer's to do, and the header says so.
    const created = await editor.page.request.post("/api/v1/stories", { data: { wireStoryIds: story.wires.map((wire) => wire.id) } });
    expect(created.status()).toBe(201);
    const { storyId: editorsStory } = (await created.json()) as { storyId: string };
    await editor.context.close();
    await page.goto(`/stories/${editorsStory}`);
    const submit = statusOf(page).getByRole("button", { name: "Submit for review" });
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription("Writers may submit only their own stories for review.");
    await expect(statusOf(page).getByText("Writers may submit only their own stories for review.")).toBeVisible();
  });

  test("item 10: publishing confirms with the public link, the state in words, and what readers see now", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const { story, storyId, publisher } = await approvedForPublisher({ page, browser, playwright, baseURL }, "Path feed 10", ["203.0.113.141", "203.0.113.142", "203.0.113.143"]);
    const p = publisher.page;
    await p.goto(`/stories/${storyId}/review`);
    const revisionStatus = p.locator("dl[aria-label='Revision status']");
    await expect(revisionStatus).toContainText("Nothing: the story is not published.");
    await expect(revisionStatus).toContainText("Approved");
    await expect(p.getByRole("link", { name: "View public page" })).toHaveCount(0);
    await actionsOf(p).getByRole("button", { name: "Publish", exact: true }).click();

    const publicPath = `/p/${story.story.slug}`;
    const confirmation = p.getByRole("status").filter({ hasText: "Published. Readers can read it now at" });
    await expect(confirmation).toBeVisible();
    await expect(confirmation.getByRole("link", { name: publicPath })).toHaveAttribute("href", publicPath);
    await expect(revisionStatus).toContainText("Published");
    await expect(revisionStatus).not.toContainText("Nothing: the story is not published.");
    await expect(revisionStatus).toContainText("Revision 1, published by Pat Publisher on");
    await expect(p.getByRole("navigation", { name: "Review links" }).getByRole("link", { name: "View public page" })).toHaveAttribute("href", publicPath);
    await publisher.context.close();

    // Whenever the story is published, the review page links to it, for everyone.
    await page.goto(`/stories/${storyId}/review`);
    await page.getByRole("navigation", { name: "Review links" }).getByRole("link", { name: "View public page" }).click();
    await expect(page).toHaveURL(new RegExp(`${publicPath}$`));
    await expect(page.getByRole("heading", { name: story.document.headline })).toBeVisible();
  });

  test("item 11: unpublishing is apart from corrections, asks for confirmation showing its effect, and needs a reason", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const { story, storyId, editor } = await approvedStory({ page, browser, playwright, baseURL }, "Path feed 11", ["203.0.113.151", "203.0.113.152"]);
    const publisher = await signedIn(browser, "PUBLISHER", "203.0.113.153");
    await publish(publisher.page, storyId);

    await editor.page.goto(`/stories/${storyId}/review`);
    await expect(actionsOf(editor.page).getByRole("button", { name: "Unpublish…" })).toHaveAccessibleDescription("Only publishers and admins may unpublish stories.");
    await expect(actionsOf(editor.page).getByRole("button", { name: "Publish a correction" })).toHaveAccessibleDescription("Only publishers and admins may publish corrections.");
    await editor.context.close();

    const p = publisher.page;
    const publicPath = `/p/${story.story.slug}`;
    await p.goto(`/stories/${storyId}/review`);
    const correction = p.locator("form").filter({ has: p.getByLabel("Correction note") });
    await expect(correction.getByRole("button", { name: "Publish a correction" })).toBeVisible();
    await expect(correction.getByRole("button", { name: /Unpublish/ })).toHaveCount(0);

    await actionsOf(p).getByRole("button", { name: "Unpublish…" }).click();
    const dialog = p.getByRole("dialog", { name: `Unpublish “${story.document.headline}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`Readers will no longer find it at ${publicPath}`);
    await expect(dialog).toContainText("The published revision stays in the records");
    await expect(dialog.getByRole("button", { name: "Unpublish", exact: true })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await p.request.get(publicPath)).status()).toBe(200);

    await actionsOf(p).getByRole("button", { name: "Unpublish…" }).click();
    await dialog.getByLabel("Reason for unpublishing").fill("Legal asked us to hold it.");
    await dialog.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(p.getByRole("status").filter({ hasText: "Unpublished. Readers no longer see the story" })).toBeVisible();
    await expect(p.locator("dl[aria-label='Revision status']")).toContainText("Unpublished");
    await expect(p.getByRole("navigation", { name: "Review links" }).getByRole("link", { name: "View public page" })).toHaveCount(0);
    await expect(actionsOf(p).getByRole("button", { name: "Start new revision" })).toBeEnabled();
    expect((await p.request.get(publicPath)).status()).toBe(404);

    await p.goto("/audit?action=story.unpublish");
    await expect(p.getByRole("table", { name: "Audit entries" }).getByRole("row").nth(1)).toContainText(`Pat Publisher unpublished revision 1 of “${shortHeadline(story.document.headline)}”`);
    await publisher.context.close();
  });

  test("item 12: the review page is built from the shared components, in the neutral palette", async ({ page, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const story = await writersStory({ page, playwright, baseURL }, "Path feed 12", "203.0.113.161");
    await page.goto(`/stories/${story.story.id}/review`);
    await expect(page.getByRole("heading", { level: 1, name: "Review of revision 1" })).toBeVisible();
    // PageHeader's title and description.
    await expect(page.getByRole("heading", { level: 1 })).toHaveClass(/tracking-tight/);
    await expect(page.getByText(story.document.headline, { exact: true }).first()).toBeVisible();
    // Every button of the actions is the shared Button (or SMALL_BUTTON), and nothing uses the gray palette.
    for (const button of await actionsOf(page).getByRole("button").all()) await expect(button).toHaveClass(/rounded-md/);
    expect(await page.locator("[class*='gray-']").count()).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath("review-page.png"), fullPage: true });
  });

  test("item 13: the audit log says who did what to which story, with the raw record behind a disclosure", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const { story, storyId, publisher } = await approvedForPublisher({ page, browser, playwright, baseURL }, "Path feed 13", ["203.0.113.171", "203.0.113.172", "203.0.113.173"]);
    const p = publisher.page;
    await p.goto("/audit?actor=editor%40factdesk.test&action=story.approve");
    const row = p.getByRole("table", { name: "Audit entries" }).getByRole("row").nth(1);
    const line = `Eddie Editor approved revision 1 of “${shortHeadline(story.document.headline)}”`;
    await expect(row).toContainText(line);
    await expect(row.getByRole("link", { name: line })).toHaveAttribute("href", `/stories/${storyId}`);
    const raw = row.locator("details pre");
    await expect(raw).toBeHidden();
    await row.getByText("Raw record").click();
    await expect(raw).toBeVisible();
    await expect(raw).toContainText('"action": "story.approve"');
    await expect(raw).toContainText('"to": "APPROVED"');
    // The action filter reads in words.
    await expect(p.getByRole("search", { name: "Filter the audit log" }).locator("select[name='action'] option:checked")).toHaveText("Approved");
    await publisher.context.close();
  });

  test("the whole path as a writer, an editor and a publisher: no raw state code, no '(no headline)', no action gone without a reason", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(240_000);
    const story = await writersStory({ page, playwright, baseURL }, "Path feed whole", "203.0.113.181");
    const storyId = story.story.id;
    const headline = story.document.headline;

    // The writer submits from the story.
    await page.goto(`/stories/${storyId}`);
    await expect(statusOf(page)).toContainText("State: Draft");
    await expectPlainWords(page);
    await statusOf(page).getByRole("button", { name: "Submit for review" }).click();
    await expect(statusOf(page)).toContainText("State: In review");
    await expectPlainWords(page);
    await statusOf(page).getByRole("link", { name: "Open review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Review of revision 1" })).toBeVisible();
    await expectPlainWords(page);
    await expectEveryRefusalExplained(page, actionsOf(page));

    // The editor finds the request, comments (blocking) and requests changes.
    const editor = await signedIn(browser, "EDITOR", "203.0.113.182");
    const e = editor.page;
    await e.goto("/notifications");
    await expectPlainWords(e);
    await e.getByRole("link", { name: `Wendy Writer asks for a review of “${headline}”.` }).first().click();
    await expect(e).toHaveURL(new RegExp(`/stories/${storyId}/review$`));
    await expectPlainWords(e);
    await expectEveryRefusalExplained(e, actionsOf(e));
    const firstFact = e.getByRole("list", { name: "Facts" }).getByRole("listitem").first();
    await firstFact.getByRole("button", { name: "Comment" }).click();
    const form = e.getByRole("form", { name: "New comment" });
    await form.getByLabel("Comment", { exact: true }).fill("Which agency says this first?");
    await form.getByLabel(/^Blocking/).check();
    await form.getByRole("button", { name: "Add comment" }).click();
    await expect(e.getByRole("list", { name: "Comment threads" })).toContainText("Which agency says this first?");
    await e.getByLabel("Summary").fill("Name the agency in the first fact.");
    await e.getByRole("button", { name: "Request changes" }).click();
    await expect(e.locator("dl[aria-label='Revision status']")).toContainText("Changes requested");
    await expectPlainWords(e);
    await expectEveryRefusalExplained(e, actionsOf(e));

    // The writer reads the request in the story, answers, and resubmits once the editor resolved the comment.
    await page.goto("/notifications");
    await expectPlainWords(page);
    await page.getByRole("link", { name: /Eddie Editor requested changes to .*Name the agency in the first fact\./ }).first().click();
    await expect(page.getByRole("note", { name: "Changes requested" })).toContainText("Which agency says this first?");
    await expectPlainWords(page);
    await e.reload();
    await e.getByRole("list", { name: "Comment threads" }).getByRole("listitem").first().getByRole("button", { name: "Resolve" }).click();
    await expect(e.getByRole("list", { name: "Comment threads" }).getByRole("listitem")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("note", { name: "Changes requested" })).not.toContainText("blocking comment");
    await statusOf(page).getByRole("button", { name: "Resubmit for review" }).click();
    await expect(statusOf(page)).toContainText("State: In review");
    await expectPlainWords(page);

    // The editor approves; the approval leaves a reason in the button's place.
    await e.reload();
    await actionsOf(e).getByRole("button", { name: "Approve" }).click();
    await expect(actionsOf(e).getByRole("button", { name: "Approve" })).toHaveAccessibleDescription("You have already approved this revision as it is.");
    await expect(e.locator("dl[aria-label='Revision status']")).toContainText("Approved");
    await expectPlainWords(e);
    await expectEveryRefusalExplained(e, actionsOf(e));
    await editor.context.close();

    // The publisher publishes, reads the public page and the audit log.
    const publisher = await signedIn(browser, "PUBLISHER", "203.0.113.183");
    const p = publisher.page;
    await p.goto(`/stories/${storyId}`);
    await expect(statusOf(p)).toContainText("State: Approved");
    await expectPlainWords(p);
    await statusOf(p).getByRole("link", { name: "Open review" }).click();
    await expect(p.getByRole("list", { name: "Publish checklist" })).not.toContainText("✗");
    await expectPlainWords(p);
    await actionsOf(p).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(p.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    await expectPlainWords(p);
    await expectEveryRefusalExplained(p, actionsOf(p));
    await p.getByRole("status").filter({ hasText: "Published." }).getByRole("link").click();
    await expect(p.getByRole("heading", { name: headline })).toBeVisible();
    await expectPlainWords(p);
    await p.goto(`/audit?actor=factdesk.test`);
    await expect(p.getByRole("table", { name: "Audit entries" })).toContainText(`Pat Publisher published revision 1 of “${shortHeadline(headline)}”`);
    await expectPlainWords(p);
    await publisher.context.close();

    // The writer's story says it is published, and links to it.
    await page.goto(`/stories/${storyId}`);
    await expect(statusOf(page)).toContainText("State: Published");
    await expect(statusOf(page).getByRole("link", { name: "View public page" })).toHaveAttribute("href", `/p/${story.story.slug}`);
    await expectPlainWords(page);
  });
});
