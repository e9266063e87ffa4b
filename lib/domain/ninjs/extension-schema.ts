/**
 * Factdesk's extension of IPTC ninjs: the JSON Schema (draft 2020-12) that a published story's
 * ninjs names in `standard.schema`. IPTC's schemas allow no property outside the standard
 * (`unevaluatedProperties: false` at the root), so per-fact sourcing, which ninjs has no field for,
 * is declared here the way IPTC's schema-extension example does it: every property of the
 * official `ninjsType`, plus ours, and nothing else.
 */
import { NINJS_VERSIONS, officialNinjsSchemaUri, type NinjsVersion } from "./versions";

/** The extension properties, the same in every ninjs version so a client reads them one way. */
export const FACTS_PROPERTY = "factdesk_facts";
export const SOURCES_PROPERTY = "factdesk_sources";

const SCHEMA_FILE_PREFIX = "factdesk-ninjs-";

/** The file name the schema for `version` is served under, e.g. `factdesk-ninjs-2.1.json`. */
export function extensionSchemaFileName(version: NinjsVersion): string {
  return `${SCHEMA_FILE_PREFIX}${version}.json`;
}

/** Where the app serves the extension schema for `version`. */
export function extensionSchemaPath(version: NinjsVersion): string {
  return `/api/v1/schemas/${extensionSchemaFileName(version)}`;
}

/** The ninjs version whose extension schema `fileName` is, or null for any other name. */
export function versionOfExtensionSchema(fileName: string): NinjsVersion | null {
  return NINJS_VERSIONS.find((version) => extensionSchemaFileName(version) === fileName) ?? null;
}

/** An object schema that allows exactly the properties it names. */
function closedObject(description: string, required: string[], properties: Record<string, unknown>) {
  return { type: "object", description, required, additionalProperties: false, properties };
}

const sentenceProperties = {
  wireStoryId: { type: "string", minLength: 1, description: "The wire story: its `uri` in the info sources and in `factdesk_sources` is urn:factdesk:wire:<wireStoryId>." },
  start: { type: "integer", minimum: 0, description: "Offset of the sentence's first character in the wire story's text." },
  end: { type: "integer", minimum: 0, description: "Offset just past the sentence's last character." },
  agency: { type: ["string", "null"], description: "The agency that sent the wire story; null when it is not known." },
} as const;

/** The extension schema for `version`, identified by the absolute URL it is served at under `origin`. */
export function factdeskExtensionSchema(version: NinjsVersion, origin: string) {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${origin}${extensionSchemaPath(version)}`,
    title: `Factdesk extension of IPTC ninjs ${version}`,
    description:
      `A published Factdesk story: IPTC ninjs ${version} (every property of its ninjsType), plus where each fact comes from. ` +
      `\`${FACTS_PROPERTY}\` lists the story's facts in reading order with the wire sentences that support each one and those that report another value; ` +
      `\`${SOURCES_PROPERTY}\` lists the wire stories those sentences belong to, numbered as the story's public page numbers them.`,
    type: "object",
    allOf: [{ $ref: `${officialNinjsSchemaUri(version)}#/$defs/ninjsType` }],
    required: ["uri"],
    properties: {
      [FACTS_PROPERTY]: { type: "array", items: { $ref: "#/$defs/fact" } },
      [SOURCES_PROPERTY]: { type: "array", items: { $ref: "#/$defs/source" } },
    },
    unevaluatedProperties: false,
    $defs: {
      fact: closedObject("A fact of the story: one sentence or clause of its body.", ["id", "paragraph", "text", "ownReporting", "sources", "disputedBy"], {
          id: { type: "string", minLength: 1, description: "Stable across versions of the story." },
          paragraph: { type: "integer", minimum: 0, description: "The body paragraph the fact is in, counted from 0." },
          text: { type: "string" },
          ownReporting: { type: "boolean", description: "The fact rests, wholly or partly, on the newsroom's own reporting." },
          sources: { type: "array", description: "Wire sentences that support the fact.", items: { $ref: "#/$defs/sentence" } },
          disputedBy: {
            type: "array",
            description: "Wire sentences that report another value for the fact; none of them is among its sources.",
            items: { $ref: "#/$defs/disputingSentence" },
          },
        }),
      sentence: closedObject("A sentence of a wire story, by character offsets into its text.", ["wireStoryId", "start", "end", "agency"], sentenceProperties),
      disputingSentence: closedObject("A wire sentence that reports another value for a fact.", ["wireStoryId", "start", "end", "agency", "value"], { ...sentenceProperties, value: { type: "string", description: "The value as that wire reports it, e.g. \"1,200 kilometers\"." } }),
      source: closedObject("A wire story that supports a fact of the story or reports another value for one.", ["number", "wireStoryId", "uri", "agency", "headline", "date"], {
          number: { type: "integer", minimum: 1, description: "The source's number on the story's public page: in order of first citation, wires that only dispute facts last." },
          wireStoryId: { type: "string", minLength: 1 },
          uri: { type: "string", format: "uri", description: "urn:factdesk:wire:<wireStoryId>, as in the info sources (`infosources`, `infoSources` from ninjs 3.0)." },
          agency: { type: ["string", "null"] },
          headline: { type: ["string", "null"], description: "The wire story's headline." },
          date: { anyOf: [{ type: "string", format: "date" }, { type: "null" }], description: "The day the wire story is dated." },
        }),
    },
  };
}
