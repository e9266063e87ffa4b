import { expect, selectSeedsInInbox, signInAs, test } from "./fixtures";

test.describe("consolidating wire stories", () => {
  test("a writer selects the five seeds, consolidates them, and reads one story whose facts carry their sources", async ({ page }) => {
    await signInAs(page, "WRITER");
    await selectSeedsInInbox(page);
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
    await expect(story).toContainText(/Compiled from AP, AFP and other reports/);
    await expect(page.getByRole("region", { name: "Sources" }).getByRole("tab")).toHaveCount(5);

    // In the sources, a sentence that other wires state too says which, and shares its tint
    // (its fact group) with them; "Show Fact N" takes the editor to the fact that cites it.
    const sources = page.getByRole("region", { name: "Sources" });
    const lede = sources.getByRole("list", { name: "Sentences" }).getByRole("listitem").filter({ hasText: "rolled through Russia" });
    await expect(lede).toContainText(/Also in .*AP 3/);
    const group = await lede.getAttribute("data-fact-group");
    expect(group).not.toBeNull();
    await sources.getByRole("tab", { name: "AP 3" }).click();
    await expect(sources.getByRole("list", { name: "Sentences" }).locator(`li[data-fact-group="${group}"]`)).toHaveCount(1);
    await sources.getByRole("tab", { name: "AP 1" }).click();
    await lede.getByRole("button", { name: /^Show Fact 1:/ }).click();
    await expect(page.getByRole("region", { name: "Inspector" }).getByRole("heading", { level: 2 })).toHaveText("Inspector: Fact 1");
    await expect(story.getByRole("textbox", { name: "Fact 1", exact: true })).toBeFocused();

    // How long the workspace of this story takes to open, from navigation until every fact is on
    // screen: printed, not asserted (the target is under a second on the demo).
    const storyUrl = page.url();
    const facts = await story.getByTestId("fact").count();
    const started = Date.now();
    await page.goto(storyUrl);
    await expect(story.getByTestId("fact")).toHaveCount(facts);
    await expect(story.getByRole("textbox", { name: `Fact ${facts}`, exact: true })).toBeVisible();
    const opened = Date.now() - started;
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { response: Math.round(navigation?.responseEnd ?? NaN), domContentLoaded: Math.round(navigation?.domContentLoadedEventEnd ?? NaN) };
    });
    console.log(`story workspace with 5 sources and ${facts} facts opened in ${opened} ms (server response ${timing.response} ms, DOM ready ${timing.domContentLoaded} ms)`);

    await page.goto("/stories");
    await expect(page.getByRole("list", { name: "Stories" }).getByRole("listitem").first()).toContainText("Draft");
  });
});
