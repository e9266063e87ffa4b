import { demoUser, expect, signInAs, signInWithApi, signInWithForm, test } from "./fixtures";

const NAV_BY_ROLE = {
  WRITER: ["Wires", "Events", "Stories", "Published"],
  EDITOR: ["Wires", "Events", "Stories", "Published"],
  PUBLISHER: ["Wires", "Events", "Stories", "Published", "Audit"],
  ADMIN: ["Wires", "Events", "Stories", "Published", "Audit", "Admin"],
} as const;

test.describe("sign-in", () => {
  for (const role of ["WRITER", "EDITOR", "PUBLISHER", "ADMIN"] as const) {
    test(`${role} signs in and sees the shell with their navigation`, async ({ page }) => {
      const user = demoUser(role);
      await signInWithForm(page, user.email, user.password);
      await expect(page).toHaveURL(/\/wires$/);
      await expect(page.getByTestId("current-user")).toContainText(user.name);
      await expect(page.getByTestId("current-user")).toContainText(role);
      const nav = page.getByRole("navigation", { name: "Newsroom" });
      await expect(nav.getByRole("link")).toHaveText([...NAV_BY_ROLE[role]]);
    });
  }

  test("a wrong password gets a generic error and no session", async ({ page }) => {
    await signInWithForm(page, demoUser("EDITOR").email, "definitely-wrong");
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await page.goto("/wires");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fwires/);
  });

  test("an unknown account gets the same error as a wrong password", async ({ page }) => {
    await signInWithForm(page, "nobody-here@factdesk.test", "definitely-wrong");
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  });

  test("five failures in 15 minutes → 429 with a retry time, and the form says when to retry", async ({ page, playwright, baseURL }) => {
    // A fresh account, so locking it out can't lock out the demo users other tests sign in as.
    const email = `locked-${Date.now()}@factdesk.test`;
    const password = "the-right-password-1";
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.250" } });
    await signInWithApi(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
    expect((await admin.post("/api/v1/admin/users", { data: { email, name: "Lou Locked", role: "WRITER", password } })).status()).toBe(201);
    await admin.dispose();

    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await signInWithApi(page.request, email, `wrong-${attempt}`);
      expect(response.status()).toBe(401);
    }
    const limited = await signInWithApi(page.request, email, password);
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });

    await signInWithForm(page, email, password);
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(/Too many failed sign-ins\. Try again in 1[45] minutes\./);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "WRITER");
    await page.goto("/wires");
    await page.getByRole("link", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/logout$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/stories");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstories/);
  });

  test("signed-out visitors of newsroom pages go to sign-in, then back where they were going", async ({ page }) => {
    await page.goto("/published");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpublished/);
    const user = demoUser("EDITOR");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/published$/);
    await expect(page.getByRole("heading", { name: "Published" })).toBeVisible();
  });
});

test.describe("health", () => {
  test("says the database is ok", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("pages carry the security headers", async ({ request }) => {
    const headers = (await request.get("/login")).headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });
});
