import "server-only";
import { AppError } from "@/lib/domain/errors";
import { readBodyBytes } from "../read-body";

export const FEED_TIMEOUT_MS = 15_000;
export const FEED_SIZE_LIMIT = 5 * 1024 * 1024;

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetch = { status: "not-modified" } | ({ status: "fetched"; bytes: Uint8Array; contentType: string | null } & FeedValidators);

/**
 * One conditional GET of a feed: If-None-Match / If-Modified-Since from the last fetch, so an
 * unchanged feed costs a 304; a timeout over the whole exchange and a size cap while reading, so
 * one slow or huge feed cannot hold a worker. Failures throw an AppError whose message says
 * what went wrong in words (it becomes the channel's last error).
 */
export async function fetchFeed(url: string, validators: FeedValidators, options: { timeoutMs?: number; sizeLimit?: number } = {}): Promise<FeedFetch> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1", "user-agent": "Factdesk channel poller" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { headers, signal, redirect: "follow" });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: "not-modified" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError("UNPROCESSABLE", `The feed answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`);
    }
    const bytes = await readBodyBytes(response, options.sizeLimit ?? FEED_SIZE_LIMIT);
    return { status: "fetched", bytes, contentType: response.headers.get("content-type"), etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  } catch (error) {
    throw describeFetchError(error, url, timeoutMs, options.sizeLimit ?? FEED_SIZE_LIMIT, signal);
  }
}

function describeFetchError(error: unknown, url: string, timeoutMs: number, sizeLimit: number, signal: AbortSignal): AppError {
  if (signal.aborted) return new AppError("UNPROCESSABLE", `The feed did not answer within ${timeoutMs / 1000} seconds.`);
  if (error instanceof AppError) {
    if (error.code === "PAYLOAD_TOO_LARGE") return new AppError("UNPROCESSABLE", `The feed is larger than ${sizeLimit / 1024 / 1024} MB; nothing was imported from it.`);
    return error;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : null;
  const host = new URL(url).host;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new AppError("UNPROCESSABLE", `No server is known by the name ${host}.`);
  if (code === "ECONNREFUSED") return new AppError("UNPROCESSABLE", `${host} refused the connection.`);
  if (code === "ECONNRESET") return new AppError("UNPROCESSABLE", `${host} closed the connection before answering.`);
  return new AppError("UNPROCESSABLE", `Could not fetch the feed from ${host}: ${cause instanceof Error ? cause.message : String(cause)}.`);
}
