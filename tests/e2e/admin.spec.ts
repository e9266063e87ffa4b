import { randomUUID } from "node:crypto";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

test.describe("admin", () => {
  test("an admin creates a user, who can then sign in with the new role", async ({ page, browser, clientAddress }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/admin");
    const email = `new-${randomUUID().slice(0, 8)}@factdesk.test`;
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Name").fill("Nora Newcomer");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("EDITOR");
    await form.getByLabel("Initial password").fill("newcomer-password-1");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${email}. They can sign in now.`);
    await expect(page.getByTestId(`user-${email}`)).toContainText("Nora Newcomer");

    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    const newcomer = await other.newPage();
    await signInWithForm(newcomer, email, "newcomer-password-1");
    await expect(newcomer.getByTestId("current-user")).toContainText("Nora Newcomer EDITOR");
    await other.close();
  });

  test("a duplicate email is refused with a clear message", async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/admin");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Name").fill("Copy Cat");
    await form.getByLabel("Email").fill("writer@factdesk.test");
    await form.getByLabel("Initial password").fill("copycat-password-1");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("alert")).toHaveText("A user with the email writer@factdesk.test already exists.");
  });

  test("a role change and a deactivation take effect on the user's next request", async ({ page, browser, clientAddress }) => {
    const email = `temp-${randomUUID().slice(0, 8)}@factdesk.test`;
    await signInAs(page, "ADMIN");
    const created = await page.request.post("/api/v1/admin/users", {
      data: { email, name: "Tess Temporary", role: "WRITER", password: "temporary-password-1" },
    });
    expect(created.status()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };

    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    const tess = await other.newPage();
    await signInWithForm(tess, email, "temporary-password-1");
    await expect(tess.getByTestId("current-user")).toContainText("WRITER");

    await page.goto("/admin");
    await page.getByLabel("Role of Tess Temporary").selectOption("ADMIN");
    await expect(page.getByTestId(`user-${email}`).getByRole("status")).toHaveText("Role changed to ADMIN.");
    await tess.reload();
    await expect(tess.getByTestId("current-user")).toContainText("ADMIN");
    await expect(tess.getByRole("link", { name: "Admin" })).toBeVisible();

    await page.getByRole("button", { name: "Deactivate Tess Temporary" }).click();
    await expect(page.getByTestId(`user-${email}`)).toContainText("Deactivated");
    await tess.goto("/stories");
    await expect(tess).toHaveURL(/\/login/);
    const api = await tess.request.get(`/api/v1/admin/users`);
    expect(api.status()).toBe(401);
    expect(user.id).toBeTruthy();
    await other.close();
  });

  for (const role of ["WRITER", "EDITOR", "PUBLISHER"] as const) {
    test(`a ${role} is refused the admin page (403) and the admin API`, async ({ page }) => {
      await signInAs(page, role);
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "403 — Not allowed" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

      const list = await page.request.get("/api/v1/admin/users");
      expect(list.status()).toBe(403);
      expect(await list.json()).toEqual({ error: { code: "FORBIDDEN", message: "You do not have permission to do that." } });
      const create = await page.request.post("/api/v1/admin/users", {
        data: { email: `sneaky-${role.toLowerCase()}@factdesk.test`, name: "Sneaky", role: "ADMIN", password: "sneaky-password-1" },
      });
      expect(create.status()).toBe(403);
      const promote = await page.request.patch("/api/v1/admin/users/anyone", { data: { role: "ADMIN" } });
      expect(promote.status()).toBe(403);
    });
  }

  test("the admin API refuses signed-out callers", async ({ request }) => {
    const response = await request.get("/api/v1/admin/users");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } });
  });
});

test.describe("audit log", () => {
  test("publishers and admins read it, filtered; writers and editors get 403", async ({ page, browser, clientAddress }) => {
    await signInAs(page, "ADMIN");
    const email = `audited-${randomUUID().slice(0, 8)}@factdesk.test`;
    await page.request.post("/api/v1/admin/users", { data: { email, name: "Audie Audited", role: "WRITER", password: "audited-password-1" } });
    await page.goto("/audit");
    await page.getByLabel("Action").selectOption("user.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=user.create/);
    const rows = page.getByRole("table", { name: "Audit entries" }).getByRole("row");
    await expect(rows.filter({ hasText: email })).toHaveCount(1);
    for (const row of (await rows.all()).slice(1)) await expect(row).toContainText("user.create");

    for (const role of ["WRITER", "EDITOR"] as const) {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
      const other = await context.newPage();
      await signInAs(other, role);
      expect((await other.goto("/audit"))?.status()).toBe(403);
      await context.close();
    }
  });
});
