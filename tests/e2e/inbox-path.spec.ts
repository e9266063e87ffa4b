import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** Imports plain text as the signed-in person, through the API the inbox's file drop uses. */
async function importText(page: Page, text: string): Promise<{ id: string; outcome: string; version: number }> {
  const response = await page.request.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: text });
  expect([200, 201]).toContain(response.status());
  return (await response.json()) as { id: string; outcome: string; version: number };
}

/** Two wires about one event and a story built from them, as the signed-in person. */
async function storyFromTwoWires(page: Page, stamp: string) {
  const first = await importText(page, `Bridge ${stamp} reopens\n\nPRAGUE (Reuters) — The ${stamp} bridge reopened on Monday after repairs, the city said. Trams crossed it again by noon.`);
  const second = await importText(page, `Bridge ${stamp} open again\n\nPRAGUE (AFP) — The ${stamp} bridge reopened on Monday after repairs, officials said. Traffic was light.`);
  const created = await page.request.post("/api/v1/stories", { data: { wireStoryIds: [first.id, second.id] } });
  expect(created.status()).toBe(201);
  const { storyId } = (await created.json()) as { storyId: string };
  const story = (await (await page.request.get(`/api/v1/stories/${storyId}`)).json()) as { revision: { id: string; contentVersion: number }; document: { headline: string } };
  return { storyId, wireIds: [first.id, second.id], revision: story.revision, headline: story.document.headline };
}

test.describe("the editor's path through the inbox (issue 12)", () => {
  test("item 7: every row has a headline, and the versions of one wire item are one row marked updated", async ({ page }) => {
    await signInAs(page, "WRITER");
    const stamp = `${Date.now()}`;
    // A wire with no headline line is listed by its first sentence, cut at a word.
    await importText(page, `OSLO (Reuters) — The ${stamp} harbour reopened on Friday after a storm that kept every ferry in port for three days, officials said.`);
    // An agency re-sends its story: same headline and dateline, more text.
    const headline = `Dam ${stamp} holds after storm`;
    const v1 = await importText(page, `${headline}\n\nBERGEN (Reuters) — The ${stamp} dam held on Monday after the storm, officials said.`);
    const v2 = await importText(page, `${headline}\n\nBERGEN (Reuters) — The ${stamp} dam held on Monday after the storm, officials said. Engineers will inspect it on Tuesday.`);
    expect([v1.outcome, v2.outcome, v2.version]).toEqual(["created", "new-version", 2]);

    await page.goto(`/wires?q=${stamp}`);
    const table = page.getByRole("table", { name: "Wire stories" });
    await expect(table.getByRole("link", { name: new RegExp(`^The ${stamp} harbour reopened on Friday after a storm that kept every ferry in port…$`) })).toBeVisible();
    const rows = table.getByRole("row").filter({ hasText: headline });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("v2 · updated");
    await expect(page.getByText("(no headline)")).toHaveCount(0);

    // The item's page lists its versions; the earlier one is still there, as it was sent.
    await rows.getByRole("link", { name: headline }).click();
    await expect(page).toHaveURL(new RegExp(`/wires/${v2.id}$`));
    const versions = page.getByRole("list", { name: "Versions" });
    await expect(versions.getByRole("listitem")).toHaveCount(2);
    await versions.getByRole("link", { name: "Version 1", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/wires/${v1.id}$`));
    await expect(page.getByTestId("clean-text")).not.toContainText("Engineers will inspect it");
    await expect(page.getByText("1 (a newer one exists)")).toBeVisible();
  });

  test("item 8: junk is refused with a reason, an unused wire is deleted after a confirmation, a used one says which story holds it", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/wires");
    // An empty paste, then one with no sentence in it.
    await page.getByRole("button", { name: "Import pasted text" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There’s nothing to import yet" })).toHaveText("There’s nothing to import yet: paste a wire story into the box first.");
    await page.getByLabel("Paste wire copy").fill("asdf qwer");
    await page.getByRole("button", { name: "Import pasted text" }).click();
    await expect(page.getByRole("list", { name: "Pasted stories" })).toContainText("No sentence here, so there is no story to import");

    // A wire nobody uses goes, after a confirmation.
    const stamp = `${Date.now()}`;
    const junk = await importText(page, `Test ${stamp} please ignore\n\nLONDON (Reuters) — This ${stamp} test story was sent by mistake, the desk said.`);
    await page.goto(`/wires/${junk.id}`);
    await page.getByRole("button", { name: "Delete wire story" }).click();
    const confirm = page.getByRole("group", { name: "Confirm deletion" });
    await expect(confirm).toContainText(`Delete “Test ${stamp} please ignore” for everyone?`);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Delete wire story" }).click();
    await confirm.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/wires$/);
    expect((await page.request.get(`/wires/${junk.id}`)).status()).toBe(404);

    // A wire a story uses stays, and the page says which story, with the button there but disabled.
    const { wireIds, headline } = await storyFromTwoWires(page, stamp);
    await page.goto(`/wires/${wireIds[0]}`);
    await expect(page.getByRole("button", { name: "Delete wire story" })).toBeDisabled();
    await expect(page.getByText(/Can’t be deleted: the story/)).toContainText(headline);
    const refused = await page.request.delete(`/api/v1/wires/${wireIds[0]}`);
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(`The story “${headline}” uses this wire story, so it cannot be deleted: their facts cite it as a source.`);

    // A writer sees why the button is disabled.
    await signInAs(page, "WRITER");
    await page.goto(`/wires/${wireIds[1]}`);
    await expect(page.getByRole("button", { name: "Delete wire story" })).toBeDisabled();
    await expect(page.getByText("Only editors, publishers and admins may delete wire stories.")).toBeVisible();
  });

  test("item 9: the stories list gives each story's state in words, owner, last editor and time, and sources count", async ({ page }) => {
    await signInAs(page, "WRITER");
    const stamp = `${Date.now()}`;
    const { storyId, revision, headline } = await storyFromTwoWires(page, stamp);
    await page.goto("/stories");
    const item = page.getByRole("list", { name: "Stories" }).getByRole("listitem", { name: headline });
    await expect(item).toContainText("2 sources");
    await expect(item).toContainText("Draft");
    await expect(item).toContainText("Owner Wendy Writer");
    await expect(item).toContainText(/last changed by Wendy Writer, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    // An editor sends it to review: the state and the last editor change, the owner does not.
    await signInAs(page, "EDITOR");
    const submitted = await page.request.post(`/api/v1/stories/${storyId}/revisions/${revision.id}/review`, { data: { transition: "submit", contentVersion: revision.contentVersion } });
    expect(submitted.status()).toBe(200);
    await page.goto("/stories");
    await expect(item).toContainText("In review");
    await expect(item).toContainText("Owner Wendy Writer");
    await expect(item).toContainText("last changed by Eddie Editor");
    await expect(page.getByRole("list", { name: "Stories" })).not.toContainText(/IN_REVIEW|DRAFT|CHANGES_REQUESTED/);
  });
});
