import type { Role } from "@/lib/domain/policy";
import type { StoryDocument, StoryFact } from "@/lib/domain/story/types";
import { publishChecklist, type Approval, type RevisionFacts, type TransitionName, type TransitionRequest } from "@/lib/domain/workflow";

export const writer = { id: "writer-1", role: "WRITER" as Role };
export const editor = { id: "editor-1", role: "EDITOR" as Role };
export const editor2 = { id: "editor-2", role: "EDITOR" as Role };
export const publisher = { id: "publisher-1", role: "PUBLISHER" as Role };
export const admin = { id: "admin-1", role: "ADMIN" as Role };

export function fact(id: string, overrides: Partial<StoryFact> = {}): StoryFact {
  return {
    id,
    text: `Fact ${id}.`,
    sources: [{ wireStoryId: "ap-1", start: 0, end: 10 }],
    ownReportingNote: null,
    discrepancies: [],
    version: 1,
    ...overrides,
  };
}

export function document(facts: StoryFact[] = [fact("f1"), fact("f2")], overrides: Partial<StoryDocument> = {}): StoryDocument {
  return { headline: "Kim arrives in Russia", standfirst: "By train.", dateline: "SEOUL", metaVersion: 1, paragraphs: [{ id: "p1", facts }], ...overrides };
}

export function revision(overrides: Partial<RevisionFacts> = {}): RevisionFacts {
  return { state: "IN_REVIEW", ownerId: writer.id, contentVersion: 5, editorIds: [writer.id], ...overrides };
}

/** A passing checklist for `approvals` on `rev`, as the server would build it at publish time. */
export function passingChecklist(rev: RevisionFacts, approvals: readonly Approval[], requiredApprovals = 1) {
  return publishChecklist({
    document: document(),
    comments: [],
    withdrawnFactIds: [],
    approvals,
    requiredApprovals,
    contentVersion: rev.contentVersion,
    creditLine: "By A. Writer",
    ownerId: rev.ownerId,
    editorIds: rev.editorIds,
  });
}

export function request(
  transition: TransitionName,
  actor: TransitionRequest["actor"],
  rev: RevisionFacts,
  extra: Partial<Omit<TransitionRequest, "transition" | "actor" | "revision">> = {},
): TransitionRequest {
  const approvals = extra.approvals ?? [];
  const requiredApprovals = extra.requiredApprovals ?? 1;
  return {
    transition,
    actor,
    revision: rev,
    approvals,
    requiredApprovals,
    checklist: passingChecklist(rev, approvals, requiredApprovals),
    ...extra,
  };
}
