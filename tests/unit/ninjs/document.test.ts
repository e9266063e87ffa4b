import { describe, expect, it } from "vitest";
import { buildNinjs, CONTENT_SOURCE_ROLE, type NinjsStory } from "@/lib/domain/ninjs/document";
import { extensionSchemaPath, factdeskExtensionSchema, versionOfExtensionSchema } from "@/lib/domain/ninjs/extension-schema";
import { NINJS_VERSIONS, officialNinjsSchemaUri } from "@/lib/domain/ninjs/versions";
import { citeSources } from "@/lib/domain/story/citations";
import { ninjsValidator } from "../../support/ninjs-validator";
import { describeWithCorpus } from "../../support/shared-folder";
import { PUBLISHED_ORIGIN, PUBLISHED_WIRES, publishedStoryOf } from "../story/published-support";
import { makeDoc, makeFact, src } from "../story/support";

const ORIGIN = PUBLISHED_ORIGIN;
const WIRES = PUBLISHED_WIRES;

function story(overrides: Partial<NinjsStory> = {}): NinjsStory {
  return publishedStoryOf(
    makeDoc(
      [
        ["p1", [makeFact("a", { text: "Kim <arrived> & waved.", sources: [src("ap", 0, 20), src("anon", 3, 9)] }), makeFact("b", { sources: [], ownReportingNote: "Our source, do not name." })]],
        ["p2", [makeFact("c", { text: "The train covered 900 kilometers.", sources: [src("ap", 30, 60)], disputedBy: [{ ...src("afp", 5, 40), value: "1,200 kilometers" }] })]],
      ],
      { standfirst: "", dateline: "SEOUL" },
    ),
    overrides,
  );
}

describe("buildNinjs", () => {
  it("says in ninjs 2.1 what the story is, when it was published, where from, and which wires support it", () => {
    const ninjs = buildNinjs(story(), "2.1", ORIGIN);
    expect(ninjs).toMatchObject({
      uri: `${ORIGIN}/p/kim-arrives`,
      type: "text",
      representationtype: "full",
      version: "2",
      firstcreated: "2026-12-01T10:00:00.000Z",
      versioncreated: "2026-12-02T11:30:00.000Z",
      pubstatus: "usable",
      language: "en",
      headlines: [{ role: "main", value: "Kim arrives in Russia" }],
      descriptions: [{ role: "summary", value: "Kim <arrived> & waved. Fact b." }],
      located: "SEOUL",
      bodies: [
        { contenttype: "text/plain", value: "Kim <arrived> & waved. Fact b.\n\nThe train covered 900 kilometers." },
        { contenttype: "text/html", value: "<p>Kim &lt;arrived&gt; &amp; waved. Fact b.</p><p>The train covered 900 kilometers.</p>" },
      ],
      infosources: [
        { name: "AP", role: CONTENT_SOURCE_ROLE, uri: "urn:factdesk:wire:ap" },
        { name: "Unattributed", role: CONTENT_SOURCE_ROLE, uri: "urn:factdesk:wire:anon" },
      ],
      ednote: "An earlier version misstated the train's route.",
      standard: { name: "ninjs", version: "2.1", schema: `${ORIGIN}/api/v1/schemas/factdesk-ninjs-2.1.json` },
    });
    expect(ninjs).not.toHaveProperty("$schema");
  });

  it("carries each fact's supporting and disputing sentences and the wires they come from in the extension properties", () => {
    const ninjs = buildNinjs(story(), "2.1", ORIGIN);
    expect(ninjs.factdesk_facts).toEqual([
      { id: "a", paragraph: 0, text: "Kim <arrived> & waved.", ownReporting: false, sources: [{ wireStoryId: "ap", start: 0, end: 20, agency: "AP" }, { wireStoryId: "anon", start: 3, end: 9, agency: null }], disputedBy: [] },
      { id: "b", paragraph: 0, text: "Fact b.", ownReporting: true, sources: [], disputedBy: [] },
      { id: "c", paragraph: 1, text: "The train covered 900 kilometers.", ownReporting: false, sources: [{ wireStoryId: "ap", start: 30, end: 60, agency: "AP" }], disputedBy: [{ wireStoryId: "afp", start: 5, end: 40, agency: "AFP", value: "1,200 kilometers" }] },
    ]);
    expect(ninjs.factdesk_sources).toEqual([
      { number: 1, wireStoryId: "ap", uri: "urn:factdesk:wire:ap", agency: "AP", headline: "Kim arrives in Russia", date: "2023-09-12" },
      { number: 2, wireStoryId: "anon", uri: "urn:factdesk:wire:anon", agency: null, headline: "Untitled", date: null },
      { number: 3, wireStoryId: "afp", uri: "urn:factdesk:wire:afp", agency: "AFP", headline: null, date: null },
    ]);
    expect(JSON.stringify(ninjs)).not.toContain("do not name");
  });

  it("says the same in ninjs 3.1 under its camelCase names", () => {
    const v21 = buildNinjs(story(), "2.1", ORIGIN);
    const v31 = buildNinjs(story(), "3.1", ORIGIN);
    const renamed: Record<string, string> = { representationtype: "representationType", firstcreated: "firstCreated", versioncreated: "versionCreated", pubstatus: "pubStatus", infosources: "infoSources", ednote: "edNote" };
    const bodies = (v21.bodies as { contenttype: string; value: string }[]).map(({ contenttype, value }) => ({ contentType: contenttype, value }));
    const expected = Object.fromEntries(Object.entries(v21).map(([key, value]) => [renamed[key] ?? key, value]));
    expect(v31).toEqual({ ...expected, bodies, standard: { name: "ninjs", version: "3.1", schema: `${ORIGIN}/api/v1/schemas/factdesk-ninjs-3.1.json` } });
  });

  it("leaves out what a story does not have: description, place, correction note", () => {
    const bare = story({ correctionNote: null, document: { ...story().document, standfirst: "", dateline: null, paragraphs: [] } });
    for (const version of NINJS_VERSIONS) {
      const ninjs = buildNinjs({ ...bare, citations: citeSources(bare.document, WIRES) }, version, ORIGIN);
      for (const absent of ["descriptions", "located", "ednote", "edNote"]) expect(ninjs).not.toHaveProperty(absent);
      expect(ninjs).toMatchObject({ factdesk_facts: [], factdesk_sources: [] });
    }
  });
});

describe("the extension schema", () => {
  it("is named after its ninjs version and identified by the URL it is served at", () => {
    for (const version of NINJS_VERSIONS) {
      expect(versionOfExtensionSchema(`factdesk-ninjs-${version}.json`)).toBe(version);
      expect(factdeskExtensionSchema(version, ORIGIN).$id).toBe(`${ORIGIN}${extensionSchemaPath(version)}`);
    }
    expect(versionOfExtensionSchema("factdesk-ninjs-3.0.json")).toBeNull();
    expect(versionOfExtensionSchema("../package.json")).toBeNull();
  });
});

describeWithCorpus("wire-formats", "ninjs built for a story, against IPTC's schemas and the extension", (corpus) => {
  const validator = ninjsValidator(corpus);
  for (const version of NINJS_VERSIONS) validator.addSchema(factdeskExtensionSchema(version, ORIGIN));
  const withoutExtension = (ninjs: Record<string, unknown>) => Object.fromEntries(Object.entries(ninjs).filter(([key]) => !key.startsWith("factdesk_")));

  it.each(NINJS_VERSIONS)("ninjs %s is valid against the extension it names, and its standard part against IPTC's schema alone", (version) => {
    for (const built of [story(), story({ correctionNote: null })]) {
      const ninjs = buildNinjs(built, version, ORIGIN);
      expect(validator.errors((ninjs.standard as { schema: string }).schema, ninjs)).toEqual([]);
      expect(validator.errors(officialNinjsSchemaUri(version), withoutExtension(ninjs))).toEqual([]);
      // IPTC's schema alone refuses the extension properties: the extension schema is what lets them in.
      expect(validator.errors(officialNinjsSchemaUri(version), ninjs).join("\n")).toContain("factdesk_facts");
    }
  });

  it.each(NINJS_VERSIONS)("ninjs %s: the schemas refuse what used to be published, and any internal field in a fact", (version) => {
    const ninjs = buildNinjs(story(), version, ORIGIN);
    const schema = `${ORIGIN}${extensionSchemaPath(version)}`;
    const sourcesKey = version === "2.1" ? "infosources" : "infoSources";
    const facts = ninjs.factdesk_facts as Record<string, unknown>[];
    const refused = [
      { ...ninjs, $schema: "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json" },
      { ...ninjs, [sourcesKey]: [{ name: "AP", role: "originfeed", uri: "urn:factdesk:wire:ap", title: "Kim arrives in Russia" }] },
      { ...ninjs, factdesk_notes: [] },
      { ...ninjs, factdesk_facts: [{ ...facts[1], ownReportingNote: "Our source, do not name." }] },
      { ...ninjs, factdesk_facts: [{ ...facts[2], disputedBy: [{ wireStoryId: "afp", start: 5, end: 40, agency: "AFP" }] }] },
      { ...ninjs, uri: "not a uri" },
      { ...ninjs, [version === "2.1" ? "versioncreated" : "versionCreated"]: "yesterday" },
    ];
    for (const document of refused) expect(validator.errors(schema, document), JSON.stringify(document).slice(0, 120)).not.toEqual([]);
  });
});
