import { expect, seedFiles, signInAs, test } from "./fixtures";

test.describe("consolidating wire stories", () => {
  test("a writer selects the five seeds, consolidates them, and reads one story whose facts carry their sources", async ({ page }) => {
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    await page.getByLabel("Files").setInputFiles(seedFiles());
    await expect(page.getByRole("list", { name: "File imports" }).getByRole("listitem").filter({ hasText: /Imported|Already imported/ })).toHaveCount(5);
    await page.reload();
    const table = page.getByRole("table", { name: "Wire stories" });
    for (const name of [/North Korea’s leader is in Russia/, /en route to Russia in armoured train/]) {
      await table.getByRole("row", { name }).getByRole("checkbox").check();
    }
    // The three seeds without a headline.
    const untitled = table.getByRole("row").filter({ hasText: "(no headline)" }).filter({ hasText: /SEOUL, South Korea|Seoul|—/ });
    for (const row of (await untitled.all()).slice(0, 3)) await row.getByRole("checkbox").check();
    await expect(page.getByRole("button", { name: "Consolidate 5 stories" })).toBeEnabled();
    await page.getByRole("button", { name: "Consolidate 5 stories" }).click();

    await expect(page.getByRole("list", { name: "Chosen wire stories" }).getByRole("listitem")).toHaveCount(5);
    await page.getByRole("button", { name: "Create consolidated story" }).click();
    await expect(page).toHaveURL(/\/stories\/[a-z0-9]+$/);
    // The story page is the workspace: facts are editable fields in the "Story" pane, wires are tabs in "Sources".
    const story = page.getByRole("region", { name: "Story" });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Kim|Putin|North Korea/);
    expect(await story.getByTestId("fact").count()).toBeGreaterThan(20);
    await expect(story.getByRole("textbox", { name: "Fact 1", exact: true })).toHaveValue(/rolled/);
    await expect(story.getByTestId("fact").first().locator("sup")).toContainText("AP");
    await expect(story).toContainText(/Compiled from .*AP.* and .*AFP.* reports/);
    await expect(page.getByRole("region", { name: "Sources" }).getByRole("tab")).toHaveCount(5);

    await page.goto("/stories");
    await expect(page.getByRole("list", { name: "Stories" }).getByRole("listitem").first()).toContainText("DRAFT");
  });
});
