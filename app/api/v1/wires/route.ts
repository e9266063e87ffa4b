import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { MAX_INPUT_BYTES } from "@/lib/domain/wire";
import { authenticateApiKey } from "@/lib/server/api-keys";
import { getCurrentUser } from "@/lib/server/auth";
import { assertCan } from "@/lib/server/authorize";
import { assertSameOrigin, toErrorResponse, withErrors } from "@/lib/server/http";
import { listWireItemsPage } from "@/lib/server/queries/wires";
import { ZWireListQuery } from "@/lib/schemas/wires";
import { readBodyBytes } from "@/lib/server/read-body";
import { importWireStory, type ImportSource } from "@/lib/server/services/import-wire-story";

/**
 * POST /api/v1/wires — import one wire story. Feeds authenticate with an API key
 * (`Authorization: Bearer <key>`); the newsroom's upload form uses the signed-in session.
 * 201 with the new story, 200 with the existing one for content imported before.
 */
export async function POST(request: Request) {
  try {
    const source = await importSource(request);
    const contentType = request.headers.get("content-type") ?? undefined;
    if (!contentType) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send a Content-Type: text/plain, application/json (ninjs) or application/xml (NewsML-G2/NITF).");
    }
    const bytes = await readBodyBytes(request, MAX_INPUT_BYTES);
    const filename = decodeHeader(request.headers.get("x-filename"));
    const feed = decodeHeader(request.headers.get("x-wire-source"));
    const result = await importWireStory({ source, upload: { bytes, contentType, filename, feed } });
    return NextResponse.json(
      { ...result.story, outcome: result.outcome },
      { status: result.outcome === "duplicate" ? 200 : 201 },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * GET /api/v1/wires?q=&agency=&from=&to=&limit=&cursor= — the latest version of each wire item,
 * newest first: `{items: [{id, headline, agency, version, status, receivedAt}], nextCursor}`.
 * For feeds (API key) and the signed-in newsroom alike.
 */
export const GET = withErrors(async (request: Request) => {
  if (request.headers.has("authorization")) await authenticateApiKey(request);
  else {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API key as `Authorization: Bearer <key>`.");
    assertCan(user, "wire.read");
  }
  const query = ZWireListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listWireItemsPage(query));
});

async function importSource(request: Request): Promise<ImportSource> {
  if (request.headers.has("authorization")) {
    const apiKey = await authenticateApiKey(request);
    return { kind: "api-key", apiKeyId: apiKey.id };
  }
  assertSameOrigin(request);
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Send an API key as `Authorization: Bearer <key>`.");
  return { kind: "user", user };
}

function decodeHeader(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 255);
  } catch {
    return value.slice(0, 255);
  }
}
