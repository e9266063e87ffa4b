import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { isJsonContentType, isSameOriginRequest } from "@/lib/domain/http";
import { appUrl, trustedProxyHops } from "@/lib/env";
import type { TApiError } from "@/lib/schemas/errors";
import { getCurrentUser, type CurrentUser } from "./auth";
import { describeError } from "./errors";
import { assertDeclaredSize, readBodyBytes } from "./read-body";

/** JSON bodies of the API: none needs more (wire imports have their own, larger limit). */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * 308 to a path on this site. The Location is relative (RFC 9110 allows it), so a forged Host
 * header cannot send readers, or a cache keyed on the path, to another site.
 */
export function permanentRedirect(pathAndQuery: string): Response {
  return new Response(null, { status: 308, headers: { Location: pathAndQuery } });
}

export function errorResponse(code: string, message: string, status: number, headers?: HeadersInit) {
  const body: TApiError = { error: { code, message } };
  return NextResponse.json(body, { status, headers });
}

/** The API's error contract, `{"error": {"code", "message"}}`, for whatever a route throws (see describeError). */
export function toErrorResponse(error: unknown) {
  const reply = describeError(error, "API route");
  return errorResponse(reply.code, reply.message, reply.status, reply.headers);
}

/** A story's data as JSON; 404 "No such story." when the query found none. */
export function storyJson<T>(data: T | null | undefined): NextResponse<T> {
  if (data === null || data === undefined) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json<T>(data);
}

type RouteContext<P> = { params: Promise<P> };

/** Any route: what it throws becomes the JSON error shape (a database that is away: 503). */
export function withErrors<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a cookie-authenticated request that changes something unless the app's own pages sent
 * it (see isSameOriginRequest). Requests with an API key carry no cookie a browser adds by
 * itself, so they are not checked.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const ownHosts: string[] = [];
  const host = trustedProxyHops() > 0 ? (request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host")) : request.headers.get("host");
  if (host) ownHosts.push(host);
  const configured = appUrl();
  if (configured) ownHosts.push(configured.host);
  const sameOrigin = isSameOriginRequest({ origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site"), ownHosts });
  if (!sameOrigin) throw new AppError("FORBIDDEN", "This request did not come from Factdesk's own pages, so it was refused.");
}

/**
 * An API route for signed-in users (session cookie): foreign origins refused, bodies over
 * `maxBodyBytes` refused, 401 when signed out, errors mapped.
 */
export function withUser<P = Record<string, never>>(
  handler: (request: Request, user: CurrentUser, params: P) => Promise<Response>,
  { maxBodyBytes = MAX_JSON_BYTES }: { maxBodyBytes?: number } = {},
) {
  return withErrors(async (request: Request, context: RouteContext<P>) => {
    assertSameOrigin(request);
    assertDeclaredSize(request, maxBodyBytes);
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    return handler(request, user, await context.params);
  });
}

/**
 * Reads a JSON body: 415 unless sent as application/json (a form or text/plain body is what a
 * cross-site page can send without asking), 413 past `limit` before more is read, 400 when not JSON.
 */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json.");
  }
  const bytes = await readBodyBytes(request, limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be JSON.");
  }
}
