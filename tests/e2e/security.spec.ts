import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { demoUser, expect, signInAs, signInWithApi, test } from "./fixtures";

/** Serves one attacker page on another port of the same host: same-site, so the browser sends the app's cookies. */
async function attackerSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

test.describe("cross-site requests", () => {
  test("an admin's cookie does not let a same-site page of another port create an account", async ({ page, baseURL }) => {
    await signInAs(page, "ADMIN");
    const email = `csrf-${Date.now()}@factdesk.test`;
    const body = JSON.stringify({ email, name: "Mallory", role: "ADMIN", password: "mallory-password-1" });
    const { url, server } = await attackerSite(`<!doctype html><script>
      fetch(${JSON.stringify(`${baseURL}/api/v1/admin/users`)}, { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "Content-Type": "text/plain" }, body: ${JSON.stringify(body)} })
        .then(() => { document.title = "sent"; }, () => { document.title = "sent"; });
    </script>`);
    try {
      await page.goto(url);
      await expect(page).toHaveTitle("sent");
    } finally {
      server.close();
    }
    const users = (await (await page.request.get("/api/v1/admin/users")).json()) as { users: { email: string }[] };
    expect(users.users.map((user) => user.email)).not.toContain(email);
  });

  test("cookie-authenticated mutations need the app's own Origin and a JSON body", async ({ page, baseURL }) => {
    await signInAs(page, "ADMIN");
    const data = (email: string) => JSON.stringify({ email, name: "Someone", role: "WRITER", password: "someone-password-1" });
    const foreign = await page.request.post("/api/v1/admin/users", {
      headers: { Origin: "http://127.0.0.1:3299", "Content-Type": "application/json" },
      data: data(`foreign-${Date.now()}@factdesk.test`),
    });
    expect(foreign.status()).toBe(403);
    const sameSite = await page.request.post("/api/v1/admin/users", {
      headers: { "Sec-Fetch-Site": "same-site", "Content-Type": "application/json" },
      data: data(`same-site-${Date.now()}@factdesk.test`),
    });
    expect(sameSite.status()).toBe(403);
    const plain = await page.request.post("/api/v1/admin/users", {
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
      data: data(`plain-${Date.now()}@factdesk.test`),
    });
    expect(plain.status()).toBe(415);
    expect(await plain.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    const own = await page.request.post("/api/v1/admin/users", {
      headers: { Origin: baseURL!, "Content-Type": "application/json" },
      data: data(`own-${Date.now()}@factdesk.test`),
    });
    expect(own.status()).toBe(201);
  });
});

test.describe("request sizes", () => {
  test("JSON routes refuse bodies over 1 MB and the sign-in form over 16 KB with 413", async ({ page }) => {
    await signInAs(page, "EDITOR");
    const huge = JSON.stringify({ body: "x".repeat(2 * 1024 * 1024) });
    for (const path of ["/api/v1/stories/any/revisions/any/comments", "/api/v1/stories/any/operations", "/api/v1/stories/any/presence"]) {
      const response = await page.request.post(path, { headers: { "Content-Type": "application/json" }, data: huge });
      expect(response.status(), path).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    }
    const signIn = await page.request.post("/api/auth/callback/credentials", { form: { email: "x@factdesk.test", password: "p".repeat(100 * 1024) } });
    expect(signIn.status()).toBe(413);
  });
});

test.describe("after sign-in", () => {
  test("a callback that leads to another host lands on the app instead", async ({ page, baseURL }) => {
    const user = demoUser("EDITOR");
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/\\evil.example/x")}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(page.url()).toMatch(/\/wires$/);
  });

  test("a session cookie kept from before sign-out no longer works", async ({ page, browser, clientAddress }) => {
    await signInAs(page, "WRITER");
    const cookies = await page.context().cookies();
    expect((await page.request.get("/api/v1/stories/no-such-story")).status()).toBe(404);
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, json: "true" } });

    const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    await replay.addCookies(cookies);
    expect((await replay.request.get("/api/v1/stories/no-such-story")).status()).toBe(401);
    await replay.close();
    // Signing in again gives a working session.
    expect((await signInWithApi(page.request, demoUser("WRITER").email, demoUser("WRITER").password)).ok()).toBe(true);
    expect((await page.request.get("/api/v1/stories/no-such-story")).status()).toBe(404);
  });
});

test.describe("open event streams", () => {
  test("end once their user is deactivated", async ({ playwright, baseURL, clientAddress }) => {
    test.setTimeout(90_000);
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    await signInWithApi(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
    const email = `streamer-${Date.now()}@factdesk.test`;
    const password = "streamer-password-1";
    const created = await admin.post("/api/v1/admin/users", { data: { email, name: "Sam Streamer", role: "WRITER", password } });
    expect(created.status()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    const { key } = (await (await admin.post("/api/v1/admin/api-keys", { data: { name: `stream-${Date.now()}` } })).json()).apiKey as { key: string };
    const wire = await admin.post("/api/v1/wires", {
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/plain" },
      data: `Stream test ${Date.now()}\n\nLONDON (AP) — A wire story for the stream test arrived on ${new Date().toUTCString()}. It has a second sentence.`,
    });
    const { id: wireId } = (await wire.json()) as { id: string };

    const writer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    expect((await signInWithApi(writer, email, password)).ok()).toBe(true);
    const story = await writer.post("/api/v1/stories", { data: { wireStoryIds: [wireId] } });
    expect(story.status()).toBe(201);
    const { storyId } = (await story.json()) as { storyId: string };

    // The request resolves only when the server ends the stream.
    const started = Date.now();
    const stream = writer.get(`/api/v1/stories/${storyId}/events`, { timeout: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await admin.patch(`/api/v1/admin/users/${user.id}`, { data: { active: false } })).status()).toBe(200);
    const ended = await stream;
    const seconds = (Date.now() - started) / 1000;
    console.log(`event stream ended ${seconds.toFixed(1)} s after it opened, the user deactivated after 1 s`);
    expect(ended.status()).toBe(200);
    expect(seconds).toBeLessThan(30);
    expect((await writer.get(`/api/v1/stories/${storyId}/events`)).status()).toBe(401);
    await admin.dispose();
    await writer.dispose();
  });
});
