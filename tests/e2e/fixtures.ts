import fs from "node:fs";
import { test as base, expect, type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { seedFiles } from "../../scripts/lib/shared-folder";

export { seedFiles };

export type DemoRole = (typeof DEMO_USERS)[number]["role"];

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}

let addressCounter = 0;

/**
 * Each test signs in from its own client address (X-Forwarded-For, as a proxy would set it),
 * so the per-address sign-in limit that one test trips can't lock out the next.
 */
export const test = base.extend<{ clientAddress: string }>({
  clientAddress: async ({}, use, testInfo) => {
    addressCounter += 1;
    await use(`198.51.100.${(testInfo.workerIndex * 50 + addressCounter) % 250}`);
  },
  context: async ({ context, clientAddress }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress });
    await use(context);
  },
});

export { expect };

/** Signs in through the form, as a person does. */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through next-auth's API (faster, for tests about what comes after sign-in). */
export async function signInWithApi(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });
  return response;
}

export async function signInAs(page: Page, role: DemoRole) {
  const user = demoUser(role);
  const response = await signInWithApi(page.request, user.email, user.password);
  expect(response.ok()).toBe(true);
  return user;
}

/**
 * A second person in a browser context of their own, signed in from another address (the
 * sign-in limit is per address). Close the context when done.
 */
export async function signedIn(browser: Browser, role: DemoRole, address: string, baseURL?: string) {
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await signInAs(page, role);
  return { context, page };
}

/** Creates an API key as the demo admin, through the admin API. */
export async function createApiKey(request: APIRequestContext, name = "E2E feed"): Promise<{ id: string; key: string }> {
  const admin = demoUser("ADMIN");
  await signInWithApi(request, admin.email, admin.password);
  const response = await request.post("/api/v1/admin/api-keys", { data: { name } });
  expect(response.status()).toBe(201);
  const { apiKey } = (await response.json()) as { apiKey: { id: string; key: string } };
  return apiKey;
}

/**
 * Imports the seeds (and `moreFiles`) through the API (with a key named `feed`, from the client address `address`)
 * and has the writer start a story from them; answers the story as the workspace API returns it.
 */
export async function storyFromSeedsViaApi<Story>(
  page: Page,
  {
    playwright,
    baseURL,
    feed,
    address,
    moreFiles = [],
  }: { playwright: PlaywrightWorkerArgs["playwright"]; baseURL: string; feed: string; address: string; moreFiles?: string[] },
): Promise<Story> {
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  const { key } = await createApiKey(admin, feed);
  const ids: string[] = [];
  for (const file of [...seedFiles(), ...moreFiles]) {
    const response = await admin.post("/api/v1/wires", { headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/plain" }, data: fs.readFileSync(file) });
    ids.push(((await response.json()) as { id: string }).id);
  }
  await admin.dispose();
  await signInAs(page, "WRITER");
  const created = await page.request.post("/api/v1/stories", { data: { wireStoryIds: ids } });
  expect(created.status()).toBe(201);
  const { storyId } = (await created.json()) as { storyId: string };
  return (await (await page.request.get(`/api/v1/stories/${storyId}`)).json()) as Story;
}

/** Drops the five seeds in the wire inbox and selects them, as a person does, up to "Consolidate 5 stories". */
export async function selectSeedsInInbox(page: Page) {
  await page.goto("/wires");
  await page.getByLabel("Files").setInputFiles(seedFiles());
  await expect(page.getByRole("list", { name: "File imports" }).getByRole("listitem").filter({ hasText: /Imported|Already imported/ })).toHaveCount(5);
  await page.reload();
  const table = page.getByRole("table", { name: "Wire stories" });
  // Two seeds have a headline; the three without one are listed by their first sentence.
  for (const name of [
    /North Korea’s leader is in Russia/,
    /en route to Russia in armoured train/,
    /Kim Jong Un arrived in Russia ahead of an expected meeting/,
    /Kim Jong Un arrived in Russia on Tuesday for a meeting/,
    /Kim Jong Un rolled into Russia on an armoured train Tuesday/,
  ]) {
    await table.getByRole("row", { name }).first().getByRole("checkbox").check();
  }
  await expect(page.getByRole("button", { name: "Consolidate 5 stories" })).toBeEnabled();
}
