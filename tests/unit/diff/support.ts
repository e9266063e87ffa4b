import type { WordDiff } from "@/lib/domain/diff";

/** One-line word-diff expectations: `[eq("Kim "), del("Tuesday"), ins("Wednesday")]`. */
export const eq = (text: string): WordDiff[number] => ({ op: "equal", text });
export const del = (text: string): WordDiff[number] => ({ op: "delete", text });
export const ins = (text: string): WordDiff[number] => ({ op: "insert", text });
