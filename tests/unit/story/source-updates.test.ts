import { describe, expect, it } from "vitest";
import { diffAfter, diffBefore } from "@/lib/domain/diff/words";
import { applyOperations } from "@/lib/domain/story";
import { buildSourceUpdate } from "@/lib/domain/story/operation-builders";
import { newestVersions, offeredReplacements, sourceUpdates, withdrawalNotices, withdrawnFactIds, type VersionedWire } from "@/lib/domain/story/source-updates";
import { leftOutSentences } from "@/lib/domain/story/left-out";
import type { SignalledKind } from "@/lib/domain/wire/signals";
import { makeDoc, makeFact, src } from "./support";

/** A wire version whose sentences are the given ones, one per line of its text. */
function version(id: string, itemKey: string, n: number, sentences: string[], kind: SignalledKind | null = null, pubStatus = "usable"): VersionedWire {
  const text = sentences.join("\n");
  let at = 0;
  return {
    id,
    itemKey,
    version: n,
    versionKind: kind,
    pubStatus,
    receivedAt: `2026-12-05T1${n}:00:00.000Z`,
    text,
    sentences: sentences.map((sentence) => {
      const start = at;
      at += sentence.length + 1;
      return { start, end: start + sentence.length, text: sentence };
    }),
  };
}

const LEDE = "Kim arrived in Russia on Tuesday.";
const EVACUATED = "About 900 people were evacuated.";
const ap1 = version("ap-v1", "urn:ap:1", 1, [LEDE, EVACUATED]);
const afp = version("afp-v1", "urn:afp:1", 1, ["Kim reached Russia on Tuesday.", "Some 900 people fled."]);

/** f1 cites AP's lede and AFP's; f2 cites AP's evacuation sentence only. */
function story() {
  return makeDoc([
    [
      "p1",
      [
        makeFact("f1", { text: LEDE, sources: [src("ap-v1", 0, LEDE.length), src("afp-v1", 0, 30)] }),
        makeFact("f2", { text: EVACUATED, sources: [src("ap-v1", LEDE.length + 1, LEDE.length + 1 + EVACUATED.length)] }),
      ],
    ],
  ]);
}

describe("sourceUpdates", () => {
  it("says nothing while every cited version is its item's latest", () => {
    expect(sourceUpdates(story(), [ap1, afp])).toEqual([]);
  });

  it("flags a fact whose cited sentence an update changed, word by word, without withdrawing it", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,200 people were evacuated."], "update");
    const [flag, ...rest] = sourceUpdates(story(), [ap1, afp, ap2]);
    expect(rest).toEqual([]);
    expect(flag?.factId).toBe("f2");
    expect(flag?.sourceWithdrawn).toBe(false);
    const update = flag!.updates[0]!;
    expect(update.withdrawn).toBe(false);
    expect(update.latest).toMatchObject({ wireStoryId: "ap-v2", version: 2, kind: "update" });
    expect(update.replacement).toEqual({ source: src("ap-v2", LEDE.length + 1, LEDE.length + 1 + 34), text: "About 1,200 people were evacuated." });
    expect(diffBefore(update.diff!)).toBe(EVACUATED);
    expect(diffAfter(update.diff!)).toBe("About 1,200 people were evacuated.");
    expect(update.diff!.filter((segment) => segment.op !== "equal").map((segment) => segment.text)).toEqual(["900", "1,200"]);
  });

  it("withdraws every source on a corrected item: a fact resting on it alone is 'source withdrawn', one with another agency is not", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,200 people were evacuated."], "correction");
    const flags = sourceUpdates(story(), [ap1, afp, ap2]);
    expect(flags.map((f) => [f.factId, f.sourceWithdrawn])).toEqual([
      ["f1", false],
      ["f2", true],
    ]);
    // The lede is unchanged in the correction: re-attaching it to the new version is offered.
    expect(flags[0]!.updates[0]).toMatchObject({ withdrawn: true, replacement: { source: src("ap-v2", 0, LEDE.length), text: LEDE } });
    expect(withdrawnFactIds(flags)).toEqual(["f2"]);
  });

  it("withdraws on a kill, a withheld version or a canceled status, with nothing to re-attach after a kill", () => {
    for (const [kind, status] of [["kill", "canceled"], ["withheld", "withheld"], [null, "canceled"]] as const) {
      const ap2 = version("ap-v2", "urn:ap:1", 2, ["This story has been withdrawn."], kind, status);
      const flags = sourceUpdates(story(), [ap1, afp, ap2]);
      expect(withdrawnFactIds(flags)).toEqual(["f2"]);
      expect(flags.flatMap((f) => f.updates).every((u) => u.withdrawn && u.replacement === null)).toBe(true);
    }
  });

  it("stays withdrawn when a routine update follows the correction, and compares with the newest version", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,000 people were evacuated."], "correction");
    const ap3 = version("ap-v3", "urn:ap:1", 3, [LEDE, "About 1,200 people were evacuated.", "Rescue work goes on."], "update");
    const f2 = sourceUpdates(story(), [ap1, afp, ap3, ap2]).find((f) => f.factId === "f2")!;
    expect(f2.sourceWithdrawn).toBe(true);
    expect(f2.updates[0]!.latest.wireStoryId).toBe("ap-v3");
    expect(f2.updates[0]!.replacement?.text).toBe("About 1,200 people were evacuated.");
  });

  it("finds no replacement when the new version has no sentence sharing half the words", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "Officials gave no figure for those who left."], "update");
    const update = sourceUpdates(story(), [ap1, afp, ap2]).find((f) => f.factId === "f2")!.updates[0]!;
    expect(update.replacement).toBeNull();
    expect(update.diff).toBeNull();
  });
});

describe("buildSourceUpdate", () => {
  const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,200 people were evacuated."], "correction");
  const update = () => sourceUpdates(story(), [ap1, afp, ap2]).find((f) => f.factId === "f2")!.updates[0]!;
  const f2 = (ops: ReturnType<typeof buildSourceUpdate>) => applyOperations(story(), ops).doc.paragraphs[0]!.facts[1]!;

  it("update: takes the new wording and cites the new version in the old one's place, as one batch", () => {
    const ops = buildSourceUpdate(story(), "f2", update(), "update");
    expect(ops.map((op) => op.type)).toEqual(["editText", "attachSource", "detachSource"]);
    const fact = f2(ops);
    expect(fact.text).toBe("About 1,200 people were evacuated.");
    expect(fact.sources).toEqual([update().replacement!.source]);
    expect(sourceUpdates(applyOperations(story(), ops).doc, [ap1, afp, ap2]).find((f) => f.factId === "f2")).toBeUndefined();
  });

  it("reattach: keeps the fact's text and cites the new version", () => {
    const fact = f2(buildSourceUpdate(story(), "f2", update(), "reattach"));
    expect(fact.text).toBe(EVACUATED);
    expect(fact.sources).toEqual([update().replacement!.source]);
  });

  it("detach: drops the old source and nothing else (a fact keeps at least one source or a note)", () => {
    const lede = sourceUpdates(story(), [ap1, afp, ap2]).find((f) => f.factId === "f1")!.updates[0]!;
    const fact = applyOperations(story(), buildSourceUpdate(story(), "f1", lede, "detach")).doc.paragraphs[0]!.facts[0]!;
    expect(fact.text).toBe(LEDE);
    expect(fact.sources).toEqual([src("afp-v1", 0, 30)]);
    expect(() => applyOperations(story(), buildSourceUpdate(story(), "f2", update(), "detach"))).toThrow(/at least one source or an own-reporting note/);
  });

  it("builds nothing for a fact or source that is gone, or a re-attach with nothing to attach", () => {
    expect(buildSourceUpdate(story(), "nope", update(), "update")).toEqual([]);
    expect(buildSourceUpdate(story(), "f1", update(), "detach")).toEqual([]);
    expect(buildSourceUpdate(story(), "f2", { ...update(), replacement: null }, "reattach")).toEqual([]);
  });
});

describe("withdrawalNotices", () => {
  it("names the withdrawn wire, how and when, and the facts resting on it only apart from those with other sources", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, ["This story has been withdrawn."], "kill", "canceled");
    const doc = story();
    const lines = withdrawalNotices(doc, sourceUpdates(doc, [ap1, afp, ap2]), (id) => (id === "ap-v1" ? "AP 1" : "AFP 2"));
    expect(lines).toEqual(["AP 1 was killed (v2, 12:00 UTC on 2026-12-05): fact 2 rests on it only; fact 1 has other sources."]);
  });

  it("says nothing of an update that withdraws nothing", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,200 people were evacuated."], "update");
    expect(withdrawalNotices(story(), sourceUpdates(story(), [ap1, afp, ap2]), () => "AP 1")).toEqual([]);
  });
});

describe("left out, with versions", () => {
  it("lists only the newest version of each wire, and not the sentences flagged facts are offered to cite", () => {
    const ap2 = version("ap-v2", "urn:ap:1", 2, [LEDE, "About 1,200 people were evacuated.", "Rescue work goes on."], "correction");
    const wires = [ap1, afp, ap2].map((wire) => ({ ...wire, sentences: wire.sentences.map((s, index) => ({ ...s, index })) }));
    expect(newestVersions(wires).map((wire) => wire.id)).toEqual(["afp-v1", "ap-v2"]);
    const flags = sourceUpdates(story(), wires);
    expect(offeredReplacements(flags)).toEqual([src("ap-v2", 0, LEDE.length), src("ap-v2", LEDE.length + 1, LEDE.length + 1 + 34)]);
    const left = leftOutSentences(story(), newestVersions(wires), offeredReplacements(flags));
    expect(left.map((s) => [s.wireStoryId, s.index])).toEqual([
      ["afp-v1", 1],
      ["ap-v2", 2],
    ]);
  });
});
