import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import { MAX_JSON_BYTES, readJson } from "@/lib/server/http";

/** A body sent in chunks with no Content-Length, as a client streaming a huge upload does. */
function streamedRequest(totalBytes: number, onChunk: () => void): Request {
  const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024 - 2)}"`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      onChunk();
      controller.enqueue(chunk);
    },
  });
  return new Request("http://localhost/api/v1/x", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("JSON request bodies", () => {
  it("refuses a streamed body past the limit without reading the rest", async () => {
    let chunksRead = 0;
    const refused = await errorOf(readJson(streamedRequest(100 * 1024 * 1024, () => chunksRead++)));
    expect(refused).toEqual({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    // 1 MB in 64 KB chunks, plus the stream's read-ahead: nowhere near the 1,600 chunks sent in full.
    expect(chunksRead).toBeLessThan(MAX_JSON_BYTES / (64 * 1024) + 4);
  });

  it("refuses a body declared too large before reading it, and anything not sent as JSON", async () => {
    const declared = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) }, body: "{}" });
    expect(await errorOf(readJson(declared))).toEqual({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    const text = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ email: "x@y.z" }) });
    expect(await errorOf(readJson(text))).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 });
  });

  it("reads JSON sent as JSON", async () => {
    const request = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: '{"a":1}' });
    expect(await readJson(request)).toEqual({ a: 1 });
  });
});
