/**
 * The workspace's calls to the stories API. Network failures are reported as a value, not
 * thrown, because the save queue treats them differently from refusals: it keeps the
 * operations and retries, where a refusal (4xx) will never succeed as sent.
 */
import type { SourceRef, StoryOperation } from "@/lib/domain/story";
import type { Proposal } from "@/lib/domain/story/proposals";
import { apiErrorMessage } from "@/lib/schemas/errors";
import type { FactHistoryResponse, OperationsResponse, ProposalsResponse, WorkspaceData } from "@/lib/schemas/workspace";
import type { WorkspaceServer } from "./story-snapshot";

export type SubmitOutcome =
  | { kind: "response"; response: OperationsResponse }
  | { kind: "refused"; status: number; message: string }
  | { kind: "network" };

function storyUrl(storyId: string, rest = ""): string {
  return `/api/v1/stories/${encodeURIComponent(storyId)}${rest}`;
}

export async function fetchWorkspace(storyId: string): Promise<WorkspaceData | null> {
  try {
    const response = await fetch(storyUrl(storyId), { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return (await response.json()) as WorkspaceData;
  } catch {
    return null;
  }
}

export async function submitOperations(storyId: string, revisionId: string, operations: StoryOperation[]): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetch(storyUrl(storyId, "/operations"), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ revisionId, operations }),
    });
  } catch {
    return { kind: "network" };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy error page or a cut-off body: the server may be restarting, so try again later.
    return response.status >= 500 || response.status === 0 ? { kind: "network" } : { kind: "refused", status: response.status, message: `The server answered ${response.status}.` };
  }
  if (response.status === 200 || response.status === 409) return { kind: "response", response: body as OperationsResponse };
  if (response.status >= 500) return { kind: "network" };
  return { kind: "refused", status: response.status, message: apiErrorMessage(body, `The server refused the change (${response.status}).`) };
}

export function sendPresence(storyId: string, factId: string | null): void {
  // Fire and forget: presence is a hint, and the next heartbeat repairs a lost one.
  fetch(storyUrl(storyId, "/presence"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ factId }),
    keepalive: true,
  }).catch(() => undefined);
}

export function eventsUrl(storyId: string): string {
  return storyUrl(storyId, "/events");
}

/** A fact's history, or null when it could not be fetched (offline, or the story is gone). */
export async function fetchFactHistory(storyId: string, factId: string): Promise<FactHistoryResponse | null> {
  try {
    const response = await fetch(storyUrl(storyId, `/facts/${encodeURIComponent(factId)}/history`), { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return (await response.json()) as FactHistoryResponse;
  } catch {
    return null;
  }
}

/** What the wires added to a story offer it (see lib/domain/story/proposals); null when it could not be fetched. */
export async function fetchProposals(storyId: string): Promise<Proposal[] | null> {
  try {
    const response = await fetch(storyUrl(storyId, "/proposals"), { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return ((await response.json()) as ProposalsResponse).proposals;
  } catch {
    return null;
  }
}

/** Dismisses a proposal's wire sentences, so they are not offered again; false when it failed. */
export async function dismissProposalSources(storyId: string, sources: readonly SourceRef[]): Promise<boolean> {
  try {
    for (const source of sources) {
      const response = await fetch(storyUrl(storyId, "/proposals/dismiss"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ wireStoryId: source.wireStoryId, start: source.start, end: source.end }),
      });
      if (!response.ok) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The store's view of the server for one story, over HTTP. */
export function httpWorkspaceServer(storyId: string): WorkspaceServer {
  return {
    submitOperations: (revisionId, operations) => submitOperations(storyId, revisionId, operations),
    fetchWorkspace: () => fetchWorkspace(storyId),
  };
}
