import { afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { DEFAULT_CLUSTER_PARAMS, EventClusterer } from "@/lib/domain/events";
import type { CurrentUser } from "@/lib/server/auth";
import { MAX_STORY_SENTENCES } from "@/lib/schemas/stories";
import { db } from "@/lib/server/db";
import { assignUnassignedWires, lockEvents } from "@/lib/server/events/event-store";
import { getEvent, listEvents } from "@/lib/server/queries/events";
import { mergeEvents, moveWireToEvent, splitEvent } from "@/lib/server/services/correct-events";
import { createStoryFromEvent } from "@/lib/server/services/create-story";
import { deleteWireStory } from "@/lib/server/services/delete-wire-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { markEventSeen } from "@/lib/server/services/mark-event-seen";
import { ecbEventFolders, parseWireFile } from "../../scripts/lib/fact-stories";
import { seededShuffle } from "../../scripts/lib/event-eval";
import { corpusPath } from "../../scripts/lib/shared-folder";
import { insertUser } from "./db-helpers";

const HOUR = 3_600_000;
/** The desk's clock for this file: it only moves forward, as time does, ahead of other files' real-time imports. */
let clock = Date.now() + 365 * 24 * HOUR;
const later = (hours = 1) => (clock += hours * HOUR);
let writer: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  writer = (await insertUser({ role: "WRITER" })).actor;
  editor = (await insertUser({ role: "EDITOR" })).actor;
});

afterEach(() => {
  vi.useRealTimers();
});

/** Imports a plain-text wire as if it arrived at `at` (the desk's clock is the import time). */
async function arrive(text: string, at?: number): Promise<string> {
  if (at !== undefined) vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    const result = await importWireStory({ source: { kind: "user", user: writer }, upload: { text, contentType: "text/plain" } });
    return result.story.id;
  } finally {
    vi.useRealTimers();
  }
}

/** No events and no counts: every stored wire waits for assignment, as before events existed. */
async function resetEvents(): Promise<void> {
  await db.$executeRaw`UPDATE "WireStory" SET "eventId" = NULL, "eventTerms" = NULL`;
  await db.$executeRaw`UPDATE "Story" SET "newsEventId" = NULL`;
  await db.$executeRaw`DELETE FROM "NewsEvent"`;
  await db.$executeRaw`DELETE FROM "EventTermFrequency"`;
}

const eventOf = async (wireId: string) => (await db.wireStory.findUniqueOrThrow({ where: { id: wireId }, select: { eventId: true } })).eventId!;

// Names no other test's wires use, so these events are theirs alone; the tag makes each body its own (no duplicates).
const flood = (tag: string, extra = "") =>
  `Floods swamp Quillabamba as the Urubamba river bursts its banks (${tag})\n\nQUILLABAMBA, Peru (AP) — The Urubamba river burst its banks in Quillabamba on Monday, forcing 800 families from their homes, the mayor Teodoro Huamani said. ${extra}\n\nRescue teams from Cusco reached Quillabamba by boat as the waters rose (${tag}).\n`;
// One club, two players on injured reserve: each player's first report is like enough to the other's to join it.
const injury = (club: string, city: string, coach: string, who: string, day: string, hurt: string, foe: string, extra: string) => (agency: string) =>
  `${club} put ${who} on injured reserve, season over\n\n${city.toUpperCase()} (${agency}) — The ${city} ${club} ${HOW[agency]} placed running back ${who} on injured reserve on ${day}, ending his season. ${who.split(" ")[1]} ${hurt} against the ${foe}, coach ${coach} said. ${extra}\n`;
/** A word of its own in each agency's report (each report's body differs), and no name: an agency's name is not what its report is about. */
const HOW: Record<string, string> = { AP: "officially", AFP: "formally", Reuters: "finally", dpa: "quietly", EFE: "reluctantly", ANSA: "duly" };
const saints = (who: string, day: string, hurt: string, foe: string, extra: string) => injury("Saints", "New Orleans", "Sean Payton", who, day, hurt, foe, extra);
const bush = saints("Reggie Bush", "Wednesday", "tore a knee ligament", "Carolina Panthers", "The Saints have lost four of their last five games, and Bush will have surgery in Birmingham, Alabama.");
const thomas = saints("Pierre Thomas", "Tuesday", "broke a rib", "Atlanta Falcons", "The Saints signed Joique Bell from the Philadelphia Eagles practice squad to replace Thomas before the Minnesota Vikings game.");
const strike = (tag: string) =>
  `Dockers at Vlissingen end their strike (${tag})\n\nVLISSINGEN, Netherlands (Reuters) — Dock workers in Vlissingen ended a nine-day strike on Thursday after the port authority Zeeland Seaports agreed to a pay rise, union leader Marijke Verhoeven said.\n\nShips that had waited off Vlissingen began to unload (${tag}).\n`;

describe("event assignment at import", () => {
  it("puts reports of one event together and another event apart, with the event's title, arrivals and term index", async () => {
    const start = later(24 * 30);
    const a = await arrive(flood("AP first"), start);
    const b = await arrive(strike("first"), later());
    const c = await arrive(flood("AFP", "Peru's civil defence agency said two people were missing."), later());
    expect(await eventOf(c)).toBe(await eventOf(a));
    expect(await eventOf(b)).not.toBe(await eventOf(a));

    const event = await db.newsEvent.findUniqueOrThrow({ where: { id: await eventOf(a) } });
    expect(event.wireCount).toBe(2);
    expect(event.title).toMatch(/^Floods swamp Quillabamba/);
    expect(event.firstArrival.getTime()).toBe(start);
    expect(event.lastArrival.getTime()).toBe(start + 2 * HOUR);
    // The profile is the inverted index: the event is found by the wire's names.
    expect(await db.newsEventTerm.count({ where: { eventId: event.id, term: "N:quillabamba" } })).toBe(1);
  });

  it("puts wires of a new event arriving together into one event, each counted once", async () => {
    const quake = (agency: string) =>
      `Earthquake shakes Tarakan island (${agency})\n\nTARAKAN, Indonesia (${agency}) — A magnitude 6.1 earthquake shook Tarakan island in North Kalimantan on Friday, damaging the Juata harbour, the regional disaster agency said (${agency}).\n\nFishermen in Tarakan said the sea pulled back before the tremor (${agency}).\n`;
    const wireCount = async () => (await db.eventTermFrequency.findUnique({ where: { term: "" } }))?.wires ?? 0;
    const wiresBefore = await wireCount();
    vi.useFakeTimers({ toFake: ["Date"], now: later(24 * 30) });
    const results = await Promise.all(["AP", "AFP", "Reuters", "dpa"].map((agency) => importWireStory({ source: { kind: "user", user: writer }, upload: { text: quake(agency) } })));
    vi.useRealTimers();
    const events = new Set(await Promise.all(results.map((result) => eventOf(result.story.id))));
    expect(events.size).toBe(1);
    const [eventId] = [...events];
    const event = await db.newsEvent.findUniqueOrThrow({ where: { id: eventId! } });
    expect(event.wireCount).toBe(4);
    // The fourth wire re-chose the title: a member's, under its headline.
    const representative = await db.wireStory.findUniqueOrThrow({ where: { id: event.representativeWireId! }, select: { id: true, title: true } });
    expect(results.map((result) => result.story.id)).toContain(representative.id);
    expect(event.title).toBe(representative.title);
    expect(event.title).toMatch(/^Earthquake shakes Tarakan island \((AP|AFP|Reuters|dpa)\)$/);
    expect(await wireCount()).toBe(wiresBefore + 4);
    expect((await db.eventTermFrequency.findUniqueOrThrow({ where: { term: "N:tarakan" } })).wires).toBe(4);
  });

  it("splits an event that took a sibling event's first report once the two show, audited as the system's, and seen by who had seen it", async () => {
    // A desk of its own: what other files imported would weigh on these words (the wires stored so far are assigned again below, in "one algorithm").
    await resetEvents();
    const b1 = await arrive(bush("AP"), later(24 * 30));
    const t1 = await arrive(thomas("AP"), later());
    const eventId = await eventOf(b1);
    expect(await eventOf(t1)).toBe(eventId);
    vi.useFakeTimers({ toFake: ["Date"], now: later() });
    await markEventSeen(editor, eventId);
    vi.useRealTimers();
    const b2 = await arrive(bush("AFP"), later());
    const t2 = await arrive(thomas("AFP"), later());

    expect(await eventOf(b2)).toBe(eventId);
    const newEventId = await eventOf(t1);
    expect(newEventId).not.toBe(eventId);
    expect(await eventOf(t2)).toBe(newEventId);
    const kept = await db.newsEvent.findUniqueOrThrow({ where: { id: eventId } });
    const split = await db.newsEvent.findUniqueOrThrow({ where: { id: newEventId } });
    expect(kept).toMatchObject({ wireCount: 2, title: expect.stringMatching(/Reggie Bush/) });
    expect(split).toMatchObject({ wireCount: 2, title: expect.stringMatching(/Pierre Thomas/), representativeWireId: expect.stringMatching(new RegExp(`^(${t1}|${t2})$`)) });
    expect(split.firstArrival.getTime()).toBe((await db.wireStory.findUniqueOrThrow({ where: { id: t1 } })).createdAt.getTime());
    // Each event's profile holds its own wires' terms only.
    expect(await db.newsEventTerm.count({ where: { eventId, term: "N:thoma" } })).toBe(0);
    expect(await db.newsEventTerm.count({ where: { eventId: newEventId, term: "N:thoma" } })).toBe(1);
    expect(await db.newsEventTerm.count({ where: { eventId: newEventId, term: "N:bush" } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "event.split", subjectId: eventId } });
    expect(audit.actorId).toBeNull();
    expect(audit.data).toMatchObject({ newEventId, wireStoryIds: expect.arrayContaining([t1, t2]), automatic: true });
    // The editor had seen Thomas's first report in the event it left: only the one after is new.
    expect((await getEvent(newEventId, editor.id))!.wires.map((w) => [w.id, w.isNew])).toEqual([[t1, false], [t2, true]]);

    // The next reports go to their own events.
    expect(await eventOf(await arrive(thomas("Reuters"), later()))).toBe(newEventId);
    expect(await eventOf(await arrive(bush("Reuters"), later()))).toBe(eventId);
  });

  it("lets an event go quiet: a like report weeks later starts a new event", async () => {
    const first = await arrive(flood("quiet test"), later());
    const weeksLater = await arrive(flood("quiet test, weeks later"), later((DEFAULT_CLUSTER_PARAMS.quietDays + 2) * 24));
    expect(await eventOf(weeksLater)).not.toBe(await eventOf(first));
  });
});

describe("editors correct events", () => {
  it("moves, splits and merges, audited, and later wires respect the corrections", async () => {
    // Weeks after the others: these start events of their own.
    const f1 = await arrive(flood("corr 1"), later(24 * 30));
    const f2 = await arrive(flood("corr 2", "The army sent helicopters."), later());
    const s1 = await arrive(strike("corr 1"), later());
    const floodEvent = await eventOf(f1);
    const strikeEvent = await eventOf(s1);
    expect(await eventOf(f2)).toBe(floodEvent);

    await expect(moveWireToEvent({ actor: writer, eventId: floodEvent, input: { wireStoryId: f2, toEventId: strikeEvent } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The editor saw f2 in the strike event: it is not there, so the move is refused and nothing changes.
    await expect(moveWireToEvent({ actor: editor, eventId: strikeEvent, input: { wireStoryId: f2, toEventId: floodEvent } })).rejects.toMatchObject({ code: "CONFLICT" });

    await moveWireToEvent({ actor: editor, eventId: floodEvent, input: { wireStoryId: f2, toEventId: strikeEvent } });
    expect(await eventOf(f2)).toBe(strikeEvent);
    const moved = await db.wireStory.findUniqueOrThrow({ where: { id: f2 } });
    expect(moved.eventPlacedById).toBe(editor.id);
    expect(await db.auditEvent.count({ where: { action: "event.move", subjectId: f2, actorId: editor.id } })).toBe(1);
    expect((await db.newsEvent.findUniqueOrThrow({ where: { id: floodEvent } })).wireCount).toBe(1);

    // A later version of the moved wire follows it.
    const f2v2 = await arrive(flood("corr 2", "The army sent helicopters. Updates toll.").replace("800 families", "900 families"), later());
    const version = await db.wireStory.findUniqueOrThrow({ where: { id: f2v2 }, select: { itemKey: true, version: true } });
    const original = await db.wireStory.findUniqueOrThrow({ where: { id: f2 }, select: { itemKey: true } });
    expect(version).toMatchObject({ itemKey: original.itemKey, version: 2 });
    expect(await eventOf(f2v2)).toBe(strikeEvent);

    // Split: the flood wire goes off on its own, with every version of its item.
    const split = await splitEvent({ actor: editor, eventId: strikeEvent, input: { wireStoryIds: [f2] } });
    expect(split.eventId).not.toBe(strikeEvent);
    expect(await eventOf(f2v2)).toBe(split.eventId);
    expect(await db.wireStory.count({ where: { eventId: strikeEvent } })).toBe(1);
    await expect(splitEvent({ actor: editor, eventId: strikeEvent, input: { wireStoryIds: [s1] } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });

    // Merge the split-off event into the first flood event: one flood event again, the other gone,
    // and a story made from the merged event now follows the event it was merged into.
    const { storyId } = await createStoryFromEvent({ actor: writer, eventId: split.eventId });
    await mergeEvents({ actor: editor, eventId: floodEvent, input: { fromEventId: split.eventId } });
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).newsEventId).toBe(floodEvent);
    expect(await eventOf(f2)).toBe(floodEvent);
    expect(await db.newsEvent.findUnique({ where: { id: split.eventId } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: { in: ["event.split", "event.merge"] }, actorId: editor.id } })).toBeGreaterThanOrEqual(2);
    const f3 = await arrive(flood("corr 3", "Schools were closed."), later());
    expect(await eventOf(f3)).toBe(floodEvent);

    // The profile follows the wires: the strike event lost the flood report's terms when it left.
    const terms = await db.newsEventTerm.findMany({ where: { eventId: strikeEvent, term: "N:quillabamba" } });
    expect(terms).toEqual([]);
  });

  it("deleting a wire takes it out of its event, and an emptied event goes", async () => {
    const only = await arrive(strike("to delete, alone"), later(24 * 30));
    const eventId = await eventOf(only);
    await deleteWireStory({ deleter: { kind: "user", user: editor }, wireStoryId: only });
    expect(await db.newsEvent.findUnique({ where: { id: eventId } })).toBeNull();
  });
});

describe("the events view and consolidating an event", () => {
  it("lists events with what arrived since the user looked, and a story made from an event is offered its new wires", async () => {
    const a = await arrive(flood("view 1"), later(24 * 30));
    const eventId = await eventOf(a);
    await arrive(flood("view 2", "Roads to Cusco were cut."), later());

    const page = await listEvents(editor.id);
    const listed = page.items.find((item) => item.id === eventId)!;
    expect(listed).toMatchObject({ wireCount: 2, seen: false, newSinceSeen: 2, agencies: ["AP"] });
    vi.useFakeTimers({ toFake: ["Date"], now: later() });
    await markEventSeen(editor, eventId);
    vi.useRealTimers();
    expect((await listEvents(editor.id)).items.find((item) => item.id === eventId)).toMatchObject({ seen: true, newSinceSeen: 0 });

    const { storyId } = await createStoryFromEvent({ actor: writer, eventId });
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).newsEventId).toBe(eventId);
    expect(await db.storyWire.count({ where: { storyId } })).toBe(2);

    const c = await arrive(flood("view 3", "A bridge at Chaullay collapsed."), later());
    expect(await eventOf(c)).toBe(eventId);
    expect(await db.storyWire.findUnique({ where: { storyId_wireStoryId: { storyId, wireStoryId: c } } })).toMatchObject({ addedById: null });
    expect((await listEvents(editor.id)).items.find((item) => item.id === eventId)).toMatchObject({ newSinceSeen: 1 });
    const detail = (await getEvent(eventId, editor.id))!;
    expect(detail.wires.map((w) => w.isNew)).toEqual([false, false, true]);
    expect(detail.stories.map((s) => s.id)).toEqual([storyId]);
  });

  it("does not offer a story a wire that would take it past the sentences a story can hold", async () => {
    const a = await arrive(flood("full 1"), later(24 * 30));
    const eventId = await eventOf(a);
    await arrive(flood("full 2", "Roads to Cusco were cut."), later());
    const { storyId } = await createStoryFromEvent({ actor: writer, eventId });
    const held = (await db.storyWire.findMany({ where: { storyId }, select: { wireStoryId: true } })).map((row) => row.wireStoryId);
    expect(held).toHaveLength(2);
    // The story's wires stand for long ones: together they leave room for no more than two sentences.
    const stored = await db.wireStory.findMany({ where: { id: { in: held } }, select: { id: true, sentenceCount: true } });
    await db.wireStory.update({ where: { id: held[0]! }, data: { sentenceCount: MAX_STORY_SENTENCES - 2 - stored.find((w) => w.id === held[1])!.sentenceCount } });
    try {
      const c = await arrive(flood("full 3", "A bridge at Chaullay collapsed."), later());
      expect(await eventOf(c)).toBe(eventId);
      expect(await db.storyWire.findUnique({ where: { storyId_wireStoryId: { storyId, wireStoryId: c } } })).toBeNull();
    } finally {
      for (const wire of stored) await db.wireStory.update({ where: { id: wire.id }, data: { sentenceCount: wire.sentenceCount } });
    }
  });

  it("pages through events by keyset, newest activity first", async () => {
    const first = await listEvents(editor.id, null, 2);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listEvents(editor.id, first.nextCursor, 2);
    expect(second.items[0]!.lastArrival.getTime()).toBeLessThanOrEqual(first.items[1]!.lastArrival.getTime());
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });
});

// Last in the file: it starts events afresh, so the counts are the ones an in-memory run sees.
describe("one algorithm", () => {
  it("assigns as the in-memory clusterer of the command line and the evaluation does", async () => {
    await resetEvents();
    const files = ecbEventFolders(corpusPath("news-clusters/ecbplus"))
      .filter((folder) => folder.topic <= 3)
      .flatMap((folder) => folder.files);
    const order = seededShuffle(files, 7);
    const memory = new EventClusterer();
    const inMemory = new Map<string, string>();
    const inDatabase = new Map<string, string>();
    const wireOf = new Map<string, string>();
    let splits = 0;
    const start = later(24 * 30);
    for (const [i, file] of order.entries()) {
      const parsed = parseWireFile(file);
      const at = start + i * 60_000;
      if (memory.add({ id: file, headline: parsed.headline, dateline: parsed.dateline, sentences: parsed.sentences.map((s) => s.text), arrivedAt: at }).split) splits++;
      wireOf.set(file, await arrive(`${parsed.headline ?? ""}\n\n${parsed.sentences.map((s) => s.text).join(" ")}\n`, at));
    }
    // Where each wire is at the end: an event may have been split since the wire joined it.
    for (const file of order) {
      inMemory.set(file, memory.eventOf(file)!);
      inDatabase.set(file, await eventOf(wireOf.get(file)!));
    }
    const partition = (assigned: Map<string, string>) => {
      const groups = new Map<string, string[]>();
      for (const file of order) groups.set(assigned.get(file)!, [...(groups.get(assigned.get(file)!) ?? []), file]);
      return [...groups.values()];
    };
    expect(order.length).toBeGreaterThan(40);
    expect(partition(inDatabase)).toEqual(partition(inMemory));
    expect(partition(inMemory).length).toBeGreaterThan(3);
    // Splits among them: the database splits the events the in-memory clusterer splits.
    expect(splits).toBeGreaterThan(0);
  }, 120_000);

  it("assigns the wires stored before events existed, once (the worker does at start)", async () => {
    // The test above left every earlier wire of this run without an event, as an older database has them.
    const waiting = await db.wireStory.count({ where: { eventId: null } });
    expect(waiting).toBeGreaterThan(0);
    expect(await assignUnassignedWires(7)).toBe(waiting);
    expect(await db.wireStory.count({ where: { eventId: null } })).toBe(0);
    expect(await assignUnassignedWires()).toBe(0);
    const total = await db.eventTermFrequency.findUniqueOrThrow({ where: { term: "" } });
    expect(total.wires).toBe(await db.wireStory.count());
    // Every wire the run has stored so far is assigned again, the other files' 2 MB wires among them.
  }, 120_000);
});

describe.skipIf(inject("embeddedDatabase"))("lock order (PostgreSQL only: PGlite runs one transaction at a time)", () => {
  it("a new version arriving while an editor holds the item's wire waits for the editor, without a deadlock", async () => {
    const report = (body: string) => `Ferry service to Vlieland resumes\n\nHARLINGEN, Netherlands (AP) — ${body}\n`;
    const first = await arrive(report("Ferries to Vlieland sailed again on Sunday after a storm, the operator Doeksen said."));
    let update: Promise<Awaited<ReturnType<typeof importWireStory>>> | undefined;
    // What a move, split or merge does: the wire rows first, then the events lock (correct-events.ts).
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "WireStory" WHERE id = ${first} FOR UPDATE`;
      update = importWireStory({ source: { kind: "user", user: writer }, upload: { text: report("Ferries to Vlieland sailed again on Sunday after a storm, the operator Doeksen said, with 1,200 passengers."), contentType: "text/plain" } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await lockEvents(tx);
    });
    const result = await update!;
    expect(result.outcome).toBe("new-version");
    expect(await eventOf(result.story.id)).toBe(await eventOf(first));
  });

  it("an import does not split an event while an editor holds one of the wires that would move, and does not deadlock", async () => {
    // A desk of its own, as the in-memory clusterer starts (the wires stored so far are assigned again at the end).
    await resetEvents();
    const jets = (who: string, day: string, hurt: string, foe: string, extra: string) => injury("Jets", "East Rutherford", "Eric Mangini", who, day, hurt, foe, extra);
    const washington = jets("Leon Washington", "Monday", "broke his leg", "Oakland Raiders", "Washington, the team's kick returner, was carted off the field at Giants Stadium in the third quarter. He will have surgery on his fibula in Newark.");
    const jones = jets("Thomas Jones", "Friday", "tore a hamstring", "Denver Broncos", "Jones, who leads the conference in rushing yards, was hurt in the fourth quarter at Invesco Field. The Jets signed Danny Woodhead from the Kansas City Chiefs practice squad.");
    const b1 = await arrive(washington("dpa"), later(24 * 30));
    const t1 = await arrive(jones("dpa"), later());
    await arrive(washington("EFE"), later());
    const eventId = await eventOf(b1);
    expect(await eventOf(t1)).toBe(eventId);
    let update: Promise<Awaited<ReturnType<typeof importWireStory>>> | undefined;
    vi.useFakeTimers({ toFake: ["Date"], now: later() });
    // An editor's correction: the wire row first, then the events lock, which the import holds meanwhile.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "WireStory" WHERE id = ${t1} FOR UPDATE`;
      update = importWireStory({ source: { kind: "user", user: writer }, upload: { text: jones("EFE"), contentType: "text/plain" } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await lockEvents(tx);
    });
    vi.useRealTimers();
    const t2 = (await update!).story.id;
    expect(await eventOf(t1)).toBe(eventId);
    expect(await eventOf(t2)).toBe(eventId);
    expect(await db.auditEvent.count({ where: { action: "event.split", subjectId: eventId } })).toBe(0);
    // Unheld, the event splits when it next reaches a check size (6 wires).
    await arrive(washington("ANSA"), later());
    await arrive(jones("ANSA"), later());
    expect(await eventOf(t1)).not.toBe(eventId);
    expect(await eventOf(t2)).toBe(await eventOf(t1));
    // Every wire the run has stored so far is assigned again, the other files' 2 MB wires among
    // them: 13 to 21 s in full CI runs, over the default 30 s once on a busy machine.
    await assignUnassignedWires();
  }, 120_000);

  it("a version that arrives while an editor moves its wire moves with it", async () => {
    const report = (body: string) => `Ferry service to Terschelling resumes\n\nHARLINGEN, Netherlands (AFP) — ${body}\n`;
    const first = await arrive(report("Ferries to Terschelling sailed again on Monday after a storm, the operator Doeksen said."));
    const elsewhere = await eventOf(await arrive(strike("lock order")));
    const from = await eventOf(first);
    let update: Promise<Awaited<ReturnType<typeof importWireStory>>> | undefined;
    let move: Promise<unknown> | undefined;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 400));
    await db.$transaction(async (tx) => {
      // Another import holds the events lock: the new version waits for it holding its item's
      // latest row, and the move waits for that row.
      await lockEvents(tx);
      update = importWireStory({ source: { kind: "user", user: writer }, upload: { text: report("Ferries to Terschelling sailed again on Monday after a storm, the operator Doeksen said, with 900 passengers."), contentType: "text/plain" } });
      await pause();
      move = moveWireToEvent({ actor: editor, eventId: from, input: { wireStoryId: first, toEventId: elsewhere } });
      await pause();
    });
    const [result] = await Promise.all([update!, move!]);
    expect(result.outcome).toBe("new-version");
    expect(await eventOf(first)).toBe(elsewhere);
    expect(await eventOf(result.story.id)).toBe(elsewhere);
  });
});
