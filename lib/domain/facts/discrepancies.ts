/**
 * Discrepancies inside a fact cluster: where sources that state the same fact differ on a
 * number, a date or weekday, a name, or who said it. Members are compared pairwise (across
 * stories); the same disagreement found between several pairs becomes one discrepancy whose two
 * sides list every source that says each value.
 *
 * Everything here prefers silence to noise: a figure only one source gives is extra detail, not
 * a conflict, and only values left unexplained on both sides are paired as conflicting.
 */
import { isSpellingVariant } from "./features";
import { porterStem } from "./porter";
import {
  extractAttributions,
  extractDates,
  extractNames,
  extractQuantities,
  isTitleCase,
  monthDay,
  sameAmount,
  weekdayOfDate,
  type Attribution,
  type DateMention,
  type NameMention,
  type Quantity,
  type Span,
} from "./mentions";
import { hashString } from "./profile";
import type { Token } from "./tokenize";
import type { Discrepancy, DiscrepancyKind, DiscrepancyMention, FactSentence, SentenceRef } from "./types";

export interface DiscrepancyInput {
  ref: SentenceRef;
  sentence: FactSentence;
  tokens: Token[];
  /** The story's ISO date (or, failing that, another cluster member's), to resolve "September 12" to a weekday. */
  storyDate: string | null;
}

interface Analysed {
  input: DiscrepancyInput;
  quantities: Quantity[];
  dates: DateMention[];
  names: NameMention[];
  attributions: Attribution[];
  /** Normalised words joined by spaces, padded: " north korea 's kim ... " (for "does it say X anywhere"); built on first use. */
  normText: string | null;
  normHashes: Int32Array | null;
  /**
   * Every value a conflict could be about (figures, dates, names, credited sources). Two members
   * with the same signature cannot disagree, so their comparison is skipped: most members of a
   * cluster are copies that differ in wording only.
   */
  signature: string;
}

function analyse(input: DiscrepancyInput): Analysed {
  const { dates, used } = extractDates(input.tokens);
  const quantities = extractQuantities(input.tokens, used);
  const titleCase = isTitleCase(input.tokens);
  const names = extractNames(input.tokens, titleCase);
  const attributions = extractAttributions(input.sentence.text, input.tokens, titleCase);
  const parts: string[] = [];
  for (const q of quantities) parts.push(`q${q.measure}=${q.value}${q.approximate ? "~" : ""}`);
  for (const d of dates) parts.push(`d${d.kind}=${d.value}`);
  for (const n of names) parts.push(`n${n.value}`);
  for (const a of attributions) parts.push(`a${a.names.join(" ")}`);
  const signature = parts.sort().join("|");
  return {
    input,
    quantities,
    dates,
    names,
    attributions,
    normText: null,
    normHashes: null,
    signature,
  };
}

/** Maps an offset in the sentence text to an offset in the story text (sentences repaired across breaks join parts with one space). */
export function storyOffset(sentence: FactSentence, p: number): number {
  const parts = sentence.parts && sentence.parts.length > 0 ? sentence.parts : [{ start: sentence.start, end: sentence.end }];
  let offset = 0;
  for (const part of parts) {
    const length = part.end - part.start;
    if (p <= offset + length) return part.start + Math.max(0, p - offset);
    offset += length + 1;
  }
  return sentence.end;
}

interface Found {
  kind: DiscrepancyKind;
  a: { value: string; span: Span; who: Analysed };
  b: { value: string; span: Span; who: Analysed };
}

/** Pairs the values each side leaves unexplained, in reading order, when `comparable` says they measure the same thing. */
function explained<T>(x: T, others: T[], same: (x: T, y: T) => boolean, comparable: (x: T, y: T) => boolean): boolean {
  for (const y of others) if (comparable(x, y) && same(x, y)) return true;
  return false;
}

function pairUnexplained<T>(xs: T[], ys: T[], same: (x: T, y: T) => boolean, comparable: (x: T, y: T) => boolean): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  if (xs.length === 0 || ys.length === 0) return out;
  const restY: T[] = [];
  for (const y of ys) if (!explained(y, xs, swap(same), swap(comparable))) restY.push(y);
  if (restY.length === 0) return out;
  const used = new Uint8Array(restY.length);
  for (const x of xs) {
    if (explained(x, ys, same, comparable)) continue;
    for (let k = 0; k < restY.length; k++) {
      if (used[k] === 0 && comparable(x, restY[k]!)) {
        used[k] = 1;
        out.push([x, restY[k]!]);
        break;
      }
    }
  }
  return out;
}

const swapped = new Map<unknown, unknown>();
/** The same relation with its arguments swapped (memoised: the relations are module-level functions). */
function swap<T>(f: (x: T, y: T) => boolean): (x: T, y: T) => boolean {
  let g = swapped.get(f) as ((x: T, y: T) => boolean) | undefined;
  if (!g) {
    g = (x: T, y: T) => f(y, x);
    swapped.set(f, g);
  }
  return g;
}

function sameMeasure(a: Quantity, b: Quantity): boolean {
  return a.measure === b.measure;
}

function always(): boolean {
  return true;
}

function sameValue(a: DateMention, b: DateMention): boolean {
  return a.value === b.value;
}

function sameDate(a: DateMention, b: DateMention): boolean {
  return monthDay(a.value) === monthDay(b.value) && (a.value.length === 5 || b.value.length === 5 || a.value === b.value);
}

function compareQuantities(x: Analysed, y: Analysed, found: Found[]): void {
  for (const [qa, qb] of pairUnexplained(x.quantities, y.quantities, sameAmount, sameMeasure)) {
    found.push({ kind: "number", a: { value: qa.label, span: qa, who: x }, b: { value: qb.label, span: qb, who: y } });
  }
}

function datesOfKind(a: Analysed, kind: DateMention["kind"]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of a.dates) if (d.kind === kind) out.push(d);
  return out;
}

function compareDates(x: Analysed, y: Analysed, found: Found[]): void {
  if (x.dates.length === 0 || y.dates.length === 0) return;
  for (const [da, db] of pairUnexplained(datesOfKind(x, "date"), datesOfKind(y, "date"), sameDate, always)) {
    found.push({ kind: "date", a: { value: da.value, span: da, who: x }, b: { value: db.value, span: db, who: y } });
  }
  for (const [da, db] of pairUnexplained(datesOfKind(x, "year"), datesOfKind(y, "year"), sameValue, always)) {
    found.push({ kind: "date", a: { value: da.value, span: da, who: x }, b: { value: db.value, span: db, who: y } });
  }
  for (const [da, db] of pairUnexplained(datesOfKind(x, "weekday"), datesOfKind(y, "weekday"), sameValue, always)) {
    found.push({ kind: "weekday", a: { value: da.value, span: da, who: x }, b: { value: db.value, span: db, who: y } });
  }
  // "on September 12" in one report, "on Monday" in the other: check the calendar.
  calendarCheck(x, y, x, found);
  calendarCheck(y, x, x, found);
}

/** One report gives a date, the other only a weekday: flag it when the date falls on another day. */
function calendarCheck(p: Analysed, q: Analysed, first: Analysed, found: Found[]): void {
  const dates = datesOfKind(p, "date");
  const weekdays = datesOfKind(q, "weekday");
  if (dates.length !== 1 || weekdays.length !== 1 || datesOfKind(p, "weekday").length > 0 || datesOfKind(q, "date").length > 0) return;
  const implied = weekdayOfDate(dates[0]!.value, p.input.storyDate);
  if (!implied || implied === weekdays[0]!.value) return;
  const fromDate = { value: implied, span: dates[0]!, who: p };
  const fromWeekday = { value: weekdays[0]!.value, span: weekdays[0]!, who: q };
  found.push({ kind: "weekday", a: p === first ? fromDate : fromWeekday, b: p === first ? fromWeekday : fromDate });
}

function initials(words: string[]): string {
  return words.map((w) => w.charAt(0)).join("");
}

/** One word of a name, reduced for comparison: no dots or apostrophes ("P.J." = "PJ"), stemmed ("Pros" = "Pro"). */
function nameWord(w: string): string {
  return porterStem(w.replace(/[.'’]/g, ""));
}

/** The same word of a name: equal, a spelling variant, or an abbreviation of it ("Calif" / "California"). */
function sameNameWord(v: string, w: string): boolean {
  if (v === w || isSpellingVariant(v, w)) return true;
  const [s, l] = v.length <= w.length ? [v, w] : [w, v];
  return s.length >= 4 && l.startsWith(s);
}

/** Same entity written differently: spelling variant, one name inside the other, abbreviation or acronym. */
function sameEntity(a: string, b: string): boolean {
  if (a === b || isSpellingVariant(a, b)) return true;
  const wa = a.split(" ").map(nameWord);
  const wb = b.split(" ").map(nameWord);
  if (wa.join("") === wb.join("")) return true;
  const inside = (s: string[], l: string[]) => s.every((w) => l.some((v) => sameNameWord(v, w)));
  if (inside(wa, wb) || inside(wb, wa)) return true;
  return (wa.length === 1 && spellsInitials(wa[0]!, wb)) || (wb.length === 1 && spellsInitials(wb[0]!, wa));
}

/** An acronym of a run of the words: "kcna" of "north korea's official korean central news agency". */
function spellsInitials(acronym: string, words: string[]): boolean {
  if (acronym.length < 2) return false;
  for (let i = 0; i + acronym.length <= words.length; i++) if (initials(words.slice(i, i + acronym.length)) === acronym) return true;
  return false;
}

function compareAttributions(x: Analysed, y: Analysed, found: Found[]): void {
  const named = (a: Analysed) => a.attributions.filter((t) => t.names.length > 0);
  const ax = named(x);
  const ay = named(y);
  if (ax.length === 0 || ay.length === 0) return;
  // Agreement on any credited source: a shared name word, or the same source written out and
  // abbreviated ("KCNA" / "Korean Central News Agency", compared on all the words).
  const agree = ax.some((p) => ay.some((q) => p.names.some((n) => q.names.some((m) => sameEntity(n, m))) || sameEntity(p.value, q.value)));
  if (agree) return;
  found.push({ kind: "attribution", a: { value: ax[0]!.names.join(" "), span: ax[0]!, who: x }, b: { value: ay[0]!.names.join(" "), span: ay[0]!, who: y } });
}

/** Token alignment (LCS over normalised words, compared by hash) as a list of matched index pairs. */
function alignTokens(a: Int32Array, b: Int32Array): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const down = dp[(i + 1) * (m + 1) + j]!;
      const right = dp[i * (m + 1) + j + 1]!;
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : down > right ? down : right;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Longest run of tokens allowed on either side of a substitution; longer differences are rewording, not a swapped name. */
const MAX_HUNK = 5;

/** The tokens [from, to) of a name that fall inside a differing stretch, with the name's kind. */
function namePart(a: Analysed, from: number, to: number): (Span & { value: string; kind: NameMention["kind"] }) | null {
  const name = a.names.find((n) => n.firstToken < to && n.lastToken >= from);
  if (!name) return null;
  const first = Math.max(name.firstToken, from);
  const last = Math.min(name.lastToken, to - 1);
  const tokens = a.input.tokens.slice(first, last + 1);
  return { value: tokens.map((t) => t.norm).join(" "), kind: name.kind, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
}

function insideAny(span: Span, list: Attribution[]): boolean {
  for (const t of list) if (span.start >= t.start && span.end <= t.end) return true;
  return false;
}

/** Whether the sentence says this name anywhere (as whole words). */
function says(a: Analysed, name: string): boolean {
  if (a.normText === null) a.normText = ` ${a.input.tokens.map((t) => t.norm).join(" ")} `;
  return a.normText.includes(` ${name} `);
}

function normHashes(a: Analysed): Int32Array {
  if (a.normHashes === null) a.normHashes = Int32Array.from(a.input.tokens, (t) => hashString(t.norm));
  return a.normHashes;
}

/** Tokens on each side of a substitution searched for the shared wording that frames it. */
const CONTEXT_WINDOW = 3;

/**
 * Whether the stretches [ia, ja) of x and [ib, jb) of y sit in the same wording: within a few
 * tokens before them, or after them, both sentences have the same content word in the same place
 * ("Foreign Minister [Choe Sun Hui]" / "Foreign Minister [Ri Son Gwon]", "[The Indian Navy] on
 * Saturday foiled" / "[Warship INS Sukanya] on Thursday foiled"). Two sentences that only
 * happen to share a preposition before different endings ("its war in [Ukraine]." / "for
 * support in [escalating standoffs with the West].", "[The Colts] gave up 507 yards" / "[The
 * Chiefs] racked up 507 yards") say different things, not two values of one.
 */
function inSharedContext(x: Analysed, anchors: Array<[number, number]>, ia: number, ja: number, ib: number, jb: number): boolean {
  const tokens = x.input.tokens;
  for (const [i, j] of anchors) {
    const before = i < ia && i >= ia - CONTEXT_WINDOW && j < ib && j >= ib - CONTEXT_WINDOW;
    const after = i >= ja && i < ja + CONTEXT_WINDOW && j >= jb && j < jb + CONTEXT_WINDOW;
    if (!before && !after) continue;
    const t = tokens[i]!;
    if ((t.kind === "word" && !t.stop) || t.kind === "number") return true;
  }
  return false;
}

function compareNames(x: Analysed, y: Analysed, found: Found[]): void {
  // A substitution needs a name on each side that the other sentence doesn't say at all.
  if (!x.names.some((n) => !says(y, n.value)) || !y.names.some((n) => !says(x, n.value))) return;
  const a = x.input.tokens;
  const b = y.input.tokens;
  const anchors = alignTokens(normHashes(x), normHashes(y));
  const hunks: Array<[number, number, number, number]> = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...anchors, [a.length, b.length] as [number, number]]) {
    // Only substitutions between two anchors (or an anchor and the sentence end) count.
    if (i > pi && j > pj && (pi > 0 || pj > 0 || i < a.length)) hunks.push([pi, i, pj, j]);
    pi = i + 1;
    pj = j + 1;
  }
  for (const [ia, ja, ib, jb] of hunks) {
    if (ja - ia > MAX_HUNK || jb - ib > MAX_HUNK) continue;
    if (!inSharedContext(x, anchors, ia, ja, ib, jb)) continue;
    // The part of a name that differs: "Foreign Minister [Choe Sun Hui]" / "Foreign Minister [Ri Son Gwon]".
    const na = namePart(x, ia, ja);
    const nb = namePart(y, ib, jb);
    if (!na || !nb || sameEntity(na.value, nb.value)) continue;
    // A name the other sentence also has elsewhere was moved, not replaced.
    if (says(y, na.value) || says(x, nb.value)) continue;
    // Who said it is compared as attribution.
    if (insideAny(na, x.attributions) || insideAny(nb, y.attributions)) continue;
    const kind = na.kind === nb.kind ? na.kind : na.kind === "person" ? nb.kind : na.kind;
    found.push({ kind, a: { value: na.value, span: na, who: x }, b: { value: nb.value, span: nb, who: y } });
  }
}

const KIND_ORDER: DiscrepancyKind[] = ["number", "date", "weekday", "person", "place", "organisation", "attribution"];
/** Members compared per cluster; bounds the work for very large clusters. */
const MAX_COMPARED_MEMBERS = 24;

function mention(side: Found["a"]): DiscrepancyMention {
  const { sentence, ref } = side.who.input;
  return {
    ...ref,
    spanStart: storyOffset(sentence, side.span.start),
    spanEnd: storyOffset(sentence, side.span.end),
    text: sentence.text.slice(side.span.start, side.span.end),
  };
}

/** Compares the members of one cluster (one sentence per story) and returns its discrepancies. */
export function findDiscrepancies(members: readonly DiscrepancyInput[]): Discrepancy[] {
  if (members.length < 2) return [];
  const analysed = members.slice(0, MAX_COMPARED_MEMBERS).map(analyse);
  const found: Found[] = [];
  for (let i = 0; i < analysed.length; i++) {
    for (let j = i + 1; j < analysed.length; j++) {
      const x = analysed[i]!;
      const y = analysed[j]!;
      if (x.input.ref.storyId === y.input.ref.storyId || x.signature === y.signature) continue;
      compareQuantities(x, y, found);
      compareDates(x, y, found);
      compareAttributions(x, y, found);
      compareNames(x, y, found);
    }
  }
  // The same disagreement seen between several pairs of sources is one discrepancy.
  const grouped = new Map<string, { kind: DiscrepancyKind; sides: Map<string, DiscrepancyMention[]>; seen: Set<string>; order: number }>();
  for (let order = 0; order < found.length; order++) {
    const f = found[order]!;
    const key = f.a.value < f.b.value ? `${f.kind}\u0000${f.a.value}\u0000${f.b.value}` : `${f.kind}\u0000${f.b.value}\u0000${f.a.value}`;
    let g = grouped.get(key);
    if (!g) {
      g = { kind: f.kind, sides: new Map([[f.a.value, []], [f.b.value, []]]), seen: new Set(), order };
      grouped.set(key, g);
    }
    for (const side of [f.a, f.b]) {
      // One mention per source sentence and span, however many pairs found it.
      const id = `${side.value}\u0000${side.who.input.ref.storyId}\u0000${side.span.start}`;
      if (g.seen.has(id)) continue;
      g.seen.add(id);
      g.sides.get(side.value)!.push(mention(side));
    }
  }
  const out: Discrepancy[] = [];
  for (const g of [...grouped.values()].sort((p, q) => KIND_ORDER.indexOf(p.kind) - KIND_ORDER.indexOf(q.kind) || p.order - q.order)) {
    const [first, second] = [...g.sides.entries()].map(([value, mentions]) => ({ value, mentions }));
    if (!first || !second) continue;
    out.push({ kind: g.kind, sides: [first, second] });
  }
  return out;
}
