import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

async function importText(page: Page, text: string): Promise<string> {
  const response = await page.request.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: text });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A made-up name of letters only, new on every run, so these wires make events of their own. */
function freshName(seed: number): string {
  let name = "";
  for (let rest = seed; rest > 0; rest = Math.floor(rest / 26)) name += String.fromCharCode(97 + (rest % 26));
  return name[0]!.toUpperCase() + name.slice(1, 9);
}

test.describe("events in the inbox (issue 14)", () => {
  test("wires of two events arrive as two events; an editor splits one off and consolidates the other", async ({ page }) => {
    await signInAs(page, "EDITOR");
    const town = freshName(Date.now());
    const mayor = freshName(Date.now() * 7 + 3);
    const port = freshName(Date.now() * 13 + 5);
    const union = freshName(Date.now() * 17 + 11);
    const floodTitle = `Floods cut off ${town} as river bursts its banks`;
    await importText(page, `${floodTitle}\n\n${town.toUpperCase()} (AP) — The river burst its banks in ${town} on Monday, forcing 800 families from their homes, mayor ${mayor} said. Rescue teams reached ${town} by boat.`);
    await importText(page, `${town} evacuates 800 families after floods\n\n${town.toUpperCase()} (AFP) — Some 800 families were evacuated from ${town} on Monday when the river burst its banks, mayor ${mayor} told reporters. Schools in ${town} were closed.`);
    const strikeTitle = `Dockers at ${port} end nine-day strike`;
    await importText(page, `${strikeTitle}\n\n${port.toUpperCase()} (Reuters) — Dock workers in ${port} ended a nine-day strike on Thursday after a pay deal, union leader ${union} said. Ships began to unload at ${port}.`);
    await importText(page, `${port} strike over after pay deal\n\n${port.toUpperCase()} (dpa) — The strike at the port of ${port} ended on Thursday after nine days, said ${union} of the dockers' union. Ships waiting off ${port} came in.`);

    await page.goto("/events");
    const events = page.getByRole("table", { name: "Events" });
    const floodRow = events.getByRole("row").filter({ hasText: town });
    const strikeRow = events.getByRole("row").filter({ hasText: port });
    await expect(floodRow).toHaveCount(1);
    await expect(strikeRow).toHaveCount(1);
    await expect(floodRow).toContainText("AFP, AP");
    await expect(floodRow).toContainText("not opened yet");
    await expect(strikeRow.getByRole("cell").nth(1)).toHaveText("2");

    // Open the flood event: its two wires; split the AFP one off into an event of its own.
    await floodRow.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(town);
    const wires = page.getByRole("table", { name: "Wires of this event" });
    await expect(wires.getByRole("row")).toHaveCount(3);
    await page.getByRole("checkbox", { name: `Split off “${town} evacuates 800 families after floods”` }).check();
    await page.getByRole("button", { name: "Split ticked wires into a new event" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${town} evacuates 800 families after floods`);
    await expect(page.getByRole("table", { name: "Wires of this event" }).getByRole("row")).toHaveCount(2);
    await expect(page.getByText(/moved here by/)).toBeVisible();

    // Merge it back into the first flood event: one flood event again, with both wires.
    await page.goto("/events");
    await page.getByRole("table", { name: "Events" }).getByRole("link", { name: floodTitle }).click();
    await page.getByRole("combobox", { name: "Event to merge into this one" }).selectOption({ label: `${town} evacuates 800 families after floods (1)` });
    await page.getByRole("button", { name: "Merge into this event" }).click();
    await expect(page.getByRole("table", { name: "Wires of this event" }).getByRole("row")).toHaveCount(3);

    // Consolidate the strike event: a story drafted from its two wires.
    await page.goto("/events");
    await page.getByRole("table", { name: "Events" }).getByRole("row").filter({ hasText: port }).getByRole("link").click();
    await page.getByRole("button", { name: "Consolidate this event" }).click();
    await expect(page).toHaveURL(/\/stories\/[^/]+$/);
    await expect(page.getByText(port).first()).toBeVisible();
  });
});
