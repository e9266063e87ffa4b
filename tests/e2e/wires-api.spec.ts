import { createApiKey, expect, test } from "./fixtures";

const storyText = (tag: string) => `Flood warning ${tag}\n\nDHAKA (AFP) — Authorities issued a flood warning for ${tag} on Sunday, officials said. Rivers rose by two metres.`;

test.describe("POST /api/v1/wires", () => {
  test("imports with an API key: 201, then 200 with the same id for the same content", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const { key } = await createApiKey(admin, "Wire API test");
    const feed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
    const tag = `t${Date.now()}`;
    const created = await feed.post("/api/v1/wires", { headers: { "Content-Type": "text/plain", "X-Wire-Source": "afp-world" }, data: storyText(tag) });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ headline: `Flood warning ${tag}`, agency: "AFP", sentences: 2 });
    expect(typeof body.id).toBe("string");
    const again = await feed.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: storyText(tag) });
    expect(again.status()).toBe(200);
    expect((await again.json()).id).toBe(body.id);

    await admin.dispose();
    await feed.dispose();
  });

  test("imports ninjs JSON and NewsML-G2 XML", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const { key } = await createApiKey(admin, "Formats test");
    const feed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
    const tag = Date.now();
    const ninjs = await feed.post("/api/v1/wires", {
      headers: { "Content-Type": "application/json" },
      data: JSON.stringify({ uri: `urn:e2e:${tag}`, version: "1", type: "text", headline: `Talks resume ${tag}`, body_html: "<p>GENEVA (Reuters) - Talks resumed on Monday.</p><p>Delegates met for three hours.</p>" }),
    });
    expect(ninjs.status()).toBe(201);
    expect(await ninjs.json()).toMatchObject({ headline: `Talks resume ${tag}`, sentences: 2 });
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:e2e:g2:${tag}" version="1" standard="NewsML-G2" standardversion="2.29">
  <contentMeta><headline>Rail strike ends ${tag}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
    <p>BERLIN (dpa) - The rail strike ended on Wednesday.</p><p>Trains ran again by the evening.</p>
  </body.content></body></nitf></inlineXML></contentSet>
</newsItem>`;
    const g2 = await feed.post("/api/v1/wires", { headers: { "Content-Type": "application/xml" }, data: xml });
    expect(g2.status()).toBe(201);
    expect(await g2.json()).toMatchObject({ headline: `Rail strike ends ${tag}`, sentences: 2 });
    await admin.dispose();
    await feed.dispose();
  });

  test("every kind of bad input gets a clear JSON error and stores nothing", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const { id, key } = await createApiKey(admin, "Errors test");
    const feed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
    type Answer = { status: number; body: { error: { code: string; message: string } } };
    const post = async (contentType: string, data: string | Buffer): Promise<Answer> => {
      const response = await feed.post("/api/v1/wires", { headers: { "Content-Type": contentType }, data });
      return { status: response.status(), body: await response.json() };
    };
    // Playwright always adds a Content-Type; fetch sends none for raw bytes.
    const postWithoutType = async (data: Uint8Array): Promise<Answer> => {
      const response = await fetch(`${baseURL}/api/v1/wires`, { method: "POST", headers: { Authorization: `Bearer ${key}` }, body: new Blob([new Uint8Array(data)]) });
      return { status: response.status, body: await response.json() };
    };
    const cases: Array<[string, Promise<Answer>, number, string]> = [
      ["empty", post("text/plain", ""), 400, "INVALID_INPUT"],
      ["whitespace", post("text/plain", "  \n\t \n"), 400, "INVALID_INPUT"],
      ["binary", post("text/plain", Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x9f, 0x92, 0x96])), 400, "INVALID_INPUT"],
      ["invalid UTF-8", post("text/plain", Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x20, 0xff, 0x21, 0x20, 0x41, 0x42])), 400, "INVALID_INPUT"],
      ["over 2 MB", post("text/plain", Buffer.alloc(2 * 1024 * 1024 + 10, 0x41)), 413, "PAYLOAD_TOO_LARGE"],
      ["malformed JSON", post("application/json", '{"headline": "x", "body_text": "y"'), 422, "UNPROCESSABLE"],
      ["JSON that is not ninjs", post("application/json", '{"hello": "world"}'), 422, "UNPROCESSABLE"],
      ["malformed XML", post("application/xml", "<nitf><body><p>unclosed</body>"), 422, "UNPROCESSABLE"],
      ["unknown XML", post("application/xml", '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>'), 422, "UNPROCESSABLE"],
      ["unsupported content type", post("application/pdf", "%PDF-1.4"), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["no content type", postWithoutType(new TextEncoder().encode(storyText("notype"))), 415, "UNSUPPORTED_MEDIA_TYPE"],
    ];
    for (const [label, pending, status, code] of cases) {
      const { status: actual, body } = await pending;
      expect(actual, label).toBe(status);
      expect(body.error.code, label).toBe(code);
      expect(body.error.message.length, label).toBeGreaterThan(10);
    }

    for (const [label, xml] of [
      ["external entity", '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>'],
      ["entity expansion", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><nitf><body><body.content><p>&lol2;</p></body.content></body></nitf>'],
    ] as const) {
      const { status, body } = await post("application/xml", xml);
      expect([400, 422], label).toContain(status);
      expect(body.error.message, label).toMatch(/entit/i);
      expect(JSON.stringify(body), label).not.toContain("root:");
    }

    const revoke = await admin.delete(`/api/v1/admin/api-keys/${id}`);
    expect(revoke.status()).toBe(200);
    const revoked = await post("text/plain", storyText(`revoked${Date.now()}`));
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/);
    await admin.dispose();
    await feed.dispose();
  });

  test("refuses a missing or unknown API key", async ({ request }) => {
    const missing = await request.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: storyText("nokey") });
    expect(missing.status()).toBe(401);
    expect((await missing.json()).error.code).toBe("UNAUTHENTICATED");
    const unknown = await request.post("/api/v1/wires", { headers: { "Content-Type": "text/plain", Authorization: "Bearer fdk_not-a-real-key" }, data: storyText("badkey") });
    expect(unknown.status()).toBe(401);
  });

  test("API keys are managed by admins only", async ({ page }) => {
    const { signInAs } = await import("./fixtures");
    await signInAs(page, "PUBLISHER");
    const response = await page.request.post("/api/v1/admin/api-keys", { data: { name: "Sneaky" } });
    expect(response.status()).toBe(403);
  });

  test("DELETE /api/v1/wires/<id>: an API key deletes what it sent; others are refused with a reason", async ({ playwright, baseURL, page }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const { key } = await createApiKey(admin, "Delete test");
    const feed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
    const sent = await feed.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: storyText(`del${Date.now()}`) });
    const { id } = (await sent.json()) as { id: string };

    const { signInAs } = await import("./fixtures");
    await signInAs(page, "WRITER");
    const writerTry = await page.request.delete(`/api/v1/wires/${id}`);
    expect(writerTry.status()).toBe(403);
    expect((await writerTry.json()).error.message).toBe("Only editors, publishers and admins may delete wire stories.");
    const signedOut = await playwright.request.newContext({ baseURL });
    expect((await signedOut.delete(`/api/v1/wires/${id}`)).status()).toBe(401);

    // A wire the key did not send is not the key's to delete.
    const byHand = await page.request.post("/api/v1/wires", { headers: { "Content-Type": "text/plain" }, data: storyText(`hand${Date.now()}`) });
    const other = await feed.delete(`/api/v1/wires/${((await byHand.json()) as { id: string }).id}`);
    expect(other.status()).toBe(403);
    expect((await other.json()).error.message).toMatch(/only the wire stories it sent/);

    const deleted = await feed.delete(`/api/v1/wires/${id}`);
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true, id });
    expect((await feed.delete(`/api/v1/wires/${id}`)).status()).toBe(404);
    await Promise.all([admin.dispose(), feed.dispose(), signedOut.dispose()]);
  });
});
