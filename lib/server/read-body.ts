import "server-only";
import { AppError } from "@/lib/domain/errors";

/**
 * Reads a request's (or a fetched response's) body as bytes, refusing it (413) as soon as it
 * passes `limit`, so an oversized upload or download is never held in memory whole.
 */
export async function readBodyBytes(request: Pick<Request, "body" | "headers">, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredSize(request, limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** 413 for a body declared larger than `limit`, before anything is read or looked up. */
export function assertDeclaredSize(request: Pick<Request, "headers">, limit: number): void {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit);
}

function bodyTooLarge(limit: number) {
  const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than the ${size} limit.`);
}
