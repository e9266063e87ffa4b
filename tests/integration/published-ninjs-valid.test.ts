/**
 * What a ninjs client gets for a published story is valid: the HTTP response body of every
 * published story, as ninjs 2.1 (the default) and 3.1 (on request), validated against IPTC's
 * official schema plus the extension schema the app serves and `standard.schema` names, with
 * every field still saying what the story says.
 */
import { beforeAll, expect, it, vi } from "vitest";
import { GET as publishedNinjs } from "@/app/api/v1/published/[slug]/route";
import { GET as schemaByName } from "@/app/api/v1/schemas/[name]/route";
import { NINJS_VERSIONS, officialNinjsSchemaUri, type NinjsVersion } from "@/lib/domain/ninjs/versions";
import type { CurrentUser } from "@/lib/server/auth";
import { publishedStory, type PublishedStory } from "@/lib/server/queries/published";
import { ninjsValidator, type NinjsValidator } from "../support/ninjs-validator";
import { describeWithCorpus } from "../support/shared-folder";
import { approveAndPublish, call, newsroom, PUBLIC_ORIGIN, publicNinjs, publishedWithFictionalWire } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));


interface Ninjs {
  standard: { name: string; version: string; schema: string };
  [property: string]: unknown;
}

/** How a request asks for each version; 2.1 is also what a request that names none gets. */
const ASKS: { version: NinjsVersion; ask: { query?: string; accept?: string } }[] = [
  { version: "2.1", ask: {} },
  { version: "2.1", ask: { accept: "application/json" } },
  { version: "2.1", ask: { query: "version=2.1", accept: "application/json; version=3.1" } },
  { version: "3.1", ask: { query: "version=3.1" } },
  { version: "3.1", ask: { accept: "application/json; version=3.1" } },
  { version: "3.1", ask: { accept: 'application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"' } },
];

/** The ninjs 2.1 name of a property, for the ones this app publishes (3.x spells them in camelCase). */
const in21 = (name: string, version: NinjsVersion) => (version === "2.1" ? name.toLowerCase() : name);

describeWithCorpus("wire-formats", "published ninjs against IPTC's schemas and the Factdesk extension", (corpus) => {
  let validator: NinjsValidator;
  const stories: { slug: string; story: PublishedStory }[] = [];

  beforeAll(async () => {
    session.user = null;
    validator = ninjsValidator(corpus);
    for (const version of NINJS_VERSIONS) {
      // The extension schema exactly as a client downloads it.
      const served = await call(schemaByName, { name: `factdesk-ninjs-${version}.json` }, { method: "GET" });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("application/schema+json");
      validator.addSchema((await served.json()) as object);
    }
    // Every published story of the newsroom: the five seeds, and the seeds with a wire that disputes facts.
    const seeds = await approveAndPublish(await newsroom({ wires: 5 }));
    const { slug: disputed } = await publishedWithFictionalWire();
    for (const slug of [seeds, disputed]) stories.push({ slug, story: (await publishedStory(slug))! });
  });

  it("is valid, as served, against the schema standard.schema names and, without the extension properties, against IPTC's schema alone", async () => {
    for (const { slug } of stories) {
      for (const { version, ask } of ASKS) {
        const { body, response } = await publicNinjs<Ninjs>(slug, ask);
        const schema = `${PUBLIC_ORIGIN}/api/v1/schemas/factdesk-ninjs-${version}.json`;
        expect(body.standard, `${slug} ${JSON.stringify(ask)}`).toEqual({ name: "ninjs", version, schema });
        expect(response.headers.get("link")).toBe(`<${schema}>; rel="describedby"`);
        expect(response.headers.get("vary")).toBe("Accept");
        expect(validator.errors(body.standard.schema, body), `${slug} as ninjs ${version}`).toEqual([]);
        const standardPart = Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith("factdesk_")));
        expect(validator.errors(officialNinjsSchemaUri(version), standardPart), `${slug} as plain ninjs ${version}`).toEqual([]);
      }
    }
  });

  it("says what the published story says: headline, body, dates, place, the wires behind each fact", async () => {
    for (const { slug, story } of stories) {
      const { document, citations } = story;
      const paragraphs = document.paragraphs.map((paragraph) => paragraph.facts.map((fact) => fact.text).join(" "));
      const supporting = citations.sources.filter((source) => source.supports.length > 0);
      expect(supporting.length).toBeGreaterThan(1);
      for (const version of NINJS_VERSIONS) {
        const { body } = await publicNinjs<Ninjs>(slug, { query: `version=${version}` });
        expect(body).toMatchObject({
          uri: `${PUBLIC_ORIGIN}/p/${slug}`,
          type: "text",
          version: String(story.live.number),
          [in21("firstCreated", version)]: story.firstPublishedAt.toISOString(),
          [in21("versionCreated", version)]: story.live.publishedAt!.toISOString(),
          [in21("pubStatus", version)]: "usable",
          language: "en",
          headlines: [{ role: "main", value: document.headline }],
          bodies: [
            { [in21("contentType", version)]: "text/plain", value: paragraphs.join("\n\n") },
            { [in21("contentType", version)]: "text/html", value: expect.stringContaining(`<p>${paragraphs[0]!.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`) },
          ],
        });
        if (document.dateline) expect(body.located).toBe(document.dateline);
        else expect(body).not.toHaveProperty("located");
        // Every wire that supports a fact is an info source, by its URN; a wire that only disputes facts is not.
        expect(body[in21("infoSources", version)]).toEqual(supporting.map(({ wire }) => expect.objectContaining({ name: wire.agency ?? "Unattributed", uri: `urn:factdesk:wire:${wire.id}` })));
        const facts = body.factdesk_facts as { id: string; text: string; sources: { wireStoryId: string }[]; disputedBy: { wireStoryId: string }[] }[];
        expect(facts.map((fact) => [fact.id, fact.text])).toEqual(citations.facts.map(({ fact }) => [fact.id, fact.text]));
        expect(facts.map((fact) => fact.sources.map((source) => source.wireStoryId))).toEqual(citations.facts.map(({ fact }) => fact.sources.map((source) => source.wireStoryId)));
        // Every wire a fact names, supporting or disputing, is described once in factdesk_sources.
        const described = (body.factdesk_sources as { wireStoryId: string; headline: string | null }[]).map((source) => source.wireStoryId);
        const named = new Set(facts.flatMap((fact) => [...fact.sources, ...fact.disputedBy].map((source) => source.wireStoryId)));
        expect(new Set(described)).toEqual(named);
        expect(described).toEqual(citations.sources.map(({ wire }) => wire.id));
      }
    }
    const disputedFacts = (await publicNinjs<{ factdesk_facts: { disputedBy: unknown[] }[] }>(stories[1]!.slug, { query: "version=3.1" })).body.factdesk_facts;
    expect(disputedFacts.some((fact) => fact.disputedBy.length > 0)).toBe(true);
  });
});

it("refuses a ninjs version it does not serve, and serves the extension schemas only by their names", async () => {
  const story = await approveAndPublish(await newsroom({ wires: 2 }));
  const unknownVersion = await publishedNinjs(new Request(`${PUBLIC_ORIGIN}/api/v1/published/${story}?version=3.0`), { params: Promise.resolve({ slug: story }) });
  expect(unknownVersion.status).toBe(400);
  expect(await unknownVersion.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: expect.stringContaining("2.1, 3.1") } });
  for (const name of ["factdesk-ninjs-3.0.json", "ninjs-schema_2.1.json", "..%2Fpackage.json"]) {
    expect((await call(schemaByName, { name }, { method: "GET" })).status).toBe(404);
  }
  const schema = (await (await call(schemaByName, { name: "factdesk-ninjs-3.1.json" }, { method: "GET" })).json()) as { $id: string; allOf: { $ref: string }[] };
  expect(schema.$id).toBe(`${PUBLIC_ORIGIN}/api/v1/schemas/factdesk-ninjs-3.1.json`);
  expect(schema.allOf).toEqual([{ $ref: "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#/$defs/ninjsType" }]);
});
