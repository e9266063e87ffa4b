/** What a server action answers: its data, or a message the form shows. */
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | { ok: false; error: string };

export type ImportOutcome = "created" | "duplicate" | "new-version";

/** One imported wire story, as the API and the inbox report it. */
export interface ImportResult {
  outcome: ImportOutcome;
  /** `headline` as the agency wrote it (null when none), `title` what lists call it, `version` of its wire item. */
  story: { id: string; headline: string | null; title: string; agency: string | null; sentences: number; version: number };
}

/** One story of a paste: imported, or why not. */
export type PasteItemResult = { index: number; ok: true; result: ImportResult } | { index: number; ok: false; error: string };
