import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";

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

/** The five sample stories: ../shared/seeds beside the repository, else the copy in prisma/seed-data. */
export function seedFiles(): string[] {
  const dir = [path.resolve("..", "shared", "seeds"), path.resolve("prisma", "seed-data")].find((candidate) => fs.existsSync(candidate))!;
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => path.join(dir, name));
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
