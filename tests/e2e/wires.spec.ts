import path from "node:path";
import { expect, seedFiles, signInAs, test } from "./fixtures";

test.describe("wire inbox", () => {
  test("a writer drops the five seed files and sees them in the inbox, with their metadata", async ({ page }) => {
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    await page.getByLabel("Files").setInputFiles(seedFiles());
    const results = page.getByRole("list", { name: "File imports" }).getByRole("listitem");
    await expect(results).toHaveCount(5);
    for (const file of seedFiles()) {
      await expect(results.filter({ hasText: path.basename(file) })).toContainText(/Imported|Already imported/);
    }

    // Other tests share this database and may have brought a seed in first, so who imported
    // each one is checked on a story of this test's own below, not here.
    await page.reload();
    const table = page.getByRole("table", { name: "Wire stories" });
    const ap = table.getByRole("row", { name: /North Korea’s leader is in Russia to meet Putin/ });
    await expect(ap).toContainText("AP");
    await expect(ap).toContainText("SEOUL, South Korea");
    const afp = table.getByRole("row", { name: /en route to Russia in armoured train/ });
    await expect(afp).toContainText("AFP");
    // A seed without a headline line is listed by its first sentence, with its dateline and date.
    const untitled = table.getByRole("row", { name: /Kim Jong Un rolled into Russia on an armoured train/ }).first();
    await expect(untitled).toContainText("Seoul");
    await expect(untitled).toContainText("2023-09-12");

    // Dropping them again finds every one already there.
    await page.getByLabel("Files").setInputFiles(seedFiles());
    await expect(page.getByRole("list", { name: "File imports" }).getByRole("listitem").filter({ hasText: "Already imported" })).toHaveCount(5);
  });

  test("search and filters narrow the inbox", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/wires");
    await page.getByLabel("Files").setInputFiles(seedFiles());
    await expect(page.getByRole("list", { name: "File imports" }).getByRole("listitem").filter({ hasText: /Imported|Already imported/ })).toHaveCount(5);
    await page.goto("/wires?q=Vostochny%20spaceport");
    const rows = page.getByRole("table", { name: "Wire stories" }).getByRole("row");
    await expect(rows.filter({ hasText: "North Korea’s leader is in Russia" })).toHaveCount(1);
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Agency").selectOption("AFP");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/agency=AFP/);
    await expect(rows.filter({ hasText: "en route to Russia in armoured train" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "North Korea’s leader is in Russia" })).toHaveCount(0);
    for (const row of (await rows.all()).slice(1)) await expect(row.getByRole("cell").nth(2)).toHaveText("AFP");
  });

  test("the story view shows the cleaned text beside the original, and a removed part can be restored", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/wires");
    await page.getByLabel("Paste wire copy").fill(
      `Harbour reopens after storm ${Date.now()}\n\nOSLO (Reuters) — The harbour reopened on Friday after the storm, port officials said.\n\nSubscribe Now Choose a package that suits your preferences.\n\nShips began to unload on Saturday.`,
    );
    await page.getByRole("button", { name: "Import pasted text" }).click();
    await page.getByRole("list", { name: "Pasted stories" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Harbour reopens after storm");
    const clean = page.getByTestId("clean-text");
    await expect(clean).toContainText("The harbour reopened on Friday after the storm, port officials said.");
    await expect(clean).not.toContainText("Subscribe Now");
    await expect(page.getByTestId("original-text")).toContainText("Subscribe Now");
    await page.getByRole("button", { name: /^Restore subscription prompt/ }).click();
    await expect(clean).toContainText("Subscribe Now Choose a package");
    await page.getByRole("button", { name: /^Remove again subscription prompt/ }).click();
    await expect(clean).not.toContainText("Subscribe Now");
  });

  test("several pasted stories separated by --- are imported one by one; HTML stays inert text", async ({ page }) => {
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    const stamp = Date.now();
    await page.getByLabel("Paste wire copy").fill(
      [
        `Bridge opens ${stamp}\n\nPARIS (AFP) — The new bridge opened on Monday <script>window.__pwned = true</script> to traffic.`,
        "   ",
        `Dam repaired ${stamp}\n\nROME (AP) — Engineers repaired the dam <b>overnight</b>, the ministry said.`,
      ].join("\n---\n"),
    );
    await page.getByRole("button", { name: "Import pasted text" }).click();
    const items = page.getByRole("list", { name: "Pasted stories" }).getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(`imported — Bridge opens ${stamp}`);
    await expect(items.nth(1)).toContainText(`imported — Dam repaired ${stamp}`);
    await items.nth(0).getByRole("link").click();
    await expect(page.getByTestId("clean-text")).toContainText("<script>window.__pwned = true</script>");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });

  test("a bad file gets its error beside it and does not stop the others", async ({ page }) => {
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    const headline = `Volcano erupts ${Date.now()}`;
    await page.getByLabel("Files").setInputFiles([
      { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"headline": "Broken", "body_text": ') },
      { name: "good.txt", mimeType: "text/plain", buffer: Buffer.from(`${headline}\n\nREYKJAVIK (Reuters) — A volcano erupted on Iceland's Reykjanes peninsula on Monday, the met office said.`) },
      { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("  \n") },
    ]);
    const results = page.getByRole("list", { name: "File imports" }).getByRole("listitem");
    await expect(results.filter({ hasText: "broken.json" })).toContainText(/JSON/i);
    await expect(results.filter({ hasText: "good.txt" })).toContainText("Imported — Volcano erupts");
    await expect(results.filter({ hasText: "empty.txt" })).toContainText(/empty/i);

    await page.reload();
    const row = page.getByRole("table", { name: "Wire stories" }).getByRole("row", { name: new RegExp(headline) });
    await expect(row).toContainText("Reuters");
    await expect(row).toContainText("REYKJAVIK");
    await expect(row).toContainText("Wendy Writer");
    await expect(page.getByRole("table", { name: "Wire stories" }).getByRole("row", { name: /Broken/ })).toHaveCount(0);
  });
});
