/**
 * What an agency says about a version of its wire item: whether it may be used (publication
 * status) and what kind of version it is — an update, a correction, a withholding or a kill —
 * read from the format's own fields (NewsML-G2 `pubStatus` and `signal`, ninjs `pubStatus` /
 * `pubstatus` and `signals`, NITF `management-status` and `ed-msg`) and, for plain text, from the agencies' conventions: service lines
 * such as `UPDATES`, `CORRECTS`, `KILL`, `WITHDRAWN` or an `Eds:` note before the story, and
 * Reuters-style headline prefixes ("UPDATE 2-", "CORRECTED-", "REFILE-").
 */
import { child, descendant, childElements, parseXmlDocument, type XmlElement } from "./xml";
import type { WireFormat } from "./types";

export type WireStatus = "usable" | "withheld" | "canceled";
/** The version's kind as the agency states it; null when it states none (a first or routine version). */
export type SignalledKind = "update" | "correction" | "withheld" | "kill";

const SIGNALLED_KINDS: readonly SignalledKind[] = ["update", "correction", "withheld", "kill"];

/** A stored kind as the domain knows it; anything else reads as none stated. */
export function asSignalledKind(value: string | null): SignalledKind | null {
  return SIGNALLED_KINDS.find((kind) => kind === value) ?? null;
}

/** A correction, a kill or a withholding: the item's earlier versions no longer count as the agency's word. */
export function withdrawsEarlierVersions(kind: SignalledKind | null, status: string): boolean {
  return kind === "correction" || kind === "kill" || kind === "withheld" || status !== "usable";
}

export interface WireSignals {
  status: WireStatus;
  kind: SignalledKind | null;
  /** The agency's words that set the kind (service line, editors' note or signal code), for the editor. */
  note: string | null;
}

const USABLE: WireSignals = { status: "usable", kind: null, note: null };

export function detectSignals(format: WireFormat, original: string): WireSignals {
  try {
    if (format === "ninjs") return ninjsSignals(JSON.parse(original.replace(/^\uFEFF/, "")) as unknown);
    if (format === "newsml-g2") return g2Signals(parseXmlDocument(original));
    if (format === "nitf") return nitfSignals(parseXmlDocument(original));
    return textSignals(original);
  } catch {
    // The parser that read the story already accepted it; a field we cannot read states nothing.
    return USABLE;
  }
}

function statusOf(value: string | null | undefined): WireStatus | null {
  const code = (value ?? "").toLowerCase().replace(/^stat:/, "").trim();
  if (code === "usable") return "usable";
  if (code === "withheld") return "withheld";
  if (code === "canceled" || code === "cancelled") return "canceled";
  return null;
}

/** A status other than usable outranks what the version says it is: a canceled item is killed. */
function combine(status: WireStatus | null, kind: SignalledKind | null, note: string | null): WireSignals {
  if (status === "canceled") return { status, kind: "kill", note: note ?? "pubStatus canceled" };
  if (status === "withheld") return { status, kind: "withheld", note: note ?? "pubStatus withheld" };
  if (kind === "kill") return { status: "canceled", kind, note };
  if (kind === "withheld") return { status: "withheld", kind, note };
  return { status: "usable", kind, note };
}

function kindOfCode(code: string): SignalledKind | null {
  const c = code.toLowerCase();
  if (/correct/.test(c)) return "correction";
  if (/kill|withdraw|cancel|eliminat/.test(c)) return "kill";
  if (/withh[oe]ld/.test(c)) return "withheld";
  if (/update|append|itemmod|writethru|write-thru/.test(c)) return "update";
  return null;
}

function ninjsSignals(item: unknown): WireSignals {
  if (!item || typeof item !== "object") return USABLE;
  const record = item as Record<string, unknown>;
  const status = statusOf(typeof record.pubStatus === "string" ? record.pubStatus : typeof record.pubstatus === "string" ? record.pubstatus : null);
  let kind: SignalledKind | null = null;
  let note: string | null = null;
  const signals = Array.isArray(record.signals) ? record.signals : [];
  for (const signal of signals) {
    const code = typeof signal === "string" ? signal : signal && typeof signal === "object" ? String((signal as Record<string, unknown>).uri ?? (signal as Record<string, unknown>).name ?? (signal as Record<string, unknown>).qcode ?? "") : "";
    const found = kindOfCode(code);
    if (found) {
      kind = strongest(kind, found);
      note = code;
    }
  }
  if (!kind && typeof record.ednote === "string") {
    const fromNote = kindOfEditorsNote(record.ednote);
    if (fromNote) [kind, note] = [fromNote, record.ednote.trim()];
  }
  return combine(status, kind, note);
}

function g2Signals(root: XmlElement): WireSignals {
  const item = root.name === "newsitem" ? root : descendant(root, "newsitem") ?? root;
  const meta = child(item, "itemmeta");
  const status = statusOf(child(meta, "pubstatus")?.attrs.qcode);
  let kind: SignalledKind | null = null;
  let note: string | null = null;
  for (const signal of childElements(meta, "signal")) {
    const code = signal.attrs.qcode ?? "";
    if (!/^sig:/i.test(code) && !/kill|correct|withdraw/i.test(code)) continue; // edStat:, pmt:, prodId: … are not version kinds
    const found = kindOfCode(code);
    if (found) {
      kind = strongest(kind, found);
      note = code;
    }
  }
  const edNote = child(meta, "ednote");
  if (!kind && edNote) {
    const text = edNote.children.filter((c): c is string => typeof c === "string").join(" ");
    const fromNote = kindOfEditorsNote(text);
    if (fromNote) [kind, note] = [fromNote, text.trim()];
  }
  return combine(status, kind, note);
}

/** NITF: docdata's management-status, and an editors' message (ed-msg) saying what the version is. */
function nitfSignals(root: XmlElement): WireSignals {
  const docdata = descendant(root, "docdata");
  const status = statusOf(docdata?.attrs["management-status"]);
  const message = child(docdata, "ed-msg")?.attrs.info ?? null;
  const kind = message ? kindOfEditorsNote(message) : null;
  return combine(status, kind, kind ? message : null);
}

/** Plain text: service lines before the story, then the headline's prefix. */
const SERVICE_LINE = /^\s*(UPDATES?\b|UPDATED\b|CORRECTS?\b|CORRECTED\b|CORRECTION\b|KILL(?:ED)?\b|MANDATORY KILL\b|WITHDRAWN\b|WITHDRAWAL\b|ELIMINATION\b|WITHHOLD\b|Eds?:)/;
const HEADLINE_PREFIX = /^\s*(CORRECTED|UPDATE\s*\d*|REFILE|RPT|REPEAT)\s*-/i;
const TEXT_LINES_SCANNED = 12;

function textSignals(original: string): WireSignals {
  const lines = original.replace(/^\uFEFF/, "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, TEXT_LINES_SCANNED);
  let kind: SignalledKind | null = null;
  let note: string | null = null;
  for (const line of lines) {
    const match = SERVICE_LINE.exec(line);
    if (!match) continue;
    const found = /^Eds?:/.test(match[1]!) ? kindOfEditorsNote(line) : kindOfServiceWord(match[1]!);
    if (found) {
      kind = strongest(kind, found);
      note = note ?? line;
    }
  }
  if (!kind) {
    for (const line of lines.slice(0, 3)) {
      const prefix = HEADLINE_PREFIX.exec(line);
      if (!prefix) continue;
      kind = /^CORRECTED/i.test(prefix[1]!) ? "correction" : "update";
      note = line;
      break;
    }
  }
  return combine(null, kind, note);
}

function kindOfServiceWord(word: string): SignalledKind | null {
  const w = word.toUpperCase();
  if (w.startsWith("CORRECT")) return "correction";
  if (w.startsWith("UPDATE")) return "update";
  if (w.includes("KILL") || w.startsWith("WITHDRAW") || w === "ELIMINATION") return "kill";
  if (w === "WITHHOLD") return "withheld";
  return null;
}

/** An editors' note ("Eds: UPDATES with Kremlin comment", "Eds: Corrects spelling of …"). */
function kindOfEditorsNote(note: string): SignalledKind | null {
  const text = note.toLowerCase();
  if (/\bkill|\bwithdraw|\beliminat|do not use/.test(text)) return "kill";
  if (/\bwithhold|\bhold for release/.test(text)) return "withheld";
  if (/\bcorrect/.test(text)) return "correction";
  if (/\bupdat|\badds?\b|\brecasts?\b|\bwrite-?thru|\bsubs?\b|\btops?\b/.test(text)) return "update";
  return null;
}

/** When a version carries several signals, the one that matters most to a story using it wins. */
const RANK: Record<SignalledKind, number> = { update: 0, correction: 1, withheld: 2, kill: 3 };
function strongest(a: SignalledKind | null, b: SignalledKind): SignalledKind {
  return a === null || RANK[b] > RANK[a] ? b : a;
}

const KIND_WORDS: Record<SignalledKind, string> = { update: "updated", correction: "corrected", withheld: "withheld", kill: "killed" };

/**
 * How the inbox marks a wire item's latest version: "v3 · corrected", "v2 · updated", "v1 · killed";
 * null for a first, routine, usable version, which needs no mark.
 */
export function versionLabel(row: { version: number; versionCount: number; versionKind: string | null }): string | null {
  const kind = row.versionKind && row.versionKind in KIND_WORDS ? KIND_WORDS[row.versionKind as SignalledKind] : null;
  if (kind) return `v${row.version} · ${kind}`;
  return row.versionCount > 1 || row.version > 1 ? `v${row.version} · updated` : null;
}
